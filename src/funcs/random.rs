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

thread_local! {
    static SEEDED: Cell<bool> = const { Cell::new(false) };
    static FIXED_NOW: Cell<Option<i64>> = const { Cell::new(None) };
}

/// Make the random functions of this thread deterministic (`kiln render` seeds them
/// from the release's identity so that a re-render changes nothing). Keys, certificate
/// serials and bcrypt salts then come from the same seeded stream.
pub fn seed(n: u64) {
    STATE.with(|s| s.set(n | 1));
    SEEDED.with(|s| s.set(true));
}

/// Back to unpredictable randomness and the real clock for this thread.
pub fn unseed() {
    SEEDED.with(|s| s.set(false));
    FIXED_NOW.with(|s| s.set(None));
}

/// Whether [`seed`] is in force on this thread.
pub fn is_seeded() -> bool {
    SEEDED.with(Cell::get)
}

/// Fix the clock (`now`, certificate validity) of this thread at `secs` since the epoch.
pub fn fix_now(secs: Option<i64>) {
    FIXED_NOW.with(|s| s.set(secs));
}

/// Seconds and nanoseconds since the epoch: the fixed clock if set, else the real one.
pub fn now() -> (i64, u32) {
    crate::gotmpl::value::effects::note_impure();
    if let Some(s) = FIXED_NOW.with(Cell::get) {
        return (s, 0);
    }
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, d.subsec_nanos())
}

/// The random source of key and certificate generation: the operating system's, or the
/// seeded stream after [`seed`] (deterministic output, for committed trees).
pub struct Rng;

impl rand_core::RngCore for Rng {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        if is_seeded() {
            next_u64()
        } else {
            count_draw();
            rand_core::OsRng.next_u64()
        }
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        count_draw();
        if is_seeded() {
            for chunk in dest.chunks_mut(8) {
                let b = next_u64().to_le_bytes();
                chunk.copy_from_slice(&b[..chunk.len()]);
            }
        } else {
            rand_core::OsRng.fill_bytes(dest)
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

// Deterministic keys are wanted only for trees that are committed in the open anyway.
impl rand_core::CryptoRng for Rng {}

thread_local! {
    static DRAWS: Cell<u64> = const { Cell::new(0) };
}

/// Count a draw, and tell the executor that the template calling us is not pure (also
/// for draws made elsewhere: keys from the operating system's randomness).
pub(super) fn count_draw() {
    DRAWS.with(|d| d.set(d.get() + 1));
    crate::gotmpl::value::effects::note_impure();
}

/// How many random draws this thread made since the last call (and reset the count):
/// a render uses it to tell that a chart generated values.
pub fn take_draws() -> u64 {
    DRAWS.with(|d| d.replace(0))
}

/// splitmix64 step.
pub fn next_u64() -> u64 {
    count_draw();
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
