//! The splitter against what bash does with the same text (`man bash`: QUOTING, REDIRECTION,
//! Here Documents, Here Strings, Pipelines).

use super::*;

fn show(parts: Vec<Part>) -> String {
    parts
        .into_iter()
        .map(|p| match p {
            Part::Literal(s) => s,
            Part::Var(v) => format!("<var {v}>"),
            Part::Command(c) => format!("<cmd {c}>"),
        })
        .collect()
}

fn words(text: &str) -> Vec<String> {
    split(text)
        .expect("splits")
        .into_iter()
        .map(|t| match t {
            Token::Word(parts) => show(parts),
            Token::Stdin(parts) => format!("<stdin {}>", show(parts)),
            Token::StdinFile(parts) => format!("<file {}>", show(parts)),
            Token::Pipe => "|".to_string(),
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
    assert_eq!(words("a || b & c"), vec!["a", ";", "b", ";", "c", ";"]);
}

#[test]
fn a_pipe_ends_the_command_and_is_kept_apart_from_other_separators() {
    // man bash, Pipelines: "The standard output of command is connected via a pipe to the
    // standard input of command2."
    assert_eq!(words("echo '{}' | curl -d @- x |& jq ."), vec!["echo", "{}", "|", "curl", "-d", "@-", "x", "|", "jq", ".", ";"]);
}

#[test]
fn here_documents_become_the_commands_stdin() {
    // man bash, Here Documents: "If any part of word is quoted … the lines in the here-document
    // are not expanded"; otherwise "all lines … are subjected to parameter expansion, command
    // substitution, and arithmetic expansion, the character sequence \<newline> is ignored, and
    // \ must be used to quote the characters \, $, and `."
    let text = "curl -d @- x <<EOF\n{\"id\": \"$ID\", \"p\": \"\\$5\"}\nEOF\necho next";
    assert_eq!(words(text), vec!["curl", "-d", "@-", "x", "<stdin {\"id\": \"<var ID>\", \"p\": \"$5\"}\n>", ";", "echo", "next", ";"]);
    let quoted = "curl --data-binary @- x <<'DATA'\n{\"p\": \"$5\"}\n  two\nDATA\n";
    assert_eq!(words(quoted), vec!["curl", "--data-binary", "@-", "x", "<stdin {\"p\": \"$5\"}\n  two\n>", ";"]);
    assert_eq!(words("curl x <<\"EOF\"\n$A\nEOF"), vec!["curl", "x", "<stdin $A\n>", ";"], "a double-quoted delimiter is quoted too");
    // "If the redirection operator is <<-, then all leading tab characters are stripped from
    // input lines and the line containing delimiter."
    assert_eq!(words("curl x <<-EOF\n\t\ta\n\tEOF\n"), vec!["curl", "x", "<stdin a\n>", ";"]);
    assert_eq!(words("curl x <<EOF\nunterminated"), vec!["curl", "x", "<stdin unterminated\n>", ";"], "bash reads to the end");
}

#[test]
fn a_here_document_on_the_first_command_of_a_pipe_belongs_to_it() {
    assert_eq!(words("cat <<EOF | curl -d @- x\nbody\nEOF\n"), vec!["cat", "<stdin body\n>", "|", "curl", "-d", "@-", "x", ";"]);
}

#[test]
fn here_strings_add_a_newline_and_files_and_outputs_are_redirections_not_words() {
    // man bash, Here Strings: "The result is supplied as a single string, with a newline
    // appended, to the command on its standard input."
    assert_eq!(words("curl -d @- x <<< \"$BODY\""), vec!["curl", "-d", "@-", "x", "<stdin <var BODY>\n>", ";"]);
    assert_eq!(words("curl -d @- x < body.json"), vec!["curl", "-d", "@-", "x", "<file body.json>", ";"]);
    assert_eq!(
        words("curl x > out.json 2>&1 >>log 2>/dev/null &>all"),
        vec!["curl", "x", ";"],
        "output redirections and their targets are not arguments"
    );
    assert_eq!(words("curl x>out"), vec!["curl", "x", ";"], "a redirection right after a word ends it");
    assert_eq!(words("> curl x"), vec!["curl", "x", ";"], "a leading > is a prompt");
    assert_eq!(words("curl -d @<(jq -n '{}') x"), vec!["curl", "-d", "@<cmd <(jq -n '{}')>", "x", ";"]);
}

#[test]
fn unclosed_quotes_are_an_error_saying_which() {
    for (text, which) in [("curl 'abc", "'"), ("curl \"abc", "\""), ("curl $(date", "$(")] {
        let err = split(text).expect_err("unclosed");
        assert!(err.to_string().contains(&format!("unclosed {which}")), "{err}");
    }
}
