//! Why the operating system refused to read or write a file, in the user's language. English
//! keeps the system's own sentence (`No such file or directory (os error 2)`), as the tool has
//! always printed it; other languages say the common kinds from the catalogue (`io.ftl`) and
//! show any other inside a frame that says whose words they are.

use std::io::{Error, ErrorKind};

use crate::{text, text_with, Args, Lang};

/// The reason of `e` in `lang`.
pub fn io_reason(lang: Lang, e: &Error) -> String {
    io_reason_of(lang, e.kind(), &e.to_string())
}

/// What the system said of a file, kept as data (its kind and its English sentence) for
/// errors that must be cloned or compared, which [`Error`] cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoWhy {
    pub kind: ErrorKind,
    pub english: String,
}

impl IoWhy {
    /// In `lang`, as [`io_reason`] says the error it was taken from.
    pub fn said(&self, lang: Lang) -> String {
        io_reason_of(lang, self.kind, &self.english)
    }
}

impl From<&Error> for IoWhy {
    fn from(e: &Error) -> Self {
        IoWhy {
            kind: e.kind(),
            english: e.to_string(),
        }
    }
}

impl std::fmt::Display for IoWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

fn io_reason_of(lang: Lang, kind: ErrorKind, english: &str) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    let id = match kind {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::InvalidData => "io-invalid-data",
        ErrorKind::AddrInUse => "io-addr-in-use",
        ErrorKind::AddrNotAvailable => "io-addr-not-available",
        ErrorKind::OutOfMemory => "io-out-of-memory",
        _ => {
            let mut args = Args::new();
            args.set("message", english.to_string());
            return text_with(lang, "io-other", &args);
        }
    };
    text(lang, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_systems_sentence_and_dutch_says_the_kind() {
        let missing = Error::from(ErrorKind::NotFound);
        assert_eq!(io_reason(Lang::En, &missing), missing.to_string());
        assert_eq!(
            io_reason(Lang::Nl, &missing),
            "het bestand of de map bestaat niet"
        );
        let denied = Error::from(ErrorKind::PermissionDenied);
        assert_eq!(io_reason(Lang::Nl, &denied), "geen toegang (rechten)");
        let odd = Error::other("a fault of its own");
        assert_eq!(
            io_reason(Lang::Nl, &odd),
            "systeemfout (zo meldt het besturingssysteem het): a fault of its own"
        );
    }

    #[test]
    fn an_error_kept_as_data_is_said_as_the_error_itself() {
        for e in [
            Error::from(ErrorKind::NotFound),
            Error::other("a fault of its own"),
        ] {
            let why = IoWhy::from(&e);
            for lang in [Lang::En, Lang::Nl] {
                assert_eq!(why.said(lang), io_reason(lang, &e));
            }
            assert_eq!(why.to_string(), e.to_string());
        }
    }
}
