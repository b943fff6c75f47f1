//! The executor: walks a parsed tree over [`Value`]s with Go's `text/template` semantics
//! (Go 1.23, as in Helm 3.17): `missingkey=zero`, short-circuit `and`/`or`, break and
//! continue, Go's variable scoping, and Go's error texts with the node being evaluated.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

use super::ast::{Arg, Branch, Command, List, Node, Number, Pipe, Tree};
use super::builtins::{self, Builtin};
use super::fmt::quote;
use super::template::{Templates, associate};
use super::value::{FuncError, FuncMap, Host, Value};

/// Go's `maxExecDepth` for nested `{{template}}` calls.
const MAX_EXEC_DEPTH: usize = 100_000;
/// Helm's `recursionMaxNums` for `include`.
const INCLUDE_MAX: usize = 1000;

/// An evaluated value as Go's executor sees it. `iface` marks a value read from an
/// `interface{}` slot (a map value, a list element) that has not been unwrapped yet: Go
/// reports such a value's type as `interface {}`, and a nil one is a *nil interface*
/// (field access on it is an error) rather than an *invalid* value (field access gives
/// nothing).
#[derive(Clone, Debug)]
pub(crate) struct RV {
    pub v: Value,
    pub iface: bool,
}

impl RV {
    pub fn val(v: Value) -> RV {
        RV { v, iface: false }
    }
    fn slot(v: Value) -> RV {
        RV { v, iface: true }
    }
    fn invalid() -> RV {
        RV { v: Value::Nil, iface: false }
    }
    fn is_invalid(&self) -> bool {
        !self.iface && self.v.is_nil()
    }
    /// Go's unwrapping of an `interface{}` result at the end of each pipeline command.
    fn elem(mut self) -> RV {
        self.iface = false;
        self
    }
    fn type_name(&self) -> String {
        if self.iface { "interface {}".to_string() } else { self.v.type_name() }
    }
}

/// A chain of template layers: `tpl` adds a small layer over its caller's namespace
/// instead of cloning it.
#[derive(Clone, Copy)]
pub(crate) struct Ns<'a> {
    layer: &'a HashMap<String, Rc<Tree>>,
    parent: Option<&'a Ns<'a>>,
}

impl<'a> Ns<'a> {
    fn lookup(&self, name: &str) -> Option<&'a Tree> {
        let mut ns: Ns<'a> = *self;
        loop {
            if let Some(t) = ns.layer.get(name) {
                return Some(t);
            }
            match ns.parent {
                Some(p) => ns = *p,
                None => return None,
            }
        }
    }
}

/// What every execution of one render shares; also the [`Host`] that `include` and `tpl`
/// call back into.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    ns: Ns<'a>,
    funcs: &'a FuncMap,
    counts: &'a RefCell<HashMap<String, usize>>,
}

/// Run the named template of the namespace (Go's `ExecuteTemplate`).
pub(crate) fn execute(templates: &Templates, name: &str, data: Value, funcs: &FuncMap) -> Result<String, String> {
    let counts = RefCell::new(HashMap::new());
    let ctx = Ctx { ns: Ns { layer: &templates.map, parent: None }, funcs, counts: &counts };
    match ctx.ns.lookup(name) {
        None => Err(no_template(name)),
        Some(t) => run(ctx, t, data),
    }
}

fn no_template(name: &str) -> String {
    format!("template: no template {} associated with template \"gotpl\"", quote(name))
}

fn run<'a>(ctx: Ctx<'a>, tree: &'a Tree, data: Value) -> Result<String, String> {
    let dot = RV::val(data);
    let mut st = State { ctx, tmpl: tree, node: NodeRef::None, vars: Vec::with_capacity(8), depth: 0, out: String::new() };
    st.vars.push(("$", dot.clone()));
    st.walk_list(&dot, &tree.root)?;
    Ok(st.out)
}

impl Host for Ctx<'_> {
    fn include(&mut self, name: &str, data: Value) -> Result<String, FuncError> {
        {
            let mut counts = self.counts.borrow_mut();
            let n = counts.entry(name.to_string()).or_insert(0);
            if *n > INCLUDE_MAX {
                return Err(FuncError::new(format!(
                    "rendering template has a nested reference name: {name}: unable to execute template"
                )));
            }
            *n += 1;
        }
        let r = match self.ns.lookup(name) {
            None => Err(no_template(name)),
            Some(t) => run(*self, t, data),
        };
        if let Some(n) = self.counts.borrow_mut().get_mut(name) {
            *n = n.saturating_sub(1);
        }
        r.map_err(FuncError::new)
    }

    fn tpl(&mut self, text: &str, data: Value) -> Result<String, FuncError> {
        let funcs = self.funcs;
        let mut trees = super::parse::parse("gotpl", text, &|n: &str| funcs.contains_key(n))
            .map_err(|e| FuncError::new(format!("cannot parse template {}: {}", quote(text), e.msg)))?;
        if trees.is_empty() {
            return Ok(String::new());
        }
        let main = Rc::new(trees.remove(0));
        let ns = self.ns;
        let mut layer: HashMap<String, Rc<Tree>> = HashMap::new();
        if !(main.is_empty() && ns.lookup(&main.name).is_some()) {
            layer.insert(main.name.clone(), main.clone());
        }
        associate(&mut layer, trees, &|n| ns.lookup(n).is_some());
        let ctx = Ctx { ns: Ns { layer: &layer, parent: Some(&ns) }, funcs: self.funcs, counts: self.counts };
        let out = run(ctx, &main, data)
            .map_err(|e| FuncError::new(format!("error during tpl function execution for {}: {}", quote(text), e)))?;
        Ok(out.replace("<no value>", ""))
    }
}

/// The node being evaluated, for error messages (Go's `state.node`).
#[derive(Clone, Copy)]
enum NodeRef<'a> {
    None,
    Node(&'a Node),
    Pipe(&'a Pipe),
    Cmd(&'a Command),
    Arg(&'a Arg),
}

enum Flow {
    Normal,
    Break,
    Continue,
}

type R<T> = Result<T, String>;

struct State<'a> {
    ctx: Ctx<'a>,
    tmpl: &'a Tree,
    node: NodeRef<'a>,
    vars: Vec<(&'a str, RV)>,
    depth: usize,
    out: String,
}

impl<'a> State<'a> {
    // ----- errors -----

    fn errorf(&self, msg: impl std::fmt::Display) -> String {
        let (pos, ctx) = match self.node {
            NodeRef::None => return format!("template: {}: {}", self.tmpl.name, msg),
            NodeRef::Node(n) => (node_pos(n), node_string(n)),
            NodeRef::Pipe(p) => (p.pos, pipe_string(p)),
            NodeRef::Cmd(c) => (c.pos, {
                let mut s = String::new();
                write_command(&mut s, c);
                s
            }),
            NodeRef::Arg(a) => (a.pos(), arg_string(a)),
        };
        format!(
            "template: {}: executing {} at <{}>: {}",
            self.tmpl.location(pos),
            quote(&self.tmpl.name),
            ctx,
            msg
        )
    }

    fn call_error(&self, name: &str, e: FuncError) -> String {
        if e.bare { self.errorf(e.msg) } else { self.errorf(format_args!("error calling {}: {}", name, e.msg)) }
    }

    // ----- variables -----

    fn set_var(&mut self, name: &str, value: RV) -> R<()> {
        for v in self.vars.iter_mut().rev() {
            if v.0 == name {
                v.1 = value;
                return Ok(());
            }
        }
        Err(self.errorf(format_args!("undefined variable: {name}")))
    }

    fn set_top_var(&mut self, n: usize, value: RV) {
        let len = self.vars.len();
        if n <= len {
            self.vars[len - n].1 = value;
        }
    }

    fn var_value(&self, name: &str) -> R<RV> {
        for v in self.vars.iter().rev() {
            if v.0 == name {
                return Ok(v.1.clone());
            }
        }
        Err(self.errorf(format_args!("undefined variable: {name}")))
    }

    // ----- walking -----

    fn walk_list(&mut self, dot: &RV, list: &'a List) -> R<Flow> {
        for n in &list.nodes {
            match self.walk(dot, n)? {
                Flow::Normal => {}
                f => return Ok(f),
            }
        }
        Ok(Flow::Normal)
    }

    fn walk(&mut self, dot: &RV, node: &'a Node) -> R<Flow> {
        self.node = NodeRef::Node(node);
        match node {
            Node::Text { text, .. } => self.out.push_str(text),
            Node::Comment { .. } => {}
            Node::Action { pipe, .. } => {
                let v = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.node = NodeRef::Node(node);
                    self.print_value(&v);
                }
            }
            Node::If(b) => return self.walk_if_with(false, dot, b),
            Node::With(b) => return self.walk_if_with(true, dot, b),
            Node::Range(b) => return self.walk_range(dot, node, b),
            Node::Break { .. } => return Ok(Flow::Break),
            Node::Continue { .. } => return Ok(Flow::Continue),
            Node::Template { name, pipe, .. } => self.walk_template(dot, node, name, pipe.as_ref())?,
        }
        Ok(Flow::Normal)
    }

    fn print_value(&mut self, v: &RV) {
        match &v.v {
            Value::Nil => self.out.push_str("<no value>"),
            Value::Str(s) => self.out.push_str(s),
            other => other.write_go(&mut self.out, true),
        }
    }

    fn walk_if_with(&mut self, with: bool, dot: &RV, b: &'a Branch) -> R<Flow> {
        let mark = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let f = if val.v.truth() {
            if with { self.walk_list(&val, &b.list)? } else { self.walk_list(dot, &b.list)? }
        } else if let Some(e) = &b.else_list {
            self.walk_list(dot, e)?
        } else {
            Flow::Normal
        };
        self.vars.truncate(mark);
        Ok(f)
    }

    fn walk_range(&mut self, dot: &RV, node: &'a Node, b: &'a Branch) -> R<Flow> {
        self.node = NodeRef::Node(node);
        let mark0 = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let mark = self.vars.len();
        let mut iterated = true;
        match &val.v {
            Value::List(l) if !l.is_empty() => {
                for (i, e) in l.iter().enumerate() {
                    if let Flow::Break = self.one_iteration(b, RV::val(Value::Int(i as i64)), RV::slot(e.clone()), mark)? {
                        break;
                    }
                }
            }
            Value::StrList(l) if !l.is_empty() => {
                for (i, e) in l.iter().enumerate() {
                    if let Flow::Break = self.one_iteration(b, RV::val(Value::Int(i as i64)), RV::val(Value::str(e)), mark)? {
                        break;
                    }
                }
            }
            Value::Bytes(l) if !l.is_empty() => {
                for (i, e) in l.iter().enumerate() {
                    let elem = RV::val(Value::Int(*e as i64));
                    if let Flow::Break = self.one_iteration(b, RV::val(Value::Int(i as i64)), elem, mark)? {
                        break;
                    }
                }
            }
            Value::Map(m) if !m.borrow().is_empty() => {
                let entries: Vec<(String, Value)> = m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (k, v) in entries {
                    if let Flow::Break = self.one_iteration(b, RV::val(Value::from(k)), RV::slot(v), mark)? {
                        break;
                    }
                }
            }
            Value::List(_) | Value::StrList(_) | Value::Bytes(_) | Value::Map(_) | Value::Nil => iterated = false,
            other => {
                let shown = super::fmt::sprint_value(other);
                return Err(self.errorf(format_args!("range can't iterate over {shown}")));
            }
        }
        let mut flow = Flow::Normal;
        if !iterated {
            if let Some(e) = &b.else_list {
                // Go's walkRange recovers a break raised in its else branch; a continue
                // reaches the enclosing range.
                if let Flow::Continue = self.walk_list(dot, e)? {
                    flow = Flow::Continue;
                }
            }
        }
        self.vars.truncate(mark0);
        Ok(flow)
    }

    fn one_iteration(&mut self, b: &'a Branch, index: RV, elem: RV, mark: usize) -> R<Flow> {
        let decl = &b.pipe.decl;
        if !decl.is_empty() {
            if b.pipe.is_assign {
                if decl.len() > 1 {
                    self.set_var(&decl[0].name, index.clone())?;
                } else {
                    self.set_var(&decl[0].name, elem.clone())?;
                }
            } else {
                self.set_top_var(1, elem.clone());
            }
        }
        if decl.len() > 1 {
            if b.pipe.is_assign {
                self.set_var(&decl[1].name, elem.clone())?;
            } else {
                self.set_top_var(2, index);
            }
        }
        let f = self.walk_list(&elem, &b.list)?;
        self.vars.truncate(mark);
        Ok(match f {
            Flow::Break => Flow::Break,
            _ => Flow::Normal,
        })
    }

    fn walk_template(&mut self, dot: &RV, node: &'a Node, name: &str, pipe: Option<&'a Pipe>) -> R<()> {
        self.node = NodeRef::Node(node);
        let Some(tmpl) = self.ctx.ns.lookup(name) else {
            return Err(self.errorf(format_args!("template {} not defined", quote(name))));
        };
        if self.depth >= MAX_EXEC_DEPTH {
            return Err(self.errorf(format_args!("exceeded maximum template depth ({MAX_EXEC_DEPTH})")));
        }
        let newdot = match pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => RV::invalid(),
        };
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$", newdot.clone())]);
        let saved_tmpl = std::mem::replace(&mut self.tmpl, tmpl);
        self.depth += 1;
        let r = self.walk_list(&newdot, &tmpl.root);
        self.depth -= 1;
        self.tmpl = saved_tmpl;
        self.vars = saved_vars;
        r.map(|_| ())
    }

    // ----- evaluation -----

    fn eval_pipeline(&mut self, dot: &RV, pipe: &'a Pipe) -> R<RV> {
        self.node = NodeRef::Pipe(pipe);
        let mut value: Option<RV> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.elem());
        }
        let value = value.unwrap_or_else(RV::invalid);
        for var in &pipe.decl {
            if pipe.is_assign {
                self.set_var(&var.name, value.clone())?;
            } else {
                self.vars.push((&var.name, value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &[Arg], fin: &Option<RV>) -> R<()> {
        if args.len() > 1 || fin.is_some() {
            let first = args.first().map(arg_string).unwrap_or_default();
            return Err(self.errorf(format_args!("can't give argument to non-function {first}")));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &RV, cmd: &'a Command, fin: Option<RV>) -> R<RV> {
        let Some(first) = cmd.args.first() else {
            return Err(self.errorf("empty command"));
        };
        match first {
            Arg::Field { idents, .. } => return self.eval_field_node(dot, first, idents, &cmd.args, fin),
            Arg::Chain { node, fields, .. } => return self.eval_chain_node(dot, first, node, fields, &cmd.args, fin),
            Arg::Identifier { name, .. } => return self.eval_function(dot, first, name, Some(cmd), &cmd.args, fin),
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &fin)?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable { idents, .. } => return self.eval_variable_node(dot, first, idents, &cmd.args, fin),
            _ => {}
        }
        self.node = NodeRef::Arg(first);
        self.not_a_function(&cmd.args, &fin)?;
        match first {
            Arg::Bool { value, .. } => Ok(RV::val(Value::Bool(*value))),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => Err(self.errorf("nil is not a command")),
            Arg::Number(n) => self.ideal_constant(first, n),
            Arg::Str { text, .. } => Ok(RV::val(Value::Str(text.clone()))),
            _ => Err(self.errorf(format_args!("can't evaluate command {}", quote(&arg_string(first))))),
        }
    }

    fn ideal_constant(&mut self, node: &'a Arg, n: &Number) -> R<RV> {
        self.node = NodeRef::Arg(node);
        let t: &str = &n.text;
        let is_hex_int = t.len() > 2
            && t.starts_with('0')
            && matches!(t.as_bytes()[1], b'x' | b'X')
            && !t.contains(['p', 'P']);
        let is_rune = t.starts_with('\'');
        if n.is_float && !is_hex_int && !is_rune && t.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(RV::val(Value::Float(n.float)));
        }
        if n.is_int {
            return Ok(RV::val(Value::Int(n.int)));
        }
        if n.is_uint {
            return Err(self.errorf(format_args!("{t} overflows int")));
        }
        if n.is_float {
            return Ok(RV::val(Value::Float(n.float)));
        }
        Ok(RV::invalid())
    }

    fn eval_field_node(&mut self, dot: &RV, node: &'a Arg, idents: &'a [String], args: &'a [Arg], fin: Option<RV>) -> R<RV> {
        self.node = NodeRef::Arg(node);
        self.eval_field_chain(dot, dot.clone(), node, idents, args, fin)
    }

    fn eval_chain_node(
        &mut self,
        dot: &RV,
        node: &'a Arg,
        inner: &'a Arg,
        fields: &'a [String],
        args: &'a [Arg],
        fin: Option<RV>,
    ) -> R<RV> {
        self.node = NodeRef::Arg(node);
        if fields.is_empty() {
            return Err(self.errorf("internal error: no fields in evalChainNode"));
        }
        if let Arg::Nil { .. } = inner {
            return Err(self.errorf(format_args!("indirection through explicit nil in {}", arg_string(node))));
        }
        let pipe = self.eval_arg(dot, inner)?;
        self.eval_field_chain(dot, pipe, node, fields, args, fin)
    }

    fn eval_variable_node(&mut self, dot: &RV, node: &'a Arg, idents: &'a [String], args: &'a [Arg], fin: Option<RV>) -> R<RV> {
        self.node = NodeRef::Arg(node);
        let Some(name) = idents.first() else {
            return Err(self.errorf("empty variable"));
        };
        let value = self.var_value(name)?;
        if idents.len() == 1 {
            self.not_a_function(args, &fin)?;
            return Ok(value);
        }
        self.eval_field_chain(dot, value, node, &idents[1..], args, fin)
    }

    fn eval_field_chain(
        &mut self,
        dot: &RV,
        mut receiver: RV,
        node: &'a Arg,
        idents: &'a [String],
        args: &'a [Arg],
        fin: Option<RV>,
    ) -> R<RV> {
        let n = idents.len();
        if n == 0 {
            return Ok(receiver);
        }
        for id in &idents[..n - 1] {
            receiver = self.eval_field(dot, id, node, &[], None, receiver)?;
        }
        self.eval_field(dot, &idents[n - 1], node, args, fin, receiver)
    }

    fn eval_field(&mut self, dot: &RV, name: &str, node: &'a Arg, args: &'a [Arg], fin: Option<RV>, receiver: RV) -> R<RV> {
        if receiver.is_invalid() {
            return Ok(RV::invalid());
        }
        let has_args = args.len() > 1 || fin.is_some();
        match &receiver.v {
            Value::Nil => Err(self.errorf(format_args!("nil pointer evaluating {}.{}", receiver.type_name(), name))),
            Value::Map(m) => {
                if has_args {
                    return Err(self.errorf(format_args!("{name} is not a method but has arguments")));
                }
                let v = m.borrow().get(name).cloned().unwrap_or(Value::Nil);
                Ok(RV::slot(v))
            }
            Value::Object(o) => {
                let o = o.clone();
                let mut argv = Vec::with_capacity(args.len());
                for a in args.iter().skip(1) {
                    argv.push(self.eval_arg(dot, a)?.v);
                }
                if let Some(f) = fin {
                    argv.push(f.v);
                }
                match o.get(name, &argv) {
                    Some(Ok(v)) => Ok(RV::val(v)),
                    Some(Err(e)) => {
                        self.node = NodeRef::Arg(node);
                        Err(self.call_error(name, e))
                    }
                    None => Err(self.errorf(format_args!("can't evaluate field {} in type {}", name, receiver.type_name()))),
                }
            }
            _ => Err(self.errorf(format_args!("can't evaluate field {} in type {}", name, receiver.type_name()))),
        }
    }

    /// A function call. `cmd` is the node errors from the call are reported at: the whole
    /// command, or (for a bare identifier argument) the identifier itself.
    fn eval_function(&mut self, dot: &RV, ident: &'a Arg, name: &'a str, cmd: Option<&'a Command>, args: &'a [Arg], fin: Option<RV>) -> R<RV> {
        self.node = NodeRef::Arg(ident);
        let call_args: &'a [Arg] = if args.is_empty() { args } else { &args[1..] };
        if let Some(f) = self.ctx.funcs.get(name) {
            let mut argv = Vec::with_capacity(call_args.len() + 1);
            for a in call_args {
                argv.push(self.eval_arg(dot, a)?.v);
            }
            if let Some(f) = fin {
                argv.push(f.v);
            }
            let mut host = self.ctx;
            return match f(&mut host, &argv) {
                Ok(v) => Ok(RV::val(v)),
                Err(e) => {
                    if e.bare && e.msg.starts_with("wrong number of args") {
                        self.node = NodeRef::Arg(ident);
                    } else if !e.bare {
                        self.set_cmd_node(ident, cmd);
                    }
                    Err(self.call_error(name, e))
                }
            };
        }
        let Some(b) = builtins::lookup(name) else {
            return Err(self.errorf(format_args!("{} is not a defined function", quote(name))));
        };
        let num_in = call_args.len() + usize::from(fin.is_some());
        // Go checks the argument count against the signature before evaluating anything.
        match b.arity() {
            (n, false) if num_in != n => {
                return Err(self.errorf(format_args!("wrong number of args for {name}: want {n} got {num_in}")));
            }
            (n, true) if num_in < n => {
                return Err(self.errorf(format_args!(
                    "wrong number of args for {name}: want at least {n} got {}",
                    call_args.len()
                )));
            }
            _ => {}
        }
        if matches!(b, Builtin::And | Builtin::Or) {
            let want = matches!(b, Builtin::Or);
            let mut v = RV::invalid();
            for a in call_args {
                v = self.eval_arg(dot, a)?;
                if v.v.truth() == want {
                    return Ok(v);
                }
            }
            if let Some(f) = fin {
                v = f;
            }
            return Ok(v);
        }
        let mut argv: Vec<RV> = Vec::with_capacity(num_in);
        for (i, a) in call_args.iter().enumerate() {
            let v = self.eval_arg(dot, a)?;
            if i == 0 && matches!(b, Builtin::Printf) {
                self.check_string_param(a, &v)?;
            }
            argv.push(v);
        }
        if let Some(f) = fin {
            if argv.is_empty() && matches!(b, Builtin::Printf) {
                match &f.v {
                    Value::Str(_) => {}
                    Value::Nil => return Err(self.errorf("invalid value; expected string")),
                    other => {
                        return Err(self.errorf(format_args!(
                            "wrong type for value; expected string; got {}",
                            other.type_name()
                        )));
                    }
                }
            }
            argv.push(f);
        }
        let r = if let Builtin::Call = b {
            let callee = call_args.first().map(arg_string).unwrap_or_default();
            builtins::call(&callee, &argv)
        } else {
            builtins::run(b, &argv)
        };
        match r {
            Ok(v) => Ok(RV::val(v)),
            Err(msg) => {
                self.set_cmd_node(ident, cmd);
                Err(self.errorf(format_args!("error calling {name}: {msg}")))
            }
        }
    }

    fn set_cmd_node(&mut self, ident: &'a Arg, cmd: Option<&'a Command>) {
        self.node = match cmd {
            Some(c) => NodeRef::Cmd(c),
            None => NodeRef::Arg(ident),
        };
    }

    /// Go's evalArg for a `string` parameter (printf's format).
    fn check_string_param(&mut self, a: &'a Arg, v: &RV) -> R<()> {
        self.node = NodeRef::Arg(a);
        match a {
            Arg::Str { .. } => Ok(()),
            Arg::Dot { .. } | Arg::Field { .. } | Arg::Variable { .. } | Arg::Pipe(_) | Arg::Identifier { .. } | Arg::Chain { .. } => {
                match &v.v {
                    Value::Str(_) => Ok(()),
                    Value::Nil if !v.iface => Err(self.errorf("invalid value; expected string")),
                    other => {
                        let t = if other.is_nil() { "interface {}".to_string() } else { other.type_name() };
                        Err(self.errorf(format_args!("wrong type for value; expected string; got {t}")))
                    }
                }
            }
            Arg::Nil { .. } => Err(self.errorf("cannot assign nil to string")),
            other => Err(self.errorf(format_args!("expected string; found {}", arg_string(other)))),
        }
    }

    fn eval_arg(&mut self, dot: &RV, n: &'a Arg) -> R<RV> {
        self.node = NodeRef::Arg(n);
        match n {
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => Ok(RV::invalid()),
            Arg::Field { idents, .. } => self.eval_field_node(dot, n, idents, std::slice::from_ref(n), None),
            Arg::Variable { idents, .. } => self.eval_variable_node(dot, n, idents, &[], None),
            Arg::Pipe(p) => self.eval_pipeline(dot, p),
            Arg::Identifier { name, .. } => self.eval_function(dot, n, name, None, std::slice::from_ref(n), None),
            Arg::Chain { node, fields, .. } => self.eval_chain_node(dot, n, node, fields, &[], None),
            Arg::Bool { value, .. } => Ok(RV::val(Value::Bool(*value))),
            Arg::Number(num) => self.ideal_constant(n, num),
            Arg::Str { text, .. } => Ok(RV::val(Value::Str(text.clone()))),
        }
    }
}

// ----- Go's Node.String() -----

fn node_pos(n: &Node) -> usize {
    match n {
        Node::Text { pos, .. }
        | Node::Comment { pos, .. }
        | Node::Action { pos, .. }
        | Node::Break { pos, .. }
        | Node::Continue { pos, .. }
        | Node::Template { pos, .. } => *pos,
        Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
    }
}

pub(crate) fn node_string(n: &Node) -> String {
    let mut s = String::new();
    write_node(&mut s, n);
    s
}

pub(crate) fn pipe_string(p: &Pipe) -> String {
    let mut s = String::new();
    write_pipe(&mut s, p);
    s
}

pub(crate) fn arg_string(a: &Arg) -> String {
    let mut s = String::new();
    write_arg(&mut s, a);
    s
}

fn write_list(s: &mut String, l: &List) {
    for n in &l.nodes {
        write_node(s, n);
    }
}

fn write_node(s: &mut String, n: &Node) {
    match n {
        Node::Text { text, .. } => s.push_str(text),
        Node::Comment { text, .. } => {
            s.push_str("{{");
            s.push_str(text);
            s.push_str("}}");
        }
        Node::Action { pipe, .. } => {
            s.push_str("{{");
            write_pipe(s, pipe);
            s.push_str("}}");
        }
        Node::If(b) => write_branch(s, "if", b),
        Node::Range(b) => write_branch(s, "range", b),
        Node::With(b) => write_branch(s, "with", b),
        Node::Break { .. } => s.push_str("{{break}}"),
        Node::Continue { .. } => s.push_str("{{continue}}"),
        Node::Template { name, pipe, .. } => {
            s.push_str("{{template ");
            s.push_str(&quote(name));
            if let Some(p) = pipe {
                s.push(' ');
                write_pipe(s, p);
            }
            s.push_str("}}");
        }
    }
}

fn write_branch(s: &mut String, name: &str, b: &Branch) {
    let _ = write!(s, "{{{{{name} ");
    write_pipe(s, &b.pipe);
    s.push_str("}}");
    write_list(s, &b.list);
    if let Some(e) = &b.else_list {
        s.push_str("{{else}}");
        write_list(s, e);
    }
    s.push_str("{{end}}");
}

fn write_pipe(s: &mut String, p: &Pipe) {
    if !p.decl.is_empty() {
        for (i, v) in p.decl.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&v.name);
        }
        s.push_str(" := ");
    }
    for (i, c) in p.cmds.iter().enumerate() {
        if i > 0 {
            s.push_str(" | ");
        }
        write_command(s, c);
    }
}

fn write_command(s: &mut String, c: &Command) {
    for (i, a) in c.args.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        if let Arg::Pipe(p) = a {
            s.push('(');
            write_pipe(s, p);
            s.push(')');
            continue;
        }
        write_arg(s, a);
    }
}

fn write_arg(s: &mut String, a: &Arg) {
    match a {
        Arg::Dot { .. } => s.push('.'),
        Arg::Nil { .. } => s.push_str("nil"),
        Arg::Bool { value, .. } => s.push_str(if *value { "true" } else { "false" }),
        Arg::Number(n) => s.push_str(&n.text),
        Arg::Str { quoted, .. } => s.push_str(quoted),
        Arg::Field { idents, .. } => {
            for id in idents {
                s.push('.');
                s.push_str(id);
            }
        }
        Arg::Variable { idents, .. } => {
            for (i, id) in idents.iter().enumerate() {
                if i > 0 {
                    s.push('.');
                }
                s.push_str(id);
            }
        }
        Arg::Chain { node, fields, .. } => {
            if let Arg::Pipe(p) = node.as_ref() {
                s.push('(');
                write_pipe(s, p);
                s.push(')');
            } else {
                write_arg(s, node);
            }
            for f in fields {
                s.push('.');
                s.push_str(f);
            }
        }
        Arg::Identifier { name, .. } => s.push_str(name),
        Arg::Pipe(p) => write_pipe(s, p),
    }
}
