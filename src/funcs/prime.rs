//! Random probable primes for the RSA keys of `genCA`, `genSelfSignedCert`,
//! `genSignedCert` and `genPrivateKey`.
//!
//! Charts call these on every render (Cilium's Hubble certificates: three 2048-bit keys),
//! and key generation dominated such renders: the general-purpose big-integer code of the
//! `rsa` crate takes 150–300 ms a key. Here a candidate is found with a sieve over a window
//! of odd numbers (by the odd primes below 2^16, and by 65537 so that `e = 65537` is
//! invertible), and tested with Miller–Rabin in Montgomery form on fixed-size limbs:
//! base 2 first (which nearly every composite fails), then further random bases. The key
//! itself is assembled by the `rsa` crate from the two primes.
//!
//! The primes are as good as Go's: uniformly random start, both top bits set (so `p·q`
//! has exactly the requested size), and Miller–Rabin rounds (base 2, then
//! [`extra_rounds`] random bases) as many as FIPS 186-5 table B.1 asks for an error below
//! 2^-112 on random candidates: 5 for 1024-bit primes (2048-bit keys), 4 for 1536- and
//! 2048-bit primes; 512-bit primes, which the table does not cover, get 8.

use rand_core::RngCore;
use rsa::BigUint;

#[cfg(target_arch = "x86_64")]
mod ifma;

/// Miller–Rabin rounds with random bases after base 2, for primes of `64·N` bits.
const fn extra_rounds(n: usize) -> usize {
    match n {
        0..=8 => 7,
        9..=16 => 4,
        _ => 3,
    }
}
/// Odd numbers looked at per random start.
const WINDOW: usize = 4096;
/// The public exponent of every key.
pub const E: u64 = 65537;

/// A random prime of `bits` bits (`bits` a multiple of 64), top two bits set,
/// `p mod 65537 != 1`. `None` for sizes without a fixed-size implementation.
pub fn random_prime(bits: usize, rng: &mut impl RngCore) -> Option<BigUint> {
    search_bits(bits, rng, &|| false)?
}

/// [`random_prime`] that gives up (`Some(None)`) once `stop` returns true; `stop` is asked
/// before each Miller–Rabin test.
fn search_bits(
    bits: usize,
    rng: &mut impl RngCore,
    stop: &dyn Fn() -> bool,
) -> Option<Option<BigUint>> {
    match bits {
        512 => Some(search::<8>(rng, stop)),
        1024 => Some(search::<16>(rng, stop)),
        1536 => Some(search::<24>(rng, stop)),
        2048 => Some(search::<32>(rng, stop)),
        _ => None,
    }
}

/// Two random primes of `bits` bits each from the operating system's randomness, for
/// keys whose output is random anyway (`kiln template`, like `helm template`).
///
/// Charts ask for several keys in one render (Cilium: a CA and up to nine certificates),
/// and the time to find a prime varies a lot. So the search is shared: this thread and a
/// helper thread look for primes at once, the first two found make the pair, and the
/// helper then keeps looking until one spare pair is in stock for the next key. The
/// primes are the same as [`random_prime`]'s; only their order of arrival depends on
/// the threads, which does not matter for random output. (Seeded renders use
/// [`random_prime_pair`], whose pair depends only on the seed.)
pub fn os_random_prime_pair(bits: usize) -> Option<(BigUint, BigUint)> {
    use std::sync::atomic::Ordering;
    if !matches!(bits, 512 | 1024 | 1536 | 2048) {
        return None;
    }
    let mut mine: Vec<BigUint> = Vec::with_capacity(2);
    let mut s = stock::lock();
    s.demand += 2;
    stock::start_helper(&mut s);
    loop {
        // (Another thread may have asked for another size meanwhile.)
        stock::size(&mut s, bits);
        while mine.len() < 2 {
            let Some(p) = s.primes.pop() else { break };
            mine.push(p);
            s.demand -= 1;
        }
        stock::COUNT.store(s.primes.len(), Ordering::Relaxed);
        stock::MORE.notify_all();
        if mine.len() == 2 {
            let q = mine.pop()?;
            let p = mine.pop()?;
            return Some((p, q));
        }
        drop(s);
        let have = mine.len();
        let found = search_bits(bits, &mut HashRng::new(stock::os_seed()), &|| {
            stock::BITS.load(Ordering::Relaxed) == bits
                && stock::COUNT.load(Ordering::Relaxed) + have >= 2
        })
        .flatten();
        s = stock::lock();
        if let Some(p) = found {
            mine.push(p);
            s.demand -= 1;
        }
    }
}

/// `c^d mod p` for a modulus `p` of 1024 or 2048 bits (top bit set, odd), with the
/// fixed-size Montgomery code; `None` for any other modulus. Signing a certificate is
/// two of these (the CRT halves of an RSA private-key operation), and the `rsa` crate's
/// general-purpose big integers took about 3 ms for them.
pub fn mod_pow(c: &BigUint, d: &BigUint, p: &BigUint) -> Option<BigUint> {
    match p.bits() {
        1024 => mod_pow_n::<16>(c, d, p),
        2048 => mod_pow_n::<32>(c, d, p),
        _ => None,
    }
}

fn mod_pow_n<const N: usize>(c: &BigUint, d: &BigUint, p: &BigUint) -> Option<BigUint> {
    let m = limbs_of::<N>(p)?;
    if m[0] & 1 == 0 || d >= p {
        return None;
    }
    let mont = Mont::new(m);
    let x = limbs_of::<N>(&(c % p))?;
    // Into Montgomery form (x·R), raise, and back (·R^-1).
    let base = mont.mul(&x, &mont.r2());
    let y = mont.pow(&base, &limbs_of::<N>(d)?, 0);
    let mut one = [0u64; N];
    one[0] = 1;
    Some(big_of(&mont.mul(&y, &one)))
}

/// The number whose little-endian 64-bit limbs are `limbs`.
fn big_of(limbs: &[u64]) -> BigUint {
    let bytes: Vec<u8> = limbs.iter().flat_map(|l| l.to_le_bytes()).collect();
    BigUint::from_bytes_le(&bytes)
}

/// `-m^-1 mod 2^64` for an odd `m0` (the low limb of a modulus): Newton's iteration,
/// each step doubling the correct bits.
fn neg_inverse(m0: u64) -> u64 {
    let mut inv: u64 = 1;
    for _ in 0..6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(m0.wrapping_mul(inv)));
    }
    inv.wrapping_neg()
}

/// The little-endian 64-bit limbs of `v`, when it fits in `N` of them.
fn limbs_of<const N: usize>(v: &BigUint) -> Option<[u64; N]> {
    let bytes = v.to_bytes_le();
    if bytes.len() > 8 * N {
        return None;
    }
    let mut out = [0u64; N];
    for (limb, chunk) in out.iter_mut().zip(bytes.chunks(8)) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        *limb = u64::from_le_bytes(b);
    }
    Some(out)
}

/// The primes found ahead by [`os_random_prime_pair`]'s helper thread.
mod stock {
    use super::{BigUint, HashRng, search_bits};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, MutexGuard};

    /// Primes kept in stock beyond what callers wait for: one key's pair.
    const SPARE: usize = 2;

    pub(super) struct Stock {
        /// The size of the primes in stock and searched for.
        pub bits: usize,
        pub primes: Vec<BigUint>,
        /// Primes that waiting callers still need.
        pub demand: usize,
        helper: bool,
    }

    static STOCK: Mutex<Stock> = Mutex::new(Stock {
        bits: 0,
        primes: Vec::new(),
        demand: 0,
        helper: false,
    });
    /// Signalled when a prime is added or taken, or a caller starts waiting.
    pub(super) static MORE: Condvar = Condvar::new();
    /// `primes.len()`, readable without the lock (a search in progress polls it).
    pub(super) static COUNT: AtomicUsize = AtomicUsize::new(0);
    /// `bits`, readable without the lock.
    pub(super) static BITS: AtomicUsize = AtomicUsize::new(0);

    pub(super) fn lock() -> MutexGuard<'static, Stock> {
        STOCK.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn os_seed() -> [u8; 32] {
        let mut seed = [0u8; 32];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut seed);
        seed
    }

    /// Make the stock hold primes of `bits` bits (dropping others).
    pub(super) fn size(s: &mut Stock, bits: usize) {
        if s.bits != bits {
            s.bits = bits;
            s.primes.clear();
            BITS.store(bits, Ordering::Relaxed);
        }
    }

    /// Add a prime found for size `bits`, unless the stock moved to another size.
    pub(super) fn put(s: &mut Stock, bits: usize, p: BigUint) {
        if s.bits == bits {
            s.primes.push(p);
            COUNT.store(s.primes.len(), Ordering::Relaxed);
            MORE.notify_all();
        }
    }

    /// Start the helper thread once per process. Without it (a thread limit) callers
    /// find their primes alone.
    pub(super) fn start_helper(s: &mut Stock) {
        if !s.helper {
            s.helper = std::thread::Builder::new()
                .name("kiln-primes".into())
                .stack_size(1 << 20)
                .spawn(helper)
                .is_ok();
        }
    }

    fn helper() {
        // Work ahead only on a core that nothing else wants: the lowest priority
        // (a thread's nice value on Linux). When a caller waits, it searches too.
        #[cfg(target_os = "linux")]
        // SAFETY: gettid and setpriority take integers; this changes only this thread.
        unsafe {
            let tid = libc::gettid() as libc::id_t;
            libc::setpriority(libc::PRIO_PROCESS, tid, 19);
        }
        loop {
            let bits = {
                let mut s = lock();
                while s.bits == 0 || s.primes.len() >= s.demand + SPARE {
                    s = MORE.wait(s).unwrap_or_else(|e| e.into_inner());
                }
                s.bits
            };
            let found = search_bits(bits, &mut HashRng::new(os_seed()), &|| {
                BITS.load(Ordering::Relaxed) != bits
            })
            .flatten();
            if let Some(p) = found {
                put(&mut lock(), bits, p);
            }
        }
    }
}

/// Two random primes of `bits` bits each, searched on two threads (one after the other
/// when [`crate::threads::helpers`] says no core is to spare). Each search draws from
/// its own generator seeded from `rng` up front, so the pair depends only on `rng`'s
/// state, not on how the threads interleave. `None` for sizes without a fixed-size
/// implementation.
pub fn random_prime_pair(bits: usize, rng: &mut impl RngCore) -> Option<(BigUint, BigUint)> {
    let mut seeds = [[0u8; 32]; 2];
    for s in seeds.iter_mut() {
        rng.fill_bytes(s);
    }
    let [a, b] = seeds;
    if !crate::threads::helpers() {
        let p = random_prime(bits, &mut HashRng::new(a))?;
        let q = random_prime(bits, &mut HashRng::new(b))?;
        return Some((p, q));
    }
    std::thread::scope(|s| {
        // Without a second thread (a process limit), both searches run here.
        let other = std::thread::Builder::new()
            .spawn_scoped(s, move || random_prime(bits, &mut HashRng::new(b)));
        let p = random_prime(bits, &mut HashRng::new(a))?;
        let q = match other.map(|h| h.join()) {
            Ok(Ok(q)) => q?,
            _ => random_prime(bits, &mut HashRng::new(b))?,
        };
        Some((p, q))
    })
}

/// SHA-256 of a seed and a counter: a deterministic stream for one prime search.
struct HashRng {
    seed: [u8; 32],
    counter: u64,
    buf: [u8; 32],
    used: usize,
}

impl HashRng {
    fn new(seed: [u8; 32]) -> Self {
        HashRng {
            seed,
            counter: 0,
            buf: [0; 32],
            used: 32,
        }
    }
}

impl RngCore for HashRng {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        use sha2::Digest;
        for d in dest.iter_mut() {
            if self.used == 32 {
                let mut h = sha2::Sha256::new();
                h.update(self.seed);
                h.update(self.counter.to_le_bytes());
                self.buf = h.finalize().into();
                self.counter += 1;
                self.used = 0;
            }
            *d = self.buf[self.used];
            self.used += 1;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

/// The odd primes below 2^16, paired into products below 2^32 (for one division per
/// limb half and pair), with 65537 on its own at the end.
fn sieve_primes() -> &'static [u32] {
    static PRIMES: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    PRIMES.get_or_init(|| {
        let n = 1usize << 16;
        let mut composite = vec![false; n];
        let mut out = Vec::new();
        for i in 2..n {
            if composite[i] {
                continue;
            }
            if i > 2 {
                out.push(i as u32);
            }
            let mut j = i * i;
            while j < n {
                composite[j] = true;
                j += i;
            }
        }
        out
    })
}

/// `x mod m` for a little-endian limb number and `m < 2^32`.
fn rem_u32(x: &[u64], m: u64) -> u64 {
    let mut r = 0u64;
    for &limb in x.iter().rev() {
        r = ((r << 32) | (limb >> 32)) % m;
        r = ((r << 32) | (limb & 0xffff_ffff)) % m;
    }
    r
}

fn search<const N: usize>(rng: &mut impl RngCore, stop: &dyn Fn() -> bool) -> Option<BigUint> {
    search_with::<N>(rng, stop, true)
}

/// A filter over a batch of candidates: false where one is certainly composite.
type Filter<const N: usize> = fn(&[[u64; N]]) -> [bool; 8];

/// How many sieve survivors are tested together, and a filter that clears those which
/// are certainly composite (`[true; 8]`, nothing cleared, where there is none): the
/// batched base-2 Fermat test for 1024-bit candidates on CPUs with AVX-512 IFMA.
fn prefilter<const N: usize>(batched: bool) -> (usize, Filter<N>) {
    fn none<const N: usize>(_: &[[u64; N]]) -> [bool; 8] {
        [true; 8]
    }
    #[cfg(target_arch = "x86_64")]
    if batched && N == 16 && ifma::available() {
        fn fermat<const N: usize>(batch: &[[u64; N]]) -> [bool; 8] {
            let mut ms = [[0u64; 16]; ifma::LANES];
            for (m, c) in ms.iter_mut().zip(batch) {
                m.copy_from_slice(c);
            }
            ifma::fermat2(&ms[..batch.len()])
        }
        return (ifma::LANES, fermat::<N>);
    }
    let _ = batched;
    (1, none::<N>)
}

/// [`search`], with the batched pre-filter or (`batched` false, for tests) without: the
/// prime found is the same either way.
fn search_with<const N: usize>(
    rng: &mut impl RngCore,
    stop: &dyn Fn() -> bool,
    batched: bool,
) -> Option<BigUint> {
    let primes = sieve_primes();
    let (batch_size, filter) = prefilter::<N>(batched);
    let mut batch: Vec<[u64; N]> = Vec::with_capacity(batch_size);
    loop {
        let mut x = [0u64; N];
        for limb in x.iter_mut() {
            *limb = rng.next_u64();
        }
        x[N - 1] |= 0b11 << 62;
        x[0] |= 1;
        // Mark the offsets 2k (k < WINDOW) where x + 2k has a small factor.
        let mut out = vec![false; WINDOW];
        let mut mark = |p: u64, r: u64, hit: u64| {
            // Smallest even d with r + d ≡ hit (mod p); p is odd.
            let mut d = (hit + p - r) % p;
            if d % 2 == 1 {
                d += p;
            }
            let mut k = (d / 2) as usize;
            while k < WINDOW {
                out[k] = true;
                k += p as usize;
            }
        };
        for pair in primes.chunks(2) {
            let m: u64 = pair.iter().map(|p| *p as u64).product();
            let r = rem_u32(&x, m);
            for &p in pair {
                let p = p as u64;
                mark(p, r % p, 0);
            }
        }
        mark(E, rem_u32(&x, E), 1);
        // The survivors in order, a batch at a time; the window ends early where the
        // candidates would outgrow their size.
        let mut k = 0;
        let mut window_done = false;
        while !window_done {
            batch.clear();
            while batch.len() < batch_size {
                if k == WINDOW {
                    window_done = true;
                    break;
                }
                if out[k] {
                    k += 1;
                    continue;
                }
                match add_small(&x, 2 * k as u64) {
                    Some(c) if c[N - 1] >> 62 == 0b11 => batch.push(c),
                    _ => {
                        window_done = true;
                        break;
                    }
                }
                k += 1;
            }
            if batch.is_empty() {
                break;
            }
            if stop() {
                return None;
            }
            let maybe_prime = filter(&batch);
            for (c, _) in batch.iter().zip(maybe_prime).filter(|(_, ok)| *ok) {
                let m = Mont::new(*c);
                if !m.miller_rabin_base2() {
                    continue;
                }
                let r2 = m.r2();
                let passes = (0..extra_rounds(N)).all(|_| {
                    let base = m.random_base(rng, &r2);
                    m.miller_rabin(&base)
                });
                if passes {
                    return Some(big_of(c));
                }
            }
        }
    }
}

fn add_small<const N: usize>(x: &[u64; N], d: u64) -> Option<[u64; N]> {
    let mut out = *x;
    let mut carry = d;
    for limb in out.iter_mut() {
        let (s, o) = limb.overflowing_add(carry);
        *limb = s;
        carry = o as u64;
        if carry == 0 {
            return Some(out);
        }
    }
    None
}

/// `a >= b`.
fn ge<const N: usize>(a: &[u64; N], b: &[u64; N]) -> bool {
    for i in (0..N).rev() {
        if a[i] != b[i] {
            return a[i] > b[i];
        }
    }
    true
}

/// `a -= b`, returning the borrow.
fn sub_assign<const N: usize>(a: &mut [u64; N], b: &[u64; N]) -> bool {
    let mut borrow = false;
    for i in 0..N {
        let (d1, o1) = a[i].overflowing_sub(b[i]);
        let (d2, o2) = d1.overflowing_sub(borrow as u64);
        a[i] = d2;
        borrow = o1 || o2;
    }
    borrow
}

/// Whether this CPU has BMI2 and ADX (for [`redc16_adx`]).
#[cfg(target_arch = "x86_64")]
fn adx() -> bool {
    std::is_x86_feature_detected!("bmi2") && std::is_x86_feature_detected!("adx")
}
/// Montgomery reduction of a 32-limb `t` by a 16-limb modulus with BMI2's `mulx` and
/// ADX's two carry chains (`adcx`, `adox`). The squarings of the Miller–Rabin tests for
/// 2048-bit keys (1024-bit primes) spend most of their time in this reduction, and the
/// compiler does not keep two carry chains apart: this is about twice as fast. Row `i` adds `q·m` to `t[i..=i+16]` with
/// `q = t[i]·minv`; the carries out of the top word of a row (0, 1 or 2) go into the top
/// word of the next. Returns the final carry. Callers check the CPU features first.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "bmi2,adx")]
unsafe fn redc16_adx(t: &mut [u64; 64], m: &[u64; 16], minv: u64) -> u64 {
    let mut extra: u64 = 0;
    // SAFETY: `t` has 64 limbs and the rows touch t[0..32]; `m` has 16; the caller has
    // checked for BMI2 and ADX. Flags and the named registers are declared clobbered.
    unsafe {
        std::arch::asm!(
                "2:",
                "mov rdx, qword ptr [{t}]",
                "imul rdx, {minv}",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{m} + 0]",
                "adox {lo}, qword ptr [{t} + 0]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 0], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 8]",
                "adox {lo}, qword ptr [{t} + 8]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 8], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 16]",
                "adox {lo}, qword ptr [{t} + 16]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 16], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 24]",
                "adox {lo}, qword ptr [{t} + 24]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 24], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 32]",
                "adox {lo}, qword ptr [{t} + 32]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 32], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 40]",
                "adox {lo}, qword ptr [{t} + 40]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 40], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 48]",
                "adox {lo}, qword ptr [{t} + 48]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 48], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 56]",
                "adox {lo}, qword ptr [{t} + 56]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 56], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 64]",
                "adox {lo}, qword ptr [{t} + 64]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 64], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 72]",
                "adox {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 72], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 80]",
                "adox {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 80], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 88]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 96]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 104]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h0}, {lo}, qword ptr [{m} + 112]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h1}, {lo}, qword ptr [{m} + 120]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 120], {lo}",
                "mov {lo}, qword ptr [{t} + 128]",
                "adox {lo}, {extra}",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 128], {lo}",
                "mov {extra:e}, 0",
                "setc {extra:l}",
                "seto al",
                "movzx eax, al",
                "add {extra}, rax",
                "add {t}, 8",
                "dec {rows}",
                "jnz 2b",
                t = inout(reg) t.as_mut_ptr() => _,
                m = in(reg) m.as_ptr(),
                minv = in(reg) minv,
                rows = inout(reg) 16u64 => _,
                extra = inout(reg) extra,
                lo = out(reg) _,
                h0 = out(reg) _,
                h1 = out(reg) _,
                out("rax") _,
                out("rdx") _,
                options(nostack),
        );
    }
    extra
}

/// The 32-limb square of a 16-limb `a` into `t[0..32]` (which must be zero) with BMI2's
/// `mulx` and ADX's two carry chains: the cross products `a[i]·a[j]` (`i < j`) row by row,
/// the low words through `adcx` and the high words through `adox`; then the doubling
/// (`adcx x, x`) and the squares `a[i]²` (through `adox`) in one pass. Straight-line code,
/// one block per product. Callers check the CPU features first.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "bmi2,adx")]
unsafe fn sqr16_adx(a: &[u64; 16], t: &mut [u64; 64]) {
    // SAFETY: `a` has 16 limbs and the code reads a[0..16]; `t` has 64 and the code
    // touches t[0..32]; the caller has checked for BMI2 and ADX. Flags and the named
    // registers are declared clobbered.
    unsafe {
        std::arch::asm!(
                "mov rdx, qword ptr [{a} + 0]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 8]",
                "adox {lo}, qword ptr [{t} + 8]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 8], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 16]",
                "adox {lo}, qword ptr [{t} + 16]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 16], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 24]",
                "adox {lo}, qword ptr [{t} + 24]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 24], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 32]",
                "adox {lo}, qword ptr [{t} + 32]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 32], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 40]",
                "adox {lo}, qword ptr [{t} + 40]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 40], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 48]",
                "adox {lo}, qword ptr [{t} + 48]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 48], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 56]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 56], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 64]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 64], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 72], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 80], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mov rdx, qword ptr [{a} + 8]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 16]",
                "adox {lo}, qword ptr [{t} + 24]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 24], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 24]",
                "adox {lo}, qword ptr [{t} + 32]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 32], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 32]",
                "adox {lo}, qword ptr [{t} + 40]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 40], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 40]",
                "adox {lo}, qword ptr [{t} + 48]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 48], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 48]",
                "adox {lo}, qword ptr [{t} + 56]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 56], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 64]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 64], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 72], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 80], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mov rdx, qword ptr [{a} + 16]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 24]",
                "adox {lo}, qword ptr [{t} + 40]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 40], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 32]",
                "adox {lo}, qword ptr [{t} + 48]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 48], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 40]",
                "adox {lo}, qword ptr [{t} + 56]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 56], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 48]",
                "adox {lo}, qword ptr [{t} + 64]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 64], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 72], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 80], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mov rdx, qword ptr [{a} + 24]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 32]",
                "adox {lo}, qword ptr [{t} + 56]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 56], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 40]",
                "adox {lo}, qword ptr [{t} + 64]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 64], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 48]",
                "adox {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 72], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 80], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 152], {lo}",
                "mov rdx, qword ptr [{a} + 32]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 40]",
                "adox {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 72], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 48]",
                "adox {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 80], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 152], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 160], {lo}",
                "mov rdx, qword ptr [{a} + 40]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 48]",
                "adox {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 88], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 96], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 152], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 160]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 160], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 168], {lo}",
                "mov rdx, qword ptr [{a} + 48]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 56]",
                "adox {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 104], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 112], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 152], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 160]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 160], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 168]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 168], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 176], {lo}",
                "mov rdx, qword ptr [{a} + 56]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 64]",
                "adox {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 120], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 128], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 136], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 152], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 160]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 160], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 168]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 168], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 176]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 176], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 184], {lo}",
                "mov rdx, qword ptr [{a} + 64]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 72]",
                "adox {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 136], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 144], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 152], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 160]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 160], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 168]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 168], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 176]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 176], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 184]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 184], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 192], {lo}",
                "mov rdx, qword ptr [{a} + 72]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 80]",
                "adox {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 152], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 160]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 160], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 168]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 168], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 176]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 176], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 184]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 184], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 192]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 192], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 200], {lo}",
                "mov rdx, qword ptr [{a} + 80]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 88]",
                "adox {lo}, qword ptr [{t} + 168]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 168], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 176]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 176], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 184]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 184], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 192]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 192], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 200]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 200], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 208], {lo}",
                "mov rdx, qword ptr [{a} + 88]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 96]",
                "adox {lo}, qword ptr [{t} + 184]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 184], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 192]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 192], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 200]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 200], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 208]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 208], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 216], {lo}",
                "mov rdx, qword ptr [{a} + 96]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 104]",
                "adox {lo}, qword ptr [{t} + 200]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 200], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 208]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 208], {lo}",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 216]",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 216], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 224], {lo}",
                "mov rdx, qword ptr [{a} + 104]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 112]",
                "adox {lo}, qword ptr [{t} + 216]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 216], {lo}",
                "mulx {h1}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 224]",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 224], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h1}",
                "mov qword ptr [{t} + 232], {lo}",
                "mov rdx, qword ptr [{a} + 112]",
                "xor eax, eax",
                "mulx {h0}, {lo}, qword ptr [{a} + 120]",
                "adox {lo}, qword ptr [{t} + 232]",
                "adcx {lo}, rax",
                "mov qword ptr [{t} + 232], {lo}",
                "mov {lo}, 0",
                "adox {lo}, rax",
                "adcx {lo}, {h0}",
                "mov qword ptr [{t} + 240], {lo}",
                "xor eax, eax",
                "mov rdx, qword ptr [{a} + 0]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 0]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 0], {lo}",
                "mov {lo}, qword ptr [{t} + 8]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 8], {lo}",
                "mov rdx, qword ptr [{a} + 8]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 16]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 16], {lo}",
                "mov {lo}, qword ptr [{t} + 24]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 24], {lo}",
                "mov rdx, qword ptr [{a} + 16]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 32]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 32], {lo}",
                "mov {lo}, qword ptr [{t} + 40]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 40], {lo}",
                "mov rdx, qword ptr [{a} + 24]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 48]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 48], {lo}",
                "mov {lo}, qword ptr [{t} + 56]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 56], {lo}",
                "mov rdx, qword ptr [{a} + 32]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 64]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 64], {lo}",
                "mov {lo}, qword ptr [{t} + 72]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 72], {lo}",
                "mov rdx, qword ptr [{a} + 40]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 80]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 80], {lo}",
                "mov {lo}, qword ptr [{t} + 88]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 88], {lo}",
                "mov rdx, qword ptr [{a} + 48]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 96]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 96], {lo}",
                "mov {lo}, qword ptr [{t} + 104]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 104], {lo}",
                "mov rdx, qword ptr [{a} + 56]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 112]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 112], {lo}",
                "mov {lo}, qword ptr [{t} + 120]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 120], {lo}",
                "mov rdx, qword ptr [{a} + 64]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 128]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 128], {lo}",
                "mov {lo}, qword ptr [{t} + 136]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 136], {lo}",
                "mov rdx, qword ptr [{a} + 72]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 144]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 144], {lo}",
                "mov {lo}, qword ptr [{t} + 152]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 152], {lo}",
                "mov rdx, qword ptr [{a} + 80]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 160]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 160], {lo}",
                "mov {lo}, qword ptr [{t} + 168]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 168], {lo}",
                "mov rdx, qword ptr [{a} + 88]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 176]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 176], {lo}",
                "mov {lo}, qword ptr [{t} + 184]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 184], {lo}",
                "mov rdx, qword ptr [{a} + 96]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 192]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 192], {lo}",
                "mov {lo}, qword ptr [{t} + 200]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 200], {lo}",
                "mov rdx, qword ptr [{a} + 104]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 208]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 208], {lo}",
                "mov {lo}, qword ptr [{t} + 216]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 216], {lo}",
                "mov rdx, qword ptr [{a} + 112]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 224]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 224], {lo}",
                "mov {lo}, qword ptr [{t} + 232]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 232], {lo}",
                "mov rdx, qword ptr [{a} + 120]",
                "mulx {h0}, {h1}, rdx",
                "mov {lo}, qword ptr [{t} + 240]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h1}",
                "mov qword ptr [{t} + 240], {lo}",
                "mov {lo}, qword ptr [{t} + 248]",
                "adcx {lo}, {lo}",
                "adox {lo}, {h0}",
                "mov qword ptr [{t} + 248], {lo}",
                a = in(reg) a.as_ptr(),
                t = in(reg) t.as_mut_ptr(),
                lo = out(reg) _,
                h0 = out(reg) _,
                h1 = out(reg) _,
                out("rax") _,
                out("rdx") _,
                options(nostack),
        );
    }
}

/// Arithmetic modulo an odd `m` in Montgomery form (R = 2^(64N)).
struct Mont<const N: usize> {
    m: [u64; N],
    /// `-m^-1 mod 2^64`.
    minv: u64,
    /// `R mod m`: one, in Montgomery form.
    one: [u64; N],
}

impl<const N: usize> Mont<N> {
    fn new(m: [u64; N]) -> Self {
        Mont {
            m,
            minv: neg_inverse(m[0]),
            one: Self::r_mod(&m),
        }
    }

    /// `R mod m = 2^(64N) - m`, as the top bit of `m` is set.
    fn r_mod(m: &[u64; N]) -> [u64; N] {
        let mut one = [0u64; N];
        sub_assign(&mut one, m);
        one
    }

    /// `R^2 mod m`, which converts into Montgomery form. Only the candidates that pass
    /// the base-2 round need it (for random bases), so it is not made in [`Mont::new`]:
    /// its 64N doublings were about a sixth of the time spent on each candidate.
    fn r2(&self) -> [u64; N] {
        let mut r2 = self.one;
        // Double R mod m 64N times: R·2^(64N) = R^2.
        for _ in 0..64 * N {
            r2 = Self::double_mod(&r2, &self.m);
        }
        r2
    }

    fn double_mod(a: &[u64; N], m: &[u64; N]) -> [u64; N] {
        let mut out = [0u64; N];
        let mut carry = 0u64;
        for i in 0..N {
            out[i] = (a[i] << 1) | carry;
            carry = a[i] >> 63;
        }
        if carry == 1 || ge(&out, m) {
            sub_assign(&mut out, m);
        }
        out
    }

    /// `a·b·R^-1 mod m` (CIOS).
    fn mul(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        let mut t = [0u64; N];
        let mut t_hi = 0u64;
        for &bi in b.iter() {
            let mut c = 0u64;
            for j in 0..N {
                let x = t[j] as u128 + (a[j] as u128) * (bi as u128) + c as u128;
                t[j] = x as u64;
                c = (x >> 64) as u64;
            }
            let x = t_hi as u128 + c as u128;
            let (top, top_hi) = (x as u64, (x >> 64) as u64);
            let q = t[0].wrapping_mul(self.minv);
            let x = t[0] as u128 + (q as u128) * (self.m[0] as u128);
            let mut c = (x >> 64) as u64;
            for j in 1..N {
                let x = t[j] as u128 + (q as u128) * (self.m[j] as u128) + c as u128;
                t[j - 1] = x as u64;
                c = (x >> 64) as u64;
            }
            let x = top as u128 + c as u128;
            t[N - 1] = x as u64;
            t_hi = top_hi + (x >> 64) as u64;
        }
        if t_hi != 0 || ge(&t, &self.m) {
            sub_assign(&mut t, &self.m);
        }
        t
    }

    /// `a·a·R^-1 mod m`: the cross products once, doubled, then a Montgomery reduction
    /// (about 3/4 of the work of [`Mont::mul`]).
    fn sqr(&self, a: &[u64; N]) -> [u64; N] {
        // The 2N-limb square (N <= 32), indexed within a fixed array so that the bounds
        // are known at compile time.
        let mut t = [0u64; 64];
        #[cfg(target_arch = "x86_64")]
        if let Ok(a16) = <&[u64; 16]>::try_from(a.as_slice())
            && adx()
        {
            // SAFETY: adx() checked for BMI2 and ADX; `t` is zero.
            unsafe { sqr16_adx(a16, &mut t) };
            return self.reduce(&mut t);
        }
        self.sqr_portable(a, t)
    }

    /// [`Mont::sqr`] in plain Rust, from a zero `t`.
    fn sqr_portable(&self, a: &[u64; N], mut t: [u64; 64]) -> [u64; N] {
        // Cross products a[i]·a[j], i < j.
        for i in 0..N {
            let mut c = 0u64;
            let ai = a[i] as u128;
            for j in i + 1..N {
                let x = t[i + j] as u128 + ai * (a[j] as u128) + c as u128;
                t[i + j] = x as u64;
                c = (x >> 64) as u64;
            }
            t[i + N] = c;
        }
        // Double, then add the squares a[i]^2 at 2i.
        let mut carry = 0u64;
        for v in t.iter_mut().take(2 * N) {
            let next = *v >> 63;
            *v = (*v << 1) | carry;
            carry = next;
        }
        let mut c = 0u128;
        for i in 0..N {
            let sq = (a[i] as u128) * (a[i] as u128);
            let x = t[2 * i] as u128 + (sq as u64) as u128 + c;
            t[2 * i] = x as u64;
            let y = t[2 * i + 1] as u128 + (sq >> 64) + (x >> 64);
            t[2 * i + 1] = y as u64;
            c = y >> 64;
        }
        self.reduce(&mut t)
    }

    /// Montgomery reduction of the 2N-limb `t`: `t·R^-1 mod m`.
    fn reduce(&self, t: &mut [u64; 64]) -> [u64; N] {
        #[cfg(target_arch = "x86_64")]
        if let Ok(m) = <&[u64; 16]>::try_from(self.m.as_slice())
            && adx()
        {
            // SAFETY: adx() checked for BMI2 and ADX.
            let extra = unsafe { redc16_adx(t, m, self.minv) };
            return self.finish_reduce(t, extra);
        }
        self.reduce_portable(t)
    }

    /// [`Mont::reduce`] in plain Rust.
    fn reduce_portable(&self, t: &mut [u64; 64]) -> [u64; N] {
        let mut extra = 0u64;
        for i in 0..N {
            let q = t[i].wrapping_mul(self.minv);
            let mut c = 0u64;
            for j in 0..N {
                let x = t[i + j] as u128 + (q as u128) * (self.m[j] as u128) + c as u128;
                t[i + j] = x as u64;
                c = (x >> 64) as u64;
            }
            // Add the carry at i + N, together with the carry left from earlier steps.
            let x = t[i + N] as u128 + c as u128 + extra as u128;
            t[i + N] = x as u64;
            extra = (x >> 64) as u64;
        }
        self.finish_reduce(t, extra)
    }

    /// The upper half of a reduced `t`, less `m` when it is not below it.
    fn finish_reduce(&self, t: &[u64; 64], extra: u64) -> [u64; N] {
        let mut out = [0u64; N];
        out.copy_from_slice(&t[N..2 * N]);
        if extra != 0 || ge(&out, &self.m) {
            sub_assign(&mut out, &self.m);
        }
        out
    }

    /// One Miller–Rabin round with base 2: the exponentiation squares and, for each set
    /// bit, doubles (a shift and a subtraction) instead of multiplying.
    fn miller_rabin_base2(&self) -> bool {
        let (m1, s) = self.m_minus_1();
        // 2^d, d = (m - 1) >> s, left to right.
        let mut x = self.one;
        for i in (s..64 * N).rev() {
            x = self.sqr(&x);
            if (m1[i / 64] >> (i % 64)) & 1 == 1 {
                x = Self::double_mod(&x, &self.m);
            }
        }
        self.miller_rabin_finish(x, s)
    }

    /// `m - 1` and `s` with `m - 1 = d·2^s`.
    fn m_minus_1(&self) -> ([u64; N], usize) {
        let mut m1 = self.m;
        m1[0] -= 1;
        let s = m1
            .iter()
            .enumerate()
            .find(|(_, l)| **l != 0)
            .map(|(i, l)| i * 64 + l.trailing_zeros() as usize)
            .unwrap_or(0);
        (m1, s)
    }

    /// The rest of a Miller–Rabin round once `x = base^d` is known.
    fn miller_rabin_finish(&self, mut x: [u64; N], s: usize) -> bool {
        let mut minus_one = self.m;
        sub_assign(&mut minus_one, &self.one);
        if x == self.one || x == minus_one {
            return true;
        }
        for _ in 1..s {
            x = self.sqr(&x);
            if x == minus_one {
                return true;
            }
            if x == self.one {
                return false;
            }
        }
        false
    }

    /// 2 in Montgomery form.
    #[cfg(test)]
    fn two(&self) -> [u64; N] {
        Self::double_mod(&self.one, &self.m)
    }

    /// A random base in [2, m-2], in Montgomery form (`r2` is [`Mont::r2`]).
    fn random_base(&self, rng: &mut impl RngCore, r2: &[u64; N]) -> [u64; N] {
        loop {
            let mut a = [0u64; N];
            for limb in a.iter_mut() {
                *limb = rng.next_u64();
            }
            // Below m: clear the top bit (m has its top two bits set) .
            a[N - 1] &= u64::MAX >> 1;
            if a.iter().skip(1).all(|l| *l == 0) && a[0] < 2 {
                continue;
            }
            let mut m2 = self.m;
            m2[0] -= 1;
            if ge(&a, &m2) {
                continue;
            }
            return self.mul(&a, r2);
        }
    }

    /// One Miller–Rabin round with `base` (Montgomery form): false when m is composite.
    fn miller_rabin(&self, base: &[u64; N]) -> bool {
        let (m1, s) = self.m_minus_1();
        let x = self.pow(base, &m1, s);
        self.miller_rabin_finish(x, s)
    }

    /// `base^(e >> shift)` with a fixed 4-bit window.
    fn pow(&self, base: &[u64; N], e: &[u64; N], shift: usize) -> [u64; N] {
        let mut table = [self.one; 16];
        for i in 1..16 {
            table[i] = self.mul(&table[i - 1], base);
        }
        let bit = |i: usize| -> usize {
            let i = i + shift;
            if i >= 64 * N {
                0
            } else {
                ((e[i / 64] >> (i % 64)) & 1) as usize
            }
        };
        let nbits = 64 * N - shift;
        let windows = nbits.div_ceil(4);
        let mut acc = self.one;
        for w in (0..windows).rev() {
            for _ in 0..4 {
                acc = self.sqr(&acc);
            }
            let v = (0..4).fold(0, |v, b| v | (bit(4 * w + b) << b));
            if v != 0 {
                acc = self.mul(&acc, &table[v]);
            }
        }
        acc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Counter(u64);
    impl RngCore for Counter {
        fn next_u32(&mut self) -> u32 {
            self.next_u64() as u32
        }
        fn next_u64(&mut self) -> u64 {
            // splitmix64
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn fill_bytes(&mut self, dest: &mut [u8]) {
            for b in dest.iter_mut() {
                *b = self.next_u64() as u8;
            }
        }
        fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
            self.fill_bytes(dest);
            Ok(())
        }
    }

    fn limbs<const N: usize>(v: &BigUint) -> [u64; N] {
        limbs_of(v).expect("fits")
    }

    /// Developer timing: `cargo test --release --lib prime::tests::dev_prime_speed -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn dev_prime_speed() {
        let t = std::time::Instant::now();
        let mut sqrs = 0u64;
        for seed in 0..12u64 {
            let mut rng = HashRng::new([seed as u8; 32]);
            let p = random_prime(1024, &mut rng).unwrap();
            sqrs += p.bits() as u64;
        }
        let primes = t.elapsed();
        let m = Mont::new([0xffff_ffff_ffff_fff1u64; 16]);
        let t = std::time::Instant::now();
        let mut x = m.one;
        for _ in 0..100_000 {
            x = m.sqr(&x);
        }
        let fast = t.elapsed();
        let t = std::time::Instant::now();
        let mut y = m.one;
        for _ in 0..100_000 {
            y = m.sqr_portable(&y, [0; 64]);
        }
        println!(
            "12 primes: {primes:?}; 100k squarings: {fast:?}, with the portable square: {:?} ({sqrs} {} {})",
            t.elapsed(),
            x[0],
            y[0]
        );
    }

    /// Run a comparison with the ADX code where the CPU has BMI2 and ADX.
    #[cfg(target_arch = "x86_64")]
    fn on_adx(compare: impl FnOnce()) {
        if adx() {
            compare();
        } else {
            println!("no BMI2/ADX on this CPU: nothing to compare");
        }
    }

    /// The ADX reduction equals the portable one, carries and final subtraction
    /// included (moduli with top limbs near 2^64, operands near the modulus).
    #[test]
    fn adx_reduction_equals_the_portable_one() {
        #[cfg(target_arch = "x86_64")]
        on_adx(|| {
            let mut rng = Counter(11);
            for round in 0..2000 {
                let mut m = [0u64; 16];
                for l in m.iter_mut() {
                    *l = if round % 3 == 0 {
                        u64::MAX - (rng.next_u64() & 0xff)
                    } else {
                        rng.next_u64()
                    };
                }
                m[15] |= 3 << 62;
                m[0] |= 1;
                let mont = Mont::new(m);
                let mut t = [0u64; 64];
                for (i, l) in t.iter_mut().take(32).enumerate() {
                    *l = match round % 4 {
                        0 => u64::MAX,
                        1 if i >= 16 => m[i - 16],
                        _ => rng.next_u64(),
                    };
                }
                // Inputs of the reduction stay below m·R: keep the top limb below m's.
                t[31] = t[31].min(m[15] - 1);
                let mut a = t;
                let mut b = t;
                let want = mont.reduce_portable(&mut a);
                // SAFETY: adx() is true.
                let extra = unsafe { redc16_adx(&mut b, &m, mont.minv) };
                assert_eq!(mont.finish_reduce(&b, extra), want, "round {round}");
            }
        });
    }

    /// The ADX square equals the portable one: all-ones, all-zero and random operands
    /// (every carry of the doubling and of both chains taken).
    #[test]
    fn adx_square_equals_the_portable_one() {
        #[cfg(target_arch = "x86_64")]
        on_adx(|| {
            let mut rng = Counter(13);
            for round in 0..2000 {
                let mut a = [0u64; 16];
                for (i, l) in a.iter_mut().enumerate() {
                    *l = match round % 5 {
                        0 => u64::MAX,
                        1 => 0,
                        2 if i % 2 == 0 => u64::MAX - (rng.next_u64() & 0xff),
                        _ => rng.next_u64(),
                    };
                }
                // The full 32-limb square, before any reduction: from the portable code
                // with the reduction skipped (its cross products, doubling and squares).
                let mut want = [0u64; 64];
                for i in 0..16 {
                    let mut c = 0u128;
                    for j in 0..16 {
                        let x = want[i + j] as u128 + (a[i] as u128) * (a[j] as u128) + c;
                        want[i + j] = x as u64;
                        c = x >> 64;
                    }
                    want[i + 16] = c as u64;
                }
                let mut got = [0u64; 64];
                // SAFETY: adx() is true; `got` is zero.
                unsafe { sqr16_adx(&a, &mut got) };
                assert_eq!(got, want, "round {round}");
                let mut m = [0u64; 16];
                for l in m.iter_mut() {
                    *l = rng.next_u64();
                }
                m[15] |= 3 << 62;
                m[0] |= 1;
                let mont = Mont::new(m);
                let x = mont.sqr(&mont.sqr(&a));
                let y = mont.sqr_portable(&mont.sqr_portable(&a, [0; 64]), [0; 64]);
                assert_eq!(x, y, "round {round}");
            }
        });
    }

    #[test]
    fn montgomery_pow_matches_big_integers() {
        let mut rng = Counter(7);
        let m = {
            let mut m = [0u64; 16];
            for l in m.iter_mut() {
                *l = rng.next_u64();
            }
            m[15] |= 3 << 62;
            m[0] |= 1;
            m
        };
        let big = |l: &[u64]| {
            BigUint::from_bytes_le(&l.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>())
        };
        let mont = Mont::new(m);
        let a = [rng.next_u64(); 16];
        let e = [rng.next_u64(); 16];
        let got = mont.mul(&mont.pow(&mont.mul(&a, &mont.r2()), &e, 3), &{
            let mut one = [0u64; 16];
            one[0] = 1;
            one
        });
        let want = big(&a).modpow(&(big(&e) >> 3usize), &big(&m));
        assert_eq!(got, limbs::<16>(&want));
    }

    #[test]
    fn primes_are_prime_and_sized() {
        use num_bigint_dig::prime::probably_prime;
        let mut rng = Counter(42);
        for bits in [512, 1024] {
            for _ in 0..3 {
                let p = random_prime(bits, &mut rng).unwrap();
                assert_eq!(p.bits(), bits);
                assert!(probably_prime(&p, 20), "{p}");
                assert!(p.clone() % BigUint::from(E) != BigUint::from(1u8));
                assert!((p >> (bits - 2)) == BigUint::from(3u8), "top two bits set");
            }
        }
    }

    #[test]
    fn base2_round_agrees_with_the_general_round() {
        let mut rng = Counter(9);
        let mut primes = 0;
        for _ in 0..400 {
            let mut m = [0u64; 8];
            for l in m.iter_mut() {
                *l = rng.next_u64();
            }
            m[7] |= 3 << 62;
            m[0] |= 1;
            let mont = Mont::new(m);
            let general = mont.miller_rabin(&mont.two());
            assert_eq!(mont.miller_rabin_base2(), general);
            primes += general as usize;
        }
        // About 1 in 177 odd 512-bit numbers is prime; the sample must have some of each.
        assert!(primes < 400);
        let p = random_prime(512, &mut rng).unwrap();
        let mont = Mont::<8>::new(limbs::<8>(&p));
        assert!(mont.miller_rabin_base2());
    }

    /// The batched pre-filter changes only how fast a prime is found, not which one:
    /// the same generator gives the same prime (and leaves the generator in the same
    /// state) with and without it.
    #[test]
    fn batched_search_finds_the_same_primes() {
        for seed in 0..6u8 {
            let mut a = HashRng::new([seed; 32]);
            let mut b = HashRng::new([seed; 32]);
            let p = search_with::<16>(&mut a, &|| false, true);
            let q = search_with::<16>(&mut b, &|| false, false);
            assert_eq!(p, q, "seed {seed}");
            assert_eq!(a.next_u64(), b.next_u64(), "seed {seed}: generator state");
        }
        let mut a = HashRng::new([9; 32]);
        let mut b = HashRng::new([9; 32]);
        assert_eq!(
            search_with::<8>(&mut a, &|| false, true),
            search_with::<8>(&mut b, &|| false, false)
        );
    }

    #[test]
    fn prime_pairs_depend_only_on_the_generator() {
        let a = random_prime_pair(512, &mut Counter(5)).unwrap();
        let b = random_prime_pair(512, &mut Counter(5)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a.0, a.1);
    }

    /// Keys of random output share a stock of primes with a helper thread: every pair is
    /// two distinct primes of the asked size, none handed out twice, also when threads
    /// ask for different sizes at once (which empties the stock).
    #[test]
    fn os_random_pairs_are_distinct_primes_of_the_size() {
        use num_bigint_dig::prime::probably_prime;
        let pairs: Vec<(usize, BigUint, BigUint)> = std::thread::scope(|s| {
            let workers: Vec<_> = [512, 1024, 512]
                .into_iter()
                .map(|bits| {
                    s.spawn(move || {
                        (0..3)
                            .map(|_| {
                                let (p, q) = os_random_prime_pair(bits).unwrap();
                                (bits, p, q)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap())
                .collect()
        });
        let mut seen = std::collections::HashSet::new();
        for (bits, p, q) in pairs {
            for x in [p, q] {
                assert_eq!(x.bits(), bits);
                assert!(
                    (x.clone() >> (bits - 2)) == BigUint::from(3u8),
                    "top two bits set"
                );
                assert!(probably_prime(&x, 20), "{x}");
                assert!(seen.insert(x), "a prime handed out twice");
            }
        }
        assert_eq!(seen.len(), 18);
        assert!(
            os_random_prime_pair(1000).is_none(),
            "no fixed-size search for 500 bits"
        );
    }

    #[test]
    fn rejects_composites() {
        // 2^64 - 59 is prime; 2^64 - 1 and the base-2 strong pseudoprime
        // 2^63 + 0x... are not: a random base catches what base 2 misses.
        let p = Mont::<1>::new([u64::MAX - 58]);
        assert!(p.miller_rabin(&p.two()));
        let c = Mont::<1>::new([u64::MAX]);
        assert!(!c.miller_rabin(&c.two()));
        let c = Mont::<1>::new([(u64::MAX - 58) / 2 * 2 + 1 - 2]);
        let mut rng = Counter(1);
        assert!(
            !(0..8).all(|_| c.miller_rabin(&c.random_base(&mut rng, &c.r2()))),
            "2^64 - 61 = 5 x 3689348814741910311 is composite"
        );
    }
}
