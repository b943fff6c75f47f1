//! Hostile chart archives: kiln loads `.tgz` files fetched from the internet, so a bad
//! archive must end in a clear error, never a panic, a hang, unbounded memory, or a file
//! name that points outside the chart. Each test builds its archive in memory with
//! flate2 + tar, writing raw headers where the tar crate's builder would refuse the name.

use std::io::Write;

use kiln::chart::{Chart, ChartError, load, load_archive_named};

const CHART_YAML: &[u8] = b"apiVersion: v2\nname: evil\nversion: 1.0.0\n";

/// One raw tar entry: name bytes as given (no checks), type, link name, data.
struct Entry<'a> {
    name: &'a [u8],
    kind: tar::EntryType,
    link: &'a [u8],
    data: &'a [u8],
    /// The size field, when it must differ from `data.len()` (data is then zero-padded).
    size: Option<u64>,
}

fn file<'a>(name: &'a str, data: &'a [u8]) -> Entry<'a> {
    Entry {
        name: name.as_bytes(),
        kind: tar::EntryType::Regular,
        link: b"",
        data,
        size: None,
    }
}

fn special<'a>(name: &'a str, kind: tar::EntryType, link: &'a str) -> Entry<'a> {
    Entry {
        name: name.as_bytes(),
        kind,
        link: link.as_bytes(),
        data: b"",
        size: None,
    }
}

/// A tar stream written header by header, so that names like `../x` get through.
fn tar_bytes(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        append_raw(&mut out, e);
    }
    out.extend_from_slice(&[0u8; 1024]);
    out
}

fn append_raw(out: &mut Vec<u8>, e: &Entry) {
    let size = e.size.unwrap_or(e.data.len() as u64);
    // Names longer than the 100-byte field go in a GNU long-name entry first.
    if e.name.len() > 99 {
        let mut long = e.name.to_vec();
        long.push(0);
        append_raw(
            out,
            &Entry {
                name: b"././@LongLink",
                kind: tar::EntryType::GNULongName,
                link: b"",
                data: &long,
                size: None,
            },
        );
    }
    let mut h = tar::Header::new_gnu();
    {
        let gnu = h.as_gnu_mut().expect("gnu header");
        let n = e.name.len().min(99);
        gnu.name[..n].copy_from_slice(&e.name[..n]);
        let l = e.link.len().min(99);
        gnu.linkname[..l].copy_from_slice(&e.link[..l]);
    }
    h.set_entry_type(e.kind);
    h.set_size(size);
    h.set_mode(0o644);
    h.set_mtime(0);
    h.set_cksum();
    out.extend_from_slice(h.as_bytes());
    out.extend_from_slice(e.data);
    let written = e.data.len() as u64;
    // Zero data up to the declared size, then padding to a 512-byte boundary.
    let padded = size.div_ceil(512) * 512;
    out.resize(out.len() + (padded - written) as usize, 0);
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data).expect("gzip");
    gz.finish().expect("gzip")
}

fn tgz(entries: &[Entry]) -> Vec<u8> {
    gzip(&tar_bytes(entries))
}

/// A gzip stream of a tar whose entries are produced piecewise, so that hundreds of
/// megabytes of zeros never sit in memory at once.
fn tgz_streamed(write: impl FnOnce(&mut dyn FnMut(&[u8]))) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    write(&mut |b: &[u8]| gz.write_all(b).expect("gzip"));
    gz.write_all(&[0u8; 1024]).expect("gzip");
    gz.finish().expect("gzip")
}

fn header(name: &str, kind: tar::EntryType, size: u64) -> Vec<u8> {
    let mut h = tar::Header::new_gnu();
    h.as_gnu_mut().expect("gnu").name[..name.len()].copy_from_slice(name.as_bytes());
    h.set_entry_type(kind);
    h.set_size(size);
    h.set_mode(0o644);
    h.set_cksum();
    h.as_bytes().to_vec()
}

/// Zeros in 1 MiB chunks, padded to the tar block size.
fn zeros(w: &mut dyn FnMut(&[u8]), n: u64) {
    let chunk = vec![0u8; 1 << 20];
    let mut left = n.div_ceil(512) * 512;
    while left > 0 {
        let k = left.min(chunk.len() as u64) as usize;
        w(&chunk[..k]);
        left -= k as u64;
    }
}

fn load_err(data: &[u8], name: &str) -> String {
    match load_archive_named(data, name) {
        Ok(c) => panic!(
            "archive {name} loaded, expected an error; files: {:?}",
            names(&c)
        ),
        Err(e) => e.to_string(),
    }
}

fn names(c: &Chart) -> Vec<String> {
    c.templates
        .iter()
        .chain(&c.files)
        .map(|f| f.name.clone())
        .collect()
}

/// No loaded file name may leave the chart: not absolute, no `..`, no drive letter.
fn assert_contained(c: &Chart) {
    for n in names(c) {
        assert!(
            !n.starts_with('/') && !n.split('/').any(|s| s == "..") && !n.contains('\\'),
            "escaping name {n:?}"
        );
    }
    for d in &c.dependencies {
        assert_contained(d);
    }
}

#[test]
fn parent_directory_entries_are_rejected() {
    let cases: &[&str] = &[
        "evil/../../etc/passwd",
        "evil/templates/../../../x.yaml",
        "evil/..",
        "evil/../evil/../../x",
        "evil\\..\\..\\x.yaml",
    ];
    for bad in cases {
        let data = tgz(&[file("evil/Chart.yaml", CHART_YAML), file(bad, b"x: 1\n")]);
        match load_archive_named(&data, "evil-1.0.0.tgz") {
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.contains("parent directory") || msg.contains("outside the base directory"),
                    "{bad}: {msg}"
                );
            }
            // Go's path.Clean can fold `a/../b` into `b` inside the chart: allowed, but
            // then nothing may point outside.
            Ok(c) => assert_contained(&c),
        }
    }
    // The plain `..` escape must always be an error (Helm: `chart illegally references parent directory`).
    let data = tgz(&[
        file("evil/Chart.yaml", CHART_YAML),
        file("evil/../../etc/passwd", b"x"),
    ]);
    assert_eq!(
        load_err(&data, "evil-1.0.0.tgz"),
        "chart illegally references parent directory"
    );
}

#[test]
fn absolute_paths_are_rejected_or_stay_inside() {
    // `evil//etc/x`: the chart-relative name is `/etc/x`: Helm's `chart illegally contains absolute paths`.
    let data = tgz(&[
        file("evil/Chart.yaml", CHART_YAML),
        file("evil//etc/passwd", b"x"),
    ]);
    assert_eq!(
        load_err(&data, "evil-1.0.0.tgz"),
        "chart illegally contains absolute paths"
    );
    // A Windows drive letter.
    let data = tgz(&[
        file("evil/Chart.yaml", CHART_YAML),
        file("evil/C:/x.yaml", b"x"),
    ]);
    assert_eq!(
        load_err(&data, "evil-1.0.0.tgz"),
        "chart contains illegally named files"
    );
    // `/etc/passwd`: the first component (empty) is the chart folder, the rest is
    // `etc/passwd` inside the chart, as Helm reads it; it must not stay absolute.
    let data = tgz(&[
        file("/evil/Chart.yaml", CHART_YAML),
        file("/etc/passwd", b"x"),
    ]);
    if let Ok(c) = load_archive_named(&data, "evil-1.0.0.tgz") {
        assert_contained(&c);
    }
}

#[test]
fn links_and_devices_are_rejected() {
    use tar::EntryType as T;
    let cases = [
        (
            special("evil/templates/link.yaml", T::Symlink, "/etc/passwd"),
            "link",
        ),
        (
            special(
                "evil/templates/up.yaml",
                T::Symlink,
                "../../../../etc/shadow",
            ),
            "link",
        ),
        (
            special("evil/values.yaml", T::Link, "evil/Chart.yaml"),
            "link",
        ),
        (special("evil/dev", T::Char, ""), "special file"),
        (special("evil/disk", T::Block, ""), "special file"),
        (special("evil/pipe", T::Fifo, ""), "special file"),
    ];
    for (entry, word) in &cases {
        let data = tgz(&[file("evil/Chart.yaml", CHART_YAML), special_clone(entry)]);
        let msg = load_err(&data, "evil-1.0.0.tgz");
        assert!(
            msg.contains(word),
            "{:?}: {msg}",
            String::from_utf8_lossy(entry.name)
        );
    }
}

fn special_clone<'a>(e: &Entry<'a>) -> Entry<'a> {
    Entry {
        name: e.name,
        kind: e.kind,
        link: e.link,
        data: e.data,
        size: e.size,
    }
}

#[test]
fn gzip_bomb_of_one_big_file_stops_with_an_error() {
    // 200 MB of zeros compress to ~200 KB.
    let size = 200 * 1024 * 1024;
    let data = tgz_streamed(|w| {
        let y = tar_bytes(&[file(
            "bomb/Chart.yaml",
            b"apiVersion: v2\nname: bomb\nversion: 1.0.0\n",
        )]);
        w(&y[..y.len() - 1024]);
        w(&header(
            "bomb/templates/zeros.yaml",
            tar::EntryType::Regular,
            size,
        ));
        zeros(w, size);
    });
    assert!(
        data.len() < 2 * 1024 * 1024,
        "the bomb is small: {}",
        data.len()
    );
    let start = std::time::Instant::now();
    let msg = load_err(&data, "bomb-1.0.0.tgz");
    assert!(msg.contains("larger than the maximum"), "{msg}");
    assert!(
        start.elapsed().as_secs() < 20,
        "stopped early, not after inflating everything"
    );
    // One file over the 5 MiB file cap (but under the chart cap): Helm's message names it.
    let data = tgz_streamed(|w| {
        let y = tar_bytes(&[file(
            "bomb/Chart.yaml",
            b"apiVersion: v2\nname: bomb\nversion: 1.0.0\n",
        )]);
        w(&y[..y.len() - 1024]);
        w(&header(
            "bomb/templates/zeros.yaml",
            tar::EntryType::Regular,
            6 << 20,
        ));
        zeros(w, 6 << 20);
    });
    let msg = load_err(&data, "bomb-1.0.0.tgz");
    assert!(
        msg.contains("\"bomb/templates/zeros.yaml\" is larger than the maximum file size 5242880"),
        "{msg}"
    );
}

#[test]
fn gzip_bomb_of_many_files_stops_at_the_chart_cap() {
    // 30 files of 4 MiB each (under the 5 MiB file cap): 120 MiB > the 100 MiB chart cap.
    let per = 4 * 1024 * 1024;
    let data = tgz_streamed(|w| {
        let y = tar_bytes(&[file(
            "bomb/Chart.yaml",
            b"apiVersion: v2\nname: bomb\nversion: 1.0.0\n",
        )]);
        w(&y[..y.len() - 1024]);
        for i in 0..30 {
            w(&header(
                &format!("bomb/files/z{i}"),
                tar::EntryType::Regular,
                per,
            ));
            zeros(w, per);
        }
    });
    let msg = load_err(&data, "bomb-1.0.0.tgz");
    assert!(
        msg.contains("decompressed chart is larger than the maximum"),
        "{msg}"
    );
}

#[test]
fn gzip_bomb_in_a_long_name_or_pax_header_is_bounded() {
    let size: u64 = 150 * 1024 * 1024;
    for kind in [
        tar::EntryType::GNULongName,
        tar::EntryType::XHeader,
        tar::EntryType::XGlobalHeader,
    ] {
        let data = tgz_streamed(|w| {
            let y = tar_bytes(&[file(
                "bomb/Chart.yaml",
                b"apiVersion: v2\nname: bomb\nversion: 1.0.0\n",
            )]);
            w(&y[..y.len() - 1024]);
            w(&header("././@LongLink", kind, size));
            zeros(w, size);
            let y = tar_bytes(&[file("bomb/values.yaml", b"a: 1\n")]);
            w(&y[..y.len() - 1024]);
        });
        let r = load_archive_named(&data, "bomb-1.0.0.tgz");
        assert!(
            r.is_err(),
            "{kind:?}: a 150 MB extension header was accepted"
        );
    }
}

#[test]
fn gzip_bomb_inside_skipped_entries_is_bounded() {
    let size: u64 = 300 * 1024 * 1024;
    let data = tgz_streamed(|w| {
        let y = tar_bytes(&[file(
            "bomb/Chart.yaml",
            b"apiVersion: v2\nname: bomb\nversion: 1.0.0\n",
        )]);
        w(&y[..y.len() - 1024]);
        w(&header("bomb/dir/", tar::EntryType::Directory, size));
        zeros(w, size);
    });
    assert!(
        load_archive_named(&data, "bomb-1.0.0.tgz").is_err(),
        "300 MB under a directory entry was accepted"
    );
}

#[test]
fn too_many_entries_is_an_error() {
    let data = tgz_streamed(|w| {
        let y = tar_bytes(&[file(
            "many/Chart.yaml",
            b"apiVersion: v2\nname: many\nversion: 1.0.0\n",
        )]);
        w(&y[..y.len() - 1024]);
        for i in 0..300_000 {
            w(&header(&format!("many/f/{i}"), tar::EntryType::Regular, 0));
        }
    });
    assert!(
        load_archive_named(&data, "many-1.0.0.tgz").is_err(),
        "300 000 entries were accepted"
    );
}

#[test]
fn corrupt_and_truncated_archives_are_errors() {
    let good = tgz(&[
        file(
            "ok/Chart.yaml",
            b"apiVersion: v2\nname: ok\nversion: 1.0.0\n",
        ),
        file("ok/values.yaml", b"a: 1\n"),
    ]);
    assert!(load_archive_named(&good, "ok-1.0.0.tgz").is_ok());
    // Every truncation of a valid archive, and a byte flipped at many places.
    let mut cases = 0;
    for cut in (0..good.len()).step_by(7) {
        let _ = load_archive_named(&good[..cut], "ok-1.0.0.tgz");
        cases += 1;
    }
    for at in (0..good.len()).step_by(3) {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        let _ = load_archive_named(&bad, "ok-1.0.0.tgz");
        cases += 1;
    }
    assert!(cases > 50);
    // Not gzip at all: the error names the archive.
    match load_archive_named(b"<html>rate limited</html>", "ok-1.0.0.tgz") {
        Err(ChartError::NotGzip { path, .. }) => assert_eq!(path, "ok-1.0.0.tgz"),
        other => panic!("{other:?}"),
    }
    // A tar header with a garbage size field.
    let mut t = tar_bytes(&[file(
        "ok/Chart.yaml",
        b"apiVersion: v2\nname: ok\nversion: 1.0.0\n",
    )]);
    t[124..136].copy_from_slice(b"zzzzzzzzzzz\0");
    match load_archive_named(&gzip(&t), "ok-1.0.0.tgz") {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok(c) => panic!("garbage size accepted: {:?}", names(&c)),
    }
}

/// A chart archive with `inner` as `charts/<file>`.
fn parent_with(inner_name: &str, inner: &[u8]) -> Vec<u8> {
    let path = format!("top/charts/{inner_name}");
    tgz(&[
        file(
            "top/Chart.yaml",
            b"apiVersion: v2\nname: top\nversion: 1.0.0\n",
        ),
        file(&path, inner),
    ])
}

#[test]
fn nested_charts_are_checked_the_same_way() {
    let sub_yaml: &[u8] = b"apiVersion: v2\nname: sub\nversion: 1.0.0\n";
    let subs: Vec<(&str, Vec<u8>)> = vec![
        (
            "parent dir",
            tgz(&[
                file("sub/Chart.yaml", sub_yaml),
                file("sub/../../../x", b"x"),
            ]),
        ),
        (
            "absolute",
            tgz(&[
                file("sub/Chart.yaml", sub_yaml),
                file("sub//etc/passwd", b"x"),
            ]),
        ),
        (
            "link",
            tgz(&[
                file("sub/Chart.yaml", sub_yaml),
                special("sub/templates/l", tar::EntryType::Symlink, "/etc"),
            ]),
        ),
        (
            "hard link",
            tgz(&[
                file("sub/Chart.yaml", sub_yaml),
                special("sub/templates/l", tar::EntryType::Link, "sub/Chart.yaml"),
            ]),
        ),
        (
            "device",
            tgz(&[
                file("sub/Chart.yaml", sub_yaml),
                special("sub/tty", tar::EntryType::Char, ""),
            ]),
        ),
        ("not gzip", b"not a chart".to_vec()),
    ];
    for (what, sub) in &subs {
        let data = parent_with("sub-1.0.0.tgz", sub);
        let msg = load_err(&data, "top-1.0.0.tgz");
        assert!(
            msg.starts_with("error unpacking subchart sub-1.0.0.tgz in top: "),
            "{what}: {msg}"
        );
    }
    // A bomb in a subchart: the inner archive is under the 5 MiB file cap, its content is not.
    let bomb = tgz_streamed(|w| {
        let y = tar_bytes(&[file("sub/Chart.yaml", sub_yaml)]);
        w(&y[..y.len() - 1024]);
        w(&header(
            "sub/templates/z.yaml",
            tar::EntryType::Regular,
            64 * 1024 * 1024,
        ));
        zeros(w, 64 * 1024 * 1024);
    });
    let msg = load_err(&parent_with("sub-1.0.0.tgz", &bomb), "top-1.0.0.tgz");
    assert!(
        msg.contains("subchart sub-1.0.0.tgz in top") && msg.contains("larger than the maximum"),
        "{msg}"
    );
    // Subcharts as folders inside the archive (not .tgz) are checked as well.
    let data = tgz(&[
        file(
            "top/Chart.yaml",
            b"apiVersion: v2\nname: top\nversion: 1.0.0\n",
        ),
        file("top/charts/sub/Chart.yaml", sub_yaml),
        special(
            "top/charts/sub/templates/l.yaml",
            tar::EntryType::Symlink,
            "/etc/passwd",
        ),
    ]);
    assert!(load_err(&data, "top-1.0.0.tgz").contains("link"));
}

/// A chart whose subchart's subchart … nests `depth` levels, as `.tgz` files inside `.tgz` files.
fn nested_tgz(depth: usize) -> Vec<u8> {
    let mut inner: Option<Vec<u8>> = None;
    for level in (0..depth).rev() {
        let name = format!("c{level}");
        let chart = format!("apiVersion: v2\nname: {name}\nversion: 1.0.0\n");
        let mut entries = vec![file_owned(format!("{name}/Chart.yaml"), chart.into_bytes())];
        if let Some(sub) = inner.take() {
            entries.push(file_owned(
                format!("{name}/charts/c{}-1.0.0.tgz", level + 1),
                sub,
            ));
        }
        let refs: Vec<Entry> = entries.iter().map(|(n, d)| file(n, d)).collect();
        inner = Some(tgz(&refs));
    }
    inner.unwrap_or_default()
}

fn file_owned(n: String, d: Vec<u8>) -> (String, Vec<u8>) {
    (n, d)
}

/// Run `f` on a thread with rayon's default 2 MiB stack, the stack kiln renders releases on.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn nested_subchart_archives_load_at_a_sane_depth() {
    // 30 levels of .tgz in .tgz (real charts nest 2 or 3): loads on a worker-sized stack.
    let data = nested_tgz(30);
    let r = on_small_stack(move || {
        load_archive_named(&data, "c0-1.0.0.tgz").map(|c| c.dependencies.len())
    });
    assert_eq!(r.expect("30 levels load"), 1);
}

#[test]
fn deeply_nested_subchart_archives_do_not_overflow_the_stack() {
    let depth: usize = std::env::var("KILN_DEPTH")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(500);
    let data = nested_tgz(depth);
    let r = on_small_stack(move || {
        load_archive_named(&data, "c0-1.0.0.tgz").map(|c| c.dependencies.len())
    });
    assert!(
        r.is_err(),
        "{depth} levels of subcharts should be refused with an error"
    );
}

#[test]
fn deeply_nested_subchart_folders_do_not_overflow_the_stack() {
    let depth = 3000;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut prefix = "top/".to_string();
    entries.push((
        "top/Chart.yaml".into(),
        b"apiVersion: v2\nname: top\nversion: 1.0.0\n".to_vec(),
    ));
    for _ in 0..depth {
        prefix.push_str("charts/a/");
        entries.push((
            format!("{prefix}Chart.yaml"),
            b"apiVersion: v2\nname: a\nversion: 1.0.0\n".to_vec(),
        ));
    }
    let refs: Vec<Entry> = entries.iter().map(|(n, d)| file(n, d)).collect();
    let data = tgz(&refs);
    let r = on_small_stack(move || load_archive_named(&data, "top-1.0.0.tgz").map(|_| ()));
    assert!(
        r.is_err(),
        "a 3000-level chart should be refused with an error"
    );
}

#[test]
fn chart_folder_with_special_files_is_an_error() {
    let dir = std::env::temp_dir().join(format!("kiln-hostile-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("templates")).expect("mkdir");
    std::fs::write(dir.join("Chart.yaml"), CHART_YAML).expect("write");
    // A FIFO would block a naive reader forever.
    let fifo = dir.join("templates/pipe.yaml");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf8")).expect("cstr");
    // SAFETY: a valid NUL-terminated path.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo");
    let (tx, rx) = std::sync::mpsc::channel();
    let d = dir.clone();
    std::thread::spawn(move || {
        let _ = tx.send(load(&d).map(|_| ()).map_err(|e| e.to_string()));
    });
    let r = rx.recv_timeout(std::time::Duration::from_secs(20));
    // Unblock a reader stuck on the FIFO, if any, before failing.
    if r.is_err() {
        let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
    }
    let _ = std::fs::remove_dir_all(&dir);
    let msg = r
        .expect("loading a folder with a FIFO did not hang")
        .expect_err("a FIFO is an error");
    assert!(msg.contains("irregular file"), "{msg}");
}

#[test]
fn chart_folder_with_a_symlink_loop_ends() {
    let dir = std::env::temp_dir().join(format!("kiln-hostile-loop-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("templates")).expect("mkdir");
    std::fs::write(dir.join("Chart.yaml"), CHART_YAML).expect("write");
    std::os::unix::fs::symlink("..", dir.join("templates/loop")).expect("symlink");
    let d = dir.clone();
    let r = on_small_stack(move || {
        load(&d)
            .map(|c| c.templates.len())
            .map_err(|e| e.to_string())
    });
    let _ = std::fs::remove_dir_all(&dir);
    // Helm follows links in chart folders; a loop must end (the path grows until the OS
    // refuses it) with an error, not hang or overflow the stack.
    let msg = r.expect_err("a link loop is an error");
    assert!(!msg.is_empty());
}

#[test]
fn helmignore_patterns_match_in_bounded_time() {
    let dir = std::env::temp_dir().join(format!("kiln-hostile-glob-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("templates")).expect("mkdir");
    std::fs::write(dir.join("Chart.yaml"), CHART_YAML).expect("write");
    std::fs::write(dir.join(".helmignore"), "*a*a*a*a*a*a*a*a*a*a*a*b\n").expect("write");
    std::fs::write(dir.join("a".repeat(60)), "x").expect("write");
    let start = std::time::Instant::now();
    let r = load(&dir).map(|c| c.files.len());
    let took = start.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(r.is_ok());
    assert!(took.as_secs() < 5, "took {took:?}");
}
