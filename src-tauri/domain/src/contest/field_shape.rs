//! How a field's lineups are built, measured the same way for the simulated field and for a
//! real contest's: how strong they are by the app's projections, how much of the cap they
//! spend, how often the quarterback is stacked with his own pass catchers and the stack brought
//! back with an opponent. Laid side by side, the two show where the simulated field differs
//! from the one the user will face.

use super::simulate::Simulator;
use crate::dk::Position;
use serde::Serialize;
use ts_rs::TS;

/// What a lineup's player brings to the measures.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapePlayer {
    /// Position.
    pub position: Position,
    /// Team code.
    pub team: String,
    /// Opponent's code, where his game is known.
    pub opponent: Option<String>,
    /// Salary in dollars.
    pub salary: u32,
    /// The app's projection.
    pub projection: f64,
}

/// Three percentiles of a field's lineups.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Percentiles {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

impl Percentiles {
    /// The 10th, 50th and 90th percentiles of `values` (all 0 when empty).
    pub fn of(values: &mut [f64]) -> Percentiles {
        values.sort_by(f64::total_cmp);
        let at = |q: f64| {
            if values.is_empty() {
                0.0
            } else {
                values[((q * (values.len() - 1) as f64).round() as usize).min(values.len() - 1)]
            }
        };
        Percentiles {
            p10: at(0.1),
            p50: at(0.5),
            p90: at(0.9),
        }
    }
}

/// A field's lineups, measured.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldShape {
    /// Lineups measured.
    pub lineups: u32,
    /// Their projected points by the app's projections.
    pub projected: Percentiles,
    /// Mean projected points.
    pub projected_mean: f64,
    /// Median salary spent, dollars.
    pub salary_median: f64,
    /// Share of lineups spending at least $49,500.
    pub near_cap_share: f64,
    /// Share of lineups whose QB has at least one WR or TE of his team.
    pub stack_rate: f64,
    /// Share of lineups with a player of the QB's opponent (a bring-back).
    pub bring_back_rate: f64,
}

/// The least salary counted as spending the cap.
pub const NEAR_CAP: u32 = 49_500;

/// Measures `lineups` (indices into `players`).
pub fn measure(players: &[ShapePlayer], lineups: &[[usize; 9]]) -> FieldShape {
    let n = lineups.len().max(1) as f64;
    let mut projected: Vec<f64> = Vec::with_capacity(lineups.len());
    let mut salaries: Vec<f64> = Vec::with_capacity(lineups.len());
    let (mut near_cap, mut stacked, mut brought_back) = (0u32, 0u32, 0u32);
    for lineup in lineups {
        let members = lineup.map(|i| &players[i]);
        projected.push(members.iter().map(|p| p.projection).sum());
        let salary: u32 = members.iter().map(|p| p.salary).sum();
        salaries.push(f64::from(salary));
        near_cap += u32::from(salary >= NEAR_CAP);
        let Some(qb) = members.iter().find(|p| p.position == Position::QB) else {
            continue;
        };
        stacked += u32::from(
            members
                .iter()
                .any(|p| p.team == qb.team && matches!(p.position, Position::WR | Position::TE)),
        );
        brought_back += u32::from(members.iter().any(|p| {
            qb.opponent.as_deref() == Some(p.team.as_str()) && p.position != Position::DST
        }));
    }
    let projected_mean = projected.iter().sum::<f64>() / n;
    FieldShape {
        lineups: lineups.len() as u32,
        projected: Percentiles::of(&mut projected),
        projected_mean,
        salary_median: Percentiles::of(&mut salaries).p50,
        near_cap_share: f64::from(near_cap) / n,
        stack_rate: f64::from(stacked) / n,
        bring_back_rate: f64::from(brought_back) / n,
    }
}

/// A field's points over `simulations` slates (simulation `i` draws stream `i` of `seed`; its
/// entrants swap out who sits, as the pick's field does; a `sampled` field, the pick's, also
/// takes the simulator's field edge, real lineups do not): the field's 10th, 50th and 90th
/// percentile scores in a typical slate (each the median over the slates), and how the
/// field's median moves from slate to slate (its 10th, 50th and 90th percentiles over the
/// slates).
pub fn simulated_points(
    simulator: &Simulator,
    field: &[[u16; 9]],
    simulations: usize,
    seed: u64,
    sampled: bool,
) -> (Percentiles, Percentiles) {
    let mut scratch = Vec::new();
    let mut points = vec![0.0; simulator.len()];
    let mut swapped = vec![0.0; simulator.len()];
    let mut scores = vec![0.0; field.len()];
    let (mut p10s, mut p50s, mut p90s) = (Vec::new(), Vec::new(), Vec::new());
    for sim in 0..simulations {
        let mut rng = Simulator::rng(seed, sim as u64);
        simulator.draw_slate(&mut rng, &mut scratch, &mut points, Some(&mut swapped));
        let edge = if sampled {
            simulator.field_multiplier(&mut rng)
        } else {
            1.0
        };
        for (s, lineup) in scores.iter_mut().zip(field) {
            *s = edge * lineup.iter().map(|&i| swapped[i as usize]).sum::<f64>();
        }
        let slate = Percentiles::of(&mut scores);
        p10s.push(slate.p10);
        p50s.push(slate.p50);
        p90s.push(slate.p90);
    }
    // The median's spread over the slates; its middle is the typical slate's median.
    let range = Percentiles::of(&mut p50s);
    let typical = Percentiles {
        p10: Percentiles::of(&mut p10s).p50,
        p50: range.p50,
        p90: Percentiles::of(&mut p90s).p50,
    };
    (typical, range)
}

/// A field scored on one set of player points (what they really scored): its 10th, 50th and
/// 90th percentile scores, and the cash line of a contest paying `paid` of `opponents`
/// opponents that the field stands for (None when the field is empty or pays no one).
pub fn scored_on(
    field: &[[u16; 9]],
    points: &[f64],
    opponents: u32,
    paid: u32,
) -> (Percentiles, Option<f64>) {
    let mut scores: Vec<f64> = field
        .iter()
        .map(|l| {
            l.iter()
                .map(|&i| points.get(i as usize).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let percentiles = Percentiles::of(&mut scores);
    let scale = f64::from(opponents.max(1)) / scores.len().max(1) as f64;
    let line = (paid > 0 && !scores.is_empty())
        .then(|| crate::contest::pick::sample_cash_line(&scores, f64::from(paid), scale));
    (percentiles, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn player(position: Position, team: &str, opponent: &str, salary: u32) -> ShapePlayer {
        ShapePlayer {
            position,
            team: team.into(),
            opponent: Some(opponent.into()),
            salary,
            projection: f64::from(salary) / 400.0,
        }
    }

    #[test]
    fn stacks_bring_backs_and_the_cap_are_counted() {
        use Position::*;
        let players = vec![
            player(QB, "A", "B", 7000),  // 0
            player(WR, "A", "B", 6000),  // 1: the QB's receiver
            player(WR, "B", "A", 6000),  // 2: an opponent
            player(WR, "C", "D", 5000),  // 3
            player(RB, "C", "D", 6000),  // 4
            player(RB, "D", "C", 5500),  // 5
            player(TE, "D", "C", 4000),  // 6
            player(RB, "E", "F", 5000),  // 7
            player(DST, "F", "E", 3000), // 8
            player(WR, "E", "F", 2400),  // 9
        ];
        let stacked = [0, 4, 5, 1, 2, 3, 6, 7, 8];
        let plain = [0, 4, 5, 9, 3, 2, 6, 7, 8];
        let shape = measure(&players, &[stacked, plain]);
        assert_eq!(shape.lineups, 2);
        assert!((shape.stack_rate - 0.5).abs() < 1e-9);
        assert!((shape.bring_back_rate - 1.0).abs() < 1e-9);
        // 47,500 and 43,900 spent: neither near the cap.
        assert_eq!(shape.near_cap_share, 0.0);
        assert!((shape.projected_mean - (47_500.0 + 43_900.0) / 2.0 / 400.0).abs() < 1e-9);
        assert!(shape.projected.p10 <= shape.projected.p50);
        assert!(shape.projected.p50 <= shape.projected.p90);
    }

    #[test]
    fn a_field_scored_on_real_points_gives_its_cash_line_at_the_contest_size() {
        // Player i scored i points; lineup k holds players k..k + 9.
        let points: Vec<f64> = (0..20).map(f64::from).collect();
        let field: Vec<[u16; 9]> = (0..4u16)
            .map(|k| std::array::from_fn(|j| k + j as u16))
            .collect();
        // Scores 36, 45, 54, 63; each lineup stands for two of eight opponents, four paid: the
        // line is the second best, 54.
        let (percentiles, line) = scored_on(&field, &points, 8, 4);
        assert_eq!(line, Some(54.0));
        assert_eq!((percentiles.p10, percentiles.p90), (36.0, 63.0));
        // Paying one of eight: the best lineup's score; paying no one, no line.
        assert_eq!(scored_on(&field, &points, 8, 1).1, Some(63.0));
        assert_eq!(scored_on(&field, &points, 8, 0).1, None);
        assert_eq!(scored_on(&[], &points, 8, 4).1, None);
    }

    #[test]
    fn an_empty_field_measures_zero() {
        let shape = measure(&[], &[]);
        assert_eq!(shape.lineups, 0);
        assert_eq!(shape.projected.p50, 0.0);
        assert_eq!(shape.stack_rate, 0.0);
    }
}
