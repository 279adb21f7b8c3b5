//! DraftKings NFL classic scoring, exactly as `dfs-reference.md` states it: offense (with the
//! 300-yard passing and 100-yard rushing and receiving bonuses) and DST (events plus the
//! points-allowed tiers).

use serde::Serialize;

/// What an offensive player did in one game.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Offense {
    /// Passing yards.
    pub passing_yards: f64,
    /// Passing touchdowns.
    pub passing_tds: f64,
    /// Interceptions thrown.
    pub interceptions: f64,
    /// Rushing yards.
    pub rushing_yards: f64,
    /// Rushing touchdowns.
    pub rushing_tds: f64,
    /// Receptions.
    pub receptions: f64,
    /// Receiving yards.
    pub receiving_yards: f64,
    /// Receiving touchdowns.
    pub receiving_tds: f64,
    /// Punt, kickoff or field-goal return touchdowns.
    pub return_tds: f64,
    /// Fumbles lost (after sacks, runs and catches).
    pub fumbles_lost: f64,
    /// Two-point conversions passed, run or caught.
    pub two_point_conversions: f64,
    /// Offensive fumble recovery touchdowns.
    pub fumble_recovery_tds: f64,
}

/// A bonus for reaching a yardage mark in a game.
const BONUS: f64 = 3.0;

/// DraftKings points of an offensive player's game.
pub fn offense_points(o: &Offense) -> f64 {
    let bonus = |yards: f64, mark: f64| if yards >= mark { BONUS } else { 0.0 };
    o.passing_yards * 0.04 + o.passing_tds * 4.0 + bonus(o.passing_yards, 300.0) - o.interceptions
        + o.rushing_yards * 0.1
        + o.rushing_tds * 6.0
        + bonus(o.rushing_yards, 100.0)
        + o.receptions
        + o.receiving_yards * 0.1
        + o.receiving_tds * 6.0
        + bonus(o.receiving_yards, 100.0)
        + o.return_tds * 6.0
        - o.fumbles_lost
        + o.two_point_conversions * 2.0
        + o.fumble_recovery_tds * 6.0
}

/// What a team's defense and special teams did in one game.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Defense {
    /// Sacks.
    pub sacks: f64,
    /// Interceptions.
    pub interceptions: f64,
    /// Fumbles recovered.
    pub fumbles_recovered: f64,
    /// Return touchdowns: punt, kickoff, field goal, interception, fumble, blocked kick.
    pub return_tds: f64,
    /// Safeties.
    pub safeties: f64,
    /// Blocked kicks.
    pub blocked_kicks: f64,
    /// Two-point conversion or extra-point returns.
    pub conversion_returns: f64,
    /// Points allowed while the DST was on the field.
    pub points_allowed: f64,
}

/// DraftKings points of a DST for its points allowed.
pub fn points_allowed_points(allowed: f64) -> f64 {
    match allowed {
        a if a <= 0.0 => 10.0,
        a if a <= 6.0 => 7.0,
        a if a <= 13.0 => 4.0,
        a if a <= 20.0 => 1.0,
        a if a <= 27.0 => 0.0,
        a if a <= 34.0 => -1.0,
        _ => -4.0,
    }
}

/// DraftKings points of a DST's game.
pub fn defense_points(d: &Defense) -> f64 {
    d.sacks
        + d.interceptions * 2.0
        + d.fumbles_recovered * 2.0
        + d.return_tds * 6.0
        + d.safeties * 2.0
        + d.blocked_kicks * 2.0
        + d.conversion_returns * 2.0
        + points_allowed_points(d.points_allowed)
}

/// Points a DST allowed: the opponent's score without the points the opponent's own defense
/// scored against this team's offense (each defensive TD counted with its usual extra point,
/// 7, and each safety 2: the team totals do not say how each try ended).
pub fn points_allowed(opponent_score: i32, opponent: &DstEvents) -> f64 {
    (f64::from(opponent_score) - 7.0 * opponent.def_tds - 2.0 * opponent.def_safeties).max(0.0)
}

/// The opponent's defensive scores that do not count against a DST.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DstEvents {
    /// Defensive touchdowns.
    pub def_tds: f64,
    /// Safeties.
    pub def_safeties: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offense_counts_every_item_and_each_bonus_once() {
        // 320 passing yards, 2 TD, 1 INT: 12.8 + 8 + 3 - 1 = 22.8; 12 rush yards 1.2; a lost
        // fumble -1; a 2-point pass +2.
        let qb = Offense {
            passing_yards: 320.0,
            passing_tds: 2.0,
            interceptions: 1.0,
            rushing_yards: 12.0,
            fumbles_lost: 1.0,
            two_point_conversions: 1.0,
            ..Offense::default()
        };
        assert!((offense_points(&qb) - 25.0).abs() < 1e-9);
        // 100 rushing and 100 receiving yards are two bonuses; 299 passing yards none.
        let back = Offense {
            rushing_yards: 100.0,
            receiving_yards: 100.0,
            receptions: 5.0,
            return_tds: 1.0,
            ..Offense::default()
        };
        assert!((offense_points(&back) - (10.0 + 3.0 + 10.0 + 3.0 + 5.0 + 6.0)).abs() < 1e-9);
        let short = Offense {
            passing_yards: 299.0,
            ..Offense::default()
        };
        assert!((offense_points(&short) - 11.96).abs() < 1e-9);
    }

    #[test]
    fn points_allowed_tiers_have_their_edges() {
        for (allowed, points) in [
            (0.0, 10.0),
            (1.0, 7.0),
            (6.0, 7.0),
            (7.0, 4.0),
            (13.0, 4.0),
            (14.0, 1.0),
            (20.0, 1.0),
            (21.0, 0.0),
            (27.0, 0.0),
            (28.0, -1.0),
            (34.0, -1.0),
            (35.0, -4.0),
            (52.0, -4.0),
        ] {
            assert_eq!(points_allowed_points(allowed), points, "{allowed} allowed");
        }
        let d = Defense {
            sacks: 3.0,
            interceptions: 1.0,
            fumbles_recovered: 1.0,
            return_tds: 1.0,
            safeties: 1.0,
            blocked_kicks: 1.0,
            points_allowed: 10.0,
            ..Defense::default()
        };
        assert_eq!(defense_points(&d), 3.0 + 2.0 + 2.0 + 6.0 + 2.0 + 2.0 + 4.0);
    }
}
