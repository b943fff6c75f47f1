//! Helm's `releaseutil`: split rendered files into documents, read each document's
//! head, separate hooks, and sort by kind (`InstallOrder`).

use std::collections::{BTreeMap, HashMap};

/// Helm's `InstallOrder`.
pub const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
];

const HOOK_EVENTS: &[&str] = &[
    "pre-install",
    "post-install",
    "pre-delete",
    "post-delete",
    "pre-upgrade",
    "post-upgrade",
    "pre-rollback",
    "post-rollback",
    "test",
    "test-success",
];

/// A document's full YAML parse, where the reader was asked for it ([`read_file_heads`]
/// with `full`): `kiln render` needs every document's tree anyway and reads the head from it.
pub type FullParse = Option<Result<crate::yaml::Parsed, crate::yaml::YamlError>>;

/// A generic (non-hook) manifest.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub name: String,
    pub content: String,
    pub kind: String,
    pub parsed: FullParse,
}

/// A hook document.
#[derive(Debug, Clone)]
pub struct Hook {
    pub path: String,
    pub manifest: String,
    pub kind: String,
    /// Normalized events (`test-success` is `test`).
    pub events: Vec<String>,
    pub parsed: FullParse,
}

/// One document of a rendered file as the sorter reads it.
#[derive(Debug, Clone)]
pub struct ReadDoc {
    pub text: String,
    pub head: Result<Head, String>,
    pub parsed: FullParse,
}

/// The head of a document (`releaseutil.SimpleHead`).
#[derive(Debug, Clone, Default)]
pub struct Head {
    pub kind: String,
    pub annotations: Option<BTreeMap<String, String>>,
}

/// Go's ASCII `\s`: `[\t\n\f\r ]`.
fn is_go_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Go's `regexp.MustCompile("(?:^|\\s*\n)---\\s*").Split(s, -1)`, matched by hand
/// (leftmost-first, non-overlapping): the pieces between separators.
fn split_sep(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let sep = memchr::memmem::Finder::new(b"\n---");
    let mut pieces = Vec::new();
    let mut last = 0;
    let mut i = 0;
    loop {
        // Leftmost match starting at or after `i`.
        let (start, after_dashes) = if i == 0 && s.starts_with("---") {
            (0, 3)
        } else {
            let Some(off) = sep.find(&b[i..]) else {
                break;
            };
            let nl = i + off;
            let mut start = nl;
            while start > i && is_go_space(b[start - 1]) {
                start -= 1;
            }
            (start, nl + 4)
        };
        let mut end = after_dashes;
        while end < b.len() && is_go_space(b[end]) {
            end += 1;
        }
        pieces.push(&s[last..start]);
        last = end;
        i = end;
        if i >= b.len() {
            break;
        }
    }
    pieces.push(&s[last..]);
    pieces
}

/// Go's `strings.TrimSpace` (Unicode white space).
pub fn go_trim_space(s: &str) -> &str {
    s.trim_matches(char::is_whitespace)
}

/// [`go_trim_space`] on an owned string, without copying what stays.
pub fn go_trim_space_in_place(s: &mut String) {
    s.truncate(s.trim_end_matches(char::is_whitespace).len());
    let lead = s.len() - s.trim_start_matches(char::is_whitespace).len();
    s.drain(..lead);
}

/// `releaseutil.SplitManifests`, in document order.
pub fn split_manifests(big: &str) -> Vec<String> {
    let trimmed = go_trim_space(big);
    let mut out = Vec::new();
    for d in split_sep(trimmed) {
        if d.is_empty() {
            continue;
        }
        out.push(go_trim_space(d).to_string());
    }
    out
}

/// Read a document's head: kind and `metadata.annotations`. Errors are worded as
/// sigs.k8s.io/yaml words them (without the `YAML parse error on FILE: ` prefix).
pub fn read_head(doc: &str) -> Result<Head, String> {
    head_from(crate::yaml::parse_simple_head(doc))
}

fn head_from(h: Result<crate::yaml::SimpleHead, crate::yaml::YamlError>) -> Result<Head, String> {
    let h = h.map_err(|e| e.to_string())?;
    let annotations = if h.annotations.is_empty() {
        None
    } else {
        Some(h.annotations)
    };
    Ok(Head {
        kind: h.kind,
        annotations,
    })
}

/// Go's `strconv.Quote` (`%q` of a string).
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if c.is_control() || c == '\u{feff}' => {
                let n = c as u32;
                if n < 0x80 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `releaseutil.SortManifests` over rendered files (name -> content). Helm's log lines
/// (`manifest_sorter.go:190: info: skipping unknown hook: …`) are appended to `log`.
pub fn sort_manifests(
    files: BTreeMap<String, String>,
    log: &mut Vec<String>,
) -> Result<(Vec<Hook>, Vec<Manifest>), String> {
    sort_manifests_read(files, log, HashMap::new(), false)
}

/// The documents of one rendered file with their heads, as [`sort_manifests`] reads
/// them; `None` for files it skips (partials, empty output). With `full`, each document
/// is parsed whole ([`crate::yaml::parse_yaml`]) and its head read from that tree (the
/// same head, or the same error, as [`read_head`] gives).
pub fn read_file_heads(path: &str, content: &str, full: bool) -> Option<Vec<ReadDoc>> {
    Some(
        file_documents(path, content)?
            .into_iter()
            .map(|text| read_doc(text, full))
            .collect(),
    )
}

/// The documents [`sort_manifests`] reads from a rendered file; `None` for files it
/// skips (partials, empty output).
fn file_documents(path: &str, content: &str) -> Option<Vec<String>> {
    let base = path.rsplit('/').next().unwrap_or(path);
    if base.starts_with('_') || go_trim_space(content).is_empty() {
        return None;
    }
    Some(split_manifests(content))
}

/// One document with its head (and with `full`, its whole tree).
fn read_doc(text: String, full: bool) -> ReadDoc {
    if full {
        let parsed = crate::yaml::parse_yaml(&text);
        let head = head_from(match &parsed {
            Ok(p) => crate::yaml::simple_head_of(p),
            Err(e) => Err(e.clone()),
        });
        ReadDoc {
            text,
            head,
            parsed: Some(parsed),
        }
    } else {
        let head = read_head(&text);
        ReadDoc {
            text,
            head,
            parsed: None,
        }
    }
}

/// Heads of rendered files read while the chart renders, one document at a time, by a
/// reader thread ([`HeadReader::work`]) and, once rendering is done, by the rendering
/// thread too ([`HeadReader::finish`]): a file of big documents (CRDs) no longer
/// leaves one thread reading them while the other waits.
pub struct HeadReader {
    full: bool,
    /// Documents to read; per file sent: path, content, documents.
    queue: super::workq::WorkQueue<HeadJob, Vec<(String, Fingerprint, Slots)>>,
}

/// A unit of [`HeadReader`]'s work: read document `i` of file `n`.
struct HeadJob(usize, usize, String);

/// What is known of a file sent to the [`HeadReader`].
enum Slots {
    /// A file that sorting skips.
    Skipped,
    /// Its documents, as they are read.
    Docs(Vec<Option<ReadDoc>>),
}

impl HeadReader {
    pub fn new(full: bool) -> Self {
        HeadReader {
            full,
            queue: Default::default(),
        }
    }

    /// Queue the documents of a rendered file (a later file of the same path wins).
    /// The file is split here: both threads can then take its documents.
    pub fn send(&self, path: &str, content: &str) {
        let docs = file_documents(path, content);
        let content = Fingerprint::of(content);
        self.queue.with(|jobs, files| {
            let n = files.len();
            let slots = match docs {
                None => Slots::Skipped,
                Some(docs) => {
                    let slots = docs.iter().map(|_| None).collect();
                    for (i, text) in docs.into_iter().enumerate() {
                        jobs.push_back(HeadJob(n, i, text));
                    }
                    Slots::Docs(slots)
                }
            };
            files.push((path.to_string(), content, slots));
        });
    }

    /// Read queued documents until the queue is closed and empty.
    pub fn work(&self) {
        self.queue
            .drain(true, |job| self.read(job), |files, r| store_doc(files, r));
    }

    fn read(&self, HeadJob(file, i, text): HeadJob) -> (usize, usize, ReadDoc) {
        (file, i, read_doc(text, self.full))
    }

    /// Close the queue, read what is left alongside the reader thread, and take the
    /// files whose documents were all read.
    pub fn finish(&self) -> ReadHeads {
        let files = self
            .queue
            .finish(
                |_| true,
                |job| self.read(job),
                |files, r| store_doc(files, r),
            )
            .unwrap_or_default();
        let mut read = ReadHeads::new();
        for (path, content, slots) in files {
            let docs = match slots {
                Slots::Skipped => None,
                Slots::Docs(slots) => match slots.into_iter().collect::<Option<Vec<_>>>() {
                    Some(docs) => Some(docs),
                    // A document no thread read: sorting reads the file inline.
                    None => continue,
                },
            };
            read.insert(path, (content, docs));
        }
        read
    }
}

fn store_doc(files: &mut [(String, Fingerprint, Slots)], (file, i, doc): (usize, usize, ReadDoc)) {
    if let Some((_, _, Slots::Docs(slots))) = files.get_mut(file) {
        slots[i] = Some(doc);
    }
}

/// What identifies a file's content for [`sort_manifests_read`]: its length and a 64-bit
/// hash, instead of a copy of every rendered file. (Each path is rendered and sent once,
/// with the content the rendered files keep; the check is a guard, not a lookup.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(usize, u64);

impl Fingerprint {
    pub fn of(content: &str) -> Self {
        use std::hash::Hasher as _;
        let mut h = rustc_hash::FxHasher::default();
        h.write(content.as_bytes());
        Fingerprint(content.len(), h.finish())
    }
}

/// Files already read by [`read_file_heads`] (on another thread, while the chart was
/// still rendering), keyed by path, with the fingerprint of the content they were read
/// from.
pub type ReadHeads = HashMap<String, (Fingerprint, Option<Vec<ReadDoc>>)>;

/// [`sort_manifests`] with some files' documents and heads already read; the others
/// are read here (with `full`, each document parsed whole, as [`read_file_heads`]
/// says). Each file's text is freed once its documents are split out of it.
pub fn sort_manifests_read(
    files: BTreeMap<String, String>,
    log: &mut Vec<String>,
    mut read: ReadHeads,
    full: bool,
) -> Result<(Vec<Hook>, Vec<Manifest>), String> {
    let mut hooks = Vec::new();
    let mut generic = Vec::new();
    for (path, content) in files {
        let docs = match read.remove(&path) {
            Some((c, docs)) if c == Fingerprint::of(&content) => docs,
            _ => read_file_heads(&path, &content, full),
        };
        drop(content);
        let Some(docs) = docs else {
            continue;
        };
        for ReadDoc {
            text: m,
            head,
            parsed,
        } in docs
        {
            let head = head.map_err(|e| format!("YAML parse error on {path}: {e}"))?;
            let hook_types = head
                .annotations
                .as_ref()
                .and_then(|a| a.get("helm.sh/hook"))
                .cloned();
            let Some(hook_types) = hook_types else {
                generic.push(Manifest {
                    name: path.clone(),
                    content: m,
                    kind: head.kind,
                    parsed,
                });
                continue;
            };
            let mut events = Vec::new();
            let mut unknown = false;
            for ht in hook_types.split(',') {
                let ht = go_trim_space(ht).to_lowercase();
                if !HOOK_EVENTS.contains(&ht.as_str()) {
                    unknown = true;
                    break;
                }
                events.push(if ht == "test-success" {
                    "test".to_string()
                } else {
                    ht
                });
            }
            if unknown {
                log.push(format!(
                    "manifest_sorter.go:190: info: skipping unknown hook: {}",
                    go_quote(&hook_types)
                ));
                continue;
            }
            hooks.push(Hook {
                path: path.clone(),
                manifest: m,
                kind: head.kind,
                events,
                parsed,
            });
        }
    }
    hooks.sort_by(|a, b| kind_cmp(&a.kind, &b.kind));
    generic.sort_by(|a, b| kind_cmp(&a.kind, &b.kind));
    Ok((hooks, generic))
}

/// Helm's `lessByKind` as an ordering (used with a stable sort).
fn kind_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    let pa = INSTALL_ORDER.iter().position(|k| *k == a);
    let pb = INSTALL_ORDER.iter().position(|k| *k == b);
    match (pa, pb) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Less,
        (None, Some(_)) => Greater,
        (None, None) => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn trim_space_in_place_equals_trim_space() {
        for t in [
            "",
            " \n ",
            "a",
            "\u{a0} a b\t\n",
            "\n---\nx: 1\n\n",
            "\u{3000}x\u{2028}",
        ] {
            let mut owned = t.to_string();
            go_trim_space_in_place(&mut owned);
            assert_eq!(owned, go_trim_space(t), "{t:?}");
        }
    }

    use super::*;

    /// The shared reader gives, per file, what reading the file alone gives: with a
    /// reader thread or without one, for skipped files, bad documents, and a path sent
    /// twice (the later content wins).
    #[test]
    fn head_reader_reads_what_read_file_heads_reads() {
        let files: &[(&str, &str)] = &[
            (
                "c/templates/a.yaml",
                "kind: A\n---\nkind: B\nmetadata:\n  annotations: {x: y}\n",
            ),
            ("c/templates/_helpers.tpl", "kind: Skipped\n"),
            ("c/templates/empty.yaml", "  \n"),
            ("c/templates/bad.yaml", "kind: [\n---\nkind: C\n"),
            ("c/templates/a.yaml", "kind: Later\n"),
            (
                "c/templates/z.yaml",
                "# only a comment\n---\n---\nkind: Z\n",
            ),
        ];
        let show = |docs: &Option<Vec<ReadDoc>>| -> String {
            format!(
                "{:?}",
                docs.as_ref().map(|d| d
                    .iter()
                    .map(|r| (r.text.clone(), format!("{:?}", r.head)))
                    .collect::<Vec<_>>())
            )
        };
        for threads in [false, true] {
            let reader = HeadReader::new(false);
            let read = std::thread::scope(|s| {
                if threads {
                    s.spawn(|| reader.work());
                }
                for (path, content) in files {
                    reader.send(path, content);
                }
                reader.finish()
            });
            let mut want: HashMap<&str, &str> = HashMap::new();
            for (path, content) in files {
                want.insert(path, content);
            }
            assert_eq!(read.len(), want.len(), "threads: {threads}");
            for (path, content) in want {
                let (c, docs) = &read[path];
                assert_eq!(*c, Fingerprint::of(content), "{path}");
                assert_eq!(
                    show(docs),
                    show(&read_file_heads(path, content, false)),
                    "{path}"
                );
            }
        }
    }

    #[test]
    fn split_like_helm() {
        let cases: &[(&str, &[&str])] = &[
            ("a: 1\n---\nb: 2\n", &["a: 1", "b: 2"]),
            ("---\na: 1", &["a: 1"]),
            ("\n\n---\n# c\n---\nb: 2", &["# c", "b: 2"]),
            ("a: 1\n--- \nb: 2", &["a: 1", "b: 2"]),
            ("a: '---'", &["a: '---'"]),
            ("a: 1\n----\nb", &["a: 1", "-\nb"]),
            ("   \n  ", &[]),
            ("a\n \t\n---x\n---\n\n---", &["a", "x", "---"]),
            ("---", &[]),
            ("a\n---", &["a"]),
            ("--- a\n---b", &["a", "b"]),
            ("x---y\n  ---  z", &["x---y\n  ---  z"]),
        ];
        for (input, want) in cases {
            assert_eq!(
                split_manifests(input),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{input:?}"
            );
        }
    }

    #[test]
    fn hand_splitter_equals_go_regex() {
        // The regex crate has Go's leftmost-first semantics for this pattern.
        let re = regex::Regex::new(r"(?:^|[\t\n\x0C\r ]*\n)---[\t\n\x0C\r ]*").unwrap();
        let alphabet = ["-", "\n", " ", "a", "---", "\n---", "\t", "\r\n"];
        let mut seed: u64 = 12345;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let want: Vec<&str> = re.split(&s).collect();
            assert_eq!(split_sep(&s), want, "{s:?}");
        }
    }

    #[test]
    fn kind_order() {
        let mut kinds = vec!["Zeta", "Deployment", "", "Service", "Alpha", "Namespace"];
        kinds.sort_by(|a, b| kind_cmp(a, b));
        assert_eq!(
            kinds,
            vec!["Namespace", "Service", "Deployment", "", "Alpha", "Zeta"]
        );
    }
}
