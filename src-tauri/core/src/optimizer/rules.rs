//! The user's rules for a run, on top of DraftKings' own (cap, slots, two games, playable
//! games), which always hold.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a run builds and under which rules. The defaults are DraftKings' rules alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Rules {
    /// How many lineups to build (1-500).
    pub lineups: u32,
    /// Fewest players in which any two lineups differ (1: just distinct).
    pub min_unique: u32,
    /// Salary cap (from the settings).
    pub salary_cap: u32,
    /// Least salary a lineup must use (0 for none).
    pub min_salary: u32,
    /// Most players from one team (None: no limit).
    pub max_per_team: Option<u32>,
    /// The QB with at least this many of his own WR/TE (0: no stack).
    pub qb_stack: u32,
    /// At least this many players from the QB's opponent (0: none).
    pub bring_back: u32,
    /// No offensive player facing the lineup's DST.
    pub no_opponent_vs_dst: bool,
    /// Slate players in every lineup (besides those locked on the Players page).
    pub lock: Vec<i32>,
    /// Slate players in no lineup (besides those excluded on the Players page).
    pub exclude: Vec<i32>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            lineups: 1,
            min_unique: 1,
            salary_cap: crate::dk::SALARY_CAP,
            min_salary: 0,
            max_per_team: None,
            qb_stack: 0,
            bring_back: 0,
            no_opponent_vs_dst: false,
            lock: vec![],
            exclude: vec![],
        }
    }
}
