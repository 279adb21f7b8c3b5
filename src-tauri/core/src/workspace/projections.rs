//! Projections: the NFL history and slate matches (cached by data generation), slate and week
//! projections, and the numbers the pages show.

use super::{blocking_failed, Workspace};
use crate::projection::availability::{AvailabilityModel, PlayIndex, PlayStatus};
use crate::projection::distribution::Quantiles;
use crate::projection::features::Features;
use crate::projection::history::{week_key, History, WeekKey};
use crate::projection::project;
use crate::projection::project::{PlayerProjection, ProjectionSource, SlateInputs, WeekProjection};
use crate::slate::{Slate, SlateGame, SlatePlayer, SlateSummary};
use crate::{identity, nflverse, store, Error, Result};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use ts_rs::TS;

/// A slate's projections.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlateProjections {
    /// The slate.
    pub slate_id: i32,
    /// Every player.
    pub players: Vec<PlayerProjection>,
    /// Production versions used, e.g. `QB r3`.
    pub models: Vec<String>,
    /// What the pages should say plainly (projections from averages, who plays unknown).
    pub notice: Option<String>,
    /// Seconds taken.
    pub seconds: f64,
}

/// A slate player with the numbers the optimizer uses for him.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerView {
    /// The player as imported, with the user's toggles.
    #[serde(flatten)]
    pub player: SlatePlayer,
    /// The projection the optimizer uses.
    pub projection: f64,
    /// Where it comes from.
    pub projection_source: ProjectionSource,
    /// The projection if he plays.
    pub if_plays: f64,
    /// Probability that he plays, 0 to 1.
    pub play_probability: f64,
    /// His availability as shown.
    pub status: PlayStatus,
    /// Why.
    pub availability_reason: String,
    /// Floor (15th percentile).
    pub floor: f64,
    /// Ceiling (85th percentile).
    pub ceiling: f64,
    /// What he scores, counting the chance he sits: 5th to 95th percentiles.
    pub quantiles: Quantiles,
    /// What he scores if he plays: 5th to 95th percentiles.
    pub if_plays_quantiles: Quantiles,
    /// Points per $1,000 of salary.
    pub value: f64,
    /// Whether he can be put in a lineup.
    pub playable: bool,
    /// Why the projection is not the model's, when it is not.
    pub projection_note: Option<String>,
    /// Points his team is expected to score, when the game's betting lines are loaded.
    pub team_total: Option<f64>,
}

/// A slate as the pages show it: every player with his numbers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlateView {
    /// The summary.
    pub summary: SlateSummary,
    /// Games by kickoff.
    pub games: Vec<SlateGame>,
    /// Players by salary, highest first.
    pub players: Vec<PlayerView>,
    /// Production versions used, e.g. `QB r3`.
    pub models: Vec<String>,
    /// What the pages should say plainly (projections from averages, who plays unknown).
    pub notice: Option<String>,
}

impl SlateView {
    /// Marks the players of games outside `games` (empty: every game) as not playable: the
    /// contest cannot draft them. Returns their ids.
    pub fn leave_out_other_games(&mut self, games: &[String]) -> HashSet<i32> {
        let mut left_out = HashSet::new();
        if games.is_empty() {
            return left_out;
        }
        let keys: HashMap<i32, String> = self
            .games
            .iter()
            .map(|g| (g.id, crate::contest::games::key(g)))
            .collect();
        for p in &mut self.players {
            let covered = p
                .player
                .game_id
                .and_then(|id| keys.get(&id))
                .is_some_and(|key| crate::contest::games::covers(games, key));
            if !covered {
                p.playable = false;
                left_out.insert(p.player.id);
            }
        }
        left_out
    }
}

/// The NFL history and slate matches of the last projection, reused while nothing new was
/// loaded or linked (the generation: the newest load's id and the number of hand links).
#[derive(Debug, Default)]
pub struct ProjectionCache {
    history: Mutex<Option<(i64, Arc<History>)>>,
    matches: Mutex<HashMap<i32, (i64, identity::SlateMatches)>>,
    /// The simulator's correlations with what they were estimated from, by generation and
    /// production QB version.
    #[allow(clippy::type_complexity)]
    pub(crate) correlations: Mutex<
        Option<(
            (i64, Option<String>),
            Arc<crate::contest::simulate::Correlations>,
            String,
        )>,
    >,
    /// What the last pick of each contest predicted for its pick and its highest-projected
    /// lineup (by slate-player ids), kept until one of them is stored.
    pub(crate) predictions: Mutex<HashMap<(i32, [i32; 9]), store::contest_picks::Prediction>>,
}

impl Workspace {
    /// The generation of the loaded data: changes with every load and hand link.
    pub(crate) async fn generation(&self) -> Result<i64> {
        store::ingests::generation(self.db()).await
    }

    /// The NFL history, from the cache while nothing new was loaded.
    pub async fn history(&self) -> Result<Arc<History>> {
        let generation = self.generation().await?;
        if let Some((g, h)) = self.cache().history.lock().expect("not poisoned").as_ref() {
            if *g == generation {
                return Ok(h.clone());
            }
        }
        let history = Arc::new(store::history::load(self.db()).await?);
        *self.cache().history.lock().expect("not poisoned") = Some((generation, history.clone()));
        Ok(history)
    }

    /// A slate's matches, from the cache while nothing new was loaded or linked.
    pub(crate) async fn cached_matches(&self, slate: &Slate) -> Result<identity::SlateMatches> {
        let generation = self.generation().await?;
        let id = slate.summary.id;
        if let Some((g, m)) = self.cache().matches.lock().expect("not poisoned").get(&id) {
            if *g == generation {
                return Ok(m.clone());
            }
        }
        let matches = identity::match_slate(self.db(), slate).await?;
        self.cache()
            .matches
            .lock()
            .expect("not poisoned")
            .insert(id, (generation, matches.clone()));
        Ok(matches)
    }

    /// The weeks missing from the loaded NFL data before a slate's week, as (season, first
    /// week, last week) runs (see [`PlayIndex::gaps`]): what the troubleshooter warns of.
    pub(crate) async fn slate_data_gaps(&self, slate_id: i32) -> Result<Vec<(i32, i32, i32)>> {
        let slate = self.slate(slate_id).await?;
        let history = self.history().await?;
        tokio::task::spawn_blocking(move || {
            let features = Features::new(&history);
            let week = slate_week(&features, &slate);
            PlayIndex::new(&history).gaps(&history, week)
        })
        .await
        .map_err(blocking_failed)
    }

    /// Projects every player of a slate (see [`project::project_slate`]).
    pub async fn project_slate(&self, slate_id: i32) -> Result<SlateProjections> {
        let slate = self.slate(slate_id).await?;
        Ok(self.project_loaded(slate).await?.1)
    }

    /// Projects a slate already read, handing it back, so a caller that needs both reads the
    /// slate once.
    pub(crate) async fn project_loaded(&self, slate: Slate) -> Result<(Slate, SlateProjections)> {
        let clock = Instant::now();
        let slate_id = slate.summary.id;
        let matches = self.cached_matches(&slate).await?;
        let gsis: HashMap<i32, String> = matches
            .players
            .iter()
            .filter_map(|m| m.gsis_id.clone().map(|g| (m.player.slate_player_id, g)))
            .collect();
        let (models, names) = self.production_models().await?;
        let history = self.history().await?;
        let (slate, players, gaps) = tokio::task::spawn_blocking(move || {
            let features = Features::new(&history);
            let plays = PlayIndex::with_charts(&history, features.depth_charts());
            let week = slate_week(&features, &slate);
            let availability = AvailabilityModel::fit(&history, &plays, week);
            let gaps = plays.gaps(&history, week);
            let inputs = SlateInputs {
                gsis: &gsis,
                plays: &plays,
                availability: &availability,
                models: &models,
                market: crate::projection::market::shipped(),
            };
            let players = project::project_slate(&features, &slate, &inputs);
            (slate, players, gaps)
        })
        .await
        .map_err(blocking_failed)?;
        let projected = SlateProjections {
            slate_id,
            notice: project::notice(&players, !names.is_empty(), &gaps),
            players,
            models: names,
            seconds: clock.elapsed().as_secs_f64(),
        };
        Ok((slate, projected))
    }

    /// Every player of the teams playing a week, projected from the weeks before it.
    pub async fn project_week(&self, season: i32, week: i32) -> Result<Vec<WeekProjection>> {
        nflverse::check_week(season, week)?;
        let (models, _) = self.production_models().await?;
        if models.is_empty() {
            return Err(Error::InvalidInput(
                "No model is in production: train first (`nfl-dfs-cli train`).".into(),
            ));
        }
        let history = self.history().await?;
        tokio::task::spawn_blocking(move || {
            let features = Features::new(&history);
            project::project_week(&features, &history, &models, season, week)
        })
        .await
        .map_err(blocking_failed)
    }

    /// A slate and the projections the optimizer uses for it, by slate player: `given` when
    /// not empty, else the user's override, else the production model's or DraftKings'
    /// average times the play probability (the numbers [`Workspace::slate_view`] shows).
    pub(crate) async fn slate_for_optimizer(
        &self,
        slate_id: i32,
        given: HashMap<i32, f64>,
    ) -> Result<(Slate, HashMap<i32, f64>)> {
        let slate = self.slate(slate_id).await?;
        if !given.is_empty() {
            return Ok((slate, given));
        }
        let (slate, projected) = self.project_loaded(slate).await?;
        let projections = projected
            .players
            .into_iter()
            .map(|p| (p.player.slate_player_id, p.projection))
            .collect();
        Ok((slate, projections))
    }

    /// A slate with each player's numbers from the core: projection, source, range, value and
    /// whether he is playable. What the Players page and `slate show` display.
    /// `None` shows the newest import.
    pub async fn slate_view(&self, slate_id: Option<i32>) -> Result<SlateView> {
        let slate_id = match slate_id {
            Some(id) => id,
            None => self.slates().await?.first().map(|s| s.id).ok_or_else(|| {
                Error::InvalidInput(
                    "No slate imported yet: import a DraftKings salary file first \
                     (`nfl-dfs-cli slate import FILE`)."
                        .into(),
                )
            })?,
        };
        let (slate, projected) = self.project_loaded(self.slate(slate_id).await?).await?;
        let mut by_id: HashMap<i32, PlayerProjection> = projected
            .players
            .into_iter()
            .map(|p| (p.player.slate_player_id, p))
            .collect();
        let players = slate
            .players
            .into_iter()
            .filter_map(|player| {
                let numbers = by_id.remove(&player.id)?;
                Some(PlayerView {
                    projection: numbers.projection,
                    projection_source: numbers.source,
                    if_plays: numbers.if_plays,
                    play_probability: numbers.play_probability,
                    status: numbers.status,
                    availability_reason: numbers.availability_reason,
                    floor: numbers.floor,
                    ceiling: numbers.ceiling,
                    quantiles: numbers.quantiles,
                    if_plays_quantiles: numbers.if_plays_quantiles,
                    value: numbers.value,
                    playable: numbers.playable,
                    projection_note: numbers.note,
                    team_total: numbers.team_total,
                    player,
                })
            })
            .collect();
        Ok(SlateView {
            summary: slate.summary,
            games: slate.games,
            players,
            models: projected.models,
            notice: projected.notice,
        })
    }
}

/// The week a slate is projected for: play rates come from the weeks before it (all loaded
/// weeks for a slate whose games are not in the schedule yet).
fn slate_week(features: &Features, slate: &Slate) -> WeekKey {
    slate
        .players
        .iter()
        .filter_map(|p| project::scheduled_context(features, p))
        .map(|c| week_key(c.season, c.week))
        .min()
        .unwrap_or(WeekKey::MAX)
}
