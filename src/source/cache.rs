//! The content-addressed chart cache: `<root>/sha256/<hex>.tgz`.
//!
//! Every write goes to a temporary file in the same folder, is synced, and is renamed
//! onto its final name, so readers (other threads, other kiln processes) see either no
//! file or the whole file; two processes writing the same archive write the same bytes
//! under the same name. Every read checks the bytes against the name: a file whose hash
//! differs is reported and never used. `<root>/index/` keeps repository indexes with
//! their `ETag`/`Last-Modified` for conditional requests.

use super::Error;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The sha256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Strip an optional `sha256:` prefix and check that the rest is 64 hex digits.
pub fn normalize_digest(d: &str) -> Option<String> {
    let h = d.trim();
    let h = h.strip_prefix("sha256:").unwrap_or(h).to_ascii_lowercase();
    (h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())).then_some(h)
}

/// A chart cache rooted at a folder (usually `charts-cache/`).
#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

pub(crate) fn io_err(action: &str, path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        action: action.to_string(),
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Write `bytes` to `path` atomically: a unique temporary file beside it, fsync, rename,
/// then fsync the folder.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| io_err("creating", &dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}-{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| io_err("creating", &tmp, e))?;
        f.write_all(bytes).map_err(|e| io_err("writing", &tmp, e))?;
        f.sync_all().map_err(|e| io_err("syncing", &tmp, e))?;
        drop(f);
        fs::rename(&tmp, path).map_err(|e| io_err("renaming into place", path, e))?;
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// What `import` did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Archives newly added to the cache (hex digests, sorted).
    pub added: Vec<String>,
    /// Archives that were already there.
    pub present: Vec<String>,
    /// The `stack.lock` found in a bundle, if any.
    pub lock: Option<String>,
}

impl Cache {
    pub fn new(root: impl Into<PathBuf>) -> Cache {
        Cache { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the archive with this hex digest lives.
    pub fn path_of(&self, hex: &str) -> PathBuf {
        self.root.join("sha256").join(format!("{hex}.tgz"))
    }

    pub(crate) fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }

    /// Whether an archive with this digest is present (not verified).
    pub fn contains(&self, hex: &str) -> bool {
        self.path_of(hex).is_file()
    }

    /// Read and verify an archive. `Ok(None)` when absent; an error when the bytes do not
    /// hash to the name (the file is left for inspection and not used).
    pub fn get(&self, hex: &str) -> Result<Option<Vec<u8>>, Error> {
        let path = self.path_of(hex);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err("reading", &path, e)),
        };
        let actual = sha256_hex(&bytes);
        if actual != hex {
            return Err(Error::CorruptCache {
                path,
                expected: hex.to_string(),
                actual,
            });
        }
        Ok(Some(bytes))
    }

    /// Whether an archive is present and intact.
    pub fn verify(&self, hex: &str) -> Result<bool, Error> {
        Ok(self.get(hex)?.is_some())
    }

    /// Store bytes under their sha256; returns the hex digest. An intact copy already there
    /// is kept; a damaged one is replaced (its name says what the bytes must be).
    pub fn put(&self, bytes: &[u8]) -> Result<String, Error> {
        let hex = sha256_hex(bytes);
        let path = self.path_of(&hex);
        if let Ok(existing) = fs::read(&path)
            && existing.len() == bytes.len()
            && sha256_hex(&existing) == hex
        {
            return Ok(hex);
        }
        write_atomic(&path, bytes)?;
        Ok(hex)
    }

    /// All archive digests in the cache (sorted), without verifying them.
    pub fn list(&self) -> Result<Vec<String>, Error> {
        let dir = self.root.join("sha256");
        let mut out = Vec::new();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(io_err("listing", &dir, e)),
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(hex) = name.strip_suffix(".tgz").and_then(normalize_digest)
                && hex == name.trim_end_matches(".tgz")
            {
                out.push(hex);
            }
        }
        out.sort();
        Ok(out)
    }

    /// Write a bundle (a tar, gzipped when `file` ends in `.gz`/`.tgz`) of the archives
    /// `digests` (all archives when `None`) as `sha256/<hex>.tgz`, plus `lock` as
    /// `stack.lock`. Entries are sorted with fixed metadata, so the same cache gives the same
    /// bundle. Every archive is verified before it is written. Returns the digests written.
    pub fn export(
        &self,
        file: &Path,
        digests: Option<&[String]>,
        lock: Option<&str>,
    ) -> Result<Vec<String>, Error> {
        let mut list: Vec<String> = match digests {
            Some(d) => d.to_vec(),
            None => self.list()?,
        };
        list.sort();
        list.dedup();
        let mut tar = tar::Builder::new(Vec::new());
        let mut add = |name: &str, data: &[u8]| -> Result<(), Error> {
            let mut h = tar::Header::new_ustar();
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            h.set_mtime(0);
            h.set_uid(0);
            h.set_gid(0);
            h.set_entry_type(tar::EntryType::Regular);
            tar.append_data(&mut h, name, data)
                .map_err(|e| io_err("bundling", file, e))
        };
        if let Some(l) = lock {
            add("stack.lock", l.as_bytes())?;
        }
        for hex in &list {
            let bytes = self.get(hex)?.ok_or_else(|| Error::Missing {
                charts: vec![format!(
                    "sha256:{hex} (named by the lock, not in the cache {})",
                    self.root.display()
                )],
                hint: "run `kiln pull` first".into(),
            })?;
            add(&format!("sha256/{hex}.tgz"), &bytes)?;
        }
        let data = tar.into_inner().map_err(|e| io_err("bundling", file, e))?;
        let name = file.to_string_lossy();
        let data = if name.ends_with(".gz") || name.ends_with(".tgz") {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(&data)
                .map_err(|e| io_err("compressing", file, e))?;
            enc.finish().map_err(|e| io_err("compressing", file, e))?
        } else {
            data
        };
        write_atomic(file, &data)?;
        Ok(list)
    }

    /// Import archives: from a folder (every `*.tgz` in it and in its `sha256/` subfolder)
    /// or from a bundle written by `export` (tar, optionally gzipped). A bundle entry named
    /// `sha256/<hex>.tgz` must hash to `<hex>`, otherwise nothing is imported.
    pub fn import(&self, from: &Path) -> Result<ImportReport, Error> {
        let mut items: Vec<(String, Vec<u8>)> = Vec::new();
        let mut lock = None;
        if from.is_dir() {
            let mut files = Vec::new();
            for dir in [from.to_path_buf(), from.join("sha256")] {
                if let Ok(entries) = fs::read_dir(&dir) {
                    for e in entries.flatten() {
                        let p = e.path();
                        if p.is_file() && p.extension().is_some_and(|x| x == "tgz") {
                            files.push(p);
                        }
                    }
                }
            }
            files.sort();
            for p in files {
                let bytes = fs::read(&p).map_err(|e| io_err("reading", &p, e))?;
                items.push((p.to_string_lossy().into_owned(), bytes));
            }
            let l = from.join("stack.lock");
            if l.is_file() {
                lock = Some(fs::read_to_string(&l).map_err(|e| io_err("reading", &l, e))?);
            }
        } else {
            let raw = fs::read(from).map_err(|e| io_err("reading", from, e))?;
            let data = if raw.starts_with(&[0x1f, 0x8b]) {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .map_err(|e| io_err("decompressing", from, e))?;
                out
            } else {
                raw
            };
            let mut ar = tar::Archive::new(&data[..]);
            let entries = ar
                .entries()
                .map_err(|e| io_err("reading the bundle", from, e))?;
            for e in entries {
                let mut e = e.map_err(|e| io_err("reading the bundle", from, e))?;
                if !e.header().entry_type().is_file() {
                    continue;
                }
                let name = e
                    .path()
                    .map_err(|e| io_err("reading the bundle", from, e))?
                    .to_string_lossy()
                    .into_owned();
                let mut bytes = Vec::new();
                e.read_to_end(&mut bytes)
                    .map_err(|e| io_err("reading the bundle", from, e))?;
                if name == "stack.lock" {
                    lock = Some(String::from_utf8_lossy(&bytes).into_owned());
                } else if name.ends_with(".tgz") {
                    items.push((name, bytes));
                }
            }
        }
        // Check everything before writing anything.
        for (name, bytes) in &items {
            let base = Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(hex) = base.strip_suffix(".tgz").and_then(normalize_digest) {
                let actual = sha256_hex(bytes);
                if actual != hex {
                    return Err(Error::Digest {
                        what: format!("{name} in {}", from.display()),
                        expected: hex,
                        actual,
                        hint: "the bundle is damaged or was altered; nothing was imported".into(),
                    });
                }
            }
        }
        let mut report = ImportReport {
            lock,
            ..Default::default()
        };
        for (_, bytes) in &items {
            let hex = sha256_hex(bytes);
            if self.verify(&hex).unwrap_or(false) {
                report.present.push(hex);
            } else {
                self.put(bytes)?;
                report.added.push(hex);
            }
        }
        report.added.sort();
        report.added.dedup();
        report.present.sort();
        report.present.dedup();
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("kiln-cache-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn put_get_verify_and_corruption() {
        let c = Cache::new(tmp("put"));
        let hex = c.put(b"chart bytes").unwrap();
        assert_eq!(hex, sha256_hex(b"chart bytes"));
        assert_eq!(c.get(&hex).unwrap().unwrap(), b"chart bytes");
        assert_eq!(c.get(&"0".repeat(64)).unwrap(), None);
        fs::write(c.path_of(&hex), b"tampered").unwrap();
        let e = c.get(&hex).unwrap_err();
        assert!(e.to_string().contains("is damaged"), "{e}");
        // A put of the right bytes repairs it.
        c.put(b"chart bytes").unwrap();
        assert!(c.verify(&hex).unwrap());
        assert_eq!(c.list().unwrap(), vec![hex]);
        let _ = fs::remove_dir_all(c.root());
    }

    #[test]
    fn parallel_puts_of_the_same_bytes() {
        let c = Cache::new(tmp("par"));
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..5 {
                        c.put(&data).unwrap();
                    }
                });
            }
        });
        let hex = sha256_hex(&data);
        assert_eq!(c.get(&hex).unwrap().unwrap(), data);
        let leftovers: Vec<_> = fs::read_dir(c.root().join("sha256"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty());
        let _ = fs::remove_dir_all(c.root());
    }

    #[test]
    fn export_import_round_trip() {
        let a = Cache::new(tmp("exp-a"));
        let b = Cache::new(tmp("exp-b"));
        let h1 = a.put(b"one").unwrap();
        let h2 = a.put(b"two").unwrap();
        let bundle = tmp("bundle").with_extension("tar.gz");
        let written = a.export(&bundle, None, Some("lockVersion: 1\n")).unwrap();
        assert_eq!(written.len(), 2);
        let again = tmp("bundle2").with_extension("tar.gz");
        a.export(&again, None, Some("lockVersion: 1\n")).unwrap();
        assert_eq!(
            fs::read(&bundle).unwrap(),
            fs::read(&again).unwrap(),
            "bundles are deterministic"
        );
        let r = b.import(&bundle).unwrap();
        assert_eq!(r.added.len(), 2);
        assert_eq!(r.lock.as_deref(), Some("lockVersion: 1\n"));
        assert!(b.verify(&h1).unwrap() && b.verify(&h2).unwrap());
        let r = b.import(&bundle).unwrap();
        assert_eq!((r.added.len(), r.present.len()), (0, 2));
        // A folder of plain archives.
        let dir = tmp("folder");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("x-1.0.0.tgz"), b"three").unwrap();
        let r = b.import(&dir).unwrap();
        assert_eq!(r.added, vec![sha256_hex(b"three")]);
        // A bundle entry whose content does not match its name is refused whole.
        fs::write(dir.join(format!("{h1}.tgz")), b"not one").unwrap();
        let c = Cache::new(tmp("exp-c"));
        let e = c.import(&dir).unwrap_err();
        assert!(e.to_string().contains("nothing was imported"), "{e}");
        assert!(c.list().unwrap().is_empty());
        for p in [a.root(), b.root(), c.root(), &dir] {
            let _ = fs::remove_dir_all(p);
        }
        let _ = fs::remove_file(bundle);
        let _ = fs::remove_file(again);
    }
}
