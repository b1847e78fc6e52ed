//! Why a calibration stopped with an error, said in the user's language
//! ([`CalibrationError::said`], `calibration-error-*` in `sweep-errors.ftl`); `Display` is
//! the English the tool has always printed.
//!
//! The ABC loop (in the results crate, which knows no words) passes a failed simulation on
//! as a string; the simulation keeps its reason as data beside it ([`SimFailures`]), by
//! simulation, so that the error can say it in Dutch too.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use undercurrent_text::{text, tr, IoWhy, Lang};

use super::run::CalibrationError;
use crate::calibration::AbcError;

/// Why one simulation of a calibration failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SimReason {
    /// The journal holds other parameter values for this simulation: it is not this
    /// calibration's.
    OtherParameters {
        journal: PathBuf,
        have: String,
        want: String,
    },
    UnreadableStatistics {
        journal: PathBuf,
        stats: String,
    },
    /// The caller asked the calibration to stop (a Python user's Ctrl-C).
    Interrupted,
    WriterFailed,
    Write {
        journal: PathBuf,
        why: IoWhy,
    },
}

impl SimReason {
    pub fn said(&self, lang: Lang) -> String {
        let d = |p: &PathBuf| p.display().to_string();
        match self {
            SimReason::OtherParameters {
                journal,
                have,
                want,
            } => tr!(
                lang,
                "calibration-sim-other-parameters",
                journal = d(journal),
                have = have.clone(),
                want = want.clone()
            ),
            SimReason::UnreadableStatistics { journal, stats } => tr!(
                lang,
                "calibration-sim-unreadable",
                journal = d(journal),
                stats = format!("{stats:?}")
            ),
            SimReason::Interrupted => text(lang, "run-failed-interrupted"),
            SimReason::WriterFailed => text(lang, "calibration-sim-writer-failed"),
            SimReason::Write { journal, why } => tr!(
                lang,
                "calibration-sim-write",
                journal = d(journal),
                reason = why.said(lang)
            ),
        }
    }
}

undercurrent_text::said_in_english!(SimReason);

/// The reasons of the simulations that failed, by their journal run number.
#[derive(Debug, Default)]
pub struct SimFailures(Mutex<HashMap<u64, SimReason>>);

impl SimFailures {
    /// Keeps `reason` for simulation `run` and gives the string the ABC loop passes on.
    pub fn fail(&self, run: u64, reason: SimReason) -> String {
        let english = reason.to_string();
        if let Ok(mut m) = self.0.lock() {
            m.insert(run, reason);
        }
        english
    }

    /// The reason kept for simulation `run`.
    pub fn reason(&self, run: u64) -> Option<SimReason> {
        self.0.lock().ok().and_then(|m| m.get(&run).cloned())
    }
}

impl CalibrationError {
    /// In `lang`; in English exactly the `Display` (tested).
    pub fn said(&self, lang: Lang) -> String {
        match self {
            CalibrationError::File(e) => crate::words::experiment_error_text(e, lang),
            CalibrationError::Files(e) => e.said(lang),
            CalibrationError::Abc(e) => abc_said(e, lang),
            CalibrationError::Simulation {
                generation,
                index,
                reason,
            } => tr!(
                lang,
                "calibration-error-simulation",
                generation = generation.to_string(),
                index = index.to_string(),
                reason = reason.said(lang)
            ),
            CalibrationError::Unmeasurable {
                origin,
                targets,
                batch,
            } => unmeasurable_said(lang, origin, targets, *batch),
        }
    }
}

/// Targets (position, name) that no simulation of the first `batch` could measure.
pub(super) fn unmeasurable_said(
    lang: Lang,
    origin: &str,
    targets: &[(usize, String)],
    batch: usize,
) -> String {
    let names: Vec<String> = targets
        .iter()
        .map(|(k, name)| {
            tr!(
                lang,
                "calibration-error-target",
                name = name.clone(),
                k = k.to_string()
            )
        })
        .collect();
    tr!(
        lang,
        "calibration-error-unmeasurable",
        origin = origin.to_string(),
        targets = names.join(", "),
        count = targets.len(),
        batch = batch.to_string()
    )
}

fn abc_said(e: &AbcError, lang: Lang) -> String {
    match e {
        AbcError::Empty => text(lang, "calibration-error-empty"),
        AbcError::BudgetTooSmall(n) => {
            tr!(lang, "calibration-error-budget", budget = n.to_string())
        }
        // Turned into `Unmeasurable` (with the targets' names) before it reaches a user.
        AbcError::NeverFinite(_) => e.to_string(),
        AbcError::Simulation {
            generation,
            index,
            message,
        } => tr!(
            lang,
            "calibration-error-simulation",
            generation = generation.to_string(),
            index = index.to_string(),
            reason = message.clone()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every error a calibration run can end in (but the experiment file's and the
    /// directory's, said and tested with the sweep's), with the English it printed before.
    fn every_error() -> Vec<(CalibrationError, &'static str)> {
        let sim = |reason| CalibrationError::Simulation {
            generation: 2,
            index: 17,
            reason,
        };
        vec![
            (CalibrationError::Abc(AbcError::Empty), "a calibration needs at least one parameter, one target and 2 particles"),
            (CalibrationError::Abc(AbcError::BudgetTooSmall(50)), "the budget of 50 simulations does not complete generation 0"),
            (
                sim(SimReason::OtherParameters { journal: "c/journal.jsonl".into(), have: "0.1".into(), want: "0.2".into() }),
                "simulation 2/17: c/journal.jsonl holds other parameter values for this simulation (0.1 instead of 0.2): the journal is not this calibration's",
            ),
            (
                sim(SimReason::UnreadableStatistics { journal: "c/journal.jsonl".into(), stats: "x".into() }),
                "simulation 2/17: c/journal.jsonl: unreadable statistics \"x\"",
            ),
            (sim(SimReason::Interrupted), "simulation 2/17: interrupted"),
            (sim(SimReason::WriterFailed), "simulation 2/17: the journal writer failed"),
            (
                sim(SimReason::Write {
                    journal: "c/journal.jsonl".into(),
                    why: (&std::io::Error::from(std::io::ErrorKind::PermissionDenied)).into(),
                }),
                "simulation 2/17: c/journal.jsonl: permission denied",
            ),
            (
                CalibrationError::Unmeasurable { origin: "cal.toml".into(), targets: vec![(0, "nps_late".into())], batch: 40 },
                "cal.toml: target `nps_late` (targets[0]) is not a number in any of the first 40 simulations: the run cannot measure it (a follow-up past the horizon?); choose targets the scenario's horizon covers",
            ),
            (
                CalibrationError::Unmeasurable { origin: "cal.toml".into(), targets: vec![(0, "a".into()), (2, "b".into())], batch: 40 },
                "cal.toml: target `a` (targets[0]), target `b` (targets[2]) are not a number in any of the first 40 simulations: the run cannot measure them (a follow-up past the horizon?); choose targets the scenario's horizon covers",
            ),
        ]
    }

    #[test]
    fn the_english_is_what_a_calibration_always_said() {
        for (e, english) in every_error() {
            assert_eq!(e.to_string(), english);
            assert_eq!(e.said(Lang::En), english);
        }
    }

    #[test]
    fn dutch_says_every_error_in_its_own_words_keeping_names_and_paths() {
        for (e, english) in every_error() {
            let dutch = e.said(Lang::Nl);
            assert_ne!(dutch, english);
            for word in [
                "needs",
                "budget of",
                "holds",
                "unreadable",
                "interrupted",
                "failed",
                "permission",
                "not a number",
                "cannot",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
            for kept in ["c/journal.jsonl", "nps_late", "targets[2]", "2/17"] {
                if english.contains(kept) {
                    assert!(dutch.contains(kept), "{kept} in {dutch}");
                }
            }
        }
    }

    #[test]
    fn a_failed_simulation_keeps_its_reason_by_run() {
        let f = SimFailures::default();
        let said = f.fail(7, SimReason::Interrupted);
        assert_eq!(said, "interrupted");
        assert_eq!(f.reason(7), Some(SimReason::Interrupted));
        assert_eq!(f.reason(8), None);
    }
}
