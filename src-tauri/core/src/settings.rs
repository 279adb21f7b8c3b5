//! Typed, validated user settings.
//!
//! Each setting is described once in [`SPECS`] (key, label, kind, bounds, default). A value's
//! effective source is, highest first: the environment (`NFL_DFS_<KEY>`, e.g.
//! `NFL_DFS_SALARY_CAP`), the database (the Settings page and `nfl-dfs-cli settings set`), the
//! default. Values are validated on every way in; a bad value is refused with a message naming
//! the setting, the value and the rule.

use crate::contest::simulate::field_edge;
use crate::store::{self, Db};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// What kind of value a setting holds, with its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// A whole number in `min..=max`.
    Integer {
        /// Smallest allowed value.
        min: u32,
        /// Largest allowed value.
        max: u32,
    },
    /// On or off.
    Bool,
    /// An `https://` address (`http://` only on this machine's loopback).
    Url,
}

/// The static description of one setting.
#[derive(Debug, Clone, Copy)]
pub struct SettingSpec {
    /// Stable key, snake_case.
    pub key: &'static str,
    /// Label shown on the Settings page.
    pub label: &'static str,
    /// One sentence on what it changes.
    pub description: &'static str,
    /// Kind and bounds.
    pub kind: SettingKind,
    /// Unit shown beside the value, if any.
    pub unit: Option<&'static str>,
    default: fn() -> SettingValue,
}

/// A setting's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum SettingValue {
    /// A whole number.
    Integer(u32),
    /// On or off.
    Bool(bool),
    /// Text (an address).
    Text(String),
}

/// Where a setting's effective value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SettingSource {
    /// Nobody changed it.
    Default,
    /// Stored in the database by the user.
    Database,
    /// Forced by an environment variable; changes in the app are stored but do not apply.
    Environment,
}

/// One setting as the Settings page and the CLI show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SettingEntry {
    /// Stable key.
    pub key: String,
    /// Label.
    pub label: String,
    /// What it changes.
    pub description: String,
    /// Unit, if any.
    pub unit: Option<String>,
    /// Effective value.
    pub value: SettingValue,
    /// Default value.
    pub default: SettingValue,
    /// Where the effective value comes from.
    pub source: SettingSource,
    /// The environment variable that overrides it.
    pub env_var: String,
    /// Smallest allowed value (integers).
    pub min: Option<u32>,
    /// Largest allowed value (integers).
    pub max: Option<u32>,
}

/// The effective settings, typed, for code that uses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Settings {
    /// Salary cap of a lineup, dollars.
    pub salary_cap: u32,
    /// How many NFL seasons of history to load.
    pub nfl_seasons: u32,
    /// Seconds between scheduled data refreshes while the app runs.
    pub data_refresh_interval_secs: u32,
    /// Whether models retrain and tune themselves.
    pub self_tuning: bool,
    /// Whether resource and latency monitoring with alerts runs.
    pub monitoring: bool,
    /// Seconds a downloaded file stays fresh in the cache.
    pub cache_ttl_secs: u32,
    /// Worker threads for training and optimizing.
    pub cpu_threads: u32,
    /// Where nflverse files are downloaded from (the release-download address).
    pub nfl_data_url: String,
    /// How much better than the app's view a cash game's field drafts, percent of its score.
    pub field_edge_pct: u32,
    /// How much better than the app's view a tournament's field drafts, percent of its score.
    pub tournament_field_edge_pct: u32,
    /// Days backups are kept (the newest of each kind is always kept).
    pub backup_retention_days: u32,
    /// Alert when the system's memory use is above this percentage.
    pub alert_memory_pct: u32,
    /// Alert when a production model's latest-week MAE is above this (DraftKings points).
    pub alert_model_mae: u32,
    /// Alert when the 95th percentile of command times is above this (milliseconds).
    pub alert_p95_ms: u32,
    /// Alert when the data folder's disk has less free space than this (MB).
    pub alert_disk_free_mb: u32,
    /// Alert when NFL data was last loaded more than this many days ago.
    pub alert_stale_days: u32,
    /// Where the app's release manifest (`latest.json`) is read from.
    pub update_url: String,
}

fn cores() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

/// Every setting the app has, in the order the Settings page shows them.
pub static SPECS: &[SettingSpec] = &[
    SettingSpec {
        key: "salary_cap",
        label: "Salary cap",
        description: "Most a lineup may spend. DraftKings NFL classic uses 50,000.",
        kind: SettingKind::Integer {
            min: 10_000,
            max: 1_000_000,
        },
        unit: Some("$"),
        default: || SettingValue::Integer(50_000),
    },
    SettingSpec {
        key: "nfl_seasons",
        label: "NFL seasons to load",
        description: "How many seasons of nflverse history to ingest, ending with the current one.",
        kind: SettingKind::Integer { min: 1, max: 25 },
        unit: Some("seasons"),
        default: || SettingValue::Integer(3),
    },
    SettingSpec {
        key: "data_refresh_interval_secs",
        label: "Data refresh interval",
        description: "How often the current season's data is refreshed while the app runs.",
        kind: SettingKind::Integer {
            min: 60,
            max: 604_800,
        },
        unit: Some("seconds"),
        default: || SettingValue::Integer(3_600),
    },
    SettingSpec {
        key: "self_tuning",
        label: "Self-tuning",
        description: "Retrain and tune models when new weeks arrive or accuracy drops.",
        kind: SettingKind::Bool,
        unit: None,
        default: || SettingValue::Bool(true),
    },
    SettingSpec {
        key: "monitoring",
        label: "Monitoring",
        description: "Watch memory, disk, command latency and model accuracy, and raise alerts.",
        kind: SettingKind::Bool,
        unit: None,
        default: || SettingValue::Bool(true),
    },
    SettingSpec {
        key: "cache_ttl_secs",
        label: "Download cache lifetime",
        description: "How long a downloaded data file is reused before it is fetched again.",
        kind: SettingKind::Integer {
            min: 0,
            max: 2_592_000,
        },
        unit: Some("seconds"),
        default: || SettingValue::Integer(3_600),
    },
    SettingSpec {
        key: "cpu_threads",
        label: "CPU threads",
        description:
            "Worker threads for training and optimizing. Defaults to this machine's cores.",
        kind: SettingKind::Integer { min: 1, max: 256 },
        unit: Some("threads"),
        default: || SettingValue::Integer(cores()),
    },
    SettingSpec {
        key: "nfl_data_url",
        label: "NFL data address",
        description: "Where nflverse files are downloaded from: the nflverse-data release \
                      downloads, or a mirror with the same folders.",
        kind: SettingKind::Url,
        unit: None,
        default: || SettingValue::Text(crate::nflverse::DEFAULT_DATA_URL.to_string()),
    },
    SettingSpec {
        key: "field_edge_pct",
        label: "Field's edge, cash games",
        description: "How much better than the app's view a double-up's, 50/50's or \
                      head-to-head's field drafts (late news, public projections): in each \
                      simulated slate its lineups score this share more on average, give or take \
                      10 points. Measured on a real DraftKings double-up: 6%. 0 takes the field \
                      as no wiser than the app.",
        kind: SettingKind::Integer { min: 0, max: 50 },
        unit: Some("%"),
        default: || SettingValue::Integer(field_edge::CASH_GAME_PERCENT),
    },
    SettingSpec {
        key: "tournament_field_edge_pct",
        label: "Field's edge, tournaments",
        description: "How much better than the app's view a tournament's field drafts: in each \
                      simulated slate its lineups score this share more on average, give or take \
                      10 points. Measured on real DraftKings single-entry tournaments: 18%. 0 \
                      takes the field as no wiser than the app.",
        kind: SettingKind::Integer { min: 0, max: 50 },
        unit: Some("%"),
        default: || SettingValue::Integer(field_edge::TOURNAMENT_PERCENT),
    },
    SettingSpec {
        key: "backup_retention_days",
        label: "Keep backups for",
        description: "Older backups are deleted; the newest database and models backups are always kept.",
        kind: SettingKind::Integer { min: 1, max: 3_650 },
        unit: Some("days"),
        default: || SettingValue::Integer(7),
    },
    SettingSpec {
        key: "alert_memory_pct",
        label: "Memory alert",
        description: "Alert when the computer's memory use is above this share.",
        kind: SettingKind::Integer { min: 10, max: 100 },
        unit: Some("%"),
        default: || SettingValue::Integer(80),
    },
    SettingSpec {
        key: "alert_model_mae",
        label: "Model accuracy alert",
        description: "Alert (and retrain, with self-tuning on) when a model's error on the latest week is above this.",
        kind: SettingKind::Integer { min: 1, max: 50 },
        unit: Some("points MAE"),
        default: || SettingValue::Integer(5),
    },
    SettingSpec {
        key: "alert_p95_ms",
        label: "Slow command alert",
        description: "Alert when 95% of recent commands are not done within this time.",
        kind: SettingKind::Integer {
            min: 50,
            max: 600_000,
        },
        unit: Some("ms"),
        default: || SettingValue::Integer(2_000),
    },
    SettingSpec {
        key: "alert_disk_free_mb",
        label: "Low disk alert",
        description: "Alert when the disk holding the data folder has less free space than this.",
        kind: SettingKind::Integer {
            min: 0,
            max: 10_000_000,
        },
        unit: Some("MB"),
        default: || SettingValue::Integer(1_024),
    },
    SettingSpec {
        key: "alert_stale_days",
        label: "Stale data alert",
        description: "Alert when NFL data was last loaded longer ago than this.",
        kind: SettingKind::Integer { min: 1, max: 365 },
        unit: Some("days"),
        default: || SettingValue::Integer(8),
    },
    SettingSpec {
        key: "update_url",
        label: "Update address",
        description: "Where new versions are announced (a release manifest, latest.json). \
                      Updates are installed only when signed with the app's release key.",
        kind: SettingKind::Url,
        unit: None,
        default: || SettingValue::Text(crate::UPDATE_URL.to_string()),
    },
];

/// The longest address a URL setting holds.
const MAX_URL_LEN: usize = 2048;

/// What a URL setting must be, in words.
const URL_EXPECTED: &str = "expected an https:// address (plain http:// only for this machine)";

impl SettingSpec {
    /// Looks a setting up by key.
    pub fn find(key: &str) -> Result<&'static SettingSpec> {
        SPECS
            .iter()
            .find(|s| s.key == key)
            .ok_or_else(|| Error::UnknownSetting {
                key: key.to_string(),
                known: SPECS.iter().map(|s| s.key).collect::<Vec<_>>().join(", "),
            })
    }

    /// The default value.
    pub fn default_value(&self) -> SettingValue {
        (self.default)()
    }

    /// The environment variable that overrides this setting.
    pub fn env_var(&self) -> String {
        format!("NFL_DFS_{}", self.key.to_ascii_uppercase())
    }

    /// Parses and validates a value written as text (CLI, environment, database).
    pub fn parse(&self, text: &str) -> Result<SettingValue> {
        let text = text.trim();
        let value = match self.kind {
            SettingKind::Bool => match text.to_ascii_lowercase().as_str() {
                "true" | "on" | "yes" | "1" => SettingValue::Bool(true),
                "false" | "off" | "no" | "0" => SettingValue::Bool(false),
                _ => return Err(self.invalid(text, "expected true or false")),
            },
            SettingKind::Integer { .. } => {
                let digits: String = text.chars().filter(|c| !matches!(c, ',' | '_')).collect();
                let n = digits
                    .parse::<u32>()
                    .map_err(|_| self.invalid(text, "expected a whole number"))?;
                SettingValue::Integer(n)
            }
            SettingKind::Url => SettingValue::Text(text.to_string()),
        };
        self.validate(value)
    }

    /// Checks a value against the kind and bounds.
    pub fn validate(&self, value: SettingValue) -> Result<SettingValue> {
        match (self.kind, value) {
            (SettingKind::Bool, value @ SettingValue::Bool(_)) => Ok(value),
            (SettingKind::Integer { min, max }, SettingValue::Integer(n)) => {
                if (min..=max).contains(&n) {
                    Ok(SettingValue::Integer(n))
                } else {
                    Err(self.invalid(&n.to_string(), &format!("must be between {min} and {max}")))
                }
            }
            (SettingKind::Url, SettingValue::Text(text)) => {
                let text = text.trim().trim_end_matches('/').to_string();
                let parsed = reqwest::Url::parse(&text).ok();
                // A user name or password in an address would be stored and logged: refused,
                // and never echoed.
                if parsed
                    .as_ref()
                    .is_some_and(|u| !u.username().is_empty() || u.password().is_some())
                {
                    let shown = parsed.map_or_else(String::new, |mut u| {
                        let _ = u.set_username("");
                        let _ = u.set_password(None);
                        u.to_string()
                    });
                    return Err(self.invalid(
                        &shown,
                        "an address may not hold a user name or password (they would be kept \
                         and logged in the clear)",
                    ));
                }
                if text.len() > MAX_URL_LEN {
                    let start: String = text.chars().take(60).collect();
                    return Err(self.invalid(
                        &format!("{start}…"),
                        &format!(
                            "an address is at most {MAX_URL_LEN} characters, this one has {}",
                            text.len()
                        ),
                    ));
                }
                let secure = parsed.is_some_and(|url| {
                    url.host_str().is_some_and(|h| !h.is_empty())
                        && crate::nflverse::is_secure_address(&url)
                });
                if secure && !text.contains(char::is_whitespace) {
                    Ok(SettingValue::Text(text))
                } else {
                    Err(self.invalid(&text, URL_EXPECTED))
                }
            }
            (SettingKind::Bool, other) => {
                Err(self.invalid(&other.to_text(), "expected true or false"))
            }
            (SettingKind::Integer { .. }, other) => {
                Err(self.invalid(&other.to_text(), "expected a whole number"))
            }
            (SettingKind::Url, other) => Err(self.invalid(&other.to_text(), URL_EXPECTED)),
        }
    }

    fn invalid(&self, value: &str, reason: &str) -> Error {
        Error::InvalidSetting {
            key: self.key.to_string(),
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }

    fn entry(&self, value: SettingValue, source: SettingSource) -> SettingEntry {
        let (min, max) = match self.kind {
            SettingKind::Integer { min, max } => (Some(min), Some(max)),
            SettingKind::Bool | SettingKind::Url => (None, None),
        };
        SettingEntry {
            key: self.key.to_string(),
            label: self.label.to_string(),
            description: self.description.to_string(),
            unit: self.unit.map(str::to_string),
            value,
            default: self.default_value(),
            source,
            env_var: self.env_var(),
            min,
            max,
        }
    }
}

impl SettingValue {
    /// The value as text, the form it is stored in.
    pub fn to_text(&self) -> String {
        match self {
            SettingValue::Integer(n) => n.to_string(),
            SettingValue::Bool(b) => b.to_string(),
            SettingValue::Text(t) => t.clone(),
        }
    }

    fn as_u32(&self) -> u32 {
        match self {
            SettingValue::Integer(n) => *n,
            SettingValue::Bool(b) => u32::from(*b),
            SettingValue::Text(_) => 0,
        }
    }

    fn as_bool(&self) -> bool {
        match self {
            SettingValue::Bool(b) => *b,
            SettingValue::Integer(n) => *n != 0,
            SettingValue::Text(t) => !t.is_empty(),
        }
    }
}

/// Resolves every setting from the stored values and the environment.
///
/// An invalid environment value is an error (the user set it and must hear about it); an
/// invalid stored value (from a hand-edited database) falls back to the default with a warning.
pub fn resolve(
    stored: &HashMap<String, String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Vec<SettingEntry>> {
    SPECS
        .iter()
        .map(|spec| {
            if let Some(text) = env(&spec.env_var()) {
                return Ok(spec.entry(spec.parse(&text)?, SettingSource::Environment));
            }
            if let Some(text) = stored.get(spec.key) {
                match spec.parse(text) {
                    Ok(v) => return Ok(spec.entry(v, SettingSource::Database)),
                    Err(e) => tracing::warn!("ignoring stored setting: {e}"),
                }
            }
            Ok(spec.entry(spec.default_value(), SettingSource::Default))
        })
        .collect()
}

impl Settings {
    /// The field's edge of a contest type, percent: the tournaments' setting or the cash
    /// games'.
    pub fn field_edge_of(&self, contest_type: crate::contest::ContestType) -> u32 {
        use crate::contest::ContestType;
        match contest_type {
            ContestType::Tournament => self.tournament_field_edge_pct,
            ContestType::DoubleUp | ContestType::FiftyFifty | ContestType::HeadToHead => {
                self.field_edge_pct
            }
        }
    }

    /// The typed view of resolved entries (as returned by [`resolve`]).
    pub fn from_entries(entries: &[SettingEntry]) -> Settings {
        let get = |key: &str| {
            entries
                .iter()
                .find(|e| e.key == key)
                .map(|e| e.value.clone())
                .unwrap_or_else(|| {
                    SettingSpec::find(key)
                        .expect("key from SPECS")
                        .default_value()
                })
        };
        Settings {
            salary_cap: get("salary_cap").as_u32(),
            nfl_seasons: get("nfl_seasons").as_u32(),
            data_refresh_interval_secs: get("data_refresh_interval_secs").as_u32(),
            self_tuning: get("self_tuning").as_bool(),
            monitoring: get("monitoring").as_bool(),
            cache_ttl_secs: get("cache_ttl_secs").as_u32(),
            cpu_threads: get("cpu_threads").as_u32(),
            nfl_data_url: get("nfl_data_url").to_text(),
            field_edge_pct: get("field_edge_pct").as_u32(),
            tournament_field_edge_pct: get("tournament_field_edge_pct").as_u32(),
            backup_retention_days: get("backup_retention_days").as_u32(),
            alert_memory_pct: get("alert_memory_pct").as_u32(),
            alert_model_mae: get("alert_model_mae").as_u32(),
            alert_p95_ms: get("alert_p95_ms").as_u32(),
            alert_disk_free_mb: get("alert_disk_free_mb").as_u32(),
            alert_stale_days: get("alert_stale_days").as_u32(),
            update_url: get("update_url").to_text(),
        }
    }
}

/// The stored (database) values by key.
pub(crate) async fn load_stored(db: &Db) -> Result<HashMap<String, String>> {
    store::settings::all(db).await
}

/// Validates and stores one value (an upsert: one statement, atomic).
pub(crate) async fn store(db: &Db, key: &str, value: SettingValue) -> Result<()> {
    let spec = SettingSpec::find(key)?;
    let value = spec.validate(value)?;
    store::settings::upsert(db, spec.key, &value.to_text()).await?;
    tracing::info!(key = spec.key, value = %value.to_text(), "setting changed");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (key, input text, expected: Ok(value text) or Err(fragment of the message))
    const PARSE_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("salary_cap", "50000", Ok("50000")),
        ("salary_cap", "60,000", Ok("60000")),
        ("salary_cap", " 45000 ", Ok("45000")),
        (
            "salary_cap",
            "9999",
            Err("must be between 10000 and 1000000"),
        ),
        ("salary_cap", "-5", Err("expected a whole number")),
        ("salary_cap", "lots", Err("expected a whole number")),
        ("nfl_seasons", "0", Err("'nfl_seasons'")),
        ("nfl_seasons", "25", Ok("25")),
        (
            "data_refresh_interval_secs",
            "59",
            Err("between 60 and 604800"),
        ),
        ("self_tuning", "off", Ok("false")),
        ("self_tuning", "TRUE", Ok("true")),
        ("monitoring", "maybe", Err("expected true or false")),
        ("cache_ttl_secs", "0", Ok("0")),
        ("cpu_threads", "0", Err("must be between 1 and 256")),
        (
            "nfl_data_url",
            " http://127.0.0.1:8080/releases/ ",
            Ok("http://127.0.0.1:8080/releases"),
        ),
        ("nfl_data_url", "ftp://mirror", Err("an https:// address")),
        ("nfl_data_url", "https://", Err("an https:// address")),
        (
            "nfl_data_url",
            "http://example.com/x",
            Err("an https:// address"),
        ),
        (
            "nfl_data_url",
            "https://example.com/x/",
            Ok("https://example.com/x"),
        ),
        (
            "nfl_data_url",
            "https://user:secret@example.com/x",
            Err("may not hold a user name or password"),
        ),
        (
            "update_url",
            "https://token@example.com/latest.json",
            Err("may not hold a user name or password"),
        ),
    ];

    #[test]
    fn parse_validates_each_kind_and_bound() {
        for (key, input, expected) in PARSE_CASES {
            let got = SettingSpec::find(key).unwrap().parse(input);
            match (expected, got) {
                (Ok(want), Ok(v)) => assert_eq!(v.to_text(), *want, "{key}={input}"),
                (Err(fragment), Err(e)) => {
                    let msg = e.to_string();
                    assert!(msg.contains(fragment), "{key}={input}: {msg}");
                    assert!(msg.contains(key), "message names the setting: {msg}");
                }
                (want, got) => panic!("{key}={input}: expected {want:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn unknown_key_lists_the_known_ones() {
        let e = SettingSpec::find("salary").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::UnknownSetting);
        assert!(e.to_string().contains("salary_cap"), "{e}");
    }

    #[test]
    fn defaults_are_the_original_design() {
        let s = Settings::from_entries(&resolve(&HashMap::new(), |_| None).unwrap());
        assert_eq!(s.salary_cap, 50_000);
        assert_eq!(s.nfl_seasons, 3);
        assert_eq!(s.data_refresh_interval_secs, 3_600);
        assert!(s.self_tuning);
        assert!(s.monitoring);
        assert_eq!(s.cache_ttl_secs, 3_600);
        assert_eq!(s.cpu_threads, cores());
        assert_eq!(s.nfl_data_url, crate::nflverse::DEFAULT_DATA_URL);
    }

    #[test]
    fn environment_beats_database_beats_default() {
        let stored = HashMap::from([
            ("salary_cap".to_string(), "60000".to_string()),
            ("nfl_seasons".to_string(), "5".to_string()),
        ]);
        let env = |name: &str| (name == "NFL_DFS_SALARY_CAP").then(|| "70000".to_string());
        let entries = resolve(&stored, env).unwrap();
        let by_key = |k: &str| entries.iter().find(|e| e.key == k).unwrap();
        assert_eq!(by_key("salary_cap").value, SettingValue::Integer(70_000));
        assert_eq!(by_key("salary_cap").source, SettingSource::Environment);
        assert_eq!(by_key("nfl_seasons").value, SettingValue::Integer(5));
        assert_eq!(by_key("nfl_seasons").source, SettingSource::Database);
        assert_eq!(by_key("monitoring").source, SettingSource::Default);
    }

    #[test]
    fn an_address_with_a_password_or_too_long_is_refused_without_echoing_it() {
        let spec = SettingSpec::find("nfl_data_url").unwrap();
        let e = spec
            .parse("https://user:secret@example.com/x")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("secret") && !e.contains("user:"), "{e}");
        assert!(e.contains("example.com"), "{e}");
        let long = format!("https://example.com/{}", "a".repeat(10_000));
        let e = spec.parse(&long).unwrap_err().to_string();
        assert!(e.contains("at most 2048 characters"), "{e}");
        assert!(e.len() < 400, "not echoed whole: {} characters", e.len());
    }

    #[test]
    fn invalid_environment_value_is_an_error_naming_the_setting() {
        let env = |name: &str| (name == "NFL_DFS_CPU_THREADS").then(|| "zero".to_string());
        let e = resolve(&HashMap::new(), env).unwrap_err();
        assert!(e.to_string().contains("cpu_threads"), "{e}");
    }

    #[test]
    fn invalid_stored_value_falls_back_to_default() {
        let stored = HashMap::from([("nfl_seasons".to_string(), "999".to_string())]);
        let entries = resolve(&stored, |_| None).unwrap();
        let e = entries.iter().find(|e| e.key == "nfl_seasons").unwrap();
        assert_eq!(
            (e.value.clone(), e.source),
            (SettingValue::Integer(3), SettingSource::Default)
        );
    }

    #[test]
    fn values_of_the_wrong_kind_are_refused() {
        let cap = SettingSpec::find("salary_cap").unwrap();
        assert!(cap.validate(SettingValue::Bool(true)).is_err());
        let tuning = SettingSpec::find("self_tuning").unwrap();
        assert!(tuning.validate(SettingValue::Integer(1)).is_err());
        let url = SettingSpec::find("nfl_data_url").unwrap();
        assert!(url.validate(SettingValue::Integer(1)).is_err());
        assert!(cap.validate(SettingValue::Text("5".into())).is_err());
    }
}
