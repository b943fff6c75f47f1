//! One Kubernetes resource of a release's output: its identity, read from the document,
//! and the metadata kiln adds (namespace, sync wave, sync options, hook translation).

use crate::gotmpl::Value;
use std::collections::BTreeMap;

/// Kinds that are cluster-scoped in Kubernetes itself. CRDs of the stack add their own.
pub const CLUSTER_SCOPED: &[&str] = &[
    "APIService",
    "CSIDriver",
    "CSINode",
    "CertificateSigningRequest",
    "ClusterRole",
    "ClusterRoleBinding",
    "ComponentStatus",
    "CustomResourceDefinition",
    "FlowSchema",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "RuntimeClass",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
];

/// Namespaces that exist in every cluster; kiln never emits Namespace objects for them.
pub const SYSTEM_NAMESPACES: &[&str] =
    &["default", "kube-system", "kube-public", "kube-node-lease"];

/// A resource parsed from a rendered document.
#[derive(Debug, Clone)]
pub struct Resource {
    /// `apps/v1`, `v1`, …
    pub api_version: String,
    pub kind: String,
    pub name: String,
    /// The namespace after defaulting; empty for cluster-scoped resources.
    pub namespace: String,
    /// The chart template it came from (`grafana/templates/deployment.yaml`) or the
    /// stack file of an extra manifest.
    pub source: String,
    /// The whole object.
    pub body: Value,
}

/// The API group of an `apiVersion` (`""` for the core group: `v1`).
pub fn api_group(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(g, _)| g)
}

impl Resource {
    /// The API group (`""` for the core group).
    pub fn group(&self) -> &str {
        api_group(&self.api_version)
    }

    pub fn is_crd(&self) -> bool {
        self.kind == "CustomResourceDefinition" && self.group() == "apiextensions.k8s.io"
    }

    fn metadata(&self) -> Option<crate::gotmpl::Map> {
        self.body
            .as_map()
            .and_then(|m| m.borrow().get("metadata").and_then(|v| v.as_map().cloned()))
    }

    /// The object's annotations as strings (non-string values are ignored).
    pub fn annotations(&self) -> BTreeMap<String, String> {
        let Some(meta) = self.metadata() else {
            return BTreeMap::new();
        };
        let meta = meta.borrow();
        let Some(Value::Map(a)) = meta.get("annotations") else {
            return BTreeMap::new();
        };
        a.borrow()
            .iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
            .collect()
    }

    /// Set (or with `None`, remove) an annotation, creating `metadata.annotations` as needed.
    pub fn set_annotation(&mut self, key: &str, value: Option<&str>) {
        let Some(meta) = self.metadata() else { return };
        let mut meta = meta.borrow_mut();
        let ann = match meta.get("annotations") {
            Some(Value::Map(a)) => a.clone(),
            _ => {
                if value.is_none() {
                    return;
                }
                let Value::Map(a) = Value::new_map() else {
                    unreachable!("new_map is a map")
                };
                meta.insert("annotations".into(), Value::Map(a.clone()));
                a
            }
        };
        match value {
            Some(v) => {
                ann.borrow_mut().insert(key.to_string(), Value::str(v));
            }
            None => {
                ann.borrow_mut().remove(key);
                if ann.borrow().is_empty() {
                    meta.remove("annotations");
                }
            }
        }
    }

    /// Set `metadata.namespace`.
    pub fn set_namespace(&mut self, ns: &str) {
        if let Some(meta) = self.metadata() {
            meta.borrow_mut().insert("namespace".into(), Value::str(ns));
        }
        self.namespace = ns.to_string();
    }
}

/// Read a document's identity. `None` for documents that are not objects (empty or
/// comment-only documents, which Helm keeps but nothing can apply).
pub fn identify(body: Value, source: &str) -> Result<Option<Resource>, String> {
    let Some(map) = body.as_map().cloned() else {
        return if body.is_nil() {
            Ok(None)
        } else {
            Err(format!("{source}: a document is not a mapping"))
        };
    };
    let m = map.borrow();
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_string();
    let api_version = text(m.get("apiVersion"));
    let kind = text(m.get("kind"));
    let meta = m.get("metadata").and_then(Value::as_map).cloned();
    let (name, namespace) = match &meta {
        Some(meta) => {
            let meta = meta.borrow();
            (text(meta.get("name")), text(meta.get("namespace")))
        }
        None => (String::new(), String::new()),
    };
    if api_version.is_empty() || kind.is_empty() || name.is_empty() {
        return Err(format!(
            "{source}: a document without apiVersion, kind or metadata.name (kind `{kind}`, name `{name}`) cannot be applied"
        ));
    }
    drop(m);
    Ok(Some(Resource {
        api_version,
        kind,
        name,
        namespace,
        source: source.to_string(),
        body,
    }))
}

/// Split a `helm template` stream into (source, document) pairs.
pub fn split_stream(stream: &str) -> Vec<(String, String)> {
    split_stream_at(stream)
        .into_iter()
        .map(|(source, at)| (source, stream[at].to_string()))
        .collect()
}

/// [`split_stream`] with each document as its place in `stream` (no copy).
pub fn split_stream_at(stream: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut last_source = String::new();
    // Where `s`, a slice of `stream`, starts in it.
    let base = stream.as_ptr() as usize;
    let at = |s: &str| {
        let start = s.as_ptr() as usize - base;
        start..start + s.len()
    };
    // `stream.split("\n---\n")`, with a vectorized search for the separator.
    let mut cuts = vec![0];
    for at in memchr::memmem::find_iter(stream.as_bytes(), b"\n---\n") {
        cuts.push(at);
        cuts.push(at + 5);
    }
    cuts.push(stream.len());
    let pieces = cuts.chunks_exact(2).map(|c| &stream[c[0]..c[1]]);
    for chunk in pieces.flat_map(|c| c.strip_prefix("---\n").or(Some(c))) {
        let chunk = chunk.trim_start_matches("---\n");
        if chunk.trim().is_empty() {
            continue;
        }
        let (source, doc) = match chunk.strip_prefix("# Source: ") {
            Some(rest) => match rest.split_once('\n') {
                Some((s, d)) => (s.to_string(), at(d)),
                None => (rest.to_string(), at(&rest[rest.len()..])),
            },
            // A raw CRD file may hold several documents under one `# Source:` line.
            None => (last_source.clone(), at(chunk)),
        };
        last_source.clone_from(&source);
        out.push((source, doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_helm_streams() {
        let s = "---\n# Source: c/templates/a.yaml\na: 1\n---\n# Source: c/templates/b.yaml\nb: |\n  x\n---\n# Source: c/templates/b.yaml\nc: 2\n";
        let docs = split_stream(s);
        assert_eq!(docs.len(), 3);
        assert_eq!(
            docs[0],
            ("c/templates/a.yaml".to_string(), "a: 1".to_string())
        );
        assert_eq!(docs[1].1, "b: |\n  x");
        assert_eq!(docs[2].1, "c: 2\n");
        let raw = "---\n# Source: c/crds/x.yaml\na: 1\n---\nb: 2\n";
        let docs = split_stream(raw);
        assert_eq!(docs[1], ("c/crds/x.yaml".to_string(), "b: 2\n".to_string()));
        // Separators next to each other split as `str::split` does (non-overlapping).
        let by_str_split = |stream: &str| {
            let mut out = Vec::new();
            let mut last = String::new();
            for chunk in stream
                .split("\n---\n")
                .flat_map(|c| c.strip_prefix("---\n").or(Some(c)))
            {
                let chunk = chunk.trim_start_matches("---\n");
                if chunk.trim().is_empty() {
                    continue;
                }
                let (src, doc) = match chunk.strip_prefix("# Source: ") {
                    Some(rest) => match rest.split_once('\n') {
                        Some((s, d)) => (s.to_string(), d.to_string()),
                        None => (rest.to_string(), String::new()),
                    },
                    None => (last.clone(), chunk.to_string()),
                };
                last.clone_from(&src);
                out.push((src, doc));
            }
            out
        };
        for s in [
            "a\n---\n---\nb",
            "a\n---\n\n---\nb",
            "---\n---\n# Source: x\na\n---\n",
            "a\n---\n---\n---\n# Source: y\nb\n---",
            "---\n# Source: z\n",
            "",
        ] {
            assert_eq!(split_stream(s), by_str_split(s), "{s:?}");
        }
    }
}
