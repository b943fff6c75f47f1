//! Parse then execute arbitrary template text with Helm's functions over a small data
//! value: an error or output, never a panic. The executor's own caps (recursion depth,
//! output size) keep each run bounded.
#![no_main]

use kiln::gotmpl::Value;
use kiln::gotmpl::template::Templates;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

fn data() -> Value {
    let mut values = BTreeMap::new();
    values.insert("name".to_string(), Value::str("web"));
    values.insert("replicas".to_string(), Value::Float(3.0));
    values.insert("enabled".to_string(), Value::Bool(true));
    values.insert(
        "tags".to_string(),
        Value::from(vec![Value::str("a"), Value::str("b")]),
    );
    let mut nested = BTreeMap::new();
    nested.insert("tag".to_string(), Value::str("1.0"));
    values.insert("image".to_string(), Value::from(nested));
    let mut release = BTreeMap::new();
    release.insert("Name".to_string(), Value::str("rel"));
    release.insert("Namespace".to_string(), Value::str("ns"));
    let mut top = BTreeMap::new();
    top.insert("Values".to_string(), Value::from(values));
    top.insert("Release".to_string(), Value::from(release));
    Value::from(top)
}

fuzz_target!(|data_bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(data_bytes) else {
        return;
    };
    // Functions that sleep or touch the outside world are not reachable: Helm's map has none.
    let funcs = kiln::funcs::helm_funcs();
    let mut t = Templates::new();
    if t.parse("fuzz/templates/x.yaml", text, &funcs).is_ok() {
        let _ = t.execute("fuzz/templates/x.yaml", data(), &funcs);
    }
});
