//! Downloading nflverse files: a cache folder keyed by address (reused while younger than the
//! cache lifetime), retries with exponential back-off on connection failures and server errors,
//! byte progress with cancel, and files written whole or not at all.

use crate::{limits, Error, Result};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Tries per file before giving up.
const ATTEMPTS: u32 = 4;

/// A file as the fetcher hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The file is on disk.
    File {
        /// Where.
        path: PathBuf,
        /// Whether it came from the cache rather than the network.
        cached: bool,
        /// Whether the network failed and an expired cached copy is used instead.
        stale: bool,
    },
    /// The server has no such file (404): nflverse has not published it (yet).
    Missing,
}

/// Downloads into a cache folder.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    cache_dir: PathBuf,
    ttl: Duration,
    first_backoff: Duration,
    max_bytes: u64,
    max_time: Duration,
}

/// Why one attempt failed.
enum Failure {
    /// Worth another try (connection, timeout, 429, 5xx, a body cut short).
    Retry(String),
    /// Not worth another try.
    Fatal(Error),
}

impl Fetcher {
    /// A fetcher caching in `cache_dir` for `ttl`; waits 1 s, 2 s, 4 s between tries.
    pub fn new(cache_dir: &Path, ttl: Duration) -> Result<Fetcher> {
        // reqwest is built without a TLS crypto provider; ring is already in the build (SQLx).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(concat!("nfl-dfs/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(15))
            .read_timeout(limits::DOWNLOAD_READ_TIMEOUT)
            .redirect(reqwest::redirect::Policy::custom(redirect))
            .build()
            .map_err(|e| Error::Config(format!("cannot start the HTTP client: {e}")))?;
        std::fs::create_dir_all(cache_dir).map_err(Error::io("creating", cache_dir))?;
        Ok(Fetcher {
            client,
            cache_dir: cache_dir.to_path_buf(),
            ttl,
            first_backoff: Duration::from_secs(1),
            max_bytes: limits::MAX_DOWNLOAD_BYTES,
            max_time: limits::MAX_DOWNLOAD_TIME,
        })
    }

    /// The same fetcher with other caps on one download's size and total time.
    pub fn with_caps(mut self, max_bytes: u64, max_time: Duration) -> Fetcher {
        self.max_bytes = max_bytes;
        self.max_time = max_time;
        self
    }

    /// The same fetcher with another first back-off (doubled after each failed try).
    pub fn with_backoff(mut self, first: Duration) -> Fetcher {
        self.first_backoff = first;
        self
    }

    /// Where the cached copy of `url` lives: a hash of the address, then its file name.
    pub fn cache_path(&self, url: &str) -> PathBuf {
        let digest = format!("{:x}", Sha256::digest(url.as_bytes()));
        let name = url.rsplit('/').next().unwrap_or("file");
        self.cache_dir.join(format!("{}-{name}", &digest[..16]))
    }

    /// The file at `url`: the cached copy while it is fresh, else downloaded (with retries).
    /// `on_bytes(received, total)` reports progress and returns false to cancel. When every try
    /// fails and an expired copy exists, that copy is used (`stale`).
    pub async fn fetch(
        &self,
        url: &str,
        on_bytes: &mut (dyn FnMut(u64, Option<u64>) -> bool + Send),
    ) -> Result<Fetched> {
        check_address(url)?;
        let path = self.cache_path(url);
        let age = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok());
        if age.is_some_and(|age| age < self.ttl) {
            return Ok(Fetched::File {
                path,
                cached: true,
                stale: false,
            });
        }
        let mut last = String::new();
        for attempt in 0..ATTEMPTS {
            if attempt > 0 {
                let wait = self.first_backoff * 2u32.pow(attempt - 1);
                tracing::warn!(url, attempt, ?wait, reason = %last, "download failed; retrying");
                tokio::time::sleep(wait).await;
            }
            match self.download(url, &path, on_bytes).await {
                Ok(fetched) => return Ok(fetched),
                Err(Failure::Fatal(e)) => return Err(e),
                Err(Failure::Retry(reason)) => last = reason,
            }
        }
        if age.is_some() {
            tracing::warn!(url, reason = %last, "download failed; using the expired cached copy");
            return Ok(Fetched::File {
                path,
                cached: true,
                stale: true,
            });
        }
        Err(Error::Network {
            url: url.to_string(),
            reason: format!("{last} (tried {ATTEMPTS} times). Check the connection and the NFL data address in Settings; what was loaded before is kept."),
        })
    }

    /// One try: streams the body into `path.partial`, then renames it over `path`.
    async fn download(
        &self,
        url: &str,
        path: &Path,
        on_bytes: &mut (dyn FnMut(u64, Option<u64>) -> bool + Send),
    ) -> Result<Fetched, Failure> {
        let deadline = tokio::time::Instant::now() + self.max_time;
        let too_slow = || {
            Failure::Fatal(Error::Network {
                url: url.to_string(),
                reason: format!(
                    "the download took longer than {} s, the most one file may take; what was \
                     loaded before is kept",
                    self.max_time.as_secs()
                ),
            })
        };
        let mut response =
            match tokio::time::timeout_at(deadline, self.client.get(url).send()).await {
                Ok(sent) => sent.map_err(|e| match redirect_refusal(&e) {
                    Some(reason) => Failure::Fatal(Error::Network {
                        url: url.to_string(),
                        reason,
                    }),
                    None => Failure::Retry(describe(&e)),
                })?,
                Err(_) => return Err(too_slow()),
            };
        let status = response.status();
        if status == reqwest::StatusCode::NOT_FOUND {
            return Ok(Fetched::Missing);
        }
        if status.is_server_error() || status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            return Err(Failure::Retry(format!("the server answered {status}")));
        }
        if !status.is_success() {
            return Err(Failure::Fatal(Error::Network {
                url: url.to_string(),
                reason: format!("the server answered {status}"),
            }));
        }
        let total = response.content_length();
        let too_big = || {
            Failure::Fatal(Error::Network {
                url: url.to_string(),
                reason: format!(
                    "the file is larger than {}, the most one download may hold",
                    crate::safe_fs::human_bytes(self.max_bytes)
                ),
            })
        };
        if total.is_some_and(|t| t > self.max_bytes) {
            return Err(too_big());
        }
        let folder = path.parent().unwrap_or(Path::new("."));
        let mut out = tempfile::Builder::new()
            .prefix(".download-")
            .suffix(".partial")
            .tempfile_in(folder)
            .map_err(|e| Failure::Fatal(Error::io("writing in", folder)(e)))?;
        // A try that does not finish leaves nothing: the temporary file goes when dropped.
        let mut received = 0u64;
        if !on_bytes(0, total) {
            return Err(Failure::Fatal(Error::Cancelled(format!(
                "{url} was not downloaded"
            ))));
        }
        loop {
            let chunk = match tokio::time::timeout_at(deadline, response.chunk()).await {
                Ok(Ok(Some(chunk))) => chunk,
                Ok(Ok(None)) => break,
                Ok(Err(e)) => {
                    return Err(Failure::Retry(describe(&e)));
                }
                Err(_) => {
                    return Err(too_slow());
                }
            };
            received += chunk.len() as u64;
            if received > self.max_bytes {
                return Err(too_big());
            }
            out.write_all(&chunk)
                .map_err(|e| Failure::Fatal(Error::io("writing", path)(e)))?;
            if !on_bytes(received, total) {
                return Err(Failure::Fatal(Error::Cancelled(format!(
                    "{url} was not downloaded"
                ))));
            }
        }
        if total.is_some_and(|t| t != received) {
            return Err(Failure::Retry(format!(
                "the connection closed after {received} of {} bytes",
                total.unwrap_or_default()
            )));
        }
        out.as_file()
            .sync_all()
            .map_err(|e| Failure::Fatal(Error::io("writing", path)(e)))?;
        out.persist(path)
            .map_err(|e| Failure::Fatal(Error::io("writing", path)(e.error)))?;
        Ok(Fetched::File {
            path: path.to_path_buf(),
            cached: false,
            stale: false,
        })
    }
}

/// Whether `url` may be downloaded from (see [`is_secure_address`]); anything else is refused
/// before a connection is made.
fn check_address(url: &str) -> Result<()> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Error::Network {
        url: url.to_string(),
        reason: format!("it is not a web address ({e})"),
    })?;
    if is_secure_address(&parsed) {
        Ok(())
    } else {
        Err(Error::Network {
            url: url.to_string(),
            reason: "NFL data is downloaded over https only (plain http only from this \
                     machine); fix the NFL data address in Settings"
                .into(),
        })
    }
}

/// The addresses the app downloads from: https, or plain http on this machine's loopback (tests,
/// a local mirror).
pub fn is_secure_address(url: &reqwest::Url) -> bool {
    url.scheme() == "https" || (url.scheme() == "http" && is_loopback(url))
}

/// Whether an address names this machine.
fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host_str() {
        Some(host) if host.eq_ignore_ascii_case("localhost") => true,
        Some(host) => host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    }
}

/// Redirects go over https (or stay on loopback), to the same host or a listed mirror, and
/// at most [`limits::MAX_REDIRECTS`] times.
fn redirect(attempt: reqwest::redirect::Attempt<'_>) -> reqwest::redirect::Action {
    let previous = attempt.previous();
    if previous.len() > limits::MAX_REDIRECTS {
        return attempt.error(format!(
            "{REFUSED}: more than {} redirects",
            limits::MAX_REDIRECTS
        ));
    }
    let first_host = previous
        .first()
        .and_then(|u| u.host_str())
        .map(str::to_owned);
    let next = attempt.url();
    let host = next.host_str().unwrap_or_default().to_owned();
    let secure = is_secure_address(next);
    let known = first_host.as_deref() == Some(host.as_str())
        || limits::DOWNLOAD_MIRRORS.contains(&host.as_str());
    if secure && known {
        attempt.follow()
    } else {
        let reason = format!("{REFUSED} to {}://{host}", next.scheme());
        attempt.error(reason)
    }
}

/// How a refused redirect's error starts, so it is told apart from a network failure.
const REFUSED: &str = "redirect refused";

/// The reason of a refused redirect, if that is what `e` is (not worth another try).
fn redirect_refusal(e: &reqwest::Error) -> Option<String> {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if text.starts_with(REFUSED) {
            return Some(format!(
                "the server sent the download elsewhere ({text}); only https on the same host \
                 or GitHub's release mirrors is followed"
            ));
        }
        source = s.source();
    }
    None
}

/// A reqwest error in words, without the address (the caller names it).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "the server did not answer in time".into()
    } else if e.is_connect() {
        "could not connect".into()
    } else {
        let mut causes = Vec::new();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            causes.push(s.to_string());
            source = s.source();
        }
        if causes.is_empty() {
            "the transfer failed".into()
        } else {
            causes.join(": ")
        }
    }
}
