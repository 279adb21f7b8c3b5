//! Downloading nflverse files: a cache folder keyed by address (reused while younger than the
//! cache lifetime), retries with exponential back-off on connection failures and server errors,
//! byte progress with cancel, and files written whole or not at all.

use crate::{Error, Result};
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
            .read_timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| Error::Config(format!("cannot start the HTTP client: {e}")))?;
        std::fs::create_dir_all(cache_dir).map_err(Error::io("creating", cache_dir))?;
        Ok(Fetcher {
            client,
            cache_dir: cache_dir.to_path_buf(),
            ttl,
            first_backoff: Duration::from_secs(1),
        })
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
        let mut response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| Failure::Retry(describe(&e)))?;
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
        let partial = path.with_extension("partial");
        let mut out = std::fs::File::create(&partial)
            .map_err(|e| Failure::Fatal(Error::io("writing", &partial)(e)))?;
        // Drops the half-written file of a try that did not finish.
        let discard = |out: std::fs::File| {
            drop(out);
            std::fs::remove_file(&partial).ok();
        };
        let mut received = 0u64;
        if !on_bytes(0, total) {
            discard(out);
            return Err(Failure::Fatal(Error::Cancelled(format!(
                "{url} was not downloaded"
            ))));
        }
        loop {
            let chunk = match response.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(e) => {
                    discard(out);
                    return Err(Failure::Retry(describe(&e)));
                }
            };
            out.write_all(&chunk)
                .map_err(|e| Failure::Fatal(Error::io("writing", &partial)(e)))?;
            received += chunk.len() as u64;
            if !on_bytes(received, total) {
                discard(out);
                return Err(Failure::Fatal(Error::Cancelled(format!(
                    "{url} was not downloaded"
                ))));
            }
        }
        drop(out);
        if total.is_some_and(|t| t != received) {
            std::fs::remove_file(&partial).ok();
            return Err(Failure::Retry(format!(
                "the connection closed after {received} of {} bytes",
                total.unwrap_or_default()
            )));
        }
        std::fs::rename(&partial, path)
            .map_err(|e| Failure::Fatal(Error::io("writing", path)(e)))?;
        Ok(Fetched::File {
            path: path.to_path_buf(),
            cached: false,
            stale: false,
        })
    }
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
