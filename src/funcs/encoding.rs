//! Base64 and base32 as Sprig does them (`strings.go`): Go's `StdEncoding`, and on bad
//! input the decoder's error text as the result.

use super::args::{R, bytes_to_string, nargs, s};
use crate::gotmpl::{FuncMap, Host, Value};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("b64enc", b64enc);
    m.insert("b64dec", b64dec);
    m.insert("b32enc", b32enc);
    m.insert("b32dec", b32dec);
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Go's `base64.StdEncoding.EncodeToString`.
pub fn b64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(v >> 18) as usize & 63] as char);
        out.push(B64[(v >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            B64[(v >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            B64[v as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

fn b64_val(c: u8) -> Option<u8> {
    B64.iter().position(|x| *x == c).map(|p| p as u8)
}

/// Go's `base64.StdEncoding.DecodeString`; `Err(offset)` as its `CorruptInputError`.
pub fn b64_decode(src: &[u8]) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0usize;
    loop {
        let mut dbuf = [0u8; 4];
        let mut dlen = 4;
        let mut j = 0usize;
        let mut trailing: Option<usize> = None;
        let mut finished = false;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return Ok(out);
                }
                return Err(si - j);
            }
            let c = src[si];
            si += 1;
            if let Some(v) = b64_val(c) {
                dbuf[j] = v;
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if c != b'=' {
                return Err(si - 1);
            }
            match j {
                0 | 1 => return Err(si - 1),
                2 => {
                    while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                        si += 1;
                    }
                    if si == src.len() {
                        return Err(src.len());
                    }
                    if src[si] != b'=' {
                        return Err(si - 1);
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                si += 1;
            }
            if si < src.len() {
                trailing = Some(si);
            }
            dlen = j;
            finished = true;
            break;
        }
        let val = (dbuf[0] as u32) << 18
            | (dbuf[1] as u32) << 12
            | (dbuf[2] as u32) << 6
            | dbuf[3] as u32;
        let bytes = [(val >> 16) as u8, (val >> 8) as u8, val as u8];
        out.extend_from_slice(&bytes[..dlen - 1]);
        if let Some(p) = trailing {
            return Err(p);
        }
        if finished {
            return Ok(out);
        }
    }
}

/// Go's `base32.StdEncoding.EncodeToString`.
pub fn b32_encode(data: &[u8]) -> String {
    let mut out = String::new();
    for chunk in data.chunks(5) {
        let mut b = [0u8; 5];
        b[..chunk.len()].copy_from_slice(chunk);
        let v = b.iter().fold(0u64, |acc, x| acc << 8 | *x as u64);
        let nchars = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for i in 0..8 {
            if i < nchars {
                out.push(B32[((v >> (35 - 5 * i)) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base32.StdEncoding.DecodeString` (newlines removed first).
pub fn b32_decode(input: &[u8]) -> Result<Vec<u8>, usize> {
    let src: Vec<u8> = input
        .iter()
        .copied()
        .filter(|c| *c != b'\n' && *c != b'\r')
        .collect();
    let olen = src.len();
    let mut rest: &[u8] = &src;
    let mut out = Vec::new();
    let mut end = false;
    while !rest.is_empty() && !end {
        let mut dbuf = [0u8; 8];
        let mut dlen = 8;
        let mut j = 0;
        while j < 8 {
            if rest.is_empty() {
                return Err(olen - j);
            }
            let c = rest[0];
            rest = &rest[1..];
            if c == b'=' && j >= 2 && rest.len() < 8 {
                if rest.len() + j < 7 {
                    return Err(olen);
                }
                for k in 0..(7 - j) {
                    if rest.len() > k && rest[k] != b'=' {
                        return Err(olen - rest.len() + k - 1);
                    }
                }
                dlen = j;
                end = true;
                if dlen == 1 || dlen == 3 || dlen == 6 {
                    return Err(olen - rest.len() - 1);
                }
                break;
            }
            match B32.iter().position(|x| *x == c) {
                Some(p) => dbuf[j] = p as u8,
                None => return Err(olen - rest.len() - 1),
            }
            j += 1;
        }
        let v = dbuf.iter().fold(0u64, |acc, x| acc << 5 | *x as u64);
        let bytes = [
            (v >> 32) as u8,
            (v >> 24) as u8,
            (v >> 16) as u8,
            (v >> 8) as u8,
            v as u8,
        ];
        let n = match dlen {
            8 => 5,
            7 => 4,
            5 => 3,
            4 => 2,
            2 => 1,
            _ => 0,
        };
        out.extend_from_slice(&bytes[..n]);
    }
    Ok(out)
}

fn b64enc(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("b64enc", a, 1)?;
    Ok(Value::str(b64_encode(s(a, 0)?.as_bytes())))
}

fn b64dec(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("b64dec", a, 1)?;
    Ok(Value::str(match b64_decode(s(a, 0)?.as_bytes()) {
        Ok(d) => bytes_to_string(&d),
        Err(p) => format!("illegal base64 data at input byte {p}"),
    }))
}

fn b32enc(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("b32enc", a, 1)?;
    Ok(Value::str(b32_encode(s(a, 0)?.as_bytes())))
}

fn b32dec(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("b32dec", a, 1)?;
    Ok(Value::str(match b32_decode(s(a, 0)?.as_bytes()) {
        Ok(d) => bytes_to_string(&d),
        Err(p) => format!("illegal base32 data at input byte {p}"),
    }))
}
