//! Hostile templates: charts come from the internet and `tpl` evaluates strings from
//! values, so recursion and output growth must end in an error, never a stack overflow
//! or exhausted memory. Expected messages are what the reference Helm 3.17.3 prints for
//! the same charts (it caps `include` recursion at 1000 with `rendering template has a
//! nested reference name`).

mod common;

use common::Scratch;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const KILN: &str = env!("CARGO_BIN_EXE_kiln");
const TRAILER: &str = "\n\nUse --debug flag to render out invalid YAML\n";

/// A chart folder `name` with a helper file and one template.
fn chart(root: &Path, name: &str, helpers: &str, template: &str, values: &str) -> PathBuf {
    let dir = root.join(name);
    fs::create_dir_all(dir.join("templates")).expect("mkdir");
    fs::write(
        dir.join("Chart.yaml"),
        format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n"),
    )
    .expect("write");
    fs::write(dir.join("templates/_h.tpl"), helpers).expect("write");
    fs::write(dir.join("templates/cm.yaml"), template).expect("write");
    if !values.is_empty() {
        fs::write(dir.join("values.yaml"), values).expect("write");
    }
    dir
}

fn kiln_template(dir: &Path) -> (Option<i32>, String) {
    let o = Command::new(KILN)
        .arg("template")
        .arg(dir)
        .output()
        .expect("run kiln");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Helm's error for an include chain: the first call, `n` repeated frames, the cap.
fn helm_chain(first: &str, unit: &str, n: usize, name: &str) -> String {
    format!(
        "Error: {first}{}rendering template has a nested reference name: {name}: unable to execute template{TRAILER}",
        unit.repeat(n)
    )
}

/// The three recursive charts with Helm 3.17.3's exact stderr (the chain lengths were
/// counted from Helm's output).
fn recursive_cases(root: &Path) -> Vec<(&'static str, PathBuf, String)> {
    vec![
        (
            "self include",
            chart(
                root,
                "rec",
                "{{- define \"r\" }}{{ include \"r\" . }}{{ end }}",
                "a: {{ include \"r\" . }}\n",
                "",
            ),
            helm_chain(
                "template: rec/templates/cm.yaml:1:6: executing \"rec/templates/cm.yaml\" at <include \"r\" .>: error calling include: ",
                "template: rec/templates/_h.tpl:1:20: executing \"r\" at <include \"r\" .>: error calling include: ",
                1001,
                "r",
            ),
        ),
        (
            "self include under range/with/if",
            chart(
                root,
                "deep",
                "{{- define \"r\" }}{{ range list 1 }}{{ with . }}{{ if true }}{{ include \"r\" $ }}{{ end }}{{ end }}{{ end }}{{ end }}",
                "a: {{ include \"r\" . }}\n",
                "",
            ),
            helm_chain(
                "template: deep/templates/cm.yaml:1:6: executing \"deep/templates/cm.yaml\" at <include \"r\" .>: error calling include: ",
                "template: deep/templates/_h.tpl:1:63: executing \"r\" at <include \"r\" $>: error calling include: ",
                1001,
                "r",
            ),
        ),
        (
            "mutual include/template",
            chart(
                root,
                "mut",
                "{{- define \"a\" }}{{ include \"b\" . }}{{ end }}{{- define \"b\" }}{{ template \"a\" . }}{{ end }}",
                "a: {{ include \"a\" . }}\n",
                "",
            ),
            helm_chain(
                "template: mut/templates/cm.yaml:1:6: executing \"mut/templates/cm.yaml\" at <include \"a\" .>: error calling include: ",
                "template: mut/templates/_h.tpl:1:20: executing \"a\" at <include \"b\" .>: error calling include: ",
                1002,
                "b",
            ),
        ),
    ]
}

#[test]
fn include_recursion_stops_at_helms_cap_in_kiln_template() {
    let s = Scratch::new("incl");
    let (what, dir, want) = recursive_cases(&s.0).remove(0);
    {
        let (code, err) = kiln_template(&dir);
        assert_eq!(
            code,
            Some(1),
            "{what}: exit code (None = killed by a signal); stderr tail: {}",
            tail(&err)
        );
        assert!(
            err == want,
            "{what}: stderr differs from Helm's; tail: {}",
            tail(&err)
        );
    }
}

#[test]
fn include_recursion_under_nested_actions_stops_at_helms_cap_in_kiln_template() {
    let s = Scratch::new("incldeep");
    for (what, dir, want) in recursive_cases(&s.0).into_iter().skip(1) {
        let (code, err) = kiln_template(&dir);
        assert_eq!(
            code,
            Some(1),
            "{what}: exit code (None = killed by a signal); stderr tail: {}",
            tail(&err)
        );
        assert!(
            err == want,
            "{what}: stderr differs from Helm's; tail: {}",
            tail(&err)
        );
    }
}

fn tail(s: &str) -> String {
    let start = s.len().saturating_sub(300);
    let start = (start..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    s[start..].to_string()
}

#[test]
fn include_recursion_in_a_stack_render_is_an_error() {
    // `kiln render` renders releases on worker threads: each recursive chart must end in
    // Helm's cap there too, not in a stack overflow.
    let s = Scratch::new("inclrender");
    let charts = s.0.join("charts");
    fs::create_dir_all(&charts).expect("mkdir");
    let mut releases = String::new();
    for (i, (what, dir, _)) in recursive_cases(&s.0).into_iter().enumerate() {
        let name = dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let tgz = charts.join(format!("{name}-0.1.0.tgz"));
        let status = Command::new("tar")
            .arg("-czf")
            .arg(&tgz)
            .arg("-C")
            .arg(&s.0)
            .arg(&name)
            .status();
        assert!(status.expect("tar").success(), "{what}");
        releases =
            format!("  - {{name: rel{i}, namespace: ns, chart: local/{name}, version: 0.1.0}}\n");
        let st = s.0.join(format!("repo{i}/stack"));
        fs::create_dir_all(&st).expect("mkdir");
        fs::write(st.join("stack.yaml"), format!("repositories: {{local: {{url: \"https://example.invalid\"}}}}\nreleases:\n{releases}"))
            .expect("write");
        let o = Command::new(KILN)
            .args(["render", "--stack"])
            .arg(&st)
            .arg("--charts")
            .arg(&charts)
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{what}: killed by a signal? stderr tail: {}",
            tail(&err)
        );
        assert!(
            err.starts_with(&format!("Error: release rel{i}: ")),
            "{what}: {}",
            tail(&err)
        );
        assert!(
            err.contains("nested reference name: "),
            "{what}: {}",
            tail(&err)
        );
        // On the render workers' big stack the chain is as long as Helm's.
        let want = recursive_cases(&s.0.join("want")).remove(i).2;
        let frames = |t: &str| t.matches("error calling include: ").count();
        assert_eq!(frames(&err), frames(&want), "{what}: include frames");
        assert!(!s.0.join(format!("repo{i}/rendered")).exists(), "{what}");
    }
    assert!(!releases.is_empty());
}

#[test]
fn tpl_recursion_from_values_is_an_error() {
    // A values string that `tpl`s itself: Helm 3.17.3 itself dies of a Go stack overflow
    // (`goroutine stack exceeds 1000000000-byte limit`); kiln must stop with an error.
    let s = Scratch::new("tpl");
    let cases = [
        (
            "tpl self",
            "{{/* none */}}",
            "a: {{ tpl .Values.x . }}\n",
            "x: \"{{ tpl .Values.x . }}\"\n",
        ),
        (
            "tpl include",
            "{{- define \"t\" }}{{ tpl .Values.x . }}{{ end }}",
            "a: {{ include \"t\" . }}\n",
            "x: '{{ include \"t\" . }}'\n",
        ),
    ];
    for (i, (what, helpers, tmpl, values)) in cases.into_iter().enumerate() {
        let dir = chart(&s.0, &format!("t{i}"), helpers, tmpl, values);
        let (code, err) = kiln_template(&dir);
        assert_eq!(
            code,
            Some(1),
            "{what}: exit code (None = killed by a signal); stderr tail: {}",
            tail(&err)
        );
        assert!(err.starts_with("Error: "), "{what}: {}", tail(&err));
    }
}

/// Run `kiln template` with at most `mb` MiB of address space, so that an unbounded
/// allocation fails inside kiln (abort) instead of exhausting the machine.
fn kiln_template_limited(dir: &Path, mb: u64) -> (Option<i32>, String) {
    use std::os::unix::process::CommandExt;
    let mut c = Command::new(KILN);
    c.arg("template").arg(dir);
    // SAFETY: only setrlimit between fork and exec.
    unsafe {
        c.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: mb << 20,
                rlim_max: mb << 20,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let o = c.output().expect("run kiln");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn output_growth_is_capped_with_an_error() {
    let s = Scratch::new("grow");
    let cases = [
        (
            "doubling printed",
            "{{- $s := \"xxxxxxxx\" }}{{- range until 40 }}{{ $s = print $s $s }}{{ end }}a: {{ $s }}\n",
        ),
        (
            "doubling measured",
            "{{- $s := \"xxxxxxxx\" }}{{- range until 40 }}{{ $s = print $s $s }}{{ end }}a: {{ len $s }}\n",
        ),
        ("repeat", "a: {{ repeat 2000000000 \"x\" }}\n"),
        (
            "range output",
            "{{- range until 100000000 }}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n{{ end }}",
        ),
    ];
    for (i, (what, tmpl)) in cases.into_iter().enumerate() {
        let dir = chart(&s.0, &format!("g{i}"), "", tmpl, "");
        let (code, err) = kiln_template_limited(&dir, 1024);
        assert_eq!(
            code,
            Some(1),
            "{what}: exit code (None = killed by a signal); stderr: {}",
            tail(&err)
        );
        assert!(
            err.starts_with("Error: ") && !err.contains("memory allocation"),
            "{what}: {}",
            tail(&err)
        );
    }
}

#[test]
fn pathological_template_text_parses_or_fails_quickly_on_a_small_stack() {
    let n = 100_000;
    let cases: Vec<(&str, String)> = vec![
        (
            "nested parens",
            format!("{{{{ {}1{} }}}}", "(".repeat(n), ")".repeat(n)),
        ),
        (
            "nested if",
            format!("{}x{}", "{{ if . }}".repeat(n), "{{ end }}".repeat(n)),
        ),
        (
            "nested range",
            format!("{}x{}", "{{ range . }}".repeat(n), "{{ end }}".repeat(n)),
        ),
        ("unclosed ifs", "{{ if . }}".repeat(n)),
        (
            "many variables",
            format!(
                "{}{{{{ $v{} }}}}",
                (0..20_000)
                    .map(|i| format!("{{{{ $v{i} := {i} }}}}"))
                    .collect::<String>(),
                19_999
            ),
        ),
        (
            "long pipeline",
            format!("{{{{ 1{} }}}}", " | print".repeat(n)),
        ),
        (
            "many defines",
            (0..20_000)
                .map(|i| format!("{{{{ define \"d{i}\" }}}}{i}{{{{ end }}}}"))
                .collect(),
        ),
        (
            "huge string",
            format!("{{{{ \"{}\" }}}}", "x".repeat(4 << 20)),
        ),
        (
            "unterminated raw string",
            format!("{{{{ `{}", "x".repeat(1 << 20)),
        ),
        (
            "unterminated comment",
            format!("{{{{/* {}", "x".repeat(1 << 20)),
        ),
        ("many actions", "{{ . }}".repeat(n)),
        (
            "deep field chain",
            format!("{{{{ .{} }}}}", vec!["a"; n].join(".")),
        ),
    ];
    for (what, text) in cases {
        let start = std::time::Instant::now();
        let r = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let is_func = |f: &str| f == "include";
                kiln::gotmpl::parse::parse("t", &text, &is_func)
                    .map(|t| t.len())
                    .map_err(|e| e.msg)
            })
            .expect("thread")
            .join();
        assert!(r.is_ok(), "{what}: the parser panicked or overflowed");
        eprintln!("{what}: {:?}", start.elapsed());
        assert!(
            start.elapsed().as_secs() < 20,
            "{what}: took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn printf_with_a_huge_precision_is_not_a_crash() {
    let s = Scratch::new("printf");
    // Helm 3.17.3 renders `70002|70006|3`.
    let dir = chart(
        &s.0,
        "p",
        "",
        "a: {{ printf \"%.70000f\" 1.5 | len }}|{{ printf \"%.70000e\" 1.5 | len }}|{{ printf \"%.884687g\" 1.5 | len }}\n",
        "",
    );
    let o = Command::new(KILN)
        .arg("template")
        .arg(&dir)
        .output()
        .expect("run kiln");
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert_eq!(o.status.code(), Some(0), "{}", tail(&err));
    assert_eq!(
        out,
        "---\n# Source: p/templates/cm.yaml\na: 70002|70006|3\n"
    );
}
