//! Whole slates drawn at once: every player's DraftKings points from his own distribution
//! ([`marginal`]), tied together game by game through a Gaussian copula whose correlations
//! were estimated from history ([`correlations`]). A team's players take the roles of the
//! estimate by projection (the best-projected WR is the WR1); a player beyond his position's
//! roles (a WR4, an RB3) is drawn from the conditional distribution of his position's last role
//! given the rest of the game, so he moves with his game as that role does without being that
//! role's twin. Whether a player plays is drawn apart from how he scores; a player who sits
//! scores 0. Before any of that, each slate draws how right the projections are this time
//! ([`truth`]): a player's draw is centred between the app's number and the market's; and how
//! much better than the app's view the field drafted ([`field_edge`]). Draws are reproducible:
//! simulation `i` of seed `s` always draws the same slate.

pub mod correlations;
pub mod field_edge;
pub mod marginal;
pub mod truth;

pub use correlations::{Correlations, GAME_ROLES, TEAM_ROLES};
pub use field_edge::FieldEdge;
pub use marginal::Marginal;
pub use truth::{MarketAnchor, TruthWeight};

use crate::dk::Position;
use crate::linalg::{cholesky, solve_with_factor};
use correlations::role_at;
use marginal::normal_cdf;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use std::collections::HashMap;

/// One player as the simulator sees him.
#[derive(Debug, Clone, PartialEq)]
pub struct SimPlayer {
    /// Position.
    pub position: Position,
    /// Team code.
    pub team: String,
    /// Opponent's code (None: his game is unknown, his team is simulated alone).
    pub opponent: Option<String>,
    /// Projected points if he plays: ranks him within his team's position (his role).
    pub if_plays: f64,
    /// His distribution.
    pub marginal: Marginal,
    /// What the market says of him, where the truth may lie away from the app's number (None:
    /// the number is taken as the centre, as for a user's own projection or a DST).
    pub anchor: Option<MarketAnchor>,
}

/// Where a player's correlated draw comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placement {
    /// His game.
    game: usize,
    /// His role in the game (0-15).
    role: usize,
    /// Whether he holds the role himself (else he is drawn from it conditionally).
    own: bool,
}

/// A role's distribution given the other 15 roles of its game.
#[derive(Debug, Clone, PartialEq)]
struct Conditional {
    /// Weights of the other roles (0 at the role itself).
    beta: [f64; GAME_ROLES],
    /// Standard deviation left over.
    sigma: f64,
}

/// Draws whole slates for a fixed list of players.
#[derive(Debug, Clone)]
pub struct Simulator {
    placements: Vec<Placement>,
    marginals: Vec<Marginal>,
    /// Each player's points if he plays and market anchor (see [`truth::factor`]).
    anchors: Vec<(f64, Option<MarketAnchor>)>,
    /// Each player's draw multiplier that makes his distribution's mean his projection (see
    /// [`mean_scale`]).
    mean_scales: Vec<f64>,
    games: usize,
    /// Lower Cholesky factor of the game's correlations, row-major.
    factor: Vec<f64>,
    conditionals: Vec<Conditional>,
    /// How much better than the app's view the field drafts.
    field_edge: FieldEdge,
}

impl Simulator {
    /// A simulator for `players` (indices into this list are the players' numbers in every
    /// draw). Fails when the correlations are not a valid correlation matrix.
    pub fn new(players: &[SimPlayer], correlations: &Correlations) -> Result<Simulator, String> {
        correlations.check()?;
        let factor = cholesky(&correlations.matrix, GAME_ROLES)
            .ok_or("the correlation matrix is not positive definite")?;
        let conditionals = (0..GAME_ROLES)
            .map(|r| conditional(&correlations.matrix, r))
            .collect::<Result<Vec<_>, _>>()?;
        // Games by their two teams; a team's side is 0 when it sorts first.
        let mut games: HashMap<(String, String), usize> = HashMap::new();
        let mut order: Vec<usize> = (0..players.len()).collect();
        order.sort_by(|&a, &b| players[b].if_plays.total_cmp(&players[a].if_plays));
        let mut ranks: HashMap<(&str, Position), usize> = HashMap::new();
        let mut placements = vec![
            Placement {
                game: 0,
                role: 0,
                own: true
            };
            players.len()
        ];
        for i in order {
            let p = &players[i];
            let opponent = p.opponent.clone().unwrap_or_default();
            let (key, side) = if opponent.is_empty() || p.team <= opponent {
                ((p.team.clone(), opponent), 0)
            } else {
                ((opponent, p.team.clone()), TEAM_ROLES)
            };
            let next = games.len();
            let game = *games.entry(key).or_insert(next);
            let rank = ranks.entry((p.team.as_str(), p.position)).or_insert(0);
            let (role, own) = role_at(p.position, *rank);
            *rank += 1;
            placements[i] = Placement {
                game,
                role: side + role,
                own,
            };
        }
        Ok(Simulator {
            placements,
            marginals: players.iter().map(|p| p.marginal).collect(),
            anchors: players.iter().map(|p| (p.if_plays, p.anchor)).collect(),
            mean_scales: players.iter().map(mean_scale).collect(),
            games: games.len(),
            factor,
            conditionals,
            field_edge: FieldEdge::NONE,
        })
    }

    /// The same simulator with the field's edge over the app's view (none by default).
    pub fn with_field_edge(mut self, edge: FieldEdge) -> Simulator {
        self.field_edge = edge;
        self
    }

    /// The multiplier of the field's scores in one simulated slate: drawn from `rng` after
    /// the slate (1, and nothing drawn, without an edge).
    pub fn field_multiplier(&self, rng: &mut impl Rng) -> f64 {
        if self.field_edge.is_none() {
            return 1.0;
        }
        self.field_edge.multiplier(rng.sample(StandardNormal))
    }

    /// Player `i`'s draw multiplier in a slate where the projections are as right as usual:
    /// the truth's centre over the app's number (1 for a player without a market anchor).
    pub fn centre(&self, i: usize) -> f64 {
        let (if_plays, anchor) = &self.anchors[i];
        truth::factor(anchor.as_ref(), *if_plays, 0.0)
    }

    /// Players per draw.
    pub fn len(&self) -> usize {
        self.marginals.len()
    }

    /// Whether there is nobody to simulate.
    pub fn is_empty(&self) -> bool {
        self.marginals.is_empty()
    }

    /// The random stream of simulation `index` under `seed`.
    pub fn rng(seed: u64, index: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(index);
        rng
    }

    /// Draws one slate into `points` (one value per player) and returns the slate's standard
    /// normal draw of how right the projections are (see [`truth`]; above 0 the app is more
    /// right than usual). `scratch` is reused between calls.
    pub fn draw(&self, rng: &mut impl Rng, scratch: &mut Vec<f64>, points: &mut [f64]) -> f64 {
        self.draw_slate(rng, scratch, points, None)
    }

    /// [`Simulator::draw`], and into `swapped` what each player is worth to a field lineup: the
    /// same, except that a player who sits is worth his if-he-plays draw, as the like-for-like
    /// replacement an entrant swaps in before lock would be (nearly every real lineup spends the
    /// cap and holds no inactive player). The draws are the same as [`Simulator::draw`]'s.
    pub fn draw_slate(
        &self,
        rng: &mut impl Rng,
        scratch: &mut Vec<f64>,
        points: &mut [f64],
        mut swapped: Option<&mut [f64]>,
    ) -> f64 {
        let truth: f64 = rng.sample(StandardNormal);
        scratch.clear();
        scratch.resize(self.games * GAME_ROLES, 0.0);
        let mut eps = [0.0f64; GAME_ROLES];
        for game in 0..self.games {
            for e in eps.iter_mut() {
                *e = rng.sample(StandardNormal);
            }
            let z = &mut scratch[game * GAME_ROLES..(game + 1) * GAME_ROLES];
            for (i, zi) in z.iter_mut().enumerate() {
                let row = &self.factor[i * GAME_ROLES..i * GAME_ROLES + i + 1];
                *zi = row.iter().zip(&eps).map(|(l, e)| l * e).sum();
            }
        }
        let slate = (self.placements.iter().zip(&self.marginals))
            .zip(self.anchors.iter().zip(&self.mean_scales));
        for (i, ((place, marginal), ((if_plays, anchor), scale))) in slate.enumerate() {
            let z = &scratch[place.game * GAME_ROLES..(place.game + 1) * GAME_ROLES];
            let zi = if place.own {
                z[place.role]
            } else {
                let c = &self.conditionals[place.role];
                let noise: f64 = rng.sample(StandardNormal);
                c.beta.iter().zip(z).map(|(b, v)| b * v).sum::<f64>() + c.sigma * noise
            };
            let plays = rng.random::<f64>() < marginal.play_probability;
            let value = marginal.points(normal_cdf(zi))
                * scale
                * truth::factor(anchor.as_ref(), *if_plays, truth);
            points[i] = if plays { value } else { 0.0 };
            if let Some(swapped) = swapped.as_deref_mut() {
                swapped[i] = value;
            }
        }
        truth
    }
}

/// The multiplier that makes a player's simulated mean (if he plays) his projection: his range
/// comes from quantile models whose joined percentiles and boom tail average more than the
/// projection the models validate as the expectation (about a tenth more on real slates), and a
/// simulation that scored every player above his projection would see every lineup, the field's
/// and the pick's, stronger than it is. Kept within 0.5-2; 1 when either number is under half a
/// point.
fn mean_scale(p: &SimPlayer) -> f64 {
    let mean = p.marginal.mean_if_plays();
    if p.if_plays >= 0.5 && mean >= 0.5 {
        (p.if_plays / mean).clamp(0.5, 2.0)
    } else {
        1.0
    }
}

/// Role `r` given the other roles: `beta = C[r,S] C[S,S]^-1`, `sigma² = 1 - C[r,S] beta`.
fn conditional(matrix: &[f64], r: usize) -> Result<Conditional, String> {
    let others: Vec<usize> = (0..GAME_ROLES).filter(|&k| k != r).collect();
    let n = others.len();
    let mut sub = vec![0.0; n * n];
    for (a, &i) in others.iter().enumerate() {
        for (b, &j) in others.iter().enumerate() {
            sub[a * n + b] = matrix[i * GAME_ROLES + j];
        }
    }
    let l = cholesky(&sub, n).ok_or("the correlation matrix is not positive definite")?;
    let rhs: Vec<f64> = others.iter().map(|&i| matrix[r * GAME_ROLES + i]).collect();
    let x = solve_with_factor(&l, n, &rhs);
    let mut beta = [0.0; GAME_ROLES];
    let mut explained = 0.0;
    for (a, &i) in others.iter().enumerate() {
        beta[i] = x[a];
        explained += rhs[a] * x[a];
    }
    Ok(Conditional {
        beta,
        sigma: (1.0 - explained).max(0.0).sqrt(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::distribution::Quantiles;

    fn player(position: Position, team: &str, opponent: &str, if_plays: f64) -> SimPlayer {
        SimPlayer {
            position,
            team: team.into(),
            opponent: Some(opponent.into()),
            if_plays,
            marginal: Marginal {
                quantiles: Quantiles::from_array([
                    if_plays * 0.2,
                    if_plays * 0.5,
                    if_plays,
                    if_plays * 1.5,
                    if_plays * 1.9,
                ]),
                play_probability: 1.0,
                tail: 1.0,
            },
            anchor: None,
        }
    }

    fn pearson(x: &[f64], y: &[f64]) -> f64 {
        let n = x.len() as f64;
        let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
        let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
        let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
        let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
        sxy / (sxx * syy).sqrt()
    }

    fn correlations(pairs: &[(usize, usize, f64)]) -> Correlations {
        let mut c = Correlations::independent();
        for &(a, b, r) in pairs {
            c.matrix[a * GAME_ROLES + b] = r;
            c.matrix[b * GAME_ROLES + a] = r;
        }
        c
    }

    #[test]
    fn draws_follow_the_roles_correlations_and_keep_each_players_percentiles() {
        // QB-WR1 0.5 within a team; the opposing QBs 0.3.
        let c = correlations(&[(0, 3, 0.5), (8, 11, 0.5), (0, 8, 0.3)]);
        let players = vec![
            player(Position::QB, "AAA", "BBB", 20.0),
            player(Position::WR, "AAA", "BBB", 15.0),
            player(Position::WR, "AAA", "BBB", 6.0),
            player(Position::QB, "BBB", "AAA", 18.0),
        ];
        let sim = Simulator::new(&players, &c).unwrap();
        let n = 20_000;
        let mut draws = vec![Vec::with_capacity(n); players.len()];
        let mut scratch = Vec::new();
        let mut points = vec![0.0; players.len()];
        for i in 0..n {
            let mut rng = Simulator::rng(42, i as u64);
            sim.draw(&mut rng, &mut scratch, &mut points);
            for (d, v) in draws.iter_mut().zip(&points) {
                d.push(*v);
            }
        }
        let qb_wr1 = pearson(&draws[0], &draws[1]);
        let qb_qb = pearson(&draws[0], &draws[3]);
        let qb_wr2 = pearson(&draws[0], &draws[2]);
        assert!((qb_wr1 - 0.5).abs() < 0.06, "QB-WR1 {qb_wr1}");
        assert!((qb_qb - 0.3).abs() < 0.06, "QB-QB {qb_qb}");
        assert!(qb_wr2.abs() < 0.05, "QB-WR2 {qb_wr2}");
        let mut qb = draws[0].clone();
        qb.sort_by(f64::total_cmp);
        let p15 = qb[(0.15 * n as f64) as usize];
        let p85 = qb[(0.85 * n as f64) as usize];
        assert!(
            (p15 - 10.0).abs() < 0.5 && (p85 - 30.0).abs() < 0.8,
            "{p15} {p85}"
        );
    }

    #[test]
    fn a_player_who_may_sit_scores_zero_that_often_and_draws_repeat_with_the_seed() {
        let mut out = player(Position::RB, "AAA", "BBB", 12.0);
        out.marginal.play_probability = 0.25;
        let sim = Simulator::new(&[out], &Correlations::independent()).unwrap();
        let mut scratch = Vec::new();
        let mut points = [0.0];
        let mut zeros = 0;
        for i in 0..4000 {
            sim.draw(&mut Simulator::rng(1, i), &mut scratch, &mut points);
            zeros += usize::from(points[0] == 0.0);
        }
        assert!((2850..3150).contains(&zeros), "{zeros}");
        let mut again = [0.0];
        sim.draw(&mut Simulator::rng(9, 3), &mut scratch, &mut points);
        sim.draw(&mut Simulator::rng(9, 3), &mut scratch, &mut again);
        assert_eq!(points, again);
    }

    #[test]
    fn draws_average_the_projection_centred_between_the_app_and_the_market() {
        // A skewed range whose joined percentiles average more than the projection.
        let mut plain = player(Position::WR, "AAA", "BBB", 20.0);
        plain.marginal.quantiles = Quantiles::from_array([5.0, 10.0, 20.0, 34.0, 45.0]);
        assert!(plain.marginal.mean_if_plays() > 21.0);
        let mut anchored = plain.clone();
        anchored.team = "CCC".into();
        anchored.opponent = Some("DDD".into());
        anchored.anchor = Some(MarketAnchor {
            if_plays: 10.0,
            weight: TruthWeight {
                mean: 0.4,
                spread: 0.0,
            },
        });
        let sim = Simulator::new(&[plain, anchored], &Correlations::independent()).unwrap();
        let n = 40_000;
        let (mut sums, mut scratch, mut points) = ([0.0; 2], Vec::new(), [0.0; 2]);
        for i in 0..n {
            sim.draw(&mut Simulator::rng(8, i), &mut scratch, &mut points);
            sums[0] += points[0];
            sums[1] += points[1];
        }
        let means = sums.map(|s| s / n as f64);
        assert!(
            (means[0] - 20.0).abs() < 0.3,
            "the projection: {}",
            means[0]
        );
        // 0.4 x 20 + 0.6 x 10.
        assert!(
            (means[1] - 14.0).abs() < 0.3,
            "the truth's centre: {}",
            means[1]
        );
        assert!((sim.centre(1) - 0.7).abs() < 1e-9 && sim.centre(0) == 1.0);
    }

    #[test]
    fn the_field_swaps_out_who_sits_and_the_draws_stay_the_same() {
        let mut doubtful = player(Position::RB, "AAA", "BBB", 12.0);
        doubtful.marginal.play_probability = 0.25;
        let sim = Simulator::new(&[doubtful], &Correlations::independent()).unwrap();
        let (mut scratch, mut points, mut swapped, mut alone) = (Vec::new(), [0.0], [0.0], [0.0]);
        let mut sat = 0;
        for i in 0..2000 {
            sim.draw_slate(
                &mut Simulator::rng(4, i),
                &mut scratch,
                &mut points,
                Some(&mut swapped),
            );
            sim.draw(&mut Simulator::rng(4, i), &mut scratch, &mut alone);
            assert_eq!(points, alone, "the same draws with or without the field's");
            assert!(swapped[0] > 0.0);
            if points[0] == 0.0 {
                sat += 1;
            } else {
                assert_eq!(points, swapped);
            }
        }
        assert!((1400..1600).contains(&sat), "{sat}");
    }

    #[test]
    fn a_fourth_receiver_moves_with_his_game_like_the_third() {
        let c = correlations(&[(0, 5, 0.4)]);
        let players = vec![
            player(Position::QB, "AAA", "BBB", 20.0),
            player(Position::WR, "AAA", "BBB", 14.0),
            player(Position::WR, "AAA", "BBB", 12.0),
            player(Position::WR, "AAA", "BBB", 9.0),
            player(Position::WR, "AAA", "BBB", 5.0),
        ];
        let sim = Simulator::new(&players, &c).unwrap();
        let n = 20_000;
        let (mut qb, mut wr3, mut wr4) = (vec![], vec![], vec![]);
        let mut scratch = Vec::new();
        let mut points = vec![0.0; players.len()];
        for i in 0..n {
            sim.draw(&mut Simulator::rng(5, i), &mut scratch, &mut points);
            qb.push(points[0]);
            wr3.push(points[3]);
            wr4.push(points[4]);
        }
        let (a, b) = (pearson(&qb, &wr3), pearson(&qb, &wr4));
        assert!((a - 0.4).abs() < 0.06 && (b - 0.4).abs() < 0.06, "{a} {b}");
        assert!(pearson(&wr3, &wr4) < 0.5, "not the third receiver's twin");
    }
}
