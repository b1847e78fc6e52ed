//! HTTP plumbing: a fixed pool of worker threads takes requests from `tiny_http`, reads
//! bodies within the size limit, routes them, and turns every outcome (a handler's error
//! or even a panic) into a response with a clear message. No handler can take a worker
//! down: a panic becomes a 500 and the worker goes on.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Instant;

use tiny_http::{Header, Method, Request, Response, Server};

use super::App;

/// An error a client gets back, as JSON: `{"error": message, "status": n, "keys": [...]}`.
/// `keys` are the scenario key paths concerned (`arms[0].interventions[1].duration`), so a
/// form can mark its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
    pub keys: Vec<String>,
    /// Methods allowed on the path (405 only).
    pub allow: Option<&'static str>,
}

impl ApiError {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            keys: Vec::new(),
            allow: None,
        }
    }
    /// Malformed input: not JSON, wrong type, unknown key.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, message)
    }
    /// Well-formed but out of range or over a limit.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(422, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, message)
    }
    /// A failure of ours, not the client's; `what` says what was being done.
    pub fn internal(what: &str) -> Self {
        Self::new(
            500,
            format!("internal error while {what}; the server goes on, please report it"),
        )
    }
    pub fn with_key(mut self, key: &str) -> Self {
        if !self.keys.iter().any(|k| k == key) {
            self.keys.push(key.to_string());
        }
        self
    }

    fn reply(&self) -> Reply {
        let body = serde_json::json!({
            "error": self.message,
            "status": self.status,
            "keys": self.keys,
        });
        let mut r = Reply::json(self.status, &body);
        if let Some(allow) = self.allow {
            r.headers.push(("Allow", allow.to_string()));
        }
        r
    }
}

/// A response before it is handed to `tiny_http`.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn bytes(content_type: &'static str, body: Vec<u8>) -> Self {
        Reply {
            status: 200,
            content_type,
            body,
            headers: Vec::new(),
        }
    }
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: serde_json::to_vec(value).unwrap_or_default(),
            headers: Vec::new(),
        }
    }
    /// Offered to the browser as a download named `name`.
    pub fn attachment(mut self, name: &str) -> Self {
        // Each dot-separated part made safe as a file stem; the dots (extension) kept.
        let safe = name
            .split('.')
            .map(crate::plot::sanitize)
            .collect::<Vec<_>>()
            .join(".");
        self.headers.push((
            "Content-Disposition",
            format!("attachment; filename=\"{safe}\""),
        ));
        self
    }
    pub fn cache_for(mut self, seconds: u32) -> Self {
        self.headers
            .push(("Cache-Control", format!("public, max-age={seconds}")));
        self
    }
}

/// What a handler sees of a request.
pub struct Incoming<'a> {
    pub method: &'a Method,
    /// The path without the query string.
    pub path: &'a str,
    pub body: &'a [u8],
}

/// Serves requests on `threads` worker threads until the server is dropped.
pub fn run_workers(server: Arc<Server>, app: Arc<App>, threads: usize) {
    let handles: Vec<_> = (0..threads.max(1))
        .map(|i| {
            let server = Arc::clone(&server);
            let app = Arc::clone(&app);
            std::thread::Builder::new()
                .name(format!("http-{i}"))
                .spawn(move || {
                    while let Ok(rq) = server.recv() {
                        handle(rq, &app);
                    }
                })
        })
        .collect();
    for h in handles.into_iter().flatten() {
        let _ = h.join();
    }
}

/// Reads, routes and answers one request; logs one line to stderr.
fn handle(mut rq: Request, app: &App) {
    let t0 = Instant::now();
    let method = rq.method().clone();
    let url = rq.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let reply = match read_body(&mut rq, app.limits.max_body_bytes) {
        Err(e) => e.reply(),
        Ok(body) => {
            let incoming = Incoming {
                method: &method,
                path: &path,
                body: &body,
            };
            match catch_unwind(AssertUnwindSafe(|| super::routes::route(app, &incoming))) {
                Ok(Ok(r)) => r,
                Ok(Err(e)) => e.reply(),
                Err(_) => ApiError::internal(&format!("answering {method} {path}")).reply(),
            }
        }
    };
    let status = reply.status;
    let bytes = reply.body.len();
    if let Err(e) = rq.respond(to_response(reply)) {
        // The client went away; nothing to answer.
        eprintln!("{method} {path}: response not sent: {e}");
    }
    if !app.quiet {
        eprintln!(
            "{method} {path} {status} {bytes} B {:.0} ms",
            t0.elapsed().as_secs_f64() * 1e3
        );
    }
}

/// Bodies up to this size are read to the end even when refused (see [`read_body`]).
const DRAIN_LIMIT: usize = 4 << 20;

/// The body, refused with 413 when its declared or actual length passes `limit`.
fn read_body(rq: &mut Request, limit: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = |n: String| {
        ApiError::new(
            413,
            format!(
                "the request body ({n} bytes) is larger than the explorer accepts ({limit} bytes)"
            ),
        )
    };
    if let Some(n) = rq.body_length() {
        if n > limit {
            // Read (and drop) a moderate excess so that the client, still sending, gets
            // the answer instead of a reset connection; a huge body is cut off.
            if n <= DRAIN_LIMIT {
                let _ = std::io::copy(&mut rq.as_reader().take(n as u64), &mut std::io::sink());
            }
            return Err(too_large(n.to_string()));
        }
    }
    let mut body = Vec::new();
    rq.as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| ApiError::bad_request(format!("reading the request body failed: {e}")))?;
    if body.len() > limit {
        return Err(too_large(format!("more than {limit}")));
    }
    Ok(body)
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Every response says what it is, that it is not to be sniffed as something else, and
/// that the page loads nothing from anywhere but this server.
fn to_response(r: Reply) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut resp = Response::from_data(r.body).with_status_code(r.status);
    let fixed = [
        ("Content-Type", r.content_type.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        (
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'".to_string(),
        ),
    ];
    let has_cache = r.headers.iter().any(|(k, _)| *k == "Cache-Control");
    let extra = r
        .headers
        .into_iter()
        .chain((!has_cache).then(|| ("Cache-Control", "no-store".to_string())));
    for (k, v) in fixed.into_iter().chain(extra) {
        if let Some(h) = header(k, &v) {
            resp.add_header(h);
        }
    }
    resp
}
