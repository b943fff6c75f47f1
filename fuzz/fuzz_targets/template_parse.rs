//! The template lexer and parser on arbitrary text: an error or trees, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A few names are functions, as Helm's function map would make them.
    let is_func = |f: &str| {
        matches!(
            f,
            "include" | "tpl" | "toYaml" | "quote" | "default" | "required"
        )
    };
    if let Ok(trees) = kiln::gotmpl::parse::parse("fuzz", text, &is_func) {
        // Printing a tree back must not panic either.
        for t in &trees {
            let _ = format!("{:?}", t.name);
        }
    }
});
