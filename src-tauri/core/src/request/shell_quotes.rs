//! The quoting half of the shell splitter: what bash does inside `"…"`, after `$` (variables
//! and command substitutions, kept as parts rather than run) and inside bash's `$'…'` (the
//! form Chrome's "Copy as cURL" uses for bodies with quotes or non-ASCII text).

use crate::error::{Error, Result};
use crate::request::shell_words::{Builder, Part};

/// The error for a quote or substitution that never closes, naming which.
pub(super) fn unclosed(what: &str) -> Error {
    Error::Invalid(format!("the pasted command has an unclosed {what}: copy the whole command again"))
}

/// The index of the first `target` at or after `from`.
pub(super) fn find(chars: &[char], from: usize, target: char) -> Option<usize> {
    (from..chars.len()).find(|&j| chars[j] == target)
}

/// Inside "…": `\` escapes `$ \` " \\` and newline (a continuation); `$` expands.
/// Returns the index of the closing quote.
pub(super) fn double_quoted(chars: &[char], mut i: usize, b: &mut Builder) -> Result<usize> {
    b.mark_quoted();
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
            '`' => i = backtick(chars, i, b)?,
            c => b.push_char(c),
        }
        i += 1;
    }
    Err(unclosed("\""))
}

/// `` `…` `` kept as a command part. Returns the index of the closing backtick.
pub(super) fn backtick(chars: &[char], i: usize, b: &mut Builder) -> Result<usize> {
    let end = find(chars, i + 1, '`').ok_or_else(|| unclosed("`"))?;
    b.push_part(Part::Command(chars[i..=end].iter().collect()));
    Ok(end)
}

/// `$NAME`, `${NAME}`, `$(…)`; a lone `$` is literal. Returns the index of the last char used.
pub(super) fn dollar(chars: &[char], i: usize, b: &mut Builder) -> Result<usize> {
    match chars.get(i + 1) {
        Some('{') => {
            let end = find(chars, i + 2, '}').ok_or_else(|| unclosed("${"))?;
            b.push_part(Part::Var(chars[i + 2..end].iter().collect()));
            Ok(end)
        }
        Some('(') => {
            let end = closing_paren(chars, i + 1).ok_or_else(|| unclosed("$("))?;
            b.push_part(Part::Command(chars[i..=end].iter().collect()));
            Ok(end)
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

/// The index of the `)` closing the `(` at `open`, counting nested pairs.
pub(super) fn closing_paren(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// bash's `$'…'`: backslash escapes `\n \t \r \\ \' \" \xHH \uHHHH`. Returns the closing quote's index.
pub(super) fn ansi_c_quoted(chars: &[char], mut i: usize, b: &mut Builder) -> Result<usize> {
    b.mark_quoted();
    while i < chars.len() {
        match chars[i] {
            '\'' => return Ok(i),
            '\\' => {
                let Some(&e) = chars.get(i + 1) else { break };
                i += 1;
                if let Some(c) = simple_escape(e) {
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

fn simple_escape(e: char) -> Option<char> {
    match e {
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
    }
}

/// A here-document body without quotes on its delimiter: `$` and backticks expand, `\` escapes
/// only `$`, `` ` ``, `\` and a newline (which it removes), as in bash.
pub(super) fn expand_heredoc(body: &str) -> Result<Vec<Part>> {
    let chars: Vec<char> = body.chars().collect();
    let mut b = Builder::default();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => match chars.get(i + 1) {
                Some('\n') => i += 1,
                Some(&next @ ('$' | '`' | '\\')) => {
                    b.push_char(next);
                    i += 1;
                }
                _ => b.push_char('\\'),
            },
            '$' => i = dollar(&chars, i, &mut b)?,
            '`' => i = backtick(&chars, i, &mut b)?,
            c => b.push_char(c),
        }
        i += 1;
    }
    Ok(b.take_parts())
}
