//! Lineups out and back in: the upload file is exactly what DraftKings takes, re-importing it
//! gives the same lineups, an entries file is filled in place with locked players kept, and
//! refusals write nothing.

use crate::common::{snapshot, workspace};
use chrono::{TimeZone, Utc};
use nfl_dfs_core::dk::ROSTER;
use nfl_dfs_core::lineup::{ExportRequest, NewLineup};
use nfl_dfs_core::slate::Slate;
use nfl_dfs_core::{demo, ErrorCode, Workspace};

/// Distinct valid lineups of the slate.
fn lineups(slate: &Slate, count: usize) -> Vec<NewLineup> {
    let lineups = demo::cheap_lineups(slate, count);
    assert_eq!(
        lineups.len(),
        count,
        "the demo slate has enough combinations"
    );
    lineups
}

async fn demo_slate(ws: &Workspace) -> Slate {
    let report = ws
        .import_slate("DKSalaries-demo.csv", demo::salary_csv().as_bytes(), None)
        .await
        .unwrap();
    ws.slate(report.slate.id).await.unwrap()
}

fn request(slate: &Slate, out: &std::path::Path) -> ExportRequest {
    ExportRequest {
        slate_id: slate.summary.id,
        lineup_ids: None,
        out: out.display().to_string(),
        entries: None,
        as_of: None,
    }
}

#[tokio::test]
async fn upload_export_round_trips_through_reimport() {
    let (dir, ws) = workspace().await;
    let slate = demo_slate(&ws).await;
    let ids = ws
        .save_lineups(slate.summary.id, &lineups(&slate, 20), "test")
        .await
        .unwrap();
    assert_eq!(ids.len(), 20);

    let out = dir.path().join("upload.csv");
    let report = ws.export_lineups(&request(&slate, &out)).await.unwrap();
    assert_eq!(report.lineups_written, 20);
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "QB,RB,RB,WR,WR,WR,TE,FLEX,DST");
    assert_eq!(lines.len(), 21);
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 9, "{line}");
        assert!(cells.iter().all(|c| c.parse::<i64>().is_ok()), "{line}");
    }
    // Row k is lineup k, slot by slot.
    let stored = ws.lineups(slate.summary.id).await.unwrap();
    let first: Vec<String> = stored[0]
        .slots
        .iter()
        .map(|s| s.player.dk_id.unwrap().to_string())
        .collect();
    assert_eq!(lines[1], first.join(","));

    // Re-importing the written file finds the same lineups and adds none.
    let before = snapshot(&ws).await;
    let back = ws
        .import_lineups_file(slate.summary.id, &out)
        .await
        .unwrap();
    assert_eq!(back.lineup_ids, ids);
    assert_eq!((back.added, back.already_stored), (0, 20));
    assert_eq!(snapshot(&ws).await, before);

    // Into a fresh database, the file brings the same players in the same slots.
    let (_dir2, other) = workspace().await;
    let other_slate = demo_slate(&other).await;
    let imported = other
        .import_lineups_file(other_slate.summary.id, &out)
        .await
        .unwrap();
    assert_eq!(imported.added, 20);
    let again = other.lineups(other_slate.summary.id).await.unwrap();
    let dk_ids = |ls: &[nfl_dfs_core::lineup::Lineup]| -> Vec<Vec<Option<i64>>> {
        ls.iter()
            .map(|l| l.slots.iter().map(|s| s.player.dk_id).collect())
            .collect()
    };
    assert_eq!(dk_ids(&again), dk_ids(&stored));
    assert!(again
        .iter()
        .all(|l| l.slots.iter().map(|s| s.slot).eq(ROSTER)));
}

#[tokio::test]
async fn exports_refuse_invalid_lineups_and_more_than_500() {
    let (dir, ws) = workspace().await;
    let slate = demo_slate(&ws).await;
    let all = lineups(&slate, 501);
    let ids = ws
        .save_lineups(slate.summary.id, &all, "test")
        .await
        .unwrap();
    let out = dir.path().join("upload.csv");

    let err = ws.export_lineups(&request(&slate, &out)).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("at most 500"), "{err}");
    assert!(!out.exists());

    let mut first_500 = request(&slate, &out);
    first_500.lineup_ids = Some(ids[..500].to_vec());
    assert_eq!(
        ws.export_lineups(&first_500).await.unwrap().lineups_written,
        500
    );
    std::fs::remove_file(&out).unwrap();

    // A lower cap makes the stored lineups invalid: nothing is written, the reason is named.
    ws.set_setting_text("salary_cap", "30000").await.unwrap();
    let err = ws.export_lineups(&first_500).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidLineup);
    assert!(err.to_string().contains("over the 30000 cap"), "{err}");
    assert!(!out.exists());

    // An invalid lineup is never stored, and the batch it came in is not either.
    ws.set_setting_text("salary_cap", "50000").await.unwrap();
    let before = snapshot(&ws).await;
    let mut bad = lineups(&slate, 2);
    bad[1].players[8] = bad[1].players[0]; // the QB at DST
    let err = ws
        .save_lineups(slate.summary.id, &bad, "test")
        .await
        .unwrap_err();
    assert!(
        err.to_string().starts_with("Lineup 2 of 2 is not a valid"),
        "{err}"
    );
    assert_eq!(snapshot(&ws).await, before);
}

#[tokio::test]
async fn a_slate_without_ids_cannot_be_exported() {
    let (dir, ws) = workspace().await;
    let legacy = "Position,Name,Salary,GameInfo,AvgPointsPerGame,TeamAbbrev\r\n\
                  QB,Old Timer,6000,AAA@BBB 10/29/2017 01:00PM ET,20,AAA\r\n";
    let report = ws
        .import_slate("old.csv", legacy.as_bytes(), None)
        .await
        .unwrap();
    assert!(!report.slate.exportable);
    let slate = ws.slate(report.slate.id).await.unwrap();
    let err = ws
        .export_lineups(&request(&slate, &dir.path().join("x.csv")))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("without player IDs"), "{err}");
}

#[tokio::test]
async fn entries_fill_keeps_every_other_cell_and_locked_players() {
    let (dir, ws) = workspace().await;
    let slate = demo_slate(&ws).await;
    let new = lineups(&slate, 3);
    ws.save_lineups(slate.summary.id, &new, "test")
        .await
        .unwrap();
    let name_id = |id: i32| slate.player(id).unwrap().name_and_id();

    // Entry 2 is a live entry: its QB is locked. Lineup 2 of the store has that QB.
    let locked_qb = new[1].players[0];
    let header =
        "Entry ID,Contest Name,Contest ID,Entry Fee,QB,RB,RB,WR,WR,WR,TE,FLEX,DST,,Instructions";
    let entries = format!(
        "{header}\r\n\
         5001,\"NFL Single Entry, $5\",777,$5,,,,,,,,,,,1. Locate the player\r\n\
         5002,\"NFL Single Entry, $5\",777,$5,{} (LOCKED),,,,,,,,,,2. Copy the ID\r\n\
         \r\n\
         ,,,,,,,,,,,,,,,Position,Name + ID,Name,ID\r\n",
        name_id(locked_qb)
    );
    let entries_path = dir.path().join("DKEntries.csv");
    std::fs::write(&entries_path, &entries).unwrap();

    let out = dir.path().join("DKEntries-filled.csv");
    let mut req = request(&slate, &out);
    req.entries = Some(entries_path.display().to_string());
    // Before every kickoff: both entries are filled; entry 2 gets the lineup with its QB.
    req.as_of = Some(Utc.with_ymd_and_hms(2027, 1, 3, 17, 0, 0).unwrap());
    let report = ws.export_lineups(&req).await.unwrap();
    assert_eq!((report.lineups_written, report.entries_total), (2, 2));
    let filled = std::fs::read_to_string(&out).unwrap();
    let cells = |lineup: &NewLineup| -> Vec<String> {
        lineup.players.iter().map(|id| name_id(*id)).collect()
    };
    let mut entry2 = cells(&new[1]);
    entry2[0] = format!("{} (LOCKED)", entry2[0]);
    let expected = format!(
        "{header}\r\n\
         5001,\"NFL Single Entry, $5\",777,$5,{},,1. Locate the player\r\n\
         5002,\"NFL Single Entry, $5\",777,$5,{},,2. Copy the ID\r\n\
         \r\n\
         ,,,,,,,,,,,,,,,Position,Name + ID,Name,ID\r\n",
        cells(&new[0]).join(","),
        entry2.join(",")
    );
    assert_eq!(filled, expected);

    // The filled file reads back as the same two lineups.
    let back = ws
        .import_lineups_file(slate.summary.id, &out)
        .await
        .unwrap();
    assert_eq!((back.added, back.already_stored), (0, 2));

    // After every kickoff nothing may move: the fill is refused and no file is written.
    std::fs::remove_file(&out).unwrap();
    req.as_of = Some(Utc.with_ymd_and_hms(2027, 1, 4, 12, 0, 0).unwrap());
    let err = ws.export_lineups(&req).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("entry 5001 (line 2)"), "{err}");
    assert!(!out.exists());
}

#[tokio::test]
async fn lineup_files_with_unknown_players_name_line_and_slot() {
    let (dir, ws) = workspace().await;
    let slate = demo_slate(&ws).await;
    let path = dir.path().join("mine.csv");
    std::fs::write(
        &path,
        "QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n91000001,91000002,91000003,91000004,91000005,91000006,91000007,91000008,12345\n",
    )
    .unwrap();
    let before = snapshot(&ws).await;
    let err = ws
        .import_lineups_file(slate.summary.id, &path)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidFile);
    assert!(
        err.to_string()
            .starts_with("mine.csv, line 2, column 'DST': player ID 12345 is not on slate"),
        "{err}"
    );
    assert_eq!(snapshot(&ws).await, before);
}

#[tokio::test]
async fn an_export_never_lands_on_what_the_app_keeps_a_link_or_a_special_file() {
    let (dir, ws) = workspace().await;
    let slate = demo_slate(&ws).await;
    ws.save_lineups(slate.summary.id, &lineups(&slate, 2), "test")
        .await
        .unwrap();
    let database = ws.paths().database_file.clone().unwrap();
    let db_bytes = std::fs::read(&database).unwrap();
    let before = snapshot(&ws).await;
    let mut targets = vec![
        (database.clone(), "the app's database"),
        (
            nfl_dfs_core::paths::with_suffix(&database, "-wal"),
            "a file of the app's database",
        ),
        (
            ws.paths().backups_dir().join("upload.csv"),
            "in the backups folder",
        ),
        (
            ws.paths().models_dir().join("upload.csv"),
            "in the model registry",
        ),
    ];
    std::fs::create_dir_all(ws.paths().backups_dir()).unwrap();
    std::fs::create_dir_all(ws.paths().models_dir()).unwrap();
    #[cfg(unix)]
    {
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&database, &link).unwrap();
        targets.push((link, "a symbolic link"));
        let fifo = dir.path().join("fifo.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            targets.push((fifo, "a device, FIFO or socket"));
        }
    }
    for (out, why) in targets {
        let e = ws.export_lineups(&request(&slate, &out)).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{out:?}: {e}");
        let message = e.to_string();
        assert!(
            message.contains(why) && message.contains(&out.display().to_string()),
            "{message}"
        );
    }
    assert_eq!(
        std::fs::read(&database).unwrap(),
        db_bytes,
        "the database is intact"
    );
    assert_eq!(snapshot(&ws).await, before);
    // A plain file beside them is written.
    let fine = dir.path().join("upload.csv");
    ws.export_lineups(&request(&slate, &fine)).await.unwrap();
    assert!(std::fs::read_to_string(&fine)
        .unwrap()
        .starts_with("QB,RB,RB"));
}
