//! What can be wrong with an experiment file, each failure located in the file that holds it.
//!
//! A failure names the key path it concerns, the value found, the values allowed and a hint
//! (a [`Problem`]), and where the file writes it: the key path in the file (which is not
//! always the key checked: a bad design point is reported at the axis value that made it)
//! and its line and column, found by [`locate`]. A key the file does not write is reported
//! at the deepest part of its path that it does, so a user is always pointed into the file,
//! and no failure that is not a parser's is dressed up as one at line 1, column 1.

use std::fmt;
use std::path::PathBuf;

use crate::experiment::locate::{line_col, locate};
use crate::experiment::scenario::ScenarioError;
use crate::experiment::sweep::apply::SetError;
use crate::model::validate::{Expected, Problem, Words};

/// Why an experiment cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ExperimentError {
    /// The experiment file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The TOML parser refused the file (or the base scenario file named by `base`), or the
    /// file is empty or not UTF-8: located where the parser stopped.
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Values the format or the model does not allow, every one located.
    #[error("{}", Failures(origin, failures))]
    Invalid {
        origin: String,
        failures: Vec<Failure>,
    },
    /// The base scenario file named by `base` cannot be read: reported at `base`.
    #[error("{}: `base` = {base:?}: cannot read {}: {source}", At(origin, *position), path.display())]
    BaseUnreadable {
        origin: String,
        position: Option<(usize, usize)>,
        base: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The resolved experiment (or its base scenario) cannot be written as TOML: a defect of
    /// this build, not of the file, reported where the file writes the part concerned.
    #[error("{}: {message}", At(origin, *position))]
    Unwritable {
        origin: String,
        position: Option<(usize, usize)>,
        message: String,
    },
}

impl ExperimentError {
    /// Whether the file is at fault (exit code 2) rather than the machine or the build (1).
    pub fn is_input_error(&self) -> bool {
        !matches!(self, ExperimentError::Unwritable { .. })
    }

    /// Every located failure (empty unless the file's values are invalid).
    pub fn failures(&self) -> &[Failure] {
        match self {
            ExperimentError::Invalid { failures, .. } => failures,
            _ => &[],
        }
    }

    /// Line and column of the first failure, whatever its kind.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ExperimentError::Io { .. } => None,
            ExperimentError::Syntax { line, column, .. } => Some((*line, *column)),
            ExperimentError::Invalid { failures, .. } => failures.first()?.position,
            ExperimentError::BaseUnreadable { position, .. }
            | ExperimentError::Unwritable { position, .. } => *position,
        }
    }
}

/// One located failure.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// Key path checked, value found, values allowed, hint.
    pub problem: Problem,
    /// Key path in the file the position is that of (`sweep.axes[1].range`).
    pub at: String,
    /// 1-based line and column of `at` (or of the deepest part of it the file writes).
    pub position: Option<(usize, usize)>,
}

/// The hint (`hint-as-said`) that is another library's sentence, `message`, as it said it:
/// the TOML parser's, say, whose words no catalogue holds.
pub(crate) const AS_SAID: &str = "as-said";

/// A failure found by a check, before it is located in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    pub problem: Problem,
    /// Where to point in the file when that is not `problem.key` itself.
    pub at: Option<String>,
}

impl Pending {
    /// A failure at its own key.
    pub fn new(key: &str, value: String, expected: impl Into<String>, hint: &str) -> Pending {
        Pending {
            problem: Problem {
                key: key.to_string(),
                value,
                expected: expected.into(),
                hint: hint.to_string(),
                said: None,
                value_said: None,
                because: Vec::new(),
            },
            at: None,
        }
    }

    /// [`Pending::new`] for a check of its own, said as data too (as
    /// [`Check::fail_own`](crate::model::validate::Check::fail_own)): `id` names its words in
    /// the message catalogue (`expected-<id>`, `hint-<id>`), `args` the values they name; the
    /// English here and the catalogue's are the same words.
    pub fn own(
        key: &str,
        value: String,
        (expected, hint): (String, &str),
        id: &'static str,
        args: &[(&'static str, String)],
    ) -> Pending {
        let mut p = Pending::new(key, value, expected, hint);
        p.problem.said = Some(Expected::Own {
            id,
            args: args.to_vec(),
            hint: None,
        });
        p
    }

    /// [`Pending::own`] whose hint is a reason of its own (`hint-<hint>`, naming `args` too)
    /// rather than the check's: one reason a value cannot be set, say, behind several checks.
    pub fn own_because(
        key: &str,
        value: String,
        (expected, hint): (String, &str),
        (id, reason): (&'static str, &'static str),
        args: &[(&'static str, String)],
    ) -> Pending {
        let mut p = Pending::own(key, value, (expected, hint), id, args);
        if let Some(Expected::Own { hint, .. }) = &mut p.problem.said {
            *hint = Some(reason);
        }
        p
    }

    /// `value` at `key` cannot be written into the scenario (`expected` names what was
    /// needed, in English and by its catalogue id): the reason said as data.
    pub fn unset(
        key: &str,
        value: String,
        (expected, id): (&str, &'static str),
        e: &SetError,
    ) -> Pending {
        let (reason, args) = e.said();
        Pending::own_because(
            key,
            value,
            (expected.to_string(), &e.to_string()),
            (id, reason),
            &args,
        )
    }

    /// `value` at `key` makes a scenario of the wrong type: the parser's own sentence (in
    /// English, the TOML crate's) is the hint, inside the catalogue's words.
    pub fn mistyped(
        key: &str,
        value: String,
        (expected, id): (&str, &'static str),
        e: &toml::de::Error,
    ) -> Pending {
        let message = e.message().trim().to_string();
        Pending::own_because(
            key,
            value,
            (expected.to_string(), &message),
            (id, AS_SAID),
            &[("message", message.clone())],
        )
    }

    /// The same failure with its value said as data too (`value-<id>` in the catalogue): for
    /// a value that is words (`none`, `given with `day``), not what the file writes.
    pub fn value_words(mut self, id: &'static str, args: &[(&'static str, String)]) -> Pending {
        self.problem.value_said = Some(Words::new(id, args));
        self
    }

    /// The same failure with `problems` as its hint, said in the user's language where its
    /// words are (the English hint is theirs joined, as it was).
    pub fn because(mut self, problems: Vec<Problem>) -> Pending {
        self.problem.because = problems;
        self
    }

    /// The same failure pointed at `at` in the file.
    pub fn at(mut self, at: String) -> Pending {
        self.at = Some(at);
        self
    }
}

impl From<Problem> for Pending {
    fn from(problem: Problem) -> Pending {
        Pending { problem, at: None }
    }
}

/// Line and column of key path `at` in `src`.
pub(crate) fn position(src: &str, at: &str) -> Option<(usize, usize)> {
    locate(src, at).map(|off| line_col(src, off))
}

/// Locates every pending failure in `src`.
pub(crate) fn invalid(src: &str, origin: &str, pending: Vec<Pending>) -> ExperimentError {
    let failures = pending
        .into_iter()
        .map(|p| {
            let at = p.at.unwrap_or_else(|| p.problem.key.clone());
            Failure {
                position: position(src, &at),
                problem: p.problem,
                at,
            }
        })
        .collect();
    ExperimentError::Invalid {
        origin: origin.to_string(),
        failures,
    }
}

/// A scenario's own errors keep their file and position: the experiment file's for an
/// inline `[scenario]`, the base file's for `base`.
impl From<ScenarioError> for ExperimentError {
    fn from(e: ScenarioError) -> Self {
        match e {
            ScenarioError::Io { path, source } => ExperimentError::Io { path, source },
            ScenarioError::Syntax {
                origin,
                line,
                column,
                message,
            } => ExperimentError::Syntax {
                origin,
                line,
                column,
                message,
            },
            ScenarioError::Invalid { origin, problems } => ExperimentError::Invalid {
                origin,
                failures: problems
                    .into_iter()
                    .map(|l| Failure {
                        at: l.problem.key.clone(),
                        problem: l.problem,
                        position: l.position,
                    })
                    .collect(),
            },
        }
    }
}

/// `origin:line:column`, or `origin` alone when the position is unknown.
struct At<'a>(&'a str, Option<(usize, usize)>);

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some((line, column)) => write!(f, "{}:{line}:{column}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

/// One failure a line, as the scenario parser writes its own.
struct Failures<'a>(&'a str, &'a [Failure]);

impl fmt::Display for Failures<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, x) in self.1.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", At(self.0, x.position), x.problem)?;
        }
        Ok(())
    }
}
