//! Loader tests that need no YAML reader: archive rules, folder walking, errors.

use super::*;
use std::io::Write;

/// Build a .tgz in memory from (path, contents) pairs.
fn tgz(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut tb = tar::Builder::new(Vec::new());
    for (name, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        // Write the name bytes directly so that bad names (.., absolute) can be tested.
        let gnu = h.as_gnu_mut().unwrap();
        gnu.name[..name.len()].copy_from_slice(name.as_bytes());
        h.set_cksum();
        tb.append(&h, *data).unwrap();
    }
    let tar = tb.into_inner().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).unwrap();
    gz.finish().unwrap()
}

#[test]
fn archive_strips_first_component_and_bom() {
    let data = tgz(&[
        ("c/Chart.yaml", b"x"),
        ("c/templates/a.yaml", b"\xef\xbb\xbfhi"),
        ("c/README", b"r"),
    ]);
    let files = archive_files(&data).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Chart.yaml", "templates/a.yaml", "README"]);
    assert_eq!(&*files[1].data, b"hi");
}

#[test]
fn archive_rejections() {
    let cases: &[(&str, &str)] = &[
        (
            "c/../../etc/passwd",
            "chart illegally references parent directory",
        ),
        (
            "Chart.yaml",
            "chart illegally contains content outside the base directory: \"Chart.yaml\"",
        ),
        (
            "c",
            "chart illegally contains content outside the base directory: \"c\"",
        ),
    ];
    for (name, want) in cases {
        let data = tgz(&[(name, b"x")]);
        match archive_files(&data) {
            Err(archive::ArchiveError::Invalid(m)) => assert_eq!(&m, want, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn archive_not_gzip_names_the_file() {
    let err = load_archive_named(b"garbage\n", "bad.tgz").unwrap_err();
    assert_eq!(
        err.to_string(),
        "file 'bad.tgz' does not appear to be a gzipped archive; got 'application/octet-stream'"
    );
    let mut truncated = tgz(&[("c/Chart.yaml", b"name: x")]);
    truncated.truncate(20);
    let err = load_archive_named(&truncated, "t.tgz").unwrap_err();
    assert!(matches!(err, ChartError::CorruptArchive { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("t.tgz: not a valid gzip'ed tar archive"),
        "{err}"
    );
}

#[test]
fn folder_without_chart_yaml() {
    let dir = std::env::temp_dir().join(format!("kiln-chart-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates/a.yaml"), "a: 1").unwrap();
    let err = load(&dir).unwrap_err();
    assert_eq!(err.to_string(), "Chart.yaml file is missing");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn nested_archives_and_skipped_subcharts() {
    let sub = tgz(&[
        (
            "sub/Chart.yaml",
            b"apiVersion: v2\nname: sub\nversion: 0.2.0\n",
        ),
        ("sub/values.yaml", b"x: 1\n"),
        ("sub/templates/a.yaml", b"a: {{ .Values.x }}\n"),
    ]);
    let top = tgz(&[
        (
            "top/Chart.yaml",
            b"apiVersion: v2\nname: top\nversion: 1.0.0\nappVersion: 1.10\n",
        ),
        ("top/values.yaml", b"\xef\xbb\xbfk: v\n"),
        ("top/values.schema.json", b"{}"),
        ("top/Chart.lock", b"x"),
        ("top/README.md", b"readme"),
        ("top/crds/c.yaml", b"kind: CustomResourceDefinition\n"),
        ("top/charts/sub-0.2.0.tgz", &sub),
        ("top/charts/_skipped/Chart.yaml", b"name: skipped\n"),
        ("top/charts/.hidden.tgz", b"not even an archive"),
        (
            "top/charts/dir/Chart.yaml",
            b"apiVersion: v2\nname: dir\nversion: 0.1.0\n",
        ),
        ("top/charts/dir/templates/b.yaml", b"b: 1\n"),
    ]);
    let c = load_archive_named(&top, "top.tgz").unwrap();
    assert_eq!(c.metadata.app_version, "1.1");
    assert_eq!(c.values.to_go_string(), "map[k:v]");
    assert!(c.schema.is_some());
    let files: Vec<&str> = c.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(files, ["README.md", "crds/c.yaml"]);
    let deps: Vec<&str> = c.dependencies.iter().map(|d| d.name()).collect();
    assert_eq!(deps, ["dir", "sub"]);
    let sub = &c.dependencies[1];
    assert_eq!(sub.templates[0].name, "templates/a.yaml");
    assert_eq!(sub.values.to_go_string(), "map[x:1]");
}

#[test]
fn subchart_errors_name_the_subchart() {
    let top = tgz(&[
        (
            "top/Chart.yaml",
            b"apiVersion: v2\nname: top\nversion: 1.0.0\n",
        ),
        ("top/charts/bad.tgz", b"garbage"),
    ]);
    let err = load_archive_named(&top, "top.tgz").unwrap_err().to_string();
    assert_eq!(
        err,
        "error unpacking subchart bad.tgz in top: file 'charts/bad.tgz' does not appear to be a gzipped archive; got 'application/octet-stream'"
    );
    let top = tgz(&[("top/Chart.yaml", b"apiVersion: v2\nname: top\n")]);
    assert_eq!(
        load_archive_named(&top, "top.tgz").unwrap_err().to_string(),
        "validation: chart.metadata.version is required"
    );
    let top = tgz(&[("top/Chart.yaml", b"name: [oops\n")]);
    let err = load_archive_named(&top, "top.tgz").unwrap_err().to_string();
    assert!(err.starts_with("cannot load Chart.yaml: "), "{err}");
}

#[test]
fn damaged_archives_never_panic() {
    let good = tgz(&[
        ("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 0.1.0\n"),
        ("c/values.yaml", b"a: 1\n"),
        ("c/templates/x.yaml", b"x: {{ .Values.a }}\n"),
    ]);
    // Also damage the tar stream itself (inside the gzip layer).
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&good[..]), &mut raw).unwrap();
    let mut seed: u64 = 11;
    for round in 0..3000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut damaged = if round % 2 == 0 {
            good.clone()
        } else {
            raw.clone()
        };
        for _ in 0..(seed >> 61) + 1 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let i = (seed >> 33) as usize % damaged.len();
            damaged[i] ^= (seed >> 13) as u8 | 1;
        }
        if round % 2 == 1 {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(&damaged).unwrap();
            damaged = gz.finish().unwrap();
        }
        let _ = load_archive_named(&damaged, "damaged.tgz");
        if round % 7 == 0 {
            damaged.truncate((seed >> 40) as usize % damaged.len().max(1));
            let _ = load_archive_named(&damaged, "short.tgz");
        }
    }
}

/// The tar stream of `tgz(entries)`, gzipped as two members split inside a file (as
/// concatenated gzip files are), or with trailing bytes after the member.
fn split_tgz(entries: &[(&str, &[u8])], garbage: bool) -> Vec<u8> {
    let one = tgz(entries);
    let mut tar = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&one[..]), &mut tar).unwrap();
    let gz = |part: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(part).unwrap();
        e.finish().unwrap()
    };
    if garbage {
        let mut out = gz(&tar);
        out.extend_from_slice(b"garbage");
        return out;
    }
    // The second file's bytes start after two 512-byte headers and the first file.
    let mut out = gz(&tar[..1024 + 512 + 700]);
    out.extend(gz(&tar[1024 + 512 + 700..]));
    out
}

#[test]
fn archives_of_several_gzip_members_read_whole() {
    let big = vec![b'x'; 3000];
    let entries: &[(&str, &[u8])] = &[
        ("c/Chart.yaml", b"name: c"),
        ("c/templates/big.yaml", &big),
        ("c/templates/z.yaml", b"z: 1"),
    ];
    let names_and_data = |files: Vec<File>| -> Vec<(String, Vec<u8>)> {
        files
            .into_iter()
            .map(|f| (f.name, f.data.to_vec()))
            .collect()
    };
    let want = names_and_data(archive_files(&tgz(entries)).unwrap());
    assert_eq!(want.len(), 3);
    assert_eq!(want[1].1, big);
    // Helm (Go's gzip reader) reads concatenated members as one stream, and stops
    // reading at the end of the tar archive.
    for garbage in [false, true] {
        let got = names_and_data(archive_files(&split_tgz(entries, garbage)).unwrap());
        assert_eq!(got, want, "garbage: {garbage}");
    }
}
