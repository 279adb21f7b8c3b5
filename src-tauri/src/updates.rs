//! App updates with tauri-plugin-updater: the release manifest (`latest.json`) is read from the
//! `update_url` setting, the package is verified against the public key in `tauri.conf.json`
//! (minisign, as `tauri signer` makes it) before anything is installed. The start-up check runs
//! in the background; offline it is silent.

use crate::error::IpcError;
use crate::events::{AppEvent, UpdateInfo, UpdateProgress};
use nfl_dfs_core::ErrorCode;
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Update, UpdaterExt};

/// How long a check or download may wait on the network.
const TIMEOUT: Duration = Duration::from_secs(30);

fn error(e: tauri_plugin_updater::Error) -> IpcError {
    use tauri_plugin_updater::Error as E;
    match e {
        E::Minisign(_) | E::Base64(_) | E::SignatureUtf8(_) | E::SignedVersionMismatch { .. } => {
            IpcError {
                code: ErrorCode::InvalidFile,
                message: format!(
                    "The update was refused: its signature does not match this app's release key \
                     ({e}). Nothing was installed."
                ),
            }
        }
        other => IpcError {
            code: ErrorCode::Network,
            message: format!("Could not check for updates: {other}."),
        },
    }
}

impl From<&Update> for UpdateInfo {
    fn from(u: &Update) -> Self {
        UpdateInfo {
            version: u.version.clone(),
            current_version: u.current_version.clone(),
            notes: u.body.clone(),
            date: u.date.map(|d| d.to_string()),
        }
    }
}

/// Asks the manifest at `endpoint` whether a newer version exists.
pub async fn check<R: Runtime>(
    app: &AppHandle<R>,
    endpoint: &str,
) -> Result<Option<Update>, IpcError> {
    let url = endpoint.parse().map_err(|e| IpcError {
        code: ErrorCode::InvalidSetting,
        message: format!("The update address '{endpoint}' is not a URL: {e}."),
    })?;
    app.updater_builder()
        .endpoints(vec![url])
        .map_err(error)?
        .timeout(TIMEOUT)
        .build()
        .map_err(error)?
        .check()
        .await
        .map_err(error)
}

/// Downloads an update (reporting `update-progress`) and returns the package once its
/// signature verifies.
pub async fn download<R: Runtime>(
    app: &AppHandle<R>,
    update: &Update,
) -> Result<Vec<u8>, IpcError> {
    let mut downloaded = 0u64;
    update
        .download(
            |chunk, total| {
                downloaded += chunk as u64;
                AppEvent::UpdateProgress(UpdateProgress { downloaded, total }).emit(app);
            },
            || {},
        )
        .await
        .map_err(error)
}

/// The start-up check: after a short wait, announces an update with `update-available`; any
/// failure (offline, no release yet) is only logged.
pub fn check_in_background<R: Runtime>(app: AppHandle<R>, endpoint: String) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_secs(5)).await;
        match check(&app, &endpoint).await {
            Ok(Some(update)) => {
                tracing::info!(version = %update.version, "an update is available");
                AppEvent::UpdateAvailable(UpdateInfo::from(&update)).emit(&app);
            }
            Ok(None) => tracing::info!("no update available"),
            Err(e) => tracing::info!("update check skipped: {}", e.message),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};

    const PACKAGE: &[u8] = b"the next version's app bundle, as tauri build would pack it";

    fn b64(text: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(text)
    }

    /// Serves the files `files(base_url)` gives (path -> body) on 127.0.0.1 until the test
    /// ends; returns the base URL.
    fn serve(files: impl FnOnce(&str) -> Vec<(&'static str, Vec<u8>)>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let files = files(&base);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut request = [0u8; 4096];
                let n = stream.read(&mut request).unwrap_or(0);
                let line = String::from_utf8_lossy(&request[..n]);
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, body) = match files.iter().find(|(p, _)| *p == path) {
                    Some((_, body)) => ("200 OK", body.clone()),
                    None => ("404 Not Found", Vec::new()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                stream.write_all(head.as_bytes()).ok();
                stream.write_all(&body).ok();
            }
        });
        base
    }

    /// A release manifest for `version` whose package is served at `base`, with a signature made
    /// by `kp` over `signed` (the package itself, unless the test tampers with it).
    fn manifest(base: &str, kp: &minisign::KeyPair, version: &str, signed: &[u8]) -> Vec<u8> {
        let signature = minisign::sign(
            Some(&kp.pk),
            &kp.sk,
            std::io::Cursor::new(signed),
            Some(&format!(
                "timestamp:1764288000\tfile:nfl-dfs.tar.gz\tversion:{version}"
            )),
            Some("signature from tauri secret key"),
        )
        .unwrap();
        serde_json::to_vec(&serde_json::json!({
            "version": version,
            "notes": "Backups, monitoring and a troubleshooter.",
            "pub_date": "2026-11-28T12:00:00Z",
            "platforms": {
                "test-platform": {
                    "signature": b64(&signature.to_string()),
                    "url": format!("{base}/nfl-dfs.tar.gz"),
                }
            }
        }))
        .unwrap()
    }

    /// An app whose release key (the `pubkey` of the updater config) is `kp`'s.
    fn app(kp: &minisign::KeyPair) -> tauri::App<MockRuntime> {
        let mut context = mock_context(noop_assets());
        context.config_mut().plugins.0.insert(
            "updater".into(),
            serde_json::json!({
                "pubkey": b64(&kp.pk.to_box().unwrap().to_string()),
                "dangerousInsecureTransportProtocol": true,
            }),
        );
        mock_builder()
            .plugin(
                tauri_plugin_updater::Builder::new()
                    .target("test-platform")
                    .build(),
            )
            .build(context)
            .unwrap()
    }

    #[tokio::test]
    async fn a_signed_update_is_offered_and_verifies_and_a_tampered_one_is_refused() {
        let release = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        let base = serve(|base| {
            vec![
                ("/latest.json", manifest(base, &release, "99.0.0", PACKAGE)),
                (
                    "/tampered.json",
                    manifest(base, &release, "99.0.0", b"another package"),
                ),
                ("/old.json", manifest(base, &release, "0.0.1", PACKAGE)),
                ("/nfl-dfs.tar.gz", PACKAGE.to_vec()),
            ]
        });
        let ours = app(&release);
        let handle = ours.handle();

        let update = check(handle, &format!("{base}/latest.json"))
            .await
            .unwrap()
            .expect("99.0.0 is newer than this app");
        let info = UpdateInfo::from(&update);
        assert_eq!(info.version, "99.0.0");
        assert_eq!(info.current_version, nfl_dfs_core::APP_VERSION);
        assert!(info.notes.unwrap().contains("troubleshooter"));
        assert_eq!(download(handle, &update).await.unwrap(), PACKAGE);

        let tampered = check(handle, &format!("{base}/tampered.json"))
            .await
            .unwrap()
            .unwrap();
        let refused = download(handle, &tampered).await.unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidFile);
        assert!(
            refused.message.contains("Nothing was installed"),
            "{}",
            refused.message
        );

        assert!(check(handle, &format!("{base}/old.json"))
            .await
            .unwrap()
            .is_none());

        // A release signed by another key is refused by this app.
        let stranger = app(&minisign::KeyPair::generate_unencrypted_keypair().unwrap());
        let update = check(stranger.handle(), &format!("{base}/latest.json"))
            .await
            .unwrap()
            .unwrap();
        let refused = download(stranger.handle(), &update).await.unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidFile);
    }

    #[tokio::test]
    async fn offline_the_check_fails_with_a_network_error_and_a_bad_address_is_named() {
        let app = app(&minisign::KeyPair::generate_unencrypted_keypair().unwrap());
        let closed = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let err = check(
            app.handle(),
            &format!("http://127.0.0.1:{closed}/latest.json"),
        )
        .await
        .err()
        .expect("no server");
        assert_eq!(err.code, ErrorCode::Network, "{}", err.message);
        let err = check(app.handle(), "not a url")
            .await
            .err()
            .expect("not a URL");
        assert_eq!(err.code, ErrorCode::InvalidSetting);
        assert!(err.message.contains("not a url"));
    }
}
