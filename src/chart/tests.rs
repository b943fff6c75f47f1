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
