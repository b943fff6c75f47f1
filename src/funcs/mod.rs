//! Sprig (v3.3.0) and Helm (v3.17.3) template functions, grouped as Sprig groups them.
//!
//! Each function receives already evaluated arguments and checks them the way Go's
//! `text/template` converts arguments to the Go parameter types of the original function
//! (see [`args`]), so type errors carry Go's exact wording.
//!
//! Tests (`tests.rs`) compare thousands of expressions and templates with what the
//! reference Helm printed (`test_cases.rs`, `test_e2e_cases.rs`, generated with
//! `helm-snippet`). Known gaps: `fromToml` returns an error map; `genPrivateKey` makes RSA keys only; `dateInZone` knows
//! `UTC` and `Local` only (other zones fall back to UTC); `toYamlPretty` is the go-yaml v2
//! writer with sequences indented under their keys; the random functions cannot match
//! Helm byte for byte (see [`random::seed`]).

use std::sync::OnceLock;

use crate::gotmpl::FuncMap;

pub mod args;
mod certs;
mod conversion;
mod crypto;
mod date;
mod defaults;
mod derive;
mod dict;
mod encoding;
mod helm;
mod list;
mod network;
mod numeric;
mod paths;
mod prime;
pub mod random;
mod reflect;
mod regex;
pub mod semver;
mod strings;
mod url;

#[cfg(test)]
mod tests;

/// Every function Helm 3.17 gives chart templates (Sprig's text functions without `env`
/// and `expandenv`, plus Helm's `include`, `tpl`, `required`, `fail`, `toYaml`, …).
/// Go's builtins (`and`, `eq`, `printf`, …) are the executor's, not listed here.
pub fn helm_funcs() -> FuncMap {
    static MAP: OnceLock<FuncMap> = OnceLock::new();
    MAP.get_or_init(build).clone()
}

/// Whether argument `index` of function `name` has Go type `map[string]interface {}`.
///
/// The functions accept a nil there as Go's nil map (what Go does for an untyped nil from a
/// variable or pipeline). Go rejects a nil that comes straight from a map field chain
/// (`hasKey .Values.missing "k"`: `wrong type for value; expected map[string]interface {};
/// got interface {}`); an executor that knows an argument is such a nil can use this to
/// report Go's error before calling.
pub fn takes_map_at(name: &str, index: usize) -> bool {
    match name {
        "get" | "set" | "unset" | "hasKey" | "pick" | "omit" | "values" | "urlJoin" => index == 0,
        "pluck" => index >= 1,
        "keys" | "merge" | "mustMerge" | "mergeOverwrite" | "mustMergeOverwrite" => true,
        _ => false,
    }
}

fn build() -> FuncMap {
    let mut m = FuncMap::default();
    strings::register(&mut m);
    conversion::register(&mut m);
    list::register(&mut m);
    dict::register(&mut m);
    defaults::register(&mut m);
    numeric::register(&mut m);
    encoding::register(&mut m);
    crypto::register(&mut m);
    certs::register(&mut m);
    derive::register(&mut m);
    regex::register(&mut m);
    semver::register(&mut m);
    date::register(&mut m);
    paths::register(&mut m);
    reflect::register(&mut m);
    network::register(&mut m);
    url::register(&mut m);
    random::register(&mut m);
    // Helm's own functions come last: they override Sprig's (toJson, fromJson, fail, …).
    helm::register(&mut m);
    m
}
