//! Huge pages for the heap of a rendering thread.
//!
//! A render builds and drops megabytes of strings and trees in a short-lived process,
//! and first touching fresh memory costs a page fault per 4 KiB page: about 1.5 µs each
//! on the machines measured, a fifth of `kiln template`'s time on the bigger charts
//! (1 700 faults for Traefik). glibc gives each thread after the first its own heap, a
//! 64 MiB region aligned to its size; asking the kernel for transparent huge pages
//! there turns 512 faults into one 2 MiB fault (measured: 8 MiB touched in 0.7 ms
//! instead of 3.2 ms). Peak memory grows by at most the unused part of the last huge
//! page of each heap (kiln stays far below Helm's). Where the kernel has no huge pages
//! to give (or does not support them), the advice does nothing.
//!
//! The first 2 MiB of a heap cannot become a huge page: glibc writes the heap's header
//! there when it creates the heap, before anyone can advise it, and a 2 MiB range that
//! already has a small page stays in small pages. For a big render the rest of that
//! range is set aside (allocated and never touched, which costs address space, not
//! memory) so that the thread's allocations start at its first huge page: what glibc
//! itself does with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, which a program cannot set
//! for itself. (cert-manager: 950 page faults before, 170 after.) A small render would
//! lose by it: zeroing a 2 MiB page per thread costs more than the few small pages it
//! touches (a chart of 14 KB: 2.8 -> 3.3 ms), so this waits for [`expect_big_render`].

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

/// glibc's `HEAP_MAX_SIZE` on 64-bit targets: each thread heap is a region of this
/// size, aligned to it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const THREAD_HEAP: usize = 64 << 20;
/// A huge page; the first one of a heap keeps small pages (see the module docs).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HUGE: usize = 2 << 20;

/// Set by [`expect_big_render`]: threads set their first 2 MiB aside.
static BIG: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Whether this thread has set the rest of its first 2 MiB aside (or had no need).
    static ASIDE: Cell<bool> = const { Cell::new(false) };
}

/// The start of the calling thread's glibc heap, or `None` on the main heap (which
/// grows by `brk` and is not aligned). The probe is larger than anything glibc's
/// per-thread cache holds (1 KiB): a smaller one could be a chunk of another thread's
/// heap, freed into this thread's cache.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn thread_heap() -> Option<(usize, usize)> {
    const PROBE: usize = 4 << 10;
    let probe: Vec<u8> = Vec::with_capacity(PROBE);
    let at = std::hint::black_box(probe.as_ptr()) as usize;
    // SAFETY: sbrk(0) only reads the program break.
    let brk = unsafe { libc::sbrk(0) } as usize;
    (at >= brk).then_some((at & !(THREAD_HEAP - 1), at + PROBE))
}

/// Advise huge pages for the heap of the calling thread, when it is one of glibc's
/// per-thread heaps; during a big render, also set its first 2 MiB aside.
pub fn prefer_huge_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if let Some((base, _)) = thread_heap() {
        // SAFETY: madvise changes no memory contents (MADV_HUGEPAGE is advice about a
        // mapped range), and on a range that is not wholly mapped it fails without
        // effect.
        unsafe {
            libc::madvise(
                (base + HUGE) as *mut libc::c_void,
                THREAD_HEAP - HUGE,
                libc::MADV_HUGEPAGE,
            );
        }
    }
    catch_up();
}

/// The render will touch many megabytes (a big chart archive): this thread, and every
/// thread that calls [`prefer_huge_pages`] or [`catch_up`] from now on, sets the rest
/// of its heap's first 2 MiB aside.
pub fn expect_big_render() {
    BIG.store(true, Ordering::Relaxed);
    catch_up();
}

/// Set this thread's first 2 MiB aside if a big render is under way and it has not yet
/// (cheap to call often: a flag and a thread-local).
pub fn catch_up() {
    if !BIG.load(Ordering::Relaxed) || ASIDE.with(|a| a.replace(true)) {
        return;
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if let Some((base, used)) = thread_heap() {
        // Leave room for the probe and the allocator's chunk headers; when the heap is
        // no longer fresh (less than 64 KiB would be set aside), leave it.
        let rest = (base + HUGE).saturating_sub(used + 256);
        if rest > 64 << 10 {
            let aside: Vec<u8> = Vec::with_capacity(rest);
            // (black_box: an allocation nobody uses may otherwise be left out.)
            std::mem::forget(std::hint::black_box(aside));
        }
    }
}
