//! The executor: walks a parsed tree over [`Value`]s with Go's `text/template` semantics
//! (Go 1.23, as in Helm 3.17): `missingkey=zero`, short-circuit `and`/`or`, break and
//! continue, Go's variable scoping, and Go's error texts with the node being evaluated.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::template::FxMap;

use super::ast::{Arg, Branch, Command, List, Node, Number, Pipe, Tree};
use super::builtins::{self, Builtin};
use super::fmt::quote;
use super::template::{Templates, associate_rc};
use super::value::{FuncError, FuncMap, Host, Value, effects, is_chartutil_values};

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
        RV {
            v: Value::Nil,
            iface: false,
        }
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
        if self.iface {
            "interface {}".to_string()
        } else {
            self.v.type_name()
        }
    }
}

/// A chain of template layers: `tpl` adds a small layer over its caller's namespace
/// instead of cloning it.
#[derive(Clone, Copy)]
pub(crate) struct Ns<'a> {
    layer: &'a FxMap<String, Rc<Tree>>,
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
    counts: &'a RefCell<FxMap<String, usize>>,
    tpl_cache: &'a RefCell<FxMap<String, Rc<Vec<Rc<Tree>>>>>,
    memo: &'a RefCell<Memo>,
}

/// Remembered `include` results. Charts include the same helper with the same argument
/// many times (Mimir computes its whole configuration, through `tpl`, `fromYaml` and
/// `toYaml`, in every component's files). An execution is a pure function of the
/// template and its argument when it draws no randomness, reads no clock, changes no map
/// that existed before it began and does not recurse; such a result is kept and handed
/// out again for the same template and the same argument, as long as no map the
/// argument can reach has changed since.
///
/// A template reaches maps only through its argument (Go templates have no globals), and
/// the maps an execution makes itself are unreachable once it returns its text. Which
/// maps an argument reaches is bounded by serials (see [`effects`]): every map that
/// existed when the file's execution began is *old*; while no old map changes, no old
/// map can hold a newer one. An argument made of old maps (the file's dot, `.Values`, a
/// `dict` of them) can then only change through a change of an old map, so template code
/// that builds and changes its own dicts does not make results stale.
///
/// Helm gives each file of a chart the same dot with a new `.Template`, which differs
/// only in `Name`. A result that read `.Template.Name` (by field, or by reading the dot or
/// `.Template` whole) belongs to its file; one that did not serves every file of the
/// chart (see `MapCell::watch`).
///
/// A template whose arguments do not repeat stops being remembered after a trial (see
/// [`MEMO_TRIAL`]), and the entries of a render hold 16 MiB at most.
///
/// Only includes resolved in the chart's own namespace are remembered: under `tpl` the
/// same name may resolve through the `tpl` text's own layer.
#[derive(Default)]
pub(crate) struct Memo {
    /// The map clock and serial when the current file's execution began, and how many
    /// files began before it.
    file_clock: u64,
    file_serial: u64,
    file: u64,
    frames: Vec<Frame>,
    entries: FxMap<(usize, u64), Vec<MemoEntry>>,
    /// About how many bytes were kept (stale entries replaced still count); past
    /// [`MEMO_BYTES`] nothing more is kept.
    bytes: usize,
    /// Per template: results kept, and results handed out again.
    uses: FxMap<usize, (u32, u32)>,
}

/// The most the remembered results of one render may hold (a hostile chart could
/// include a helper a million times with a million different arguments).
const MEMO_BYTES: usize = 16 << 20;

/// A template whose results were kept this many times, and handed out again for fewer
/// than one in [`MEMO_MIN_REUSE`] of them, is no longer remembered: its arguments do not
/// repeat, and keeping its results would cost time and memory for nothing.
const MEMO_TRIAL: u32 = 64;
const MEMO_MIN_REUSE: u32 = 8;

impl Memo {
    pub(crate) fn clear(&mut self) {
        self.frames.clear();
        self.entries.clear();
        self.bytes = 0;
        self.uses.clear();
    }

    /// A file's execution begins.
    fn begin_file(&mut self) {
        self.file_clock = effects::clock();
        self.file_serial = effects::serial_now();
        self.file += 1;
    }
}

// A copy of a namespace starts with nothing remembered: its trees may be replaced.
impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} keys)", self.entries.len())
    }
}

/// An `include` being executed: the state of the world when it began.
struct Frame {
    clock: u64,
    serial: u64,
    impure: u64,
    watched_reads: u64,
    recursive: bool,
}

/// An `include` argument as remembered.
enum Dot {
    /// A small map, by its entries when the result was made (a `dict` built anew for
    /// each call matches an equal one), with its named type (`chartutil.Values`) and
    /// whether it is a file's dot.
    Entries(bool, bool, Vec<(String, Value)>),
    /// Anything else, by identity ([`same_ident`]).
    Ident(Value),
}

struct MemoEntry {
    dot: Dot,
    /// The map clock when the result was made.
    clock: u64,
    /// Every map the argument could reach has a serial below this.
    bound: u64,
    /// The file whose `.Template.Name` the result read, if it read it.
    file: Option<u64>,
    out: Rc<str>,
}

impl MemoEntry {
    /// About how many bytes the entry holds (its text, its argument's entries, itself).
    fn size(&self) -> usize {
        let dot = match &self.dot {
            Dot::Entries(_, _, entries) => entries
                .iter()
                .map(|(k, _)| k.len() + std::mem::size_of::<(String, Value)>())
                .sum(),
            Dot::Ident(_) => 0,
        };
        self.out.len() + dot + std::mem::size_of::<MemoEntry>()
    }
}

/// The largest map argument compared entry by entry rather than by identity.
const SHALLOW_MAX: usize = 16;

/// Feed the identity of a value to a hasher: scalars and strings by content, the rest
/// by address.
fn hash_ident(v: &Value, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    match v {
        Value::Nil => 0u8.hash(h),
        Value::Bool(b) => (1u8, b).hash(h),
        Value::Int(i) => (2u8, i).hash(h),
        Value::Int64(i) => (3u8, i).hash(h),
        Value::Float(f) => (4u8, f.to_bits()).hash(h),
        Value::Str(s) => (5u8, &**s).hash(h),
        Value::Bytes(b) => (6u8, Rc::as_ptr(b) as *const u8 as usize).hash(h),
        Value::List(l) => (7u8, Rc::as_ptr(l) as usize).hash(h),
        Value::StrList(l) => (8u8, Rc::as_ptr(l) as usize).hash(h),
        Value::Map(m) => (9u8, Rc::as_ptr(m) as usize).hash(h),
        Value::Object(o) => (10u8, Rc::as_ptr(o) as *const u8 as usize).hash(h),
    }
}

/// Whether two values are the same: equal scalars and strings, the same object otherwise.
fn same_ident(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) | (Value::Int64(x), Value::Int64(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => Rc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Rc::ptr_eq(x, y),
        (Value::StrList(x), Value::StrList(y)) => Rc::ptr_eq(x, y),
        (Value::Map(x), Value::Map(y)) => Rc::ptr_eq(x, y),
        (Value::Object(x), Value::Object(y)) => {
            std::ptr::eq(Rc::as_ptr(x) as *const u8, Rc::as_ptr(y) as *const u8)
        }
        _ => false,
    }
}

/// The entries of a small map argument that make it what it is: all of them, except
/// the `Template` of a file's dot (results that read it belong to their file).
fn dot_entries<'m>(
    m: &super::value::Map,
    e: &'m std::collections::BTreeMap<String, Value>,
) -> impl Iterator<Item = (&'m String, &'m Value)> {
    let watched = m.is_watched();
    e.iter()
        .filter(move |(k, _)| !(watched && k.as_str() == "Template"))
}

/// The hash of an `include` argument, consistent with [`Dot::matches`].
fn dot_hash(v: &Value) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    match v {
        Value::Map(m) if m.borrow_quiet().len() <= SHALLOW_MAX => {
            (11u8, is_chartutil_values(m), m.is_watched()).hash(&mut h);
            for (k, v) in dot_entries(m, &m.borrow_quiet()) {
                k.hash(&mut h);
                hash_ident(v, &mut h);
            }
        }
        v => hash_ident(v, &mut h),
    }
    h.finish()
}

impl Dot {
    /// The argument as remembered.
    fn of(v: &Value) -> Dot {
        match v {
            Value::Map(m) if m.borrow_quiet().len() <= SHALLOW_MAX => Dot::Entries(
                is_chartutil_values(m),
                m.is_watched(),
                dot_entries(m, &m.borrow_quiet())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            v => Dot::Ident(v.clone()),
        }
    }

    fn matches(&self, v: &Value) -> bool {
        match (self, v) {
            (Dot::Entries(named, watched, entries), Value::Map(m)) => {
                let e = m.borrow_quiet();
                let mut ours = entries.iter();
                *named == is_chartutil_values(m)
                    && *watched == m.is_watched()
                    && dot_entries(m, &e).all(|(k, v)| {
                        ours.next()
                            .is_some_and(|(ko, vo)| ko == k && same_ident(vo, v))
                    })
                    && ours.next().is_none()
            }
            (Dot::Entries(..), _) => false,
            (Dot::Ident(d), v) => same_ident(d, v),
        }
    }

    /// Whether every map the argument reaches (its own entries, list elements) is a map
    /// made before `serial`; maps are not followed further (see [`Memo`]).
    fn all_before(&self, serial: u64) -> bool {
        fn before(v: &Value, serial: u64) -> bool {
            match v {
                Value::Map(m) => m.serial() < serial,
                Value::List(l) => l.iter().all(|v| before(v, serial)),
                _ => true,
            }
        }
        match self {
            Dot::Entries(_, _, entries) => entries.iter().all(|(_, v)| before(v, serial)),
            Dot::Ident(v) => before(v, serial),
        }
    }
}

/// Run the named template of the namespace (Go's `ExecuteTemplate`).
pub(crate) fn execute(
    templates: &Templates,
    name: &str,
    data: Value,
    funcs: &FuncMap,
) -> Result<String, String> {
    let counts = RefCell::new(FxMap::default());
    let ctx = Ctx {
        ns: Ns {
            layer: &templates.map,
            parent: None,
        },
        funcs,
        counts: &counts,
        tpl_cache: &templates.tpl_cache,
        memo: &templates.memo,
    };
    templates.memo.borrow_mut().begin_file();
    let _base = StackBase::enter();
    match ctx.ns.lookup(name) {
        None => Err(no_template(name)),
        Some(t) => run(ctx, t, data),
    }
}

/// Set how many bytes of stack nested template calls (`template`, `include`, `tpl`) may
/// use before execution stops with Go's depth error instead of overflowing the stack.
/// The setting is per thread. The default (6 MiB) suits an 8 MiB main thread; raise it
/// when rendering on a thread with a bigger stack (Helm allows 1000 nested `include`s,
/// which takes a few MiB in debug builds).
pub fn set_stack_budget(bytes: usize) {
    STACK_BUDGET.with(|b| b.set(bytes));
}

thread_local! {
    static STACK_BASE: Cell<usize> = const { Cell::new(0) };
    static STACK_BUDGET: Cell<usize> = const { Cell::new(6 << 20) };
}

/// Records the stack address of the outermost execution on this thread.
struct StackBase {
    outermost: bool,
}

impl StackBase {
    fn enter() -> StackBase {
        let here = 0u8;
        let addr = &here as *const u8 as usize;
        let outermost = STACK_BASE.with(|b| {
            if b.get() == 0 {
                b.set(addr);
                true
            } else {
                false
            }
        });
        StackBase { outermost }
    }
}

impl Drop for StackBase {
    fn drop(&mut self) {
        if self.outermost {
            STACK_BASE.with(|b| b.set(0));
        }
    }
}

/// Whether the nested calls have used up the stack budget.
fn stack_exhausted() -> bool {
    let here = 0u8;
    let addr = &here as *const u8 as usize;
    let base = STACK_BASE.with(|b| b.get());
    base != 0 && base.abs_diff(addr) > STACK_BUDGET.with(|b| b.get())
}

fn no_template(name: &str) -> String {
    format!(
        "template: no template {} associated with template \"gotpl\"",
        quote(name)
    )
}

fn run<'a>(ctx: Ctx<'a>, tree: &'a Tree, data: Value) -> Result<String, String> {
    let dot = RV::val(data);
    let mut st = State {
        ctx,
        tmpl: tree,
        node: NodeRef::None,
        vars: Vec::with_capacity(8),
        depth: 0,
        out: String::with_capacity(tree.top_text.min(super::value::MAX_OUTPUT)),
    };
    st.vars.push(("$", dot.clone()));
    st.walk_list(&dot, &tree.root)?;
    Ok(st.out)
}

impl<'a> Ctx<'a> {
    /// `run` through the [`Memo`].
    fn run_remembered(&self, t: &'a Tree, data: Value) -> Result<String, String> {
        let tree = t as *const Tree as usize;
        let (kept, reused) = self
            .memo
            .borrow()
            .uses
            .get(&tree)
            .copied()
            .unwrap_or((0, 0));
        if kept >= MEMO_TRIAL && reused.saturating_mul(MEMO_MIN_REUSE) < kept {
            return run(*self, t, data);
        }
        let key = (tree, dot_hash(&data));
        {
            let mut memo = self.memo.borrow_mut();
            let file = memo.file;
            let found = memo.entries.get(&key).and_then(|list| {
                list.iter().find(|e| {
                    e.file.is_none_or(|f| f == file)
                        && e.dot.matches(&data)
                        && !effects::older_changed_since(e.clock, e.bound)
                })
            });
            if let Some(e) = found {
                if e.file.is_some() {
                    // The caller's result depends on `.Template.Name` through ours.
                    effects::note_name_read();
                }
                let out = e.out.to_string();
                memo.uses.entry(tree).or_default().1 += 1;
                return Ok(out);
            }
        }
        self.memo.borrow_mut().frames.push(Frame {
            clock: effects::clock(),
            serial: effects::serial_now(),
            impure: effects::impure_count(),
            watched_reads: effects::watched_reads(),
            recursive: false,
        });
        let r = run(*self, t, data.clone());
        let mut memo = self.memo.borrow_mut();
        let frame = memo.frames.pop();
        if let (Ok(out), Some(f)) = (&r, frame) {
            let pure = !f.recursive
                && effects::impure_count() == f.impure
                && !effects::older_changed_since(f.clock, f.serial);
            if pure && memo.bytes < MEMO_BYTES {
                // The tighter bound holds while no old map has changed in this file.
                // The argument as it was when the call began: a pure execution changed
                // no map that existed before it.
                let dot = Dot::of(&data);
                let bound = if !effects::older_changed_since(memo.file_clock, memo.file_serial)
                    && dot.all_before(memo.file_serial)
                {
                    memo.file_serial
                } else {
                    f.serial
                };
                let file = (effects::watched_reads() != f.watched_reads).then_some(memo.file);
                let entry = MemoEntry {
                    dot,
                    clock: effects::clock(),
                    bound,
                    file,
                    out: Rc::from(out.as_str()),
                };
                memo.bytes += entry.size();
                memo.uses.entry(tree).or_default().0 += 1;
                let list = memo.entries.entry(key).or_default();
                list.retain(|e| !e.dot.matches(&data));
                list.push(entry);
            }
        }
        r
    }
}

impl Host for Ctx<'_> {
    fn include(&mut self, name: &str, data: Value) -> Result<String, FuncError> {
        {
            let mut counts = self.counts.borrow_mut();
            if !counts.contains_key(name) {
                counts.insert(name.to_string(), 0);
            }
            let Some(n) = counts.get_mut(name) else {
                return Err(FuncError::new("include counter"));
            };
            if *n > INCLUDE_MAX || stack_exhausted() {
                return Err(FuncError::new(format!(
                    "rendering template has a nested reference name: {name}: unable to execute template"
                )));
            }
            if *n > 0 {
                for f in self.memo.borrow_mut().frames.iter_mut() {
                    f.recursive = true;
                }
            }
            *n += 1;
        }
        let r = match self.ns.lookup(name) {
            None => Err(no_template(name)),
            Some(t) if self.ns.parent.is_none() => self.run_remembered(t, data),
            Some(t) => run(*self, t, data),
        };
        if let Some(n) = self.counts.borrow_mut().get_mut(name) {
            *n = n.saturating_sub(1);
        }
        r.map_err(FuncError::new)
    }

    fn tpl(&mut self, text: &str, data: Value) -> Result<String, FuncError> {
        if stack_exhausted() {
            return Err(FuncError::new(format!(
                "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
            )));
        }
        let cached = self.tpl_cache.borrow().get(text).cloned();
        let trees = match cached {
            Some(t) => t,
            None => {
                let funcs = self.funcs;
                let trees = super::parse::parse("gotpl", text, &|n: &str| funcs.contains_key(n))
                    .map_err(|e| {
                        FuncError::new(format!("cannot parse template {}: {}", quote(text), e.msg))
                    })?;
                let trees: Rc<Vec<Rc<Tree>>> = Rc::new(trees.into_iter().map(Rc::new).collect());
                self.tpl_cache
                    .borrow_mut()
                    .insert(text.to_string(), trees.clone());
                trees
            }
        };
        let Some(main) = trees.first() else {
            return Ok(String::new());
        };
        let ns = self.ns;
        let mut layer: FxMap<String, Rc<Tree>> = FxMap::default();
        if !(main.is_empty() && ns.lookup(&main.name).is_some()) {
            layer.insert(main.name.clone(), main.clone());
        }
        associate_rc(&mut layer, &trees[1..], &|n| ns.lookup(n).is_some());
        let ctx = Ctx {
            ns: Ns {
                layer: &layer,
                parent: Some(&ns),
            },
            funcs: self.funcs,
            counts: self.counts,
            tpl_cache: self.tpl_cache,
            memo: self.memo,
        };
        let out = run(ctx, main, data).map_err(|e| {
            FuncError::new(format!(
                "error during tpl function execution for {}: {}",
                quote(text),
                e
            ))
        })?;
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
            NodeRef::Node(n) => (node_pos(n), n.to_string()),
            NodeRef::Pipe(p) => (p.pos, p.to_string()),
            NodeRef::Cmd(c) => (c.pos, c.to_string()),
            NodeRef::Arg(a) => (a.pos(), a.to_string()),
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
        if e.bare {
            self.errorf(e.msg)
        } else {
            self.errorf(format_args!("error calling {}: {}", name, e.msg))
        }
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
            Node::Text { text, .. } => {
                self.out.push_str(text);
                self.check_output()?;
            }
            Node::Comment { .. } => {}
            Node::Action { pipe, .. } => {
                let v = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.node = NodeRef::Node(node);
                    self.print_value(&v);
                    self.check_output()?;
                }
            }
            Node::If(b) => return self.walk_if_with(false, dot, b),
            Node::With(b) => return self.walk_if_with(true, dot, b),
            Node::Range(b) => return self.walk_range(dot, node, b),
            Node::Break { .. } => return Ok(Flow::Break),
            Node::Continue { .. } => return Ok(Flow::Continue),
            Node::Template { name, pipe, .. } => {
                self.walk_template(dot, node, name, pipe.as_deref())?
            }
        }
        Ok(Flow::Normal)
    }

    /// Stop a template whose output grows past what any chart produces.
    fn check_output(&mut self) -> R<()> {
        if self.out.len() > super::value::MAX_OUTPUT {
            return Err(self.errorf(format_args!(
                "the output has grown past {} MiB: refusing to go on",
                super::value::MAX_OUTPUT >> 20
            )));
        }
        Ok(())
    }

    fn print_value(&mut self, v: &RV) {
        match &v.v {
            Value::Nil => self.out.push_str("<no value>"),
            Value::Str(s) => self.out.push_str(s),
            Value::Object(o) => self.out.push_str(&o.template_print()),
            other => other.write_go(&mut self.out, true),
        }
    }

    fn walk_if_with(&mut self, with: bool, dot: &RV, b: &'a Branch) -> R<Flow> {
        let mark = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let f = if val.v.truth() {
            if with {
                self.walk_list(&val, &b.list)?
            } else {
                self.walk_list(dot, &b.list)?
            }
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
        let mut val = self.eval_pipeline(dot, &b.pipe)?;
        let mark = self.vars.len();
        let mut iterated = true;
        // Host objects that are Go maps or slices (`.Files.Glob`'s `files`) range over
        // their plain data.
        if let Value::Object(o) = &val.v
            && matches!(o.kind(), "map" | "slice")
        {
            val = RV::val(o.to_plain());
        }
        match &val.v {
            Value::List(l) if !l.is_empty() => {
                for (i, e) in l.iter().enumerate() {
                    if let Flow::Break = self.one_iteration(
                        b,
                        RV::val(Value::Int(i as i64)),
                        RV::slot(e.clone()),
                        mark,
                    )? {
                        break;
                    }
                }
            }
            Value::StrList(l) if !l.is_empty() => {
                for (i, e) in l.iter().enumerate() {
                    if let Flow::Break = self.one_iteration(
                        b,
                        RV::val(Value::Int(i as i64)),
                        RV::val(Value::str(e)),
                        mark,
                    )? {
                        break;
                    }
                }
            }
            Value::Bytes(l) if !l.is_empty() => {
                for (i, e) in l.iter().enumerate() {
                    let elem = RV::val(Value::Int(*e as i64));
                    if let Flow::Break =
                        self.one_iteration(b, RV::val(Value::Int(i as i64)), elem, mark)?
                    {
                        break;
                    }
                }
            }
            Value::Map(m) if !m.borrow().is_empty() => {
                let entries: Vec<(String, Value)> = m
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, v) in entries {
                    if let Flow::Break =
                        self.one_iteration(b, RV::val(Value::from(k)), RV::slot(v), mark)?
                    {
                        break;
                    }
                }
            }
            Value::List(_) | Value::StrList(_) | Value::Bytes(_) | Value::Map(_) | Value::Nil => {
                iterated = false
            }
            other => {
                let shown = super::fmt::sprint_value(other);
                return Err(self.errorf(format_args!("range can't iterate over {shown}")));
            }
        }
        let mut flow = Flow::Normal;
        if !iterated && let Some(e) = &b.else_list {
            // Go's walkRange recovers a break raised in its else branch; a continue
            // reaches the enclosing range.
            if let Flow::Continue = self.walk_list(dot, e)? {
                flow = Flow::Continue;
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

    fn walk_template(
        &mut self,
        dot: &RV,
        node: &'a Node,
        name: &str,
        pipe: Option<&'a Pipe>,
    ) -> R<()> {
        self.node = NodeRef::Node(node);
        let Some(tmpl) = self.ctx.ns.lookup(name) else {
            return Err(self.errorf(format_args!("template {} not defined", quote(name))));
        };
        if self.depth >= MAX_EXEC_DEPTH || stack_exhausted() {
            return Err(self.errorf(format_args!(
                "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
            )));
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
            let first = args.first().map(|a| a.to_string()).unwrap_or_default();
            return Err(self.errorf(format_args!("can't give argument to non-function {first}")));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &RV, cmd: &'a Command, fin: Option<RV>) -> R<RV> {
        let Some(first) = cmd.args.first() else {
            return Err(self.errorf("empty command"));
        };
        match first {
            Arg::Field { idents, .. } => {
                return self.eval_field_node(dot, first, idents, &cmd.args, fin);
            }
            Arg::Chain { node, fields, .. } => {
                return self.eval_chain_node(dot, first, node, fields, &cmd.args, fin);
            }
            Arg::Identifier { name, .. } => {
                return self.eval_function(dot, first, name, Some(cmd), &cmd.args, fin);
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &fin)?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable { idents, .. } => {
                return self.eval_variable_node(dot, first, idents, &cmd.args, fin);
            }
            _ => {}
        }
        self.node = NodeRef::Arg(first);
        self.not_a_function(&cmd.args, &fin)?;
        match first {
            Arg::Bool { value, .. } => Ok(RV::val(Value::Bool(*value))),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => Err(self.errorf("nil is not a command")),
            Arg::Number(n) => self.ideal_constant(first, n),
            Arg::Str { text, .. } => Ok(RV::val(Value::str(&**text))),
            _ => Err(self.errorf(format_args!(
                "can't evaluate command {}",
                quote(&first.to_string())
            ))),
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

    fn eval_field_node(
        &mut self,
        dot: &RV,
        node: &'a Arg,
        idents: &'a [super::ast::Ident],
        args: &'a [Arg],
        fin: Option<RV>,
    ) -> R<RV> {
        self.node = NodeRef::Arg(node);
        self.eval_field_chain(dot, dot.clone(), node, idents, args, fin)
    }

    fn eval_chain_node(
        &mut self,
        dot: &RV,
        node: &'a Arg,
        inner: &'a Arg,
        fields: &'a [super::ast::Ident],
        args: &'a [Arg],
        fin: Option<RV>,
    ) -> R<RV> {
        self.node = NodeRef::Arg(node);
        if fields.is_empty() {
            return Err(self.errorf("internal error: no fields in evalChainNode"));
        }
        if let Arg::Nil { .. } = inner {
            return Err(self.errorf(format_args!("indirection through explicit nil in {}", node)));
        }
        let pipe = self.eval_arg(dot, inner)?;
        self.eval_field_chain(dot, pipe, node, fields, args, fin)
    }

    fn eval_variable_node(
        &mut self,
        dot: &RV,
        node: &'a Arg,
        idents: &'a [super::ast::Ident],
        args: &'a [Arg],
        fin: Option<RV>,
    ) -> R<RV> {
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
        idents: &'a [super::ast::Ident],
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

    fn eval_field(
        &mut self,
        dot: &RV,
        name: &str,
        node: &'a Arg,
        args: &'a [Arg],
        fin: Option<RV>,
        receiver: RV,
    ) -> R<RV> {
        if receiver.is_invalid() {
            return Ok(RV::invalid());
        }
        let has_args = args.len() > 1 || fin.is_some();
        match &receiver.v {
            Value::Nil => Err(self.errorf(format_args!(
                "nil pointer evaluating {}.{}",
                receiver.type_name(),
                name
            ))),
            Value::Map(m) => {
                if has_args {
                    return Err(
                        self.errorf(format_args!("{name} is not a method but has arguments"))
                    );
                }
                if name == "Name" && m.is_watched() {
                    effects::note_name_read();
                }
                let v = m.borrow_quiet().get(name).cloned();
                match v {
                    Some(v) => Ok(RV::slot(v)),
                    // `.Values` is a chartutil.Values, whose AsMap method gives the map.
                    None if name == "AsMap" => Ok(RV::val(receiver.v.clone())),
                    None => Ok(RV::slot(Value::Nil)),
                }
            }
            Value::Object(o) => {
                let o = o.clone();
                let call_args: &'a [Arg] = if args.is_empty() { args } else { &args[1..] };
                let mut argv = Vec::with_capacity(call_args.len() + 1);
                let mut info: Vec<(NodeRef<'a>, bool)> = Vec::with_capacity(call_args.len() + 1);
                for a in call_args {
                    let v = self.eval_arg(dot, a)?;
                    info.push((self.node, v.iface));
                    argv.push(v.v);
                }
                if let Some(f) = fin {
                    info.push((self.node, false));
                    argv.push(f.v);
                }
                match o.get(name, &argv) {
                    Some(Ok(v)) => Ok(RV::val(v)),
                    Some(Err(e)) if !e.bare => {
                        self.node = NodeRef::Arg(node);
                        Err(self.call_error(name, e))
                    }
                    Some(Err(e)) => {
                        if e.msg.starts_with("wrong number of args")
                            || e.msg.ends_with("cannot be invoked as function")
                        {
                            self.node = NodeRef::Arg(node);
                            return Err(self.errorf(e.msg));
                        }
                        let msg = self.locate_arg_error(e.msg, call_args, &argv, &info);
                        Err(self.errorf(msg))
                    }
                    None => {
                        self.node = NodeRef::Arg(node);
                        Err(self.errorf(format_args!(
                            "can't evaluate field {} in type {}",
                            name,
                            receiver.type_name()
                        )))
                    }
                }
            }
            _ => Err(self.errorf(format_args!(
                "can't evaluate field {} in type {}",
                name,
                receiver.type_name()
            ))),
        }
    }

    /// A function call. `cmd` is the node errors from the call are reported at: the whole
    /// command, or (for a bare identifier argument) the identifier itself.
    fn eval_function(
        &mut self,
        dot: &RV,
        ident: &'a Arg,
        name: &'a str,
        cmd: Option<&'a Command>,
        args: &'a [Arg],
        fin: Option<RV>,
    ) -> R<RV> {
        self.node = NodeRef::Arg(ident);
        let call_args: &'a [Arg] = if args.is_empty() { args } else { &args[1..] };
        if let Some(f) = self.ctx.funcs.get(name) {
            let mut argv = Vec::with_capacity(call_args.len() + 1);
            // Go reports an argument's type error at the node current when that argument
            // was converted: remember it per argument.
            let mut info: Vec<(NodeRef<'a>, bool)> = Vec::with_capacity(call_args.len() + 1);
            for a in call_args {
                let v = self.eval_arg(dot, a)?;
                info.push((self.node, v.iface));
                argv.push(v.v);
            }
            if let Some(f) = fin {
                info.push((self.node, false));
                argv.push(f.v);
            }
            let mut host = self.ctx;
            return match f(&mut host, &argv) {
                Ok(Value::Str(st)) if st.len() > super::value::MAX_STRING => {
                    self.set_cmd_node(ident, cmd);
                    Err(self.errorf(format_args!(
                        "error calling {name}: the result has {} bytes, more than the {} MiB a template may build",
                        st.len(),
                        super::value::MAX_STRING >> 20
                    )))
                }
                Ok(v) => Ok(RV::val(v)),
                Err(e) if !e.bare => {
                    self.set_cmd_node(ident, cmd);
                    Err(self.call_error(name, e))
                }
                Err(e) => {
                    if e.msg.starts_with("wrong number of args") {
                        self.node = NodeRef::Arg(ident);
                        return Err(self.errorf(e.msg));
                    }
                    let msg = self.locate_arg_error(e.msg, call_args, &argv, &info);
                    Err(self.errorf(msg))
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
                return Err(self.errorf(format_args!(
                    "wrong number of args for {name}: want {n} got {num_in}"
                )));
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
            let callee = call_args.first().map(|a| a.to_string()).unwrap_or_default();
            builtins::call(&callee, &argv)
        } else {
            builtins::run(b, &argv)
        };
        match r {
            Ok(Value::Str(st)) if st.len() > super::value::MAX_STRING => {
                self.set_cmd_node(ident, cmd);
                Err(self.errorf(format_args!(
                    "error calling {name}: the result has {} bytes, more than the {} MiB a template may build",
                    st.len(),
                    super::value::MAX_STRING >> 20
                )))
            }
            Ok(v) => Ok(RV::val(v)),
            Err(msg) => {
                self.set_cmd_node(ident, cmd);
                Err(self.errorf(format_args!("error calling {name}: {msg}")))
            }
        }
    }

    /// Place a function's argument-conversion error (`wrong type for value; expected T;
    /// got U` or `invalid value; expected T`) at the argument Go would blame, and word it
    /// as Go does for literals and nil interfaces.
    fn locate_arg_error(
        &mut self,
        msg: String,
        call_args: &'a [Arg],
        argv: &[Value],
        info: &[(NodeRef<'a>, bool)],
    ) -> String {
        let (want, idx) = if let Some(rest) = msg.strip_prefix("wrong type for value; expected ") {
            let Some((want, got)) = rest.split_once("; got ") else {
                return msg;
            };
            // a nil argument may be reported as `got interface {}` or `got <nil>`
            let idx = if got == "interface {}" || got == "<nil>" {
                argv.iter().position(|v| v.is_nil())
            } else {
                argv.iter().position(|v| v.type_name() == got)
            };
            (want.to_string(), idx)
        } else if let Some(want) = msg.strip_prefix("invalid value; expected ") {
            (want.to_string(), argv.iter().position(|v| v.is_nil()))
        } else {
            return msg;
        };
        let Some(idx) = idx else { return msg };
        self.node = info[idx].0;
        let invalid_nil = argv[idx].is_nil() && !info[idx].1;
        let Some(arg) = call_args.get(idx) else {
            return if invalid_nil {
                format!("invalid value; expected {want}")
            } else {
                msg
            };
        };
        match arg {
            Arg::Nil { .. } => format!("cannot assign nil to {want}"),
            Arg::Number(_) | Arg::Str { .. } | Arg::Bool { .. } => {
                let word = match want.as_str() {
                    "string" => "string",
                    "bool" => "bool",
                    "int" | "int8" | "int16" | "int32" | "int64" => "integer",
                    "uint" | "uint8" | "uint16" | "uint32" | "uint64" | "uintptr" => {
                        "unsigned integer"
                    }
                    "float32" | "float64" => "float",
                    _ => return format!("can't handle {arg} for arg of type {want}"),
                };
                format!("expected {word}; found {arg}")
            }
            _ if argv[idx].is_nil() && info[idx].1 => {
                format!("wrong type for value; expected {want}; got interface {{}}")
            }
            _ if invalid_nil => format!("invalid value; expected {want}"),
            _ => msg,
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
            Arg::Dot { .. }
            | Arg::Field { .. }
            | Arg::Variable { .. }
            | Arg::Pipe(_)
            | Arg::Identifier { .. }
            | Arg::Chain { .. } => match &v.v {
                Value::Str(_) => Ok(()),
                Value::Nil if !v.iface => Err(self.errorf("invalid value; expected string")),
                other => {
                    let t = if other.is_nil() {
                        "interface {}".to_string()
                    } else {
                        other.type_name()
                    };
                    Err(self.errorf(format_args!(
                        "wrong type for value; expected string; got {t}"
                    )))
                }
            },
            Arg::Nil { .. } => Err(self.errorf("cannot assign nil to string")),
            other => Err(self.errorf(format_args!("expected string; found {}", other))),
        }
    }

    fn eval_arg(&mut self, dot: &RV, n: &'a Arg) -> R<RV> {
        self.node = NodeRef::Arg(n);
        match n {
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => Ok(RV::invalid()),
            Arg::Field { idents, .. } => {
                self.eval_field_node(dot, n, idents, std::slice::from_ref(n), None)
            }
            Arg::Variable { idents, .. } => self.eval_variable_node(dot, n, idents, &[], None),
            Arg::Pipe(p) => self.eval_pipeline(dot, p),
            Arg::Identifier { name, .. } => {
                self.eval_function(dot, n, name, None, std::slice::from_ref(n), None)
            }
            Arg::Chain { node, fields, .. } => {
                self.eval_chain_node(dot, n, node, fields, &[], None)
            }
            Arg::Bool { value, .. } => Ok(RV::val(Value::Bool(*value))),
            Arg::Number(num) => self.ideal_constant(n, num),
            Arg::Str { text, .. } => Ok(RV::val(Value::str(&**text))),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn json_value(j: &serde_json::Value) -> Value {
        match j {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Value::str(s),
            serde_json::Value::Array(a) => {
                Value::from(a.iter().map(json_value).collect::<Vec<_>>())
            }
            serde_json::Value::Object(o) => Value::from(
                o.iter()
                    .map(|(k, v)| (k.clone(), json_value(v)))
                    .collect::<BTreeMap<_, _>>(),
            ),
        }
    }

    /// A host object shaped like Helm's `.Chart` (a field) and `.Files` (a method).
    #[derive(Debug)]
    struct TestObj;

    impl crate::gotmpl::Object for TestObj {
        fn type_name(&self) -> String {
            "struct { chart.Metadata; IsRoot bool }".into()
        }
        fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
            match name {
                "Name" if args.is_empty() => Some(Ok(Value::str("c"))),
                "Name" => Some(Err(FuncError::bare(
                    "Name has arguments but cannot be invoked as function",
                ))),
                "Get" if args.len() != 1 => Some(Err(FuncError::bare(format!(
                    "wrong number of args for Get: want 1 got {}",
                    args.len()
                )))),
                "Get" => Some(want_string(&args[0]).map(|s| Value::from(format!("file {s}")))),
                "Boom" => Some(Err(FuncError::new("exploded"))),
                "Glob" => Some(Ok(Value::Object(Rc::new(TestFiles)))),
                _ => None,
            }
        }
        fn format(&self) -> String {
            "{{c  [] 0.1.0  [] []  v2    false map[]  [] } true}".into()
        }
        fn to_plain(&self) -> Value {
            Value::Nil
        }
        fn kind(&self) -> &'static str {
            "struct"
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    /// Helm's `files` (a Go `map[string][]byte`), as `.Files.Glob` returns it.
    #[derive(Debug)]
    struct TestFiles;

    impl crate::gotmpl::Object for TestFiles {
        fn type_name(&self) -> String {
            "engine.files".into()
        }
        fn get(&self, _name: &str, _args: &[Value]) -> Option<Result<Value, FuncError>> {
            None
        }
        fn format(&self) -> String {
            "map[a.txt:[104 105] b.txt:[121 111]]".into()
        }
        fn to_plain(&self) -> Value {
            let mut m = BTreeMap::new();
            m.insert("a.txt".to_string(), Value::Bytes(Rc::from(&b"hi"[..])));
            m.insert("b.txt".to_string(), Value::Bytes(Rc::from(&b"yo"[..])));
            Value::from(m)
        }
        fn kind(&self) -> &'static str {
            "map"
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    fn f_add1(_: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        match args.first().unwrap_or(&Value::Nil) {
            Value::Int(i) | Value::Int64(i) => Ok(Value::Int64(i + 1)),
            _ => Err(FuncError::new("add1")),
        }
    }

    fn f_list(_: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        Ok(Value::from(args.to_vec()))
    }

    fn f_dict(_: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        let mut m = BTreeMap::new();
        for pair in args.chunks(2) {
            let k = pair[0].to_go_string();
            m.insert(k, pair.get(1).cloned().unwrap_or(Value::Str(Rc::from(""))));
        }
        Ok(Value::from(m))
    }

    fn f_include(h: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        let name = args
            .first()
            .and_then(|a| a.as_str())
            .unwrap_or("")
            .to_string();
        h.include(&name, args.get(1).cloned().unwrap_or(Value::Nil))
            .map(Value::from)
    }

    fn f_tpl(h: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        let text = args
            .first()
            .and_then(|a| a.as_str())
            .unwrap_or("")
            .to_string();
        h.tpl(&text, args.get(1).cloned().unwrap_or(Value::Nil))
            .map(Value::from)
    }

    fn f_semver(_: &mut dyn Host, _args: &[Value]) -> Result<Value, FuncError> {
        Err(FuncError::new("Invalid Semantic Version"))
    }

    /// Go's conversion of an argument to a `string` parameter, worded by the contract
    /// functions follow (the executor relocates and rewords it as Go does).
    fn want_string(v: &Value) -> Result<String, FuncError> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            // the funcs module reports nil this way; the executor rewords it per Go
            Value::Nil => Err(FuncError::bare(
                "wrong type for value; expected string; got interface {}",
            )),
            other => Err(FuncError::bare(format!(
                "wrong type for value; expected string; got {}",
                other.type_name()
            ))),
        }
    }

    fn want_int(v: &Value) -> Result<i64, FuncError> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Nil => Err(FuncError::bare("invalid value; expected int")),
            other => Err(FuncError::bare(format!(
                "wrong type for value; expected int; got {}",
                other.type_name()
            ))),
        }
    }

    fn f_upper(_: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        if args.len() != 1 {
            return Err(FuncError::bare(format!(
                "wrong number of args for upper: want 1 got {}",
                args.len()
            )));
        }
        Ok(Value::from(want_string(&args[0])?.to_uppercase()))
    }

    fn f_repeat(_: &mut dyn Host, args: &[Value]) -> Result<Value, FuncError> {
        if args.len() != 2 {
            return Err(FuncError::bare(format!(
                "wrong number of args for repeat: want 2 got {}",
                args.len()
            )));
        }
        let n = want_int(&args[0])?;
        let s = want_string(&args[1])?;
        Ok(Value::from(s.repeat(n.max(0) as usize)))
    }

    pub(crate) fn test_funcs() -> FuncMap {
        let mut f = FuncMap::default();
        f.insert("list", f_list as crate::gotmpl::Func);
        f.insert("dict", f_dict);
        f.insert("include", f_include);
        f.insert("tpl", f_tpl);
        f.insert("semver", f_semver);
        f.insert("upper", f_upper);
        f.insert("add1", f_add1);
        f.insert("repeat", f_repeat);
        f
    }

    fn data(vals: &str) -> Value {
        let v = if vals.is_empty() {
            Value::new_map()
        } else {
            json_value(&serde_json::from_str(vals).expect("test values are JSON"))
        };
        let mut rel = BTreeMap::new();
        rel.insert("Name".to_string(), Value::str("r"));
        rel.insert("Namespace".to_string(), Value::str("default"));
        let mut top = BTreeMap::new();
        top.insert("Chart".to_string(), Value::Object(Rc::new(TestObj)));
        top.insert("Files".to_string(), Value::Object(Rc::new(TestObj)));
        top.insert("Values".to_string(), v);
        top.insert("Release".to_string(), Value::from(rel));
        Value::from(top)
    }

    /// Render a snippet the way the probe does: as the body of `define "p"` in
    /// `c/templates/_p.tpl`, executed through `include`.
    fn render(vals: &str, tpl: &str, extra: &str) -> String {
        let funcs = test_funcs();
        let mut t = Templates::new();
        let text = format!("{{{{- define \"p\" -}}}}{tpl}{{{{- end -}}}}{extra}");
        if let Err(e) = t.parse("c/templates/_p.tpl", &text, &funcs) {
            return format!("PARSE: {}", e.msg);
        }
        match t.execute("p", data(vals), &funcs) {
            Ok(s) => s.replace("<no value>", "<NV>"),
            Err(e) => format!("ERR: {}", e.msg),
        }
    }

    fn check(cases: &[(&str, &str, &str, &str)]) {
        let cases: Vec<(String, String, String, String)> = cases
            .iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
            .collect();
        // include recursion goes 1000 levels deep: run with a big stack, as the binary does.
        let failures = std::thread::Builder::new()
            .stack_size(1 << 29)
            .spawn(move || {
                set_stack_budget(400 << 20);
                let mut failures = Vec::new();
                for (vals, tpl, extra, want) in &cases {
                    let got = render(vals, tpl, extra);
                    if &got != want {
                        failures.push(format!(
                            "template: {tpl}\n  values: {vals}\n  want: {want}\n  got:  {got}"
                        ));
                    }
                }
                failures
            })
            .expect("spawn")
            .join()
            .expect("join");
        if !failures.is_empty() {
            panic!("{} failures:\n{}", failures.len(), failures.join("\n"));
        }
    }

    /// (values JSON, template, expected output or `ERR: <Go error>`), expected text from
    /// Helm 3.17.3 (`<no value>` shown as `<NV>`).
    const CASES: &[(&str, &str, &str, &str)] = &[
        (r#""#, r#"plain text"#, r#""#, r#"plain text"#),
        (r#""#, r#"{{ .Values.missing }}"#, r#""#, r#"<NV>"#),
        (
            r#"{"s":"x"}"#,
            r#"{{ .Values.s.b }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <.Values.s.b>: can't evaluate field b in type interface {}"#,
        ),
        (
            r#"{"s":"x"}"#,
            r#"{{ $x := .Values.s }}{{ $x.b }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:44: executing "p" at <$x.b>: can't evaluate field b in type string"#,
        ),
        (
            r#""#,
            r#"{{ .Values.m.b }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <.Values.m.b>: nil pointer evaluating interface {}.b"#,
        ),
        (
            r#""#,
            r#"{{ $x := .Values.m }}{{ $x.b }}|"#,
            r#""#,
            r#"<NV>|"#,
        ),
        (
            r#"{"l":[null,1]}"#,
            r#"{{ range .Values.l }}[{{ . }}]{{ end }}"#,
            r#""#,
            r#"[<NV>][1]"#,
        ),
        (
            r#"{"l":[null,1]}"#,
            r#"{{ range .Values.l }}{{ .b }}{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:42: executing "p" at <.b>: nil pointer evaluating interface {}.b"#,
        ),
        (
            r#""#,
            r#"{{ html .Values.missing }} {{ print nil 1 "a" 2 3 }}"#,
            r#""#,
            r#"&lt;no value&gt; <nil> 1a2 3"#,
        ),
        (
            r#""#,
            r#"{{ eq nil nil }} {{ eq .Values.m nil }} {{ eq .Values.m 1 }}"#,
            r#""#,
            r#"true true false"#,
        ),
        (
            r#""#,
            r#"{{ lt .Values.m 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <lt .Values.m 1>: error calling lt: invalid type for comparison"#,
        ),
        (
            r#"{"a":{"x":1}}"#,
            r#"{{ eq .Values.a .Values.a }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq .Values.a .Values.a>: error calling eq: non-comparable type map[x:%!s(float64=1)]: map[string]interface {}"#,
        ),
        (
            r#"{"a":{"x":1},"b":[1]}"#,
            r#"{{ eq .Values.a .Values.b }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq .Values.a .Values.b>: error calling eq: non-comparable types map[x:%!s(float64=1)]: map[string]interface {}, []interface {}: [1]"#,
        ),
        (
            r#"{"a":{"x":1}}"#,
            r#"{{ eq .Values.a "x" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq .Values.a "x">: error calling eq: incompatible types for comparison"#,
        ),
        (
            r#"{"b":[1]}"#,
            r#"{{ eq .Values.b .Values.b }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq .Values.b .Values.b>: error calling eq: non-comparable type [%!s(float64=1)]: []interface {}"#,
        ),
        (
            r#"{"f":1.5}"#,
            r#"{{ eq .Values.f 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq .Values.f 1>: error calling eq: incompatible types for comparison"#,
        ),
        (
            r#"{"f":1}"#,
            r#"{{ eq .Values.f 1.0 }} {{ lt .Values.f 2.5 }}"#,
            r#""#,
            r#"true true"#,
        ),
        (
            r#""#,
            r#"{{ len nil }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value"#,
        ),
        (
            r#""#,
            r#"{{ len .Values.m }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <len .Values.m>: error calling len: len of nil pointer"#,
        ),
        (
            r#""#,
            r#"{{ .Values.m | len }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:33: executing "p" at <len>: error calling len: reflect: call of reflect.Value.Type on zero Value"#,
        ),
        (
            r#""#,
            r#"{{ len 3 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <len 3>: error calling len: len of type int"#,
        ),
        (
            r#""#,
            r#"{{ index (list 1 2) 2 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index (list 1 2) 2>: error calling index: reflect: slice index out of range"#,
        ),
        (
            r#""#,
            r#"{{ index (list 1 2) 5 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index (list 1 2) 5>: error calling index: index out of range: 5"#,
        ),
        (r#""#, r#"{{ index "abc" 1 }}"#, r#""#, r#"98"#),
        (
            r#""#,
            r#"{{ index nil 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index nil 1>: error calling index: index of untyped nil"#,
        ),
        (
            r#""#,
            r#"{{ index .Values "a" "b" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index .Values "a" "b">: error calling index: index of nil pointer"#,
        ),
        (
            r#"{"a":{"b":[5,6]}}"#,
            r#"{{ index .Values "a" "b" 1 }} {{ index .Values.a.b 0 }}"#,
            r#""#,
            r#"6 5"#,
        ),
        (
            r#"{"a":{"b":[5,6]}}"#,
            r#"{{ index .Values.a 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index .Values.a 1>: error calling index: value has type int; should be string"#,
        ),
        (
            r#"{"a":[1]}"#,
            r#"{{ index .Values.a "x" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index .Values.a "x">: error calling index: cannot index slice/array with type string"#,
        ),
        (
            r#""#,
            r#"{{ template "nope" . }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:30: executing "p" at <{{template "nope" .}}>: template "nope" not defined"#,
        ),
        (
            r#""#,
            r#"{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}"#,
            r#""#,
            r#"2"#,
        ),
        (
            r#""#,
            r#"{{ range $i, $v := list 1 2 }}{{ $i }}{{ $v }}{{ end }}|{{ range $k, $v := dict "b" 1 "a" 2 }}{{ $k }}{{ $v }}{{ end }}"#,
            r#""#,
            r#"0112|a2b1"#,
        ),
        (
            r#""#,
            r#"{{ range list 1 2 3 }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ . }}{{ end }}|{{ range list 1 2 3 }}{{ if eq . 2 }}{{ break }}{{ end }}{{ . }}{{ end }}"#,
            r#""#,
            r#"13|1"#,
        ),
        (
            r#""#,
            r#"{{ with .Values.m }}x{{ else with .Values.n }}y{{ else }}z{{ end }}"#,
            r#""#,
            r#"z"#,
        ),
        (
            r#"{"n":{"k":"v"}}"#,
            r#"{{ with .Values.m }}x{{ else with .Values.n }}{{ .k }}{{ else }}z{{ end }}"#,
            r#""#,
            r#"v"#,
        ),
        (
            r#""#,
            r#"{{ and 1 0 2 }} {{ or 0 "" "x" }} {{ and 1 2 }} {{ or 0 "" }} {{ 3 | and 1 }} {{ and .Values.m .Values.m.x }}"#,
            r#""#,
            r#"0 x 2  3 <NV>"#,
        ),
        (
            r#""#,
            r#"{{ or 1 .Values.m.x }} {{ 0 | or 0 }} {{ and }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:59: executing "p" at <and>: wrong number of args for and: want at least 1 got 0"#,
        ),
        (
            r#"{"s":"abc"}"#,
            r#"{{ range .Values.s }}x{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:34: executing "p" at <.Values.s>: range can't iterate over abc"#,
        ),
        (
            r#""#,
            r#"{{ range 3 }}{{ . }}{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <3>: range can't iterate over 3"#,
        ),
        (
            r#""#,
            r#"{{ range .Values.m }}x{{ else }}empty{{ end }}"#,
            r#""#,
            r#"empty"#,
        ),
        (
            r#""#,
            r#"{{ not 0 }} {{ not "a" }} {{ len "abc" }} {{ len (list 1) }} {{ index (dict "a" 1) "a" }} {{ index (dict "a" 1) "b" }}"#,
            r#""#,
            r#"true false 3 1 1 <NV>"#,
        ),
        (
            r#""#,
            r#"{{ print 1 2 }} {{ println 1 "a" }} {{ printf "%v %s" nil nil }}"#,
            r#""#,
            r#"1 2 1 a
 <nil> %!s(<nil>)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%d" }} {{ printf "%d %d" 1 }} {{ printf "x" 1 "a" }} {{ printf "%" }} {{ printf "%*d" "a" 1 }} {{ printf "%.*d" "a" 1 }} {{ printf "%[2]d %[1]d" 1 2 }} {{ printf "%[3]d" 1 }}"#,
            r#""#,
            r#"%!d(MISSING) 1 %!d(MISSING) x%!(EXTRA int=1, string=a) %!(NOVERB) %!(BADWIDTH)1 %!(BADPREC)1 2 1 %!d(BADINDEX)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%v %e %E %f %g %G %.2e %.3g %8.3f %-8.2f| %+.1f %x" 1.5 1234.5678 0.000012 3.0 100000000.0 1e-7 123456.0 0.00012345 3.14159 2.5 -0.05 255 }}"#,
            r#""#,
            r#"1.5 1.234568e+03 1.200000E-05 3.000000 1e+08 1E-07 1.23e+05 0.000123    3.142 2.50    | -0.1 ff"#,
        ),
        (
            r#""#,
            r#"{{ printf "%t %v %s %d" true false true true }}"#,
            r#""#,
            r#"true false %!s(bool=true) %!d(bool=true)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%s %v %d %q %x" (list "a" 1) (dict "a" 1 "b" (list 2)) (list 1 2) (list "a" "b") "hi" }}"#,
            r#""#,
            r#"[a %!s(int=1)] map[a:1 b:[2]] [1 2] ["a" "b"] 6869"#,
        ),
        (
            r#""#,
            r#"{{ printf "%T %T %T %T %T %T" 1 1.5 "a" (list) (dict) nil }}"#,
            r#""#,
            r#"int float64 string []interface {} map[string]interface {} <nil>"#,
        ),
        (
            r#""#,
            r#"{{ eq 1 1 2 }} {{ eq "a" "b" "a" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1 2 }}"#,
            r#""#,
            r#"true true true true true true false"#,
        ),
        (
            r#""#,
            r#"{{ eq 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq 1>: error calling eq: missing argument for comparison"#,
        ),
        (
            r#""#,
            r#"{{ eq }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq>: wrong number of args for eq: want at least 1 got 0"#,
        ),
        (
            r#""#,
            r#"{{ lt true false }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <lt true false>: error calling lt: invalid type for comparison"#,
        ),
        (
            r#""#,
            r#"{{ ne 1 2 3 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <ne>: wrong number of args for ne: want 2 got 3"#,
        ),
        (
            r#""#,
            r#"{{ printf "%05s|%-5d|%+d|% d|%x|%X|%o|%O|%b|%c|%q|%U|%#U|%#x|%#o" "ab" 3 3 3 255 "hi" 8 8 5 65 66 65 65 255 8 }}"#,
            r#""#,
            r#"000ab|3    |+3| 3|ff|6869|10|0o10|101|A|'B'|U+0041|U+0041 'A'|0xff|010"#,
        ),
        (
            r#""#,
            r#"{{ js "a=b<c>\"x\" é\u2028'" }} {{ urlquery "a b&c/é" }} {{ html "<a href='x'>&\"" }}"#,
            r#""#,
            r#"a\u003Db\u003Cc\u003E\"x\" é\u2028\' a+b%26c%2F%C3%A9 &lt;a href=&#39;x&#39;&gt;&amp;&#34;"#,
        ),
        (
            r#"{"n":1000000,"f":1.5,"s":0.00001,"i":123456,"j":1234567}"#,
            r#"{{ .Values.n }} {{ .Values.f }} {{ .Values.s }} {{ .Values.i }} {{ .Values.j }}"#,
            r#""#,
            r#"1e+06 1.5 1e-05 123456 1.234567e+06"#,
        ),
        (
            r#"{"n":80}"#,
            r#"{{ printf "%d" .Values.n }} {{ printf "%s" .Values.n }} {{ printf "%v" .Values.n }} {{ printf "%5.1f|%-6v|%06.2f" .Values.n .Values.n 3.14159 }}"#,
            r#""#,
            r#"%!d(float64=80) %!s(float64=80) 80  80.0|80    |003.14"#,
        ),
        (
            r#"{"a":{"b":{"c":1}},"l":["x",{"y":null}]}"#,
            r#"{{ .Values.a }} {{ .Values.l }} {{ print .Values }}"#,
            r#""#,
            r#"map[b:map[c:1]] [x map[y:<nil>]] map[a:map[b:map[c:1]] l:[x map[y:<nil>]]]"#,
        ),
        (
            r#""#,
            r#"{{ template "inner" "x" }}{{ template "inner" }}{{ include "inner" 5 }}"#,
            r#"{{- define "inner" -}}[{{ . }}]{{- end -}}"#,
            r#"[x][<NV>][5]"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ .a }}-{{ .b }}" (dict "a" 1) }}"#,
            r#""#,
            r#"1-"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ include \"h\" 1 }}" . }}"#,
            r#"{{- define "h" -}}H{{ . }}{{- end -}}"#,
            r#"H1"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ define \"t2\" }}T2{{ end }}{{ template \"t2\" }}" . }}|{{ include "t2" . }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:87: executing "p" at <include "t2" .>: error calling include: template: no template "t2" associated with template "gotpl""#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ .a.b }}" (dict) }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <tpl "{{ .a.b }}" (dict)>: error calling tpl: error during tpl function execution for "{{ .a.b }}": template: gotpl:1:5: executing "gotpl" at <.a.b>: nil pointer evaluating interface {}.b"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ .a" (dict) }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <tpl "{{ .a" (dict)>: error calling tpl: cannot parse template "{{ .a": template: gotpl:1: unclosed action"#,
        ),
        (
            r#""#,
            r#"{{ include "nope" . }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl""#,
        ),
        (
            r#""#,
            r#"{{ include "r" . }}"#,
            r#"{{- define "r" -}}{{ include "r" . }}{{- end -}}"#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "r" at <include "r" .>: error calling include: rendering template has a nested reference name: r: unable to execute template"#,
        ),
        (
            r#""#,
            r#"{{ $x := 1 }}{{ range $i, $y := list 5 6 }}{{ $x = $y }}{{ end }}{{ $x }}"#,
            r#""#,
            r#"6"#,
        ),
        (
            r#""#,
            r#"{{ range $i, $v := dict "a" 1 }}{{ $i }}={{ $v }}{{ end }}{{ range $v := list 7 }}{{ $v }}{{ end }}"#,
            r#""#,
            r#"a=17"#,
        ),
        (
            r#""#,
            r#"{{ $v := 0 }}{{ range $v = list 7 8 }}{{ end }}{{ $v }}|{{ $i := 0 }}{{ range $i, $v = list 7 8 }}{{ end }}{{ $i }}{{ $v }}"#,
            r#""#,
            r#"8|18"#,
        ),
        (
            r#""#,
            r#"{{ range list 1 2 }}{{ range list 3 4 }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}{{ . }}{{ end }}"#,
            r#""#,
            r#"3132"#,
        ),
        (
            r#""#,
            r#"{{ if and (eq 1 1) (ne 2 3) }}yes{{ else if true }}no{{ end }}"#,
            r#""#,
            r#"yes"#,
        ),
        (
            r#"{"t":true}"#,
            r#"{{ if .Values.t }}T{{ end }}{{ if not .Values.f }}F{{ end }}{{ if .Values.e }}{{ else }}E{{ end }}"#,
            r#""#,
            r#"TFE"#,
        ),
        (
            r#""#,
            r#"{{ (dict "a" 1).a }} {{ (dict "a" 1).b }} {{ (.Values.m).x }}"#,
            r#""#,
            r#"1 <NV> <NV>"#,
        ),
        (
            r#"{"x":1}"#,
            r#"{{ .Values.x 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <.Values.x>: x is not a method but has arguments"#,
        ),
        (
            r#""#,
            r#"{{ 1 2 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <1>: can't give argument to non-function 1"#,
        ),
        (
            r#""#,
            r#"{{ nil }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <nil>: nil is not a command"#,
        ),
        (
            r#""#,
            r#"{{ .Release.Name }} {{ $.Release.Name }} {{ with .Release }}{{ $.Release.Namespace }}{{ .Name }}{{ end }}"#,
            r#""#,
            r#"r r defaultr"#,
        ),
        (
            r#""#,
            r#"{{ printf "%s" 1 2 }}"#,
            r#""#,
            r#"%!s(int=1)%!(EXTRA int=2)"#,
        ),
        (
            r#""#,
            r#"{{ printf 1 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <1>: expected string; found 1"#,
        ),
        (
            r#""#,
            r#"{{ printf .Values.m }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:35: executing "p" at <.Values.m>: wrong type for value; expected string; got interface {}"#,
        ),
        (
            r#""#,
            r#"{{ printf nil }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <nil>: cannot assign nil to string"#,
        ),
        (
            r#""#,
            r#"{{ 0x1F }} {{ 1e3 }} {{ 'a' }} {{ 1_000 }} {{ 0o17 }} {{ -5 }} {{ 1.0 }} {{ 017 }} {{ 0b101 }}"#,
            r#""#,
            r#"31 1000 97 1000 15 -5 1 15 5"#,
        ),
        (
            r#""#,
            r#"{{ printf "%T %T %T" 1e3 0x10 'a' }}"#,
            r#""#,
            r#"float64 int int"#,
        ),
        (
            r#""#,
            r#"{{ call .Values.m }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <call .Values.m>: error calling call: call of nil"#,
        ),
        (
            r#""#,
            r#"{{ printf "%6.2v|%.3s|%-4s|%4q|%x|% x|%#x|%X" 3.14159 "abcdef" "a" "b" "héllo" "ab" "ab" "ab" }}"#,
            r#""#,
            r#"   3.1|abc|a   | "b"|68c3a96c6c6f|61 62|0x6162|6162"#,
        ),
        (
            r#""#,
            r#"{{ printf "%g %g %g %g %v %v" 100000.0 1000000.0 0.0001 0.00001 1e21 1e20 }}"#,
            r#""#,
            r#"100000 1e+06 0.0001 1e-05 1e+21 1e+20"#,
        ),
        (
            r#""#,
            r#"{{ printf "%.0f %.0f %.1f %.2f %e %.0e" 0.5 1.5 0.25 1.005 0.0 5.0 }}"#,
            r#""#,
            r#"0 2 0.2 1.00 0.000000e+00 5e+00"#,
        ),
        (
            r#""#,
            r#"{{ printf "%#g %#.3g %#v %+v %#v" 1.0 2.0 (list 1 "a") (dict "a" 1) "s" }}"#,
            r#""#,
            r#"1.00000 2.00 []interface {}{1, "a"} map[a:1] "s""#,
        ),
        (
            r#""#,
            r#"{{ printf "%d %d" (len (list)) -7 }} {{ printf "%08.3f|%+08d|%-08d|%x" -3.5 42 42 -255 }}"#,
            r#""#,
            r#"0 -7 -003.500|+0000042|42      |-ff"#,
        ),
        (
            r#""#,
            r#"{{ printf "%q %q %+q %#q" "tab\there" "é\u0001" "é" "back`q" }}"#,
            r#""#,
            r#""tab\there" "é\x01" "\u00e9" "back`q""#,
        ),
        (
            r#""#,
            r#"{{ printf "%c %q %U" 0x1F600 0x1F600 0x1F600 }}"#,
            r#""#,
            r#"😀 '😀' U+1F600"#,
        ),
        (
            r#""#,
            r#"{{ printf "%!" }} {{ printf "%z" 1 }} {{ printf "%-+ #0d" 5 }} {{ printf "%[1]d %d" 1 2 }} {{ printf "%[x]d" 1 }}"#,
            r#""#,
            r#"%!!(MISSING) %!z(int=1) +5 1 2 %!d(BADINDEX)"#,
        ),
        (
            r#""#,
            r#"{{ print "a" "b" 1 2 "c" nil nil }} {{ println }}"#,
            r#""#,
            r#"ab1 2c<nil> <nil> 
"#,
        ),
    ];

    #[test]
    fn helm_cases() {
        check(CASES);
    }

    /// More cases: trim markers, tpl errors, scoping, range forms, comparisons, errors in
    /// every position.
    const CASES2: &[(&str, &str, &str, &str)] = &[
        (
            r#""#,
            r#"a  {{- 1 -}}  b {{- /* c */ -}} c {{/* d */}} e"#,
            r#""#,
            r#"a1bc  e"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ .a" (dict) }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <tpl "{{ .a" (dict)>: error calling tpl: cannot parse template "{{ .a": template: gotpl:1: unclosed action"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ semver \"bad\" }}" (dict) }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <tpl "{{ semver \"bad\" }}" (dict)>: error calling tpl: error during tpl function execution for "{{ semver \"bad\" }}": template: gotpl:1:3: executing "gotpl" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (r#""#, r#"{{ tpl "x{{ .Values.m }}y" . }}"#, r#""#, r#"xy"#),
        (
            r#""#,
            r#"{{ tpl "{{ tpl \"{{ .a }}\" . }}" (dict "a" 3) }}"#,
            r#""#,
            r#"3"#,
        ),
        (
            r#""#,
            r#"{{ tpl "{{ include \"t3\" . }}" . }}"#,
            r#"{{- define "t3" -}}T3{{ tpl "{{ 1 }}" . }}{{- end -}}"#,
            r#"T31"#,
        ),
        (
            r#""#,
            r#"{{ include "e" . }}"#,
            r#"{{- define "e" -}}{{ semver "bad" }}{{- end -}}"#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <include "e" .>: error calling include: template: c/templates/_p.tpl:1:69: executing "e" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ template "e" . }}"#,
            r#"{{- define "e" -}}

  {{ .Values.m.x }}{{- end -}}"#,
            r#"ERR: template: c/templates/_p.tpl:3:12: executing "e" at <.Values.m.x>: nil pointer evaluating interface {}.x"#,
        ),
        (
            r#""#,
            r#"{{ $a := 1 }}{{ with $b := 2 }}{{ $a }}{{ $b }}{{ end }}{{ if $c := 3 }}{{ $c }}{{ end }}"#,
            r#""#,
            r#"123"#,
        ),
        (
            r#""#,
            r#"{{ $x := 1 }}{{ range list 1 2 }}{{ $x := . }}{{ $x }}{{ end }}{{ $x }}"#,
            r#""#,
            r#"121"#,
        ),
        (
            r#""#,
            r#"{{ range $i, $e := list "a" "b" }}{{ $i }}:{{ $e }}:{{ $.Release.Name }} {{ end }}"#,
            r#""#,
            r#"0:a:r 1:b:r "#,
        ),
        (
            r#"{"m":{"b":2,"a":1,"B":3,"_":4}}"#,
            r#"{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }},{{ end }}"#,
            r#""#,
            r#"B=3,_=4,a=1,b=2,"#,
        ),
        (
            r#"{"m":{"a":{"x":1}}}"#,
            r#"{{ range .Values.m }}{{ .x }}{{ end }}"#,
            r#""#,
            r#"1"#,
        ),
        (
            r#""#,
            r#"{{ range $i := list 4 5 }}{{ $i }}{{ end }}"#,
            r#""#,
            r#"45"#,
        ),
        (
            r#""#,
            r#"{{ range list }}x{{ else }}empty{{ end }}{{ range dict }}x{{ else }}empty2{{ end }}"#,
            r#""#,
            r#"emptyempty2"#,
        ),
        (
            r#""#,
            r#"{{ with 0 }}x{{ else }}zero{{ end }}{{ with "" }}{{ else with list }}{{ else with dict "a" 1 }}{{ .a }}{{ end }}"#,
            r#""#,
            r#"zero1"#,
        ),
        (
            r#"{"a":[]}"#,
            r#"{{ if .Values.a }}y{{ else }}n{{ end }}{{ if .Values }}v{{ end }}"#,
            r#""#,
            r#"nv"#,
        ),
        (
            r#""#,
            r#"{{ if eq .Values.m nil }}nil{{ end }}"#,
            r#""#,
            r#"nil"#,
        ),
        (
            r#"{"i":3}"#,
            r#"{{ if gt .Values.i 2.0 }}big{{ end }} {{ if gt (len (list 1 2)) 1 }}two{{ end }}"#,
            r#""#,
            r#"big two"#,
        ),
        (
            r#"{"i":3}"#,
            r#"{{ if gt .Values.i 2 }}big{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:24: executing "p" at <gt .Values.i 2>: error calling gt: incompatible types for comparison"#,
        ),
        (
            r#""#,
            r#"{{ block "blk" . }}default{{ end }}"#,
            r#""#,
            r#"default"#,
        ),
        (
            r#""#,
            r#"{{ 1 | printf "%d-%s" "a" }}"#,
            r#""#,
            r#"%!d(string=a)-%!s(int=1)"#,
        ),
        (r#""#, r#"{{ "x" | printf }}"#, r#""#, r#"x"#),
        (
            r#""#,
            r#"{{ printf "%s" "a" | printf "[%s]" }}"#,
            r#""#,
            r#"[a]"#,
        ),
        (r#""#, r#"{{ .Values | len }}"#, r#""#, r#"0"#),
        (
            r#""#,
            r#"{{ (list 1 2).foo }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:29: executing "p" at <2>: can't evaluate field foo in type []interface {}"#,
        ),
        (
            r#""#,
            r#"{{ $l := list 1 }}{{ $l.foo }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:41: executing "p" at <$l.foo>: can't evaluate field foo in type []interface {}"#,
        ),
        (
            r#""#,
            r#"{{ .Release.Name.foo }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:29: executing "p" at <.Release.Name.foo>: can't evaluate field foo in type interface {}"#,
        ),
        (
            r#""#,
            r#"{{ index .Values.m "x" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index .Values.m "x">: error calling index: index of untyped nil"#,
        ),
        (
            r#"{"m":{"x":null}}"#,
            r#"{{ index .Values.m "x" "y" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index .Values.m "x" "y">: error calling index: index of nil pointer"#,
        ),
        (
            r#"{"m":{"x":null}}"#,
            r#"{{ .Values.m.x.y }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <.Values.m.x.y>: nil pointer evaluating interface {}.y"#,
        ),
        (
            r#"{"l":[[1,2],[3]]}"#,
            r#"{{ index .Values.l 0 1 }} {{ index .Values.l 1 }}"#,
            r#""#,
            r#"2 [3]"#,
        ),
        (
            r#""#,
            r#"{{ printf "%d %v %s" 3000000000 3000000000 (print 3000000000) }}"#,
            r#""#,
            r#"3000000000 3000000000 3000000000"#,
        ),
        (
            r#"{"a":3000000000, "b":1e21, "c":1.23456789012e-5, "d":-0.0, "e":100}"#,
            r#"{{ .Values.a }} {{ .Values.b }} {{ .Values.c }} {{ .Values.d }} {{ .Values.e }}"#,
            r#""#,
            r#"3e+09 1e+21 1.23456789012e-05 -0 100"#,
        ),
        (
            r#""#,
            r#"{{ urlquery "a" 1 nil }} {{ html 1 "<" }} {{ js nil }}"#,
            r#""#,
            r#"a1%3Cno+value%3E 1&lt; \u003Cno value\u003E"#,
        ),
        (
            r#""#,
            r#"{{ not }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <not>: wrong number of args for not: want 1 got 0"#,
        ),
        (
            r#""#,
            r#"{{ len 1 2 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <len>: wrong number of args for len: want 1 got 2"#,
        ),
        (
            r#""#,
            r#"{{ index }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <index>: wrong number of args for index: want at least 1 got 0"#,
        ),
        (
            r#""#,
            r#"{{ printf }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <printf>: wrong number of args for printf: want at least 1 got 0"#,
        ),
        (
            r#""#,
            r#"{{ and 0 (semver "bad") }} {{ or 1 (semver "bad") }}"#,
            r#""#,
            r#"0 1"#,
        ),
        (
            r#""#,
            r#"{{ and 1 (semver "bad") }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ semver "bad" | printf "%s" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ list 1 (semver "bad") }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:29: executing "p" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ $x := semver "bad" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ range $x := semver "bad" }}{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:33: executing "p" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ if semver "bad" }}{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:24: executing "p" at <semver "bad">: error calling semver: Invalid Semantic Version"#,
        ),
        (
            r#""#,
            r#"{{ with $v := .Values }}{{ $v | len }}{{ end }}"#,
            r#""#,
            r#""#,
        ),
        (
            r#""#,
            r#"{{ range $i, $c := "ab" }}{{ end }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:37: executing "p" at <"ab">: range can't iterate over ab"#,
        ),
        (
            r#""#,
            r#"{{ ne nil 1 }} {{ eq "" nil }} {{ ne .Values.m .Values.n }}"#,
            r#""#,
            r#"true false false"#,
        ),
        (r#""#, r#"{{ eq (list 1) nil }}"#, r#""#, r#"false"#),
        (
            r#""#,
            r#"{{ le 1 1.5 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <le 1 1.5>: error calling le: incompatible types for comparison"#,
        ),
        (
            r#""#,
            r#"{{ ge "a" "b" }} {{ gt 2 1 }} {{ lt "abc" "abd" }}"#,
            r#""#,
            r#"false true true"#,
        ),
        (
            r#""#,
            r#"{{ eq 1 true }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <eq 1 true>: error calling eq: incompatible types for comparison"#,
        ),
        (
            r#""#,
            r#"{{ eq true true }} {{ ne false true }}"#,
            r#""#,
            r#"true true"#,
        ),
        (
            r#"{"x":"5"}"#,
            r#"{{ eq .Values.x "5" }} {{ eq .Values.x 5 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:44: executing "p" at <eq .Values.x 5>: error calling eq: incompatible types for comparison"#,
        ),
    ];

    #[test]
    fn helm_cases2() {
        check(CASES2);
    }

    /// Argument-conversion errors of typed functions, located and worded as Go does.
    const CASES3: &[(&str, &str, &str, &str)] = &[
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper .Values.n }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:34: executing "p" at <.Values.n>: wrong type for value; expected string; got float64"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ .Values.n | upper }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:33: executing "p" at <upper>: wrong type for value; expected string; got float64"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ repeat .Values.n "x" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:35: executing "p" at <.Values.n>: wrong type for value; expected int; got float64"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ repeat 2 .Values.n }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:37: executing "p" at <.Values.n>: wrong type for value; expected string; got float64"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper .Values.m }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:34: executing "p" at <.Values.m>: wrong type for value; expected string; got interface {}"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ .Values.m | upper }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:33: executing "p" at <upper>: invalid value; expected string"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper 3 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <3>: expected string; found 3"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper nil }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <nil>: cannot assign nil to string"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper true }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <true>: expected string; found true"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ repeat "a" "x" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <"a">: expected integer; found "a""#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ repeat 1.5 "x" }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <1.5>: expected integer; found 1.5"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ repeat }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <repeat>: wrong number of args for repeat: want 2 got 0"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ repeat 1 2 3 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:21: executing "p" at <repeat>: wrong number of args for repeat: want 2 got 3"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ "x" | repeat 1 2 }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <repeat>: wrong number of args for repeat: want 2 got 3"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper (list 1) }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:33: executing "p" at <1>: wrong type for value; expected string; got []interface {}"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ $v := .Values.m }}{{ upper $v }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:48: executing "p" at <$v>: invalid value; expected string"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper (.Values.m) }}"#,
            r#""#,
            r#"ERR: template: c/templates/_p.tpl:1:35: executing "p" at <.Values.m>: invalid value; expected string"#,
        ),
        (
            r#"{"n": 3, "s": "x"}"#,
            r#"{{ upper .Values.s }} {{ .Values.s | upper }} {{ repeat 3 "ab" }} {{ "z" | repeat 2 }}"#,
            r#""#,
            r#"X X ababab zz"#,
        ),
    ];

    #[test]
    fn helm_cases3() {
        check(CASES3);
    }

    /// Go's fmt through `printf`/`print`: verbs, flags, widths, precisions, error forms.
    const FMT_CASES: &[(&str, &str, &str, &str)] = &[
        (
            r#"{"a":1.5,"b":1000000,"c":0.1,"d":-2,"e":123456789,"f":1e-7,"g":2.5e10,"h":0.30000000000000004}"#,
            r#"{{ printf "%v|%v|%v|%v|%v|%v|%v|%v" .Values.a .Values.b .Values.c .Values.d .Values.e .Values.f .Values.g .Values.h }}"#,
            r#""#,
            r#"1.5|1e+06|0.1|-2|1.23456789e+08|1e-07|2.5e+10|0.30000000000000004"#,
        ),
        (
            r#"{"a":1.5,"b":1000000,"c":0.1,"d":-2,"e":123456789,"f":1e-7,"g":2.5e10}"#,
            r#"{{ printf "%f|%.2f|%e|%g|%G|%.3e|%10.4f|%-10.1f|" .Values.a .Values.b .Values.c .Values.d .Values.e .Values.f .Values.g .Values.a }}"#,
            r#""#,
            r#"1.500000|1000000.00|1.000000e-01|-2|1.23456789E+08|1.000e-07|25000000000.0000|1.5       |"#,
        ),
        (
            r#"{"a":1.5,"d":-2}"#,
            r#"{{ printf "%+f|% f|%08.2f|%+08.2f|%-8.2f|%8.2f|%.0f|%#.0f|%#g|%#.4g" .Values.a .Values.a .Values.d .Values.a .Values.d .Values.d .Values.a .Values.a .Values.a .Values.d }}"#,
            r#""#,
            r#"+1.500000| 1.500000|-0002.00|+0001.50|-2.00   |   -2.00|2|2.|1.50000|-2.000"#,
        ),
        (
            r#""#,
            r#"{{ printf "%.1f %.1f %.1f %.1f %.2f %.2f" 0.05 0.15 0.25 0.35 2.675 1.005 }}"#,
            r#""#,
            r#"0.1 0.1 0.2 0.3 2.67 1.00"#,
        ),
        (
            r#""#,
            r#"{{ printf "%g %g %g %g %g %g %g" 1e5 1e6 1e-4 1e-5 123456.7 1234567.0 0.000123456 }}"#,
            r#""#,
            r#"100000 1e+06 0.0001 1e-05 123456.7 1.234567e+06 0.000123456"#,
        ),
        (
            r#""#,
            r#"{{ printf "%.2g %.10g %.1g %.0g %.3g %.3g" 123.0 1.0 0.05 7.0 1e10 99999.0 }}"#,
            r#""#,
            r#"1.2e+02 1 0.05 7 1e+10 1e+05"#,
        ),
        (
            r#""#,
            r#"{{ printf "%e %E %.1e %.10e" 123456.789 0.000001 9.96 1.0 }}"#,
            r#""#,
            r#"1.234568e+05 1.000000E-06 1.0e+01 1.0000000000e+00"#,
        ),
        (
            r#""#,
            r#"{{ printf "%5s|%-5s|%.2s|%5.1s|%05d|%-05d|%5t|%-7v|%3v" "ab" "ab" "abc" "xyz" -42 7 true nil "long" }}"#,
            r#""#,
            r#"   ab|ab   |ab|    x|-0042|7    | true|<nil>  |long"#,
        ),
        (
            r#""#,
            r#"{{ printf "%x %X %#X %o %#o %b %#b %08b" -1 3054 3054 -8 0 5 5 5 }}"#,
            r#""#,
            r#"-1 BEE 0XBEE -10 0 101 0b101 00000101"#,
        ),
        (
            r#""#,
            r#"{{ printf "%d|%5d|%-5d|%05d|%.3d|%6.3d|%+.3d|% 05d" 42 42 42 -42 7 7 7 7 }}"#,
            r#""#,
            r#"42|   42|42   |-0042|007|   007|+007| 0007"#,
        ),
        (
            r#""#,
            r#"{{ printf "%s|%10v|%-10v|%v" (list 1 "a" nil) (list 1 2) (list 3) (list (list 1) (dict "k" nil)) }}"#,
            r#""#,
            r#"[%!s(int=1) a <nil>]|[         1          2]|[3         ]|[[1] map[k:<nil>]]"#,
        ),
        (
            r#""#,
            r#"{{ printf "%d|%s|%x|%q|%5d" (dict "a" 1 "b" "x") (dict "a" 1) (list "hi" 255) (dict "k" "v") (list 1 22) }}"#,
            r#""#,
            r#"map[%!d(string=a):1 %!d(string=b):%!d(string=x)]|map[a:%!s(int=1)]|[6869 ff]|map["k":"v"]|[    1    22]"#,
        ),
        (
            r#""#,
            r#"{{ printf "%v %d %s %x" (list true false) (list true) (list 1.5) (list 1.5) }}"#,
            r#""#,
            r#"[true false] [%!d(bool=true)] [%!s(float64=1.5)] [0x1.8p+00]"#,
        ),
        (
            r#""#,
            r#"{{ printf "%s %v %q %x % x %#x %X" "" "" "" "" "" "" "hello" }}"#,
            r#""#,
            r#"  ""    68656C6C6F"#,
        ),
        (
            r#""#,
            r#"{{ printf "%q|%q|%q|%#q|%+q" "\u00e9\u0000\u007f" "\u2028\u00a0\ufeff" "\U0001F600" "a\tb" "\U0001F600" }}"#,
            r#""#,
            r#""é\x00\x7f"|"\u2028\u00a0\ufeff"|"😀"|`a	b`|"\U0001f600""#,
        ),
        (
            r#""#,
            r#"{{ printf "%c|%c|%q|%U|%#U|%#U" 65 0x10FFFF 0 0x1F600 9 0x1F600 }}"#,
            r#""#,
            r#"A|􏿿|'\x00'|U+1F600|U+0009|U+1F600 '😀'"#,
        ),
        (
            r#""#,
            r#"{{ printf "%!d %z %!" 1 }}"#,
            r#""#,
            r#"%!!(int=1)d %!z(MISSING) %!!(MISSING)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%[2]*[1]d|%[3]d|%[1]d %d %d" 12 5 9 }}"#,
            r#""#,
            r#"   12|9|12 5 9"#,
        ),
        (
            r#""#,
            r#"{{ printf "%-*d|%*d|%.*f" 4 7 -4 7 2 3.14159 }}"#,
            r#""#,
            r#"7   |7   |3.14"#,
        ),
        (
            r#""#,
            r#"{{ printf "%*d" 10000000 1 }}"#,
            r#""#,
            r#"%!(BADWIDTH)1"#,
        ),
        (
            r#""#,
            r#"{{ printf "%.*d" -1 5 }}"#,
            r#""#,
            r#"%!(BADPREC)5"#,
        ),
        (
            r#""#,
            r#"{{ printf "%d %d" 1 }}|{{ printf "%[0]d" 1 }}|{{ printf "%[1]" 1 }}"#,
            r#""#,
            r#"1 %!d(MISSING)|%!d(BADINDEX)|%!(NOVERB)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%v %v" 1 }}{{ printf "%s" }}{{ printf "%" }}"#,
            r#""#,
            r#"1 %!v(MISSING)%!s(MISSING)%!(NOVERB)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%T %T %T %T" (list "a") true 1.5 (dict) }}"#,
            r#""#,
            r#"[]interface {} bool float64 map[string]interface {}"#,
        ),
        (
            r#""#,
            r#"{{ printf "%5T|%-6T|" 1 "a" }}"#,
            r#""#,
            r#"  int|string|"#,
        ),
        (
            r#""#,
            r#"{{ printf "%v" 1e100 }} {{ printf "%v" 123456789012345678.0 }} {{ printf "%f" 1e20 }} {{ printf "%.3f" 1e-10 }}"#,
            r#""#,
            r#"1e+100 1.2345678901234568e+17 100000000000000000000.000000 0.000"#,
        ),
        (
            r#""#,
            r#"{{ print 1.0 2.5 "x" 1e6 }} {{ println 1.0 nil }}"#,
            r#""#,
            r#"1 2.5x1e+06 1 <nil>
"#,
        ),
        (
            r#""#,
            r#"{{ printf "%s" 1.5 }} {{ printf "%d" 1.5 }} {{ printf "%t" 1 }} {{ printf "%f" 1 }} {{ printf "%s" true }} {{ printf "%x" true }}"#,
            r#""#,
            r#"%!s(float64=1.5) %!d(float64=1.5) %!t(int=1) %!f(int=1) %!s(bool=true) %!x(bool=true)"#,
        ),
        (
            r#""#,
            r#"{{ printf "%v %+v %#v" (dict "a" (list 1 "b")) (dict "a" 1) 42 }}"#,
            r#""#,
            r#"map[a:[1 b]] map[a:1] 42"#,
        ),
        (
            r#""#,
            r#"{{ printf "%#v %#v %#v %#v" 1.5 "q" true nil }}"#,
            r#""#,
            r#"1.5 "q" true <nil>"#,
        ),
        (
            r#""#,
            r#"{{ printf "%6.2f%%" 12.345 }}"#,
            r#""#,
            r#" 12.35%"#,
        ),
    ];

    #[test]
    fn fmt_cases() {
        check(FMT_CASES);
    }

    /// Fields and methods of host objects (expected text from Helm, `.Chart` and `.Files`).
    const OBJECT_CASES: &[(&str, &str, &str, &str)] = &[
        (
            "",
            r#"{{ $c := .Chart }}{{ $c.Foo }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:41: executing "p" at <$c.Foo>: can't evaluate field Foo in type struct { chart.Metadata; IsRoot bool }"#,
        ),
        (
            "",
            r#"{{ .Chart.Foo }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <.Chart.Foo>: can't evaluate field Foo in type interface {}"#,
        ),
        (
            "",
            r#"{{ .Chart.Name }} {{ .Chart }}"#,
            "",
            r#"c {{c  [] 0.1.0  [] []  v2    false map[]  [] } true}"#,
        ),
        (
            "",
            r#"{{ .Files.Get 1 }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:32: executing "p" at <1>: expected string; found 1"#,
        ),
        (
            "",
            r#"{{ .Files.Get }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <.Files.Get>: wrong number of args for Get: want 1 got 0"#,
        ),
        (
            "",
            r#"{{ .Files.Get "a" "b" }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <.Files.Get>: wrong number of args for Get: want 1 got 2"#,
        ),
        (
            "",
            r#"{{ .Chart.Name "x" }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <.Chart.Name>: Name has arguments but cannot be invoked as function"#,
        ),
        (
            "",
            r#"{{ .Values.Foo "x" }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:28: executing "p" at <.Values.Foo>: Foo is not a method but has arguments"#,
        ),
        (
            "",
            r#"{{ .Files.Get "a" }}|{{ "b" | .Files.Get }}|{{ with .Files }}{{ .Get "c" }}{{ end }}"#,
            "",
            r#"file a|file b|file c"#,
        ),
        (
            "",
            r#"{{ .Files.Boom }}"#,
            "",
            r#"ERR: template: c/templates/_p.tpl:1:27: executing "p" at <.Files.Boom>: error calling Boom: exploded"#,
        ),
    ];

    #[test]
    fn object_cases() {
        check(OBJECT_CASES);
    }

    fn ns_render(files: &[(&str, &str)], name: &str) -> Result<String, String> {
        let funcs = test_funcs();
        let mut t = Templates::new();
        for (n, text) in files {
            t.parse(n, text, &funcs).map_err(|e| e.msg)?;
        }
        t.execute(name, Value::Nil, &funcs).map_err(|e| e.msg)
    }

    /// Go's `associate`: a later non-empty define replaces an earlier one; an empty one
    /// (whitespace and comments) never does.
    #[test]
    fn namespace_rules() {
        let b = ("c/templates/b.tpl", r#"{{ define "x" }}B{{ end }}"#);
        let a = ("c/templates/a.tpl", r#"{{ define "x" }}A{{ end }}"#);
        let empty = (
            "c/templates/e.tpl",
            "{{ define \"x\" }} \n {{/* c */}} {{ end }}",
        );
        let user = ("c/templates/u.yaml", r#"[{{ template "x" }}]"#);
        assert_eq!(
            ns_render(&[b, a, user], "c/templates/u.yaml"),
            Ok("[A]".into())
        );
        assert_eq!(
            ns_render(&[a, b, user], "c/templates/u.yaml"),
            Ok("[B]".into())
        );
        assert_eq!(
            ns_render(&[b, empty, user], "c/templates/u.yaml"),
            Ok("[B]".into())
        );
        assert_eq!(
            ns_render(&[empty, user], "c/templates/u.yaml"),
            Ok("[ \n  ]".into())
        );
        assert_eq!(
            ns_render(&[user], "nope"),
            Err(r#"template: no template "nope" associated with template "gotpl""#.into())
        );
        // a file of only defines is itself an (empty) template
        assert_eq!(ns_render(&[a], "c/templates/a.tpl"), Ok("".into()));
    }

    /// `tpl` sees the caller's templates; its defines don't leak out; an empty define in
    /// tpl text doesn't replace an existing one.
    /// How deep Helm's include cap lets templates recurse, on a thread with the given stack.
    fn recurse_include(stack: usize) -> bool {
        std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || {
                set_stack_budget(stack - (1 << 20));
                let r = render("", r#"{{ include "r" 0 }}"#, r#"{{- define "r" -}}{{ if lt . 2000 }}{{ include "r" (add1 .) }}{{ end }}{{- end -}}"#);
                r.contains("nested reference name: r")
            })
            .expect("spawn")
            .join()
            .unwrap_or(false)
    }

    /// Random snippets built from template fragments never panic the executor.
    #[test]
    fn no_panics_on_random_snippets() {
        const PARTS: &[&str] = &[
            "{{ ",
            " }}",
            "{{- ",
            " -}}",
            ".",
            ".Values",
            ".Values.a",
            ".Values.l",
            ".Values.m.x",
            "$",
            "$x",
            "$x := ",
            "$x = ",
            "$i, $v := ",
            "range ",
            "if ",
            "with ",
            "else",
            "end",
            "break",
            "continue",
            "(",
            ")",
            "|",
            "printf",
            "print",
            "println",
            "\"%d %s %v %q %x %5.2f %-3t %[2]*d %!\"",
            "\"%\"",
            "index",
            "slice",
            "len",
            "and",
            "or",
            "not",
            "eq",
            "ne",
            "lt",
            "le",
            "gt",
            "ge",
            "html",
            "js",
            "urlquery",
            "call",
            "nil",
            "true",
            "1",
            "-2",
            "1.5",
            "'a'",
            "0x10",
            "1e3",
            "\"s\"",
            "list",
            "dict",
            "include",
            "tpl",
            "\"p\"",
            "\"{{ . }}\"",
            "template",
            "define",
            "block",
            " ",
            "text",
            ".Files.Get",
            ".Chart.Name",
            "upper",
            "repeat",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let vals = r#"{"a":1,"l":[1,"x",null,{"k":2}],"m":{"x":"y"}}"#;
        let cases: Vec<String> = (0..3000)
            .map(|_| {
                let n = 3 + (next() % 12) as usize;
                (0..n)
                    .map(|_| PARTS[(next() % PARTS.len() as u64) as usize])
                    .collect::<String>()
            })
            .collect();
        let ok = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                for c in &cases {
                    let _ = render(vals, c, "");
                    let _ = render(vals, &format!("{{{{ {c} }}}}"), "");
                }
                true
            })
            .expect("spawn")
            .join();
        assert!(ok.is_ok());
    }

    /// Random well-formed templates (actions, control structures, pipelines over data of
    /// every shape) never panic the executor.
    #[test]
    fn no_panics_on_random_templates() {
        struct Gen(u64);
        impl Gen {
            fn next(&mut self) -> u64 {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                self.0
            }
            fn pick<'s>(&mut self, xs: &[&'s str]) -> &'s str {
                xs[(self.next() % xs.len() as u64) as usize]
            }
            fn operand(&mut self, depth: u32) -> String {
                if depth < 2 && self.next().is_multiple_of(6) {
                    return format!("({})", self.pipe(depth + 1));
                }
                self.pick(&[
                    ".",
                    ".Values.a",
                    ".Values.l",
                    ".Values.m",
                    ".Values.m.x",
                    ".Values.nope.x",
                    "$",
                    "$.Values",
                    "1",
                    "-1",
                    "1.5",
                    "\"s\"",
                    "\"%v-%d\"",
                    "nil",
                    "true",
                    "$x",
                    ".Files",
                    ".Chart.Name",
                    "0",
                    "(list 1 2)",
                    "(dict \"k\" .)",
                ])
                .to_string()
            }
            fn pipe(&mut self, depth: u32) -> String {
                let n = 1 + self.next() % 3;
                let mut cmds = Vec::new();
                for _ in 0..n {
                    let f = self.pick(&[
                        "",
                        "printf",
                        "print",
                        "len",
                        "index",
                        "and",
                        "or",
                        "not",
                        "eq",
                        "lt",
                        "ge",
                        "ne",
                        "html",
                        "js",
                        "urlquery",
                        "slice",
                        "include \"h\"",
                        "tpl \"{{ .a }}\"",
                        "upper",
                        "repeat 2",
                        "list",
                        "dict \"a\"",
                        "call",
                        "println",
                    ]);
                    let nargs = self.next() % 3;
                    let mut cmd = f.to_string();
                    for _ in 0..nargs {
                        cmd.push(' ');
                        cmd.push_str(&self.operand(depth));
                    }
                    if cmd.trim().is_empty() {
                        cmd = self.operand(depth);
                    }
                    cmds.push(cmd.trim().to_string());
                }
                cmds.join(" | ")
            }
            fn nodes(&mut self, depth: u32) -> String {
                let n = self.next() % 4;
                let mut out = String::new();
                for _ in 0..n {
                    let k = self.next() % if depth > 2 { 3 } else { 8 };
                    let p = self.pipe(0);
                    match k {
                        0 => out.push_str("t "),
                        1 => out.push_str(&format!("{{{{ {p} }}}}")),
                        2 => out.push_str(&format!("{{{{ $x = {p} }}}}")),
                        3 => {
                            let a = self.nodes(depth + 1);
                            let b = self.nodes(depth + 1);
                            out.push_str(&format!(
                                "{{{{ if {p} }}}}{a}{{{{ else }}}}{b}{{{{ end }}}}"
                            ));
                        }
                        4 => {
                            let a = self.nodes(depth + 1);
                            let ctl = if self.next().is_multiple_of(2) {
                                "break"
                            } else {
                                "continue"
                            };
                            out.push_str(&format!(
                                "{{{{ range $i, $v := {p} }}}}{a}{{{{ if $i }}}}{{{{ {ctl} }}}}{{{{ end }}}}{{{{ else }}}}e{{{{ end }}}}"
                            ));
                        }
                        5 => {
                            let a = self.nodes(depth + 1);
                            out.push_str(&format!(
                                "{{{{ with {p} }}}}{a}{{{{ else with .Values }}}}w{{{{ end }}}}"
                            ));
                        }
                        6 => out.push_str(&format!("{{{{ $y := {p} }}}}{{{{ $y }}}}")),
                        _ => out.push_str(&format!("{{{{ template \"h\" {p} }}}}")),
                    }
                }
                out
            }
        }
        let vals = r#"{"a":1,"l":[1,"x",null,{"k":2}],"m":{"x":"y"}}"#;
        let mut g = Gen(0x2545_F491_4F6C_DD1D);
        let cases: Vec<String> = (0..1500)
            .map(|_| format!("{{{{ $x := 1 }}}}{}", g.nodes(0)))
            .collect();
        let res = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let mut rendered = 0;
                for c in &cases {
                    let out = render(vals, c, r#"{{- define "h" -}}[{{ . }}]{{- end -}}"#);
                    if !out.starts_with("PARSE") {
                        rendered += 1;
                    }
                }
                rendered
            })
            .expect("spawn")
            .join();
        match res {
            Ok(n) => assert!(n > 500, "only {n} templates parsed"),
            Err(_) => panic!("the executor panicked"),
        }
    }

    /// Endless `template` recursion ends with Go's depth error, not a stack overflow.
    #[test]
    fn template_recursion_is_an_error() {
        let got = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(|| {
                render(
                    "",
                    r#"{{ template "t" . }}"#,
                    r#"{{- define "t" -}}x{{ template "t" . }}{{- end -}}"#,
                )
            })
            .expect("spawn")
            .join()
            .unwrap_or_default();
        assert!(got.starts_with(r#"ERR: template: c/templates/_p.tpl:1:80: executing "t" at <{{template "t" .}}>: exceeded maximum template depth (100000)"#), "{got}");
        let got = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(|| {
                render(
                    "",
                    r#"{{ include "t" . }}"#,
                    r#"{{- define "t" -}}{{ tpl "{{ include \"t\" . }}" . }}{{- end -}}"#,
                )
            })
            .expect("spawn")
            .join()
            .unwrap_or_default();
        assert!(
            got.contains("exceeded maximum template depth")
                || got.contains("nested reference name"),
            "{got}"
        );
    }

    #[test]
    #[ignore]
    fn include_recursion_stack() {
        for mb in [256, 64, 32, 16, 8] {
            eprintln!("{mb} MB: {}", recurse_include(mb << 20));
        }
    }

    /// A helper included again with the same argument is run once; one whose arguments
    /// never repeat stops being remembered after [`MEMO_TRIAL`] results.
    #[test]
    fn memo_reuses_and_gives_up() {
        let funcs = test_funcs();
        let mut t = Templates::new();
        let h = r#"{{ define "same" }}S{{ end }}{{ define "each" }}{{ .i }}{{ end }}"#;
        t.parse("c/templates/_h.tpl", h, &funcs).unwrap();
        let u = r#"{{ range $i := list 1 2 3 4 5 6 7 8 9 10 }}{{ include "same" $ }}{{ end }}|{{ range $i := list 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 }}{{ include "each" (dict "i" $i) }}{{ end }}"#;
        t.parse("c/templates/u.yaml", u, &funcs).unwrap();
        let out = t
            .execute("c/templates/u.yaml", Value::new_map(), &funcs)
            .unwrap();
        let each: String = (1..=70).map(|i| i.to_string()).collect();
        assert_eq!(out, format!("SSSSSSSSSS|{each}"));
        let memo = t.memo.borrow();
        let uses = |name: &str| {
            let tree = t.get(name).map(|r| Rc::as_ptr(r) as usize).unwrap();
            memo.uses.get(&tree).copied().unwrap_or_default()
        };
        assert_eq!(uses("same"), (1, 9));
        assert_eq!(uses("each"), (MEMO_TRIAL, 0));
    }

    #[test]
    fn tpl_namespace() {
        let h = ("c/templates/_h.tpl", r#"{{ define "h" }}H{{ end }}"#);
        let u = (
            "c/templates/u.yaml",
            r#"{{ tpl "{{ define \"h\" }} {{ end }}{{ include \"h\" . }}" . }}|{{ tpl "{{ define \"h\" }}T{{ end }}{{ include \"h\" . }}" . }}|{{ include "h" . }}"#,
        );
        assert_eq!(ns_render(&[h, u], "c/templates/u.yaml"), Ok("H|T|H".into()));
    }
}
