//! Eight base-2 Fermat tests at once, for 1024-bit candidates, with AVX-512 IFMA.
//!
//! Nearly all of a prime search's time goes to testing sieve survivors that turn out
//! composite: each costs a 1024-step modular exponentiation, and a 1024-bit prime takes
//! about 35 of them. The scalar code ([`super::Mont`]) does one candidate at a time with
//! 64-bit limbs. Here eight candidates go through the exponentiation side by side, one
//! per 64-bit lane of 512-bit registers, in 20 limbs of 52 bits, using the 52-bit
//! multiply-add instructions (`vpmadd52luq`/`vpmadd52huq`): about 2.5 times the
//! throughput of the scalar code on the machines measured.
//!
//! The test is `2^(m-1) ≡ 1 (mod m)`. Every prime passes it, and every number that
//! passes Miller–Rabin with base 2 passes it too, so it only filters: the candidates it
//! passes still go through the full scalar test, and the search accepts exactly the same
//! numbers, in the same order, as without it.
//!
//! Arithmetic: "almost Montgomery" multiplication with `R = 2^1040` and no final
//! subtraction. For `m < 2^1024`, inputs below `4m` give an output below `2m`, so the
//! values stay below `4m` (a doubling of something below `2m`) without ever being
//! compared with `m` until the end.

use std::arch::x86_64::{
    __m512i, _mm512_add_epi64, _mm512_and_si512, _mm512_loadu_si512, _mm512_madd52hi_epu64,
    _mm512_madd52lo_epu64, _mm512_mask_slli_epi64, _mm512_set1_epi64, _mm512_setzero_si512,
    _mm512_srli_epi64, _mm512_storeu_si512,
};

use super::{Mont, ge, neg_inverse, sub_assign};

/// 52-bit limbs of a 1024-bit number (1040 bits).
const L: usize = 20;
const MASK: u64 = (1 << 52) - 1;
/// Candidates per batch: the lanes of a 512-bit register.
pub(super) const LANES: usize = 8;

/// Whether this CPU has the instructions ([`fermat2`] may be called).
pub(super) fn available() -> bool {
    std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512ifma")
}

/// For up to [`LANES`] odd 1024-bit numbers with the top bit set: whether
/// `2^(m-1) ≡ 1 (mod m)`, in order (the entries past `ms.len()` are false).
/// Only call it when [`available`] said yes.
pub(super) fn fermat2(ms: &[[u64; 16]]) -> [bool; LANES] {
    assert!(
        !ms.is_empty() && ms.len() <= LANES && available(),
        "fermat2: 1 to 8 numbers, on a CPU with AVX-512 IFMA"
    );
    // SAFETY: the CPU has AVX-512F and IFMA (checked just above).
    unsafe { fermat2_avx512(ms) }
}

/// The 52-bit limbs of a 17-limb number below 2^1040.
fn to52(x: &[u64]) -> [u64; L] {
    let mut out = [0u64; L];
    for (k, limb) in out.iter_mut().enumerate() {
        let bit = 52 * k;
        let (w, s) = (bit / 64, bit % 64);
        let mut v = x.get(w).copied().unwrap_or(0) >> s;
        if s > 12 {
            v |= x.get(w + 1).copied().unwrap_or(0) << (64 - s);
        }
        *limb = v & MASK;
    }
    out
}

/// The 17 64-bit limbs of a number given in normalised 52-bit limbs.
fn from52(x: &[u64; L]) -> [u64; 17] {
    let mut out = [0u64; 17];
    for (k, &limb) in x.iter().enumerate() {
        let bit = 52 * k;
        let (w, s) = (bit / 64, bit % 64);
        out[w] |= limb << s;
        if s > 12 && w + 1 < 17 {
            out[w + 1] |= limb >> (64 - s);
        }
    }
    out
}

#[target_feature(enable = "avx512f,avx512ifma")]
fn load(lanes: &[u64; LANES]) -> __m512i {
    // SAFETY: reads 64 bytes from an array of 8 u64 (unaligned load).
    unsafe { _mm512_loadu_si512(lanes.as_ptr().cast()) }
}

#[target_feature(enable = "avx512f,avx512ifma")]
fn store(v: __m512i) -> [u64; LANES] {
    let mut out = [0u64; LANES];
    // SAFETY: writes 64 bytes into an array of 8 u64 (unaligned store).
    unsafe { _mm512_storeu_si512(out.as_mut_ptr().cast(), v) };
    out
}

/// Carry every limb into the next so that all are below 2^52 (the value is below
/// 2^1040, so nothing carries out of the top limb).
#[target_feature(enable = "avx512f,avx512ifma")]
fn normalise(x: &mut [__m512i; L]) {
    let mask = _mm512_set1_epi64(MASK as i64);
    let mut carry = _mm512_setzero_si512();
    for limb in x.iter_mut() {
        let v = _mm512_add_epi64(*limb, carry);
        carry = _mm512_srli_epi64::<52>(v);
        *limb = _mm512_and_si512(v, mask);
    }
}

/// `a·b·2^-1040 mod m`, below `2m` when `a, b < 4m`, in normalised limbs. `a` and `b`
/// must be normalised.
#[target_feature(enable = "avx512f,avx512ifma")]
fn amm(a: &[__m512i; L], b: &[__m512i; L], m: &[__m512i; L], minv: __m512i) -> [__m512i; L] {
    let zero = _mm512_setzero_si512();
    // Limb k of the running sum; step i adds b_i·a and q_i·m at limb i, after which
    // limb i is a multiple of 2^52 and only its carry is needed. Each limb stays below
    // 2^59: it gets at most four 52-bit terms and a small carry per step, for at most
    // 21 steps. The steps are written out (a macro per step) so that every index is a
    // constant and the live limbs stay in registers.
    let mut t = [zero; 2 * L + 1];
    macro_rules! step {
        ($i:expr) => {{
            let bi = b[$i];
            for j in 0..L {
                t[$i + j] = _mm512_madd52lo_epu64(t[$i + j], a[j], bi);
            }
            for j in 0..L {
                t[$i + j + 1] = _mm512_madd52hi_epu64(t[$i + j + 1], a[j], bi);
            }
            // q = t_i · (-m^-1) mod 2^52 makes t + q·m·2^(52i) divisible by 2^(52(i+1)).
            let q = _mm512_madd52lo_epu64(zero, t[$i], minv);
            for j in 0..L {
                t[$i + j] = _mm512_madd52lo_epu64(t[$i + j], m[j], q);
            }
            for j in 0..L {
                t[$i + j + 1] = _mm512_madd52hi_epu64(t[$i + j + 1], m[j], q);
            }
            t[$i + 1] = _mm512_add_epi64(t[$i + 1], _mm512_srli_epi64::<52>(t[$i]));
        }};
    }
    step!(0);
    step!(1);
    step!(2);
    step!(3);
    step!(4);
    step!(5);
    step!(6);
    step!(7);
    step!(8);
    step!(9);
    step!(10);
    step!(11);
    step!(12);
    step!(13);
    step!(14);
    step!(15);
    step!(16);
    step!(17);
    step!(18);
    step!(19);
    let mut out = [zero; L];
    out.copy_from_slice(&t[L..2 * L]);
    normalise(&mut out);
    out
}

#[target_feature(enable = "avx512f,avx512ifma")]
fn fermat2_avx512(ms: &[[u64; 16]]) -> [bool; LANES] {
    // Per lane: the modulus (lanes past the input repeat the last one), -m^-1 mod 2^52,
    // and R mod m (R = 2^1040), which is 1 in Montgomery form: the start of the
    // exponentiation and what a passing candidate ends with.
    let mut m52 = [[0u64; LANES]; L];
    let mut minv = [0u64; LANES];
    let mut x52 = [[0u64; LANES]; L];
    let mut m17 = [[0u64; 17]; LANES];
    let mut one17 = [[0u64; 17]; LANES];
    for lane in 0..LANES {
        let m = &ms[lane.min(ms.len() - 1)];
        m17[lane][..16].copy_from_slice(m);
        minv[lane] = neg_inverse(m[0]) & MASK;
        // 2^1024 mod m, then 16 doublings (in 17 limbs, as the values end up there).
        let mut r = [0u64; 17];
        r[..16].copy_from_slice(&Mont::<16>::r_mod(m));
        for _ in 0..16 {
            r = Mont::<17>::double_mod(&r, &m17[lane]);
        }
        one17[lane] = r;
        let (mk, rk) = (to52(m), to52(&r));
        for k in 0..L {
            m52[k][lane] = mk[k];
            x52[k][lane] = rk[k];
        }
    }
    let zero = _mm512_setzero_si512();
    let mut m = [zero; L];
    let mut x = [zero; L];
    for k in 0..L {
        m[k] = load(&m52[k]);
        x[k] = load(&x52[k]);
    }
    let minv = load(&minv);
    // 2^(m-1), left to right: square, then double the lanes whose exponent bit is set.
    // Bit 0 of m - 1 is clear (m is odd); its other bits are those of m.
    for bit in (1..1024).rev() {
        x = amm(&x, &x, &m, minv);
        let (w, s) = (bit / 64, bit % 64);
        let mut doubling = 0u8;
        for (lane, m) in m17.iter().enumerate() {
            doubling |= (((m[w] >> s) & 1) as u8) << lane;
        }
        if doubling != 0 {
            for limb in x.iter_mut() {
                *limb = _mm512_mask_slli_epi64::<1>(*limb, doubling, *limb);
            }
            normalise(&mut x);
        }
    }
    x = amm(&x, &x, &m, minv);
    // Each lane now holds 2^(m-1)·R mod m plus a multiple of m (below 2m): reduce it and
    // compare with R mod m.
    let mut lanes52 = [[0u64; L]; LANES];
    for (k, limb) in x.iter().enumerate() {
        for (lane, v) in store(*limb).into_iter().enumerate() {
            lanes52[lane][k] = v;
        }
    }
    let mut out = [false; LANES];
    for lane in 0..ms.len() {
        let mut v = from52(&lanes52[lane]);
        while ge(&v, &m17[lane]) {
            sub_assign(&mut v, &m17[lane]);
        }
        out[lane] = v == one17[lane];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint_dig::BigUint;

    fn big(x: &[u64; 16]) -> BigUint {
        let bytes: Vec<u8> = x.iter().flat_map(|l| l.to_le_bytes()).collect();
        BigUint::from_bytes_le(&bytes)
    }

    fn fermat_reference(x: &[u64; 16]) -> bool {
        let m = big(x);
        let one = BigUint::from(1u32);
        BigUint::from(2u32).modpow(&(&m - &one), &m) == one
    }

    fn limbs_of(v: &BigUint) -> [u64; 16] {
        super::super::limbs_of(v).expect("1024 bits")
    }

    #[test]
    fn limbs_round_trip() {
        let mut x = [0u64; 17];
        for (i, l) in x.iter_mut().enumerate().take(16) {
            *l = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1);
        }
        x[16] = 0xffff;
        assert_eq!(from52(&to52(&x)), x);
    }

    /// The batch agrees with big-integer arithmetic on primes, on composites, on
    /// partial batches, and on moduli near the ends of the range.
    #[test]
    fn batches_agree_with_big_integers() {
        if !available() {
            println!("no AVX-512 IFMA on this CPU: nothing to compare");
            return;
        }
        let mut rng = super::super::HashRng::new([42; 32]);
        let mut cases: Vec<[u64; 16]> = Vec::new();
        for _ in 0..6 {
            let p = super::super::random_prime(1024, &mut rng).expect("a prime");
            cases.push(limbs_of(&num_bigint_dig::BigUint::from_bytes_le(
                &p.to_bytes_le(),
            )));
        }
        for i in 0..30u64 {
            let mut x = [0u64; 16];
            for l in x.iter_mut() {
                *l = rand_core::RngCore::next_u64(&mut rng);
            }
            x[15] |= 1 << 63;
            x[0] |= 1;
            if i % 10 == 0 {
                x = [u64::MAX; 16];
            } else if i % 10 == 1 {
                x = [0; 16];
                x[15] = 1 << 63;
                x[0] = 1;
            }
            cases.push(x);
        }
        for chunk in cases
            .chunks(8)
            .chain(cases.chunks(3))
            .chain(cases.chunks(1))
        {
            let got = fermat2(chunk);
            for (i, c) in chunk.iter().enumerate() {
                assert_eq!(
                    got[i],
                    fermat_reference(c),
                    "lane {i} of a batch of {}",
                    chunk.len()
                );
            }
            assert!(got[chunk.len()..].iter().all(|b| !b));
        }
        // The primes pass.
        assert!(fermat2(&cases[..6]).iter().take(6).all(|b| *b));
    }
}

#[cfg(test)]
#[test]
#[ignore]
fn dev_ifma_speed() {
    if !available() {
        return;
    }
    let mut ms = [[0u64; 16]; 8];
    for (i, m) in ms.iter_mut().enumerate() {
        for (j, l) in m.iter_mut().enumerate() {
            *l = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul((i * 16 + j + 1) as u64);
        }
        m[15] |= 3 << 62;
        m[0] |= 1;
    }
    let t = std::time::Instant::now();
    for _ in 0..100 {
        std::hint::black_box(fermat2(std::hint::black_box(&ms)));
    }
    println!("one batch of 8: {:?}", t.elapsed() / 100);
}
