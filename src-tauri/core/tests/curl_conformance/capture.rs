//! A loopback server that records every request exactly as it arrives — request line, headers
//! in order, body bytes (chunked bodies decoded) — over plain HTTP or TLS on the same port
//! (the first byte of a TLS handshake is 0x16), and answers `200 ok`. curl reaches it through
//! `--connect-to ::127.0.0.1:PORT`, so it sends the request for the command's own host and
//! scheme; the certificate is a throwaway one made with `openssl` (curl gets `-k`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};

/// One request as received.
#[derive(Debug, Clone)]
pub struct Captured {
    pub tls: bool,
    pub method: String,
    /// The request target: path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Captured {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The running server; requests arrive on [`CaptureServer::take`].
pub struct CaptureServer {
    pub port: u16,
    received: Receiver<Captured>,
}

impl CaptureServer {
    /// Starts the server on an ephemeral loopback port, with a certificate made in `dir`.
    pub fn start(dir: &Path) -> CaptureServer {
        let tls = Arc::new(tls_config(dir));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let (sender, received) = channel();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if let Err(e) = serve(stream, &tls, &sender) {
                    eprintln!("capture server: {e}");
                }
            }
        });
        CaptureServer { port, received }
    }

    /// Every request received since the last call.
    pub fn take(&self) -> Vec<Captured> {
        self.received.try_iter().collect()
    }
}

fn serve(stream: TcpStream, tls: &Arc<ServerConfig>, sender: &Sender<Captured>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut first = [0u8; 1];
    if stream.peek(&mut first)? == 0 {
        return Ok(());
    }
    if first[0] == 0x16 {
        let conn = ServerConnection::new(tls.clone()).map_err(std::io::Error::other)?;
        let mut stream = StreamOwned::new(conn, stream);
        exchange(&mut stream, true, sender)?;
        stream.conn.send_close_notify();
        stream.flush()
    } else {
        let mut stream = stream;
        exchange(&mut stream, false, sender)
    }
}

/// Reads one request, records it, answers 200.
fn exchange<S: Read + Write>(stream: &mut S, tls: bool, sender: &Sender<Captured>) -> std::io::Result<()> {
    let mut reader = BufReader::new(&mut *stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut words = line.split_whitespace();
    let (method, target) = (words.next().unwrap_or("").to_string(), words.next().unwrap_or("").to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        let (name, value) = h.trim_end_matches(['\r', '\n']).split_once(':').unwrap_or((h.trim_end(), ""));
        headers.push((name.to_string(), value.trim().to_string()));
    }
    let get = |name: &str| headers.iter().find(|(n, _): &&(String, String)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone());
    let expect = get("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
    let chunked = get("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let length: usize = get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    if expect {
        reader.get_mut().write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        reader.get_mut().flush()?;
    }
    let body = if chunked { read_chunked(&mut reader)? } else { read_exact_vec(&mut reader, length)? };
    let _ = sender.send(Captured { tls, method, target, headers, body });
    let answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    drop(reader);
    stream.write_all(answer)?;
    stream.flush()
}

fn read_exact_vec<R: Read>(reader: &mut R, length: usize) -> std::io::Result<Vec<u8>> {
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    Ok(body)
}

/// A chunked body (RFC 9112 §7.1): hex size lines, data, and a zero-size last chunk.
fn read_chunked<R: BufRead>(reader: &mut R) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size_line = String::new();
        reader.read_line(&mut size_line)?;
        let size = usize::from_str_radix(size_line.trim().split(';').next().unwrap_or("0"), 16).unwrap_or(0);
        if size == 0 {
            loop {
                let mut trailer = String::new();
                if reader.read_line(&mut trailer)? == 0 || trailer.trim_end_matches(['\r', '\n']).is_empty() {
                    return Ok(body);
                }
            }
        }
        body.extend(read_exact_vec(reader, size)?);
        let mut crlf = [0u8; 2];
        reader.read_exact(&mut crlf)?;
    }
}

/// A throwaway self-signed certificate for 127.0.0.1, made with openssl (DER files).
fn tls_config(dir: &Path) -> ServerConfig {
    let (key_pem, cert, key) = (dir.join("key.pem"), dir.join("cert.der"), dir.join("key.der"));
    let path = |p: &Path| p.to_str().expect("UTF-8 temp path").to_string();
    let steps: [Vec<String>; 2] = [
        ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
            .iter()
            .map(|s| s.to_string())
            .chain(["-keyout".into(), path(&key_pem), "-outform".into(), "DER".into(), "-out".into(), path(&cert)])
            .collect(),
        ["pkcs8", "-topk8", "-nocrypt", "-outform", "DER"]
            .iter()
            .map(|s| s.to_string())
            .chain(["-in".into(), path(&key_pem), "-out".into(), path(&key)])
            .collect(),
    ];
    for args in steps {
        let out = Command::new("openssl").args(&args).output().expect("openssl must be installed (bash .ci/setup installs it)");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let cert = CertificateDer::from(std::fs::read(cert).expect("certificate"));
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(std::fs::read(key).expect("key")));
    ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("the certificate and key match")
}
