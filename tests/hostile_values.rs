//! Hostile values through `kiln template`: values files and `--set` come from pull
//! requests, schemas from charts. Each case ends in exit 1 with Helm's message (taken
//! from the reference Helm 3.17.3 for the same input), never a crash.

mod common;

use common::Scratch;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const KILN: &str = env!("CARGO_BIN_EXE_kiln");

fn chart(root: &Path, name: &str, template: &str, extra: &[(&str, String)]) -> PathBuf {
    let dir = root.join(name);
    fs::create_dir_all(dir.join("templates")).expect("mkdir");
    fs::write(
        dir.join("Chart.yaml"),
        format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n"),
    )
    .expect("write");
    fs::write(dir.join("templates/cm.yaml"), template).expect("write");
    for (f, text) in extra {
        fs::write(dir.join(f), text).expect("write");
    }
    dir
}

fn kiln(args: &[&str]) -> (Option<i32>, String, String) {
    let o = Command::new(KILN).args(args).output().expect("run kiln");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn head(s: &str) -> &str {
    let mut end = s.len().min(300);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[test]
fn set_flags_are_bounded_as_helm_bounds_them() {
    let s = Scratch::new("set");
    let dir = chart(&s.0, "v", "a: 1\n", &[]);
    let d = dir.to_str().expect("utf8");
    let deep_name = vec!["a"; 40].join(".") + "=1";
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "--set",
            "a[99999999]=1".into(),
            "Error: failed parsing --set data: index of 99999999 is greater than maximum supported index of 65536\n",
        ),
        (
            "--set-string",
            "x[70000]=1".into(),
            "Error: failed parsing --set-string data: index of 70000 is greater than maximum supported index of 65536\n",
        ),
        (
            "--set",
            deep_name,
            "Error: failed parsing --set data: value name nested level is greater than maximum supported nested level of 30\n",
        ),
    ];
    for (flag, arg, want) in cases {
        let (code, out, err) = kiln(&["template", d, flag, &arg]);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (Some(1), "", want),
            "{flag} {}",
            head(&arg)
        );
    }
    // Forty nested list indexes: Helm accepts it (no name nesting), and so does kiln.
    let (code, _, err) = kiln(&["template", d, "--set", &format!("a{}=1", "[0]".repeat(40))]);
    assert_eq!(code, Some(0), "{}", head(&err));
}

#[test]
fn values_file_bombs_are_errors_naming_the_file() {
    let s = Scratch::new("vfile");
    let dir = chart(&s.0, "v", "a: 1\n", &[]);
    let mut bomb = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 9].join(",")
        ));
    }
    let bomb_path = s.0.join("bomb.yaml");
    fs::write(&bomb_path, bomb).expect("write");
    let (code, out, err) = kiln(&[
        "template",
        dir.to_str().expect("utf8"),
        "-f",
        bomb_path.to_str().expect("utf8"),
    ]);
    let want = format!(
        "Error: failed to parse {}: error converting YAML to JSON: yaml: document contains excessive aliasing\n",
        bomb_path.display()
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(1), "", want.as_str())
    );
    // 20 000 nested `[`: Helm says `yaml: exceeded max depth of 10000`; kiln stops at 1000
    // levels (its own cap, so that no thread stack overflows), with the same shape.
    let deep_path = s.0.join("deep.yaml");
    fs::write(&deep_path, format!("a: {}\n", "[".repeat(20_000))).expect("write");
    let (code, out, err) = kiln(&[
        "template",
        dir.to_str().expect("utf8"),
        "-f",
        deep_path.to_str().expect("utf8"),
    ]);
    assert_eq!((code, out.as_str()), (Some(1), ""), "{}", head(&err));
    let prefix = format!(
        "Error: failed to parse {}: error converting YAML to JSON: yaml: ",
        deep_path.display()
    );
    assert!(
        err.starts_with(&prefix) && err.contains("exceeded max depth"),
        "{}",
        head(&err)
    );
}

#[test]
fn a_deep_schema_is_an_error() {
    let s = Scratch::new("schema");
    let dir = chart(
        &s.0,
        "sj",
        "a: 1\n",
        &[("values.schema.json", format!("{}\n", "[".repeat(100_000)))],
    );
    let (code, out, err) = kiln(&["template", dir.to_str().expect("utf8")]);
    assert_eq!(code, Some(1), "{}", head(&err));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nsj:\ninvalid character '[' exceeded max depth\n"
    );
}

#[test]
fn from_json_of_a_deep_value_is_an_error_value() {
    let s = Scratch::new("fromjson");
    let values = format!("j: \"{}\"\n", "[".repeat(100_000));
    let dir = chart(
        &s.0,
        "fj",
        "a: {{ fromJson .Values.j | toJson }}\n",
        &[("values.yaml", values)],
    );
    let (code, out, err) = kiln(&["template", dir.to_str().expect("utf8")]);
    assert_eq!(code, Some(0), "{}", head(&err));
    assert_eq!(
        out,
        "---\n# Source: fj/templates/cm.yaml\na: {\"Error\":\"invalid character '[' exceeded max depth\"}\n"
    );
}
