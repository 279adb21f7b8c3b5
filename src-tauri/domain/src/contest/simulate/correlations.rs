//! How players' DraftKings points move together, estimated from history. A team's players take
//! roles in each game (QB, RB1, RB2, WR1, WR2, WR3, TE1, DST; ranked by what they were expected
//! to score: their season-to-date average before the game), and a game is the 16 roles of both
//! teams. The estimate is the Gaussian-copula correlation of the roles' surprises (points minus
//! the season-to-date average): Spearman's rank correlation of each pair over the games where
//! both roles played, mapped to the normal scale (`2 sin(π ρ / 6)`), then shrunk towards
//! independence until the matrix is a valid correlation matrix.

use crate::dk::Position;
use crate::linalg::cholesky;
use crate::projection::history::{week_key, History, WeekKey};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Roles a team's players take in a game.
pub const TEAM_ROLES: usize = 8;
/// Roles of a game: a team's, then its opponent's.
pub const GAME_ROLES: usize = 2 * TEAM_ROLES;
/// The roles' names, a team's, in order.
pub const ROLE_NAMES: [&str; TEAM_ROLES] = ["QB", "RB1", "RB2", "WR1", "WR2", "WR3", "TE1", "DST"];

/// Earlier games of the season a player needs before his surprise counts.
const MIN_PRIOR_GAMES: u32 = 2;
/// Games (both orientations counted) below which a pair's estimate is not trusted: it is
/// shrunk towards 0 in proportion.
const FULL_WEIGHT_PAIRS: f64 = 400.0;

/// The first role of a position and how many roles it has.
pub fn roles_of(position: Position) -> (usize, usize) {
    match position {
        Position::QB => (0, 1),
        Position::RB => (1, 2),
        Position::WR => (3, 3),
        Position::TE => (6, 1),
        Position::DST => (7, 1),
    }
}

/// The role of the `rank`-th (0-based) player of a position on his team, and whether he holds
/// it himself (`true`) or is a further player sharing the last role of his position.
pub fn role_at(position: Position, rank: usize) -> (usize, bool) {
    let (first, count) = roles_of(position);
    (first + rank.min(count - 1), rank < count)
}

/// Team games of history below which an estimate is not trusted (the shipped estimate from
/// 2018-2022 is used instead).
pub const MIN_SAMPLES: u32 = 1000;

/// Normal-scale correlations of the 16 roles of a game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correlations {
    /// Row-major 16 × 16: a team's roles (0-7), then its opponent's (8-15).
    pub matrix: Vec<f64>,
    /// Team games (a game counted once per team) the estimate rests on.
    pub samples: u32,
    /// The first and last week of the history used (`season * 100 + week`).
    pub weeks: (WeekKey, WeekKey),
    /// How far the raw estimate was shrunk towards independence to be a valid matrix (0: not).
    pub shrinkage: f64,
}

impl Correlations {
    /// No correlation at all: what the simulator uses when nothing was estimated.
    pub fn independent() -> Correlations {
        let mut matrix = vec![0.0; GAME_ROLES * GAME_ROLES];
        for i in 0..GAME_ROLES {
            matrix[i * GAME_ROLES + i] = 1.0;
        }
        Correlations {
            matrix,
            samples: 0,
            weeks: (0, 0),
            shrinkage: 0.0,
        }
    }

    /// The correlation of roles `a` and `b` (0-15).
    pub fn get(&self, a: usize, b: usize) -> f64 {
        self.matrix[a * GAME_ROLES + b]
    }

    /// A pair's name, e.g. `QB-WR1` or `QB-opp WR1`.
    pub fn pair_name(a: usize, b: usize) -> String {
        let name = |r: usize| {
            if r < TEAM_ROLES {
                ROLE_NAMES[r].to_string()
            } else {
                format!("opp {}", ROLE_NAMES[r - TEAM_ROLES])
            }
        };
        format!("{}-{}", name(a), name(b))
    }

    /// Checks a loaded estimate: 16 × 16, finite, symmetric, ones on the diagonal, every
    /// entry in [-1, 1], and positive definite.
    pub fn check(&self) -> Result<(), String> {
        if self.matrix.len() != GAME_ROLES * GAME_ROLES {
            return Err(format!(
                "the correlation matrix has {} entries, not {}",
                self.matrix.len(),
                GAME_ROLES * GAME_ROLES
            ));
        }
        for a in 0..GAME_ROLES {
            if (self.get(a, a) - 1.0).abs() > 1e-9 {
                return Err(format!("the correlation of role {a} with itself is not 1"));
            }
            for b in 0..GAME_ROLES {
                let v = self.get(a, b);
                if !v.is_finite() || v.abs() > 1.0 || (v - self.get(b, a)).abs() > 1e-9 {
                    return Err(format!(
                        "the correlation {} is {v}: not a symmetric number from -1 to 1",
                        Correlations::pair_name(a, b)
                    ));
                }
            }
        }
        cholesky(&self.matrix, GAME_ROLES)
            .map(|_| ())
            .ok_or_else(|| "the correlation matrix is not positive definite".to_string())
    }
}

/// The estimate shipped with the app: [`fit`] on the NFL seasons 2018-2022 (player and DST
/// games, regular and postseason), used where the loaded history is too short to estimate
/// from (`scripts/bench-contests.sh` refits it and compares it with held-back weeks).
pub fn shipped() -> Correlations {
    serde_json::from_str(include_str!("correlations_default.json"))
        .expect("the shipped correlations are valid JSON")
}

/// Each team game's players: (position, expected points, surprise).
type GamePlayers<'h> = HashMap<(WeekKey, &'h str), Vec<(Position, f64, f64)>>;

/// A team's surprises in one game, by role (None: nobody held it with enough earlier games).
type TeamGame = [Option<f64>; TEAM_ROLES];

/// Estimates the correlations from the player and DST games of weeks `from..until` (regular
/// and postseason alike).
pub fn fit(history: &History, from: WeekKey, until: WeekKey) -> Correlations {
    let teams = team_games(history, from, until);
    // Each game twice: each team once as "own".
    let mut samples: Vec<[Option<f64>; GAME_ROLES]> = Vec::new();
    for game in history.games.iter() {
        let key = week_key(game.season, game.week);
        if key < from || key >= until {
            continue;
        }
        let home = teams.get(&(key, game.home_team.as_str()));
        let away = teams.get(&(key, game.away_team.as_str()));
        let (Some(home), Some(away)) = (home, away) else {
            continue;
        };
        for (own, opp) in [(home, away), (away, home)] {
            let mut row = [None; GAME_ROLES];
            row[..TEAM_ROLES].copy_from_slice(own);
            row[TEAM_ROLES..].copy_from_slice(opp);
            samples.push(row);
        }
    }
    let ranks = normalised_ranks(&samples);
    let mut matrix = vec![0.0; GAME_ROLES * GAME_ROLES];
    for a in 0..GAME_ROLES {
        matrix[a * GAME_ROLES + a] = 1.0;
        for b in (a + 1)..GAME_ROLES {
            let (rho, n) = pair_correlation(&ranks, a, b);
            // Spearman to the normal scale, then towards 0 when the pair is thinly seen.
            let r = 2.0 * (std::f64::consts::PI * rho / 6.0).sin();
            let r = r * (n as f64 / FULL_WEIGHT_PAIRS).min(1.0);
            matrix[a * GAME_ROLES + b] = r;
            matrix[b * GAME_ROLES + a] = r;
        }
    }
    symmetrise_teams(&mut matrix);
    let (matrix, shrinkage) = nearest_valid(matrix);
    let weeks = samples_weeks(history, from, until);
    Correlations {
        matrix,
        samples: samples.len() as u32,
        weeks,
        shrinkage,
    }
}

fn samples_weeks(history: &History, from: WeekKey, until: WeekKey) -> (WeekKey, WeekKey) {
    let keys = history
        .games
        .iter()
        .map(|g| week_key(g.season, g.week))
        .filter(|k| (from..until).contains(k));
    let (mut low, mut high) = (WeekKey::MAX, WeekKey::MIN);
    for k in keys {
        low = low.min(k);
        high = high.max(k);
    }
    if low > high {
        (0, 0)
    } else {
        (low, high)
    }
}

/// Every team game's surprises by role.
fn team_games(
    history: &History,
    from: WeekKey,
    until: WeekKey,
) -> HashMap<(WeekKey, &str), TeamGame> {
    // (team game) -> (position, expectation, surprise) of each player with enough prior games.
    let mut players: GamePlayers = HashMap::new();
    let mut so_far: HashMap<(&str, i32), (f64, u32)> = HashMap::new();
    let mut order: Vec<&crate::projection::history::PlayerGame> = history.players.iter().collect();
    order.sort_by_key(|p| (p.season, p.week));
    for game in order {
        let Some(position) = offense_position(&game.position) else {
            continue;
        };
        let key = week_key(game.season, game.week);
        let seen = so_far
            .entry((game.gsis_id.as_str(), game.season))
            .or_insert((0.0, 0));
        if seen.1 >= MIN_PRIOR_GAMES && (from..until).contains(&key) {
            let expected = seen.0 / f64::from(seen.1);
            players.entry((key, game.team.as_str())).or_default().push((
                position,
                expected,
                game.dk_points - expected,
            ));
        }
        seen.0 += game.dk_points;
        seen.1 += 1;
    }
    let mut dst_so_far: HashMap<(&str, i32), (f64, u32)> = HashMap::new();
    let mut dsts: Vec<&crate::projection::history::DstGame> = history.dsts.iter().collect();
    dsts.sort_by_key(|d| (d.season, d.week));
    for game in dsts {
        let key = week_key(game.season, game.week);
        let seen = dst_so_far
            .entry((game.team.as_str(), game.season))
            .or_insert((0.0, 0));
        if seen.1 >= MIN_PRIOR_GAMES && (from..until).contains(&key) {
            let expected = seen.0 / f64::from(seen.1);
            players.entry((key, game.team.as_str())).or_default().push((
                Position::DST,
                expected,
                game.dk_points - expected,
            ));
        }
        seen.0 += game.dk_points;
        seen.1 += 1;
    }
    players
        .into_iter()
        .map(|(key, mut list)| {
            list.sort_by(|a, b| b.1.total_cmp(&a.1));
            let mut ranks: HashMap<Position, usize> = HashMap::new();
            let mut roles: TeamGame = [None; TEAM_ROLES];
            for (position, _, surprise) in list {
                let rank = ranks.entry(position).or_insert(0);
                let (role, own) = role_at(position, *rank);
                *rank += 1;
                if own {
                    roles[role] = Some(surprise);
                }
            }
            (key, roles)
        })
        .collect()
}

fn offense_position(text: &str) -> Option<Position> {
    match text {
        "QB" => Some(Position::QB),
        "RB" | "FB" => Some(Position::RB),
        "WR" => Some(Position::WR),
        "TE" => Some(Position::TE),
        _ => None,
    }
}

/// Each role's values replaced by their rank among that role's values, scaled to 0..1.
fn normalised_ranks(samples: &[[Option<f64>; GAME_ROLES]]) -> Vec<[Option<f64>; GAME_ROLES]> {
    let mut out = vec![[None; GAME_ROLES]; samples.len()];
    for role in 0..GAME_ROLES {
        let mut present: Vec<(usize, f64)> = samples
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s[role].map(|v| (i, v)))
            .collect();
        present.sort_by(|a, b| a.1.total_cmp(&b.1));
        let n = present.len() as f64;
        let mut i = 0;
        while i < present.len() {
            // Ties take their average rank.
            let mut j = i;
            while j + 1 < present.len() && present[j + 1].1 == present[i].1 {
                j += 1;
            }
            let rank = (i + j) as f64 / 2.0 + 0.5;
            for item in &present[i..=j] {
                out[item.0][role] = Some(rank / n);
            }
            i = j + 1;
        }
    }
    out
}

/// Pearson's correlation of two roles' ranks over the samples holding both, and their count.
fn pair_correlation(ranks: &[[Option<f64>; GAME_ROLES]], a: usize, b: usize) -> (f64, usize) {
    let pairs: Vec<(f64, f64)> = ranks.iter().filter_map(|r| Some((r[a]?, r[b]?))).collect();
    let n = pairs.len();
    if n < 3 {
        return (0.0, n);
    }
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.0, y + p.1));
    let (mx, my) = (mx / n as f64, my / n as f64);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in &pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return (0.0, n);
    }
    ((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0), n)
}

/// Makes the matrix the same from either team's side: own role i with opponent role j equals
/// opponent role i with own role j, and both teams' own blocks are equal.
fn symmetrise_teams(matrix: &mut [f64]) {
    let t = TEAM_ROLES;
    for i in 0..t {
        for j in 0..t {
            let own = 0.5 * (matrix[i * GAME_ROLES + j] + matrix[(i + t) * GAME_ROLES + (j + t)]);
            matrix[i * GAME_ROLES + j] = own;
            matrix[(i + t) * GAME_ROLES + (j + t)] = own;
            let cross = 0.5 * (matrix[i * GAME_ROLES + (j + t)] + matrix[j * GAME_ROLES + (i + t)]);
            matrix[i * GAME_ROLES + (j + t)] = cross;
            matrix[j * GAME_ROLES + (i + t)] = cross;
            matrix[(j + t) * GAME_ROLES + i] = cross;
            matrix[(i + t) * GAME_ROLES + j] = cross;
        }
    }
}

/// The matrix shrunk towards the identity by the least step (of 1%) that makes it positive
/// definite, and the shrinkage used.
fn nearest_valid(matrix: Vec<f64>) -> (Vec<f64>, f64) {
    for step in 0..=100 {
        let lambda = f64::from(step) / 100.0;
        let shrunk: Vec<f64> = matrix
            .iter()
            .enumerate()
            .map(|(k, v)| {
                if k / GAME_ROLES == k % GAME_ROLES {
                    1.0
                } else {
                    v * (1.0 - lambda)
                }
            })
            .collect();
        if cholesky(&shrunk, GAME_ROLES).is_some() {
            return (shrunk, lambda);
        }
    }
    (Correlations::independent().matrix, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::history::{Game, PlayerGame};

    fn game(season: i32, week: i32, home: &str, away: &str) -> Game {
        Game {
            season,
            week,
            gameday: String::new(),
            away_team: away.into(),
            home_team: home.into(),
            spread_line: None,
            total_line: None,
            roof: None,
            away_rest: None,
            home_rest: None,
        }
    }

    fn player(id: &str, position: &str, team: &str, week: i32, points: f64) -> PlayerGame {
        PlayerGame {
            gsis_id: id.into(),
            name: id.into(),
            position: position.into(),
            team: team.into(),
            season: 2020,
            week,
            dk_points: points,
            attempts: 0.0,
            carries: 0.0,
            targets: 0.0,
            target_share: None,
            air_yards_share: None,
            offense_pct: None,
        }
    }

    /// A history where each team's QB and WR1 rise and fall together and the WR2 moves on his
    /// own: the estimate finds the first pair strongly correlated and the second near 0.
    #[test]
    fn a_quarterback_and_the_receiver_who_moves_with_him_are_found_correlated() {
        let mut history = History::default();
        let mut seed = 7u64;
        let mut noise = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as f64 / (1u64 << 31) as f64) - 0.5
        };
        for week in 1..=17 {
            for g in 0..14 {
                let (home, away) = (format!("H{g}"), format!("A{g}"));
                history.games.push(game(2020, week, &home, &away));
                for team in [home.as_str(), away.as_str()] {
                    let shared = noise() * 20.0;
                    history.players.push(player(
                        &format!("{team}qb"),
                        "QB",
                        team,
                        week,
                        20.0 + shared,
                    ));
                    history.players.push(player(
                        &format!("{team}w1"),
                        "WR",
                        team,
                        week,
                        18.0 + shared * 0.8 + noise() * 4.0,
                    ));
                    history.players.push(player(
                        &format!("{team}w2"),
                        "WR",
                        team,
                        week,
                        9.0 + noise() * 12.0,
                    ));
                }
            }
        }
        let c = fit(&history, 0, 999_999);
        assert!(c.check().is_ok());
        let qb_wr1 = c.get(0, 3);
        let qb_wr2 = c.get(0, 4);
        assert!(qb_wr1 > 0.6, "QB-WR1 {qb_wr1}");
        assert!(qb_wr2.abs() < 0.25, "QB-WR2 {qb_wr2}");
        assert_eq!(c.get(0, 3), c.get(8, 11), "either team's side");
        assert!(c.samples > 0);
    }

    #[test]
    fn a_matrix_that_is_not_positive_definite_is_shrunk_until_it_is() {
        let mut m = Correlations::independent().matrix;
        // Three roles each correlated -0.9 with the others: impossible.
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            m[a * GAME_ROLES + b] = -0.9;
            m[b * GAME_ROLES + a] = -0.9;
        }
        let (valid, lambda) = nearest_valid(m);
        assert!(lambda > 0.0);
        assert!(cholesky(&valid, GAME_ROLES).is_some());
    }

    #[test]
    fn the_shipped_estimate_is_valid() {
        assert!(shipped().check().is_ok());
    }

    #[test]
    fn a_tampered_estimate_is_refused() {
        let mut c = Correlations::independent();
        assert!(c.check().is_ok());
        c.matrix[1] = 1.5;
        assert!(c.check().is_err());
        c.matrix.pop();
        assert!(c.check().is_err());
    }
}
