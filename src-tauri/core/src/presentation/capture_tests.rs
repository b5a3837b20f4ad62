//! Why these exist: presentation mode may switch itself on when the screen is being captured,
//! and a missed recorder means secrets on a recording. The rules are checked on fixed process
//! lists and `pw-dump` output; one test starts a real process under a recorder's name and finds
//! it through `/proc`.

use std::io::Write;
use std::process::{Command, Stdio};

use super::*;

fn process(name: &str, args: &[&str]) -> Process {
    Process { name: name.into(), args: std::iter::once(name).chain(args.iter().copied()).map(str::to_owned).collect() }
}

#[test]
fn a_recorder_is_certain_a_conferencing_app_only_possible_and_ordinary_programs_nothing() {
    let seen = detect(&[process("bash", &[]), process("obs", &["--startrecording"]), process("zoom", &[]), process("firefox", &[])], &[]);
    assert_eq!(
        seen,
        vec![
            Detection { what: "OBS Studio".into(), certainty: Certainty::Capturing },
            Detection { what: "Zoom (can share the screen)".into(), certainty: Certainty::Possible },
        ],
        "the certain one first, the editor and the browser are not capture"
    );
    assert!(detect(&[process("code", &[]), process("gnome-shell", &[])], &[]).is_empty());
}

#[test]
fn ffmpeg_counts_only_when_it_grabs_the_screen() {
    assert!(detect(&[process("ffmpeg", &["-i", "in.mp4", "out.webm"])], &[]).is_empty(), "transcoding a file is not capture");
    let grab = detect(&[process("ffmpeg", &["-f", "x11grab", "-i", ":0.0", "out.mkv"])], &[]);
    assert_eq!(grab[0].certainty, Certainty::Capturing);
    assert!(grab[0].what.contains("ffmpeg"));
    assert_eq!(detect(&[process("gst-launch-1.0", &["pipewiresrc", "!", "fakesink"])], &[]).len(), 1);
    assert_eq!(detect(&[process("vlc", &["screen://"])], &[]).len(), 1);
}

#[test]
fn names_compare_without_case_and_each_program_is_reported_once() {
    let seen = detect(&[process("OBS", &[]), process("obs", &[]), process("SimpleScreenRecorder", &[])], &[]);
    let names: Vec<&str> = seen.iter().map(|d| d.what.as_str()).collect();
    assert_eq!(names, ["OBS Studio", "SimpleScreenRecorder"]);
}

#[test]
fn portal_screen_casts_are_read_from_pw_dump() {
    let dump = r#"[
      {"id": 30, "type": "PipeWire:Interface:Node", "info": {"props": {"media.class": "Audio/Sink", "node.name": "alsa_output"}}},
      {"id": 61, "type": "PipeWire:Interface:Node", "info": {"props": {"media.class": "Video/Source", "node.name": "xdpw_screencast_0"}}},
      {"id": 62, "type": "PipeWire:Interface:Node", "info": {"props": {"media.class": "Video/Source", "node.name": "v4l2_input.usb-webcam"}}},
      {"id": 70, "type": "PipeWire:Interface:Port", "info": {"props": {"media.class": "Video/Source", "node.name": "xdpw_screencast_0"}}}
    ]"#;
    assert_eq!(portal_casts(dump), ["xdpw_screencast_0"], "the portal's cast, not the webcam, not a port");
    let seen = detect(&[], &portal_casts(dump));
    assert_eq!(seen[0].certainty, Certainty::Capturing);
    assert!(portal_casts("not json").is_empty() && portal_casts("{}").is_empty());
}

#[test]
fn a_real_process_named_like_a_recorder_is_found_in_proc() {
    // A copy of `cat` named `obs`, waiting on its stdin: a live process with that executable name.
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = dir.path().join("obs");
    std::fs::copy("/bin/cat", &fake).expect("copy /bin/cat");
    let mut child = Command::new(&fake).stdin(Stdio::piped()).stdout(Stdio::null()).spawn().expect("start the fake recorder");
    let seen = detect(&running_processes(Path::new("/proc")), &[]);
    let _ = child.stdin.take().map(|mut s| s.write_all(b""));
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen.iter().any(|d| d.what == "OBS Studio" && d.certainty == Certainty::Capturing), "{seen:?}");
    let after = detect(&running_processes(Path::new("/proc")), &[]);
    assert!(!after.iter().any(|d| d.what == "OBS Studio"), "gone once it stops: {after:?}");
}
