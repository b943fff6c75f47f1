//! The lexer: Go's `text/template/parse/lex.go` state machine, producing items on demand.
//!
//! Items carry their byte offset and the line they start on, exactly as Go computes
//! them, since both end up in error messages (`template: x:3: …`, `x:3:14`).

use std::borrow::Cow;
use std::fmt;

/// The kind of a lexed item. The order matters: everything after `Keyword` is a keyword
/// (Go prints those as `<word>` in error messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemType {
    Error,
    Bool,
    Char,
    CharConstant,
    Comment,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    Keyword,
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

fn keyword(word: &str) -> Option<ItemType> {
    Some(match word {
        "." => ItemType::Dot,
        "block" => ItemType::Block,
        "break" => ItemType::Break,
        "continue" => ItemType::Continue,
        "define" => ItemType::Define,
        "else" => ItemType::Else,
        "end" => ItemType::End,
        "if" => ItemType::If,
        "range" => ItemType::Range,
        "nil" => ItemType::Nil,
        "template" => ItemType::Template,
        "with" => ItemType::With,
        _ => return None,
    })
}

/// A token or text string returned from the scanner. The text is a slice of the input
/// (only an error item owns its message), so the parser's look-ahead copies tokens
/// without allocating or counting references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    pub typ: ItemType,
    /// Byte offset of the item's start in the input.
    pub pos: usize,
    pub val: Cow<'a, str>,
    /// The line number at the start of the item.
    pub line: usize,
}

impl Item<'_> {
    fn eof() -> Item<'static> {
        Item {
            typ: ItemType::Eof,
            pos: 0,
            val: Cow::Borrowed("EOF"),
            line: 0,
        }
    }
}

impl fmt::Display for Item<'_> {
    /// Go's `item.String()`, as used in `unexpected X in Y`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.typ {
            ItemType::Eof => f.write_str("EOF"),
            ItemType::Error => f.write_str(&self.val),
            t if t > ItemType::Keyword => write!(f, "<{}>", self.val),
            // Go tests the length in bytes, then `%.10q` keeps 10 runes.
            _ if self.val.len() > 10 => {
                let short: String = self.val.chars().take(10).collect();
                write!(f, "{}...", go_quote(&short))
            }
            _ => f.write_str(&go_quote(&self.val)),
        }
    }
}

/// Options that control the lexer (Go's `lexOptions`).
#[derive(Debug, Clone, Copy, Default)]
pub struct LexOptions {
    pub emit_comment: bool,
    pub break_ok: bool,
    pub continue_ok: bool,
}

const LEFT_DELIM: &str = "{{";
const RIGHT_DELIM: &str = "}}";
const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const SPACE_CHARS: &[char] = &[' ', '\t', '\r', '\n'];
const TRIM_MARKER: u8 = b'-';
const TRIM_MARKER_LEN: usize = 2;

#[derive(Debug, Clone, Copy)]
enum State {
    Text,
    LeftDelim,
    Comment,
    RightDelim,
    InsideAction,
    Space,
    Identifier,
    Field,
    Variable,
    Char,
    Number,
    Quote,
    RawQuote,
}

/// The scanner. Call [`Lexer::next_item`] repeatedly; after an error item or EOF it keeps
/// returning EOF.
pub struct Lexer<'a> {
    input: &'a str,
    left_delim: &'a str,
    right_delim: &'a str,
    pos: usize,
    start: usize,
    at_eof: bool,
    paren_depth: i32,
    line: usize,
    start_line: usize,
    item: Item<'a>,
    inside_action: bool,
    pub options: LexOptions,
}

impl<'a> Lexer<'a> {
    pub fn new(input: &'a str) -> Self {
        Lexer {
            input,
            left_delim: LEFT_DELIM,
            right_delim: RIGHT_DELIM,
            pos: 0,
            start: 0,
            at_eof: false,
            paren_depth: 0,
            line: 1,
            start_line: 1,
            item: Item::eof(),
            inside_action: false,
            options: LexOptions::default(),
        }
    }

    fn rest(&self) -> &'a str {
        self.input.get(self.pos..).unwrap_or("")
    }

    #[inline]
    fn next(&mut self) -> Option<char> {
        // ASCII without decoding (and without the char boundary check of slicing).
        if let Some(&c) = self.input.as_bytes().get(self.pos)
            && c < 0x80
        {
            self.pos += 1;
            if c == b'\n' {
                self.line += 1;
            }
            return Some(c as char);
        }
        match self.rest().chars().next() {
            None => {
                self.at_eof = true;
                None
            }
            Some(r) => {
                self.pos += r.len_utf8();
                if r == '\n' {
                    self.line += 1;
                }
                Some(r)
            }
        }
    }

    fn peek(&mut self) -> Option<char> {
        let r = self.next();
        self.backup();
        r
    }

    #[inline]
    fn backup(&mut self) {
        if self.at_eof || self.pos == 0 {
            return;
        }
        if let Some(&c) = self.input.as_bytes().get(self.pos - 1)
            && c < 0x80
        {
            self.pos -= 1;
            if c == b'\n' {
                self.line -= 1;
            }
            return;
        }
        if let Some(r) = self
            .input
            .get(..self.pos)
            .and_then(|s| s.chars().next_back())
        {
            self.pos -= r.len_utf8();
            if r == '\n' {
                self.line -= 1;
            }
        }
    }

    /// Go's `for isAlphaNumeric(l.next()) {}; l.backup()`: the character after the run
    /// (`None` at the end). ASCII letters, digits and `_` are skipped as bytes.
    fn skip_alpha_numeric(&mut self) -> Option<char> {
        let b = self.input.as_bytes();
        while let Some(&c) = b.get(self.pos)
            && (c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
        // Ended by an ASCII character (not alphanumeric, or the loop would have taken
        // it): Go's `next` then `backup` leave everything as it was.
        if let Some(&c) = b.get(self.pos)
            && c < 0x80
        {
            return Some(c as char);
        }
        loop {
            let r = self.next();
            if r.is_some_and(is_alpha_numeric) {
                continue;
            }
            self.backup();
            return r;
        }
    }

    fn this_item(&mut self, typ: ItemType) -> Item<'a> {
        let text = self.input.get(self.start..self.pos).unwrap_or("");
        let i = Item {
            typ,
            pos: self.start,
            val: Cow::Borrowed(text),
            line: self.start_line,
        };
        self.start = self.pos;
        self.start_line = self.line;
        i
    }

    fn emit(&mut self, typ: ItemType) -> Option<State> {
        let i = self.this_item(typ);
        self.emit_item(i)
    }

    fn emit_item(&mut self, i: Item<'a>) -> Option<State> {
        self.item = i;
        None
    }

    fn ignore(&mut self) {
        let skipped = self.input.get(self.start..self.pos).unwrap_or("");
        self.line += count_newlines(skipped);
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.next() {
            Some(r) if valid.contains(r) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    fn accept_run(&mut self, valid: &str) {
        while let Some(r) = self.next() {
            if !valid.contains(r) {
                break;
            }
        }
        self.backup();
    }

    fn errorf(&mut self, msg: String) -> Option<State> {
        self.item = Item {
            typ: ItemType::Error,
            pos: self.start,
            val: Cow::Owned(msg),
            line: self.start_line,
        };
        self.start = 0;
        self.pos = 0;
        self.input = "";
        None
    }

    /// The next item from the input.
    pub fn next_item(&mut self) -> Item<'a> {
        self.item = Item {
            typ: ItemType::Eof,
            pos: self.pos,
            val: Cow::Borrowed("EOF"),
            line: self.start_line,
        };
        let mut state = if self.inside_action {
            State::InsideAction
        } else {
            State::Text
        };
        loop {
            let next = match state {
                State::Text => self.lex_text(),
                State::LeftDelim => self.lex_left_delim(),
                State::Comment => self.lex_comment(),
                State::RightDelim => self.lex_right_delim(),
                State::InsideAction => self.lex_inside_action(),
                State::Space => self.lex_space(),
                State::Identifier => self.lex_identifier(),
                State::Field => self.lex_field_or_variable(ItemType::Field),
                State::Variable => self.lex_variable(),
                State::Char => self.lex_char(),
                State::Number => self.lex_number(),
                State::Quote => self.lex_quote(),
                State::RawQuote => self.lex_raw_quote(),
            };
            match next {
                Some(s) => state = s,
                None => return std::mem::replace(&mut self.item, Item::eof()),
            }
        }
    }

    fn lex_text(&mut self) -> Option<State> {
        if let Some(x) = find_delim(self.rest().as_bytes(), self.left_delim.as_bytes()) {
            if x > 0 {
                self.pos += x;
                let delim_end = self.pos + self.left_delim.len();
                let mut trim_length = 0;
                if has_left_trim_marker(self.input.get(delim_end..).unwrap_or("")) {
                    trim_length =
                        right_trim_length(self.input.get(self.start..self.pos).unwrap_or(""));
                }
                self.pos -= trim_length;
                self.line += count_newlines(self.input.get(self.start..self.pos).unwrap_or(""));
                let i = self.this_item(ItemType::Text);
                self.pos += trim_length;
                self.ignore();
                if !i.val.is_empty() {
                    return self.emit_item(i);
                }
            }
            return Some(State::LeftDelim);
        }
        self.pos = self.input.len();
        if self.pos > self.start {
            self.line += count_newlines(self.input.get(self.start..self.pos).unwrap_or(""));
            return self.emit(ItemType::Text);
        }
        self.emit(ItemType::Eof)
    }

    #[inline]
    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.input.as_bytes().get(self.pos..).unwrap_or(&[]);
        let delim = self.right_delim.as_bytes();
        // Most calls are at a byte that starts neither a trim marker (a space) nor the
        // delimiter: answered from that byte alone.
        match rest.first() {
            None => return (false, false),
            Some(&c) if !matches!(c, b' ' | b'\t' | b'\r' | b'\n') && Some(&c) != delim.first() => {
                return (false, false);
            }
            _ => {}
        }
        if self.trim_then_right_delim(rest) {
            return (true, true);
        }
        if starts_with(rest, delim) {
            return (true, false);
        }
        (false, false)
    }

    /// Whether `b` starts with a right trim marker (` -`) followed by the right delimiter.
    #[inline]
    fn trim_then_right_delim(&self, b: &[u8]) -> bool {
        has_right_trim_marker(b)
            && b.get(TRIM_MARKER_LEN..)
                .is_some_and(|s| starts_with(s, self.right_delim.as_bytes()))
    }

    fn lex_left_delim(&mut self) -> Option<State> {
        self.pos += self.left_delim.len();
        let trim_space = has_left_trim_marker(self.rest());
        let after_marker = if trim_space { TRIM_MARKER_LEN } else { 0 };
        if self
            .rest()
            .get(after_marker..)
            .is_some_and(|s| s.starts_with(LEFT_COMMENT))
        {
            self.pos += after_marker;
            self.ignore();
            return Some(State::Comment);
        }
        let i = self.this_item(ItemType::LeftDelim);
        self.inside_action = true;
        self.pos += after_marker;
        self.ignore();
        self.paren_depth = 0;
        self.emit_item(i)
    }

    fn lex_comment(&mut self) -> Option<State> {
        self.pos += LEFT_COMMENT.len();
        let Some(x) = self.rest().find(RIGHT_COMMENT) else {
            return self.errorf("unclosed comment".into());
        };
        self.pos += x + RIGHT_COMMENT.len();
        let (delim, trim_space) = self.at_right_delim();
        if !delim {
            return self.errorf("comment ends before closing delimiter".into());
        }
        // Go 1.23 does not count the newlines inside a comment (later Go versions do);
        // Helm 3.17.3 reports lines after a multi-line comment accordingly.
        let i = self.this_item(ItemType::Comment);
        if trim_space {
            self.pos += TRIM_MARKER_LEN;
        }
        self.pos += self.right_delim.len();
        if trim_space {
            self.pos += left_trim_length(self.rest());
        }
        self.ignore();
        if self.options.emit_comment {
            return self.emit_item(i);
        }
        Some(State::Text)
    }

    fn lex_right_delim(&mut self) -> Option<State> {
        let (_, trim_space) = self.at_right_delim();
        if trim_space {
            self.pos += TRIM_MARKER_LEN;
            self.ignore();
        }
        self.pos += self.right_delim.len();
        let i = self.this_item(ItemType::RightDelim);
        if trim_space {
            self.pos += left_trim_length(self.rest());
            self.ignore();
        }
        self.inside_action = false;
        self.emit_item(i)
    }

    fn lex_inside_action(&mut self) -> Option<State> {
        let (delim, _) = self.at_right_delim();
        if delim {
            if self.paren_depth == 0 {
                return Some(State::RightDelim);
            }
            return self.errorf("unclosed left paren".into());
        }
        let Some(r) = self.next() else {
            return self.errorf("unclosed action".into());
        };
        match r {
            _ if is_space(r) => {
                self.backup();
                Some(State::Space)
            }
            '=' => self.emit(ItemType::Assign),
            ':' => {
                if self.next() != Some('=') {
                    return self.errorf("expected :=".into());
                }
                self.emit(ItemType::Declare)
            }
            '|' => self.emit(ItemType::Pipe),
            '"' => Some(State::Quote),
            '`' => Some(State::RawQuote),
            '$' => Some(State::Variable),
            '\'' => Some(State::Char),
            '.' if !self
                .rest()
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_digit())
                && self.pos < self.input.len() =>
            {
                Some(State::Field)
            }
            '.' | '+' | '-' | '0'..='9' => {
                self.backup();
                Some(State::Number)
            }
            _ if is_alpha_numeric(r) => {
                self.backup();
                Some(State::Identifier)
            }
            '(' => {
                self.paren_depth += 1;
                self.emit(ItemType::LeftParen)
            }
            ')' => {
                self.paren_depth -= 1;
                if self.paren_depth < 0 {
                    return self.errorf("unexpected right paren".into());
                }
                self.emit(ItemType::RightParen)
            }
            _ if r.is_ascii() && !r.is_ascii_control() => self.emit(ItemType::Char),
            _ => self.errorf(format!(
                "unrecognized character in action: {}",
                go_unicode(r)
            )),
        }
    }

    fn lex_space(&mut self) -> Option<State> {
        // Go peeks and takes one space at a time; spaces are ASCII, so bytes do.
        let b = self.input.as_bytes();
        let mut num_spaces = 0;
        while let Some(&c) = b.get(self.pos)
            && matches!(c, b' ' | b'\t' | b'\r' | b'\n')
        {
            if c == b'\n' {
                self.line += 1;
            }
            self.pos += 1;
            num_spaces += 1;
        }
        if self.pos >= b.len() {
            // Peeking at the end marks it, as Go's `next` does.
            self.at_eof = true;
        }
        let from = self
            .input
            .as_bytes()
            .get(self.pos.saturating_sub(1)..)
            .unwrap_or(&[]);
        if self.trim_then_right_delim(from) {
            self.backup();
            if num_spaces == 1 {
                return Some(State::RightDelim);
            }
        }
        self.emit(ItemType::Space)
    }

    fn lex_identifier(&mut self) -> Option<State> {
        let r = self.skip_alpha_numeric();
        let word = self.input.get(self.start..self.pos).unwrap_or("");
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", go_unicode_opt(r)));
        }
        match keyword(word) {
            Some(item) => {
                if (item == ItemType::Break && !self.options.break_ok)
                    || (item == ItemType::Continue && !self.options.continue_ok)
                {
                    self.emit(ItemType::Identifier)
                } else {
                    self.emit(item)
                }
            }
            None if word.starts_with('.') => self.emit(ItemType::Field),
            None if word == "true" || word == "false" => self.emit(ItemType::Bool),
            None => self.emit(ItemType::Identifier),
        }
    }

    fn lex_variable(&mut self) -> Option<State> {
        if self.at_terminator() {
            return self.emit(ItemType::Variable);
        }
        self.lex_field_or_variable(ItemType::Variable)
    }

    fn lex_field_or_variable(&mut self, typ: ItemType) -> Option<State> {
        if self.at_terminator() {
            if typ == ItemType::Variable {
                return self.emit(ItemType::Variable);
            }
            return self.emit(ItemType::Dot);
        }
        let r = self.skip_alpha_numeric();
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", go_unicode_opt(r)));
        }
        self.emit(typ)
    }

    #[inline]
    fn at_terminator(&mut self) -> bool {
        // An ASCII character is peeked as a byte (Go's `peek` moves past it and back:
        // nothing changes); the end and other characters take `peek`, which also marks
        // the end as reached.
        let r = match self.input.as_bytes().get(self.pos) {
            Some(&c) if c < 0x80 => c as char,
            _ => match self.peek() {
                Some(r) => r,
                None => return true,
            },
        };
        if is_space(r) {
            return true;
        }
        if matches!(r, '.' | ',' | '|' | ':' | ')' | '(') {
            return true;
        }
        starts_with(self.rest().as_bytes(), self.right_delim.as_bytes())
    }

    fn lex_char(&mut self) -> Option<State> {
        loop {
            match self.next() {
                Some('\\') => {
                    if !matches!(self.next(), None | Some('\n')) {
                        continue;
                    }
                    return self.errorf("unterminated character constant".into());
                }
                None | Some('\n') => return self.errorf("unterminated character constant".into()),
                Some('\'') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::CharConstant)
    }

    fn lex_number(&mut self) -> Option<State> {
        if !self.scan_number() {
            let text = self
                .input
                .get(self.start..self.pos)
                .unwrap_or("")
                .to_string();
            return self.errorf(format!("bad number syntax: {}", go_quote(&text)));
        }
        if matches!(self.peek(), Some('+' | '-')) {
            if !self.scan_number() || !self.input.get(..self.pos).is_some_and(|s| s.ends_with('i'))
            {
                let text = self
                    .input
                    .get(self.start..self.pos)
                    .unwrap_or("")
                    .to_string();
                return self.errorf(format!("bad number syntax: {}", go_quote(&text)));
            }
            return self.emit(ItemType::Complex);
        }
        self.emit(ItemType::Number)
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 10 + 1 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 16 + 6 + 1 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if self.peek().is_some_and(is_alpha_numeric) {
            self.next();
            return false;
        }
        true
    }

    fn lex_quote(&mut self) -> Option<State> {
        loop {
            match self.next() {
                Some('\\') => {
                    if !matches!(self.next(), None | Some('\n')) {
                        continue;
                    }
                    return self.errorf("unterminated quoted string".into());
                }
                None | Some('\n') => return self.errorf("unterminated quoted string".into()),
                Some('"') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::String)
    }

    fn lex_raw_quote(&mut self) -> Option<State> {
        loop {
            match self.next() {
                None => return self.errorf("unterminated raw quoted string".into()),
                Some('`') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::RawString)
    }
}

/// Newlines in `s`.
pub(crate) fn count_newlines(s: &str) -> usize {
    // Eight bytes at a time: a byte of `w ^ 0x0a..` is zero where `w` has a newline, and
    // `!(((t & 0x7f..) + 0x7f..) | t | 0x7f..)` sets the high bit of exactly those bytes.
    const NL: u64 = u64::from_ne_bytes([b'\n'; 8]);
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let b = s.as_bytes();
    let mut chunks = b.chunks_exact(8);
    let mut n = 0usize;
    for c in &mut chunks {
        let t = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) ^ NL;
        n += (!(((t & LOW7).wrapping_add(LOW7)) | t | LOW7)).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|b| **b == b'\n').count()
}

#[cfg(test)]
#[test]
fn count_newlines_counts_every_line_break() {
    let mut seed = 7u64;
    for len in 0..200 {
        let text: String = (0..len)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ['\n', 'a', ' ', '\u{e9}', '\u{8a}', '\u{10a}'][(seed >> 33) as usize % 6]
            })
            .collect();
        let want = text.bytes().filter(|b| *b == b'\n').count();
        assert_eq!(count_newlines(&text), want, "{text:?}");
    }
}

/// Where `delim` first occurs in `hay` (`strings.Index`).
fn find_delim(hay: &[u8], delim: &[u8]) -> Option<usize> {
    let Some(&first) = delim.first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, hay.get(from..)?) {
        let at = from + i;
        if starts_with(&hay[at..], delim) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `s.starts_with(prefix)` without a call to `memcmp` for the usual two-byte delimiters.
fn starts_with(s: &[u8], prefix: &[u8]) -> bool {
    match prefix {
        [a, b] => s.len() >= 2 && s[0] == *a && s[1] == *b,
        _ => s.starts_with(prefix),
    }
}

fn right_trim_length(s: &str) -> usize {
    s.len() - s.trim_end_matches(SPACE_CHARS).len()
}

fn left_trim_length(s: &str) -> usize {
    s.len() - s.trim_start_matches(SPACE_CHARS).len()
}

fn is_space(r: char) -> bool {
    matches!(r, ' ' | '\t' | '\r' | '\n')
}

/// Go's `isAlphaNumeric`: `_`, a Unicode letter or a Unicode decimal digit.
fn is_alpha_numeric(r: char) -> bool {
    r == '_' || r.is_alphabetic() || is_go_digit(r)
}

/// Go's `unicode.IsDigit` (category Nd). Rust has no Nd test; `is_numeric` covers Nd, Nl
/// and No, so exclude the common non-decimal numerics.
fn is_go_digit(r: char) -> bool {
    if r.is_ascii() {
        return r.is_ascii_digit();
    }
    r.is_numeric() && !is_non_decimal_numeric(r)
}

fn is_non_decimal_numeric(r: char) -> bool {
    matches!(r as u32,
        0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE // superscripts, fractions (No)
        | 0x09F4..=0x09F9 | 0x0B72..=0x0B77 | 0x0BF0..=0x0BF2 | 0x0C78..=0x0C7E | 0x0D58..=0x0D5E
        | 0x0D70..=0x0D78 | 0x0F2A..=0x0F33 | 0x1369..=0x137C | 0x16EE..=0x16F0 | 0x17F0..=0x17F9
        | 0x19DA | 0x2070..=0x2079 | 0x2080..=0x2089 | 0x2150..=0x2189 | 0x2460..=0x249B
        | 0x24EA..=0x24FF | 0x2776..=0x2793 | 0x2CFD | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303A
        | 0x3192..=0x3195 | 0x3220..=0x3229 | 0x3248..=0x324F | 0x3251..=0x325F | 0x3280..=0x3289
        | 0x32B1..=0x32BF | 0xA6E6..=0xA6EF | 0xA830..=0xA835 | 0x10107..=0x10133 | 0x10140..=0x10178)
}

fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == TRIM_MARKER && is_space(b[1] as char)
}

fn has_right_trim_marker(b: &[u8]) -> bool {
    b.len() >= 2 && is_space(b[0] as char) && b[1] == TRIM_MARKER
}

/// Go's `unicode.IsPrint`, approximated without Unicode tables: letters, marks, numbers,
/// punctuation, symbols and the ASCII space; not controls, other spaces or format chars.
pub fn is_go_print(r: char) -> bool {
    if r == ' ' {
        return true;
    }
    if r.is_control() || r.is_whitespace() {
        return false;
    }
    let c = r as u32;
    !matches!(c,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xD800..=0xDFFF
        | 0xE000..=0xF8FF | 0xFFFE | 0xFFFF | 0xF0000..=0x10FFFF | 0xE0001 | 0xE0020..=0xE007F)
}

/// Go's `%#U`: `U+0023 '#'` (the quoted char only when printable).
pub fn go_unicode(r: char) -> String {
    if is_go_print(r) {
        format!("U+{:04X} '{}'", r as u32, r)
    } else {
        format!("U+{:04X}", r as u32)
    }
}

fn go_unicode_opt(r: Option<char>) -> String {
    match r {
        Some(r) => go_unicode(r),
        None => "U+FFFFFFFFFFFFFFFF".into(), // Go's %#U of eof (-1)
    }
}

/// Go's `strconv.Quote` (`%q` of a string).
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for r in s.chars() {
        match r {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            _ if is_go_print(r) => out.push(r),
            _ if (r as u32) < 0x20 || r == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", r as u32))
            }
            _ if (r as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", r as u32)),
            _ => out.push_str(&format!("\\U{:08x}", r as u32)),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::ItemType::*;
    use super::*;

    fn collect(input: &str) -> Vec<(ItemType, std::string::String)> {
        let mut l = Lexer::new(input);
        l.options.break_ok = true;
        l.options.continue_ok = true;
        let mut out = Vec::new();
        loop {
            let i = l.next_item();
            let done = matches!(i.typ, Eof | Error);
            out.push((i.typ, i.val.to_string()));
            if done {
                return out;
            }
        }
    }

    fn it(t: ItemType, v: &str) -> (ItemType, std::string::String) {
        (t, v.to_string())
    }

    // Cases follow Go's lex_test.go (the behaviour of Go's lexer).
    #[test]
    fn lexer_tokens() {
        let ld = || it(LeftDelim, "{{");
        let rd = || it(RightDelim, "}}");
        let sp = || it(Space, " ");
        let eof = || it(Eof, "");
        let cases: Vec<(&str, Vec<(ItemType, std::string::String)>)> = vec![
            ("", vec![eof()]),
            (" \t\n", vec![it(Text, " \t\n"), eof()]),
            ("now is the time", vec![it(Text, "now is the time"), eof()]),
            (
                "hello-{{/* this is a comment */}}-world",
                vec![it(Text, "hello-"), it(Text, "-world"), eof()],
            ),
            (
                "{{,@% }}",
                vec![
                    ld(),
                    it(Char, ","),
                    it(Char, "@"),
                    it(Char, "%"),
                    sp(),
                    rd(),
                    eof(),
                ],
            ),
            (
                "{{((3))}}",
                vec![
                    ld(),
                    it(LeftParen, "("),
                    it(LeftParen, "("),
                    it(Number, "3"),
                    it(RightParen, ")"),
                    it(RightParen, ")"),
                    rd(),
                    eof(),
                ],
            ),
            ("{{}}", vec![ld(), rd(), eof()]),
            ("{{for}}", vec![ld(), it(Identifier, "for"), rd(), eof()]),
            ("{{block}}", vec![ld(), it(Block, "block"), rd(), eof()]),
            (
                r#"{{"abc \n\t\" "}}"#,
                vec![ld(), it(String, r#""abc \n\t\" ""#), rd(), eof()],
            ),
            (
                "{{`abc\n\t\" `}}",
                vec![ld(), it(RawString, "`abc\n\t\" `"), rd(), eof()],
            ),
            (
                "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}",
                vec![
                    ld(),
                    it(Number, "1"),
                    sp(),
                    it(Number, "02"),
                    sp(),
                    it(Number, "0x14"),
                    sp(),
                    it(Number, "0X14"),
                    sp(),
                    it(Number, "-7.2i"),
                    sp(),
                    it(Number, "1e3"),
                    sp(),
                    it(Number, "1E3"),
                    sp(),
                    it(Number, "+1.2e-4"),
                    sp(),
                    it(Number, "4.2i"),
                    sp(),
                    it(Complex, "1+2i"),
                    sp(),
                    it(Number, "1_2"),
                    sp(),
                    it(Number, "0x1.e_fp4"),
                    sp(),
                    it(Number, "0X1.E_FP4"),
                    rd(),
                    eof(),
                ],
            ),
            (
                r"{{'a' '\n' '\'' '\\' '\u00FF' '\xFF' '本'}}",
                vec![
                    ld(),
                    it(CharConstant, "'a'"),
                    sp(),
                    it(CharConstant, r"'\n'"),
                    sp(),
                    it(CharConstant, r"'\''"),
                    sp(),
                    it(CharConstant, r"'\\'"),
                    sp(),
                    it(CharConstant, r"'\u00FF'"),
                    sp(),
                    it(CharConstant, r"'\xFF'"),
                    sp(),
                    it(CharConstant, "'本'"),
                    rd(),
                    eof(),
                ],
            ),
            (
                "{{true false}}",
                vec![ld(), it(Bool, "true"), sp(), it(Bool, "false"), rd(), eof()],
            ),
            ("{{.}}", vec![ld(), it(Dot, "."), rd(), eof()]),
            ("{{nil}}", vec![ld(), it(Nil, "nil"), rd(), eof()]),
            (
                "{{.x . .2 .x.y.z}}",
                vec![
                    ld(),
                    it(Field, ".x"),
                    sp(),
                    it(Dot, "."),
                    sp(),
                    it(Number, ".2"),
                    sp(),
                    it(Field, ".x"),
                    it(Field, ".y"),
                    it(Field, ".z"),
                    rd(),
                    eof(),
                ],
            ),
            (
                "{{range if else end with}}",
                vec![
                    ld(),
                    it(Range, "range"),
                    sp(),
                    it(If, "if"),
                    sp(),
                    it(Else, "else"),
                    sp(),
                    it(End, "end"),
                    sp(),
                    it(With, "with"),
                    rd(),
                    eof(),
                ],
            ),
            (
                "{{$c := printf $ $hello $23 $ $var.Field .Method}}",
                vec![
                    ld(),
                    it(Variable, "$c"),
                    sp(),
                    it(Declare, ":="),
                    sp(),
                    it(Identifier, "printf"),
                    sp(),
                    it(Variable, "$"),
                    sp(),
                    it(Variable, "$hello"),
                    sp(),
                    it(Variable, "$23"),
                    sp(),
                    it(Variable, "$"),
                    sp(),
                    it(Variable, "$var"),
                    it(Field, ".Field"),
                    sp(),
                    it(Field, ".Method"),
                    rd(),
                    eof(),
                ],
            ),
            (
                "{{$x = 1}}",
                vec![
                    ld(),
                    it(Variable, "$x"),
                    sp(),
                    it(Assign, "="),
                    sp(),
                    it(Number, "1"),
                    rd(),
                    eof(),
                ],
            ),
            (
                "{{$x, $y := range .}}",
                vec![
                    ld(),
                    it(Variable, "$x"),
                    it(Char, ","),
                    sp(),
                    it(Variable, "$y"),
                    sp(),
                    it(Declare, ":="),
                    sp(),
                    it(Range, "range"),
                    sp(),
                    it(Dot, "."),
                    rd(),
                    eof(),
                ],
            ),
            (
                "intro {{echo hi 1.2 |noargs|args 1 \"hi\"}} outro",
                vec![
                    it(Text, "intro "),
                    ld(),
                    it(Identifier, "echo"),
                    sp(),
                    it(Identifier, "hi"),
                    sp(),
                    it(Number, "1.2"),
                    sp(),
                    it(Pipe, "|"),
                    it(Identifier, "noargs"),
                    it(Pipe, "|"),
                    it(Identifier, "args"),
                    sp(),
                    it(Number, "1"),
                    sp(),
                    it(String, "\"hi\""),
                    rd(),
                    it(Text, " outro"),
                    eof(),
                ],
            ),
            (
                "{{break continue}}",
                vec![
                    ld(),
                    it(Break, "break"),
                    sp(),
                    it(Continue, "continue"),
                    rd(),
                    eof(),
                ],
            ),
            // trim markers
            (
                "hello- {{- 3 -}} -world",
                vec![
                    it(Text, "hello-"),
                    ld(),
                    it(Number, "3"),
                    rd(),
                    it(Text, "-world"),
                    eof(),
                ],
            ),
            (
                "hello-\n\t{{-\t3\t-}}\r\n-world",
                vec![
                    it(Text, "hello-"),
                    ld(),
                    it(Number, "3"),
                    rd(),
                    it(Text, "-world"),
                    eof(),
                ],
            ),
            (
                "hello- {{- /* c */ -}} -world",
                vec![it(Text, "hello-"), it(Text, "-world"), eof()],
            ),
            ("{{-3}}", vec![ld(), it(Number, "-3"), rd(), eof()]),
            (
                "{{3 -}}x",
                vec![ld(), it(Number, "3"), rd(), it(Text, "x"), eof()],
            ),
            (
                "{{ 3  -}}x",
                vec![
                    ld(),
                    sp(),
                    it(Number, "3"),
                    it(Space, " "),
                    rd(),
                    it(Text, "x"),
                    eof(),
                ],
            ),
            (
                "{{.x\n| y}}",
                vec![
                    ld(),
                    it(Field, ".x"),
                    it(Space, "\n"),
                    it(Pipe, "|"),
                    sp(),
                    it(Identifier, "y"),
                    rd(),
                    eof(),
                ],
            ),
            // errors
            (
                "#{{\u{1}}}",
                vec![
                    it(Text, "#"),
                    ld(),
                    it(Error, "unrecognized character in action: U+0001"),
                ],
            ),
            ("{{", vec![ld(), it(Error, "unclosed action")]),
            (
                "{{range",
                vec![ld(), it(Range, "range"), it(Error, "unclosed action")],
            ),
            (
                "{{\"\n\"}}",
                vec![ld(), it(Error, "unterminated quoted string")],
            ),
            (
                "{{`xx}}",
                vec![ld(), it(Error, "unterminated raw quoted string")],
            ),
            (
                "{{'a}}",
                vec![ld(), it(Error, "unterminated character constant")],
            ),
            ("{{3k}}", vec![ld(), it(Error, "bad number syntax: \"3k\"")]),
            (
                "{{(3}}",
                vec![
                    ld(),
                    it(LeftParen, "("),
                    it(Number, "3"),
                    it(Error, "unclosed left paren"),
                ],
            ),
            (
                "{{3)}}",
                vec![ld(), it(Number, "3"), it(Error, "unexpected right paren")],
            ),
            (
                "{{.a#b}}",
                vec![ld(), it(Error, "bad character U+0023 '#'")],
            ),
            ("{{/*\n", vec![it(Error, "unclosed comment")]),
            (
                "{{/* */x}}",
                vec![it(Error, "comment ends before closing delimiter")],
            ),
            (
                "{{x:y}}",
                vec![ld(), it(Identifier, "x"), it(Error, "expected :=")],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(collect(input), want, "input {input:?}");
        }
    }

    #[test]
    fn lexer_positions_and_lines() {
        let mut l = Lexer::new("a\n{{ .x\n| y }}\nb{{- 3 }}");
        let mut got = Vec::new();
        loop {
            let i = l.next_item();
            if i.typ == Eof {
                break;
            }
            got.push((i.val.to_string(), i.pos, i.line));
        }
        let want: Vec<(std::string::String, usize, usize)> = vec![
            ("a\n".into(), 0, 1),
            ("{{".into(), 2, 2),
            (" ".into(), 4, 2),
            (".x".into(), 5, 2),
            ("\n".into(), 7, 2),
            ("|".into(), 8, 3),
            (" ".into(), 9, 3),
            ("y".into(), 10, 3),
            (" ".into(), 11, 3),
            ("}}".into(), 12, 3),
            ("\nb".into(), 14, 3),
            ("{{".into(), 16, 4),
            ("3".into(), 20, 4),
            (" ".into(), 21, 4),
            ("}}".into(), 22, 4),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn break_continue_as_identifiers() {
        let mut l = Lexer::new("{{break}}");
        l.next_item();
        assert_eq!(l.next_item().typ, Identifier);
    }

    #[test]
    fn quoting() {
        assert_eq!(go_quote("a\"b\\c\n\u{1}é"), r#""a\"b\\c\n\x01é""#);
        assert_eq!(go_unicode('#'), "U+0023 '#'");
        assert_eq!(go_unicode('\u{a0}'), "U+00A0");
    }
}
