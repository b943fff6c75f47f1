//! The value model shared by the template engine, the functions and the YAML layer.
//!
//! Go keeps types apart where Helm's output depends on it: a template literal `1` is an
//! `int`, Sprig arithmetic gives `int64`, everything read from YAML or JSON is `float64`.
//! Maps are reference types in Go: `set $d "k" v` changes `$d` and every alias of it, so
//! maps live behind `Rc<RefCell<…>>`. Lists are values that Sprig never mutates in place.
//! Host objects (`.Files`, `.Capabilities`, `.Chart`, semver versions) are trait objects
//! with Go-style field and method lookup.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::rc::Rc;

/// The largest string a template may build (one function result); past it execution
/// stops with an error instead of exhausting memory. Helm has no such cap, but no real
/// chart comes near it.
pub const MAX_STRING: usize = 64 << 20;

/// The largest output one template file may produce.
pub const MAX_OUTPUT: usize = 256 << 20;

/// A Go `map[string]interface{}`: shared and mutable, like a Go map.
pub type Map = Rc<MapCell>;

/// The cell behind a [`Map`]: the entries, the order in which the map was made (its
/// serial, see [`effects`]) and whether Helm hands it to templates as its named map type.
pub struct MapCell {
    serial: u64,
    chartutil: std::cell::Cell<bool>,
    /// A file's dot or its `.Template` (see [`MapCell::watch`]).
    watched: std::cell::Cell<bool>,
    entries: RefCell<BTreeMap<String, Value>>,
}

impl MapCell {
    pub fn new(entries: BTreeMap<String, Value>) -> MapCell {
        MapCell {
            serial: effects::next_serial(),
            chartutil: std::cell::Cell::new(false),
            watched: std::cell::Cell::new(false),
            entries: RefCell::new(entries),
        }
    }
    /// The entries, for reading. Reading a watched map this way (whole) counts as
    /// reading `.Template.Name` (see [`MapCell::watch`] and [`effects::watched_reads`]).
    pub fn borrow(&self) -> std::cell::Ref<'_, BTreeMap<String, Value>> {
        if self.watched.get() {
            effects::note_name_read();
        }
        self.entries.borrow()
    }
    /// The entries, for a reader that cannot see what `.Template.Name` holds (emptiness,
    /// the memo's own keys) or that counts it itself (the executor's field access).
    pub fn borrow_quiet(&self) -> std::cell::Ref<'_, BTreeMap<String, Value>> {
        self.entries.borrow()
    }
    /// Mark this map as a file's dot or as its `.Template`. Helm gives every template
    /// file of a chart the same dot with a new `.Template`, whose `Name` is the file's
    /// (its `BasePath` is the chart's). A remembered `include` result that read a `Name`
    /// belongs to one file; one that did not may serve every file of the chart. Reads
    /// through [`MapCell::borrow`] (a map read whole, by a function or `range`) count as
    /// reading `Name`; the executor reads fields by name and counts `Name` itself.
    pub fn watch(&self) {
        self.watched.set(true);
    }
    /// Whether [`MapCell::watch`] was called.
    pub fn is_watched(&self) -> bool {
        self.watched.get()
    }
    /// Set the `.Template` of a file's dot. Replacing one with the same `BasePath` is
    /// not recorded as a change (only `Name` differs, see [`MapCell::watch`]); setting
    /// the first one, or one of another base path, is.
    pub fn set_template(&self, template: Map) {
        let base = |m: &Map| {
            m.borrow_quiet()
                .get("BasePath")
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let same_base = match self.entries.borrow().get("Template") {
            Some(Value::Map(old)) => base(old).is_some() && base(old) == base(&template),
            _ => false,
        };
        template.watch();
        if same_base {
            self.entries
                .borrow_mut()
                .insert("Template".into(), Value::Map(template));
        } else {
            self.borrow_mut()
                .insert("Template".into(), Value::Map(template));
        }
    }
    /// The entries, for changing: the change is recorded (see [`effects`]) so that a
    /// remembered `include` result that may have read this map is not used again.
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, BTreeMap<String, Value>> {
        effects::note_mutation(self.serial);
        self.entries.borrow_mut()
    }
    /// When the map was made, relative to the other maps of this thread.
    pub fn serial(&self) -> u64 {
        self.serial
    }
}

impl std::fmt::Debug for MapCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.entries.borrow().fmt(f)
    }
}

/// A new, empty or filled, shared map.
pub fn new_map_rc(entries: BTreeMap<String, Value>) -> Map {
    Rc::new(MapCell::new(entries))
}

/// Mark `m` as a Helm `chartutil.Values`: the maps Helm hands to templates as that named
/// map type (the template's dot, `.Values` of every chart, `.Template`) rather than as a
/// plain `map[string]interface {}`. Only `%T`, `typeOf`/`typeIs` and Go's type errors can
/// tell them apart.
pub fn mark_chartutil_values(m: &Map) {
    m.chartutil.set(true);
}

/// Whether `m` was marked with `mark_chartutil_values`.
pub fn is_chartutil_values(m: &Map) -> bool {
    m.chartutil.get()
}

/// What a template execution can do besides producing text: change a map that existed
/// before it, or draw randomness / read the clock. Tracked per thread so that the
/// executor can tell when an `include` is a pure function of its argument and may reuse
/// an earlier result (see `exec::Memo`).
///
/// Maps get increasing serials when made. Each change of a map is logged as (time,
/// serial), and only the smallest serial changed since any given time matters, so the
/// log keeps a staircase: times and serials both increasing, an entry dropped when a
/// later change touches an older-or-equal map.
pub mod effects {
    use std::cell::{Cell, RefCell};

    /// Past this many staircase steps the log collapses into one step that counts as a
    /// change of every map (every remembered result is then forgotten).
    const MAX_STEPS: usize = 1 << 16;

    thread_local! {
        static NEXT_SERIAL: Cell<u64> = const { Cell::new(1) };
        static CLOCK: Cell<u64> = const { Cell::new(0) };
        static STEPS: RefCell<Vec<(u64, u64)>> = const { RefCell::new(Vec::new()) };
        static IMPURE: Cell<u64> = const { Cell::new(0) };
        static WATCHED_READS: Cell<u64> = const { Cell::new(0) };
    }

    /// How many times a file's dot or its `.Template` was read whole, or a `.Template`
    /// had its `Name` read (see `MapCell::watch`).
    pub fn watched_reads() -> u64 {
        WATCHED_READS.with(Cell::get)
    }

    /// Record that a file's `.Template.Name` was read (by name, or with its map whole).
    pub fn note_name_read() {
        WATCHED_READS.with(|c| c.set(c.get() + 1));
    }

    pub(super) fn next_serial() -> u64 {
        NEXT_SERIAL.with(|n| {
            let s = n.get();
            n.set(s + 1);
            s
        })
    }

    /// The serial the next map will get: every map made from now on has this serial or
    /// a higher one.
    pub fn serial_now() -> u64 {
        NEXT_SERIAL.with(Cell::get)
    }

    /// The number of map changes so far.
    pub fn clock() -> u64 {
        CLOCK.with(Cell::get)
    }

    pub(super) fn note_mutation(serial: u64) {
        let t = CLOCK.with(|c| {
            let t = c.get() + 1;
            c.set(t);
            t
        });
        STEPS.with(|s| {
            let mut s = s.borrow_mut();
            while s.last().is_some_and(|&(_, old)| old >= serial) {
                s.pop();
            }
            if s.len() >= MAX_STEPS {
                s.clear();
                s.push((t, 0));
            } else {
                s.push((t, serial));
            }
        });
    }

    /// Whether some map with a serial below `serial` was changed after `time`.
    pub fn older_changed_since(time: u64, serial: u64) -> bool {
        STEPS.with(|s| {
            let s = s.borrow();
            let i = s.partition_point(|&(t, _)| t <= time);
            s.get(i).is_some_and(|&(_, old)| old < serial)
        })
    }

    /// Record that a function drew randomness or read the real clock: a result that
    /// depended on it must not be reused.
    pub fn note_impure() {
        IMPURE.with(|c| c.set(c.get() + 1));
    }

    /// The number of impure calls so far.
    pub fn impure_count() -> u64 {
        IMPURE.with(Cell::get)
    }

    #[cfg(test)]
    mod tests {
        use super::super::new_map_rc;
        use super::*;

        /// The staircase answers as the full log of changes would: a walk of made maps,
        /// changes of random maps and questions about random times and serials.
        #[test]
        fn staircase_agrees_with_the_full_log() {
            let t0 = clock();
            let mut maps = vec![new_map_rc(Default::default())];
            let mut log: Vec<(u64, u64)> = Vec::new();
            let mut x: u64 = 0x2545_F491_4F6C_DD1D;
            let mut next = |n: u64| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % n
            };
            for step in 0..20_000 {
                match next(3) {
                    0 => maps.push(new_map_rc(Default::default())),
                    1 => {
                        // Mostly recent maps, sometimes old ones, as templates do.
                        let n = maps.len() as u64;
                        let i = if next(4) == 0 {
                            next(n)
                        } else {
                            n - 1 - next(n.min(5))
                        };
                        let m = &maps[i as usize];
                        m.borrow_mut()
                            .insert("k".into(), super::super::Value::Int(step));
                        log.push((clock(), m.serial()));
                    }
                    _ => {
                        let t = t0 + next(clock() - t0 + 1);
                        let s = maps[next(maps.len() as u64) as usize].serial() + next(2);
                        let want = log.iter().any(|&(lt, ls)| lt > t && ls < s);
                        assert_eq!(older_changed_since(t, s), want, "time {t}, serial {s}");
                    }
                }
            }
        }
    }
}

// A value is three words: templates, YAML trees and the executor's frames hold them by
// the million and recurse a thousand deep, so a wider variant costs memory and stack
// (a four-word `bytes::Bytes` made deep documents overflow a 2 MiB stack).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Value>() == 24);

/// A template value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// A nil interface: a missing key, a YAML `null`, an untyped nil.
    #[default]
    Nil,
    Bool(bool),
    /// Go `int` (template literals, `len`, `.Release.Revision`, `atoi`).
    Int(i64),
    /// Go `int64` (Sprig arithmetic, `--set` integers, `int64`).
    Int64(i64),
    /// Go `float64` (all numbers from YAML and JSON).
    Float(f64),
    Str(Rc<str>),
    /// Go `[]byte` (`.Files.GetBytes`).
    Bytes(Rc<[u8]>),
    /// Go `[]interface{}`.
    List(Rc<Vec<Value>>),
    /// Go `[]string` (`splitList`, `keys`, `regexFindAll`, …): prints and converts like a list.
    StrList(Rc<Vec<String>>),
    /// Go `map[string]interface{}`.
    Map(Map),
    /// A host object with fields and methods (a Go struct or pointer).
    Object(Rc<dyn Object>),
}

/// A Go struct or pointer exposed to templates.
pub trait Object: std::fmt::Debug {
    /// Go's `%T` name, e.g. `*chart.Metadata`, `chartutil.Capabilities`.
    fn type_name(&self) -> String;
    /// Look up a field or call a method named `name` with `args` (Go resolves methods
    /// before fields). `None` when the object has neither: the executor then reports
    /// `can't evaluate field NAME in type T`.
    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>>;
    /// What `fmt`'s `%v` prints for this object (functions get a copy: methods with a
    /// pointer receiver, such as `(*KubeVersion).String`, do not apply).
    fn format(&self) -> String;
    /// What the template engine prints for `{{ .Obj }}`: Go's `printableValue` takes the
    /// address of an addressable struct field, so pointer-receiver `String` methods apply.
    fn template_print(&self) -> String {
        self.format()
    }
    /// The JSON object keys of `to_plain` in Go's struct field order (`encoding/json`
    /// keeps declaration order for structs); empty for maps and non-structs (sorted keys).
    fn json_order(&self) -> &[&'static str] {
        &[]
    }
    /// The object as plain data, as `encoding/json` would see it (json tag names,
    /// `omitempty` respected): used by `toYaml`, `toJson`, `deepCopy`.
    fn to_plain(&self) -> Value;
    /// Go's `reflect.Kind` name of the object (`struct` or `ptr`).
    fn kind(&self) -> &'static str {
        "ptr"
    }
    /// Go truth of the object (`if .Obj`): structs and non-nil pointers are true.
    fn truth(&self) -> bool {
        true
    }
    /// Downcasting support for functions that take a specific Go type (e.g. semver).
    fn as_any(&self) -> &dyn std::any::Any;
}

/// An error a function returns. The executor wraps it as Go does
/// (`error calling NAME: MSG`), or for argument-type errors reports it as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncError {
    pub msg: String,
    /// True when the message must be reported without the `error calling NAME:` prefix
    /// (Go's own argument conversion errors such as `wrong type for value; expected int; got float64`).
    pub bare: bool,
}

impl FuncError {
    pub fn new(msg: impl Into<String>) -> Self {
        FuncError {
            msg: msg.into(),
            bare: false,
        }
    }
    /// An argument-conversion error in Go's wording, reported without the call prefix.
    pub fn bare(msg: impl Into<String>) -> Self {
        FuncError {
            msg: msg.into(),
            bare: true,
        }
    }
}

impl std::fmt::Display for FuncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for FuncError {}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(Rc::from(s))
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(Rc::from(s))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Self {
        Value::List(Rc::new(v))
    }
}

impl From<BTreeMap<String, Value>> for Value {
    fn from(m: BTreeMap<String, Value>) -> Self {
        Value::Map(new_map_rc(m))
    }
}

impl Value {
    pub fn str(s: impl AsRef<str>) -> Value {
        Value::Str(Rc::from(s.as_ref()))
    }

    pub fn new_map() -> Value {
        Value::Map(new_map_rc(BTreeMap::new()))
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// The string inside a `Str`, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// Elements of a list-like value (`[]interface{}` or `[]string`) as values.
    pub fn list_items(&self) -> Option<Vec<Value>> {
        match self {
            Value::List(l) => Some(l.as_ref().clone()),
            Value::StrList(l) => Some(l.iter().map(Value::str).collect()),
            _ => None,
        }
    }

    /// Go's template truth (`if`, `with`, `and`, `or`, `not`): false for nil, false, zero
    /// numbers, empty strings, lists and maps.
    pub fn truth(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i) | Value::Int64(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::StrList(l) => !l.is_empty(),
            // Emptiness does not depend on what `.Template` holds.
            Value::Map(m) => !m.borrow_quiet().is_empty(),
            Value::Object(o) => o.truth(),
        }
    }

    /// Go's `%T`.
    pub fn type_name(&self) -> String {
        match self {
            Value::Nil => "<nil>".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Int64(_) => "int64".into(),
            Value::Float(_) => "float64".into(),
            Value::Str(_) => "string".into(),
            Value::Bytes(_) => "[]uint8".into(),
            Value::List(_) => "[]interface {}".into(),
            Value::StrList(_) => "[]string".into(),
            Value::Map(m) if is_chartutil_values(m) => "chartutil.Values".into(),
            Value::Map(_) => "map[string]interface {}".into(),
            Value::Object(o) => o.type_name(),
        }
    }

    /// Go's `reflect.Kind` name (Sprig `kindOf`); nil is `invalid`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Nil => "invalid",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Int64(_) => "int64",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Bytes(_) | Value::List(_) | Value::StrList(_) => "slice",
            Value::Map(_) => "map",
            Value::Object(o) => o.kind(),
        }
    }

    /// `fmt.Sprint(v)` / `%v`: what `print`, `toString` and interpolation show.
    /// nil prints `<nil>`; the executor prints `<no value>` for a nil action result itself.
    pub fn to_go_string(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            _ => {
                let mut out = String::new();
                self.write_go(&mut out, true);
                out
            }
        }
    }

    /// Write `%v` of the value. `top` is false inside containers (no difference today,
    /// kept for `%v` of nested nil which Go prints as `<nil>` as well).
    pub fn write_go(&self, out: &mut String, _top: bool) {
        match self {
            Value::Nil => out.push_str("<nil>"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) | Value::Int64(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&format_float_g(*f)),
            Value::Str(s) => out.push_str(s),
            Value::Bytes(b) => {
                out.push('[');
                for (i, x) in b.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{x}");
                }
                out.push(']');
            }
            Value::List(l) => {
                out.push('[');
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    x.write_go(out, false);
                }
                out.push(']');
            }
            Value::StrList(l) => {
                out.push('[');
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(x);
                }
                out.push(']');
            }
            Value::Map(m) => {
                out.push_str("map[");
                for (i, (k, v)) in m.borrow().iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(k);
                    out.push(':');
                    v.write_go(out, false);
                }
                out.push(']');
            }
            Value::Object(o) => out.push_str(&o.format()),
        }
    }

    /// A deep copy: maps are copied, so mutations of the copy do not reach the original.
    pub fn deep_copy(&self) -> Value {
        match self {
            Value::Map(m) => {
                let copy: BTreeMap<String, Value> = m
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.deep_copy()))
                    .collect();
                let copy = new_map_rc(copy);
                // copystructure keeps the named type: `deepCopy .Values` is a chartutil.Values
                if is_chartutil_values(m) {
                    mark_chartutil_values(&copy);
                }
                Value::Map(copy)
            }
            Value::List(l) => Value::List(Rc::new(l.iter().map(|v| v.deep_copy()).collect())),
            other => other.clone(),
        }
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which is also `%v` of a float64:
/// shortest round-trip digits, exponent form when the exponent is < -4 or >= 6
/// (`1e+06`, `123456`, `1.234567e+06`, `1e-05`), as the reference Helm prints.
pub fn format_float_g(f: f64) -> String {
    format_float(f, FloatStyle::V)
}

/// The Go float layouts kiln needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `%v` / `fmt.Sprint` / `strconv.FormatFloat(f, 'g', -1, 64)`: shortest digits,
    /// exponent form when exp < -4 || exp >= 6.
    V,
    /// `encoding/json`: shortest digits, exponent form when |f| < 1e-6 or |f| >= 1e21,
    /// with the exponent written without padding (`1e-7`, `1e+21`).
    Json,
}

/// Shortest decimal digits and exponent of a finite, non-zero float: `f = 0.d1d2… × 10^(dp)`
/// expressed as (digits, decimal point position) like Go's `decimalSlice`.
pub fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` gives the shortest round-trip digits, as Go's Ryu-based formatter does.
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').expect("exponent in {:e} output");
    let exp: i32 = exp.parse().expect("integer exponent");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (digits, exp + 1)
}

/// Format a float64 as Go's fmt/strconv do for the given style.
pub fn format_float(f: f64, style: FloatStyle) -> String {
    if let Some(special) = special_float(f) {
        return special;
    }
    // A whole number that neither layout writes with an exponent (below 10^6 for `%v`,
    // below 10^15 for JSON, where every integer is exact): its shortest digits are its
    // decimal digits. Numbers of JSON dashboards (`fromJson | toJson`) are mostly these.
    let plain_limit = match style {
        FloatStyle::V => 1e6,
        FloatStyle::Json => 1e15,
    };
    if f.fract() == 0.0 && f.abs() < plain_limit {
        return (f as i64).to_string();
    }
    format_float_digits(f, style)
}

/// [`format_float`] from the shortest digits, for any finite non-zero `f`.
fn format_float_digits(f: f64, style: FloatStyle) -> String {
    let (digits, dp) = shortest_digits(f);
    let exp = dp - 1;
    let use_exp = match style {
        FloatStyle::V => !(-4..6).contains(&exp),
        FloatStyle::Json => !(1e-6..1e21).contains(&f.abs()),
    };
    layout(f < 0.0, &digits, dp, use_exp, style == FloatStyle::V)
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`: the shortest digits that round-trip as a
/// float32 (what sigs.k8s.io/yaml writes when a YAML number lands in a Go string field).
pub fn format_float32_g(f: f64) -> String {
    let x = f as f32;
    if let Some(special) = special_float(f64::from(x)) {
        return special;
    }
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    layout(x < 0.0, &digits, exp + 1, !(-4..6).contains(&exp), true)
}

/// NaN, infinities and zeros, as Go prints them.
fn special_float(f: f64) -> Option<String> {
    if f.is_nan() {
        Some("NaN".into())
    } else if f.is_infinite() {
        Some(if f > 0.0 { "+Inf" } else { "-Inf" }.into())
    } else if f == 0.0 {
        Some(if f.is_sign_negative() { "-0" } else { "0" }.into())
    } else {
        None
    }
}

/// Lay out decimal `digits` with the decimal point at `dp` (`0.d1d2… × 10^dp`), in
/// exponent form (`d.ddde+XX`, the exponent padded to two digits when `pad_exp`) or
/// plain form.
fn layout(neg: bool, digits: &str, dp: i32, use_exp: bool, pad_exp: bool) -> String {
    let exp = dp - 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if use_exp {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.abs();
        if e < 10 && pad_exp {
            out.push('0');
        }
        let _ = write!(out, "{e}");
    } else if dp <= 0 {
        out.push_str("0.");
        for _ in 0..(-dp) {
            out.push('0');
        }
        out.push_str(digits);
    } else if dp as usize >= digits.len() {
        out.push_str(digits);
        for _ in 0..(dp as usize - digits.len()) {
            out.push('0');
        }
    } else {
        out.push_str(&digits[..dp as usize]);
        out.push('.');
        out.push_str(&digits[dp as usize..]);
    }
    out
}

/// What functions can ask of the executor that calls them: Helm's `include` and `tpl`
/// are ordinary functions that run templates of the namespace being executed.
pub trait Host {
    /// Helm's `include NAME DATA`: execute the named template into a string
    /// (recursion capped at 1000 per name, as Helm caps it).
    fn include(&mut self, name: &str, data: Value) -> Result<String, FuncError>;
    /// Helm's `tpl TEXT DATA`: parse TEXT as a template named `gotpl` in a clone of the
    /// namespace, execute it, and remove `<no value>` from the result.
    fn tpl(&mut self, text: &str, data: Value) -> Result<String, FuncError>;
}

/// A function callable from templates. Arguments arrive evaluated; a pipeline's value
/// is the last argument. Type checks are the function's own (with Go's error text).
pub type Func = fn(&mut dyn Host, &[Value]) -> Result<Value, FuncError>;

/// Functions by name. The executor looks here first, then at Go's builtins (so Sprig's
/// `slice` shadows Go's, as it does in Helm). A fast hash: the parser looks up every
/// identifier here.
pub type FuncMap = std::collections::HashMap<&'static str, Func, rustc_hash::FxBuildHasher>;

#[cfg(test)]
mod float_tests {
    use super::*;

    /// The whole-number shortcut writes what the digits' layout writes, on both sides of
    /// each style's limit, for both signs.
    #[test]
    fn whole_numbers_take_the_shortcut_exactly() {
        let mut values = vec![
            1.0,
            7.0,
            10.0,
            42.0,
            100.0,
            123_456.0,
            999_999.0,
            1e6,
            1e6 + 1.0,
        ];
        values.extend([
            1e14,
            999_999_999_999_999.0,
            1e15,
            1e15 + 1.0,
            2e15,
            1e20,
            1e21,
        ]);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push((x % 2_000_000_000_000_000) as f64);
            values.push((x % 3_000_000) as f64);
        }
        for v in values {
            for f in [v, -v] {
                for style in [FloatStyle::V, FloatStyle::Json] {
                    if f == 0.0 {
                        continue;
                    }
                    assert_eq!(
                        format_float(f, style),
                        format_float_digits(f, style),
                        "{f} {style:?}"
                    );
                }
            }
        }
        assert_eq!(format_float(1e6, FloatStyle::V), "1e+06");
        assert_eq!(format_float(1e6, FloatStyle::Json), "1000000");
        assert_eq!(format_float(-0.0, FloatStyle::Json), "-0");
    }
}
