//! Is someone capturing the screen right now? Presentation mode can switch itself on when the
//! answer is yes (an opt-in setting; detection never switches it off). Linux has no API that
//! says "the screen is being recorded", so this looks for what can be seen from user space:
//!
//! - **recorders and streamers** by program name (OBS, SimpleScreenRecorder, Kazam, Kooha,
//!   vokoscreenNG, Peek, wf-recorder, gpu-screen-recorder…);
//! - **general tools grabbing the screen**, by their arguments (`ffmpeg -f x11grab|kmsgrab`,
//!   `gst-launch-1.0 ximagesrc|pipewiresrc`, `vlc screen://`);
//! - **conferencing apps** (Zoom, Teams, Slack, Discord, Skype, Webex, Jitsi). A running app is not
//!   proof of sharing, so these count as *possible* capture, which the setting can include or not;
//! - **screen casts through the desktop portal**: PipeWire video sources a portal created
//!   (`pw-dump`, when PipeWire's tools are installed), which is how browsers and Wayland apps
//!   share the screen.
//!
//! The decision is a pure function of what was seen ([`detect`]); reading `/proc` and `pw-dump`
//! is kept apart so the rules are tested with fixed inputs.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

/// How sure a detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Certainty {
    /// An app that can share the screen is running (a conferencing app): maybe, maybe not.
    Possible,
    /// A program whose job is capturing the screen is running, or a screen cast is live.
    Capturing,
}

/// One thing that suggests the screen is being captured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Detection {
    /// What was found, for the user ("OBS Studio", "ffmpeg grabbing the X display").
    pub what: String,
    pub certainty: Certainty,
}

/// A running process as `/proc` shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Process {
    /// The executable's file name (`obs`), from `/proc/<pid>/exe` or `comm`.
    pub name: String,
    /// Its arguments, `argv[0]` included.
    pub args: Vec<String>,
}

/// Programs that exist to record or stream the screen: (lower-case executable name, shown name).
const RECORDERS: &[(&str, &str)] = &[
    ("obs", "OBS Studio"),
    ("obs-studio", "OBS Studio"),
    ("simplescreenrecorder", "SimpleScreenRecorder"),
    ("kazam", "Kazam"),
    ("kooha", "Kooha"),
    ("vokoscreenng", "vokoscreenNG"),
    ("vokoscreen", "vokoscreen"),
    ("peek", "Peek"),
    ("recordmydesktop", "recordMyDesktop"),
    ("gtk-recordmydesktop", "recordMyDesktop"),
    ("wf-recorder", "wf-recorder"),
    ("wl-screenrec", "wl-screenrec"),
    ("gpu-screen-recorder", "GPU Screen Recorder"),
    ("green-recorder", "Green Recorder"),
    ("blue-recorder", "Blue Recorder"),
];

/// Conferencing apps that can share the screen: (lower-case executable name, shown name).
const CONFERENCING: &[(&str, &str)] = &[
    ("zoom", "Zoom"),
    ("zoom.real", "Zoom"),
    ("teams", "Microsoft Teams"),
    ("teams-for-linux", "Microsoft Teams"),
    ("slack", "Slack"),
    ("discord", "Discord"),
    ("skypeforlinux", "Skype"),
    ("webex", "Webex"),
    ("jitsi-meet", "Jitsi Meet"),
];

/// General tools and the arguments that mean they grab the screen: (tool, marker, shown name).
const GRABBERS: &[(&str, &str, &str)] = &[
    ("ffmpeg", "x11grab", "ffmpeg grabbing the X display"),
    ("ffmpeg", "kmsgrab", "ffmpeg grabbing the screen (KMS)"),
    ("ffmpeg", "gdigrab", "ffmpeg grabbing the screen"),
    ("gst-launch-1.0", "ximagesrc", "GStreamer grabbing the X display"),
    ("gst-launch-1.0", "pipewiresrc", "GStreamer reading a screen cast"),
    ("vlc", "screen://", "VLC capturing the screen"),
    ("cvlc", "screen://", "VLC capturing the screen"),
];

/// Everything in `processes` and `cast_sources` (descriptions of live portal screen casts) that
/// suggests capture, most certain first, each program once. Never fails.
pub fn detect(processes: &[Process], cast_sources: &[String]) -> Vec<Detection> {
    let mut found: Vec<Detection> = Vec::new();
    let mut push = |what: String, certainty: Certainty| {
        if !found.iter().any(|d| d.what == what) {
            found.push(Detection { what, certainty });
        }
    };
    for p in processes {
        let name = p.name.to_ascii_lowercase();
        if let Some((_, shown)) = RECORDERS.iter().find(|(n, _)| *n == name) {
            push((*shown).to_owned(), Certainty::Capturing);
        }
        for (tool, marker, shown) in GRABBERS {
            if name == *tool && p.args.iter().any(|a| a.contains(marker)) {
                push((*shown).to_owned(), Certainty::Capturing);
            }
        }
        if let Some((_, shown)) = CONFERENCING.iter().find(|(n, _)| *n == name) {
            push(format!("{shown} (can share the screen)"), Certainty::Possible);
        }
    }
    for source in cast_sources {
        push(format!("a screen cast through the desktop portal ({source})"), Certainty::Capturing);
    }
    found.sort_by_key(|d| std::cmp::Reverse(d.certainty));
    found
}

/// The processes of this machine, from `/proc` (Linux). Processes that vanish or cannot be read
/// while listing are passed over; an unreadable `/proc` gives an empty list.
pub fn running_processes(proc_dir: &Path) -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir(proc_dir) else { return Vec::new() };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|e| {
            let dir = e.path();
            let raw = std::fs::read(dir.join("cmdline")).ok()?;
            let args: Vec<String> =
                raw.split(|b| *b == 0).filter(|a| !a.is_empty()).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
            let name = std::fs::read_link(dir.join("exe"))
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .or_else(|| args.first().and_then(|a| Path::new(a).file_name().map(|n| n.to_string_lossy().into_owned())))
                .or_else(|| std::fs::read_to_string(dir.join("comm")).ok().map(|c| c.trim().to_owned()))?;
            Some(Process { name, args })
        })
        .collect()
}

/// Live portal screen casts in `pw-dump`'s JSON: PipeWire video sources whose node was created
/// for a screen cast (by xdg-desktop-portal's backends or a compositor's screen-cast service).
/// Text that is not `pw-dump` output gives an empty list.
pub fn portal_casts(pw_dump_json: &str) -> Vec<String> {
    let Ok(serde_json::Value::Array(objects)) = serde_json::from_str::<serde_json::Value>(pw_dump_json) else { return Vec::new() };
    let mut out = Vec::new();
    for o in &objects {
        let props = &o["info"]["props"];
        let class = props["media.class"].as_str().unwrap_or("");
        if o["type"].as_str() != Some("PipeWire:Interface:Node") || !class.starts_with("Video/Source") {
            continue;
        }
        let name = props["node.name"].as_str().or(props["media.name"].as_str()).unwrap_or("");
        let lower = name.to_ascii_lowercase();
        let is_cast = ["xdpw", "screencast", "screen-cast", "gnome-shell", "kwin", "xdg-desktop-portal", "screen"].iter().any(|m| lower.contains(m));
        if is_cast && !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    }
    out
}

#[cfg(test)]
#[path = "capture_tests.rs"]
mod tests;
