//! Go's `path.Match` / `filepath.Match` (on `/`-separated names): `*` matches any run of
//! non-`/` characters, `?` one non-`/` character, `[...]` a class (`^` negates, ranges
//! `a-z`), `\` escapes. A malformed pattern is Go's `ErrBadPattern`.

/// Go's `path.ErrBadPattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadPattern;

impl std::fmt::Display for BadPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("syntax error in pattern")
    }
}

impl std::error::Error for BadPattern {}

/// Whether `name` matches the whole `pattern`.
pub fn go_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    // Validate the pattern first, as Go reports ErrBadPattern even when matching stops early
    // (Go >= 1.16 validates the whole pattern on a failed match).
    validate(pattern)?;
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    Ok(match_from(
        &p,
        0,
        &n,
        0,
        &mut std::collections::HashSet::new(),
    ))
}

fn validate(pattern: &str) -> Result<(), BadPattern> {
    let p: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '\\' => {
                if i + 1 >= p.len() {
                    return Err(BadPattern);
                }
                i += 2;
            }
            '[' => {
                let (_, next) = class_end(&p, i)?;
                i = next;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// Parse the class starting at `p[start] == '['`; returns (items, index after `]`).
#[allow(clippy::type_complexity)]
fn class_end(p: &[char], start: usize) -> Result<((bool, Vec<(char, char)>), usize), BadPattern> {
    let mut i = start + 1;
    let mut negate = false;
    if i < p.len() && p[i] == '^' {
        negate = true;
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        if i >= p.len() {
            return Err(BadPattern);
        }
        if p[i] == ']' && !first {
            return Ok(((negate, ranges), i + 1));
        }
        first = false;
        let lo = read_class_char(p, &mut i)?;
        let mut hi = lo;
        if i < p.len() && p[i] == '-' {
            i += 1;
            hi = read_class_char(p, &mut i)?;
        }
        if lo > hi {
            return Err(BadPattern);
        }
        ranges.push((lo, hi));
    }
}

fn read_class_char(p: &[char], i: &mut usize) -> Result<char, BadPattern> {
    if *i >= p.len() {
        return Err(BadPattern);
    }
    let c = p[*i];
    if c == '-' || c == ']' {
        return Err(BadPattern);
    }
    if c == '\\' {
        *i += 1;
        if *i >= p.len() {
            return Err(BadPattern);
        }
        let c = p[*i];
        *i += 1;
        return Ok(c);
    }
    *i += 1;
    Ok(c)
}

/// Match `p[pi..]` against `n[ni..]`. `failed` remembers the (pattern, name) positions
/// already tried after a `*`, so that patterns with many stars stay polynomial.
fn match_from(
    p: &[char],
    pi: usize,
    n: &[char],
    ni: usize,
    failed: &mut std::collections::HashSet<(usize, usize)>,
) -> bool {
    let (mut pi, mut ni) = (pi, ni);
    while pi < p.len() {
        match p[pi] {
            '*' => {
                // Collapse consecutive stars.
                while pi < p.len() && p[pi] == '*' {
                    pi += 1;
                }
                if pi == p.len() {
                    return !n[ni..].contains(&'/');
                }
                let mut k = ni;
                loop {
                    if !failed.contains(&(pi, k)) {
                        if match_from(p, pi, n, k, failed) {
                            return true;
                        }
                        failed.insert((pi, k));
                    }
                    if k >= n.len() || n[k] == '/' {
                        return false;
                    }
                    k += 1;
                }
            }
            '?' => {
                if ni >= n.len() || n[ni] == '/' {
                    return false;
                }
                pi += 1;
                ni += 1;
            }
            '[' => {
                let Ok(((negate, ranges), next)) = class_end(p, pi) else {
                    return false;
                };
                if ni >= n.len() || n[ni] == '/' {
                    return false;
                }
                let c = n[ni];
                let inside = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
                if inside == negate {
                    return false;
                }
                pi = next;
                ni += 1;
            }
            '\\' => {
                if pi + 1 >= p.len() || ni >= n.len() || n[ni] != p[pi + 1] {
                    return false;
                }
                pi += 2;
                ni += 1;
            }
            c => {
                if ni >= n.len() || n[ni] != c {
                    return false;
                }
                pi += 1;
                ni += 1;
            }
        }
    }
    ni == n.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_path_match_table() {
        // (pattern, name, expected) from Go's path.Match documentation semantics.
        let cases: &[(&str, &str, Result<bool, BadPattern>)] = &[
            ("abc", "abc", Ok(true)),
            ("*", "abc", Ok(true)),
            ("*c", "abc", Ok(true)),
            ("a*", "a", Ok(true)),
            ("a*", "abc", Ok(true)),
            ("a*", "ab/c", Ok(false)),
            ("a*/b", "abc/b", Ok(true)),
            ("a*/b", "a/c/b", Ok(false)),
            ("a*b*c*d*e*/f", "axbxcxdxe/f", Ok(true)),
            ("a*b?c*x", "abxbbxdbxebxczzx", Ok(true)),
            ("a*b?c*x", "abxbbxdbxebxczzy", Ok(false)),
            ("ab[c]", "abc", Ok(true)),
            ("ab[b-d]", "abc", Ok(true)),
            ("ab[e-g]", "abc", Ok(false)),
            ("ab[^c]", "abc", Ok(false)),
            ("ab[^b-d]", "abc", Ok(false)),
            ("ab[^e-g]", "abc", Ok(true)),
            ("a\\*b", "a*b", Ok(true)),
            ("a\\*b", "ab", Ok(false)),
            ("a?b", "a☺b", Ok(true)),
            ("a[^a]b", "a☺b", Ok(true)),
            ("a???b", "a☺b", Ok(false)),
            ("*x", "xxx", Ok(true)),
            ("[", "a", Err(BadPattern)),
            ("[^", "a", Err(BadPattern)),
            ("[^bc", "a", Err(BadPattern)),
            ("a[", "a", Err(BadPattern)),
            ("a[", "ab", Err(BadPattern)),
            ("[]a]", "]", Err(BadPattern)),
            ("[-]", "-", Err(BadPattern)),
            ("[x-]", "x", Err(BadPattern)),
            ("\\", "a", Err(BadPattern)),
            ("[a-b-c]", "a", Err(BadPattern)),
            ("a/*", "a/b", Ok(true)),
            ("templates/.?*", "templates/.hidden", Ok(true)),
            ("templates/.?*", "templates/.", Ok(false)),
            ("templates/.?*", "templates/x.yaml", Ok(false)),
        ];
        for (p, n, want) in cases {
            assert_eq!(go_match(p, n), *want, "pattern {p:?} name {n:?}");
        }
    }
}

#[cfg(test)]
mod no_panic {
    use super::*;

    #[test]
    fn generated_patterns_never_panic() {
        let alphabet = ["a", "*", "?", "[", "]", "^", "-", "\\", "/", "é", "{", ","];
        let mut seed: u64 = 3;
        for _ in 0..20000 {
            let mut p = String::new();
            let mut n = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for i in 0..(seed >> 60) + 1 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let c = alphabet[(seed >> 33) as usize % alphabet.len()];
                if i % 2 == 0 {
                    p.push_str(c)
                } else {
                    n.push_str(c)
                }
            }
            let _ = go_match(&p, &n);
            let _ = crate::helm::objects::glob_regex(&p);
            let _ = crate::chart::ignore::Rules::parse(&p);
        }
    }
}
