//! Projections of a slate: each player matched to an NFL player gets his position's production
//! model's prediction from the features of his game, with his range (quantiles from the
//! position's spread model: his projection's level and his own volatility); a player the models
//! cannot see (unmatched, no earlier game, no production model) keeps DraftKings'
//! AvgPointsPerGame, flagged, or, when that average is 0 (a rookie, a long absence), what his
//! salary implies (`market`). Each is what he scores if he plays: the projection is that
//! times his play probability (`availability`: the week's injury report, the team games he
//! missed in a row, the user's plays/out), and his quantiles (floor = 15th, ceiling = 85th) are
//! those of the mixture of 0 (he sits) and his range. A player without a game projects 0. The
//! user's projection override wins over all of these.

use super::availability::{AvailabilityModel, PlayIndex, PlayStatus};
use super::depth::ChartPlace;
use super::distribution::{Quantiles, SpreadInputs};
use super::features::{Context, Features, Row};
use super::history::{week_key, WeekKey};
use super::market::MarketCurve;
use super::version::LoadedModel;
use crate::dk::Position;
use crate::slate::{PlayerRef, Slate, SlatePlayer};
use crate::team_code::normalise;
use crate::thousands::thousands;
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
    /// What his DraftKings salary implies (no NFL game to project from and no average: a
    /// rookie, a long absence).
    Salary,
    /// Out (ruled out, marked out, or without a game): 0.
    Out,
    /// The user's own projection, which replaces every other.
    Override,
}

/// One slate player's projection.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerProjection {
    /// Who he is.
    #[serde(flatten)]
    #[ts(flatten)]
    pub player: PlayerRef,
    /// Projected DraftKings points: what he scores if he plays, times the probability he does.
    pub projection: f64,
    /// Projected DraftKings points if he plays.
    pub if_plays: f64,
    /// Probability that he plays, 0 to 1.
    pub play_probability: f64,
    /// His availability as shown.
    pub status: PlayStatus,
    /// Why ("missed his team's last 2 games", "Out on the week-12 report").
    pub availability_reason: String,
    /// Floor (15th percentile of what he scores, counting the chance he sits).
    pub floor: f64,
    /// Ceiling (85th percentile of what he scores, counting the chance he sits).
    pub ceiling: f64,
    /// What he scores, counting the chance he sits: 5th to 95th percentiles.
    pub quantiles: Quantiles,
    /// What he scores if he plays: 5th to 95th percentiles (with `play_probability`, his whole
    /// distribution).
    pub if_plays_quantiles: Quantiles,
    /// Where it comes from.
    pub source: ProjectionSource,
    /// Why it is not the model's, when it is not.
    pub note: Option<String>,
    /// Points per $1,000 of salary.
    pub value: f64,
    /// Whether he can be put in a lineup (his game is on the slate and has not started).
    pub playable: bool,
    /// Points his team is expected to score (from the game's total and spread), when the
    /// loaded schedule has the game's betting lines.
    pub team_total: Option<f64>,
}

/// What a slate projection needs besides the slate and the history.
pub struct SlateInputs<'a> {
    /// GSIS id of each matched slate player.
    pub gsis: &'a HashMap<i32, String>,
    /// Who appeared when, and the injury reports.
    pub plays: &'a PlayIndex<'a>,
    /// Play rates measured on the history before the slate's week.
    pub availability: &'a AvailabilityModel,
    /// Production models by position.
    pub models: &'a HashMap<Position, LoadedModel>,
    /// What salaries imply, for the players the models cannot see.
    pub market: &'a MarketCurve,
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
        lines_known: false,
    })
}

/// Projects every player of a slate: first who plays, then what each scores if he plays, so a
/// teammate who may sit (by the report, his missed games, or the user's word) hands his share
/// of targets, carries and pass attempts on to those who play.
pub fn project_slate(
    features: &Features,
    slate: &Slate,
    inputs: &SlateInputs,
) -> Vec<PlayerProjection> {
    let started: Vec<Started> = slate
        .players
        .iter()
        .map(|p| start(features, slate, inputs, p))
        .collect();
    let on_slate: HashMap<&str, (&str, f64)> = slate
        .players
        .iter()
        .zip(&started)
        .filter_map(|(p, s)| {
            let gsis = inputs.gsis.get(&p.id)?;
            Some((gsis.as_str(), (p.team.as_str(), s.out.play_probability)))
        })
        .collect();
    let teammates = TeammatePlays { on_slate };
    slate
        .players
        .iter()
        .zip(started)
        .map(|(p, s)| with_override(p, finish(features, inputs, p, s, &teammates)))
        .collect()
}

/// Each teammate's chance to play a game: his own on the slate, 0 when the slate has him on
/// another team (he left) or not at all. A DraftKings salary file lists every rostered player of
/// the teams in its games, so a player of the team's history it does not list has left the
/// team (released, retired, signed elsewhere): he neither takes his share back nor keeps it.
struct TeammatePlays<'a> {
    on_slate: HashMap<&'a str, (&'a str, f64)>,
}

impl TeammatePlays<'_> {
    fn of(&self, gsis: &str, ctx: &Context) -> f64 {
        match self.on_slate.get(gsis) {
            Some((team, p)) if normalise(team) == ctx.team => *p,
            _ => 0.0,
        }
    }
}

/// A player's projection once who plays is known, with his game; `done` when nothing more is
/// to be worked out (he has no game on the slate).
struct Started {
    out: PlayerProjection,
    ctx: Option<Context>,
    done: bool,
    after_gap: bool,
}

/// The user's override replaces the projection (the range moves with it and keeps its shape;
/// it is what he scores, so he plays); value is worked out from the result.
fn with_override(p: &SlatePlayer, mut out: PlayerProjection) -> PlayerProjection {
    if let Some(mine) = p.projection_override {
        out.quantiles = out.if_plays_quantiles.shifted(mine - out.if_plays);
        out.if_plays_quantiles = out.quantiles;
        out.if_plays = mine;
        out.projection = mine;
        out.floor = out.quantiles.p15;
        out.ceiling = out.quantiles.p85;
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

/// Whether a player plays (his game, the report, his missed games, the user's word, or for a
/// player with no NFL game what his salary says of new players).
fn start(features: &Features, slate: &Slate, inputs: &SlateInputs, p: &SlatePlayer) -> Started {
    let mut out = PlayerProjection {
        player: PlayerRef::from(p),
        projection: p.avg_points_per_game,
        if_plays: p.avg_points_per_game,
        play_probability: 1.0,
        status: PlayStatus::Unknown,
        availability_reason: String::new(),
        floor: p.avg_points_per_game,
        ceiling: p.avg_points_per_game,
        quantiles: Quantiles::point(p.avg_points_per_game),
        if_plays_quantiles: Quantiles::point(p.avg_points_per_game),
        source: ProjectionSource::Average,
        note: None,
        value: 0.0,
        playable: p.has_usable_game(),
        team_total: None,
    };
    if !p.has_usable_game() {
        out.projection = 0.0;
        out.if_plays = 0.0;
        out.play_probability = 0.0;
        out.floor = 0.0;
        out.ceiling = 0.0;
        out.quantiles = Quantiles::point(0.0);
        out.if_plays_quantiles = Quantiles::point(0.0);
        out.source = ProjectionSource::Out;
        out.status = PlayStatus::Out;
        out.availability_reason = "no game on this slate".into();
        out.note = Some("no game on this slate".into());
        return Started {
            out,
            ctx: None,
            done: true,
            after_gap: false,
        };
    }
    let ctx = context(features, slate, p);
    out.team_total = ctx.as_ref().filter(|c| c.lines_known).map(Context::implied);
    let (unseen_by_history, after_gap) = availability(inputs, p, ctx.as_ref(), &mut out);
    match unseen_by_history.filter(|_| p.play_override.is_none() && out.status != PlayStatus::Out) {
        Some(Unseen::New(place)) => new_player(inputs.market, p, place, &mut out),
        Some(Unseen::Since(last, place)) => {
            after_gap_player(inputs.market, p, last, place, &mut out)
        }
        None => {}
    }
    let unseen = after_gap || out.status == PlayStatus::Unknown;
    if unseen && p.play_override.is_none() && out.status != PlayStatus::Out {
        priced_under_average(inputs.market, p, &mut out);
    }
    Started {
        out,
        ctx,
        done: false,
        after_gap,
    }
}

/// What a player scores if he plays (the production model's, or why it falls back) counting
/// the chance he does not.
fn finish(
    features: &Features,
    inputs: &SlateInputs,
    p: &SlatePlayer,
    started: Started,
    teammates: &TeammatePlays,
) -> PlayerProjection {
    let Started {
        mut out,
        ctx,
        done,
        after_gap,
    } = started;
    if done {
        return out;
    }
    // From the schedule only: a slate of a season not loaded yet is guessed as its week 1.
    let week_one = scheduled_context(features, p).is_some_and(|c| c.week == 1);
    if_plays(features, inputs, p, ctx, teammates, &mut out);
    if week_one && out.source == ProjectionSource::Model {
        with_summer_market(inputs.market, p, &mut out);
    }
    if after_gap && out.source == ProjectionSource::Model {
        with_gap_average(inputs.market, p, &mut out);
    }
    with_availability(out)
}

/// The market's share of a model's projection in a season's first week.
const WEEK_ONE_MARKET_WEIGHT: f64 = 0.5;

/// Week 1 leans on the market: the model sees last season, while DraftKings' price knows the
/// summer's changes (a new team, a new role). Half the model's projection, half what his
/// salary implies; measured on the real week-1 slates of 2019 and 2022 (`bench-slates.sh`):
/// pool error 6.19 -> 6.08 and 4.30 -> 4.28, none tried in mid-season weeks gained.
fn with_summer_market(market: &MarketCurve, p: &SlatePlayer, out: &mut PlayerProjection) {
    // Measured on players; a DST's first week stays its model's.
    if p.position == Position::DST {
        return;
    }
    let Some(view) = market.view(p.position, p.salary) else {
        return;
    };
    let blended =
        (1.0 - WEEK_ONE_MARKET_WEIGHT) * out.if_plays + WEEK_ONE_MARKET_WEIGHT * view.if_plays;
    out.if_plays_quantiles = out.if_plays_quantiles.shifted(blended - out.if_plays);
    out.if_plays = blended;
    out.note = Some(format!(
        "week 1: half the model's {:.1}, half what his salary implies ({:.1})",
        2.0 * blended - view.if_plays,
        view.if_plays
    ));
}

/// DraftKings' average's share of a model's projection when the loaded data stops before a gap.
const GAP_AVERAGE_WEIGHT: f64 = 0.75;

/// After a gap in the loaded data (the team's latest weeks before the slate not loaded), the
/// model sees only the games before it, while DraftKings' average has the games since: a
/// quarter the model's projection, three quarters DraftKings' average (what his salary implies
/// where the average is 0). Measured on real slates with weeks left out of the loaded stats
/// (`bench-slates.sh`): pool error 4.12 -> 3.98 (2022 week 1, all of 2021 missing), 4.84 -> 4.58
/// (2021 week 5, weeks 1-4 missing), 5.33 -> 4.95 (2020 week 10, weeks 1-9), 5.04 -> 4.76 (2020
/// week 16, weeks 8-15); a share of 0.5 to 1 gives within 0.1 of these, the salary in its place
/// less.
fn with_gap_average(market: &MarketCurve, p: &SlatePlayer, out: &mut PlayerProjection) {
    // A DST's model sees its own games only; there is no average to lean on for it.
    if p.position == Position::DST {
        return;
    }
    let (other, words) = if p.avg_points_per_game > 0.0 {
        (p.avg_points_per_game, "DraftKings' average")
    } else {
        match market.view(p.position, p.salary) {
            Some(view) => (view.if_plays, "what his salary implies"),
            None => return,
        }
    };
    let model = out.if_plays;
    let blended = (1.0 - GAP_AVERAGE_WEIGHT) * model + GAP_AVERAGE_WEIGHT * other;
    out.if_plays_quantiles = out.if_plays_quantiles.moved_to(model, blended);
    out.if_plays = blended;
    out.note = Some(format!(
        "after a gap in the loaded data: a quarter the model's {model:.1}, three quarters \
         {words} ({other:.1})"
    ));
}

/// What his salary implies he scores if he plays, for a player the models cannot see and
/// DraftKings has no average for (None otherwise), with the note saying so.
fn salary_implied(
    market: &MarketCurve,
    p: &SlatePlayer,
    note: Option<&str>,
) -> Option<(f64, String)> {
    if p.avg_points_per_game > 0.0 {
        return None;
    }
    let view = market.view(p.position, p.salary)?;
    Some((
        view.if_plays,
        format!(
            "{}: what a ${} {} scores when he plays",
            note.unwrap_or("no NFL game to project from"),
            thousands(u64::from(p.salary)),
            p.position.as_str()
        ),
    ))
}

/// A player the loaded history cannot judge: whether he plays is read from the salary file and
/// the week's depth chart (his place on it).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unseen {
    /// He has no NFL game yet (a rookie, or not matched).
    New(ChartPlace),
    /// His team's loaded games stop at this week, before a gap in the loaded data.
    Since(WeekKey, ChartPlace),
}

/// Whether he plays: the user's word, else the week's report and the games he missed (a DST
/// always plays; an unmatched player is unknown). For a player with no NFL game before the week
/// (a rookie; or not matched), whose missed games say nothing, and for one after a gap in the
/// loaded data whom the week's report does not doubt, his place on the week's depth chart
/// (returned, for the market to judge).
fn availability(
    inputs: &SlateInputs,
    p: &SlatePlayer,
    ctx: Option<&Context>,
    out: &mut PlayerProjection,
) -> (Option<Unseen>, bool) {
    let mut new = None;
    let mut after_gap = false;
    let (probability, status, reason) = match (p.play_override, p.position, ctx) {
        (Some(true), _, _) => (
            1.0,
            PlayStatus::Active,
            "marked as playing by you".to_string(),
        ),
        (Some(false), _, _) => (0.0, PlayStatus::Out, "marked out by you".to_string()),
        (None, Position::DST, _) => (1.0, PlayStatus::Active, "team defense".to_string()),
        (None, _, None) => (
            1.0,
            PlayStatus::Unknown,
            "his game is not in the loaded schedule: availability unknown".to_string(),
        ),
        (None, _, Some(ctx)) => match inputs.gsis.get(&p.id) {
            None => {
                new = (p.avg_points_per_game <= 0.0).then_some(Unseen::New(ChartPlace::NotLoaded));
                (
                    1.0,
                    PlayStatus::Unknown,
                    "not matched to an NFL player: availability unknown".to_string(),
                )
            }
            Some(gsis) => {
                let week = week_key(ctx.season, ctx.week);
                let signals = inputs
                    .plays
                    .signals(gsis, &ctx.team, week)
                    .with_season_average(p.avg_points_per_game, week);
                let a = inputs.availability.availability(&signals, week);
                after_gap = signals.after_gap.is_some();
                // (Ruled out stays out: the caller checks the status.)
                let place = || inputs.plays.chart_place(gsis, &ctx.team, week);
                new = match signals.after_gap {
                    Some(last) if !signals.in_doubt() => Some(Unseen::Since(last, place())),
                    _ => (signals.role.is_none() && signals.missed.is_some())
                        .then(|| Unseen::New(place())),
                };
                (a.play_probability, a.status, a.reason)
            }
        },
    };
    out.play_probability = probability;
    out.status = status;
    out.availability_reason = reason;
    (new, after_gap)
}

/// DraftKings' average at least this many times what his salary implies: priced as a player
/// who is hurt.
const PRICED_UNDER_RATIO: f64 = 2.0;

/// The share of such players who played on the real slates of 2018-2022: 16 of 61 (12 of 36 at
/// 2 to 2.5 times, 4 of 15 at 2.5 to 3, none of 10 beyond).
const PRICED_UNDER_PLAYED: f64 = 16.0 / 61.0;

/// Where the app cannot see whether a player plays (not matched, none of his team's games
/// loaded, only games before a gap), a salary far under his DraftKings average is the market's
/// word that he is hurt (DraftKings drops the price of a player out for weeks): his chance is
/// at most the share of such players who played, with the reason. A star on injured reserve
/// priced at the minimum, whom no loaded report lists, is not a bargain.
fn priced_under_average(market: &MarketCurve, p: &SlatePlayer, out: &mut PlayerProjection) {
    let average = p.avg_points_per_game;
    if p.position == Position::DST || average <= 0.0 || out.play_probability <= PRICED_UNDER_PLAYED
    {
        return;
    }
    let Some(view) = market.view(p.position, p.salary) else {
        return;
    };
    if view.if_plays < 1.0 || average < PRICED_UNDER_RATIO * view.if_plays {
        return;
    }
    out.play_probability = PRICED_UNDER_PLAYED;
    out.availability_reason = format!(
        "{}; priced ${} against an average of {average:.1}, as DraftKings prices a player who is \
         hurt: {:.0}% of such players played",
        out.availability_reason,
        thousands(u64::from(p.salary)),
        100.0 * PRICED_UNDER_PLAYED
    );
}

/// A player with no NFL game yet: the market's chance that such a player plays, from his
/// salary, his position and his place on the week's depth chart, with the reason.
fn new_player(
    market: &MarketCurve,
    p: &SlatePlayer,
    place: ChartPlace,
    out: &mut PlayerProjection,
) {
    let Some(probability) = market.new_play_probability(p.position, p.salary, place) else {
        return;
    };
    out.play_probability = probability;
    out.status = PlayStatus::Unknown;
    let such = match place {
        ChartPlace::NotLoaded => "new players",
        _ => "such new players",
    };
    out.availability_reason = format!(
        "no NFL game yet{}: {:.0}% of {such} at his salary play",
        chart_words(place),
        probability * 100.0
    );
}

/// His place on the week's depth chart in words, after a comma ("" without a chart).
fn chart_words(place: ChartPlace) -> String {
    match place {
        ChartPlace::NotLoaded => String::new(),
        ChartPlace::Off => ", not on the week's depth chart".to_string(),
        ChartPlace::Listed(depth) => {
            format!(", listed {} on the week's depth chart", ordinal(depth))
        }
    }
}

/// A player whose team's loaded games stop at week `last`, before a gap in the loaded data: the
/// market's chance that a player plays, from his salary, his position, his place on the week's
/// depth chart, whether he is the quarterback it lists 1st and whether DraftKings has an
/// average for him, with the reason. His games before the gap say little of now: on real slates
/// with weeks or seasons left out of the loaded stats (`bench-slates.sh`) the Brier score of the
/// players priced $4,000 or more falls in every case (0.137 to 0.094 with 2021 missing before
/// 2022 week 1; 0.187 to 0.168 with 2019 and 2020's first 15 weeks missing before 2020 week 16).
fn after_gap_player(
    market: &MarketCurve,
    p: &SlatePlayer,
    last: WeekKey,
    place: ChartPlace,
    out: &mut PlayerProjection,
) {
    let averaged = p.avg_points_per_game > 0.0;
    let Some(probability) = market.unseen_play_probability(p.position, p.salary, place, averaged)
    else {
        return;
    };
    out.play_probability = probability;
    out.status = PlayStatus::Unknown;
    let average = if averaged { "an" } else { "no" };
    out.availability_reason = format!(
        "no loaded game of his team since {} week {}{}, {average} average on DraftKings: {:.0}% \
         of such players at his salary play",
        last / 100,
        last % 100,
        chart_words(place),
        probability * 100.0
    );
}

/// "1st", "2nd", "3rd", "4th", ...
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The projection if he plays, with its range: the model's, or DraftKings' average (what his
/// salary implies where that is 0) with a note (its range then from the position's spread at
/// that level, without his own volatility).
fn if_plays(
    features: &Features,
    inputs: &SlateInputs,
    p: &SlatePlayer,
    ctx: Option<Context>,
    teammates: &TeammatePlays,
    out: &mut PlayerProjection,
) {
    let Some(model) = inputs.models.get(&p.position) else {
        let note = format!("no {} model in production", p.position.as_str());
        match salary_implied(inputs.market, p, Some(&note)) {
            Some((points, note)) => {
                out.if_plays = points;
                out.if_plays_quantiles = Quantiles::point(points);
                out.source = ProjectionSource::Salary;
                out.note = Some(note);
            }
            None => out.note = Some(note),
        }
        return;
    };
    let spread = match modelled(features, inputs, p, ctx, teammates, model) {
        Ok((mean, row)) => {
            out.source = ProjectionSource::Model;
            row.spread_inputs(mean)
        }
        Err(note) => {
            let projection = match salary_implied(inputs.market, p, Some(&note)) {
                Some((points, note)) => {
                    out.source = ProjectionSource::Salary;
                    out.note = Some(note);
                    points
                }
                None => {
                    out.note = Some(note);
                    out.if_plays
                }
            };
            SpreadInputs {
                projection,
                volatility: 0.0,
                games: 0,
            }
        }
    };
    out.if_plays = spread.projection;
    out.if_plays_quantiles = model.metadata.result.spread_model().quantiles(&spread);
}

/// The model's prediction for a player's game with the row it came from, or why there is none.
fn modelled(
    features: &Features,
    inputs: &SlateInputs,
    p: &SlatePlayer,
    ctx: Option<Context>,
    teammates: &TeammatePlays,
    model: &LoadedModel,
) -> Result<(f64, Row), String> {
    let ctx = ctx.ok_or("no game time on this slate")?;
    let row = if p.position == Position::DST {
        features.dst_row(&ctx)
    } else {
        let gsis = inputs
            .gsis
            .get(&p.id)
            .ok_or("not matched to an NFL player")?;
        features.offense_row(gsis, p.position, &ctx, &|id| teammates.of(id, &ctx))
    };
    let row = row.ok_or("no earlier NFL game to project from")?;
    let values = model
        .model
        .predict(std::slice::from_ref(&row.x))
        .map_err(|e| format!("the model failed: {e}"))?;
    Ok((values[0].max(0.0), row))
}

/// What he scores counting the chance he sits: the mean times the play probability, quantiles
/// (and so floor and ceiling) from the mixture of 0 and his range if he plays.
fn with_availability(mut out: PlayerProjection) -> PlayerProjection {
    let p = out.play_probability;
    out.projection = p * out.if_plays;
    out.quantiles = out.if_plays_quantiles.with_play_probability(p);
    out.floor = out.quantiles.p15;
    out.ceiling = out.quantiles.p85;
    if p <= 0.0 {
        out.source = ProjectionSource::Out;
        out.note = Some(out.availability_reason.clone());
    }
    out
}

/// Weeks missing from the loaded data in words, with their verb: "2021 weeks 13-22 are",
/// "2022 week 3 is".
pub fn missing_weeks(gaps: &[(i32, i32, i32)]) -> String {
    let named: Vec<String> = gaps
        .iter()
        .map(|(season, first, last)| match first == last {
            true => format!("{season} week {first}"),
            false => format!("{season} weeks {first}-{last}"),
        })
        .collect();
    let verb = match gaps {
        [(_, first, last)] if first == last => "is",
        _ => "are",
    };
    format!("{} {verb}", named.join(", "))
}

/// What the pages should say plainly about a slate's projections, if anything: weeks missing
/// from the loaded data (`gaps`, as (season, first week, last week)), no model in production,
/// most projections from DraftKings' averages, or who plays unknown for most players (the
/// weeks before the slate are not loaded).
pub fn notice(
    players: &[PlayerProjection],
    models_in_production: bool,
    gaps: &[(i32, i32, i32)],
) -> Option<String> {
    const FIX: &str = "Load the NFL history (Data page, or `nfl-dfs-cli ingest`) and train \
                       (Models page)";
    if !gaps.is_empty() {
        return Some(format!(
            "{} not loaded: refresh the data (Data page, or `nfl-dfs-cli ingest`). Until then \
             who plays and recent form are judged on the games before the gap, DraftKings' \
             averages and the week's depth chart.",
            missing_weeks(gaps)
        ));
    }
    if !models_in_production {
        return Some(format!(
            "No model is in production: projections are DraftKings' averages and who plays is \
             unknown. {FIX}."
        ));
    }
    let playable: Vec<&PlayerProjection> = players
        .iter()
        .filter(|p| p.playable && p.player.position != Position::DST)
        .collect();
    let share = |f: &dyn Fn(&PlayerProjection) -> bool| {
        playable.iter().filter(|p| f(p)).count() as f64 / playable.len().max(1) as f64
    };
    if share(&|p| p.source == ProjectionSource::Average) > 0.5 {
        return Some(format!(
            "Most projections are DraftKings' averages: most players are not matched to NFL \
             players or have no NFL games loaded. {FIX}."
        ));
    }
    if share(&|p| p.status == PlayStatus::Unknown) > 0.5 {
        return Some(
            "Who plays is unknown for most players: the weeks before this slate are not \
             loaded. Load recent NFL data (Data page, or `nfl-dfs-cli ingest`)."
                .into(),
        );
    }
    None
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
    /// Floor (15th percentile).
    pub floor: f64,
    /// Ceiling (85th percentile).
    pub ceiling: f64,
    /// 5th to 95th percentiles.
    pub quantiles: Quantiles,
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
    let key = week_key(season, week);
    let mut latest: HashMap<&str, &super::history::PlayerGame> = HashMap::new();
    for p in history
        .players
        .iter()
        .filter(|p| week_key(p.season, p.week) < key)
    {
        latest.insert(p.gsis_id.as_str(), p);
    }
    // Each team's last game before the week: with no news, who played it plays this one and
    // who missed it misses this one too.
    let mut last_game: HashMap<&str, WeekKey> = HashMap::new();
    for p in latest.values() {
        let played = week_key(p.season, p.week);
        let last = last_game.entry(p.team.as_str()).or_insert(played);
        *last = (*last).max(played);
    }
    let status_quo = |id: &str, team: &str| {
        latest.get(id).is_some_and(|g| {
            g.team == team && last_game.get(team) == Some(&week_key(g.season, g.week))
        })
    };
    let mut rows: Vec<(String, String, Position, Context)> = Vec::new();
    for p in latest.values() {
        let (Some(position), Some(ctx)) = (
            super::history::model_position(&p.position),
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
            let row = if position == Position::DST {
                features.dst_row(&ctx)?
            } else {
                // Nothing is known of the week's news: the team's last game's players play.
                features.offense_row(&id, position, &ctx, &|other| {
                    f64::from(u8::from(status_quo(other, &ctx.team)))
                })?
            };
            let mean = model.model.predict(&[row.x]).ok()?[0].max(0.0);
            let quantiles = model
                .metadata
                .result
                .spread_model()
                .quantiles(&SpreadInputs {
                    projection: mean,
                    volatility: row.volatility,
                    games: row.volatility_games,
                });
            Some(WeekProjection {
                id,
                name,
                position,
                team: ctx.team.clone(),
                projection: mean,
                floor: quantiles.p15,
                ceiling: quantiles.p85,
                quantiles,
            })
        })
        .collect();
    out.sort_by(|a, b| b.projection.total_cmp(&a.projection).then(a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn player(source: ProjectionSource, status: PlayStatus) -> PlayerProjection {
        PlayerProjection {
            player: PlayerRef {
                slate_player_id: 1,
                dk_id: None,
                name: "A".into(),
                position: Position::WR,
                team: "BUF".into(),
            },
            projection: 10.0,
            if_plays: 10.0,
            play_probability: 1.0,
            status,
            availability_reason: String::new(),
            floor: 5.0,
            ceiling: 15.0,
            quantiles: Quantiles::from_array([3.0, 5.0, 9.0, 15.0, 19.0]),
            if_plays_quantiles: Quantiles::from_array([3.0, 5.0, 9.0, 15.0, 19.0]),
            source,
            note: None,
            value: 2.0,
            playable: true,
            team_total: None,
        }
    }

    fn slate_player(position: Position, salary: u32, average: f64) -> SlatePlayer {
        SlatePlayer {
            id: 1,
            dk_id: None,
            name: "A".into(),
            position,
            team: "BUF".into(),
            opponent: Some("MIA".into()),
            game_id: Some(1),
            kickoff_utc: None,
            game_state: crate::slate::GameState::Scheduled,
            salary,
            avg_points_per_game: average,
            locked: false,
            excluded: false,
            projection_override: None,
            play_override: None,
        }
    }

    #[test]
    fn week_one_takes_half_of_what_the_salary_implies_and_says_so() {
        let market = crate::projection::market::shipped();
        let wr = slate_player(Position::WR, 7000, 15.0);
        let implied = market.view(Position::WR, 7000).unwrap().if_plays;
        let mut out = player(ProjectionSource::Model, PlayStatus::Active);
        let before = out.if_plays_quantiles;
        with_summer_market(market, &wr, &mut out);
        assert!(
            (out.if_plays - (10.0 + implied) / 2.0).abs() < 1e-9,
            "{out:?}"
        );
        let moved = out.if_plays - 10.0;
        assert!((out.if_plays_quantiles.p50 - (before.p50 + moved)).abs() < 1e-9);
        assert_eq!(
            out.note.unwrap(),
            format!("week 1: half the model's 10.0, half what his salary implies ({implied:.1})")
        );
        // A DST's is its model's: unchanged.
        let mut dst = player(ProjectionSource::Model, PlayStatus::Active);
        with_summer_market(market, &slate_player(Position::DST, 3000, 8.0), &mut dst);
        assert_eq!(dst.if_plays, 10.0);
    }

    #[test]
    fn after_a_gap_a_quarter_of_the_model_and_three_quarters_of_the_average() {
        let market = crate::projection::market::shipped();
        let mut out = player(ProjectionSource::Model, PlayStatus::Active);
        let before = out.if_plays_quantiles;
        with_gap_average(market, &slate_player(Position::WR, 7000, 18.0), &mut out);
        assert!((out.if_plays - 16.0).abs() < 1e-9, "{out:?}");
        assert!((out.if_plays_quantiles.p50 - before.p50 * 1.6).abs() < 1e-9);
        assert_eq!(
            out.note.as_deref(),
            Some(
                "after a gap in the loaded data: a quarter the model's 10.0, three quarters \
                 DraftKings' average (18.0)"
            )
        );
        // No average (a player who has not played this season): what his salary implies.
        let mut out = player(ProjectionSource::Model, PlayStatus::Active);
        with_gap_average(market, &slate_player(Position::WR, 7000, 0.0), &mut out);
        let implied = market.view(Position::WR, 7000).unwrap().if_plays;
        assert!((out.if_plays - (2.5 + 0.75 * implied)).abs() < 1e-9);
        assert!(out
            .note
            .unwrap()
            .ends_with(&format!("what his salary implies ({implied:.1})")));
        // A DST's is its model's.
        let mut dst = player(ProjectionSource::Model, PlayStatus::Active);
        with_gap_average(market, &slate_player(Position::DST, 3000, 8.0), &mut dst);
        assert_eq!((dst.if_plays, dst.note), (10.0, None));
    }

    #[test]
    fn a_player_the_app_cannot_see_priced_far_under_his_average_is_likely_hurt() {
        let market = crate::projection::market::shipped();
        let implied = market.view(Position::WR, 3000).unwrap().if_plays;
        let mut out = player(ProjectionSource::Average, PlayStatus::Unknown);
        out.play_probability = 1.0;
        out.availability_reason = "not matched to an NFL player: availability unknown".into();
        let star = slate_player(Position::WR, 3000, 2.0 * implied + 0.1);
        priced_under_average(market, &star, &mut out);
        assert_eq!(out.play_probability, PRICED_UNDER_PLAYED);
        assert_eq!(
            out.availability_reason,
            format!(
                "not matched to an NFL player: availability unknown; priced $3,000 against an \
                 average of {:.1}, as DraftKings prices a player who is hurt: 26% of such \
                 players played",
                2.0 * implied + 0.1
            )
        );
        // At his price's worth, or without an average, nothing changes; nor for a DST.
        for other in [
            slate_player(Position::WR, 3000, 2.0 * implied - 0.1),
            slate_player(Position::WR, 3000, 0.0),
            slate_player(Position::DST, 2000, 30.0),
        ] {
            let mut out = player(ProjectionSource::Average, PlayStatus::Unknown);
            out.play_probability = 1.0;
            priced_under_average(market, &other, &mut out);
            assert_eq!(out.play_probability, 1.0);
        }
    }

    #[test]
    fn the_salary_speaks_only_where_draftkings_has_no_average() {
        let market = crate::projection::market::shipped();
        let (points, note) =
            salary_implied(market, &slate_player(Position::RB, 5500, 0.0), None).unwrap();
        assert_eq!(points, market.view(Position::RB, 5500).unwrap().if_plays);
        assert_eq!(
            note,
            "no NFL game to project from: what a $5,500 RB scores when he plays"
        );
        assert_eq!(
            salary_implied(market, &slate_player(Position::RB, 5500, 9.1), None),
            None
        );
        assert_eq!(thousands(12_345_678), "12,345,678");
        assert_eq!(thousands(900), "900");
    }

    #[test]
    fn the_pages_are_told_when_projections_are_averages_or_availability_is_unknown() {
        use PlayStatus::{Active, Unknown};
        use ProjectionSource::{Average, Model};
        let good = vec![
            player(Model, Active),
            player(Model, Active),
            player(Average, Unknown),
        ];
        assert_eq!(notice(&good, true, &[]), None);
        assert_eq!(
            notice(&good, true, &[(2021, 13, 18), (2022, 3, 3)]).unwrap(),
            "2021 weeks 13-18, 2022 week 3 are not loaded: refresh the data (Data page, or \
             `nfl-dfs-cli ingest`). Until then who plays and recent form are judged on the \
             games before the gap, DraftKings' averages and the week's depth chart."
        );
        assert!(notice(&good, true, &[(2022, 3, 3)])
            .unwrap()
            .starts_with("2022 week 3 is not loaded"));
        assert!(notice(&good, false, &[])
            .unwrap()
            .starts_with("No model is in production"));
        let averages = vec![
            player(Average, Active),
            player(Average, Active),
            player(Model, Active),
        ];
        assert!(notice(&averages, true, &[])
            .unwrap()
            .starts_with("Most projections are"));
        let unknown = vec![
            player(Model, Unknown),
            player(Model, Unknown),
            player(Model, Active),
        ];
        assert!(notice(&unknown, true, &[])
            .unwrap()
            .starts_with("Who plays is unknown"));
    }

    #[test]
    fn a_teammate_the_slate_does_not_list_or_lists_elsewhere_has_left() {
        let plays = TeammatePlays {
            on_slate: [("stays", ("KC", 0.7)), ("moved", ("DEN", 0.9))]
                .into_iter()
                .collect(),
        };
        let ctx = Context {
            season: 2022,
            week: 1,
            team: "KC".into(),
            opponent: "ARI".into(),
            home: false,
            spread: 0.0,
            total: 45.0,
            dome: false,
            rest: 7.0,
            lines_known: false,
        };
        assert_eq!(plays.of("stays", &ctx), 0.7);
        assert_eq!(plays.of("moved", &ctx), 0.0);
        assert_eq!(plays.of("retired", &ctx), 0.0);
    }

    #[test]
    fn places_read_as_ordinals() {
        let read: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal).to_vec();
        assert_eq!(
            read,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
        );
    }

    #[test]
    fn a_new_player_is_given_the_chance_of_his_place_on_the_chart_and_told_so() {
        let market = crate::projection::market::shipped();
        let rookie = slate_player(Position::WR, 4000, 0.0);
        let shown = |place| {
            let mut out = player(ProjectionSource::Salary, PlayStatus::Active);
            new_player(market, &rookie, place, &mut out);
            assert_eq!(out.status, PlayStatus::Unknown);
            let expected = market.new_play_probability(Position::WR, 4000, place);
            assert_eq!(Some(out.play_probability), expected);
            out.availability_reason
        };
        assert_eq!(
            shown(ChartPlace::Listed(2)),
            "no NFL game yet, listed 2nd on the week's depth chart: 53% of such new players at \
             his salary play"
        );
        assert_eq!(
            shown(ChartPlace::Off),
            "no NFL game yet, not on the week's depth chart: 5% of such new players at his \
             salary play"
        );
        assert_eq!(
            shown(ChartPlace::NotLoaded),
            "no NFL game yet: 24% of new players at his salary play"
        );
    }

    #[test]
    fn a_player_after_a_gap_is_given_the_markets_chance_and_told_so() {
        let market = crate::projection::market::shipped();
        let shown = |average, place| {
            let back = slate_player(Position::RB, 6000, average);
            let mut out = player(ProjectionSource::Model, PlayStatus::Active);
            after_gap_player(market, &back, 202218, place, &mut out);
            assert_eq!(out.status, PlayStatus::Unknown);
            let expected = market.unseen_play_probability(Position::RB, 6000, place, average > 0.0);
            assert_eq!(Some(out.play_probability), expected);
            out.availability_reason
        };
        let listed = shown(14.0, ChartPlace::Listed(1));
        assert!(
            listed.starts_with(
                "no loaded game of his team since 2022 week 18, listed 1st on the week's depth \
                 chart, an average on DraftKings: "
            ),
            "{listed}"
        );
        assert!(listed.ends_with("% of such players at his salary play"));
        assert!(shown(0.0, ChartPlace::NotLoaded).starts_with(
            "no loaded game of his team since 2022 week 18, no average on DraftKings: "
        ));
    }
}
