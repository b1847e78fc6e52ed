//! Why a directory gave nothing to draw, as data rather than an English sentence, so a Dutch
//! reader is told why in Dutch: `Display` is the English the tool has always printed,
//! [`NoDataReason::said`] the same in the user's language (`plot-no-data-*` in
//! `plot-errors.ftl`).

use std::path::PathBuf;

use undercurrent_files::experiment::sweep::experiment::ExperimentError;
use undercurrent_files::words::experiment_error_text;
use undercurrent_text::{text, text_with, Args, Lang};

/// Why there is nothing to draw.
#[derive(Debug)]
pub enum NoDataReason {
    /// A run's directory without a single row in `timeseries.csv` or `durability.csv`.
    NoResultRows {
        dir: PathBuf,
    },
    /// A sweep none of whose charts has what it needs.
    NoSweepChart {
        dir: PathBuf,
    },
    /// The calibration's resolved file could not be read; boxed, as it is rare and large.
    Calibration(Box<ExperimentError>),
    /// A calibration's posterior without a particle.
    NoParticles {
        dir: PathBuf,
    },
    /// No team to put in the team grid.
    NoTeams,
    /// Teams, but none with a finite B on the days shown.
    NoTeamValue,
    NoDriveMetrics,
    NoCostRows,
    NoCostBenefit,
    /// `arm` lacks every state the iceberg shows.
    NoIceberg {
        arm: String,
    },
    NoDurabilityRows,
    NoMetricValues {
        metric: String,
    },
}

impl NoDataReason {
    /// In `lang`; in English exactly the `Display`.
    pub fn said(&self, lang: Lang) -> String {
        let mut a = Args::new();
        let id = match self {
            // The calibration reader says its own error, Dutch included; its `Display` stays
            // the English, so it is what English gets, whatever the reader's retelling.
            NoDataReason::Calibration(e) if lang == Lang::En => return e.to_string(),
            NoDataReason::Calibration(e) => return experiment_error_text(e, lang),
            NoDataReason::NoResultRows { dir } => {
                a.set("dir", dir.display().to_string());
                "plot-no-data-result-rows"
            }
            NoDataReason::NoSweepChart { dir } => {
                a.set("dir", dir.display().to_string());
                "plot-no-data-sweep-chart"
            }
            NoDataReason::NoParticles { dir } => {
                a.set("dir", dir.display().to_string());
                "plot-no-data-particles"
            }
            NoDataReason::NoTeams => return text(lang, "plot-no-data-teams"),
            NoDataReason::NoTeamValue => return text(lang, "plot-no-data-team-value"),
            NoDataReason::NoDriveMetrics => return text(lang, "plot-no-data-drives"),
            NoDataReason::NoCostRows => return text(lang, "plot-no-data-costs"),
            NoDataReason::NoCostBenefit => return text(lang, "plot-no-data-cost-benefit"),
            NoDataReason::NoIceberg { arm } => {
                a.set("arm", arm.clone());
                "plot-no-data-iceberg"
            }
            NoDataReason::NoDurabilityRows => return text(lang, "plot-no-data-durability"),
            NoDataReason::NoMetricValues { metric } => {
                a.set("metric", metric.clone());
                "plot-no-data-metric"
            }
        };
        text_with(lang, id, &a)
    }
}

undercurrent_text::said_in_english!(NoDataReason);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant once, beside the English it was printed as before it became data.
    fn every_reason() -> Vec<(NoDataReason, &'static str)> {
        vec![
            (
                NoDataReason::NoResultRows { dir: "out/a".into() },
                "out/a holds no result rows",
            ),
            (
                NoDataReason::NoSweepChart { dir: "out/s".into() },
                "out/s: no chart fits this sweep (response curves need one swept parameter, heatmaps a full two-parameter grid, sensitivity charts a sensitivity.csv)",
            ),
            (
                NoDataReason::Calibration(Box::new(ExperimentError::Io {
                    path: "out/c/calibration.toml".into(),
                    source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
                })),
                "cannot read out/c/calibration.toml: permission denied",
            ),
            (
                NoDataReason::NoParticles { dir: "out/c".into() },
                "out/c: no particles",
            ),
            (NoDataReason::NoTeams, "no teams to draw"),
            (NoDataReason::NoTeamValue, "no team has a value of B"),
            (NoDataReason::NoDriveMetrics, "no B_<drive> metrics"),
            (
                NoDataReason::NoCostRows,
                "timeseries.csv has no cumulative cost rows",
            ),
            (
                NoDataReason::NoCostBenefit,
                "durability.csv has no programme with a cost and an NPS gain 12 months after",
            ),
            (
                NoDataReason::NoIceberg {
                    arm: "coaching".into(),
                },
                "arm `coaching` has none of B, K, A, N, H, E, U, P",
            ),
            (
                NoDataReason::NoDurabilityRows,
                "durability.csv has no gain or half-life rows",
            ),
            (
                NoDataReason::NoMetricValues { metric: "B".into() },
                "metric `B` has no values",
            ),
        ]
    }

    #[test]
    fn the_english_is_what_the_charts_always_said() {
        for (r, old) in every_reason() {
            assert_eq!(r.to_string(), old);
            assert_eq!(r.said(Lang::En), old);
        }
    }

    #[test]
    fn dutch_says_every_reason_in_its_own_words_keeping_paths_and_keys() {
        for (r, old) in every_reason() {
            let dutch = r.said(Lang::Nl);
            assert_ne!(dutch, old);
            for word in [
                "holds",
                "no ",
                " has ",
                "none",
                "chart",
                "draw",
                "rows",
                "metric",
                "value",
                "cost",
                "gain",
                "half-life",
                "particle",
                "cannot",
                "permission",
                "arm ",
            ] {
                assert!(!dutch.contains(word), "{word:?} in {dutch}");
            }
            // What the reader must find again keeps its spelling: paths, files, keys.
            for kept in ["out/", ".csv", "B_<drive>", "`coaching`", "`B`"] {
                assert_eq!(
                    old.contains(kept),
                    dutch.contains(kept),
                    "{kept} in {dutch}"
                );
            }
        }
    }
}
