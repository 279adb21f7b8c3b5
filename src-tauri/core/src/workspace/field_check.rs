//! The simulated field beside the real one: the contest's opponents as the pick samples them,
//! and, where the slate's standings are imported, the lineups the real field entered, both
//! measured by the app's projections (how strong), their salary, their stacks and their
//! points. Where the two differ, the simulated cash line and P(cash) are off by as much.

use super::{blocking_failed, Workspace};
use crate::contest::field::{sample_field, FieldHabits};
use crate::contest::field_shape::{self, FieldShape, Percentiles, ShapePlayer};
use crate::contest::ownership;
use crate::contest::standings::parse_lineup;
use crate::contest::Contest;
use crate::{limits, store, Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use ts_rs::TS;

/// What to compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct FieldRequest {
    /// The contest.
    pub contest_id: i32,
    /// Slates to simulate the field's points on.
    pub simulations: u32,
    /// Seed (the pick's seed samples the same field).
    #[ts(type = "number")]
    pub seed: u64,
}

impl Default for FieldRequest {
    fn default() -> Self {
        FieldRequest {
            contest_id: 0,
            simulations: 1000,
            seed: 1,
        }
    }
}

/// The simulated field and the real one, measured alike.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldCheck {
    /// The contest.
    pub contest: Contest,
    /// The simulated opponents.
    pub simulated: FieldShape,
    /// The simulated field's 10th, 50th and 90th percentile scores in a typical slate (with
    /// the field's edge over the app's view, as the pick sees them).
    pub simulated_points: Percentiles,
    /// The simulated field's median score from slate to slate: its 10th, 50th and 90th
    /// percentiles (the real median falls outside this range one slate in five).
    pub simulated_median_range: Percentiles,
    /// The real field's lineups, where the slate's standings are imported (those of the
    /// contest's DraftKings ID, else of a field of its size, else the newest).
    pub real: Option<FieldShape>,
    /// The real field's 10th, 50th and 90th percentile scores (of the listed entries, where
    /// the standings list only the top ranks).
    pub real_points: Option<Percentiles>,
    /// The real field's size where its standings list only its top ranks (the real rows then
    /// measure those).
    pub real_field_size: Option<u32>,
    /// The real field's lineups scored in the simulation: their 10th, 50th and 90th percentile
    /// in a typical simulated slate. Beside `real_points`, it tells the simulator's outcomes
    /// (too dispersed when this is wider) from the sampled field's make-up (when only
    /// `simulated_points` is).
    pub real_simulated_points: Option<Percentiles>,
    /// The simulated field scored with what the players really scored (a player who sat, or
    /// whose points are not known, counts what the simulation expected of him if he plays, as
    /// the entrant's like-for-like swap would): its 10th, 50th and 90th percentile. Beside
    /// `real_points`, on the same outcomes, it tells how much better the real field chose.
    pub simulated_real_points: Option<Percentiles>,
    /// The simulated field's cash line on the real points (the score at the contest's last
    /// paid rank).
    pub simulated_real_cash_line: Option<f64>,
    /// The real cash line, where the standings reach the last paid rank.
    pub real_cash_line: Option<f64>,
    /// The cash line on the real points of a field the same sampler drafts from the real
    /// ownership (the standings' `%Drafted`) instead of the projected one, where the standings
    /// list 80% of the field or more: beside `real_cash_line` it tells whether the sampler
    /// builds lineups as people do; beside `simulated_real_cash_line`, how much of the field's
    /// edge lies in whom it drafts.
    pub drafted_cash_line: Option<f64>,
    /// The real cash line over the simulated field's on the real points, less 1: how much
    /// better than the app's view of it the real field drafted (what the field's edge setting
    /// of the contest's type adds in every simulated slate, on average).
    pub measured_edge: Option<f64>,
    /// Real entries left out: no lineup set, or a player the slate's simulation does not hold.
    pub real_left_out: u32,
    /// The standings file the real field comes from.
    pub standings: Option<String>,
    /// Slates simulated.
    pub simulations: u32,
}

impl Workspace {
    /// Measures the contest's simulated field (the opponents its pick is weighed against) and,
    /// where the slate's standings are imported, the real field, by the same yardsticks.
    pub async fn field_check(&self, request: &FieldRequest) -> Result<FieldCheck> {
        super::contest_pick::check_counts(request.simulations, 1)?;
        let contest = self.contest(request.contest_id).await?;
        let prepared = Arc::new(
            self.prepare(contest.slate_id, Some(&contest), false)
                .await?,
        );
        let salary_cap = self.typed_settings().await?.salary_cap;
        let results = self.contest_standings(&contest).await?;
        let work = prepared.clone();
        let contest_copy = contest.clone();
        let request_copy = request.clone();
        let (simulated, simulated_points, simulated_median_range, field) =
            tokio::task::spawn_blocking(move || {
                let field = work.field(&contest_copy, salary_cap, request_copy.seed)?;
                let players = shape_players(&work);
                let as_usize: Vec<[usize; 9]> = field.iter().map(|l| l.map(usize::from)).collect();
                let (points, range) = field_shape::simulated_points(
                    &work.simulator,
                    &field,
                    request_copy.simulations as usize,
                    request_copy.seed,
                    true,
                );
                let shape = field_shape::measure(&players, &as_usize);
                Ok::<_, Error>((shape, points, range, field))
            })
            .await
            .map_err(blocking_failed)??;
        let mut check = FieldCheck {
            contest,
            simulated,
            simulated_points,
            simulated_median_range,
            real: None,
            real_points: None,
            real_field_size: None,
            real_simulated_points: None,
            simulated_real_points: None,
            simulated_real_cash_line: None,
            real_cash_line: None,
            drafted_cash_line: None,
            measured_edge: None,
            real_left_out: 0,
            standings: None,
            simulations: request.simulations,
        };
        if let Some(results) = results {
            let index = prepared.index_of();
            let by_name: HashMap<&str, u16> = results
                .names
                .iter()
                .filter_map(|(name, id)| Some((name.as_str(), *index.get(id)?)))
                .collect();
            // In the simulator's numbering, as the sampled field is.
            let mut lineups: Vec<[u16; 9]> = Vec::new();
            let mut points: Vec<f64> = Vec::new();
            for (text, score) in results.lineups.iter().zip(&results.field_points) {
                let resolved: Option<Vec<u16>> = parse_lineup(text).ok().and_then(|l| {
                    l.iter()
                        .map(|(_, name)| by_name.get(name.as_str()).copied())
                        .collect()
                });
                match resolved.and_then(|v| <[u16; 9]>::try_from(v).ok()) {
                    Some(l) => {
                        lineups.push(l);
                        points.push(*score);
                    }
                    None => check.real_left_out += 1,
                }
            }
            if !lineups.is_empty() {
                let as_usize: Vec<[usize; 9]> =
                    lineups.iter().map(|l| l.map(usize::from)).collect();
                check.real = Some(field_shape::measure(&shape_players(&prepared), &as_usize));
                check.real_points = Some(Percentiles::of(&mut points));
                let work = prepared.clone();
                let (simulations, seed) = (request.simulations as usize, request.seed);
                let (typical, _) = tokio::task::spawn_blocking(move || {
                    field_shape::simulated_points(
                        &work.simulator,
                        &lineups,
                        simulations,
                        seed,
                        false,
                    )
                })
                .await
                .map_err(blocking_failed)?;
                check.real_simulated_points = Some(typical);
            }
            let real = self.real_field_of(check.contest.slate_id, &results).await?;
            let paid = check.contest.payouts.paid();
            check.real_cash_line = real.cash_line(&check.contest);
            if !real.actual.is_empty() {
                let points = real_points(&prepared, &real.actual, &real.sat);
                let (scored, line) = field_shape::scored_on(
                    &field,
                    &points,
                    check.contest.entries.saturating_sub(1),
                    paid,
                );
                if let Some(drafted) = drafted_ownership(&results) {
                    let work = prepared.clone();
                    let (contest, seed) = (check.contest.clone(), request.seed);
                    check.drafted_cash_line = tokio::task::spawn_blocking(move || {
                        drafted_cash_line(&work, &drafted, &points, &contest, salary_cap, seed)
                    })
                    .await
                    .map_err(blocking_failed)??;
                }
                check.simulated_real_points = Some(scored);
                check.simulated_real_cash_line = line;
                check.measured_edge = line
                    .zip(check.real_cash_line)
                    .filter(|(sampled, _)| *sampled > 0.0)
                    .map(|(sampled, real)| real / sampled - 1.0);
            }
            check.real_field_size = results.field_size;
            check.standings = Some(results.file_name);
        }
        Ok(check)
    }
}

/// Each drafted slate player's real ownership (`%Drafted`) in `results`, where they list 80%
/// of the field or more (a top-ranks listing tells what the winners drafted, not the field).
fn drafted_ownership(results: &store::standings::StoredResults) -> Option<HashMap<i32, f64>> {
    (results.coverage() >= ownership::MIN_FIELD_COVERAGE)
        .then(|| results.players.iter().map(|&(id, d, _)| (id, d)).collect())
}

/// The cash line, on the real points `points`, of the contest's field sampled as the pick's
/// is but from the real ownership `drafted` (by slate player) instead of the projected one.
fn drafted_cash_line(
    prepared: &super::contest_pick::Prepared,
    drafted: &HashMap<i32, f64>,
    points: &[f64],
    contest: &Contest,
    salary_cap: u32,
    seed: u64,
) -> Result<Option<f64>> {
    let mut players = prepared.field_players.clone();
    for (player, &v) in players.iter_mut().zip(&prepared.members) {
        let id = prepared.view.players[v].player.id;
        player.ownership = drafted.get(&id).copied().unwrap_or(0.0);
    }
    let habits = FieldHabits::of(contest.contest_type, salary_cap);
    let opponents = contest.entries.saturating_sub(1);
    let size = (opponents as usize).clamp(1, limits::MAX_SIMULATED_FIELD as usize);
    let field = sample_field(&players, size, &habits, seed).map_err(Error::InvalidInput)?;
    Ok(field_shape::scored_on(&field, points, opponents, contest.payouts.paid()).1)
}

/// What each simulated player really scored, in the simulator's order: his real points, or,
/// where he sat or his points are not known, the simulation's expectation if he plays (the
/// like-for-like player an entrant would have swapped in).
fn real_points(
    prepared: &super::contest_pick::Prepared,
    actual: &HashMap<i32, f64>,
    sat: &HashSet<i32>,
) -> Vec<f64> {
    prepared
        .members
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let p = &prepared.view.players[v];
            match actual.get(&p.player.id) {
                Some(&points) if !sat.contains(&p.player.id) => points,
                _ => p.if_plays * prepared.simulator.centre(k),
            }
        })
        .collect()
}

/// The simulated players, in the simulator's order, as the field measures see them.
fn shape_players(prepared: &super::contest_pick::Prepared) -> Vec<ShapePlayer> {
    prepared
        .members
        .iter()
        .map(|&v| {
            let p = &prepared.view.players[v];
            ShapePlayer {
                position: p.player.position,
                team: p.player.team.clone(),
                opponent: p.player.opponent.clone(),
                salary: p.player.salary,
                projection: p.projection,
            }
        })
        .collect()
}
