-- Request log, version 1. Times are UTC milliseconds since the epoch; durations are whole
-- microseconds (SQLite stores small integers in 1-4 bytes, a REAL always takes 8).
-- Never a header, a body or a secret: query values of secret-looking parameters are removed
-- before a row is written (see redact.rs).

-- One row per token ever logged; also where "last used" is read from.
CREATE TABLE tokens (
    ref         INTEGER PRIMARY KEY,
    token_id    TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    provider    TEXT NOT NULL,
    environment TEXT NOT NULL,
    last_used   INTEGER
);

-- One row per (method, origin, path template): the endpoint breakdown groups by it.
CREATE TABLE endpoints (
    ref         INTEGER PRIMARY KEY,
    method      TEXT NOT NULL,
    scheme      TEXT NOT NULL,
    host        TEXT NOT NULL,
    template    TEXT NOT NULL,
    relative    INTEGER NOT NULL,
    endpoint_id TEXT NOT NULL DEFAULT '',
    UNIQUE (method, scheme, host, template, relative, endpoint_id)
);

-- One row per request.
CREATE TABLE requests (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    token          INTEGER NOT NULL REFERENCES tokens(ref),
    endpoint       INTEGER NOT NULL REFERENCES endpoints(ref),
    path           TEXT NOT NULL,
    query          TEXT NOT NULL DEFAULT '',
    status         INTEGER,
    failure        TEXT,
    total_us       INTEGER,
    connect_us     INTEGER,
    first_byte_us  INTEGER,
    request_bytes  INTEGER NOT NULL DEFAULT 0,
    response_bytes INTEGER,
    remote_ip      TEXT
);
-- Keyset paging (ORDER BY at DESC, id DESC) overall, per token and per status; the rowid
-- is part of every index, so (at) orders by (at, id).
CREATE INDEX requests_at ON requests(at);
CREATE INDEX requests_token_at ON requests(token, at);
CREATE INDEX requests_status_at ON requests(status, at);

-- Hourly rollup maintained in the same transaction as each insert: usage figures read these
-- (about 720 rows per series for 30 days), never the raw rows. class: 0 = no answer (DNS,
-- connect, TLS, timeout), 1-5 = status / 100. Refusals by a guardrail are not counted.
CREATE TABLE usage_hourly (
    hour     INTEGER NOT NULL,
    token    INTEGER NOT NULL,
    endpoint INTEGER NOT NULL,
    class    INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    sum_us   INTEGER NOT NULL,
    PRIMARY KEY (hour, token, endpoint, class)
) WITHOUT ROWID;
CREATE INDEX usage_hourly_token ON usage_hourly(token, hour);

-- Hourly latency histogram per token (fixed log-scale bins, see histogram.rs) for p95.
CREATE TABLE latency_hourly (
    hour  INTEGER NOT NULL,
    token INTEGER NOT NULL,
    bins  BLOB NOT NULL,
    PRIMARY KEY (hour, token)
) WITHOUT ROWID;

-- Small facts about the log itself (when it was last purged).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
