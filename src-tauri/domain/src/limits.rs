//! Every cap on input the app accepts, named in one place. Files, downloads and archives are
//! hostile until read: a reader stops at these numbers with a clear error instead of filling
//! the memory or the disk, and a download stops when it runs too long.

use std::time::Duration;

/// A DraftKings CSV (salary, lineup, entries, projection file) read whole: well under 1 MB.
pub const MAX_CSV_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Bytes one nflverse file may hold once decompressed. A season of play-by-play is about
/// 150 MB of CSV.
pub const MAX_DECOMPRESSED_BYTES: u64 = 512 * 1024 * 1024;

/// Records one nflverse file may hold. A season of play-by-play has about 50,000; every
/// season of weekly player stats together about 150,000.
pub const MAX_ROWS_PER_FILE: u64 = 500_000;

/// Bytes one line of an nflverse file may hold: a real row is a few kilobytes (play-by-play
/// rows, the longest, about 3 KB).
pub const MAX_RECORD_BYTES: usize = 256 * 1024;

/// A model file (`model.json.gz`) as stored, and once decompressed.
pub const MAX_MODEL_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// See [`MAX_MODEL_FILE_BYTES`].
pub const MAX_MODEL_JSON_BYTES: u64 = 256 * 1024 * 1024;

/// A small JSON file beside a model (`metadata.json`, `features.json`).
pub const MAX_MODEL_SIDECAR_BYTES: u64 = 1024 * 1024;

/// Bytes a models archive may unpack to, and the entries it may hold.
pub const MAX_ARCHIVE_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
/// See [`MAX_ARCHIVE_UNPACKED_BYTES`].
pub const MAX_ARCHIVE_ENTRIES: u64 = 100_000;

/// Bytes one download may hold (a season of play-by-play, gzipped, is about 30 MB).
pub const MAX_DOWNLOAD_BYTES: u64 = 256 * 1024 * 1024;

/// How long one download may take in all, however slowly the bytes trickle in.
pub const MAX_DOWNLOAD_TIME: Duration = Duration::from_secs(10 * 60);

/// How long a download may wait for its next bytes.
pub const DOWNLOAD_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Hosts a download may be redirected to besides its own: GitHub serves release files from
/// these. Redirects are followed over https only.
pub const DOWNLOAD_MIRRORS: &[&str] = &[
    "objects.githubusercontent.com",
    "release-assets.githubusercontent.com",
    "github-releases.githubusercontent.com",
];

/// Redirects one download may follow.
pub const MAX_REDIRECTS: usize = 5;

/// How long one optimizer run may search before it returns the lineups it has.
pub const OPTIMIZER_TIME_LIMIT: Duration = Duration::from_secs(60);

/// Entries one contest may have (DraftKings' largest single-entry fields are far smaller).
pub const MAX_CONTEST_ENTRIES: u32 = 1_000_000;

/// The highest entry fee a contest may have, in dollars.
pub const MAX_ENTRY_FEE: f64 = 100_000.0;

/// Simulated slates one simulation may draw.
pub const MAX_SIMULATIONS: u32 = 200_000;

/// Candidate lineups one pick may weigh.
pub const MAX_CANDIDATES: u32 = 5_000;

/// Opponent lineups simulated at most: a larger field is sampled at this size and its ranks
/// scaled to the whole field.
pub const MAX_SIMULATED_FIELD: u32 = 5_000;
