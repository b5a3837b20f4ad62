//! Request latency on loopback: the crate's `ReqwestSender` against a bare reqwest client and a
//! bare hyper client (all in-process, one reused connection), and against whole processes
//! (`curl -s -o /dev/null URL`, and any command given with `--process-cmd`). Prints p50/p99
//! and ratios. No assertion on speed.
//!
//! Run: `cargo run --release -p tokenbench-core --example bench_send -- [options]`
//!   --requests N        in-process requests per client (default 1000)
//!   --process-n N       runs per whole-process command (default 200)
//!   --process-cmd CMD   another command to time as a whole process, e.g.
//!                       'tokenbench send --url {url}'. Placeholders: {url} {host} {port} {path}.
//!                       Split on spaces; '…' and "…" group words. Run without a shell.
//!                       Repeat it to compare builds in one run (say, `tokenbench send` before
//!                       and after a change); each is reported against curl.
//!   --url URL           time this URL instead of the built-in server (e.g. a running sandbox)
//!   --no-curl           skip the curl row

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;
use tokenbench_core::send::{HttpSender, Method, OutgoingRequest, ReqwestSender};

struct Options {
    requests: usize,
    process_n: usize,
    process_cmds: Vec<String>,
    url: Option<String>,
    curl: bool,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let number = |name: &str, default: usize| value(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    Options {
        requests: number("--requests", 1000).max(1),
        process_n: number("--process-n", 200).max(1),
        process_cmds: args.windows(2).filter(|w| w[0] == "--process-cmd").map(|w| w[1].clone()).collect(),
        url: value("--url"),
        curl: !args.iter().any(|a| a == "--no-curl"),
    }
}

struct Stats {
    p50: Duration,
    p99: Duration,
    mean: Duration,
    n: usize,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let n = samples.len();
    let at = |q: f64| samples[((n as f64 * q).ceil() as usize).clamp(1, n) - 1];
    let mean = samples.iter().sum::<Duration>() / n as u32;
    Stats { p50: at(0.50), p99: at(0.99), mean, n }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(label: &str, s: &Stats) {
    println!("  {label:<44} p50 {:>8.3} ms   p99 {:>8.3} ms   mean {:>8.3} ms   n={}", ms(s.p50), ms(s.p99), ms(s.mean), s.n);
}

async fn start_server() -> SocketAddr {
    use axum::routing::get;
    let app = axum::Router::new().route(
        "/ping",
        get(|| async { axum::Json(serde_json::json!({"ok": true, "items": [1, 2, 3], "name": "bench"})) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
    let addr = listener.local_addr().expect("bound address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// Splits a command template on spaces, keeping '…' and "…" together, then fills placeholders.
fn command_words(template: &str, url: &url::Url) -> Vec<String> {
    let mut words = Vec::new();
    let (mut word, mut quote, mut started) = (String::new(), None, false);
    for c in template.chars() {
        match (quote, c) {
            (None, '\'' | '"') => (quote, started) = (Some(c), true),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (_, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    let port = url.port_or_known_default().map(|p| p.to_string()).unwrap_or_default();
    words
        .into_iter()
        .map(|w| {
            w.replace("{url}", url.as_str())
                .replace("{host}", url.host_str().unwrap_or(""))
                .replace("{port}", &port)
                .replace("{path}", url.path())
        })
        .collect()
}

/// Times `words` as a whole process `n` times; `None` (with the reason printed) if it fails.
fn time_process(label: &str, words: &[String], n: usize) -> Option<Stats> {
    let (program, args) = words.split_first()?;
    let check = Command::new(program).args(args).stdout(Stdio::null()).output();
    match check {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            println!("  {label}: exited with {} — {}", out.status, String::from_utf8_lossy(&out.stderr).trim());
            return None;
        }
        Err(e) => {
            println!("  {label}: could not start '{program}': {e}");
            return None;
        }
    }
    let samples = (0..n)
        .map(|_| {
            let t = Instant::now();
            let _ = Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status();
            t.elapsed()
        })
        .collect();
    Some(stats(samples))
}

#[tokio::main]
async fn main() {
    let opts = options();
    let url = match &opts.url {
        Some(u) => u.clone(),
        None => format!("http://{}/ping", start_server().await),
    };
    let parsed = url::Url::parse(&url).expect("--url must be a valid URL");
    println!("Loopback latency against {}{} ({} in-process requests per client, reused connection)", parsed.origin().ascii_serialization(), parsed.path(), opts.requests);

    let sender = ReqwestSender::with_defaults().expect("client builds");
    let mut samples = Vec::with_capacity(opts.requests);
    for i in 0..opts.requests + 20 {
        let t = Instant::now();
        let r = sender.send(OutgoingRequest::new(Method::GET, url.clone())).await.expect("the server answers");
        if i >= 20 {
            samples.push(t.elapsed()); // the first 20 warm up the connection and the allocator
        }
        std::hint::black_box(r.status);
    }
    let sender_stats = stats(samples);
    row("ReqwestSender::send (tokenbench)", &sender_stats);

    let client = reqwest::Client::builder().build().expect("client builds");
    let mut samples = Vec::with_capacity(opts.requests);
    for i in 0..opts.requests + 20 {
        let t = Instant::now();
        let body = client.get(url.clone()).send().await.and_then(|r| r.error_for_status()).expect("answer");
        std::hint::black_box(body.bytes().await.expect("body"));
        if i >= 20 {
            samples.push(t.elapsed());
        }
    }
    let reqwest_stats = stats(samples);
    row("bare reqwest::Client", &reqwest_stats);

    let hyper_stats = if parsed.scheme() == "http" {
        let hyper: HyperClient<_, Empty<Bytes>> = HyperClient::builder(TokioExecutor::new()).build_http();
        let uri: hyper::Uri = url.parse().expect("valid URI");
        let mut samples = Vec::with_capacity(opts.requests);
        for i in 0..opts.requests + 20 {
            let t = Instant::now();
            let resp = hyper.get(uri.clone()).await.expect("the server answers");
            std::hint::black_box(resp.into_body().collect().await.expect("body").to_bytes());
            if i >= 20 {
                samples.push(t.elapsed());
            }
        }
        let s = stats(samples);
        row("bare hyper 1 client (hyper-util legacy)", &s);
        Some(s)
    } else {
        println!("  bare hyper client: skipped (it speaks plain http only here)");
        None
    };

    println!("Whole processes ({} runs each, each a fresh process and connection)", opts.process_n);
    let curl = opts
        .curl
        .then(|| {
            let words: Vec<String> = ["curl", "-s", "-o", "/dev/null", url.as_str()].map(String::from).to_vec();
            time_process("curl -s -o /dev/null URL", &words, opts.process_n)
        })
        .flatten();
    if let Some(s) = &curl {
        row("curl -s -o /dev/null URL", s);
    }
    let commands: Vec<(String, Vec<String>)> = opts.process_cmds.iter().map(|t| (t.clone(), command_words(t, &parsed))).collect();
    let mut custom: Vec<(String, Stats)> = Vec::new();
    for (template, words) in &commands {
        if let Some(s) = time_process(template, words, opts.process_n) {
            row(&format!("process: {}", words.join(" ")), &s);
            custom.push((words.join(" "), s));
        }
    }

    let ratio = |a: &Stats, b: &Stats| a.p50.as_secs_f64() / b.p50.as_secs_f64();
    println!("Ratios (p50)");
    println!("  ReqwestSender / bare reqwest      {:.2}x", ratio(&sender_stats, &reqwest_stats));
    if let Some(h) = &hyper_stats {
        println!("  ReqwestSender / bare hyper        {:.2}x", ratio(&sender_stats, h));
    }
    if let Some(c) = &curl {
        println!("  curl process / ReqwestSender      {:.1}x", ratio(c, &sender_stats));
    }
    for (i, (words, p)) in custom.iter().enumerate() {
        println!("  --process-cmd #{} / ReqwestSender  {:.1}x   ({words})", i + 1, ratio(p, &sender_stats));
        if let Some(c) = &curl {
            println!("  --process-cmd #{} / curl process   {:.2}x", i + 1, ratio(p, c));
        }
    }
}
