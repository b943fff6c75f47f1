//! The `rendered/` tree: one file per resource, sync waves, Argo CD and Flux objects,
//! `SHA256SUMS`, and an atomic swap of the whole tree.
//!
//! Paths depend only on the release, the resource's kind, namespace and name — never on
//! the layer or the machine — so moving a release to another layer changes annotations,
//! not file names, and a pull request diff shows only real changes. Every file is
//! canonical YAML (go-yaml's key order and style, via `crate::yaml::to_yaml`).

pub mod resource;
pub mod write;

use crate::gotmpl::Value;
use crate::helm::manifest::Fingerprint;
use crate::stack::{HookPolicy, Output, OutputMode};
use resource::{CLUSTER_SCOPED, Resource, SYSTEM_NAMESPACES};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// Argo CD's annotation keys.
pub const SYNC_WAVE: &str = "argocd.argoproj.io/sync-wave";
pub const SYNC_OPTIONS: &str = "argocd.argoproj.io/sync-options";
const ARGO_HOOK: &str = "argocd.argoproj.io/hook";
const ARGO_HOOK_DELETE: &str = "argocd.argoproj.io/hook-delete-policy";

/// Above this size of its JSON, a CRD cannot be applied client-side (the
/// `last-applied-configuration` annotation is limited to 256 KiB).
pub const CLIENT_SIDE_APPLY_LIMIT: usize = 262_144;

/// What one release rendered, as input to the tree.
#[derive(Debug, Clone)]
pub struct ReleaseOutput {
    pub name: String,
    pub namespace: String,
    pub layer: u32,
    pub needs: Vec<String>,
    /// The texts its documents are in: the chart's stream, then the extra manifests.
    pub texts: Vec<String>,
    /// Each document in output order: its source, and where it is (text, byte range).
    pub docs: Vec<(String, usize, std::ops::Range<usize>)>,
    /// Whether the chart drew random values (passwords, keys, certificates) while rendering.
    pub generated: bool,
    /// `docs` already parsed ([`crate::yaml::parse_yaml`]), in order, where the render
    /// parsed them on its worker thread (`None`, or missing at the end: parsed when the
    /// part is made).
    pub parsed: Vec<Option<Result<crate::yaml::Parsed, crate::yaml::YamlError>>>,
}

impl ReleaseOutput {
    /// The text of document `i`.
    pub fn doc_text(&self, i: usize) -> &str {
        let (_, t, at) = &self.docs[i];
        &self.texts[*t][at.clone()]
    }
}

/// An error while building the tree.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    #[error("release {release}: {msg}")]
    Document { release: String, msg: String },
    #[error("release {release}: two resources would be written to {path} ({a} and {b})")]
    Collision {
        release: String,
        path: String,
        a: String,
        b: String,
    },
    #[error("{0}")]
    Io(#[from] write::WriteError),
}

/// The files of a tree, by relative path, and the warnings found while building it.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub files: BTreeMap<String, String>,
    /// The sha256 of files, where their release's worker hashed them (the others are
    /// hashed when the tree is written).
    pub digests: HashMap<String, [u8; 32]>,
    pub warnings: Vec<String>,
    /// Resources per release, for summaries.
    pub counts: BTreeMap<String, usize>,
}

/// Argo CD sync wave of a resource: 10 × layer, plus 0 for Namespaces, 1 for CRDs and
/// 2 for everything else, so each layer applies its namespaces, then its CRDs, then the rest.
pub fn wave(layer: u32, r: &Resource) -> i64 {
    let offset = if r.kind == "Namespace" {
        0
    } else if r.is_crd() {
        1
    } else {
        2
    };
    i64::from(layer) * 10 + offset
}

fn file_stem(r: &Resource, release_ns: &str, with_group: bool) -> String {
    let mut s = r.kind.to_lowercase();
    if with_group && !r.group().is_empty() {
        s.push('.');
        s.push_str(r.group());
    }
    if !r.namespace.is_empty() && r.namespace != release_ns {
        s.push('_');
        s.push_str(&r.namespace);
    }
    s.push('_');
    s.push_str(&r.name);
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Build the whole tree for a stack's releases.
pub fn build(output: &Output, releases: &[ReleaseOutput]) -> Result<Tree, EmitError> {
    build_jobs(output, releases, 1)
}

/// [`build`] with the releases' parts made on up to `jobs` threads; the tree (and the
/// error, if any) is the same for any `jobs`.
pub fn build_jobs(
    output: &Output,
    releases: &[ReleaseOutput],
    jobs: usize,
) -> Result<Tree, EmitError> {
    let parts = in_parallel(releases.len(), jobs, |i| {
        release_part(output, releases[i].clone(), None, &CrdKinds::new(), None)
    });
    // The first document that cannot be read, in the stack's order.
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    assemble(output, parts, &mut |i, crds| {
        release_part(output, releases[i].clone(), Some(crds), crds, None)
    })
}

/// (API group, kind) → cluster-scoped, for every CRD of a stack.
pub type CrdKinds = BTreeMap<(String, String), bool>;

/// The API groups Kubernetes serves itself. A resource of one of them is written on its
/// release's worker as if no CRD of another release defined its kind (which
/// [`assemble`] checks); a resource of another group whose CRD is not in its own release
/// waits for the whole stack's CRDs.
const BUILT_IN_GROUPS: &[&str] = &[
    "",
    "admissionregistration.k8s.io",
    "apiextensions.k8s.io",
    "apiregistration.k8s.io",
    "apps",
    "authentication.k8s.io",
    "authorization.k8s.io",
    "autoscaling",
    "batch",
    "certificates.k8s.io",
    "coordination.k8s.io",
    "discovery.k8s.io",
    "events.k8s.io",
    "flowcontrol.apiserver.k8s.io",
    "internal.apiserver.k8s.io",
    "networking.k8s.io",
    "node.k8s.io",
    "policy",
    "rbac.authorization.k8s.io",
    "resource.k8s.io",
    "scheduling.k8s.io",
    "storage.k8s.io",
    "storagemigration.k8s.io",
];

/// One release's part of the tree, as the worker that rendered it makes it
/// ([`release_part`]), so that the release's documents, parses and values are freed
/// there and then, and only its files stay: what [`assemble`] needs of it.
pub struct ReleasePart {
    name: String,
    namespace: String,
    layer: u32,
    needs: Vec<String>,
    generated: bool,
    /// The CRDs the release defines, in document order.
    crds: Vec<((String, String), bool)>,
    /// The CRD lookups the written resources were made with, and their answers.
    assumed: BTreeMap<(String, String), Option<bool>>,
    /// Its resources in document order (hooks the policy drops are gone).
    items: Vec<Item>,
}

impl ReleasePart {
    /// The CRDs the release defines: (API group, kind) and whether cluster-scoped.
    pub fn crds(&self) -> &[((String, String), bool)] {
        &self.crds
    }
}

enum Item {
    Written(Box<Written>),
    /// A resource whose kind may come from another release's CRD: written on a guess of
    /// what the stack's CRDs say of it (`scope`), kept parsed in case the guess is wrong.
    Guessed {
        source: String,
        parsed: crate::yaml::Parsed,
        pair: (String, String),
        scope: Option<bool>,
        written: Option<Box<Written>>,
    },
}

/// A resource with kiln's metadata added, written as YAML.
struct Written {
    kind: String,
    namespace: String,
    name: String,
    /// File name stems without and with the API group (see [`file_stem`]).
    stem: String,
    group_stem: String,
    source: String,
    /// The file's text, or why it could not be written (reported in resource order).
    text: Result<String, EmitError>,
    /// The text's sha256.
    digest: [u8; 32],
    /// The warning about a Secret's data.
    warning: Option<String>,
}

impl Written {
    /// A copy of a resource whose text was written (`None` for an error).
    fn copy(&self) -> Option<Written> {
        Some(Written {
            kind: self.kind.clone(),
            namespace: self.namespace.clone(),
            name: self.name.clone(),
            stem: self.stem.clone(),
            group_stem: self.group_stem.clone(),
            source: self.source.clone(),
            text: Ok(self.text.as_ref().ok()?.clone()),
            digest: self.digest,
            warning: self.warning.clone(),
        })
    }
}

/// The CRDs that several releases of one chart share (Traefik twice in the default
/// stack): written once in a run and reused by every release with the same document
/// (same text and source) in the same layer, which is all a CRD's file depends on (it is
/// cluster-scoped: its file neither holds nor is named after a namespace). Only CRDs
/// (big, and the same in every release of a chart) are kept.
#[derive(Default)]
pub struct SharedCrds(Mutex<HashMap<Fingerprint, Vec<Arc<SharedCrd>>>>);

/// A CRD document as a release wrote it (its source is the written file's), and what
/// it defines.
pub struct SharedCrd {
    text: String,
    layer: u32,
    defines: Option<((String, String), bool)>,
    written: Written,
}

impl SharedCrds {
    fn get(&self, text: &str, source: &str, layer: u32) -> Option<Arc<SharedCrd>> {
        let map = self.0.lock().ok()?;
        map.get(&Fingerprint::of(text))?
            .iter()
            .find(|c| c.layer == layer && c.text == text && c.written.source == source)
            .cloned()
    }

    fn insert(&self, crd: SharedCrd) {
        if let Ok(mut map) = self.0.lock() {
            map.entry(Fingerprint::of(&crd.text))
                .or_default()
                .push(Arc::new(crd));
        }
    }
}

/// A release's document: parsed (with its text when it may be shared once written), or
/// a CRD that another release wrote already.
enum Doc {
    Parsed(
        Result<crate::yaml::Parsed, crate::yaml::YamlError>,
        Option<String>,
    ),
    Shared(Arc<SharedCrd>),
}

/// The CRD a parsed document defines: (API group, kind) and whether cluster-scoped.
fn crd_defined(p: &crate::yaml::Parsed) -> Option<((String, String), bool)> {
    if p.str_at(&["kind"]) != Some("CustomResourceDefinition")
        || p.str_at(&["apiVersion"]).map(resource::api_group) != Some("apiextensions.k8s.io")
    {
        return None;
    }
    let (g, k) = (
        p.str_at(&["spec", "group"])?,
        p.str_at(&["spec", "names", "kind"])?,
    );
    Some((
        (g.to_string(), k.to_string()),
        p.str_at(&["spec", "scope"]) == Some("Cluster"),
    ))
}

/// The kind of a CRD itself: a release whose own CRDs define it is written without the
/// shared CRDs.
fn crd_kind() -> (String, String) {
    (
        "apiextensions.k8s.io".to_string(),
        "CustomResourceDefinition".to_string(),
    )
}

/// The CRDs that a release's documents define, in document order (documents that do
/// not parse are reported by [`release_part`]).
fn release_crds(parsed: &[Doc]) -> Vec<((String, String), bool)> {
    let mut crds = Vec::new();
    for d in parsed {
        let p = match d {
            Doc::Parsed(Ok(p), _) => p,
            Doc::Parsed(Err(_), _) => continue,
            Doc::Shared(c) => {
                crds.extend(c.defines.clone());
                continue;
            }
        };
        crds.extend(crd_defined(p));
    }
    crds
}

/// A document of `release` converted to values (`body`, or why it could not be) as the
/// resource it is (`None` for an empty document).
fn resource_of(
    release: &str,
    source: &str,
    body: Result<Value, crate::yaml::YamlError>,
) -> Result<Option<Resource>, EmitError> {
    let err = |msg: String| EmitError::Document {
        release: release.to_string(),
        msg,
    };
    let body = body.map_err(|e| err(format!("{source}: {e}")))?;
    resource::identify(body, source).map_err(err)
}

/// Whether a parsed document's `apiVersion` names one of [`BUILT_IN_GROUPS`] (as its
/// resource's group would be read).
fn in_built_in_group(p: &crate::yaml::Parsed) -> bool {
    p.api_version()
        .map(resource::api_group)
        .is_some_and(|g| BUILT_IN_GROUPS.contains(&g))
}

/// Make a release's part of the tree from its rendered documents, consuming them.
///
/// With `known` (the whole stack's CRDs) every resource is written. Without, a resource
/// is written with what its own release says of its kind (its CRDs, or for the built-in
/// API groups that no CRD defines it), and that assumption is recorded for
/// [`assemble`] to check; a custom resource whose CRD is not in its release is written on
/// a guess (what `seen`, the CRDs of releases made so far, says of its kind) and kept
/// parsed, for [`assemble`] to write again should the stack's CRDs say otherwise.
///
/// With `shared`, the CRDs that the render did not parse are looked up there first and
/// the ones written here are put there (see [`SharedCrds`]).
///
/// Fails on the first document that does not parse or is not a resource.
pub fn release_part(
    output: &Output,
    rel: ReleaseOutput,
    known: Option<&CrdKinds>,
    seen: &CrdKinds,
    shared: Option<&SharedCrds>,
) -> Result<ReleasePart, EmitError> {
    let ReleaseOutput {
        name,
        namespace,
        layer,
        needs,
        texts,
        docs,
        generated,
        parsed,
    } = rel;
    // Every document parsed once: as the render's worker parsed it, or now; or not at
    // all, a CRD another release wrote already.
    let shared = shared.filter(|_| known.is_none());
    let mut ready = parsed.into_iter();
    let mut parsed: Vec<Doc> = docs
        .iter()
        .map(|(source, t, at)| {
            if let Some(p) = ready.next().flatten() {
                return Doc::Parsed(p, None);
            }
            let text = &texts[*t][at.clone()];
            match shared {
                None => Doc::Parsed(crate::yaml::parse_yaml(text), None),
                Some(sh) => match sh.get(text, source, layer) {
                    Some(c) => Doc::Shared(c),
                    None => Doc::Parsed(crate::yaml::parse_yaml(text), Some(text.to_string())),
                },
            }
        })
        .collect();
    let mut crds = release_crds(&parsed);
    if crds.iter().any(|(pair, _)| *pair == crd_kind()) {
        // A release that defines the kind of CRDs themselves writes them as it says.
        for (d, (_, t, at)) in parsed.iter_mut().zip(&docs) {
            if let Doc::Shared(_) = d {
                *d = Doc::Parsed(crate::yaml::parse_yaml(&texts[*t][at.clone()]), None);
            }
        }
        crds = release_crds(&parsed);
    }
    drop(texts);
    let local: CrdKinds = crds.iter().cloned().collect();
    let mut assumed = BTreeMap::new();
    let mut items = Vec::new();
    for ((source, _, at), d) in docs.into_iter().zip(parsed) {
        let size = at.len();
        let (p, text) = match d {
            Doc::Shared(c) => {
                // Written by its release as this one would (see `SharedCrds`).
                assumed.insert(crd_kind(), None);
                items.extend(c.written.copy().map(|w| Item::Written(Box::new(w))));
                continue;
            }
            Doc::Parsed(p, text) => (p, text),
        };
        let p = p.map_err(|e| EmitError::Document {
            release: name.clone(),
            msg: format!("{source}: {e}"),
        })?;
        let defines = crd_defined(&p);
        // The tree becomes the resource's values, its keys moved rather than copied,
        // except where the resource may be written on a guess (a kind outside the
        // built-in API groups, with the stack's CRDs unknown): that one keeps its tree.
        let guess = known.is_none() && !in_built_in_group(&p);
        let (r, kept) = if guess {
            let body = crate::yaml::parsed_to_value(&p);
            (resource_of(&name, &source, body)?, Some(p))
        } else {
            let body = crate::yaml::parsed_into_value(p);
            (resource_of(&name, &source, body)?, None)
        };
        let Some(r) = r else {
            continue;
        };
        let pair = (r.group().to_string(), r.kind.clone());
        let crd = match known {
            Some(k) => k.get(&pair).copied(),
            None => match local.get(&pair) {
                Some(&scope) => {
                    assumed.insert(pair, Some(scope));
                    Some(scope)
                }
                None if BUILT_IN_GROUPS.contains(&pair.0.as_str()) => {
                    assumed.insert(pair, None);
                    None
                }
                None => {
                    // (`kept` is there: the group is not a built-in one.)
                    let parsed = kept.unwrap_or_default();
                    let scope = seen.get(&pair).copied();
                    let written = write_resource(output, &name, &namespace, layer, r, scope, size);
                    items.push(Item::Guessed {
                        source,
                        parsed,
                        pair,
                        scope,
                        written: written.map(Box::new),
                    });
                    continue;
                }
            },
        };
        if let Some(w) = write_resource(output, &name, &namespace, layer, r, crd, size) {
            if let (Some(sh), Some(text), Some(_), None) = (shared, text, &defines, crd)
                && w.warning.is_none()
                && w.namespace.is_empty()
                && let Some(copy) = w.copy()
            {
                sh.insert(SharedCrd {
                    text,
                    layer,
                    defines,
                    written: copy,
                });
            }
            items.push(Item::Written(Box::new(w)));
        }
    }
    Ok(ReleasePart {
        name,
        namespace,
        layer,
        needs,
        generated,
        crds,
        assumed,
        items,
    })
}

/// Assemble the tree from the releases' parts (in the stack's order): the whole stack's
/// CRDs decide the resources that waited for them; a part made on an assumption that
/// they contradict is made again by `redo(i, crds)` (the release rendered again, knowing
/// them).
pub fn assemble(
    output: &Output,
    parts: Vec<ReleasePart>,
    redo: &mut dyn FnMut(usize, &CrdKinds) -> Result<ReleasePart, EmitError>,
) -> Result<Tree, EmitError> {
    let mut tree = Tree::default();
    // CRDs anywhere in the stack decide scope and dry-run options (a later release's
    // definition of a kind wins).
    let crd_kinds: CrdKinds = parts.iter().flat_map(|p| p.crds.iter().cloned()).collect();
    // Namespaces: one object per non-system release namespace, in its own folder.
    let mut namespaces: BTreeMap<String, u32> = BTreeMap::new();
    for rel in &parts {
        if !SYSTEM_NAMESPACES.contains(&rel.namespace.as_str()) {
            let l = namespaces.entry(rel.namespace.clone()).or_insert(rel.layer);
            *l = (*l).min(rel.layer);
        }
    }
    for (ns, layer) in &namespaces {
        let mut doc = format!("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n");
        if output.mode == OutputMode::ArgoCd {
            doc.push_str(&format!(
                "  annotations:\n    {SYNC_WAVE}: \"{}\"\n",
                i64::from(*layer) * 10
            ));
        }
        tree.files
            .insert(format!("namespaces/namespace_{ns}.yaml"), doc);
    }
    if !namespaces.is_empty() {
        tree.files.insert(
            "namespaces/kustomization.yaml".into(),
            kustomization(
                tree.files
                    .keys()
                    .filter_map(|k| k.strip_prefix("namespaces/")),
            ),
        );
    }
    let mut flux = Vec::new();
    for (i, mut part) in parts.into_iter().enumerate() {
        if part
            .assumed
            .iter()
            .any(|(pair, scope)| crd_kinds.get(pair) != scope.as_ref())
        {
            part = redo(i, &crd_kinds)?;
        }
        let f = release_files(output, part, &crd_kinds)?;
        tree.warnings.extend(f.warnings);
        tree.counts.insert(f.name.clone(), f.count);
        tree.files.extend(f.files);
        tree.digests.extend(f.digests);
        flux.push((f.name, f.needs));
    }
    match output.mode {
        OutputMode::ArgoCd => {
            tree.files.insert(
                "_argocd/application.yaml".into(),
                argocd_application(output),
            );
        }
        OutputMode::Flux => {
            for (name, needs) in &flux {
                tree.files.insert(
                    format!("_flux/{name}.yaml"),
                    flux_kustomization(output, name, needs, !namespaces.is_empty()),
                );
            }
            if !namespaces.is_empty() {
                tree.files.insert(
                    "_flux/namespaces.yaml".into(),
                    flux_kustomization(output, "namespaces", &[], false),
                );
            }
        }
        OutputMode::Plain => {}
    }
    Ok(tree)
}

/// One release's files in the tree.
struct ReleaseFiles {
    name: String,
    needs: Vec<String>,
    files: Vec<(String, String)>,
    digests: Vec<(String, [u8; 32])>,
    warnings: Vec<String>,
    count: usize,
}

/// A release's files from its part: the waiting resources written with the stack's
/// CRDs, file names chosen, collisions refused; the first error in resource order.
fn release_files(
    output: &Output,
    part: ReleasePart,
    crd_kinds: &CrdKinds,
) -> Result<ReleaseFiles, EmitError> {
    let ReleasePart {
        name,
        namespace,
        layer,
        needs,
        generated,
        items,
        ..
    } = part;
    let mut kept = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Written(w) => kept.push(*w),
            Item::Guessed {
                pair,
                scope,
                written,
                ..
            } if crd_kinds.get(&pair).copied() == scope => kept.extend(written.map(|w| *w)),
            Item::Guessed { source, parsed, .. } => {
                let body = crate::yaml::parsed_to_value(&parsed);
                let Some(r) = resource_of(&name, &source, body)? else {
                    continue;
                };
                let crd = crd_kinds
                    .get(&(r.group().to_string(), r.kind.clone()))
                    .copied();
                if let Some(w) = write_resource(output, &name, &namespace, layer, r, crd, 0) {
                    kept.push(w);
                }
            }
        }
    }
    // File names: kind_name, with the namespace when it is not the release's, and the
    // API group when two kinds of different groups would otherwise collide.
    let mut stems: BTreeMap<&str, usize> = BTreeMap::new();
    for w in &kept {
        *stems.entry(&w.stem).or_default() += 1;
    }
    let stems: BTreeMap<String, usize> =
        stems.into_iter().map(|(s, n)| (s.to_string(), n)).collect();
    let mut warnings = Vec::new();
    let mut files: BTreeMap<String, Written> = BTreeMap::new();
    for mut w in kept {
        let stem = if stems[&w.stem] > 1 {
            &w.group_stem
        } else {
            &w.stem
        };
        let path = format!("{name}/{stem}.yaml");
        if let Err(e) = &mut w.text {
            return Err(std::mem::replace(
                e,
                EmitError::Document {
                    release: String::new(),
                    msg: String::new(),
                },
            ));
        }
        if let Some(prev) = files.get(&path) {
            return Err(EmitError::Collision {
                release: name.clone(),
                path,
                a: prev.source.clone(),
                b: w.source.clone(),
            });
        }
        warnings.extend(w.warning.take());
        files.insert(path, w);
    }
    if generated {
        let secrets: Vec<String> = files
            .values()
            .filter(|w| w.kind == "Secret")
            .map(|w| format!("{}/{}", w.namespace, w.name))
            .collect();
        warnings.push(format!(
            "release {name}: the chart generated random values (seeded from the release, so re-renders are stable){}; set them explicitly or use an existing secret",
            if secrets.is_empty() { String::new() } else { format!(", in Secret {}", secrets.join(", ")) }
        ));
    }
    let count = files.len();
    let mut out: Vec<(String, String)> = vec![(
        format!("{name}/kustomization.yaml"),
        kustomization(
            files
                .keys()
                .filter_map(|k| k.split_once('/').map(|(_, f)| f)),
        ),
    )];
    let mut digests = Vec::with_capacity(files.len());
    out.extend(files.into_iter().map(|(path, w)| {
        digests.push((path.clone(), w.digest));
        (path, w.text.unwrap_or_default())
    }));
    Ok(ReleaseFiles {
        name,
        needs,
        files: out,
        digests,
        warnings,
        count,
    })
}

/// One resource with kiln's metadata (hooks per the policy, namespace, Argo CD
/// annotations), written as YAML; `None` when the hook policy drops it. `crd` is what
/// the stack's CRDs say of its kind (cluster-scoped or not; `None`: no CRD defines it);
/// `size` is about the size of its document, for the buffer.
fn write_resource(
    output: &Output,
    release: &str,
    release_ns: &str,
    layer: u32,
    mut r: Resource,
    crd: Option<bool>,
    size: usize,
) -> Option<Written> {
    let hook = r.annotations().get("helm.sh/hook").cloned();
    if let Some(hook) = hook {
        let events: Vec<String> = hook.split(',').map(|e| e.trim().to_lowercase()).collect();
        let is_test = events
            .iter()
            .any(|e| e == "test" || e == "test-success" || e == "test-failure");
        match output.hooks {
            HookPolicy::Drop => return None,
            _ if is_test => return None,
            HookPolicy::Keep => {}
            HookPolicy::Translate => {
                // Argo CD's documented mapping of Helm hooks; rollback hooks have none.
                let mut phases: Vec<&str> = Vec::new();
                for e in &events {
                    let p = match e.as_str() {
                        "pre-install" | "pre-upgrade" => "PreSync",
                        "post-install" | "post-upgrade" => "PostSync",
                        "pre-delete" => "PreDelete",
                        "post-delete" => "PostDelete",
                        _ => continue,
                    };
                    if !phases.contains(&p) {
                        phases.push(p);
                    }
                }
                if phases.is_empty() {
                    return None;
                }
                let phase = phases.join(",");
                let phase = phase.as_str();
                let policy = r.annotations().get("helm.sh/hook-delete-policy").map(|p| {
                    p.split(',')
                        .filter_map(|x| match x.trim() {
                            "before-hook-creation" => Some("BeforeHookCreation"),
                            "hook-succeeded" => Some("HookSucceeded"),
                            "hook-failed" => Some("HookFailed"),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join(",")
                });
                for k in [
                    "helm.sh/hook",
                    "helm.sh/hook-weight",
                    "helm.sh/hook-delete-policy",
                ] {
                    r.set_annotation(k, None);
                }
                r.set_annotation(ARGO_HOOK, Some(phase));
                if let Some(p) = policy.filter(|p| !p.is_empty()) {
                    r.set_annotation(ARGO_HOOK_DELETE, Some(&p));
                }
            }
        }
    }
    if r.annotations()
        .get("helm.sh/resource-policy")
        .map(String::as_str)
        == Some("keep")
        && output.mode == OutputMode::ArgoCd
    {
        let opts = r
            .annotations()
            .get(SYNC_OPTIONS)
            .cloned()
            .unwrap_or_default();
        let joined = if opts.is_empty() {
            "Delete=false".to_string()
        } else {
            format!("{opts},Delete=false")
        };
        r.set_annotation(SYNC_OPTIONS, Some(&joined));
    }
    if CLUSTER_SCOPED.contains(&r.kind.as_str()) || crd == Some(true) {
        r.namespace.clear();
    } else if r.namespace.is_empty() {
        r.set_namespace(release_ns);
    }
    if output.mode == OutputMode::ArgoCd {
        r.set_annotation(SYNC_WAVE, Some(&wave(layer, &r).to_string()));
        let mut options: Vec<String> = r
            .annotations()
            .get(SYNC_OPTIONS)
            .map(|o| {
                o.split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if crd.is_some() {
            options.push("SkipDryRunOnMissingResource=true".into());
        }
        if r.is_crd() && crate::yaml::json_len(&r.body).unwrap_or(0) > CLIENT_SIDE_APPLY_LIMIT {
            options.push("ServerSideApply=true".into());
        }
        let options: BTreeSet<String> = options.into_iter().collect();
        if !options.is_empty() {
            let joined = options.into_iter().collect::<Vec<_>>().join(",");
            r.set_annotation(SYNC_OPTIONS, Some(&joined));
        }
    }
    let mut warning = None;
    if r.kind == "Secret" && r.group().is_empty() {
        let has_data = r.body.as_map().is_some_and(|m| {
            let m = m.borrow();
            ["data", "stringData"]
                .iter()
                .any(|k| m.get(*k).is_some_and(Value::truth))
        });
        if has_data {
            warning = Some(format!(
                "release {release}: Secret {}/{} ({}) puts secret data into the rendered tree; keep secrets in 1Password (OnePasswordItem) or an existingSecret",
                r.namespace, r.name, r.source
            ));
        }
    }
    let text = crate::yaml::to_yaml_after(&format!("# Source: {}\n", r.source), &r.body, size)
        .map_err(|e| EmitError::Document {
            release: release.to_string(),
            msg: format!("{}: {e}", r.source),
        });
    Some(Written {
        stem: file_stem(&r, release_ns, false),
        group_stem: file_stem(&r, release_ns, true),
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        source: r.source,
        digest: text
            .as_ref()
            .map(|t| Sha256::digest(t.as_bytes()).into())
            .unwrap_or_default(),
        text,
        warning,
    })
}

/// `f(0..n)` on up to `jobs` threads (a rayon pool, as the render's), results in index
/// order.
fn in_parallel<T: Send>(n: usize, jobs: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    let pool = (jobs > 1 && n > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.min(n))
                .stack_size(64 << 20)
                .build()
                .ok()
        })
        .flatten();
    match pool {
        Some(pool) => pool.install(|| (0..n).into_par_iter().map(&f).collect()),
        None => (0..n).map(f).collect(),
    }
}

fn kustomization<'a>(files: impl Iterator<Item = &'a str>) -> String {
    let mut s = String::from(
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n",
    );
    for f in files.filter(|f| *f != "kustomization.yaml") {
        s.push_str("- ");
        s.push_str(f);
        s.push('\n');
    }
    s
}

fn argocd_application(o: &Output) -> String {
    format!(
        "# The one Argo CD Application for the whole rendered tree; apply it once by hand.\n\
apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: kiln-stack\n  namespace: argocd\n\
spec:\n  project: default\n  destination:\n    server: https://kubernetes.default.svc\n\
  source:\n    repoURL: {}\n    targetRevision: {}\n    path: {}\n    directory:\n      recurse: true\n\
      exclude: '{{_argocd/*,_flux/*,*/kustomization.yaml}}'\n\
  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n    syncOptions:\n    - CreateNamespace=false\n",
        o.repo_url, o.revision, o.path
    )
}

fn flux_kustomization(o: &Output, name: &str, needs: &[String], after_namespaces: bool) -> String {
    let mut s = format!(
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: {}\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: ./{}/{}\n  prune: true\n  wait: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
        name,
        o.path.trim_end_matches('/'),
        name
    );
    let mut deps: Vec<&str> = needs.iter().map(String::as_str).collect();
    if after_namespaces {
        deps.insert(0, "namespaces");
    }
    if !deps.is_empty() {
        s.push_str("  dependsOn:\n");
        for d in deps {
            s.push_str(&format!("  - name: {d}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_and_its_errors_do_not_depend_on_the_thread_count() {
        let mut rels = vec![
            release("op", "op-system", 1, &[], CRDS),
            release("app", "apps", 2, &["op"], APP),
        ];
        for i in 0..rels[1].docs.len() {
            let p = crate::yaml::parse_yaml(rels[1].doc_text(i));
            rels[1].parsed.push(Some(p));
            assert_eq!(rels[1].parsed.len(), i + 1);
        }
        for mode in [OutputMode::ArgoCd, OutputMode::Flux, OutputMode::Plain] {
            let o = out(mode, HookPolicy::Translate);
            let one = build_jobs(&o, &rels, 1).unwrap();
            for jobs in [2, 3, 8] {
                let many = build_jobs(&o, &rels, jobs).unwrap();
                assert_eq!(one.files, many.files);
                assert_eq!(one.warnings, many.warnings);
                assert_eq!(one.counts, many.counts);
            }
        }
        // A collision in the first release and a broken document in the second: the broken
        // document is reported, as a sequential build reads every document first.
        let dup = "---\n# Source: x/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# Source: x/templates/b.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";
        let bad = "---\n# Source: y/templates/a.yaml\na: [\n";
        let rels = [
            release("x", "x", 1, &[], dup),
            release("y", "y", 2, &[], bad),
        ];
        let o = out(OutputMode::ArgoCd, HookPolicy::Keep);
        let e1 = build_jobs(&o, &rels, 1).unwrap_err().to_string();
        let e2 = build_jobs(&o, &rels, 2).unwrap_err().to_string();
        assert_eq!(e1, e2);
        assert!(e1.starts_with("release y: "), "{e1}");
    }

    fn out(mode: OutputMode, hooks: HookPolicy) -> Output {
        Output {
            mode,
            hooks,
            repo_url: "https://git.example.com/x.git".into(),
            revision: "main".into(),
            path: "rendered".into(),
        }
    }

    fn release(name: &str, ns: &str, layer: u32, needs: &[&str], stream: &str) -> ReleaseOutput {
        ReleaseOutput {
            name: name.into(),
            namespace: ns.into(),
            layer,
            needs: needs.iter().map(|s| s.to_string()).collect(),
            texts: vec![stream.to_string()],
            docs: resource::split_stream_at(stream)
                .into_iter()
                .map(|(s, at)| (s, 0, at))
                .collect(),
            generated: false,
            parsed: vec![],
        }
    }

    const CRDS: &str = "---\n# Source: op/crds/x.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.io\nspec:\n  group: example.io\n  scope: Namespaced\n  names:\n    kind: Widget\n---\n# Source: op/crds/y.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.example.io\nspec:\n  group: example.io\n  scope: Cluster\n  names:\n    kind: Gadget\n---\n# Source: op/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: op\ndata:\n  a: \"1\"\n";
    const APP: &str = "---\n# Source: app/templates/w.yaml\napiVersion: example.io/v1\nkind: Widget\nmetadata:\n  name: w\n---\n# Source: app/templates/g.yaml\napiVersion: example.io/v1\nkind: Gadget\nmetadata:\n  name: g\n---\n# Source: app/templates/s.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: other\ndata:\n  k: dg==\n---\n# Source: app/templates/job.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install,pre-upgrade\n    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded\n---\n# Source: app/templates/tests/t.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n";

    #[test]
    fn argocd_tree() {
        let rels = [
            release("op", "op-system", 1, &[], CRDS),
            release("app", "apps", 2, &["op"], APP),
        ];
        let t = build(&out(OutputMode::ArgoCd, HookPolicy::Translate), &rels).unwrap();
        // The workers' digests are those of the files' texts (every resource has one).
        assert_eq!(t.digests.len(), 7, "{:?}", t.digests.keys());
        for (path, d) in &t.digests {
            let text = &t.files[path];
            assert_eq!(
                *d,
                <[u8; 32]>::from(Sha256::digest(text.as_bytes())),
                "{path}"
            );
        }
        let names: Vec<&str> = t.files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            vec![
                "_argocd/application.yaml",
                "app/gadget_g.yaml",
                "app/job_migrate.yaml",
                "app/kustomization.yaml",
                "app/secret_other_s.yaml",
                "app/widget_w.yaml",
                "namespaces/kustomization.yaml",
                "namespaces/namespace_apps.yaml",
                "namespaces/namespace_op-system.yaml",
                "op/configmap_op.yaml",
                "op/customresourcedefinition_gadgets.example.io.yaml",
                "op/customresourcedefinition_widgets.example.io.yaml",
                "op/kustomization.yaml",
            ]
        );
        let w = &t.files["app/widget_w.yaml"];
        assert!(
            w.contains("namespace: apps"),
            "namespaced CR gets the release namespace:\n{w}"
        );
        assert!(w.contains("argocd.argoproj.io/sync-wave: \"22\""), "{w}");
        assert!(w.contains("SkipDryRunOnMissingResource=true"), "{w}");
        let g = &t.files["app/gadget_g.yaml"];
        assert!(
            !g.contains("namespace:"),
            "cluster-scoped CR from a stack CRD stays without:\n{g}"
        );
        assert!(
            t.files["op/customresourcedefinition_widgets.example.io.yaml"]
                .contains("sync-wave: \"11\"")
        );
        let job = &t.files["app/job_migrate.yaml"];
        assert!(job.contains("argocd.argoproj.io/hook: PreSync"), "{job}");
        assert!(
            job.contains("hook-delete-policy: BeforeHookCreation,HookSucceeded"),
            "{job}"
        );
        assert!(!job.contains("helm.sh/hook"), "{job}");
        assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
        assert!(t.warnings[0].contains("Secret other/s"), "{:?}", t.warnings);
        assert!(t.files["namespaces/namespace_op-system.yaml"].contains("sync-wave: \"10\""));
    }

    #[test]
    fn flux_tree_and_hook_policies() {
        let rels = [
            release("op", "kube-system", 1, &[], CRDS),
            release("app", "apps", 2, &["op"], APP),
        ];
        let t = build(&out(OutputMode::Flux, HookPolicy::Keep), &rels).unwrap();
        let app = &t.files["_flux/app.yaml"];
        assert!(
            app.contains("path: ./rendered/app")
                && app.contains("  - name: namespaces\n  - name: op\n"),
            "{app}"
        );
        assert!(
            !t.files
                .contains_key("namespaces/namespace_kube-system.yaml"),
            "system namespaces are not emitted"
        );
        assert!(t.files["app/job_migrate.yaml"].contains("helm.sh/hook: pre-install"));
        assert!(
            !t.files.contains_key("app/pod_t.yaml"),
            "test hooks are dropped"
        );
        assert!(
            !t.files["app/widget_w.yaml"].contains("argocd"),
            "no Argo annotations for Flux"
        );
        let t = build(&out(OutputMode::Plain, HookPolicy::Drop), &rels).unwrap();
        assert!(!t.files.contains_key("app/job_migrate.yaml"));
    }

    /// A resource written on its worker on an assumption about the stack's CRDs that
    /// another release contradicts is written again, knowing them: a kind of a built-in
    /// group that a later release's CRD defines, and a CRD that a later release defines
    /// again with another scope.
    #[test]
    fn parts_made_on_a_wrong_assumption_are_made_again() {
        let user = "---\n# Source: a/templates/w.yaml\napiVersion: apps/v1\nkind: Widget\nmetadata:\n  name: w\n---\n# Source: a/crds/g.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gizmos.example.io\nspec:\n  group: example.io\n  scope: Namespaced\n  names:\n    kind: Gizmo\n---\n# Source: a/templates/g.yaml\napiVersion: example.io/v1\nkind: Gizmo\nmetadata:\n  name: g\n";
        let definer = "---\n# Source: b/crds/w.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.apps\nspec:\n  group: apps\n  scope: Cluster\n  names:\n    kind: Widget\n---\n# Source: b/crds/g.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gizmos.example.io\nspec:\n  group: example.io\n  scope: Cluster\n  names:\n    kind: Gizmo\n";
        let rels = [
            release("a", "apps-ns", 1, &[], user),
            release("b", "b-ns", 2, &[], definer),
        ];
        let o = out(OutputMode::ArgoCd, HookPolicy::Keep);
        let parts: Vec<ReleasePart> = rels
            .iter()
            .map(|r| release_part(&o, r.clone(), None, &CrdKinds::new(), None).unwrap())
            .collect();
        let w = &parts[0].assumed[&("apps".to_string(), "Widget".to_string())];
        assert_eq!(*w, None, "written as a kind no CRD defines");
        let mut redone = vec![];
        let t = assemble(&o, parts, &mut |i, crds| {
            redone.push(i);
            release_part(&o, rels[i].clone(), Some(crds), crds, None)
        })
        .unwrap();
        assert_eq!(redone, [0]);
        for f in ["a/widget_w.yaml", "a/gizmo_g.yaml"] {
            let text = &t.files[f];
            assert!(
                !text.contains("namespace:"),
                "cluster-scoped by b's CRD:\n{text}"
            );
            assert!(text.contains("SkipDryRunOnMissingResource=true"), "{text}");
        }
        for jobs in [1, 2] {
            assert_eq!(build_jobs(&o, &rels, jobs).unwrap().files, t.files);
        }
    }

    /// A custom resource whose CRD is in another release is written on a guess from the
    /// CRDs seen so far; whatever the guess (none, wrong scope, right), the tree is the
    /// one written knowing the stack's CRDs.
    #[test]
    fn resources_written_on_a_guess_end_as_if_written_knowing() {
        let user = "---\n# Source: a/templates/g.yaml\napiVersion: example.io/v1\nkind: Gizmo\nmetadata:\n  name: g\n";
        let definer = "---\n# Source: b/crds/g.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gizmos.example.io\nspec:\n  group: example.io\n  scope: Namespaced\n  names:\n    kind: Gizmo\n";
        let rels = [
            release("a", "apps-ns", 1, &[], user),
            release("b", "b-ns", 2, &[], definer),
        ];
        let o = out(OutputMode::ArgoCd, HookPolicy::Keep);
        let pair = ("example.io".to_string(), "Gizmo".to_string());
        let mut trees = vec![];
        for guess in [None, Some(true), Some(false)] {
            let seen: CrdKinds = guess.map(|g| (pair.clone(), g)).into_iter().collect();
            let parts: Vec<ReleasePart> = rels
                .iter()
                .map(|r| release_part(&o, r.clone(), None, &seen, None).unwrap())
                .collect();
            let t = assemble(&o, parts, &mut |_, _| panic!("no release is made again")).unwrap();
            let text = &t.files["a/gizmo_g.yaml"];
            assert!(text.contains("namespace: apps-ns"), "{guess:?}:\n{text}");
            assert!(
                text.contains("SkipDryRunOnMissingResource=true"),
                "{guess:?}:\n{text}"
            );
            trees.push(t.files);
        }
        assert_eq!(trees[0], trees[1]);
        assert_eq!(trees[0], trees[2]);
    }

    /// Releases of one chart in other namespaces share its CRDs' files within a layer
    /// (one entry in the cache, and the tree is the one made without it); a release in
    /// another layer writes its own (another sync wave).
    #[test]
    fn releases_of_one_chart_share_their_crds_within_a_layer() {
        let rels = [
            release("op", "op-system", 1, &[], CRDS),
            release("op2", "op2-system", 1, &[], CRDS),
            release("op3", "op3-system", 2, &[], CRDS),
        ];
        let o = out(OutputMode::ArgoCd, HookPolicy::Keep);
        let shared = SharedCrds::default();
        let entries = |sh: &SharedCrds| sh.0.lock().unwrap().values().map(Vec::len).sum::<usize>();
        let mut parts = vec![];
        for (r, cached) in rels.iter().zip([2, 2, 4]) {
            let none = CrdKinds::new();
            parts.push(release_part(&o, r.clone(), None, &none, Some(&shared)).unwrap());
            assert_eq!(entries(&shared), cached, "after {}", r.name);
        }
        assert_eq!(parts[1].crds, parts[0].crds);
        let t = assemble(&o, parts, &mut |_, _| panic!("no release is made again")).unwrap();
        assert_eq!(t.files, build(&o, &rels).unwrap().files);
        let (a, b, c) = (
            &t.files["op/customresourcedefinition_widgets.example.io.yaml"],
            &t.files["op2/customresourcedefinition_widgets.example.io.yaml"],
            &t.files["op3/customresourcedefinition_widgets.example.io.yaml"],
        );
        assert_eq!(a, b);
        assert!(c.contains("sync-wave: \"21\""), "{c}");
    }

    #[test]
    fn paths_do_not_depend_on_layers() {
        let a = build(
            &out(OutputMode::ArgoCd, HookPolicy::Translate),
            &[release("app", "apps", 2, &[], APP)],
        )
        .unwrap();
        let b = build(
            &out(OutputMode::ArgoCd, HookPolicy::Translate),
            &[release("app", "apps", 5, &[], APP)],
        )
        .unwrap();
        assert_eq!(
            a.files.keys().collect::<Vec<_>>(),
            b.files.keys().collect::<Vec<_>>()
        );
    }
}
