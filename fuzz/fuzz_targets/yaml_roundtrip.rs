//! The YAML reader and writer: `from_yaml`, `to_yaml`, `from_yaml` again must agree
//! (same JSON both times) and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = kiln::yaml::from_yaml_documents(text);
    let Ok(v1) = kiln::yaml::from_yaml(text) else {
        return;
    };
    let out = match kiln::yaml::to_yaml(&v1) {
        Ok(o) => o,
        Err(e) => panic!("to_yaml failed on a value from_yaml produced: {e}\ninput: {text:?}"),
    };
    let v2 = match kiln::yaml::from_yaml(&out) {
        Ok(v) => v,
        Err(e) => panic!(
            "to_yaml wrote YAML that from_yaml rejects: {e}\ninput: {text:?}\nwritten: {out:?}"
        ),
    };
    let (j1, j2) = (kiln::yaml::to_json(&v1), kiln::yaml::to_json(&v2));
    match (j1, j2) {
        (Ok(a), Ok(b)) => assert_eq!(
            a, b,
            "round trip changed the value\ninput: {text:?}\nwritten: {out:?}"
        ),
        (a, b) => assert_eq!(a.is_ok(), b.is_ok(), "to_json disagrees\ninput: {text:?}"),
    }
});
