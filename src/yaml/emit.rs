//! Helm's `toYaml`: the `json.Marshal` round trip, then go-yaml v2's encoder (`encode.go`,
//! `sorter.go`) and libyaml emitter (`emitterc.go`), written as one recursive pass over
//! the value straight into the output buffer.

use super::YamlError;
use super::json::json_float;
use super::resolve::plain_resolves_to_str;
use crate::gotmpl::Value;
use crate::gotmpl::value::{FloatStyle, format_float};

const BEST_INDENT: i32 = 2;
const BEST_WIDTH: i32 = 80;
/// go-yaml v3's emitter starts with `best_width = -1`: no line folding.
const NO_WIDTH: i32 = i32::MAX;
/// Nesting beyond this is refused rather than risking the stack (Go's stacks grow; ours
/// do not). go-yaml's own reader refuses more than 10000 levels.
pub(crate) const MAX_NESTING: usize = 1000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

#[derive(Debug, PartialEq)]
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

struct Emitter {
    out: Vec<u8>,
    column: i32,
    indent: i32,
    indents: Vec<i32>,
    whitespace: bool,
    indention: bool,
    // Node context.
    root_context: bool,
    sequence_context: bool,
    mapping_context: bool,
    simple_key_context: bool,
    depth: usize,
    /// go-yaml v3 (Helm's `toYamlPretty`) instead of v2.
    v3: bool,
    best_width: i32,
}

/// A scalar as go-yaml's encoder hands it to the emitter.
struct Scalar<'a> {
    value: &'a [u8],
    style: Style,
}

/// Helm's `toYaml` before its `TrimSuffix("\n")`.
pub fn to_yaml(v: &Value) -> Result<String, YamlError> {
    emit_document(v, false, Vec::with_capacity(256))
}

/// [`to_yaml`] written after `prefix` (a comment line, say), for a document of about
/// `capacity` bytes: the document is the same, without a copy to put the prefix first.
/// The text is kept (a file of the rendered tree), so it holds no spare room: the buffer
/// starts a quarter larger than `capacity` (rewriting a document seldom grows it more,
/// so it is rarely grown and copied) and gives back what it did not use. (Measured live
/// at the end of the default stack's render: 10.2 MB of buffers for 6.6 MB of files
/// before.)
pub fn to_yaml_after(prefix: &str, v: &Value, capacity: usize) -> Result<String, YamlError> {
    let mut out = Vec::with_capacity(prefix.len() + capacity + capacity / 4 + 256);
    out.extend_from_slice(prefix.as_bytes());
    let mut text = emit_document(v, false, out)?;
    text.shrink_to_fit();
    Ok(text)
}

/// Helm's `toYamlPretty` before its `TrimSuffix("\n")`: go-yaml v3's `Encoder` with
/// `SetIndent(2)` on the value itself (no JSON round trip: floats print as Go's `%v`,
/// `1e+06`), sequences indented under their keys, no line folding.
pub fn to_yaml_pretty(v: &Value) -> Result<String, YamlError> {
    emit_document(v, true, Vec::with_capacity(256))
}

/// Emit `v` as one document, appended to `out` (the emitter's state does not depend on
/// what `out` already holds).
fn emit_document(v: &Value, v3: bool, out: Vec<u8>) -> Result<String, YamlError> {
    let mut e = Emitter {
        out,
        column: 0,
        indent: -1,
        indents: Vec::new(),
        whitespace: true,
        indention: true,
        root_context: false,
        sequence_context: false,
        mapping_context: false,
        simple_key_context: false,
        depth: 0,
        v3,
        best_width: if v3 { NO_WIDTH } else { BEST_WIDTH },
    };
    e.node(v, true, false, false, false)?;
    // DOCUMENT-END (implicit): write_indent at indent -1 → 0.
    e.write_indent();
    String::from_utf8(e.out).map_err(|_| YamlError {
        msg: "yaml: invalid UTF-8 in output".into(),
        line: None,
        col: None,
    })
}

// --- byte classes (yamlprivateh.go) ---

fn width(b: u8) -> usize {
    if b & 0x80 == 0 {
        1
    } else if b & 0xE0 == 0xC0 {
        2
    } else if b & 0xF0 == 0xE0 {
        3
    } else if b & 0xF8 == 0xF0 {
        4
    } else {
        1
    }
}

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn is_printable(b: &[u8], i: usize) -> bool {
    let c = at(b, i);
    let c1 = at(b, i + 1);
    let c2 = at(b, i + 2);
    c == 0x0A
        || (0x20..=0x7E).contains(&c)
        || (c == 0xC2 && c1 >= 0xA0)
        || (c > 0xC2 && c < 0xED)
        || (c == 0xED && c1 < 0xA0)
        || c == 0xEE
        || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)))
}

fn is_space(b: &[u8], i: usize) -> bool {
    at(b, i) == b' '
}

fn is_blank(b: &[u8], i: usize) -> bool {
    matches!(at(b, i), b' ' | b'\t')
}

fn is_break(b: &[u8], i: usize) -> bool {
    let c = at(b, i);
    c == b'\r'
        || c == b'\n'
        || (c == 0xC2 && at(b, i + 1) == 0x85)
        || (c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9))
}

fn is_blankz(b: &[u8], i: usize) -> bool {
    is_blank(b, i) || is_break(b, i) || at(b, i) == 0
}

fn is_bom(b: &[u8]) -> bool {
    b.len() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
}

fn analyze(value: &[u8], v3: bool) -> Analysis {
    if value.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    if is_word(value) {
        // Nothing in a word can start or end a style (no space, break, indicator or
        // special character): the scan would find nothing.
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: true,
        };
    }
    if value.is_ascii() {
        analyze_ascii(value, v3)
    } else {
        analyze_chars(value, v3)
    }
}

/// Bytes that may make up a word: ASCII letters, digits and `_`, `.`, `/`, `-`.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b'-');
        c += 1;
    }
    t
};

/// A non-empty value of word bytes that starts with a letter or digit (most keys and
/// many values: `metadata`, `app.kubernetes.io/name`, `v1`), which [`analyze`] answers
/// without its scan. The first byte is what could make an indicator of a word (`-`,
/// `.` of `...`); `:` and `#`, which could elsewhere, are not word bytes.
fn is_word(value: &[u8]) -> bool {
    value.first().is_some_and(u8::is_ascii_alphanumeric) && value.iter().all(|&c| WORD[c as usize])
}

/// [`analyze`] of a non-empty value, a character at a time as libyaml scans it.
fn analyze_chars(value: &[u8], v3: bool) -> Analysis {
    let mut f = Flags::default();
    let mut previous_space = false;
    let mut previous_break = false;

    if value.len() >= 3 && (value.starts_with(b"---") || value.starts_with(b"...")) {
        f.block_indicators = true;
    }
    let mut preceded_by_whitespace = true;
    let mut i = 0;
    while i < value.len() {
        // After the first character and a non-blank one, a run of printable ASCII other
        // than `:` changes nothing but the "previous" flags (a `#` counts only after
        // whitespace, `:` only before it): skip it.
        if i > 0 && !preceded_by_whitespace {
            let run = value[i..]
                .iter()
                .position(|&c| !(0x21..=0x7e).contains(&c) || c == b':')
                .unwrap_or(value.len() - i);
            if run > 0 {
                i += run;
                previous_space = false;
                previous_break = false;
                continue;
            }
        }
        let w = width(value[i]);
        let followed_by_whitespace = i + w >= value.len() || is_blank(value, i + w);
        let c = value[i];
        if i == 0 {
            match c {
                b'#' | b',' | b'[' | b']' | b'{' | b'}' | b'&' | b'*' | b'!' | b'|' | b'>'
                | b'\'' | b'"' | b'%' | b'@' | b'`' => f.block_indicators = true,
                b'?' | b':' if followed_by_whitespace => {
                    f.block_indicators = true;
                }
                b'-' if followed_by_whitespace => {
                    f.block_indicators = true;
                }
                _ => {}
            }
        } else {
            match c {
                b':' if followed_by_whitespace => {
                    f.block_indicators = true;
                }
                b'#' if preceded_by_whitespace => {
                    f.block_indicators = true;
                }
                _ => {}
            }
        }
        if v3 && c == b'\t' {
            f.tab_characters = true;
        } else if !is_printable(value, i) {
            f.special_characters = true;
        }
        if is_space(value, i) {
            if i == 0 {
                f.leading_space = true;
            }
            if i + w == value.len() {
                f.trailing_space = true;
            }
            if previous_break {
                f.break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(value, i) {
            f.line_breaks = true;
            if i == 0 {
                f.leading_break = true;
            }
            if i + w == value.len() {
                f.trailing_break = true;
            }
            if previous_space {
                f.space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blankz(value, i);
        i += w;
    }
    f.analysis()
}

/// What [`analyze`]'s scan finds (emitterc.go's `yaml_emitter_analyze_scalar`).
#[derive(Default)]
struct Flags {
    block_indicators: bool,
    line_breaks: bool,
    special_characters: bool,
    tab_characters: bool,
    leading_space: bool,
    leading_break: bool,
    trailing_space: bool,
    trailing_break: bool,
    break_space: bool,
    space_break: bool,
}

/// [`analyze`] of a non-empty ASCII value: every character is one byte, so each rule of
/// the scan is a test of a byte or of two neighbours, made over the whole value without
/// branches (the compiler vectorizes the loops): `:` before a blank or the end, `#`
/// after a blank, a break or NUL, a space right after a break or right before one.
fn analyze_ascii(value: &[u8], v3: bool) -> Analysis {
    let n = value.len();
    let blank = |c: u8| (c == b' ') | (c == b'\t');
    let brk = |c: u8| (c == b'\r') | (c == b'\n');
    let (first, last) = (value[0], value[n - 1]);
    let first_blank_after = n == 1 || blank(value[1]);
    let mut block_indicators = value.starts_with(b"---")
        || value.starts_with(b"...")
        || matches!(
            first,
            b'#' | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
        )
        || (matches!(first, b'?' | b':' | b'-') && first_blank_after)
        || last == b':';
    let (mut break_space, mut space_break) = (false, false);
    let mut pair_indicators = false;
    for (&p, &c) in value[..n - 1].iter().zip(&value[1..]) {
        pair_indicators |=
            ((p == b':') & blank(c)) | ((c == b'#') & (blank(p) | brk(p) | (p == 0)));
        break_space |= brk(p) & (c == b' ');
        space_break |= (p == b' ') & brk(c);
    }
    block_indicators |= pair_indicators;
    let (mut special, mut tabs, mut breaks) = (false, false, false);
    for &c in value {
        let printable = (c == b'\n') | (0x20..=0x7e).contains(&c);
        let tab = v3 & (c == b'\t');
        tabs |= tab;
        special |= !printable & !tab;
        breaks |= brk(c);
    }
    Flags {
        block_indicators,
        line_breaks: breaks,
        special_characters: special,
        tab_characters: tabs,
        leading_space: first == b' ',
        leading_break: brk(first),
        trailing_space: last == b' ',
        trailing_break: brk(last),
        break_space,
        space_break,
    }
    .analysis()
}

impl Flags {
    /// The styles a scan's findings allow.
    fn analysis(&self) -> Analysis {
        let ends =
            self.leading_space || self.leading_break || self.trailing_space || self.trailing_break;
        // Neither plain nor single-quoted: a space next to a break, or (v3) a tab.
        let spaced = self.break_space || self.space_break || self.tab_characters;
        Analysis {
            multiline: self.line_breaks,
            block_plain_allowed: !(ends
                || spaced
                || self.special_characters
                || self.line_breaks
                || self.block_indicators),
            single_quoted_allowed: !(spaced || self.special_characters),
            block_allowed: !(self.trailing_space || self.space_break || self.special_characters),
        }
    }
}

/// A character of a key as [`key_less`] reads it: a byte of an all-ASCII key (no
/// allocation to split it), else a `char`.
trait KeyChar: Copy + Ord {
    fn ch(self) -> char;
}

impl KeyChar for u8 {
    fn ch(self) -> char {
        self as char
    }
}

impl KeyChar for char {
    fn ch(self) -> char {
        self
    }
}

/// go-yaml's `keyList.Less` for two string keys (natural order).
fn key_less<C: KeyChar>(ar: &[C], br: &[C], v3: bool) -> bool {
    let is_letter = |c: C| c.ch().is_alphabetic();
    let is_digit = |c: C| c.ch().is_ascii_digit();
    let n = ar.len().min(br.len());
    // v3: after equal digits, a letter sorts before a non-letter.
    let mut digits = false;
    for i in 0..n {
        if ar[i] == br[i] {
            digits = is_digit(ar[i]);
            continue;
        }
        let al = is_letter(ar[i]);
        let bl = is_letter(br[i]);
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return if v3 && digits { al } else { bl };
        }
        let mut an: i64 = 0;
        let mut bn: i64 = 0;
        if ar[i].ch() == '0' || br[i].ch() == '0' {
            let mut j = i;
            while j > 0 && is_digit(ar[j - 1]) {
                j -= 1;
                if ar[j].ch() != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && is_digit(ar[ai]) {
            an = an
                .wrapping_mul(10)
                .wrapping_add(ar[ai].ch() as i64 - '0' as i64);
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && is_digit(br[bi]) {
            bn = bn
                .wrapping_mul(10)
                .wrapping_add(br[bi].ch() as i64 - '0' as i64);
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

/// [`key_less`] of two string keys (bytes when both are ASCII, else characters).
fn key_less_str(a: &str, b: &str, v3: bool) -> bool {
    if a.is_ascii() && b.is_ascii() {
        key_less(a.as_bytes(), b.as_bytes(), v3)
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        key_less(&a, &b, v3)
    }
}

/// Indices of `keys` in go-yaml's `keyList` order (a stable merge sort driven by
/// `key_less` only, so a comparator that is not a total order can never make it panic).
pub(crate) fn sorted_key_order<'a>(keys: impl Iterator<Item = &'a str>, v3: bool) -> Vec<usize> {
    let keys: Vec<&str> = keys.collect();
    if keys.iter().all(|k| k.is_ascii()) {
        key_order(keys.iter().map(|k| k.as_bytes()).enumerate().collect(), v3)
    } else {
        key_order(
            keys.iter()
                .map(|k| k.chars().collect::<Vec<char>>())
                .enumerate()
                .collect(),
            v3,
        )
    }
}

fn key_order<C: KeyChar, K: AsRef<[C]>>(mut items: Vec<(usize, K)>, v3: bool) -> Vec<usize> {
    // Fast path: byte order usually agrees with key_less already.
    let sorted = items
        .windows(2)
        .all(|w| !key_less(w[1].1.as_ref(), w[0].1.as_ref(), v3));
    if !sorted {
        merge_sort(&mut items, v3);
    }
    items.into_iter().map(|(i, _)| i).collect()
}

fn merge_sort<C: KeyChar, K: AsRef<[C]>>(v: &mut Vec<(usize, K)>, v3: bool) {
    if v.len() <= 1 {
        return;
    }
    if v.len() <= 12 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && key_less(v[j].1.as_ref(), v[j - 1].1.as_ref(), v3) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mut right = v.split_off(v.len() / 2);
    let mut left = std::mem::take(v);
    merge_sort(&mut left, v3);
    merge_sort(&mut right, v3);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut li = left.into_iter().peekable();
    let mut ri = right.into_iter().peekable();
    loop {
        match (li.peek(), ri.peek()) {
            (Some(l), Some(r)) => {
                if key_less(r.1.as_ref(), l.1.as_ref(), v3) {
                    out.extend(ri.next());
                } else {
                    out.extend(li.next());
                }
            }
            (Some(_), None) => out.extend(li.next()),
            (None, Some(_)) => out.extend(ri.next()),
            (None, None) => break,
        }
    }
    *v = out;
}

/// The YAML text of a float64 after the JSON round trip: the JSON text is re-read by
/// go-yaml (int, then uint64, then float) and printed again.
fn number_text(f: f64) -> Result<String, YamlError> {
    let t = json_float(f)?;
    if let Ok(i) = t.parse::<i64>() {
        return Ok(i.to_string());
    }
    if let Ok(u) = t.parse::<u64>() {
        return Ok(u.to_string());
    }
    Ok(match format_float(f, FloatStyle::V).as_str() {
        "+Inf" => ".inf".into(),
        "-Inf" => "-.inf".into(),
        "NaN" => ".nan".into(),
        s => s.to_string(),
    })
}

fn yerr(msg: &str) -> YamlError {
    YamlError {
        msg: msg.into(),
        line: None,
        col: None,
    }
}

/// Whether [`json_roundtrip_str`] gives `s` back as it is. Every character that matters
/// there is DEL (7F) or starts with C2 (C1 controls and NEL) or EF (U+FFFE, U+FFFF).
fn json_roundtrip_keeps(s: &str) -> bool {
    memchr::memchr3(0x7F, 0xC2, 0xEF, s.as_bytes()).is_none()
}

/// What go-yaml makes of a string on the way back from JSON: characters its reader
/// refuses fail the whole `toYaml`; a raw NEL (the one line break `encoding/json` does
/// not escape) is folded like any line break in a double-quoted scalar.
fn json_roundtrip_str(s: &str) -> Result<std::borrow::Cow<'_, str>, YamlError> {
    if json_roundtrip_keeps(s) {
        return Ok(std::borrow::Cow::Borrowed(s));
    }
    let mut has_nel = false;
    for c in s.chars() {
        let n = c as u32;
        if (0x7F..=0x9F).contains(&n) {
            if n == 0x85 {
                has_nel = true;
            } else {
                return Err(yerr("yaml: control characters are not allowed"));
            }
        } else if n == 0xFFFE || n == 0xFFFF {
            return Err(yerr("yaml: control characters are not allowed"));
        }
    }
    if !has_nel {
        return Ok(std::borrow::Cow::Borrowed(s));
    }
    // libyaml's flow scalar folding: blanks around breaks are dropped; the first break
    // becomes a space, or the further breaks become newlines.
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' || chars[i] == '\u{85}' {
            let st = i;
            while i < chars.len() && (chars[i] == ' ' || chars[i] == '\u{85}') {
                i += 1;
            }
            let breaks = chars[st..i].iter().filter(|c| **c == '\u{85}').count();
            if breaks == 0 {
                out.extend(&chars[st..i]);
            } else if breaks == 1 {
                out.push(' ');
            } else {
                for _ in 1..breaks {
                    out.push('\n');
                }
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// libyaml gives up on a simple key longer than 1024 characters: a JSON object key whose
/// escaped form is longer than 1022 characters makes go-yaml fail to read the JSON back.
fn check_key_length(k: &str) -> Result<(), YamlError> {
    if k.len() <= 170 {
        return Ok(());
    }
    let mut n = 0usize;
    for c in k.chars() {
        n += match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => 6,
            c if (c as u32) < 0x20 => 6,
            _ => 1,
        };
    }
    if n > 1022 {
        return Err(yerr("yaml: line 1: did not find expected ',' or '}'"));
    }
    Ok(())
}

/// go-yaml v3's `floatv`: `strconv.FormatFloat(f, 'g', -1, 64)` with YAML's spellings of
/// the special values.
fn v3_float_text(f: f64) -> String {
    match format_float(f, FloatStyle::V).as_str() {
        "+Inf" => ".inf".into(),
        "-Inf" => "-.inf".into(),
        "NaN" => ".nan".into(),
        s => s.to_string(),
    }
}

fn string_style(s: &str) -> Style {
    if s.contains('\n') {
        Style::Literal
    } else if plain_resolves_to_str(s) {
        Style::Plain
    } else {
        Style::Double
    }
}

impl Emitter {
    // --- low-level output (emitterc.go put / write / write_indent / write_indicator) ---

    fn put(&mut self, c: u8) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push(b'\n');
        self.column = 0;
        if self.v3 {
            // v3 sets `indention` on every line break instead of in write_indent.
            self.indention = true;
        }
    }

    /// Copy one UTF-8 character of `s` at `*i`.
    fn write(&mut self, s: &[u8], i: &mut usize) {
        let b = s[*i];
        if b < 0x80 {
            self.out.push(b);
            self.column += 1;
            *i += 1;
            return;
        }
        let w = width(b).min(s.len() - *i);
        self.out.extend_from_slice(&s[*i..*i + w]);
        self.column += 1;
        *i += w;
    }

    /// Copy `s[*i..]` up to the next line break in one go (the literal writer's inner
    /// loop: every character is written as is).
    fn write_run(&mut self, s: &[u8], i: &mut usize) {
        let start = *i;
        // Up to a `\n` or `\r` when no other break can come first (no C2 or E2 byte).
        let end = memchr::memchr2(b'\n', b'\r', &s[start..]).map_or(s.len(), |k| start + k);
        if s[start..end].is_ascii() {
            self.out.extend_from_slice(&s[start..end]);
            self.column += (end - start) as i32;
            *i = end;
            return;
        }
        let mut j = start;
        let mut chars = 0;
        while j < s.len() && !is_break(s, j) {
            if s[j] & 0xC0 != 0x80 {
                chars += 1;
            }
            j += 1;
        }
        self.out.extend_from_slice(&s[start..j]);
        self.column += chars;
        *i = j;
    }

    fn write_all(&mut self, s: &[u8]) {
        // As `write` character by character: the bytes as they are, a column each.
        self.out.extend_from_slice(s);
        self.column += if s.is_ascii() {
            s.len() as i32
        } else {
            s.iter().filter(|&&c| c & 0xC0 != 0x80).count() as i32
        };
    }

    fn write_break(&mut self, s: &[u8], i: &mut usize) {
        if s[*i] == b'\n' {
            self.put_break();
            *i += 1;
        } else {
            self.write(s, i);
            self.column = 0;
            if self.v3 {
                self.indention = true;
            }
        }
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        if self.column < indent {
            let n = (indent - self.column) as usize;
            self.out.resize(self.out.len() + n, b' ');
            self.column = indent;
        }
        self.whitespace = true;
        if !self.v3 {
            self.indention = true;
        }
    }

    fn write_indicator(
        &mut self,
        ind: &[u8],
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(b' ');
        }
        self.write_all(ind);
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    // --- nodes ---

    fn node(
        &mut self,
        v: &Value,
        root: bool,
        sequence: bool,
        mapping: bool,
        simple_key: bool,
    ) -> Result<(), YamlError> {
        self.root_context = root;
        self.sequence_context = sequence;
        self.mapping_context = mapping;
        self.simple_key_context = simple_key;
        match v {
            Value::List(l) => self.list(l),
            Value::Map(m) => self.map(m),
            Value::Object(o) => {
                let plain = o.to_plain();
                self.node(&plain, root, sequence, mapping, simple_key)
            }
            other => self.scalar_value(other),
        }
    }

    /// Scalars and string lists: kept out of `node` so the recursive path stays small.
    #[inline(never)]
    fn scalar_value(&mut self, v: &Value) -> Result<(), YamlError> {
        match v {
            Value::Nil => self.scalar(Scalar {
                value: b"null",
                style: Style::Plain,
            }),
            Value::Bool(b) => self.scalar(Scalar {
                value: if *b { b"true" } else { b"false" },
                style: Style::Plain,
            }),
            Value::Int(i) | Value::Int64(i) => {
                let s = i.to_string();
                self.scalar(Scalar {
                    value: s.as_bytes(),
                    style: Style::Plain,
                })
            }
            Value::Float(f) => {
                let s = if self.v3 {
                    v3_float_text(*f)
                } else {
                    number_text(*f)?
                };
                self.scalar(Scalar {
                    value: s.as_bytes(),
                    style: Style::Plain,
                })
            }
            Value::Str(s) => {
                let s = self.roundtrip(s)?;
                self.scalar(Scalar {
                    value: s.as_bytes(),
                    style: string_style(&s),
                })
            }
            Value::Bytes(b) if self.v3 => {
                // v3 encodes a []byte as a sequence of numbers.
                let items: Vec<Value> = b.iter().map(|x| Value::Int(*x as i64)).collect();
                self.list(&items)?;
            }
            Value::Bytes(b) => {
                use base64::Engine as _;
                let s = base64::engine::general_purpose::STANDARD.encode(b);
                self.scalar(Scalar {
                    value: s.as_bytes(),
                    style: string_style(&s),
                })
            }
            Value::StrList(l) => {
                if l.is_empty() {
                    self.empty_flow(b"[", b"]");
                } else {
                    self.block_sequence(l.len(), |e, i| {
                        e.root_context = false;
                        e.sequence_context = true;
                        e.mapping_context = false;
                        e.simple_key_context = false;
                        let s = e.roundtrip(&l[i])?;
                        e.scalar(Scalar {
                            value: s.as_bytes(),
                            style: string_style(&s),
                        });
                        Ok(())
                    })?;
                }
            }
            Value::List(_) | Value::Map(_) | Value::Object(_) => {}
        }
        Ok(())
    }

    /// What a string looks like when go-yaml sees it: v2 gets it back from JSON.
    fn roundtrip<'s>(&self, s: &'s str) -> Result<std::borrow::Cow<'s, str>, YamlError> {
        if self.v3 {
            Ok(std::borrow::Cow::Borrowed(s))
        } else {
            json_roundtrip_str(s)
        }
    }

    fn enter(&mut self) -> Result<(), YamlError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(yerr("yaml: value nested too deeply"));
        }
        Ok(())
    }

    fn list(&mut self, l: &[Value]) -> Result<(), YamlError> {
        if l.is_empty() {
            self.empty_flow(b"[", b"]");
            return Ok(());
        }
        self.enter()?;
        self.block_sequence(l.len(), |e, i| e.node(&l[i], false, true, false, false))?;
        self.depth -= 1;
        Ok(())
    }

    fn map(&mut self, m: &crate::gotmpl::Map) -> Result<(), YamlError> {
        let m = m.borrow();
        if m.is_empty() {
            self.empty_flow(b"{", b"}");
            return Ok(());
        }
        self.enter()?;
        if !self.v3 {
            for k in m.keys() {
                check_key_length(k)?;
            }
        }
        self.map_entries(&m)?;
        self.pop_indent();
        self.depth -= 1;
        Ok(())
    }

    fn map_entries(
        &mut self,
        m: &std::collections::BTreeMap<String, Value>,
    ) -> Result<(), YamlError> {
        // Usually every key comes back from the JSON round trip as it is and the map's
        // byte order is go-yaml's order already: then the entries go out as they are,
        // without the copies and the index that reordering needs.
        let as_is = |k: &str| self.v3 || json_roundtrip_keeps(k);
        let mut keys = m.keys();
        let in_order = keys.next().is_none_or(|first| {
            as_is(first)
                && keys
                    .try_fold(first, |prev, k| {
                        (as_is(k) && !key_less_str(k, prev, self.v3)).then_some(k)
                    })
                    .is_some()
        });
        if in_order {
            self.block_mapping_start();
            for (k, v) in m {
                self.block_mapping_entry(k, v)?;
            }
            return Ok(());
        }
        let folded: Vec<(std::borrow::Cow<'_, str>, &Value)> = m
            .iter()
            .map(|(k, v)| self.roundtrip(k).map(|k| (k, v)))
            .collect::<Result<_, _>>()?;
        let order = sorted_key_order(folded.iter().map(|(k, _)| k.as_ref()), self.v3);
        self.block_mapping_start();
        for i in order {
            let (k, v) = &folded[i];
            self.block_mapping_entry(k, v)?;
        }
        Ok(())
    }

    fn empty_flow(&mut self, open: &[u8], close: &[u8]) {
        self.write_indicator(open, true, true, false);
        self.increase_indent(true, false);
        self.pop_indent();
        self.write_indicator(close, false, false, false);
    }

    fn block_sequence(
        &mut self,
        n: usize,
        mut item: impl FnMut(&mut Self, usize) -> Result<(), YamlError>,
    ) -> Result<(), YamlError> {
        let indentless = !self.v3 && self.mapping_context && !self.indention;
        self.increase_indent(false, indentless);
        for i in 0..n {
            self.write_indent();
            self.write_indicator(b"-", true, false, true);
            item(self, i)?;
        }
        self.pop_indent();
        Ok(())
    }

    fn block_mapping_start(&mut self) {
        self.increase_indent(false, false);
    }

    fn block_mapping_entry(&mut self, key: &str, val: &Value) -> Result<(), YamlError> {
        self.write_indent();
        let kb = key.as_bytes();
        let ka = analyze(kb, self.v3);
        let simple = !ka.multiline && kb.len() <= 128;
        let kstyle = string_style(key);
        if simple {
            self.root_context = false;
            self.sequence_context = false;
            self.mapping_context = true;
            self.simple_key_context = true;
            self.scalar_analyzed(kb, kstyle, &ka);
            self.write_indicator(b":", false, false, false);
        } else {
            self.write_indicator(b"?", true, false, true);
            self.root_context = false;
            self.sequence_context = false;
            self.mapping_context = true;
            self.simple_key_context = false;
            self.scalar_analyzed(kb, kstyle, &ka);
            self.write_indent();
            self.write_indicator(b":", true, false, true);
        }
        self.node(val, false, false, true, false)
    }

    fn scalar(&mut self, s: Scalar) {
        let a = analyze(s.value, self.v3);
        self.scalar_analyzed(s.value, s.style, &a);
    }

    fn scalar_analyzed(&mut self, value: &[u8], style: Style, a: &Analysis) {
        // select_scalar_style
        let mut style = style;
        if self.simple_key_context && a.multiline {
            style = Style::Double;
        }
        if style == Style::Plain {
            if !a.block_plain_allowed {
                style = Style::Single;
            }
            if value.is_empty() && self.simple_key_context {
                style = Style::Single;
            }
        }
        if style == Style::Single && !a.single_quoted_allowed {
            style = Style::Double;
        }
        if style == Style::Literal && (!a.block_allowed || self.simple_key_context) {
            style = Style::Double;
        }
        self.increase_indent(true, false);
        let allow_breaks = !self.simple_key_context;
        match style {
            Style::Plain => self.write_plain(value, allow_breaks),
            Style::Single => self.write_single(value, allow_breaks),
            Style::Double => self.write_double(value, allow_breaks),
            Style::Literal => self.write_literal(value),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, value: &[u8], allow_breaks: bool) {
        if !(self.whitespace || self.v3 && value.is_empty()) {
            self.put(b' ');
        }
        let mut spaces = false;
        let mut breaks = false;
        let mut i = 0;
        while i < value.len() {
            if is_space(value, i) {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && !is_space(value, i + 1)
                {
                    self.write_indent();
                    i += 1;
                } else {
                    self.write(value, &mut i);
                }
                spaces = true;
            } else if is_break(value, i) {
                if !breaks && value[i] == b'\n' {
                    self.put_break();
                }
                self.write_break(value, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                // A run of ASCII without spaces or breaks goes out in one piece.
                let start = i;
                while i < value.len()
                    && value[i] < 0x80
                    && !matches!(value[i], b' ' | b'\n' | b'\r')
                {
                    i += 1;
                }
                if i > start {
                    self.out.extend_from_slice(&value[start..i]);
                    self.column += (i - start) as i32;
                } else {
                    self.write(value, &mut i);
                }
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if !(self.v3 && value.is_empty()) {
            self.whitespace = false;
        }
        self.indention = false;
    }

    fn write_single(&mut self, value: &[u8], allow_breaks: bool) {
        self.write_indicator(b"'", true, false, false);
        let mut spaces = false;
        let mut breaks = false;
        let mut i = 0;
        while i < value.len() {
            if is_space(value, i) {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i > 0
                    && i < value.len() - 1
                    && !is_space(value, i + 1)
                {
                    self.write_indent();
                    i += 1;
                } else {
                    self.write(value, &mut i);
                }
                spaces = true;
            } else if is_break(value, i) {
                if !breaks && value[i] == b'\n' {
                    self.put_break();
                }
                self.write_break(value, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if value[i] == b'\'' {
                    self.put(b'\'');
                }
                self.write(value, &mut i);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator(b"'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double(&mut self, value: &[u8], allow_breaks: bool) {
        let mut spaces = false;
        self.write_indicator(b"\"", true, false, false);
        let bom = is_bom(value);
        let mut i = 0;
        while i < value.len() {
            if !is_printable(value, i)
                || bom
                || is_break(value, i)
                || value[i] == b'"'
                || value[i] == b'\\'
            {
                let w = width(value[i]).min(value.len() - i);
                let mut v: u32 = match w {
                    1 => (value[i] & 0x7F) as u32,
                    2 => (value[i] & 0x1F) as u32,
                    3 => (value[i] & 0x0F) as u32,
                    _ => (value[i] & 0x07) as u32,
                };
                for k in 1..w {
                    v = (v << 6) + (value[i + k] & 0x3F) as u32;
                }
                i += w;
                self.put(b'\\');
                match v {
                    0x00 => self.put(b'0'),
                    0x07 => self.put(b'a'),
                    0x08 => self.put(b'b'),
                    0x09 => self.put(b't'),
                    0x0A => self.put(b'n'),
                    0x0B => self.put(b'v'),
                    0x0C => self.put(b'f'),
                    0x0D => self.put(b'r'),
                    0x1B => self.put(b'e'),
                    0x22 => self.put(b'"'),
                    0x5C => self.put(b'\\'),
                    0x85 => self.put(b'N'),
                    0xA0 => self.put(b'_'),
                    0x2028 => self.put(b'L'),
                    0x2029 => self.put(b'P'),
                    _ => {
                        let (c, digits) = if v <= 0xFF {
                            (b'x', 2)
                        } else if v <= 0xFFFF {
                            (b'u', 4)
                        } else {
                            (b'U', 8)
                        };
                        self.put(c);
                        for k in (0..digits).rev() {
                            let d = ((v >> (k * 4)) & 0x0F) as u8;
                            self.put(if d < 10 { d + b'0' } else { d + b'A' - 10 });
                        }
                    }
                }
                spaces = false;
            } else if is_space(value, i) {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i > 0
                    && i < value.len() - 1
                {
                    self.write_indent();
                    if is_space(value, i + 1) {
                        self.put(b'\\');
                    }
                    i += 1;
                } else {
                    self.write(value, &mut i);
                }
                spaces = true;
            } else {
                self.write(value, &mut i);
                spaces = false;
            }
        }
        self.write_indicator(b"\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_block_hints(&mut self, value: &[u8]) {
        if is_space(value, 0) || is_break(value, 0) {
            let hint = [b'0' + BEST_INDENT as u8];
            self.write_indicator(&hint, false, false, false);
        }
        let mut chomp: Option<u8> = None;
        if value.is_empty() {
            chomp = Some(b'-');
        } else {
            let mut i = value.len() - 1;
            while i > 0 && value[i] & 0xC0 == 0x80 {
                i -= 1;
            }
            if !is_break(value, i) {
                chomp = Some(b'-');
            } else if i == 0 {
                chomp = Some(b'+');
            } else {
                i -= 1;
                while i > 0 && value[i] & 0xC0 == 0x80 {
                    i -= 1;
                }
                if is_break(value, i) {
                    chomp = Some(b'+');
                }
            }
        }
        if let Some(c) = chomp {
            self.write_indicator(&[c], false, false, false);
        }
    }

    fn write_literal(&mut self, value: &[u8]) {
        self.write_indicator(b"|", true, false, false);
        self.write_block_hints(value);
        // sigs.k8s.io/yaml's goyaml.v3 fork restores the break after the header
        // (go-yaml/yaml#755); v3 sets `indention` in put_break.
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        let mut i = 0;
        while i < value.len() {
            if is_break(value, i) {
                self.write_break(value, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.write_run(value, &mut i);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

#[cfg(test)]
pub(crate) fn key_order_for_test(keys: &[&str]) -> Vec<String> {
    sorted_key_order(keys.iter().copied(), false)
        .into_iter()
        .map(|i| keys[i].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ASCII string up to four characters from an alphabet of the characters the
    /// scan treats specially (and a letter), and longer ones from a generator: the
    /// byte-pair scan agrees with the character scan for both go-yaml versions.
    #[test]
    fn ascii_analysis_equals_the_character_scan() {
        let alphabet: &[u8] = b" \t\r\n:#-?.,[]{}&*!|>'\"%@`a\0\x7f\x01_/9";
        let mut cases: Vec<Vec<u8>> = vec![];
        let mut level: Vec<Vec<u8>> = vec![vec![]];
        for _ in 0..4 {
            let mut next = vec![];
            for s in &level {
                for &c in alphabet {
                    let mut t = s.clone();
                    t.push(c);
                    next.push(t);
                }
            }
            cases.extend(next.iter().cloned());
            level = next;
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let len = 5 + (x % 40) as usize;
            let mut t = Vec::with_capacity(len);
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            cases.push(t);
        }
        for s in [
            &b"---x"[..],
            b"...",
            b"--",
            b"key: value",
            b"a #b",
            b"a\n b",
            b"a \nb",
        ] {
            cases.push(s.to_vec());
        }
        for v in &cases {
            for v3 in [false, true] {
                assert_eq!(
                    analyze_ascii(v, v3),
                    analyze_chars(v, v3),
                    "{:?} v3={v3}",
                    String::from_utf8_lossy(v)
                );
                if !v.is_empty() {
                    assert_eq!(
                        analyze(v, v3),
                        analyze_chars(v, v3),
                        "{:?} v3={v3}",
                        String::from_utf8_lossy(v)
                    );
                }
            }
        }
    }
}
