//! Who is who: each DraftKings slate player matched to an NFL player (nflverse GSIS id) by
//! name, team and position, DSTs by team (`matcher`, `names`). Matches are stored on the slate
//! players; links the user makes by hand are kept and reused on every later slate.

mod matcher;
pub mod names;

pub use matcher::{Candidates, MatchHow, Matched, NflPlayer};

use crate::dk::Position;
use crate::nflverse::team_code;
use crate::slate::Slate;
use crate::{Error, Result};
use chrono::{Datelike, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

const MATCHING: &str = "matching players";

/// One slate player and the NFL player he was matched to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerMatch {
    /// The slate player.
    pub slate_player_id: i32,
    /// DraftKings ID.
    #[ts(type = "number | null")]
    pub dk_id: Option<i64>,
    /// DraftKings name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Team (today's code).
    pub team: String,
    /// The NFL player's GSIS id (None for DSTs and unmatched players).
    pub gsis_id: Option<String>,
    /// The NFL player's name as nflverse writes it.
    pub nfl_name: Option<String>,
    /// How the match was made.
    pub how: MatchHow,
    /// Whether the player has a game on the slate.
    pub has_game: bool,
    /// DraftKings' average points per game (0: he has not scored in the NFL yet).
    pub avg_points_per_game: f64,
}

/// Every player of a slate, matched.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlateMatches {
    /// The slate.
    pub slate_id: i32,
    /// The NFL season of the slate.
    pub season: i32,
    /// Every player, in slate order.
    pub players: Vec<PlayerMatch>,
    /// Players with a game that were matched, of all players with a game.
    pub matched: u32,
    /// Players with a game.
    pub with_game: u32,
    /// Players with a game who have scored in the NFL (DraftKings average above 0) that were
    /// matched.
    pub scorers_matched: u32,
    /// Players with a game who have scored in the NFL.
    pub scorers_with_game: u32,
    /// DSTs with a game matched to their team, of all DSTs with a game.
    pub dst_matched: u32,
    /// DSTs with a game.
    pub dst_with_game: u32,
}

/// The NFL season of a date: September to February belong to the season that started.
pub fn season_of(date: chrono::DateTime<Utc>) -> i32 {
    if date.month() >= 3 {
        date.year()
    } else {
        date.year() - 1
    }
}

#[derive(Debug, FromQueryResult)]
struct WeekRow {
    gsis_id: String,
    name: String,
    position: Option<String>,
    team: String,
    season: i32,
}

/// The NFL players of every loaded season, from stats and rosters (who is who does not depend on
/// when: a backup with no stats this season has them in another, or is on a roster); teams are
/// those of the season and the ones beside it, names the latest.
async fn candidates(db: &impl ConnectionTrait, season: i32) -> Result<Candidates> {
    let rows = WeekRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT gsis_id, name, position, team, season FROM nfl_player_weeks \
         GROUP BY gsis_id, team, season, name \
         UNION SELECT gsis_id, name, position, team, season FROM nfl_rosters \
         GROUP BY gsis_id, team, season, name",
    ))
    .all(db)
    .await
    .map_err(Error::db(MATCHING))?;
    let mut players: BTreeMap<String, NflPlayer> = BTreeMap::new();
    let mut latest: HashMap<String, i32> = HashMap::new();
    for r in rows {
        let entry = players
            .entry(r.gsis_id.clone())
            .or_insert_with(|| NflPlayer {
                gsis_id: r.gsis_id.clone(),
                name: r.name.clone(),
                other_names: vec![],
                position: r.position.clone().unwrap_or_default(),
                teams: vec![],
            });
        let newest = latest.entry(r.gsis_id.clone()).or_insert(r.season);
        if r.season >= *newest {
            *newest = r.season;
            if entry.name != r.name {
                let old = std::mem::replace(&mut entry.name, r.name.clone());
                entry.other_names.push(old);
            }
        } else if entry.name != r.name && !entry.other_names.contains(&r.name) {
            entry.other_names.push(r.name.clone());
        }
        if (season - 1..=season + 1).contains(&r.season) && !entry.teams.contains(&r.team) {
            entry.teams.push(r.team);
        }
    }
    Ok(Candidates::new(players.into_values().collect()))
}

#[derive(Debug, FromQueryResult)]
struct Link {
    name_key: String,
    position: String,
    gsis_id: String,
}

#[derive(Debug, FromQueryResult)]
struct PlayerId {
    id: i32,
    gsis_id: String,
}

/// Matches every player of a slate and stores the matches (one transaction).
pub async fn match_slate(db: &DatabaseConnection, slate: &Slate) -> Result<SlateMatches> {
    let season = season_of(
        slate
            .summary
            .first_kickoff
            .unwrap_or(slate.summary.imported_at),
    );
    let found = candidates(db, season).await?;
    let links: HashMap<(String, String), String> = Link::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT name_key, position, gsis_id FROM player_links",
    ))
    .all(db)
    .await
    .map_err(Error::db(MATCHING))?
    .into_iter()
    .map(|l| ((l.name_key, l.position), l.gsis_id))
    .collect();
    let by_gsis: HashMap<&str, usize> = found
        .players
        .iter()
        .enumerate()
        .map(|(i, p)| (p.gsis_id.as_str(), i))
        .collect();
    let mut players = Vec::with_capacity(slate.players.len());
    for p in &slate.players {
        let team = team_code::normalise(&p.team);
        let key = (names::folded(&p.name), p.position.as_str().to_string());
        let (gsis_id, nfl_name, how) = if p.position == Position::DST {
            (None, None, MatchHow::Team)
        } else if let Some(gsis) = links.get(&key) {
            let name = by_gsis
                .get(gsis.as_str())
                .map(|&i| found.players[i].name.clone());
            (Some(gsis.clone()), name, MatchHow::Manual)
        } else {
            let m = found.find(&p.name, p.position, &team);
            let player = m.player.map(|i| &found.players[i]);
            (
                player.map(|n| n.gsis_id.clone()),
                player.map(|n| n.name.clone()),
                m.how,
            )
        };
        players.push(PlayerMatch {
            slate_player_id: p.id,
            dk_id: p.dk_id,
            name: p.name.clone(),
            position: p.position,
            team,
            gsis_id,
            nfl_name,
            how,
            has_game: p.game_id.is_some(),
            avg_points_per_game: p.avg_points_per_game,
        });
    }
    store(db, &players).await?;
    let count = |f: &dyn Fn(&PlayerMatch) -> bool| players.iter().filter(|m| f(m)).count() as u32;
    let is_dst = |m: &PlayerMatch| m.position == Position::DST;
    let matched = |m: &PlayerMatch| m.gsis_id.is_some() || m.how == MatchHow::Team;
    Ok(SlateMatches {
        slate_id: slate.summary.id,
        season,
        matched: count(&|m| m.has_game && matched(m)),
        with_game: count(&|m| m.has_game),
        scorers_matched: count(&|m| m.has_game && m.avg_points_per_game > 0.0 && matched(m)),
        scorers_with_game: count(&|m| m.has_game && m.avg_points_per_game > 0.0),
        dst_matched: count(&|m| m.has_game && is_dst(m) && matched(m)),
        dst_with_game: count(&|m| m.has_game && is_dst(m)),
        players,
    })
}

/// Stores each match on its slate player (the NFL player's row id), in one transaction.
async fn store(db: &DatabaseConnection, players: &[PlayerMatch]) -> Result<()> {
    let ids: HashMap<String, i32> = PlayerId::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT id, gsis_id FROM players WHERE gsis_id IS NOT NULL",
    ))
    .all(db)
    .await
    .map_err(Error::db(MATCHING))?
    .into_iter()
    .map(|p| (p.gsis_id, p.id))
    .collect();
    let txn = crate::store::begin_write(db, MATCHING).await?;
    for m in players {
        let id = m.gsis_id.as_ref().and_then(|g| ids.get(g)).copied();
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "UPDATE slate_players SET player_id = ? WHERE id = ?",
            [id.into(), m.slate_player_id.into()],
        ))
        .await
        .map_err(Error::db(MATCHING))?;
    }
    txn.commit().await.map_err(Error::db(MATCHING))
}

/// Links a slate player to an NFL player by hand; the link is kept for later slates.
pub async fn link(
    db: &DatabaseConnection,
    slate: &Slate,
    slate_player_id: i32,
    gsis_id: &str,
) -> Result<()> {
    let player = slate
        .players
        .iter()
        .find(|p| p.id == slate_player_id)
        .ok_or_else(|| Error::NotFound {
            what: "player of this slate",
            id: slate_player_id.to_string(),
        })?;
    if player.position == Position::DST {
        return Err(Error::InvalidInput(
            "a DST is matched by its team and cannot be linked to a player".into(),
        ));
    }
    let known = PlayerId::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT id, gsis_id FROM players WHERE gsis_id = ?",
        [gsis_id.into()],
    ))
    .one(db)
    .await
    .map_err(Error::db(MATCHING))?
    .ok_or_else(|| Error::NotFound {
        what: "NFL player (load the nflverse stats that have him)",
        id: gsis_id.to_string(),
    })?;
    let txn = crate::store::begin_write(db, MATCHING).await?;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO player_links (name_key, position, gsis_id, linked_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (name_key, position) DO UPDATE SET gsis_id = excluded.gsis_id, \
         linked_at = excluded.linked_at",
        [
            names::folded(&player.name).into(),
            player.position.as_str().into(),
            gsis_id.into(),
            Utc::now().into(),
        ],
    ))
    .await
    .map_err(Error::db(MATCHING))?;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "UPDATE slate_players SET player_id = ? WHERE id = ?",
        [known.id.into(), slate_player_id.into()],
    ))
    .await
    .map_err(Error::db(MATCHING))?;
    txn.commit().await.map_err(Error::db(MATCHING))
}
