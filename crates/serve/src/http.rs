//! What handlers and the server exchange: errors as JSON answers, replies, the request a
//! handler sees, the method, the cancel flag, and the headers every response carries. The
//! transport itself (connections, limits, timeouts) is in [`crate::server`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use undercurrent_text::Lang;

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

    pub fn reply(&self) -> Reply {
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

/// A response before it is handed to the transport.
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

/// A request's method, as the routes match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    /// Any other method, by name (answered 405 by the routes).
    Other(String),
}

impl Method {
    pub fn from_name(name: &str) -> Method {
        match name {
            "GET" => Method::Get,
            "POST" => Method::Post,
            other => Method::Other(other.to_string()),
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Method::Get => f.write_str("GET"),
            Method::Post => f.write_str("POST"),
            Method::Other(m) => f.write_str(m),
        }
    }
}

/// Set when the client that asked for some work has gone (its connection closed before the
/// answer): long work checks it between days and replications and stops, so that nobody's
/// abandoned request holds the simulation threads.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    /// Refusal to hand back when work stopped because of the flag (nobody reads it; the log
    /// does).
    pub fn gone() -> ApiError {
        ApiError::new(
            499,
            "the client closed the connection; the work was stopped",
        )
    }
}

/// What a handler sees of a request.
pub struct Incoming<'a> {
    pub method: &'a Method,
    /// The path without the query string.
    pub path: &'a str,
    pub body: &'a [u8],
    /// Set when the client has gone.
    pub cancel: &'a Cancel,
    /// The language the answer's words are in: `?lang=` of the address, else the browser's
    /// `Accept-Language`, else English ([`request_lang`]).
    pub lang: Lang,
}

/// The language a request asks for: the query's `lang=` when it names a language of the
/// catalogue (the pseudo-language included, for tests), else the first offered language of
/// `Accept-Language`, else English.
pub fn request_lang(query: Option<&str>, accept_language: Option<&str>) -> Lang {
    let asked = query.and_then(|q| {
        q.split('&')
            .find_map(|pair| pair.strip_prefix("lang="))
            .and_then(Lang::from_code)
    });
    asked
        .or_else(|| accept_language.and_then(Lang::from_accept_language))
        .unwrap_or_default()
}

/// The security headers every response carries: what it is, that it is not to be sniffed
/// as something else, and that the page loads nothing from anywhere but this server.
pub fn response_headers(r: &Reply) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("Content-Type", r.content_type.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        (
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'".to_string(),
        ),
    ];
    let has_cache = r.headers.iter().any(|(k, _)| *k == "Cache-Control");
    out.extend(r.headers.iter().cloned());
    if !has_cache {
        out.push(("Cache-Control", "no-store".to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_outranks_the_browser_and_english_is_the_last_resort() {
        assert_eq!(request_lang(Some("lang=nl"), Some("en")), Lang::Nl);
        assert_eq!(request_lang(Some("x=1&lang=qps"), None), Lang::Pseudo);
        assert_eq!(
            request_lang(Some("lang=fr"), Some("nl-NL,en;q=0.5")),
            Lang::Nl
        );
        assert_eq!(request_lang(None, Some("de")), Lang::En);
        assert_eq!(request_lang(None, None), Lang::En);
    }
}
