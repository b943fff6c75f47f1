//! Random functions (`randAlphaNum`, `randInt`, `uuidv4`, `shuffle`, `randBytes`, …).
//! Their output cannot match Helm's byte for byte; a renderer may call [`seed`] to make
//! them reproducible.

use super::args::{R, int, nargs, s};
use super::encoding::b64_encode;
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use std::cell::Cell;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("randAlphaNum", rand_alpha_num);
    m.insert("randAlpha", rand_alpha);
    m.insert("randAscii", rand_ascii);
    m.insert("randNumeric", rand_numeric);
    m.insert("randInt", rand_int);
    m.insert("randBytes", rand_bytes);
    m.insert("uuidv4", uuidv4);
    m.insert("shuffle", shuffle);
}

thread_local! {
    static STATE: Cell<u64> = Cell::new({
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9E37_79B9_7F4A_7C15);
        t | 1
    });
}

/// Make the random functions of this thread deterministic.
pub fn seed(n: u64) {
    STATE.with(|s| s.set(n | 1));
}

/// splitmix64 step.
pub fn next_u64() -> u64 {
    STATE.with(|s| {
        let mut z = s.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        s.set(z);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    })
}

fn below(n: u64) -> u64 {
    next_u64() % n.max(1)
}

fn rand_from(name: &str, a: &[Value], set: &[u8]) -> R {
    nargs(name, a, 1)?;
    let n = int(a, 0)?;
    if n <= 0 {
        return Ok(Value::str(""));
    }
    if n > 1 << 30 {
        return Err(FuncError::new("runtime error: makeslice: len out of range"));
    }
    let out: String = (0..n)
        .map(|_| set[below(set.len() as u64) as usize] as char)
        .collect();
    Ok(Value::str(out))
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn rand_alpha_num(_: &mut dyn Host, a: &[Value]) -> R {
    rand_from("randAlphaNum", a, ALNUM)
}

fn rand_alpha(_: &mut dyn Host, a: &[Value]) -> R {
    rand_from("randAlpha", a, &ALNUM[..52])
}

fn rand_numeric(_: &mut dyn Host, a: &[Value]) -> R {
    rand_from("randNumeric", a, &ALNUM[52..])
}

fn rand_ascii(_: &mut dyn Host, a: &[Value]) -> R {
    let set: Vec<u8> = (32u8..=126).collect();
    rand_from("randAscii", a, &set)
}

fn rand_int(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("randInt", a, 2)?;
    let (min, max) = (int(a, 0)?, int(a, 1)?);
    let n = max.wrapping_sub(min);
    if n <= 0 {
        return Err(FuncError::new("invalid argument to Intn"));
    }
    Ok(Value::Int(min.wrapping_add(below(n as u64) as i64)))
}

fn rand_bytes(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("randBytes", a, 1)?;
    let n = int(a, 0)?.max(0) as usize;
    if n > 1 << 30 {
        return Err(FuncError::new("runtime error: makeslice: len out of range"));
    }
    let b: Vec<u8> = (0..n).map(|_| next_u64() as u8).collect();
    Ok(Value::str(b64_encode(&b)))
}

fn uuidv4(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("uuidv4", a, 0)?;
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&next_u64().to_le_bytes());
    b[8..].copy_from_slice(&next_u64().to_le_bytes());
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    Ok(Value::str(format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )))
}

fn shuffle(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("shuffle", a, 1)?;
    let mut c: Vec<char> = s(a, 0)?.chars().collect();
    for i in (1..c.len()).rev() {
        let j = below(i as u64 + 1) as usize;
        c.swap(i, j);
    }
    Ok(Value::str(c.into_iter().collect::<String>()))
}
