//! The data-folder lock the window and the CLI share. Every open [`Workspace`](crate::Workspace)
//! holds it shared, so any number of them work side by side; a restore, which swaps the
//! database file, holds it exclusively, so no other process can be writing to the file being
//! replaced. A process that cannot get the lock waits a little, then is told which program
//! (name and process id) holds the folder.
//!
//! The lock is an OS file lock on `<data>/.lock` (released by the OS when a process dies, so a
//! killed process never leaves the folder locked); each holder also leaves a note in
//! `<data>/.holders/<pid>` naming its program, read only to word the message.

use crate::{Error, Result};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

/// How long opening a workspace waits for a restore in another process to finish.
pub const SHARED_WAIT: Duration = Duration::from_secs(30);

/// How long a restore waits for other processes to let go of the folder.
pub const EXCLUSIVE_WAIT: Duration = Duration::from_secs(5);

/// How a lock is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockMode {
    /// Many holders: open workspaces.
    Shared,
    /// One holder: a restore.
    Exclusive,
}

/// A held data-folder lock; released when dropped or by [`DataLock::release`].
#[derive(Debug)]
pub struct DataLock {
    dir: PathBuf,
    held: Mutex<Option<(File, LockMode)>>,
}

/// This process's hold on each data folder, shared by all of its workspaces.
static HELD: Mutex<Vec<(PathBuf, Weak<DataLock>)>> = Mutex::new(Vec::new());

impl DataLock {
    /// This process's shared hold on `data_dir`: one per folder, shared by every workspace the
    /// process opens on it (taken again when a restore let go of it). Waits up to
    /// [`SHARED_WAIT`] for a restore in another process.
    pub fn shared(data_dir: &Path) -> Result<Arc<DataLock>> {
        // A file, device or link loop in the folder's place is named for what it is.
        crate::paths::ensure_folder(data_dir)?;
        let key = std::fs::canonicalize(data_dir).map_err(Error::io("opening", data_dir))?;
        let mut held = HELD.lock().map_err(|_| poisoned())?;
        held.retain(|(_, lock)| lock.strong_count() > 0);
        let existing = held
            .iter()
            .find(|(dir, _)| *dir == key)
            .and_then(|(_, lock)| lock.upgrade());
        if let Some(lock) = existing {
            if lock.mode().is_none() {
                lock.downgrade()?;
            }
            return Ok(lock);
        }
        let lock = Arc::new(DataLock::acquire(&key, LockMode::Shared, SHARED_WAIT)?);
        held.push((key, Arc::downgrade(&lock)));
        Ok(lock)
    }

    /// Takes the lock of `data_dir` in `mode`, waiting up to `wait` for the other holders.
    pub fn acquire(data_dir: &Path, mode: LockMode, wait: Duration) -> Result<DataLock> {
        let file = take(data_dir, mode, wait)?;
        Ok(DataLock {
            dir: data_dir.to_path_buf(),
            held: Mutex::new(Some((file, mode))),
        })
    }

    /// How this lock is held now (None once released).
    pub fn mode(&self) -> Option<LockMode> {
        self.held.lock().ok()?.as_ref().map(|(_, mode)| *mode)
    }

    /// Turns a shared hold into the exclusive one a restore needs, waiting up to `wait` for
    /// the other holders. When they do not let go, the shared hold is taken back and the error
    /// names them.
    pub fn upgrade(&self, wait: Duration) -> Result<()> {
        let mut held = self.held.lock().map_err(|_| poisoned())?;
        if let Some((file, _)) = held.take() {
            file.unlock().ok();
        }
        match take(&self.dir, LockMode::Exclusive, wait) {
            Ok(file) => {
                *held = Some((file, LockMode::Exclusive));
                Ok(())
            }
            Err(e) => {
                *held = take(&self.dir, LockMode::Shared, SHARED_WAIT)
                    .ok()
                    .map(|f| (f, LockMode::Shared));
                Err(e)
            }
        }
    }

    /// Turns an exclusive hold (or a released one) back into a shared one: after a restore that
    /// was refused, or when a workspace opens again after one.
    pub fn downgrade(&self) -> Result<()> {
        let mut held = self.held.lock().map_err(|_| poisoned())?;
        if let Some((file, _)) = held.take() {
            file.unlock().ok();
        }
        *held = Some((
            take(&self.dir, LockMode::Shared, SHARED_WAIT)?,
            LockMode::Shared,
        ));
        Ok(())
    }

    /// Lets go of the lock now (every clone of a workspace shares it).
    pub fn release(&self) {
        let held = self.held.lock().map(|mut h| h.take()).unwrap_or(None);
        if let Some((file, _)) = held {
            file.unlock().ok();
            std::fs::remove_file(note_path(&self.dir)).ok();
        }
    }
}

impl Drop for DataLock {
    fn drop(&mut self) {
        self.release();
    }
}

/// How long opening a workspace waits for another process to finish migrating the database.
pub const MIGRATION_WAIT: Duration = Duration::from_secs(120);

/// Holds `<data_dir>/.migrate.lock` exclusively: taken around opening and migrating the
/// database, so processes that open a new or older folder at once migrate it one after another
/// (the later ones find nothing left to do) instead of racing to create the same tables.
/// Released when dropped, or by the OS when the process dies.
#[derive(Debug)]
pub struct MigrationGuard(File);

impl MigrationGuard {
    /// Takes the guard, waiting up to [`MIGRATION_WAIT`] for another process's migration.
    pub fn take(data_dir: &Path) -> Result<MigrationGuard> {
        let path = data_dir.join(".migrate.lock");
        let file = open_lock_file(&path, "opening the migration lock")?;
        match wait_for(&file, MIGRATION_WAIT, File::try_lock) {
            Ok(true) => Ok(MigrationGuard(file)),
            Ok(false) => {
                let who = holders(data_dir);
                Err(Error::Busy(format!(
                    "{} has been updating the database of {} for over {} seconds; try again \
                     when it is done",
                    if who.is_empty() {
                        "another NFL DFS window or command".to_string()
                    } else {
                        who.join(", ")
                    },
                    data_dir.display(),
                    MIGRATION_WAIT.as_secs()
                )))
            }
            Err(e) => Err(Error::io("locking the database for its update", &path)(e)),
        }
    }
}

impl Drop for MigrationGuard {
    fn drop(&mut self) {
        self.0.unlock().ok();
    }
}

/// Runs a lock call (which may sleep while it waits) off the async runtime's threads.
pub async fn off_runtime<T: Send + 'static>(
    call: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(call)
        .await
        .map_err(|e| Error::Config(format!("the data-folder lock failed: {e}")))?
}

fn poisoned() -> Error {
    Error::Config("the data-folder lock was poisoned by a crashed thread".into())
}

fn note_path(data_dir: &Path) -> PathBuf {
    data_dir
        .join(".holders")
        .join(std::process::id().to_string())
}

/// Locks `<data_dir>/.lock` in `mode`, waiting up to `wait`, and leaves the holder's note.
fn take(data_dir: &Path, mode: LockMode, wait: Duration) -> Result<File> {
    std::fs::create_dir_all(data_dir).map_err(Error::io("creating", data_dir))?;
    let path = data_dir.join(".lock");
    let file = open_lock_file(&path, "opening the data-folder lock")?;
    let tried = wait_for(&file, wait, |f| match mode {
        LockMode::Shared => f.try_lock_shared(),
        LockMode::Exclusive => f.try_lock(),
    });
    match tried {
        Ok(true) => {}
        Ok(false) => return Err(Error::Busy(busy_message(data_dir, mode))),
        Err(e) => return Err(Error::io("locking the data folder", &path)(e)),
    }
    let note = note_path(data_dir);
    if let Some(parent) = note.parent() {
        std::fs::create_dir_all(parent).ok();
    }
    // The note only words messages; failing to write it does not matter.
    std::fs::write(&note, program_name()).ok();
    Ok(file)
}

/// Opens (creating it if needed) a lock file; `action` words the error.
fn open_lock_file(path: &Path, action: &'static str) -> Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(Error::io(action, path))
}

/// Tries `lock` on `file` until it holds or `wait` has passed: Ok(true) when held, Ok(false)
/// when another holder kept it all along.
fn wait_for(
    file: &File,
    wait: Duration,
    lock: impl Fn(&File) -> std::result::Result<(), TryLockError>,
) -> std::io::Result<bool> {
    let started = Instant::now();
    loop {
        match lock(file) {
            Ok(()) => return Ok(true),
            Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Ok(false),
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
}

fn program_name() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "NFL DFS".into())
}

/// Who else holds the folder, from the notes of processes still alive.
fn holders(data_dir: &Path) -> Vec<String> {
    let me = std::process::id();
    let Ok(entries) = std::fs::read_dir(data_dir.join(".holders")) else {
        return Vec::new();
    };
    let pids: Vec<(u32, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let pid = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            (pid != me).then(|| (pid, e.path()))
        })
        .collect();
    let sys_pids: Vec<sysinfo::Pid> = pids
        .iter()
        .map(|(p, _)| sysinfo::Pid::from_u32(*p))
        .collect();
    let mut sys = sysinfo::System::new();
    sys.refresh_processes(sysinfo::ProcessesToUpdate::Some(&sys_pids), true);
    pids.into_iter()
        .filter_map(|(pid, note)| {
            if sys.process(sysinfo::Pid::from_u32(pid)).is_none() {
                std::fs::remove_file(&note).ok(); // a note left by a process that died
                return None;
            }
            let name = std::fs::read_to_string(&note).unwrap_or_default();
            let name: String = name.chars().filter(|c| !c.is_control()).take(40).collect();
            Some(format!(
                "{} (process {pid})",
                if name.is_empty() { "NFL DFS" } else { &name }
            ))
        })
        .collect()
}

fn busy_message(data_dir: &Path, mode: LockMode) -> String {
    let who = holders(data_dir);
    let who = if who.is_empty() {
        "another NFL DFS window or command".to_string()
    } else {
        who.join(", ")
    };
    match mode {
        LockMode::Exclusive => format!(
            "The data folder {} is in use by {who}. A restore replaces the database, so it needs \
             the folder to itself: close the other window or wait for the command to finish, or \
             restore from that window (System page). Nothing was changed.",
            data_dir.display()
        ),
        LockMode::Shared => format!(
            "The data folder {} is being restored by {who}. Try again when it has finished.",
            data_dir.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_holders_coexist_and_keep_a_restore_out_until_released() {
        let dir = tempfile::tempdir().unwrap();
        let a = DataLock::acquire(dir.path(), LockMode::Shared, Duration::ZERO).unwrap();
        let b = DataLock::acquire(dir.path(), LockMode::Shared, Duration::ZERO).unwrap();
        let err = DataLock::acquire(dir.path(), LockMode::Exclusive, Duration::ZERO).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Busy);
        assert!(err.to_string().contains("in use by"), "{err}");
        a.release();
        b.upgrade(Duration::ZERO).unwrap();
        assert_eq!(b.mode(), Some(LockMode::Exclusive));
        let err = DataLock::acquire(dir.path(), LockMode::Shared, Duration::ZERO).unwrap_err();
        assert!(err.to_string().contains("being restored"), "{err}");
        b.downgrade().unwrap();
        drop(b);
        // One hold per process and folder: a second workspace shares the first one's.
        let first = DataLock::shared(dir.path()).unwrap();
        let second = DataLock::shared(dir.path()).unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        first.upgrade(Duration::ZERO).unwrap();
        first.release();
        let again = DataLock::shared(dir.path()).unwrap();
        assert_eq!(again.mode(), Some(LockMode::Shared));
        drop((first, second, again));
        let ex = DataLock::acquire(dir.path(), LockMode::Exclusive, Duration::ZERO).unwrap();
        let err = DataLock::acquire(dir.path(), LockMode::Shared, Duration::ZERO).unwrap_err();
        assert!(err.to_string().contains("being restored"), "{err}");
        drop(ex);
        DataLock::acquire(dir.path(), LockMode::Shared, Duration::ZERO).unwrap();
    }
}
