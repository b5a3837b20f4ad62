//! What an imported curl command reads besides its words: shell variables (filled from
//! assignments earlier in the paste, else kept as `$NAME` and noted), standard input (see
//! `curl_script.rs`), and files. A pasted import reads no files; `tokenbench import-curl`
//! reads them from the folder the command would run in, as curl would, within limits: UTF-8
//! text (a draft's body is text) of at most [`MAX_FILE_BYTES`]. Whatever is not read is noted,
//! naming the option and the file, so an import never silently differs from what curl sends.

use std::collections::BTreeMap;
use std::path::Path;

use crate::request::curl_script::{substitution_output, Stdin};
use crate::request::curl_url::template_name;
use crate::request::shell_words::Part;

/// The largest file an import reads (a body, an upload, a form part).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A word as text, and what could not be filled in it.
#[derive(Debug, Default)]
pub(super) struct Expanded {
    pub text: String,
    /// `$NAME` when the whole word was one unknown variable.
    pub from_var: Option<String>,
    pub notes: Vec<String>,
}

/// Variables, standard input, the folder files are read from, and the notes so far.
#[derive(Debug, Default)]
pub(super) struct Inputs<'a> {
    pub vars: BTreeMap<String, Option<String>>,
    pub stdin: Stdin,
    stdin_used: bool,
    pub folder: Option<&'a Path>,
    pub notes: Vec<String>,
}

impl<'a> Inputs<'a> {
    /// Inputs for a command with these variables and this standard input.
    pub(super) fn new(vars: BTreeMap<String, Option<String>>, stdin: Stdin, folder: Option<&'a Path>, notes: Vec<String>) -> Self {
        Inputs { vars, stdin, stdin_used: false, folder, notes }
    }

    /// Adds a note once.
    pub(super) fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// A word as text: known variables filled, unknown ones kept as `$NAME` (in the URL,
    /// `for_url`, they become `{template}` variables). Notes on what could not be filled come
    /// back separately, for the caller to keep unless the value is dropped anyway.
    pub(super) fn expand(&self, word: &[Part], for_url: bool) -> Expanded {
        let mut e = Expanded::default();
        for p in word {
            match p {
                Part::Literal(s) => e.text.push_str(s),
                Part::Var(v) => match self.vars.get(v).cloned().flatten() {
                    Some(value) => e.text.push_str(&value),
                    None if for_url => e.text.push_str(&format!("{{{}}}", template_name(v))),
                    None => {
                        e.text.push_str(&format!("${v}"));
                        e.notes.push(format!("${v} is not set in the pasted text: replace it with a value."));
                        if word.len() == 1 {
                            e.from_var = Some(format!("${v}"));
                        }
                    }
                },
                Part::Command(c) => {
                    // "$(cat <<EOF … EOF)": bash replaces it by what it prints, "with any
                    // trailing newlines deleted".
                    let inner = c.strip_prefix("$(").and_then(|rest| rest.strip_suffix(')'));
                    if let Some(parts) = inner.and_then(substitution_output) {
                        let printed = self.expand(&parts, for_url);
                        e.text.push_str(printed.text.trim_end_matches('\n'));
                        e.notes.extend(printed.notes);
                        continue;
                    }
                    e.text.push_str(c);
                    e.notes.push(format!("{c} runs a command; Tokenbench does not run it: replace it with a value."));
                }
            }
        }
        e
    }

    /// [`Inputs::expand`], keeping its notes.
    pub(super) fn text(&mut self, word: &[Part], for_url: bool) -> String {
        let e = self.expand(word, for_url);
        e.notes.into_iter().for_each(|n| self.note(n));
        e.text
    }

    /// The content of `name` for the option described by `what` (`-d @body.json`): standard
    /// input for `-` (and `.`, which `-T` uses), else a file. Empty, with a note saying what
    /// was left out, when it cannot be read.
    pub(super) fn read(&mut self, what: &str, name: &str) -> String {
        if name != "-" && name != "." {
            return self.read_file(what, name);
        }
        if std::mem::replace(&mut self.stdin_used, true) {
            self.note(format!("{what} reads standard input, which an earlier option already read: curl sends nothing more for it."));
            return String::new();
        }
        match self.stdin.clone() {
            Stdin::Text(parts) => self.text(&parts, false),
            Stdin::File(parts) => {
                let file = self.text(&parts, false);
                self.read_file(what, &file)
            }
            Stdin::Program(program) => {
                self.note(format!(
                    "{what} reads standard input, the output of {program}, which Tokenbench does not run: that content was left out; paste it in."
                ));
                String::new()
            }
            Stdin::Nothing => {
                self.note(format!("{what} reads standard input, which is not in the pasted text: that content was left out; paste it in."));
                String::new()
            }
        }
    }

    fn read_file(&mut self, what: &str, name: &str) -> String {
        let Some(folder) = self.folder else {
            self.note(format!(
                "{what} reads the file {name}, which a pasted import does not read: its content was left out. Paste it in, or run `tokenbench import-curl` in the file's folder."
            ));
            return String::new();
        };
        let path = folder.join(name);
        let problem = match std::fs::metadata(&path) {
            Err(e) => format!("could not be read ({e})"),
            Ok(m) if !m.is_file() => "is not a regular file".to_string(),
            Ok(m) if m.len() > MAX_FILE_BYTES => format!("is larger than {} KiB", MAX_FILE_BYTES / 1024),
            Ok(_) => match std::fs::read(&path).map(String::from_utf8) {
                Err(e) => format!("could not be read ({e})"),
                Ok(Err(_)) => "is not UTF-8 text (a request draft holds text only)".to_string(),
                Ok(Ok(text)) => return text,
            },
        };
        self.note(format!("{what} reads the file {name}, which {problem}: its content was left out."));
        String::new()
    }
}
