//! Why the operating system refused to read or write a file, in the user's language. English
//! keeps the system's own sentence (`No such file or directory (os error 2)`), as the tool has
//! always printed it; other languages say the common kinds from the catalogue (`io.ftl`) and
//! show any other inside a frame that says whose words they are.

use std::io::{Error, ErrorKind};

use crate::{text, text_with, Args, Lang};

/// The reason of `e` in `lang`.
pub fn io_reason(lang: Lang, e: &Error) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let id = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::InvalidData => "io-invalid-data",
        _ => {
            let mut args = Args::new();
            args.set("message", e.to_string());
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
}
