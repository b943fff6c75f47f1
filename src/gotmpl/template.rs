//! The namespace of named templates that Helm builds for one chart render, with Go's
//! `associate` rules (a later non-empty `define` replaces an earlier one; an empty one
//! never does). (API fixed; body in progress.)

use super::value::{FuncMap, Value};

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
pub struct Templates {}

impl Templates {
    pub fn new() -> Self {
        Templates {}
    }

    /// Go's `t.New(name).Parse(text)`: add the file and every template it defines.
    pub fn parse(&mut self, name: &str, text: &str, funcs: &FuncMap) -> Result<(), TemplateError> {
        let _ = (name, text, funcs);
        Err(TemplateError { kind: ErrorKind::Parse, msg: "template engine not implemented yet".into() })
    }

    /// Whether a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// Go's `ExecuteTemplate(name, data)` with `missingkey=zero`. The result still
    /// contains `<no value>` where Go prints it; Helm removes it afterwards.
    pub fn execute(&self, name: &str, data: Value, funcs: &FuncMap) -> Result<String, TemplateError> {
        let _ = (name, data, funcs);
        Err(TemplateError { kind: ErrorKind::Exec, msg: "template engine not implemented yet".into() })
    }
}
