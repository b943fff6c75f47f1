//! The parse tree of a Go template, shaped like Go's `text/template/parse` nodes.
//!
//! Every node keeps its byte offset (`pos`) into the text of the file it was parsed from,
//! so that errors can name `file:line:col` exactly as Go does (`Tree::error_context`).
//! `Display` reproduces Go's `Node.String()`, which appears in execution errors
//! (`executing "x" at <.Values.a.b>: …`).

use std::sync::Arc;

/// A byte offset into the template text.
pub type Pos = usize;

/// The text of a template file, or a piece of it, shared without copies: the trees of a
/// file and their text nodes all refer to the file's own bytes (for a chart archive, a
/// slice of the decompressed archive). Charts carry big, mostly static templates
/// (cert-manager's CRDs are a 950 KB template), and each copy of their text touched as
/// many fresh pages as it had bytes.
#[derive(Clone)]
pub struct Source(bytes::Bytes);

impl Source {
    /// Whether this is the text of `data`: the same bytes (a file parsed ahead and then
    /// rendered) compare at once, others by content.
    pub fn is_text_of(&self, data: &bytes::Bytes) -> bool {
        (self.0.as_ptr() == data.as_ptr() && self.0.len() == data.len()) || self.0 == *data
    }

    /// The text of `data`: the same bytes when they are UTF-8, else a copy with each
    /// invalid sequence replaced by U+FFFD (as [`crate::chart::lossy`] reads files).
    pub fn from_bytes(data: bytes::Bytes) -> Source {
        match std::str::from_utf8(&data) {
            Ok(_) => Source(data),
            Err(_) => Source(bytes::Bytes::from(
                String::from_utf8_lossy(&data).into_owned(),
            )),
        }
    }

    /// A copy of `text`.
    pub fn copy_of(text: &str) -> Source {
        Source(bytes::Bytes::copy_from_slice(text.as_bytes()))
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: a Source is only made from UTF-8 (checked in `from_bytes`, or a `str`),
        // and `piece` cuts it only at the bounds of a `str` inside it.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }

    /// `part` (a slice of this text) as a Source sharing the same bytes; a copy when it
    /// is not inside this text.
    pub fn piece(&self, part: &str) -> Source {
        let (start, end) = (
            self.0.as_ptr() as usize,
            self.0.as_ptr() as usize + self.0.len(),
        );
        let at = part.as_ptr() as usize;
        if part.is_empty() || at < start || at + part.len() > end {
            return Source::copy_of(part);
        }
        Source(self.0.slice_ref(part.as_bytes()))
    }
}

impl std::ops::Deref for Source {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// One parsed template: a file, or a `define`/`block` body.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The template's name (`mychart/templates/x.yaml`, or the `define` name).
    pub name: String,
    /// The name of the file (top-level template) whose text this tree was parsed from;
    /// Go's `ParseName`, used for error locations.
    pub parse_name: String,
    /// The whole text of that file; node offsets index into it.
    pub text: Source,
    pub root: List,
    /// Bytes of the text nodes at the top of `root`: what an execution prints at the
    /// least when no action prints nothing (its output buffer starts at this size
    /// rather than growing by doubling to it: a CRD template is megabytes of text).
    pub top_text: usize,
}

impl Tree {
    /// Go's `Tree.ErrorContext`: `parse_name:line:col` for a node offset, where col is
    /// the byte offset within the line, counted from zero except on the first line... exactly
    /// as Go counts it.
    pub fn location(&self, pos: Pos) -> String {
        let pos = pos.min(self.text.len());
        let text = &self.text[..pos];
        let col = match text.rfind('\n') {
            None => pos,
            Some(nl) => pos - (nl + 1),
        };
        let line = 1 + super::lex::count_newlines(text);
        format!("{}:{}:{}", self.parse_name, line, col)
    }

    /// Go's `IsEmptyTree`: only whitespace text and comments. An empty `define` never
    /// replaces an earlier one of the same name.
    pub fn is_empty(&self) -> bool {
        fn empty(nodes: &[Node]) -> bool {
            nodes.iter().all(|n| match n {
                // Go's bytes.TrimSpace: Unicode white space, as Rust's `trim`.
                Node::Text { text, .. } => text.trim().is_empty(),
                Node::Comment { .. } => true,
                _ => false,
            })
        }
        empty(&self.root.nodes)
    }
}

/// A sequence of nodes (Go's `ListNode`).
#[derive(Debug, Clone, Default)]
pub struct List {
    pub pos: Pos,
    pub nodes: Vec<Node>,
}

/// A statement-level node.
#[derive(Debug, Clone)]
pub enum Node {
    /// Plain text between actions (a piece of the file's text).
    Text {
        pos: Pos,
        text: Source,
    },
    /// `{{/* … */}}`.
    Comment {
        pos: Pos,
        text: Arc<str>,
    },
    /// `{{ pipeline }}`: prints the result unless the pipeline declares variables.
    Action {
        pos: Pos,
        line: usize,
        pipe: Box<Pipe>,
    },
    /// `{{if}}`, `{{range}}`, `{{with}}`; `else if`/`else with` are nested in `else_list`
    /// as a single If/With node, as Go's parser builds them.
    If(Box<Branch>),
    Range(Box<Branch>),
    With(Box<Branch>),
    /// `{{break}}` / `{{continue}}` inside a range.
    Break {
        pos: Pos,
        line: usize,
    },
    Continue {
        pos: Pos,
        line: usize,
    },
    /// `{{template "name" pipeline}}` (also what `{{block}}` leaves in place).
    Template {
        pos: Pos,
        line: usize,
        name: String,
        pipe: Option<Box<Pipe>>,
    },
}

/// The shared shape of if/range/with.
#[derive(Debug, Clone)]
pub struct Branch {
    pub pos: Pos,
    pub line: usize,
    pub pipe: Pipe,
    pub list: List,
    pub else_list: Option<List>,
}

/// A pipeline, possibly with a variable declaration or assignment:
/// `$x := a | b`, `$i, $v := range …`, `$x = …`.
#[derive(Debug, Clone)]
pub struct Pipe {
    pub pos: Pos,
    pub line: usize,
    /// True for `=` (assignment to existing variables), false for `:=`.
    pub is_assign: bool,
    /// Declared or assigned variables, with their `$`: `["$i", "$v"]`.
    pub decl: Vec<Variable>,
    /// (Most pipelines have one or two commands: kept inline, no allocation.)
    pub cmds: smallvec::SmallVec<[Command; 2]>,
}

/// `$name` in a declaration.
#[derive(Debug, Clone)]
pub struct Variable {
    pub pos: Pos,
    pub name: String,
}

/// One command of a pipeline: a function call, or a single operand.
#[derive(Debug, Clone)]
pub struct Command {
    pub pos: Pos,
    /// (Most commands have one to three arguments: kept inline, no allocation.)
    pub args: smallvec::SmallVec<[Arg; 3]>,
}

/// A name in a template (field, variable, function): shared, as the same names recur
/// throughout a chart's templates (the parser hands out one copy per text).
pub type Ident = Arc<str>;

/// An operand or a function name (Go's argument nodes).
#[derive(Debug, Clone)]
pub enum Arg {
    /// `.` (Go's DotNode).
    Dot { pos: Pos },
    /// `nil`.
    Nil { pos: Pos },
    /// `true` / `false`.
    Bool { pos: Pos, value: bool },
    /// A number constant with Go's interpretations of it.
    Number(Number),
    /// A string constant: `quoted` is the source text with quotes, `text` the value.
    Str {
        pos: Pos,
        quoted: Arc<str>,
        text: Arc<str>,
    },
    /// `.A.B.C`: field chain on dot; `idents` without dots.
    Field { pos: Pos, idents: Vec<Ident> },
    /// `$x` or `$x.A.B`: `idents[0]` is the variable name with `$`.
    Variable { pos: Pos, idents: Vec<Ident> },
    /// `(pipeline).A.B` or other chained field access on a non-field operand.
    Chain {
        pos: Pos,
        node: Box<Arg>,
        fields: Vec<Ident>,
    },
    /// A function name (Go's IdentifierNode).
    Identifier { pos: Pos, name: Ident },
    /// A parenthesized pipeline.
    Pipe(Box<Pipe>),
}

/// A number constant. Go records every interpretation that is exact:
/// `1` is int, uint and float; `1.5` only float; `'a'` a rune (int).
#[derive(Debug, Clone)]
pub struct Number {
    pub pos: Pos,
    /// The source text, e.g. `0x1F`, `1e3`, `'a'`.
    pub text: Arc<str>,
    pub is_int: bool,
    pub is_uint: bool,
    pub is_float: bool,
    pub int: i64,
    pub uint: u64,
    pub float: f64,
}

impl Arg {
    pub fn pos(&self) -> Pos {
        match self {
            Arg::Dot { pos }
            | Arg::Nil { pos }
            | Arg::Bool { pos, .. }
            | Arg::Str { pos, .. }
            | Arg::Field { pos, .. }
            | Arg::Variable { pos, .. }
            | Arg::Chain { pos, .. }
            | Arg::Identifier { pos, .. } => *pos,
            Arg::Number(n) => n.pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

// ---- Go's `String()` methods ----

use std::fmt;

fn go_quote_name(s: &str) -> String {
    super::lex::go_quote(s)
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for n in &self.nodes {
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Text { text, .. } => f.write_str(text),
            Node::Comment { text, .. } => write!(f, "{{{{{text}}}}}"),
            Node::Action { pipe, .. } => write!(f, "{{{{{pipe}}}}}"),
            Node::If(b) => b.write(f, "if"),
            Node::Range(b) => b.write(f, "range"),
            Node::With(b) => b.write(f, "with"),
            Node::Break { .. } => f.write_str("{{break}}"),
            Node::Continue { .. } => f.write_str("{{continue}}"),
            Node::Template { name, pipe, .. } => {
                write!(f, "{{{{template {}", go_quote_name(name))?;
                if let Some(p) = pipe {
                    write!(f, " {p}")?;
                }
                f.write_str("}}")
            }
        }
    }
}

impl Branch {
    fn write(&self, f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
        write!(f, "{{{{{name} {}}}}}{}", self.pipe, self.list)?;
        if let Some(e) = &self.else_list {
            write!(f, "{{{{else}}}}{e}")?;
        }
        f.write_str("{{end}}")
    }
}

impl fmt::Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            for (i, v) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Variable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            match a {
                Arg::Pipe(p) => write!(f, "({p})")?,
                _ => write!(f, "{a}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Dot { .. } => f.write_str("."),
            Arg::Nil { .. } => f.write_str("nil"),
            Arg::Bool { value, .. } => f.write_str(if *value { "true" } else { "false" }),
            Arg::Number(n) => f.write_str(&n.text),
            Arg::Str { quoted, .. } => f.write_str(quoted),
            Arg::Field { idents, .. } => {
                for id in idents {
                    write!(f, ".{id}")?;
                }
                Ok(())
            }
            Arg::Variable { idents, .. } => f.write_str(&idents.join(".")),
            Arg::Chain { node, fields, .. } => {
                match node.as_ref() {
                    Arg::Pipe(p) => write!(f, "({p})")?,
                    other => write!(f, "{other}")?,
                }
                for field in fields {
                    write!(f, ".{field}")?;
                }
                Ok(())
            }
            Arg::Identifier { name, .. } => f.write_str(name),
            Arg::Pipe(p) => write!(f, "{p}"),
        }
    }
}

impl fmt::Display for Tree {
    /// The body, as Go's `Tree.Root.String()`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.root)
    }
}

impl Node {
    /// The node's offset (Go's `Node.Position()`), for `Tree::location`.
    pub fn pos(&self) -> Pos {
        match self {
            Node::Text { pos, .. }
            | Node::Comment { pos, .. }
            | Node::Action { pos, .. }
            | Node::Break { pos, .. }
            | Node::Continue { pos, .. }
            | Node::Template { pos, .. } => *pos,
            Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
        }
    }
}
