//! The most likely mistakes in a stack, through `kiln render`: each must end in exit 1
//! with an error that names the file, the line, and the fix — never a panic, and never
//! a tree written.

mod common;

use common::Scratch;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const KILN: &str = env!("CARGO_BIN_EXE_kiln");

fn write(p: &Path, text: &str) {
    fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    fs::write(p, text).expect("write");
}

/// A charts folder with `web-1.0.0.tgz`: one ConfigMap, a schema asking for an integer.
fn charts(root: &Path) -> PathBuf {
    let src = root.join("src/web");
    write(
        &src.join("Chart.yaml"),
        "apiVersion: v2\nname: web\nversion: 1.0.0\n",
    );
    write(
        &src.join("values.schema.json"),
        r#"{"type":"object","properties":{"replicas":{"type":"integer"}}}"#,
    );
    write(
        &src.join("templates/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {r: \"{{ .Values.replicas }}\"}\n",
    );
    write(
        &src.join("templates/check.yaml"),
        "{{ if eq (toString .Values.replicas) \"0\" }}{{ fail \"replicas must not be 0\" }}{{ end }}\n",
    );
    let dir = root.join("charts");
    fs::create_dir_all(&dir).expect("mkdir");
    let ok = Command::new("tar")
        .arg("-czf")
        .arg(dir.join("web-1.0.0.tgz"))
        .arg("-C")
        .arg(root.join("src"))
        .arg("web")
        .status();
    assert!(ok.expect("tar").success());
    dir
}

const GOOD: &str = "repositories: {local: {url: \"https://example.invalid\"}}\nenvironments:\n  default: {vars: {domain: example.com}}\nreleases:\n  - name: web\n    namespace: web\n    chart: local/web\n    version: 1.0.0\n    values: [values/web.yaml]\n";

struct Mistake {
    what: &'static str,
    /// Replace `from` with `to` in the good stack file.
    edit: (&'static str, &'static str),
    /// Extra files (path under the stack folder, text).
    files: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
    /// Each must appear in stderr; `@` stands for the stack folder.
    want: &'static [&'static str],
}

#[test]
fn the_likely_mistakes_name_file_line_and_fix() {
    let s = Scratch::new("mistakes");
    let charts = charts(&s.0);
    let mistakes = [
        Mistake {
            what: "typo in a top-level key",
            edit: ("releases:", "relases:"),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:4:1: unknown key `relases` in the stack",
                "hint: did you mean `releases`?",
            ],
        },
        Mistake {
            what: "typo in a release key",
            edit: ("    version: 1.0.0\n", "    verison: 1.0.0\n"),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:8:5: unknown key `verison` in a release",
                "did you mean `version`?",
            ],
        },
        Mistake {
            what: "missing values file",
            edit: ("values/web.yaml", "values/wbe.yaml"),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:5:5: release `web`: cannot read values/wbe.yaml",
                "hint: did you mean `values/web.yaml`?",
            ],
        },
        Mistake {
            what: "wrong chart version",
            edit: ("version: 1.0.0", "version: 1.0.1"),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:5:5: release `web`: chart local/web 1.0.1 is not in",
                "hint: versions of web there: 1.0.0",
            ],
        },
        Mistake {
            what: "wrong chart name",
            edit: ("chart: local/web", "chart: local/wbe"),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:5:5: release `web`: chart local/wbe 1.0.0 is not in",
                "did you mean `web`?",
            ],
        },
        Mistake {
            what: "cycle in needs",
            edit: (
                "    values: [values/web.yaml]\n",
                "    values: [values/web.yaml]\n    needs: [api]\n  - {name: api, chart: local/web, version: 1.0.0, needs: [web]}\n",
            ),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:5:5: the needs form a cycle: web -> api -> web",
                "hint: remove one of these needs",
            ],
        },
        Mistake {
            what: "needs an unknown release",
            edit: (
                "    values: [values/web.yaml]\n",
                "    values: [values/web.yaml]\n    needs: [wbe]\n",
            ),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:5:5: release `web` needs `wbe`, which is not a release of the stack",
                "did you mean `web`?",
            ],
        },
        Mistake {
            what: "unknown repository",
            edit: ("chart: local/web", "chart: lcoal/web"),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:5:5: release `web`: unknown repository `lcoal`",
                "did you mean `local/…`?",
            ],
        },
        Mistake {
            what: "bad indentation",
            edit: ("    namespace: web\n", "   namespace: web\n"),
            files: &[],
            args: &[],
            want: &["@/stack.yaml:6:", "invalid YAML"],
        },
        Mistake {
            what: "undefined variable in a .j2 values file",
            edit: ("values/web.yaml", "values/web.yaml.j2"),
            files: &[(
                "values/web.yaml.j2",
                "replicas: 2\nhost: web.{{ domian }}\n",
            )],
            args: &[],
            want: &[
                "@/values/web.yaml.j2:2:",
                "undefined",
                "defines: domain",
                "hint: define the variable",
            ],
        },
        Mistake {
            what: "values that break the chart's schema",
            edit: ("", ""),
            files: &[("values/web.yaml", "replicas: two\n")],
            args: &[],
            want: &[
                "release web: chart ",
                "web-1.0.0.tgz: values don't meet the specifications",
                "replicas: Invalid type. Expected: integer, given: string",
                "hint: change the values named above so that the chart's values.schema.json accepts them; `kiln template web ",
                " -f @/values/web.yaml` shows it alone",
            ],
        },
        Mistake {
            what: "invalid YAML in a values file",
            edit: ("", ""),
            files: &[("values/web.yaml", "replicas: 2\n  image: x\n")],
            args: &[],
            want: &[
                "release web: ",
                "failed to parse @/values/web.yaml: error converting YAML to JSON: yaml: line 2: ",
                "\n  --> @/values/web.yaml:2\n   |   image: x\n",
                "hint: fix the YAML of this values file;",
            ],
        },
        Mistake {
            what: "values the chart's template refuses",
            edit: ("", ""),
            files: &[("values/web.yaml", "replicas: 0\n")],
            args: &[],
            want: &[
                "web-1.0.0.tgz: execution error at (web/templates/check.yaml:1:46): replicas must not be 0\n  hint: the chart's template refused these values",
            ],
        },
        Mistake {
            what: "unknown environment",
            edit: ("", ""),
            files: &[],
            args: &["-e", "prdo"],
            want: &[
                "@/stack.yaml: environment `prdo` is not defined in the stack",
                "it defines: default",
                "hint: declare it under `environments:`",
            ],
        },
        Mistake {
            what: "release declared twice",
            edit: (
                "    values: [values/web.yaml]\n",
                "    values: [values/web.yaml]\n  - {name: web, chart: local/web, version: 1.0.0}\n",
            ),
            files: &[],
            args: &[],
            want: &[
                "@/stack.yaml:10:5: release `web` is declared twice (first at line 5)",
                "hint: release names must be unique",
            ],
        },
    ];
    for (i, m) in mistakes.iter().enumerate() {
        let st = s.0.join(format!("repo{i}/stack"));
        write(&st.join("values/web.yaml"), "replicas: 2\n");
        for (f, text) in m.files {
            write(&st.join(f), text);
        }
        let text = if m.edit.0.is_empty() {
            GOOD.to_string()
        } else {
            GOOD.replacen(m.edit.0, m.edit.1, 1)
        };
        assert!(
            m.edit.0.is_empty() || text != GOOD,
            "{}: the edit applies",
            m.what
        );
        write(&st.join("stack.yaml"), &text);
        let o = Command::new(KILN)
            .args(["render", "--stack"])
            .arg(&st)
            .arg("--charts")
            .arg(&charts)
            .args(m.args)
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{}: {err}", m.what);
        assert!(err.starts_with("Error: "), "{}: {err}", m.what);
        for w in m.want {
            let w = w.replace('@', &st.display().to_string());
            assert!(err.contains(&w), "{}: missing {w:?} in:\n{err}", m.what);
        }
        assert!(
            !s.0.join(format!("repo{i}/rendered")).exists(),
            "{}: a tree was written",
            m.what
        );
    }
    // And the good stack renders.
    let st = s.0.join("repo-good/stack");
    write(&st.join("values/web.yaml"), "replicas: 2\n");
    write(&st.join("stack.yaml"), GOOD);
    let o = Command::new(KILN)
        .args(["render", "--stack"])
        .arg(&st)
        .arg("--charts")
        .arg(&charts)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn credentials_never_show_in_errors_or_output() {
    let s = Scratch::new("secrets");
    let charts = charts(&s.0);
    let secret = "s3cr3t-Pa55";
    // In the stack file itself: refused, and the error shows the URL redacted.
    let st = s.0.join("repo1/stack");
    write(&st.join("values/web.yaml"), "replicas: 2\n");
    write(
        &st.join("stack.yaml"),
        &GOOD.replace(
            "https://example.invalid",
            &format!("https://bob:{secret}@charts.example.com"),
        ),
    );
    let o = Command::new(KILN)
        .args(["render", "--stack"])
        .arg(&st)
        .arg("--charts")
        .arg(&charts)
        .output()
        .expect("run");
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("https://***@charts.example.com") && err.contains("has credentials"),
        "{err}"
    );
    assert!(
        !err.contains(secret) && !out.contains(secret) && !err.contains("bob"),
        "{err}"
    );
    // In the environment, for a render that fails and one that succeeds: never printed,
    // never written into the tree.
    let st = s.0.join("repo2/stack");
    write(&st.join("values/web.yaml"), "replicas: 2\n");
    for (version, ok) in [("9.9.9", false), ("1.0.0", true)] {
        write(
            &st.join("stack.yaml"),
            &GOOD.replace("version: 1.0.0", &format!("version: {version}")),
        );
        let o = Command::new(KILN)
            .args(["render", "--stack"])
            .arg(&st)
            .arg("--charts")
            .arg(&charts)
            .env("KILN_AUTH_EXAMPLE_INVALID_USER", "bob")
            .env("KILN_AUTH_EXAMPLE_INVALID_PASSWORD", secret)
            .env("KILN_REGISTRY_PASSWORD", secret)
            .output()
            .expect("run");
        let (out, err) = (
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr),
        );
        assert_eq!(o.status.success(), ok, "{version}: {err}");
        assert!(
            !err.contains(secret) && !out.contains(secret),
            "{version}: {err}{out}"
        );
    }
    let mut stack = vec![s.0.join("repo2")];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("ls").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let text = String::from_utf8_lossy(&fs::read(&p).expect("read")).into_owned();
                assert!(
                    !text.contains(secret),
                    "{} contains the secret",
                    p.display()
                );
            }
        }
    }
}
