//! Faults around a whole `kiln render`, through the binary: a render killed at any
//! moment, a disk that refuses a write, a hostile chart or stack. Afterwards the output
//! folder holds the previous tree byte for byte or the new tree complete, never a mix,
//! and errors are clear.

mod common;

use common::Scratch;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILN: &str = env!("CARGO_BIN_EXE_kiln");

fn write(p: &Path, data: &[u8]) {
    fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    fs::write(p, data).expect("write");
}

fn tgz(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::fast(),
    ));
    for (name, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *data).expect("append");
    }
    b.into_inner().expect("tar").finish().expect("gzip")
}

/// A stack of `releases` releases, each a chart without templates plus an extra
/// manifest of `per` ConfigMaps whose data says `tag`. Returns the stack folder.
fn stack(root: &Path, releases: usize, per: usize, tag: &str) -> PathBuf {
    let charts = root.join("charts");
    write(
        &charts.join("empty-1.0.0.tgz"),
        &tgz(&[(
            "empty/Chart.yaml",
            b"apiVersion: v2\nname: empty\nversion: 1.0.0\n",
        )]),
    );
    let st = root.join("repo/stack");
    let mut y = String::from(
        "output: {mode: argocd, path: rendered}\nrepositories: {local: {url: \"https://example.invalid\"}}\nreleases:\n",
    );
    for r in 0..releases {
        y.push_str(&format!("  - {{name: r{r}, namespace: ns{r}, chart: local/empty, version: 1.0.0, manifests: [m/{r}.yaml]}}\n"));
        let mut m = String::new();
        for i in 0..per {
            m.push_str(&format!(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndata:\n  tag: {tag}\n  body: \"{}\"\n---\n",
                "x".repeat(512)
            ));
        }
        write(&st.join(format!("m/{r}.yaml")), m.as_bytes());
    }
    write(&st.join("stack.yaml"), y.as_bytes());
    st
}

fn render(st: &Path, charts: &Path, out: &Path) -> Command {
    let mut c = Command::new(KILN);
    c.args(["render", "-j", "2", "--stack"])
        .arg(st)
        .arg("--charts")
        .arg(charts)
        .arg("--out")
        .arg(out);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c
}

/// Files under `dir` (not following links) with their bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .into_owned();
            let m = fs::symlink_metadata(&p).expect("metadata");
            if m.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(rel, fs::read(&p).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn a_render_killed_at_any_moment_leaves_a_whole_tree() {
    let s = Scratch::new("kill");
    let a = stack(&s.0.join("a"), 6, 120, "old");
    let b = stack(&s.0.join("b"), 6, 120, "new");
    let charts = s.0.join("a/charts");
    // The two complete trees, rendered without interruption.
    let (ref_a, ref_b) = (s.0.join("ref-a"), s.0.join("ref-b"));
    let t0 = Instant::now();
    assert!(render(&a, &charts, &ref_a).status().expect("run").success());
    let full = t0.elapsed();
    assert!(render(&b, &charts, &ref_b).status().expect("run").success());
    let (tree_a, tree_b) = (snapshot(&ref_a), snapshot(&ref_b));
    assert!(tree_a.len() > 700 && tree_a != tree_b);
    let out = s.0.join("repo/rendered");
    assert!(render(&a, &charts, &out).status().expect("run").success());
    // Kill the render of B at delays spread over (and a bit past) one full render.
    let steps = 16;
    let (mut saw_old, mut saw_new) = (0, 0);
    for k in 0..steps {
        // Half spread over the whole render, half near its end (where the swap happens).
        let f = k as f64 / steps as f64;
        let delay = full.mul_f64(if k % 2 == 0 { 1.2 * f } else { 0.7 + 0.5 * f });
        let mut child = render(&b, &charts, &out).spawn().expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = snapshot(&out);
        if now == tree_a {
            saw_old += 1;
        } else if now == tree_b {
            saw_new += 1;
            // Back to A for the next try (uninterrupted).
            assert!(render(&a, &charts, &out).status().expect("run").success());
        } else {
            let only_a = now.keys().filter(|k| tree_a.get(*k) != now.get(*k)).count();
            panic!(
                "after a kill at {delay:?} the tree is a mix ({} files, {only_a} differ from the old tree)",
                now.len()
            );
        }
    }
    eprintln!(
        "kills: {steps}, old tree kept: {saw_old}, new tree complete: {saw_new}, full render {full:?}"
    );
    // The next uninterrupted render cleans up whatever the kills left beside the tree.
    assert!(render(&b, &charts, &out).status().expect("run").success());
    assert_eq!(snapshot(&out), tree_b);
    let mut left: Vec<String> = fs::read_dir(s.0.join("repo"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [".rendered.lock", "rendered"].map(String::from).to_vec()
    );
}

#[test]
fn a_full_disk_leaves_the_previous_tree_and_says_so() {
    use std::os::unix::process::CommandExt;
    let s = Scratch::new("full");
    let a = stack(&s.0.join("a"), 2, 10, "old");
    let charts = s.0.join("a/charts");
    let out = s.0.join("repo/rendered");
    assert!(render(&a, &charts, &out).status().expect("run").success());
    let before = snapshot(&out);
    // The new tree has one file of ~200 KB; the process may write at most 64 KB per file
    // (RLIMIT_FSIZE: the write fails with EFBIG, as a full disk fails with ENOSPC).
    let big = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  body: \"{}\"\n",
        "y".repeat(200_000)
    );
    write(&s.0.join("a/repo/stack/m/1.yaml"), big.as_bytes());
    let mut c = render(&a, &charts, &out);
    // SAFETY: only async-signal-safe calls (signal, setrlimit) between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: 64 * 1024,
                rlim_max: 64 * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let o = c.output().expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("Error: writing ") && err.contains("configmap_big.yaml"),
        "{err}"
    );
    assert!(err.contains("previous tree was left as it was"), "{err}");
    assert_eq!(snapshot(&out), before, "previous tree intact");
    let left: Vec<String> = fs::read_dir(s.0.join("repo"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "no staging folder left behind: {left:?}");
}

#[test]
fn a_bomb_chart_in_a_render_is_an_error_naming_the_release_and_chart() {
    let s = Scratch::new("bomb");
    let st = stack(&s.0.join("a"), 1, 1, "x");
    // Replace the chart with a gzip bomb: 300 MB of zeros in one file (~300 KB).
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut h = tar::Header::new_gnu();
    h.set_path("empty/Chart.yaml").expect("path");
    let chart = b"apiVersion: v2\nname: empty\nversion: 1.0.0\n";
    h.set_size(chart.len() as u64);
    h.set_cksum();
    gz.write_all(h.as_bytes()).expect("gz");
    gz.write_all(chart).expect("gz");
    gz.write_all(&vec![0u8; 512 - chart.len()]).expect("gz");
    let mut h = tar::Header::new_gnu();
    h.set_path("empty/templates/z.yaml").expect("path");
    h.set_size(300 << 20);
    h.set_cksum();
    gz.write_all(h.as_bytes()).expect("gz");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..300 {
        gz.write_all(&zeros).expect("gz");
    }
    gz.write_all(&[0u8; 1024]).expect("gz");
    let path = s.0.join("a/charts/empty-1.0.0.tgz");
    fs::write(&path, gz.finish().expect("gz")).expect("write");
    let t = Instant::now();
    let o = render(&st, &s.0.join("a/charts"), &s.0.join("out"))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("release r0")
            && err.contains("empty-1.0.0.tgz")
            && err.contains("larger than the maximum"),
        "{err}"
    );
    assert!(t.elapsed() < Duration::from_secs(30));
    assert!(!s.0.join("out").exists(), "nothing written");
}

#[test]
fn a_hostile_stack_cannot_replace_or_read_outside_the_repository() {
    let s = Scratch::new("stackpaths");
    let st = stack(&s.0.join("a"), 1, 1, "x");
    let charts = s.0.join("a/charts");
    let repo = s.0.join("a/repo");
    let victim = s.0.join("victim");
    write(&victim.join("keep.txt"), b"keep\n");
    let before = snapshot(&s.0.join("a"));
    let cases = [
        ("output: {path: .}\n", "output path `.`"),
        (
            "output: {path: ../../victim}\n",
            "output path `../../victim`",
        ),
        (
            &*format!("output: {{path: {}}}\n", victim.display()),
            "is not a folder inside the repository",
        ),
    ];
    for (bad, want) in cases {
        let text = fs::read_to_string(st.join("stack.yaml"))
            .expect("read")
            .replace("output: {mode: argocd, path: rendered}\n", bad);
        let tmp = repo.join("stack/hostile.yaml");
        fs::write(&tmp, &text).expect("write");
        let mut c = Command::new(KILN);
        c.args(["render", "--stack"])
            .arg(&tmp)
            .arg("--charts")
            .arg(&charts);
        let o = c.output().expect("run");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{bad}: {err}");
        assert!(
            err.contains(want) && err.contains("hostile.yaml:"),
            "{bad}: {err}"
        );
        fs::remove_file(&tmp).expect("rm");
        assert_eq!(
            snapshot(&s.0.join("a")),
            before,
            "{bad}: the repository changed"
        );
        assert_eq!(
            fs::read_to_string(victim.join("keep.txt")).expect("victim"),
            "keep\n"
        );
    }
    // Values read from outside the repository: refused before reading.
    let text = fs::read_to_string(st.join("stack.yaml"))
        .expect("read")
        .replace(
            "manifests: [m/0.yaml]",
            "manifests: [m/0.yaml], values: [/etc/passwd]",
        );
    fs::write(st.join("stack.yaml"), text).expect("write");
    let o = Command::new(KILN)
        .args(["render", "--stack"])
        .arg(&st)
        .arg("--charts")
        .arg(&charts)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("values file `/etc/passwd` is outside the repository"),
        "{err}"
    );
    assert!(!err.contains("root:x:0:0"), "file content leaked: {err}");
}
