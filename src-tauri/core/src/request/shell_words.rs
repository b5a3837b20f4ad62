//! Splits pasted shell text into words the way bash would, enough for cURL commands copied
//! from documentation and browsers: `\`-newline continuations, '…' and "…" quotes, bash's
//! `$'…'` (Chrome's "Copy as cURL" uses it), comments, and command separators. A `\`
//! followed by spaces at the start of a word is read as a continuation whose newline a web
//! page collapsed (bash would make a one-space word, which no cURL command means). Variables
//! (`$BODY`, `${STORE_ID}`) and command substitutions (`$(…)`, backticks) are kept as parts
//! so the importer can fill variables assigned earlier in the paste and name the rest.

use std::collections::BTreeMap;

use crate::error::{Error, Result};

/// A piece of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Literal(String),
    /// `$NAME` or `${NAME}`.
    Var(String),
    /// `$(…)` or `` `…` ``, kept as written.
    Command(String),
}

/// One shell word, or the end of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    Word(Vec<Part>),
    /// Newline, `;`, `&&`, `||`, `|` or `&`.
    End,
}

struct Builder {
    tokens: Vec<Token>,
    parts: Vec<Part>,
    started: bool,
}

impl Builder {
    fn push_char(&mut self, c: char) {
        self.started = true;
        match self.parts.last_mut() {
            Some(Part::Literal(s)) => s.push(c),
            _ => self.parts.push(Part::Literal(c.to_string())),
        }
    }
    fn push_part(&mut self, part: Part) {
        self.started = true;
        self.parts.push(part);
    }
    fn finish_word(&mut self) {
        if self.started {
            self.tokens.push(Token::Word(std::mem::take(&mut self.parts)));
            self.started = false;
        }
    }
    fn end_command(&mut self) {
        self.finish_word();
        if !matches!(self.tokens.last(), Some(Token::End) | None) {
            self.tokens.push(Token::End);
        }
    }
}

/// Splits `text` into words and command ends. Fails with [`Error::Invalid`] on an unclosed
/// quote or substitution, saying which.
pub(crate) fn split(text: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut b = Builder { tokens: Vec::new(), parts: Vec::new(), started: false };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => match chars.get(i + 1) {
                Some('\n') => i += 1,
                Some('\r') if chars.get(i + 2) == Some(&'\n') => i += 2,
                // A web page that collapsed `\`+newline into `\  ` (the seeds show this):
                // a word of one space is never meant, so read it as the continuation it was.
                Some(' ' | '\t') if !b.started => {}
                Some(&next) => {
                    b.push_char(next);
                    i += 1;
                }
                None => {}
            },
            ' ' | '\t' | '\r' => b.finish_word(),
            '\n' | ';' => b.end_command(),
            '&' | '|' => {
                if chars.get(i + 1) == Some(&c) {
                    i += 1;
                }
                b.end_command();
            }
            '#' if !b.started => {
                while i + 1 < chars.len() && chars[i + 1] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                let end = find(&chars, i + 1, '\'').ok_or_else(|| unclosed("'"))?;
                b.started = true;
                chars[i + 1..end].iter().for_each(|&ch| b.push_char(ch));
                i = end;
            }
            '"' => i = double_quoted(&chars, i + 1, &mut b)?,
            '`' => {
                let end = find(&chars, i + 1, '`').ok_or_else(|| unclosed("`"))?;
                b.push_part(Part::Command(chars[i..=end].iter().collect()));
                i = end;
            }
            '$' if chars.get(i + 1) == Some(&'\'') => i = ansi_c_quoted(&chars, i + 2, &mut b)?,
            '$' => i = dollar(&chars, i, &mut b)?,
            _ => b.push_char(c),
        }
        i += 1;
    }
    b.end_command();
    Ok(b.tokens)
}

fn unclosed(what: &str) -> Error {
    Error::Invalid(format!("the pasted command has an unclosed {what}: copy the whole command again"))
}

fn find(chars: &[char], from: usize, target: char) -> Option<usize> {
    (from..chars.len()).find(|&j| chars[j] == target)
}

/// Inside "…": `\` escapes `$ \` " \\` and newline (a continuation); `$` expands.
/// Returns the index of the closing quote.
fn double_quoted(chars: &[char], mut i: usize, b: &mut Builder) -> Result<usize> {
    b.started = true;
    while i < chars.len() {
        match chars[i] {
            '"' => return Ok(i),
            '\\' => match chars.get(i + 1) {
                Some('\n') => i += 1,
                Some(&next @ ('$' | '`' | '"' | '\\')) => {
                    b.push_char(next);
                    i += 1;
                }
                _ => b.push_char('\\'),
            },
            '$' => i = dollar(chars, i, b)?,
            '`' => {
                let end = find(chars, i + 1, '`').ok_or_else(|| unclosed("`"))?;
                b.push_part(Part::Command(chars[i..=end].iter().collect()));
                i = end;
            }
            c => b.push_char(c),
        }
        i += 1;
    }
    Err(unclosed("\""))
}

/// `$NAME`, `${NAME}`, `$(…)`; a lone `$` is literal. Returns the index of the last char used.
fn dollar(chars: &[char], i: usize, b: &mut Builder) -> Result<usize> {
    match chars.get(i + 1) {
        Some('{') => {
            let end = find(chars, i + 2, '}').ok_or_else(|| unclosed("${"))?;
            b.push_part(Part::Var(chars[i + 2..end].iter().collect()));
            Ok(end)
        }
        Some('(') => {
            let mut depth = 0usize;
            for j in i + 1..chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            b.push_part(Part::Command(chars[i..=j].iter().collect()));
                            return Ok(j);
                        }
                    }
                    _ => {}
                }
            }
            Err(unclosed("$("))
        }
        Some(c) if c.is_ascii_alphabetic() || *c == '_' => {
            let mut end = i + 1;
            while end + 1 < chars.len() && (chars[end + 1].is_ascii_alphanumeric() || chars[end + 1] == '_') {
                end += 1;
            }
            b.push_part(Part::Var(chars[i + 1..=end].iter().collect()));
            Ok(end)
        }
        _ => {
            b.push_char('$');
            Ok(i)
        }
    }
}

/// bash's `$'…'`: backslash escapes `\n \t \r \\ \' \" \xHH \uHHHH`. Returns the closing quote's index.
fn ansi_c_quoted(chars: &[char], mut i: usize, b: &mut Builder) -> Result<usize> {
    b.started = true;
    while i < chars.len() {
        match chars[i] {
            '\'' => return Ok(i),
            '\\' => {
                let Some(&e) = chars.get(i + 1) else { break };
                i += 1;
                let simple = match e {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    '0' => Some('\0'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    'e' | 'E' => Some('\u{1b}'),
                    'f' => Some('\u{c}'),
                    'v' => Some('\u{b}'),
                    '\\' | '\'' | '"' | '?' => Some(e),
                    _ => None,
                };
                if let Some(c) = simple {
                    b.push_char(c);
                } else if matches!(e, 'x' | 'u' | 'U') {
                    let max = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let digits: String = chars[i + 1..].iter().take(max).take_while(|c| c.is_ascii_hexdigit()).collect();
                    match u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32) {
                        Some(c) => {
                            b.push_char(c);
                            i += digits.chars().count();
                        }
                        None => {
                            b.push_char('\\');
                            b.push_char(e);
                        }
                    }
                } else {
                    b.push_char('\\');
                    b.push_char(e);
                }
            }
            c => b.push_char(c),
        }
        i += 1;
    }
    Err(unclosed("$'"))
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
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        split(text)
            .expect("splits")
            .into_iter()
            .map(|t| match t {
                Token::Word(parts) => parts
                    .into_iter()
                    .map(|p| match p {
                        Part::Literal(s) => s,
                        Part::Var(v) => format!("<var {v}>"),
                        Part::Command(c) => format!("<cmd {c}>"),
                    })
                    .collect(),
                Token::End => ";".to_string(),
            })
            .collect()
    }

    #[test]
    fn quotes_continuations_and_escapes_split_like_bash() {
        assert_eq!(
            words("curl 'a b' \\\n  -H \"X: \\\"q\\\" \\$x\" c\\ d ''"),
            vec!["curl", "a b", "-H", "X: \"q\" $x", "c d", "", ";"],
            "single quotes are literal, double quotes escape, an empty '' is a word"
        );
        assert_eq!(words("a \\\r\n b"), vec!["a", "b", ";"], "a Windows line end after \\ is a continuation too");
        assert_eq!(words("curl https://x/p \\  -H \"A: b\""), vec!["curl", "https://x/p", "-H", "A: b", ";"], "a collapsed continuation");
    }

    #[test]
    fn variables_and_substitutions_are_kept_as_parts() {
        assert_eq!(
            words(r#"S=$(echo -n "$T" | openssl dgst) ; curl -d "$BODY" "${A}x" `date`"#),
            vec![r#"S=<cmd $(echo -n "$T" | openssl dgst)>"#, ";", "curl", "-d", "<var BODY>", "<var A>x", "<cmd `date`>", ";"]
        );
        assert_eq!(words("echo $ 5"), vec!["echo", "$", "5", ";"], "a lone $ is literal");
    }

    #[test]
    fn ansi_c_quotes_decode_escapes() {
        assert_eq!(words(r#"$'{"a":"it\'s\n\u00e9\x41"}'"#), vec!["{\"a\":\"it's\né\u{41}\"}", ";"]);
    }

    #[test]
    fn comments_and_separators_end_commands() {
        assert_eq!(words("# note\nA=1 && curl x # trailing\n"), vec!["A=1", ";", "curl", "x", ";"]);
    }

    #[test]
    fn unclosed_quotes_are_an_error_saying_which() {
        for (text, which) in [("curl 'abc", "'"), ("curl \"abc", "\""), ("curl $(date", "$(")] {
            let err = split(text).expect_err("unclosed");
            assert!(err.to_string().contains(&format!("unclosed {which}")), "{err}");
        }
    }
}
