//! Configuration profiles, chosen by `NFL_DFS_PROFILE` (environment or `.env`):
//! - `production` (default): info logs, no SQL statements logged, the OS app-data folder;
//! - `development`: debug logs and every SQL statement logged;
//! - `testing`: info logs and a throw-away data folder under the system's temporary folder
//!   (one per process), unless a folder is named explicitly.

use crate::{Error, Result};
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// A configuration profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Debug logs, SQL statements logged.
    Development,
    /// A throw-away data folder.
    Testing,
    /// What users run.
    #[default]
    Production,
}

impl Profile {
    /// The profile named by `NFL_DFS_PROFILE` in `env` (production when unset or empty).
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Result<Profile> {
        match env("NFL_DFS_PROFILE")
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "" | "production" => Ok(Profile::Production),
            "development" => Ok(Profile::Development),
            "testing" => Ok(Profile::Testing),
            other => Err(Error::Config(format!(
                "NFL_DFS_PROFILE is '{other}'; it is one of production, development or testing"
            ))),
        }
    }

    /// The profile's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Development => "development",
            Profile::Testing => "testing",
            Profile::Production => "production",
        }
    }

    /// The log filter of the profile, with `level` as the default level (`RUST_LOG` overrides).
    pub fn log_filter(self, level: &str) -> String {
        match self {
            Profile::Development => "debug,sqlx=warn,sqlx::query=info,sea_orm=debug".into(),
            Profile::Testing | Profile::Production => format!("{level},sqlx=warn,sea_orm=warn"),
        }
    }

    /// The data folder the profile uses when none is named: testing's throw-away folder.
    pub fn default_data_dir(self) -> Option<PathBuf> {
        (self == Profile::Testing)
            .then(|| std::env::temp_dir().join(format!("nfl-dfs-testing-{}", std::process::id())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(value: Option<&str>) -> impl Fn(&str) -> Option<String> {
        let value = value.map(str::to_string);
        move |name| (name == "NFL_DFS_PROFILE").then(|| value.clone()).flatten()
    }

    #[test]
    fn profiles_are_read_from_the_environment_and_production_is_the_default() {
        assert_eq!(
            Profile::from_env(env_of(None)).unwrap(),
            Profile::Production
        );
        assert_eq!(
            Profile::from_env(env_of(Some(""))).unwrap(),
            Profile::Production
        );
        assert_eq!(
            Profile::from_env(env_of(Some(" Development "))).unwrap(),
            Profile::Development
        );
        assert_eq!(
            Profile::from_env(env_of(Some("testing"))).unwrap(),
            Profile::Testing
        );
        let err = Profile::from_env(env_of(Some("staging"))).unwrap_err();
        assert!(err.to_string().contains("staging"), "{err}");
    }

    #[test]
    fn each_profile_sets_its_logs_and_folder() {
        assert!(Profile::Development
            .log_filter("info")
            .contains("sqlx::query=info"));
        assert!(!Profile::Production
            .log_filter("warn")
            .contains("sqlx::query"));
        assert!(Profile::Production.log_filter("warn").starts_with("warn"));
        assert!(Profile::Production.default_data_dir().is_none());
        let dir = Profile::Testing.default_data_dir().unwrap();
        assert!(dir.starts_with(std::env::temp_dir()));
    }
}
