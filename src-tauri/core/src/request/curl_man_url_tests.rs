//! The importer against `man curl` (curl 7.88), class by class: the URL, the headers, the
//! credentials and the options that change nothing or cannot be imported. Each test quotes the
//! rule it checks.

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

#[test]
fn url_query_appends_encoded_pieces_in_the_data_urlencode_forms_and_plus_keeps_them_raw() {
    // --url-query: "adds a piece of data, usually a name + value pair, to the end of the URL
    // query part. The syntax is identical to that used for --data-urlencode with one extension:
    // If the argument starts with a '+' (plus), the rest of the string is provided as-is
    // unencoded."
    let imp = import("curl --url-query 'q=coffee shops' --url-query '=flag on' --url-query '+cursor=ab%3D' 'https://h.example/s?type=new'");
    let d = &imp.draft;
    assert_eq!(d.url, "https://h.example/s", "the option's value is never taken as the URL");
    let rows = vec![FormRow::new("type", "new"), FormRow::new("q", "coffee shops"), FormRow::new("flag on", ""), FormRow::new("cursor", "ab=")];
    assert_eq!(d.query, rows, "after the URL's own query, in order, decoded for the query table");
    assert!(imp.notes.is_empty(), "{:?}", imp.notes);
}

#[test]
fn a_url_without_a_scheme_is_http_as_curl_guesses_it_with_a_note() {
    // --url: "If the given URL is missing a scheme name … curl will make a guess based on the
    // host. If the outermost sub-domain name matches DICT, FTP, IMAP, LDAP, POP3 or SMTP then
    // that protocol will be used, otherwise HTTP will be used." --proto-default: "Tells curl to
    // use protocol for any URL missing a scheme name."
    let imp = import("curl 'localhost:9200/idx/_search?pretty'");
    assert_eq!(imp.draft.url, "http://localhost:9200/idx/_search");
    assert!(noted(&imp, &["no scheme", "http://"]), "{:?}", imp.notes);
    let imp = import("curl --proto-default https api.example.com/v1");
    assert_eq!(imp.draft.url, "https://api.example.com/v1");
    let imp = import("curl ftp.example.com/file.txt");
    assert!(noted(&imp, &["ftp://", "does not send"]), "{:?}", imp.notes);
    let imp = import("curl 'https://h.example/guide#auth'");
    assert_eq!((imp.draft.url.as_str(), imp.notes.len()), ("https://h.example/guide", 0), "curl never sends the fragment");
}

#[test]
fn user_password_is_a_basic_auth_credential_reported_masked() {
    // -u: "Specify the user name and password to use for server authentication." (curl sends
    // them as Authorization: Basic.) "If you simply specify the user name, curl will prompt for
    // a password."
    let imp = import("curl -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: https://api.stripe.example/v1/charges");
    assert!(imp.draft.headers.is_empty(), "nothing of the credential is in the draft: {:?}", imp.draft.headers);
    assert_eq!(imp.found.len(), 1);
    let found = &imp.found[0];
    assert_eq!((found.location.as_str(), found.suggested_mode), ("-u (basic auth)", Some(AuthMode::Custom)));
    assert!(!found.masked.contains("4eC39HqLyjWDarjtT1zd"), "masked: {}", found.masked);
    assert!(noted(&imp, &["Basic"]), "{:?}", imp.notes);
    assert_eq!(import("curl -u \"$KEY:\" https://h.example").found[0].masked, "$KEY:", "a variable is shown by name");
    assert!(noted(&import("curl -u alice https://h.example"), &["prompt"]), "a user without a password makes curl ask");
    let imp = import("curl -X PUT http://admin:password@127.0.0.1:5984/db");
    assert_eq!(imp.draft.url, "http://127.0.0.1:5984/db", "user:password@ leaves the URL");
    assert_eq!(imp.found[0].location, "URL user:password");
    assert!(!imp.found[0].masked.contains("password"), "{}", imp.found[0].masked);
}

#[test]
fn cookies_are_credentials_and_a_cookie_file_is_noted() {
    // -b: "Pass the data to the HTTP server in the Cookie header … If no '=' symbol is used in
    // the argument, it is instead treated as a filename to read previously stored cookie from."
    let imp = import("curl -b 'session=abc123; theme=dark' https://h.example/me");
    assert!(header(&imp.draft, "Cookie").is_none());
    assert_eq!(imp.found[0].location, "cookie");
    let imp = import("curl -b cookies.txt https://h.example/me");
    assert!(imp.found.is_empty(), "a file name is not a credential");
    assert!(noted(&imp, &["-b cookies.txt", "left out"]), "{:?}", imp.notes);
}

#[test]
fn user_agent_and_referer_are_headers_and_an_empty_user_agent_removes_it() {
    // -A: "Specify the User-Agent string to send to the HTTP server." "If you give an empty
    // argument to -A, --user-agent (""), it will remove the header completely". -e: "Sends the
    // "Referrer Page" information to the HTTP server … When used with -L, --location you can
    // append ";auto" to the -e, --referer URL".
    let d = import("curl -A 'Agent 007' -e 'https://ref.example/;auto' https://h.example").draft;
    assert_eq!((header(&d, "User-Agent"), header(&d, "Referer")), (Some("Agent 007"), Some("https://ref.example/")));
    assert!(header(&import("curl -A '' https://h.example").draft, "User-Agent").is_none());
    let d = import("curl -A one -H 'User-Agent: two' https://h.example").draft;
    assert_eq!(d.headers, vec![FormRow::new("User-Agent", "two")], "a -H header replaces curl's own");
}

#[test]
fn header_forms_add_replace_remove_and_send_empty() {
    // -H: "if you should add a custom header that has the same name as one of the internal ones
    // curl would use, your externally set header will be used instead of the internal one …
    // Remove an internal header by giving a replacement without content on the right side of
    // the colon, as in: -H "Host:". If you send the custom header with no-value then its header
    // must be terminated with a semicolon, such as -H "X-Custom-Header;" to send
    // "X-Custom-Header:"."
    let d = import("curl -H 'Content-Type:' -H 'X-Custom-Header;' -d x=1 https://h.example").draft;
    assert!(header(&d, "Content-Type").is_none(), "the default form type was removed: {:?}", d.headers);
    assert_eq!(header(&d, "X-Custom-Header"), Some(""));
    let d = import("curl -H 'Content-Type: text/plain' -d x=1 https://h.example").draft;
    assert_eq!(d.headers, vec![FormRow::new("Content-Type", "text/plain")], "replaced, not doubled");
    let d = import("curl -H 'X-A: 1' -H 'X-A: 2' https://h.example").draft;
    assert_eq!(d.headers.len(), 2, "repeated headers are all sent");
}

#[test]
fn vendor_key_headers_are_credentials_but_idempotency_keys_are_not() {
    let imp = import(
        "curl -H 'X-Auth-Key: c2547eb745079dac9320b638f5e225cf483cc' -H 'PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxx' -H 'Idempotency-Key: KG5LxwFBepaKHyUD' https://h.example",
    );
    let places: Vec<&str> = imp.found.iter().map(|f| f.location.as_str()).collect();
    assert_eq!(places, vec!["header X-Auth-Key", "header PRIVATE-TOKEN"]);
    assert!(imp.found.iter().all(|f| f.suggested_mode == Some(AuthMode::ApiKey)));
    assert_eq!(imp.draft.headers, vec![FormRow::new("Idempotency-Key", "KG5LxwFBepaKHyUD")]);
}

#[test]
fn compressed_and_other_output_options_change_nothing_the_draft_holds() {
    // --compressed: "Request a compressed response using one of the algorithms curl supports,
    // and automatically decompress the content." The tester negotiates its own encoding, so no
    // Accept-Encoding is imported. Options with values (-o, -w, --connect-timeout) never become
    // the URL ("-o, --output <file>").
    let imp = import("curl --compressed -sSL -o out.json -w '%{http_code}' --connect-timeout 5 --retry 3 -m 30 https://h.example/r");
    assert_eq!((imp.draft.url.as_str(), imp.draft.headers.len()), ("https://h.example/r", 0));
    assert!(imp.notes.is_empty(), "{:?}", imp.notes);
}

#[test]
fn options_that_change_the_request_beyond_a_draft_are_noted_with_why() {
    let imp = import("curl --digest -u a:b --aws-sigv4 aws:amz:us-east-1:s3 -x http://proxy:3128 --path-as-is https://h.example");
    for option in ["--digest", "--aws-sigv4", "--proxy", "--path-as-is"] {
        assert!(noted(&imp, &[option]), "{option}: {:?}", imp.notes);
    }
    assert!(noted(&import("curl --bogus https://h.example"), &["--bogus", "not a curl option"]));
    let imp = import("curl https://h.example/a -d x=1 --next https://h.example/b -X DELETE");
    assert_eq!((imp.draft.url.as_str(), imp.draft.method.as_str()), ("https://h.example/a", "POST"), "options after --next are another request");
    assert!(noted(&imp, &["--next"]));
    assert!(noted(&import("curl https://h.example/a https://h.example/b"), &["Only the first URL"]));
}

#[test]
fn a_url_glob_is_kept_as_written_with_a_note_unless_globoff() {
    // -g: "This option switches off the "URL globbing parser". When you set this option, you can
    // specify URLs that contain the letters {}[] without having curl itself interpret them."
    let imp = import("curl 'https://h.example/users/{id}'");
    assert_eq!(imp.draft.url, "https://h.example/users/{id}", "kept as a variable to fill in");
    assert!(noted(&imp, &["glob"]), "{:?}", imp.notes);
    assert!(import("curl -g 'https://h.example/q?ids[]=1'").notes.is_empty());
    assert!(import("curl \"https://h.example/stores/$STORE_ID\"").notes.is_empty(), "a variable's {{storeId}} is not a glob");
}

#[test]
fn options_take_their_value_attached_or_as_the_next_word_and_flags_combine() {
    let d = import("curl -sSXPOST -H'Accept: text/csv' -d@- --url https://h.example/x <<< 'a=1'").draft;
    assert_eq!((d.method.as_str(), d.body.as_str(), header(&d, "Accept")), ("POST", "a=1", Some("text/csv")));
    let d = import("curl --no-get -G --no-get -d a=1 https://h.example").draft;
    assert_eq!(d.method, "POST", "--no-get disables -G");
}
