//! The transport: HTTP/1.1 connections served by hyper on a single-threaded tokio runtime,
//! each request's handler run on a bounded pool of blocking threads.
//!
//! Why hyper and not tiny_http (which served the explorer before): tiny_http drained an
//! unread body into `vec![0; remaining]` when a request was dropped, so one request with a
//! huge `Content-Length` killed the process; it gave every connection a thread, with no
//! header size or time limit, so slow connections held threads without end; and its
//! keep-alive answers stalled ~40 ms on Nagle's algorithm. hyper reads bodies in bounded
//! chunks, caps the request head ([`MAX_HEAD_BYTES`], [`MAX_HEADERS`]) and the time to
//! send it ([`HEAD_TIMEOUT`]), and its connections are tasks, not threads.
//!
//! Every limit is here, with its reason:
//! - [`MAX_CONNECTIONS`] open at once (further ones are closed at once): bounds memory
//!   and file descriptors;
//! - [`HEAD_TIMEOUT`]: a request head (also the next one on a kept-alive connection) must
//!   arrive within it, so idle and slow-header connections do not pile up;
//! - [`MAX_HEAD_BYTES`] and [`MAX_HEADERS`]: a request head is small (a browser's is
//!   under 2 KB), so a huge header line is refused (431) instead of buffered;
//! - the body: `Limits::max_body_bytes`, refused by its declared length before reading;
//!   a declared length up to [`DRAIN_LIMIT`] is read and dropped first (so that the client
//!   still sending it gets the 413 rather than a reset), a larger one is not read at all
//!   and the connection closes; [`BODY_TIMEOUT`] bounds a slowly sent body;
//! - handlers run on at most `workers` threads; a handler whose client closes the
//!   connection is told so through [`Cancel`] and stops at its next check;
//! - TCP_NODELAY on every connection: small keep-alive answers go out at once instead of
//!   waiting for the client's delayed ACK.

use std::convert::Infallible;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming as Body;
use hyper::header::{HeaderValue, ACCEPT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::Semaphore;

use super::guard;
use super::http::{request_lang, response_headers, ApiError, Cancel, Incoming, Method, Reply};
use super::start::ServeError;
use super::App;
use undercurrent_text::{tr, Lang};

/// Connections open at once; more are closed as soon as they are accepted.
pub const MAX_CONNECTIONS: usize = 512;
/// Time a client has to send a request head (and, on a kept-alive connection, to start
/// its next request).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Bytes of a request head (request line and headers) at most; hyper's smallest buffer.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Header lines at most.
pub const MAX_HEADERS: usize = 64;
/// Time a client has to send a body once its head has arrived.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// Over-long bodies up to this declared size are read (and dropped) before the 413.
pub const DRAIN_LIMIT: usize = 4 << 20;

/// Serves `listener` until the process ends: one task per connection on the current thread,
/// handlers on at most `workers` blocking threads.
pub fn run(listener: TcpListener, app: Arc<App>, workers: usize) -> Result<(), ServeError> {
    let local = listener.local_addr().map_err(ServeError::Socket)?;
    listener.set_nonblocking(true).map_err(ServeError::Socket)?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(workers.max(1))
        .thread_name("http-worker")
        .build()
        .map_err(ServeError::Runtime)?;
    rt.block_on(async move {
        let listener =
            tokio::net::TcpListener::from_std(listener).map_err(|source| ServeError::Listen {
                addr: local,
                source,
            })?;
        let open = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors or a connection reset before it was taken:
                    // wait a moment instead of spinning.
                    eprintln!("accepting a connection failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let Ok(permit) = Arc::clone(&open).try_acquire_owned() else {
                drop(stream);
                continue;
            };
            let _ = stream.set_nodelay(true);
            let app = Arc::clone(&app);
            tokio::spawn(async move {
                let service = service_fn(move |rq| {
                    let app = Arc::clone(&app);
                    async move { Ok::<_, Infallible>(handle(rq, app, local).await) }
                });
                let _ = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEAD_TIMEOUT)
                    .max_buf_size(MAX_HEAD_BYTES)
                    .max_headers(MAX_HEADERS)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
                drop(permit);
            });
        }
    })
}

/// Sets the cancel flag when dropped before [`Armed::disarm`]: hyper drops a request's
/// future when its connection closes, and with it this guard. Holds the log line to print
/// then (`None` when quiet).
struct Armed(Option<(Cancel, Option<String>)>);

impl Armed {
    fn disarm(&mut self) {
        self.0 = None;
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        if let Some((c, log)) = self.0.take() {
            c.cancel();
            if let Some(line) = log {
                eprintln!("{line}: the client closed the connection; its work stops");
            }
        }
    }
}

/// Checks, reads, routes and answers one request; logs one line to stderr.
async fn handle(rq: Request<Body>, app: Arc<App>, local: SocketAddr) -> Response<Full<Bytes>> {
    let t0 = Instant::now();
    let method = Method::from_name(rq.method().as_str());
    let path = rq.uri().path().to_string();
    let (reply, close) = match answer(rq, &app, local, &method, &path).await {
        Ok(r) => (r, false),
        Err((e, close)) => (e.reply(), close),
    };
    if !app.quiet {
        eprintln!(
            "{method} {path} {} {} B {:.0} ms",
            reply.status,
            reply.body.len(),
            t0.elapsed().as_secs_f64() * 1e3
        );
    }
    to_response(reply, close)
}

/// The reply, or an error and whether the connection must close (its body was not read).
async fn answer(
    rq: Request<Body>,
    app: &Arc<App>,
    local: SocketAddr,
    method: &Method,
    path: &str,
) -> Result<Reply, (ApiError, bool)> {
    let text = |name| {
        rq.headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let headers = guard::Headers {
        host: text(HOST),
        origin: text(ORIGIN),
        content_type: text(CONTENT_TYPE),
    };
    // A header present but not text (bytes beyond ASCII) counts as wrong, not as absent.
    let unreadable = [HOST, ORIGIN, CONTENT_TYPE]
        .iter()
        .find(|n| rq.headers().get(*n).is_some_and(|v| v.to_str().is_err()));
    if let Some(n) = unreadable {
        return Err((
            ApiError::new(403, format!("the {n} header is not text")),
            true,
        ));
    }
    // Two Host headers (or Origins) would let a proxy and this server disagree on which one
    // counts.
    if let Some(n) = [HOST, ORIGIN]
        .iter()
        .find(|n| rq.headers().get_all(*n).iter().count() > 1)
    {
        return Err((
            ApiError::new(403, format!("the {n} header is given twice")),
            true,
        ));
    }
    guard::check(local, method, &headers).map_err(|e| (e, true))?;
    let lang = request_lang(rq.uri().query(), text(ACCEPT_LANGUAGE));
    let body = read_body(rq, app.limits.max_body_bytes, lang).await?;
    let cancel = Cancel::new();
    let log = (!app.quiet).then(|| format!("{method} {path}"));
    let mut armed = Armed(Some((cancel.clone(), log)));
    let app2 = Arc::clone(app);
    let (m, p) = (method.clone(), path.to_string());
    let routed = tokio::task::spawn_blocking(move || {
        let incoming = Incoming {
            method: &m,
            path: &p,
            body: &body,
            cancel: &cancel,
            lang,
        };
        super::routes::route(&app2, &incoming)
    })
    .await;
    armed.disarm();
    match routed {
        Ok(r) => r.map_err(|e| (e, false)),
        // A panic in a handler: the thread pool goes on, the client is told.
        Err(_) => Err((
            ApiError::internal(&format!("answering {method} {path}")),
            false,
        )),
    }
}

/// The body, refused with 413 when its declared or actual length passes `limit`, 408 when
/// it is not sent within [`BODY_TIMEOUT`]. `Err(.., true)`: the rest of the body was not
/// read, so the connection closes.
async fn read_body(
    rq: Request<Body>,
    limit: usize,
    lang: Lang,
) -> Result<Vec<u8>, (ApiError, bool)> {
    let too_large = |n: String| {
        ApiError::new(
            413,
            tr!(
                lang,
                "serve-error-body-too-large",
                bytes = n,
                limit = limit.to_string()
            ),
        )
    };
    let declared = match rq.headers().get(CONTENT_LENGTH) {
        None => None,
        Some(v) => match v.to_str().ok().and_then(|t| t.trim().parse::<u64>().ok()) {
            Some(n) => Some(n),
            None => {
                return Err((
                    ApiError::bad_request("the Content-Length header is not a number"),
                    true,
                ))
            }
        },
    };
    let mut body = rq.into_body();
    if let Some(n) = declared.filter(|&n| n > limit as u64) {
        if n <= DRAIN_LIMIT as u64 {
            // Read and drop (chunk by chunk, nothing kept) so that the client gets the 413.
            let drain = async { while let Some(Ok(_)) = body.frame().await {} };
            let _ = tokio::time::timeout(BODY_TIMEOUT, drain).await;
        }
        return Err((too_large(n.to_string()), true));
    }
    let read = async {
        let mut out = Vec::new();
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                (
                    ApiError::bad_request(format!("reading the request body failed: {e}")),
                    true,
                )
            })?;
            if let Some(chunk) = frame.data_ref() {
                if out.len() + chunk.len() > limit {
                    return Err((too_large(format!("more than {limit}")), true));
                }
                out.extend_from_slice(chunk);
            }
        }
        Ok(out)
    };
    match tokio::time::timeout(BODY_TIMEOUT, read).await {
        Ok(r) => r,
        Err(_) => Err((
            ApiError::new(
                408,
                tr!(
                    lang,
                    "serve-error-body-late",
                    seconds = BODY_TIMEOUT.as_secs().to_string()
                ),
            ),
            true,
        )),
    }
}

fn to_response(r: Reply, close: bool) -> Response<Full<Bytes>> {
    let headers = response_headers(&r);
    let mut resp = Response::new(Full::new(Bytes::from(r.body)));
    *resp.status_mut() =
        hyper::StatusCode::from_u16(r.status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let h = resp.headers_mut();
    for (k, v) in headers {
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.append(k, v);
        }
    }
    if close {
        h.insert(hyper::header::CONNECTION, HeaderValue::from_static("close"));
    }
    resp
}
