//! Demo NFL history in nflverse's formats for the demo slate's 16 teams: two seasons (2025 and
//! 2026 through week 17, plus week 18's lines, the demo slate's games) of `games.csv`, weekly
//! player stats (current layout), weekly team stats, the 2026 injury reports (week 18's too) and
//! the 2026 roster. Made from a fixed seed, so it is the same everywhere; players are the demo
//! slate's, with talent, depth chart, injuries and game environment driving their stats, so
//! models trained on it learn something real. Ships in `data/nflverse-demo/` (a test keeps the
//! files equal to [`files`]) and trains the baseline models in `models/`.

use super::roster::{
    noise, roster, DemoPlayer, GAMES, LISTED_OUT, ROOKIE, UNMATCHED, UNMATCHED_NFL_NAME,
};
use crate::scoring::{defense_points, offense_points, Defense, Offense};
use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use std::fmt::Write;

/// The seasons: (season, first Sunday, weeks with results).
const SEASONS: [(i32, (i32, u32, u32), i32); 2] =
    [(2025, (2025, 9, 7), 18), (2026, (2026, 9, 13), 17)];

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

/// A player's part in one week: healthy, questionable (plays four times in five) or out.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Healthy,
    Questionable { plays: bool },
    Out,
}

impl Status {
    fn plays(self) -> bool {
        matches!(self, Status::Healthy | Status::Questionable { plays: true })
    }

    fn report(self) -> Option<&'static str> {
        match self {
            Status::Healthy => None,
            Status::Questionable { .. } => Some("Questionable"),
            Status::Out => Some("Out"),
        }
    }
}

/// Every player's status in weeks `1..=weeks + 1` of a season with `weeks` played (index
/// `week - 1`; the week after the last played one is the demo slate's in the last season):
/// injuries of one to four weeks and game-time decisions, drawn from their own seed so the
/// stats' draws do not move them. The deliberate Out player of the demo slate is hurt in the
/// season's last game.
fn statuses(players: &[DemoPlayer], season: i32, played_weeks: i32) -> Vec<Vec<Status>> {
    let mut rng = ChaCha8Rng::seed_from_u64(season as u64 * 31 + 7);
    let weeks = played_weeks + 1;
    let mut out = vec![vec![Status::Healthy; players.len()]; weeks as usize];
    for (index, p) in players.iter().enumerate() {
        if p.position == "DST" {
            continue;
        }
        let mut week = 1;
        while week <= weeks {
            let draw: f64 = rng.random();
            if draw < 0.015 {
                let length = rng.random_range(1..=4);
                for w in week..(week + length).min(weeks + 1) {
                    out[w as usize - 1][index] = Status::Out;
                }
                week += length;
                continue;
            }
            if draw < 0.045 {
                let plays = rng.random::<f64>() < 0.8;
                out[week as usize - 1][index] = Status::Questionable { plays };
            }
            week += 1;
        }
    }
    if let Some(index) = players.iter().position(|p| p.label == LISTED_OUT) {
        if season == SEASONS[1].0 {
            out[played_weeks as usize - 1][index] = Status::Questionable { plays: true };
        }
    }
    out
}

/// The status of every player in the demo slate's week, from the last season's `drawn`
/// statuses (the week after the last played one): an injury that kept a player out of the last
/// game goes on, a game-time decision is made in his favour, and the deliberate example is Out.
fn slate_week_statuses(players: &[DemoPlayer], drawn: &[Vec<Status>]) -> Vec<Status> {
    let weeks = drawn.len() - 1;
    let (last, next) = (&drawn[weeks - 1], &drawn[weeks]);
    players
        .iter()
        .enumerate()
        .map(|(index, p)| match next[index] {
            _ if p.label == LISTED_OUT => Status::Out,
            Status::Out if last[index] == Status::Out => Status::Out,
            Status::Out | Status::Healthy => Status::Healthy,
            Status::Questionable { .. } => Status::Questionable { plays: true },
        })
        .collect()
}

/// Who takes the snaps this week: a hurt starting quarterback is replaced by the next one; the
/// rookie has no NFL games yet.
fn active(players: &[DemoPlayer], status: &[Status]) -> Vec<bool> {
    let mut active: Vec<bool> = players
        .iter()
        .zip(status)
        .map(|(p, s)| p.label != ROOKIE && s.plays() && p.position != "QB")
        .collect();
    for team in teams() {
        let starter = players
            .iter()
            .enumerate()
            .filter(|(i, p)| p.team == team && p.position == "QB" && status[*i].plays())
            .min_by_key(|(_, p)| p.depth);
        if let Some((index, _)) = starter {
            active[index] = true;
        }
    }
    active
}

/// A player's usage weight at his place on the depth chart (before talent).
fn depth_weight(position: &str, depth: u32) -> f64 {
    let table: &[f64] = match position {
        "RB" => &[0.62, 0.28, 0.1, 0.05, 0.03, 0.02],
        "WR" => &[0.27, 0.22, 0.14, 0.08, 0.05, 0.03, 0.02, 0.015],
        "TE" => &[0.17, 0.07, 0.03, 0.02],
        _ => &[1.0],
    };
    table.get(depth as usize).copied().unwrap_or(0.0)
}

/// The demo history: nflverse-format files and every player's DraftKings points in the last
/// season (what the salary file's `AvgPointsPerGame` is made from).
pub struct DemoHistory {
    /// `(name, CSV text)`.
    pub files: Vec<(String, String)>,
    /// DraftKings points per game played in the last season, by player label.
    pub last_season_points: HashMap<String, Vec<f64>>,
}

impl DemoHistory {
    /// A player's average DraftKings points over the last season's games (0 when he has none).
    pub fn average(&self, label: &str) -> f64 {
        match self.last_season_points.get(label) {
            Some(points) if !points.is_empty() => points.iter().sum::<f64>() / points.len() as f64,
            _ => 0.0,
        }
    }
}

/// The files: `(name, CSV text)`.
pub fn files() -> Vec<(String, String)> {
    history().files
}

/// Generates the demo history (the same every time).
pub fn history() -> DemoHistory {
    let players = roster();
    let mut rng = ChaCha8Rng::seed_from_u64(2027);
    let mut games = String::from(
        "game_id,season,game_type,week,gameday,gametime,away_team,away_score,home_team,home_score,\
         spread_line,total_line,roof,surface,temp,wind,away_rest,home_rest,div_game\n",
    );
    let mut injuries = String::from(INJURY_HEADER);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut last_season_points: HashMap<String, Vec<f64>> = HashMap::new();
    let mut last_statuses = Vec::new();
    for (season, (y, m, d), weeks) in SEASONS {
        let first = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let season_statuses = statuses(&players, season, weeks);
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
            let status = &season_statuses[week as usize - 1];
            write_report(&mut injuries, &players, status, season, week);
            let active = active(&players, status);
            let mut defense_lines: HashMap<&str, (f64, f64, f64, f64)> = HashMap::new();
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
                    // A position's volume goes to the players who play, by depth and talent:
                    // a missing player's share is vacated to his teammates.
                    let weight_sum = |all: bool, position: &str| -> f64 {
                        players
                            .iter()
                            .enumerate()
                            .filter(|(i, p)| {
                                p.team == team
                                    && p.position == position
                                    && p.label != ROOKIE
                                    && (all || active[*i])
                            })
                            .map(|(_, p)| depth_weight(position, p.depth))
                            .sum()
                    };
                    for (index, p) in players.iter().enumerate() {
                        if p.team != team || p.position == "DST" || !active[index] {
                            continue;
                        }
                        let talent = 0.75 + 0.5 * noise(&format!("{}-talent", p.label));
                        let present = weight_sum(false, p.position);
                        let boost = if present > 0.0 {
                            (weight_sum(true, p.position) / present).min(2.0)
                        } else {
                            1.0
                        };
                        let share = depth_weight(p.position, p.depth) * boost * talent;
                        let volume = Volume {
                            attempts,
                            carries: carries_total,
                            targets: targets_total,
                        };
                        let line = player_line(p, share, talent, env, &volume, &mut rng);
                        pass_yards_total += line.passing_yards;
                        rush_yards_total += line.rushing_yards;
                        if season == SEASONS[1].0 {
                            last_season_points
                                .entry(p.label.clone())
                                .or_default()
                                .push(offense_points(&line.offense()));
                        }
                        let tshare = line.targets / targets_total.max(1.0);
                        let name = if p.label == UNMATCHED {
                            UNMATCHED_NFL_NAME.to_string()
                        } else {
                            p.name.clone()
                        };
                        let _ = writeln!(
                            stats,
                            "{id},{name},{name},{pos},{pos},{season},{week},REG,{team},{opp},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{tshare:.4},{tshare:.4}",
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
                            pos = p.position,
                        );
                    }
                    // This team's defense against `opp`: a better one sacks and takes away more.
                    let (_, own_defense) = strength(team);
                    let pressure = 1.0 - own_defense;
                    let sacks = (2.4 * pressure + 1.2 * normal(&mut rng)).round().max(0.0) + 0.0;
                    let ints = (0.8 * pressure + 0.7 * normal(&mut rng)).round().max(0.0) + 0.0;
                    let fumbles = (0.5 + 0.6 * normal(&mut rng)).round().max(0.0) + 0.0;
                    let def_tds = if rng.random::<f64>() < 0.08 { 1.0 } else { 0.0 };
                    defense_lines.insert(team, (sacks, ints, fumbles, def_tds));
                    let _ = writeln!(
                        team_stats,
                        "{season},{week},{team},REG,{opp},{attempts},{pass_yards_total},{carries_total},{rush_yards_total},{sacks},{ints},{fumbles},{def_tds},0,0"
                    );
                }
                if season == SEASONS[1].0 {
                    for (team, opp) in [(away, home), (home, away)] {
                        let (sacks, ints, fumbles, def_tds) = defense_lines[team];
                        let opponent_tds = defense_lines[opp].3;
                        let points = defense_points(&Defense {
                            sacks,
                            interceptions: ints,
                            fumbles_recovered: fumbles,
                            return_tds: def_tds,
                            points_allowed: (scores[opp] - 7.0 * opponent_tds).max(0.0),
                            ..Defense::default()
                        });
                        if let Some(p) = players
                            .iter()
                            .find(|p| p.team == team && p.position == "DST")
                        {
                            last_season_points
                                .entry(p.label.clone())
                                .or_default()
                                .push(points);
                        }
                    }
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
        last_statuses = season_statuses;
    }
    // Week 18 of 2026: the demo slate's games, lines known, not played yet, and its report.
    let (season, _, weeks) = SEASONS[1];
    write_report(
        &mut injuries,
        &players,
        &slate_week_statuses(&players, &last_statuses),
        season,
        weeks + 1,
    );
    for (away, home, kickoff) in GAMES {
        let l = lines(away, home);
        let _ = writeln!(
            games,
            "2026_18_{away}_{home},2026,REG,18,{},{kickoff},{away},,{home},,{},{},outdoors,grass,,,7,7,0",
            super::roster::date(),
            l.spread,
            l.total
        );
    }
    out.insert(0, ("games.csv".into(), games));
    out.push(("injuries_2026.csv".into(), injuries));
    out.push(("roster_2026.csv".into(), season_roster(&players, season)));
    DemoHistory {
        files: out,
        last_season_points,
    }
}

/// The last season's roster in nflverse's layout: every player of the demo slate's teams (the
/// rookie included: he is on the team, he has not played), the unmatched one under his NFL name.
fn season_roster(players: &[DemoPlayer], season: i32) -> String {
    let mut text =
        String::from("season,team,position,status,full_name,first_name,last_name,gsis_id\n");
    for (index, p) in players.iter().enumerate() {
        if p.position == "DST" {
            continue;
        }
        let name = if p.label == UNMATCHED {
            UNMATCHED_NFL_NAME
        } else {
            &p.name
        };
        let (first, last) = name.split_once(' ').unwrap_or((name, ""));
        let _ = writeln!(
            text,
            "{season},{team},{pos},ACT,{name},{first},{last},{id}",
            team = p.team,
            pos = p.position,
            id = gsis_id(index),
        );
    }
    text
}

/// The header of nflverse's injury reports (`injuries_YYYY.csv`).
const INJURY_HEADER: &str = "season,game_type,team,week,gsis_id,position,full_name,first_name,\
                             last_name,report_primary_injury,report_status,practice_status\n";

/// Appends a week's injury report: every player Out or Questionable. Only the last season's
/// reports are written (nflverse has one file per season).
fn write_report(
    report: &mut String,
    players: &[DemoPlayer],
    status: &[Status],
    season: i32,
    week: i32,
) {
    if season != SEASONS[1].0 {
        return;
    }
    for (index, (p, s)) in players.iter().zip(status).enumerate() {
        let Some(label) = s.report() else { continue };
        if p.label == ROOKIE || p.position == "DST" {
            continue;
        }
        let (first, last) = p.name.split_once(' ').unwrap_or((&p.name, ""));
        let practice = if *s == Status::Out {
            "Did Not Participate In Practice"
        } else {
            "Limited Participation in Practice"
        };
        let _ = writeln!(
            report,
            "{season},REG,{team},{week},{id},{pos},{name},{first},{last},Knee,{label},{practice}",
            team = p.team,
            id = gsis_id(index),
            pos = p.position,
            name = p.name,
        );
    }
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

impl StatLine {
    fn offense(&self) -> Offense {
        Offense {
            passing_yards: self.passing_yards,
            passing_tds: self.passing_tds,
            interceptions: self.interceptions,
            rushing_yards: self.rushing_yards,
            rushing_tds: self.rushing_tds,
            receptions: self.receptions,
            receiving_yards: self.receiving_yards,
            receiving_tds: self.receiving_tds,
            ..Offense::default()
        }
    }
}

/// A team's volume in a game.
struct Volume {
    attempts: f64,
    carries: f64,
    targets: f64,
}

fn player_line(
    p: &DemoPlayer,
    share: f64,
    talent: f64,
    env: f64,
    volume: &Volume,
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
            line.attempts = volume.attempts;
            line.completions = (volume.attempts * (0.55 + 0.1 * talent)).round();
            line.passing_yards =
                (volume.attempts * 6.8 * talent * env.sqrt() * r(rng, 0.2)).round();
            line.passing_tds = td(rng, 1.6 * talent * env);
            line.interceptions = td(rng, 0.9 / talent);
            line.sacks = td(rng, 2.4);
            line.carries = (4.0 * talent * r(rng, 0.4)).round();
            line.rushing_yards = (line.carries * 4.5 * r(rng, 0.5)).round();
            line.rushing_tds = td(rng, 0.15 * talent);
        }
        "RB" => {
            line.carries = (volume.carries * share * r(rng, 0.25)).round();
            line.rushing_yards = (line.carries * 4.3 * talent * r(rng, 0.35)).round();
            line.rushing_tds = td(rng, 0.9 * share * env);
            line.targets = (volume.targets * 0.12 * share * 2.0 * r(rng, 0.4)).round();
            line.receptions = (line.targets * 0.75).round();
            line.receiving_yards = (line.receptions * 7.5 * r(rng, 0.4)).round();
            line.receiving_tds = td(rng, 0.15 * share);
            line.air_yards = line.targets;
        }
        "WR" => {
            line.targets = (volume.targets * share * r(rng, 0.3)).round();
            line.receptions = (line.targets * (0.58 + 0.08 * talent)).round();
            line.receiving_yards =
                (line.receptions * 12.5 * talent * env.sqrt() * r(rng, 0.35)).round();
            line.receiving_tds = td(rng, 1.6 * share * env);
            line.air_yards = (line.targets * 10.0).round();
        }
        _ => {
            line.targets = (volume.targets * share * r(rng, 0.35)).round();
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
