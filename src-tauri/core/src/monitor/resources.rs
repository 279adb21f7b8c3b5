//! Resource samples with sysinfo: this process's CPU and memory, the system's CPU and memory,
//! and the free space of the disk holding the data folder.

use serde::Serialize;
use std::path::Path;
use sysinfo::{Disks, Pid, ProcessesToUpdate, System};
use ts_rs::TS;

/// One resource sample.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResourceSample {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// This process's CPU use, percent of one core (0 on the first sample).
    pub process_cpu_pct: f64,
    /// This process's resident memory, bytes.
    #[ts(type = "number")]
    pub process_memory_bytes: u64,
    /// The system's CPU use, percent of all cores (0 on the first sample).
    pub system_cpu_pct: f64,
    /// The system's memory in use, percent.
    pub memory_used_pct: f64,
    /// The system's memory, bytes.
    #[ts(type = "number")]
    pub memory_total_bytes: u64,
    /// Free space on the disk holding the data folder, bytes (None when no disk matches).
    #[ts(type = "number | null")]
    pub disk_free_bytes: Option<u64>,
    /// Size of that disk, bytes.
    #[ts(type = "number | null")]
    pub disk_total_bytes: Option<u64>,
}

/// Keeps the sysinfo state between samples (CPU use is measured between two refreshes).
#[derive(Debug)]
pub struct ResourceProbe {
    system: System,
    pid: Option<Pid>,
}

impl Default for ResourceProbe {
    fn default() -> Self {
        Self {
            system: System::new(),
            pid: sysinfo::get_current_pid().ok(),
        }
    }
}

impl ResourceProbe {
    /// Takes a sample.
    pub fn sample(&mut self, data_dir: &Path) -> ResourceSample {
        self.system.refresh_memory();
        self.system.refresh_cpu_usage();
        if let Some(pid) = self.pid {
            self.system
                .refresh_processes(ProcessesToUpdate::Some(&[pid]), true);
        }
        let process = self.pid.and_then(|pid| self.system.process(pid));
        let total = self.system.total_memory();
        let (disk_free_bytes, disk_total_bytes) = disk_of(data_dir).unzip();
        ResourceSample {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            process_cpu_pct: process.map_or(0.0, |p| f64::from(p.cpu_usage())),
            process_memory_bytes: process.map_or(0, |p| p.memory()),
            system_cpu_pct: f64::from(self.system.global_cpu_usage()),
            memory_used_pct: if total > 0 {
                100.0 * self.system.used_memory() as f64 / total as f64
            } else {
                0.0
            },
            memory_total_bytes: total,
            disk_free_bytes,
            disk_total_bytes,
        }
    }
}

/// Free and total bytes of the disk whose mount point is the longest prefix of `dir`.
fn disk_of(dir: &Path) -> Option<(u64, u64)> {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let disks = Disks::new_with_refreshed_list();
    disks
        .list()
        .iter()
        .filter(|d| dir.starts_with(d.mount_point()))
        .max_by_key(|d| d.mount_point().as_os_str().len())
        .map(|d| (d.available_space(), d.total_space()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_sees_this_process_memory_and_the_disk_of_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut probe = ResourceProbe::default();
        let first = probe.sample(dir.path());
        assert!(first.process_memory_bytes > 1 << 20, "{first:?}");
        assert!(first.memory_total_bytes > first.process_memory_bytes);
        assert!((0.0..=100.0).contains(&first.memory_used_pct));
        let (free, total) = (
            first.disk_free_bytes.unwrap(),
            first.disk_total_bytes.unwrap(),
        );
        assert!(free <= total && total > 0, "{first:?}");
    }
}
