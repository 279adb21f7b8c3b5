//! Late swap from an entries file: started players stay in their slots, the other slots get the
//! best players still to come, every lineup passes the validator with the entry's late-swap
//! state, and a swap that cannot do anything writes nothing.

use crate::common::workspace;
use chrono::{DateTime, TimeZone, Utc};
use nfl_dfs_core::clock::stopped;
use nfl_dfs_core::lineup::{validate, LateSwap, ValidationRules};
use nfl_dfs_core::optimizer::{optimize, LateSwapRequest, Rules};
use nfl_dfs_core::slate::Slate;
use nfl_dfs_core::{demo, ErrorCode};
use std::collections::HashMap;

const HEADER: &str =
    "Entry ID,Contest Name,Contest ID,Entry Fee,QB,RB,RB,WR,WR,WR,TE,FLEX,DST,,Instructions";

fn entries_file(slate: &Slate, full: &[i32]) -> String {
    let cells: Vec<String> = full
        .iter()
        .map(|id| slate.player(*id).unwrap().name_and_id())
        .collect();
    format!(
        "{HEADER}\r\n\
         6001,\"NFL Single Entry, $5\",777,$5,{},,1. Locate the player\r\n\
         6002,\"NFL Single Entry, $5\",777,$5,,,,,,,,,,,2. Copy the ID\r\n\
         \r\n\
         ,,,,,,,,,,,,,,,Position,Name + ID,Name,ID\r\n",
        cells.join(",")
    )
}

#[tokio::test]
async fn started_players_stay_and_the_rest_is_reoptimised() {
    let (dir, ws) = workspace().await;
    let report = ws
        .import_slate("DKSalaries-demo.csv", demo::salary_csv().as_bytes(), None)
        .await
        .unwrap();
    let slate = ws.slate(report.slate.id).await.unwrap();

    // The entry holds a cheap lineup that has early players in it.
    let as_of: DateTime<Utc> = Utc.with_ymd_and_hms(2027, 1, 3, 19, 0, 0).unwrap();
    let started = |id: i32| slate.player(id).unwrap().started_at(as_of);
    let entry = demo::cheap_lineups(&slate, 40)
        .into_iter()
        .map(|l| l.players.to_vec())
        .find(|l| {
            l.iter().filter(|id| started(**id)).count() >= 2 && !l.iter().all(|id| started(*id))
        })
        .expect("a demo lineup with early and late players");
    let entries = dir.path().join("DKEntries.csv");
    std::fs::write(&entries, entries_file(&slate, &entry)).unwrap();
    let out = dir.path().join("DKEntries-swapped.csv");
    let request = LateSwapRequest {
        slate_id: slate.summary.id,
        entries: entries.display().to_string(),
        out: out.display().to_string(),
        as_of: Some(as_of),
        rules: Rules::default(),
    };
    let report = ws.late_swap(&request, HashMap::new()).await.unwrap();
    assert_eq!(report.entries.len(), 2);

    // Entry 6001: started players kept in their slots, the rest better or equal, all valid.
    let first = &report.entries[0];
    let kept = entry.iter().filter(|id| started(**id)).count();
    assert_eq!(first.kept as usize, kept);
    let swapped = first.lineup.as_ref().expect("entry 6001 re-optimised");
    let mut locked = [None; 9];
    for (k, id) in entry.iter().enumerate() {
        if started(*id) {
            assert_eq!(
                swapped.players[k], *id,
                "a started player stays in slot {k}"
            );
            locked[k] = Some(*id);
        }
    }
    for (k, id) in swapped.players.iter().enumerate() {
        assert!(
            locked[k].is_some() || !started(*id),
            "no other started player is added"
        );
    }
    let rules = ValidationRules {
        salary_cap: 50_000,
        late_swap: Some(LateSwap { now: as_of, locked }),
    };
    assert!(validate(&slate, &swapped.players, &rules).is_empty());
    assert!(swapped.points >= first.points_before.unwrap() - 1e-9);
    assert!(
        swapped.points > first.points_before.unwrap(),
        "a cheap lineup is improved"
    );

    // Entry 6002 was empty: the best lineup of players still to come.
    let second = report.entries[1]
        .lineup
        .as_ref()
        .expect("entry 6002 filled");
    assert!(second.players.iter().all(|id| !started(*id)));
    // The same projections the late swap used (the app's, the market's for a player with no
    // average).
    let projected: HashMap<i32, f64> = ws
        .project_slate(slate.summary.id)
        .await
        .unwrap()
        .players
        .into_iter()
        .map(|p| (p.player.slate_player_id, p.projection))
        .collect();
    let best_to_come = optimize(
        &slate,
        &projected,
        &Rules {
            as_of: Some(as_of),
            ..Rules::default()
        },
        &stopped,
        |_, _| true,
    )
    .unwrap();
    assert!((second.points - best_to_come.lineups[0].points).abs() < 1e-9);

    // The file: both rows filled, the rest of the file as it was.
    let written = std::fs::read_to_string(&out).unwrap();
    let names = |ids: &[i32]| -> String {
        ids.iter()
            .map(|id| slate.player(*id).unwrap().name_and_id())
            .collect::<Vec<_>>()
            .join(",")
    };
    assert!(written.starts_with(HEADER));
    assert!(written.contains(&format!(
        "6001,\"NFL Single Entry, $5\",777,$5,{},,1.",
        names(&swapped.players)
    )));
    assert!(written.contains(&format!(
        "6002,\"NFL Single Entry, $5\",777,$5,{},,2.",
        names(&second.players)
    )));
    assert!(written.ends_with(",,,,,,,,,,,,,,,Position,Name + ID,Name,ID\r\n"));

    // After every kickoff nothing can change: refused, and no file is written.
    std::fs::remove_file(&out).unwrap();
    let late = LateSwapRequest {
        as_of: Some(Utc.with_ymd_and_hms(2027, 1, 5, 12, 0, 0).unwrap()),
        ..request
    };
    let err = ws.late_swap(&late, HashMap::new()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("entry 6002 (line 3)"), "{err}");
    assert!(!out.exists());
}
