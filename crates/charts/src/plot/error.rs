//! Typed errors of the charting module.

use std::path::PathBuf;

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
    NoData(String),
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
