//! Writing a tree so that nothing is lost: the new tree is built in a sibling folder,
//! synced, and swapped in only when complete. A failed or interrupted render leaves the
//! previous tree exactly as it was; two renders of one tree take turns (a lock file).

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A filesystem error, naming the path and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{action} {}: {source}{}", path.display(), hint(source))]
pub struct WriteError {
    pub action: &'static str,
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

fn hint(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            "\n  hint: the output folder's parent must be writable; the previous tree was left as it was"
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "\n  hint: the disk is full; the previous tree was left as it was"
        }
        std::io::ErrorKind::FileTooLarge => {
            "\n  hint: a file size limit (ulimit -f) refused the write; the previous tree was left as it was"
        }
        _ => "",
    }
}

fn io<T>(action: &'static str, path: &Path, r: std::io::Result<T>) -> Result<T, WriteError> {
    r.map_err(|source| WriteError {
        action,
        path: path.to_path_buf(),
        source,
    })
}

/// The `SHA256SUMS` text for a set of files (sorted by path, `sha256sum -c` format).
pub fn sha256sums(files: &BTreeMap<String, String>) -> String {
    sha256sums_with(files, &HashMap::new())
}

/// [`sha256sums`], taking the digests of some files from `known` (path -> the sha256
/// of that file's text, as its release's worker hashed it).
fn sha256sums_with(files: &BTreeMap<String, String>, known: &HashMap<String, [u8; 32]>) -> String {
    let mut out = String::with_capacity(files.len() * 100);
    for (path, text) in files {
        match known.get(path) {
            Some(d) => out.push_str(&hex::encode(d)),
            None => out.push_str(&hex::encode(Sha256::digest(text.as_bytes()))),
        }
        out.push_str("  ");
        out.push_str(path);
        out.push('\n');
    }
    out
}

/// What [`write_tree`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The tree digest ([`digest`]).
    pub digest: String,
    /// The folder already held exactly these files and was left as it was.
    pub unchanged: bool,
}

/// The tree digest: the sha256 of its `SHA256SUMS`.
pub fn digest(sums: &str) -> String {
    hex::encode(Sha256::digest(sums.as_bytes()))
}

/// Write `files` (plus `SHA256SUMS`) as the folder `out`, replacing what was there
/// atomically (or leaving it as it is when it already holds exactly these files).
pub fn write_tree(out: &Path, files: &BTreeMap<String, String>) -> Result<Written, WriteError> {
    write_tree_with(out, files, &HashMap::new())
}

/// [`write_tree`] with the sha256 of some files already known (`digests`: path -> the
/// sha256 of exactly that file's text in `files`).
pub fn write_tree_with(
    out: &Path,
    files: &BTreeMap<String, String>,
    digests: &HashMap<String, [u8; 32]>,
) -> Result<Written, WriteError> {
    for path in files.keys() {
        let p = Path::new(path);
        // Canonical relative names only: no empty, `.` or `..` segment, no leading `/`
        // (so no two names can land on one file, and none outside the folder).
        let bad = path
            .split('/')
            .any(|seg| seg.is_empty() || seg == "." || seg == "..")
            || path.contains(['\\', '\0'])
            || path == "SHA256SUMS";
        if bad {
            return Err(WriteError {
                action: "refusing to write",
                path: p.to_path_buf(),
                source: std::io::Error::other("a path outside the output folder"),
            });
        }
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    io("creating", &parent, fs::create_dir_all(&parent))?;
    let base = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rendered".into());
    let lock_path = parent.join(format!(".{base}.lock"));
    let lock = io("opening", &lock_path, open_lock(&lock_path))?;
    io("locking", &lock_path, lock.lock())?;
    // Under the lock, leftovers of interrupted renders (any process) can go.
    let prefix = format!(".{base}.new-");
    if let Ok(entries) = fs::read_dir(&parent) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    let previous = fs::symlink_metadata(out).is_ok_and(|m| m.is_dir());
    let entries: Vec<(&String, &String)> = files.iter().collect();
    let (first, second) = entries.split_at(entries.len() / 2);
    // Compare the files with the previous tree on two threads (two halves of the sorted
    // list) while a third hashes them for SHA256SUMS, compares that, and (when it is the
    // same) checks that the previous tree holds nothing else.
    let compare = |part: &[(&String, &String)]| -> Vec<bool> {
        part.iter()
            .map(|(rel, text)| previous && same_file(&out.join(rel), text.as_bytes()))
            .collect()
    };
    let folders = folders(files);
    let summed = || {
        let sums = sha256sums_with(files, digests);
        let same_sums = previous && same_file(&out.join("SHA256SUMS"), sums.as_bytes());
        let only = same_sums && holds_only(out, files, &folders);
        (sums, same_sums, only)
    };
    // Where a thread cannot be started (a process limit), its work runs here.
    let ((sums, same_sums, only), same) = std::thread::scope(|s| {
        let summing = std::thread::Builder::new().spawn_scoped(s, summed);
        let a = std::thread::Builder::new().spawn_scoped(s, || compare(first));
        let b = compare(second);
        let mut same = match a.map(|h| h.join()) {
            Ok(Ok(a)) => a,
            _ => compare(first),
        };
        same.extend(b);
        let summed = match summing.map(|h| h.join()) {
            Ok(Ok(x)) => x,
            _ => summed(),
        };
        (summed, same)
    });
    // A tree that already holds exactly these files (and nothing else) is left as it is:
    // nothing to write, and the files keep their times.
    if same_sums && only && same.iter().all(|&s| s) {
        return Ok(Written {
            digest: digest(&sums),
            unchanged: true,
        });
    }
    let staging = parent.join(format!("{prefix}{}", std::process::id()));
    let result = (|| {
        io("creating", &staging, fs::create_dir(&staging))?;
        // Folders first, in order; then the files on two threads (of two failures the one
        // earlier in the list is reported), SHA256SUMS last.
        for dir in &folders {
            let dir = staging.join(dir);
            io("creating", &dir, fs::create_dir(&dir))?;
        }
        let (same_first, same_second) = same.split_at(first.len());
        let place = |part: &[(&String, &String)], same: &[bool]| -> Result<(), WriteError> {
            for ((rel, text), &same) in part.iter().zip(same) {
                place_file(out, &staging, rel, text, same)?;
            }
            Ok(())
        };
        let (a, b) = std::thread::scope(|s| {
            let a = std::thread::Builder::new().spawn_scoped(s, || place(first, same_first));
            let b = place(second, same_second);
            let a = match a {
                Ok(h) => joined(h.join(), &staging),
                Err(_) => place(first, same_first),
            };
            (a, b)
        });
        a?;
        b?;
        place_file(out, &staging, "SHA256SUMS", &sums, same_sums)?;
        // One flush of the whole filesystem instead of an fsync per file: the tree must
        // be on disk before it is swapped in, and 500 fsyncs cost seconds.
        io("syncing", &staging, sync_fs(&staging))?;
        swap(&staging, out)?;
        Ok(Written {
            digest: digest(&sums),
            unchanged: false,
        })
    })();
    if staging.exists() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// A writer thread's result; a thread that panicked is a write error.
fn joined<T>(
    r: std::thread::Result<Result<T, WriteError>>,
    staging: &Path,
) -> Result<T, WriteError> {
    r.unwrap_or_else(|_| {
        Err(WriteError {
            action: "writing",
            path: staging.to_path_buf(),
            source: std::io::Error::other("a writer thread failed"),
        })
    })
}

/// Put file `rel` of the new tree into `staging`: linked from the previous tree at `out`
/// when that was found to hold it byte for byte (`same`: a re-render that changes little
/// creates few new files), else written.
fn place_file(
    out: &Path,
    staging: &Path,
    rel: &str,
    text: &str,
    same: bool,
) -> Result<(), WriteError> {
    let path = staging.join(rel);
    if same && fs::hard_link(out.join(rel), &path).is_ok() {
        return Ok(());
    }
    let mut f = io("creating", &path, fs::File::create(&path))?;
    io("writing", &path, f.write_all(text.as_bytes()))
}

/// Whether `old` is a plain file (not a link) holding exactly `bytes`. Anything but a
/// plain file of the right size is never opened (a FIFO placed in the tree would block
/// a reader); the open neither follows a link nor waits, should the file be replaced in
/// between. Four system calls.
fn same_file(old: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(old) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
        _ => return false,
    }
    let mut o = fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let Ok(mut f) = o.open(old) else {
        return false;
    };
    same_content(&mut f, bytes)
}

/// Whether what `f` reads, to its end, is exactly `bytes` (a read that gives less than it
/// was asked before the end of `bytes` counts as a difference).
fn same_content(f: &mut impl std::io::Read, bytes: &[u8]) -> bool {
    // Read in pieces of up to 256 KiB, each compared as it comes, into a buffer zeroed
    // once per thread (not once per file). Each read asks one byte more than is left to
    // compare, so that a file longer than `bytes` shows; most files take one read.
    const PIECE: usize = 256 << 10;
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() <= PIECE {
            b.resize(PIECE + 1, 0);
        }
        let mut rest = bytes;
        loop {
            let want = rest.len().min(PIECE) + 1;
            let got = match f.read(&mut b[..want]) {
                Ok(n) => n,
                Err(_) => return false,
            };
            if got > rest.len() || b[..got] != rest[..got] {
                return false;
            }
            rest = &rest[got..];
            // A read that gives less than it was asked has met the end of the file.
            if got < want {
                return rest.is_empty();
            }
        }
    })
}

/// The folders that `files` lie in, each parent before its children (a parent's path
/// is a prefix of theirs, so it sorts first).
fn folders(files: &BTreeMap<String, String>) -> BTreeSet<&str> {
    let mut dirs = BTreeSet::new();
    for rel in files.keys() {
        let mut d = rel.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            if !dirs.insert(parent) {
                break;
            }
            d = parent;
        }
    }
    dirs
}

/// Whether the folder `out` holds nothing but `files`, `SHA256SUMS` and the folders
/// they lie in (`dirs`, from [`folders`]): no other file, folder, link or special file.
fn holds_only(out: &Path, files: &BTreeMap<String, String>, dirs: &BTreeSet<&str>) -> bool {
    let (mut n_files, mut n_dirs) = (0, 0);
    let mut todo = vec![(out.to_path_buf(), String::new())];
    while let Some((dir, rel)) = todo.pop() {
        let Ok(rd) = fs::read_dir(&dir) else {
            return false;
        };
        for e in rd {
            let Ok(e) = e else {
                return false;
            };
            let (Ok(t), Some(name)) = (e.file_type(), e.file_name().to_str().map(String::from))
            else {
                return false;
            };
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if t.is_dir() && dirs.contains(path.as_str()) {
                n_dirs += 1;
                todo.push((e.path(), path));
            } else if t.is_file() && (files.contains_key(&path) || path == "SHA256SUMS") {
                n_files += 1;
            } else {
                return false;
            }
        }
    }
    n_dirs == dirs.len() && n_files == files.len() + 1
}

/// Open (creating) the lock file without following a symlink placed there: a link
/// committed as `.rendered.lock` must not make kiln create or touch a file elsewhere.
fn open_lock(path: &Path) -> std::io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW);
    }
    o.open(path).map_err(|e| {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            std::io::Error::other("the lock file is a symbolic link; remove it")
        } else {
            e
        }
    })
}

/// Put `new` in place of `out`. The old tree is moved aside and removed only after the
/// new one is in place; a crash in between leaves one of the two whole trees at `out` or
/// the old one beside it.
fn swap(new: &Path, out: &Path) -> Result<(), WriteError> {
    let meta = fs::symlink_metadata(out);
    match meta {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            io("renaming into", out, fs::rename(new, out))?;
        }
        Err(e) => {
            return Err(WriteError {
                action: "reading",
                path: out.to_path_buf(),
                source: e,
            });
        }
        Ok(m) if m.file_type().is_symlink() || !m.is_dir() => {
            return Err(WriteError {
                action: "refusing to replace",
                path: out.to_path_buf(),
                source: std::io::Error::other(
                    "the output path is not a plain folder (a file or a link)",
                ),
            });
        }
        Ok(_) if exchange(new, out).is_ok() => {
            // `new` now holds the previous tree.
            io("removing", new, fs::remove_dir_all(new))?;
        }
        Ok(_) => {
            // Named with the staging prefix, so a leftover is swept by the next render.
            let old = PathBuf::from(format!("{}-old", new.display()));
            io("moving aside", out, fs::rename(out, &old))?;
            if let Err(e) = fs::rename(new, out) {
                let _ = fs::rename(&old, out);
                return Err(WriteError {
                    action: "renaming into",
                    path: out.to_path_buf(),
                    source: e,
                });
            }
            io("removing", &old, fs::remove_dir_all(&old))?;
        }
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = fs::File::open(parent)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Flush the filesystem holding `dir` to disk (Linux `syncfs`; elsewhere `sync`).
fn sync_fs(dir: &Path) -> std::io::Result<()> {
    let d = fs::File::open(dir)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is open for the duration of the call.
        if unsafe { libc::syncfs(d.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        d.sync_all()
    }
}

/// Swap two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this system"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty folder of its own for a test, below the system's temporary folder.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kiln-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    /// `same_file` against files of every size around its read pieces: equal, one byte
    /// changed at the start, middle or end, shorter, longer; and never a FIFO.
    #[test]
    fn same_file_compares_every_byte() {
        let dir = scratch("same-file");
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f");
        for len in [0usize, 1, 100, 256 << 10, (256 << 10) + 1, 600_000] {
            let text: Vec<u8> = (0..len).map(|i| b'a' + (i % 23) as u8).collect();
            fs::write(&path, &text).unwrap();
            assert!(same_file(&path, &text), "{len} bytes, equal");
            for at in [0, len / 2, len.saturating_sub(1)] {
                if len == 0 {
                    break;
                }
                let mut other = text.clone();
                other[at] = b'Z';
                assert!(!same_file(&path, &other), "{len} bytes, byte {at} differs");
            }
            if len > 0 {
                assert!(!same_file(&path, &text[..len - 1]), "{len} bytes, shorter");
            }
            let mut longer = text.clone();
            longer.push(b'x');
            assert!(!same_file(&path, &longer), "{len} bytes, longer");
        }
        // A file that grew or shrank after its size was read.
        let text: Vec<u8> = (0..600_000).map(|i| b'a' + (i % 23) as u8).collect();
        for len in [0usize, 1, 100, 256 << 10, (256 << 10) + 1, 600_000] {
            let bytes = &text[..len];
            assert!(same_content(&mut std::io::Cursor::new(bytes), bytes));
            let mut longer = bytes.to_vec();
            longer.push(b'x');
            assert!(
                !same_content(&mut std::io::Cursor::new(&longer), bytes),
                "{len} + 1"
            );
            if len > 0 {
                let shorter = &bytes[..len - 1];
                assert!(
                    !same_content(&mut std::io::Cursor::new(shorter), bytes),
                    "{len} - 1"
                );
            }
        }
        #[cfg(unix)]
        {
            let fifo = dir.join("fifo");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            assert!(!same_file(&fifo, b""));
        }
        let _ = fs::remove_dir_all(&dir);
    }

    fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    #[cfg(unix)]
    fn unchanged_files_are_linked_from_the_previous_tree() {
        use std::os::unix::fs::MetadataExt;
        let dir = scratch("link");
        let out = dir.join("rendered");
        let first = files(&[
            ("a/x.yaml", "x: 1\n"),
            ("a/y.yaml", "y: 1\n"),
            ("z.yaml", "z: 1\n"),
        ]);
        write_tree(&out, &first).unwrap();
        let ino = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
        let (x, y, z) = (ino("a/x.yaml"), ino("a/y.yaml"), ino("z.yaml"));
        // Edited by hand since (same size): must be written anew, not linked.
        fs::remove_file(out.join("z.yaml")).unwrap();
        fs::write(out.join("z.yaml"), "z: 9\n").unwrap();
        let second = files(&[
            ("a/x.yaml", "x: 1\n"),
            ("a/y.yaml", "y: 2\n"),
            ("z.yaml", "z: 1\n"),
        ]);
        write_tree(&out, &second).unwrap();
        assert_eq!(ino("a/x.yaml"), x, "unchanged: the same file");
        assert_ne!(ino("a/y.yaml"), y, "changed: a new file");
        assert_ne!(ino("z.yaml"), z);
        for (p, text) in &second {
            assert_eq!(&fs::read_to_string(out.join(p)).unwrap(), text);
        }
        let _ = fs::remove_dir_all(&dir);
    }

    /// A tree that already holds exactly the new files is not rewritten (same folder,
    /// same files, same times); anything else in it (a stray file or folder, a changed
    /// SHA256SUMS) makes a new tree without it.
    #[test]
    #[cfg(unix)]
    fn an_unchanged_tree_is_left_as_it_is() {
        use std::os::unix::fs::MetadataExt;
        let dir = scratch("same");
        let out = dir.join("rendered");
        let tree = files(&[("a/b/x.yaml", "x: 1\n"), ("z.yaml", "z: 1\n")]);
        let d1 = write_tree(&out, &tree).unwrap();
        let id = |p: &str| {
            let m = fs::symlink_metadata(out.join(p)).unwrap();
            (m.ino(), m.mtime_nsec(), m.ctime_nsec())
        };
        let ids = || -> Vec<_> {
            ["", "a", "a/b", "a/b/x.yaml", "z.yaml", "SHA256SUMS"]
                .iter()
                .map(|p| id(p))
                .collect()
        };
        let before = ids();
        assert_eq!(
            write_tree(&out, &tree).unwrap(),
            Written {
                digest: d1.digest.clone(),
                unchanged: true
            }
        );
        assert_eq!(before, ids(), "nothing was touched");
        type Make = fn(&Path);
        let strays: [(&str, Make); 4] = [
            ("a/stray.yaml", |p| fs::write(p, "s: 1\n").unwrap()),
            ("a/b/empty", |p| fs::create_dir(p).unwrap()),
            ("c", |p| fs::create_dir(p).unwrap()),
            ("SHA256SUMS", |p| fs::write(p, "edited\n").unwrap()),
        ];
        for (stray, make) in strays {
            if stray == "SHA256SUMS" {
                fs::remove_file(out.join(stray)).unwrap();
            }
            make(&out.join(stray));
            let w = write_tree(&out, &tree).unwrap();
            assert_eq!((&w.digest, w.unchanged), (&d1.digest, false), "{stray}");
            assert_ne!(id(""), before[0], "{stray}: a new tree");
            let sums = fs::read_to_string(out.join("SHA256SUMS")).unwrap();
            assert_eq!(sums, sha256sums(&tree), "{stray}");
            if stray != "SHA256SUMS" {
                assert!(!out.join(stray).exists(), "{stray} is gone");
            }
            assert_eq!(fs::read_to_string(out.join("z.yaml")).unwrap(), "z: 1\n");
        }
        let _ = fs::remove_dir_all(&dir);
    }

    /// A FIFO or a link where the previous tree had a file is neither read nor followed:
    /// the new tree gets a plain file, and the render does not wait on the FIFO.
    #[test]
    #[cfg(unix)]
    fn special_files_in_the_previous_tree_are_not_read() {
        let dir = scratch("fifo");
        let out = dir.join("rendered");
        let tree = files(&[("a/p.yaml", "p: 1\n"), ("a/l.yaml", "l: 1\n")]);
        write_tree(&out, &tree).unwrap();
        fs::remove_file(out.join("a/p.yaml")).unwrap();
        let fifo = std::ffi::CString::new(out.join("a/p.yaml").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        fs::write(dir.join("target.yaml"), "l: 1\n").unwrap();
        fs::remove_file(out.join("a/l.yaml")).unwrap();
        std::os::unix::fs::symlink(dir.join("target.yaml"), out.join("a/l.yaml")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let (o, t) = (out.clone(), tree.clone());
        std::thread::spawn(move || tx.send(write_tree(&o, &t).map(|_| ())));
        let done = rx.recv_timeout(std::time::Duration::from_secs(20));
        assert!(matches!(done, Ok(Ok(()))), "{done:?}");
        for (p, text) in &tree {
            let m = fs::symlink_metadata(out.join(p)).unwrap();
            assert!(m.is_file(), "{p}");
            assert_eq!(&fs::read_to_string(out.join(p)).unwrap(), text);
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn writes_replaces_and_removes_stale_files() {
        let dir = scratch("write");
        let out = dir.join("rendered");
        let d1 = write_tree(
            &out,
            &files(&[("a/x.yaml", "x: 1\n"), ("b/y.yaml", "y: 1\n")]),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("a/x.yaml")).unwrap(), "x: 1\n");
        let sums = fs::read_to_string(out.join("SHA256SUMS")).unwrap();
        assert!(sums.contains("  a/x.yaml\n") && sums.contains("  b/y.yaml\n"));
        let d2 = write_tree(&out, &files(&[("a/x.yaml", "x: 2\n")])).unwrap();
        assert_ne!(d1, d2);
        assert!(
            !out.join("b").exists(),
            "files of removed releases disappear"
        );
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            leftovers.len(),
            2,
            "only the tree and its lock file remain: {leftovers:?}"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    /// Files are placed on two threads: of two failures, the one earlier in path order is
    /// reported, whichever thread meets it first; nothing of the failed tree is left and
    /// the previous tree is unchanged.
    #[test]
    fn the_first_failing_file_is_reported_and_the_old_tree_kept() {
        let dir = scratch("write-fail");
        let out = dir.join("rendered");
        let old = files(&[("a/x.yaml", "x: 1\n")]);
        let d_old = write_tree(&out, &old).unwrap();
        // `a/b.yaml` and `z/c.yaml` are both files and folders (of `…/in.yaml`): their
        // creation as files fails, one in each half of the sorted list.
        let mut bad = BTreeMap::new();
        for p in [
            "a/b.yaml",
            "a/b.yaml/in.yaml",
            "m/1.yaml",
            "m/2.yaml",
            "z/c.yaml",
            "z/c.yaml/in.yaml",
        ] {
            bad.insert(p.to_string(), "k: v\n".to_string());
        }
        for _ in 0..20 {
            let e = write_tree(&out, &bad).unwrap_err();
            assert!(e.path.ends_with("a/b.yaml"), "{e}");
            assert_eq!(fs::read_to_string(out.join("a/x.yaml")).unwrap(), "x: 1\n");
            let sums = fs::read_to_string(out.join("SHA256SUMS")).unwrap();
            assert_eq!(digest(&sums), d_old.digest);
            let names: Vec<_> = fs::read_dir(&dir)
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            assert_eq!(
                names.len(),
                2,
                "only the tree and its lock file remain: {names:?}"
            );
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn refuses_paths_outside_the_tree() {
        let dir = std::env::temp_dir().join(format!("kiln-write-bad-{}", std::process::id()));
        let out = dir.join("rendered");
        for bad in [
            "../x.yaml",
            "/etc/x",
            "a/../../x",
            "SHA256SUMS",
            "",
            "a//b",
            "a/./b",
            "a/",
            "a\\b",
            "a\0b",
        ] {
            assert!(write_tree(&out, &files(&[(bad, "x")])).is_err(), "{bad}");
        }
        assert!(!out.exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn digest_is_the_hash_of_the_sums() {
        let f = files(&[("a", "1")]);
        let sums = sha256sums(&f);
        assert_eq!(
            sums,
            "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b  a\n"
        );
        assert_eq!(digest(&sums).len(), 64);
    }
}
