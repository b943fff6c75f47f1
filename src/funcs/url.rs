//! Sprig's `urlParse` and `urlJoin` over a port of the parts of Go's `net/url` they use.

use super::args::{R, map, nargs, s};
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use std::collections::BTreeMap;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("urlParse", url_parse);
    m.insert("urlJoin", url_join);
}

fn unhex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-decoding (`url.PathUnescape`-like; `+` stays).
fn unescape(st: &str) -> Result<String, String> {
    let b = st.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = b.get(i + 1).and_then(|c| unhex(*c));
            let l = b.get(i + 2).and_then(|c| unhex(*c));
            match (h, l) {
                (Some(h), Some(l)) => out.push(h << 4 | l),
                _ => {
                    let end = (i + 3).min(b.len());
                    let bad = String::from_utf8_lossy(&b[i..end]);
                    return Err(format!(
                        "invalid URL escape {}",
                        super::args::go_quote(&bad)
                    ));
                }
            }
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(super::args::bytes_to_string(&out))
}

#[derive(Default)]
struct Url {
    scheme: String,
    opaque: String,
    user: Option<String>,
    host: String,
    path: String,
    raw_query: String,
    fragment: String,
}

fn parse(raw: &str) -> Result<Url, String> {
    let mut u = Url::default();
    let (rest, frag) = match raw.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (raw, None),
    };
    if let Some(f) = frag {
        u.fragment =
            unescape(f).map_err(|e| format!("parse {}: {e}", super::args::go_quote(raw)))?;
    }
    let mut rest = rest.to_string();
    // scheme
    if let Some(p) = rest.find(':') {
        let cand = &rest[..p];
        let valid = !cand.is_empty()
            && cand.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && cand
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if valid {
            u.scheme = cand.to_ascii_lowercase();
            rest = rest[p + 1..].to_string();
        } else if p == 0 {
            return Err(format!(
                "parse {}: missing protocol scheme",
                super::args::go_quote(raw)
            ));
        }
    }
    if let Some((r, q)) = rest.split_once('?') {
        u.raw_query = q.to_string();
        rest = r.to_string();
    }
    if !rest.starts_with('/') && !u.scheme.is_empty() {
        u.opaque = rest;
        return Ok(u);
    }
    if rest.starts_with("//") && !rest.starts_with("///") {
        let auth_end = rest[2..].find('/').map(|i| i + 2).unwrap_or(rest.len());
        let authority = rest[2..auth_end].to_string();
        rest = rest[auth_end..].to_string();
        let host = match authority.rfind('@') {
            Some(i) => {
                u.user = Some(authority[..i].to_string());
                authority[i + 1..].to_string()
            }
            None => authority,
        };
        u.host =
            unescape(&host).map_err(|e| format!("parse {}: {e}", super::args::go_quote(raw)))?;
    }
    u.path = unescape(&rest).map_err(|e| format!("parse {}: {e}", super::args::go_quote(raw)))?;
    Ok(u)
}

fn hostname(host: &str) -> String {
    if let Some(h) = host.strip_prefix('[') {
        return h.split(']').next().unwrap_or("").to_string();
    }
    match host.rfind(':') {
        Some(i) => host[..i].to_string(),
        None => host.to_string(),
    }
}

fn url_parse(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("urlParse", a, 1)?;
    let u = parse(s(a, 0)?).map_err(|e| FuncError::new(format!("unable to parse url: {e}")))?;
    let mut m = BTreeMap::new();
    m.insert("scheme".to_string(), Value::str(&u.scheme));
    m.insert("host".to_string(), Value::str(&u.host));
    m.insert("hostname".to_string(), Value::str(hostname(&u.host)));
    m.insert("path".to_string(), Value::str(&u.path));
    m.insert("query".to_string(), Value::str(&u.raw_query));
    m.insert("opaque".to_string(), Value::str(&u.opaque));
    m.insert("fragment".to_string(), Value::str(&u.fragment));
    m.insert(
        "userinfo".to_string(),
        Value::str(u.user.clone().unwrap_or_default()),
    );
    Ok(Value::from(m))
}

fn escape(st: &str, keep: &str) -> String {
    let mut out = String::new();
    for b in st.bytes() {
        let c = b as char;
        if c.is_ascii_alphanumeric() || "-_.~".contains(c) || keep.contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn url_join(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("urlJoin", a, 1)?;
    let d = map(a, 0)?;
    let d = d.borrow();
    let get = |k: &str| -> Result<String, FuncError> {
        match d.get(k) {
            None => Ok(String::new()),
            Some(Value::Str(st)) => Ok(st.to_string()),
            Some(Value::Nil) => Err(FuncError::new(super::args::NIL_DEREF)),
            Some(v) => Err(FuncError::new(format!(
                "unable to parse {k} key, must be of type string, but {} found",
                v.kind_name()
            ))),
        }
    };
    let (scheme, host, path, query, opaque, fragment, userinfo) = (
        get("scheme")?,
        get("host")?,
        get("path")?,
        get("query")?,
        get("opaque")?,
        get("fragment")?,
        get("userinfo")?,
    );
    let mut out = String::new();
    if !scheme.is_empty() {
        out.push_str(&scheme);
        out.push(':');
    }
    if !opaque.is_empty() {
        out.push_str(&opaque);
    } else {
        if !scheme.is_empty() || !host.is_empty() || !userinfo.is_empty() {
            if !host.is_empty() || !path.is_empty() || !userinfo.is_empty() {
                out.push_str("//");
            }
            if !userinfo.is_empty() {
                out.push_str(&userinfo);
                out.push('@');
            }
            out.push_str(&escape(&host, "!$&'()*+,;=:[]<>\""));
        }
        let p = escape(&path, "$&+,/:;=@!'()*");
        if !p.is_empty() && !p.starts_with('/') && !host.is_empty() {
            out.push('/');
        }
        if out.is_empty() && p.split('/').next().is_some_and(|seg| seg.contains(':')) {
            out.push_str("./");
        }
        out.push_str(&p);
    }
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(&escape(&fragment, "$&+,/:;=@!'()*?"));
    }
    Ok(Value::str(out))
}
