//! A document's skeleton: the same YAML with the content of its block scalars removed.
//!
//! Helm reads the head (`apiVersion`, `kind`, `metadata`) of every rendered manifest
//! through a full YAML parse, so a malformed document fails the render. Most of the
//! bytes of big manifests are block scalars (`dashboard.json: |-` followed by 300 KB
//! of JSON), whose content cannot make a document malformed except in a few ways that
//! are checked here (characters YAML does not allow, a tab in the indentation, leading
//! blank lines indented deeper than the content). Removing that content leaves a small
//! document that parses exactly as the original does everywhere else, so the head and
//! every structural error come out the same while the parser sees a fraction of the
//! input.
//!
//! Long quoted scalars on one line (`dashboard.json: "{\n  \"annotations\": …"`, as
//! `toJson | quote` writes them) are emptied the same way, after their escapes are checked.
//!
//! The skeleton is only used when it is provably equivalent: each emptied scalar must be
//! one that the real parser confirms, at that line and column and of that style (see
//! [`super::decode::styled_scalars_in`]); anything unusual (a carriage return, an
//! indentation indicator, a comment after the header, an escape outside the common set,
//! anything inside `metadata`) means no skeleton, and the caller parses the whole
//! document.

/// The style of an emptied scalar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Block,
    DoubleQuoted,
    SingleQuoted,
}

/// An emptied scalar: 0-based line and column (in the skeleton) where it starts, and its
/// style.
pub(crate) type Emptied = (usize, usize, Style);

/// Quoted scalars shorter than this are left as they are.
const QUOTED_MIN: usize = 256;

/// The skeleton of `doc` and the scalars it emptied; `None` when there is nothing to
/// gain or the fast path cannot vouch for the input.
pub(crate) fn strip_block_scalars(doc: &str) -> Option<(String, Vec<Emptied>)> {
    skeleton(doc, false).map(|(s, e, _)| (s, e))
}

/// The skeleton of `doc`, the scalars it emptied and their values, for a decoder that
/// puts the values back (see [`super::decode::decode_first`]): literal block scalars
/// (`|`, `|-`; not folded or `|+`) and long one-line quoted scalars, anywhere.
pub(crate) fn skeleton_with_values(doc: &str) -> Option<(String, Vec<Emptied>, Vec<String>)> {
    skeleton(doc, true)
}

fn skeleton(doc: &str, with_values: bool) -> Option<(String, Vec<Emptied>, Vec<String>)> {
    if !chars_are_plain(doc.as_bytes()) {
        return None;
    }
    let mut values = Vec::new();
    let lines = Lines { doc, at: 0 };
    let mut lines = lines.peekable();
    let mut out = String::new();
    let mut headers = Vec::new();
    let mut kept_lines = 0usize;
    // The top-level key the current line belongs to: block scalars under `metadata`
    // (and top-level ones) are kept, as the head is read from them.
    let mut top_key: &str = "";
    let mut removed = 0usize;
    while let Some(line) = lines.next() {
        let body = line.strip_suffix('\n').unwrap_or(line);
        if !body.starts_with([' ', '#']) && !body.is_empty() {
            top_key = body.split(':').next().unwrap_or("");
        }
        let in_head = !with_values
            && top_key
                .trim_matches(['"', '\''])
                .eq_ignore_ascii_case("metadata");
        if !in_head && let Some((value_col, style)) = long_quoted_value(body) {
            if with_values {
                values.push(unquote(&body[value_col..], style));
            }
            out.push_str(&body[..value_col]);
            out.push_str(if style == Style::DoubleQuoted {
                "\"\""
            } else {
                "''"
            });
            out.push('\n');
            headers.push((kept_lines, value_col, style));
            kept_lines += 1;
            removed += body.len() - value_col;
            continue;
        }
        out.push_str(line);
        kept_lines += 1;
        let Some((c, keyed)) = header_column(body) else {
            continue;
        };
        if keyed && c == 0 && !with_values || in_head {
            continue;
        }
        let indicator = body.trim_end_matches(' ');
        let chomp = indicator.as_bytes()[indicator.len() - 1];
        let literal = indicator.trim_end_matches(['-', '+']).ends_with('|');
        if with_values && (!literal || chomp == b'+') {
            continue;
        }
        // The content: blank lines (spaces only) and lines indented at least as deep as
        // the first non-blank one, which must be deeper than the key.
        let mut ahead = lines.clone();
        let mut max_blank = 0usize;
        let mut region = 0usize;
        let first = loop {
            match ahead.peek() {
                Some(l) if is_blank(l) => {
                    max_blank = max_blank.max(spaces(l));
                    region += l.len();
                    ahead.next();
                }
                other => break other.copied(),
            }
        };
        let Some(first) = first else {
            continue;
        };
        let indent = spaces(first);
        if indent <= c || first.as_bytes()[indent] == b'\t' || max_blank > indent {
            continue;
        }
        while let Some(l) = ahead.peek() {
            let n = spaces(l);
            if n >= indent || is_blank(l) {
                region += l.len();
                ahead.next();
                continue;
            }
            // A line less indented ends the scalar: it must belong to the structure
            // around the header (not be more indented than the key), and not have a tab
            // where libyaml expects indentation.
            if n > c || l.as_bytes()[n] == b'\t' {
                return None;
            }
            break;
        }
        // The scalar starts at its indicator (`|`, `>`), the last non-space of the line
        // but for the chomping sign.
        let t = body.trim_end_matches(' ');
        let col = t.trim_end_matches(['-', '+']).len() - 1;
        if with_values {
            // The region, again, now that it is known to be one.
            let start = line.as_ptr() as usize - doc.as_ptr() as usize + line.len();
            values.push(literal_value(
                &doc[start..start + region],
                indent,
                chomp == b'-',
            )?);
        }
        headers.push((kept_lines - 1, col, Style::Block));
        removed += region;
        lines = ahead;
    }
    // Not worth a second parse for a few bytes.
    if removed < 4096 {
        return None;
    }
    Some((out, headers, values))
}

/// The value of a literal block scalar from the text of its lines (the last maybe without
/// a newline at the end of the input), as go-yaml reads it: `indent` spaces off
/// each line, empty lines kept inside, trailing empty lines dropped, one final newline
/// unless stripped (`|-`) or the input ended on the last line.
fn literal_value(text: &str, indent: usize, strip: bool) -> Option<String> {
    let empty = |l: &str| l.strip_suffix('\n').unwrap_or(l).len() <= indent;
    // The end of the last line with content.
    let (mut end, mut pos) = (0, 0);
    for l in text.split_inclusive('\n') {
        pos += l.len();
        if !empty(l) {
            end = pos;
        }
    }
    if end == 0 || end < text.len() && !text.ends_with('\n') {
        // No content, or trailing blank lines at the end of the input: left to the full
        // parser.
        return None;
    }
    let mut out = String::with_capacity(end);
    for l in text[..end].split_inclusive('\n') {
        let b = l.strip_suffix('\n').unwrap_or(l);
        if b.len() > indent {
            out.push_str(&b[indent..]);
        }
        out.push('\n');
    }
    if strip || !text[..end].ends_with('\n') {
        out.pop();
    }
    Some(out)
}

/// The value of a one-line quoted scalar checked by [`long_quoted_value`].
fn unquote(v: &str, style: Style) -> String {
    let inner = &v[1..v.len() - 1];
    if style == Style::SingleQuoted {
        return inner.replace("''", "'");
    }
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let e = rest.as_bytes()[i + 1];
        let mut skip = 2;
        match e {
            b'n' => out.push('\n'),
            b't' => out.push('\t'),
            b'r' => out.push('\r'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'u' => {
                let n = u32::from_str_radix(&rest[i + 2..i + 6], 16).unwrap_or(0xfffd);
                out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                skip = 6;
            }
            other => out.push(other as char),
        }
        rest = &rest[i + skip..];
    }
    out.push_str(rest);
    out
}

/// The lines of a document, each with its newline.
#[derive(Clone)]
struct Lines<'a> {
    doc: &'a str,
    at: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.doc[self.at..];
        if rest.is_empty() {
            return None;
        }
        let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        self.at += len;
        Some(&rest[..len])
    }
}

/// Leading spaces of a line.
fn spaces(line: &str) -> usize {
    line.bytes().take_while(|b| *b == b' ').count()
}

/// Only spaces before the newline (or the end).
fn is_blank(line: &str) -> bool {
    let n = spaces(line);
    matches!(line.as_bytes().get(n), None | Some(b'\n'))
}

/// For a line `key: "…"` or `key: '…'` (a plain key below the top level, one quoted
/// scalar of at least [`QUOTED_MIN`] bytes that closes at the end of the line, with only
/// common escapes): the column where the scalar starts and its style.
fn long_quoted_value(line: &str) -> Option<(usize, Style)> {
    if line.len() < QUOTED_MIN || !line.starts_with(' ') {
        return None;
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let colon = rest.find(": ")?;
    let key = &rest[..colon];
    let plain_key = !key.is_empty()
        && !key.starts_with('-')
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    if !plain_key {
        return None;
    }
    let value_col = indent + colon + 2;
    let value = &line[value_col..];
    let b = value.as_bytes();
    if b.len() < 2 {
        return None;
    }
    match b[0] {
        b'"' if b[b.len() - 1] == b'"' => {
            // Every `"` but the last is escaped; every escape is a common one.
            let inner = &b[1..b.len() - 1];
            let mut i = 0;
            while i < inner.len() {
                match inner[i] {
                    b'"' => return None,
                    b'\\' => match *inner.get(i + 1)? {
                        // Not `\/`: YAML 1.1 (go-yaml's libyaml) refuses it.
                        b'"' | b'\\' | b'n' | b't' | b'r' | b'b' | b'f' => i += 2,
                        b'u' => {
                            let hex = inner.get(i + 2..i + 6)?;
                            if !hex.iter().all(|c| c.is_ascii_hexdigit()) {
                                return None;
                            }
                            let n = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                            if (0xd800..=0xdfff).contains(&n) {
                                return None;
                            }
                            i += 6;
                        }
                        _ => return None,
                    },
                    _ => i += 1,
                }
            }
            Some((value_col, Style::DoubleQuoted))
        }
        b'\'' if b[b.len() - 1] == b'\'' => {
            // Quotes inside come in pairs.
            let inner = &value[1..value.len() - 1];
            let unpaired = inner.split("''").any(|part| part.contains('\''));
            (!unpaired).then_some((value_col, Style::SingleQuoted))
        }
        _ => None,
    }
}

/// For a line that ends in a block scalar header (`key: |-`, `- >`, …), the column of
/// the node that owns it: the key's column, or the last `-` of a bare sequence entry.
fn header_column(line: &str) -> Option<(usize, bool)> {
    let t = line.trim_end_matches(' ');
    let ind = ["|", "|-", "|+", ">", ">-", ">+"]
        .into_iter()
        .find(|i| t.ends_with(i) && t[..t.len() - i.len()].ends_with(' '))?;
    let before = t[..t.len() - ind.len()].trim_end_matches(' ');
    // Skip indentation and sequence dashes.
    let bytes = before.as_bytes();
    let mut p = 0;
    let mut last_dash = None;
    loop {
        while p < bytes.len() && bytes[p] == b' ' {
            p += 1;
        }
        if p < bytes.len() && bytes[p] == b'-' && bytes.get(p + 1).is_none_or(|b| *b == b' ') {
            last_dash = Some(p);
            p += 1;
            continue;
        }
        break;
    }
    if p == bytes.len() {
        // `- |`: a sequence entry.
        return last_dash.map(|d| (d, false));
    }
    // `key: |`: a plain key and nothing else on the line (no anchor, tag or comment).
    let rest = &before[p..];
    let key = rest.strip_suffix(':')?;
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
        && !key.starts_with('-');
    plain.then_some((p, true))
}

/// Only characters the YAML reader takes as they are: no carriage returns, control
/// characters, or Unicode line breaks and BOMs that libyaml treats specially (checked on
/// the UTF-8 bytes: C1 controls `C2 80..9F` with NEL, `E2 80 A8/A9`, `EF BB BF`,
/// `EF BF BE/BF`).
fn chars_are_plain(b: &[u8]) -> bool {
    // Whole chunks of printable ASCII are passed over without a branch per byte.
    let unusual = |c: u8| (c < 0x20) & (c != b'\n') & (c != b'\t') | (c >= 0x7f);
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 32)
            && !chunk.iter().fold(false, |acc, &c| acc | unusual(c))
        {
            i += 32;
            continue;
        }
        let end = (i + 32).min(b.len());
        if !chars_are_plain_slow(b, i, end) {
            return false;
        }
        i = end;
    }
    true
}

/// [`chars_are_plain`] byte by byte over `b[i..end]` (a multi-byte sequence may be read
/// past `end`).
fn chars_are_plain_slow(b: &[u8], mut i: usize, end: usize) -> bool {
    while i < end {
        let c = b[i];
        if (0x20..0x7f).contains(&c)
            || c == b'\n'
            || c == b'\t'
            || c >= 0x80 && !matches!(c, 0xc2 | 0xe2 | 0xef)
        {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        let third = b.get(i + 2).copied().unwrap_or(0);
        let bad = match c {
            0xc2 => (0x80..=0x9f).contains(&next),
            0xe2 => next == 0x80 && matches!(third, 0xa8 | 0xa9),
            0xef => next == 0xbb && third == 0xbf || next == 0xbf && matches!(third, 0xbe | 0xbf),
            _ => true,
        };
        if bad {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(n: usize) -> String {
        "    {\"a\": 1}\n".repeat(n)
    }

    #[test]
    fn removes_block_scalar_content_outside_metadata() {
        let doc = format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: |\n      keep\ndata:\n  d.json: |-\n{}  e: 1\n",
            big(500)
        );
        let (s, h) = strip_block_scalars(&doc).unwrap();
        assert_eq!(
            s,
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: |\n      keep\ndata:\n  d.json: |-\n  e: 1\n"
        );
        assert_eq!(h, vec![(8, 10, Style::Block)]);
    }

    #[test]
    fn sequence_entries_and_folded() {
        let doc = format!("items:\n- >-\n{}- |\n{}", big(300), big(300));
        let (s, h) = strip_block_scalars(&doc).unwrap();
        assert_eq!(s, "items:\n- >-\n- |\n");
        assert_eq!(h, vec![(1, 2, Style::Block), (2, 2, Style::Block)]);
    }

    #[test]
    fn empties_long_quoted_scalars_with_common_escapes() {
        let long = "{\\n  \\\"a\\\": \\\"\\u00e9\\t\\\"}".repeat(300);
        let doc = format!(
            "kind: ConfigMap\nmetadata:\n  name: \"{long}\"\ndata:\n  a.json: \"{long}\"\n  b: 'it''s {long}'\n  c: \"short\"\n"
        );
        let (s, h) = strip_block_scalars(&doc).unwrap();
        assert_eq!(
            s,
            format!(
                "kind: ConfigMap\nmetadata:\n  name: \"{long}\"\ndata:\n  a.json: \"\"\n  b: ''\n  c: \"short\"\n"
            )
        );
        assert_eq!(
            h,
            vec![(4, 10, Style::DoubleQuoted), (5, 5, Style::SingleQuoted)]
        );
        // Escapes outside the common set, a quote that closes early, an unpaired single
        // quote: left as they are.
        for v in [
            format!("\"{long}\\x41\""),
            format!("\"{long}\\/\""),
            format!("\"{long}\" # \""),
            format!("'{long}'x'"),
            format!("\"{long}\\ud800\""),
        ] {
            let doc = format!("data:\n  a: {v}\n");
            assert!(strip_block_scalars(&doc).is_none(), "{v}");
        }
    }

    #[test]
    fn declines_what_it_cannot_vouch_for() {
        // Small documents, carriage returns, a tab in the indentation, a line between the
        // key's column and the content's, deeper leading blank lines, indentation
        // indicators.
        assert!(strip_block_scalars("a: |\n  x\n").is_none());
        let body = big(500);
        assert!(strip_block_scalars(&format!("a: |\r\n{body}")).is_none());
        assert!(strip_block_scalars(&format!("a:\n  b: |\n{body}  \tx\n")).is_none());
        assert!(strip_block_scalars(&format!("a:\n  b: |\n{body}   c: 1\n")).is_none());
        assert!(
            strip_block_scalars(&format!("a:\n  b: |\n        \n{body}")).is_none(),
            "a leading blank line deeper than the content"
        );
        assert!(strip_block_scalars(&format!("a:\n  b: |2\n{body}")).is_none());
        assert!(strip_block_scalars(&format!("a:\n  b: | # c\n{body}")).is_none());
        for c in [
            "\u{85}", "\u{2028}", "\u{2029}", "\u{feff}", "\u{fffe}", "\u{1b}", "\u{7f}",
        ] {
            assert!(
                strip_block_scalars(&format!("a:\n  b: |\n{body}  {c}\n")).is_none(),
                "{c:?}"
            );
        }
        // Other characters are taken as they are.
        assert!(strip_block_scalars(&format!("a:\n  b: |\n{body}    é ≥ 😀 \u{a0}\n")).is_some());
    }
}
