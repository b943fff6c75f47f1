//! Sprig's hash functions (`crypto.go`): hex digests and the Adler-32 checksum.
//! `bcrypt`/`htpasswd` use Go's `$2a$` format with cost 10; certificates live in `certs`.
//! `derivePassword` and the AES functions live in `derive`.

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncMap, Host, Value};
use sha1::Digest as _;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("sha1sum", sha1sum);
    m.insert("sha256sum", sha256sum);
    m.insert("sha512sum", sha512sum);
    m.insert("adler32sum", adler32sum);
    m.insert("bcrypt", bcrypt_fn);
    m.insert("htpasswd", htpasswd);
}

/// Go's `bcrypt.GenerateFromPassword(input, 10)` (`$2a$10$…`), errors as Sprig words them.
fn bcrypt_hash(input: &str) -> String {
    if input.len() > 72 {
        return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
            .into();
    }
    let mut salt = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut super::random::Rng, &mut salt);
    match bcrypt::hash_with_salt(input, 10, salt) {
        Ok(h) => h.format_for_version(bcrypt::Version::TwoA),
        Err(e) => format!("failed to encrypt string with bcrypt: {e}"),
    }
}

fn bcrypt_fn(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("bcrypt", a, 1)?;
    Ok(Value::str(bcrypt_hash(s(a, 0)?)))
}

fn htpasswd(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("htpasswd", a, 2)?;
    let (user, pass) = (s(a, 0)?, s(a, 1)?);
    if user.contains(':') {
        return Ok(Value::str(format!("invalid username: {user}")));
    }
    Ok(Value::str(format!("{user}:{}", bcrypt_hash(pass))))
}

fn sha1sum(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("sha1sum", a, 1)?;
    Ok(Value::str(hex::encode(sha1::Sha1::digest(
        s(a, 0)?.as_bytes(),
    ))))
}

fn sha256sum(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("sha256sum", a, 1)?;
    Ok(Value::str(hex::encode(sha2::Sha256::digest(
        s(a, 0)?.as_bytes(),
    ))))
}

fn sha512sum(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("sha512sum", a, 1)?;
    Ok(Value::str(hex::encode(sha2::Sha512::digest(
        s(a, 0)?.as_bytes(),
    ))))
}

/// Adler-32 of the bytes.
pub fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for x in chunk {
            a += *x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    b << 16 | a
}

fn adler32sum(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("adler32sum", a, 1)?;
    Ok(Value::str(adler32(s(a, 0)?.as_bytes()).to_string()))
}
