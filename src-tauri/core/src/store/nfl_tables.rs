//! Writing nflverse rows: idempotent upserts in chunks inside the caller's transaction, the
//! NFL players behind the stats, and the DST points of team weeks (which need both teams' rows
//! and the schedule's score, so they are recomputed for a season whenever either changes).

use super::{begin_write, db_err};
use crate::Result;
use nfl_dfs_domain::nflverse::advanced::AdvancedStat;
use nfl_dfs_domain::nflverse::depth_charts::DepthEntry;
use nfl_dfs_domain::nflverse::play_by_play::DstGame;
use nfl_dfs_domain::nflverse::player_week::{self, PlayerWeek};
use nfl_dfs_domain::nflverse::roster_files::{IdLink, InjuryEntry, RosterEntry, SnapEntry};
use nfl_dfs_domain::nflverse::schedule::ScheduledGame;
use nfl_dfs_domain::nflverse::team_week::{self, TeamWeek};
use nfl_dfs_domain::nflverse::{FileKind, Rows};
use nfl_dfs_domain::scoring::{defense_points, points_allowed, Defense, DstEvents};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, FromQueryResult,
    Statement, Value,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const WRITING: &str = "storing NFL data";

/// Bound parameters per statement, below SQLite's limit.
const MAX_PARAMETERS: usize = 30_000;

/// `INSERT ... ON CONFLICT (key) DO UPDATE` of `rows` into `table`, in chunks.
async fn upsert(
    txn: &DatabaseTransaction,
    table: &str,
    columns: &[&str],
    key: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<()> {
    let per_chunk = (MAX_PARAMETERS / columns.len()).max(1);
    let updates: Vec<String> = columns
        .iter()
        .filter(|c| !key.contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let tuple = format!("({})", vec!["?"; columns.len()].join(", "));
    for chunk in rows.chunks(per_chunk) {
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}",
            columns.join(", "),
            vec![tuple.as_str(); chunk.len()].join(", "),
            key.join(", "),
            updates.join(", ")
        );
        let values: Vec<Value> = chunk.iter().flatten().cloned().collect();
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            values,
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}

/// Stores player weeks and the players behind them (name, position, latest team).
pub async fn player_weeks(txn: &DatabaseTransaction, rows: &[PlayerWeek]) -> Result<()> {
    let mut columns = vec![
        "gsis_id",
        "season",
        "week",
        "season_type",
        "name",
        "position",
        "team",
        "opponent",
    ];
    columns.extend(player_week::STAT_COLUMNS.iter().map(|(c, _)| *c));
    columns.extend(["target_share", "air_yards_share", "fantasy_points_ppr"]);
    let values = rows
        .iter()
        .map(|r| {
            let mut v: Vec<Value> = vec![
                r.gsis_id.clone().into(),
                r.season.into(),
                r.week.into(),
                r.season_type.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.team.clone().into(),
                r.opponent.clone().into(),
            ];
            v.extend(r.stats.iter().map(|s| Value::from(*s)));
            v.extend([
                r.target_share.into(),
                r.air_yards_share.into(),
                r.fantasy_points_ppr.into(),
            ]);
            v
        })
        .collect();
    upsert(
        txn,
        "nfl_player_weeks",
        &columns,
        &["gsis_id", "season", "week", "season_type"],
        values,
    )
    .await?;

    // The players: the latest week of each names them.
    let mut latest: BTreeMap<&str, &PlayerWeek> = BTreeMap::new();
    for r in rows {
        let newer = latest
            .get(r.gsis_id.as_str())
            .is_none_or(|l| (r.season, r.week) >= (l.season, l.week));
        if newer {
            latest.insert(&r.gsis_id, r);
        }
    }
    ensure_teams(txn, latest.values().map(|r| r.team.as_str()).collect()).await?;
    let players = latest
        .values()
        .map(|r| {
            vec![
                r.gsis_id.clone().into(),
                r.name.clone().into(),
                r.position.clone().unwrap_or_default().into(),
                r.team.clone().into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "players",
        &["gsis_id", "name", "position", "team"],
        &["gsis_id"],
        players,
    )
    .await
}

/// Adds team codes not stored yet (named by their code).
async fn ensure_teams(txn: &DatabaseTransaction, codes: BTreeSet<&str>) -> Result<()> {
    for code in codes {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO teams (code, name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING",
            [code.into(), code.into()],
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}

/// Stores team weeks (their DST points follow in [`dst_points`]).
pub async fn team_weeks(txn: &DatabaseTransaction, rows: &[TeamWeek]) -> Result<()> {
    let mut columns = vec!["team", "season", "week", "season_type", "opponent"];
    columns.extend(team_week::STAT_COLUMNS.iter().map(|(c, _)| *c));
    let blocked = team_week::stat("blocked_kicks");
    // A team's blocked kicks are the kicks of its opponent that were blocked.
    let kicks_blocked: HashMap<(&str, i32, i32), f64> = rows
        .iter()
        .map(|r| ((r.team.as_str(), r.season, r.week), r.kicks_blocked))
        .collect();
    let values = rows
        .iter()
        .map(|r| {
            let mut stats = r.stats;
            stats[blocked] = r
                .opponent
                .as_deref()
                .and_then(|o| kicks_blocked.get(&(o, r.season, r.week)))
                .copied()
                .unwrap_or(0.0);
            let mut v: Vec<Value> = vec![
                r.team.clone().into(),
                r.season.into(),
                r.week.into(),
                r.season_type.clone().into(),
                r.opponent.clone().into(),
            ];
            v.extend(stats.iter().map(|s| Value::from(*s)));
            v
        })
        .collect();
    upsert(
        txn,
        "nfl_team_weeks",
        &columns,
        &["team", "season", "week", "season_type"],
        values,
    )
    .await
}

/// Stores scheduled games.
pub async fn schedule(txn: &DatabaseTransaction, rows: &[ScheduledGame]) -> Result<()> {
    let columns = [
        "game_id",
        "season",
        "game_type",
        "week",
        "gameday",
        "gametime",
        "away_team",
        "home_team",
        "away_score",
        "home_score",
        "spread_line",
        "total_line",
        "roof",
        "surface",
        "temp",
        "wind",
        "away_rest",
        "home_rest",
        "div_game",
    ];
    let values = rows
        .iter()
        .map(|g| {
            vec![
                g.game_id.clone().into(),
                g.season.into(),
                g.game_type.clone().into(),
                g.week.into(),
                g.gameday.clone().into(),
                g.gametime.clone().into(),
                g.away_team.clone().into(),
                g.home_team.clone().into(),
                g.away_score.into(),
                g.home_score.into(),
                g.spread_line.into(),
                g.total_line.into(),
                g.roof.clone().into(),
                g.surface.clone().into(),
                g.temp.into(),
                g.wind.into(),
                g.away_rest.into(),
                g.home_rest.into(),
                g.div_game.into(),
            ]
        })
        .collect();
    upsert(txn, "nfl_schedule", &columns, &["game_id"], values).await
}

#[derive(Debug, FromQueryResult)]
struct TeamRow {
    team: String,
    season: i32,
    week: i32,
    season_type: String,
    opponent: Option<String>,
    def_sacks: f64,
    def_interceptions: f64,
    def_fumbles_recovered: f64,
    def_tds: f64,
    def_safeties: f64,
    special_teams_tds: f64,
    blocked_kicks: f64,
}

#[derive(Debug, FromQueryResult)]
struct Score {
    season: i32,
    week: i32,
    away_team: String,
    home_team: String,
    away_score: Option<i32>,
    home_score: Option<i32>,
}

/// Recomputes points allowed and DST points of every team week of `seasons`.
pub async fn dst_points(txn: &DatabaseTransaction, seasons: &BTreeSet<i32>) -> Result<()> {
    if seasons.is_empty() {
        return Ok(());
    }
    let list = seasons
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let teams = TeamRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        format!(
            "SELECT team, season, week, season_type, opponent, def_sacks, def_interceptions, \
             def_fumbles_recovered, def_tds, def_safeties, special_teams_tds, blocked_kicks \
             FROM nfl_team_weeks WHERE season IN ({list})"
        ),
    ))
    .all(txn)
    .await
    .map_err(db_err(WRITING))?;
    let scores = Score::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        format!(
            "SELECT season, week, away_team, home_team, away_score, home_score \
             FROM nfl_schedule WHERE season IN ({list})"
        ),
    ))
    .all(txn)
    .await
    .map_err(db_err(WRITING))?;
    // (season, week, team) -> points the team scored.
    let mut scored: HashMap<(i32, i32, &str), i32> = HashMap::new();
    for s in &scores {
        if let (Some(a), Some(h)) = (s.away_score, s.home_score) {
            scored.insert((s.season, s.week, s.away_team.as_str()), a);
            scored.insert((s.season, s.week, s.home_team.as_str()), h);
        }
    }
    let events: HashMap<(i32, i32, &str), DstEvents> = teams
        .iter()
        .map(|t| {
            (
                (t.season, t.week, t.team.as_str()),
                DstEvents {
                    def_tds: t.def_tds,
                    def_safeties: t.def_safeties,
                },
            )
        })
        .collect();
    for t in &teams {
        let allowed = t.opponent.as_deref().and_then(|o| {
            let score = scored.get(&(t.season, t.week, o))?;
            let theirs = events
                .get(&(t.season, t.week, o))
                .copied()
                .unwrap_or_default();
            Some(points_allowed(*score, &theirs))
        });
        let points = allowed.map_or(0.0, |allowed| {
            defense_points(&Defense {
                sacks: t.def_sacks,
                interceptions: t.def_interceptions,
                fumbles_recovered: t.def_fumbles_recovered,
                return_tds: t.def_tds + t.special_teams_tds,
                safeties: t.def_safeties,
                blocked_kicks: t.blocked_kicks,
                conversion_returns: 0.0,
                points_allowed: allowed,
            })
        });
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "UPDATE nfl_team_weeks SET points_allowed = ?, dk_points = ? \
             WHERE team = ? AND season = ? AND week = ? AND season_type = ?",
            [
                allowed.map(|a| a as i32).into(),
                points.into(),
                t.team.clone().into(),
                t.season.into(),
                t.week.into(),
                t.season_type.clone().into(),
            ],
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}

/// Stores DST games from play-by-play.
pub async fn dst_games(txn: &DatabaseTransaction, rows: &[DstGame]) -> Result<()> {
    let columns = [
        "game_id",
        "team",
        "season",
        "week",
        "season_type",
        "opponent",
        "sacks",
        "interceptions",
        "fumbles_recovered",
        "return_tds",
        "safeties",
        "blocked_kicks",
        "conversion_returns",
        "points_allowed",
        "dk_points",
    ];
    let values = rows
        .iter()
        .map(|g| {
            let d = &g.defense;
            vec![
                g.game_id.clone().into(),
                g.team.clone().into(),
                g.season.into(),
                g.week.into(),
                g.season_type.clone().into(),
                g.opponent.clone().into(),
                d.sacks.into(),
                d.interceptions.into(),
                d.fumbles_recovered.into(),
                d.return_tds.into(),
                d.safeties.into(),
                d.blocked_kicks.into(),
                d.conversion_returns.into(),
                d.points_allowed.into(),
                g.points().into(),
            ]
        })
        .collect();
    upsert(txn, "nfl_dst_games", &columns, &["game_id", "team"], values).await
}

/// Stores roster entries and the players on them (a player with no stats yet becomes known).
pub async fn rosters(txn: &DatabaseTransaction, rows: &[RosterEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.season.into(),
                r.week.into(),
                r.gsis_id.clone().into(),
                r.team.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.status.clone().into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_rosters",
        &[
            "season", "week", "gsis_id", "team", "name", "position", "status",
        ],
        &["season", "week", "gsis_id"],
        values,
    )
    .await?;
    let mut latest: BTreeMap<&str, &RosterEntry> = BTreeMap::new();
    for r in rows {
        if latest
            .get(r.gsis_id.as_str())
            .is_none_or(|l| (r.season, r.week) >= (l.season, l.week))
        {
            latest.insert(&r.gsis_id, r);
        }
    }
    ensure_teams(txn, latest.values().map(|r| r.team.as_str()).collect()).await?;
    let links: Vec<IdLink> = latest
        .values()
        .filter_map(|r| {
            Some(IdLink {
                pfr_id: r.pfr_id.clone()?,
                gsis_id: r.gsis_id.clone(),
            })
        })
        .collect();
    player_ids(txn, &links).await?;
    // Insert players not known yet; players known from stats keep their stats name.
    for r in latest.values() {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO players (gsis_id, name, position, team) VALUES (?, ?, ?, ?) \
             ON CONFLICT (gsis_id) DO UPDATE SET team = excluded.team",
            [
                r.gsis_id.clone().into(),
                r.name.clone().into(),
                r.position.clone().unwrap_or_default().into(),
                r.team.clone().into(),
            ],
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}

/// Stores injury report lines.
pub async fn injuries(txn: &DatabaseTransaction, rows: &[InjuryEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.season.into(),
                r.week.into(),
                r.season_type.clone().into(),
                r.gsis_id.clone().into(),
                r.team.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.report_status.clone().into(),
                r.practice_status.clone().into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_injuries",
        &[
            "season",
            "week",
            "season_type",
            "gsis_id",
            "team",
            "name",
            "position",
            "report_status",
            "practice_status",
        ],
        &["season", "week", "season_type", "gsis_id"],
        values,
    )
    .await
}

/// Stores depth-chart places.
pub async fn depth_charts(txn: &DatabaseTransaction, rows: &[DepthEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.season.into(),
                r.week.into(),
                r.as_of.clone().into(),
                r.team.clone().into(),
                r.gsis_id.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.depth.into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_depth_charts",
        &[
            "season", "week", "as_of", "team", "gsis_id", "name", "position", "depth",
        ],
        &["season", "week", "as_of", "team", "gsis_id"],
        values,
    )
    .await
}

/// Stores snap counts.
pub async fn snap_counts(txn: &DatabaseTransaction, rows: &[SnapEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.game_id.clone().into(),
                r.pfr_player_id.clone().into(),
                r.season.into(),
                r.week.into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.team.clone().into(),
                r.opponent.clone().into(),
                r.offense_snaps.into(),
                r.offense_pct.into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_snap_counts",
        &[
            "game_id",
            "pfr_player_id",
            "season",
            "week",
            "name",
            "position",
            "team",
            "opponent",
            "offense_snaps",
            "offense_pct",
        ],
        &["game_id", "pfr_player_id"],
        values,
    )
    .await
}

/// Stores PFR-to-GSIS id links (a later link of the same PFR id replaces the earlier one).
pub async fn player_ids(txn: &DatabaseTransaction, links: &[IdLink]) -> Result<()> {
    let values = links
        .iter()
        .map(|l| vec![l.pfr_id.clone().into(), l.gsis_id.clone().into()])
        .collect();
    upsert(
        txn,
        "nfl_player_ids",
        &["pfr_id", "gsis_id"],
        &["pfr_id"],
        values,
    )
    .await
}

/// Stores advanced weekly stats (PFR or Next Gen Stats).
pub async fn advanced_stats(txn: &DatabaseTransaction, rows: &[AdvancedStat]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.source.into(),
                r.player_id.clone().into(),
                r.season.into(),
                r.week.into(),
                r.stat.into(),
                r.team.clone().into(),
                r.value.into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_advanced_stats",
        &[
            "source",
            "player_id",
            "season",
            "week",
            "stat",
            "team",
            "value",
        ],
        &["source", "player_id", "season", "week", "stat"],
        values,
    )
    .await
}

/// Stores the rows of one nflverse file and records the load, in one transaction; returns the
/// rows stored and the seasons they cover. Team weeks and schedules recompute the DST points of
/// their seasons.
pub async fn store_file(
    db: &DatabaseConnection,
    rows: &Rows,
    kind: FileKind,
    source: &str,
    digest: &str,
) -> Result<(usize, BTreeSet<i32>)> {
    let txn = begin_write(db, "storing NFL data").await?;
    let (count, seasons) = match rows {
        Rows::Players(r) => {
            player_weeks(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect::<BTreeSet<_>>())
        }
        Rows::Teams(r) => {
            team_weeks(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Games(r) => {
            schedule(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Dst(r) => {
            dst_games(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Rosters(r) => {
            rosters(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Injuries(report) => {
            let r = &report.rows;
            injuries(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Snaps(r) => {
            snap_counts(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Ids(r) => {
            player_ids(&txn, &r.links).await?;
            (r.links.len(), BTreeSet::new())
        }
        Rows::Depth(r) => {
            depth_charts(&txn, &r.entries).await?;
            (
                r.entries.len(),
                r.entries.iter().map(|x| x.season).collect(),
            )
        }
        Rows::Advanced(r) => {
            advanced_stats(&txn, &r.stats).await?;
            (r.stats.len(), r.stats.iter().map(|x| x.season).collect())
        }
    };
    if matches!(kind, FileKind::TeamWeeks | FileKind::Schedule) {
        dst_points(&txn, &seasons).await?;
    }
    super::ingests::record(&txn, kind.as_str(), source, digest, count).await?;
    txn.commit().await.map_err(db_err("storing NFL data"))?;
    Ok((count, seasons))
}
