//! The contest pick, lineups simulated, and the contest backtest: the slate drawn many times
//! with its players' correlations, the field sampled from projected ownership, and each
//! candidate lineup ranked and paid in every draw.

use super::backtest::Scored;
use super::contests::ownership_players;
use super::{blocking_failed, read_input, SlateView, Workspace};
use crate::contest::candidates::candidate_lineups;
use crate::contest::field::{sample_field, FieldHabits, FieldLineup, FieldPlayer};
use crate::contest::pick::{self, CandidateOutcome, Evaluation, BINS, BIN_POINTS, HISTOGRAM_FROM};
use crate::contest::simulate::{
    correlations, truth, Correlations, FieldEdge, Marginal, SimPlayer, Simulator,
};
use crate::contest::standings::field_scores::FieldScores;
use crate::contest::Contest;
use crate::dk::{LineupFile, Position};
use crate::lineup::NewLineup;
use crate::optimizer::Rules;
use crate::projection::history::week_key;
use crate::projection::metrics::quantile;
use crate::projection::registry;
use crate::slate::PlayerRef;
use crate::store::contest_picks::Prediction;
use crate::{limits, lineup, store, Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;
use ts_rs::TS;

/// What to pick for a contest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PickRequest {
    /// The contest.
    pub contest_id: i32,
    /// Slates to simulate.
    pub simulations: u32,
    /// Candidate lineups to weigh.
    pub candidates: u32,
    /// Seed: the same seed picks the same lineup.
    #[ts(type = "number")]
    pub seed: u64,
    /// Where to write the pick as a DraftKings upload file (None: not written).
    pub out: Option<String>,
    /// Simulate as if the projections were exact (each player's draws centred on the app's
    /// number, not between it and the market's): how the app simulated before it measured its
    /// own error, kept for comparison. Off by default.
    pub exact_projections: bool,
}

impl Default for PickRequest {
    fn default() -> Self {
        PickRequest {
            contest_id: 0,
            simulations: 10_000,
            candidates: 400,
            seed: 1,
            out: None,
            exact_projections: false,
        }
    }
}

/// A player of a reported lineup.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LineupPlayer {
    /// Who he is.
    #[serde(flatten)]
    #[ts(flatten)]
    pub player: PlayerRef,
    /// Salary.
    pub salary: u32,
    /// Projection.
    pub projection: f64,
    /// Projected ownership, percent.
    pub ownership: f64,
    /// How often he is in the best of the lineups weighed (the candidates of a pick, the
    /// file's lineups of a simulation) in a simulated slate, percent.
    pub top_rate: f64,
    /// His top rate minus his projected ownership, percentage points: above 0 the simulation
    /// wants him more than the field is expected to draft him.
    pub leverage: f64,
}

/// A lineup and how it fared in the simulation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LineupOutcome {
    /// Players in roster order.
    pub players: Vec<LineupPlayer>,
    /// Salary used.
    pub salary: u32,
    /// Projected points.
    pub projection: f64,
    /// Sum of its players' projected ownership, percent (lower: less like the field).
    pub ownership: f64,
    /// What the simulation found.
    pub outcome: CandidateOutcome,
    /// Simulated scores: [`BINS`] bins of `bin_points` from `histogram_from`.
    pub histogram: Vec<u32>,
}

/// Three percentiles of a simulated quantity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Spread {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

/// The pick and what it was measured against.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PickReport {
    /// The contest.
    pub contest: Contest,
    /// The lineup with the highest expected payout.
    pub pick: LineupOutcome,
    /// The highest-projected lineup, in the same simulation.
    pub max_projection: LineupOutcome,
    /// Expected payout of the pick minus that of the highest-projected lineup, dollars.
    pub gain: f64,
    /// Candidates weighed.
    pub candidates: u32,
    /// Slates simulated.
    pub simulations: u32,
    /// Opponent lineups simulated (a larger field is scaled from them).
    pub field_size: u32,
    /// The cash line over the simulated slates.
    pub cash_line: Spread,
    /// The cash line's histogram (same bins as the lineups').
    pub cash_line_histogram: Vec<u32>,
    /// Lowest score of the histograms' first bin.
    pub histogram_from: f64,
    /// Width of a histogram bin.
    pub bin_points: f64,
    /// Where the ownership model comes from.
    pub ownership_model: String,
    /// How much more the field's lineups scored than the sampled ones, on average over the
    /// simulated slates: a share (the `field_edge_pct` setting of a cash game, the
    /// `tournament_field_edge_pct` of a tournament; 0 as if the projections were exact).
    pub field_edge: f64,
    /// Where the correlations come from.
    pub correlations: String,
    /// The upload file written, if asked.
    pub path: Option<String>,
    /// The pick stored as a lineup of the slate, when written.
    pub lineup_id: Option<i32>,
    /// Seconds taken.
    pub seconds: f64,
}

/// How one simulated lineup fared.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SimulatedLineup {
    /// The file's line (or the lineup's place in the list given).
    #[ts(type = "number")]
    pub line: u64,
    /// The lineup.
    pub lineup: LineupOutcome,
}

/// Lineups simulated on a slate (and in a contest, when given).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SimulationReport {
    /// The slate.
    pub slate_id: i32,
    /// The contest the lineups were ranked in, if any.
    pub contest: Option<Contest>,
    /// Each lineup of the file.
    pub lineups: Vec<SimulatedLineup>,
    /// Slates simulated.
    pub simulations: u32,
    /// Where the correlations come from.
    pub correlations: String,
    /// Seconds taken.
    pub seconds: f64,
}

/// A lineup's real result in a contest.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RealFinish {
    /// Slate player ids in roster order.
    pub players: Vec<i32>,
    /// Names, roster order.
    pub names: Vec<String>,
    /// Projected points.
    pub projection: f64,
    /// Actual points.
    pub points: f64,
    /// Rank it would have finished at in the real field; where the standings list only the
    /// top ranks and it scored below them, the first rank below the listing (it finished
    /// there or lower).
    pub rank: u32,
    /// Whether `rank` is exact.
    pub rank_known: bool,
    /// Percentile of the field it beat (100: first); the most it can have beaten where its
    /// rank is not known.
    pub percentile: f64,
    /// Whether it would have been paid.
    pub cashed: bool,
    /// What it would have won, dollars.
    pub payout: f64,
}

/// The pick and the highest-projected lineup against a contest's real field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ContestBacktest {
    /// The contest.
    pub contest: Contest,
    /// The standings file used.
    pub standings: String,
    /// Entries in the real field.
    pub field: u32,
    /// Entries the standings list (fewer than `field` in a listing of the top ranks).
    pub listed: u32,
    /// The real cash line: the score at the last paid rank, where the standings reach it.
    pub cash_line: Option<f64>,
    /// The real field's median score, where the standings reach it.
    pub median: Option<f64>,
    /// The pick.
    pub pick: RealFinish,
    /// The highest-projected lineup.
    pub max_projection: RealFinish,
    /// What the simulation expected of both.
    pub simulated: PickReport,
    /// Said when the standings were exported before the games ended.
    pub warning: Option<String>,
    /// Said when the models in production were trained on the slate's own week: the pick
    /// was made knowing the result, and its finish says nothing about the app.
    pub look_ahead: Option<String>,
}

/// Everything a simulation needs, off the async runtime.
pub(super) struct Prepared {
    pub(super) view: SlateView,
    /// View index of each simulated player.
    pub(super) members: Vec<usize>,
    /// The players of games the contest does not cover.
    other_games: HashSet<i32>,
    pub(super) simulator: Simulator,
    pub(super) field_players: Vec<FieldPlayer>,
    ownership: Vec<f64>,
    ownership_model: String,
    /// The field's edge the simulator draws.
    field_edge: FieldEdge,
    correlations: String,
}

impl Prepared {
    /// The contest's opponents, sampled from projected ownership: the whole field up to
    /// [`limits::MAX_SIMULATED_FIELD`], a sample of it beyond.
    pub(super) fn field(
        &self,
        contest: &Contest,
        salary_cap: u32,
        seed: u64,
    ) -> Result<Vec<FieldLineup>> {
        let size = (contest.entries.saturating_sub(1) as usize)
            .clamp(1, limits::MAX_SIMULATED_FIELD as usize);
        let habits = FieldHabits::of(contest.contest_type, salary_cap);
        sample_field(&self.field_players, size, &habits, seed).map_err(Error::InvalidInput)
    }

    /// The simulated players' numbers by slate player id.
    pub(super) fn index_of(&self) -> HashMap<i32, u16> {
        self.members
            .iter()
            .enumerate()
            .map(|(k, &v)| (self.view.players[v].player.id, k as u16))
            .collect()
    }

    /// Each simulated player's top rate, percent: the share of simulated slates in which the
    /// best of `lineups` holds him.
    fn top_rates(&self, lineups: &[FieldLineup], evaluation: &Evaluation) -> Vec<f64> {
        let mut rates = vec![0.0; self.members.len()];
        for (lineup, rate) in lineups.iter().zip(&evaluation.top_rates) {
            for &k in lineup {
                rates[k as usize] += 100.0 * rate;
            }
        }
        rates
    }

    fn outcome(
        &self,
        lineup: &FieldLineup,
        evaluation: &Evaluation,
        c: usize,
        top_rates: &[f64],
    ) -> LineupOutcome {
        let players: Vec<LineupPlayer> = lineup
            .iter()
            .map(|&k| {
                let v = self.members[k as usize];
                let p = &self.view.players[v];
                let top_rate = top_rates[k as usize];
                LineupPlayer {
                    top_rate,
                    leverage: top_rate - self.ownership[v],
                    player: PlayerRef::from(&p.player),
                    salary: p.player.salary,
                    projection: p.projection,
                    ownership: self.ownership[v],
                }
            })
            .collect();
        LineupOutcome {
            salary: players.iter().map(|p| p.salary).sum(),
            projection: players.iter().map(|p| p.projection).sum(),
            ownership: players.iter().map(|p| p.ownership).sum(),
            players,
            outcome: evaluation.outcomes[c].clone(),
            histogram: evaluation.histograms[c].clone(),
        }
    }
}

impl Workspace {
    /// The correlations the simulator uses: those the production QB version was trained with
    /// (they deploy and roll back with it), else an estimate from the loaded history when it
    /// holds enough games, else the estimate shipped with the app (2018-2022). Cached while
    /// neither the loaded data nor the production QB version changes.
    pub async fn correlations(&self) -> Result<(Arc<Correlations>, String)> {
        let generation = self.generation().await?;
        let qb = registry::production(self.db(), Position::QB).await?;
        let key = (generation, qb.clone());
        if let Some((k, c, d)) = self
            .cache()
            .correlations
            .lock()
            .expect("not poisoned")
            .as_ref()
        {
            if *k == key {
                return Ok((c.clone(), d.clone()));
            }
        }
        let weeks = |c: &Correlations| format!("{}-{}", c.weeks.0 / 100, c.weeks.1 / 100);
        let carried = qb.as_ref().and_then(|v| {
            match registry::load_version(&self.registry_dir(), Position::QB, v) {
                Ok(loaded) => loaded.correlations.map(|c| (v.clone(), c)),
                Err(e) => {
                    tracing::warn!("the production QB version's correlations are not used: {e}");
                    None
                }
            }
        });
        let (chosen, description) = match carried {
            Some((version, c)) => {
                let d = format!(
                    "trained with the production models (QB {version}: {} team games, {})",
                    c.samples,
                    weeks(&c)
                );
                (c, d)
            }
            None => {
                let history = self.history().await?;
                let fitted = tokio::task::spawn_blocking(move || {
                    correlations::fit(&history, week_key(1999, 1), week_key(2101, 1))
                })
                .await
                .map_err(blocking_failed)?;
                if fitted.samples >= correlations::MIN_SAMPLES {
                    let d = format!(
                        "estimated from the loaded history ({} team games, {})",
                        fitted.samples,
                        weeks(&fitted)
                    );
                    (fitted, d)
                } else {
                    (
                        correlations::shipped(),
                        "shipped (estimated from NFL seasons 2018-2022)".to_string(),
                    )
                }
            }
        };
        let chosen = Arc::new(chosen);
        *self.cache().correlations.lock().expect("not poisoned") =
            Some((key, chosen.clone(), description.clone()));
        Ok((chosen, description))
    }

    /// The standings imported for a contest: those of its DraftKings contest ID, else of a
    /// field of its size, else the newest of its slate.
    pub(crate) async fn contest_standings(
        &self,
        contest: &Contest,
    ) -> Result<Option<store::standings::StoredResults>> {
        store::standings::for_contest(
            self.db(),
            contest.slate_id,
            contest.entries,
            contest.dk_contest_id.as_deref(),
        )
        .await
    }

    /// The games a contest covers: those it names, else those the lineups of its own imported
    /// standings (found by its DraftKings contest ID or its field's size, never another
    /// contest's of the slate) drafted from: a contest added without its games is replayed on
    /// the games it had; else every game of its slate (the empty list).
    pub(crate) async fn contest_games(&self, contest: &Contest) -> Result<Vec<String>> {
        if !contest.games.is_empty() {
            return Ok(contest.games.clone());
        }
        let results = self.contest_standings(contest).await?;
        Ok(results
            .filter(|r| {
                let own_id = contest
                    .dk_contest_id
                    .as_deref()
                    .is_some_and(|id| r.contest_ref.as_deref() == Some(id));
                let field = r.field_size.unwrap_or(r.field_points.len() as u32);
                own_id || field == contest.entries
            })
            .map(|r| r.games)
            .unwrap_or_default())
    }

    /// The slate's players, simulator and field inputs for `contest` (None: the slate alone,
    /// without a field): players of games it does not cover left out as if they could not be
    /// drafted, its field's edge the setting of its type; with `exact`, every player's draws
    /// centre on the app's number and the field knows no more (see
    /// [`PickRequest::exact_projections`]).
    pub(super) async fn prepare(
        &self,
        slate_id: i32,
        contest: Option<&Contest>,
        exact: bool,
    ) -> Result<Prepared> {
        let mut view = self.slate_view(Some(slate_id)).await?;
        let games = match contest {
            Some(c) => {
                // Checked again against the slate: a row edited by hand names no other game.
                let named = self.contest_games(c).await?;
                crate::contest::games::choose(&named, &view.games).map_err(|e| {
                    Error::InvalidInput(format!(
                        "Contest {} is damaged in the database ({e}): edit its games.",
                        c.id
                    ))
                })?
            }
            None => Vec::new(),
        };
        let other_games = view.leave_out_other_games(&games);
        let usable = view
            .players
            .iter()
            .filter(|p| p.playable && p.projection > 0.0)
            .count();
        if usable < 9 {
            return Err(Error::InvalidInput(format!(
                "Slate '{}' has no projections to simulate ({usable} playable players project \
                 above 0 points): load NFL data and train, or import a salary file with \
                 DraftKings averages.",
                view.summary.name
            )));
        }
        // Never the slate's own standings: a replayed pick is made as it was before them.
        let (model, ownership_model) = self.ownership_model(Some(slate_id)).await?;
        let cap = self.typed_settings().await?.salary_cap;
        let ownership = model.predict(&ownership_players(&view), cap);
        let (correlations, correlations_text) = self.correlations().await?;
        let members: Vec<usize> = (0..view.players.len())
            .filter(|&v| view.players[v].playable)
            .collect();
        let sim_players: Vec<SimPlayer> = members
            .iter()
            .map(|&v| {
                let p = &view.players[v];
                let q = p.if_plays_quantiles;
                // A projection without a range of its own (DraftKings' average, the user's
                // number) takes its position's measured shape.
                let marginal = if q.p95 - q.p05 > 1e-9 {
                    Marginal::new(p.player.position, q, p.play_probability)
                } else {
                    Marginal::from_projection(p.player.position, p.if_plays, p.play_probability)
                };
                SimPlayer {
                    position: p.player.position,
                    team: p.player.team.clone(),
                    opponent: p.player.opponent.clone(),
                    if_plays: p.if_plays,
                    marginal,
                    anchor: if exact {
                        None
                    } else {
                        truth::market_anchor(
                            p.projection_source,
                            p.player.position,
                            p.player.salary,
                        )
                    },
                }
            })
            .collect();
        // As if the projections were exact, the field knows no more than they do.
        let settings = self.typed_settings().await?;
        let edge = match contest {
            Some(c) if !exact => FieldEdge::of_percent(settings.field_edge_of(c.contest_type)),
            _ => FieldEdge::NONE,
        };
        let simulator = Simulator::new(&sim_players, &correlations)
            .map_err(Error::InvalidInput)?
            .with_field_edge(edge);
        let field_players = members
            .iter()
            .map(|&v| {
                let p = &view.players[v];
                FieldPlayer {
                    position: p.player.position,
                    team: p.player.team.clone(),
                    game: p.player.game_id.unwrap_or(0) as u32,
                    salary: p.player.salary,
                    ownership: ownership[v],
                }
            })
            .collect();
        Ok(Prepared {
            view,
            members,
            other_games,
            simulator,
            field_players,
            ownership,
            ownership_model,
            field_edge: edge,
            correlations: correlations_text,
        })
    }

    /// Picks the lineup most likely to get paid in a contest: several hundred candidates from
    /// the exact k-best search under varied stacking rules and on sampled projections, every
    /// one scored against a field sampled from projected ownership in `simulations` correlated
    /// slates; the pick has the highest expected payout. The highest-projected lineup is
    /// reported beside it. With `out`, the pick is stored as a lineup and written as an upload
    /// file. `on_progress(stage, done, total)` returns false to cancel (nothing is written).
    pub async fn pick(
        &self,
        request: &PickRequest,
        on_progress: impl Fn(&str, usize, usize) -> bool + Send + Sync + 'static,
    ) -> Result<PickReport> {
        let started = Instant::now();
        check_counts(request.simulations, request.candidates)?;
        if let Some(out) = &request.out {
            self.check_user_output(Path::new(out))?;
        }
        let contest = self.contest(request.contest_id).await?;
        let prepared = Arc::new(
            self.prepare(contest.slate_id, Some(&contest), request.exact_projections)
                .await?,
        );
        // The projections the view already holds are the optimizer's (the user's override
        // included): the slate is not projected a second time.
        let projections: HashMap<i32, f64> = prepared
            .view
            .players
            .iter()
            .map(|p| (p.player.id, p.projection))
            .collect();
        let (mut slate, projections) = self
            .slate_for_optimizer(contest.slate_id, projections)
            .await?;
        slate
            .players
            .retain(|p| !prepared.other_games.contains(&p.id));
        let rules = Rules {
            salary_cap: self.typed_settings().await?.salary_cap,
            ..Rules::default()
        };
        let progress = Arc::new(on_progress);
        let request_copy = request.clone();
        let contest_copy = contest.clone();
        let work = prepared.clone();
        let (candidates, evaluation, field_size) = tokio::task::spawn_blocking(move || {
            let request = request_copy;
            let index = work.index_of();
            let candidates = candidate_lineups(
                &slate,
                &projections,
                &rules,
                &work.simulator,
                &index,
                request.candidates as usize,
                request.seed,
                &crate::wall_clock,
                &|done, total| progress("candidates", done, total),
            )?;
            let field = work.field(&contest_copy, rules.salary_cap, request.seed)?;
            if !progress("field", 1, 1) {
                return Err(Error::Cancelled("the pick was cancelled".into()));
            }
            let evaluation = pick::evaluate(
                &work.simulator,
                &candidates,
                &field,
                Some(&contest_copy),
                request.simulations as usize,
                request.seed,
                &|done, total| progress("simulation", done, total),
            )
            .ok_or_else(|| Error::Cancelled("the pick was cancelled".into()))?;
            Ok::<_, Error>((candidates, evaluation, field.len()))
        })
        .await
        .map_err(blocking_failed)??;
        let best = evaluation.best().unwrap_or(0);
        let top_rates = prepared.top_rates(&candidates, &evaluation);
        let pick = prepared.outcome(&candidates[best], &evaluation, best, &top_rates);
        let max_projection = prepared.outcome(&candidates[0], &evaluation, 0, &top_rates);
        let mut lines = evaluation.cash_lines.clone();
        lines.retain(|v| v.is_finite());
        let at = |q: f64| quantile(&lines, q);
        let mut cash_line_histogram = vec![0u32; BINS];
        for v in &lines {
            cash_line_histogram[pick::bin(*v)] += 1;
        }
        let mut report = PickReport {
            gain: pick.outcome.expected_payout - max_projection.outcome.expected_payout,
            contest,
            pick,
            max_projection,
            candidates: candidates.len() as u32,
            simulations: request.simulations,
            field_size: field_size as u32,
            cash_line: Spread {
                p10: at(0.1),
                p50: at(0.5),
                p90: at(0.9),
            },
            cash_line_histogram,
            histogram_from: HISTOGRAM_FROM,
            bin_points: BIN_POINTS,
            ownership_model: prepared.ownership_model.clone(),
            field_edge: prepared.field_edge.mean,
            correlations: prepared.correlations.clone(),
            path: None,
            lineup_id: None,
            seconds: 0.0,
        };
        {
            let mut predictions = self.cache().predictions.lock().expect("not poisoned");
            predictions.retain(|(contest, _), _| *contest != report.contest.id);
            for lineup in [&report.pick, &report.max_projection] {
                predictions.insert(
                    (report.contest.id, lineup_ids(lineup)),
                    Prediction {
                        p_cash: lineup.outcome.p_cash,
                        expected_payout: lineup.outcome.expected_payout,
                        cash_line: report.cash_line.p50,
                        simulations: report.simulations,
                    },
                );
            }
        }
        if let Some(out) = &request.out {
            let saved = self
                .save_pick(
                    report.contest.id,
                    &lineup_ids(&report.pick),
                    report.pick.projection,
                    Path::new(out),
                )
                .await?;
            report.path = Some(saved.0);
            report.lineup_id = Some(saved.1);
        }
        report.seconds = started.elapsed().as_secs_f64();
        tracing::info!(
            contest = report.contest.id,
            p_cash = report.pick.outcome.p_cash,
            gain = report.gain,
            seconds = report.seconds,
            "contest pick"
        );
        Ok(report)
    }

    /// Stores a contest's pick (slate-player ids in roster order, and the projection it was
    /// picked on) as a lineup of its slate (source `contest:<id>`) and writes it as a
    /// DraftKings upload file; when it is a lineup of the contest's last pick, what the
    /// simulation predicted for it is kept with it for the track record. The lineup is
    /// validated first; nothing is stored or written when it breaks a rule. Returns the path
    /// and the lineup's id.
    pub async fn save_pick(
        &self,
        contest_id: i32,
        players: &[i32; 9],
        projected: f64,
        out: &Path,
    ) -> Result<(String, i32)> {
        let contest = self.contest(contest_id).await?;
        let slate = self.slate(contest.slate_id).await?;
        let rules = self.lineup_rules().await?;
        let problems = lineup::validate(&slate, players, &rules);
        if !problems.is_empty() {
            return Err(Error::InvalidLineup {
                lineup: "The pick".into(),
                problems: problems.iter().map(ToString::to_string).collect(),
            });
        }
        self.check_user_output(out)?;
        let saved = store::lineups::save(
            self.db(),
            &slate,
            &[NewLineup {
                players: *players,
                projected_points: Some(projected),
            }],
            &format!("contest:{contest_id}"),
            &rules,
        )
        .await?;
        let id = saved.ids[0];
        let stored: Vec<lineup::Lineup> = store::lineups::list(self.db(), &slate)
            .await?
            .into_iter()
            .filter(|l| l.id == id)
            .collect();
        let (bytes, _) = lineup::export(&slate, &stored, None, &rules, chrono::Utc::now())?;
        self.write_user_file(out, &bytes)?;
        let predicted = self
            .cache()
            .predictions
            .lock()
            .expect("not poisoned")
            .get(&(contest_id, *players))
            .copied();
        if let Some(prediction) = predicted {
            store::contest_picks::record(self.db(), contest_id, id, &prediction).await?;
        }
        Ok((out.display().to_string(), id))
    }

    /// Simulates the lineups of an upload or entries file on a slate: each lineup's mean and
    /// 10th/50th/90th percentile score, and with a contest its P(cash), expected payout and
    /// ROI against a field sampled from projected ownership.
    pub async fn simulate_lineups(
        &self,
        slate_id: i32,
        lineups: &Path,
        simulations: u32,
        contest_id: Option<i32>,
        seed: u64,
        on_progress: impl Fn(usize, usize) -> bool + Send + Sync + 'static,
    ) -> Result<SimulationReport> {
        let slate = self.slate(slate_id).await?;
        let (file_name, bytes) = read_input(lineups)?;
        let file = LineupFile::parse(&file_name, &bytes)?;
        let rules = self.lineup_rules().await?;
        let read = lineup::read_file(&slate, &file, &rules)?;
        let lines: Vec<u64> = file
            .rows
            .iter()
            .filter(|r| r.dk_ids().is_some())
            .map(|r| r.line)
            .collect();
        let players: Vec<[i32; 9]> = read.iter().map(|l| l.players).collect();
        let mut report = self
            .evaluate_lineups(
                slate_id,
                &players,
                simulations,
                contest_id,
                seed,
                on_progress,
            )
            .await?;
        for (l, line) in report.lineups.iter_mut().zip(lines) {
            l.line = line;
        }
        Ok(report)
    }

    /// Simulates lineups (slate-player ids in roster order) as [`Workspace::simulate_lineups`]
    /// does; each lineup's `line` is its 1-based place in `lineups`.
    pub async fn evaluate_lineups(
        &self,
        slate_id: i32,
        lineups: &[[i32; 9]],
        simulations: u32,
        contest_id: Option<i32>,
        seed: u64,
        on_progress: impl Fn(usize, usize) -> bool + Send + Sync + 'static,
    ) -> Result<SimulationReport> {
        let started = Instant::now();
        check_counts(simulations, 1)?;
        let contest = match contest_id {
            Some(id) => {
                let c = self.contest(id).await?;
                if c.slate_id != slate_id {
                    return Err(Error::InvalidInput(format!(
                        "Contest {id} is on slate {}, not slate {slate_id}.",
                        c.slate_id
                    )));
                }
                Some(c)
            }
            None => None,
        };
        let prepared = Arc::new(self.prepare(slate_id, contest.as_ref(), false).await?);
        let index = prepared.index_of();
        let lineups: Vec<FieldLineup> = lineups
            .iter()
            .map(|l| {
                let mut out = [0u16; 9];
                for (o, id) in out.iter_mut().zip(l) {
                    *o = *index.get(id).ok_or_else(|| {
                        Error::InvalidInput(if prepared.other_games.contains(id) {
                            format!(
                                "player {id} of a lineup plays in a game the contest does not \
                                 cover"
                            )
                        } else {
                            format!(
                                "player {id} of a lineup cannot be simulated: his game is not \
                                 scheduled on slate {slate_id}"
                            )
                        })
                    })?;
                }
                Ok(out)
            })
            .collect::<Result<_>>()?;
        let work = prepared.clone();
        let contest_copy = contest.clone();
        let salary_cap = self.typed_settings().await?.salary_cap;
        let to_score = lineups.clone();
        let evaluation = tokio::task::spawn_blocking(move || {
            let field = match &contest_copy {
                Some(c) => work.field(c, salary_cap, seed)?,
                None => Vec::new(),
            };
            pick::evaluate(
                &work.simulator,
                &to_score,
                &field,
                contest_copy.as_ref(),
                simulations as usize,
                seed,
                &on_progress,
            )
            .ok_or_else(|| Error::Cancelled("the simulation was cancelled".into()))
        })
        .await
        .map_err(blocking_failed)??;
        let top_rates = prepared.top_rates(&lineups, &evaluation);
        Ok(SimulationReport {
            slate_id,
            contest,
            lineups: lineups
                .iter()
                .enumerate()
                .map(|(c, l)| SimulatedLineup {
                    line: c as u64 + 1,
                    lineup: prepared.outcome(l, &evaluation, c, &top_rates),
                })
                .collect(),
            simulations,
            correlations: prepared.correlations.clone(),
            seconds: started.elapsed().as_secs_f64(),
        })
    }

    /// The real field of a contest: the scores of its slate's standings imported for its
    /// DraftKings contest ID, else for a field of its size, else the newest, and every player's real points (the standings' FPTS; for
    /// players the file gives none, their nflverse points when loaded).
    pub(crate) async fn real_field(&self, contest: &Contest) -> Result<RealField> {
        let results = self.contest_standings(contest).await?.ok_or_else(|| {
            Error::InvalidInput(format!(
                "Slate {} has no imported standings: import the contest's standings file \
                     first (`nfl-dfs-cli contest standings --slate {} FILE`).",
                contest.slate_id, contest.slate_id
            ))
        })?;
        self.real_field_of(contest.slate_id, &results).await
    }

    /// The real field of standings already loaded for a slate (see [`Workspace::real_field`]).
    pub(crate) async fn real_field_of(
        &self,
        slate_id: i32,
        results: &store::standings::StoredResults,
    ) -> Result<RealField> {
        let Scored {
            points: mut actual,
            mut sat,
        } = self.actual_points(slate_id).await.unwrap_or_default();
        for &(id, _, fpts) in &results.players {
            if let Some(fpts) = fpts {
                actual.insert(id, fpts);
                if fpts != 0.0 {
                    sat.remove(&id);
                }
            }
        }
        let listed = results
            .ranks
            .iter()
            .copied()
            .zip(results.field_points.iter().copied());
        Ok(RealField {
            scores: FieldScores::new(listed.collect(), results.field_size),
            actual,
            sat,
            file_name: results.file_name.clone(),
            live: results.live,
        })
    }

    /// Scores the contest's pick and the highest-projected lineup with the real points of its
    /// slate's imported standings (players no entry drafted: their nflverse points when
    /// loaded) against the real field: rank, percentile, cashed or not.
    pub async fn contest_backtest(&self, request: &PickRequest) -> Result<ContestBacktest> {
        let contest = self.contest(request.contest_id).await?;
        let real = self.real_field(&contest).await?;
        let look_ahead = self.look_ahead(contest.slate_id).await?;
        let simulated = self
            .pick(
                &PickRequest {
                    out: None,
                    ..request.clone()
                },
                |_, _, _| true,
            )
            .await?;
        let finish = |outcome: &LineupOutcome| {
            let names: Vec<String> = outcome
                .players
                .iter()
                .map(|p| p.player.name.clone())
                .collect();
            real.finish(&contest, &lineup_ids(outcome), &names, outcome.projection)
        };
        let pick = finish(&simulated.pick)?;
        let max_projection = finish(&simulated.max_projection)?;
        Ok(ContestBacktest {
            standings: real.file_name.clone(),
            field: real.scores.size(),
            listed: real.scores.listed() as u32,
            cash_line: real.cash_line(&contest),
            median: real.scores.median(),
            pick,
            max_projection,
            warning: real.live.then(|| {
                "The standings were exported before the games ended: the field's points and \
                 the players' FPTS are not final."
                    .to_string()
            }),
            look_ahead,
            contest,
            simulated,
        })
    }
}

/// A contest's real field: its listed entries' ranks and scores, and every player's real points.
pub(crate) struct RealField {
    pub(crate) scores: FieldScores,
    /// Real points by slate player id (0 for one who sat).
    pub(crate) actual: HashMap<i32, f64>,
    /// The players who sat.
    pub(crate) sat: HashSet<i32>,
    file_name: String,
    /// Whether the standings were exported before the games ended.
    pub(crate) live: bool,
}

impl RealField {
    /// The score at the contest's last paid rank, when the file reaches it.
    pub(crate) fn cash_line(&self, contest: &Contest) -> Option<f64> {
        self.scores.cash_line(contest.payouts.paid())
    }

    /// Where a lineup (slate-player ids and names in roster order) finishes in the field.
    pub(crate) fn finish(
        &self,
        contest: &Contest,
        players: &[i32; 9],
        names: &[String],
        projection: f64,
    ) -> Result<RealFinish> {
        let mut points = 0.0;
        for (id, name) in players.iter().zip(names) {
            points += self.actual.get(id).copied().ok_or_else(|| {
                Error::InvalidInput(format!(
                    "{name} has no actual points: the standings do not give them and no \
                     weekly stats of that week are loaded"
                ))
            })?;
        }
        let paid = contest.payouts.paid();
        let finish = self.scores.finish(points, paid).ok_or_else(|| {
            Error::InvalidInput(format!(
                "{}: the standings list {} of the {} entries, down to a score above this \
                 lineup's {points:.2}, and not the last paid rank ({paid}): whether it cashed \
                 is not known",
                self.file_name,
                self.scores.listed(),
                self.scores.size()
            ))
        })?;
        Ok(RealFinish {
            players: players.to_vec(),
            names: names.to_vec(),
            projection,
            points,
            rank: finish.rank,
            rank_known: finish.rank_known,
            percentile: self.scores.percentile(&finish),
            cashed: finish.cashed,
            payout: if finish.cashed {
                contest.payouts.prize(finish.rank.min(paid))
            } else {
                0.0
            },
        })
    }
}

/// A reported lineup's slate-player ids in roster order.
fn lineup_ids(lineup: &LineupOutcome) -> [i32; 9] {
    let mut ids = [0; 9];
    for (id, p) in ids.iter_mut().zip(&lineup.players) {
        *id = p.player.slate_player_id;
    }
    ids
}

/// Checks the slates and candidates a pick is asked to run (before any work).
pub(crate) fn check_counts(simulations: u32, candidates: u32) -> Result<()> {
    if !(100..=limits::MAX_SIMULATIONS).contains(&simulations) {
        return Err(Error::InvalidInput(format!(
            "Simulations must be from 100 to {}, not {simulations}.",
            limits::MAX_SIMULATIONS
        )));
    }
    if !(1..=limits::MAX_CANDIDATES).contains(&candidates) {
        return Err(Error::InvalidInput(format!(
            "Candidates must be from 1 to {}, not {candidates}.",
            limits::MAX_CANDIDATES
        )));
    }
    Ok(())
}
