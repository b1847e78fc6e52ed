//! Typed errors of the charting module.

use std::path::PathBuf;

pub use super::no_data::NoDataReason;

/// Everything that can go wrong while loading results or drawing charts.
///
/// Bad input never panics: it surfaces as one of these variants.
#[derive(Debug, thiserror::Error)]
pub enum PlotError {
    /// A required input file does not exist.
    #[error("missing input file: {}", path.display())]
    MissingFile { path: PathBuf },

    /// A CSV file could not be parsed; `line` is 1-based (line 1 = header).
    #[error("malformed CSV {} (line {line}): {message}", path.display())]
    MalformedCsv {
        path: PathBuf,
        line: u64,
        message: String,
    },

    /// `manifest.json` exists but is not valid JSON.
    #[error("malformed JSON {}: {message}", path.display())]
    MalformedJson { path: PathBuf, message: String },

    /// Reading an input or writing an output failed.
    #[error("I/O error on {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The embedded fonts could not be registered.
    #[error("font error: {0}")]
    Font(String),

    /// The drawing backend reported an error (includes PNG encoding failures).
    #[error("drawing error: {0}")]
    Draw(String),

    /// The input holds nothing that the requested chart could show.
    #[error("no data: {0}")]
    NoData(NoDataReason),
}

impl PlotError {
    /// Whether the user's input is at fault (missing or malformed files, nothing to draw:
    /// exit code 2) rather than the machine (I/O, fonts, drawing: exit code 1).
    pub fn is_input_error(&self) -> bool {
        !matches!(
            self,
            PlotError::Io { .. } | PlotError::Font(_) | PlotError::Draw(_)
        )
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        PlotError::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<crate::output::manifest::ManifestError> for PlotError {
    fn from(e: crate::output::manifest::ManifestError) -> Self {
        use crate::output::manifest::ManifestError;
        match e {
            ManifestError::Io { path, source } => PlotError::Io { path, source },
            ManifestError::Malformed { path, message } => {
                PlotError::MalformedJson { path, message }
            }
        }
    }
}

/// Converts any plotters drawing error into [`PlotError::Draw`].
pub(crate) fn draw_err<E: std::fmt::Display>(e: E) -> PlotError {
    PlotError::Draw(e.to_string())
}

impl PlotError {
    /// The error in `lang`, from the catalogue (`errors-plot-*` in `plot-errors.ftl`); its
    /// English is the `Display` above, word for word (tested). What another library said (a
    /// CSV or JSON parser, the drawing backend) is passed on as it said it, and what the
    /// operating system said in `lang` ([`undercurrent_text::io_reason`]).
    pub fn said(&self, lang: undercurrent_text::Lang) -> String {
        use undercurrent_text::{io_reason, text_with, Args};
        let mut a = Args::new();
        let id = match self {
            PlotError::MissingFile { path } => {
                a.set("path", path.display().to_string());
                "plot-error-missing-file"
            }
            PlotError::MalformedCsv {
                path,
                line,
                message,
            } => {
                a.set("path", path.display().to_string());
                a.set("line", line.to_string());
                a.set("message", message.clone());
                "plot-error-malformed-csv"
            }
            PlotError::MalformedJson { path, message } => {
                a.set("path", path.display().to_string());
                a.set("message", message.clone());
                "plot-error-malformed-json"
            }
            PlotError::Io { path, source } => {
                a.set("path", path.display().to_string());
                a.set("reason", io_reason(lang, source));
                "plot-error-io"
            }
            PlotError::Font(m) => {
                a.set("message", m.clone());
                "plot-error-font"
            }
            PlotError::Draw(m) => {
                a.set("message", m.clone());
                "plot-error-draw"
            }
            PlotError::NoData(r) => {
                a.set("message", r.said(lang));
                "plot-error-no-data"
            }
        };
        text_with(lang, id, &a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use undercurrent_text::Lang;

    fn every_kind() -> Vec<PlotError> {
        vec![
            PlotError::MissingFile {
                path: "r/timeseries.csv".into(),
            },
            PlotError::MalformedCsv {
                path: "r/runs.csv".into(),
                line: 3,
                message: "found record with 2 fields".into(),
            },
            PlotError::MalformedJson {
                path: "r/manifest.json".into(),
                message: "EOF while parsing".into(),
            },
            PlotError::Io {
                path: "r/plots".into(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
            PlotError::Font("no face".into()),
            PlotError::Draw("backend".into()),
            PlotError::NoData(NoDataReason::NoTeams),
        ]
    }

    #[test]
    fn english_reads_as_the_error_displays_and_dutch_keeps_paths_and_lines() {
        for e in every_kind() {
            assert_eq!(e.said(Lang::En), e.to_string());
            let dutch = e.said(Lang::Nl);
            assert_ne!(dutch, e.to_string(), "{e:?}");
            for word in [
                "missing",
                "malformed",
                "error",
                "no data",
                "Permission",
                "no teams",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
        }
        let csv = every_kind().swap_remove(1).said(Lang::Nl);
        assert!(
            csv.contains("r/runs.csv") && csv.contains("regel 3"),
            "{csv}"
        );
    }
}
