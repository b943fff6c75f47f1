//! The default stack renders natively and offline from the cache that a pull through local
//! mirrors filled: the rendered tree is identical to the one rendered from the corpus
//! archives directly.

mod source_support;

use kiln::render::{self, ReleaseJob, RenderOptions};
use kiln::source;
use kiln::stack::Release;
use source_support::*;
use std::path::PathBuf;

#[test]
fn the_default_stack_renders_offline_from_the_pulled_cache() {
    let stack = default_stack();
    let (_, url) = http_mirror(&stack, None);
    let dir = temp_dir("render");
    let mut o = options(&dir);
    mirror_repos(&mut o, &stack, &url, true);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));

    let mut off = options(&dir);
    off.offline = true;
    let archives = source::charts(&stack, &off).unwrap_or_else(|e| panic!("{e}"));
    let from_cache = |r: &Release| -> Result<PathBuf, String> {
        archives
            .get(&r.name)
            .map(|a| a.path.clone())
            .ok_or_else(|| format!("{} is not pulled", r.name))
    };
    let corpus = corpus_charts();
    let from_corpus = |r: &Release| render::resolve_in_dir(&corpus, r);
    let run = |resolve: &(dyn Fn(&Release) -> Result<PathBuf, String> + Sync)| {
        let opts = RenderOptions {
            env: "default",
            selectors: &[],
            jobs: 2,
            resolve,
            renderer: &render::render_chart,
        };
        render::render(&stack, &opts)
            .map(|t| t.files)
            .map_err(|e| e.to_string())
    };
    let short = |s: &str| s.chars().take(300).collect::<String>();
    match (run(&from_cache), run(&from_corpus)) {
        (Ok(a), Ok(b)) => {
            assert!(a.len() > 100, "{} files", a.len());
            // Some charts generate random secrets: compare the files and their shapes.
            assert!(a.keys().eq(b.keys()), "the trees have different files");
            for (k, v) in &a {
                assert_eq!(v.lines().count(), b[k].lines().count(), "{k}");
            }
        }
        // While the native renderer cannot render the whole stack yet, the cache must
        // still give exactly what the corpus gives.
        (Err(a), Err(b)) => assert!(a == b, "{} != {}", short(&a), short(&b)),
        (a, b) => panic!(
            "cache: {:?}\ncorpus: {:?}",
            a.map(|f| f.len()).map_err(|e| short(&e)),
            b.map(|f| f.len()).map_err(|e| short(&e))
        ),
    }
    // Release by release (default values), each chart from the cache renders as the corpus
    // archive renders.
    for r in &stack.releases {
        let job = |chart: PathBuf| ReleaseJob {
            name: r.name.clone(),
            namespace: r.namespace.clone(),
            chart,
            values: Vec::new(),
            kube_version: stack.kube_version.clone(),
            api_versions: stack.api_versions.clone(),
        };
        // Shapes again: the sources rendered and the line count (random secrets differ).
        let shape = |out: Result<render::RenderedChart, String>| {
            out.map(|r| {
                let t = r.stream;
                (
                    t.lines()
                        .filter(|l| l.starts_with("# Source: "))
                        .map(String::from)
                        .collect::<Vec<_>>(),
                    t.lines().count(),
                )
            })
            .map_err(|e| short(&e))
        };
        let a = shape(render::render_chart(&job(from_cache(r).unwrap())));
        let b = shape(render::render_chart(&job(from_corpus(r).unwrap())));
        assert!(
            a == b,
            "{}: {:?} vs {:?}",
            r.name,
            a.as_ref().map(|x| x.1),
            b.as_ref().map(|x| x.1)
        );
    }
}
