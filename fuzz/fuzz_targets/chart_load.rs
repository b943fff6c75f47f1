//! The chart loader on arbitrary bytes: an error or a chart, never a panic, and bounded
//! memory (libFuzzer's -rss_limit_mb catches a bomb that is not).
//!
//! Input that is not gzip is taken as an uncompressed tar stream and gzip'ed first, so
//! the fuzzer mutates tar headers and chart files rather than compressed bytes (the
//! seeds are the corpus charts, un-gzip'ed by run.sh).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(&[0x1f, 0x8b]) {
        let _ = kiln::chart::load_archive_named(data, "fuzz.tgz");
        return;
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if gz.write_all(data).is_ok()
        && let Ok(bytes) = gz.finish()
    {
        let _ = kiln::chart::load_archive_named(&bytes, "fuzz.tgz");
    }
});
