//! Sprig and Helm functions, grouped as Sprig groups them. (API fixed; bodies in progress.)

use crate::gotmpl::FuncMap;

/// Every function Helm 3.17 gives chart templates (Sprig's text functions without `env`
/// and `expandenv`, plus Helm's `include`, `tpl`, `required`, `fail`, `toYaml`, …).
/// Go's builtins (`and`, `eq`, `printf`, …) are the executor's, not listed here.
pub fn helm_funcs() -> FuncMap {
    FuncMap::new()
}
