//! The YAML reader and writer: `from_yaml`, `to_yaml`, `from_yaml` again must agree
//! (same JSON both times) and never panic.
//!
//! Two exceptions are Helm's own behaviour, not bugs: `to_yaml` may fail (sigs.k8s.io/yaml
//! re-reads its JSON as YAML, and a flow key over 1024 characters is an error there too),
//! and a string with a YAML 1.1 line break character (U+0085, U+2028, U+2029) does not
//! survive the trip (go-yaml v2 writes it into a block scalar; Helm prints the same).
#![no_main]

use kiln::gotmpl::Value;
use libfuzzer_sys::fuzz_target;

fn has_unicode_break(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.contains(['\u{85}', '\u{2028}', '\u{2029}']),
        Value::List(l) => l.iter().any(has_unicode_break),
        Value::Map(m) => m
            .borrow()
            .iter()
            .any(|(k, v)| k.contains(['\u{85}', '\u{2028}', '\u{2029}']) || has_unicode_break(v)),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = kiln::yaml::from_yaml_documents(text);
    let Ok(v1) = kiln::yaml::from_yaml(text) else {
        return;
    };
    let Ok(out) = kiln::yaml::to_yaml(&v1) else {
        return;
    };
    let v2 = match kiln::yaml::from_yaml(&out) {
        Ok(v) => v,
        Err(e) => panic!(
            "to_yaml wrote YAML that from_yaml rejects: {e}\ninput: {text:?}\nwritten: {out:?}"
        ),
    };
    if has_unicode_break(&v1) {
        return;
    }
    let (j1, j2) = (kiln::yaml::to_json(&v1), kiln::yaml::to_json(&v2));
    match (j1, j2) {
        (Ok(a), Ok(b)) => assert_eq!(
            a, b,
            "round trip changed the value\ninput: {text:?}\nwritten: {out:?}"
        ),
        (a, b) => assert_eq!(a.is_ok(), b.is_ok(), "to_json disagrees\ninput: {text:?}"),
    }
});
