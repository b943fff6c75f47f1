//! A Go `text/template` engine with Go's semantics: lexer, parser and executor.
//!
//! Stages, one file each as in Go's own package: `lex` (tokens), `parse` (the tree in
//! `ast`), `template` (the shared namespace of named templates), `exec` (walks the tree
//! over [`Value`]s), `builtins` (Go's predefined functions: `and`, `or`, `eq`, `index`,
//! `printf`, …) and `fmt` (Go's `fmt` verbs).

pub mod ast;
pub mod builtins;
pub mod exec;
pub mod fmt;
pub mod lex;
pub mod parse;
pub mod template;
pub mod value;

pub use value::{Func, FuncError, FuncMap, Host, Map, Object, Value};
