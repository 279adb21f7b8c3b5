//! The scheduling policy the shell runs: each job once, through `Scheduler::tick`.

use crate::common::workspace;
use nfl_dfs_core::monitor::Monitor;
use nfl_dfs_core::scheduled::{Job, ScheduledEvent, Scheduler, JOBS};

#[tokio::test]
async fn each_job_runs_and_says_what_changed() {
    let (_dir, ws) = workspace().await;
    let scheduler = Scheduler::default();
    let monitor = Monitor::default();
    let jobs: Vec<Job> = JOBS.iter().map(|(job, _)| *job).collect();
    assert_eq!(
        jobs,
        [
            Job::Backups,
            Job::DataRefresh,
            Job::SelfTuning,
            Job::Monitor
        ]
    );
    let first = scheduler.tick(&ws, Job::Backups, &monitor).await;
    assert!(
        matches!(first.as_slice(), [ScheduledEvent::BackupsMade(made)] if !made.is_empty()),
        "{first:?}"
    );
    assert!(scheduler.tick(&ws, Job::Backups, &monitor).await.is_empty());
    // No NFL history: nothing to retrain on, nothing trained.
    assert!(scheduler
        .tick(&ws, Job::SelfTuning, &monitor)
        .await
        .is_empty());
    let sampled = scheduler.tick(&ws, Job::Monitor, &monitor).await;
    assert!(
        matches!(sampled.last(), Some(ScheduledEvent::MonitorUpdated(_))),
        "{sampled:?}"
    );
}
