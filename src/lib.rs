//! kiln: a batch compiler for GitOps.
//!
//! The data's path, one module per stage: `gotmpl` (Go templates) → `funcs` (Sprig and
//! Helm functions) → `yaml` (go-yaml compatible reader and writer) → `chart` (load a
//! chart) → `helm` (values, subcharts, render, sort manifests).

pub mod chart;
pub mod cli;
pub mod diff;
pub mod emit;
pub mod funcs;
pub mod gotmpl;
pub mod helm;
pub mod render;
pub mod source;
pub mod stack;
pub mod threads;
pub mod yaml;
