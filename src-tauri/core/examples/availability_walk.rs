//! Play probabilities checked walk-forward over 2019-2022 (issue 25): for every week, the rates
//! fitted on the weeks before it only, applied to every player week of the population they are
//! measured on (players who had appeared, on their latest team), and set against who played:
//! by tenth of probability, per season, and for season starts apart; with and without the depth
//! charts. Target: in each tenth the share who played within 0.05 of the mean probability.
//! Season starts are also shown each apart, with the shipped season-start rates (measured on
//! the 2020 and 2021 starts: 2019's and 2022's were not in them) and without them (the role's
//! mid-season rate where no start is measured yet). With `WRITE_DEFAULTS=1` it rewrites the
//! shipped rates. Usage: availability_walk [DATA_DIR]; used by `scripts/bench-availability.sh`.

use nfl_dfs_core::projection::availability::season_start::{self, SeasonStartRates};
use nfl_dfs_core::projection::availability::{player_weeks, AvailabilityModel, PlayIndex, Signals};
use nfl_dfs_core::projection::history::{week_key, History, WeekKey};
use std::sync::Arc;

/// The season starts the shipped rates are measured on.
const MEASURED_STARTS: [i32; 2] = [2020, 2021];

mod common;

/// One checked player week: his probability, whether he played, the season, whether it was a
/// season start and whether he was in line for a player ruled out.
#[derive(Clone, Copy)]
struct Checked {
    p: f64,
    played: bool,
    season: i32,
    start: bool,
    next_up: bool,
    /// Whether the week's report lists him (questionable, doubtful, ...).
    listed: bool,
    /// His probability without his place in line (as before it was read).
    p_in_line_unread: f64,
    /// Whether he is the quarterback in line for the starting one ruled out.
    quarterback: bool,
    /// His probability read as a player of any other position.
    p_as_other: f64,
}

fn walk(history: &History, starts: Option<Arc<SeasonStartRates>>) -> Vec<Checked> {
    let index = PlayIndex::new(history);
    let mut out = Vec::new();
    let mut weeks: Vec<WeekKey> = history
        .games
        .iter()
        .map(|g| week_key(g.season, g.week))
        .filter(|w| (201901..202300).contains(w))
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    for week in weeks {
        let model =
            AvailabilityModel::fit(history, &index, week).with_season_starts(starts.clone());
        player_weeks(history, &index, week, week + 1, |_, signals, played| {
            out.push(Checked {
                p: model.probability(signals),
                played,
                season: week / 100,
                start: signals.season_start,
                next_up: signals.next_up == Some(true),
                listed: signals.listed(),
                p_in_line_unread: model.probability(&Signals {
                    next_up: None,
                    ..*signals
                }),
                quarterback: signals.quarterback,
                p_as_other: model.probability(&Signals {
                    quarterback: false,
                    ..*signals
                }),
            });
        });
    }
    out
}

fn tenths(label: &str, rows: &[&Checked]) {
    let mut worst: f64 = 0.0;
    let mut cells = Vec::new();
    for t in 0..10 {
        let lo = f64::from(t) / 10.0;
        let in_tenth: Vec<&&Checked> = rows
            .iter()
            .filter(|r| r.p >= lo && (r.p < lo + 0.1 || (t == 9 && r.p <= 1.0)))
            .collect();
        if in_tenth.is_empty() {
            cells.push("-".to_string());
            continue;
        }
        let n = in_tenth.len() as f64;
        let mean = in_tenth.iter().map(|r| r.p).sum::<f64>() / n;
        let played = in_tenth.iter().filter(|r| r.played).count() as f64 / n;
        if in_tenth.len() >= 30 {
            worst = worst.max((mean - played).abs());
        }
        cells.push(format!("{mean:.2}/{played:.2} ({})", in_tenth.len()));
    }
    let n = rows.len().max(1) as f64;
    let brier = rows
        .iter()
        .map(|r| (r.p - f64::from(u8::from(r.played))).powi(2))
        .sum::<f64>()
        / n;
    println!(
        "| {label} | {} | {brier:.4} | {worst:.3} | {} |",
        rows.len(),
        cells.join(" | ")
    );
}

fn report(title: &str, rows: &[Checked]) {
    println!();
    println!("{title}: mean P(play) / share who played (player weeks) per tenth; worst gap over tenths with >= 30");
    println!("| rows | player weeks | Brier | worst gap | 0.0-0.1 | 0.1-0.2 | 0.2-0.3 | 0.3-0.4 | 0.4-0.5 | 0.5-0.6 | 0.6-0.7 | 0.7-0.8 | 0.8-0.9 | 0.9-1.0 |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for season in 2019..=2022 {
        let of: Vec<&Checked> = rows.iter().filter(|r| r.season == season).collect();
        tenths(&season.to_string(), &of);
    }
    let starts: Vec<&Checked> = rows.iter().filter(|r| r.start).collect();
    tenths("season starts", &starts);
    for season in 2019..=2022 {
        let of: Vec<&Checked> = starts
            .iter()
            .copied()
            .filter(|r| r.season == season)
            .collect();
        tenths(&format!("{season} start"), &of);
    }
    let next_up: Vec<&Checked> = rows.iter().filter(|r| r.next_up).collect();
    in_line("", &next_up);
    for (label, listed) in [(", listed on the report", true), (", not listed", false)] {
        let rows: Vec<&Checked> = next_up
            .iter()
            .copied()
            .filter(|r| r.listed == listed)
            .collect();
        in_line(label, &rows);
    }
    let quarterbacks: Vec<&Checked> = next_up
        .iter()
        .copied()
        .filter(|r| r.quarterback && !r.listed)
        .collect();
    tenths(
        "quarterbacks in line for the starting one ruled out, not listed",
        &quarterbacks,
    );
    let as_other: Vec<Checked> = quarterbacks
        .iter()
        .map(|r| Checked {
            p: r.p_as_other,
            ..**r
        })
        .collect();
    tenths(
        "the same, read as any other position",
        &as_other.iter().collect::<Vec<_>>(),
    );
    let mid: Vec<&Checked> = rows.iter().filter(|r| !r.start).collect();
    tenths("other weeks", &mid);
    tenths("all", &rows.iter().collect::<Vec<_>>());
}

/// Players in line for a player ruled out, by tenth, with and without their place in line read.
fn in_line(label: &str, rows: &[&Checked]) {
    tenths(&format!("next in line for a player ruled out{label}"), rows);
    let unread: Vec<Checked> = rows
        .iter()
        .map(|r| Checked {
            p: r.p_in_line_unread,
            ..**r
        })
        .collect();
    tenths(
        &format!("the same{label}, his place in line not read"),
        &unread.iter().collect::<Vec<_>>(),
    );
}

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    let (_dir, history) = common::loaded_history(&data).await;
    let measured = SeasonStartRates::measure(&history, &PlayIndex::new(&history), &MEASURED_STARTS);
    if std::env::var_os("WRITE_DEFAULTS").is_some() {
        let path = "src-tauri/domain/src/projection/availability/season_start_default.json";
        std::fs::write(path, measured.to_json() + "\n").expect("write");
        println!("wrote {path} (season starts {MEASURED_STARTS:?})");
    }
    if *season_start::shipped() != measured {
        println!("note: the shipped season-start rates differ from these data's {MEASURED_STARTS:?} starts");
    }
    let measured = Some(Arc::new(measured));
    report("with the depth charts", &walk(&history, measured.clone()));
    report(
        "with the depth charts, without the season-start rates",
        &walk(&history, None),
    );
    let without = History {
        depth_charts: Vec::new(),
        ..history.clone()
    };
    report("without the depth charts", &walk(&without, measured));
}
