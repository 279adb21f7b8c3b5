//! File-system operations on hostile names and paths: names that become paths are checked and
//! must stay inside their folder, files are written whole or not at all through a temporary
//! file created exclusively beside the target (a planted link is never followed), and reads
//! of compressed or user-chosen data stop at a cap.

use crate::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

pub use nfl_dfs_domain::capped_read::{
    human_bytes, read_capped, too_large, CappedReader, LineCappedReader,
};

/// The longest name that may become a path (a model version, an export name).
pub const MAX_NAME_LEN: usize = 64;

/// Checks a name that becomes one path component: 1 to 64 of `A-Z a-z 0-9 . _ -`, not
/// starting with a dot (so never `.` or `..`). `what` names it in the message.
pub fn check_name(what: &str, name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "'{}' is not a valid {what}: use 1 to {MAX_NAME_LEN} letters, digits, '.', '_' or \
             '-', not starting with '.'",
            name.chars().take(80).collect::<String>()
        )))
    }
}

/// `folder/name` after [`check_name`]: the result is always directly inside `folder`.
pub fn child(folder: &Path, what: &str, name: &str) -> Result<PathBuf> {
    check_name(what, name)?;
    Ok(folder.join(name))
}

/// Whether two paths name the same existing file (after links and `..`).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `path` whole or not at all: `write` fills a temporary file created exclusively in
/// the same folder, which is flushed to disk and renamed over `path`. The folder must exist;
/// the message says so when it does not. Nothing is left behind on failure.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let folder = check_output_path(path)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(Error::io("writing a temporary file in", folder))?;
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file_mut().flush())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(Error::io("writing", path))?;
    tmp.persist(path)
        .map_err(|e| Error::io("writing", path)(e.error))?;
    Ok(())
}

/// Checks that `path` can be written (its folder exists, it is not a folder) before any work
/// whose result goes there; returns the folder.
pub fn check_output_path(path: &Path) -> Result<&Path> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Error::io("writing", path)(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("the folder {} does not exist", folder.display()),
        )));
    }
    if path.is_dir() {
        return Err(Error::io("writing", path)(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    Ok(folder)
}

/// Checks a file the user asked the app to write (an export, an upload file, a pick): its folder
/// exists; it is not a folder, a symbolic link or a special file (a device, a FIFO, a socket);
/// and it is none of `managed` (files and folders the app keeps, each with what it is in words)
/// nor inside one. Returns the folder. Nothing is written.
pub fn check_user_output<'p>(path: &'p Path, managed: &[(PathBuf, &str)]) -> Result<&'p Path> {
    let refuse = |why: String| {
        Error::InvalidInput(format!(
            "{} cannot be written: {why}; choose another file.",
            path.display()
        ))
    };
    let folder = check_output_path(path)?;
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return Err(refuse("it is a symbolic link".into()));
        }
        if !meta.is_file() {
            return Err(refuse(
                "it is a device, FIFO or socket, not a regular file".into(),
            ));
        }
    }
    let target = std::fs::canonicalize(folder)
        .map_err(Error::io("reading", folder))?
        .join(path.file_name().unwrap_or_default());
    for (kept, what) in managed {
        // A kept file not made yet (a WAL between checkpoints) is placed by its folder.
        let kept = std::fs::canonicalize(kept)
            .or_else(|_| match (kept.parent(), kept.file_name()) {
                (Some(parent), Some(name)) => std::fs::canonicalize(parent).map(|p| p.join(name)),
                _ => Ok(kept.clone()),
            })
            .unwrap_or_else(|_| kept.clone());
        if target == kept || target.starts_with(&kept) {
            return Err(refuse(format!("it is {what}, which the app keeps")));
        }
    }
    Ok(folder)
}

/// `path` with every link resolved: the longest part that exists canonicalized, the rest
/// appended as given.
pub fn resolved(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&existing) {
            return rest
                .iter()
                .rev()
                .fold(real, |p, c: &std::ffi::OsString| p.join(c));
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Checks a folder the app is asked to write a tree of files into: it is not `kept` (a folder
/// the app keeps, named `what`), not inside it, and does not hold it; and none of `below` (the
/// folders the tree creates, relative to `folder`) is a symbolic link already there.
pub fn check_output_folder(
    folder: &Path,
    kept: &Path,
    what: &str,
    below: &[PathBuf],
) -> Result<()> {
    let refuse = |why: String| {
        Error::InvalidInput(format!(
            "{} cannot be written to: {why}; choose another folder.",
            folder.display()
        ))
    };
    let (target, kept) = (resolved(folder), resolved(kept));
    if target == kept || target.starts_with(&kept) {
        return Err(refuse(format!("it is inside {what}, which the app keeps")));
    }
    if kept.starts_with(&target) {
        return Err(refuse(format!("it holds {what}, which the app keeps")));
    }
    for part in below {
        let mut path = folder.to_path_buf();
        for component in part.components() {
            path.push(component);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(refuse(format!("{} is a symbolic link", path.display())));
            }
        }
    }
    Ok(())
}

/// [`write_atomically_with`] for bytes in memory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, |f| f.write_all(bytes))
}

/// What a path that is not a regular file is, in words ("a folder", "a FIFO (named pipe)",
/// "a device", "a socket"); None for a regular file.
pub fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The operating system's error for a chain of symbolic links that never ends.
#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
const LINK_LOOP: i32 = 62;
/// The operating system's error for a chain of symbolic links that never ends.
#[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "freebsd")))]
const LINK_LOOP: i32 = 40;

/// An I/O error said in words where the operating system's words are obscure: a symbolic link
/// loop, a file where a folder was expected.
pub fn plainly(e: std::io::Error) -> std::io::Error {
    if cfg!(unix) && e.raw_os_error() == Some(LINK_LOOP) {
        return std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is a symbolic link that loops back on itself",
        );
    }
    if e.kind() == std::io::ErrorKind::NotADirectory {
        return std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "a part of the path is a file, not a folder",
        );
    }
    e
}

/// Opens a file for reading only when it is a regular file (links followed): a folder, a FIFO,
/// a device or a socket is refused, saying which, before it is opened, so no read waits forever
/// on a pipe nobody writes or runs on without end on a device. Every file the app reads on a
/// user's behalf is opened here.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let refuse = |what: &str| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {what}, not a file"),
        )
    };
    let meta = std::fs::metadata(path).map_err(plainly)?;
    if let Some(what) = not_a_file(&meta) {
        return Err(refuse(what));
    }
    let file = std::fs::File::open(path).map_err(plainly)?;
    // Swapped for something else between the two looks: still refused.
    if let Some(what) = not_a_file(&file.metadata()?) {
        return Err(refuse(what));
    }
    Ok(file)
}

/// Copies a regular file (see [`open_regular`]) to `to`, written whole through a temporary file
/// beside it (a link planted at `to` is replaced, never followed).
pub fn copy_regular(from: &Path, to: &Path) -> Result<()> {
    let mut source = open_regular(from).map_err(Error::io("reading", from))?;
    write_atomically_with(to, |f| std::io::copy(&mut source, f).map(|_| ()))
}

/// Reads a whole file of at most `limit` bytes, checking its size before reading.
pub fn read_file_capped(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    if file.metadata()?.len() > limit {
        return Err(too_large(limit));
    }
    read_capped(file, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_leave_their_folder_are_refused() {
        for bad in [
            "",
            ".",
            "..",
            "../..",
            "/tmp/x",
            "a/b",
            "a\\b",
            ".hidden",
            "x\0y",
            "é",
            &"a".repeat(65),
        ] {
            assert!(check_name("version", bad).is_err(), "{bad:?} was accepted");
        }
        for good in ["r12", "baseline", "v1.2-rc_3", &"a".repeat(64)] {
            check_name("version", good).unwrap();
        }
    }

    #[test]
    fn atomic_write_replaces_whole_and_never_follows_a_planted_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        write_atomically(&target, b"one").unwrap();
        write_atomically(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        #[cfg(unix)]
        {
            let victim = dir.path().join("victim.txt");
            std::fs::write(&victim, b"keep").unwrap();
            std::os::unix::fs::symlink(&victim, dir.path().join("out.csv.partial")).unwrap();
            write_atomically(&target, b"three").unwrap();
            assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        }
        let missing = dir.path().join("no-such-folder").join("x.csv");
        let err = write_atomically(&missing, b"x").unwrap_err().to_string();
        assert!(err.contains("does not exist"), "{err}");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .filter(|e| !e.path().is_symlink())
            .collect();
        assert!(leftovers.is_empty());
    }
}
