//! Sprig's certificate functions (`genCA`, `genSelfSignedCert`, `genSignedCert`, their
//! `…WithKey` variants, `buildCustomCert`) and `genPrivateKey` for RSA: RSA keys from the
//! OS random source, X.509 v3 certificates DER-encoded as Go's `x509.CreateCertificate`
//! lays them out (SHA-256 with RSA, key usage, extended key usage, basic constraints,
//! key identifiers, subject alternative names), PEM as Go's `pem.Encode` writes it.

use super::args::{R, int, nargs, s};
use super::encoding::{b64_decode, b64_encode};
use crate::gotmpl::{FuncError, FuncMap, Host, Object, Value};
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::{Pkcs1v15Sign, RsaPrivateKey};
use sha1::Digest as _;
use std::collections::BTreeMap;
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("genCA", gen_ca);
    m.insert("genCAWithKey", gen_ca_with_key);
    m.insert("genSelfSignedCert", gen_self_signed);
    m.insert("genSelfSignedCertWithKey", gen_self_signed_with_key);
    m.insert("genSignedCert", gen_signed);
    m.insert("genSignedCertWithKey", gen_signed_with_key);
    m.insert("buildCustomCert", build_custom_cert);
    m.insert("genPrivateKey", gen_private_key);
}

/// Sprig's `certificate` struct: `.Cert` and `.Key` PEM strings.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub cert: String,
    pub key: String,
}

impl Object for Certificate {
    fn type_name(&self) -> String {
        "sprig.certificate".into()
    }
    fn get(&self, name: &str, _args: &[Value]) -> Option<Result<Value, FuncError>> {
        match name {
            "Cert" => Some(Ok(Value::str(&self.cert))),
            "Key" => Some(Ok(Value::str(&self.key))),
            _ => None,
        }
    }
    fn format(&self) -> String {
        format!("{{{} {}}}", self.cert, self.key)
    }
    fn to_plain(&self) -> Value {
        let mut m = BTreeMap::new();
        m.insert("Cert".to_string(), Value::str(&self.cert));
        m.insert("Key".to_string(), Value::str(&self.key));
        Value::from(m)
    }
    fn kind(&self) -> &'static str {
        "struct"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ---- DER ----

fn der_len(out: &mut Vec<u8>, n: usize) {
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes: Vec<u8> = n
            .to_be_bytes()
            .iter()
            .copied()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    der_len(&mut out, content.len());
    out.extend_from_slice(content);
    out
}

fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

fn oid(arcs: &[u64]) -> Vec<u8> {
    let mut body = vec![(arcs[0] * 40 + arcs[1]) as u8];
    for &a in &arcs[2..] {
        let mut tmp = vec![(a & 0x7f) as u8];
        let mut v = a >> 7;
        while v > 0 {
            tmp.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        tmp.reverse();
        body.extend(tmp);
    }
    tlv(0x06, &body)
}

/// A non-negative INTEGER from big-endian magnitude bytes.
fn uint(bytes: &[u8]) -> Vec<u8> {
    let mut b: Vec<u8> = bytes.iter().copied().skip_while(|x| *x == 0).collect();
    if b.is_empty() || b[0] & 0x80 != 0 {
        b.insert(0, 0);
    }
    tlv(0x02, &b)
}

fn bit_string(bytes: &[u8], unused: u8) -> Vec<u8> {
    let mut c = vec![unused];
    c.extend_from_slice(bytes);
    tlv(0x03, &c)
}

fn null() -> Vec<u8> {
    vec![0x05, 0x00]
}

fn boolean(b: bool) -> Vec<u8> {
    vec![0x01, 0x01, if b { 0xff } else { 0x00 }]
}

fn is_printable(st: &str) -> bool {
    st.chars()
        .all(|c| c.is_ascii_alphanumeric() || " '()+,-./:=?".contains(c))
}

/// A pkix.Name with only a common name (empty when `cn` is empty).
fn name(cn: &str) -> Vec<u8> {
    if cn.is_empty() {
        return seq(&[]);
    }
    let tag = if is_printable(cn) { 0x13 } else { 0x0c };
    let atv = seq(&[oid(&[2, 5, 4, 3]), tlv(tag, cn.as_bytes())]);
    seq(&[tlv(0x31, &atv)])
}

fn time(secs: i64) -> Vec<u8> {
    let dt = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    let year = chrono::Datelike::year(&dt);
    if (1950..2050).contains(&year) {
        tlv(0x17, dt.format("%y%m%d%H%M%SZ").to_string().as_bytes())
    } else {
        tlv(0x18, dt.format("%Y%m%d%H%M%SZ").to_string().as_bytes())
    }
}

fn extension(id: &[u64], critical: bool, value: Vec<u8>) -> Vec<u8> {
    let mut parts = vec![oid(id)];
    if critical {
        parts.push(boolean(true));
    }
    parts.push(tlv(0x04, &value));
    seq(&parts)
}

/// Go's `pem.Encode`.
fn pem(kind: &str, der: &[u8]) -> String {
    let b = b64_encode(der);
    let mut out = format!("-----BEGIN {kind}-----\n");
    for chunk in b.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or(""));
        out.push('\n');
    }
    out.push_str(&format!("-----END {kind}-----\n"));
    out
}

/// The first PEM block: (type, DER bytes).
fn pem_decode(text: &str) -> Option<(String, Vec<u8>)> {
    let start = text.find("-----BEGIN ")?;
    let rest = &text[start + 11..];
    let kind_end = rest.find("-----")?;
    let kind = rest[..kind_end].to_string();
    let body_start = kind_end + 5;
    let end_marker = format!("-----END {kind}-----");
    let end = rest.find(&end_marker)?;
    let body: String = rest[body_start..end]
        .lines()
        .filter(|l| !l.contains(':'))
        .flat_map(|l| l.trim().chars())
        .collect();
    Some((kind, b64_decode(body.as_bytes()).ok()?))
}

// ---- minimal DER reading (for a signer certificate given as PEM) ----

/// One DER element: (tag, content, whole element, rest of the input).
type Tlv<'a> = (u8, &'a [u8], &'a [u8], &'a [u8]);

/// Split one TLV off `d`.
fn read_tlv(d: &[u8]) -> Option<Tlv<'_>> {
    let tag = *d.first()?;
    let l0 = *d.get(1)? as usize;
    let (len, hdr) = if l0 < 0x80 {
        (l0, 2)
    } else {
        let n = l0 & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = len << 8 | *d.get(2 + i)? as usize;
        }
        (len, 2 + n)
    };
    let end = hdr.checked_add(len)?;
    if end > d.len() {
        return None;
    }
    Some((tag, &d[hdr..end], &d[..end], &d[end..]))
}

/// (subject Name DER, subject key identifier) of a certificate.
fn cert_subject_and_skid(der: &[u8]) -> Option<(Vec<u8>, Option<Vec<u8>>)> {
    let (_, cert, _, _) = read_tlv(der)?;
    let (_, tbs, _, _) = read_tlv(cert)?;
    let mut rest = tbs;
    let (tag, _, _, r) = read_tlv(rest)?;
    if tag == 0xa0 {
        rest = r; // version
    }
    let (_, _, _, r) = read_tlv(rest)?; // serial
    let (_, _, _, r) = read_tlv(r)?; // signature algorithm
    let (_, _, _, r) = read_tlv(r)?; // issuer
    let (_, _, _, r) = read_tlv(r)?; // validity
    let (_, _, subject, r) = read_tlv(r)?;
    let subject = subject.to_vec();
    let (_, _, _, mut r) = read_tlv(r)?; // subject public key info
    let skid_oid = oid(&[2, 5, 29, 14]);
    while let Some((tag, content, _, next)) = read_tlv(r) {
        if tag == 0xa3 {
            let (_, exts, _, _) = read_tlv(content)?;
            let mut e = exts;
            while let Some((_, ext, _, next_ext)) = read_tlv(e) {
                let (_, _, id, after_id) = read_tlv(ext)?;
                if id == skid_oid.as_slice() {
                    let mut v = after_id;
                    let (mut t, mut c, _, mut n) = read_tlv(v)?;
                    if t == 0x01 {
                        v = n;
                        (t, c, _, n) = read_tlv(v)?;
                    }
                    let _ = (t, n);
                    let (_, keyid, _, _) = read_tlv(c)?;
                    return Some((subject, Some(keyid.to_vec())));
                }
                e = next_ext;
            }
        }
        r = next;
    }
    Some((subject, None))
}

// ---- keys ----

fn new_rsa_key(bits: usize) -> Result<RsaPrivateKey, FuncError> {
    let err = |e: rsa::Error| FuncError::new(format!("error generating rsa key: {e}"));
    let rng = &mut super::random::Rng;
    loop {
        let pair = if super::random::is_seeded() {
            super::prime::random_prime_pair(bits / 2, rng)
        } else {
            super::random::count_draw();
            super::prime::os_random_prime_pair(bits / 2)
        };
        let Some((p, q)) = pair else {
            return RsaPrivateKey::new(rng, bits).map_err(err);
        };
        // FIPS 186-5: p and q at least 2^(bits/2 - 100) apart.
        let gap = if p > q { &p - &q } else { &q - &p };
        if gap.bits() <= bits / 2 - 100 {
            continue;
        }
        let e = rsa::BigUint::from(super::prime::E);
        return RsaPrivateKey::from_p_q(p, q, e).map_err(err);
    }
}

/// Sprig's `parsePrivateKeyPEM` for RSA keys (PKCS#1 or PKCS#8).
fn parse_key_pem(text: &str) -> Result<RsaPrivateKey, String> {
    let (kind, der) = pem_decode(text).ok_or_else(|| "no PEM data found".to_string())?;
    match kind.as_str() {
        "RSA PRIVATE KEY" => RsaPrivateKey::from_pkcs1_der(&der).map_err(|e| e.to_string()),
        "PRIVATE KEY" => RsaPrivateKey::from_pkcs8_der(&der).map_err(|e| e.to_string()),
        other => Err(format!("unsupported type: {other}")),
    }
}

fn key_pem(key: &RsaPrivateKey) -> Result<String, FuncError> {
    let der = key
        .to_pkcs1_der()
        .map_err(|e| FuncError::new(format!("error pem-encoding key: {e}")))?;
    Ok(pem("RSA PRIVATE KEY", der.as_bytes()))
}

// ---- certificates ----

struct Template {
    cn: String,
    ips: Vec<Vec<u8>>,
    dns: Vec<String>,
    days: i64,
    is_ca: bool,
}

/// Go's `net.ParseIP` (4-byte for IPv4, 16-byte for IPv6).
fn parse_ip(st: &str) -> Option<Vec<u8>> {
    match st.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(v4) => Some(v4.octets().to_vec()),
        std::net::IpAddr::V6(v6) => Some(v6.octets().to_vec()),
    }
}

fn list_param(a: &[Value], i: usize) -> Result<Vec<Value>, FuncError> {
    match &a[i] {
        Value::Nil => Ok(Vec::new()),
        Value::List(l) => Ok(l.as_ref().clone()),
        other => Err(super::args::wrong_type("[]interface {}", other)),
    }
}

fn template(cn: &str, ips: &[Value], dns: &[Value], days: i64) -> Result<Template, FuncError> {
    let mut ip_bytes = Vec::new();
    for ip in ips {
        let Value::Str(st) = ip else {
            return Err(FuncError::new(format!(
                "error parsing ip: {} is not a string",
                ip.to_go_string()
            )));
        };
        ip_bytes
            .push(parse_ip(st).ok_or_else(|| FuncError::new(format!("error parsing ip: {st}")))?);
    }
    let mut names = Vec::new();
    for d in dns {
        let Value::Str(st) = d else {
            return Err(FuncError::new(format!(
                "error processing alternate dns name: {} is not a string",
                d.to_go_string()
            )));
        };
        names.push(st.to_string());
    }
    Ok(Template {
        cn: cn.to_string(),
        ips: ip_bytes,
        dns: names,
        days,
        is_ca: false,
    })
}

/// The signer of a certificate: its subject, key identifier and key.
struct Signer<'a> {
    subject: Vec<u8>,
    skid: Option<Vec<u8>>,
    key: &'a RsaPrivateKey,
}

fn create(
    t: &Template,
    key: &RsaPrivateKey,
    signer: Option<&Signer>,
) -> Result<Certificate, FuncError> {
    let err = |e: String| FuncError::new(format!("error creating certificate: {e}"));
    let pub_der = key
        .to_public_key()
        .to_pkcs1_der()
        .map_err(|e| err(e.to_string()))?;
    let spki = seq(&[
        seq(&[oid(&[1, 2, 840, 113549, 1, 1, 1]), null()]),
        bit_string(pub_der.as_bytes(), 0),
    ]);
    let sig_alg = seq(&[oid(&[1, 2, 840, 113549, 1, 1, 11]), null()]);
    let mut serial = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut super::random::Rng, &mut serial);
    let now = super::random::now().0;
    let subject = name(&t.cn);
    let self_signed = signer.is_none();
    let issuer = signer
        .map(|s| s.subject.clone())
        .unwrap_or_else(|| subject.clone());

    let mut exts = Vec::new();
    // Key usage: digitalSignature | keyEncipherment (| keyCertSign for a CA).
    let ku = if t.is_ca {
        bit_string(&[0xa4], 2)
    } else {
        bit_string(&[0xa0], 5)
    };
    exts.push(extension(&[2, 5, 29, 15], true, ku));
    exts.push(extension(
        &[2, 5, 29, 37],
        false,
        seq(&[
            oid(&[1, 3, 6, 1, 5, 5, 7, 3, 1]),
            oid(&[1, 3, 6, 1, 5, 5, 7, 3, 2]),
        ]),
    ));
    let bc = if t.is_ca {
        seq(&[boolean(true)])
    } else {
        seq(&[])
    };
    exts.push(extension(&[2, 5, 29, 19], true, bc));
    let skid = if t.is_ca {
        Some(sha1::Sha1::digest(pub_der.as_bytes()).to_vec())
    } else {
        None
    };
    if let Some(id) = &skid {
        exts.push(extension(&[2, 5, 29, 14], false, tlv(0x04, id)));
    }
    if let Some(akid) = signer
        .and_then(|s| s.skid.clone())
        .filter(|_| !self_signed && issuer != subject)
    {
        exts.push(extension(&[2, 5, 29, 35], false, seq(&[tlv(0x80, &akid)])));
    }
    if !t.dns.is_empty() || !t.ips.is_empty() {
        let mut names = Vec::new();
        for d in &t.dns {
            names.push(tlv(0x82, d.as_bytes()));
        }
        for ip in &t.ips {
            names.push(tlv(0x87, ip));
        }
        exts.push(extension(&[2, 5, 29, 17], t.cn.is_empty(), seq(&names)));
    }

    let tbs = seq(&[
        tlv(0xa0, &uint(&[2])),
        uint(&serial),
        sig_alg.clone(),
        issuer,
        seq(&[
            time(now),
            time(now.saturating_add(t.days.saturating_mul(86400))),
        ]),
        subject,
        spki,
        tlv(0xa3, &seq(&exts)),
    ]);
    let signing_key = signer.map(|s| s.key).unwrap_or(key);
    let sig = sign(signing_key, &digest_info(&tbs)).map_err(|e| err(e.to_string()))?;
    let cert = seq(&[tbs, sig_alg, bit_string(&sig, 0)]);
    Ok(Certificate {
        cert: pem("CERTIFICATE", &cert),
        key: key_pem(key)?,
    })
}

/// The PKCS#1 v1.5 signature of a `DigestInfo` (what Go's `x509.CreateCertificate`
/// makes with an RSA key). Keys of two 1024- or 2048-bit primes take the fast path: the
/// CRT halves with the fixed-size Montgomery code, checked by raising the signature to
/// `e` again (as the `rsa` crate checks its own); the result is the same number, since
/// an RSA signature is a function of the key and the message. Other keys, and a check
/// that fails, go through the `rsa` crate.
fn sign(key: &RsaPrivateKey, digest_info: &[u8]) -> Result<Vec<u8>, rsa::Error> {
    match sign_fast(key, digest_info) {
        Some(sig) => Ok(sig),
        None => key.sign(Pkcs1v15Sign::new_unprefixed(), digest_info),
    }
}

/// [`sign`]'s fast path; `None` where it does not apply.
fn sign_fast(key: &RsaPrivateKey, digest_info: &[u8]) -> Option<Vec<u8>> {
    use rsa::traits::{PrivateKeyParts, PublicKeyParts};
    let size = key.size();
    let [p, q] = key.primes() else { return None };
    let (dp, dq) = (key.dp()?, key.dq()?);
    let qinv = key.qinv()?.to_biguint()?;
    // EM = 00 01 FF..FF 00 DigestInfo, at least 8 bytes of FF.
    if digest_info.len() + 11 > size {
        return None;
    }
    let mut em = vec![0xffu8; size];
    em[0] = 0;
    em[1] = 1;
    em[size - digest_info.len() - 1] = 0;
    em[size - digest_info.len()..].copy_from_slice(digest_info);
    let c = rsa::BigUint::from_bytes_be(&em);
    let m1 = super::prime::mod_pow(&c, dp, p)?;
    let m2 = super::prime::mod_pow(&c, dq, q)?;
    // s = m2 + q·(qinv·(m1 - m2) mod p)
    let diff = (&m1 + p - (&m2 % p)) % p;
    let s = &m2 + q * ((&qinv * diff) % p);
    if s.modpow(key.e(), key.n()) != c {
        return None;
    }
    let bytes = s.to_bytes_be();
    let mut out = vec![0u8; size.checked_sub(bytes.len())?];
    out.extend_from_slice(&bytes);
    Some(out)
}

/// PKCS#1 v1.5 `DigestInfo` of the SHA-256 of `data`.
fn digest_info(data: &[u8]) -> Vec<u8> {
    let mut out = vec![
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0x05, 0x00, 0x04, 0x20,
    ];
    out.extend_from_slice(&sha2::Sha256::digest(data));
    out
}

fn cert_value(c: Certificate) -> Value {
    Value::Object(Rc::new(c))
}

fn ca_imp(cn: &str, days: i64, key: RsaPrivateKey) -> R {
    let mut t = template(cn, &[], &[], days)?;
    t.is_ca = true;
    Ok(cert_value(create(&t, &key, None)?))
}

fn gen_ca(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genCA", a, 2)?;
    let (cn, days) = (s(a, 0)?, int(a, 1)?);
    ca_imp(cn, days, new_rsa_key(2048)?)
}

fn gen_ca_with_key(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genCAWithKey", a, 3)?;
    let (cn, days, key) = (s(a, 0)?, int(a, 1)?, s(a, 2)?);
    let key =
        parse_key_pem(key).map_err(|e| FuncError::new(format!("parsing private key: {e}")))?;
    ca_imp(cn, days, key)
}

fn self_signed_imp(a: &[Value], key: RsaPrivateKey) -> R {
    let cn = s(a, 0)?;
    let ips = list_param(a, 1)?;
    let dns = list_param(a, 2)?;
    let days = int(a, 3)?;
    let t = template(cn, &ips, &dns, days)?;
    Ok(cert_value(create(&t, &key, None)?))
}

fn gen_self_signed(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genSelfSignedCert", a, 4)?;
    self_signed_imp(a, new_rsa_key(2048)?)
}

fn gen_self_signed_with_key(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genSelfSignedCertWithKey", a, 5)?;
    let key =
        parse_key_pem(s(a, 4)?).map_err(|e| FuncError::new(format!("parsing private key: {e}")))?;
    self_signed_imp(a, key)
}

fn ca_param(a: &[Value], i: usize) -> Result<Certificate, FuncError> {
    match &a[i] {
        Value::Object(o) => o
            .as_any()
            .downcast_ref::<Certificate>()
            .cloned()
            .ok_or_else(|| super::args::wrong_type("sprig.certificate", &a[i])),
        other => Err(super::args::wrong_type("sprig.certificate", other)),
    }
}

fn signed_imp(a: &[Value], key: RsaPrivateKey) -> R {
    let cn = s(a, 0)?;
    let ips = list_param(a, 1)?;
    let dns = list_param(a, 2)?;
    let days = int(a, 3)?;
    let ca = ca_param(a, 4)?;
    let (_, ca_der) =
        pem_decode(&ca.cert).ok_or_else(|| FuncError::new("unable to decode certificate"))?;
    let (subject, skid) = cert_subject_and_skid(&ca_der).ok_or_else(|| {
        FuncError::new(
            "error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate",
        )
    })?;
    let ca_key = parse_key_pem(&ca.key)
        .map_err(|e| FuncError::new(format!("error parsing private key: {e}")))?;
    let t = template(cn, &ips, &dns, days)?;
    let signer = Signer {
        subject,
        skid,
        key: &ca_key,
    };
    Ok(cert_value(create(&t, &key, Some(&signer))?))
}

fn gen_signed(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genSignedCert", a, 5)?;
    // Check the arguments before spending time on a key.
    s(a, 0)?;
    list_param(a, 1)?;
    list_param(a, 2)?;
    int(a, 3)?;
    ca_param(a, 4)?;
    signed_imp(a, new_rsa_key(2048)?)
}

fn gen_signed_with_key(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genSignedCertWithKey", a, 6)?;
    let key =
        parse_key_pem(s(a, 5)?).map_err(|e| FuncError::new(format!("parsing private key: {e}")))?;
    signed_imp(a, key)
}

fn build_custom_cert(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("buildCustomCert", a, 2)?;
    let (b64cert, b64key) = (s(a, 0)?, s(a, 1)?);
    let cert = b64_decode(b64cert.as_bytes())
        .map_err(|_| FuncError::new("unable to decode base64 certificate"))?;
    let key = b64_decode(b64key.as_bytes())
        .map_err(|_| FuncError::new("unable to decode base64 private key"))?;
    let cert = String::from_utf8_lossy(&cert).into_owned();
    let key = String::from_utf8_lossy(&key).into_owned();
    let (_, der) =
        pem_decode(&cert).ok_or_else(|| FuncError::new("unable to decode certificate"))?;
    if cert_subject_and_skid(&der).is_none() {
        return Err(FuncError::new(
            "error parsing certificate: decodedCert.Bytes: x509: malformed certificate",
        ));
    }
    parse_key_pem(&key).map_err(|e| FuncError::new(format!("error parsing private key: {e}")))?;
    Ok(cert_value(Certificate { cert, key }))
}

fn gen_private_key(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("genPrivateKey", a, 1)?;
    match s(a, 0)? {
        "rsa" => Ok(Value::str(key_pem(&new_rsa_key(4096)?)?)),
        "ecdsa" | "dsa" | "ed25519" => Err(FuncError::new(
            "genPrivateKey: this key type is not implemented by kiln yet",
        )),
        _ => Ok(Value::str("Unknown type")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dummy;
    impl Host for Dummy {
        fn include(&mut self, _: &str, _: Value) -> Result<String, FuncError> {
            Err(FuncError::new("no include"))
        }
        fn tpl(&mut self, _: &str, _: Value) -> Result<String, FuncError> {
            Err(FuncError::new("no tpl"))
        }
    }

    #[test]
    fn ca_signs_a_certificate_that_names_it() {
        let ca = gen_ca(&mut Dummy, &[Value::str("my-ca"), Value::Int(365)]).expect("genCA");
        let Value::Object(o) = &ca else {
            panic!("not an object")
        };
        let c = o
            .as_any()
            .downcast_ref::<Certificate>()
            .expect("certificate");
        assert!(c.cert.starts_with("-----BEGIN CERTIFICATE-----\n"));
        assert!(c.key.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
        let (_, der) = pem_decode(&c.cert).expect("pem");
        let (subject, skid) = cert_subject_and_skid(&der).expect("parse");
        assert_eq!(subject, name("my-ca"));
        assert_eq!(skid.map(|k| k.len()), Some(20));
        let args = [
            Value::str("svc.example"),
            Value::from(vec![Value::str("10.0.0.1")]),
            Value::from(vec![Value::str("svc"), Value::str("svc.ns")]),
            Value::Int(30),
            ca.clone(),
        ];
        let leaf = gen_signed(&mut Dummy, &args).expect("genSignedCert");
        let Value::Object(l) = &leaf else {
            panic!("not an object")
        };
        let l = l
            .as_any()
            .downcast_ref::<Certificate>()
            .expect("certificate");
        let (_, der) = pem_decode(&l.cert).expect("pem");
        let (subject, skid) = cert_subject_and_skid(&der).expect("parse");
        assert_eq!(subject, name("svc.example"));
        assert!(skid.is_none());
        // The leaf's signature verifies with the CA's public key.
        let (_, cert, _, _) = read_tlv(&der).unwrap();
        let (_, _, tbs, rest) = read_tlv(cert).unwrap();
        let (_, _, _, rest) = read_tlv(rest).unwrap();
        let (_, sig, _, _) = read_tlv(rest).unwrap();
        let ca_key = parse_key_pem(&c.key).unwrap();
        ca_key
            .to_public_key()
            .verify(Pkcs1v15Sign::new_unprefixed(), &digest_info(tbs), &sig[1..])
            .expect("verifies");
        // Bad IPs are reported as Sprig reports them.
        let bad = [
            Value::str("x"),
            Value::from(vec![Value::str("nope")]),
            Value::Nil,
            Value::Int(1),
            ca,
        ];
        let e = gen_signed(&mut Dummy, &bad).unwrap_err();
        assert_eq!(e.msg, "error parsing ip: nope");
    }

    #[test]
    fn der_helpers() {
        assert_eq!(uint(&[0x80]), vec![0x02, 0x02, 0x00, 0x80]);
        assert_eq!(uint(&[0, 0, 5]), vec![0x02, 0x01, 0x05]);
        assert_eq!(oid(&[2, 5, 29, 15]), vec![0x06, 0x03, 0x55, 0x1d, 0x0f]);
        assert_eq!(
            oid(&[1, 2, 840, 113549]),
            vec![0x06, 0x06, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]
        );
        let long = vec![0u8; 300];
        assert_eq!(&tlv(0x04, &long)[..4], &[0x04, 0x82, 0x01, 0x2c]);
    }

    /// The fast signature is the `rsa` crate's, byte for byte: for keys of the sizes it
    /// takes (2048 and 4096 bits) and for one it leaves to the crate (1024 bits).
    #[test]
    fn fast_signatures_equal_the_rsa_crates() {
        for bits in [2048, 4096, 1024] {
            let key = new_rsa_key(bits).expect("key");
            for msg in [&b"a"[..], b"tbs certificate", &[0u8; 300]] {
                let di = digest_info(msg);
                let want = key
                    .sign(Pkcs1v15Sign::new_unprefixed(), &di)
                    .expect("rsa sign");
                assert_eq!(sign(&key, &di).expect("sign"), want, "{bits}-bit key");
                assert_eq!(
                    sign_fast(&key, &di).is_some(),
                    bits != 1024,
                    "{bits}-bit key"
                );
            }
        }
    }
}
