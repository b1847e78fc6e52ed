//! Claims: what a source article (or a client, or a hypothesis) says, written as checks on the
//! run's own statistics, and judged against their 95% intervals.
//!
//! A scenario may carry `[[claims]]`, each with a sentence (`says`) and one or more
//! `[[claims.checks]]`. A check names an arm, a statistic of that arm and one bound:
//!
//! ```toml
//! [[claims]]
//! says = "Training alone has a best-before date: its gain halves within a year"
//! [[claims.checks]]
//! arm = "training"
//! statistic = "half_life_days_B"
//! below = 250
//! ```
//!
//! The statistic is a row of `durability.csv` (the gains, half-life, cost, ... of an
//! intervention arm; the drift of the baseline) or, with `window = [first, last]`, a metric of
//! `windows.csv` over one of the scenario's windows (its `level`, or for an intervention arm by
//! default its paired difference from the baseline, `vs_baseline`). The bound is exactly one of
//! `above`, `below`, `between = [lo, hi]`, `above_arm` or `below_arm` (another arm's same
//! statistic).
//!
//! The verdict never says more than was measured: a check *holds* only when the whole 95%
//! interval lies on the claimed side, *fails* only when the whole interval lies on the other
//! side, and is *undecided* otherwise. A censored duration whose Kaplan-Meier median is not
//! reached is "more than" the follow-up: its interval has no upper end. Between two arms the
//! check holds only when their intervals do not overlap, which is stricter than a paired test:
//! an undecided comparison may still be a real difference. A claim agrees when every check
//! holds, disagrees when any fails, and is undecided otherwise.

use serde::{Deserialize, Serialize};

use crate::metrics::aggregate::{DurabilityRow, WindowRow};
use crate::metrics::registry::{BaselineMetric, DurabilityMetric, Recorded, GAINS};
use crate::model::validate::Check;

/// One claim: a sentence and the checks that test it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What the source says, in its own words (shown beside the verdict).
    pub says: String,
    /// Where it is said (an article, a page); shown with the claim when given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    pub checks: Vec<ClaimCheck>,
}

/// One statistic of one arm against one bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimCheck {
    pub arm: String,
    /// A `durability.csv` metric, or with `window` a metric of `windows.csv`.
    pub statistic: String,
    /// One of the scenario's `windows`: the statistic is the metric's mean over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<[i64; 2]>,
    /// With `window`: `level` or `vs_baseline` (the default for intervention arms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub between: Option<[f64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_arm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below_arm: Option<String>,
}

/// The one bound a check sets, once validated.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    Above(f64),
    Below(f64),
    Between(f64, f64),
    AboveArm(String),
    BelowArm(String),
}

/// What the interval of a statistic says about a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every check holds (for a check: the whole interval is on the claimed side).
    Agrees,
    /// A check fails (for a check: the whole interval is on the other side).
    Disagrees,
    /// Neither: an interval straddles the bound, or a statistic was not measured.
    Undecided,
}

impl Verdict {
    /// The word in `claims.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Disagrees => "disagrees",
            Verdict::Undecided => "undecided",
        }
    }

    fn of_checks(checks: impl IntoIterator<Item = Verdict>) -> Verdict {
        let mut all_hold = true;
        for v in checks {
            match v {
                Verdict::Disagrees => return Verdict::Disagrees,
                Verdict::Undecided => all_hold = false,
                Verdict::Agrees => {}
            }
        }
        if all_hold {
            Verdict::Agrees
        } else {
            Verdict::Undecided
        }
    }
}

/// A statistic as measured: its estimate and 95% interval. `lower_bound_only` marks a
/// censored duration whose median was not reached: the estimate is "more than" it and the
/// interval has no upper end (`hi` is infinite).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    pub estimate: f64,
    pub lo: f64,
    pub hi: f64,
    pub lower_bound_only: bool,
}

impl Measured {
    const NOT_MEASURED: Measured = Measured {
        estimate: f64::NAN,
        lo: f64::NAN,
        hi: f64::NAN,
        lower_bound_only: false,
    };

    fn known(&self) -> bool {
        !self.lo.is_nan() && !self.hi.is_nan()
    }
}

/// One judged check: a row of `claims.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub claim: usize,
    pub check: usize,
    pub arm: String,
    pub statistic: String,
    pub window: Option<[i64; 2]>,
    pub quantity: String,
    pub bound: Bound,
    pub measured: Measured,
    /// For `above_arm` / `below_arm`: the other arm's statistic.
    pub other: Option<Measured>,
    pub verdict: Verdict,
    /// The verdict of the whole claim (every check's row repeats it).
    pub claim_verdict: Verdict,
}

impl ClaimCheck {
    /// The bound, when exactly one is set.
    pub fn bound(&self) -> Option<Bound> {
        let mut set = Vec::new();
        if let Some(v) = self.above {
            set.push(Bound::Above(v));
        }
        if let Some(v) = self.below {
            set.push(Bound::Below(v));
        }
        if let Some([a, b]) = self.between {
            set.push(Bound::Between(a, b));
        }
        if let Some(a) = &self.above_arm {
            set.push(Bound::AboveArm(a.clone()));
        }
        if let Some(a) = &self.below_arm {
            set.push(Bound::BelowArm(a.clone()));
        }
        if set.len() == 1 {
            set.pop()
        } else {
            None
        }
    }

    /// The quantity of a windowed statistic: as written, else `vs_baseline` for an
    /// intervention arm and `level` for the baseline. Empty without a window.
    fn quantity_or_default(&self, baseline: &str) -> String {
        match (&self.window, &self.quantity) {
            (None, _) => String::new(),
            (Some(_), Some(q)) => q.clone(),
            (Some(_), None) if self.arm == baseline => "level".into(),
            (Some(_), None) => "vs_baseline".into(),
        }
    }
}

/// The metric names a windowed check may name: every recorded series and every gain.
fn window_metrics() -> impl Iterator<Item = &'static str> {
    Recorded::all()
        .map(Recorded::name)
        .chain(GAINS.iter().map(|g| g.name))
}

/// Validates the claims of a scenario whose arms (baseline first) are `arms`, whose windows
/// are `windows` and which values its gains (`[economics]`) when `valued`.
pub fn check(claims: &[Claim], arms: &[String], windows: &[[i64; 2]], valued: bool, c: &mut Check) {
    let baseline = arms.first().map_or("baseline", String::as_str);
    for (i, claim) in claims.iter().enumerate() {
        let key = format!("claims[{i}]");
        if claim.says.trim().is_empty() {
            c.fail_own(
                &format!("{key}.says"),
                "\"\"".into(),
                (
                    "the claim in words".into(),
                    "the report shows this sentence beside the verdict",
                ),
                "claim-says",
                &[],
            );
        }
        if claim.checks.is_empty() {
            c.fail_own(
                &format!("{key}.says"),
                "no [[claims.checks]]".into(),
                (
                    "at least one [[claims.checks]] with arm, statistic and one bound".into(),
                    "a claim without a check cannot be judged",
                ),
                "claim-checks",
                &[],
            );
            c.value_in_words("no-claim-checks", &[]);
        }
        for (j, ch) in claim.checks.iter().enumerate() {
            check_one(
                ch,
                &format!("{key}.checks[{j}]"),
                arms,
                baseline,
                windows,
                valued,
                c,
            );
        }
    }
}

fn list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_one(
    ch: &ClaimCheck,
    key: &str,
    arms: &[String],
    baseline: &str,
    windows: &[[i64; 2]],
    valued: bool,
    c: &mut Check,
) {
    if !arms.contains(&ch.arm) {
        c.fail_own(
            &format!("{key}.arm"),
            format!("\"{}\"", ch.arm),
            (format!("one of the scenario's arms: {}", list(arms)), ""),
            "claim-arm",
            &[("arms", list(arms))],
        );
    }
    let is_baseline = ch.arm == baseline;
    match ch.window {
        Some(w) => {
            if !windows.contains(&w) {
                let listed = windows
                    .iter()
                    .map(|w| format!("[{}, {}]", w[0], w[1]))
                    .collect::<Vec<_>>()
                    .join(", ");
                c.fail_own(
                    &format!("{key}.window"),
                    format!("[{}, {}]", w[0], w[1]),
                    (
                        if windows.is_empty() {
                            "one of the scenario's `windows` (it lists none)".into()
                        } else {
                            format!("one of the scenario's `windows`: {listed}")
                        },
                        "add the window to `windows` so that windows.csv holds it",
                    ),
                    "claim-window",
                    &[(
                        "windows",
                        if windows.is_empty() {
                            "none".into()
                        } else {
                            listed.clone()
                        },
                    )],
                );
            }
            if !window_metrics().any(|m| m == ch.statistic) {
                let m = crate::experiment::locate::closest(&ch.statistic, window_metrics());
                let near = m
                    .map(|m| format!("did you mean `{m}`?"))
                    .unwrap_or_default();
                c.fail_own(
                    &format!("{key}.statistic"),
                    format!("\"{}\"", ch.statistic),
                    (
                        "a metric of timeseries.csv (a recorded series or a gain; docs/metrics.md)"
                            .into(),
                        &near,
                    ),
                    "claim-window-metric",
                    &[("suggest", m.unwrap_or("none").to_string())],
                );
            }
            match ch.quantity.as_deref() {
                None | Some("level") => {}
                Some("vs_baseline") if !is_baseline => {}
                Some(q) => c.fail_own(
                    &format!("{key}.quantity"),
                    format!("\"{q}\""),
                    (
                        if is_baseline {
                            "\"level\" (the baseline has no difference from itself)".into()
                        } else {
                            "\"level\" or \"vs_baseline\"".into()
                        },
                        "",
                    ),
                    "claim-quantity",
                    &[("arm", if is_baseline { "baseline" } else { "other" }.into())],
                ),
            }
        }
        None => {
            if ch.quantity.is_some() {
                c.fail_own(
                    &format!("{key}.quantity"),
                    format!("\"{}\"", ch.quantity.as_deref().unwrap_or_default()),
                    (
                        "no `quantity` without a `window`".into(),
                        "durability statistics are already gains over the baseline",
                    ),
                    "claim-quantity-window",
                    &[],
                );
            }
            let names: Vec<&str> = if is_baseline {
                BaselineMetric::NAMES.to_vec()
            } else {
                DurabilityMetric::ALL
                    .into_iter()
                    .filter(|m| valued || !m.needs_valuation())
                    .map(DurabilityMetric::name)
                    .collect()
            };
            if !names.contains(&ch.statistic.as_str()) {
                let m = crate::experiment::locate::closest(&ch.statistic, names.iter().copied());
                let near = m
                    .map(|m| format!("did you mean `{m}`?"))
                    .unwrap_or_default();
                let needs_economics = DurabilityMetric::from_name(&ch.statistic)
                    .is_some_and(|m| m.needs_valuation() && !valued);
                c.fail_own(
                    &format!("{key}.statistic"),
                    format!("\"{}\"", ch.statistic),
                    (
                        if is_baseline {
                            format!(
                                "a baseline statistic of durability.csv ({}), or a metric with `window`",
                                names.join(", ")
                            )
                        } else {
                            "a statistic of durability.csv (docs/metrics.md), or a metric with `window`"
                                .into()
                        },
                        if needs_economics {
                            "it is written only when the scenario values the gain in [economics]"
                        } else {
                            &near
                        },
                    ),
                    "claim-statistic",
                    &[
                        (
                            "arm",
                            if is_baseline { "baseline" } else { "other" }.into(),
                        ),
                        ("names", names.join(", ")),
                        (
                            "suggest",
                            if needs_economics {
                                "economics"
                            } else {
                                m.unwrap_or("none")
                            }
                            .into(),
                        ),
                    ],
                );
            }
        }
    }
    let bound_key = format!("{key}.arm");
    match ch.bound() {
        None => {
            c.fail_own(
                &bound_key,
                "no single bound".into(),
                (
                    "exactly one of above, below, between = [lo, hi], above_arm, below_arm".into(),
                    "",
                ),
                "claim-one-bound",
                &[],
            );
            c.value_in_words("no-single-bound", &[]);
        }
        Some(Bound::Above(v)) | Some(Bound::Below(v)) if !v.is_finite() => c.fail_own(
            &format!(
                "{key}.{}",
                if ch.above.is_some() { "above" } else { "below" }
            ),
            v.to_string(),
            ("a finite number".into(), ""),
            "finite-number",
            &[],
        ),
        Some(Bound::Between(a, b)) if !(a.is_finite() && b.is_finite() && a < b) => c.fail_own(
            &format!("{key}.between"),
            format!("[{a}, {b}]"),
            ("[lo, hi] with finite lo < hi".into(), ""),
            "claim-between",
            &[],
        ),
        Some(Bound::AboveArm(other)) | Some(Bound::BelowArm(other)) => {
            let k = format!(
                "{key}.{}",
                if ch.above_arm.is_some() {
                    "above_arm"
                } else {
                    "below_arm"
                }
            );
            if other == ch.arm || !arms.contains(&other) {
                c.fail_own(
                    &k,
                    format!("\"{other}\""),
                    (
                        format!("another of the scenario's arms: {}", list(arms)),
                        "",
                    ),
                    "claim-other-arm",
                    &[("arms", list(arms))],
                );
            } else if ch.window.is_none() && (other == baseline) != is_baseline {
                c.fail_own(
                    &k,
                    format!("\"{other}\""),
                    (
                        "an intervention arm (durability statistics of the baseline are its drift, not gains)".into(),
                        "",
                    ),
                    "claim-intervention-arm",
                    &[],
                );
            } else if ch.window.is_some()
                && (other == baseline)
                && ch.quantity_or_default(baseline) == "vs_baseline"
            {
                c.fail_own(
                    &k,
                    format!("\"{other}\""),
                    (
                        "an intervention arm, or `quantity = \"level\"`".into(),
                        "the baseline has no difference from itself",
                    ),
                    "claim-level",
                    &[],
                );
            }
        }
        Some(_) => {}
    }
}

/// The measured value of `statistic` for `arm` (index into the arms, baseline first).
fn measure(
    arm: usize,
    ch: &ClaimCheck,
    quantity: &str,
    durability: &[DurabilityRow],
    windows: &[WindowRow],
) -> Measured {
    if let Some([first, last]) = ch.window {
        return windows
            .iter()
            .find(|w| {
                w.arm == arm
                    && w.first_day == first
                    && w.last_day == last
                    && w.metric == ch.statistic
                    && w.quantity == quantity
            })
            .map_or(Measured::NOT_MEASURED, |w| Measured {
                estimate: w.summary.mean,
                lo: w.summary.ci_lo,
                hi: w.summary.ci_hi,
                lower_bound_only: false,
            });
    }
    let Some(row) = durability
        .iter()
        .find(|r| r.arm == arm && r.metric == ch.statistic)
    else {
        return Measured::NOT_MEASURED;
    };
    match &row.censored {
        Some(km) if km.n > 0 => match km.median {
            Some(m) => Measured {
                estimate: m,
                lo: km.lo.unwrap_or(f64::NAN),
                hi: km.hi.unwrap_or(f64::INFINITY),
                lower_bound_only: false,
            },
            // Not reached: the median is beyond the longest follow-up; so is the lower end
            // of its interval when that is not reached either.
            None => Measured {
                estimate: km.followup,
                lo: km.lo.unwrap_or(km.followup),
                hi: f64::INFINITY,
                lower_bound_only: true,
            },
        },
        Some(_) => Measured::NOT_MEASURED,
        None => Measured {
            estimate: row.summary.mean,
            lo: row.summary.ci_lo,
            hi: row.summary.ci_hi,
            lower_bound_only: false,
        },
    }
}

/// Whether an interval `[lo, hi]` lies above `v` (holds), below it (fails) or across it.
fn side(m: &Measured, lo_ok: impl Fn(f64) -> bool, hi_fails: impl Fn(f64) -> bool) -> Verdict {
    if !m.known() {
        Verdict::Undecided
    } else if lo_ok(m.lo) {
        Verdict::Agrees
    } else if hi_fails(m.hi) {
        Verdict::Disagrees
    } else {
        Verdict::Undecided
    }
}

/// The verdict of one check on measured intervals.
pub fn judge_one(bound: &Bound, m: &Measured, other: Option<&Measured>) -> Verdict {
    match bound {
        Bound::Above(v) => side(m, |lo| lo > *v, |hi| hi <= *v),
        Bound::Below(v) => side(m, |_| m.hi < *v, |_| m.lo >= *v),
        Bound::Between(a, b) => {
            if !m.known() {
                Verdict::Undecided
            } else if m.lo >= *a && m.hi <= *b {
                Verdict::Agrees
            } else if m.hi < *a || m.lo > *b {
                Verdict::Disagrees
            } else {
                Verdict::Undecided
            }
        }
        Bound::AboveArm(_) | Bound::BelowArm(_) => {
            let Some(o) = other.filter(|o| o.known()) else {
                return Verdict::Undecided;
            };
            let (high, low) = if matches!(bound, Bound::AboveArm(_)) {
                (m, o)
            } else {
                (o, m)
            };
            side(high, |lo| lo > low.hi, |hi| hi < low.lo)
        }
    }
}

/// Judges every check of every claim on a run's durability and window statistics; `arms`
/// are the arm names, baseline first, in the order the statistics index them.
pub fn judge(
    claims: &[Claim],
    arms: &[String],
    durability: &[DurabilityRow],
    windows: &[WindowRow],
) -> Vec<ClaimRow> {
    let baseline = arms.first().map_or("baseline", String::as_str);
    let index = |name: &str| arms.iter().position(|a| a == name);
    let mut rows = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        let first = rows.len();
        for (j, ch) in claim.checks.iter().enumerate() {
            let quantity = ch.quantity_or_default(baseline);
            let bound = ch.bound().unwrap_or(Bound::Above(f64::NAN));
            let measured = index(&ch.arm).map_or(Measured::NOT_MEASURED, |a| {
                measure(a, ch, &quantity, durability, windows)
            });
            let other = match &bound {
                Bound::AboveArm(o) | Bound::BelowArm(o) => {
                    Some(index(o).map_or(Measured::NOT_MEASURED, |a| {
                        measure(a, ch, &quantity, durability, windows)
                    }))
                }
                _ => None,
            };
            let verdict = judge_one(&bound, &measured, other.as_ref());
            rows.push(ClaimRow {
                claim: i,
                check: j,
                arm: ch.arm.clone(),
                statistic: ch.statistic.clone(),
                window: ch.window,
                quantity,
                bound,
                measured,
                other,
                verdict,
                claim_verdict: Verdict::Undecided,
            });
        }
        let v = Verdict::of_checks(rows[first..].iter().map(|r| r.verdict));
        for r in &mut rows[first..] {
            r.claim_verdict = v;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(lo: f64, hi: f64) -> Measured {
        Measured {
            estimate: (lo + hi) / 2.0,
            lo,
            hi,
            lower_bound_only: false,
        }
    }

    #[test]
    fn a_check_holds_only_when_the_whole_interval_is_on_the_claimed_side() {
        assert_eq!(
            judge_one(&Bound::Above(0.0), &m(0.1, 0.2), None),
            Verdict::Agrees
        );
        assert_eq!(
            judge_one(&Bound::Above(0.0), &m(-0.1, 0.2), None),
            Verdict::Undecided
        );
        assert_eq!(
            judge_one(&Bound::Above(0.0), &m(-0.2, -0.1), None),
            Verdict::Disagrees
        );
        assert_eq!(
            judge_one(&Bound::Below(1.0), &m(0.1, 0.2), None),
            Verdict::Agrees
        );
        assert_eq!(
            judge_one(&Bound::Below(0.15), &m(0.1, 0.2), None),
            Verdict::Undecided
        );
        assert_eq!(
            judge_one(&Bound::Below(0.05), &m(0.1, 0.2), None),
            Verdict::Disagrees
        );
        assert_eq!(
            judge_one(&Bound::Between(0.0, 1.0), &m(0.1, 0.2), None),
            Verdict::Agrees
        );
        assert_eq!(
            judge_one(&Bound::Between(0.15, 1.0), &m(0.1, 0.2), None),
            Verdict::Undecided
        );
        assert_eq!(
            judge_one(&Bound::Between(0.3, 1.0), &m(0.1, 0.2), None),
            Verdict::Disagrees
        );
    }

    #[test]
    fn a_median_not_reached_is_more_than_its_follow_up_and_has_no_upper_end() {
        let censored = Measured {
            estimate: 450.0,
            lo: 300.0,
            hi: f64::INFINITY,
            lower_bound_only: true,
        };
        assert_eq!(
            judge_one(&Bound::Above(250.0), &censored, None),
            Verdict::Agrees
        );
        assert_eq!(
            judge_one(&Bound::Below(250.0), &censored, None),
            Verdict::Disagrees
        );
        assert_eq!(
            judge_one(&Bound::Below(1000.0), &censored, None),
            Verdict::Undecided
        );
        assert_eq!(
            judge_one(&Bound::Between(0.0, 1000.0), &censored, None),
            Verdict::Undecided
        );
    }

    #[test]
    fn between_arms_only_intervals_that_do_not_overlap_decide() {
        let a = Bound::AboveArm("b".into());
        assert_eq!(
            judge_one(&a, &m(0.3, 0.4), Some(&m(0.1, 0.2))),
            Verdict::Agrees
        );
        assert_eq!(
            judge_one(&a, &m(0.15, 0.4), Some(&m(0.1, 0.2))),
            Verdict::Undecided
        );
        assert_eq!(
            judge_one(&a, &m(0.0, 0.05), Some(&m(0.1, 0.2))),
            Verdict::Disagrees
        );
        let b = Bound::BelowArm("b".into());
        assert_eq!(
            judge_one(&b, &m(0.0, 0.05), Some(&m(0.1, 0.2))),
            Verdict::Agrees
        );
        assert_eq!(
            judge_one(&b, &m(0.3, 0.4), Some(&m(0.1, 0.2))),
            Verdict::Disagrees
        );
    }

    #[test]
    fn an_unmeasured_statistic_decides_nothing() {
        assert_eq!(
            judge_one(&Bound::Above(0.0), &Measured::NOT_MEASURED, None),
            Verdict::Undecided
        );
        assert_eq!(
            judge_one(
                &Bound::AboveArm("x".into()),
                &m(0.3, 0.4),
                Some(&Measured::NOT_MEASURED)
            ),
            Verdict::Undecided
        );
    }

    #[test]
    fn a_claim_agrees_when_every_check_holds_and_disagrees_when_one_fails() {
        use Verdict::*;
        assert_eq!(Verdict::of_checks([Agrees, Agrees]), Agrees);
        assert_eq!(Verdict::of_checks([Agrees, Undecided]), Undecided);
        assert_eq!(
            Verdict::of_checks([Undecided, Disagrees, Agrees]),
            Disagrees
        );
    }
}
