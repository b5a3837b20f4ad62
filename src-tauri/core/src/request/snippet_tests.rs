//! Snippets are checked by running them: bash, python3 and node execute each one with the
//! network call replaced by a recorder, and what the snippet would send — URL, headers, body,
//! and for HMAC the signature it computes itself — must equal what Tokenbench's own signer
//! produces for the same request. Syntax is checked by `bash -n` and Python's `ast.parse`.

use std::collections::BTreeMap;

use super::*;
use crate::request::auth::auth_headers_for;
use crate::request::spec::{FormRow, RequestDraft};
use crate::request::test_support::{pandabase_hmac, profile, record, run};
use crate::skip;

struct Case {
    label: &'static str,
    record: TokenRecord,
    profile: Profile,
    spec: RequestSpec,
    secret: &'static str,
    /// Environment variables the snippet must read, with the values to give them.
    env: Vec<(&'static str, String)>,
}

const TRICKY_BODY: &str = "{\"note\":\"it's \\\"quoted\\\" $HOME `date` \\\\ back\\nslash\",\n \"name\":\"Café ☕ 製品\"}\n";

fn spec(rec: &TokenRecord, p: &Profile, method: &str, url: &str, body: &str) -> RequestSpec {
    let mut draft = RequestDraft { method: method.into(), url: url.into(), body: body.into(), ..RequestDraft::default() };
    if !body.is_empty() {
        draft.headers.push(FormRow::new("Content-Type", "application/json"));
    }
    draft.query.push(FormRow::new("page", "1"));
    draft.resolve(rec, p, Some("https://api.example.test")).expect("test draft resolves")
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let hmac_secret = "sk_live_hmacSECRET0123456789";
    for (label, method, body) in [
        ("hmac GET", "GET", ""),
        ("hmac POST seed body", "POST", r#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#),
        ("hmac POST tricky body", "POST", TRICKY_BODY),
    ] {
        let (rec, p) = (pandabase_hmac(), profile("pandabase"));
        out.push(Case {
            label,
            spec: spec(&rec, &p, method, "/v2/core/stores/{storeId}/products", body),
            env: vec![("PANDABASE_TOKEN_ID", "stk_9f8e7d6c5b4a".into()), ("PANDABASE_TOKEN_SECRET", hmac_secret.into())],
            record: rec,
            profile: p,
            secret: hmac_secret,
        });
    }
    let simple: [(&str, &str, AuthMode, &str, &str, &str); 5] = [
        ("pandabase bearer", "pandabase", AuthMode::Bearer, "PANDABASE_API_TOKEN", "sk_live_bearerSECRET0123456", TRICKY_BODY),
        ("pixlpay bearer", "pixlpay", AuthMode::Bearer, "PIXLPAY_API_KEY", "sk_test_pixlSECRET0123456789", ""),
        ("pacspace apiKey", "pacspace", AuthMode::ApiKey, "PACSPACE_API_KEY", "pk_live_PUBLIC.pacSECRET0123", ""),
        ("shipped raw", "shipped", AuthMode::Raw, "SHIPPED_API_KEY", "sk_live_shipSECRET012345678", "{}"),
        ("custom", "custom", AuthMode::Custom, "CUSTOM_API_KEY", "customSECRET0123456789abcd", "a=1"),
    ];
    for (label, provider, mode, env, secret, body) in simple {
        let mut rec = record(provider, mode);
        if mode == AuthMode::Custom {
            rec.auth_header = Some("X-Auth".into());
            rec.auth_prefix = Some("Key \"it's\" $x! ".into());
        }
        let p = profile(provider);
        out.push(Case {
            label,
            spec: spec(&rec, &p, if body.is_empty() { "GET" } else { "PUT" }, "/v1/things", body),
            env: vec![(env, secret.into())],
            record: rec,
            profile: p,
            secret,
        });
    }
    let (rec, p) = (record("custom", AuthMode::None), profile("custom"));
    out.push(Case {
        label: "none",
        spec: spec(&rec, &p, "DELETE", "/v1/things/1", ""),
        env: Vec::new(),
        record: rec,
        profile: p,
        secret: "unusedSECRET0123456789",
    });
    out
}

/// Method, URL, headers and body of one request.
type Sent = (String, String, BTreeMap<String, String>, String);

/// What Tokenbench itself would send: method, URL, headers (spec then auth) and body.
fn expected(c: &Case) -> Sent {
    let auth = auth_headers_for(&c.record, Some(&c.profile), &Secret::new(c.secret), &c.spec.body).expect("core signs");
    let mut headers: BTreeMap<String, String> = c.spec.headers.iter().cloned().collect();
    headers.extend(auth.iter().map(|h| (h.name.clone(), h.value.expose().to_string())));
    let url = c.spec.full_url().expect("url").to_string();
    (c.spec.method.clone(), url, headers, String::from_utf8(c.spec.body.clone()).expect("utf-8 body"))
}

fn env_refs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[test]
fn no_snippet_contains_the_secret_unless_asked_and_each_names_its_variables() {
    for c in cases() {
        for lang in [SnippetLang::Curl, SnippetLang::TypeScript, SnippetLang::Python] {
            let plain = snippet(lang, &c.record, &c.profile, &c.spec, None);
            assert!(!plain.contains(c.secret), "{} {lang:?} leaks the secret:\n{plain}", c.label);
            for (var, _) in &c.env {
                assert!(plain.contains(var), "{} {lang:?} must read ${var}:\n{plain}", c.label);
            }
            let inline = snippet(lang, &c.record, &c.profile, &c.spec, Some(&Secret::new(c.secret)));
            if c.record.auth_mode != AuthMode::None {
                assert!(inline.contains(c.secret), "{} {lang:?}: asked for the secret inline:\n{inline}", c.label);
                assert!(inline.contains("WARNING"), "{} {lang:?}: an inline secret is flagged", c.label);
            } else {
                assert!(!inline.contains(c.secret), "mode none never needs the secret");
            }
        }
    }
}

#[test]
fn curl_snippets_are_valid_bash_and_send_exactly_what_tokenbench_sends() {
    if !skip::tools_available(&["bash", "openssl"]) {
        return;
    }
    // The recorder: a `curl` function printing its arguments NUL-separated.
    let recorder = "curl() { printf '%s\\0' \"$@\"; }\n";
    for c in cases() {
        let want = expected(&c);
        for (inline, env) in [(false, c.env.clone()), (true, Vec::new())] {
            let s = Secret::new(c.secret);
            let text = snippet(SnippetLang::Curl, &c.record, &c.profile, &c.spec, inline.then_some(&s));
            let variant = if inline { "inline" } else { "env" };
            let syntax = run("bash", &["-n"], &[], text.as_bytes());
            assert!(syntax.ok, "{} ({variant}) is not valid bash: {}\n{text}", c.label, syntax.stderr);
            let ran = run("bash", &["-c", &format!("{recorder}{text}")], &env_refs(&env), b"");
            assert!(ran.ok, "{} ({variant}) failed: {}\n{text}", c.label, ran.stderr);
            let args: Vec<&str> = ran.stdout.split('\0').filter(|a| !a.is_empty()).collect();
            let (mut method, mut url, mut headers, mut body) = ("GET".to_string(), String::new(), BTreeMap::new(), String::new());
            let mut i = 0;
            while i < args.len() {
                match args[i] {
                    "-X" => {
                        method = args[i + 1].to_string();
                        i += 1;
                    }
                    "-H" => {
                        let (n, v) = args[i + 1].split_once(": ").expect("Name: value");
                        headers.insert(n.to_string(), v.to_string());
                        i += 1;
                    }
                    "--data-raw" => {
                        body = args[i + 1].to_string();
                        i += 1;
                    }
                    a => url = a.to_string(),
                }
                i += 1;
            }
            assert_eq!((method, url, headers, body), want, "{} ({variant}): the cURL snippet sends something else\n{text}", c.label);
        }
    }
}

#[test]
fn python_snippets_parse_and_send_exactly_what_tokenbench_sends() {
    if !skip::tools_available(&["python3"]) {
        return;
    }
    let harness = r#"
import ast, json, os, sys, types
src = sys.stdin.read()
ast.parse(src)
def request(method, url, headers=None, data=None):
    with open(os.environ["CAPTURE"], "w") as f:
        json.dump({"method": method, "url": url, "headers": headers, "body": data.decode() if data else ""}, f)
    return types.SimpleNamespace(status_code=200, text="")
stub = types.ModuleType("requests")
stub.request = request
sys.modules["requests"] = stub
exec(compile(src, "snippet.py", "exec"))
"#;
    for c in cases() {
        let want = expected(&c);
        for (inline, env) in [(false, c.env.clone()), (true, Vec::new())] {
            let s = Secret::new(c.secret);
            let text = snippet(SnippetLang::Python, &c.record, &c.profile, &c.spec, inline.then_some(&s));
            let got = run_captured("python3", &["-c", harness], env, &text, c.label);
            assert_eq!(got, want, "{} (inline={inline}): the Python snippet sends something else\n{text}", c.label);
        }
    }
}

#[test]
fn typescript_snippets_run_and_send_exactly_what_tokenbench_sends() {
    if !skip::tools_available(&["node"]) {
        return;
    }
    // Node 20 runs JavaScript: the snippet's only TypeScript is `!` after process.env reads
    // and the `sign` signature, which are stripped here; everything else runs as written.
    let recorder = r#"import { writeFileSync } from "fs";
globalThis.fetch = async (url, init) => {
  writeFileSync(process.env.CAPTURE, JSON.stringify({ method: init.method, url, headers: init.headers, body: init.body ?? "" }));
  return { status: 200, text: async () => "" };
};
"#;
    for c in cases() {
        let want = expected(&c);
        for (inline, env) in [(false, c.env.clone()), (true, Vec::new())] {
            let s = Secret::new(c.secret);
            let text = snippet(SnippetLang::TypeScript, &c.record, &c.profile, &c.spec, inline.then_some(&s));
            let js: String = text
                .lines()
                .map(|l| if l.contains("process.env.") { l.replace("!;", ";") } else { l.replace("(body: string): string", "(body)") })
                .collect::<Vec<_>>()
                .join("\n");
            let got = run_captured("node", &["--input-type=module"], env, &format!("{recorder}{js}"), c.label);
            assert_eq!(got, want, "{} (inline={inline}): the TypeScript snippet sends something else\n{text}", c.label);
        }
    }
}

/// Runs `program` on `source` (stdin) with a CAPTURE file, and reads back what it recorded.
fn run_captured(program: &str, args: &[&str], env: Vec<(&'static str, String)>, source: &str, label: &str) -> Sent {
    let dir = tempfile::tempdir().expect("tempdir");
    let capture = dir.path().join("capture.json");
    let capture_s = capture.to_string_lossy().to_string();
    let mut envs = env_refs(&env);
    envs.push(("CAPTURE", capture_s.as_str()));
    let ran = run(program, args, &envs, source.as_bytes());
    assert!(ran.ok, "{label}: {program} failed: {}\n{source}", ran.stderr);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&capture).expect("the snippet made its request")).expect("json");
    let headers =
        v["headers"].as_object().expect("headers").iter().map(|(k, v)| (k.clone(), v.as_str().expect("string").to_string())).collect();
    let s = |k: &str| v[k].as_str().expect("string field").to_string();
    (s("method"), s("url"), headers, s("body"))
}

#[test]
fn the_hmac_snippet_names_the_tokens_own_id_and_follows_the_documented_recipe() {
    let c = cases().into_iter().find(|c| c.label == "hmac POST seed body").expect("case");
    let curl = snippet(SnippetLang::Curl, &c.record, &c.profile, &c.spec, None);
    assert!(curl.contains("PANDABASE_TOKEN_ID=stk_9f8e7d6c5b4a"), "the export hint carries the public token id:\n{curl}");
    assert!(
        curl.contains("openssl dgst -sha256 | awk '{print $2}'") && curl.contains("openssl dgst -sha256 -hmac \"$SIGNING_KEY\""),
        "{curl}"
    );
    let py = snippet(SnippetLang::Python, &c.record, &c.profile, &c.spec, None);
    assert!(py.contains("hmac.new(SIGNING_KEY.encode(), body.encode(), hashlib.sha256)"), "{py}");
    let ts = snippet(SnippetLang::TypeScript, &c.record, &c.profile, &c.spec, None);
    assert!(ts.contains("crypto.createHash(\"sha256\").update(TOKEN_SECRET).digest(\"hex\")"), "{ts}");
}
