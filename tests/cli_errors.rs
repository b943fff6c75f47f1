//! `kiln template` error paths: a clear `Error: …` naming the file, exit 1, never a panic.
//! Expected texts are what the reference Helm 3.17.3 prints for the same inputs.

mod common;
use common::{Scratch, kiln};

const TRAILER: &str = "\n\nUse --debug flag to render out invalid YAML\n";

#[test]
fn folder_without_chart_yaml() {
    let s = Scratch::new("nochart");
    s.write("templates/cm.yaml", b"a: 1\n");
    let (code, out, err) = kiln(&["template", s.0.to_str().unwrap()]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (1, "", "Error: Chart.yaml file is missing\n")
    );
}

#[test]
fn corrupt_archive_names_the_file() {
    let s = Scratch::new("corrupt");
    let p = s.write("bad.tgz", b"garbage\n");
    let (code, out, err) = kiln(&["template", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "Error: file '{}' does not appear to be a gzipped archive; got 'application/octet-stream'\n",
            p.display()
        )
    );
    // A gzip header followed by garbage: still an error naming the archive.
    let p2 = s.write(
        "trunc.tgz",
        &[0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3],
    );
    let (code, _, err) = kiln(&["template", p2.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!(
            "Error: {}: not a valid gzip'ed tar archive",
            p2.display()
        )),
        "{err}"
    );
}

#[test]
fn template_parse_error() {
    let s = Scratch::new("parse");
    s.write("p/Chart.yaml", b"apiVersion: v2\nname: p\nversion: 0.1.0\n");
    s.write("p/templates/cm.yaml", b"a: {{ .Values.x \n");
    let (code, out, err) = kiln(&["template", s.path("p").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "Error: parse error at (p/templates/cm.yaml:2): unclosed action started at p/templates/cm.yaml:1{TRAILER}"
        )
    );
}

#[test]
fn missing_required_value() {
    let s = Scratch::new("required");
    s.write("r/Chart.yaml", b"apiVersion: v2\nname: r\nversion: 0.1.0\n");
    s.write("r/values.yaml", b"image: {}\n");
    s.write(
        "r/templates/cm.yaml",
        b"kind: ConfigMap\nx: {{ required \"image.tag is required\" .Values.image.tag }}\n",
    );
    let (code, out, err) = kiln(&["template", s.path("r").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "Error: execution error at (r/templates/cm.yaml:2:6): image.tag is required{TRAILER}"
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = kiln(&["template"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = kiln(&["template", "--no-such-flag", "x"]);
    assert_eq!(code, 2);
}

#[test]
fn bad_set_and_release_name() {
    let s = Scratch::new("flags");
    s.write("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 0.1.0\n");
    let c = s.path("c");
    let (code, _, err) = kiln(&["template", c.to_str().unwrap(), "--set", "a[x]=1"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Error: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"x\": invalid syntax\n"
        )
    );
    let (code, _, err) = kiln(&["template", "Bad_Name", c.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "Error: release name \"Bad_Name\": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53\n"
    );
    let (code, _, err) = kiln(&[
        "template",
        "x",
        c.to_str().unwrap(),
        "--kube-version",
        "abc",
    ]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Error: invalid kube version 'abc': Invalid Semantic Version\n"
        )
    );
}

#[test]
fn bad_set_json_and_set_file() {
    let s = Scratch::new("setjson");
    s.write("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 0.1.0\n");
    let c = s.path("c");
    let (code, _, err) = kiln(&["template", c.to_str().unwrap(), "--set-json", "a=nope"]);
    assert_eq!(
        (code, err.as_str()),
        (1, "Error: failed parsing --set-json data a=nope\n")
    );
    let missing = s.path("nonexist.txt");
    let arg = format!("f={}", missing.display());
    let (code, _, err) = kiln(&["template", c.to_str().unwrap(), "--set-file", &arg]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "Error: failed parsing --set-file data: open {}: no such file or directory\n",
            missing.display()
        )
    );
}

#[test]
fn library_chart_and_missing_dependencies() {
    let s = Scratch::new("libdeps");
    s.write(
        "lib/Chart.yaml",
        b"apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
    );
    let (code, out, err) = kiln(&["template", s.path("lib").to_str().unwrap()]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (1, "", "Error: library charts are not installable\n")
    );
    s.write(
        "dep/Chart.yaml",
        b"apiVersion: v2\nname: dep\nversion: 0.1.0\ndependencies:\n  - name: missing\n    version: 1.0.0\n  - name: gone\n    version: 1.0.0\ndeprecated: true\n",
    );
    let (code, _, err) = kiln(&["template", s.path("dep").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "WARNING: This chart is deprecated\nError: An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: missing, gone\n"
    );
}

#[test]
fn chart_not_found_like_helm() {
    // Helm 3.17.3 with no repositories configured.
    let (code, _, err) = kiln(&["template", "nonexist"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: nonexist\n"
        )
    );
    let (code, _, err) = kiln(&["template", "./nonexist"]);
    assert_eq!(
        (code, err.as_str()),
        (1, "Error: path \"./nonexist\" not found\n")
    );
    let (code, _, err) = kiln(&["template", "a/b/c"]);
    assert_eq!((code, err.as_str()), (1, "Error: repo a not found\n"));
    let (code, _, err) = kiln(&["template", "./nonexist", "--kube-version", "x"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Error: invalid kube version 'x': Invalid Semantic Version\n"
        )
    );
}

#[test]
fn values_file_that_does_not_parse_shows_its_line() {
    let s = Scratch::new("badvalues");
    s.write("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 0.1.0\n");
    s.write("c/templates/cm.yaml", b"a: 1\n");
    let v = s.write("v.yaml", b"replicas: 2\nports: [80, 443\nname: x\n");
    let (code, out, err) = kiln(&[
        "template",
        s.path("c").to_str().unwrap(),
        "-f",
        v.to_str().unwrap(),
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
    // Helm's message first (reference Helm 3.17.3 prints exactly this line), then the
    // line it names and what to do.
    let shown = v.display();
    assert_eq!(
        err,
        format!(
            "Error: failed to parse {shown}: error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'\n  --> {shown}:2\n   | ports: [80, 443\n  hint: fix the YAML of this values file; `helm template` refuses it the same way\n"
        )
    );
}
