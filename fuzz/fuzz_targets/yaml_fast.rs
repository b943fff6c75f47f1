//! The fast YAML reader must either leave a text to libyaml or give exactly libyaml's
//! events for it, marks included. The input is read on its own and under a key, so that
//! it lands at different indentations.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let nested: String = text.lines().map(|l| format!("  {l}\n")).collect();
    for doc in [text.to_string(), format!("top:\n{nested}"), format!("- {text}")] {
        if let Err(e) = kiln::yaml::check_fast_reader(&doc) {
            panic!("{e}\n--- input:\n{doc:?}");
        }
    }
});
