//! Collecting semantic problems with parameters, each with its key path, the offending
//! value, the allowed range and a hint on how to fix it.

use std::fmt;

/// One semantic problem with a parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Dotted key path, as written in a scenario file (`customers.churn_detractor`).
    pub key: String,
    pub value: String,
    pub expected: String,
    pub hint: String,
    /// The same expectation as data, where a common check made it, so that a layer with a
    /// message catalogue can say it in another language (the model itself has only English).
    pub said: Option<Expected>,
    /// The value found, said as data where the check shows it in words rather than as the
    /// file writes it (`none`, `3 axes`, `given with `day``): a layer with a message
    /// catalogue says it in its own words; [`Problem::value`] keeps the English.
    pub value_said: Option<Words>,
    /// The problems this one stands for, where its hint is theirs (a calibration prior's end
    /// the scenario refuses): a layer with a message catalogue says them in its own words;
    /// [`Problem::hint`] keeps them joined in English.
    pub because: Vec<Problem>,
}

/// Words of a message catalogue as data: the message `id` (its family's prefix added by the
/// layer that says it) and the values it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// Words to say for the argument `value` in place of its English, where a value said in
    /// words is itself part of another (`none at design point 3`).
    pub value: Option<Box<Words>>,
}

impl Words {
    pub fn new(id: &'static str, args: &[(&'static str, String)]) -> Words {
        Words {
            id,
            args: args.to_vec(),
            value: None,
        }
    }

    /// These words with `value` said by `inner` where there are words for it.
    pub fn with_value(mut self, inner: Option<Words>) -> Words {
        self.value = inner.map(Box::new);
        self
    }
}

/// What the common checks expect, as data: [`Problem::expected`] (and its hint) in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// A finite number in [lo, hi] (the value was not finite).
    FiniteIn { lo: f64, hi: f64 },
    /// A number in [lo, hi].
    In { lo: f64, hi: f64 },
    /// A Beta mean: strictly between 0 and 1.
    StrictlyInsideUnit,
    /// A daily rate in [0, 1].
    DailyRate,
    /// A positive number, at most 1e9.
    Positive,
    /// A whole number of at least `lo`.
    WholeAtLeast { lo: usize },
    /// A whole number in [lo, hi].
    WholeIn { lo: usize, hi: usize },
    /// A check of its own: a catalogue says it as `expected-<id>` (and `hint-<id>` when the
    /// check gives a hint), with these named values.
    Own {
        id: &'static str,
        args: Vec<(&'static str, String)>,
        /// The hint's own id (`hint-<hint>`) where the hint is a reason shared by several
        /// checks rather than the check's own.
        hint: Option<&'static str>,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` = {}: expected {}",
            self.key, self.value, self.expected
        )?;
        if !self.hint.is_empty() {
            write!(f, " ({})", self.hint)?;
        }
        Ok(())
    }
}

/// Longest scenario, sweep or arm name: it ends up in directory and file names (at most
/// 255 bytes on common file systems) beside a prefix.
pub const MAX_NAME_CHARS: usize = 100;

/// At most [`MAX_NAME_CHARS`] characters and none a control character (terminal escapes,
/// tabs, carriage returns and NUL bytes would be printed raw or written into files).
fn is_printable_label(name: &str) -> bool {
    name.chars().count() <= MAX_NAME_CHARS && !name.chars().any(char::is_control)
}

/// A name as an error message shows it: escaped, and cut when very long.
fn shown(name: &str) -> String {
    let cut: String = name.chars().take(MAX_NAME_CHARS + 20).collect();
    if cut.len() < name.len() {
        format!("{:?}… ({} characters)", cut, name.chars().count())
    } else {
        format!("{name:?}")
    }
}

/// The value a problem shows for a key whose presence is the problem (`stat` without
/// `window`, a design's key under another design): it has no value worth showing. A layer
/// with a message catalogue recognises it and says it in its own words.
pub const GIVEN: &str = "given";

/// Accumulates problems so that a user sees every mistake in one go.
#[derive(Debug, Default)]
pub struct Check {
    pub problems: Vec<Problem>,
}

impl Check {
    pub fn fail(&mut self, key: &str, value: String, expected: String, hint: &str) {
        self.problems.push(Problem {
            key: key.to_string(),
            value,
            expected,
            hint: hint.to_string(),
            said: None,
            value_said: None,
            because: Vec::new(),
        });
    }

    /// The value of the problem found last, said as data too (`value-<id>` in a catalogue):
    /// for a check whose value is words, not what the file writes.
    pub fn value_in_words(&mut self, id: &'static str, args: &[(&'static str, String)]) {
        if let Some(p) = self.problems.last_mut() {
            p.value_said = Some(Words::new(id, args));
        }
    }

    /// [`Check::fail`] for a check of its own, said as data too: `id` names its words in a
    /// message catalogue (`expected-<id>`, `hint-<id>`), `args` the values they name. The
    /// English here and the catalogue's English are the same words (tested where the
    /// catalogue is).
    pub fn fail_own(
        &mut self,
        key: &str,
        value: String,
        (expected, hint): (String, &str),
        id: &'static str,
        args: &[(&'static str, String)],
    ) {
        self.fail_said(
            key,
            value,
            expected,
            hint,
            Expected::Own {
                id,
                args: args.to_vec(),
                hint: None,
            },
        );
    }

    /// [`Check::fail`] for a common check, its expectation also kept as data.
    fn fail_said(
        &mut self,
        key: &str,
        value: String,
        expected: String,
        hint: &str,
        said: Expected,
    ) {
        self.fail(key, value, expected, hint);
        if let Some(p) = self.problems.last_mut() {
            p.said = Some(said);
        }
    }

    /// A finite number within [lo, hi].
    pub fn range(&mut self, key: &str, v: f64, lo: f64, hi: f64) {
        if !v.is_finite() {
            self.fail_said(
                key,
                v.to_string(),
                format!("a finite number in [{lo}, {hi}]"),
                "",
                Expected::FiniteIn { lo, hi },
            );
        } else if v < lo || v > hi {
            self.fail_said(
                key,
                v.to_string(),
                format!("a number in [{lo}, {hi}]"),
                "",
                Expected::In { lo, hi },
            );
        }
    }

    /// A name that becomes the output directory `results/<name>/`.
    pub fn output_name(&mut self, key: &str, name: &str) {
        if name.is_empty()
            || name.contains(['/', '\\'])
            || name.starts_with('.')
            || !is_printable_label(name)
        {
            self.fail_own(
                key,
                shown(name),
                (
                    format!("a non-empty name of at most {MAX_NAME_CHARS} characters, without path separators or control characters"),
                    "the name becomes the output directory results/<name>/",
                ),
                "output-name",
                &[("max", MAX_NAME_CHARS.to_string())],
            );
        }
    }

    /// An arm's name: it heads CSV columns, chart legends and file names.
    pub fn arm_name(&mut self, key: &str, name: &str) {
        if name.is_empty() || name.contains([',', '"']) || !is_printable_label(name) {
            self.fail_own(
                key,
                shown(name),
                (
                    format!("a non-empty name of at most {MAX_NAME_CHARS} characters, without commas, quotes or control characters"),
                    "",
                ),
                "arm-name",
                &[("max", MAX_NAME_CHARS.to_string())],
            );
        }
    }

    /// A probability or share in [0, 1].
    pub fn unit(&mut self, key: &str, v: f64) {
        self.range(key, v, 0.0, 1.0)
    }

    /// A mean of a Beta distribution: strictly inside (0, 1).
    pub fn open_unit(&mut self, key: &str, v: f64) {
        if !(v.is_finite() && v > 0.0 && v < 1.0) {
            self.fail_said(
                key,
                v.to_string(),
                "a number strictly between 0 and 1".into(),
                "a Beta mean cannot be 0 or 1",
                Expected::StrictlyInsideUnit,
            );
        }
    }

    /// A daily rate: a share of a gap closed per day, in [0, 1].
    pub fn rate(&mut self, key: &str, v: f64) {
        if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
            self.fail_said(
                key,
                v.to_string(),
                "a daily rate in [0, 1]".into(),
                "rates are shares of the gap closed per working day",
                Expected::DailyRate,
            );
        }
    }

    pub fn positive(&mut self, key: &str, v: f64) {
        if !(v.is_finite() && v > 0.0 && v <= 1e9) {
            self.fail_said(
                key,
                v.to_string(),
                "a positive number (at most 1e9)".into(),
                "",
                Expected::Positive,
            );
        }
    }

    pub fn at_least_usize(&mut self, key: &str, v: usize, lo: usize) {
        if v < lo {
            self.fail_said(
                key,
                v.to_string(),
                format!("a whole number of at least {lo}"),
                "",
                Expected::WholeAtLeast { lo },
            );
        }
    }

    pub fn range_usize(&mut self, key: &str, v: usize, lo: usize, hi: usize) {
        if v < lo || v > hi {
            self.fail_said(
                key,
                v.to_string(),
                format!("a whole number in [{lo}, {hi}]"),
                "",
                Expected::WholeIn { lo, hi },
            );
        }
    }

    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}
