//! `.helmignore` rules, as Helm's `pkg/ignore` applies them when loading a chart folder.

use super::glob::{BadPattern, go_match};

#[derive(Debug, Clone)]
struct Pattern {
    rule: String,
    negate: bool,
    must_dir: bool,
    /// `/x` (anchored) or `a/b` (contains a slash): match the whole relative path;
    /// otherwise match the base name.
    whole_path: bool,
}

/// A parsed `.helmignore`.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    patterns: Vec<Pattern>,
}

/// Why a `.helmignore` line is rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IgnoreError {
    #[error("double-star (**) syntax is not supported")]
    DoubleStar,
    #[error("syntax error in pattern")]
    BadPattern,
}

impl From<BadPattern> for IgnoreError {
    fn from(_: BadPattern) -> Self {
        IgnoreError::BadPattern
    }
}

impl Rules {
    pub fn empty() -> Rules {
        Rules::default()
    }

    /// Parse the text of a `.helmignore` (a UTF-8 BOM on the first line is dropped).
    pub fn parse(text: &str) -> Result<Rules, IgnoreError> {
        let mut r = Rules::empty();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for line in text.lines() {
            r.add(line)?;
        }
        Ok(r)
    }

    /// Helm's default rule: `templates/.?*` (hidden files in templates/).
    pub fn add_defaults(&mut self) {
        let _ = self.add("templates/.?*");
    }

    fn add(&mut self, rule: &str) -> Result<(), IgnoreError> {
        let rule = rule.trim();
        if rule.is_empty() || rule.starts_with('#') {
            return Ok(());
        }
        if rule.contains("**") {
            return Err(IgnoreError::DoubleStar);
        }
        go_match(rule, "abc")?;
        let mut rule = rule;
        let mut negate = false;
        if let Some(r) = rule.strip_prefix('!') {
            negate = true;
            rule = r;
        }
        let mut must_dir = false;
        if let Some(r) = rule.strip_suffix('/') {
            must_dir = true;
            rule = r;
        }
        let (rule, whole_path) = if let Some(r) = rule.strip_prefix('/') {
            (r, true)
        } else {
            (rule, rule.contains('/'))
        };
        self.patterns.push(Pattern {
            rule: rule.to_string(),
            negate,
            must_dir,
            whole_path,
        });
        Ok(())
    }

    /// Whether the `/`-separated path relative to the chart root is ignored.
    pub fn ignore(&self, path: &str, is_dir: bool) -> bool {
        if path.is_empty() || path == "." || path == "./" {
            return false;
        }
        for p in &self.patterns {
            let matched = || {
                let target = if p.whole_path {
                    path
                } else {
                    path.rsplit('/').next().unwrap_or(path)
                };
                go_match(&p.rule, target).unwrap_or(false)
            };
            if p.negate {
                if p.must_dir && !is_dir {
                    return true;
                }
                if !matched() {
                    return true;
                }
                continue;
            }
            if p.must_dir && !is_dir {
                continue;
            }
            if matched() {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helmignore_rules() {
        let r = Rules::parse("# comment\n.git/\n*.tmp\n/README.md\ndocs/*.md\n").unwrap();
        let mut r2 = r.clone();
        r2.add_defaults();
        let cases: &[(&str, bool, bool)] = &[
            (".git", true, true),
            (".git", false, false),
            ("a.tmp", false, true),
            ("sub/b.tmp", false, true),
            ("README.md", false, true),
            ("sub/README.md", false, false),
            ("docs/x.md", false, true),
            ("docs/sub/x.md", false, false),
            ("values.yaml", false, false),
        ];
        for (p, dir, want) in cases {
            assert_eq!(r.ignore(p, *dir), *want, "{p}");
        }
        assert!(r2.ignore("templates/.hidden.yaml", false));
        assert!(!r2.ignore("templates/x.yaml", false));
        assert_eq!(Rules::parse("a/**").unwrap_err(), IgnoreError::DoubleStar);
        assert_eq!(Rules::parse("[").unwrap_err(), IgnoreError::BadPattern);
    }
}
