//! Writing the rendered tree under hostile conditions: names that point outside, links
//! planted where kiln writes, a parent that cannot hold the tree, a write that fails
//! half-way. kiln must write only inside its output folder and, on any failure, leave
//! the previous tree byte for byte as it was.

mod common;

use common::Scratch;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use kiln::emit::write::write_tree;

fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Every entry under `dir` (not following links): path → file bytes, `->target` for a
/// link, `/` for a folder.
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
            if m.file_type().is_symlink() {
                let t = fs::read_link(&p).expect("link");
                out.insert(rel, format!("->{}", t.display()).into_bytes());
            } else if m.is_dir() {
                out.insert(rel, b"/".to_vec());
                walk(root, &p, out);
            } else {
                out.insert(rel, fs::read(&p).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn names_outside_the_folder_are_refused_before_anything_is_written() {
    let s = Scratch::new("names");
    let out = s.0.join("repo/rendered");
    let outside = s.0.join("victim");
    fs::create_dir_all(&outside).expect("mkdir");
    let before = snapshot(&s.0);
    let bad = [
        "../victim/x.yaml",
        "../../x.yaml",
        "/tmp/kiln-hostile-abs.yaml",
        "a/../../victim/y.yaml",
        "./a.yaml",
        "a/./b.yaml",
        "SHA256SUMS",
        "",
    ];
    for name in bad {
        let r = write_tree(
            &out,
            &files(&[("ok.yaml", "a: 1\n"), (name, "pwned: true\n")]),
        );
        let e = r.expect_err(name).to_string();
        assert!(!e.is_empty(), "{name}");
        assert_eq!(snapshot(&s.0), before, "{name}: something was written");
    }
    assert!(!Path::new("/tmp/kiln-hostile-abs.yaml").exists());
}

#[test]
fn a_link_where_the_output_folder_goes_is_not_followed() {
    let s = Scratch::new("outlink");
    let target = s.0.join("precious");
    fs::create_dir_all(target.join("sub")).expect("mkdir");
    fs::write(target.join("sub/data.txt"), "keep me\n").expect("write");
    let repo = s.0.join("repo");
    fs::create_dir_all(&repo).expect("mkdir");
    let out = repo.join("rendered");
    std::os::unix::fs::symlink(&target, &out).expect("symlink");
    let before = snapshot(&s.0);
    let e = write_tree(&out, &files(&[("a/x.yaml", "x: 1\n")]))
        .expect_err("a link is refused")
        .to_string();
    assert!(
        e.contains("refusing to replace") && e.contains("rendered"),
        "{e}"
    );
    // The link and its target are as they were; only the lock file is new.
    let mut after = snapshot(&s.0);
    after.remove("repo/.rendered.lock");
    assert_eq!(after, before);
    // A dangling link too: nothing is created at its target.
    fs::remove_file(&out).expect("rm");
    std::os::unix::fs::symlink(s.0.join("nowhere"), &out).expect("symlink");
    assert!(write_tree(&out, &files(&[("a/x.yaml", "x: 1\n")])).is_err());
    assert!(!s.0.join("nowhere").exists());
}

#[test]
fn a_link_planted_as_the_lock_file_is_not_followed() {
    let s = Scratch::new("locklink");
    let repo = s.0.join("repo");
    fs::create_dir_all(&repo).expect("mkdir");
    let victim = s.0.join("cron-job");
    std::os::unix::fs::symlink(&victim, repo.join(".rendered.lock")).expect("symlink");
    let e = write_tree(&repo.join("rendered"), &files(&[("x.yaml", "x: 1\n")]))
        .expect_err("refused")
        .to_string();
    assert!(
        e.contains(".rendered.lock") && e.contains("symbolic link"),
        "{e}"
    );
    assert!(!victim.exists(), "a file was created through the link");
    assert!(!repo.join("rendered").exists());
}

#[test]
fn links_inside_the_previous_tree_and_leftovers_are_removed_not_followed() {
    let s = Scratch::new("oldlinks");
    let precious = s.0.join("precious");
    fs::create_dir_all(&precious).expect("mkdir");
    fs::write(precious.join("data.txt"), "keep me\n").expect("write");
    let repo = s.0.join("repo");
    let out = repo.join("rendered");
    write_tree(&out, &files(&[("a/x.yaml", "x: 1\n")])).expect("first tree");
    // Someone plants links inside the tree and a "leftover staging folder" that is a link.
    std::os::unix::fs::symlink(&precious, out.join("a/evil")).expect("symlink");
    std::os::unix::fs::symlink(&precious, repo.join(".rendered.new-1")).expect("symlink");
    std::os::unix::fs::symlink(&precious, repo.join(".rendered.new-2-old")).expect("symlink");
    let before = snapshot(&precious);
    write_tree(&out, &files(&[("b/y.yaml", "y: 1\n")])).expect("second tree");
    assert_eq!(snapshot(&precious), before, "the link target was touched");
    assert_eq!(
        fs::read_to_string(out.join("b/y.yaml")).expect("new"),
        "y: 1\n"
    );
    assert!(!out.join("a").exists());
    let left: Vec<String> = fs::read_dir(&repo)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(left, [".rendered.lock", "rendered"], "leftovers swept");
}

#[test]
fn a_parent_that_is_a_file_gives_a_clear_error() {
    let s = Scratch::new("parentfile");
    let blocker = s.0.join("repo");
    fs::write(&blocker, "I am a file\n").expect("write");
    let e = write_tree(&blocker.join("rendered"), &files(&[("x.yaml", "x: 1\n")]))
        .expect_err("refused")
        .to_string();
    assert!(e.contains("creating") && e.contains("repo"), "{e}");
    assert_eq!(fs::read_to_string(&blocker).expect("read"), "I am a file\n");
    // The output folder itself a file: refused, the file kept.
    let out = s.0.join("out");
    fs::write(&out, "data\n").expect("write");
    let e = write_tree(&out, &files(&[("x.yaml", "x: 1\n")]))
        .expect_err("refused")
        .to_string();
    assert!(e.contains("not a plain folder"), "{e}");
    assert_eq!(fs::read_to_string(&out).expect("read"), "data\n");
}

#[test]
fn a_write_failing_half_way_leaves_the_previous_tree_intact() {
    let s = Scratch::new("halfway");
    let out = s.0.join("rendered");
    let first: BTreeMap<String, String> = (0..50)
        .map(|i| (format!("r/f{i}.yaml"), format!("n: {i}\n")))
        .collect();
    write_tree(&out, &first).expect("first tree");
    let before = snapshot(&s.0);
    // `a` is a file and `a/b.yaml` needs it to be a folder: the write fails after some
    // files of the new tree exist in the staging folder.
    let mut second: BTreeMap<String, String> = (0..50)
        .map(|i| (format!("0/g{i}.yaml"), "new\n".to_string()))
        .collect();
    second.insert("a".into(), "file\n".into());
    second.insert("a/b.yaml".into(), "x\n".into());
    let e = write_tree(&out, &second).expect_err("fails").to_string();
    assert!(e.contains("a"), "{e}");
    assert_eq!(
        snapshot(&s.0),
        before,
        "previous tree and its folder unchanged, staging removed"
    );
    // Path components the OS refuses (too long, NUL byte): errors, tree intact.
    let long = format!("{}.yaml", "x".repeat(300));
    for bad in [long.as_str(), "nul\0byte.yaml"] {
        assert!(
            write_tree(&out, &files(&[(bad, "x\n")])).is_err(),
            "{bad:?}"
        );
        assert_eq!(snapshot(&s.0), before, "{bad:?}");
    }
}

#[test]
fn two_renders_at_once_take_turns() {
    let s = Scratch::new("concurrent");
    let out = s.0.join("rendered");
    let trees: Vec<BTreeMap<String, String>> = (0..4)
        .map(|t| {
            (0..200)
                .map(|i| (format!("r{t}/f{i}.yaml"), format!("t: {t}\ni: {i}\n")))
                .collect()
        })
        .collect();
    std::thread::scope(|sc| {
        for t in &trees {
            let out = out.clone();
            sc.spawn(move || write_tree(&out, t).expect("write"));
        }
    });
    // Whichever finished last, the folder holds exactly one whole tree.
    let snap = snapshot(&out);
    let whole = trees.iter().any(|t| {
        let sums = kiln::emit::write::sha256sums(t);
        let mut want: BTreeMap<String, Vec<u8>> = t
            .iter()
            .map(|(k, v)| (k.clone(), v.as_bytes().to_vec()))
            .collect();
        want.insert("SHA256SUMS".into(), sums.into_bytes());
        let got: BTreeMap<String, Vec<u8>> = snap
            .iter()
            .filter(|(_, v)| v.as_slice() != b"/")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        got == want
    });
    assert!(
        whole,
        "the tree is a mix: {:?}",
        snap.keys().take(5).collect::<Vec<_>>()
    );
}
