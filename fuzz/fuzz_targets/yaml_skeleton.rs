//! The skeleton fast paths of the YAML reader (manifest heads, and documents over 8 KiB
//! decoded with their block scalars and long quoted strings put back) must give exactly
//! what parsing the whole document gives, errors included. The input is read as a
//! document on its own and after a long block scalar, so that the fast paths are taken.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let filler = "    {\"dashboard\": true}\n".repeat(400);
    for doc in [
        text.to_string(),
        format!("big: |\n{filler}{text}"),
        format!("a:\n  big: |-\n{filler}{text}\n  c: \"{}\"\n", "x\\n".repeat(200)),
    ] {
        if let Err(e) = kiln::yaml::check_skeleton_paths(&doc) {
            panic!("{e}\n--- input:\n{text}");
        }
    }
});
