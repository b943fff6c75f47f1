//! A fast reader for the plain block YAML that templates and values files are made of,
//! producing exactly libyaml's event stream (values, styles and marks), or nothing.
//!
//! libyaml-safer reads a character at a time through a queue, and reading YAML was a
//! fifth of kiln's time on big charts (values files, `fromYaml`, and the full parse of
//! every rendered manifest that Helm's sorting does). Most of that text is block
//! mappings and sequences of one-line scalars, block scalars and `[]`/`{}`, written by
//! go-yaml's emitter or by hand; this module reads that subset directly.
//!
//! It is a fast path, not a second parser: whenever it meets anything outside the subset
//! (anchors, aliases, tags, directives, flow collections over several lines, escaped
//! line breaks, explicit keys, compact nested sequences, tabs outside block scalars,
//! `\r`, a BOM, characters libyaml treats specially) or anything libyaml would refuse,
//! it gives up and the caller parses the text with libyaml-safer, so errors always come
//! from libyaml. Where it does answer, it follows libyaml's scanner and parser step by
//! step (which token ends a collection, where each mark lies, how plain, quoted and block
//! scalars fold and chomp); the differential tests below compare the two event streams,
//! marks included, over the corpus and generated documents, and `fuzz/` compares them on
//! random input.

use libyaml_safer::{Encoding, Event, EventData, MappingStyle, Mark, ScalarStyle, SequenceStyle};

/// libyaml's event stream for `text`, or `None` when `text` is outside the subset this
/// reader knows (the caller then asks libyaml).
pub(crate) fn events(text: &str) -> Option<Vec<Event>> {
    read(text, Vec::with_capacity(text.len() / 16 + 8))
}

/// Where the reader puts its events, one at a time and in order.
pub(crate) trait Sink {
    fn event(&mut self, e: Event);
}

impl Sink for Vec<Event> {
    fn event(&mut self, e: Event) {
        self.push(e);
    }
}

/// libyaml's event stream for `text` given to `sink` as it is read (a consumer that
/// builds something from the events needs no buffer of them: a document's events take
/// eight times its text); `None` when `text` is outside the subset this reader knows,
/// in which case `sink` may have had the events of a part of it.
pub(crate) fn read<S: Sink>(text: &str, sink: S) -> Option<S> {
    if text.is_empty() || !plain_input(text) {
        return None;
    }
    let mut r = Reader::new(text, sink);
    r.stream()?;
    Some(r.sink)
}

/// Where the reader gave up on `text` (line and the line's text), for tuning.
#[cfg(test)]
fn gave_up_at(text: &str) -> Option<(usize, String)> {
    if text.is_empty() || !plain_input(text) {
        return Some((0, "input".into()));
    }
    let mut r = Reader::new(text, Vec::new());
    if r.stream().is_some() {
        return None;
    }
    let l = text.lines().nth(r.line).unwrap_or("").to_string();
    Some((r.line, l))
}

/// No BOM, no `\r`, no control character other than `\n` and `\t`, and no character
/// that libyaml reads as a line break or refuses (NEL, LS, PS, C1 controls, U+FEFF,
/// U+FFFE, U+FFFF).
fn plain_input(text: &str) -> bool {
    let b = text.as_bytes();
    // libyaml-safer takes a leading 0xEF for the start of a BOM and refuses what follows
    // unless it is one.
    if b.first() == Some(&0xef) {
        return false;
    }
    // (Bitwise, so that the chunk test below is vectorized.)
    let printable = |c: &u8| (0x20..0x7f).contains(c) | (*c == b'\n') | (*c == b'\t');
    let mut i = 0;
    while i < b.len() {
        // 32 printable ASCII bytes at a time (the common case): tested all at once with
        // bitwise operators, which the compiler vectorizes (`all` stops at the first
        // byte that fails, and is not).
        if let Some(chunk) = b.get(i..i + 32)
            && !chunk.iter().fold(false, |bad, c| bad | !printable(c))
        {
            i += 32;
            continue;
        }
        let c = b[i];
        if c < 0x80 {
            if !printable(&c) {
                return false;
            }
            i += 1;
            continue;
        }
        // A UTF-8 sequence (`text` is valid UTF-8): refuse C1 controls (C2 80..9F),
        // U+2028/2029 (E2 80 A8/A9), U+FEFF (EF BB BF), U+FFFE/FFFF (EF BF BE/BF).
        let (n1, n2) = (b.get(i + 1).copied(), b.get(i + 2).copied());
        let refused = match c {
            0xc2 => n1.is_some_and(|n| n <= 0x9f),
            0xe2 => n1 == Some(0x80) && matches!(n2, Some(0xa8 | 0xa9)),
            0xef => {
                (n1 == Some(0xbb) && n2 == Some(0xbf))
                    || (n1 == Some(0xbf) && matches!(n2, Some(0xbe | 0xbf)))
            }
            _ => false,
        };
        if refused {
            return false;
        }
        i += match c {
            0xf0.. => 4,
            0xe0.. => 3,
            _ => 2,
        };
    }
    true
}

/// What the token at the current position is, for the structure around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Eof,
    /// `---` at the start of a line.
    DocStart,
    /// `...` at the start of a line.
    DocEnd,
    /// `-` followed by a blank: a block sequence entry.
    Entry,
    Other,
}

/// Where a node starts, which decides what may start there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// At the start of a line (after its indentation).
    LineStart,
    /// After `key: ` on the same line: no simple key, no block entry may start here.
    AfterValue,
    /// After `- ` on the same line: a compact mapping may start here.
    AfterEntry,
}

/// How a one-line scalar scanned ahead ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At `:` followed by a blank (the byte offset of the `:`): the scalar is a key.
    Colon(usize),
    /// At a comment or the end of the line.
    Line,
}

struct Reader<'a, S: Sink> {
    /// The input, as text (for slices of it) and as bytes.
    text: &'a str,
    s: &'a [u8],
    pos: usize,
    /// 0-based line of `pos`, and the offset where that line starts.
    line: usize,
    line_start: usize,
    sink: S,
    /// An implicit DOCUMENT-START, given to the sink with the marks of the event that
    /// follows it (the first token of the document).
    doc_start: Option<Event>,
    /// Nesting of the node being read: deep documents are left to libyaml (and to the
    /// decoder's depth limit) rather than recursing here.
    depth: usize,
    /// The input is ASCII: a column is a byte count (one check for the whole input
    /// instead of one per mark).
    ascii: bool,
}

/// Nesting beyond which the reader gives up.
const MAX_DEPTH: usize = 200;

fn blankz(s: &[u8], i: usize) -> bool {
    matches!(s.get(i), None | Some(b' ' | b'\t' | b'\n'))
}

/// `---` or `...` followed by a blank at `i` (a document marker when `i` starts a line).
fn doc_marker(s: &[u8], i: usize) -> Option<Tok> {
    if !blankz(s, i + 3) {
        return None;
    }
    match s.get(i..i + 3)? {
        b"---" => Some(Tok::DocStart),
        b"..." => Some(Tok::DocEnd),
        _ => None,
    }
}

impl<'a, S: Sink> Reader<'a, S> {
    fn new(text: &'a str, sink: S) -> Self {
        Reader {
            text,
            s: text.as_bytes(),
            pos: 0,
            line: 0,
            line_start: 0,
            sink,
            doc_start: None,
            depth: 0,
            ascii: text.is_ascii(),
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    /// libyaml's column: characters, not bytes, since the start of the line.
    fn col_of(&self, pos: usize) -> u64 {
        let part = &self.s[self.line_start..pos];
        if self.ascii || part.is_ascii() {
            part.len() as u64
        } else {
            part.iter().filter(|&&c| (c & 0xc0) != 0x80).count() as u64
        }
    }

    fn after_spaces(&self, mut i: usize) -> usize {
        while self.s.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    }

    fn mark_at(&self, pos: usize) -> Mark {
        // `Mark` is non-exhaustive: filled in field by field.
        let mut m = Mark::default();
        m.index = pos as u64;
        m.line = self.line as u64;
        m.column = self.col_of(pos);
        m
    }

    fn mark(&self) -> Mark {
        self.mark_at(self.pos)
    }

    fn col(&self) -> i64 {
        self.col_of(self.pos) as i64
    }

    /// The mark of STREAM-END (and of the BLOCK-ENDs before it): the end of the input,
    /// moved to the start of a new line when the last line is not ended.
    fn eof_mark(&self) -> Mark {
        let mut m = self.mark_at(self.s.len());
        if m.column != 0 {
            m.column = 0;
            m.line += 1;
        }
        m
    }

    /// The mark of the BLOCK-END that closes a collection indented `indent` before the
    /// token at the current position. At the end of the input libyaml first unrolls to
    /// the column where the input ends (those BLOCK-ENDs take that raw mark), then to
    /// -1 with the STREAM-END mark.
    fn close_mark(&self, indent: i64) -> Mark {
        if self.pos < self.s.len() {
            return self.mark();
        }
        let raw = self.mark_at(self.s.len());
        if indent > raw.column as i64 {
            raw
        } else {
            self.eof_mark()
        }
    }

    /// The mark where the token at the current position starts.
    fn token_mark(&self) -> Mark {
        if self.pos >= self.s.len() {
            self.eof_mark()
        } else {
            self.mark()
        }
    }

    fn push(&mut self, data: EventData, start: Mark, end: Mark) {
        // `Event` is non-exhaustive: filled in field by field.
        let mut e = Event::stream_end();
        e.data = data;
        e.start_mark = start;
        e.end_mark = end;
        if let Some(mut d) = self.doc_start.take() {
            d.start_mark = start;
            d.end_mark = end;
            self.sink.event(d);
        }
        self.sink.event(e);
    }

    /// A plain scalar event for `s[start..end]`.
    fn push_plain(&mut self, start: usize, end: usize) -> Option<()> {
        // (A slice of the text: its ends are checked to lie on character boundaries,
        // not its whole length for UTF-8.)
        let value = self.text.get(start..end)?.to_string();
        let (sm, em) = (self.mark_at(start), self.mark_at(end));
        self.push(plain_scalar(value), sm, em);
        Some(())
    }

    /// An event for the one-character indicator at the current position (`[`, `]`, `{`,
    /// `}`), moving past it.
    fn push_indicator(&mut self, data: EventData) {
        let sm = self.mark();
        self.pos += 1;
        let em = self.mark();
        self.push(data, sm, em);
    }

    fn newline(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn tok(&self) -> Tok {
        let s = self.s;
        let p = self.pos;
        if p >= s.len() {
            return Tok::Eof;
        }
        if p == self.line_start
            && let Some(t) = doc_marker(s, p)
        {
            return t;
        }
        if s[p] == b'-' && blankz(s, p + 1) {
            return Tok::Entry;
        }
        Tok::Other
    }

    /// Skip spaces, line breaks and whole-line comments up to the next token (libyaml's
    /// `scan_to_next_token` between lines). Tabs are left to libyaml.
    fn skip_to_token(&mut self) -> Option<()> {
        loop {
            while self.at(self.pos) == Some(b' ') {
                self.pos += 1;
            }
            match self.at(self.pos) {
                Some(b'\t') => return None,
                Some(b'#') => {
                    self.pos = memchr::memchr(b'\n', &self.s[self.pos..])
                        .map_or(self.s.len(), |i| self.pos + i);
                }
                _ => {}
            }
            if self.at(self.pos) == Some(b'\n') {
                self.newline();
            } else {
                return Some(());
            }
        }
    }

    /// The rest of a line after a token: spaces, then a comment (after at least one
    /// space) or the end of the line. Leaves `pos` at the line break or the end.
    fn line_rest(&mut self) -> Option<()> {
        let from = self.pos;
        while self.at(self.pos) == Some(b' ') {
            self.pos += 1;
        }
        match self.at(self.pos) {
            None | Some(b'\n') => Some(()),
            Some(b'#') if self.pos > from => {
                self.pos = memchr::memchr(b'\n', &self.s[self.pos..])
                    .map_or(self.s.len(), |i| self.pos + i);
                Some(())
            }
            _ => None,
        }
    }

    fn stream(&mut self) -> Option<()> {
        let zero = Mark::default();
        self.push(
            EventData::StreamStart {
                encoding: Encoding::Utf8,
            },
            zero,
            zero,
        );
        self.skip_to_token()?;
        let mut first = true;
        loop {
            match self.tok() {
                Tok::Eof => {
                    let m = self.eof_mark();
                    self.push(EventData::StreamEnd, m, m);
                    return Some(());
                }
                Tok::DocStart => {
                    let start = self.mark();
                    self.pos += 3;
                    let end = self.mark();
                    self.push(
                        EventData::DocumentStart {
                            version_directive: None,
                            tag_directives: Vec::new(),
                            implicit: false,
                        },
                        start,
                        end,
                    );
                    self.line_rest()?;
                    self.skip_to_token()?;
                    match self.tok() {
                        Tok::Eof | Tok::DocStart | Tok::DocEnd => {
                            let m = self.token_mark();
                            self.push(empty_scalar(), m, m);
                        }
                        _ => self.node(-1, Place::LineStart, false)?,
                    }
                }
                Tok::DocEnd => return None,
                Tok::Entry | Tok::Other => {
                    if !first {
                        return None;
                    }
                    // The implicit DOCUMENT-START takes the marks of the first token:
                    // it goes out with the first event of the node.
                    let mut d = Event::stream_end();
                    d.data = EventData::DocumentStart {
                        version_directive: None,
                        tag_directives: Vec::new(),
                        implicit: true,
                    };
                    self.doc_start = Some(d);
                    self.node(-1, Place::LineStart, false)?;
                    debug_assert!(self.doc_start.is_none());
                }
            }
            first = false;
            match self.tok() {
                Tok::Eof | Tok::DocStart => {
                    let m = self.token_mark();
                    self.push(EventData::DocumentEnd { implicit: true }, m, m);
                }
                Tok::DocEnd => {
                    let start = self.mark();
                    self.pos += 3;
                    let end = self.mark();
                    self.push(EventData::DocumentEnd { implicit: false }, start, end);
                    self.line_rest()?;
                    self.skip_to_token()?;
                    // Further `...` are skipped before the next document.
                    while self.tok() == Tok::DocEnd {
                        self.pos += 3;
                        self.line_rest()?;
                        self.skip_to_token()?;
                    }
                }
                _ => return None,
            }
            if !matches!(self.tok(), Tok::Eof | Tok::DocStart) {
                return None;
            }
        }
    }

    /// A node starting at the current position, inside a block collection whose
    /// indentation (libyaml's `indent`) is `indent`. Leaves `pos` at the next token.
    fn node(&mut self, indent: i64, place: Place, indentless: bool) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let r = self.node_inner(indent, place, indentless);
        self.depth -= 1;
        r
    }

    fn node_inner(&mut self, indent: i64, place: Place, indentless: bool) -> Option<()> {
        let c = self.s[self.pos];
        let col = self.col();
        match c {
            b'-' if blankz(self.s, self.pos + 1) => {
                if place != Place::LineStart {
                    return None;
                }
                if col > indent {
                    return self.block_seq(col);
                }
                if col == indent && indentless {
                    return self.indentless_seq(col);
                }
                return None;
            }
            b'|' | b'>' => return self.block_scalar(indent),
            b'[' | b'{' => {
                self.flow_node()?;
                self.line_rest()?;
                return self.skip_to_token();
            }
            _ => {}
        }
        if self.key_ahead(self.pos)?.is_some() {
            if place == Place::AfterValue || col <= indent {
                return None;
            }
            return self.block_map(col);
        }
        if c == b'"' || c == b'\'' {
            let (value, end) = self.quoted(self.pos)?;
            let start = self.mark();
            self.jump(end);
            let end_mark = self.mark();
            self.push(quoted_scalar(value, c == b'"'), start, end_mark);
            self.line_rest()?;
            return self.skip_to_token();
        }
        self.plain(indent)
    }

    /// Whether a simple key starts at `pos`: `Some(offset of its ':')`. `None` (the
    /// outer option) when the line is outside the subset.
    fn key_ahead(&self, pos: usize) -> Option<Option<usize>> {
        let s = self.s;
        let colon = match s[pos] {
            b'"' | b'\'' => {
                let (_, end) = self.quoted(pos)?;
                if memchr::memchr(b'\n', &s[pos..end]).is_some() {
                    return Some(None);
                }
                let mut i = end;
                while s.get(i) == Some(&b' ') {
                    i += 1;
                }
                if s.get(i) == Some(&b':') && blankz(s, i + 1) {
                    i
                } else {
                    return Some(None);
                }
            }
            _ => {
                if !plain_start(s, pos, false) {
                    return None;
                }
                match self.plain_line(pos)? {
                    (_, Stop::Colon(i)) => i,
                    (_, Stop::Line) => return Some(None),
                }
            }
        };
        // libyaml forgets a possible simple key 1024 characters on.
        if colon - pos > 1000 {
            return None;
        }
        Some(Some(colon))
    }

    /// Scan a plain scalar on its line from `pos`: the end of its text and how it stops.
    fn plain_line(&self, pos: usize) -> Option<(usize, Stop)> {
        let s = self.s;
        let mut i = pos;
        let mut text_end = pos;
        loop {
            // A word.
            while i < s.len() {
                match s[i] {
                    b' ' | b'\n' => break,
                    b'\t' => return None,
                    b':' if blankz(s, i + 1) => return Some((text_end, Stop::Colon(i))),
                    _ => i += 1,
                }
            }
            text_end = i;
            // Spaces, then a comment, the end of the line, or the next word.
            while s.get(i) == Some(&b' ') {
                i += 1;
            }
            match s.get(i) {
                None | Some(b'\n') | Some(b'#') => return Some((text_end, Stop::Line)),
                Some(b'\t') => return None,
                _ => {}
            }
        }
    }

    /// A single- or double-quoted scalar at `pos` (libyaml's `scan_flow_scalar`): its
    /// value and the offset after the closing quote. Line breaks fold as in libyaml;
    /// escaped line breaks are left to libyaml.
    fn quoted(&self, pos: usize) -> Option<(String, usize)> {
        let s = self.s;
        let q = s[pos];
        let single = q == b'\'';
        // The common case, a scalar closed on its own line with no escape: its value is
        // the text between the quotes as it stands (the loop below would copy it byte by
        // byte to the same result).
        if let Some(k) = memchr::memchr3(q, b'\\', b'\n', &s[pos + 1..]) {
            let end = pos + 1 + k;
            if s[end] == q && !(single && s.get(end + 1) == Some(&b'\'')) {
                return Some((self.text.get(pos + 1..end)?.to_string(), end + 1));
            }
        }
        let mut out = Vec::new();
        let mut i = pos + 1;
        let mut line_start = self.line_start;
        let mut whitespaces: Vec<u8> = Vec::new();
        let mut leading_break = false;
        let mut trailing_breaks = 0usize;
        loop {
            if i == line_start && doc_marker(s, i).is_some() {
                return None;
            }
            if i >= s.len() {
                return None;
            }
            let mut leading_blanks = false;
            while !blankz(s, i) {
                let c = s[i];
                match c {
                    b'\'' if single => {
                        if s.get(i + 1) == Some(&b'\'') {
                            out.push(b'\'');
                            i += 2;
                        } else {
                            break;
                        }
                    }
                    b'"' if !single => break,
                    b'\\' if !single => {
                        let e = *s.get(i + 1)?;
                        i += 2;
                        let ch: char = match e {
                            b'0' => '\0',
                            b'a' => '\x07',
                            b'b' => '\x08',
                            b't' | b'\t' => '\t',
                            b'n' => '\n',
                            b'v' => '\x0b',
                            b'f' => '\x0c',
                            b'r' => '\r',
                            b'e' => '\x1b',
                            b' ' => ' ',
                            b'"' => '"',
                            b'/' => '/',
                            b'\\' => '\\',
                            b'N' => '\u{85}',
                            b'_' => '\u{a0}',
                            b'L' => '\u{2028}',
                            b'P' => '\u{2029}',
                            b'x' | b'u' | b'U' => {
                                let n = match e {
                                    b'x' => 2,
                                    b'u' => 4,
                                    _ => 8,
                                };
                                let hex = s.get(i..i + n)?;
                                if !hex.iter().all(u8::is_ascii_hexdigit) {
                                    return None;
                                }
                                let v =
                                    u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                                i += n;
                                char::from_u32(v)?
                            }
                            // Escaped line breaks and unknown escapes: libyaml's.
                            _ => return None,
                        };
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                    }
                    _ => {
                        // A run of bytes that none of the arms above or the blanks
                        // after this loop treat specially, copied at once.
                        let start = i;
                        i += 1;
                        while let Some(&c) = s.get(i) {
                            if matches!(c, b' ' | b'\t' | b'\n' | b'\'' | b'"' | b'\\') {
                                break;
                            }
                            i += 1;
                        }
                        out.extend_from_slice(&s[start..i]);
                    }
                }
            }
            if s.get(i) == Some(&q) {
                break;
            }
            // Blanks and line breaks, then join them.
            loop {
                match s.get(i) {
                    Some(&c @ (b' ' | b'\t')) => {
                        if !leading_blanks {
                            whitespaces.push(c);
                        }
                        i += 1;
                    }
                    Some(b'\n') => {
                        if !leading_blanks {
                            whitespaces.clear();
                            leading_break = true;
                            leading_blanks = true;
                        } else {
                            trailing_breaks += 1;
                        }
                        i += 1;
                        line_start = i;
                    }
                    _ => break,
                }
            }
            if leading_blanks {
                if leading_break {
                    if trailing_breaks == 0 {
                        out.push(b' ');
                    } else {
                        out.extend(std::iter::repeat_n(b'\n', trailing_breaks));
                    }
                }
                leading_break = false;
                trailing_breaks = 0;
            } else {
                out.append(&mut whitespaces);
            }
        }
        Some((String::from_utf8(out).ok()?, i + 1))
    }

    /// Move to `end`, counting the line breaks passed.
    fn jump(&mut self, end: usize) {
        let part = &self.s[self.pos..end];
        if let Some(last) = memchr::memrchr(b'\n', part) {
            self.line += memchr::memchr_iter(b'\n', part).count();
            self.line_start = self.pos + last + 1;
        }
        self.pos = end;
    }

    /// A plain scalar at the current position (not a key). A scalar that would go on
    /// to the next line is left to libyaml.
    fn plain(&mut self, indent: i64) -> Option<()> {
        let start = self.pos;
        if !plain_start(self.s, start, false) {
            return None;
        }
        let (end, stop) = self.plain_line(start)?;
        if stop != Stop::Line {
            return None;
        }
        // (Its ends must lie on character boundaries, whichever way it is read.)
        self.text.get(start..end)?;
        self.pos = end;
        self.line_rest()?;
        if self.at(self.pos) == Some(b'\n') && self.continues(self.pos + 1, indent) {
            self.pos = start;
            return self.plain_lines(indent);
        }
        // (The rest of the line is blanks or a comment: the marks are on this line.)
        self.push_plain(start, end)?;
        self.skip_to_token()
    }

    /// A plain scalar over several lines, as libyaml's `scan_plain_scalar` reads it in
    /// block context: line breaks fold into a space, empty lines into line breaks.
    fn plain_lines(&mut self, indent: i64) -> Option<()> {
        let s = self.s;
        let start_mark = self.mark();
        let mut end_mark = start_mark;
        let mut out: Vec<u8> = Vec::new();
        let mut leading_break = false;
        let mut trailing_breaks = 0usize;
        let mut whitespaces = 0usize;
        let mut leading_blanks = false;
        loop {
            if self.pos == self.line_start && doc_marker(s, self.pos).is_some() {
                break;
            }
            if self.at(self.pos) == Some(b'#') {
                break;
            }
            while !blankz(s, self.pos) {
                if s[self.pos] == b':' && blankz(s, self.pos + 1) {
                    // A value indicator after a scalar over several lines: an error in
                    // libyaml, or a key on the first line (never handed here).
                    return None;
                }
                if leading_blanks || whitespaces != 0 {
                    if leading_blanks {
                        if leading_break {
                            if trailing_breaks == 0 {
                                out.push(b' ');
                            } else {
                                out.extend(std::iter::repeat_n(b'\n', trailing_breaks));
                                trailing_breaks = 0;
                            }
                            leading_break = false;
                        } else {
                            out.extend(std::iter::repeat_n(b'\n', trailing_breaks));
                            trailing_breaks = 0;
                        }
                        leading_blanks = false;
                    } else {
                        out.extend(std::iter::repeat_n(b' ', whitespaces));
                        whitespaces = 0;
                    }
                }
                let from = self.pos;
                while !(blankz(s, self.pos) || s[self.pos] == b':' && blankz(s, self.pos + 1)) {
                    self.pos += 1;
                }
                out.extend_from_slice(&s[from..self.pos]);
                end_mark = self.mark();
            }
            match self.at(self.pos) {
                Some(b' ' | b'\n') => {}
                Some(b'\t') => return None,
                _ => break,
            }
            loop {
                match self.at(self.pos) {
                    Some(b' ') => {
                        if !leading_blanks {
                            whitespaces += 1;
                        }
                        self.pos += 1;
                    }
                    Some(b'\n') => {
                        if leading_blanks {
                            trailing_breaks += 1;
                        } else {
                            whitespaces = 0;
                            leading_break = true;
                            leading_blanks = true;
                        }
                        self.newline();
                    }
                    Some(b'\t') => return None,
                    _ => break,
                }
            }
            if self.col() < indent + 1 {
                break;
            }
        }
        self.push(
            plain_scalar(String::from_utf8(out).ok()?),
            start_mark,
            end_mark,
        );
        self.skip_to_token()
    }

    /// Whether libyaml's plain scalar scanner, having reached the line break before
    /// `from`, would go on into the following lines: the first line that is not blank
    /// is indented beyond `indent` and is neither a comment nor a document marker.
    fn continues(&self, mut from: usize, indent: i64) -> bool {
        let s = self.s;
        loop {
            let line_start = from;
            while s.get(from) == Some(&b' ') {
                from += 1;
            }
            match s.get(from) {
                None => return false,
                Some(b'\n') => {
                    from += 1;
                    continue;
                }
                // A tab where indentation ends: leave it to libyaml.
                Some(b'\t') => return true,
                Some(b'#') => return false,
                Some(_) => {}
            }
            let col = (from - line_start) as i64;
            if col < indent + 1 {
                return false;
            }
            return !(col == 0 && doc_marker(s, from).is_some());
        }
    }

    /// Spaces inside a flow collection; the collection must end on its line.
    fn flow_spaces(&mut self) -> Option<()> {
        while self.at(self.pos) == Some(b' ') {
            self.pos += 1;
        }
        match self.at(self.pos) {
            None | Some(b'\n' | b'\t' | b'#') => None,
            _ => Some(()),
        }
    }

    /// A node inside a flow collection on one line (libyaml with `flow_level > 0`).
    fn flow_node(&mut self) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let r = self.flow_node_inner();
        self.depth -= 1;
        r
    }

    fn flow_node_inner(&mut self) -> Option<()> {
        match self.s[self.pos] {
            b'[' => self.flow_seq(),
            b'{' => self.flow_map(),
            q @ (b'"' | b'\'') => {
                let (value, end) = self.quoted(self.pos)?;
                if memchr::memchr(b'\n', &self.s[self.pos..end]).is_some() {
                    return None;
                }
                let start = self.mark();
                self.pos = end;
                let end_mark = self.mark();
                self.push(quoted_scalar(value, q == b'"'), start, end_mark);
                Some(())
            }
            _ => self.flow_plain(),
        }
    }

    /// A plain scalar in a flow collection, on one line.
    fn flow_plain(&mut self) -> Option<()> {
        let s = self.s;
        let start = self.pos;
        if !plain_start(s, start, true) {
            return None;
        }
        let mut i = start;
        let text_end;
        loop {
            while i < s.len() {
                match s[i] {
                    b' ' | b'\n' | b'\t' | b',' | b'[' | b']' | b'{' | b'}' => break,
                    b':' => match s.get(i + 1) {
                        None | Some(b' ' | b'\n' | b'\t') => break,
                        Some(b',' | b'?' | b'[' | b']' | b'{' | b'}') => return None,
                        _ => i += 1,
                    },
                    _ => i += 1,
                }
            }
            let mut j = i;
            while s.get(j) == Some(&b' ') {
                j += 1;
            }
            match s.get(j) {
                // The scalar would go on to the next line, or a comment starts.
                None | Some(b'\n' | b'\t' | b'#') => return None,
                Some(b',' | b'[' | b']' | b'{' | b'}') => {
                    text_end = i;
                    break;
                }
                Some(b':') if blankz(s, j + 1) => {
                    text_end = i;
                    break;
                }
                _ if j == i => {
                    text_end = i;
                    break;
                }
                _ => i = j,
            }
        }
        self.push_plain(start, text_end)?;
        self.pos = text_end;
        Some(())
    }

    /// After an entry of a flow collection: `Some(true)` at its `close`, `Some(false)`
    /// past a `,` with another entry to come; `None` for anything else (a trailing `,`
    /// included).
    fn flow_after_entry(&mut self, close: u8) -> Option<bool> {
        self.flow_spaces()?;
        if self.s[self.pos] == close {
            return Some(true);
        }
        if self.s[self.pos] != b',' {
            return None;
        }
        self.pos += 1;
        self.flow_spaces()?;
        (self.s[self.pos] != close).then_some(false)
    }

    /// `[a, b]` on one line; single-pair mappings and a trailing `,` are left to libyaml.
    fn flow_seq(&mut self) -> Option<()> {
        self.push_indicator(seq_start(SequenceStyle::Flow));
        self.flow_spaces()?;
        if self.s[self.pos] != b']' {
            loop {
                self.flow_node()?;
                if self.flow_after_entry(b']')? {
                    break;
                }
            }
        }
        self.push_indicator(EventData::SequenceEnd);
        Some(())
    }

    /// `{a: 1, "b": 2}` on one line; keys without values, empty values and a trailing
    /// `,` are left to libyaml.
    fn flow_map(&mut self) -> Option<()> {
        self.push_indicator(map_start(MappingStyle::Flow));
        self.flow_spaces()?;
        if self.s[self.pos] != b'}' {
            loop {
                if matches!(self.s[self.pos], b'[' | b'{') {
                    return None;
                }
                let quoted_key = matches!(self.s[self.pos], b'"' | b'\'');
                self.flow_node()?;
                self.flow_spaces()?;
                // A value indicator: after a quoted key `:` alone will do.
                if self.s[self.pos] != b':' || (!quoted_key && !blankz(self.s, self.pos + 1)) {
                    return None;
                }
                self.pos += 1;
                self.flow_spaces()?;
                if matches!(self.s[self.pos], b',' | b'}') {
                    return None;
                }
                self.flow_node()?;
                if self.flow_after_entry(b'}')? {
                    break;
                }
            }
        }
        self.push_indicator(EventData::MappingEnd);
        Some(())
    }

    /// A key scalar at the current position, up to its `:` at `colon`; leaves `pos`
    /// after the `:` and returns the VALUE token's end mark.
    fn key(&mut self, colon: usize) -> Option<Mark> {
        let start = self.pos;
        let sm = self.mark();
        let c = self.s[start];
        if c == b'"' || c == b'\'' {
            let (value, end) = self.quoted(start)?;
            let em = self.mark_at(end);
            self.push(quoted_scalar(value, c == b'"'), sm, em);
        } else {
            let mut end = colon;
            while end > start && self.s[end - 1] == b' ' {
                end -= 1;
            }
            self.push_plain(start, end)?;
        }
        self.pos = colon + 1;
        Some(self.mark())
    }

    /// A block mapping whose keys are at column `col`.
    fn block_map(&mut self, col: i64) -> Option<()> {
        let m = self.mark();
        self.push(map_start(MappingStyle::Block), m, m);
        loop {
            let colon = self.key_ahead(self.pos)??;
            let value_end = self.key(colon)?;
            match self.at(self.after_spaces(self.pos)) {
                None | Some(b'\n') | Some(b'#') => {
                    self.line_rest()?;
                    self.skip_to_token()?;
                    let t = self.tok();
                    let tcol = self.col();
                    if matches!(t, Tok::Eof | Tok::DocStart | Tok::DocEnd) || tcol < col {
                        self.push(empty_scalar(), value_end, value_end);
                    } else if tcol == col {
                        if t == Tok::Entry {
                            self.indentless_seq(col)?;
                        } else {
                            self.push(empty_scalar(), value_end, value_end);
                        }
                    } else {
                        self.node(col, Place::LineStart, true)?;
                    }
                }
                Some(b'\t') => return None,
                Some(_) => {
                    self.pos = self.after_spaces(self.pos);
                    self.node(col, Place::AfterValue, true)?
                }
            }
            let t = self.tok();
            if matches!(t, Tok::Eof | Tok::DocStart | Tok::DocEnd) || self.col() < col {
                let m = self.close_mark(col);
                self.push(EventData::MappingEnd, m, m);
                return Some(());
            }
            if self.col() > col {
                return None;
            }
        }
    }

    /// A block sequence whose entries are at column `col`, deeper than its parent.
    fn block_seq(&mut self, col: i64) -> Option<()> {
        let m = self.mark();
        self.push(seq_start(SequenceStyle::Block), m, m);
        loop {
            self.entry(col, false)?;
            let t = self.tok();
            if t == Tok::Entry && self.col() == col {
                continue;
            }
            if matches!(t, Tok::Eof | Tok::DocStart | Tok::DocEnd) || self.col() < col {
                let m = self.close_mark(col);
                self.push(EventData::SequenceEnd, m, m);
                return Some(());
            }
            return None;
        }
    }

    /// A sequence at the column of the mapping whose value it is (`key:\n- a`).
    fn indentless_seq(&mut self, col: i64) -> Option<()> {
        let start = self.mark();
        let end = self.mark_at(self.pos + 1);
        self.push(seq_start(SequenceStyle::Block), start, end);
        loop {
            self.entry(col, true)?;
            let t = self.tok();
            if t == Tok::Entry && self.col() == col {
                continue;
            }
            if !matches!(t, Tok::Eof | Tok::DocStart | Tok::DocEnd) && self.col() > col {
                return None;
            }
            // The token after it: the parent mapping's BLOCK-END or its next key.
            let m = self.close_mark(col);
            self.push(EventData::SequenceEnd, m, m);
            return Some(());
        }
    }

    /// One `- ` entry at column `col` and its node.
    fn entry(&mut self, col: i64, indentless: bool) -> Option<()> {
        self.pos += 1;
        let entry_end = self.mark();
        match self.at(self.after_spaces(self.pos)) {
            None | Some(b'\n') | Some(b'#') => {
                self.line_rest()?;
                self.skip_to_token()?;
                let t = self.tok();
                let tcol = self.col();
                if matches!(t, Tok::Eof | Tok::DocStart | Tok::DocEnd) || tcol < col {
                    self.push(empty_scalar(), entry_end, entry_end);
                } else if tcol == col {
                    // The next entry, or (after an indentless sequence) the next key.
                    if t == Tok::Entry || (indentless && self.key_ahead(self.pos)?.is_some()) {
                        self.push(empty_scalar(), entry_end, entry_end);
                    } else {
                        return None;
                    }
                } else {
                    self.node(col, Place::LineStart, false)?;
                }
                Some(())
            }
            Some(b'\t') => None,
            Some(_) => {
                self.pos = self.after_spaces(self.pos);
                if self.s[self.pos] == b'-' && blankz(self.s, self.pos + 1) {
                    return None;
                }
                self.node(col, Place::AfterEntry, false)
            }
        }
    }

    /// A literal or folded block scalar at the current position (libyaml's
    /// `scan_block_scalar`), inside a collection indented `indent`.
    fn block_scalar(&mut self, indent: i64) -> Option<()> {
        let s = self.s;
        let literal = s[self.pos] == b'|';
        let start = self.mark();
        self.pos += 1;
        let mut chomping = 0i32;
        let mut increment = 0i64;
        let digit = |c: Option<u8>| c.filter(u8::is_ascii_digit);
        match self.at(self.pos) {
            Some(c @ (b'+' | b'-')) => {
                chomping = if c == b'+' { 1 } else { -1 };
                self.pos += 1;
                if let Some(d) = digit(self.at(self.pos)) {
                    if d == b'0' {
                        return None;
                    }
                    increment = (d - b'0') as i64;
                    self.pos += 1;
                }
            }
            Some(d) if d.is_ascii_digit() => {
                if d == b'0' {
                    return None;
                }
                increment = (d - b'0') as i64;
                self.pos += 1;
                if let Some(c @ (b'+' | b'-')) = self.at(self.pos) {
                    chomping = if c == b'+' { 1 } else { -1 };
                    self.pos += 1;
                }
            }
            _ => {}
        }
        self.line_rest()?;
        if self.at(self.pos) == Some(b'\n') {
            self.newline();
        }
        let mut end_mark = self.mark();
        let mut block_indent = if increment != 0 {
            if indent >= 0 {
                indent + increment
            } else {
                increment
            }
        } else {
            0
        };
        let mut out: Vec<u8> = Vec::new();
        let mut leading_break = false;
        let mut trailing_breaks = 0usize;
        let mut leading_blank = false;
        self.block_breaks(
            &mut block_indent,
            &mut trailing_breaks,
            &mut end_mark,
            indent,
        )?;
        loop {
            if self.col() != block_indent || self.pos >= s.len() {
                break;
            }
            let trailing_blank = matches!(s[self.pos], b' ' | b'\t');
            if !literal && leading_break && !leading_blank && !trailing_blank {
                if trailing_breaks == 0 {
                    out.push(b' ');
                }
            } else if leading_break {
                out.push(b'\n');
            }
            out.extend(std::iter::repeat_n(b'\n', trailing_breaks));
            trailing_breaks = 0;
            leading_blank = trailing_blank;
            let rest = &s[self.pos..];
            let n = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            out.extend_from_slice(&rest[..n]);
            self.pos += n;
            if self.at(self.pos) != Some(b'\n') {
                // libyaml-safer panics on a block scalar line ended by the end of the
                // input (the decoder appends a line break and tries again).
                return None;
            }
            self.newline();
            leading_break = true;
            self.block_breaks(
                &mut block_indent,
                &mut trailing_breaks,
                &mut end_mark,
                indent,
            )?;
        }
        if chomping != -1 && leading_break {
            out.push(b'\n');
        }
        if chomping == 1 {
            out.extend(std::iter::repeat_n(b'\n', trailing_breaks));
        }
        let value = String::from_utf8(out).ok()?;
        self.push(
            EventData::Scalar {
                anchor: None,
                tag: None,
                value,
                plain_implicit: false,
                quoted_implicit: true,
                style: if literal {
                    ScalarStyle::Literal
                } else {
                    ScalarStyle::Folded
                },
            },
            start,
            end_mark,
        );
        self.skip_to_token()
    }

    /// libyaml's `scan_block_scalar_breaks`: indentation and empty lines, fixing the
    /// block's indentation on the first call when no indicator gave it.
    fn block_breaks(
        &mut self,
        block_indent: &mut i64,
        breaks: &mut usize,
        end_mark: &mut Mark,
        indent: i64,
    ) -> Option<()> {
        let mut max_indent = 0i64;
        *end_mark = self.mark();
        loop {
            // Spaces up to the block's indentation (all of them while it is not fixed).
            let limit = if *block_indent == 0 {
                self.s.len()
            } else {
                (self.line_start + *block_indent as usize).min(self.s.len())
            };
            let mut p = self.pos;
            while p < limit && self.s[p] == b' ' {
                p += 1;
            }
            self.pos = p;
            let col = (self.pos - self.line_start) as i64;
            if col > max_indent {
                max_indent = col;
            }
            if (*block_indent == 0 || col < *block_indent) && self.at(self.pos) == Some(b'\t') {
                return None;
            }
            if self.at(self.pos) != Some(b'\n') {
                break;
            }
            *breaks += 1;
            self.newline();
            *end_mark = self.mark();
        }
        if *block_indent == 0 {
            *block_indent = max_indent.max(indent + 1).max(1);
        }
        Some(())
    }
}

fn empty_scalar() -> EventData {
    plain_scalar(String::new())
}

fn plain_scalar(value: String) -> EventData {
    EventData::Scalar {
        anchor: None,
        tag: None,
        value,
        plain_implicit: true,
        quoted_implicit: false,
        style: ScalarStyle::Plain,
    }
}

fn seq_start(style: SequenceStyle) -> EventData {
    EventData::SequenceStart {
        anchor: None,
        tag: None,
        implicit: true,
        style,
    }
}

fn map_start(style: MappingStyle) -> EventData {
    EventData::MappingStart {
        anchor: None,
        tag: None,
        implicit: true,
        style,
    }
}

fn quoted_scalar(value: String, double: bool) -> EventData {
    EventData::Scalar {
        anchor: None,
        tag: None,
        value,
        plain_implicit: false,
        quoted_implicit: true,
        style: if double {
            ScalarStyle::DoubleQuoted
        } else {
            ScalarStyle::SingleQuoted
        },
    }
}

/// Whether a plain scalar may start at `i`, in a flow collection or not (libyaml's check
/// before `fetch_plain_scalar`).
fn plain_start(s: &[u8], i: usize, flow: bool) -> bool {
    let c = s[i];
    match c {
        b' ' | b'\t' | b'\n' => false,
        b'-' => !blankz(s, i + 1),
        b'?' | b':' => !flow && !blankz(s, i + 1),
        b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
        | b'"' | b'%' | b'@' | b'`' => false,
        _ => true,
    }
}

/// For tests and fuzzing: `Ok(true)` when this reader answered for `text` and its events
/// equal libyaml-safer's, marks included; `Ok(false)` when it left `text` to libyaml;
/// `Err` (the first difference) otherwise.
#[doc(hidden)]
pub fn check_against_libyaml(text: &str) -> Result<bool, String> {
    let Some(fast) = events(text) else {
        return Ok(false);
    };
    let mut parser = libyaml_safer::Parser::new();
    parser.set_input(text.as_bytes());
    let mut want = Vec::new();
    loop {
        let ev = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse()))
            .map_err(|_| "libyaml-safer panicked where the fast reader answered".to_string())?
            .map_err(|e| format!("libyaml-safer refuses what the fast reader read: {e}"))?;
        let end = matches!(ev.data, EventData::StreamEnd);
        want.push(ev);
        if end {
            break;
        }
    }
    for (i, w) in want.iter().enumerate() {
        let (w, g) = (format!("{w:?}"), fast.get(i).map(|g| format!("{g:?}")));
        if g.as_deref() != Some(w.as_str()) {
            return Err(format!("event {i}: libyaml {w}\n        fast    {g:?}"));
        }
    }
    if fast.len() != want.len() {
        return Err(format!(
            "{} events from libyaml, {} from the fast reader",
            want.len(),
            fast.len()
        ));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    /// The byte scan of [`plain_input`] refuses exactly the characters libyaml treats
    /// specially, wherever they fall (in or across its 16-byte chunks).
    #[test]
    fn plain_input_refuses_the_special_characters() {
        let by_char = |t: &str| {
            // (A leading 0xEF byte is refused whatever follows: libyaml-safer's BOM check.)
            t.as_bytes().first() != Some(&0xef)
                && t.chars().all(|c| match c as u32 {
                    0x0a | 0x09 | 0x20..=0x7e => true,
                    0x00..=0x1f | 0x7f..=0x9f => false,
                    0x2028 | 0x2029 | 0xfeff | 0xfffe | 0xffff => false,
                    _ => true,
                })
        };
        let specials = [
            '\0',
            '\r',
            '\u{1b}',
            '\u{7f}',
            '\u{80}',
            '\u{85}',
            '\u{9f}',
            '\u{a0}',
            'é',
            '\u{2027}',
            '\u{2028}',
            '\u{2029}',
            '\u{202a}',
            '\u{feff}',
            '\u{fefe}',
            '\u{fffd}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1f600}',
            '\t',
            '\n',
            '~',
        ];
        for &c in &specials {
            for at in [0, 1, 15, 16, 17, 31, 40] {
                let mut t: String = "a: b\n".repeat(10).chars().take(at).collect();
                t.push(c);
                t.push_str(" tail text that is long enough");
                assert_eq!(super::plain_input(&t), by_char(&t), "{c:?} at {at}");
            }
        }
    }

    use super::check_against_libyaml as check;

    fn assert_same(text: &str) -> bool {
        match check(text) {
            Ok(fast) => fast,
            Err(e) => panic!("{e}\non {text:?}"),
        }
    }

    /// Documents inside the subset: each one is read here, and equals libyaml.
    #[test]
    fn subset_documents_equal_libyaml() {
        let cases = [
            "\n",
            "# only a comment\n",
            "a: 1\n",
            "a: 1",
            "a: 1   \n",
            "a: b c  d # comment\nb: x#y\n",
            "a:\n  b: 1\n  c:\n    d: e\nf: g\n",
            "a:\n- 1\n- 2\nb: 3\n",
            "a:\n  - 1\n  -   2\nb:\n",
            "- a\n- b: 1\n  c: 2\n-\n",
            "- \n- x\n-\n",
            "a:\n- b: 1\n  c:\n  - d\n  e: f\nz: 1\n",
            "a:\nb:\n  c:\nd: 1\n",
            "\"q\": 'x'\n'k''s': \"a\\tb\\u00e9\\x41\\\\\\\"\"\n",
            "a: \"x\" # c\nb: 'y'   \n",
            "a: []\nb: {}\nc:\n  - []\n  - {}\n",
            "a: [ ]\nb: { }\nc: [x, 'y', \"z\" , [1, 2], {k: v, \"j\":1}] # c\nd: [a b,c:d]\n",
            "[a, b]\n",
            "- {a: [b]}\n",
            "a: |\n  x\n  y\nb: >\n  x\n  y\n\n  z\n   w\n  v\nc: 1\n",
            "a: |-\n  x\n\n\nb: |+\n  x\n\n\nc: |\n\n  x\n",
            "a: |2\n    x\n   y\nb: >-1\n  x\n",
            "a: |\n  x\n  # not a comment\n# a comment\nb: 1\n",
            "a: |\nb: 1\n",
            "a: >\n x\n\n y\n",
            "l:\n- |\n  x\n- >-\n  y\n",
            "---\na: 1\n---\nb: 2\n...\n",
            "---\n",
            "--- # c\n- x\n...\n---\na: 1\n",
            "a: 1\n---\n---\n",
            "k: v\n\n\n   \n# c\n  # c\nk2: v2\n",
            "a: b\n  # deeper comment\nc: d\n",
            "é: ü\nkey with spaces: value with:colon\nurl: http://x:80/y\n",
            "a: -1\nb: --x\nc: ?x\nd: :x\n",
            "  a: 1\n  b: 2\n",
            "x\n",
            "\"x\"\n",
            "a: b\n  c\n\n  d\n\n\n   e  f\ng: h\n",
            "- a\n  b\n- c\n  # c\n",
            "a:\n  x\n  y # c\nb: 1\n",
            "x\ny\n---\nz\n",
            "a: \"x\n  y  \n\n z\"\nb: 'p\n\n\n q'\n",
            "a:\n  x\nb: 1\n",
            "a:\n  |\n    t\nb: 1\n",
            "a: 1 # c\n# c\n",
            "- a:\n ",
            "- a:\n  - b\n ",
            "k:\n  l:\n  - x\n   ",
        ];
        for c in cases {
            assert!(
                assert_same(c),
                "left to libyaml: {c:?} {:?}",
                super::gave_up_at(c)
            );
        }
    }

    /// Documents outside the subset or invalid: left to libyaml, never read wrongly.
    #[test]
    fn other_documents_are_left_to_libyaml() {
        let cases = [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "%YAML 1.1\n---\na: 1\n",
            "a: [1,\n  2]\n",
            "a: {b: c, d}\n",
            "a: [b: c]\n",
            "a: [b, ]\n",
            "a: {b: }\n",
            "a: [b:, c]\n",
            "a: b\n  c: d\n",
            "? a\n: b\n",
            "a:\tb\n",
            "a: 1\r\n",
            "\u{feff}a: 1\n",
            "a: b: c\n",
            "a: - b\n",
            "e: -\n",
            "a: 1\n- b\n",
            "- a\nb: 1\n",
            "a:\n  b: 1\n c: 2\n",
            "a: 1\n  b: 2\n",
            "a\nb: 1\n",
            "a: |0\n x\n",
            "a: |x\n",
            "a: \"\\q\"\n",
            "a: \"x\" y\n",
            "a: \"x\"#c\n",
            "...\n",
            "a: 1\n...\nb: 2\n",
            "- - a\n",
            "a: |\n  x",
            "a: |\n  x\n   ",
            "a: \u{85}\n",
            "a: x\u{2028}y\n",
            "\u{f104}: x\n",
        ];
        for c in cases {
            assert!(!assert_same(c), "read here: {c:?}");
        }
    }

    /// Random documents from fragments around the subset's edges: whatever this reader
    /// answers equals libyaml, and it answers for most of them.
    #[test]
    fn random_documents_equal_libyaml() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let frags: &[&str] = &[
            "k: v\n",
            "k: v # c\n",
            "k:\n",
            "k: \n",
            "k:   \n",
            "k: ''\n",
            "k: \"a\\nb\"\n",
            "k: 'it''s'\n",
            "k: \"a  \"\n",
            "k: ' a\tb '\n",
            "k: \"\u{e9} \u{fc}\"\n",
            "k: \"\"\n",
            "k: \"x\n  y\"\n",
            "k: 'x\n\n  y'\n",
            "\"q k\": 1\n",
            "k: |\n  a\n\n  b\n",
            "k: |-\n  a\n    b\n\n",
            "k: |+\n  a\n\n",
            "k: >\n  a\n  b\n\n  c\n",
            "k: >-\n  a\n   b\n  c\n",
            "k: |\n\n  a\n",
            "k: |\n    \n  a\n",
            "k: |\n  a\n  # c\n",
            "k: |2\n   a\n",
            "k: |\n",
            "k: []\n",
            "k: {}\n",
            "k:\n- a\n- b\n",
            "k:\n  - a\n  -\n  - c: d\n    e: f\n",
            "k:\n- a: 1\n  b:\n  - x\n",
            "k:\n  n:\n    m: 1\n",
            "k:\n  n: |\n    t\n  o: 1\n",
            "# comment\n",
            "\n",
            "   \n",
            "  # indented comment\n",
            "k: a b  c\n",
            "k: a:b\n",
            "k: -x\n",
            "k: x\n  y\n",
            "k: x\n  # c\n",
            "k: é\n",
            "k: [1]\n",
            "k: &a 1\n",
            "k: |\n   a\n  b: 1\n",
            "k: \"x\\/y\"\n",
            "k: a: b\n",
            "k:\n  -\n  x: 1\n",
            "- a\n",
            "  k: v\n",
            "k: v\n---\n",
            "...\n",
            "k: |\n\ta\n",
            "k: |\n  \ta\n",
        ];
        let (mut fast, mut total) = (0, 0);
        for round in 0..4000 {
            let mut doc = String::new();
            for i in 0..(1 + next(7)) {
                let f = frags[next(frags.len())];
                // Indent some fragments under a parent key, rename keys apart.
                let f = f.replace("k", &format!("k{i}"));
                if next(4) == 0 {
                    doc.push_str(&format!("p{i}:\n"));
                    for l in f.lines() {
                        doc.push_str(&format!("  {l}\n"));
                    }
                } else {
                    doc.push_str(&f);
                }
            }
            if next(5) == 0 {
                doc.pop();
            }
            total += 1;
            match check(&doc) {
                Ok(true) => fast += 1,
                Ok(false) => {}
                Err(e) => panic!("round {round}: {e}\non {doc:?}"),
            }
            if let Err(e) = crate::yaml::decode::check_direct(&doc) {
                panic!("round {round}: {e}\non {doc:?}");
            }
        }
        assert!(fast * 4 > total, "{fast} of {total} read here");
    }

    /// Every document of the corpus goldens, the values files and the charts' own
    /// values.yaml and CRD files: equal to libyaml where read here, and most are.
    #[test]
    fn corpus_documents_equal_libyaml() {
        let texts = crate::yaml::corpus_yaml_texts(true);
        let (mut fast, mut bytes, mut fast_bytes) = (0, 0, 0);
        for (name, text) in &texts {
            bytes += text.len();
            match check(text) {
                Ok(true) => {
                    fast += 1;
                    fast_bytes += text.len();
                }
                Ok(false) => {
                    if std::env::var_os("KILN_FAST_WHY").is_some() {
                        println!("{name}: {:?}", super::gave_up_at(text));
                    }
                }
                Err(e) => panic!("{name}: {e}"),
            }
            if let Err(e) = crate::yaml::decode::check_direct(text) {
                panic!("{name}: {e}");
            }
        }
        println!(
            "fast reader: {fast} of {} documents, {fast_bytes} of {bytes} bytes",
            texts.len()
        );
        assert!(
            fast * 10 > texts.len() * 8,
            "{fast} of {} read here",
            texts.len()
        );
    }
}

/// Developer check of one file the way the fuzz target reads it:
/// `KILN_YAML_FILE=path cargo test --release --lib yaml::fast::dev_check -- --ignored --nocapture`
#[cfg(test)]
#[test]
#[ignore]
fn dev_check() {
    let Ok(path) = std::env::var("KILN_YAML_FILE") else {
        return;
    };
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let nested: String = text.lines().map(|l| format!("  {l}\n")).collect();
    for doc in [text.clone(), format!("top:\n{nested}"), format!("- {text}")] {
        println!("{doc:?}: {:?}", check_against_libyaml(&doc));
    }
}

/// Developer check: which documents of a rendered stream the reader leaves to libyaml.
/// `KILN_YAML_STREAM=out.yaml cargo test --release --lib yaml::fast::dev_stream -- --ignored --nocapture`
#[cfg(test)]
#[test]
#[ignore]
fn dev_stream() {
    let Ok(path) = std::env::var("KILN_YAML_STREAM") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for doc in crate::helm::manifest::split_manifests(&text) {
        if let Some(why) = gave_up_at(&doc) {
            println!("{} bytes: {:?}", doc.len(), why);
        }
    }
}
