//! `kiln render`: the whole stack into the `rendered/` tree.
//!
//! For every selected release: read its values (rendering `.j2` files with the
//! environment's vars), render the chart as `helm template` would, add the extra
//! manifests, then build the tree (`crate::emit`) and swap it in atomically. Releases
//! render in parallel on a pool of `jobs` threads; the result does not depend on the
//! thread count because every release is rendered on its own and the tree is assembled
//! in the stack's order.

use crate::emit::{self, CrdKinds, ReleaseOutput, ReleasePart};
use crate::stack::graph::{Graph, Selector, selected};
use crate::stack::{Release, Stack, StackError, template};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack size of the render worker threads (virtual; pages are used only as touched).
pub const RENDER_STACK: usize = 256 << 20;

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

/// What a chart renderer gives for one release.
#[derive(Debug, Clone, Default)]
pub struct RenderedChart {
    /// The `helm template` stream (with `--include-crds`).
    pub stream: String,
    /// Documents of the stream with their YAML parse, in stream order, where the renderer
    /// parsed them already; the others are parsed when the tree is built.
    pub documents: Vec<(String, Result<crate::yaml::Parsed, crate::yaml::YamlError>)>,
}

/// Renders one release's chart.
pub type ChartRenderer = dyn Fn(&ReleaseJob) -> Result<RenderedChart, String> + Sync;

/// The renderer of `kiln render`: kiln's own `helm template` of the job's chart, with
/// `--include-crds`, keeping the documents' parse.
pub fn render_chart(job: &ReleaseJob) -> Result<RenderedChart, String> {
    let mut opts = crate::helm::TemplateOptions::new();
    opts.release_name = job.name.clone();
    opts.namespace = job.namespace.clone();
    opts.values = job
        .values
        .iter()
        .map(|(p, t)| (p.display().to_string(), t.clone()))
        .collect();
    if !job.kube_version.is_empty() {
        opts.kube_version = Some(job.kube_version.clone());
    }
    opts.api_versions = job.api_versions.clone();
    opts.include_crds = true;
    opts.parse_documents = true;
    crate::helm::template_path(&job.chart, &opts)
        .map(|o| RenderedChart {
            stream: o.stdout,
            documents: o.documents,
        })
        .map_err(|e| e.msg)
}

/// A render failure: the stack, a release, or the tree.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Stack(#[from] StackError),
    #[error("release {release}: {msg}")]
    Release { release: String, msg: String },
    #[error("{0}")]
    Emit(#[from] emit::EmitError),
    #[error("{}: environment `{env}` is not defined in the stack{hint}", file.display())]
    UnknownEnvironment {
        file: PathBuf,
        env: String,
        hint: String,
    },
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
        return Ok(path);
    }
    // Say what is there: the versions of this chart, or the chart names, in the folder.
    let mut versions = Vec::new();
    let mut charts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let f = e.file_name().to_string_lossy().into_owned();
            let Some(stem) = f.strip_suffix(".tgz") else {
                continue;
            };
            if let Some(v) = stem
                .strip_prefix(&format!("{name}-"))
                .filter(|v| v.starts_with(|c: char| c.is_ascii_digit() || c == 'v'))
            {
                versions.push(v.to_string());
            } else if let Some(i) = stem.rfind('-') {
                charts.push(stem[..i].to_string());
            }
        }
    }
    versions.sort();
    charts.sort();
    charts.dedup();
    let hint = if !versions.is_empty() {
        format!(
            "\n  hint: versions of {name} there: {}; set `version:` to one of them",
            versions.join(", ")
        )
    } else if let Some(s) = crate::stack::suggest(name, charts.iter().map(String::as_str)) {
        format!("\n  hint: no chart {name} there; did you mean `{s}`?")
    } else {
        String::new()
    };
    Err(format!(
        "chart {} {} is not in {} (looked for {}){hint}",
        r.chart,
        r.version,
        dir.display(),
        path.display()
    ))
}

/// A problem of a release's own files (chart not found, values file missing) is a
/// mistake in the stack file: point at the release there, and suggest a close name.
fn at_release(stack: &Stack, r: &Release, e: StackError) -> StackError {
    if e.line != 0 {
        return e; // already points into a template or values file
    }
    let mut hint = e.hint;
    // `cannot read values/wbe.yaml: …`: offer a file of that folder with a close name.
    if let Some(rel) = e
        .msg
        .strip_prefix("cannot read ")
        .and_then(|m| m.split(": ").next())
    {
        let p = Path::new(rel);
        let folder = stack.dir.join(p.parent().unwrap_or(Path::new("")));
        let names: Vec<String> = std::fs::read_dir(&folder)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let want = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(s) = crate::stack::suggest(&want, names.iter().map(String::as_str)) {
            let shown = match p.parent().filter(|d| !d.as_os_str().is_empty()) {
                Some(d) => format!("{}/{s}", d.display()),
                None => s.to_string(),
            };
            hint = Some(format!(
                "did you mean `{shown}`? (paths are relative to the stack folder)"
            ));
        }
    }
    StackError {
        file: stack.file.clone(),
        line: r.line,
        col: r.col,
        msg: format!("release `{}`: {}", r.name, e.msg),
        hint,
    }
}

/// For an error naming a values file that does not parse (`failed to parse FILE: … line
/// N: …`, Helm's wording), what to append: the line it names and where to fix it; `None`
/// for other errors.
/// `files` are (name as shown in messages, text as given to the chart).
pub fn values_file_hint<'a>(
    files: impl Iterator<Item = (&'a str, &'a str)>,
    msg: &str,
) -> Option<String> {
    for (shown, text) in files {
        let Some((_, rest)) = msg.split_once(&format!("failed to parse {shown}: ")) else {
            continue;
        };
        let line: Option<usize> = rest
            .split_once("line ")
            .and_then(|(_, l)| l.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok());
        let rendered = if shown.ends_with(".j2") {
            " (line numbers count in the file as rendered with the environment's vars)"
        } else {
            ""
        };
        // Only for syntax errors, which name a line: the others (alias bombs, nesting
        // deeper than kiln's cap) say what is wrong in their own words.
        let (n, l) = line.and_then(|n| Some((n, text.lines().nth(n.checked_sub(1)?)?)))?;
        return Some(format!(
            "\n  --> {shown}:{n}\n   | {l}\n  hint: fix the YAML of this values file{rendered}; `helm template` refuses it the same way"
        ));
    }
    None
}

/// A chart render's error message with what to do appended: for a values file that does
/// not parse, the line it names (as kiln fed it to the chart, after `.j2` rendering) and
/// where to fix it; for a chart that refuses the values, how to reproduce it alone.
fn with_hint(job: &ReleaseJob, msg: String) -> String {
    if msg.contains("\n  hint: ") {
        return msg;
    }
    // Helm's `Use --debug flag …` trailer names a flag `kiln render` does not have.
    let msg = msg
        .replace(crate::helm::DEBUG_TRAILER, "")
        .trim_end()
        .to_string();
    let shown: Vec<(String, &str)> = job
        .values
        .iter()
        .map(|(p, t)| (p.display().to_string(), t.as_str()))
        .collect();
    if let Some(h) = values_file_hint(shown.iter().map(|(p, t)| (p.as_str(), *t)), &msg) {
        return format!("{msg}{h}");
    }
    let what = if msg.contains("values don't meet the specifications of the schema") {
        "change the values named above so that the chart's values.schema.json accepts them"
    } else if msg.contains("template: ") || msg.contains("execution error at (") {
        "the chart's template refused these values (Helm fails the same way); check the values it reads at the place named above"
    } else {
        "the chart cannot be rendered with these values"
    };
    // `kiln template` with the same files shows it alone (not for `.j2` files: those are
    // values only once rendered with the environment's vars).
    if job
        .values
        .iter()
        .any(|(p, _)| p.extension().is_some_and(|e| e == "j2"))
    {
        return format!("{msg}\n  hint: {what}");
    }
    let mut reproduce = format!(
        "kiln template {} {} -n {}",
        job.name,
        job.chart.display(),
        job.namespace
    );
    for (p, _) in &job.values {
        reproduce.push_str(&format!(" -f {}", p.display()));
    }
    format!("{msg}\n  hint: {what}; `{reproduce}` shows it alone")
}

/// The clock of a render: `SOURCE_DATE_EPOCH` when set (reproducible-builds convention),
/// else 2026-01-01T00:00:00Z, so that `now` and certificate validity never make a
/// re-render differ.
pub fn source_date_epoch() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(FIXED_EPOCH)
}

/// The fixed clock used without `SOURCE_DATE_EPOCH`.
pub const FIXED_EPOCH: i64 = 1_767_225_600;

/// Render the stack into a tree (not yet written).
pub fn render(stack: &Stack, opts: &RenderOptions) -> Result<emit::Tree, RenderError> {
    let env = stack.environments.get(opts.env).ok_or_else(|| {
        let names: Vec<&str> = stack.environments.keys().map(String::as_str).collect();
        let hint = crate::stack::suggest(opts.env, names.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_else(|| {
                format!(
                    "; it defines: {}\n  hint: declare it under `environments:` or choose one with -e",
                    names.join(", ")
                )
            });
        RenderError::UnknownEnvironment { file: stack.file.clone(), env: opts.env.to_string(), hint }
    })?;
    let graph = Graph::build(stack)?;
    let chosen: Vec<usize> = (0..stack.releases.len())
        .filter(|&i| selected(opts.selectors, &stack.releases[i]))
        .collect();
    let rendered = |i: usize| -> Result<ReleaseOutput, RenderError> {
        let r = &stack.releases[i];
        let fail = |msg: String| RenderError::Release {
            release: r.name.clone(),
            msg,
        };
        let chart = (opts.resolve)(r).map_err(|msg| {
            let (msg, hint) = match msg.split_once("\n  hint: ") {
                Some((m, h)) => (m.to_string(), Some(h.to_string())),
                None => (msg, None),
            };
            RenderError::Stack(StackError {
                file: stack.file.clone(),
                line: r.line,
                col: r.col,
                msg: format!("release `{}`: {msg}", r.name),
                hint,
            })
        })?;
        let mut values = Vec::new();
        let extra = env.values.get(&r.name).cloned().unwrap_or_default();
        for f in r.values.iter().chain(&extra) {
            values.push((
                stack.dir.join(f),
                template::read(&stack.dir, f, opts.env, env)
                    .map_err(|e| at_release(stack, r, e))?,
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
        // Name the chart file unless the message already does (Helm's loader errors
        // such as a gzip bomb's `decompressed chart is larger than …` do not).
        // Random and clock functions are seeded from the release's identity and inputs, so
        // a re-render gives the same bytes on any machine and thread count.
        let mut h = Sha256::new();
        for part in [job.name.as_bytes(), job.namespace.as_bytes()] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.update(std::fs::read(&job.chart).unwrap_or_default());
        for (_, text) in &job.values {
            h.update((text.len() as u64).to_le_bytes());
            h.update(text.as_bytes());
        }
        let d = h.finalize();
        let seed = u64::from_le_bytes(d[..8].try_into().unwrap_or_default());
        crate::funcs::random::seed(seed);
        crate::funcs::random::fix_now(Some(source_date_epoch()));
        crate::funcs::random::take_draws();
        let result = (opts.renderer)(&job);
        let draws = crate::funcs::random::take_draws();
        crate::funcs::random::unseed();
        let RenderedChart { stream, documents } = result.map_err(|e| {
            let shown = job.chart.display().to_string();
            let e = if e.contains(&shown) {
                e
            } else {
                format!("chart {shown}: {e}")
            };
            fail(with_hint(&job, e))
        })?;
        // The documents are read in place: the chart's stream, then each extra manifest.
        let mut docs: Vec<(String, usize, std::ops::Range<usize>)> =
            emit::resource::split_stream_at(&stream)
                .into_iter()
                .map(|(source, at)| (source, 0, at))
                .collect();
        let mut texts = vec![stream];
        for m in &r.manifests {
            let text = template::read(&stack.dir, m, opts.env, env)
                .map_err(|e| at_release(stack, r, e))?;
            for (_, at) in emit::resource::split_stream_at(&text) {
                docs.push((format!("stack/{m}"), texts.len(), at));
            }
            texts.push(text);
        }
        // The YAML parse of the documents the renderer parsed (matched by text, in
        // order); the others are parsed as the part is made, on this worker thread too.
        let mut ready = documents.into_iter().peekable();
        let parsed = docs
            .iter()
            .map(|(_, t, at)| {
                let text = &texts[*t][at.clone()];
                ready.next_if(|(t, _)| t == text).map(|(_, p)| p)
            })
            .collect();
        Ok(ReleaseOutput {
            texts,
            parsed,
            generated: draws > 0,
            name: r.name.clone(),
            namespace: r.namespace.clone(),
            layer: graph.layers[i],
            needs: r.needs.clone(),
            docs,
        })
    };
    // One release rendered, then made into its part of the tree on the same worker (with
    // the whole stack's CRDs when they are `known`), so that its documents are freed
    // there. A failure says its stage: errors are reported as a sequential render meets
    // them, a release that does not render before a document that cannot be read.
    // The CRDs of the releases made so far: a release's custom resources whose CRD is
    // elsewhere are written on what they say (assemble checks the guess).
    let seen: Mutex<CrdKinds> = Mutex::default();
    // Releases of one chart (the same archive) write its CRDs once between them.
    let charts: Vec<Option<PathBuf>> = chosen
        .iter()
        .map(|&i| (opts.resolve)(&stack.releases[i]).ok())
        .collect();
    let shares_chart: Vec<bool> = charts
        .iter()
        .map(|c| c.is_some() && charts.iter().filter(|d| *d == c).count() > 1)
        .collect();
    let shared = emit::SharedCrds::default();
    // Release `chosen[k]`.
    let one = |k: usize, known: Option<&CrdKinds>| -> Result<ReleasePart, (u8, RenderError)> {
        let out = rendered(chosen[k]).map_err(|e| (0, e))?;
        let guess = seen.lock().map(|s| s.clone()).unwrap_or_default();
        let sharing = shares_chart[k].then_some(&shared);
        let part = emit::release_part(&stack.output, out, known, &guess, sharing)
            .map_err(|e| (1, RenderError::Emit(e)))?;
        if let Ok(mut s) = seen.lock() {
            s.extend(part.crds().iter().cloned());
        }
        Ok(part)
    };
    // Releases side by side on every core leave none for a render's own helper threads.
    let _helpers = crate::threads::for_workers(opts.jobs.max(1));
    // Templates recurse on the stack (Helm allows 1000 nested includes, each several
    // frames deep): give workers a large stack, reserved, not committed, so that the
    // cap is reached as an error rather than a stack overflow that kills the process.
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(RENDER_STACK)
        // Let the executor use that stack for nested include/template/tpl calls, so it
        // stops at Helm's cap (1000) rather than at its small default budget.
        .start_handler(|_| {
            crate::gotmpl::exec::set_stack_budget(RENDER_STACK - (16 << 20));
        })
        .num_threads(opts.jobs.max(1))
        .build()
        .map_err(|e| RenderError::Release {
            release: String::new(),
            msg: format!("cannot start worker threads: {e}"),
        })?;
    // A progress bar on a terminal only; CI logs get the summary line alone.
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        let b = indicatif::ProgressBar::new(chosen.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} releases {msg}")
        {
            b.set_style(style);
        }
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    // Each worker takes the next release in order of expected work, largest first (the
    // size of its chart archive), so that the small ones fill the end and the workers
    // finish together; the results keep the stack's order. A chart's later releases
    // count half (its CRDs are written once), and so come after its first.
    let order = largest_first(chosen.len(), |k| {
        let size = charts[k]
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .filter(|m| m.is_file())
            .map_or(0, |m| m.len());
        if charts[..k].contains(&charts[k]) && charts[k].is_some() {
            size / 2
        } else {
            size
        }
    });
    let next = AtomicUsize::new(0);
    type Slot = Mutex<Option<Result<ReleasePart, (u8, RenderError)>>>;
    let slots: Vec<Slot> = chosen.iter().map(|_| Mutex::new(None)).collect();
    pool.broadcast(|_| {
        while let Some(&k) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let r = one(k, None);
            if let Ok(mut slot) = slots[k].lock() {
                *slot = Some(r);
            }
            bar.set_message(stack.releases[chosen[k]].name.clone());
            bar.inc(1);
        }
    });
    bar.finish_and_clear();
    let mut parts = Vec::with_capacity(slots.len());
    let mut first: Option<(u8, RenderError)> = None;
    for (k, slot) in slots.into_iter().enumerate() {
        let o = slot.into_inner().ok().flatten().unwrap_or_else(|| {
            Err((
                0,
                RenderError::Release {
                    release: stack.releases[chosen[k]].name.clone(),
                    msg: "internal failure: the release's worker stopped".into(),
                },
            ))
        });
        match o {
            Ok(p) => parts.push(p),
            Err((stage, e)) if first.as_ref().is_none_or(|(s, _)| stage < *s) => {
                first = Some((stage, e))
            }
            Err(_) => {}
        }
    }
    if let Some((_, e)) = first {
        return Err(e);
    }
    // A part made on an assumption about the stack's CRDs that turns out wrong is made
    // again (on a worker: templates need its stack).
    let tree = pool.install(|| {
        emit::assemble(&stack.output, parts, &mut |k, crds| {
            one(k, Some(crds)).map_err(|(_, e)| match e {
                RenderError::Emit(e) => e,
                e => emit::EmitError::Document {
                    release: stack.releases[chosen[k]].name.clone(),
                    msg: e.to_string(),
                },
            })
        })
    })?;
    Ok(tree)
}

/// The positions `0..n` in order of decreasing `cost`, ties in the stack's order.
fn largest_first(n: usize, cost: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut order: Vec<(u64, usize)> = (0..n).map(|k| (cost(k), k)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    order.into_iter().map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::largest_first;

    #[test]
    fn releases_are_taken_largest_first_ties_in_stack_order() {
        // Four chosen releases, with these chart sizes.
        let size = |k: usize| [10, 300, 10, 40][k];
        assert_eq!(largest_first(4, size), vec![1, 3, 0, 2]);
        assert_eq!(largest_first(0, size), Vec::<usize>::new());
    }
}
