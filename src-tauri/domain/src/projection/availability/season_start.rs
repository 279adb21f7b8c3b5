//! Who plays at a season's start, as the shipped history measured it. A first week follows
//! last season's final weeks, when stars rest, the hurt go on injured reserve and heal over
//! the summer, and players change teams: the signals mean something else than in mid-season
//! (Carson Wentz, out for 2018's last three games, is a 9% player by the mid-season rate and
//! played 2019's first week, as most such starters do). A history a user loads measures season
//! starts only from its second season on; before that, its first weeks leaned on the
//! mid-season rates. These rates, measured on the shared nflverse history's 2020 and 2021
//! season starts and shipped, are the prior of the season-start levels instead; the user's
//! own season starts, where loaded, take over as they accumulate.
//!
//! `scripts/bench-availability.sh` measures them (`WRITE_DEFAULTS=1` rewrites the shipped
//! file) and checks them walk-forward on the 2019 and 2022 season starts they were not
//! measured on.

use super::{player_weeks, Count, PlayIndex, Role, Signals, Snaps};
use crate::projection::history::{week_key, History};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The key of a season-start bucket: games missed at the end of last season, the snaps of his
/// last game, his role, and whether the week's depth chart holds him (None: no chart loaded).
pub type StartKey = (u32, Option<Snaps>, Option<Role>, Option<bool>);

/// One measured bucket, as the shipped file lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Row {
    missed: u32,
    snaps: Option<Snaps>,
    role: Option<Role>,
    on_chart: Option<bool>,
    played: u32,
    total: u32,
}

/// Play counts at season starts by their signals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeasonStartRates {
    by_chart: HashMap<StartKey, Count>,
    by_start: HashMap<(u32, Option<Snaps>, Option<Role>), Count>,
}

impl SeasonStartRates {
    /// Counts who played the first week of each of `seasons`, among the players a slate's
    /// come from (those who had appeared, on their latest team, still in the league).
    pub fn measure(history: &History, index: &PlayIndex, seasons: &[i32]) -> SeasonStartRates {
        let mut rates = SeasonStartRates::default();
        for &season in seasons {
            let (from, until) = (week_key(season, 0), week_key(season, 2));
            player_weeks(history, index, from, until, |_, signals, played| {
                if signals.season_start {
                    if let Some(key) = key_of(signals) {
                        rates.add(key, (u32::from(played), 1));
                    }
                }
            });
        }
        rates
    }

    fn add(&mut self, key: StartKey, count: Count) {
        for bucket in [
            self.by_chart.entry(key).or_default(),
            self.by_start.entry((key.0, key.1, key.2)).or_default(),
        ] {
            bucket.0 += count.0;
            bucket.1 += count.1;
        }
    }

    /// The counts of the season-start bucket of these signals, without the depth chart.
    pub fn start(&self, missed: u32, snaps: Option<Snaps>, role: Option<Role>) -> Option<&Count> {
        self.by_start.get(&(missed, snaps, role))
    }

    /// The counts of the season-start bucket of these signals, with the depth chart.
    pub fn chart(&self, key: &StartKey) -> Option<&Count> {
        self.by_chart.get(key)
    }

    /// The rates as the shipped file writes them (sorted, so a rewrite diffs cleanly).
    pub fn to_json(&self) -> String {
        let mut rows: Vec<Row> = self
            .by_chart
            .iter()
            .map(|(&(missed, snaps, role, on_chart), &(played, total))| Row {
                missed,
                snaps,
                role,
                on_chart,
                played,
                total,
            })
            .collect();
        rows.sort_by_key(|r| format!("{:?}", (r.missed, r.snaps, r.role, r.on_chart)));
        serde_json::to_string_pretty(&rows).expect("rows serialize")
    }

    /// Reads the shipped file's form; a count with more played than weeks is refused.
    pub fn from_json(text: &str) -> Result<SeasonStartRates, String> {
        let rows: Vec<Row> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut rates = SeasonStartRates::default();
        for r in rows {
            if r.played > r.total {
                return Err(format!(
                    "a season-start bucket counts {} played of {}",
                    r.played, r.total
                ));
            }
            rates.add((r.missed, r.snaps, r.role, r.on_chart), (r.played, r.total));
        }
        Ok(rates)
    }
}

/// The season-start bucket of a player week (None when his recent weeks are not loaded).
pub fn key_of(signals: &Signals) -> Option<StartKey> {
    Some((
        signals.missed?,
        signals.snaps(),
        signals.role,
        signals.on_chart,
    ))
}

/// The rates shipped with the app.
pub fn shipped() -> Arc<SeasonStartRates> {
    static SHIPPED: OnceLock<Arc<SeasonStartRates>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| {
            Arc::new(
                SeasonStartRates::from_json(include_str!("season_start_default.json"))
                    .expect("the shipped season-start rates are valid"),
            )
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rates_round_trip_and_sum_over_the_chart() {
        let mut rates = SeasonStartRates::default();
        let star = (3, None, Some(Role::Star), Some(true));
        rates.add(star, (8, 10));
        rates.add((3, None, Some(Role::Star), Some(false)), (1, 5));
        assert_eq!(rates.start(3, None, Some(Role::Star)), Some(&(9, 15)));
        assert_eq!(rates.chart(&star), Some(&(8, 10)));
        let back = SeasonStartRates::from_json(&rates.to_json()).expect("reads back");
        assert_eq!(back, rates);
        assert!(SeasonStartRates::from_json(
            r#"[{"missed":0,"snaps":null,"role":null,"on_chart":null,"played":3,"total":2}]"#
        )
        .is_err());
        assert!(SeasonStartRates::from_json("{").is_err());
    }

    #[test]
    fn the_shipped_rates_say_a_starter_back_from_injury_mostly_plays() {
        let shipped = shipped();
        let (played, total) = *shipped.start(3, None, Some(Role::Star)).expect("measured");
        assert!(total >= 10, "{total}");
        assert!(f64::from(played) / f64::from(total) > 0.3);
    }
}
