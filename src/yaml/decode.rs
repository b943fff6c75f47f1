//! The reading side: libyaml events → go-yaml v2's node tree → go-yaml v2's decoding into
//! `interface{}` (YAML 1.1 resolution, anchors, aliases, merge keys), as the intermediate
//! [`Y`] value that `sigs.k8s.io/yaml` then turns into JSON-able data.

use super::YamlError;
use super::resolve::{Resolved, resolve_number, resolve_plain, without_underscores};
use libyaml_safer::{EventData, Parser, ScalarStyle};

const STR_TAG: &str = "tag:yaml.org,2002:str";
const BOOL_TAG: &str = "tag:yaml.org,2002:bool";
const INT_TAG: &str = "tag:yaml.org,2002:int";
const FLOAT_TAG: &str = "tag:yaml.org,2002:float";
const NULL_TAG: &str = "tag:yaml.org,2002:null";
const TIMESTAMP_TAG: &str = "tag:yaml.org,2002:timestamp";
const BINARY_TAG: &str = "tag:yaml.org,2002:binary";
const MERGE_TAG: &str = "tag:yaml.org,2002:merge";

/// go-yaml refuses more than 10000 levels; kiln stops earlier to keep its recursion
/// within the stack.
const MAX_DEPTH: usize = super::emit::MAX_NESTING;

/// What go-yaml v2 decodes into an `interface{}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Y {
    Nil,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(String),
    /// Raw bytes from `!!binary` (Go keeps them in a string).
    Bin(Vec<u8>),
    Seq(Vec<Y>),
    /// Entries in the order go-yaml sets them; a later equal key replaces an earlier one.
    Map(Vec<(Y, Y)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar,
    Seq,
    Map,
    Alias,
}

#[derive(Debug)]
struct Node {
    kind: Kind,
    tag: String,
    value: String,
    /// `plain_implicit` of the scalar event.
    implicit: bool,
    children: Vec<usize>,
    alias: usize,
    /// Byte offsets where the node starts and ends, 0-based line where it starts.
    start: usize,
    end: usize,
    line: usize,
    /// A flow collection.
    flow: bool,
    /// Has an anchor or a tag.
    decorated: bool,
}

pub(crate) fn yerr(msg: impl Into<String>) -> YamlError {
    YamlError {
        msg: msg.into(),
        line: None,
        col: None,
    }
}

fn parser_error(e: &libyaml_safer::Error, src: &str) -> YamlError {
    let input_len = src.len();
    // go-yaml's parser.fail(): the 0-based problem line (+1 for scanner errors), else
    // the 0-based context line.
    let mut line = 0u64;
    let mut col = None;
    if let Some(pm) = e.problem_mark() {
        col = Some(pm.column as usize + 1);
        let mut pl = pm.line;
        // go-yaml notices a stale simple key only after fetching the next token; at the
        // end of the input that is STREAM-END, which moves to a new line first.
        // (When the key's scalar itself ran onto later lines, the check comes earlier.)
        if e.problem() == "could not find expected ':'"
            && pm.index as usize >= input_len
            && pm.column != 0
            && e.context_mark().is_some_and(|cm| {
                src.split('\n').skip(cm.line as usize + 1).all(|l| {
                    let t = l.trim_matches([' ', '\t', '\r']);
                    t.is_empty() || t.starts_with('#')
                })
            })
        {
            pl += 1;
        }
        if pl != 0 {
            line = pl;
            if e.kind() == libyaml_safer::ErrorKind::Scanner {
                line += 1;
            }
        }
    }
    if line == 0
        && let Some(cm) = e.context_mark()
    {
        line = cm.line;
    }
    let problem = e.problem();
    let problem = if problem.is_empty() {
        "unknown problem parsing YAML content"
    } else {
        problem
    };
    let msg = if line != 0 {
        format!("yaml: line {line}: {problem}")
    } else {
        format!("yaml: {problem}")
    };
    YamlError {
        msg,
        line: if line != 0 { Some(line as usize) } else { None },
        col,
    }
}

/// A libyaml event stream over a string, with one event of lookahead.
struct Events<'a> {
    parser: Parser<&'a [u8]>,
    peeked: Option<libyaml_safer::Event>,
    started: bool,
    /// Set when the input had a newline appended (see [`with_events`]): the original
    /// length, to undo the newline a block scalar at the end took from it.
    appended_at: Option<usize>,
    src: &'a str,
    /// `:` characters were replaced by [`COLON_MARK`] (see [`with_events`]).
    colon_marked: bool,
    /// Byte offset of the last error that a rewrite of the input may cure (see
    /// [`with_events`]).
    retry_at: Option<usize>,
    /// libyaml-safer's problem mark of the last error.
    error_mark: Option<libyaml_safer::Mark>,
    /// Scalar values to put back, by (line, column) of the scalar (see
    /// [`decode_first`]'s skeleton path).
    subst: std::collections::HashMap<(usize, usize), String>,
    /// The whole event stream when [`super::fast`] could read the input.
    fast: Option<std::vec::IntoIter<libyaml_safer::Event>>,
}

impl<'a> Events<'a> {
    fn new(text: &'a str) -> Self {
        let mut ev = Self::new_libyaml(text);
        // The same input libyaml gets (an empty text is read as one line break).
        let input = if text.is_empty() { "\n" } else { text };
        ev.fast = super::fast::events(input).map(Vec::into_iter);
        ev
    }

    /// Events from libyaml-safer only.
    fn new_libyaml(text: &'a str) -> Self {
        let mut parser = Parser::new();
        let bytes: &'a [u8] = if text.is_empty() {
            b"\n"
        } else {
            text.as_bytes()
        };
        parser.set_input(bytes);
        Events {
            fast: None,
            parser,
            peeked: None,
            started: false,
            appended_at: None,
            src: text,
            colon_marked: false,
            retry_at: None,
            error_mark: None,
            subst: std::collections::HashMap::new(),
        }
    }

    fn peek(&mut self) -> Result<&libyaml_safer::Event, YamlError> {
        if self.peeked.is_none() {
            let next = match &mut self.fast {
                Some(events) => Ok(events
                    .next()
                    .unwrap_or_else(libyaml_safer::Event::stream_end)),
                None => self.parser.parse(),
            };
            let mut ev = match next {
                Ok(ev) => ev,
                Err(e) => {
                    self.error_mark = e.problem_mark();
                    if e.problem() == "found unknown escape character"
                        || (e.problem() == "did not find expected whitespace or line break"
                            && e.context() == Some("while scanning a tag"))
                        || (e.problem() == "found unexpected ':'"
                            && e.context() == Some("while scanning a plain scalar"))
                    {
                        self.retry_at = e.problem_mark().map(|m| m.index as usize);
                    }
                    return Err(parser_error(&e, self.src));
                }
            };
            if let EventData::DocumentStart {
                version_directive: Some(v),
                ..
            } = &ev.data
                && (v.major != 1 || v.minor != 1)
            {
                // go-yaml (libyaml 0.1) only knows YAML 1.1.
                let line = ev.start_mark.line as usize;
                return Err(YamlError {
                    msg: if line != 0 {
                        format!("yaml: line {line}: found incompatible YAML document")
                    } else {
                        "yaml: found incompatible YAML document".to_string()
                    },
                    line: (line != 0).then_some(line),
                    col: None,
                });
            }
            if let EventData::Scalar {
                style: ScalarStyle::DoubleQuoted,
                ..
            } = &ev.data
            {
                self.check_escapes(ev.start_mark.index as usize, ev.end_mark.index as usize)?;
            }
            if !self.subst.is_empty()
                && let EventData::Scalar { value, .. } = &mut ev.data
                && let Some(v) = self
                    .subst
                    .remove(&(ev.start_mark.line as usize, ev.start_mark.column as usize))
            {
                *value = v;
            }
            if self.colon_marked
                && let EventData::Scalar { value, .. } = &mut ev.data
                && value.contains(COLON_MARK)
            {
                *value = value.replace(COLON_MARK, ":");
            }
            if let Some(n) = self.appended_at
                && let EventData::Scalar { style, value, .. } = &mut ev.data
                && matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
                && ev.end_mark.index as usize > n
                && value.ends_with('\n')
            {
                value.pop();
            }
            self.peeked = Some(ev);
        }
        match &self.peeked {
            Some(ev) => Ok(ev),
            None => Err(yerr("yaml: unknown problem parsing YAML content")),
        }
    }

    /// go-yaml (libyaml 0.1) knows no `\/` escape, which libyaml-safer accepts.
    fn check_escapes(&self, start: usize, end: usize) -> Result<(), YamlError> {
        let base = if self.src.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let Some(raw) = self.src.as_bytes().get(start + base..end + base) else {
            return Ok(());
        };
        let mut i = 0;
        while i + 1 < raw.len() {
            if raw[i] == b'\\' {
                if raw[i + 1] == b'/' {
                    let at = start + base + i;
                    let before = &self.src.as_bytes()[..at];
                    let line0 = before.iter().filter(|c| **c == b'\n').count();
                    let ctx0 = self.src.as_bytes()[..start + base]
                        .iter()
                        .filter(|c| **c == b'\n')
                        .count();
                    let line = if line0 != 0 { line0 + 1 } else { ctx0 };
                    let msg = if line != 0 {
                        format!("yaml: line {line}: found unknown escape character")
                    } else {
                        "yaml: found unknown escape character".to_string()
                    };
                    return Err(YamlError {
                        msg,
                        line: (line != 0).then_some(line),
                        col: None,
                    });
                }
                i += 2;
            } else {
                i += 1;
            }
        }
        Ok(())
    }

    fn next(&mut self) -> Result<libyaml_safer::Event, YamlError> {
        self.peek()?;
        self.peeked
            .take()
            .ok_or_else(|| yerr("yaml: unknown problem parsing YAML content"))
    }

    fn init(&mut self) -> Result<(), YamlError> {
        if !self.started {
            let ev = self.next()?;
            if !matches!(ev.data, EventData::StreamStart { .. }) {
                return Err(yerr("yaml: expected STREAM-START"));
            }
            self.started = true;
        }
        Ok(())
    }
}

/// One parsed document: its node arena and root.
struct Doc {
    nodes: Vec<Node>,
    root: usize,
}

/// Parse the next document of the stream (go-yaml's `parser.parse()` at top level).
/// `None` at the end of the stream.
fn parse_document(ev: &mut Events) -> Result<Option<Doc>, YamlError> {
    ev.init()?;
    match &ev.peek()?.data {
        EventData::StreamEnd => return Ok(None),
        EventData::DocumentStart { .. } => {}
        _ => return Err(yerr("yaml: expected DOCUMENT-START")),
    }
    ev.next()?;
    let mut nodes: Vec<Node> = Vec::new();
    let mut anchors: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Stack of open collections.
    let mut stack: Vec<usize> = Vec::new();
    let mut root = None;
    loop {
        let event = match ev.next() {
            Ok(event) => event,
            Err(e) => {
                return match empty_flow_line_quirk(ev.src, &nodes, &stack, ev.error_mark) {
                    Some(Ok(())) => match root {
                        Some(root) => Ok(Some(Doc { nodes, root })),
                        None => Err(e),
                    },
                    Some(Err(q)) => Err(q),
                    None => Err(e),
                };
            }
        };
        let line = event.start_mark.line as usize;
        let start = event.start_mark.index as usize;
        let end = event.end_mark.index as usize;
        let new_node = match event.data {
            EventData::Scalar {
                anchor,
                tag,
                value,
                plain_implicit,
                style,
                ..
            } => {
                if style == ScalarStyle::Plain && value.contains('?') {
                    flow_question_mark(ev.src, &nodes, &stack, line)?;
                }
                let id = nodes.len();
                nodes.push(Node {
                    kind: Kind::Scalar,
                    tag: tag.unwrap_or_default(),
                    value,
                    implicit: plain_implicit,
                    children: Vec::new(),
                    alias: 0,
                    start,
                    end,
                    line,
                    flow: false,
                    decorated: false,
                });
                if let Some(a) = anchor {
                    anchors.insert(a, id);
                }
                Some(id)
            }
            EventData::Alias { anchor } => {
                let Some(&target) = anchors.get(&anchor) else {
                    return Err(yerr(format!("yaml: unknown anchor '{anchor}' referenced")));
                };
                let id = nodes.len();
                nodes.push(Node {
                    kind: Kind::Alias,
                    tag: String::new(),
                    value: anchor,
                    implicit: false,
                    children: Vec::new(),
                    alias: target,
                    start,
                    end,
                    line,
                    flow: false,
                    decorated: false,
                });
                Some(id)
            }
            data @ (EventData::SequenceStart { .. } | EventData::MappingStart { .. }) => {
                let is_seq = matches!(data, EventData::SequenceStart { .. });
                let (anchor, tag, flow) = match data {
                    EventData::SequenceStart {
                        anchor, tag, style, ..
                    } => (anchor, tag, style == libyaml_safer::SequenceStyle::Flow),
                    EventData::MappingStart {
                        anchor, tag, style, ..
                    } => (anchor, tag, style == libyaml_safer::MappingStyle::Flow),
                    _ => (None, None, false),
                };
                let decorated = anchor.is_some() || tag.is_some();
                let id = nodes.len();
                nodes.push(Node {
                    kind: if is_seq { Kind::Seq } else { Kind::Map },
                    tag: tag.unwrap_or_default(),
                    value: String::new(),
                    implicit: false,
                    children: Vec::new(),
                    alias: 0,
                    start,
                    end,
                    line,
                    flow,
                    decorated,
                });
                if let Some(a) = anchor {
                    anchors.insert(a, id);
                }
                if let Some(&parent) = stack.last() {
                    nodes[parent].children.push(id);
                } else {
                    root = Some(id);
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(YamlError {
                        msg: format!("yaml: line {}: exceeded max depth of {MAX_DEPTH}", line + 1),
                        line: Some(line + 1),
                        col: None,
                    });
                }
                stack.push(id);
                None
            }
            EventData::SequenceEnd | EventData::MappingEnd => {
                if let Some(id) = stack.pop() {
                    nodes[id].end = end;
                    match empty_flow_key_quirk(ev.src, &nodes, &stack, id) {
                        Some(Ok(())) => return Ok(Some(Doc { nodes, root: id })),
                        Some(Err(e)) => return Err(e),
                        None => {}
                    }
                }
                None
            }
            EventData::DocumentEnd { .. } => break,
            _ => return Err(yerr("yaml: unexpected event in document")),
        };
        if let Some(id) = new_node {
            if let Some(&parent) = stack.last() {
                nodes[parent].children.push(id);
            } else {
                root = Some(id);
            }
        }
    }
    match root {
        Some(root) => Ok(Some(Doc { nodes, root })),
        None => Err(yerr("yaml: empty document")),
    }
}

/// go-yaml hands an empty flow collection that starts a line (`[] - x`) to its parser
/// before scanning the rest of the line, where libyaml-safer keeps scanning (it might be
/// a key) and fails on what follows. The parser's view decides: after the root node the
/// first document simply ends (`Some(Ok)`); in a block mapping or sequence it is a
/// parse error.
fn empty_flow_line_quirk(
    src: &str,
    nodes: &[Node],
    stack: &[usize],
    mark: Option<libyaml_safer::Mark>,
) -> Option<Result<(), YamlError>> {
    let mark = mark?;
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let line_start: usize = body
        .split('\n')
        .take(mark.line as usize)
        .map(|l| l.len() + 1)
        .sum();
    let line_text = body.split('\n').nth(mark.line as usize)?;
    let trimmed = line_text.trim_start_matches(' ');
    let col = line_text.len() - trimmed.len();
    let (open, close) = match trimmed.as_bytes().first() {
        Some(b'{') => ('{', '}'),
        Some(b'[') => ('[', ']'),
        _ => return None,
    };
    let inner = trimmed[1..].trim_start_matches(' ');
    if !inner.starts_with(close) {
        return None;
    }
    let _ = open;
    let e_len = trimmed.len() - inner.len() + 1;
    if (mark.column as usize) < col + e_len {
        return None;
    }
    // The collection must be a token of its own, not text inside an unfinished scalar.
    if nodes.last().is_some_and(|n| n.end > line_start + col) {
        return None;
    }
    if !prefix_ends_cleanly(body.get(..line_start)?, col) {
        return None;
    }
    let Some(&top) = stack.last() else {
        return Some(Ok(()));
    };
    let t = &nodes[top];
    if t.flow {
        return None;
    }
    let problem = if t.kind == Kind::Seq {
        "did not find expected '-' indicator"
    } else {
        "did not find expected key"
    };
    let line = if mark.line != 0 {
        mark.line as usize
    } else {
        t.line
    };
    Some(Err(YamlError {
        msg: if line != 0 {
            format!("yaml: line {line}: {problem}")
        } else {
            format!("yaml: {problem}")
        },
        line: (line != 0).then_some(line),
        col: None,
    }))
}

/// Whether `prefix` parses without error and does not end in a plain scalar that a next
/// line starting at column `col` would continue (then a `{}` there is scalar text, not a
/// token).
fn prefix_ends_cleanly(prefix: &str, col: usize) -> bool {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let owned;
    let text = if prefix.ends_with('\n') || prefix.is_empty() {
        prefix
    } else {
        owned = format!("{prefix}\n");
        &owned
    };
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut p: Parser<&[u8]> = Parser::new();
        p.set_input(text.as_bytes());
        // Columns of the open block collections (a plain scalar continues on lines
        // indented deeper than its collection).
        let mut indents: Vec<i64> = Vec::new();
        let mut last_plain: Option<(usize, i64)> = None;
        loop {
            match p.parse() {
                Ok(ev) => match ev.data {
                    EventData::StreamEnd => break,
                    EventData::Scalar { style, value, .. } => {
                        // An empty plain scalar is an implied null: nothing to continue.
                        last_plain =
                            (style == ScalarStyle::Plain && !value.is_empty()).then(|| {
                                (
                                    ev.end_mark.index as usize,
                                    indents.last().copied().unwrap_or(-1),
                                )
                            });
                    }
                    EventData::SequenceStart { style, .. } => {
                        last_plain = None;
                        let block = style != libyaml_safer::SequenceStyle::Flow;
                        indents.push(if block {
                            ev.start_mark.column as i64
                        } else {
                            i64::MAX
                        });
                    }
                    EventData::MappingStart { style, .. } => {
                        last_plain = None;
                        let block = style != libyaml_safer::MappingStyle::Flow;
                        indents.push(if block {
                            ev.start_mark.column as i64
                        } else {
                            i64::MAX
                        });
                    }
                    EventData::SequenceEnd | EventData::MappingEnd => {
                        indents.pop();
                    }
                    EventData::Alias { .. } => last_plain = None,
                    _ => {}
                },
                Err(_) => return false,
            }
        }
        match last_plain {
            // A comment after the scalar ends it for good.
            Some((end, indent)) => {
                (col as i64) <= indent || text.get(end..).is_some_and(|rest| rest.contains('#'))
            }
            None => true,
        }
    }));
    r.unwrap_or(false)
}

/// Stands in for a `:` that go-yaml keeps inside a flow plain scalar (`[a:]`) but
/// libyaml-safer refuses; mapped back to `:` in scalar values.
const COLON_MARK: char = '\u{E000}';
const COLON_MARK_STR: &str = "\u{E000}";

/// go-yaml's scanner loses track of an empty flow collection (`{}`, `[]`) used as an
/// implicit key in block context (its simple-key index is dropped when the collection
/// closes), so its parser sees the collection before the key indicator. At the start of
/// the document the collection becomes the whole document (`{}: a` reads as `{}`);
/// elsewhere it is a parse error. `Some(Ok)` means: the document is node `id`.
fn empty_flow_key_quirk(
    src: &str,
    nodes: &[Node],
    stack: &[usize],
    id: usize,
) -> Option<Result<(), YamlError>> {
    let n = &nodes[id];
    if !n.flow || n.decorated || !n.children.is_empty() {
        return None;
    }
    let &parent = stack.last()?;
    let p = &nodes[parent];
    if p.kind != Kind::Map || p.flow || p.children.len() % 2 != 1 || p.children.last() != Some(&id)
    {
        return None;
    }
    // An explicit key (`? {}`) is read correctly.
    let base = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let before = src.get(..n.start + base)?;
    if before.trim_end_matches([' ', '\t']).ends_with('?') {
        return None;
    }
    let first = p.children.len() == 1 && p.start == n.start;
    if first && stack.len() == 1 {
        return Some(Ok(()));
    }
    let (problem, ctx_line) = if first && stack.len() >= 2 {
        let gp = &nodes[stack[stack.len() - 2]];
        if gp.kind == Kind::Seq {
            ("did not find expected '-' indicator", gp.line)
        } else {
            ("did not find expected key", p.line)
        }
    } else {
        ("did not find expected key", p.line)
    };
    let line = if n.line != 0 { n.line } else { ctx_line };
    Some(Err(YamlError {
        msg: if line != 0 {
            format!("yaml: line {line}: {problem}")
        } else {
            format!("yaml: {problem}")
        },
        line: (line != 0).then_some(line),
        col: None,
    }))
}

/// go-yaml ends a plain scalar at `?` inside a flow collection and reads the `?` as a key
/// indicator, which its parser then refuses; libyaml-safer keeps the `?` in the scalar.
fn flow_question_mark(
    src: &str,
    nodes: &[Node],
    stack: &[usize],
    line: usize,
) -> Result<(), YamlError> {
    let Some(&top) = stack.last() else {
        return Ok(());
    };
    let c = &nodes[top];
    if !c.flow {
        return Ok(());
    }
    let base = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let explicit_map = c.kind == Kind::Map && src.as_bytes().get(c.start + base) == Some(&b'{');
    let problem = if explicit_map {
        "did not find expected ',' or '}'"
    } else {
        "did not find expected ',' or ']'"
    };
    let line = if line != 0 { line } else { c.line };
    Err(YamlError {
        msg: if line != 0 {
            format!("yaml: line {line}: {problem}")
        } else {
            format!("yaml: {problem}")
        },
        line: (line != 0).then_some(line),
        col: None,
    })
}

struct Decoder<'d> {
    doc: &'d Doc,
    in_alias: Vec<usize>,
    decode_count: usize,
    alias_count: usize,
    alias_depth: usize,
    depth: usize,
}

fn allowed_alias_ratio(decode_count: usize) -> f64 {
    const LOW: usize = 400_000;
    const HIGH: usize = 4_000_000;
    if decode_count <= LOW {
        0.99
    } else if decode_count >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((decode_count - LOW) as f64 / (HIGH - LOW) as f64)
    }
}

fn short_tag(tag: &str) -> String {
    match tag.strip_prefix("tag:yaml.org,2002:") {
        Some(rest) => format!("!!{rest}"),
        None => tag.to_string(),
    }
}

impl<'d> Decoder<'d> {
    fn new(doc: &'d Doc) -> Self {
        Decoder {
            doc,
            in_alias: Vec::new(),
            decode_count: 0,
            alias_count: 0,
            alias_depth: 0,
            depth: 0,
        }
    }

    fn count(&mut self) -> Result<(), YamlError> {
        self.decode_count += 1;
        if self.alias_depth > 0 {
            self.alias_count += 1;
        }
        if self.alias_count > 100
            && self.decode_count > 1000
            && self.alias_count as f64 / self.decode_count as f64
                > allowed_alias_ratio(self.decode_count)
        {
            return Err(yerr("yaml: document contains excessive aliasing"));
        }
        Ok(())
    }

    fn unmarshal(&mut self, id: usize) -> Result<Y, YamlError> {
        self.count()?;
        let n = &self.doc.nodes[id];
        match n.kind {
            Kind::Alias => {
                if self.in_alias.contains(&id) {
                    return Err(yerr(format!(
                        "yaml: anchor '{}' value contains itself",
                        n.value
                    )));
                }
                self.in_alias.push(id);
                self.alias_depth += 1;
                let r = self.unmarshal(n.alias);
                self.alias_depth -= 1;
                self.in_alias.pop();
                r
            }
            Kind::Scalar => self.scalar(n),
            Kind::Seq => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(yerr(format!("yaml: exceeded max depth of {MAX_DEPTH}")));
                }
                let mut out = Vec::with_capacity(n.children.len());
                for &c in &n.children {
                    out.push(self.unmarshal(c)?);
                }
                self.depth -= 1;
                Ok(Y::Seq(out))
            }
            Kind::Map => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(yerr(format!("yaml: exceeded max depth of {MAX_DEPTH}")));
                }
                let mut out = Vec::with_capacity(n.children.len() / 2);
                self.mapping_into(id, &mut out)?;
                self.depth -= 1;
                Ok(Y::Map(out))
            }
        }
    }

    fn mapping_into(&mut self, id: usize, out: &mut Vec<(Y, Y)>) -> Result<(), YamlError> {
        let n = &self.doc.nodes[id];
        let mut i = 0;
        while i + 1 < n.children.len() {
            let k = n.children[i];
            let v = n.children[i + 1];
            i += 2;
            if self.is_merge(k) {
                self.merge(v, out)?;
                continue;
            }
            let key = self.unmarshal(k)?;
            if matches!(key, Y::Map(_) | Y::Seq(_)) {
                return Err(yerr(format!(
                    "yaml: invalid map key: {}",
                    go_sharp_v(&key, true)
                )));
            }
            let val = self.unmarshal(v)?;
            out.push((key, val));
        }
        Ok(())
    }

    fn is_merge(&self, id: usize) -> bool {
        let n = &self.doc.nodes[id];
        n.kind == Kind::Scalar && n.value == "<<" && (n.implicit || n.tag == MERGE_TAG)
    }

    fn merge(&mut self, id: usize, out: &mut Vec<(Y, Y)>) -> Result<(), YamlError> {
        let want_map = || yerr("yaml: map merge requires map or sequence of maps as the value");
        let n = &self.doc.nodes[id];
        match n.kind {
            Kind::Map => self.merge_map(id, out),
            Kind::Alias => {
                if self.doc.nodes[n.alias].kind != Kind::Map {
                    return Err(want_map());
                }
                self.merge_map(id, out)
            }
            Kind::Seq => {
                for &c in n.children.iter().rev() {
                    let cn = &self.doc.nodes[c];
                    let ok = match cn.kind {
                        Kind::Alias => self.doc.nodes[cn.alias].kind == Kind::Map,
                        Kind::Map => true,
                        _ => false,
                    };
                    if !ok {
                        return Err(want_map());
                    }
                    self.merge_map(c, out)?;
                }
                Ok(())
            }
            Kind::Scalar => Err(want_map()),
        }
    }

    /// Decode a mapping node (or an alias of one) into an existing map, as go-yaml's
    /// `d.unmarshal(n, out)` with `out` the map being built.
    fn merge_map(&mut self, id: usize, out: &mut Vec<(Y, Y)>) -> Result<(), YamlError> {
        self.count()?;
        let n = &self.doc.nodes[id];
        match n.kind {
            Kind::Alias => {
                if self.in_alias.contains(&id) {
                    return Err(yerr(format!(
                        "yaml: anchor '{}' value contains itself",
                        n.value
                    )));
                }
                self.in_alias.push(id);
                self.alias_depth += 1;
                let r = self.merge_map(n.alias, out);
                self.alias_depth -= 1;
                self.in_alias.pop();
                r
            }
            Kind::Map => self.mapping_into(id, out),
            _ => Err(yerr(
                "yaml: map merge requires map or sequence of maps as the value",
            )),
        }
    }

    fn scalar(&mut self, n: &Node) -> Result<Y, YamlError> {
        if n.tag.is_empty() && !n.implicit {
            return Ok(Y::Str(n.value.clone()));
        }
        let tag = n.tag.as_str();
        let resolvable = matches!(
            tag,
            "" | STR_TAG | BOOL_TAG | INT_TAG | FLOAT_TAG | NULL_TAG | TIMESTAMP_TAG
        );
        if !resolvable {
            if tag == BINARY_TAG {
                use base64::Engine as _;
                // Go's base64 decoder skips line breaks.
                let clean: Vec<u8> = n
                    .value
                    .bytes()
                    .filter(|c| *c != b'\n' && *c != b'\r')
                    .collect();
                return match base64::engine::general_purpose::STANDARD.decode(&clean) {
                    Ok(data) => Ok(match String::from_utf8(data) {
                        Ok(s) => Y::Str(s),
                        Err(e) => Y::Bin(e.into_bytes()),
                    }),
                    Err(_) => Err(yerr("yaml: !!binary value contains invalid base64 data")),
                };
            }
            return Ok(Y::Str(n.value.clone()));
        }
        if tag == STR_TAG {
            return Ok(Y::Str(n.value.clone()));
        }
        let r = resolve_plain(&n.value);
        let (rtag, y) = match r {
            Resolved::Null => (NULL_TAG, Y::Nil),
            Resolved::Bool(b) => (BOOL_TAG, Y::Bool(b)),
            Resolved::Int(i) => (INT_TAG, Y::Int(i)),
            Resolved::Uint(u) => (INT_TAG, Y::Uint(u)),
            Resolved::Float(f) => (FLOAT_TAG, Y::Float(f)),
            Resolved::Merge => (MERGE_TAG, Y::Str(n.value.clone())),
            Resolved::Timestamp => {
                if tag.is_empty() || tag == TIMESTAMP_TAG {
                    (TIMESTAMP_TAG, Y::Str(n.value.clone()))
                } else {
                    // Tagged scalars only try timestamps with an explicit !!timestamp tag.
                    match resolve_number(&without_underscores(&n.value)) {
                        Some(Resolved::Int(i)) => (INT_TAG, Y::Int(i)),
                        Some(Resolved::Uint(u)) => (INT_TAG, Y::Uint(u)),
                        Some(Resolved::Float(f)) => (FLOAT_TAG, Y::Float(f)),
                        _ => (STR_TAG, Y::Str(n.value.clone())),
                    }
                }
            }
            Resolved::Str => (STR_TAG, Y::Str(n.value.clone())),
        };
        if tag.is_empty() || tag == rtag {
            return Ok(y);
        }
        if tag == FLOAT_TAG && rtag == INT_TAG {
            return Ok(match y {
                Y::Int(i) => Y::Float(i as f64),
                Y::Uint(u) => Y::Float(u as f64),
                other => other,
            });
        }
        Err(yerr(format!(
            "yaml: cannot decode {} `{}` as a {}",
            short_tag(rtag),
            n.value,
            short_tag(tag)
        )))
    }
}

/// Go's `strconv.Quote` of bytes (invalid UTF-8 as `\x..`).
fn go_quote(b: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut rest = b;
    while !rest.is_empty() {
        let (c, len) = match std::str::from_utf8(rest) {
            Ok(s) => (s.chars().next(), s.chars().next().map_or(1, char::len_utf8)),
            Err(e) if e.valid_up_to() > 0 => {
                let s = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("");
                (s.chars().next(), s.chars().next().map_or(1, char::len_utf8))
            }
            Err(_) => (None, 1),
        };
        match c {
            None => out.push_str(&format!("\\x{:02x}", rest[0])),
            Some('"') => out.push_str("\\\""),
            Some('\\') => out.push_str("\\\\"),
            Some('\u{7}') => out.push_str("\\a"),
            Some('\u{8}') => out.push_str("\\b"),
            Some('\u{c}') => out.push_str("\\f"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some('\u{b}') => out.push_str("\\v"),
            Some(c) if c.is_control() || c == '\u{feff}' => {
                let n = c as u32;
                if n < 0x80 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            Some(c) => out.push(c),
        }
        rest = &rest[len..];
    }
    out.push('"');
    out
}

/// Go's `%#v` of what go-yaml decoded into an `interface{}` (`top`: not inside a
/// container, where a nil interface prints `<nil>`).
pub(crate) fn go_sharp_v(y: &Y, top: bool) -> String {
    match y {
        Y::Nil if top => "<nil>".into(),
        Y::Nil => "interface {}(nil)".into(),
        Y::Bool(b) => b.to_string(),
        Y::Int(i) => i.to_string(),
        Y::Uint(u) => format!("0x{u:x}"),
        Y::Float(f) => crate::gotmpl::value::format_float_g(*f),
        Y::Str(s) => go_quote(s.as_bytes()),
        Y::Bin(b) => go_quote(b),
        Y::Seq(items) => {
            let parts: Vec<String> = items.iter().map(|x| go_sharp_v(x, false)).collect();
            format!("[]interface {{}}{{{}}}", parts.join(", "))
        }
        Y::Map(entries) => {
            // A Go map: the last of equal keys wins; fmt prints keys sorted.
            let mut uniq: Vec<(&Y, &Y)> = Vec::new();
            for (k, v) in entries {
                match uniq.iter_mut().find(|(uk, _)| *uk == k) {
                    Some(slot) => slot.1 = v,
                    None => uniq.push((k, v)),
                }
            }
            let rank = |y: &Y| match y {
                Y::Nil => 0,
                Y::Bool(_) => 1,
                Y::Int(_) => 2,
                Y::Uint(_) => 3,
                Y::Float(_) => 4,
                Y::Str(_) | Y::Bin(_) => 5,
                _ => 6,
            };
            uniq.sort_by(|(a, _), (b, _)| {
                rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
                    (Y::Bool(x), Y::Bool(y)) => x.cmp(y),
                    (Y::Int(x), Y::Int(y)) => x.cmp(y),
                    (Y::Uint(x), Y::Uint(y)) => x.cmp(y),
                    (Y::Float(x), Y::Float(y)) => x.total_cmp(y),
                    (Y::Str(x), Y::Str(y)) => x.cmp(y),
                    _ => std::cmp::Ordering::Equal,
                })
            });
            let parts: Vec<String> = uniq
                .iter()
                .map(|(k, v)| format!("{}:{}", go_sharp_v(k, false), go_sharp_v(v, false)))
                .collect();
            format!("map[interface {{}}]interface {{}}{{{}}}", parts.join(", "))
        }
    }
}

/// go-yaml v2 `Unmarshal` into `interface{}`: the first document (`None` when the
/// stream has no document).
pub fn decode_first(text: &str) -> Result<Option<Y>, YamlError> {
    if let Some(y) = decode_first_fast(text) {
        return Ok(y);
    }
    // Long documents the fast reader leaves are mostly the content of block scalars and
    // long quoted strings, which libyaml-safer scans a character at a time. When the
    // skeleton without that content parses cleanly and every emptied scalar is confirmed
    // where it was taken from, the skeleton is decoded with the values put back;
    // otherwise (and for every error, so that messages name the original lines) the
    // whole text is.
    if text.len() >= 8192
        && let Some(y) = decode_first_skeleton(text)
    {
        return Ok(y);
    }
    decode_first_whole(text)
}

/// The first document from [`super::fast`]'s events when it reads all of `text`;
/// `None` otherwise, and on any error (which the whole path then reports with libyaml's
/// wording and lines).
fn decode_first_fast(text: &str) -> Option<Option<Y>> {
    if let Some(y) = fast_attempt(text, None) {
        return Some(y);
    }
    // A block scalar ended by the end of the input: the whole path's first attempt (see
    // [`with_events`]), with the fast reader, which reads the text with the newline.
    if needs_newline(text) {
        return fast_attempt(&with_newline(text), Some(text.len()));
    }
    None
}

/// [`decode_first_fast`] of `text`, which is the input with a newline appended when
/// `appended` says where the input ended.
fn fast_attempt(text: &str, appended: Option<usize>) -> Option<Option<Y>> {
    if text.is_empty() {
        return None;
    }
    if let Some(y) = super::fast::read(text, Direct::new(text, appended))?.finish() {
        return Some(y);
    }
    // The node tree's way, for what the direct one leaves (rare: the events were not
    // kept, so the reader runs again).
    match fast_document_of(text, super::fast::events(text)?, appended)? {
        None => Some(None),
        Some(doc) => decode_doc(&doc).ok().map(Some),
    }
}

/// `text` and a line break, made at its size (`format!` would grow it by doubling: these
/// are often whole dashboards).
fn with_newline(text: &str) -> String {
    let mut t = String::with_capacity(text.len() + 1);
    t.push_str(text);
    t.push('\n');
    t
}

/// Whether libyaml-safer would panic on `text` at a block scalar ended by the end of
/// the input, so that it is read with a newline appended: the last line has content and
/// no line break, and there is a block scalar indicator somewhere.
fn needs_newline(text: &str) -> bool {
    let last_line = text.rsplit('\n').next().unwrap_or("");
    !text.is_empty()
        && !text.ends_with('\n')
        && !last_line
            .trim_matches(|c| c == ' ' || c == '\t' || c == '\r')
            .is_empty()
        && (text.contains('|') || text.contains('>'))
}

/// A collection being built by [`Direct`].
enum Open {
    Seq(Vec<Y>, bool),
    /// Entries so far, the key waiting for its value, flow style.
    Map(Vec<(Y, Y)>, Option<Y>, bool),
}

/// Builds the first document straight from the fast reader's events as they come,
/// without the node arena or a buffer of the events: each scalar's text moves into its
/// value. Only for what needs nothing of the arena: it gives up at an anchor, alias or
/// tag, a merge key, a collection as a key, a `?` in a flow scalar, a `\/` escape, a
/// `%YAML` directive or nesting at the limit, and the caller takes the arena path, which
/// decodes those (or reports them) as go-yaml does.
///
/// With `appended` (the input ended there, and `text` has a newline more), a block
/// scalar that reaches past that end loses the line break it took from the newline, as
/// in [`Events::peek`].
struct Direct<'t> {
    text: &'t str,
    appended: Option<usize>,
    stage: Stage,
    stack: Vec<Open>,
    root: Option<Y>,
}

/// Where [`Direct`] is in the stream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Before STREAM-START.
    Start,
    /// After STREAM-START: a document or the end of the stream comes.
    Head,
    /// Inside the first document.
    Body,
    /// The stream has no document.
    Empty,
    /// The first document is built (what follows it is not looked at).
    Done,
    /// Given up: the arena path decodes the text.
    Failed,
}

impl<'t> Direct<'t> {
    fn new(text: &'t str, appended: Option<usize>) -> Self {
        Direct {
            text,
            appended,
            stage: Stage::Start,
            stack: Vec::new(),
            root: None,
        }
    }

    /// The first document (`Some(None)` for a stream without one), or `None` where the
    /// arena path must decode the text.
    fn finish(self) -> Option<Option<Y>> {
        match self.stage {
            Stage::Empty => Some(None),
            Stage::Done => Some(Some(self.root?)),
            _ => None,
        }
    }

    fn in_flow(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Open::Seq(_, true) | Open::Map(_, _, true))
        )
    }

    /// One event of the first document; `None` to give up.
    fn body(&mut self, ev: libyaml_safer::Event) -> Option<()> {
        let y = match ev.data {
            EventData::Scalar {
                anchor: None,
                tag: None,
                mut value,
                plain_implicit,
                style,
                ..
            } => {
                if let Some(n) = self.appended
                    && matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
                    && ev.end_mark.index as usize > n
                    && value.ends_with('\n')
                {
                    value.pop();
                }
                if style == ScalarStyle::Plain && value.contains('?') && self.in_flow() {
                    return None;
                }
                if style == ScalarStyle::DoubleQuoted
                    && self
                        .text
                        .get(ev.start_mark.index as usize..ev.end_mark.index as usize)
                        .is_none_or(|raw| raw.contains("\\/"))
                {
                    return None;
                }
                if !plain_implicit {
                    Y::Str(value)
                } else if value == "<<" {
                    return None;
                } else {
                    match resolve_plain(&value) {
                        Resolved::Null => Y::Nil,
                        Resolved::Bool(b) => Y::Bool(b),
                        Resolved::Int(i) => Y::Int(i),
                        Resolved::Uint(u) => Y::Uint(u),
                        Resolved::Float(f) => Y::Float(f),
                        Resolved::Merge => return None,
                        Resolved::Timestamp | Resolved::Str => Y::Str(value),
                    }
                }
            }
            data @ (EventData::SequenceStart { .. } | EventData::MappingStart { .. }) => {
                let open = match data {
                    EventData::SequenceStart {
                        anchor: None,
                        tag: None,
                        style,
                        ..
                    } => Open::Seq(Vec::new(), style == libyaml_safer::SequenceStyle::Flow),
                    EventData::MappingStart {
                        anchor: None,
                        tag: None,
                        style,
                        ..
                    } => Open::Map(Vec::new(), None, style == libyaml_safer::MappingStyle::Flow),
                    _ => return None,
                };
                let at_key = matches!(self.stack.last(), Some(Open::Map(_, None, _)));
                if at_key || self.stack.len() >= MAX_DEPTH {
                    return None;
                }
                self.stack.push(open);
                return Some(());
            }
            EventData::SequenceEnd | EventData::MappingEnd => match self.stack.pop()? {
                Open::Seq(items, _) => Y::Seq(items),
                Open::Map(entries, None, _) => Y::Map(entries),
                Open::Map(_, Some(_), _) => return None,
            },
            EventData::DocumentEnd { .. } => {
                if !self.stack.is_empty() {
                    return None;
                }
                self.stage = Stage::Done;
                return Some(());
            }
            _ => return None,
        };
        match self.stack.last_mut() {
            None => self.root = Some(y),
            Some(Open::Seq(items, _)) => items.push(y),
            Some(Open::Map(entries, pending, _)) => match pending.take() {
                Some(k) => entries.push((k, y)),
                None => *pending = Some(y),
            },
        }
        Some(())
    }
}

impl super::fast::Sink for Direct<'_> {
    fn event(&mut self, ev: libyaml_safer::Event) {
        self.stage = match self.stage {
            Stage::Start => match ev.data {
                EventData::StreamStart { .. } => Stage::Head,
                _ => Stage::Failed,
            },
            Stage::Head => match ev.data {
                EventData::StreamEnd => Stage::Empty,
                EventData::DocumentStart {
                    version_directive: None,
                    ..
                } => Stage::Body,
                _ => Stage::Failed,
            },
            Stage::Body => match self.body(ev) {
                Some(()) => return,
                None => {
                    self.stack = Vec::new();
                    Stage::Failed
                }
            },
            done @ (Stage::Empty | Stage::Done | Stage::Failed) => done,
        };
    }
}

/// For tests: where [`Direct`] builds the first document of `text` from the fast
/// reader's events, it equals what the node arena decodes from the same events.
#[cfg(test)]
pub(crate) fn check_direct(text: &str) -> Result<(), String> {
    let Some(direct) = super::fast::read(text, Direct::new(text, None)).and_then(Direct::finish)
    else {
        return Ok(());
    };
    let events = super::fast::events(text).ok_or("the reader read the text only once")?;
    let arena = fast_document_of(text, events, None)
        .ok_or("the arena refuses what the direct way built")?
        .map(|doc| decode_doc(&doc))
        .transpose()
        .map_err(|e| format!("the arena fails where the direct way built: {e:?}"))?;
    if direct == arena {
        Ok(())
    } else {
        Err(format!("direct {direct:?}\n arena {arena:?}"))
    }
}

/// The first document's node tree from the fast reader's `events` for `text`, when the
/// tree builds without an error; `Some(None)` for a stream without one. `appended`: as
/// for [`Direct`].
fn fast_document_of(
    text: &str,
    events: Vec<libyaml_safer::Event>,
    appended: Option<usize>,
) -> Option<Option<Doc>> {
    if text.is_empty() {
        return None;
    }
    let mut ev = Events::new_libyaml(text);
    ev.fast = Some(events.into_iter());
    ev.appended_at = appended;
    parse_document(&mut ev).ok()
}

fn decode_first_skeleton(text: &str) -> Option<Option<Y>> {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let (skel, emptied, values) = super::skeleton::skeleton_with_values(text)?;
    // The fast reader's events, when it reads the skeleton, serve both the check and
    // the decoding.
    let fast = super::fast::events(&skel);
    let found = styled_scalars_in(&skel, fast.as_deref())?;
    if !all_found(&emptied, found) {
        return None;
    }
    let subst = emptied
        .iter()
        .zip(values)
        .map(|(&(line, col, _), v)| ((line, col), v))
        .collect();
    catch_unwind(AssertUnwindSafe(|| {
        let mut ev = Events::new_libyaml(&skel);
        ev.fast = fast.map(Vec::into_iter);
        ev.subst = subst;
        let doc = parse_document(&mut ev).ok()?;
        if !ev.subst.is_empty() {
            return None;
        }
        match doc {
            None => Some(None),
            Some(doc) => decode_doc(&doc).ok().map(Some),
        }
    }))
    .ok()
    .flatten()
}

/// The top-level entries of a document that `keep` (given a key's text) selects,
/// decoded, for reading a document's head without decoding the rest. `None` (decode it
/// whole) when the fast reader does not read the document, it does not parse, its top is
/// not a mapping, a top-level key is a merge key or not a scalar, or a skipped entry holds
/// anything whose decoding or conversion to JSON could fail: a merge, null, huge unsigned
/// or collection key, or a non-finite float. Fast-read documents have no tags, anchors
/// or aliases, so nothing else in a skipped entry can reach the result. `events` are the
/// fast reader's for `text`.
pub(crate) fn decode_first_top_entries(
    text: &str,
    events: Vec<libyaml_safer::Event>,
    keep: &dyn Fn(&str) -> bool,
) -> Option<Y> {
    let doc = fast_document_of(text, events, None)??;
    let top = &doc.nodes[doc.root];
    if top.kind != Kind::Map {
        return None;
    }
    let mut d = Decoder::new(&doc);
    // Inside the top mapping, as the whole decode is when it reaches these entries.
    d.depth = 1;
    let mut out = Vec::new();
    for kv in top.children.chunks_exact(2) {
        let (k, v) = (kv[0], kv[1]);
        if doc.nodes[k].kind != Kind::Scalar || d.is_merge(k) {
            return None;
        }
        if keep(&doc.nodes[k].value) {
            out.push((d.unmarshal(k).ok()?, d.unmarshal(v).ok()?));
        } else if !inert(&doc, k, true) || !inert(&doc, v, false) {
            return None;
        }
    }
    Some(Y::Map(out))
}

/// Whether node `id` of a fast-read document decodes, and converts to JSON, without an
/// error whatever it holds (see [`decode_first_top_entries`]).
fn inert(doc: &Doc, id: usize, is_key: bool) -> bool {
    let n = &doc.nodes[id];
    match n.kind {
        Kind::Alias => false,
        Kind::Scalar if !n.tag.is_empty() => false,
        Kind::Scalar if !n.implicit => true,
        // A merge key (the decoder's `is_merge`): merges, or fails on what it merges.
        Kind::Scalar if is_key && n.value == "<<" => false,
        Kind::Scalar => match resolve_plain(&n.value) {
            Resolved::Float(f) => is_key || f.is_finite(),
            Resolved::Null | Resolved::Uint(_) | Resolved::Merge => !is_key,
            _ => true,
        },
        Kind::Seq => !is_key && n.children.iter().all(|&c| inert(doc, c, false)),
        Kind::Map => {
            !is_key
                && n.children.chunks_exact(2).all(|kv| {
                    doc.nodes[kv[0]].kind == Kind::Scalar
                        && inert(doc, kv[0], true)
                        && inert(doc, kv[1], false)
                })
        }
    }
}

/// [`decode_first`] over the whole text.
pub(crate) fn decode_first_whole(text: &str) -> Result<Option<Y>, YamlError> {
    let doc = with_events(text, parse_document)?;
    let Some(doc) = doc else {
        return Ok(None);
    };
    decode_doc(&doc).map(Some)
}

/// Whether every scalar the skeleton emptied is one the parser found with that style:
/// both lists are in document order, so one pass over `found` decides.
pub(crate) fn all_found(
    emptied: &[super::skeleton::Emptied],
    found: Vec<super::skeleton::Emptied>,
) -> bool {
    let mut found = found.into_iter();
    emptied.iter().all(|e| found.any(|f| f == *e))
}

/// The 0-based line and column where each literal, folded, double- or single-quoted
/// scalar starts, when `text` parses without an error under libyaml as it is (no
/// rewrites); `None` otherwise. From the fast reader's `events` for `text` when it read
/// it, else from libyaml.
pub(crate) fn styled_scalars_in(
    text: &str,
    events: Option<&[libyaml_safer::Event]>,
) -> Option<Vec<super::skeleton::Emptied>> {
    use super::skeleton::Style;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let styled = |ev: &libyaml_safer::Event| {
        let style = match &ev.data {
            EventData::Scalar { style, .. } => match style {
                ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
                ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                ScalarStyle::SingleQuoted => Style::SingleQuoted,
                _ => return None,
            },
            _ => return None,
        };
        Some((
            ev.start_mark.line as usize,
            ev.start_mark.column as usize,
            style,
        ))
    };
    if let Some(events) = events {
        return Some(events.iter().filter_map(styled).collect());
    }
    quiet_parser_panics();
    catch_unwind(AssertUnwindSafe(|| {
        let mut parser = Parser::new();
        parser.set_input(text.as_bytes());
        let mut found = Vec::new();
        loop {
            let ev = parser.parse().ok()?;
            if matches!(ev.data, EventData::StreamEnd) {
                return Some(found);
            }
            found.extend(styled(&ev));
        }
    }))
    .ok()
    .flatten()
}

/// Every document of the stream, as go-yaml's `Decoder.Decode` would give them in turn.
pub fn decode_all(text: &str) -> Result<Vec<Y>, YamlError> {
    let docs = with_events(text, |ev| {
        let mut docs = Vec::new();
        while let Some(doc) = parse_document(ev)? {
            docs.push(doc);
        }
        Ok(docs)
    })?;
    docs.iter().map(decode_doc).collect()
}

/// Run `f` over the event stream of `text`, shielding callers from libyaml-safer's
/// panics. Its scanner panics on a block scalar whose last content line ends the input
/// without a newline (libyaml treats that end as a no-op line break); such input is
/// parsed with a newline appended instead, and the newline taken into the scalar is
/// removed again.
fn with_events<T>(
    text: &str,
    f: impl Fn(&mut Events) -> Result<T, YamlError>,
) -> Result<T, YamlError> {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    quiet_parser_panics();
    type Attempt<T> = (Option<Result<T, YamlError>>, Option<usize>);
    let text_has_mark = text.contains(COLON_MARK);
    let attempt = |text: &str, append: bool, marked: bool| -> Attempt<T> {
        let augmented;
        let mut ev = if append {
            augmented = with_newline(text);
            let mut ev = Events::new(&augmented);
            ev.appended_at = Some(text.len());
            ev
        } else {
            Events::new(text)
        };
        ev.colon_marked = marked;
        let r = catch_unwind(AssertUnwindSafe(|| f(&mut ev))).ok();
        let esc = match &r {
            Some(Err(_)) => ev.retry_at,
            _ => None,
        };
        (r, esc)
    };
    // Where go-yaml (libyaml 0.1) accepts what libyaml-safer (0.2.5) refuses, the input
    // is rewritten to an equivalent libyaml-safer accepts and parsed again:
    // - the `\'` escape in double-quoted scalars becomes `\x27`;
    // - `,`, `[` and `]` inside a tag (URI characters to go-yaml) become `~`, which keeps
    //   the tag's extent and leaves it an unknown tag, as it was.
    let patch = |text: &str, at: Option<usize>| -> Option<String> {
        let at = at?;
        let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let rest = text.get(at + base..)?;
        let (len, with) = if rest.starts_with("\\'") {
            (2, "\\x27")
        } else if rest.starts_with([',', '[', ']']) {
            (1, "~")
        } else if rest.starts_with(':')
            && rest[1..].starts_with([',', '[', ']', '{', '}'])
            && !text_has_mark
        {
            (1, COLON_MARK_STR)
        } else {
            return None;
        };
        let mut t = String::with_capacity(text.len() + 2);
        t.push_str(&text[..at + base]);
        t.push_str(with);
        t.push_str(&text[at + base + len..]);
        Some(t)
    };
    let mut current = text.to_string();
    for _ in 0..1000 {
        let marked = !text_has_mark && current.contains(COLON_MARK);
        if needs_newline(&current) {
            let (r, esc) = attempt(&current, true, marked);
            if let Some(Ok(v)) = r {
                return Ok(v);
            }
            if let Some(t) = patch(&current, esc) {
                current = t;
                continue;
            }
        }
        let (r, esc) = attempt(&current, false, marked);
        if let Some(t) = patch(&current, esc) {
            current = t;
            continue;
        }
        return match r {
            Some(r) => r,
            None => {
                // A block scalar whose last line holds only spaces, deeper than its
                // indentation (content, to go-yaml), at the very end: libyaml-safer panics
                // on it as on any last content line without a newline.
                if !current.is_empty()
                    && !current.ends_with('\n')
                    && current
                        .rsplit('\n')
                        .next()
                        .unwrap_or("")
                        .trim_matches(' ')
                        .is_empty()
                    && (current.contains('|') || current.contains('>'))
                    && let (Some(r), _) = attempt(&current, true, marked)
                {
                    return r;
                }
                // libyaml-safer panics on a tag followed by `,` in a flow collection,
                // where go-yaml takes the `,` into the tag.
                match patch_tag_commas(&current) {
                    Some(t) => {
                        current = t;
                        continue;
                    }
                    None => Err(yerr("yaml: unknown problem parsing YAML content")),
                }
            }
        };
    }
    Err(yerr("yaml: unknown problem parsing YAML content"))
}

/// Rewrite `,` ending a tag (a `!` after a blank or flow indicator, then tag URI
/// characters) into `~`; `None` when there is none.
fn patch_tag_commas(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut changed = false;
    let mut i = 0;
    while i < b.len() {
        let starts = b[i] == b'!'
            && (i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b','));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len()
            && (b[j].is_ascii_alphanumeric() || b"-_;/?:@&=+$.!~*'()%<>".contains(&b[j]))
        {
            j += 1;
        }
        if j < b.len() && b[j] == b',' {
            out[j] = b'~';
            changed = true;
        }
        i = j.max(i + 1);
    }
    if !changed {
        return None;
    }
    String::from_utf8(out).ok()
}

/// Keep libyaml-safer's internal panics (caught by [`with_events`]) off stderr.
fn quiet_parser_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let ours = info.location().is_some_and(|l| {
                l.file().contains("libyaml-safer") || l.file().contains("libyaml_safer")
            });
            if !ours {
                prev(info);
            }
        }));
    });
}

fn decode_doc(doc: &Doc) -> Result<Y, YamlError> {
    Decoder::new(doc).unmarshal(doc.root)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Block scalars ended by the end of the input (every document cut from a rendered
    /// stream whose last value is one): the fast reader takes them, with the newline the
    /// whole path appends, and decodes them as the whole path does.
    #[test]
    fn block_scalars_at_the_end_are_read_fast() {
        let mut n = 0;
        for indicator in ["|", "|-", "|+", ">", ">-", ">+", "|2", "|-2"] {
            for body in [
                "x",
                "x\n  y",
                "{\n    a\n  }",
                "x\n\n  y",
                "x\n   y",
                "x\n  ",
            ] {
                for prefix in ["a: ", "k: v\na: ", "- ", "a:\n  b: "] {
                    let text = format!("{prefix}{indicator}\n  {body}");
                    let whole = decode_first_whole(&text);
                    if whole.is_err() {
                        continue;
                    }
                    let fast = decode_first_fast(&text);
                    if body.ends_with(' ') {
                        // (A last line of spaces has no content: not this case.)
                        if let Some(y) = fast {
                            assert_eq!(Ok(y), whole, "{text:?}");
                        }
                        continue;
                    }
                    assert_eq!(fast.map(Ok), Some(whole), "{text:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 100, "{n} cases");
    }
}
