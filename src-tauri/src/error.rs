//! The error shape that crosses IPC: `{code, message}`. The UI switches on `code`.

use nfl_dfs_core::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// Stable machine-readable kind.
    pub code: ErrorCode,
    /// What went wrong and what to do, for people.
    pub message: String,
}

impl From<nfl_dfs_core::Error> for IpcError {
    fn from(e: nfl_dfs_core::Error) -> Self {
        Self {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_cross_as_code_and_message() {
        let core = nfl_dfs_core::settings::SettingSpec::find("nope").unwrap_err();
        let json = serde_json::to_value(IpcError::from(core)).unwrap();
        assert_eq!(json["code"], "unknown_setting");
        assert!(json["message"].as_str().unwrap().contains("nope"));
        assert_eq!(json.as_object().unwrap().len(), 2);
    }
}
