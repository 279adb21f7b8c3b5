//! The independent validator against hand-made lineups: one valid lineup, then one broken rule
//! per case (data-driven: each case edits the valid lineup and names the problem it expects).

use chrono::{DateTime, TimeZone, Utc};
use nfl_dfs_domain::dk::{Position, SALARY_CAP};
use nfl_dfs_domain::lineup::{validate, LateSwap, LineupProblem, ValidationRules};
use nfl_dfs_domain::slate::{GameState, Slate, SlateGame, SlatePlayer, SlateSummary};

fn kickoff(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 13, hour, 0, 0).unwrap()
}

/// Game 1: AAA@BBB at 18:00 UTC; game 2: CCC@DDD at 21:00 UTC.
fn slate() -> Slate {
    let mut players = Vec::new();
    let mut add = |id: i32, position: Position, team: &str, salary: u32, state: GameState| {
        let (game_id, opponent, kick) = match (state, team) {
            (GameState::Scheduled, "AAA") => (Some(1), Some("BBB"), Some(kickoff(18))),
            (GameState::Scheduled, "BBB") => (Some(1), Some("AAA"), Some(kickoff(18))),
            (GameState::Scheduled, "CCC") => (Some(2), Some("DDD"), Some(kickoff(21))),
            (GameState::Scheduled, _) => (Some(2), Some("CCC"), Some(kickoff(21))),
            _ => (None, None, None),
        };
        players.push(SlatePlayer {
            id,
            dk_id: Some(1000 + i64::from(id)),
            name: format!("P{id}"),
            position,
            team: team.to_string(),
            opponent: opponent.map(str::to_string),
            game_id,
            kickoff_utc: kick,
            game_state: state,
            salary,
            avg_points_per_game: 10.0,
            locked: false,
            excluded: false,
            projection_override: None,
            play_override: None,
        });
    };
    use GameState::Scheduled as S;
    use Position::*;
    // The valid lineup: ids 1..=9 in roster order.
    add(1, QB, "AAA", 7000, S);
    add(2, RB, "AAA", 6000, S);
    add(3, RB, "CCC", 5500, S);
    add(4, WR, "BBB", 6000, S);
    add(5, WR, "CCC", 5000, S);
    add(6, WR, "DDD", 4500, S);
    add(7, TE, "BBB", 4000, S);
    add(8, WR, "AAA", 4000, S);
    add(9, DST, "DDD", 3000, S);
    // Spares.
    add(10, QB, "CCC", 9000, S);
    add(11, TE, "AAA", 3000, S);
    add(12, RB, "BBB", 4000, GameState::NoGame);
    add(13, WR, "CCC", 3000, GameState::InProgress);
    add(14, RB, "BBB", 9900, S);
    add(15, WR, "BBB", 3000, S);
    add(16, DST, "AAA", 2500, S);
    add(17, RB, "BBB", 3000, S);
    Slate {
        summary: SlateSummary {
            id: 1,
            name: "hand-made".into(),
            source_file: "hand.csv".into(),
            layout: "standard".into(),
            exportable: true,
            imported_at: kickoff(0),
            players: 17,
            games: 2,
            lineups: 0,
            first_kickoff: Some(kickoff(18)),
            last_kickoff: Some(kickoff(21)),
        },
        games: vec![
            SlateGame {
                id: 1,
                away: "AAA".into(),
                home: "BBB".into(),
                kickoff_utc: kickoff(18),
            },
            SlateGame {
                id: 2,
                away: "CCC".into(),
                home: "DDD".into(),
                kickoff_utc: kickoff(21),
            },
        ],
        players,
    }
}

const VALID: [i32; 9] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

fn rules() -> ValidationRules {
    ValidationRules {
        salary_cap: SALARY_CAP,
        late_swap: None,
    }
}

fn with(changes: &[(usize, i32)]) -> Vec<i32> {
    let mut lineup = VALID.to_vec();
    for (slot, id) in changes {
        lineup[*slot] = *id;
    }
    lineup
}

fn messages(problems: &[LineupProblem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn the_valid_lineup_passes_and_costs_under_the_cap() {
    let slate = slate();
    assert!(validate(&slate, &VALID, &rules()).is_empty());
    let salary: u32 = VALID
        .iter()
        .map(|id| slate.player(*id).unwrap().salary)
        .sum();
    assert_eq!(salary, 45_000);
    // FLEX takes a TE too.
    assert!(validate(&slate, &with(&[(7, 11)]), &rules()).is_empty());
    // The cap is exactly inclusive: 45,000 under a 45,000 cap passes, under 44,999 fails.
    let tight = ValidationRules {
        salary_cap: 45_000,
        late_swap: None,
    };
    assert!(validate(&slate, &VALID, &tight).is_empty());
    let tighter = ValidationRules {
        salary_cap: 44_999,
        late_swap: None,
    };
    assert_eq!(
        validate(&slate, &VALID, &tighter),
        [LineupProblem::OverCap {
            salary: 45_000,
            cap: 44_999
        }]
    );
}

#[test]
fn each_broken_rule_is_named() {
    let slate = slate();
    // (what, lineup, expected messages)
    let cases: Vec<(&str, Vec<i32>, Vec<&str>)> = vec![
        (
            "eight players",
            VALID[..8].to_vec(),
            vec!["it has 8 players; a lineup needs 9"],
        ),
        (
            "ten players",
            [&VALID[..], &[10]].concat(),
            vec!["it has 10 players; a lineup needs 9"],
        ),
        (
            "over the cap",
            with(&[(0, 10), (1, 14)]),
            vec!["its salary of 50900 is over the 50000 cap"],
        ),
        (
            "a player twice",
            with(&[(7, 2)]),
            vec!["P2 is in it more than once"],
        ),
        (
            "a QB at FLEX",
            with(&[(7, 10)]),
            vec!["P10 (QB) cannot fill the FLEX slot"],
        ),
        (
            "a WR at RB",
            with(&[(1, 15)]),
            vec!["P15 (WR) cannot fill the RB slot"],
        ),
        (
            "a DST at QB and the QB at DST",
            with(&[(0, 9), (8, 1)]),
            vec![
                "P9 (DST) cannot fill the QB slot",
                "P1 (QB) cannot fill the DST slot",
            ],
        ),
        (
            "not on the slate",
            with(&[(4, 77)]),
            vec!["the WR (player 77) is not on this slate"],
        ),
        (
            "a player without a game",
            with(&[(1, 12)]),
            vec!["P12 has no playable game on this slate (no game)"],
        ),
        (
            "a player whose game was in progress",
            with(&[(5, 13)]),
            vec!["P13 has no playable game on this slate (in progress)"],
        ),
        (
            "every player from one game",
            vec![1, 2, 17, 4, 8, 15, 7, 11, 16],
            vec!["all its players come from one game; DraftKings needs at least 2 games"],
        ),
    ];
    for (what, lineup, expected) in cases {
        assert_eq!(
            messages(&validate(&slate, &lineup, &rules())),
            expected,
            "{what}"
        );
    }
}

#[test]
fn late_swap_keeps_locked_players_and_refuses_started_games() {
    let slate = slate();
    // 19:00 UTC: game 1 (AAA@BBB, 18:00) has started, game 2 (21:00) has not.
    let now = kickoff(19);
    let late = |locked: [Option<i32>; 9]| ValidationRules {
        salary_cap: SALARY_CAP,
        late_swap: Some(LateSwap { now, locked }),
    };
    // DraftKings locked the game-1 players (slots QB, RB1, WR1, TE, FLEX) where they are.
    let locked = [
        Some(1),
        Some(2),
        None,
        Some(4),
        None,
        None,
        Some(7),
        Some(8),
        None,
    ];
    assert!(validate(&slate, &VALID, &late(locked)).is_empty());

    // Putting a game-1 player (started) into a game-2 player's slot is refused.
    let mut swapped = VALID;
    swapped[2] = 14; // P14 plays for BBB in game 1
    assert_eq!(
        messages(&validate(&slate, &swapped, &late(locked))),
        ["P14 (RB) cannot be added or moved: his game has started"]
    );

    // Replacing a locked player is refused, naming him.
    let mut replaced = VALID;
    replaced[7] = 11;
    let problems = messages(&validate(&slate, &replaced, &late(locked)));
    assert!(problems
        .contains(&"P8 is locked by DraftKings in the FLEX slot and must stay there".to_string()));
    assert!(
        problems.contains(&"P11 (FLEX) cannot be added or moved: his game has started".to_string())
    );

    // Moving an unlocked started player between slots is refused as well.
    let unlocked = [None; 9];
    assert_eq!(
        messages(&validate(&slate, &VALID, &late(unlocked))).len(),
        5,
        "five game-1 players are not locked, so none of them may be placed"
    );

    // Before any kickoff nothing is started.
    let early = ValidationRules {
        salary_cap: SALARY_CAP,
        late_swap: Some(LateSwap {
            now: kickoff(12),
            locked: unlocked,
        }),
    };
    assert!(validate(&slate, &VALID, &early).is_empty());
}
