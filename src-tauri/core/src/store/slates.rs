//! Reading slates and writing the user's per-player toggles.

use crate::store::entity::{game, lineup, slate, slate_game, slate_player};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use nfl_dfs_domain::slate::{
    GameState, PlayerFlags, Slate, SlateGame, SlatePlayer, SlateSummary, MAX_PROJECTION_OVERRIDE,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

const READING: &str = "reading slates";

/// Every slate, newest import first.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<SlateSummary>> {
    let slates = slate::Entity::find()
        .order_by_desc(slate::Column::ImportedAt)
        .order_by_desc(slate::Column::Id)
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?;
    let mut out = Vec::with_capacity(slates.len());
    for s in slates {
        out.push(summarize(db, s).await?);
    }
    Ok(out)
}

/// One slate's summary; `not_found` if there is no such slate.
pub async fn summary(db: &DatabaseConnection, slate_id: i32) -> Result<SlateSummary> {
    let model = find(db, slate_id).await?;
    summarize(db, model).await
}

async fn find(db: &DatabaseConnection, slate_id: i32) -> Result<slate::Model> {
    slate::Entity::find_by_id(slate_id)
        .one(db)
        .await
        .map_err(crate::store::db_err(READING))?
        .ok_or_else(|| Error::NotFound {
            what: "slate",
            id: slate_id.to_string(),
        })
}

async fn games_of(db: &DatabaseConnection, slate_id: i32) -> Result<Vec<SlateGame>> {
    let ids: Vec<i32> = slate_game::Entity::find()
        .filter(slate_game::Column::SlateId.eq(slate_id))
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?
        .into_iter()
        .map(|l| l.game_id)
        .collect();
    let games = game::Entity::find()
        .filter(game::Column::Id.is_in(ids))
        .order_by_asc(game::Column::KickoffUtc)
        .order_by_asc(game::Column::Id)
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?;
    Ok(games
        .into_iter()
        .map(|g| SlateGame {
            id: g.id,
            away: g.away_team,
            home: g.home_team,
            kickoff_utc: g.kickoff_utc,
        })
        .collect())
}

async fn summarize(db: &DatabaseConnection, model: slate::Model) -> Result<SlateSummary> {
    let games = games_of(db, model.id).await?;
    let players = slate_player::Entity::find()
        .filter(slate_player::Column::SlateId.eq(model.id))
        .count(db)
        .await
        .map_err(crate::store::db_err(READING))?;
    let lineups = lineup::Entity::find()
        .filter(lineup::Column::SlateId.eq(model.id))
        .count(db)
        .await
        .map_err(crate::store::db_err(READING))?;
    Ok(SlateSummary {
        id: model.id,
        name: model.name,
        source_file: model.source_file,
        layout: model.layout,
        exportable: model.exportable,
        imported_at: model.imported_at,
        players: players as u32,
        games: games.len() as u32,
        lineups: lineups as u32,
        first_kickoff: games.iter().map(|g| g.kickoff_utc).min(),
        last_kickoff: games.iter().map(|g| g.kickoff_utc).max(),
    })
}

/// A slate with its games and players (players by salary, highest first).
pub async fn load(db: &DatabaseConnection, slate_id: i32) -> Result<Slate> {
    let model = find(db, slate_id).await?;
    let summary = summarize(db, model).await?;
    let games = games_of(db, slate_id).await?;
    let kickoffs: HashMap<i32, _> = games.iter().map(|g| (g.id, g.kickoff_utc)).collect();
    let rows = slate_player::Entity::find()
        .filter(slate_player::Column::SlateId.eq(slate_id))
        .order_by_desc(slate_player::Column::Salary)
        .order_by_asc(slate_player::Column::Name)
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?;
    let players = rows
        .into_iter()
        .map(|row| {
            let kickoff = row.game_id.and_then(|g| kickoffs.get(&g).copied());
            to_player(row, kickoff)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Slate {
        summary,
        games,
        players,
    })
}

/// The domain view of a stored slate player.
fn to_player(row: slate_player::Model, kickoff_utc: Option<DateTime<Utc>>) -> Result<SlatePlayer> {
    Ok(SlatePlayer {
        id: row.id,
        dk_id: row.dk_id,
        position: row.position.parse().map_err(|e: String| {
            Error::Config(format!("slate player {} in the database: {e}", row.id))
        })?,
        name: row.name,
        team: row.team,
        opponent: row.opponent,
        game_id: row.game_id,
        kickoff_utc,
        game_state: GameState::from_stored(&row.game_state),
        salary: row.salary.max(0) as u32,
        avg_points_per_game: row.avg_points_per_game,
        locked: row.locked,
        excluded: row.excluded,
        projection_override: row.projection_override,
        play_override: row.play_override,
    })
}

/// Writes a player's lock, exclude, projection override and plays/out together. Lock and exclude cannot both be on,
/// a player without a usable game cannot be locked, and an override must be 0–100 points.
pub async fn set_player_flags(
    db: &DatabaseConnection,
    slate_player_id: i32,
    flags: &PlayerFlags,
) -> Result<SlatePlayer> {
    let row = slate_player::Entity::find_by_id(slate_player_id)
        .one(db)
        .await
        .map_err(crate::store::db_err(READING))?
        .ok_or_else(|| Error::NotFound {
            what: "slate player",
            id: slate_player_id.to_string(),
        })?;
    let who = format!("{} ({})", row.name, row.team);
    if flags.locked && flags.excluded {
        return Err(Error::InvalidInput(format!(
            "{who} cannot be locked and excluded at once"
        )));
    }
    let state = GameState::from_stored(&row.game_state);
    if flags.locked && (state != GameState::Scheduled || row.game_id.is_none()) {
        return Err(Error::InvalidInput(format!(
            "{who} cannot be locked: his game is {} on this slate",
            state.describe()
        )));
    }
    if let Some(points) = flags.projection_override {
        if !(0.0..=MAX_PROJECTION_OVERRIDE).contains(&points) || !points.is_finite() {
            return Err(Error::InvalidInput(format!(
                "a projection of {points} points for {who} is out of range (0 to {MAX_PROJECTION_OVERRIDE})"
            )));
        }
    }
    let kickoff = match row.game_id {
        Some(game_id) => game::Entity::find_by_id(game_id)
            .one(db)
            .await
            .map_err(crate::store::db_err(READING))?
            .map(|g| g.kickoff_utc),
        None => None,
    };
    let mut active = row.into_active_model();
    active.locked = Set(flags.locked);
    active.excluded = Set(flags.excluded);
    active.projection_override = Set(flags.projection_override);
    active.play_override = Set(flags.plays);
    let updated = active
        .update(db)
        .await
        .map_err(crate::store::db_err("saving the player's settings"))?;
    to_player(updated, kickoff)
}
