//! The default stack in `stack/` reproduces the deployment-order table of the user's
//! original description (the seed helmfile README): 21 releases in 9 layers.

use kiln::stack::Stack;
use kiln::stack::graph::Graph;
use std::path::Path;

fn default_stack() -> Stack {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("stack/stack.yaml");
    Stack::load(&path).unwrap_or_else(|e| panic!("the default stack must load: {e}"))
}

#[test]
fn layers_match_the_seed_table() {
    // Transcribed from the seed's dependency matrix ("デプロイ順序" column).
    let expected = [
        ("cilium", 1),
        ("connect", 2),
        ("cert-manager", 2),
        ("nfs-subdir-external-provisioner", 2),
        ("minio-operator", 2),
        ("external-dns", 3),
        ("traefik", 4),
        ("traefik-external", 4),
        ("minio-tenant", 5),
        ("uptime-kuma", 5),
        ("grafana", 6),
        ("mimir", 7),
        ("loki", 7),
        ("alloy", 8),
        ("daypassed-bot", 9),
        ("mc-mirror-cronjob", 9),
        ("mk-stream", 9),
        ("navidrome", 9),
        ("note-tweet-connector", 9),
        ("spotify-nowplaying", 9),
        ("subscription-manager", 9),
    ];
    let stack = default_stack();
    let graph = Graph::build(&stack).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stack.releases.len(), 21);
    for (name, layer) in expected {
        let i = stack
            .releases
            .iter()
            .position(|r| r.name == name)
            .unwrap_or_else(|| panic!("release {name} missing"));
        assert_eq!(graph.layers[i], layer, "layer of {name}");
    }
    assert_eq!(graph.max_layer(), 9);
}

#[test]
fn needs_match_the_seed_matrix() {
    // The seed's "直接依存" column, by release.
    let expected: &[(&str, &[&str])] = &[
        ("external-dns", &["connect"]),
        ("traefik", &["cert-manager", "external-dns"]),
        ("traefik-external", &["cert-manager", "external-dns"]),
        (
            "minio-tenant",
            &[
                "nfs-subdir-external-provisioner",
                "traefik",
                "minio-operator",
            ],
        ),
        (
            "uptime-kuma",
            &[
                "nfs-subdir-external-provisioner",
                "cert-manager",
                "external-dns",
                "traefik-external",
            ],
        ),
        (
            "grafana",
            &[
                "nfs-subdir-external-provisioner",
                "traefik",
                "traefik-external",
            ],
        ),
        ("mimir", &["minio-tenant", "traefik-external"]),
        ("loki", &["minio-tenant", "traefik-external"]),
        ("alloy", &["mimir", "loki"]),
        ("mc-mirror-cronjob", &["minio-tenant"]),
        (
            "navidrome",
            &["nfs-subdir-external-provisioner", "traefik-external"],
        ),
    ];
    let stack = default_stack();
    for (name, needs) in expected {
        let r = stack
            .release(name)
            .unwrap_or_else(|| panic!("release {name} missing"));
        assert_eq!(
            r.needs,
            needs.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "needs of {name}"
        );
    }
}

#[test]
fn files_named_by_the_stack_exist() {
    let stack = default_stack();
    for r in &stack.releases {
        for f in r.values.iter().chain(&r.manifests) {
            assert!(stack.dir.join(f).is_file(), "{}: {f} is missing", r.name);
        }
    }
}

#[test]
fn every_templated_file_renders_in_every_environment() {
    let stack = default_stack();
    for (env_name, env) in &stack.environments {
        for r in &stack.releases {
            for f in r
                .values
                .iter()
                .chain(&r.manifests)
                .filter(|f| f.ends_with(".j2"))
            {
                let out = kiln::stack::template::read(&stack.dir, f, env_name, env)
                    .unwrap_or_else(|e| panic!("{env_name}: {e}"));
                assert!(
                    !out.contains("{{ "),
                    "{env_name}: {f} still has a template marker"
                );
            }
        }
    }
}
