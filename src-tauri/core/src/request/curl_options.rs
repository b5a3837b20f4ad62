//! Every option of curl's command line (`curl --help all`, curl 7.88 to 8.x), as data: which
//! take a value (so the value is never mistaken for the URL), which the importer reads, which
//! change nothing a request draft holds (output, TLS, timing, retries), and which change what
//! curl sends in a way a draft cannot hold — those are noted with the reason, so an import
//! never silently differs from what curl would send.

/// What an option does to the imported request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Effect {
    /// Read by the importer (`curl_import.rs`).
    Handled,
    /// Changes nothing in the method, URL, headers or body: skipped without a note.
    Quiet,
    /// Changes what curl sends in a way a draft cannot hold: noted with this reason.
    Unsupported(&'static str),
}

/// One option: its long name, its short letter, whether it takes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CurlOption {
    pub long: &'static str,
    pub short: Option<char>,
    pub takes_value: bool,
    pub effect: Effect,
}

/// Options the importer reads. `-X/--request=`: short letter, long name, `=` when it takes a value.
const HANDLED: &str = "\
    -X/--request= -H/--header= -d/--data= --data-ascii= --data-binary= --data-raw= --data-urlencode= --json= \
    --url= --url-query= -u/--user= -A/--user-agent= -e/--referer= -b/--cookie= -F/--form= --form-string= \
    -T/--upload-file= -r/--range= --oauth2-bearer= --proto-default= -K/--config= -G/--get -I/--head -g/--globoff \
    -:/--next -c/--cookie-jar= -V/--version -h/--help -M/--manual";

/// Options that change nothing a draft holds: where the answer goes, TLS, timing, retries,
/// redirects, the HTTP version, connection reuse, FTP/mail/SSH-only settings.
const QUIET: &str = "\
    -s/--silent -S/--show-error -v/--verbose -i/--include -L/--location --location-trusted -k/--insecure \
    -f/--fail --fail-with-body --fail-early --compressed --compressed-ssh -N/--no-buffer -#/--progress-bar \
    --no-progress-meter -0/--http1.0 --http1.1 --http2 --http2-prior-knowledge --http3 --http3-only --http0.9 \
    -4/--ipv4 -6/--ipv6 -O/--remote-name --remote-name-all -J/--remote-header-name -R/--remote-time \
    --create-dirs --remove-on-error --no-clobber --skip-existing --xattr -Z/--parallel --parallel-immediate \
    --no-keepalive --no-sessionid --no-alpn --no-npn --tcp-nodelay --tcp-fastopen --raw --ignore-content-length \
    -j/--junk-session-cookies --post301 --post302 --post303 --retry-all-errors --retry-connrefused --styled-output \
    --trace-time --trace-ids -q/--disable --basic --cert-status --false-start --ssl --ssl-reqd --ssl-allow-beast \
    --ssl-no-revoke --ssl-revoke-best-effort --ssl-auto-client-cert --ca-native -1/--tlsv1 --tlsv1.0 --tlsv1.1 \
    --tlsv1.2 --tlsv1.3 -2/--sslv2 -3/--sslv3 --doh-insecure --doh-cert-status --suppress-connect-headers \
    --disallow-username-in-url --mptcp --out-null --follow --sasl-ir --mail-rcpt-allowfails --metalink -l/--list-only \
    -a/--append -B/--use-ascii --ftp-create-dirs --ftp-pasv --ftp-pret --ftp-skip-pasv-ip --ftp-ssl-ccc \
    --ftp-ssl-control --disable-eprt --disable-epsv --tftp-no-options --proxy-anyauth --proxy-basic --proxy-digest \
    --proxy-negotiate --proxy-ntlm --proxy-insecure --proxy-ssl-allow-beast --proxy-ssl-auto-client-cert \
    --proxy-tlsv1 --proxy-ca-native --proxy-http2 -p/--proxytunnel --socks5-basic --socks5-gssapi \
    --socks5-gssapi-nec --form-escape \
    -o/--output= -D/--dump-header= -w/--write-out= -m/--max-time= --connect-timeout= --retry= --retry-delay= \
    --retry-max-time= --cacert= --capath= -E/--cert= --cert-type= --key= --key-type= --pass= --ciphers= \
    --tls13-ciphers= --curves= --pinnedpubkey= --crlfile= --limit-rate= -Y/--speed-limit= -y/--speed-time= \
    --max-redirs= --max-filesize= --trace= --trace-ascii= --trace-config= --stderr= --output-dir= \
    --create-file-mode= --connect-to= --resolve= --interface= --local-port= --dns-servers= --dns-interface= \
    --dns-ipv4-addr= --dns-ipv6-addr= --doh-url= --happy-eyeballs-timeout-ms= --keepalive-time= --keepalive-cnt= \
    --expect100-timeout= --libcurl= --rate= --parallel-max= --tls-max= --alt-svc= --hsts= --etag-save= \
    --random-file= --egd-file= --engine= --proto= --proto-redir= --ip-tos= --vlan-priority= --ech= --sigalgs= \
    --ssl-sessions= --knownhosts= --hostpubmd5= --hostpubsha256= --pubkey= --tlsauthtype= --tlsuser= \
    --tlspassword= --proxy-cacert= --proxy-capath= --proxy-cert= --proxy-cert-type= --proxy-ciphers= \
    --proxy-crlfile= --proxy-key= --proxy-key-type= --proxy-pass= --proxy-pinnedpubkey= --proxy-tls13-ciphers= \
    --proxy-tlsauthtype= --proxy-tlspassword= --proxy-tlsuser= --proxy-service-name= --socks5-gssapi-service= \
    --noproxy= --ftp-account= --ftp-alternative-to-user= --ftp-method= -P/--ftp-port= --ftp-ssl-ccc-mode= \
    --tftp-blksize= --mail-auth= --mail-from= --mail-rcpt= --login-options= --sasl-authzid= --krb= \
    --delegation= --service-name= -Q/--quote= -t/--telnet-option= --upload-flags=";

/// Options that change what curl sends in a way a draft cannot hold, with why.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("--digest", "HTTP Digest authentication answers the server's challenge, which a draft cannot do"),
    ("--ntlm", "NTLM authentication is a handshake, which a draft cannot do"),
    ("--ntlm-wb", "NTLM authentication is a handshake, which a draft cannot do"),
    ("--negotiate", "SPNEGO/Kerberos authentication is a handshake, which a draft cannot do"),
    ("--anyauth", "it lets curl pick an authentication scheme from the server's challenge"),
    ("--aws-sigv4=", "it signs the request with AWS Signature V4, which Tokenbench does not compute"),
    ("-n/--netrc", "it takes the user name and password from ~/.netrc"),
    ("--netrc-optional", "it takes the user name and password from ~/.netrc"),
    ("--netrc-file=", "it takes the user name and password from a netrc file"),
    ("--tr-encoding", "it adds a TE: gzip header and a Connection: TE header"),
    ("--path-as-is", "it keeps /../ and /./ in the path, which Tokenbench normalizes"),
    ("--haproxy-protocol", "it sends a PROXY protocol line before the request"),
    ("--haproxy-clientip=", "it sends a PROXY protocol line before the request"),
    ("--request-target=", "it replaces the request target on the request line"),
    ("-z/--time-cond=", "it adds an If-Modified-Since or If-Unmodified-Since header from a date or a file"),
    ("--etag-compare=", "it adds an If-None-Match header from a file"),
    ("-x/--proxy=", "it sends the request through a proxy"),
    ("--preproxy=", "it sends the request through a proxy"),
    ("--proxy1.0=", "it sends the request through a proxy"),
    ("--socks4=", "it sends the request through a SOCKS proxy"),
    ("--socks4a=", "it sends the request through a SOCKS proxy"),
    ("--socks5=", "it sends the request through a SOCKS proxy"),
    ("--socks5-hostname=", "it sends the request through a SOCKS proxy"),
    ("-U/--proxy-user=", "it authenticates to a proxy"),
    ("--proxy-header=", "it adds headers for a proxy"),
    ("--unix-socket=", "it sends the request over a Unix socket"),
    ("--abstract-unix-socket=", "it sends the request over a Unix socket"),
    ("--variable=", "it sets variables that --expand- options fill in"),
    ("-C/--continue-at=", "it adds a Range header computed from an offset or the output file's size"),
    ("--crlf", "it converts line feeds to CR LF in the uploaded data"),
];

/// The option with this long name (`--data`), if curl has one. `--no-X` of a flag is the flag.
pub(super) fn long(name: &str) -> Option<CurlOption> {
    all().find(|o| o.long == name).or_else(|| {
        let flag = format!("--{}", name.strip_prefix("--no-")?);
        all().find(|o| o.long == flag && !o.takes_value)
    })
}

/// The option with this short letter (`d` for `-d`), if curl has one.
pub(super) fn short(letter: char) -> Option<CurlOption> {
    all().find(|o| o.short == Some(letter))
}

fn all() -> impl Iterator<Item = CurlOption> {
    let handled = HANDLED.split_whitespace().map(|spec| parse(spec, Effect::Handled));
    let quiet = QUIET.split_whitespace().map(|spec| parse(spec, Effect::Quiet));
    let unsupported = UNSUPPORTED.iter().map(|(spec, why)| parse(spec, Effect::Unsupported(why)));
    handled.chain(quiet).chain(unsupported)
}

/// `-X/--request=` → short `X`, long `--request`, takes a value.
fn parse(spec: &'static str, effect: Effect) -> CurlOption {
    let takes_value = spec.ends_with('=');
    let spec = spec.trim_end_matches('=');
    let (short, long) = match spec.split_once('/') {
        Some((s, l)) => (s.chars().nth(1), l),
        None => (None, spec),
    };
    CurlOption { long, short, takes_value, effect }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_is_listed_once_with_a_long_name_and_at_most_one_short_letter() {
        let options: Vec<CurlOption> = all().collect();
        for (i, o) in options.iter().enumerate() {
            assert!(o.long.starts_with("--") && o.long.len() > 3, "{o:?}");
            assert!(options[i + 1..].iter().all(|p| p.long != o.long), "{} is listed twice", o.long);
            if let Some(s) = o.short {
                assert!(options[i + 1..].iter().all(|p| p.short != Some(s)), "-{s} is listed twice");
            }
        }
        assert!(options.len() > 240, "curl 7.88 has about 250 options; the table has {}", options.len());
    }

    #[test]
    fn the_table_knows_every_option_the_installed_curl_lists_with_the_same_arity() {
        // `curl --help all` prints one line per option: "-d, --data <data>  HTTP POST data".
        // `--help <category>` is the one whose value curl also accepts missing.
        let help = crate::request::test_support::run("curl", &["--help", "all"], &[], b"");
        let mut checked = 0;
        for line in help.stdout.lines() {
            let Some(spec) = line.trim_start().split("--").nth(1) else { continue };
            let name = format!("--{}", spec.split_whitespace().next().unwrap_or(""));
            let takes_value = spec.split_whitespace().nth(1).is_some_and(|w| w.starts_with('<') || w.starts_with('['));
            let option = long(&name).unwrap_or_else(|| panic!("{name} from `curl --help all` is missing from the table"));
            if name != "--help" {
                assert_eq!(option.takes_value, takes_value, "{name}: curl says it takes a value: {takes_value}");
            }
            checked += 1;
        }
        assert!(checked > 200, "curl --help all listed {checked} options: {}", help.stderr);
    }

    #[test]
    fn values_are_known_so_they_are_never_read_as_the_url() {
        // `curl --help all`: "-o, --output <file>", "--connect-timeout <fractional seconds>".
        assert_eq!(short('o').map(|o| (o.long, o.takes_value)), Some(("--output", true)));
        assert_eq!(long("--connect-timeout").map(|o| o.takes_value), Some(true));
        assert_eq!(long("--compressed").map(|o| (o.takes_value, o.effect)), Some((false, Effect::Quiet)));
        assert_eq!(long("--no-compressed").map(|o| o.long), Some("--compressed"), "--no-X disables the flag X");
        assert_eq!(long("--no-output"), None, "only flags have a --no- form");
        assert!(matches!(long("--digest").map(|o| o.effect), Some(Effect::Unsupported(_))));
        assert_eq!(long("--bogus"), None);
    }
}
