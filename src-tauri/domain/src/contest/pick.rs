//! The pick: every candidate lineup and the whole field scored in each simulated slate, ranked
//! against the field, paid by the contest's table. What a candidate is worth is what it wins on
//! average; the pick is the candidate with the highest expected payout (for a double-up,
//! P(cash) × prize). A field sampled smaller than the contest stands for the whole of it: the
//! opponents above a score are counted in the sample and scaled to the contest's size. The
//! field's entrants swap out a player who sits before lock (see [`Simulator::draw_slate`]) and
//! score the slate's field edge more (see [`Simulator::field_multiplier`]); the candidates are
//! scored as entered, a player who sits scoring 0.

use super::field::FieldLineup;
use super::simulate::{truth, Simulator};
use super::Contest;
use rayon::prelude::*;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use ts_rs::TS;

/// Width of a histogram bin, points.
pub const BIN_POINTS: f64 = 2.0;
/// The lowest score the histograms hold (lower counts here).
pub const HISTOGRAM_FROM: f64 = -10.0;
/// Bins of a histogram (scores above the last count in it).
pub const BINS: usize = 200;
/// Simulations per unit of work (progress and cancel are checked between units).
const CHUNK: usize = 250;

/// How one candidate fared over all the simulated slates.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CandidateOutcome {
    /// Share of slates in which it was paid.
    pub p_cash: f64,
    /// Its share paid in the fifth of slates where the projections were least right (the truth
    /// nearest the market): the low end of its P(cash) range.
    pub p_cash_low: f64,
    /// Its share paid in the fifth of slates where the projections were most right: the high
    /// end of its P(cash) range.
    pub p_cash_high: f64,
    /// Mean prize, dollars.
    pub expected_payout: f64,
    /// Return on the fee: expected payout / fee - 1.
    pub roi: f64,
    /// Share of slates in which it finished in the top 1% of the field.
    pub p_top1: f64,
    /// Mean score.
    pub mean: f64,
    /// 10th percentile score.
    pub p10: f64,
    /// Median score.
    pub p50: f64,
    /// 90th percentile score.
    pub p90: f64,
}

/// What the simulation found for every candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// One per candidate, in the candidates' order.
    pub outcomes: Vec<CandidateOutcome>,
    /// Each candidate's score histogram ([`BINS`] bins of [`BIN_POINTS`] from
    /// [`HISTOGRAM_FROM`]).
    pub histograms: Vec<Vec<u32>>,
    /// The cash line (score of the last paid rank) in each simulated slate.
    pub cash_lines: Vec<f64>,
    /// Share of the simulated slates in which each candidate scored highest of all the
    /// candidates (ties go to the earlier one); the shares sum to 1.
    pub top_rates: Vec<f64>,
    /// Slates simulated.
    pub simulations: usize,
}

impl Evaluation {
    /// The index of the candidate with the highest expected payout (ties: the higher P(cash),
    /// then the earlier candidate).
    pub fn best(&self) -> Option<usize> {
        (0..self.outcomes.len()).max_by(|&a, &b| {
            let (x, y) = (&self.outcomes[a], &self.outcomes[b]);
            x.expected_payout
                .total_cmp(&y.expected_payout)
                .then(x.p_cash.total_cmp(&y.p_cash))
                .then(b.cmp(&a))
        })
    }
}

/// Per-thread running totals.
#[derive(Clone)]
struct Totals {
    cash: Vec<u32>,
    /// Paid slates among those where the projections were least / most right.
    cash_ends: Vec<[u32; 2]>,
    /// Slates where the projections were least / most right.
    ends: [u32; 2],
    payout: Vec<f64>,
    top1: Vec<u32>,
    sum: Vec<f64>,
    histograms: Vec<Vec<u32>>,
    /// Slates in which each candidate scored highest.
    top: Vec<u32>,
}

impl Totals {
    fn new(candidates: usize) -> Totals {
        Totals {
            cash: vec![0; candidates],
            cash_ends: vec![[0; 2]; candidates],
            ends: [0; 2],
            payout: vec![0.0; candidates],
            top1: vec![0; candidates],
            sum: vec![0.0; candidates],
            histograms: vec![vec![0; BINS]; candidates],
            top: vec![0; candidates],
        }
    }

    fn merge(mut self, other: Totals) -> Totals {
        self.ends[0] += other.ends[0];
        self.ends[1] += other.ends[1];
        for c in 0..self.cash.len() {
            self.cash[c] += other.cash[c];
            self.cash_ends[c][0] += other.cash_ends[c][0];
            self.cash_ends[c][1] += other.cash_ends[c][1];
            self.payout[c] += other.payout[c];
            self.top1[c] += other.top1[c];
            self.sum[c] += other.sum[c];
            self.top[c] += other.top[c];
            for (a, b) in self.histograms[c].iter_mut().zip(&other.histograms[c]) {
                *a += b;
            }
        }
        self
    }
}

/// The cash line as a sampled field sees it: the score of the `paid`-th best opponent, where
/// each of the sample's lineups (`sorted` ascending) stands for `scale` opponents; minus
/// infinity when the sample is empty (everyone is paid).
pub fn sample_cash_line(sorted: &[f64], paid: f64, scale: f64) -> f64 {
    let from_top = (paid / scale).ceil().max(1.0) as usize;
    sorted
        .len()
        .checked_sub(from_top)
        .map_or(f64::NEG_INFINITY, |k| sorted[k])
}

/// The histogram bin a score falls in (the first and last bins hold everything beyond).
pub fn bin(score: f64) -> usize {
    (((score - HISTOGRAM_FROM) / BIN_POINTS).floor().max(0.0) as usize).min(BINS - 1)
}

/// Simulates `simulations` slates (simulation `i` draws stream `i` of `seed`, so the result
/// does not depend on the threads) and scores `candidates` against `field` in `contest`
/// (without a contest only the scores are measured: P(cash), payout and ROI stay 0).
/// `on_progress(done, total)` is called between chunks of simulations and returns false to
/// cancel, in which case None is returned.
pub fn evaluate(
    simulator: &Simulator,
    candidates: &[FieldLineup],
    field: &[FieldLineup],
    contest: Option<&Contest>,
    simulations: usize,
    seed: u64,
    on_progress: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Option<Evaluation> {
    let prizes = contest.map(|c| c.payouts.table());
    let entries = contest.map_or(1, |c| c.entries);
    let opponents = f64::from(entries.saturating_sub(1).max(1));
    let scale = opponents / field.len().max(1) as f64;
    let paid = contest.map_or(0.0, |c| f64::from(c.payouts.paid()));
    let top1 = (f64::from(entries) / 100.0).max(1.0);
    let ranked = contest.is_some() && !field.is_empty();
    let chunks = simulations.div_ceil(CHUNK);
    let done = AtomicUsize::new(0);
    let cancelled = AtomicBool::new(false);
    let results: Vec<(Totals, Vec<f64>)> = (0..chunks)
        .into_par_iter()
        .map(|chunk| {
            let mut totals = Totals::new(candidates.len());
            let mut lines = Vec::with_capacity(CHUNK);
            if cancelled.load(Ordering::Relaxed) {
                return (totals, lines);
            }
            let mut scratch = Vec::new();
            let mut points = vec![0.0; simulator.len()];
            let mut swapped = vec![0.0; simulator.len()];
            let mut field_scores = vec![0.0f64; field.len()];
            let end = ((chunk + 1) * CHUNK).min(simulations);
            for sim in chunk * CHUNK..end {
                let mut rng = Simulator::rng(seed, sim as u64);
                let truth =
                    simulator.draw_slate(&mut rng, &mut scratch, &mut points, Some(&mut swapped));
                let edge = simulator.field_multiplier(&mut rng);
                let end = match truth::end_of(truth) {
                    -1 => Some(0),
                    1 => Some(1),
                    _ => None,
                };
                if let Some(e) = end {
                    totals.ends[e] += 1;
                }
                let score = |l: &FieldLineup| l.iter().map(|&i| points[i as usize]).sum::<f64>();
                // The field swaps out who sits; the candidates are scored as entered.
                for (s, l) in field_scores.iter_mut().zip(field) {
                    *s = edge * l.iter().map(|&i| swapped[i as usize]).sum::<f64>();
                }
                field_scores.sort_unstable_by(f64::total_cmp);
                lines.push(sample_cash_line(&field_scores, paid, scale));
                let mut top: Option<(usize, f64)> = None;
                for (c, lineup) in candidates.iter().enumerate() {
                    let s = score(lineup);
                    if top.is_none_or(|(_, best)| s > best) {
                        top = Some((c, s));
                    }
                    totals.sum[c] += s;
                    totals.histograms[c][bin(s)] += 1;
                    let Some(prizes) = prizes.as_ref().filter(|_| ranked) else {
                        continue;
                    };
                    let below = field_scores.partition_point(|&v| v < s);
                    let not_above = field_scores.partition_point(|&v| v <= s);
                    let above = (field_scores.len() - not_above) as f64 * scale;
                    let tied = (not_above - below) as f64 * scale;
                    let prize = prizes.share(above, tied);
                    totals.payout[c] += prize;
                    let paid_here = u32::from(above + 1.0 <= paid);
                    totals.cash[c] += paid_here;
                    if let Some(e) = end {
                        totals.cash_ends[c][e] += paid_here;
                    }
                    totals.top1[c] += u32::from(above + 1.0 <= top1);
                }
                if let Some((c, _)) = top {
                    totals.top[c] += 1;
                }
            }
            let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
            if !on_progress(finished * CHUNK.min(simulations), simulations) {
                cancelled.store(true, Ordering::Relaxed);
            }
            (totals, lines)
        })
        .collect();
    if cancelled.load(Ordering::Relaxed) {
        return None;
    }
    let mut cash_lines = Vec::with_capacity(simulations);
    let mut totals = Totals::new(candidates.len());
    for (t, lines) in results {
        totals = totals.merge(t);
        cash_lines.extend(lines);
    }
    let n = simulations.max(1) as f64;
    let outcomes = (0..candidates.len())
        .map(|c| {
            let expected_payout = totals.payout[c] / n;
            let share =
                |e: usize| f64::from(totals.cash_ends[c][e]) / f64::from(totals.ends[e].max(1));
            CandidateOutcome {
                p_cash: f64::from(totals.cash[c]) / n,
                p_cash_low: share(0),
                p_cash_high: share(1),
                expected_payout,
                roi: contest.map_or(0.0, |c| c.roi(expected_payout)),
                p_top1: f64::from(totals.top1[c]) / n,
                mean: totals.sum[c] / n,
                p10: histogram_quantile(&totals.histograms[c], 0.10),
                p50: histogram_quantile(&totals.histograms[c], 0.50),
                p90: histogram_quantile(&totals.histograms[c], 0.90),
            }
        })
        .collect();
    Some(Evaluation {
        outcomes,
        top_rates: totals.top.iter().map(|&t| f64::from(t) / n).collect(),
        histograms: totals.histograms,
        cash_lines,
        simulations,
    })
}

/// The score at quantile `q` of a histogram (the middle of the bin it falls in).
pub fn histogram_quantile(histogram: &[u32], q: f64) -> f64 {
    let total: u64 = histogram.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return 0.0;
    }
    let wanted = (q * total as f64).ceil().max(1.0) as u64;
    let mut seen = 0u64;
    for (b, &c) in histogram.iter().enumerate() {
        seen += u64::from(c);
        if seen >= wanted {
            return HISTOGRAM_FROM + (b as f64 + 0.5) * BIN_POINTS;
        }
    }
    HISTOGRAM_FROM + (BINS as f64 - 0.5) * BIN_POINTS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::simulate::{Correlations, Marginal, SimPlayer};
    use crate::contest::{ContestType, Payouts};
    use crate::dk::Position;
    use crate::projection::distribution::Quantiles;

    fn sim_player(team: &str, mean: f64, spread: f64) -> SimPlayer {
        SimPlayer {
            position: Position::WR,
            team: team.into(),
            opponent: None,
            if_plays: mean,
            marginal: Marginal {
                quantiles: Quantiles::from_array([
                    (mean - 1.6 * spread).max(0.0),
                    mean - spread,
                    mean,
                    mean + spread,
                    mean + 1.6 * spread,
                ]),
                play_probability: 1.0,
                tail: 1.0,
            },
            anchor: None,
        }
    }

    fn contest(contest_type: ContestType, entries: u32) -> Contest {
        Contest::new(
            1,
            1,
            "test".into(),
            contest_type,
            10.0,
            entries,
            Payouts::preset(contest_type, entries, 10.0).unwrap(),
        )
    }

    /// Eighteen players each on his own team: 0-8 steady 10-pointers, 9-17 volatile
    /// 10-pointers. Against a field of steady lineups a tournament pays the volatile lineup
    /// far more: it alone can finish on top.
    #[test]
    fn a_tournament_prefers_upside_and_every_figure_is_consistent() {
        let mut players: Vec<SimPlayer> = (0..9)
            .map(|i| sim_player(&format!("S{i}"), 10.0, 1.0))
            .collect();
        players.extend((0..9).map(|i| sim_player(&format!("V{i}"), 10.0, 8.0)));
        players.push(sim_player("W", 9.0, 1.0));
        let sim = Simulator::new(&players, &Correlations::independent()).unwrap();
        let steady: FieldLineup = std::array::from_fn(|i| i as u16);
        let volatile: FieldLineup = std::array::from_fn(|i| (i + 9) as u16);
        let weak: FieldLineup = std::array::from_fn(|i| if i == 0 { 18 } else { i as u16 });
        let field = vec![steady; 200];
        let tournament = contest(ContestType::Tournament, 1000);
        let progress = |_: usize, _: usize| true;
        let e = evaluate(
            &sim,
            &[steady, volatile, weak],
            &field,
            Some(&tournament),
            2000,
            3,
            &progress,
        )
        .unwrap();
        assert!(e.outcomes[1].expected_payout > e.outcomes[0].expected_payout);
        assert_eq!(e.best(), Some(1));
        assert!(e.outcomes[1].p_top1 > 0.2, "{:?}", e.outcomes[1]);
        assert!(e.outcomes[2].mean < e.outcomes[0].mean);
        for (o, lineup) in e.outcomes.iter().zip([steady, volatile, weak]) {
            assert!((0.0..=1.0).contains(&o.p_cash) && o.p10 <= o.p50 && o.p50 <= o.p90);
            // A simulated lineup averages its projection, whatever its range's shape.
            let mean: f64 = lineup.iter().map(|&i| players[i as usize].if_plays).sum();
            assert!((o.mean - mean).abs() < 1.0, "{} vs {mean}", o.mean);
            assert!((o.roi - (o.expected_payout / 10.0 - 1.0)).abs() < 1e-12);
        }
        assert_eq!(e.cash_lines.len(), 2000);
        assert_eq!(e.histograms[0].iter().sum::<u32>(), 2000);
        // The best candidate of each slate: the volatile lineup most often; the weak one, the
        // steady lineup with a worse player in one slot, less often than the steady one.
        assert!((e.top_rates.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let r = &e.top_rates;
        assert!(r[1] > r[0] && r[0] > r[2] && r[2] > 0.0, "{r:?}");
        // Same seed, same answer, whatever the threads did.
        let again = evaluate(
            &sim,
            &[steady, volatile, weak],
            &field,
            Some(&tournament),
            2000,
            3,
            &progress,
        )
        .unwrap();
        assert_eq!(e.outcomes, again.outcomes);
    }

    #[test]
    fn a_double_up_pays_p_cash_times_the_prize_and_cancel_stops() {
        let players: Vec<SimPlayer> = (0..18)
            .map(|i| sim_player(&format!("T{i}"), 10.0, 3.0))
            .collect();
        let sim = Simulator::new(&players, &Correlations::independent()).unwrap();
        let a: FieldLineup = std::array::from_fn(|i| i as u16);
        let b: FieldLineup = std::array::from_fn(|i| (i + 9) as u16);
        let double = contest(ContestType::DoubleUp, 100);
        let progress = |_: usize, _: usize| true;
        let e = evaluate(&sim, &[a], &[a, b, b, b], Some(&double), 1000, 1, &progress).unwrap();
        let o = &e.outcomes[0];
        assert!((o.expected_payout - o.p_cash * 20.0).abs() < 1e-9, "{o:?}");
        let stop = |_: usize, _: usize| false;
        assert!(evaluate(&sim, &[a], &[b], Some(&double), 5000, 1, &stop).is_none());
    }
}
