//! Command latency over a sliding window: p50 and p95 overall and per command.

use serde::Serialize;
use std::collections::VecDeque;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// How far back the latency statistics look.
pub const WINDOW: Duration = Duration::from_secs(300);

/// Most samples kept, however busy the window.
const MAX_SAMPLES: usize = 2_000;

/// One command's times over the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CommandLatency {
    /// The command.
    pub command: String,
    /// Calls in the window.
    pub count: u32,
    /// Median, milliseconds.
    pub p50_ms: f64,
    /// 95th percentile, milliseconds.
    pub p95_ms: f64,
}

/// Command times over the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LatencyStats {
    /// Calls in the window.
    pub count: u32,
    /// Median of every call, milliseconds (0 without calls).
    pub p50_ms: f64,
    /// 95th percentile of every call, milliseconds (0 without calls).
    pub p95_ms: f64,
    /// Per command, slowest p95 first.
    pub commands: Vec<CommandLatency>,
}

/// The samples of the window.
#[derive(Debug, Default)]
pub struct LatencyWindow {
    samples: VecDeque<(Instant, String, f64)>,
}

/// The `q` quantile of sorted values by the nearest rank.
fn nearest_rank(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn percentiles(mut values: Vec<f64>) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    (nearest_rank(&values, 0.5), nearest_rank(&values, 0.95))
}

impl LatencyWindow {
    /// Records a call.
    pub fn record(&mut self, command: &str, took: Duration) {
        self.record_at(Instant::now(), command, took);
    }

    /// Records a call that ended at `at`.
    pub fn record_at(&mut self, at: Instant, command: &str, took: Duration) {
        if self.samples.len() == MAX_SAMPLES {
            self.samples.pop_front();
        }
        self.samples
            .push_back((at, command.to_string(), took.as_secs_f64() * 1000.0));
        self.expire(at);
    }

    fn expire(&mut self, now: Instant) {
        while self
            .samples
            .front()
            .is_some_and(|(at, _, _)| now.duration_since(*at) > WINDOW)
        {
            self.samples.pop_front();
        }
    }

    /// Statistics of the calls in the window.
    pub fn stats(&mut self) -> LatencyStats {
        self.expire(Instant::now());
        let (p50_ms, p95_ms) = percentiles(self.samples.iter().map(|s| s.2).collect());
        let mut by_command: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
        for (_, command, ms) in &self.samples {
            by_command.entry(command).or_default().push(*ms);
        }
        let mut commands: Vec<CommandLatency> = by_command
            .into_iter()
            .map(|(command, values)| {
                let count = values.len() as u32;
                let (p50_ms, p95_ms) = percentiles(values);
                CommandLatency {
                    command: command.to_string(),
                    count,
                    p50_ms,
                    p95_ms,
                }
            })
            .collect();
        commands.sort_by(|a, b| b.p95_ms.total_cmp(&a.p95_ms));
        LatencyStats {
            count: self.samples.len() as u32,
            p50_ms,
            p95_ms,
            commands,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_overall_and_per_command_over_the_window() {
        let mut w = LatencyWindow::default();
        let start = Instant::now();
        for ms in 1..=100 {
            w.record_at(start, "optimize", Duration::from_millis(ms));
        }
        w.record_at(start, "health", Duration::from_millis(3));
        let s = w.stats();
        assert_eq!(s.count, 101);
        assert_eq!(s.p50_ms, 50.0);
        assert_eq!(s.p95_ms, 95.0);
        assert_eq!(s.commands[0].command, "optimize");
        assert_eq!(s.commands[0].p95_ms, 95.0);
        assert_eq!(s.commands[1].command, "health");
        assert_eq!((s.commands[1].count, s.commands[1].p50_ms), (1, 3.0));
    }

    #[test]
    fn old_calls_leave_the_window() {
        let mut w = LatencyWindow::default();
        let Some(old) = Instant::now().checked_sub(WINDOW + Duration::from_secs(1)) else {
            return; // a machine up for less than the window cannot hold an older instant
        };
        w.record_at(old, "slow", Duration::from_secs(9));
        w.record("health", Duration::from_millis(5));
        let s = w.stats();
        assert_eq!(s.count, 1);
        assert_eq!(s.p95_ms, 5.0);
    }
}
