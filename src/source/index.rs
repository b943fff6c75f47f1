//! A chart repository's `index.yaml`, read for the few charts a stack needs.
//!
//! Public indexes run to tens of megabytes, so the reader walks the YAML event stream once
//! and keeps only `entries.<name>[].{version, urls, digest}` of the wanted names, skipping
//! everything else without building it. A JSON index (Helm accepts one) goes through
//! `serde_json`.

use libyaml_safer::{EventData, Parser};
use std::collections::{BTreeMap, BTreeSet};

/// One version of a chart in an index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexEntry {
    pub version: String,
    pub urls: Vec<String>,
    /// The archive's sha256 as written in the index (may be empty).
    pub digest: String,
}

/// The wanted part of an index: versions by chart name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Index {
    pub entries: BTreeMap<String, Vec<IndexEntry>>,
}

struct Events<'a> {
    parser: Parser<&'a mut &'a [u8]>,
}

impl Events<'_> {
    fn next(&mut self) -> Result<EventData, String> {
        self.parser.parse().map(|e| e.data).map_err(|e| {
            let pos = e
                .problem_mark()
                .map(|m| format!(" at line {}", m.line + 1))
                .unwrap_or_default();
            format!("{}{pos}", e.problem())
        })
    }

    /// Skip the rest of a value whose first event was `first`.
    fn skip(&mut self, first: &EventData) -> Result<(), String> {
        let mut depth = match first {
            EventData::SequenceStart { .. } | EventData::MappingStart { .. } => 1,
            _ => 0,
        };
        while depth > 0 {
            match self.next()? {
                EventData::SequenceStart { .. } | EventData::MappingStart { .. } => depth += 1,
                EventData::SequenceEnd | EventData::MappingEnd => depth -= 1,
                EventData::StreamEnd => return Err("unexpected end of the document".into()),
                _ => {}
            }
        }
        Ok(())
    }
}

fn scalar(ev: &EventData) -> Option<&str> {
    match ev {
        EventData::Scalar { value, .. } => Some(value),
        _ => None,
    }
}

impl Index {
    /// Parse an index, keeping the charts in `wanted` (all charts when `wanted` is empty).
    pub fn parse(bytes: &[u8], wanted: &BTreeSet<String>) -> Result<Index, String> {
        let trimmed = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map(|i| &bytes[i..])
            .unwrap_or(&[]);
        if trimmed.first() == Some(&b'{')
            && let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes)
        {
            return Ok(Self::from_json(&v, wanted));
        }
        if !wanted.is_empty()
            && let Some(small) = Self::slice_wanted(bytes, wanted)
            && let Ok(index) = Self::parse_yaml(&small, wanted)
        {
            return Ok(index);
        }
        Self::parse_yaml(bytes, wanted)
    }

    /// The fast path for the layout `helm repo index` writes (chart names at two spaces
    /// under `entries:`, their lists not indented further): cut out the wanted charts'
    /// lines with a line scan and return a small document of just those. `None` when the
    /// text has any other shape; the caller then parses the whole text.
    fn slice_wanted(bytes: &[u8], wanted: &BTreeSet<String>) -> Option<Vec<u8>> {
        let mut api: Option<&[u8]> = None;
        let mut in_entries = false;
        let mut seen_entries = false;
        let mut keep = false;
        let mut named = false;
        let mut out: Vec<u8> = Vec::new();
        let mut body: Vec<u8> = Vec::new();
        for line in bytes.split(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let indent = line.iter().take_while(|b| **b == b' ').count();
            let rest = &line[indent..];
            if rest.is_empty() || rest[0] == b'#' {
                if keep {
                    body.extend_from_slice(line);
                    body.push(b'\n');
                }
                continue;
            }
            if rest[0] == b'\t' {
                return None;
            }
            if indent == 0 {
                keep = false;
                in_entries = false;
                if rest.starts_with(b"---") || rest.starts_with(b"...") || rest[0] == b'%' {
                    return None;
                }
                if line == b"entries:" {
                    if seen_entries {
                        return None;
                    }
                    in_entries = true;
                    seen_entries = true;
                } else if let Some(v) = line.strip_prefix(b"apiVersion:") {
                    api = Some(v);
                } else if line.starts_with(b"entries") {
                    return None;
                }
                continue;
            }
            if !in_entries {
                continue;
            }
            if indent == 1 || (indent > 2 && !named) || (indent == 2 && rest[0] == b'-' && !named) {
                return None;
            }
            if indent == 2 && !rest.starts_with(b"- ") && rest != b"-" {
                // A chart name: `  name:`.
                let name = rest.strip_suffix(b":")?;
                if name.is_empty()
                    || name.iter().any(|b| {
                        matches!(
                            b,
                            b':' | b'"'
                                | b'\''
                                | b'{'
                                | b'['
                                | b'&'
                                | b'*'
                                | b'!'
                                | b'?'
                                | b'|'
                                | b'>'
                        )
                    })
                {
                    return None;
                }
                keep = wanted.contains(std::str::from_utf8(name).ok()?);
                named = true;
            }
            if keep {
                body.extend_from_slice(line);
                body.push(b'\n');
            }
        }
        let api = api?;
        if !seen_entries {
            return None;
        }
        out.extend_from_slice(b"apiVersion:");
        out.extend_from_slice(api);
        out.extend_from_slice(b"\nentries:\n");
        out.extend_from_slice(&body);
        if body.is_empty() {
            out.truncate(out.len() - 1);
            out.extend_from_slice(b" {}\n");
        }
        Some(out)
    }

    fn parse_yaml(bytes: &[u8], wanted: &BTreeSet<String>) -> Result<Index, String> {
        let mut input = bytes;
        let mut parser = Parser::new();
        parser.set_input_string(&mut input);
        let mut ev = Events { parser };
        let mut index = Index::default();
        let mut api_version = false;
        loop {
            match ev.next()? {
                EventData::StreamStart { .. } | EventData::DocumentStart { .. } => {}
                EventData::MappingStart { .. } => break,
                EventData::StreamEnd => return Err("the index is empty".into()),
                other => {
                    return Err(format!(
                        "the index must be a mapping, found {}",
                        describe(&other)
                    ));
                }
            }
        }
        loop {
            let key = ev.next()?;
            let key = match key {
                EventData::MappingEnd => break,
                EventData::Scalar { value, .. } => value,
                other => {
                    ev.skip(&other)?;
                    let v = ev.next()?;
                    ev.skip(&v)?;
                    continue;
                }
            };
            let value = ev.next()?;
            match key.as_str() {
                "apiVersion" => {
                    api_version = scalar(&value).is_some_and(|s| !s.is_empty());
                    ev.skip(&value)?;
                }
                "entries" => {
                    if !matches!(value, EventData::MappingStart { .. }) {
                        ev.skip(&value)?;
                        continue;
                    }
                    loop {
                        let name = match ev.next()? {
                            EventData::MappingEnd => break,
                            EventData::Scalar { value, .. } => value,
                            other => {
                                ev.skip(&other)?;
                                let v = ev.next()?;
                                ev.skip(&v)?;
                                continue;
                            }
                        };
                        let list = ev.next()?;
                        if !(wanted.is_empty() || wanted.contains(&name))
                            || !matches!(list, EventData::SequenceStart { .. })
                        {
                            ev.skip(&list)?;
                            continue;
                        }
                        let mut versions = Vec::new();
                        loop {
                            let item = ev.next()?;
                            match item {
                                EventData::SequenceEnd => break,
                                EventData::MappingStart { .. } => {
                                    versions.push(Self::version(&mut ev)?)
                                }
                                other => ev.skip(&other)?,
                            }
                        }
                        index
                            .entries
                            .entry(name)
                            .or_default()
                            .extend(versions.into_iter().filter(|v| !v.version.is_empty()));
                    }
                }
                _ => ev.skip(&value)?,
            }
        }
        if !api_version {
            return Err("no API version specified".into());
        }
        Ok(index)
    }

    fn version(ev: &mut Events) -> Result<IndexEntry, String> {
        let mut e = IndexEntry::default();
        loop {
            let key = match ev.next()? {
                EventData::MappingEnd => return Ok(e),
                EventData::Scalar { value, .. } => value,
                other => {
                    ev.skip(&other)?;
                    let v = ev.next()?;
                    ev.skip(&v)?;
                    continue;
                }
            };
            let value = ev.next()?;
            match (key.as_str(), &value) {
                ("version", EventData::Scalar { value, .. }) => e.version = value.clone(),
                ("digest", EventData::Scalar { value, .. }) => e.digest = value.clone(),
                ("urls", EventData::SequenceStart { .. }) => loop {
                    match ev.next()? {
                        EventData::SequenceEnd => break,
                        EventData::Scalar { value, .. } => e.urls.push(value),
                        other => ev.skip(&other)?,
                    }
                },
                _ => ev.skip(&value)?,
            }
        }
    }

    fn from_json(v: &serde_json::Value, wanted: &BTreeSet<String>) -> Index {
        let mut index = Index::default();
        if let Some(entries) = v.get("entries").and_then(|e| e.as_object()) {
            for (name, list) in entries {
                if !(wanted.is_empty() || wanted.contains(name)) {
                    continue;
                }
                let versions = list
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|cv| {
                        let s =
                            |k: &str| cv.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
                        let urls = cv
                            .get("urls")
                            .and_then(|u| u.as_array())
                            .map(|u| {
                                u.iter()
                                    .filter_map(|x| x.as_str().map(String::from))
                                    .collect()
                            })
                            .unwrap_or_default();
                        let e = IndexEntry {
                            version: s("version"),
                            urls,
                            digest: s("digest"),
                        };
                        (!e.version.is_empty()).then_some(e)
                    });
                index
                    .entries
                    .entry(name.clone())
                    .or_default()
                    .extend(versions);
            }
        }
        index
    }
}

fn describe(e: &EventData) -> &'static str {
    match e {
        EventData::SequenceStart { .. } => "a list",
        EventData::Scalar { .. } => "a scalar",
        _ => "something else",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"apiVersion: v1
entries:
  alloy:
  - apiVersion: v2
    appVersion: v1.10.1
    created: "2025-08-01T00:00:00Z"
    dependencies:
    - name: crds
      version: 0.0.0
    description: Grafana Alloy
    digest: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    maintainers: [{name: a, email: b}]
    name: alloy
    urls:
    - https://github.com/grafana/helm-charts/releases/download/alloy-1.2.1/alloy-1.2.1.tgz
    version: 1.2.1
  - name: alloy
    urls: [alloy-1.2.0.tgz]
    version: 1.2.0
  grafana:
  - name: grafana
    urls: [grafana-9.3.4.tgz]
    version: 9.3.4
generated: "2025-08-01T00:00:00Z"
"#;

    #[test]
    fn keeps_only_wanted_charts() {
        let wanted: BTreeSet<String> = ["alloy".to_string()].into();
        let i = Index::parse(INDEX.as_bytes(), &wanted).unwrap();
        assert_eq!(i.entries.len(), 1);
        let a = &i.entries["alloy"];
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].version, "1.2.1");
        assert_eq!(a[0].digest.len(), 64);
        assert_eq!(
            a[0].urls[0],
            "https://github.com/grafana/helm-charts/releases/download/alloy-1.2.1/alloy-1.2.1.tgz"
        );
        assert_eq!(a[1].urls, vec!["alloy-1.2.0.tgz"]);
        let all = Index::parse(INDEX.as_bytes(), &BTreeSet::new()).unwrap();
        assert_eq!(all.entries.len(), 2);
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_parse() {
        let wanted: BTreeSet<String> = [
            "alloy".to_string(),
            "grafana".to_string(),
            "nope".to_string(),
        ]
        .into();
        let fast = Index::slice_wanted(INDEX.as_bytes(), &wanted)
            .expect("helm's layout takes the fast path");
        assert_eq!(
            Index::parse_yaml(&fast, &wanted).unwrap(),
            Index::parse_yaml(INDEX.as_bytes(), &wanted).unwrap()
        );
        // Other layouts fall back to the full parser and still read right.
        for text in [
            "apiVersion: v1\nentries:\n    alloy:\n      - {version: 1.0.0, urls: [a.tgz]}\n",
            "apiVersion: v1\nentries: {alloy: [{version: 1.0.0, urls: [a.tgz]}]}\n",
            "---\napiVersion: v1\nentries:\n  alloy:\n  - version: 1.0.0\n    urls: [a.tgz]\n",
            "entries:\n  alloy:\n  - version: 1.0.0\n    urls: [a.tgz]\napiVersion: v1\n",
        ] {
            let i =
                Index::parse(text.as_bytes(), &wanted).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(i.entries["alloy"][0].urls, vec!["a.tgz"], "{text:?}");
        }
        assert!(Index::slice_wanted(b"apiVersion: v1\nentries:\n    alloy:\n", &wanted).is_none());
        let none = Index::parse(INDEX.as_bytes(), &["zzz".to_string()].into()).unwrap();
        assert!(none.entries.is_empty());
    }

    #[test]
    fn json_and_errors() {
        let j = br#"{"apiVersion":"v1","entries":{"x":[{"version":"1.0.0","urls":["x-1.0.0.tgz"],"digest":"ab"}]}}"#;
        let i = Index::parse(j, &BTreeSet::new()).unwrap();
        assert_eq!(i.entries["x"][0].urls, vec!["x-1.0.0.tgz"]);
        assert!(
            Index::parse(b"entries: {}\n", &BTreeSet::new())
                .unwrap_err()
                .contains("no API version")
        );
        assert!(Index::parse(b"", &BTreeSet::new()).is_err());
        assert!(Index::parse(b"- a\n", &BTreeSet::new()).is_err());
        assert!(Index::parse(b"apiVersion: v1\nentries: {a: [\n", &BTreeSet::new()).is_err());
    }

    #[test]
    fn a_large_index_parses_quickly() {
        let mut text = String::from("apiVersion: v1\nentries:\n");
        for c in 0..400 {
            text.push_str(&format!("  chart{c}:\n"));
            for v in 0..100 {
                text.push_str(&format!(
                    "  - apiVersion: v2\n    appVersion: {v}.0\n    description: A chart with a fairly long description line number {v}\n    digest: {}\n    name: chart{c}\n    urls:\n    - https://example.com/charts/chart{c}-{v}.0.0.tgz\n    version: {v}.0.0\n    maintainers:\n    - {{name: someone, email: someone@example.com}}\n",
                    "ab".repeat(32)
                ));
            }
        }
        let wanted: BTreeSet<String> = ["chart399".to_string()].into();
        let t = std::time::Instant::now();
        let i = Index::parse(text.as_bytes(), &wanted).unwrap();
        let took = t.elapsed();
        assert_eq!(i.entries["chart399"].len(), 100);
        eprintln!(
            "index of {} MB parsed in {:?}",
            text.len() / 1_000_000,
            took
        );
    }
}
