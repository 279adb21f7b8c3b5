//! Where the app keeps its state: one data folder holding the SQLite database, logs, the
//! download cache, the model registry and backups.
//!
//! Resolution order, most specific first:
//! 1. an explicit folder (the CLI's `--data-dir`);
//! 2. `NFL_DFS_DATA_DIR` (from the environment or a `.env` file);
//! 3. the OS app-data folder named by [`APP_IDENTIFIER`](crate::APP_IDENTIFIER), the same folder
//!    Tauri's `app_data_dir()` gives (`~/.local/share/<id>`, `~/Library/Application Support/<id>`,
//!    `%APPDATA%\<id>`).
//!
//! `DATABASE_URL` overrides the database location alone. `NFL_DFS_PROFILE=testing` makes the
//! default a throw-away folder ([`Profile`]).

use crate::profile::Profile;
use crate::{Error, Result, APP_IDENTIFIER};
use std::path::{Path, PathBuf};

/// Name of the demo's data folder inside the data folder.
pub const DEMO_FOLDER: &str = "demo";

/// Name of the database file inside the data folder.
pub const DATABASE_FILE: &str = "nfl-dfs.sqlite";

/// The path beside `path` with `suffix` appended to its name (`a.sqlite` -> `a.sqlite-wal`):
/// temporary and companion files that live next to the file they belong to.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folders and the database location of one app instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPaths {
    /// The data folder.
    pub data_dir: PathBuf,
    /// The sqlx/sea-orm connection URL of the database.
    pub database_url: String,
    /// The database file (None for an in-memory database).
    pub database_file: Option<PathBuf>,
    /// The configuration profile (`NFL_DFS_PROFILE`).
    pub profile: Profile,
    /// Whether this is the demo folder ([`DataPaths::demo`]), not the user's own data.
    pub demo: bool,
}

impl DataPaths {
    /// Resolves the paths from an explicit folder, else the process environment (after loading
    /// a `.env` file from the working directory or its parents, if there is one).
    pub fn resolve(explicit_data_dir: Option<PathBuf>) -> Result<Self> {
        // A missing .env file is normal; a malformed one is reported.
        if let Err(e) = dotenvy::dotenv() {
            if !e.not_found() {
                return Err(Error::Config(format!("could not read the .env file: {e}")));
            }
        }
        Self::from_env(explicit_data_dir, |name| std::env::var(name).ok())
    }

    /// Resolves the paths with `env` as the environment (testable without touching the process).
    pub fn from_env(
        explicit_data_dir: Option<PathBuf>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self> {
        let profile = Profile::from_env(&env)?;
        let data_dir = match explicit_data_dir
            .or_else(|| {
                env("NFL_DFS_DATA_DIR")
                    .filter(|s| !s.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| profile.default_data_dir())
        {
            Some(dir) => dir,
            None => dirs::data_dir()
                .ok_or_else(|| {
                    Error::Config(
                        "no app-data folder is known for this OS user; set NFL_DFS_DATA_DIR".into(),
                    )
                })?
                .join(APP_IDENTIFIER),
        };
        match env("DATABASE_URL").filter(|s| !s.is_empty()) {
            Some(url) => Ok(Self {
                database_file: database_file_of_url(&url)?,
                database_url: url,
                data_dir,
                profile,
                demo: false,
            }),
            None => Ok(Self {
                profile,
                ..Self::in_folder(data_dir)
            }),
        }
    }

    /// The demo's own data folder (`demo` inside this one), so exploring the demo never touches
    /// the user's data; same profile.
    pub fn demo(&self) -> DataPaths {
        DataPaths {
            profile: self.profile,
            demo: true,
            ..DataPaths::in_folder(self.data_dir.join(DEMO_FOLDER))
        }
    }

    /// The paths of a data folder with the database at its default place inside it.
    pub fn in_folder(data_dir: impl Into<PathBuf>) -> Self {
        let data_dir = data_dir.into();
        let file = data_dir.join(DATABASE_FILE);
        Self {
            database_url: format!("sqlite://{}?mode=rwc", file.display()),
            database_file: Some(file),
            data_dir,
            profile: Profile::default(),
            demo: false,
        }
    }

    /// What the app keeps in the data folder and no export may write onto: the database with
    /// its journal, WAL and shared-memory files, and the backups, model registry, logs and cache
    /// folders, each with what it is in words.
    pub fn managed(&self) -> Vec<(PathBuf, &'static str)> {
        let mut out = Vec::new();
        if let Some(db) = &self.database_file {
            out.push((db.clone(), "the app's database"));
            for suffix in ["-wal", "-shm", "-journal"] {
                out.push((with_suffix(db, suffix), "a file of the app's database"));
            }
        }
        out.push((self.backups_dir(), "in the backups folder"));
        out.push((self.models_dir(), "in the model registry"));
        out.push((self.logs_dir(), "in the logs folder"));
        out.push((self.cache_dir(), "in the download cache"));
        out
    }

    /// Daily-rotated log files.
    pub fn logs_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    /// Downloaded files, keyed by URL.
    pub fn cache_dir(&self) -> PathBuf {
        self.data_dir.join("cache")
    }

    /// The model registry.
    pub fn models_dir(&self) -> PathBuf {
        self.data_dir.join("models")
    }

    /// Database and model backups.
    pub fn backups_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    /// Creates the data folder and its sub-folders (and the database's folder) if missing.
    pub fn create_all(&self) -> Result<()> {
        let db_parent = self
            .database_file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        for dir in [
            Some(self.data_dir.clone()),
            Some(self.logs_dir()),
            Some(self.cache_dir()),
            Some(self.models_dir()),
            Some(self.backups_dir()),
            db_parent,
        ]
        .into_iter()
        .flatten()
        {
            ensure_folder(&dir)?;
        }
        Ok(())
    }

    /// The database location as people read it: the file path, or the URL when in memory.
    pub fn database_display(&self) -> String {
        match &self.database_file {
            Some(file) => file.display().to_string(),
            None => self.database_url.clone(),
        }
    }
}

/// The file behind a `sqlite:` URL, None for an in-memory database.
fn database_file_of_url(url: &str) -> Result<Option<PathBuf>> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| {
            Error::Config(format!(
                "DATABASE_URL '{url}' is not a SQLite URL (expected sqlite:///path/to/file.sqlite)"
            ))
        })?;
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" || url.contains("mode=memory") {
        Ok(None)
    } else {
        Ok(Some(PathBuf::from(path)))
    }
}

/// Makes `dir` (and its parents) unless it is there; a file, device, FIFO or link loop in its
/// place is named for what it is.
pub(crate) fn ensure_folder(dir: &Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(meta) => {
            let what = crate::safe_fs::not_a_file(&meta).unwrap_or("a file");
            return Err(Error::InvalidInput(format!(
                "{} is {what}, not a folder: the app keeps its data in a folder (choose one with \
                 --data-dir or NFL_DFS_DATA_DIR).",
                dir.display()
            )));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::io("opening the folder", dir)(
                crate::safe_fs::plainly(e),
            ));
        }
        Err(_) if std::fs::symlink_metadata(dir).is_ok() => {
            return Err(Error::InvalidInput(format!(
                "{} is a symbolic link to a place that does not exist: point it at a folder or \
                 choose another (--data-dir or NFL_DFS_DATA_DIR).",
                dir.display()
            )));
        }
        Err(_) => {}
    }
    std::fs::create_dir_all(dir)
        .map_err(crate::safe_fs::plainly)
        .map_err(Error::io("creating the folder", dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn explicit_folder_wins_over_environment() {
        let p = DataPaths::from_env(
            Some("/explicit".into()),
            env_of(&[("NFL_DFS_DATA_DIR", "/from-env")]),
        )
        .unwrap();
        assert_eq!(p.data_dir, PathBuf::from("/explicit"));
        assert_eq!(
            p.database_file,
            Some(PathBuf::from("/explicit/nfl-dfs.sqlite"))
        );
    }

    #[test]
    fn data_dir_from_environment() {
        let p = DataPaths::from_env(None, env_of(&[("NFL_DFS_DATA_DIR", "/from-env")])).unwrap();
        assert_eq!(p.data_dir, PathBuf::from("/from-env"));
        assert_eq!(p.logs_dir(), PathBuf::from("/from-env/logs"));
        assert_eq!(p.backups_dir(), PathBuf::from("/from-env/backups"));
    }

    #[test]
    fn default_is_the_os_app_data_folder_named_by_the_identifier() {
        let p = DataPaths::from_env(None, env_of(&[])).unwrap();
        assert!(p.data_dir.ends_with(APP_IDENTIFIER), "{:?}", p.data_dir);
    }

    #[test]
    fn database_url_overrides_the_database_alone() {
        let p = DataPaths::from_env(
            Some("/d".into()),
            env_of(&[("DATABASE_URL", "sqlite:///elsewhere/x.db?mode=rwc")]),
        )
        .unwrap();
        assert_eq!(p.data_dir, PathBuf::from("/d"));
        assert_eq!(p.database_file, Some(PathBuf::from("/elsewhere/x.db")));
        let mem = DataPaths::from_env(
            Some("/d".into()),
            env_of(&[("DATABASE_URL", "sqlite::memory:")]),
        )
        .unwrap();
        assert_eq!(mem.database_file, None);
    }

    #[test]
    fn non_sqlite_database_url_is_refused_with_its_value() {
        let err =
            DataPaths::from_env(None, env_of(&[("DATABASE_URL", "postgres://x")])).unwrap_err();
        assert!(err.to_string().contains("postgres://x"), "{err}");
    }
}
