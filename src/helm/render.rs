//! Helm's `engine.Render`: every template of the chart and its subcharts in one
//! namespace, parsed and executed in `sortTemplates` order.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::coalesce::{new_map, table};
use super::objects::{Files, chart_object};
use crate::chart::Chart;
use crate::gotmpl::ast::{Source, Tree};
use crate::gotmpl::parse::{self, ParseError};
use crate::gotmpl::template::{ErrorKind, TemplateError, Templates};
use crate::gotmpl::value::mark_chartutil_values;
use crate::gotmpl::{FuncMap, Map, Value};

/// One template file to render.
struct Renderable {
    name: String,
    /// The file's bytes (made its text only where it must be parsed here).
    data: crate::chart::Data,
    /// The chart's shared per-template map (`next` in Helm).
    vals: Map,
    base_path: String,
}

fn child_full_path(parent: &str, name: &str) -> String {
    format!("{parent}/charts/{name}")
}

/// Build the `next` map of a chart and collect its templates (Helm's `recAllTpls`).
fn rec_all_tpls(
    c: &Chart,
    out: &mut Vec<Renderable>,
    parent: &Map,
    full_path: &str,
    is_root: bool,
) -> Map {
    let subcharts = new_map();
    let next = new_map();
    {
        let mut n = next.borrow_mut();
        n.insert("Chart".into(), chart_object(&c.metadata, is_root));
        n.insert("Files".into(), Value::Object(Rc::new(Files::new(&c.files))));
        n.insert(
            "Release".into(),
            parent
                .borrow()
                .get("Release")
                .cloned()
                .unwrap_or(Value::Nil),
        );
        n.insert(
            "Capabilities".into(),
            parent
                .borrow()
                .get("Capabilities")
                .cloned()
                .unwrap_or(Value::Nil),
        );
        let values = if is_root {
            parent
                .borrow()
                .get("Values")
                .cloned()
                .unwrap_or_else(Value::new_map)
        } else {
            match table(parent, &format!("Values.{}", c.name())) {
                Ok(m) => Value::Map(m),
                Err(_) => Value::new_map(),
            }
        };
        // Helm's `next` and `.Values` are chartutil.Values (`.Subcharts` and `.Release`
        // stay plain maps)
        if let Value::Map(m) = &values {
            mark_chartutil_values(m);
        }
        n.insert("Values".into(), values);
        n.insert("Subcharts".into(), Value::Map(subcharts.clone()));
    }
    mark_chartutil_values(&next);
    for child in &c.dependencies {
        let child_path = child_full_path(full_path, child.name());
        let cn = rec_all_tpls(child, out, &next, &child_path, false);
        subcharts
            .borrow_mut()
            .insert(child.name().to_string(), Value::Map(cn));
    }
    let library = c.is_library();
    for t in &c.templates {
        if library {
            let base = t.name.rsplit('/').next().unwrap_or(&t.name);
            if !base.starts_with('_') {
                continue;
            }
        }
        out.push(Renderable {
            name: format!("{full_path}/{}", t.name),
            data: t.data.clone(),
            vals: next.clone(),
            base_path: format!("{full_path}/templates"),
        });
    }
    next
}

/// Helm's `sortTemplates`: more `/` first; equal depth in descending byte order.
fn sort_key_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (ca, cb) = (a.matches('/').count(), b.matches('/').count());
    cb.cmp(&ca).then_with(|| b.cmp(a))
}

/// A render error, already in Helm's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

type Parsed = Result<Vec<Tree>, ParseError>;

/// Templates parsed while their chart archive is still being decompressed.
///
/// `kiln template` reads one archive, and decompressing it is sequential; the template
/// files of the archive are queued here as they come out of it ([`PreParse::offer`]) and
/// parsed on a second thread ([`PreParse::work`]). Rendering then takes the results
/// ([`PreParse::finish`], which helps with what is still queued) for each template whose
/// full name and text are exactly what was parsed, and parses anything else as usual.
/// Parsing depends only on the name, the text and the (fixed) function names, so the
/// trees and errors are the ones a parse at render time gives.
#[derive(Default)]
pub struct PreParse {
    /// (full template name, file data) to parse; the parsed ones by name, with their text.
    queue: super::workq::WorkQueue<(String, crate::chart::Data), ParsedAhead>,
    /// The worker thread, joined as soon as parsing is over (its stack is large, and
    /// rendering may need the address space).
    worker: std::sync::Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// Templates parsed ahead, by full name, with the text they were parsed from.
type ParsedAhead = std::collections::HashMap<String, (Source, Parsed)>;

impl PreParse {
    /// Queue a file of the archive (`top/name`) when it is a chart's template.
    pub fn offer(&self, top: &str, name: &str, data: &crate::chart::Data) {
        let template = name.starts_with("templates/")
            || (name.starts_with("charts/") && name.contains("/templates/"));
        if !template {
            return;
        }
        let job = (format!("{top}/{name}"), data.clone());
        self.queue.with(|jobs, _| jobs.push_back(job));
    }

    /// No more files: the worker leaves once the queue is empty.
    pub fn close(&self) {
        self.queue.close(|_| true);
    }

    /// Start [`PreParse::work`] on a thread of its own (with `stack` bytes of stack).
    pub fn spawn_worker(self: &std::sync::Arc<Self>, stack: usize) -> bool {
        let me = self.clone();
        let Ok(h) = std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || me.work())
        else {
            return false;
        };
        if let Ok(mut w) = self.worker.lock() {
            *w = Some(h);
        }
        true
    }

    /// Drop what is still queued and wait for the worker to leave.
    pub fn cancel(&self) {
        self.queue.close(|_| false);
        self.join_worker();
    }

    fn join_worker(&self) {
        let h = self.worker.lock().ok().and_then(|mut w| w.take());
        if let Some(h) = h {
            let _ = h.join();
        }
    }

    /// Parse queued templates until the queue is closed and empty.
    pub fn work(&self) {
        let funcs = crate::funcs::helm_funcs();
        let is_func = |n: &str| funcs.contains_key(n);
        self.queue
            .drain(true, |job| parse_job(job, &is_func), store_parsed);
    }

    /// Help with what is still queued, wait for what is being parsed, and take the
    /// results.
    fn finish(
        &self,
        wanted: &std::collections::HashSet<&str>,
        is_func: &dyn Fn(&str) -> bool,
    ) -> ParsedAhead {
        // Templates of disabled subcharts are not rendered: no need to parse them.
        let keep = |(name, _): &(String, crate::chart::Data)| wanted.contains(name.as_str());
        let done = self
            .queue
            .finish(keep, |job| parse_job(job, is_func), store_parsed)
            .unwrap_or_default();
        self.join_worker();
        done
    }
}

fn parse_job(
    (name, data): (String, crate::chart::Data),
    is_func: &dyn Fn(&str) -> bool,
) -> (String, Source, Parsed) {
    let text = Source::from_bytes(data);
    let parsed = parse::parse_source(&name, text.clone(), is_func);
    (name, text, parsed)
}

fn store_parsed(done: &mut ParsedAhead, (name, text, parsed): (String, Source, Parsed)) {
    done.insert(name, (text, parsed));
}

/// Parse every template, the later half (by size) on a second thread: parsing is pure
/// and the trees are `Send`, so the results are what a sequential parse gives, in order.
/// Templates parsed ahead by `pre` (same name, same text) are taken from there.
fn parse_all(order: &[&Renderable], funcs: &FuncMap, pre: Option<&PreParse>) -> Vec<Parsed> {
    let is_func = |n: &str| funcs.contains_key(n);
    let Some(pre) = pre else {
        return parse_split(order, &is_func);
    };
    let wanted: std::collections::HashSet<&str> = order.iter().map(|r| r.name.as_str()).collect();
    let mut ready = pre.finish(&wanted, &is_func);
    let out: Vec<Option<Parsed>> = order
        .iter()
        .map(|r| match ready.remove(&r.name) {
            Some((text, parsed)) if text.is_text_of(&r.data) => Some(parsed),
            _ => None,
        })
        .collect();
    let missing: Vec<&Renderable> = order
        .iter()
        .zip(&out)
        .filter(|(_, p)| p.is_none())
        .map(|(r, _)| *r)
        .collect();
    let mut rest = parse_split(&missing, &is_func).into_iter();
    out.into_iter()
        .map(|p| match p {
            Some(p) => p,
            None => rest.next().unwrap_or_else(|| Ok(Vec::new())),
        })
        .collect()
}

/// [`parse_all`] without templates parsed ahead.
fn parse_split(order: &[&Renderable], is_func: &(dyn Fn(&str) -> bool + Sync)) -> Vec<Parsed> {
    let jobs: Vec<(&str, &crate::chart::Data)> =
        order.iter().map(|r| (r.name.as_str(), &r.data)).collect();
    let parse_one = |(name, data): &(&str, &crate::chart::Data)| {
        parse::parse_source(name, Source::from_bytes((*data).clone()), is_func)
    };
    let total: usize = jobs.iter().map(|(_, t)| t.len()).sum();
    if total < 64 << 10 || !crate::threads::helpers() {
        return jobs.iter().map(parse_one).collect();
    }
    // Split where half of the text has been seen.
    let mut seen = 0;
    let split = jobs
        .iter()
        .position(|(_, t)| {
            seen += t.len();
            seen * 2 >= total
        })
        .map_or(jobs.len(), |i| i + 1);
    let (first, second) = jobs.split_at(split);
    std::thread::scope(|s| {
        let other = std::thread::Builder::new()
            .stack_size(crate::render::RENDER_STACK)
            .spawn_scoped(s, || second.iter().map(parse_one).collect::<Vec<_>>());
        let mut out: Vec<_> = first.iter().map(parse_one).collect();
        match other.ok().map(|h| h.join()) {
            Some(Ok(rest)) => out.extend(rest),
            _ => out.extend(second.iter().map(parse_one)),
        }
        out
    })
}

/// Render all templates; returns file name -> output (`<no value>` removed), without
/// partials. `top` holds `Release`, `Capabilities` and `Values`. `rendered_one(name,
/// output)` is called as each template's output is ready.
pub fn render_each(
    chart: &Chart,
    top: &Map,
    funcs: &FuncMap,
    pre: Option<&PreParse>,
    rendered_one: &mut dyn FnMut(&str, &str),
) -> Result<BTreeMap<String, String>, RenderError> {
    let mut tpls = Vec::new();
    rec_all_tpls(chart, &mut tpls, top, chart.name(), true);
    // Go's map keyed by name: a later duplicate replaces an earlier one.
    let mut by_name: BTreeMap<String, Renderable> = BTreeMap::new();
    for r in tpls {
        by_name.insert(r.name.clone(), r);
    }
    let mut order: Vec<&Renderable> = by_name.values().collect();
    order.sort_by(|a, b| sort_key_cmp(&a.name, &b.name));

    let mut t = Templates::new();
    for (r, parsed) in order.iter().zip(parse_all(&order, funcs, pre)) {
        match parsed {
            Ok(trees) => t.add_parsed(trees),
            Err(e) => {
                let e = TemplateError {
                    kind: ErrorKind::Parse,
                    msg: e.msg,
                };
                return Err(RenderError(cleanup_parse_error(&r.name, &e)));
            }
        }
    }
    let mut rendered = BTreeMap::new();
    for r in &order {
        let base = r.name.rsplit('/').next().unwrap_or(&r.name);
        if base.starts_with('_') {
            continue;
        }
        let mut tm = BTreeMap::new();
        tm.insert("Name".to_string(), Value::str(&r.name));
        tm.insert("BasePath".to_string(), Value::str(&r.base_path));
        let tm: Map = crate::gotmpl::value::new_map_rc(tm);
        mark_chartutil_values(&tm); // chartutil.Values{"Name": …, "BasePath": …}
        r.vals.watch();
        r.vals.set_template(tm);
        match t.execute(&r.name, Value::Map(r.vals.clone()), funcs) {
            Ok(out) => {
                // Helm removes every "<no value>"; most outputs have none, and a search
                // is cheaper than a copy.
                let out = if memchr::memmem::find(out.as_bytes(), b"<no value>").is_some() {
                    out.replace("<no value>", "")
                } else {
                    out
                };
                rendered_one(&r.name, &out);
                rendered.insert(r.name.clone(), out);
            }
            Err(e) => {
                let e = RenderError(cleanup_exec_error(&r.name, &e));
                drop(order);
                super::release((t, by_name));
                return Err(e);
            }
        }
    }
    drop(order);
    super::release((t, by_name));
    Ok(rendered)
}

/// Helm's `cleanupParseError`.
pub fn cleanup_parse_error(filename: &str, err: &TemplateError) -> String {
    let msg = &err.msg;
    let tokens: Vec<&str> = msg.split(": ").collect();
    if tokens.len() == 1 {
        return format!("parse error in ({filename}): {msg}");
    }
    let location = tokens[1];
    let err_msg = tokens[tokens.len() - 1];
    format!("parse error at ({location}): {err_msg}")
}

/// Helm's `cleanupExecError`.
pub fn cleanup_exec_error(filename: &str, err: &TemplateError) -> String {
    let msg = &err.msg;
    if err.kind != ErrorKind::Exec {
        return msg.clone();
    }
    let tokens: Vec<&str> = msg.splitn(3, ": ").collect();
    if tokens.len() != 3 {
        return format!("execution error in ({filename}): {msg}");
    }
    let location = tokens[1];
    const START: &str = "HELM_ERR_START";
    const END: &str = "HELM_ERR_END";
    if let Some(s) = tokens[2].find(START) {
        let after = &tokens[2][s + START.len()..];
        if let Some(e) = after.rfind(END) {
            return format!("execution error at ({location}): {}", &after[..e]);
        }
    }
    msg.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Helm passes its named map type `chartutil.Values` as the dot, `.Values` (of the root
    /// and of every subchart) and `.Template`; other maps stay `map[string]interface {}`.
    /// Expected lines from helm v3.17.3 (`helm template r` of the same chart).
    #[test]
    fn chartutil_values_type_names() {
        let file = |name: &str, text: &str| crate::chart::File {
            name: name.into(),
            data: crate::chart::Data::copy_from_slice(text.as_bytes()),
        };
        let chart = crate::chart::load_files(vec![
            file("Chart.yaml", "apiVersion: v2\nname: sn\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 0.1.0\n"),
            file("values.yaml", "x:\n  y: 1\n"),
            file(
                "templates/t.yaml",
                concat!(
                    r#"# {{ printf "%T|%T|%T|%T" .Values . .Release .Template }}"#,
                    r#"|{{ typeOf (deepCopy .Values) }}|{{ typeOf (.Values | merge (dict)) }}"#,
                    r#"|{{ typeOf .Values.x }}|{{ typeOf .Subcharts }}|{{ typeIs "chartutil.Values" $.Values }}"#,
                    r#"|{{ tpl "{{ typeOf . }}" (dict "a" 1) }}|{{ kindOf .Values }}"#,
                ),
            ),
            file("charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n"),
            file("charts/sub/templates/s.yaml", "# {{ typeOf .Values }}|{{ typeOf . }}"),
        ])
        .expect("load chart");
        let mut opts = crate::helm::TemplateOptions::new();
        opts.release_name = "release-name".into();
        let out = crate::helm::template_chart(&chart, &opts)
            .expect("render")
            .stdout;
        assert_eq!(
            out,
            concat!(
                "---\n# Source: sn/charts/sub/templates/s.yaml\n",
                "# chartutil.Values|chartutil.Values\n",
                "---\n# Source: sn/templates/t.yaml\n",
                "# chartutil.Values|chartutil.Values|map[string]interface {}|chartutil.Values",
                "|chartutil.Values|map[string]interface {}|map[string]interface {}",
                "|map[string]interface {}|true|map[string]interface {}|map\n",
            )
        );
        let bad = crate::chart::load_files(vec![
            file("Chart.yaml", "apiVersion: v2\nname: sn\nversion: 0.1.0\n"),
            file("templates/e.yaml", "{{ trim .Values }}"),
        ])
        .expect("load chart");
        let err = crate::helm::template_chart(&bad, &opts).unwrap_err().msg;
        assert!(
            err.starts_with(r#"template: sn/templates/e.yaml:1:8: executing "sn/templates/e.yaml" at <.Values>: wrong type for value; expected string; got chartutil.Values"#),
            "{err}"
        );
    }

    #[test]
    fn parallel_parse_gives_the_sequential_results_in_order() {
        let funcs = crate::funcs::helm_funcs();
        let filler = "a: {{ .Values.x | quote }}\n".repeat(800);
        let texts: Vec<String> = (0..10)
            .map(|i| match i {
                3 => format!("{filler}{{{{ if }}}}"),
                7 => format!("{filler}{{{{ end }}}}"),
                8 => format!("{filler}{{{{ nosuchfunc 1 }}}}"),
                _ => format!("{{{{ define \"t{i}\" }}}}{i}{{{{ end }}}}{filler}"),
            })
            .collect();
        let rs: Vec<Renderable> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Renderable {
                name: format!("c/templates/t{i}.yaml"),
                data: crate::chart::Data::copy_from_slice(t.as_bytes()),
                vals: new_map(),
                base_path: "c/templates".into(),
            })
            .collect();
        let order: Vec<&Renderable> = rs.iter().collect();
        assert!(texts.iter().map(String::len).sum::<usize>() > 64 << 10);
        // Without templates parsed ahead, and with some parsed ahead on a worker thread
        // (one of them from a stale text, and one of a subchart that is not rendered).
        for ahead in [false, true] {
            let got = if ahead {
                let pre = PreParse::default();
                for (i, t) in texts.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
                    let text = if i == 4 { "stale {{ if }}" } else { t.as_str() };
                    let data = crate::chart::Data::copy_from_slice(text.as_bytes());
                    pre.offer("c", &format!("templates/t{i}.yaml"), &data);
                }
                let off = crate::chart::Data::from_static(b"{{ if }}");
                pre.offer("c", "charts/off/templates/x.yaml", &off);
                std::thread::scope(|s| {
                    s.spawn(|| pre.work());
                    parse_all(&order, &funcs, Some(&pre))
                })
            } else {
                parse_all(&order, &funcs, None)
            };
            check_parsed(&order, &funcs, &got);
        }
    }

    fn check_parsed(order: &[&Renderable], funcs: &FuncMap, got: &[Parsed]) {
        let is_func = |n: &str| funcs.contains_key(n);
        for (r, g) in order.iter().zip(got) {
            let want = parse::parse(&r.name, &crate::chart::lossy(&r.data), &is_func);
            match (g, &want) {
                (Ok(a), Ok(b)) => {
                    let names =
                        |v: &Vec<Tree>| v.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
                    assert_eq!(names(a), names(b), "{}", r.name)
                }
                (Err(a), Err(b)) => assert_eq!(a.msg, b.msg),
                _ => panic!("{}: parallel and sequential parses disagree", r.name),
            }
        }
        assert_eq!(got.iter().filter(|r| r.is_err()).count(), 3);
    }

    #[test]
    fn sort_templates_order() {
        let mut names = vec![
            "top/templates/a.yaml",
            "top/templates/_helpers.tpl",
            "top/charts/sub/templates/x.yaml",
            "top/templates/z/b.yaml",
            "top/templates/b.yaml",
        ];
        names.sort_by(|a, b| sort_key_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "top/charts/sub/templates/x.yaml",
                "top/templates/z/b.yaml",
                "top/templates/b.yaml",
                "top/templates/a.yaml",
                "top/templates/_helpers.tpl",
            ]
        );
    }

    #[test]
    fn error_cleanup() {
        let e = TemplateError {
            kind: ErrorKind::Exec,
            msg: "template: tenant/templates/checks.yaml:8:4: executing \"tenant/templates/checks.yaml\" at <fail \"x\">: error calling fail: HELM_ERR_STARTCannot set access-key when an existing secret is usedHELM_ERR_END".into(),
        };
        assert_eq!(
            cleanup_exec_error("tenant/templates/checks.yaml", &e),
            "execution error at (tenant/templates/checks.yaml:8:4): Cannot set access-key when an existing secret is used"
        );
        let p = TemplateError {
            kind: ErrorKind::Parse,
            msg: "template: c/templates/x.yaml:3: function \"nope\" not defined".into(),
        };
        assert_eq!(
            cleanup_parse_error("c/templates/x.yaml", &p),
            "parse error at (c/templates/x.yaml:3): function \"nope\" not defined"
        );
        let other = TemplateError {
            kind: ErrorKind::Exec,
            msg: "template: a:1:2: executing \"a\" at <x>: boom".into(),
        };
        assert_eq!(
            cleanup_exec_error("a", &other),
            "template: a:1:2: executing \"a\" at <x>: boom"
        );
    }
}
