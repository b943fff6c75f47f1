//! The dependency graph of a stack: layers from `needs`, cycle and unknown-need errors,
//! label selectors, and drawings (text matrix, mermaid, dot).
//!
//! A release's layer is one more than the highest layer among what it needs (layer 1
//! for none). An explicit `layer` may place a release later, never earlier. Layers become
//! Argo CD sync waves and Flux `dependsOn`.

use super::{Release, Stack, StackError, suggest};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The stack's releases with their layers, in declaration order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graph {
    /// (release index, layer) in the stack's declaration order.
    pub layers: Vec<u32>,
}

impl Graph {
    /// Compute layers, refusing unknown needs, self needs, cycles and explicit layers
    /// that come before a need.
    pub fn build(stack: &Stack) -> Result<Graph, StackError> {
        let index: BTreeMap<&str, usize> = stack
            .releases
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.as_str(), i))
            .collect();
        let err = |r: &Release, msg: String, hint: Option<String>| StackError {
            file: stack.file.clone(),
            line: r.line,
            col: r.col,
            msg,
            hint,
        };
        for r in &stack.releases {
            for n in &r.needs {
                if !index.contains_key(n.as_str()) {
                    let hint = suggest(n, stack.releases.iter().map(|x| x.name.as_str()))
                        .map(|s| format!("did you mean `{s}`?"))
                        .or_else(|| Some("needs name releases of this stack".into()));
                    return Err(err(
                        r,
                        format!(
                            "release `{}` needs `{n}`, which is not a release of the stack",
                            r.name
                        ),
                        hint,
                    ));
                }
                if n == &r.name {
                    return Err(err(r, format!("release `{}` needs itself", r.name), None));
                }
            }
        }
        // Depth-first with colours; a grey node reached again closes a cycle.
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            White,
            Grey,
            Black,
        }
        let n = stack.releases.len();
        let mut mark = vec![Mark::White; n];
        let mut layer = vec![0u32; n];
        fn visit(
            i: usize,
            stack: &Stack,
            index: &BTreeMap<&str, usize>,
            mark: &mut [Mark],
            layer: &mut [u32],
            path: &mut Vec<usize>,
        ) -> Result<(), StackError> {
            match mark[i] {
                Mark::Black => return Ok(()),
                Mark::Grey => {
                    let start = path.iter().position(|&p| p == i).unwrap_or(0);
                    let mut names: Vec<&str> = path[start..]
                        .iter()
                        .map(|&p| stack.releases[p].name.as_str())
                        .collect();
                    names.push(&stack.releases[i].name);
                    let r = &stack.releases[i];
                    return Err(StackError {
                        file: stack.file.clone(),
                        line: r.line,
                        col: r.col,
                        msg: format!("the needs form a cycle: {}", names.join(" -> ")),
                        hint: Some("remove one of these needs".into()),
                    });
                }
                Mark::White => {}
            }
            mark[i] = Mark::Grey;
            path.push(i);
            let r = &stack.releases[i];
            let mut l = 1;
            for need in &r.needs {
                let j = index[need.as_str()];
                visit(j, stack, index, mark, layer, path)?;
                l = l.max(layer[j] + 1);
            }
            if let Some(explicit) = r.layer {
                if explicit < l {
                    let blocker = r
                        .needs
                        .iter()
                        .max_by_key(|need| layer[index[need.as_str()]])
                        .map(String::as_str)
                        .unwrap_or("");
                    return Err(StackError {
                        file: stack.file.clone(),
                        line: r.line,
                        col: r.col,
                        msg: format!(
                            "release `{}` asks for layer {explicit}, but it needs `{blocker}` (layer {}), so it cannot come before layer {l}",
                            r.name, layer[index[blocker]]
                        ),
                        hint: Some(format!("set `layer: {l}` or more, or remove the layer")),
                    });
                }
                l = explicit;
            }
            layer[i] = l;
            path.pop();
            mark[i] = Mark::Black;
            Ok(())
        }
        let mut path = Vec::new();
        for i in 0..n {
            visit(i, stack, &index, &mut mark, &mut layer, &mut path)?;
        }
        Ok(Graph { layers: layer })
    }

    pub fn max_layer(&self) -> u32 {
        self.layers.iter().copied().max().unwrap_or(0)
    }

    /// Release indices of one layer, in declaration order.
    pub fn layer(&self, l: u32) -> Vec<usize> {
        (0..self.layers.len())
            .filter(|&i| self.layers[i] == l)
            .collect()
    }

    /// The deployment-order table: release, direct needs, layer.
    pub fn table(&self, stack: &Stack) -> String {
        let mut rows = vec![(
            "RELEASE".to_string(),
            "NEEDS".to_string(),
            "LAYER".to_string(),
        )];
        for l in 1..=self.max_layer() {
            for i in self.layer(l) {
                let r = &stack.releases[i];
                let needs = if r.needs.is_empty() {
                    "-".to_string()
                } else {
                    r.needs.join(", ")
                };
                rows.push((r.name.clone(), needs, l.to_string()));
            }
        }
        let w0 = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        let w1 = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
        let mut out = String::new();
        for (a, b, c) in rows {
            let _ = writeln!(out, "{a:<w0$}  {b:<w1$}  {c}");
        }
        out
    }

    /// A mermaid flowchart: one subgraph per layer, an edge per need.
    pub fn mermaid(&self, stack: &Stack) -> String {
        let mut out = String::from("graph TD\n");
        for l in 1..=self.max_layer() {
            let _ = writeln!(out, "    subgraph \"Layer {l}\"");
            for i in self.layer(l) {
                let r = &stack.releases[i];
                let _ = writeln!(
                    out,
                    "        {}[\"{}<br/>{}\"]",
                    node_id(&r.name),
                    r.name,
                    r.version
                );
            }
            out.push_str("    end\n");
        }
        for r in &stack.releases {
            for n in &r.needs {
                let _ = writeln!(out, "    {} --> {}", node_id(n), node_id(&r.name));
            }
        }
        out
    }

    /// A Graphviz digraph with one rank per layer.
    pub fn dot(&self, stack: &Stack) -> String {
        let mut out = String::from("digraph stack {\n    rankdir=TB;\n    node [shape=box];\n");
        for l in 1..=self.max_layer() {
            let _ = writeln!(
                out,
                "    subgraph cluster_layer{l} {{\n        label=\"Layer {l}\";"
            );
            for i in self.layer(l) {
                let _ = writeln!(out, "        \"{}\";", stack.releases[i].name);
            }
            out.push_str("    }\n");
        }
        for r in &stack.releases {
            for n in &r.needs {
                let _ = writeln!(out, "    \"{n}\" -> \"{}\";", r.name);
            }
        }
        out.push_str("}\n");
        out
    }
}

fn node_id(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// A helmfile-style selector: `key=value` or `key!=value`, comma-separated terms all of
/// which must hold; `name` and `namespace` match the release's own fields. Several
/// selectors (repeated `-l`) are alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    terms: Vec<(String, bool, String)>,
}

impl Selector {
    pub fn parse(text: &str) -> Result<Selector, String> {
        let mut terms = Vec::new();
        for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let (k, neg, v) = if let Some((k, v)) = t.split_once("!=") {
                (k, true, v)
            } else if let Some((k, v)) = t.split_once('=') {
                (k, false, v)
            } else {
                return Err(format!("selector `{t}` must be key=value or key!=value"));
            };
            if k.trim().is_empty() {
                return Err(format!("selector `{t}` has no key"));
            }
            terms.push((k.trim().to_string(), neg, v.trim().to_string()));
        }
        if terms.is_empty() {
            return Err("empty selector".into());
        }
        Ok(Selector { terms })
    }

    pub fn matches(&self, r: &Release) -> bool {
        self.terms.iter().all(|(k, neg, v)| {
            let actual = match k.as_str() {
                "name" => Some(r.name.as_str()),
                "namespace" => Some(r.namespace.as_str()),
                "chart" => Some(r.chart.as_str()),
                _ => r.labels.get(k).map(String::as_str),
            };
            (actual == Some(v.as_str())) != *neg
        })
    }
}

/// Whether a release is selected by any of `selectors` (all when there are none).
pub fn selected(selectors: &[Selector], r: &Release) -> bool {
    selectors.is_empty() || selectors.iter().any(|s| s.matches(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn stack(releases: &str) -> Stack {
        Stack::parse(Path::new("s.yaml"), &format!("releases:\n{releases}")).unwrap()
    }

    #[test]
    fn layers_follow_needs() {
        let s = stack(
            "  - {name: a, chart: ./c}\n  - {name: b, chart: ./c, needs: [a]}\n  - {name: c, chart: ./c, needs: [a, b]}\n  - {name: d, chart: ./c, needs: [a], layer: 5}\n",
        );
        assert_eq!(Graph::build(&s).unwrap().layers, vec![1, 2, 3, 5]);
    }

    #[test]
    fn cycles_unknown_needs_and_early_layers_fail() {
        let s = stack(
            "  - {name: a, chart: ./c, needs: [c]}\n  - {name: b, chart: ./c, needs: [a]}\n  - {name: c, chart: ./c, needs: [b]}\n",
        );
        let e = Graph::build(&s).unwrap_err();
        assert!(e.msg.contains("cycle: a -> c -> b -> a"), "{e}");
        let s = stack("  - {name: grafana, chart: ./c, needs: [grafna]}\n");
        let e = Graph::build(&s).unwrap_err();
        assert!(e.msg.contains("needs `grafna`"), "{e}");
        let s =
            stack("  - {name: a, chart: ./c}\n  - {name: b, chart: ./c, needs: [a], layer: 1}\n");
        let e = Graph::build(&s).unwrap_err();
        assert!(e.msg.contains("needs `a` (layer 1)"), "{e}");
        assert_eq!(e.line, 3);
    }

    #[test]
    fn selectors() {
        let s = Stack::parse(
            Path::new("s.yaml"),
            "releases:\n  - {name: a, chart: ./c, labels: {tier: apps}}\n  - {name: b, chart: ./c}\n",
        )
        .unwrap();
        let tier = Selector::parse("tier=apps").unwrap();
        assert!(tier.matches(&s.releases[0]) && !tier.matches(&s.releases[1]));
        let not_a = Selector::parse("name!=a").unwrap();
        assert!(!not_a.matches(&s.releases[0]) && not_a.matches(&s.releases[1]));
        assert!(Selector::parse("tier").is_err());
    }
}
