//! Who plays, measured on the real slates of ../shared/data with stats for their week (issue
//! 16): per slate, the offensive players the app projects above 5 points who did not play,
//! without availability (the projection if he plays, as before) and with it (times the play
//! probability), and the Brier score of the play probability against whether each matched
//! player appeared. No models are trained: availability does not depend on them, and the
//! projection is DraftKings' average either way. Usage: availability_check [DATA_DIR]; used by
//! `scripts/bench-availability.sh`.

use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::availability::PlayStatus;
use std::collections::{HashMap, HashSet};

mod common;

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    let (_dir, ws) = common::real_seasons(&data).await;
    let slates = common::SLATES_WITH_POINTS;
    println!("| slate | matched players | did not play | above 5, did not play: before | after | Brier | Brier of 'always plays' | statuses |");
    println!("|---|---|---|---|---|---|---|---|");
    let (mut before_all, mut after_all, mut brier_all, mut base_all, mut n_all) =
        (0, 0, 0.0, 0.0, 0usize);
    for (file, season, week) in slates {
        let slate = ws
            .import_slate_file(&data.join("dk_salaries").join(file), None)
            .await
            .expect("the slate imports");
        let id = slate.slate.id;
        let matches = ws.match_slate(id).await.expect("matches");
        let gsis: HashMap<i32, String> = matches
            .players
            .iter()
            .filter_map(|m| m.gsis_id.clone().map(|g| (m.player.slate_player_id, g)))
            .collect();
        let played: HashSet<String> = ws
            .week_points(season, week)
            .await
            .expect("points")
            .players
            .into_iter()
            .map(|p| p.gsis_id)
            .collect();
        let projected = ws.project_slate(id).await.expect("projection");
        let (mut before, mut after, mut brier, mut base, mut n, mut sat) = (0, 0, 0.0, 0.0, 0, 0);
        let mut statuses: HashMap<PlayStatus, usize> = HashMap::new();
        for p in &projected.players {
            if p.player.position == Position::DST || !p.playable {
                continue;
            }
            let Some(g) = gsis.get(&p.player.slate_player_id) else {
                continue;
            };
            let appeared = played.contains(g);
            let outcome = if appeared { 1.0 } else { 0.0 };
            *statuses.entry(p.status).or_default() += 1;
            n += 1;
            sat += usize::from(!appeared);
            brier += (p.play_probability - outcome).powi(2);
            base += (1.0 - outcome).powi(2);
            if !appeared {
                before += usize::from(p.if_plays > 5.0);
                after += usize::from(p.projection > 5.0);
            }
        }
        let mut shown: Vec<String> = statuses.iter().map(|(s, k)| format!("{s:?} {k}")).collect();
        shown.sort();
        println!(
            "| {file} | {n} | {sat} | {before} | {after} | {:.3} | {:.3} | {} |",
            brier / n.max(1) as f64,
            base / n.max(1) as f64,
            shown.join(", ")
        );
        before_all += before;
        after_all += after;
        brier_all += brier;
        base_all += base;
        n_all += n;
    }
    println!(
        "| all | {n_all} | | {before_all} | {after_all} | {:.3} | {:.3} | |",
        brier_all / n_all.max(1) as f64,
        base_all / n_all.max(1) as f64
    );
}
