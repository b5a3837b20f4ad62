//! The importer against `man curl` (curl 7.88), class by class: the method and the body. Each
//! test quotes the rule it checks. What curl 7.88 does where the manual says nothing (the
//! multipart layout, `+` for a space) was checked against curl itself by the conformance test
//! (`tests/curl_conformance`), which runs the real binary.

use super::*;

fn header<'a>(d: &'a RequestDraft, name: &str) -> Option<&'a str> {
    d.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
}

fn import(text: &str) -> CurlImport {
    import_curl(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn noted(imp: &CurlImport, words: &[&str]) -> bool {
    imp.notes.iter().any(|n| words.iter().all(|w| n.contains(w)))
}

/// A folder with these files, for the imports that read files.
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).expect("write file");
    }
    dir
}

#[test]
fn an_empty_data_argument_still_posts_an_empty_form_body() {
    // -d: "Sends the specified data in a POST request to the HTTP server … using the
    // content-type application/x-www-form-urlencoded." An empty argument is still data.
    for text in ["curl -d '' https://h.example/hook", "curl --data-binary \"\" https://h.example/hook", "curl --data-raw '' https://h.example/hook"] {
        let d = import(text).draft;
        assert_eq!((d.method.as_str(), d.body.as_str()), ("POST", ""), "{text}");
        assert_eq!(header(&d, "Content-Type"), Some("application/x-www-form-urlencoded"), "{text}");
    }
}

#[test]
fn several_data_options_are_joined_with_ampersands() {
    // -d: "If any of these options is used more than once on the same command line, the data
    // pieces specified will be merged with a separating &-symbol. Thus, using '-d name=daniel
    // -d skill=lousy' would generate a post chunk that looks like 'name=daniel&skill=lousy'."
    assert_eq!(import("curl -d name=daniel -d skill=lousy https://h.example").draft.body, "name=daniel&skill=lousy");
    assert_eq!(import("curl -d a=1 --data-binary b=2 --data-raw @c https://h.example").draft.body, "a=1&b=2&@c", "every data option joins");
}

#[test]
fn data_from_a_file_strips_newlines_for_d_and_keeps_them_for_data_binary() {
    // -d: "When -d, --data is told to read from a file like that, carriage returns and newlines
    // will be stripped out." --data-binary: "newlines and carriage returns are preserved".
    let dir = folder(&[("body.txt", b"line1\r\nline2\n")]);
    let d = import_curl_reading_files("curl -d @body.txt https://h.example", dir.path()).expect("imports").draft;
    assert_eq!(d.body, "line1line2");
    let d = import_curl_reading_files("curl --data-binary @body.txt https://h.example", dir.path()).expect("imports").draft;
    assert_eq!(d.body, "line1\r\nline2\n");
    let d = import_curl_reading_files("curl --data-ascii @body.txt https://h.example", dir.path()).expect("imports").draft;
    assert_eq!(d.body, "line1line2", "--data-ascii is -d");
}

#[test]
fn a_file_that_is_not_read_is_left_out_with_a_note_naming_it() {
    let imp = import("curl --data-binary @payload.json https://h.example");
    assert_eq!((imp.draft.method.as_str(), imp.draft.body.as_str()), ("POST", ""), "still a POST, as curl sends it");
    assert!(noted(&imp, &["--data-binary @payload.json", "payload.json", "left out"]), "{:?}", imp.notes);
    let dir = folder(&[("pic.jpg", b"\xFF\xD8\xFF\xE0")]);
    let imp = import_curl_reading_files("curl --data-binary @pic.jpg https://h.example", dir.path()).expect("imports");
    assert!(noted(&imp, &["pic.jpg", "not UTF-8"]), "a binary file cannot be a text body: {:?}", imp.notes);
    let imp = import_curl_reading_files("curl -d @missing.json https://h.example", dir.path()).expect("imports");
    assert!(noted(&imp, &["missing.json", "could not be read"]), "{:?}", imp.notes);
}

#[test]
fn data_raw_never_reads_a_file() {
    // --data-raw: "This posts data similarly to -d, --data but without the special
    // interpretation of the @ character."
    let imp = import("curl --data-raw '@at@at@' https://h.example");
    assert_eq!(imp.draft.body, "@at@at@");
    assert!(imp.notes.is_empty(), "{:?}", imp.notes);
}

#[test]
fn data_urlencode_has_its_five_forms() {
    // --data-urlencode: "content … URL-encode the content"; "=content … The preceding = symbol
    // is not included"; "name=content … URL-encode the content part … the name part is expected
    // to be URL-encoded already"; "@filename … load data from the given file (including any
    // newlines), URL-encode that data"; "name@filename … resulting in name=urlencoded-file-content".
    let dir = folder(&[("msg.txt", b"hi there\n")]);
    let cases = [
        ("--data-urlencode 'a b&c'", "a+b%26c"),
        ("--data-urlencode '=a=b'", "a%3Db"),
        ("--data-urlencode 'na%20me=caf\u{e9} ~*'", "na%20me=caf%C3%A9+~%2A"),
        ("--data-urlencode @msg.txt", "hi+there%0A"),
        ("--data-urlencode text@msg.txt", "text=hi+there%0A"),
    ];
    for (args, body) in cases {
        let text = format!("curl {args} https://h.example");
        assert_eq!(import_curl_reading_files(&text, dir.path()).expect("imports").draft.body, body, "{args}");
    }
}

#[test]
fn json_posts_with_both_json_headers_and_concatenates_its_pieces() {
    // --json: "works as a shortcut for passing on these three options: --data [arg] --header
    // "Content-Type: application/json" --header "Accept: application/json"". "If this option
    // is used more than once … the additional data pieces will be concatenated". "The headers
    // this option sets can be overridden with -H, --header as usual."
    let d = import(r#"curl --json '{"drink":' --json ' "coffee" }' https://h.example"#).draft;
    assert_eq!((d.method.as_str(), d.body.as_str()), ("POST", r#"{"drink": "coffee" }"#));
    assert_eq!((header(&d, "Content-Type"), header(&d, "Accept")), (Some("application/json"), Some("application/json")));
    let d = import(r#"curl --json '{}' -H 'Accept: application/vnd.api+json' https://h.example"#).draft;
    assert_eq!(header(&d, "Accept"), Some("application/vnd.api+json"), "-H wins over --json's header");
    assert_eq!(d.headers.iter().filter(|h| h.name.eq_ignore_ascii_case("accept")).count(), 1);
}

#[test]
fn form_posts_a_multipart_body_the_draft_holds_as_text() {
    // -F: "This causes curl to POST data using the Content-Type multipart/form-data according to
    // RFC 2388." "curl -F "name=daniel;type=text/foo"" sets the part's type; "Quoting must also be
    // applied to non-file data if it contains semicolons"; --form-string: "Leading '@' and '<'
    // characters, and the ';type=' string in the value have no special meaning."
    let imp = import(r#"curl -F name=John -F 'size=11;type=text/foo' -F 'colors="red; green"' --form-string 'bio=@me;type=x' https://h.example/f"#);
    let d = &imp.draft;
    assert_eq!(d.method, "POST");
    let content_type = header(d, "Content-Type").expect("a multipart content type");
    let boundary = content_type.strip_prefix("multipart/form-data; boundary=").expect("form-data with a boundary");
    let part = |name: &str, extra: &str, value: &str| format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n{extra}\r\n{value}\r\n");
    let expected = [
        part("name", "", "John"),
        part("size", "Content-Type: text/foo\r\n", "11"),
        part("colors", "", "red; green"),
        part("bio", "", "@me;type=x"),
        format!("--{boundary}--\r\n"),
    ]
    .concat();
    assert_eq!(d.body, expected);
    assert!(imp.notes.is_empty(), "{:?}", imp.notes);
}

#[test]
fn form_file_parts_read_files_or_name_what_was_left_out() {
    // -F: "To force the 'content' part to be a file, prefix the file name with an @ sign. To just
    // get the content part from a file, prefix the file name with the symbol <." "You can also
    // explicitly change the name field of a file upload part by setting filename=".
    let dir = folder(&[("notes.txt", b"hello\n"), ("story.md", b"once")]);
    let text = "curl -F 'doc=@notes.txt;filename=renamed.txt' -F 'story=<story.md' https://h.example/up";
    let d = import_curl_reading_files(text, dir.path()).expect("imports").draft;
    assert!(d.body.contains("name=\"doc\"; filename=\"renamed.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\n\r\n"), "{}", d.body);
    assert!(d.body.contains("name=\"story\"\r\n\r\nonce\r\n"), "a < part is a text field without a filename: {}", d.body);
    let imp = import("curl -F photo=@photo.jpg -F caption=Sunset https://h.example/up");
    assert!(imp.draft.body.contains("name=\"photo\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\r\n"), "{}", imp.draft.body);
    assert!(imp.draft.body.contains("Sunset"), "the text fields are kept");
    assert!(noted(&imp, &["photo=@photo.jpg", "reads the file photo.jpg", "left out"]), "{:?}", imp.notes);
}

#[test]
fn here_documents_and_here_strings_are_the_body_of_data_at_dash() {
    // -d: "If you start the data with the letter @, the rest should be a file name to read the
    // data from, or - if you want curl to read the data from stdin." (with -d, newlines are
    // stripped; --data-binary keeps them, the here-document's last newline included.)
    let d = import("curl -X POST https://h.example/e --data-binary @- <<DATA\n{\"a\": 1}\nDATA\n").draft;
    assert_eq!((d.method.as_str(), d.body.as_str()), ("POST", "{\"a\": 1}\n"));
    let d = import("curl https://h.example/e -d @- <<'EOF'\n{\n  \"a\": \"$HOME\"\n}\nEOF").draft;
    assert_eq!(d.body, "{  \"a\": \"$HOME\"}", "a quoted delimiter keeps $HOME; -d strips the newlines");
    let d = import("NAME=mug\ncurl --json @- https://h.example/i <<EOF\n{\"name\": \"$NAME\"}\nEOF").draft;
    assert_eq!(d.body, "{\"name\": \"mug\"}\n", "an unquoted delimiter expands variables set in the paste");
    let d = import("curl -d @- https://h.example/n <<< '{\"t\":1}'").draft;
    assert_eq!(d.body, "{\"t\":1}", "a here-string's newline is stripped by -d");
}

#[test]
fn a_command_substitution_that_prints_written_text_is_that_text() {
    // man bash, Command Substitution: "Bash performs the expansion by executing command … and
    // replacing the command substitution with the standard output of the command, with any
    // trailing newlines deleted."
    let d = import("ID=7\ncurl -d \"$(cat <<EOF\n{\"id\": $ID}\nEOF\n)\" https://h.example").draft;
    assert_eq!(d.body, "{\"id\": 7}");
    let imp = import("curl -H \"X-Time: $(date +%s)\" https://h.example");
    assert!(noted(&imp, &["$(date +%s)", "does not run it"]), "anything else is noted: {:?}", imp.notes);
}

#[test]
fn standard_input_from_echo_is_read_and_from_anything_else_noted() {
    let d = import("echo '{\"ref\":\"main\"}' | curl --data-binary @- https://h.example/d").draft;
    assert_eq!(d.body, "{\"ref\":\"main\"}\n", "echo adds a newline");
    let d = import("printf '%s' 'a=1' | curl -d @- https://h.example/d").draft;
    assert_eq!(d.body, "a=1");
    let imp = import("jq -n '{}' | curl -d @- https://h.example/d");
    assert!(noted(&imp, &["standard input", "jq", "left out"]), "{:?}", imp.notes);
    let imp = import("curl -d @- https://h.example/d");
    assert!(noted(&imp, &["standard input", "not in the pasted text"]), "{:?}", imp.notes);
    let dir = folder(&[("in.json", b"{}")]);
    let d = import_curl_reading_files("curl -d @- https://h.example/d < in.json", dir.path()).expect("imports").draft;
    assert_eq!(d.body, "{}", "< file is standard input");
}

#[test]
fn upload_file_is_a_put_to_the_url_with_the_file_name_appended_to_a_folder() {
    // -T: "If there is no file part in the specified URL, curl will append the local file name.
    // NOTE that you must use a trailing / on the last directory … If this is used on an HTTP(S)
    // server, the PUT command will be used." "Use the file name "-" … to use stdin".
    let dir = folder(&[("report.csv", b"a,b\n")]);
    let d = import_curl_reading_files("curl -T report.csv https://h.example/up/", dir.path()).expect("imports").draft;
    assert_eq!((d.method.as_str(), d.url.as_str(), d.body.as_str()), ("PUT", "https://h.example/up/report.csv", "a,b\n"));
    assert_eq!(import("curl -T report.csv https://h.example/up").draft.url, "https://h.example/up", "no trailing /: the URL names the file");
    assert_eq!(import("curl -T dir/report.csv https://h.example").draft.url, "https://h.example/report.csv", "the file's own name");
    let d = import("curl -T - https://h.example/up/ <<EOF\nhi\nEOF").draft;
    assert_eq!((d.url.as_str(), d.body.as_str()), ("https://h.example/up/", "hi\n"), "stdin appends no name");
    // -d: "This option is mutually exclusive to -F, --form and -I, --head and -T, --upload-file."
    assert!(noted(&import("curl -T a.txt -d x=1 https://h.example/up/"), &["only select one HTTP request method"]));
    assert!(noted(&import("curl -F a=b -d x=1 https://h.example/up/"), &["only select one HTTP request method"]));
    let imp = import("curl -X POST -T report.csv https://h.example/up/");
    assert_eq!(imp.draft.method, "POST", "-X changes the method word");
    assert!(noted(&imp, &["-T report.csv", "left out"]), "{:?}", imp.notes);
}

#[test]
fn range_sends_a_range_header() {
    // -r: "Retrieve a byte range (i.e. a partial document) from an HTTP/1.1 … server";
    // "0-499 specifies the first 500 bytes". HTTP sends it as Range: bytes=0-499.
    let d = import("curl -r 0-499 https://h.example/f").draft;
    assert_eq!((d.method.as_str(), header(&d, "Range")), ("GET", Some("bytes=0-499")));
    assert_eq!(header(&import("curl --range 100-199,500- https://h.example/f").draft, "Range"), Some("bytes=100-199,500-"));
}

#[test]
fn get_moves_the_data_into_the_query() {
    // -G: "this option will make all data specified with -d, --data, --data-binary or
    // --data-urlencode to be used in an HTTP GET request instead of the POST request … The data
    // will be appended to the URL with a '?' separator." "If used in combination with -I,
    // --head, the POST data will instead be appended to the URL with a HEAD request."
    let d = import("curl -G 'https://h.example/s?c=3' -d a=1 --data-urlencode 'q=rust async'").draft;
    assert_eq!((d.method.as_str(), d.body.as_str()), ("GET", ""));
    assert_eq!(d.query, vec![FormRow::new("c", "3"), FormRow::new("a", "1"), FormRow::new("q", "rust async")]);
    assert!(header(&d, "Content-Type").is_none(), "no body, no form content type");
    let d = import("curl --get -I -d tool=curl https://h.example").draft;
    assert_eq!((d.method.as_str(), d.query.clone()), ("HEAD", vec![FormRow::new("tool", "curl")]));
}

#[test]
fn head_and_request_set_the_method_word_only() {
    // -I: "HTTP-servers feature the command HEAD which this uses". -X: "This option only changes
    // the actual word used in the HTTP request, it does not alter the way curl behaves."
    assert_eq!(import("curl -I https://h.example").draft.method, "HEAD");
    let d = import("curl -X GET -d x=1 https://h.example").draft;
    assert_eq!((d.method.as_str(), d.body.as_str()), ("GET", "x=1"), "-X GET with data still sends the data");
    assert_eq!(import("curl -XDELETE https://h.example/x").draft.method, "DELETE");
}
