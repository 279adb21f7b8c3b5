//! Projections of a slate: each player matched to an NFL player gets his position's production
//! model's prediction from the features of his game (floor and ceiling from the model's
//! residuals); a player ruled out (injury report Out, IR or suspended) or without a game
//! projects 0 and is flagged; a player the models cannot see (unmatched, no earlier game, no
//! production model) keeps DraftKings' AvgPointsPerGame, flagged. The user's override wins over
//! all of these where the optimizer reads them.

use super::features::{Context, Features};
use super::registry::LoadedModel;
use crate::dk::Position;
use crate::nflverse::team_code::normalise;
use crate::slate::{Slate, SlatePlayer};
use chrono_tz::America::New_York;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// Where a projection comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProjectionSource {
    /// The position's production model.
    Model,
    /// DraftKings' AvgPointsPerGame (the models cannot see this player).
    Average,
    /// Ruled out or without a game: 0.
    Out,
    /// The user's own projection, which replaces every other.
    Override,
}

/// One slate player's projection.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerProjection {
    /// Slate player id.
    pub slate_player_id: i32,
    /// DraftKings ID.
    #[ts(type = "number | null")]
    pub dk_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Team.
    pub team: String,
    /// Projected DraftKings points.
    pub projection: f64,
    /// Floor (15th percentile).
    pub floor: f64,
    /// Ceiling (85th percentile).
    pub ceiling: f64,
    /// Where it comes from.
    pub source: ProjectionSource,
    /// Why it is not the model's, when it is not.
    pub note: Option<String>,
    /// Points per $1,000 of salary.
    pub value: f64,
    /// Whether he can be put in a lineup (his game is on the slate and has not started).
    pub playable: bool,
}

/// What a slate projection needs besides the slate and the history.
pub struct SlateInputs<'a> {
    /// GSIS id of each matched slate player.
    pub gsis: &'a HashMap<i32, String>,
    /// GSIS ids ruled out for the week (injury report Out, IR, suspended).
    pub ruled_out: &'a HashSet<String>,
    /// Production models by position.
    pub models: &'a HashMap<Position, LoadedModel>,
}

/// A slate player's game in the loaded schedule: his team on the kickoff's Eastern date.
pub fn scheduled_context<'f>(features: &'f Features, player: &SlatePlayer) -> Option<&'f Context> {
    let day = player.kickoff_utc?.with_timezone(&New_York).date_naive();
    features.context_on(
        &normalise(&player.team),
        &day.format("%Y-%m-%d").to_string(),
    )
}

/// The game of a slate player as the features see it: from the schedule when it is there,
/// else neutral lines (spread 0, total 44) in the week after the last one loaded.
fn context(features: &Features, slate: &Slate, player: &SlatePlayer) -> Option<Context> {
    let opponent = normalise(player.opponent.as_deref()?);
    let team = normalise(&player.team);
    if let Some(ctx) = scheduled_context(features, player) {
        return Some(ctx.clone());
    }
    let day = player.kickoff_utc?.with_timezone(&New_York).date_naive();
    let season = crate::nflverse::season_of(day);
    let home = slate
        .games
        .iter()
        .find(|g| Some(g.id) == player.game_id)
        .is_some_and(|g| g.home == player.team);
    Some(Context {
        season,
        week: features.last_week(season).map_or(1, |w| w + 1),
        team,
        opponent,
        home,
        spread: 0.0,
        total: 44.0,
        dome: false,
        rest: 7.0,
    })
}

/// Projects every player of a slate.
pub fn project_slate(
    features: &Features,
    slate: &Slate,
    inputs: &SlateInputs,
) -> Vec<PlayerProjection> {
    slate
        .players
        .iter()
        .map(|p| with_override(p, model_projection(features, slate, inputs, p)))
        .collect()
}

/// The user's override replaces the projection (the range keeps its width); value is worked out
/// from the result.
fn with_override(p: &SlatePlayer, mut out: PlayerProjection) -> PlayerProjection {
    if let Some(mine) = p.projection_override {
        let (down, up) = (out.projection - out.floor, out.ceiling - out.projection);
        out.projection = mine;
        out.floor = (mine - down).max(0.0);
        out.ceiling = mine + up;
        out.source = ProjectionSource::Override;
        out.note = Some("your projection".into());
    }
    out.value = if p.salary > 0 {
        out.projection / (f64::from(p.salary) / 1000.0)
    } else {
        0.0
    };
    out
}

/// A player's projection from the production model, or why it falls back.
fn model_projection(
    features: &Features,
    slate: &Slate,
    inputs: &SlateInputs,
    p: &SlatePlayer,
) -> PlayerProjection {
    let mut out = PlayerProjection {
        slate_player_id: p.id,
        dk_id: p.dk_id,
        name: p.name.clone(),
        position: p.position,
        team: p.team.clone(),
        projection: p.avg_points_per_game,
        floor: p.avg_points_per_game,
        ceiling: p.avg_points_per_game,
        source: ProjectionSource::Average,
        note: None,
        value: 0.0,
        playable: p.has_usable_game(),
    };
    let ruled_out = inputs
        .gsis
        .get(&p.id)
        .is_some_and(|g| inputs.ruled_out.contains(g));
    if !p.has_usable_game() || ruled_out {
        out.projection = 0.0;
        out.floor = 0.0;
        out.ceiling = 0.0;
        out.source = ProjectionSource::Out;
        out.note = Some(if ruled_out {
            "ruled out on the injury report".into()
        } else {
            "no game on this slate".into()
        });
        return out;
    }
    let Some(model) = inputs.models.get(&p.position) else {
        out.note = Some(format!("no {} model in production", p.position.as_str()));
        return out;
    };
    let Some(ctx) = context(features, slate, p) else {
        out.note = Some("no game time on this slate".into());
        return out;
    };
    let row = if p.position == Position::DST {
        features.dst_row(&ctx)
    } else {
        match inputs.gsis.get(&p.id) {
            Some(gsis) => features.offense_row(gsis, p.position, &ctx),
            None => {
                out.note = Some("not matched to an NFL player".into());
                return out;
            }
        }
    };
    let Some((x, _, _)) = row else {
        out.note = Some("no earlier NFL game to project from".into());
        return out;
    };
    match model.model.predict(&[x]) {
        Ok(values) => {
            let mean = values[0].max(0.0);
            let r = &model.metadata.result;
            out.projection = mean;
            out.floor = (mean + r.floor_offset).max(0.0);
            out.ceiling = (mean + r.ceiling_offset).max(mean);
            out.source = ProjectionSource::Model;
        }
        Err(e) => out.note = Some(format!("the model failed: {e}")),
    }
    out
}

/// One NFL player's projection for a week.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekProjection {
    /// GSIS id (the team for a DST).
    pub id: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Team.
    pub team: String,
    /// Projected DraftKings points.
    pub projection: f64,
    /// Floor.
    pub floor: f64,
    /// Ceiling.
    pub ceiling: f64,
}

/// Projects every player (and DST) of a team playing in `season`/`week`, from the games before
/// that week only; a player's team is the one of his latest game.
pub fn project_week(
    features: &Features,
    history: &super::history::History,
    models: &HashMap<Position, LoadedModel>,
    season: i32,
    week: i32,
) -> Vec<WeekProjection> {
    let key = super::history::week_key(season, week);
    let mut latest: HashMap<&str, &super::history::PlayerGame> = HashMap::new();
    for p in history
        .players
        .iter()
        .filter(|p| super::history::week_key(p.season, p.week) < key)
    {
        latest.insert(p.gsis_id.as_str(), p);
    }
    let mut rows: Vec<(String, String, Position, Context)> = Vec::new();
    for p in latest.values() {
        let (Some(position), Some(ctx)) = (
            super::features::model_position(&p.position),
            features.context(&p.team, season, week),
        ) else {
            continue;
        };
        rows.push((p.gsis_id.clone(), p.name.clone(), position, ctx.clone()));
    }
    let teams: HashSet<&str> = history
        .games
        .iter()
        .filter(|g| g.season == season && g.week == week)
        .flat_map(|g| [g.home_team.as_str(), g.away_team.as_str()])
        .collect();
    for team in teams {
        if let Some(ctx) = features.context(team, season, week) {
            rows.push((
                team.to_string(),
                team.to_string(),
                Position::DST,
                ctx.clone(),
            ));
        }
    }
    let mut out: Vec<WeekProjection> = rows
        .into_iter()
        .filter_map(|(id, name, position, ctx)| {
            let model = models.get(&position)?;
            let (x, _, _) = if position == Position::DST {
                features.dst_row(&ctx)?
            } else {
                features.offense_row(&id, position, &ctx)?
            };
            let mean = model.model.predict(&[x]).ok()?[0].max(0.0);
            let r = &model.metadata.result;
            Some(WeekProjection {
                id,
                name,
                position,
                team: ctx.team.clone(),
                projection: mean,
                floor: (mean + r.floor_offset).max(0.0),
                ceiling: (mean + r.ceiling_offset).max(mean),
            })
        })
        .collect();
    out.sort_by(|a, b| b.projection.total_cmp(&a.projection).then(a.id.cmp(&b.id)));
    out
}
