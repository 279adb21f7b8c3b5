//! Who is who: each DraftKings slate player matched to an NFL player (nflverse GSIS id) by
//! name, team and position, DSTs by team (`matcher`, `names`). Matches are stored on the slate
//! players; links the user makes by hand are kept and reused on every later slate.

pub use nfl_dfs_domain::identity::{names, Candidates, MatchHow, Matched, NflPlayer};

use crate::dk::Position;
use crate::nflverse::team_code;
use crate::slate::PlayerRef;
use crate::slate::Slate;
use crate::store::{player_links, Db};
use crate::{Error, Result};
use chrono::{Datelike, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// One slate player and the NFL player he was matched to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerMatch {
    /// Who he is.
    #[serde(flatten)]
    #[ts(flatten)]
    pub player: PlayerRef,
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

/// The NFL players of every loaded season, from stats and rosters (who is who does not depend on
/// when: a backup with no stats this season has them in another, or is on a roster); teams are
/// those of the season and the ones beside it, names the latest.
async fn candidates(db: &Db, season: i32) -> Result<Candidates> {
    let rows = player_links::nfl_player_seasons(db).await?;
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

/// Matches every player of a slate and stores the matches (one transaction).
pub(crate) async fn match_slate(db: &Db, slate: &Slate) -> Result<SlateMatches> {
    let season = season_of(
        slate
            .summary
            .first_kickoff
            .unwrap_or(slate.summary.imported_at),
    );
    let found = candidates(db, season).await?;
    let links = player_links::links(db).await?;
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
            player: PlayerRef {
                team,
                ..PlayerRef::from(p)
            },
            gsis_id,
            nfl_name,
            how,
            has_game: p.game_id.is_some(),
            avg_points_per_game: p.avg_points_per_game,
        });
    }
    player_links::store_matches(
        db,
        players
            .iter()
            .map(|m| (m.player.slate_player_id, m.gsis_id.as_deref())),
    )
    .await?;
    let count = |f: &dyn Fn(&PlayerMatch) -> bool| players.iter().filter(|m| f(m)).count() as u32;
    let is_dst = |m: &PlayerMatch| m.player.position == Position::DST;
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

/// Links a slate player to an NFL player by hand; the link is kept for later slates.
pub(crate) async fn link(
    db: &Db,
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
    let row = player_links::nfl_player_row(db, gsis_id)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "NFL player (load the nflverse stats that have him)",
            id: gsis_id.to_string(),
        })?;
    player_links::link(
        db,
        &names::folded(&player.name),
        player.position.as_str(),
        gsis_id,
        slate_player_id,
        row,
    )
    .await
}
