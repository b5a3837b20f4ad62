//! A private Secret Service for one test: its own D-Bus session with its own fresh, unlocked
//! gnome-keyring, and no display, so an unlock prompt is dismissed at once instead of waiting on
//! a dialog nobody sees. A test that locks the keychain locks this one, never the session the
//! other tests of the binary share (they run at the same time).

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running private keyring; dropping it ends its D-Bus session (and the daemon with it).
pub struct PrivateKeyring {
    child: Child,
    bus: String,
    _dir: tempfile::TempDir,
}

impl PrivateKeyring {
    /// Starts `dbus-run-session` with an unlocked gnome-keyring in fresh XDG folders. Fails with
    /// what went wrong when the session does not come up within 20 s.
    pub fn start() -> Result<PrivateKeyring, String> {
        let dir = tempfile::Builder::new()
            .prefix("tokenbench-private-keyring-")
            .tempdir()
            .map_err(|e| format!("no temporary folder for the private keyring: {e}"))?;
        let (data, config, run) = (dir.path().join("data"), dir.path().join("config"), dir.path().join("run"));
        for folder in [&data, &config, &run] {
            std::fs::create_dir_all(folder).map_err(|e| format!("could not create {}: {e}", folder.display()))?;
        }
        let private = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o700);
        std::fs::set_permissions(&run, private).map_err(|e| format!("could not restrict {}: {e}", run.display()))?;
        let bus_file = dir.path().join("bus");
        let script = r#"printf %s private | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
printf '%s' "$DBUS_SESSION_BUS_ADDRESS" > "$BUS_FILE.tmp" && mv "$BUS_FILE.tmp" "$BUS_FILE" && exec sleep 900"#;
        let mut child = Command::new("dbus-run-session")
            .args(["--", "bash", "-c", script])
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", &config)
            .env("XDG_RUNTIME_DIR", &run)
            .env("BUS_FILE", &bus_file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("could not start dbus-run-session (package dbus): {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(bus) = std::fs::read_to_string(&bus_file) {
                return Ok(PrivateKeyring { child, bus, _dir: dir });
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("the private keyring's session ended at once ({status})"));
            }
            if Instant::now() >= deadline {
                kill_group(&mut child);
                return Err("the private keyring did not come up within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The session bus address: give it to a process as `DBUS_SESSION_BUS_ADDRESS`.
    pub fn bus(&self) -> &str {
        &self.bus
    }

    /// Locks the `login` collection over D-Bus, as a screen lock or `seahorse` would.
    pub fn lock(&self) -> Result<(), String> {
        let out = Command::new("gdbus")
            .args([
                "call", "--session", "--dest", "org.freedesktop.secrets", "--object-path", "/org/freedesktop/secrets",
                "--method", "org.freedesktop.Secret.Service.Lock", "[objectpath '/org/freedesktop/secrets/collection/login']",
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .output()
            .map_err(|e| format!("could not run gdbus (package libglib2.0-bin): {e}"))?;
        match out.status.success() {
            true => Ok(()),
            false => Err(format!("gdbus could not lock the keyring: {}", String::from_utf8_lossy(&out.stderr).trim())),
        }
    }
}

impl Drop for PrivateKeyring {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}

/// Ends the process group `child` leads (the session, its bus daemon and `sleep`).
fn kill_group(child: &mut Child) {
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", child.id())]).stderr(Stdio::null()).status();
    let _ = child.wait();
}
