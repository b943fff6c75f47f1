//! Whether a chart render may start helper threads of its own.
//!
//! Rendering one chart alone (`kiln template`, or `kiln render -j1` on a machine with more
//! cores) leaves cores idle, and a render fills them: templates are parsed on a second
//! thread while the archive decompresses, rendered files are read on another while the
//! next templates render, the two primes of an RSA key are searched side by side. When
//! `kiln render` already runs as many releases at once as there are cores, those threads
//! find no idle core: they only add thread starts, hand-offs and cache misses (measured on
//! the default stack with two workers on two cores: 1.17x faster without them). Results
//! never depend on it: each helper's work is the same when its caller does it.

use std::sync::atomic::{AtomicBool, Ordering};

static HELPERS: AtomicBool = AtomicBool::new(true);

/// Whether renders may start helper threads (the default).
pub fn helpers() -> bool {
    HELPERS.load(Ordering::Relaxed)
}

/// Allow or forbid helper threads for the renders that start from now on.
pub fn set_helpers(on: bool) {
    HELPERS.store(on, Ordering::Relaxed);
}

/// Allow helper threads only while `workers` threads rendering releases at once leave a
/// core idle for them; the previous setting comes back when the guard is dropped.
pub fn for_workers(workers: usize) -> Restore {
    let before = helpers();
    set_helpers(std::thread::available_parallelism().map_or(1, |n| n.get()) > workers);
    Restore(before)
}

/// Puts back the helper setting that [`for_workers`] replaced.
pub struct Restore(bool);

impl Drop for Restore {
    fn drop(&mut self) {
        set_helpers(self.0);
    }
}
