//! Sprig's `derivePassword` (the Master Password algorithm: scrypt N=32768 r=8 p=2 of the
//! password salted with the user, HMAC-SHA256 of the site, then a character template)
//! and `encryptAES`/`decryptAES` (AES-256-CBC, zero-padded key, PKCS#7, IV first, base64).

use super::args::{R, nargs, s};
use super::encoding::{b64_decode, b64_encode};
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use sha2::{Digest, Sha256};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("derivePassword", derive_password);
    m.insert("encryptAES", encrypt_aes);
    m.insert("decryptAES", decrypt_aes);
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut k = [0u8; 64];
    if key.len() > 64 {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(k.map(|b| b ^ 0x36));
    inner.update(data);
    let mut outer = Sha256::new();
    outer.update(k.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

fn pbkdf2_sha256(password: &[u8], salt: &[u8], out: &mut [u8]) {
    for (i, chunk) in out.chunks_mut(32).enumerate() {
        let mut s = salt.to_vec();
        s.extend_from_slice(&(i as u32 + 1).to_be_bytes());
        // One iteration, as scrypt uses it.
        let u = hmac_sha256(password, &s);
        chunk.copy_from_slice(&u[..chunk.len()]);
    }
}

fn salsa20_8(b: &mut [u32; 16]) {
    let mut x = *b;
    for _ in 0..4 {
        macro_rules! qr {
            ($a:expr, $b:expr, $c:expr, $d:expr) => {
                x[$b] ^= x[$a].wrapping_add(x[$d]).rotate_left(7);
                x[$c] ^= x[$b].wrapping_add(x[$a]).rotate_left(9);
                x[$d] ^= x[$c].wrapping_add(x[$b]).rotate_left(13);
                x[$a] ^= x[$d].wrapping_add(x[$c]).rotate_left(18);
            };
        }
        qr!(0, 4, 8, 12);
        qr!(5, 9, 13, 1);
        qr!(10, 14, 2, 6);
        qr!(15, 3, 7, 11);
        qr!(0, 1, 2, 3);
        qr!(5, 6, 7, 4);
        qr!(10, 11, 8, 9);
        qr!(15, 12, 13, 14);
    }
    for i in 0..16 {
        b[i] = b[i].wrapping_add(x[i]);
    }
}

/// scrypt `BlockMix` over 2r 64-byte blocks (as u32 words).
fn block_mix(b: &[u32], out: &mut [u32], r: usize) {
    let mut x = [0u32; 16];
    x.copy_from_slice(&b[(2 * r - 1) * 16..2 * r * 16]);
    for i in 0..2 * r {
        for j in 0..16 {
            x[j] ^= b[i * 16 + j];
        }
        salsa20_8(&mut x);
        // Even blocks first, then odd ones.
        let pos = if i % 2 == 0 { i / 2 } else { r + i / 2 };
        out[pos * 16..pos * 16 + 16].copy_from_slice(&x);
    }
}

fn scrypt(password: &[u8], salt: &[u8], n: usize, r: usize, p: usize, len: usize) -> Vec<u8> {
    let block = 128 * r;
    let mut b = vec![0u8; p * block];
    pbkdf2_sha256(password, salt, &mut b);
    let words = 32 * r;
    let mut v = vec![0u32; n * words];
    let mut x = vec![0u32; words];
    let mut y = vec![0u32; words];
    for chunk in b.chunks_mut(block) {
        for (i, w) in x.iter_mut().enumerate() {
            *w = u32::from_le_bytes([
                chunk[4 * i],
                chunk[4 * i + 1],
                chunk[4 * i + 2],
                chunk[4 * i + 3],
            ]);
        }
        for i in 0..n {
            v[i * words..(i + 1) * words].copy_from_slice(&x);
            block_mix(&x, &mut y, r);
            std::mem::swap(&mut x, &mut y);
        }
        for _ in 0..n {
            let j = (x[(2 * r - 1) * 16] as usize) & (n - 1);
            for k in 0..words {
                x[k] ^= v[j * words + k];
            }
            block_mix(&x, &mut y, r);
            std::mem::swap(&mut x, &mut y);
        }
        for (i, w) in x.iter().enumerate() {
            chunk[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
    }
    let mut out = vec![0u8; len];
    pbkdf2_sha256(password, &b, &mut out);
    out
}

const SEED: &str = "com.lyndir.masterpassword";

fn templates(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "maximum" => &["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" => &[
            "CvcvnoCvcvCvcv",
            "CvcvCvcvnoCvcv",
            "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv",
            "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv",
            "CvcvCvccCvcvno",
            "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno",
            "CvccnoCvccCvcv",
            "CvccCvccnoCvcv",
            "CvccCvccCvcvno",
            "CvcvnoCvccCvcc",
            "CvcvCvccnoCvcc",
            "CvcvCvccCvccno",
            "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => &["CvcnoCvc", "CvcCvcno"],
        "short" => &["Cvcn"],
        "basic" => &["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => &["nnnn"],
        _ => return None,
    })
}

fn template_chars(c: u8) -> &'static [u8] {
    match c {
        b'V' => b"AEIOU",
        b'C' => b"BCDFGHJKLMNPQRSTVWXYZ",
        b'v' => b"aeiou",
        b'c' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        b'a' => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        b'n' => b"0123456789",
        b'o' => b"@&%?,=[]_:-+*$#!'^~;()/.",
        _ => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    }
}

/// The Master Password algorithm with Sprig's parameters.
pub fn master_password(counter: u32, kind: &str, password: &str, user: &str, site: &str) -> String {
    let Some(tpls) = templates(kind) else {
        return format!("cannot find password template {kind}");
    };
    let mut salt = SEED.as_bytes().to_vec();
    salt.extend_from_slice(&(user.len() as u32).to_be_bytes());
    salt.extend_from_slice(user.as_bytes());
    let key = scrypt(password.as_bytes(), &salt, 32768, 8, 2, 64);
    let mut msg = SEED.as_bytes().to_vec();
    msg.extend_from_slice(&(site.len() as u32).to_be_bytes());
    msg.extend_from_slice(site.as_bytes());
    msg.extend_from_slice(&counter.to_be_bytes());
    let seed = hmac_sha256(&key, &msg);
    let tpl = tpls[seed[0] as usize % tpls.len()];
    tpl.bytes()
        .enumerate()
        .map(|(i, c)| {
            let chars = template_chars(c);
            chars[seed[i + 1] as usize % chars.len()] as char
        })
        .collect()
}

fn derive_password(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("derivePassword", a, 5)?;
    let counter = match &a[0] {
        Value::Int(n) if (0..=u32::MAX as i64).contains(n) => *n as u32,
        other => return Err(super::args::wrong_type("uint32", other)),
    };
    let (kind, password, user, site) = (s(a, 1)?, s(a, 2)?, s(a, 3)?, s(a, 4)?);
    Ok(Value::str(master_password(
        counter, kind, password, user, site,
    )))
}

fn aes_key(password: &str) -> aes::Aes256 {
    let mut key = [0u8; 32];
    let p = password.as_bytes();
    let n = p.len().min(32);
    key[..n].copy_from_slice(&p[..n]);
    aes::Aes256::new(&key.into())
}

fn encrypt_aes(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("encryptAES", a, 2)?;
    let (password, plain) = (s(a, 0)?, s(a, 1)?);
    if plain.is_empty() {
        return Ok(Value::str(""));
    }
    let cipher = aes_key(password);
    let mut content = plain.as_bytes().to_vec();
    let pad = 16 - content.len() % 16;
    content.extend(std::iter::repeat_n(pad as u8, pad));
    let mut out = vec![0u8; 16];
    rand_core::RngCore::fill_bytes(&mut super::random::Rng, &mut out);
    let mut prev: [u8; 16] = out[..16].try_into().unwrap_or_default();
    for chunk in content.chunks(16) {
        let mut blk = [0u8; 16];
        for i in 0..16 {
            blk[i] = chunk[i] ^ prev[i];
        }
        let mut g = blk.into();
        cipher.encrypt_block(&mut g);
        prev = g.into();
        out.extend_from_slice(&prev);
    }
    Ok(Value::str(b64_encode(&out)))
}

fn decrypt_aes(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("decryptAES", a, 2)?;
    let (password, crypt64) = (s(a, 0)?, s(a, 1)?);
    if crypt64.is_empty() {
        return Ok(Value::str(""));
    }
    let crypt = b64_decode(crypt64.as_bytes())
        .map_err(|p| FuncError::new(format!("illegal base64 data at input byte {p}")))?;
    if crypt.len() < 16 {
        return Err(FuncError::new(format!(
            "runtime error: slice bounds out of range [:16] with capacity {}",
            crypt64.len() / 4 * 3
        )));
    }
    let (iv, body) = crypt.split_at(16);
    if body.len() % 16 != 0 {
        return Err(FuncError::new("crypto/cipher: input not full blocks"));
    }
    if body.is_empty() {
        return Err(FuncError::new("runtime error: index out of range [-1]"));
    }
    let cipher = aes_key(password);
    let mut prev: [u8; 16] = iv.try_into().unwrap_or_default();
    let mut out = Vec::with_capacity(body.len());
    for chunk in body.chunks(16) {
        let mut g = <[u8; 16]>::try_from(chunk).unwrap_or_default().into();
        cipher.decrypt_block(&mut g);
        let d: [u8; 16] = g.into();
        for i in 0..16 {
            out.push(d[i] ^ prev[i]);
        }
        prev.copy_from_slice(chunk);
    }
    let pad = *out.last().unwrap_or(&0) as usize;
    let len = out.len();
    if pad > len {
        return Err(FuncError::new(format!(
            "runtime error: slice bounds out of range [:{}]",
            len as i64 - pad as i64
        )));
    }
    Ok(Value::str(super::args::bytes_to_string(&out[..len - pad])))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7914 test vector 1 (N=16, r=1, p=1).
    #[test]
    fn scrypt_rfc7914_small() {
        let k = scrypt(b"", b"", 16, 1, 1, 64);
        assert_eq!(
            hex::encode(k),
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        );
    }

    /// RFC 7914 test vector 2 (N=1024, r=8, p=16); a few seconds without optimisation.
    #[test]
    fn scrypt_rfc7914() {
        let k = scrypt(b"password", b"NaCl", 1024, 8, 16, 64);
        assert_eq!(
            hex::encode(k),
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
        );
    }

    /// Answers of the reference Helm (`derivePassword 1 KIND "password" "user" "example.com"`);
    /// about ten seconds without optimisation (scrypt N=32768).
    #[test]
    fn master_password_matches_helm() {
        for (kind, want) in [
            ("long", "ZedaFaxcZaso9*"),
            ("maximum", "pf4zS1LjCg&LjhsZ7T2~"),
            ("medium", "ZedJuz8$"),
            ("short", "Zed5"),
            ("basic", "pIS54PLs"),
            ("pin", "6685"),
        ] {
            assert_eq!(
                master_password(1, kind, "password", "user", "example.com"),
                want,
                "{kind}"
            );
        }
        assert_eq!(
            master_password(7, "long", "é pass", "", "site"),
            "RozeFucpXelu4)"
        );
        assert_eq!(
            master_password(1, "nope", "p", "u", "s"),
            "cannot find password template nope"
        );
    }
}
