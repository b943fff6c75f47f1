//! `kiln render`: the whole stack into the `rendered/` tree.
//!
//! For every selected release: read its values (rendering `.j2` files with the
//! environment's vars), render the chart as `helm template` would, add the extra
//! manifests, then build the tree (`crate::emit`) and swap it in atomically. Releases
//! render in parallel on a pool of `jobs` threads; the result does not depend on the
//! thread count because every release is rendered on its own and the tree is assembled
//! in the stack's order.

use crate::emit::{self, ReleaseOutput};
use crate::stack::graph::{Graph, Selector, selected};
use crate::stack::{Release, Stack, StackError, template};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Everything a chart renderer needs for one release.
#[derive(Debug, Clone)]
pub struct ReleaseJob {
    pub name: String,
    pub namespace: String,
    /// The chart archive or folder.
    pub chart: PathBuf,
    /// Values texts in order, each with the file it came from.
    pub values: Vec<(PathBuf, String)>,
    pub kube_version: String,
    pub api_versions: Vec<String>,
}

/// Renders one release's chart to a `helm template` stream (with `--include-crds`).
pub type ChartRenderer = dyn Fn(&ReleaseJob) -> Result<String, String> + Sync;

/// A render failure: the stack, a release, or the tree.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Stack(#[from] StackError),
    #[error("release {release}: {msg}")]
    Release { release: String, msg: String },
    #[error("{0}")]
    Emit(#[from] emit::EmitError),
    #[error("environment `{0}` is not defined in the stack{1}")]
    UnknownEnvironment(String, String),
}

/// Options of one render.
pub struct RenderOptions<'a> {
    pub env: &'a str,
    pub selectors: &'a [Selector],
    pub jobs: usize,
    /// Finds the chart archive of a release (cache, lock, or a local folder).
    pub resolve: &'a (dyn Fn(&Release) -> Result<PathBuf, String> + Sync),
    pub renderer: &'a ChartRenderer,
}

/// Find `<dir>/<chart>-<version>.tgz` for a release's `repo/chart` reference.
pub fn resolve_in_dir(dir: &Path, r: &Release) -> Result<PathBuf, String> {
    if r.chart.starts_with('.') || r.chart.starts_with('/') {
        return Ok(PathBuf::from(&r.chart));
    }
    let name = r.chart.rsplit('/').next().unwrap_or(&r.chart);
    let path = dir.join(format!("{name}-{}.tgz", r.version));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "chart {} {} is not in {} (looked for {})",
            r.chart,
            r.version,
            dir.display(),
            path.display()
        ))
    }
}

/// Render the stack into a tree (not yet written).
pub fn render(stack: &Stack, opts: &RenderOptions) -> Result<emit::Tree, RenderError> {
    let env = stack.environments.get(opts.env).ok_or_else(|| {
        let names: Vec<&str> = stack.environments.keys().map(String::as_str).collect();
        let hint = crate::stack::suggest(opts.env, names.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_else(|| format!("; it defines: {}", names.join(", ")));
        RenderError::UnknownEnvironment(opts.env.to_string(), hint)
    })?;
    let graph = Graph::build(stack)?;
    let chosen: Vec<usize> = (0..stack.releases.len())
        .filter(|&i| selected(opts.selectors, &stack.releases[i]))
        .collect();
    let one = |i: usize| -> Result<ReleaseOutput, RenderError> {
        let r = &stack.releases[i];
        let fail = |msg: String| RenderError::Release {
            release: r.name.clone(),
            msg,
        };
        let chart = (opts.resolve)(r).map_err(fail)?;
        let mut values = Vec::new();
        let extra = env.values.get(&r.name).cloned().unwrap_or_default();
        for f in r.values.iter().chain(&extra) {
            values.push((
                stack.dir.join(f),
                template::read(&stack.dir, f, opts.env, env)?,
            ));
        }
        let job = ReleaseJob {
            name: r.name.clone(),
            namespace: r.namespace.clone(),
            chart,
            values,
            kube_version: stack.kube_version.clone(),
            api_versions: stack.api_versions.clone(),
        };
        let stream = (opts.renderer)(&job).map_err(fail)?;
        let mut docs = emit::resource::split_stream(&stream);
        for m in &r.manifests {
            let text = template::read(&stack.dir, m, opts.env, env)?;
            for (_, doc) in emit::resource::split_stream(&text) {
                docs.push((format!("stack/{m}"), doc));
            }
        }
        Ok(ReleaseOutput {
            name: r.name.clone(),
            namespace: r.namespace.clone(),
            layer: graph.layers[i],
            needs: r.needs.clone(),
            docs,
        })
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .build()
        .map_err(|e| RenderError::Release {
            release: String::new(),
            msg: format!("cannot start worker threads: {e}"),
        })?;
    let outputs: Vec<Result<ReleaseOutput, RenderError>> =
        pool.install(|| chosen.par_iter().map(|&i| one(i)).collect());
    let outputs: Vec<ReleaseOutput> = outputs.into_iter().collect::<Result<_, _>>()?;
    Ok(emit::build(&stack.output, &outputs)?)
}
