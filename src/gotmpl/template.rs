//! The namespace of named templates that Helm builds for one chart render, with Go's
//! `associate` rules (a later non-empty `define` replaces an earlier one; an empty one
//! never does).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::ast::Tree;
use super::exec;
use super::value::{FuncMap, Value};

/// Maps keyed by template names and memo keys: hashed with Fx, not SipHash (no input
/// here is adversarial to a process that renders it, and nothing iterates them in order).
pub(crate) type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// Whether a template error came from parsing or from executing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Parse,
    Exec,
}

/// A template error; `msg` is Go's `err.Error()` text exactly, e.g.
/// `template: c/templates/x.yaml:3:5: executing "c/templates/x.yaml" at <.a.b>: nil pointer evaluating interface {}.b`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{msg}")]
pub struct TemplateError {
    pub kind: ErrorKind,
    pub msg: String,
}

/// The shared set of templates (Go's `*template.Template` with its associated set).
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub(crate) map: FxMap<String, Rc<Tree>>,
    /// `tpl` texts already parsed during this render (charts call `tpl` on the same
    /// strings over and over).
    pub(crate) tpl_cache: RefCell<FxMap<String, Rc<Vec<Rc<Tree>>>>>,
    /// `include` results that may be reused (see [`exec::Memo`]); keyed by tree address,
    /// so emptied whenever a tree is added or replaced.
    pub(crate) memo: RefCell<exec::Memo>,
}

/// [`associate`] for shared trees.
pub(crate) fn associate_rc(
    layer: &mut FxMap<String, Rc<Tree>>,
    trees: &[Rc<Tree>],
    exists: &dyn Fn(&str) -> bool,
) {
    for tree in trees {
        if tree.is_empty() && (layer.contains_key(&tree.name) || exists(&tree.name)) {
            continue;
        }
        layer.insert(tree.name.clone(), tree.clone());
    }
}

/// Add parsed trees to a layer with Go's `associate` rule: an empty tree never replaces
/// an existing template of the same name (`exists` looks through every layer).
pub(crate) fn associate(
    layer: &mut FxMap<String, Rc<Tree>>,
    trees: Vec<Tree>,
    exists: &dyn Fn(&str) -> bool,
) {
    for tree in trees {
        if tree.is_empty() && (layer.contains_key(&tree.name) || exists(&tree.name)) {
            continue;
        }
        layer.insert(tree.name.clone(), Rc::new(tree));
    }
}

impl Templates {
    pub fn new() -> Self {
        Templates::default()
    }

    /// Go's `t.New(name).Parse(text)`: add the file and every template it defines.
    pub fn parse(&mut self, name: &str, text: &str, funcs: &FuncMap) -> Result<(), TemplateError> {
        let trees =
            super::parse::parse(name, text, &|n: &str| funcs.contains_key(n)).map_err(|e| {
                TemplateError {
                    kind: ErrorKind::Parse,
                    msg: e.msg,
                }
            })?;
        associate(&mut self.map, trees, &|_| false);
        self.memo.get_mut().clear();
        Ok(())
    }

    /// Add the trees of one file parsed by [`super::parse::parse`], as [`Templates::parse`]
    /// adds them.
    pub fn add_parsed(&mut self, trees: Vec<Tree>) {
        associate(&mut self.map, trees, &|_| false);
        self.memo.get_mut().clear();
    }

    /// Add an already parsed tree under its name (Go's `AddParseTree`, with `associate`).
    pub fn add_tree(&mut self, tree: Tree) {
        associate(&mut self.map, vec![tree], &|_| false);
        self.memo.get_mut().clear();
    }

    /// Whether a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.map.contains_key(name)
    }

    /// The tree of a template.
    pub fn get(&self, name: &str) -> Option<&Rc<Tree>> {
        self.map.get(name)
    }

    /// Names of all templates (unordered).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(|s| s.as_str())
    }

    /// Go's `ExecuteTemplate(name, data)` with `missingkey=zero`. The result still
    /// contains `<no value>` where Go prints it; Helm removes it afterwards.
    pub fn execute(
        &self,
        name: &str,
        data: Value,
        funcs: &FuncMap,
    ) -> Result<String, TemplateError> {
        exec::execute(self, name, data, funcs).map_err(|msg| TemplateError {
            kind: ErrorKind::Exec,
            msg,
        })
    }
}
