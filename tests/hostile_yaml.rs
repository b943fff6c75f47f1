//! Hostile YAML: values files come from pull requests and charts from the internet, so
//! alias bombs, deep nesting and huge documents must end in a clear error (or a result)
//! within bounded time and memory, never a stack overflow. Every check runs on a thread
//! with rayon's default 2 MiB stack, the stack kiln renders releases on.

use std::path::Path;
use std::time::{Duration, Instant};

use kiln::yaml::{from_json, from_yaml, from_yaml_documents, to_json, to_yaml};

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

/// "Billion laughs": each level is a list of ten aliases of the level before.
fn laughs(levels: usize) -> String {
    let mut s = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..levels {
        let p = i - 1;
        s.push_str(&format!(
            "a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"
        ));
    }
    s
}

#[test]
fn alias_bombs_are_refused() {
    for levels in [9, 12] {
        let text = laughs(levels);
        let start = Instant::now();
        let r = on_small_stack(move || from_yaml(&text).map(|_| ()).map_err(|e| e.to_string()));
        let msg = r.expect_err("a billion laughs must be refused");
        // go-yaml's wording, which sigs.k8s.io/yaml (so Helm) reports.
        assert_eq!(
            msg,
            "error converting YAML to JSON: yaml: document contains excessive aliasing"
        );
        assert!(start.elapsed() < Duration::from_secs(10), "refused quickly");
    }
    // The same bomb in the second document of a stream.
    let text = format!("a: 1\n---\n{}", laughs(10));
    let r = on_small_stack(move || {
        from_yaml_documents(&text)
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    assert!(
        r.expect_err("bomb in document 2")
            .contains("excessive aliasing")
    );
    // A merge-key bomb: each map merges the previous one ten times.
    let mut m = String::from("m0: &m0 {a: 1, b: 2, c: 3}\n");
    for i in 1..12 {
        let p = i - 1;
        m.push_str(&format!("m{i}: &m{i}\n  <<: [*m{p},*m{p},*m{p},*m{p},*m{p},*m{p},*m{p},*m{p},*m{p},*m{p}]\n  k{i}: x\n"));
    }
    let start = Instant::now();
    let _ = on_small_stack(move || from_yaml(&m).map(|_| ()).map_err(|e| e.to_string()));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "merge keys bounded"
    );
}

#[test]
fn a_few_honest_aliases_still_work() {
    let v = from_yaml("base: &b {x: 1}\nuse: *b\nlist: [*b, *b]\n").expect("aliases");
    assert_eq!(
        to_json(&v).expect("json"),
        r#"{"base":{"x":1},"list":[{"x":1},{"x":1}],"use":{"x":1}}"#
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let n = 100_000;
    let cases: Vec<(&str, String)> = vec![
        ("flow sequences", "[".repeat(n)),
        (
            "closed flow sequences",
            format!("{}{}", "[".repeat(n), "]".repeat(n)),
        ),
        ("flow mappings", "{a: ".repeat(n)),
        ("block sequences", format!("{}x\n", "- ".repeat(n))),
        ("mixed", "[{a: ".repeat(n / 2)),
    ];
    for (what, text) in cases {
        let start = Instant::now();
        let r = on_small_stack(move || from_yaml(&text).map(|_| ()).map_err(|e| e.to_string()));
        let msg = r.expect_err(what);
        assert!(
            msg.starts_with("error converting YAML to JSON: yaml: "),
            "{what}: {msg}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what}: bounded time"
        );
    }
}

fn read_write_json(depth: usize) -> Result<(usize, usize), String> {
    on_small_stack(move || {
        let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let v = from_yaml(&text).map_err(|e| e.to_string())?;
        let y = to_yaml(&v).map_err(|e| e.to_string())?;
        let j = to_json(&v).map_err(|e| e.to_string())?;
        drop(v);
        Ok((y.len(), j.len()))
    })
}

#[test]
fn nesting_up_to_the_cap_reads_writes_and_drops_on_a_small_stack() {
    // Far deeper than any real values file; whatever kiln accepts it must also write,
    // convert to JSON and drop without overflowing a worker's stack.
    let (y, j) = read_write_json(300).expect("300 levels");
    assert!(y > 300 && j > 600);
    let (y, j) = read_write_json(999).expect("999 levels (kiln's cap is 1000)");
    assert!(y > 999 && j > 1998);
    let e = read_write_json(1001).expect_err("past the cap");
    // kiln caps at 1000 (go-yaml: 10000, which Rust's default thread stacks cannot hold).
    assert_eq!(
        e,
        "error converting YAML to JSON: yaml: line 1: exceeded max depth of 1000"
    );
}

#[test]
fn deep_json_is_an_error_not_a_stack_overflow() {
    for text in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
        let r = on_small_stack(move || from_json(&text).map(|_| ()).map_err(|e| e.to_string()));
        assert!(r.is_err());
    }
}

#[test]
fn huge_documents_take_linear_time() {
    // 100 000 keys in one mapping, 100 000 items in one list, one 8 MB scalar: each must
    // read in bounded time (no quadratic duplicate-key check), whatever the result.
    let mut keys = String::with_capacity(4 << 20);
    for i in 0..100_000 {
        keys.push_str(&format!("k{i}: {i}\n"));
    }
    let list = "- x\n".repeat(100_000);
    let scalar = format!("a: {}\n", "x".repeat(8 << 20));
    for (what, text) in [("keys", keys), ("list", list), ("scalar", scalar)] {
        let start = Instant::now();
        let r = on_small_stack(move || from_yaml(&text).map(|v| to_yaml(&v).map(|s| s.len())));
        assert!(r.is_ok(), "{what}");
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what}: took {:?}",
            start.elapsed()
        );
    }
    // A duplicate key at the end of a huge mapping: handled (go-yaml v2 keeps the last).
    let mut dup = String::new();
    for i in 0..50_000 {
        dup.push_str(&format!("k{i}: 1\n"));
    }
    dup.push_str("k7: 2\n");
    let start = Instant::now();
    let _ = from_yaml(&dup);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "duplicate check is not quadratic"
    );
}

#[test]
fn malformed_yaml_never_panics() {
    // Truncations and byte flips of a realistic values file: an error or a value.
    let good = "image:\n  repository: nginx\n  tag: \"1.25\"\nlist: [a, {b: c}, 'd']\nanchor: &x {k: v}\nuse: *x\nblock: |\n  text\n  more\nnum: 0x1F\n";
    let mut n = 0;
    for cut in 0..good.len() {
        if good.is_char_boundary(cut) {
            let _ = from_yaml(&good[..cut]);
            n += 1;
        }
    }
    let bytes = good.as_bytes();
    for at in 0..bytes.len() {
        for b in [
            b'[', b'{', b'&', b'*', b'!', b'|', b'>', b'"', b'\'', b'\t', b':', b'-', b'%', b'@',
            b'`',
        ] {
            let mut v = bytes.to_vec();
            v[at] = b;
            if let Ok(s) = std::str::from_utf8(&v) {
                if let Ok(val) = from_yaml(s) {
                    let _ = to_yaml(&val);
                }
                n += 1;
            }
        }
    }
    assert!(n > 1000);
}

// The stack file has its own reader (src/stack/doc.rs, positions for errors).

fn parse_stack(text: String) -> Result<(), String> {
    on_small_stack(move || {
        kiln::stack::Stack::parse(Path::new("stack/stack.yaml"), &text)
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
}

#[test]
fn stack_file_alias_bomb_is_refused() {
    let start = Instant::now();
    let text = format!("{}releases: []\n", laughs(12).replace("a", "x-a"));
    let msg = parse_stack(text).expect_err("bomb");
    assert!(msg.starts_with("stack/stack.yaml:"), "{msg}");
    assert!(msg.contains("alias"), "{msg}");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn stack_file_deep_nesting_is_an_error() {
    for text in [
        "[".repeat(100_000),
        format!("x: {}", "{a: ".repeat(100_000)),
        format!("x:\n{}y\n", "- ".repeat(100_000)),
    ] {
        let msg = parse_stack(text).expect_err("deep");
        assert!(msg.starts_with("stack/stack.yaml:"), "{msg}");
        assert!(msg.contains("deep"), "{msg}");
    }
}
