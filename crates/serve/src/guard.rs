//! Who may talk to the explorer: requests addressed to this server, from its own page.
//!
//! The explorer runs simulations for whoever asks, so a web page open in the same browser
//! must not be able to ask. Two attacks are refused here, before anything is read or run:
//! - **DNS rebinding**: a hostile name made to resolve to 127.0.0.1 reaches the server with
//!   `Host: evil.example`; only `localhost`, IP literals of this server and its port pass.
//! - **Cross-site requests**: a page elsewhere posts to `http://127.0.0.1:PORT/api/run`; the
//!   browser then sends its own `Origin`, which must be this server's, and a form or
//!   `text/plain` post is refused because the API takes `application/json` only (a type
//!   that a cross-site page cannot send without the browser asking first).

use std::net::{IpAddr, SocketAddr};

use super::http::{ApiError, Method};

/// The headers the guard reads, as the client sent them.
#[derive(Debug, Default, Clone, Copy)]
pub struct Headers<'a> {
    pub host: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub content_type: Option<&'a str>,
}

/// `Ok` when the request is addressed to `local` (the bound address) and comes from the
/// explorer's own page or a tool that is not a browser; a 403 saying why otherwise.
pub fn check(local: SocketAddr, method: &Method, h: &Headers) -> Result<(), ApiError> {
    let forbidden = |m: String| ApiError::new(403, m);
    let Some(host) = h.host else {
        return Err(forbidden(
            "the request has no Host header; send `Host: 127.0.0.1:PORT` (HTTP/1.1)".into(),
        ));
    };
    if !host_is_ours(host, local) {
        return Err(forbidden(format!(
            "the Host {host:?} is not this server (use http://127.0.0.1:{}/ or http://localhost:{}/): requests for other names are refused so that no web page can reach the explorer through its own domain",
            local.port(),
            local.port()
        )));
    }
    if let Some(origin) = h.origin {
        let ours = origin
            .strip_prefix("http://")
            .is_some_and(|rest| host_is_ours(rest, local));
        if !ours {
            return Err(forbidden(format!(
                "requests from other sites are refused (Origin {origin:?}); open the explorer at http://{host}/ itself"
            )));
        }
    }
    if *method == Method::Post {
        let json = h.content_type.is_some_and(|t| {
            t.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
        if !json {
            return Err(forbidden(format!(
                "the API takes JSON only: send `Content-Type: application/json` (got {}); other types are refused because any web page can post them",
                h.content_type.map_or("none".to_string(), |t| format!("{t:?}"))
            )));
        }
    }
    Ok(())
}

/// Whether `host` (`name:port` as in a Host header) names this server: `localhost`, a
/// loopback address, or the bound address (any address of this machine when bound to all
/// of them), with the bound port. An IP literal cannot be rebound, a name can; `localhost`
/// is resolved by the browser itself.
pub fn host_is_ours(host: &str, local: SocketAddr) -> bool {
    let (name, port) = match split_host(host) {
        Some(x) => x,
        None => return false,
    };
    let port_ok = match port {
        Some(p) => p == local.port(),
        None => local.port() == 80,
    };
    if !port_ok {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip == local.ip() || ip.is_loopback() || local.ip().is_unspecified(),
        Err(_) => false,
    }
}

/// `("127.0.0.1", Some(8080))`, `("::1", Some(8080))` from `[::1]:8080`; `None` when
/// malformed (a port that is not a number, an unclosed bracket).
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        let (name, after) = rest.split_once(']')?;
        return match after {
            "" => Some((name, None)),
            p => Some((name, Some(p.strip_prefix(':')?.parse().ok()?))),
        };
    }
    match host.rsplit_once(':') {
        // A bare IPv6 address without brackets is not a valid Host.
        Some((name, _)) if name.contains(':') => None,
        Some((name, p)) => Some((name, Some(p.parse().ok()?))),
        None => Some((host, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local() -> SocketAddr {
        "127.0.0.1:8080".parse().unwrap()
    }

    fn get(host: Option<&str>, origin: Option<&str>) -> Result<(), ApiError> {
        check(
            local(),
            &Method::Get,
            &Headers {
                host,
                origin,
                content_type: None,
            },
        )
    }

    #[test]
    fn this_servers_names_pass_and_others_are_refused() {
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
        ] {
            assert!(get(Some(ok), None).is_ok(), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.1:8081",
            "127.0.0.1",
            "localhost",
            "[::1]",
            "::1:8080",
            "127.0.0.1:80x",
            "[::1:8080",
            "10.0.0.1:8080",
            "",
        ] {
            assert_eq!(get(Some(bad), None).unwrap_err().status, 403, "{bad}");
        }
        assert_eq!(get(None, None).unwrap_err().status, 403);
    }

    #[test]
    fn a_server_bound_to_all_addresses_takes_any_of_its_ip_literals_but_no_name() {
        let any: SocketAddr = "0.0.0.0:9000".parse().unwrap();
        assert!(host_is_ours("192.0.2.7:9000", any));
        assert!(!host_is_ours("evil.example:9000", any));
        assert!(!host_is_ours("192.0.2.7:9001", any));
    }

    #[test]
    fn only_the_servers_own_origin_passes() {
        assert!(get(Some("127.0.0.1:8080"), Some("http://127.0.0.1:8080")).is_ok());
        assert!(get(Some("127.0.0.1:8080"), Some("http://localhost:8080")).is_ok());
        for bad in [
            "http://evil.example",
            "null",
            "https://127.0.0.1:8080",
            "http://127.0.0.1:9999",
        ] {
            assert_eq!(
                get(Some("127.0.0.1:8080"), Some(bad)).unwrap_err().status,
                403,
                "{bad}"
            );
        }
    }

    #[test]
    fn posts_must_be_json() {
        let post = |t: Option<&str>| {
            check(
                local(),
                &Method::Post,
                &Headers {
                    host: Some("127.0.0.1:8080"),
                    origin: None,
                    content_type: t,
                },
            )
        };
        assert!(post(Some("application/json")).is_ok());
        assert!(post(Some("application/json; charset=utf-8")).is_ok());
        for bad in [
            None,
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
        ] {
            let e = post(bad).unwrap_err();
            assert_eq!(e.status, 403, "{bad:?}");
            assert!(e.message.contains("application/json"), "{}", e.message);
        }
    }
}
