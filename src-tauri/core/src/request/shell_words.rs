//! Splits pasted shell text into words the way bash would, enough for cURL commands copied
//! from documentation and browsers: `\`-newline continuations, '…' and "…" quotes, bash's
//! `$'…'`, comments, command separators and pipes, and redirections — here-documents
//! (`<<EOF`, `<<'EOF'`, `<<-EOF`) and here-strings (`<<<`) become the command's standard input,
//! `< file` is noted, output redirections (`> out`, `2>&1`) are dropped. A `\` followed by
//! spaces at the start of a word is read as a continuation whose newline a web page collapsed
//! (bash would make a one-space word, which no cURL command means). Variables (`$BODY`,
//! `${STORE_ID}`) and command substitutions (`$(…)`, backticks) are kept as parts so the
//! importer can fill variables assigned earlier in the paste and name the rest.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::request::shell_quotes::{ansi_c_quoted, backtick, closing_paren, dollar, double_quoted, expand_heredoc, find, unclosed};

/// A piece of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Literal(String),
    /// `$NAME` or `${NAME}`.
    Var(String),
    /// `$(…)`, `` `…` `` or `<(…)`, kept as written.
    Command(String),
}

/// One shell word, a command's standard input, or the end of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    Word(Vec<Part>),
    /// What the command reads on standard input, written in the paste: a here-document's
    /// lines, or a here-string's word followed by a newline.
    Stdin(Vec<Part>),
    /// `< file`: standard input comes from a file.
    StdinFile(Vec<Part>),
    /// `|` or `|&`: ends the command and feeds its output to the next one.
    Pipe,
    /// Newline, `;`, `&&`, `||` or `&`.
    End,
}

/// A redirection operator waiting for the word it applies to.
#[derive(Debug, Clone, Copy)]
enum Redirect {
    Heredoc { strip_tabs: bool },
    HereString,
    StdinFile,
    Output,
}

/// A here-document whose body starts after the current line.
struct PendingHeredoc {
    /// Where its [`Token::Stdin`] waits in the token list.
    token: usize,
    delimiter: String,
    strip_tabs: bool,
    /// False when the delimiter was quoted: the body is then taken literally.
    expand: bool,
}

/// Collects parts into words and words into tokens.
#[derive(Default)]
pub(super) struct Builder {
    tokens: Vec<Token>,
    parts: Vec<Part>,
    started: bool,
    quoted: bool,
    redirect: Option<Redirect>,
    heredocs: Vec<PendingHeredoc>,
}

impl Builder {
    pub(super) fn push_char(&mut self, c: char) {
        self.started = true;
        match self.parts.last_mut() {
            Some(Part::Literal(s)) => s.push(c),
            _ => self.parts.push(Part::Literal(c.to_string())),
        }
    }

    pub(super) fn push_part(&mut self, part: Part) {
        self.started = true;
        self.parts.push(part);
    }

    /// A quote makes a word even when empty (`''`) and marks a here-document delimiter as quoted.
    pub(super) fn mark_quoted(&mut self) {
        self.started = true;
        self.quoted = true;
    }

    /// The parts collected so far (for a here-document body, which is not a word).
    pub(super) fn take_parts(&mut self) -> Vec<Part> {
        self.started = false;
        std::mem::take(&mut self.parts)
    }

    fn finish_word(&mut self) {
        if !self.started {
            return;
        }
        let parts = self.take_parts();
        let quoted = std::mem::take(&mut self.quoted);
        match self.redirect.take() {
            None => self.tokens.push(Token::Word(parts)),
            Some(Redirect::Heredoc { strip_tabs }) => {
                let delimiter = parts
                    .iter()
                    .map(|p| match p {
                        Part::Literal(s) | Part::Command(s) => s.clone(),
                        Part::Var(v) => format!("${v}"),
                    })
                    .collect();
                self.tokens.push(Token::Stdin(Vec::new()));
                self.heredocs.push(PendingHeredoc { token: self.tokens.len() - 1, delimiter, strip_tabs, expand: !quoted });
            }
            Some(Redirect::HereString) => {
                let mut parts = parts;
                parts.push(Part::Literal("\n".into()));
                self.tokens.push(Token::Stdin(parts));
            }
            Some(Redirect::StdinFile) => self.tokens.push(Token::StdinFile(parts)),
            Some(Redirect::Output) => {}
        }
    }

    /// Before a redirection operator: a word of digits right before it is a file descriptor
    /// (`2>`), not an argument; any other word ends.
    fn finish_before_redirect(&mut self, redirect: Redirect) {
        let fd = !self.quoted && matches!(self.parts.as_slice(), [Part::Literal(s)] if s.bytes().all(|b| b.is_ascii_digit()));
        if self.started && fd {
            self.take_parts();
        } else {
            self.finish_word();
        }
        self.redirect = Some(redirect);
    }

    fn end_command(&mut self, token: Token) {
        self.finish_word();
        self.redirect = None;
        if !matches!(self.tokens.last(), Some(Token::End | Token::Pipe) | None) {
            self.tokens.push(token);
        }
    }

    /// True before the first word of a command.
    fn at_command_start(&self) -> bool {
        !self.started && matches!(self.tokens.last(), Some(Token::End | Token::Pipe) | None)
    }
}

/// Splits `text` into words, standard inputs and command ends. Fails with
/// [`crate::Error::Invalid`] on an unclosed quote or substitution, saying which.
pub(crate) fn split(text: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut b = Builder::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\\' => match next {
                Some('\n') => i += 1,
                Some('\r') if chars.get(i + 2) == Some(&'\n') => i += 2,
                // A web page that collapsed `\`+newline into `\  ` (the seeds show this):
                // a word of one space is never meant, so read it as the continuation it was.
                Some(' ' | '\t') if !b.started => {}
                Some(next) => {
                    b.mark_quoted();
                    b.push_char(next);
                    i += 1;
                }
                None => {}
            },
            ' ' | '\t' | '\r' => b.finish_word(),
            '\n' => {
                b.finish_word();
                if !b.heredocs.is_empty() {
                    i = read_heredocs(&chars, i + 1, &mut b)?;
                }
                b.end_command(Token::End);
            }
            ';' => b.end_command(Token::End),
            '&' if next == Some('>') => {
                i += if chars.get(i + 2) == Some(&'>') { 2 } else { 1 };
                b.finish_before_redirect(Redirect::Output);
            }
            '&' | '|' if next == Some(c) => {
                i += 1;
                b.end_command(Token::End);
            }
            '&' => b.end_command(Token::End),
            '|' => {
                if next == Some('&') {
                    i += 1;
                }
                b.end_command(Token::Pipe);
            }
            '<' if next == Some('(') => {
                let end = closing_paren(&chars, i + 1).ok_or_else(|| unclosed("<("))?;
                b.push_part(Part::Command(chars[i..=end].iter().collect()));
                i = end;
            }
            '<' => {
                let redirect = match (next, chars.get(i + 2)) {
                    (Some('<'), Some('<')) => {
                        i += 2;
                        Redirect::HereString
                    }
                    (Some('<'), dash) => {
                        i += 1;
                        let strip_tabs = dash == Some(&'-');
                        if strip_tabs {
                            i += 1;
                        }
                        Redirect::Heredoc { strip_tabs }
                    }
                    (Some('&'), _) => {
                        i += 1;
                        Redirect::Output
                    }
                    _ => Redirect::StdinFile,
                };
                b.finish_before_redirect(redirect);
            }
            // A `>` before any word is a prompt copied from a terminal session, not a redirection.
            '>' if b.at_command_start() => {}
            '>' => {
                if matches!(next, Some('>' | '|' | '&')) {
                    i += 1;
                }
                b.finish_before_redirect(Redirect::Output);
            }
            '#' if !b.started => {
                while i + 1 < chars.len() && chars[i + 1] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                let end = find(&chars, i + 1, '\'').ok_or_else(|| unclosed("'"))?;
                b.mark_quoted();
                chars[i + 1..end].iter().for_each(|&ch| b.push_char(ch));
                i = end;
            }
            '"' => i = double_quoted(&chars, i + 1, &mut b)?,
            '`' => i = backtick(&chars, i, &mut b)?,
            '$' if next == Some('\'') => i = ansi_c_quoted(&chars, i + 2, &mut b)?,
            '$' => i = dollar(&chars, i, &mut b)?,
            _ => b.push_char(c),
        }
        i += 1;
    }
    if !b.heredocs.is_empty() {
        read_heredocs(&chars, chars.len(), &mut b)?;
    }
    b.end_command(Token::End);
    Ok(b.tokens)
}

/// Reads the bodies of the pending here-documents, one after the other, from `start` (the
/// line after the operator). A body ends at a line that is exactly its delimiter (after
/// leading tabs for `<<-`); one missing its delimiter runs to the end of the text, as bash
/// reads it. Returns the index of the last character used.
fn read_heredocs(chars: &[char], start: usize, b: &mut Builder) -> Result<usize> {
    let mut pos = start;
    for doc in std::mem::take(&mut b.heredocs) {
        let mut body = String::new();
        while pos < chars.len() {
            let end = find(chars, pos, '\n').unwrap_or(chars.len());
            let line: String = chars[pos..end].iter().collect();
            let line = if doc.strip_tabs { line.trim_start_matches('\t') } else { line.as_str() };
            pos = end + 1;
            if line.trim_end_matches('\r') == doc.delimiter {
                break;
            }
            body.push_str(line);
            body.push('\n');
        }
        let parts = if doc.expand { expand_heredoc(&body)? } else { vec![Part::Literal(body)] };
        b.tokens[doc.token] = Token::Stdin(parts);
    }
    Ok(pos.saturating_sub(1))
}

/// `NAME=value` as (name, value parts).
pub(crate) fn assignment(word: &[Part]) -> Option<(String, Vec<Part>)> {
    let Some(Part::Literal(first)) = word.first() else { return None };
    let (name, rest) = first.split_once('=')?;
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let mut value = vec![Part::Literal(rest.to_string())];
    value.extend(word[1..].iter().cloned());
    Some((name.to_string(), value))
}

/// A word's text when it has no variables or substitutions.
pub(crate) fn literal(word: &[Part]) -> String {
    word.iter().map(|p| if let Part::Literal(s) = p { s.as_str() } else { "\u{0}" }).collect()
}

/// The value of an assignment if every part is known (`None` for `$(…)` or unknown variables).
pub(crate) fn expand_plain(parts: &[Part], vars: &BTreeMap<String, Option<String>>) -> Option<String> {
    let mut out = String::new();
    for p in parts {
        match p {
            Part::Literal(s) => out.push_str(s),
            Part::Var(v) => out.push_str(vars.get(v)?.as_deref()?),
            Part::Command(_) => return None,
        }
    }
    Some(out)
}

/// The word's parts with its first `bytes` bytes (the option letters) removed: `-XPOST` → `POST`.
pub(crate) fn without_prefix(word: &[Part], bytes: usize) -> Vec<Part> {
    let mut parts = word.to_vec();
    if let Some(Part::Literal(first)) = parts.first_mut() {
        *first = first.get(bytes..).unwrap_or("").to_string();
    }
    parts
}

#[cfg(test)]
#[path = "shell_words_tests.rs"]
mod tests;
