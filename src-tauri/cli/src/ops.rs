//! Operations commands: `backup`, `restore`, `backups list`, `doctor`. `restore` and `doctor`
//! also work when the database does not open (restore then replaces the damaged file).

use crate::{print, Output};
use clap::Subcommand;
use nfl_dfs_core::doctor::{self, DoctorReport};
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::{Error, Workspace};
use std::path::Path;
use std::process::ExitCode;

/// `backups` subcommands.
#[derive(Debug, Subcommand)]
pub enum BackupsAction {
    /// List the backups, newest first.
    List,
}

/// The exit code of a troubleshooter report: 1 when it found a problem.
pub fn doctor_exit(report: &DoctorReport) -> ExitCode {
    if report.problems > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `doctor` when the database did not open.
pub async fn doctor_unopened(paths: &DataPaths, error: &Error, out: &Output) -> ExitCode {
    let report = doctor::unopened(paths, error.code(), &error.to_string()).await;
    out.print(&report, print::doctor);
    doctor_exit(&report)
}

/// `restore FILE` when the database did not open: the damaged file is set aside.
pub async fn restore_unopened(paths: DataPaths, file: &Path, out: &Output) -> Result<(), Error> {
    let (restored, report) = Workspace::restore_unopened(paths, file).await?;
    restored.close().await?;
    out.print(&report, print::restore);
    Ok(())
}

/// `restore FILE` on an open workspace.
pub async fn restore(ws: &Workspace, file: &Path, out: &Output) -> Result<(), Error> {
    let (restored, report) = ws.restore(file).await?;
    restored.close().await?;
    out.print(&report, print::restore);
    Ok(())
}
