//! Reading a chart `.tgz`: Helm's `LoadArchiveFiles` rules.

use std::io::Read;

use super::{File, strip_bom};
use std::sync::Arc;

/// Largest decompressed file Helm accepts (5 MiB).
pub const MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;
/// Largest decompressed chart Helm accepts (100 MiB).
pub const MAX_CHART_SIZE: u64 = 100 * 1024 * 1024;

#[derive(Debug)]
pub enum ArchiveError {
    /// gzip or tar structure is broken.
    Corrupt(String),
    /// The archive is well-formed but Helm rejects its content.
    Invalid(String),
}

/// Most entries a chart archive may have (real charts have a few hundred).
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes the whole decompressed tar stream may have: the chart cap plus room for
/// headers, padding and directory entries. Bounds a gzip bomb hidden in entries that
/// are skipped (directories, pax headers) as well as in files.
pub const MAX_STREAM_SIZE: u64 = MAX_CHART_SIZE + 16 * 1024 * 1024;

/// A reader that fails once more than `left` bytes have been read.
struct Capped<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            return Err(std::io::Error::other(format!(
                "decompressed chart archive is larger than {MAX_STREAM_SIZE} bytes (a gzip bomb?)"
            )));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// The files of a chart archive, with the first path component (the chart folder) removed.
pub fn archive_files(data: &[u8]) -> Result<Vec<File>, ArchiveError> {
    archive_files_with(data, &mut |_, _, _| {})
}

/// [`archive_files`], calling `seen(top folder, name in the chart, data)` for each file
/// as soon as it is read, while the rest of the archive is still being decompressed.
pub fn archive_files_with(data: &[u8], seen: &mut super::Seen) -> Result<Vec<File>, ArchiveError> {
    let gz = flate2::read::GzDecoder::new(data);
    let mut ar = tar::Archive::new(Capped {
        inner: gz,
        left: MAX_STREAM_SIZE,
    });
    let entries = ar
        .entries()
        .map_err(|e| ArchiveError::Corrupt(e.to_string()))?;
    let mut files = Vec::new();
    let mut remaining = MAX_CHART_SIZE;
    for (count, entry) in entries.enumerate() {
        if count >= MAX_ENTRIES {
            return Err(ArchiveError::Invalid(format!(
                "chart archive has more than {MAX_ENTRIES} entries"
            )));
        }
        let mut entry = entry.map_err(|e| {
            if e.to_string().contains("gzip bomb") {
                ArchiveError::Invalid(e.to_string())
            } else {
                ArchiveError::Corrupt(e.to_string())
            }
        })?;
        let et = entry.header().entry_type();
        if et.is_dir()
            || et.is_pax_global_extensions()
            || et.is_pax_local_extensions()
            || et.is_gnu_longname()
            || et.is_gnu_longlink()
        {
            continue;
        }
        let raw_name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        if et.is_symlink() || et.is_hard_link() {
            return Err(ArchiveError::Invalid(format!(
                "chart illegally contains a link: {raw_name:?}"
            )));
        }
        if !(et.is_file() || et == tar::EntryType::Continuous || et == tar::EntryType::GNUSparse) {
            return Err(ArchiveError::Invalid(format!(
                "chart illegally contains a special file: {raw_name:?}"
            )));
        }
        let delim = if raw_name.contains('\\') { '\\' } else { '/' };
        let parts: Vec<&str> = raw_name.split(delim).collect();
        let n = parts[1..].join("/");
        if n.starts_with('/') {
            return Err(ArchiveError::Invalid(
                "chart illegally contains absolute paths".into(),
            ));
        }
        let n = clean_path(&n);
        if n == "." {
            return Err(ArchiveError::Invalid(format!(
                "chart illegally contains content outside the base directory: {raw_name:?}"
            )));
        }
        if n.starts_with("..") {
            return Err(ArchiveError::Invalid(
                "chart illegally references parent directory".into(),
            ));
        }
        let b = n.as_bytes();
        if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
            return Err(ArchiveError::Invalid(
                "chart contains illegally named files".into(),
            ));
        }
        if parts[0] == "Chart.yaml" {
            return Err(ArchiveError::Invalid(
                "chart yaml not in base directory".into(),
            ));
        }
        let size = entry.header().size().unwrap_or(0);
        if size > remaining {
            return Err(ArchiveError::Invalid(format!(
                "decompressed chart is larger than the maximum file size {MAX_CHART_SIZE}"
            )));
        }
        if size > MAX_FILE_SIZE {
            return Err(ArchiveError::Invalid(format!(
                "decompressed chart file {raw_name:?} is larger than the maximum file size {MAX_FILE_SIZE}"
            )));
        }
        // Read straight into the file's shared buffer (no second copy of each file).
        // SAFETY: the slice is zeroed, and zeroed bytes are initialized `u8`s.
        let mut data: Arc<[u8]> = unsafe { Arc::new_zeroed_slice(size as usize).assume_init() };
        let mut got = 0;
        if let Some(buf) = Arc::get_mut(&mut data) {
            while got < buf.len() {
                match entry.read(&mut buf[got..]) {
                    Ok(0) => break,
                    Ok(n) => got += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(ArchiveError::Corrupt(e.to_string())),
                }
            }
        }
        remaining -= got as u64;
        if (got as u64) < size || remaining == 0 {
            return Err(ArchiveError::Invalid(format!(
                "decompressed chart is larger than the maximum file size {MAX_CHART_SIZE}"
            )));
        }
        let data = strip_bom(data);
        seen(parts[0], &n, &data);
        files.push(File { name: n, data });
    }
    if files.is_empty() {
        return Err(ArchiveError::Invalid("no files in chart archive".into()));
    }
    Ok(files)
}

/// Go's `path.Clean`.
pub fn clean_path(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|s| *s != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if rooted {
        format!("/{joined}")
    } else if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_path_clean() {
        let cases = [
            ("", "."),
            ("a/b", "a/b"),
            ("a//b/", "a/b"),
            ("a/./b", "a/b"),
            ("a/../b", "b"),
            ("../a", "../a"),
            ("a/../../b", "../b"),
            ("/../a", "/a"),
            ("a/..", "."),
        ];
        for (i, o) in cases {
            assert_eq!(clean_path(i), o, "{i}");
        }
    }
}
