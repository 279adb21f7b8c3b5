//! Time, as the caller reads it. The domain never reads the clock itself: a run with a time
//! limit or a time box is handed a [`Clock`], so the app passes the wall clock and a test can
//! pass one that stands still or jumps past the limit.

use std::time::Duration;

/// The time on a monotonic clock the caller reads, since any origin it likes: a run takes the
/// time when it starts and measures what it spent against it.
pub type Clock<'a> = &'a (dyn Fn() -> Duration + Sync);

/// A clock that stands still: nothing it times ever runs out, and every run takes 0 s.
pub fn stopped() -> Duration {
    Duration::ZERO
}
