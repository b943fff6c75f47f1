//! Reading a chart `.tgz`: Helm's `LoadArchiveFiles` rules.

use std::io::Read;

use super::{Data, File, strip_bom};

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
    match inflate_whole(data) {
        Some(tar) => {
            let whole = Data::from(tar);
            // In memory the stream can seek: the entries' bytes, which the files share,
            // are skipped rather than read through. (Its size is within the cap already.)
            let mut ar = tar::Archive::new(std::io::Cursor::new(&whole[..]));
            let entries = ar
                .entries_with_seek()
                .map_err(|e| ArchiveError::Corrupt(e.to_string()))?;
            files_from(entries, Some(&whole), seen)
        }
        // Go's gzip reader reads a stream of several gzip members as one, and so does
        // this one.
        None => files_of(flate2::read::MultiGzDecoder::new(data), seen),
    }
}

/// The decompressed size a gzip stream's trailer states (of its last member, modulo
/// 2^32), or `None` when the data is too short to have one.
fn gzip_size(data: &[u8]) -> Option<usize> {
    let trailer: [u8; 4] = data.get(data.len().checked_sub(4)?..)?.try_into().ok()?;
    Some(u32::from_le_bytes(trailer) as usize)
}

/// The tar stream of a `.tgz` decompressed in one call by libdeflate (about 2.5 times as
/// fast as the streaming decoder: a chart of 1.7 MB in 1 ms instead of 2.5 ms), when
/// the archive is exactly one gzip member whose trailer gives its size within
/// [`MAX_STREAM_SIZE`] and whose CRC checks. `None` for anything else: the streaming
/// path then reads it as before, with its error messages and the size cap.
fn inflate_whole(data: &[u8]) -> Option<Vec<u8>> {
    let size = gzip_size(data)?;
    if size as u64 > MAX_STREAM_SIZE || data.len() < 18 {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(size);
    let (mut used_in, mut used_out) = (0usize, 0usize);
    // SAFETY: the decompressor is checked for null and freed once; the input pointer and
    // length are those of a live slice, the output is `out`'s allocation of `size`
    // bytes, and libdeflate writes at most that many bytes and the two counts.
    let result = unsafe {
        let d = libdeflate_sys::libdeflate_alloc_decompressor();
        if d.is_null() {
            return None;
        }
        let r = libdeflate_sys::libdeflate_gzip_decompress_ex(
            d,
            data.as_ptr().cast(),
            data.len(),
            out.as_mut_ptr().cast(),
            size,
            &mut used_in,
            &mut used_out,
        );
        libdeflate_sys::libdeflate_free_decompressor(d);
        r
    };
    let whole = result == libdeflate_sys::libdeflate_result_LIBDEFLATE_SUCCESS
        && used_in == data.len()
        && used_out == size;
    if !whole {
        return None;
    }
    // SAFETY: libdeflate reported writing all `size` bytes of the buffer's capacity.
    unsafe { out.set_len(size) };
    Some(out)
}

/// The files of the tar stream `tar`; with `whole`, the whole stream in memory, whose
/// slices the files' data then are.
fn files_of(tar: impl Read, seen: &mut super::Seen) -> Result<Vec<File>, ArchiveError> {
    let mut ar = tar::Archive::new(Capped {
        inner: tar,
        left: MAX_STREAM_SIZE,
    });
    let entries = ar
        .entries()
        .map_err(|e| ArchiveError::Corrupt(e.to_string()))?;
    files_from(entries, None, seen)
}

/// The files of a tar stream's `entries`; with `whole`, the whole stream in memory,
/// whose slices the files' data then are.
fn files_from<R: Read>(
    entries: tar::Entries<'_, R>,
    whole: Option<&Data>,
    seen: &mut super::Seen,
) -> Result<Vec<File>, ArchiveError> {
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
        let start = entry.raw_file_position() as usize;
        let (data, got) = match whole {
            // A plain file's bytes lie in the stream as they are: share them.
            Some(whole) if et != tar::EntryType::GNUSparse && start <= whole.len() => {
                let got = (size as usize).min(whole.len() - start);
                (whole.slice(start..start + got), got)
            }
            _ => {
                let mut buf = vec![0u8; size as usize];
                let mut got = 0;
                while got < buf.len() {
                    match entry.read(&mut buf[got..]) {
                        Ok(0) => break,
                        Ok(n) => got += n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(ArchiveError::Corrupt(e.to_string())),
                    }
                }
                (Data::from(buf), got)
            }
        };
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
    use std::io::Write;

    /// A gzipped tar stream of files `c/f0`, `c/f1`, … with the given contents.
    fn tgz(files: &[&[u8]]) -> Vec<u8> {
        let mut tb = tar::Builder::new(Vec::new());
        for (i, data) in files.iter().enumerate() {
            let mut h = tar::Header::new_gnu();
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            tb.append_data(&mut h, format!("c/f{i}"), *data).unwrap();
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&tb.into_inner().unwrap()).unwrap();
        gz.finish().unwrap()
    }

    /// One gzip member is decompressed whole, and its files are slices of it with the
    /// same bytes the streaming reader gives; anything else goes to the streaming reader.
    #[test]
    fn whole_inflate_gives_what_the_stream_gives() {
        let long: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let files: &[&[u8]] = &[b"", b"\xef\xbb\xbfbom", &long, b"tail"];
        let data = tgz(files);
        assert!(
            inflate_whole(&data).is_some(),
            "one member: decompressed whole"
        );
        let fast = archive_files(&data).unwrap();
        let slow = files_of(flate2::read::GzDecoder::new(&data[..]), &mut |_, _, _| {}).unwrap();
        let pairs = |v: &[File]| -> Vec<(String, Vec<u8>)> {
            v.iter()
                .map(|f| (f.name.clone(), f.data.to_vec()))
                .collect()
        };
        assert_eq!(pairs(&fast), pairs(&slow));
        assert_eq!(fast[1].data.as_ref(), b"bom");
        assert_eq!(fast[2].data.as_ref(), &long[..]);
        // The files are slices of the one decompressed stream, not copies: the next
        // file's bytes start where the tar layout puts them (the long file padded to
        // 512 bytes, then one 512-byte header).
        let gap = fast[3].data.as_ptr() as usize - fast[2].data.as_ptr() as usize;
        assert_eq!(gap, long.len().div_ceil(512) * 512 + 512);
        // Two members, trailing bytes, a wrong size in the trailer, a cut archive: not
        // decompressed whole.
        let mut two = data.clone();
        two.extend_from_slice(&tgz(&[b"x"]));
        let mut trailing = data.clone();
        trailing.push(0);
        let mut size = data.clone();
        let n = size.len();
        size[n - 4] ^= 1;
        for (what, bad) in [
            ("two members", &two[..]),
            ("trailing byte", &trailing[..]),
            ("wrong size", &size[..]),
            ("cut", &data[..data.len() - 9]),
            ("empty", &[][..]),
        ] {
            assert!(inflate_whole(bad).is_none(), "{what}");
        }
    }

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
