//! The stack-level commands of the `kiln` binary: `render`, `graph`, `list`, `diff`,
//! `verify`. Each takes its clap arguments and returns the process exit code
//! (0 ok, 1 failure); `main.rs` only dispatches.

use crate::diff::{self, DiffOptions};
use crate::emit;
use crate::render::{self, ChartRenderer, RenderOptions};
use crate::source;
use crate::stack::graph::{Graph, Selector, selected};
use crate::stack::{Release, Stack};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where the stack is and which part of it to use.
#[derive(Args, Debug, Clone)]
pub struct StackArgs {
    /// The stack folder or its stack.yaml.
    #[arg(long, default_value = "stack")]
    pub stack: PathBuf,
    /// The environment whose vars and values apply.
    #[arg(long, short = 'e', default_value = "default")]
    pub env: String,
    /// Select releases, helmfile style: `name=grafana`, `tier=apps`, `tier!=apps`;
    /// repeat for alternatives.
    #[arg(long = "selector", short = 'l')]
    pub selectors: Vec<String>,
}

/// Where charts come from for a render.
#[derive(Args, Debug, Clone)]
pub struct ChartArgs {
    /// A folder of chart archives named `<chart>-<version>.tgz` (e.g. ../shared/corpus/charts);
    /// without it charts come from the cache and `stack.lock`, pulling what is missing.
    #[arg(long)]
    pub charts: Option<PathBuf>,
    /// Never open a network connection: every chart must be in the lock and the cache.
    #[arg(long)]
    pub offline: bool,
    /// Rewrite repository addresses: `--mirror https://charts.example.com=http://127.0.0.1:8080`.
    #[arg(long = "mirror", value_name = "FROM=TO")]
    pub mirrors: Vec<String>,
}

#[derive(Args, Debug, Clone)]
pub struct PullArgs {
    #[command(flatten)]
    pub stack: StackArgs,
    /// Re-resolve every version and rewrite stack.lock.
    #[arg(long)]
    pub update: bool,
    /// Check that the lock and cache hold everything, without the network.
    #[arg(long)]
    pub offline: bool,
    #[arg(long = "mirror", value_name = "FROM=TO")]
    pub mirrors: Vec<String>,
    /// Parallel downloads.
    #[arg(long, short = 'j', default_value_t = 8)]
    pub jobs: usize,
}

#[derive(Args, Debug, Clone)]
pub struct CacheArgs {
    #[command(flatten)]
    pub stack: StackArgs,
    #[command(subcommand)]
    pub op: CacheOp,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum CacheOp {
    /// Write the charts of stack.lock and the lock itself into a tar bundle (.tar or .tgz).
    Export { file: PathBuf },
    /// Add the charts of a bundle, or of a folder of .tgz files, to the cache.
    Import { from: PathBuf },
}

#[derive(Args, Debug, Clone)]
pub struct RenderArgs {
    #[command(flatten)]
    pub stack: StackArgs,
    #[command(flatten)]
    pub charts: ChartArgs,
    /// Worker threads (releases render in parallel) [default: the CPUs available].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// The output folder (default: the stack's output path, beside the stack folder).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    Text,
    Mermaid,
    Dot,
}

#[derive(Args, Debug, Clone)]
pub struct GraphArgs {
    #[command(flatten)]
    pub stack: StackArgs,
    #[arg(long, value_enum, default_value = "text")]
    pub format: GraphFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Args, Debug, Clone)]
pub struct DiffArgs {
    #[command(flatten)]
    pub render: RenderArgs,
    /// Compare with `rendered/` as committed at this git revision.
    #[arg(long, conflicts_with = "against")]
    pub base: Option<String>,
    /// Compare with this folder (default: the current `rendered/`).
    #[arg(long)]
    pub against: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Exit 1 when there are differences.
    #[arg(long)]
    pub exit_code: bool,
    /// Fold away changes that only touch chart/app version labels.
    #[arg(long)]
    pub fold_version_labels: bool,
    /// Largest markdown report, in bytes.
    #[arg(long, default_value_t = 60_000)]
    pub max_bytes: usize,
}

impl RenderArgs {
    /// `--jobs`, else the CPUs available. (Asked only when rendering: finding out reads
    /// cgroup files, which every other command, `kiln template` included, can skip.)
    pub fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
    }
}

fn stack_file(p: &Path) -> PathBuf {
    if p.is_dir() {
        p.join("stack.yaml")
    } else {
        p.to_path_buf()
    }
}

fn load(args: &StackArgs) -> Result<(Stack, Vec<Selector>), String> {
    let stack = Stack::load(&stack_file(&args.stack)).map_err(|e| e.to_string())?;
    let selectors = args
        .selectors
        .iter()
        .map(|s| Selector::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((stack, selectors))
}

fn report(e: impl std::fmt::Display) -> i32 {
    eprintln!("Error: {e}");
    1
}

/// The output folder of a render.
pub fn out_dir(stack: &Stack, out: &Option<PathBuf>) -> PathBuf {
    out.clone().unwrap_or_else(|| {
        stack
            .dir
            .parent()
            .unwrap_or(Path::new("."))
            .join(&stack.output.path)
    })
}

/// Render the stack into a tree in memory.
fn source_options(stack: &Stack, mirrors: &[String]) -> Result<source::Options, String> {
    let mut o = source::Options::for_stack(stack);
    o.add_mirror_flags(mirrors).map_err(|e| e.to_string())?;
    o.progress = std::io::stderr().is_terminal();
    Ok(o)
}

/// Render the stack into a tree in memory.
pub fn render_tree(
    args: &RenderArgs,
    renderer: &ChartRenderer,
) -> Result<(Stack, emit::Tree), String> {
    let (stack, selectors) = load(&args.stack)?;
    let charts = args.charts.charts.clone();
    // Without a chart folder, every remote chart comes verified from the cache and the lock.
    let archives = match &charts {
        Some(_) => Default::default(),
        None => {
            let mut o = source_options(&stack, &args.charts.mirrors)?;
            o.offline = args.charts.offline;
            source::charts(&stack, &o).map_err(|e| e.to_string())?
        }
    };
    let stack_dir = stack.dir.clone();
    let resolve = move |r: &Release| match &charts {
        // A local chart path is relative to the stack folder, whatever the chart source.
        _ if !source::is_remote(&r.chart) => Ok(stack_dir.join(&r.chart)),
        Some(dir) => render::resolve_in_dir(dir, r),
        None => archives
            .get(&r.name)
            .map(|a| a.path.clone())
            .ok_or_else(|| format!("chart {} {} is not in the cache", r.chart, r.version)),
    };
    let opts = RenderOptions {
        env: &args.stack.env,
        selectors: &selectors,
        jobs: args.jobs(),
        resolve: &resolve,
        renderer,
    };
    let tree = render::render(&stack, &opts).map_err(|e| e.to_string())?;
    Ok((stack, tree))
}

pub fn render_cmd(args: &RenderArgs, renderer: &ChartRenderer) -> i32 {
    let start = Instant::now();
    let (stack, tree) = match render_tree(args, renderer) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    for w in &tree.warnings {
        eprintln!("warning: {w}");
    }
    let out = out_dir(&stack, &args.out);
    let written = match emit::write::write_tree_with(&out, &tree.files, &tree.digests) {
        Ok(w) => w,
        Err(e) => return report(e),
    };
    let bytes: usize = tree.files.values().map(String::len).sum();
    let resources: usize = tree.counts.values().sum();
    eprintln!(
        "rendered {} releases, {resources} resources, {bytes} bytes into {}{} in {:.2}s",
        tree.counts.len(),
        out.display(),
        if written.unchanged {
            " (unchanged)"
        } else {
            ""
        },
        start.elapsed().as_secs_f64()
    );
    println!("tree digest sha256:{}", written.digest);
    0
}

pub fn pull_cmd(args: &PullArgs) -> i32 {
    let (stack, mut o) = match load_sources(&args.stack, &args.mirrors) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    o.update = args.update;
    o.offline = args.offline;
    o.jobs = args.jobs.max(1);
    if o.update && o.offline {
        eprintln!("Error: --update needs the network; it cannot go with --offline");
        return 2;
    }
    match source::pull(&stack, &o) {
        Ok(r) => {
            eprintln!("{r}");
            0
        }
        Err(e) => report(e),
    }
}

pub fn cache_cmd(args: &CacheArgs) -> i32 {
    let (_, o) = match load_sources(&args.stack, &[]) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    match &args.op {
        CacheOp::Export { file } => match source::export(&o, file) {
            Ok(names) => {
                eprintln!(
                    "exported {} charts and stack.lock into {}",
                    names.len(),
                    file.display()
                );
                0
            }
            Err(e) => report(e),
        },
        CacheOp::Import { from } => match source::import(&o, from) {
            Ok(r) => {
                eprintln!("imported from {}: {r:?}", from.display());
                0
            }
            Err(e) => report(e),
        },
    }
}

/// The stack, its selectors and its layers.
fn load_graph(args: &StackArgs) -> Result<(Stack, Vec<Selector>, Graph), String> {
    let (stack, selectors) = load(args)?;
    let graph = Graph::build(&stack).map_err(|e| e.to_string())?;
    Ok((stack, selectors, graph))
}

/// The stack and the chart-source options for it.
fn load_sources(args: &StackArgs, mirrors: &[String]) -> Result<(Stack, source::Options), String> {
    let (stack, _) = load(args)?;
    let o = source_options(&stack, mirrors)?;
    Ok((stack, o))
}

pub fn graph_cmd(args: &GraphArgs) -> i32 {
    let (stack, _, graph) = match load_graph(&args.stack) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    let text = match args.format {
        GraphFormat::Text => graph.table(&stack),
        GraphFormat::Mermaid => graph.mermaid(&stack),
        GraphFormat::Dot => graph.dot(&stack),
    };
    print!("{text}");
    0
}

pub fn list_cmd(args: &StackArgs) -> i32 {
    let (stack, selectors, graph) = match load_graph(args) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    let mut rows =
        vec![["NAME", "NAMESPACE", "CHART", "VERSION", "LAYER", "LABELS"].map(String::from)];
    for (i, r) in stack
        .releases
        .iter()
        .enumerate()
        .filter(|(_, r)| selected(&selectors, r))
    {
        let labels = r
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(",");
        rows.push([
            r.name.clone(),
            r.namespace.clone(),
            r.chart.clone(),
            r.version.clone(),
            graph.layers[i].to_string(),
            labels,
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].len()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, s)| format!("{s:<w$}", w = widths[c]))
            .collect();
        println!("{}", line.join("  ").trim_end());
    }
    0
}

pub fn diff_cmd(args: &DiffArgs, renderer: &ChartRenderer) -> i32 {
    let start = Instant::now();
    let (stack, tree) = match render_tree(&args.render, renderer) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    let old = if let Some(rev) = &args.base {
        let repo = stack.dir.parent().unwrap_or(Path::new(".")).to_path_buf();
        match diff::read_git(&repo, rev, &stack.output.path) {
            Ok(f) => f,
            Err(e) => return report(e),
        }
    } else {
        let dir = args
            .against
            .clone()
            .unwrap_or_else(|| out_dir(&stack, &args.render.out));
        match diff::read_dir(&dir) {
            Ok(f) => f,
            Err(e) => return report(format!("cannot read {}: {e}", dir.display())),
        }
    };
    let opts = DiffOptions {
        fold_version_labels: args.fold_version_labels,
        context: 3,
    };
    let entries = diff::compare(&old, &tree.files, &opts);
    let text = match args.format {
        DiffFormat::Text => diff::text(&entries, std::io::stdout().is_terminal()),
        DiffFormat::Markdown => diff::markdown(&entries, args.max_bytes),
        DiffFormat::Json => diff::json(&entries),
    };
    print!("{text}");
    if !std::io::stderr().is_terminal() {
        eprintln!("diff took {:.2}s", start.elapsed().as_secs_f64());
    }
    if args.exit_code && !entries.is_empty() {
        1
    } else {
        0
    }
}

pub fn verify_cmd(args: &RenderArgs, renderer: &ChartRenderer) -> i32 {
    let (stack, tree) = match render_tree(args, renderer) {
        Ok(x) => x,
        Err(e) => return report(e),
    };
    let dir = out_dir(&stack, &args.out);
    let committed = match diff::read_dir(&dir) {
        Ok(f) => f,
        Err(e) => return report(format!("cannot read {}: {e}", dir.display())),
    };
    let v = diff::verify(&committed, &tree.files);
    if v.ok() {
        println!(
            "verify: {} is up to date ({} files)",
            dir.display(),
            committed.len()
        );
        return 0;
    }
    for (what, list) in [
        ("stale", &v.stale),
        ("missing", &v.missing),
        ("unexpected", &v.unexpected),
    ] {
        for p in list {
            println!("{what}: {}", p);
        }
    }
    eprintln!(
        "Error: {} is not what the stack renders ({} stale, {} missing, {} unexpected)\n  hint: run `kiln render` and commit {}",
        dir.display(),
        v.stale.len(),
        v.missing.len(),
        v.unexpected.len(),
        dir.display()
    );
    1
}
