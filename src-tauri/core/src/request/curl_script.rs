//! Finds the curl command in a pasted script, with what it takes from around it: the
//! variables assigned before it (`BODY='…'`, `export TOKEN=…`) and its standard input — a
//! here-document or here-string, `< file`, or the output of the command piped into it when
//! that output is written in the paste (`echo '…' |`, `printf '%s' '…' |`, `cat <<EOF |`).

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::request::shell_words::{assignment, expand_plain, literal, split, Part, Token};

/// Where the curl command's standard input comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) enum Stdin {
    /// Nothing in the paste says: curl would read the terminal or whatever the caller gives.
    #[default]
    Nothing,
    /// Text written in the paste (variables still to fill).
    Text(Vec<Part>),
    /// `< file` or `cat file |`.
    File(Vec<Part>),
    /// The output of a program Tokenbench does not run (`jq -n … |`), by name.
    Program(String),
}

/// The curl command and its context.
#[derive(Debug, Default)]
pub(super) struct Script {
    /// Variables assigned before the command; `None` when the value is not known (`$(…)`).
    pub vars: BTreeMap<String, Option<String>>,
    /// The words after `curl`.
    pub args: Vec<Vec<Part>>,
    pub stdin: Stdin,
    pub notes: Vec<String>,
}

/// One command of the paste.
#[derive(Default)]
struct Command {
    words: Vec<Vec<Part>>,
    stdin: Option<Stdin>,
    piped_in: bool,
}

/// Words that run the next word as the command (`sudo curl …`, `time curl …`).
const WRAPPERS: &[&str] = &["sudo", "time", "command", "exec", "env", "nohup"];
/// Builtins whose arguments are assignments (`export TOKEN=…`).
const DECLARERS: &[&str] = &["export", "readonly", "declare", "typeset", "local"];

/// The first curl command in `tokens`. Fails with [`Error::Invalid`] when there is none.
pub(super) fn find_curl(tokens: &[Token]) -> Result<Script> {
    let mut script = Script::default();
    let mut previous_output: Option<Stdin> = None;
    let mut found = false;
    for mut command in commands(tokens) {
        while command.words.first().is_some_and(|w| matches!(w.as_slice(), [Part::Literal(s)] if s == "$" || s == "%")) {
            command.words.remove(0);
        }
        let mut first = 0;
        loop {
            while command.words.get(first).and_then(|w| assignment(w)).is_some() {
                let (name, value) = assignment(&command.words[first]).unwrap_or_default();
                let value = expand_plain(&value, &script.vars);
                script.vars.insert(name, value);
                first += 1;
            }
            match command.words.get(first).map(|w| literal(w)) {
                Some(w) if WRAPPERS.contains(&w.as_str()) || DECLARERS.contains(&w.as_str()) => {
                    first += 1;
                    while command.words.get(first).is_some_and(|w| literal(w).starts_with('-')) {
                        first += 1;
                    }
                }
                _ => break,
            }
        }
        let Some(program) = command.words.get(first).map(|w| literal(w)) else { continue };
        let is_curl = program == "curl" || program.ends_with("/curl") || program.eq_ignore_ascii_case("curl.exe");
        if is_curl && found {
            script.notes.push("Only the first curl command was imported.".into());
            break;
        }
        if is_curl {
            found = true;
            script.args = command.words[first + 1..].to_vec();
            let piped = if command.piped_in { previous_output.take() } else { None };
            script.stdin = command.stdin.clone().or(piped).unwrap_or_default();
        }
        previous_output = Some(output_of(&program, &command.words[first + 1..], command.stdin));
    }
    if !found {
        return Err(Error::Invalid("no curl command found: paste a command that starts with curl".into()));
    }
    Ok(script)
}

/// What a command substitution's text (`cat <<EOF … EOF`, `echo …`, `printf '%s' …`, the inside
/// of `$(…)`) prints, when that is written in it; `None` for anything else.
pub(super) fn substitution_output(inner: &str) -> Option<Vec<Part>> {
    let tokens = split(inner).ok()?;
    let mut commands = commands(&tokens).into_iter().filter(|c| !c.words.is_empty());
    let command = commands.next()?;
    if commands.next().is_some() {
        return None;
    }
    match output_of(&literal(&command.words[0]), &command.words[1..], command.stdin) {
        Stdin::Text(parts) => Some(parts),
        _ => None,
    }
}

/// Groups the tokens into commands, marking those that read the previous one's output.
fn commands(tokens: &[Token]) -> Vec<Command> {
    let mut out = vec![Command::default()];
    for token in tokens {
        let Some(current) = out.last_mut() else { break };
        match token {
            Token::Word(parts) => current.words.push(parts.clone()),
            Token::Stdin(parts) => current.stdin = Some(Stdin::Text(parts.clone())),
            Token::StdinFile(parts) => current.stdin = Some(Stdin::File(parts.clone())),
            Token::Pipe => out.push(Command { piped_in: true, ..Command::default() }),
            Token::End => out.push(Command::default()),
        }
    }
    out
}

/// What `program args` writes to its standard output, when the paste says.
fn output_of(program: &str, args: &[Vec<Part>], stdin: Option<Stdin>) -> Stdin {
    let flags = args.iter().take_while(|a| literal(a).starts_with('-') && literal(a).len() > 1).count();
    match program {
        // echo: the words joined by spaces, and a newline unless -n. -e interprets escapes.
        "echo" if args[..flags].iter().all(|f| literal(f).chars().skip(1).all(|c| c == 'n' || c == 'E')) => {
            let no_newline = args[..flags].iter().any(|f| literal(f).contains('n'));
            let mut text = joined(&args[flags..]);
            if !no_newline {
                text.push(Part::Literal("\n".into()));
            }
            Stdin::Text(text)
        }
        // printf FORMAT ARG: only the formats that print their argument as it is.
        "printf" if args.len() == 2 && matches!(literal(&args[0]).as_str(), "%s" | "%s\\n") => {
            let mut text = args[1].clone();
            if literal(&args[0]) == "%s\\n" {
                text.push(Part::Literal("\n".into()));
            }
            Stdin::Text(text)
        }
        "printf" if args.len() == 1 && !literal(&args[0]).contains(['%', '\\']) => Stdin::Text(args[0].clone()),
        "cat" if args.is_empty() => stdin.unwrap_or_default(),
        "cat" if args.len() == 1 => Stdin::File(args[0].clone()),
        other => Stdin::Program(other.to_string()),
    }
}

/// Words joined with single spaces, as echo prints them.
fn joined(words: &[Vec<Part>]) -> Vec<Part> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(Part::Literal(" ".into()));
        }
        out.extend(w.iter().cloned());
    }
    out
}
