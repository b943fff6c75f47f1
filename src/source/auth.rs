//! Credentials for registries and chart repositories, looked up by `host[:port]`.
//!
//! In order: credentials added explicitly (`with`), the environment
//! (`KILN_AUTH_<HOST>_USER` / `KILN_AUTH_<HOST>_PASSWORD` with the host upper-cased and
//! every character other than a letter or digit turned into `_`, e.g.
//! `KILN_AUTH_REGISTRY_EXAMPLE_COM_5000_USER`; then `KILN_REGISTRY_USER` /
//! `KILN_REGISTRY_PASSWORD`, for every host or, when `KILN_REGISTRY_HOST` is set, for that
//! host only), Helm's registry config (`$HELM_REGISTRY_CONFIG`, default
//! `~/.config/helm/registry/config.json`), then Docker's (`$DOCKER_CONFIG/config.json`,
//! default `~/.docker/config.json`): `auths.<host>.auth` (base64 `user:pass`) or
//! `username`/`password`, `credHelpers.<host>` and `credsStore` (`docker-credential-<name>
//! get`). Secrets never appear in errors or `Debug` output.

use base64::Engine as _;
use std::fmt;
use std::path::PathBuf;

/// A user name and password (or token) for one host.
#[derive(Clone, PartialEq, Eq)]
pub struct Basic {
    pub user: String,
    pub password: String,
}

impl fmt::Debug for Basic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Basic({}, ***)", self.user)
    }
}

/// Where credentials come from.
#[derive(Clone, Default)]
pub struct Credentials {
    explicit: Vec<(String, Basic)>,
    env: Vec<(String, String)>,
    config_files: Vec<PathBuf>,
    helpers: bool,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hosts: Vec<&str> = self.explicit.iter().map(|(h, _)| h.as_str()).collect();
        f.debug_struct("Credentials")
            .field("hosts", &hosts)
            .field("config_files", &self.config_files)
            .finish()
    }
}

/// `KILN_AUTH_<HOST>` prefix for a host.
pub fn env_prefix(host: &str) -> String {
    let h: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("KILN_AUTH_{h}")
}

/// `host[:port]` of a URL or registry reference (`https://h:1/x`, `oci://h/x`, `h:1/x`).
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let hostport = rest.split(['/', '?', '#']).next().unwrap_or("");
    hostport
        .rsplit_once('@')
        .map_or(hostport, |(_, h)| h)
        .to_ascii_lowercase()
}

impl Credentials {
    /// No credentials at all (anonymous access everywhere).
    pub fn none() -> Credentials {
        Credentials::default()
    }

    /// The environment and the Helm and Docker config files of this user, as the CLI uses.
    pub fn from_env() -> Credentials {
        let env: Vec<(String, String)> = std::env::vars()
            .filter(|(k, _)| k.starts_with("KILN_AUTH_") || k.starts_with("KILN_REGISTRY_"))
            .collect();
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let mut files = Vec::new();
        match std::env::var_os("HELM_REGISTRY_CONFIG") {
            Some(p) => files.push(PathBuf::from(p)),
            None => {
                let base = std::env::var_os("HELM_CONFIG_HOME")
                    .map(PathBuf::from)
                    .or_else(|| {
                        std::env::var_os("XDG_CONFIG_HOME").map(|x| PathBuf::from(x).join("helm"))
                    })
                    .or_else(|| home.as_ref().map(|h| h.join(".config/helm")));
                if let Some(b) = base {
                    files.push(b.join("registry/config.json"));
                }
            }
        }
        match std::env::var_os("DOCKER_CONFIG") {
            Some(d) => files.push(PathBuf::from(d).join("config.json")),
            None => {
                if let Some(h) = &home {
                    files.push(h.join(".docker/config.json"));
                }
            }
        }
        Credentials {
            explicit: Vec::new(),
            env,
            config_files: files,
            helpers: true,
        }
    }

    /// Add credentials for one host (`host` or `host:port`).
    pub fn with(mut self, host: &str, user: &str, password: &str) -> Credentials {
        self.explicit.push((
            host.to_ascii_lowercase(),
            Basic {
                user: user.into(),
                password: password.into(),
            },
        ));
        self
    }

    /// Also read a Docker-format config file (`{"auths": {...}}`).
    pub fn with_config_file(mut self, path: impl Into<PathBuf>) -> Credentials {
        self.config_files.push(path.into());
        self
    }

    /// The credentials for `host[:port]`, if any.
    pub fn lookup(&self, host: &str) -> Option<Basic> {
        let host = host.to_ascii_lowercase();
        if let Some((_, b)) = self.explicit.iter().find(|(h, _)| *h == host) {
            return Some(b.clone());
        }
        let env = |k: &str| {
            self.env
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
        };
        let p = env_prefix(&host);
        if let (Some(user), Some(password)) =
            (env(&format!("{p}_USER")), env(&format!("{p}_PASSWORD")))
        {
            return Some(Basic { user, password });
        }
        if let (Some(user), Some(password)) =
            (env("KILN_REGISTRY_USER"), env("KILN_REGISTRY_PASSWORD"))
            && env("KILN_REGISTRY_HOST").is_none_or(|h| h.eq_ignore_ascii_case(&host))
        {
            return Some(Basic { user, password });
        }
        for f in &self.config_files {
            if let Some(b) = self.read_config(f, &host) {
                return Some(b);
            }
        }
        None
    }

    fn read_config(&self, file: &PathBuf, host: &str) -> Option<Basic> {
        let text = std::fs::read_to_string(file).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        if let Some(auths) = v.get("auths").and_then(|a| a.as_object()) {
            for (key, entry) in auths {
                if host_of(key) != host && key.to_ascii_lowercase() != host {
                    continue;
                }
                if let Some(a) = entry.get("auth").and_then(|a| a.as_str())
                    && let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(a.trim())
                    && let Ok(s) = String::from_utf8(raw)
                    && let Some((u, p)) = s.split_once(':')
                {
                    return Some(Basic {
                        user: u.into(),
                        password: p.into(),
                    });
                }
                if let (Some(u), Some(p)) = (
                    entry.get("username").and_then(|x| x.as_str()),
                    entry.get("password").and_then(|x| x.as_str()),
                ) {
                    return Some(Basic {
                        user: u.into(),
                        password: p.into(),
                    });
                }
            }
        }
        if !self.helpers {
            return None;
        }
        let helper = v
            .get("credHelpers")
            .and_then(|h| h.get(host))
            .and_then(|h| h.as_str())
            .or_else(|| v.get("credsStore").and_then(|h| h.as_str()))?;
        run_helper(helper, host)
    }
}

/// `docker-credential-<helper> get` with the host on stdin.
fn run_helper(helper: &str, host: &str) -> Option<Basic> {
    use std::io::Write as _;
    if helper.is_empty()
        || !helper
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let mut child = std::process::Command::new(format!("docker-credential-{helper}"))
        .arg("get")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(host.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    let user = v.get("Username")?.as_str()?.to_string();
    let password = v.get("Secret")?.as_str()?.to_string();
    (user != "<token>").then_some(Basic { user, password })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_env_names() {
        assert_eq!(
            host_of("https://u:p@Charts.Example.com:8443/a/b"),
            "charts.example.com:8443"
        );
        assert_eq!(host_of("oci://127.0.0.1:5000/charts/x"), "127.0.0.1:5000");
        assert_eq!(host_of("ghcr.io/x"), "ghcr.io");
        assert_eq!(env_prefix("127.0.0.1:5000"), "KILN_AUTH_127_0_0_1_5000");
    }

    #[test]
    fn lookup_order_and_config_files() {
        let dir = std::env::temp_dir().join(format!("kiln-auth-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cfg = dir.join("config.json");
        let enc = base64::engine::general_purpose::STANDARD.encode("ci:ci-secret");
        std::fs::write(&cfg, format!(r#"{{"auths":{{"127.0.0.1:5000":{{"auth":"{enc}"}},"https://index.docker.io/v1/":{{"username":"d","password":"p"}}}}}}"#)).unwrap();
        let c = Credentials::none()
            .with_config_file(&cfg)
            .with("example.com", "me", "pw");
        assert_eq!(c.lookup("127.0.0.1:5000").unwrap().password, "ci-secret");
        assert_eq!(c.lookup("index.docker.io").unwrap().user, "d");
        assert_eq!(c.lookup("EXAMPLE.com").unwrap().user, "me");
        assert!(c.lookup("other:1").is_none());
        let env = Credentials {
            env: vec![
                ("KILN_AUTH_REG_LOCAL_USER".into(), "u1".into()),
                ("KILN_AUTH_REG_LOCAL_PASSWORD".into(), "p1".into()),
                ("KILN_REGISTRY_USER".into(), "u2".into()),
                ("KILN_REGISTRY_PASSWORD".into(), "p2".into()),
                ("KILN_REGISTRY_HOST".into(), "only.here".into()),
            ],
            ..Default::default()
        };
        assert_eq!(env.lookup("reg.local").unwrap().user, "u1");
        assert_eq!(env.lookup("only.here").unwrap().user, "u2");
        assert!(env.lookup("elsewhere").is_none());
        assert!(!format!("{:?}", c.lookup("example.com")).contains("pw"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
