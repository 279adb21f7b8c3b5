//! Demo NFL history in nflverse's formats for the demo slate's 16 teams: two seasons (2025 and
//! 2026 through week 17, plus week 18's lines, the demo slate's games) of `games.csv`, weekly
//! player stats (current layout) and weekly team stats. Made from a fixed seed, so it is the
//! same everywhere; players are the demo slate's, with talent and game environment driving
//! their stats, so models trained on it learn something real. Ships in `data/nflverse-demo/`
//! (a test keeps the files equal to [`files`]) and trains the baseline models in `models/`.

use crate::demo::{noise, roster, DemoPlayer, GAMES};
use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use std::fmt::Write;

/// The seasons: (season, first Sunday, weeks with results).
const SEASONS: [(i32, (i32, u32, u32), i32); 2] =
    [(2025, (2025, 9, 7), 18), (2026, (2026, 9, 13), 17)];

/// Players per team and position who get snaps (the rest stay on the bench).
fn plays(position: &str, depth: u32) -> bool {
    match position {
        "QB" => depth == 0,
        "RB" => depth < 3,
        "WR" => depth < 5,
        "TE" => depth < 2,
        _ => false,
    }
}

/// Roughly normal noise with mean 0 and standard deviation 1.
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    (0..12).map(|_| rng.random::<f64>()).sum::<f64>() - 6.0
}

fn teams() -> Vec<&'static str> {
    GAMES.iter().flat_map(|(a, h, _)| [*a, *h]).collect()
}

/// A team's offense and defense strength, around 0.
fn strength(team: &str) -> (f64, f64) {
    (
        noise(&format!("{team}-offense")) - 0.5,
        noise(&format!("{team}-defense")) - 0.5,
    )
}

/// The week's pairings: the circle method over the 16 teams, home and away alternating.
fn pairings(week: i32) -> Vec<(&'static str, &'static str)> {
    let teams = teams();
    let n = teams.len();
    let mut order: Vec<usize> = (0..n).collect();
    order[1..].rotate_right((week as usize - 1) % (n - 1));
    (0..n / 2)
        .map(|i| {
            let (a, b) = (teams[order[i]], teams[order[n - 1 - i]]);
            if (week + i as i32) % 2 == 0 {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect()
}

/// The GSIS id of a demo player.
pub fn gsis_id(index: usize) -> String {
    format!("00-99{index:05}")
}

struct Lines {
    spread: f64,
    total: f64,
}

fn lines(away: &str, home: &str) -> Lines {
    let (ao, ad) = strength(away);
    let (ho, hd) = strength(home);
    let home_pts = 22.0 + 10.0 * ho - 8.0 * ad + 1.5;
    let away_pts = 22.0 + 10.0 * ao - 8.0 * hd - 1.5;
    Lines {
        spread: ((home_pts - away_pts) * 2.0).round() / 2.0,
        total: ((home_pts + away_pts) * 2.0).round() / 2.0,
    }
}

/// The files: `(name, CSV text)`.
pub fn files() -> Vec<(String, String)> {
    let players = roster();
    let mut rng = ChaCha8Rng::seed_from_u64(2027);
    let mut games = String::from(
        "game_id,season,game_type,week,gameday,gametime,away_team,away_score,home_team,home_score,\
         spread_line,total_line,roof,surface,temp,wind,away_rest,home_rest,div_game\n",
    );
    let mut out: Vec<(String, String)> = Vec::new();
    for (season, (y, m, d), weeks) in SEASONS {
        let first = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let mut stats = String::from(
            "player_id,player_name,player_display_name,position,position_group,season,week,\
             season_type,team,opponent_team,completions,attempts,passing_yards,passing_tds,\
             passing_interceptions,sacks_suffered,carries,rushing_yards,rushing_tds,receptions,\
             targets,receiving_yards,receiving_tds,receiving_air_yards,target_share,air_yards_share\n",
        );
        let mut team_stats = String::from(
            "season,week,team,season_type,opponent_team,attempts,passing_yards,carries,\
             rushing_yards,def_sacks,def_interceptions,fumble_recovery_opp,def_tds,def_safeties,\
             special_teams_tds\n",
        );
        for week in 1..=weeks {
            let day = first + Duration::days(7 * i64::from(week - 1));
            for (away, home) in pairings(week) {
                let l = lines(away, home);
                let implied = |home_side: bool| {
                    (l.total + if home_side { l.spread } else { -l.spread }) / 2.0
                };
                let mut scores = HashMap::new();
                for (team, opp, home_side) in [(away, home, false), (home, away, true)] {
                    let score = (implied(home_side) + 9.0 * normal(&mut rng))
                        .round()
                        .max(0.0);
                    scores.insert(team, score);
                    let env = implied(home_side) / 22.0;
                    let game_noise = 1.0 + 0.25 * normal(&mut rng);
                    // Team volume: pass attempts and carries.
                    let attempts = (34.0 * game_noise.clamp(0.6, 1.4)).round();
                    let carries_total = (26.0 * (2.0 - game_noise).clamp(0.6, 1.4)).round();
                    let targets_total = attempts - 2.0;
                    let mut pass_yards_total = 0.0;
                    let mut rush_yards_total = 0.0;
                    // Shares by depth: starters get more.
                    for (index, p) in players.iter().enumerate() {
                        if p.team != team || !plays(p.position, p.depth) {
                            continue;
                        }
                        let talent = 0.75 + 0.5 * noise(&format!("{}-talent", p.label));
                        let line = player_line(
                            p,
                            talent,
                            env,
                            attempts,
                            carries_total,
                            targets_total,
                            &mut rng,
                        );
                        pass_yards_total += line.passing_yards;
                        rush_yards_total += line.rushing_yards;
                        let tshare = line.targets / targets_total.max(1.0);
                        let _ = writeln!(
                            stats,
                            "{id},{short},{name},{pos},{pos},{season},{week},REG,{team},{opp},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{tshare:.4},{tshare:.4}",
                            line.completions,
                            line.attempts,
                            line.passing_yards,
                            line.passing_tds,
                            line.interceptions,
                            line.sacks,
                            line.carries,
                            line.rushing_yards,
                            line.rushing_tds,
                            line.receptions,
                            line.targets,
                            line.receiving_yards,
                            line.receiving_tds,
                            line.air_yards,
                            id = gsis_id(index),
                            short = p.name,
                            name = p.name,
                            pos = p.position,
                        );
                    }
                    // This team's defense against `opp`: a better one sacks and takes away more.
                    let (_, own_defense) = strength(team);
                    let pressure = 1.0 - own_defense;
                    let sacks = (2.4 * pressure + 1.2 * normal(&mut rng)).round().max(0.0);
                    let ints = (0.8 * pressure + 0.7 * normal(&mut rng)).round().max(0.0);
                    let fumbles = (0.5 + 0.6 * normal(&mut rng)).round().max(0.0);
                    let def_tds = if rng.random::<f64>() < 0.08 { 1 } else { 0 };
                    let _ = writeln!(
                        team_stats,
                        "{season},{week},{team},REG,{opp},{attempts},{pass_yards_total},{carries_total},{rush_yards_total},{sacks},{ints},{fumbles},{def_tds},0,0"
                    );
                }
                let game_id = format!("{season}_{week:02}_{away}_{home}");
                let _ = writeln!(
                    games,
                    "{game_id},{season},REG,{week},{day},13:00,{away},{},{home},{},{},{},outdoors,grass,60,5,7,7,0",
                    scores[away], scores[home], l.spread, l.total
                );
            }
        }
        out.push((format!("stats_player_week_{season}.csv"), stats));
        out.push((format!("stats_team_week_{season}.csv"), team_stats));
    }
    // Week 18 of 2026: the demo slate's games, lines known, not played yet.
    for (away, home, kickoff) in GAMES {
        let l = lines(away, home);
        let _ = writeln!(
            games,
            "2026_18_{away}_{home},2026,REG,18,{},{kickoff},{away},,{home},,{},{},outdoors,grass,,,7,7,0",
            crate::demo::date(),
            l.spread,
            l.total
        );
    }
    out.insert(0, ("games.csv".into(), games));
    out
}

/// One player's stat line in a game.
#[derive(Default)]
struct StatLine {
    completions: f64,
    attempts: f64,
    passing_yards: f64,
    passing_tds: f64,
    interceptions: f64,
    sacks: f64,
    carries: f64,
    rushing_yards: f64,
    rushing_tds: f64,
    receptions: f64,
    targets: f64,
    receiving_yards: f64,
    receiving_tds: f64,
    air_yards: f64,
}

fn player_line(
    p: &DemoPlayer,
    talent: f64,
    env: f64,
    team_attempts: f64,
    team_carries: f64,
    team_targets: f64,
    rng: &mut ChaCha8Rng,
) -> StatLine {
    let r = |rng: &mut ChaCha8Rng, sd: f64| (1.0 + sd * normal(rng)).max(0.1);
    let td = |rng: &mut ChaCha8Rng, rate: f64| {
        let mut n = 0.0;
        for _ in 0..4 {
            if rng.random::<f64>() < rate / 4.0 {
                n += 1.0;
            }
        }
        n
    };
    let mut line = StatLine::default();
    match p.position {
        "QB" => {
            line.attempts = team_attempts;
            line.completions = (team_attempts * (0.55 + 0.1 * talent)).round();
            line.passing_yards = (team_attempts * 6.8 * talent * env.sqrt() * r(rng, 0.2)).round();
            line.passing_tds = td(rng, 1.6 * talent * env);
            line.interceptions = td(rng, 0.9 / talent);
            line.sacks = td(rng, 2.4);
            line.carries = (4.0 * talent * r(rng, 0.4)).round();
            line.rushing_yards = (line.carries * 4.5 * r(rng, 0.5)).round();
            line.rushing_tds = td(rng, 0.15 * talent);
        }
        "RB" => {
            let share = [0.62, 0.28, 0.1][p.depth as usize] * talent;
            line.carries = (team_carries * share * r(rng, 0.25)).round();
            line.rushing_yards = (line.carries * 4.3 * talent * r(rng, 0.35)).round();
            line.rushing_tds = td(rng, 0.9 * share * env);
            line.targets = (team_targets * 0.12 * share * 2.0 * r(rng, 0.4)).round();
            line.receptions = (line.targets * 0.75).round();
            line.receiving_yards = (line.receptions * 7.5 * r(rng, 0.4)).round();
            line.receiving_tds = td(rng, 0.15 * share);
            line.air_yards = line.targets;
        }
        "WR" => {
            let share = [0.27, 0.22, 0.14, 0.08, 0.05][p.depth as usize] * talent;
            line.targets = (team_targets * share * r(rng, 0.3)).round();
            line.receptions = (line.targets * (0.58 + 0.08 * talent)).round();
            line.receiving_yards =
                (line.receptions * 12.5 * talent * env.sqrt() * r(rng, 0.35)).round();
            line.receiving_tds = td(rng, 1.6 * share * env);
            line.air_yards = (line.targets * 10.0).round();
        }
        _ => {
            let share = [0.17, 0.07][p.depth as usize] * talent;
            line.targets = (team_targets * share * r(rng, 0.35)).round();
            line.receptions = (line.targets * 0.68).round();
            line.receiving_yards = (line.receptions * 10.5 * r(rng, 0.35)).round();
            line.receiving_tds = td(rng, 1.1 * share * env);
            line.air_yards = (line.targets * 7.0).round();
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn every_team_plays_once_a_week_and_week_18_is_the_demo_slate() {
        for week in 1..=18 {
            let mut seen: Vec<&str> = pairings(week).iter().flat_map(|(a, h)| [*a, *h]).collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), 16, "week {week}");
        }
        let files = files();
        let games = &files[0].1;
        assert!(games.contains("2026_18_BUF_MIA,2026,REG,18,2027-01-03"));
    }

    #[test]
    fn the_shipped_demo_history_is_current() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/nflverse-demo");
        for (name, text) in files() {
            let path = dir.join(&name);
            if std::env::var_os("UPDATE_DEMO_DATA").is_some() {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &text).unwrap();
            }
            let shipped = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                shipped == text,
                "{} is stale: run `UPDATE_DEMO_DATA=1 cargo test -p nfl-dfs-core demo`",
                path.display()
            );
        }
    }
}
