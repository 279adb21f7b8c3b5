//! Text output of the commands (`--json` prints the same values as JSON). Printers append to a
//! `String` that is written to stdout at once, so a closed pipe (`| head`) ends quietly.

/// Appends one line to the output.
macro_rules! line {
    ($o:expr) => {
        $o.push('\n')
    };
    ($o:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($o, $($arg)*);
    }};
}

use chrono::{DateTime, Utc};
use chrono_tz::America::New_York;
use nfl_dfs_core::backup::{BackupEntry, BackupKind};
use nfl_dfs_core::doctor::{CheckStatus, DoctorReport};
use nfl_dfs_core::health::Health;
use nfl_dfs_core::identity::SlateMatches;
use nfl_dfs_core::lineup::{ExportReport, Lineup, LineupImportReport};
use nfl_dfs_core::nflverse::WeekPoints;
use nfl_dfs_core::nflverse::{LoadProgress, LoadStage};
use nfl_dfs_core::optimizer::LateSwapReport;
use nfl_dfs_core::projection::backtest::BacktestReport;
use nfl_dfs_core::projection::project::WeekProjection;
use nfl_dfs_core::projection::registry::ModelVersion;
use nfl_dfs_core::self_tuning::TuneOutcome;
use nfl_dfs_core::settings::{SettingEntry, SettingSource};
use nfl_dfs_core::slate::{ImportReport, SlateSummary};
use nfl_dfs_core::IngestReport;
use nfl_dfs_core::SlateView;
use nfl_dfs_core::{RestoreReport, SlateProjections, TrainReport};

/// Dollars with a thousands separator and cents (`$77,718.68`, `-$5.31`).
pub fn money(amount: f64) -> String {
    let sign = if amount < 0.0 { "-" } else { "" };
    let cents = (amount.abs() * 100.0).round() as u64;
    let dollars = nfl_dfs_core::thousands::thousands(cents / 100);
    format!("{sign}${dollars}.{:02}", cents % 100)
}

/// A kickoff in US Eastern time, as DraftKings shows it.
fn eastern(time: DateTime<Utc>) -> String {
    time.with_timezone(&New_York)
        .format("%a %m/%d %I:%M%p ET")
        .to_string()
}

pub fn import_report(r: &ImportReport, o: &mut String) {
    let verb = if r.already_imported {
        "already imported as"
    } else {
        "imported as"
    };
    line!(
        o,
        "{} {verb} slate {}: {}",
        r.slate.source_file,
        r.slate.id,
        r.slate.name
    );
    line!(o, "players   {}", r.slate.players);
    line!(o, "games     {}", r.slate.games);
    let positions: Vec<String> = r
        .positions
        .iter()
        .map(|p| format!("{} {}", p.position, p.players))
        .collect();
    line!(o, "positions {}", positions.join(", "));
    if r.unusable_players > 0 {
        line!(
            o,
            "unusable  {} players without a playable game (kept, never picked)",
            r.unusable_players
        );
    }
    if !r.slate.exportable {
        line!(
            o,
            "note      this pre-2018 file has no player IDs: lineups cannot be exported"
        );
    }
}

pub fn slate_summary(s: &SlateSummary, o: &mut String) {
    let ids = if s.exportable { "" } else { "  (no IDs)" };
    line!(
        o,
        "{:>4}  {:<40} {:>4} players {:>3} games {:>4} lineups  {}{ids}",
        s.id,
        s.name,
        s.players,
        s.games,
        s.lineups,
        s.source_file
    );
}

pub fn slate(s: &SlateView, o: &mut String) {
    slate_summary(&s.summary, o);
    if let Some(notice) = &s.notice {
        line!(o, "note: {notice}");
    }
    line!(o);
    for g in &s.games {
        line!(
            o,
            "  {:>3}@{:<3}  {}",
            g.away,
            g.home,
            eastern(g.kickoff_utc)
        );
    }
    line!(o);
    line!(
        o,
        "  {:>10}  {:<28} {:<4} {:<4} {:<4} {:>6} {:>6} {:>6} {:>6}  flags",
        "DK ID",
        "name",
        "pos",
        "team",
        "opp",
        "salary",
        "avg",
        "proj",
        "value"
    );
    for view in &s.players {
        let p = &view.player;
        let mut flags = Vec::new();
        if p.locked {
            flags.push("locked".to_string());
        }
        if p.excluded {
            flags.push("excluded".to_string());
        }
        if let Some(points) = p.projection_override {
            flags.push(format!("override {points:.1}"));
        }
        if !p.has_usable_game() {
            flags.push(p.game_state.describe().to_string());
        }
        line!(
            o,
            "  {:>10}  {:<28} {:<4} {:<4} {:<4} {:>6} {:>6.2} {:>6.2} {:>6.2}  {}",
            p.dk_id.map_or("-".to_string(), |id| id.to_string()),
            p.name,
            p.position.as_str(),
            p.team,
            p.opponent.as_deref().unwrap_or("-"),
            p.salary,
            p.avg_points_per_game,
            view.projection,
            view.value,
            flags.join(", ")
        );
    }
}

pub fn lineups(lineups: &[Lineup], o: &mut String) {
    if lineups.is_empty() {
        line!(o, "no lineups stored for this slate");
    }
    for l in lineups {
        let players: Vec<String> = l
            .slots
            .iter()
            .map(|s| format!("{} {}", s.slot, s.player.name))
            .collect();
        let points = l.projected_points.map_or(String::new(), |p| {
            let earlier = if l.earlier_models {
                " (earlier models)"
            } else {
                ""
            };
            format!(" {p:.1} pts{earlier}")
        });
        line!(
            o,
            "{:>5}  ${}{points}  {}",
            l.id,
            l.salary,
            players.join(" | ")
        );
    }
}

pub fn optimize_report(r: &crate::optimize::OptimizeOutput, o: &mut String) {
    for (k, l) in r.lineups.iter().enumerate() {
        line!(
            o,
            "#{:<3} {:>6.2} pts  ${}  (lineup {})",
            k + 1,
            l.points,
            l.salary,
            l.id
        );
        let slots = ["QB", "RB", "RB", "WR", "WR", "WR", "TE", "FLEX", "DST"];
        for (slot, (name, id)) in slots.iter().zip(l.names.iter().zip(&l.dk_ids)) {
            line!(o, "     {slot:<4} {name} ({id})");
        }
    }
    line!(o, "{} lineups in {:.2} s", r.lineups.len(), r.seconds);
    if let Some(path) = &r.out {
        line!(o, "upload file: {path}");
    }
}

pub fn late_swap(r: &LateSwapReport, o: &mut String) {
    for e in &r.entries {
        match (&e.lineup, &e.reason) {
            (Some(l), _) => line!(
                o,
                "entry {} (line {}): {} kept, {} -> {:.2} pts  ${}",
                e.entry_id,
                e.line,
                e.kept,
                e.points_before
                    .map_or_else(|| "empty".to_string(), |p| format!("{p:.2}")),
                l.points,
                l.salary
            ),
            (None, reason) => line!(
                o,
                "entry {} (line {}): left as it was: {}",
                e.entry_id,
                e.line,
                reason.as_deref().unwrap_or("")
            ),
        }
    }
    line!(o, "filled entries file: {}  ({:.2} s)", r.path, r.seconds);
}

pub fn ingest_report(r: &IngestReport, o: &mut String) {
    for f in &r.files {
        let seasons: Vec<String> = f.seasons.iter().map(i32::to_string).collect();
        let skipped = if f.skipped > 0 {
            format!("; {} rows skipped {}", f.skipped, f.skipped_reason)
        } else {
            String::new()
        };
        line!(
            o,
            "{}: {} rows of {} ({}){skipped}",
            f.file,
            f.rows,
            f.kind.as_str(),
            seasons.join(", ")
        );
    }
    for refused in &r.refused {
        line!(o, "refused: {refused}");
    }
    if !r.ignored.is_empty() {
        line!(
            o,
            "left alone (not nflverse data the app reads): {}",
            r.ignored.join(", ")
        );
    }
    for name in &r.unchanged {
        line!(o, "{name}: unchanged since the last download");
    }
    for name in &r.missing {
        line!(o, "{name}: not published by nflverse (yet)");
    }
    for name in &r.stale {
        line!(o, "{name}: download failed; loaded the expired cached copy");
    }
}

/// Prints a line on stderr when a load moves to another file or stage.
pub fn load_progress() -> impl Fn(&LoadProgress) -> bool + Send + Sync + 'static {
    let last = std::sync::Mutex::new(None);
    move |p: &LoadProgress| {
        let mut last = last.lock().expect("only locked here");
        if *last != Some((p.file_index, p.stage)) {
            *last = Some((p.file_index, p.stage));
            let verb = match p.stage {
                LoadStage::Download => "downloading",
                LoadStage::Read => "reading",
            };
            eprintln!("[{}/{}] {verb} {}", p.file_index + 1, p.files, p.file);
        }
        true
    }
}

pub fn week_points(w: &WeekPoints, o: &mut String) {
    line!(
        o,
        "{} week {}: {} players, {} DSTs",
        w.season,
        w.week,
        w.players.len(),
        w.dsts.len()
    );
    for p in &w.players {
        line!(
            o,
            "{:<12} {:<26} {:<4} {:<4} {:>6.2}",
            p.gsis_id,
            p.name,
            p.position.as_deref().unwrap_or("-"),
            p.team,
            p.dk_points
        );
    }
    for d in &w.dsts {
        let allowed = d
            .points_allowed
            .map_or_else(|| "score unknown".to_string(), |a| format!("{a} allowed"));
        line!(
            o,
            "{:<12} {:<26} {:<4} {:<4} {:>6.2}",
            "DST",
            format!(
                "{} vs {} ({allowed})",
                d.team,
                d.opponent.as_deref().unwrap_or("?")
            ),
            "DST",
            d.team,
            d.dk_points
        );
    }
}

pub fn slate_matches(m: &SlateMatches, o: &mut String) {
    for p in &m.players {
        line!(
            o,
            "{:>5} {:<26} {:<3} {:<4} {:<11} {:<22} {:?}",
            p.player.slate_player_id,
            p.player.name,
            p.player.position,
            p.player.team,
            p.gsis_id.as_deref().unwrap_or("-"),
            p.nfl_name.as_deref().unwrap_or("-"),
            p.how
        );
    }
    line!(
        o,
        "season {}: {} of {} players with a game matched; DST {} of {}",
        m.season,
        m.matched,
        m.with_game,
        m.dst_matched,
        m.dst_with_game
    );
}

pub fn lineup_import(r: &LineupImportReport, o: &mut String) {
    line!(
        o,
        "{} lineups read: {} new, {} already stored",
        r.lineup_ids.len(),
        r.added,
        r.already_stored
    );
}

pub fn export_report(r: &ExportReport, o: &mut String) {
    if r.entries_total > 0 {
        line!(
            o,
            "filled {} of {} entries in {}",
            r.lineups_written,
            r.entries_total,
            r.path
        );
        for note in &r.entries_kept {
            line!(o, "  kept {note}");
        }
    } else {
        line!(o, "wrote {} lineups to {}", r.lineups_written, r.path);
    }
}

pub fn health(h: &Health, o: &mut String) {
    line!(
        o,
        "NFL DFS {} ({} profile)",
        h.app_version,
        h.profile.as_str()
    );
    line!(o, "data folder     {}", h.data_dir);
    line!(o, "database        {}", h.database_path);
    line!(
        o,
        "schema          {} ({} migrations)",
        h.schema_version,
        h.migrations_applied
    );
    line!(
        o,
        "data            {} slates, {} slate players, {} games, {} players, {} teams",
        h.data.slates,
        h.data.slate_players,
        h.data.games,
        h.data.players,
        h.data.teams
    );
    line!(
        o,
        "last update     {}",
        h.data.last_updated.as_deref().unwrap_or("never")
    );
    let models = if h.models.trained_positions.is_empty() {
        "none trained yet".to_string()
    } else {
        h.models.trained_positions.join(", ")
    };
    line!(o, "models          {models}");
}

pub fn setting(e: &SettingEntry, o: &mut String) {
    let source = match e.source {
        SettingSource::Default => "default".to_string(),
        SettingSource::Database => "set".to_string(),
        SettingSource::Environment => format!("from {}", e.env_var),
    };
    line!(o, "{} = {} ({source})", e.key, e.value.to_text());
}

pub fn train_report(r: &TrainReport, o: &mut String) {
    line!(
        o,
        "training run {} ({:.1} s), version {}",
        r.run_id,
        r.seconds,
        r.version
    );
    for summary in &r.results {
        let p = &summary.result;
        let gain = summary
            .mae_gain
            .map_or("–".to_string(), |g| format!("{:+.1}%", 100.0 * g));
        line!(
            o,
            "{:<4} {:<38} MAE {:>5.2} (season-to-date {:>5.2}, {gain})  corr {:.3}  rows {}  {}",
            p.position.as_str(),
            p.learner.to_string(),
            p.model.mae,
            p.season_to_date.mae,
            p.model.correlation,
            p.model.rows,
            p.validation
        );
    }
    let deployed: Vec<&str> = r.deployed.iter().map(|p| p.as_str()).collect();
    line!(
        o,
        "deployed: {}",
        if deployed.is_empty() {
            "none".into()
        } else {
            deployed.join(", ")
        }
    );
    for kept in &r.kept {
        line!(o, "kept {kept}");
    }
    if let Some(words) = &r.announcement {
        line!(o, "{words}");
    }
}

pub fn model_versions(v: &[ModelVersion], o: &mut String) {
    for m in v {
        line!(
            o,
            "{:<4} {:<6} {} {:<38} MAE {:.2} (baseline {:.2})  {}",
            m.position.as_str(),
            m.version,
            if m.production { "*" } else { " " },
            m.learner,
            m.mae,
            m.baseline_mae,
            m.created_at.format("%Y-%m-%d %H:%M")
        );
    }
    if v.is_empty() {
        line!(o, "no models yet: run `nfl-dfs-cli train`");
    }
}

pub fn slate_projections(s: &SlateProjections, o: &mut String) {
    line!(
        o,
        "slate {}: {} players ({:.3} s); models: {}",
        s.slate_id,
        s.players.len(),
        s.seconds,
        s.models.join(", ")
    );
    if let Some(notice) = &s.notice {
        line!(o, "note: {notice}");
    }
    for p in &s.players {
        line!(
            o,
            "{:<10} {:<26} {:<3} {:<4} {:>6.2} [{:.2}-{:.2}] {:>4.0}% {:<12} {:?}{}",
            p.player.dk_id.map_or_else(String::new, |id| id.to_string()),
            p.player.name,
            p.player.position.as_str(),
            p.player.team,
            p.projection,
            p.floor,
            p.ceiling,
            100.0 * p.play_probability,
            p.status.as_str(),
            p.source,
            p.note
                .as_ref()
                .map_or_else(String::new, |n| format!(": {n}"))
        );
    }
}

pub fn week_projections(w: &[WeekProjection], o: &mut String) {
    for p in w {
        line!(
            o,
            "{:<12} {:<26} {:<3} {:<4} {:>6.2} [{:.2}-{:.2}]",
            p.id,
            p.name,
            p.position.as_str(),
            p.team,
            p.projection,
            p.floor,
            p.ceiling
        );
    }
}

pub fn backtest(b: &BacktestReport, o: &mut String) {
    line!(
        o,
        "slate {}: {} week {}, {} players with a game",
        b.slate_id,
        b.season,
        b.week,
        b.players.len()
    );
    line!(
        o,
        "projection MAE {:.2} (corr {:.3}) vs AvgPointsPerGame MAE {:.2} (corr {:.3}) on {} players who played",
        b.projection.mae,
        b.projection.correlation,
        b.average.mae,
        b.average.correlation,
        b.projection.rows
    );
    for (label, l) in [
        ("app lineup", &b.app_lineup),
        ("AvgPointsPerGame lineup", &b.average_lineup),
        ("hindsight-optimal lineup", &b.hindsight_lineup),
    ] {
        line!(
            o,
            "{label}: {:.2} actual points (built for {:.2})",
            l.actual,
            l.expected
        );
    }
    for p in &b.players {
        line!(
            o,
            "{:<26} {:<3} {:<4} projected {:>6.2}  average {:>6.2}  actual {}",
            p.name,
            p.position.as_str(),
            p.team,
            p.projected,
            p.average,
            p.actual.map_or_else(|| "-".into(), |a| format!("{a:.2}"))
        );
    }
}

pub fn tune(t: &TuneOutcome, o: &mut String) {
    line!(
        o,
        "{}: {}",
        if t.check.due { "retraining" } else { "not due" },
        t.check.reason
    );
    if let Some(mae) = t.check.latest_week_mae {
        line!(o, "latest week MAE of the production models: {mae:.2}");
    }
    if let Some(report) = &t.report {
        train_report(report, o);
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

pub fn backups(entries: &[BackupEntry], o: &mut String) {
    if entries.is_empty() {
        line!(o, "No backups yet: `nfl-dfs-cli backup` makes one.");
    }
    for e in entries {
        let kind = match e.kind {
            BackupKind::Database => "database",
            BackupKind::Models => "models",
        };
        line!(
            o,
            "{}  {kind:<8}  {:<16}  {:>9}  {}",
            e.created,
            e.reason.as_str(),
            megabytes(e.bytes),
            e.path
        );
    }
}

pub fn restore(r: &RestoreReport, o: &mut String) {
    match &r.check {
        Some(check) => line!(
            o,
            "Restored the database from {} (schema {}, {} migration(s) applied after).",
            r.file,
            check.schema_version,
            check.pending_migrations
        ),
        None => line!(o, "Restored the models from {}.", r.file),
    }
    if let Some(kept) = &r.kept {
        line!(o, "What it replaced is kept in {kept}.");
    }
}

pub fn doctor(r: &DoctorReport, o: &mut String) {
    for c in &r.checks {
        let mark = match c.status {
            CheckStatus::Ok => "ok     ",
            CheckStatus::Warning => "warning",
            CheckStatus::Problem => "PROBLEM",
        };
        line!(o, "{mark}  {}: {}", c.name, c.detail);
        if let Some(fix) = &c.fix {
            line!(o, "         fix: {fix}");
        }
        if let Some(command) = &c.command {
            line!(o, "         run: {command}");
        }
    }
    line!(o, "{} problem(s), {} warning(s).", r.problems, r.warnings);
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_has_thousands_separators_cents_and_its_sign() {
        assert_eq!(money(77718.675), "$77,718.68");
        assert_eq!(money(1_000_000.0), "$1,000,000.00");
        assert_eq!(money(999.999), "$1,000.00");
        assert_eq!(money(0.5), "$0.50");
        assert_eq!(money(-5.314), "-$5.31");
    }
}
