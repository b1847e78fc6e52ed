//! Why the explorer could not start, said in the user's language ([`ServeError::said`],
//! `serve-start-*` in `serve.ftl`), and the lines it prints when it does. `Display` is the
//! English the tool has always printed; the address line keeps `http://ADDRESS/` in every
//! language, because scripts and tests read it.

use std::net::{IpAddr, SocketAddr};

use undercurrent_text::{io_reason, tr, Lang};

/// Why `serve` stopped before (or instead of) serving.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address is in use (another explorer on the port?) or not this machine's.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    /// The listening socket took no setting.
    #[error("cannot configure the listening socket: {0}")]
    Socket(#[source] std::io::Error),
    /// The simulation threads could not be started (the thread pool's words).
    #[error("cannot start the simulation threads: {0}")]
    Threads(String),
    /// The HTTP runtime could not be started.
    #[error("cannot start the HTTP runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// An answer built once at start (`/api/meta`, `/api/stories`) could not be built.
    #[error("{0}")]
    Answers(String),
}

impl ServeError {
    /// In `lang`; in English exactly the `Display` (tested).
    pub fn said(&self, lang: Lang) -> String {
        match self {
            ServeError::Listen { addr, source } => tr!(
                lang,
                "serve-start-listen",
                addr = addr.to_string(),
                reason = io_reason(lang, source)
            ),
            ServeError::Socket(e) => {
                tr!(lang, "serve-start-socket", reason = io_reason(lang, e))
            }
            ServeError::Threads(m) => tr!(lang, "serve-start-threads", reason = m.clone()),
            ServeError::Runtime(e) => {
                tr!(lang, "serve-start-runtime", reason = io_reason(lang, e))
            }
            ServeError::Answers(m) => tr!(lang, "serve-start-answers", reason = m.clone()),
        }
    }
}

/// The line that says where the page is (stdout).
pub fn address_line(lang: Lang, local: SocketAddr) -> String {
    tr!(lang, "serve-start-address", addr = local.to_string())
}

/// The warning for an address other machines can reach (stderr).
pub fn exposed_line(lang: Lang, bind: IpAddr) -> String {
    tr!(lang, "serve-start-exposed", bind = bind.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    fn every_error() -> Vec<(ServeError, &'static str)> {
        let addr: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        vec![
            (
                ServeError::Listen {
                    addr,
                    source: Error::from(ErrorKind::AddrInUse),
                },
                "cannot listen on 127.0.0.1:8080: address in use",
            ),
            (
                ServeError::Socket(Error::from(ErrorKind::PermissionDenied)),
                "cannot configure the listening socket: permission denied",
            ),
            (
                ServeError::Threads("the global thread pool has not been initialized".into()),
                "cannot start the simulation threads: the global thread pool has not been initialized",
            ),
            (
                ServeError::Runtime(Error::from(ErrorKind::OutOfMemory)),
                "cannot start the HTTP runtime: out of memory",
            ),
            (ServeError::Answers("no stories".into()), "no stories"),
        ]
    }

    #[test]
    fn the_english_is_what_serve_always_said() {
        for (e, english) in every_error() {
            assert_eq!(e.to_string(), english);
            assert_eq!(e.said(Lang::En), english);
        }
        let local: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert_eq!(
            address_line(Lang::En, local),
            "undercurrent explorer at http://127.0.0.1:8080/ (Ctrl-C stops it)"
        );
        assert_eq!(
            exposed_line(Lang::En, local.ip()),
            "note: listening on 127.0.0.1 — anyone who can reach this address can run simulations"
        );
    }

    #[test]
    fn dutch_says_why_and_keeps_the_address_a_script_reads() {
        for (e, english) in every_error() {
            let dutch = e.said(Lang::Nl);
            assert_ne!(dutch, english);
            for word in ["cannot", "address in use", "permission denied"] {
                assert!(!dutch.contains(word), "{dutch}");
            }
        }
        let local: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let line = address_line(Lang::Nl, local);
        assert!(line.contains("http://127.0.0.1:8080/"), "{line}");
        assert!(!line.contains("stops it"), "{line}");
        assert!(!exposed_line(Lang::Nl, local.ip()).contains("anyone"));
    }
}
