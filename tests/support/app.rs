//! Runs the real desktop app under WebDriver, so end-to-end tests see what a person sees.
//!
//! The chain is: this test → `tauri-driver` (a WebDriver intermediary, installed by
//! `.ci/setup`) → Debian's `WebKitWebDriver` → the `tokenbench-app` binary cargo built for this
//! test run. Every launch gets its own folder tree for everything the app may write (its data
//! folder via `TOKENBENCH_DATA_DIR`, and fresh XDG data/config/cache folders), so a test can scan
//! all of it for a leaked secret. Launches are serialised: two WebKit processes at once on a
//! 2-core machine make timings flaky. On failure the harness saves a screenshot, the page source
//! and tauri-driver's log (which holds the app's stderr) before it tears everything down.

use std::fs;
use std::future::Future;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::desktop::session_available;

/// The app binary cargo built for this test run (an absolute path).
pub const APP_BINARY: &str = env!("CARGO_BIN_EXE_tokenbench-app");

/// How long one test body may run before it counts as hung and fails.
const BODY_TIMEOUT: Duration = Duration::from_secs(180);

/// How long [`AppSession::wait_until`] waits for the page to reach a state.
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(20);

/// How long the app gets to start and open a WebDriver session.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);

/// How long tauri-driver gets to start listening.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);

/// One app at a time (see the module docs).
static ONE_APP_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What a test body gets: a WebDriver session on the app's main window and the app's folders.
#[derive(Clone)]
pub struct AppSession {
    /// The WebDriver client, already attached to the main window.
    pub client: Client,
    /// The folder the app was told to keep its data in (`TOKENBENCH_DATA_DIR`).
    pub data_dir: PathBuf,
    /// The folder holding every folder the app may write to (data dir and XDG folders):
    /// scan it with `support::disk::files_containing` to prove a secret stayed off the disk.
    pub root: PathBuf,
    /// Where screenshots and logs of this test go.
    pub artifacts: PathBuf,
}

impl AppSession {
    /// Saves a PNG of the window as `<artifacts>/<name>.png` and returns its bytes.
    /// Panics (failing the test) when WebDriver cannot take it.
    pub async fn screenshot(&self, name: &str) -> Vec<u8> {
        let png = self
            .client
            .screenshot()
            .await
            .expect("WebDriver could take a screenshot");
        let path = self.artifacts.join(format!("{name}.png"));
        fs::write(&path, &png).unwrap_or_else(|e| panic!("could not save {}: {e}", path.display()));
        png
    }

    /// The environment of the app process this session launched (found in /proc by its binary
    /// and this session's data folder), or None when no such process runs. Lets a test check
    /// that the app really works in the folders the harness gave it.
    pub fn app_environment(&self) -> Option<Vec<(String, String)>> {
        let wanted = format!("TOKENBENCH_DATA_DIR={}", self.data_dir.display());
        let binary = fs::canonicalize(APP_BINARY).ok()?;
        fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
            let exe = fs::read_link(entry.path().join("exe")).ok()?;
            if exe != binary {
                return None;
            }
            let raw = fs::read(entry.path().join("environ")).ok()?;
            let vars: Vec<String> = raw
                .split(|b| *b == 0)
                .filter(|v| !v.is_empty())
                .map(|v| String::from_utf8_lossy(v).into_owned())
                .collect();
            vars.contains(&wanted).then(|| {
                vars.iter()
                    .filter_map(|v| {
                        v.split_once('=')
                            .map(|(k, v)| (k.to_string(), v.to_string()))
                    })
                    .collect()
            })
        })
    }

    /// Polls the JavaScript expression `script` (e.g. `"document.title"`) in the app's page until
    /// it is truthy, then returns its value. Panics (failing the test) with `what` and the last
    /// value seen when it stays falsy for [`WAIT_TIMEOUT`].
    pub async fn wait_until(&self, what: &str, script: &str) -> serde_json::Value {
        let deadline = Instant::now() + WAIT_TIMEOUT;
        let code = format!("return ({script});");
        loop {
            let value = self.client.execute(&code, Vec::new()).await;
            let last = match value {
                Ok(value) if is_truthy(&value) => return value,
                Ok(value) => value.to_string(),
                Err(e) => format!("WebDriver error: {e:?}"),
            };
            if Instant::now() >= deadline {
                panic!("waited {WAIT_TIMEOUT:?} for {what} (`{script}`), last seen: {last}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// JavaScript's idea of truthy, for values that crossed WebDriver as JSON.
fn is_truthy(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => false,
        serde_json::Value::Bool(b) => *b,
        serde_json::Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        serde_json::Value::String(s) => !s.is_empty(),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => true,
    }
}

/// How to launch the app beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Extra environment for the app (e.g. `TOKENBENCH_REVEAL_MS`, or the
    /// `DBUS_SESSION_BUS_ADDRESS` of a private keyring).
    pub env: Vec<(String, String)>,
}

/// Launches the app for `test`, runs `body` against it and tears everything down, pass or fail.
///
/// Skips loudly when there is no desktop session (see `support::desktop`). Fails with a message
/// saying what to install when tauri-driver or WebKitWebDriver is missing, and when the app does
/// not come up. A panic or a timeout in `body` fails the test after the evidence is saved.
pub async fn with_app<F, Fut>(test: &str, body: F)
where
    F: FnOnce(AppSession) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_app_using(test, Launch::default(), body).await;
}

/// [`with_app`] with the app launched as `launch` says.
pub async fn with_app_using<F, Fut>(test: &str, launch: Launch, body: F)
where
    F: FnOnce(AppSession) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    if !session_available() {
        return;
    }
    let _turn = ONE_APP_AT_A_TIME.lock().await;
    let artifacts = artifacts_dir(test);
    let root = tempfile::Builder::new()
        .prefix("tokenbench-e2e-")
        .tempdir()
        .expect("a temporary folder for the app's files");
    let driver = Driver::start(&artifacts, root.path(), &launch.env).unwrap_or_else(|e| panic!("{test}: {e}"));
    let client = match tokio::time::timeout(SESSION_TIMEOUT, driver.connect()).await {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => panic!("{test}: {e}\n{}", driver.log_tail()),
        Err(_) => panic!(
            "{test}: the app did not open a WebDriver session within {SESSION_TIMEOUT:?}\n{}",
            driver.log_tail()
        ),
    };
    let session = AppSession {
        client: client.clone(),
        data_dir: root.path().join("data"),
        root: root.path().to_path_buf(),
        artifacts: artifacts.clone(),
    };

    let task = tokio::spawn(body(session.clone()));
    let abort = task.abort_handle();
    let failure = match tokio::time::timeout(BODY_TIMEOUT, task).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) if e.is_panic() => Some(Failure::Panicked(e.into_panic())),
        Ok(Err(e)) => Some(Failure::Stopped(format!(
            "the test body was cancelled: {e}"
        ))),
        Err(_) => {
            abort.abort();
            Some(Failure::Stopped(format!(
                "the test body did not finish within {BODY_TIMEOUT:?}"
            )))
        }
    };
    if failure.is_some() {
        save_evidence(&session).await;
    }
    // Closing the session closes the app; the driver's Drop then ends whatever is left.
    let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
    drop(driver);
    let Some(failure) = failure else { return };
    let kept = root.keep();
    eprintln!(
        "{test} FAILED. Screenshot, page source and logs: {}\nThe app's files are kept in: {}",
        artifacts.display(),
        kept.display()
    );
    match failure {
        // The body's own panic message was printed when it happened.
        Failure::Panicked(payload) => std::panic::resume_unwind(payload),
        Failure::Stopped(why) => panic!("{test}: {why}"),
    }
}

/// Why a test body did not pass.
enum Failure {
    /// It panicked (a failed assertion); the payload is re-raised as is.
    Panicked(Box<dyn std::any::Any + Send>),
    /// It was stopped from outside (time limit, cancellation).
    Stopped(String),
}

/// `$TOKENBENCH_E2E_ARTIFACTS/<test>` or `<cargo's test tmp dir>/e2e/<test>`, emptied first.
fn artifacts_dir(test: &str) -> PathBuf {
    let base = std::env::var_os("TOKENBENCH_E2E_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e"));
    let dir = base.join(test.replace("::", "-"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("could not create {}: {e}", dir.display()));
    dir
}

/// Best effort: a failing test must still report its own failure, not one from here.
async fn save_evidence(session: &AppSession) {
    if let Ok(png) = session.client.screenshot().await {
        let _ = fs::write(session.artifacts.join("failure.png"), png);
    }
    if let Ok(html) = session.client.source().await {
        let _ = fs::write(session.artifacts.join("failure.html"), html);
    }
}

/// A running tauri-driver in its own process group (so the app it starts dies with it).
struct Driver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Driver {
    /// Starts tauri-driver on free loopback ports, with the app's folders under `root` and
    /// `env` added to the app's environment.
    /// Retries twice when a port was taken between choosing it and binding it (tauri-driver
    /// then keeps running without listening, so a timeout is the only sign).
    fn start(artifacts: &Path, root: &Path, env: &[(String, String)]) -> Result<Driver, String> {
        let tauri_driver = find_tauri_driver()?;
        let native_driver = find_tool("WebKitWebDriver", "apt-get install webkit2gtk-driver")?;
        let mut folders = Vec::new();
        for (var, name) in [
            ("TOKENBENCH_DATA_DIR", "data"),
            ("XDG_DATA_HOME", "xdg-data"),
            ("XDG_CONFIG_HOME", "xdg-config"),
            ("XDG_CACHE_HOME", "xdg-cache"),
        ] {
            let dir = root.join(name);
            fs::create_dir_all(&dir)
                .map_err(|e| format!("could not create {}: {e}", dir.display()))?;
            folders.push((var, dir));
        }
        let log = artifacts.join("tauri-driver.log");
        for _attempt in 0..3 {
            let (port, native_port) = (free_port()?, free_port()?);
            let out = fs::File::create(&log)
                .map_err(|e| format!("could not create {}: {e}", log.display()))?;
            let err = out
                .try_clone()
                .map_err(|e| format!("could not share {}: {e}", log.display()))?;
            let mut command = Command::new(&tauri_driver);
            command
                .arg("--port")
                .arg(port.to_string())
                .arg("--native-port")
                .arg(native_port.to_string())
                .arg("--native-driver")
                .arg(&native_driver)
                .envs(folders.iter().map(|(var, dir)| (var, dir)))
                .envs(env.iter().map(|(var, value)| (var, value)))
                .stdin(Stdio::null())
                .stdout(out)
                .stderr(err)
                .process_group(0);
            let child = command
                .spawn()
                .map_err(|e| format!("could not start {}: {e}", tauri_driver.display()))?;
            let mut driver = Driver {
                child,
                port,
                log: log.clone(),
            };
            if driver.wait_until_listening(&[port, native_port]) {
                return Ok(driver);
            }
        }
        Err(format!(
            "tauri-driver did not start listening within {DRIVER_START_TIMEOUT:?}; see {}",
            log.display()
        ))
    }

    /// Waits until tauri-driver and the WebKitWebDriver it spawned both accept connections:
    /// tauri-driver listens at once, and a session request sent before WebKitWebDriver is up
    /// fails with a connect error.
    fn wait_until_listening(&mut self, ports: &[u16]) -> bool {
        let deadline = Instant::now() + DRIVER_START_TIMEOUT;
        while Instant::now() < deadline {
            if ports
                .iter()
                .all(|port| TcpStream::connect((Ipv4Addr::LOCALHOST, *port)).is_ok())
            {
                return true;
            }
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Opens a WebDriver session, which makes WebKitWebDriver launch the app.
    async fn connect(&self) -> Result<Client, String> {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": APP_BINARY, "args": [] }),
        );
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        builder
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("the app did not start under WebDriver ({APP_BINARY}): {e:?}"))
    }

    /// The last lines of tauri-driver's log (the app's stderr ends up there too).
    fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        format!("--- last lines of {} ---\n{tail}", self.log.display())
    }
}

impl Drop for Driver {
    /// Ends tauri-driver, WebKitWebDriver and the app: TERM to the whole group, then KILL.
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-TERM", "--", &group])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> Result<u16, String> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("could not find a free loopback port: {e}"))
}

/// tauri-driver from `$TAURI_DRIVER`, `.ci/setup`'s tools folder, or PATH.
fn find_tauri_driver() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return Ok(PathBuf::from(path));
    }
    let tools = std::env::var_os("TOKENBENCH_TOOLS")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache/tokenbench/tools"))
        });
    if let Some(candidate) = tools.map(|dir| dir.join("bin/tauri-driver")) {
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    find_tool("tauri-driver", "bash .ci/setup")
}

/// `name` found on PATH, or an error saying how to install it.
fn find_tool(name: &str, install: &str) -> Result<PathBuf, String> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| format!("{name} is not installed; install it with `{install}`"))
}
