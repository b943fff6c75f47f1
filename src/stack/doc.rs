//! A YAML document with positions, for kiln's own files (`stack.yaml`, lock files).
//!
//! Chart values go through `crate::yaml`, which reproduces Helm's exact reading. The
//! stack file instead needs every key's line and column so that an error can point at
//! it, so this small loader keeps the positions the parser reports.

use libyaml_safer::{EventData, Parser, ScalarStyle};
use std::collections::HashMap;

/// A YAML node and where it starts (1-based line and column).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub line: usize,
    pub col: usize,
}

/// The shape of a node. Scalars stay text; the stack decoder types them.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A scalar: its text and whether it was quoted (or a block scalar).
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Node>),
    /// Entries in file order: key, the key's node (for its position), value.
    Map(Vec<(String, Node, Node)>),
}

/// A syntax error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub msg: String,
    pub line: usize,
    pub col: usize,
}

impl Node {
    /// Whether the node is an empty value (`~`, `null`, or nothing after the key).
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, quoted: false } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A short name of the node's kind for error messages.
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            Kind::Scalar { .. } if self.is_null() => "nothing",
            Kind::Scalar { .. } => "a scalar",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }
}

/// Deepest nesting of lists and mappings a stack file may have. Real stacks nest less
/// than ten levels; the cap keeps a hostile file from costing quadratic scanner time or
/// overflowing the stack when the tree is cloned or dropped.
pub const MAX_DEPTH: usize = 200;
/// Most nodes a stack file may expand to, counting every node an alias repeats: a
/// "billion laughs" file of a few hundred bytes stops here instead of exhausting memory.
pub const MAX_NODES: usize = 1_000_000;

/// Parse the first document of `text`. An empty text is an empty mapping.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    // libyaml-safer 0.3 panics on some malformed input (`a: "\` at the end of the text,
    // found by fuzzing): end the text with a line break, as libyaml treats the end of
    // input anyway, and turn any remaining panic of the reader into a syntax error.
    quiet_reader_panics();
    let owned;
    let text = if text.ends_with('\n') {
        text
    } else {
        owned = format!("{text}\n");
        &owned
    };
    let last_line = text.lines().count().max(1);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_events(text))) {
        // The appended line break must not move an error past the file's last line.
        Ok(r) => r.map_err(|mut e| {
            if e.line > last_line {
                e.line = last_line;
            }
            e
        }),
        Err(_) => {
            let line = last_line;
            Err(SyntaxError {
                msg: "malformed YAML the reader cannot follow (an unclosed quote or escape?)"
                    .into(),
                line,
                col: 1,
            })
        }
    }
}

/// Keep panics of the YAML reader (caught in [`parse`]) off stderr; others still print.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let reader = info.location().is_some_and(|l| {
                l.file().contains("libyaml-safer") || l.file().contains("libyaml_safer")
            });
            if !reader {
                prev(info);
            }
        }));
    });
}

fn parse_events(text: &str) -> Result<Node, SyntaxError> {
    let mut bytes = text.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut bytes);
    // Each anchor's node and its size in nodes (what one alias of it adds).
    let mut anchors: HashMap<String, (Node, usize)> = HashMap::new();
    let mut total: usize = 0;
    // Sizes of the open collections' subtrees, parallel to `stack`.
    let mut sizes: Vec<usize> = Vec::new();
    // Builder stack: open collections with their position and pending key.
    enum Open {
        Seq(Vec<Node>, usize, usize, Option<String>),
        Map(
            Vec<(String, Node, Node)>,
            usize,
            usize,
            Option<Node>,
            Option<String>,
        ),
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let ev = parser.parse().map_err(|e| {
            let (line, col) = e
                .problem_mark()
                .map(|m| (m.line as usize + 1, m.column as usize + 1))
                .unwrap_or((0, 0));
            SyntaxError {
                msg: e.problem().to_string(),
                line,
                col,
            }
        })?;
        let line = ev.start_mark.line as usize + 1;
        let col = ev.start_mark.column as usize + 1;
        let opens = matches!(
            ev.data,
            EventData::SequenceStart { .. } | EventData::MappingStart { .. }
        );
        if opens && stack.len() >= MAX_DEPTH {
            return Err(SyntaxError {
                msg: format!("lists and mappings nested more than {MAX_DEPTH} deep"),
                line,
                col,
            });
        }
        let done: Option<(Node, Option<String>, usize)> = match ev.data {
            EventData::StreamEnd => break,
            EventData::DocumentEnd { .. } => break,
            EventData::StreamStart { .. } | EventData::DocumentStart { .. } => None,
            EventData::Alias { anchor } => match anchors.get(&anchor) {
                Some((n, size)) => {
                    total = total.saturating_add(*size);
                    if total > MAX_NODES {
                        return Err(SyntaxError {
                            msg: format!(
                                "aliases expand to more than {MAX_NODES} nodes (an alias bomb?); write the repeated parts out or use fewer aliases"
                            ),
                            line,
                            col,
                        });
                    }
                    Some((n.clone(), None, *size))
                }
                None => {
                    return Err(SyntaxError {
                        msg: format!("unknown anchor '{anchor}'"),
                        line,
                        col,
                    });
                }
            },
            EventData::Scalar {
                anchor,
                value,
                style,
                ..
            } => {
                total += 1;
                let quoted = !matches!(style, ScalarStyle::Plain | ScalarStyle::Any);
                Some((
                    Node {
                        kind: Kind::Scalar {
                            text: value,
                            quoted,
                        },
                        line,
                        col,
                    },
                    anchor,
                    1,
                ))
            }
            EventData::SequenceStart { anchor, .. } => {
                total += 1;
                sizes.push(1);
                stack.push(Open::Seq(Vec::new(), line, col, anchor));
                None
            }
            EventData::MappingStart { anchor, .. } => {
                total += 1;
                sizes.push(1);
                stack.push(Open::Map(Vec::new(), line, col, None, anchor));
                None
            }
            EventData::SequenceEnd => match (stack.pop(), sizes.pop()) {
                (Some(Open::Seq(items, l, c, anchor)), Some(size)) => Some((
                    Node {
                        kind: Kind::Seq(items),
                        line: l,
                        col: c,
                    },
                    anchor,
                    size,
                )),
                _ => {
                    return Err(SyntaxError {
                        msg: "unbalanced sequence".into(),
                        line,
                        col,
                    });
                }
            },
            EventData::MappingEnd => match (stack.pop(), sizes.pop()) {
                (Some(Open::Map(entries, l, c, _, anchor)), Some(size)) => Some((
                    Node {
                        kind: Kind::Map(entries),
                        line: l,
                        col: c,
                    },
                    anchor,
                    size,
                )),
                _ => {
                    return Err(SyntaxError {
                        msg: "unbalanced mapping".into(),
                        line,
                        col,
                    });
                }
            },
        };
        let Some((node, anchor, size)) = done else {
            continue;
        };
        if let Some(parent) = sizes.last_mut() {
            *parent = parent.saturating_add(size);
        }
        if let Some(a) = anchor {
            anchors.insert(a, (node.clone(), size));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open::Seq(items, ..)) => items.push(node),
            Some(Open::Map(entries, _, _, pending, _)) => match pending.take() {
                None => {
                    if !matches!(node.kind, Kind::Scalar { .. }) {
                        return Err(SyntaxError {
                            msg: "a key must be a plain value, not a list or mapping".into(),
                            line: node.line,
                            col: node.col,
                        });
                    }
                    *pending = Some(node);
                }
                Some(key) => {
                    let Kind::Scalar { text, .. } = &key.kind else {
                        unreachable!("keys are scalars")
                    };
                    if let Some(prev) = entries.iter().find(|(k, _, _)| k == text) {
                        return Err(SyntaxError {
                            msg: format!(
                                "key \"{text}\" appears twice (first at line {})",
                                prev.1.line
                            ),
                            line: key.line,
                            col: key.col,
                        });
                    }
                    entries.push((text.clone(), key, node));
                }
            },
        }
    }
    Ok(root.unwrap_or(Node {
        kind: Kind::Map(Vec::new()),
        line: 1,
        col: 1,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_keys_and_values() {
        let n = parse("a: 1\nb:\n  - x\n  - 'y'\nc: {d: e}\n").unwrap();
        let Kind::Map(entries) = &n.kind else {
            panic!("map")
        };
        assert_eq!(entries[0].0, "a");
        assert_eq!((entries[1].1.line, entries[1].1.col), (2, 1));
        let Kind::Seq(items) = &entries[1].2.kind else {
            panic!("seq")
        };
        assert_eq!((items[1].line, items[1].col), (4, 5));
        assert_eq!(
            items[1].kind,
            Kind::Scalar {
                text: "y".into(),
                quoted: true
            }
        );
        assert!(matches!(&entries[2].2.kind, Kind::Map(m) if m[0].0 == "d"));
    }

    #[test]
    fn aliases_expand_and_duplicates_fail() {
        let n = parse("a: &x [1, 2]\nb: *x\n").unwrap();
        let Kind::Map(entries) = &n.kind else {
            panic!("map")
        };
        assert!(matches!(&entries[1].2.kind, Kind::Seq(s) if s.len() == 2));
        let e = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 1));
        assert!(e.msg.contains("twice"), "{}", e.msg);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("a: b: c\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.msg.contains("mapping values"), "{}", e.msg);
    }

    #[test]
    fn alias_bombs_and_deep_nesting_stop_with_an_error() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let e = parse(&bomb).unwrap_err();
        assert!(e.msg.contains("alias bomb"), "{}", e.msg);
        assert_eq!(
            e.line, 6,
            "the first alias past the budget: a5 expands to 1.1 million nodes"
        );
        let e = parse(&"[".repeat(100_000)).unwrap_err();
        assert_eq!((e.line, e.col), (1, MAX_DEPTH + 1));
        assert!(e.msg.contains("nested more than 200 deep"), "{}", e.msg);
        let e = parse(&format!("x:\n{}y\n", "- ".repeat(100_000))).unwrap_err();
        assert!(e.msg.contains("nested"), "{}", e.msg);
        // Just under the caps is fine.
        assert!(
            parse(&format!(
                "{}{}",
                "[".repeat(MAX_DEPTH),
                "]".repeat(MAX_DEPTH)
            ))
            .is_ok()
        );
        assert!(parse(&bomb.lines().take(5).collect::<Vec<_>>().join("\n")).is_ok());
    }

    #[test]
    fn malformed_quotes_at_the_end_are_errors_not_panics() {
        // Found by fuzzing (libyaml-safer 0.3 unwraps past the end of its buffer).
        for t in [
            "\"\\",
            "a: \"\\",
            "a: \"x\\",
            "[\"\\",
            "a:\n  b: \"\\",
            "a: '\\",
        ] {
            match parse(t) {
                Ok(n) => assert!(
                    matches!(n.kind, Kind::Map(_) | Kind::Scalar { .. } | Kind::Seq(_)),
                    "{t:?}"
                ),
                Err(e) => assert!(e.line >= 1 && !e.msg.is_empty(), "{t:?}: {e:?}"),
            }
        }
        let e = parse("a: \"x\\").unwrap_err();
        assert_eq!(e.line, 1, "{e:?}");
        assert!(e.msg.starts_with("found unexpected end of stream"), "{e:?}");
    }

    #[test]
    fn empty_text_is_an_empty_mapping() {
        assert_eq!(parse("").unwrap().kind, Kind::Map(Vec::new()));
    }
}
