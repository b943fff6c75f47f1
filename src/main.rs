//! The `kiln` binary: `kiln template` (a native `helm template`) and the stack commands.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kiln::cli;
use kiln::helm::{TemplateOptions, template_path};

/// mimalloc instead of the system allocator. A render makes and drops hundreds of
/// thousands of small strings, maps and tree nodes (malloc and free were a fifth of its
/// instructions with glibc's), and two workers allocate side by side. Measured on the
/// default stack, `kiln render -j2`, interleaved A/B against glibc with its tuning (big
/// heap steps, no trimming, huge pages for the thread heaps): 90.5 -> 85.3 ms and
/// 116.8 -> 110.2 ms in two runs of 31-41 rounds; `-j1` 185.8 -> 177.6 ms; `kiln
/// template` of mimir-distributed 34.0 -> 33.0 ms. Its v2 line: v3 measured no faster and
/// twice the peak memory (100 MB against 62 MB; glibc's was 45 MB).
///
/// Called as plain `mi_malloc`/`mi_realloc` for what needs no more than the word
/// alignment every mimalloc block has (almost everything Rust allocates), rather than
/// through `mi_malloc_aligned` for every allocation as the `mimalloc` crate's allocator
/// does: that path checks the alignment again on each of the render's 600 thousand
/// allocations (default stack: 1394.0M -> 1387.8M instructions).
#[global_allocator]
static ALLOC: MiMalloc = MiMalloc;

struct MiMalloc;

/// The alignment of every block mimalloc hands out (its size classes are whole words).
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each call forwards to the mimalloc function for the same operation, with the
// layout's alignment where it exceeds what every block has; mimalloc's `mi_free` takes
// blocks from either kind of allocation.
unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: forwarded as described above.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: forwarded as described above.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe {
            let p = ptr as *mut std::ffi::c_void;
            if layout.align() <= WORD {
                libmimalloc_sys::mi_realloc(p, new_size) as *mut u8
            } else {
                libmimalloc_sys::mi_realloc_aligned(p, new_size, layout.align()) as *mut u8
            }
        }
    }
}

/// No transparent huge pages for this process, set before anything is allocated: a
/// constructor, run by the C runtime before `main` and before Rust's own start-up
/// allocates (its first allocation makes mimalloc map and touch its first segment).
///
/// mimalloc asks for huge pages on its segments (`madvise`), so each would be a 2 MiB
/// page zeroed whole on first touch: the render's peak memory grows from 50 to 62 MB,
/// and on a virtual machine whose host backs memory anew once it has been freed for a
/// while (free page reporting), that first touch is most of a render's cost. Measured on
/// the default stack (-j2): with a pause before each run 158.6 -> 127.2 ms; in the
/// bench's rounds after Helm's renders 146.9 -> 128.2 ms; only back to back, where memory
/// is still backed, were huge pages faster (95.9 -> 110.0 ms). Set in `main` instead, as it
/// was, it came after the first segment's huge page had been zeroed: from here, peak RSS
/// 49.8 -> 48.1 MiB and CPU 245.7 -> 241.7 ms for the stack (wall time unchanged within
/// noise, 40 rounds back to back), and `kiln --version` 3.6 -> 1.7 ms of CPU.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NO_HUGE_PAGES: extern "C" fn() = {
    extern "C" fn no_huge_pages() {
        // SAFETY: PR_SET_THP_DISABLE takes integer arguments and only sets a flag of
        // the process's memory.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
    no_huge_pages
};

#[derive(Parser, Debug)]
#[command(
    name = "kiln",
    version,
    about = "A batch compiler for GitOps: renders Helm charts natively"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Render a chart locally and print the manifests, exactly as `helm template` does.
    Template(TemplateArgs),
    /// Render the whole stack into the rendered/ tree.
    Render(cli::RenderArgs),
    /// Show the stack's dependency layers.
    Graph(cli::GraphArgs),
    /// List the stack's releases.
    List(cli::StackArgs),
    /// Compare a fresh render with the rendered/ tree.
    Diff(cli::DiffArgs),
    /// Check that rendered/ is what a fresh render gives.
    Verify(cli::RenderArgs),
    /// Fill the chart cache and stack.lock from the stack's repositories.
    Pull(cli::PullArgs),
    /// Move charts between machines (air-gapped rendering).
    Cache(cli::CacheArgs),
}

/// `helm template [NAME] [CHART] [flags]`.
#[derive(Args, Debug)]
struct TemplateArgs {
    /// `[NAME] CHART`: the release name (default `release-name`) and the chart folder or .tgz.
    #[arg(num_args = 1..=2, required = true, value_name = "[NAME] CHART")]
    args: Vec<String>,
    /// Namespace scope for this request.
    #[arg(short = 'n', long, default_value = "default")]
    namespace: String,
    /// Specify values in a YAML file (can specify multiple, or separate with commas).
    #[arg(short = 'f', long = "values", value_name = "FILE")]
    values: Vec<String>,
    /// Set values on the command line (key1=val1,key2=val2).
    #[arg(long = "set", value_name = "EXPR")]
    set: Vec<String>,
    /// Set STRING values on the command line.
    #[arg(long = "set-string", value_name = "EXPR")]
    set_string: Vec<String>,
    /// Set JSON values on the command line (key1=jsonval1,key2=jsonval2).
    #[arg(long = "set-json", value_name = "EXPR")]
    set_json: Vec<String>,
    /// Set values from files (key1=path1,key2=path2).
    #[arg(long = "set-file", value_name = "EXPR")]
    set_file: Vec<String>,
    /// Set a literal STRING value on the command line.
    #[arg(long = "set-literal", value_name = "EXPR")]
    set_literal: Vec<String>,
    /// Kubernetes version used for Capabilities.KubeVersion.
    #[arg(long = "kube-version")]
    kube_version: Option<String>,
    /// Kubernetes api versions used for Capabilities.APIVersions.
    #[arg(short = 'a', long = "api-versions", value_name = "VERSION")]
    api_versions: Vec<String>,
    /// Include CRDs in the templated output.
    #[arg(long = "include-crds")]
    include_crds: bool,
    /// Prevent hooks from running during install.
    #[arg(long = "no-hooks")]
    no_hooks: bool,
    /// Skip tests from templated output.
    #[arg(long = "skip-tests")]
    skip_tests: bool,
    /// Only show manifests rendered from the given templates.
    #[arg(short = 's', long = "show-only", value_name = "TEMPLATE")]
    show_only: Vec<String>,
    /// Set .Release.IsUpgrade instead of .Release.IsInstall.
    #[arg(long = "is-upgrade")]
    is_upgrade: bool,
    /// Use release name in the output-dir path.
    #[arg(long = "release-name")]
    release_name_dir: bool,
    /// Writes the executed templates to files in output-dir instead of stdout.
    #[arg(long = "output-dir", value_name = "DIR")]
    output_dir: Option<PathBuf>,
    /// Disables JSON schema validation.
    #[arg(long = "skip-schema-validation")]
    skip_schema_validation: bool,
    /// Chart repository URL where to locate the requested chart.
    #[arg(long = "repo", value_name = "URL")]
    repo: Option<String>,
    /// Version constraint of the chart to use (a version, or a range like ~1.18); latest when absent.
    #[arg(long = "version", value_name = "VERSION")]
    chart_version: Option<String>,
}

fn read_values(files: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for spec in files {
        for f in spec.split(',') {
            let text = if f == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                    .map_err(|e| format!("read -: {e}"))?;
                s
            } else {
                std::fs::read_to_string(f).map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => format!("open {f}: no such file or directory"),
                    _ => format!("open {f}: {e}"),
                })?
            };
            out.push((f.to_string(), text));
        }
    }
    Ok(out)
}

/// Helm's `LocateChart` for a local chart: an existing path, else Helm's errors for what
/// it would try to download (kiln renders local charts only).
fn locate_chart(name: &str) -> Result<PathBuf, String> {
    let name = name.trim();
    let p = PathBuf::from(name);
    if p.exists() {
        return Ok(p);
    }
    if p.is_absolute() || name.starts_with('.') {
        return Err(format!("path {name:?} not found"));
    }
    if name.contains("://") {
        return Err(format!(
            "{name}: kiln template renders local charts only (a folder or a .tgz)"
        ));
    }
    match name.split_once('/') {
        Some((repo, _)) => Err(format!("repo {repo} not found")),
        None => Err(format!(
            "non-absolute URLs should be in form of repo_name/path_to_chart, got: {name}"
        )),
    }
}

fn template_cmd(a: &TemplateArgs) -> u8 {
    let (name, chart) = match a.args.as_slice() {
        [chart] => ("release-name".to_string(), chart.clone()),
        [name, chart] => (name.clone(), chart.clone()),
        _ => return fail("expected at most two arguments"),
    };
    if let Some(k) = &a.kube_version
        && kiln::helm::objects::KubeVersion::parse(k).is_none()
    {
        return fail(&format!(
            "invalid kube version '{k}': Invalid Semantic Version"
        ));
    }
    let chart = if chart.starts_with("oci://") || a.repo.is_some() {
        // A remote chart: pulled into the cache (verified by digest), then rendered from it.
        let cache = std::env::var_os("KILN_CACHE_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("charts-cache"));
        let mut o = kiln::source::Options::new(&cache, cache.join("template.lock"));
        o.credentials = kiln::source::Credentials::from_env();
        o.progress = false;
        let version = a.chart_version.clone().unwrap_or_default();
        match kiln::source::fetch_chart(&chart, a.repo.as_deref(), &version, &o) {
            Ok(archive) => archive.path,
            Err(e) => return fail(&e.to_string()),
        }
    } else {
        match locate_chart(&chart) {
            Ok(p) => p,
            Err(e) => return fail(&e),
        }
    };
    let values = match read_values(&a.values) {
        Ok(v) => v,
        Err(e) => return fail(&e),
    };
    let mut opts = TemplateOptions::new();
    opts.release_name = name;
    opts.namespace = a.namespace.clone();
    opts.values = values;
    opts.set = a.set.clone();
    opts.set_string = a.set_string.clone();
    opts.set_json = a.set_json.clone();
    opts.set_file = a.set_file.clone();
    opts.set_literal = a.set_literal.clone();
    opts.kube_version = a.kube_version.clone();
    opts.api_versions = a.api_versions.clone();
    opts.include_crds = a.include_crds;
    opts.no_hooks = a.no_hooks;
    opts.skip_tests = a.skip_tests;
    opts.show_only = a.show_only.clone();
    opts.is_upgrade = a.is_upgrade;
    opts.skip_schema_validation = a.skip_schema_validation;
    opts.output_dir = a.output_dir.clone();
    opts.use_release_name = a.release_name_dir;
    // One render, then the process ends: its memory goes back with the exit.
    kiln::helm::EXIT_AFTER_RENDER.store(true, std::sync::atomic::Ordering::Relaxed);
    match template_path(&chart, &opts) {
        Ok(out) => {
            let _ = std::io::stderr().write_all(out.stderr.as_bytes());
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(out.stdout.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return 1;
            }
            0
        }
        Err(e) => {
            let _ = std::io::stderr().write_all(e.stderr.as_bytes());
            // Helm's message, then (for a values file that does not parse) the line it
            // names and what to do.
            let files = opts.values.iter().map(|(n, t)| (n.as_str(), t.as_str()));
            let hint = kiln::render::values_file_hint(files, &e.msg).unwrap_or_default();
            fail(&format!("{}{hint}", e.msg))
        }
    }
}

fn fail(msg: &str) -> u8 {
    let _ = writeln!(std::io::stderr(), "Error: {msg}");
    1
}

fn code(c: i32) -> u8 {
    c.clamp(0, 255) as u8
}

fn main() -> ExitCode {
    // Templates recurse on the stack (Helm allows 1000 nested includes): run on a thread
    // with a large reserved stack so that the cap ends in Helm's error, not an overflow.
    let worker = std::thread::Builder::new()
        .name("kiln".into())
        .stack_size(kiln::render::RENDER_STACK)
        .spawn(|| {
            kiln::gotmpl::exec::set_stack_budget(kiln::render::RENDER_STACK - (16 << 20));
            let code = run();
            // The command is done and its output flushed: end the process from here.
            // (Returning would release this thread's stack and then the main thread's,
            // each with a system call that interrupts the other core to flush its
            // TLB; the exit releases all memory at once.)
            std::process::exit(code.into())
        });
    // The worker returns only by a panic (or never started).
    let _ = worker.map(|h| h.join());
    let _ = writeln!(
        std::io::stderr(),
        "Error: internal failure (the worker thread could not run)"
    );
    ExitCode::from(1)
}

fn run() -> u8 {
    let cli = Cli::parse();
    match &cli.cmd {
        Cmd::Template(a) => template_cmd(a),
        Cmd::Render(a) => code(cli::render_cmd(a, &kiln::render::render_chart)),
        Cmd::Graph(a) => code(cli::graph_cmd(a)),
        Cmd::List(a) => code(cli::list_cmd(a)),
        Cmd::Diff(a) => code(cli::diff_cmd(a, &kiln::render::render_chart)),
        Cmd::Verify(a) => code(cli::verify_cmd(a, &kiln::render::render_chart)),
        Cmd::Pull(a) => code(cli::pull_cmd(a)),
        Cmd::Cache(a) => code(cli::cache_cmd(a)),
    }
}
