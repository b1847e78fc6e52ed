//! The plain-language reading of a run: sentences a consultant can say to a board, generated
//! from the durability statistics so that every number in them is one the run measured.

use crate::metrics::survival::CensoredMedian;
use crate::numbers;
use crate::plot::data::{Durability, Stat, DAYS_PER_MONTH};

/// One paragraph of the reading: a heading (an arm, or the comparison) and its sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub heading: String,
    pub sentences: Vec<String>,
}

/// Display name of an arm: `training_only` → `training only`.
pub fn arm_label(arm: &str) -> String {
    arm.replace('_', " ")
}

fn pct(x: f64) -> String {
    numbers::percent(x)
}

fn num(x: f64) -> String {
    numbers::sig(x)
}

fn months(days: f64) -> String {
    format!("{:.1} months", days / DAYS_PER_MONTH)
}

/// A censorable duration in months, in words: `9.6 [7.2, 12.0] months`, `more than 22.0
/// months (interval not reached)`; see [`CensoredMedian::text`].
pub fn censored_months(c: &CensoredMedian) -> String {
    let text = c.text(|d| format!("{:.1}", d / DAYS_PER_MONTH));
    match text.find(" (") {
        Some(i) => format!("{} months{}", &text[..i], &text[i..]),
        None => format!("{text} months"),
    }
}

/// The half-life sentence of an arm from its Kaplan-Meier median: a median that is reached
/// with its interval, one that is not as "more than", and the runs censored beside it.
fn half_life_sentence(c: &CensoredMedian) -> String {
    let runs = if c.censored == 0 {
        String::new()
    } else {
        format!(
            "; in {} of {} runs it had not halved by the end of the recorded period",
            c.censored, c.n
        )
    };
    match c.median {
        Some(m) => {
            let hi = c
                .hi
                .map_or_else(|| "beyond the recorded period".to_string(), months);
            let lo = c.lo.map_or_else(|| "NA".to_string(), months);
            format!(
                "After the programme ends the gain halves in a median of {} (95% interval {lo} to {hi}, Kaplan-Meier over runs){runs}.",
                months(m)
            )
        }
        None => format!(
            "The gain had not halved by the end of the recorded period in {} of {} runs, so its median half-life is more than {}: longer than this run can measure.",
            c.censored,
            c.n,
            months(c.followup)
        ),
    }
}

/// `mean (lo–hi)` with the formatter `f`, or just the mean when the CI is missing.
fn with_ci(s: &Stat, f: fn(f64) -> String) -> Option<String> {
    let m = s.mean?;
    Some(match s.ci() {
        Some((lo, hi)) => format!("{} ({}–{})", f(m), f(lo), f(hi)),
        None => f(m),
    })
}

/// Whether the 95% CI of `s` excludes zero (a difference a reader may call real).
fn clearly_positive(s: &Stat) -> bool {
    s.ci_lo.is_some_and(|lo| lo > 0.0)
}

fn clearly_nonzero(s: &Stat) -> bool {
    matches!(s.ci(), Some((lo, hi)) if lo > 0.0 || hi < 0.0)
}

fn signed(x: f64) -> String {
    numbers::sig_signed(x)
}

/// The reading of one intervention arm.
fn arm_paragraph(d: &Durability, arm: &str) -> Option<Paragraph> {
    let get = |m: &str| d.get(arm, m).copied().unwrap_or_default();
    let peak = get("peak_gain_B");
    peak.mean?;
    let mut s = Vec::new();
    let to_peak = get("days_to_peak_B")
        .mean
        .map(|x| format!(", reached {} after it starts", months(x)))
        .unwrap_or_default();
    s.push(format!(
        "It raises visible customer-oriented behaviour B by {} at its peak{to_peak} (B is a propensity on a 0–1 scale; the baseline arm shows what would have happened without it).",
        with_ci(&peak, num).unwrap_or_default()
    ));
    let g12 = get("gain_12m_B");
    let r12 = get("retained_12m_B");
    if let (Some(r), Some(_)) = (r12.mean, g12.mean) {
        let kept = with_ci(&r12, pct).unwrap_or_else(|| pct(r));
        if clearly_positive(&g12) {
            s.push(format!(
                "Twelve months after the programme ends it keeps {kept} of that peak gain; B is then still {} above baseline.",
                with_ci(&g12, num).unwrap_or_default()
            ));
        } else {
            s.push(format!(
                "Twelve months after the programme ends the gain is gone: it keeps {kept} of its peak, and the remaining difference, {}, cannot be told apart from zero.",
                with_ci(&g12, num).unwrap_or_default()
            ));
        }
    }
    let hl = get("half_life_days_B");
    if let Some(c) = hl.censored.filter(|c| c.n > 0) {
        s.push(half_life_sentence(&c));
    } else if let Some(h) = hl.mean {
        // A file without the Kaplan-Meier columns: its mean exists only when no run was
        // censored (or it was written before censoring was handled, when the share says so).
        let censored = get("half_life_censored_share_B").mean.unwrap_or(0.0);
        if censored > 0.0 {
            s.push(format!(
                "In {} of the runs the gain had not yet halved by the end of the recorded period, so its half-life is more than the {} averaged over the runs.",
                pct(censored),
                months(h)
            ));
        } else {
            let ci = hl
                .ci()
                .map(|(lo, hi)| format!(" ({:.1}–{:.1})", lo / DAYS_PER_MONTH, hi / DAYS_PER_MONTH))
                .unwrap_or_default();
            s.push(format!(
                "After the programme ends the gain halves in {}{ci}.",
                months(h)
            ));
        }
    }
    let nps = get("mean_gain_nps");
    if let Some(m) = nps.mean {
        if clearly_nonzero(&nps) {
            s.push(format!(
                "Customers notice: from the start of the programme to 12 months after its end (or the end of the recorded period, if sooner) the Net Promoter Score is on average {} points {} baseline.",
                with_ci(&nps, signed).unwrap_or_default(),
                if m > 0.0 { "above" } else { "below" }
            ));
        } else {
            s.push(format!(
                "Customers hardly notice: the mean NPS difference to baseline, {}, cannot be told apart from zero.",
                with_ci(&nps, signed).unwrap_or_default()
            ));
        }
    }
    let cost = get("cost");
    let per_point = get("cost_per_nps_point");
    if let Some(c) = cost.mean.filter(|c| *c > 0.0) {
        // The divisor is named and shown, so that cost / divisor is the figure given.
        let per = match (per_point.mean, nps.mean) {
            // Three decimals on the divisor: rounded to two, a gain of 2.076 points would
            // divide to a figure 0.2% off the one shown.
            (Some(x), Some(g)) if x.is_finite() && x > 0.0 => format!(
                ": {} per point of that mean NPS gain ({} / {} points)",
                numbers::euro(x),
                numbers::euro(c),
                numbers::fixed(g, 3),
            ),
            _ => String::new(),
        };
        s.push(format!("Its interventions cost {}{per}.", numbers::euro(c)));
    }
    let extra = get("extra_rule_break_cost");
    if clearly_positive(&extra) {
        s.push(format!(
            "It also raises the cost of rule breaks by {} euro: more customer orientation means more bending of rules for customers.",
            with_ci(&extra, num).unwrap_or_default()
        ));
    }
    Some(Paragraph {
        heading: arm_label(arm),
        sentences: s,
    })
}

/// "a", "a and b", "a, b and c".
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The arms whose gain fades fastest: the shortest Kaplan-Meier median half-life among those
/// reached (a median not reached is longer than any reached one of the same run, so it can
/// never be the fastest). Files without the Kaplan-Meier columns fall back on the mean,
/// which exists only when no run was censored.
fn fastest_fading(d: &Durability, arms: &[String]) -> Option<(String, usize, f64)> {
    let values: Vec<(&String, f64)> = arms
        .iter()
        .filter_map(|a| {
            let st = d.get(a, "half_life_days_B")?;
            match &st.censored {
                Some(c) => c.median.map(|m| (a, m)),
                None => st.mean.map(|m| (a, m)),
            }
        })
        .filter(|(_, m)| m.is_finite())
        .collect();
    let shortest = values.iter().map(|(_, m)| *m).reduce(f64::min)?;
    let tied: Vec<String> = values
        .iter()
        .filter(|(_, m)| *m == shortest)
        .map(|(a, _)| arm_label(a))
        .collect();
    Some((join_and(&tied), tied.len(), shortest))
}

/// The comparison across arms and the check on the baseline.
fn comparison(d: &Durability, arms: &[String]) -> Option<Paragraph> {
    // Every arm at the extreme, so that a tie (gaming adds rewards but no gain, for
    // example) names all of them rather than whichever came last.
    let best = |metric: &str, higher: bool| -> Option<(String, usize, f64)> {
        let values: Vec<(&String, f64)> = arms
            .iter()
            .filter_map(|a| d.mean(a, metric).map(|m| (a, m)))
            .filter(|(_, m)| m.is_finite())
            .collect();
        let extreme =
            values
                .iter()
                .map(|(_, m)| *m)
                .reduce(|x, y| if (y > x) == higher { y } else { x })?;
        let tied: Vec<String> = values
            .iter()
            .filter(|(_, m)| *m == extreme)
            .map(|(a, _)| arm_label(a))
            .collect();
        Some((join_and(&tied), tied.len(), extreme))
    };
    let mut s = Vec::new();
    if let Some((a, _, m)) = best("peak_gain_B", true) {
        s.push(format!(
            "The largest peak gain comes from {a} (+{}).",
            num(m)
        ));
    }
    if let Some((a, n, m)) = best("gain_12m_B", true) {
        s.push(format!(
            "Twelve months after the programmes end, {a} {} the largest lasting gain (+{}).",
            if n > 1 { "leave" } else { "leaves" },
            num(m)
        ));
    }
    if let Some((a, n, m)) = fastest_fading(d, arms) {
        s.push(if n > 1 {
            format!(
                "The gains of {a} fade fastest: their median half-life is {}.",
                months(m)
            )
        } else {
            format!(
                "The gain of {a} fades fastest: its median half-life is {}.",
                months(m)
            )
        });
    }
    let drift = arms
        .iter()
        .find_map(|a| d.get(a, "drift_B").map(|s| (a, *s)));
    if let Some((a, st)) = drift {
        let text = with_ci(&st, signed).unwrap_or_default();
        if clearly_nonzero(&st) {
            s.push(format!(
                "Caution: the {} arm itself drifts by {text} in B over the recorded period, so the organisation was not at rest; read gains against that drift.",
                arm_label(a)
            ));
        } else {
            s.push(format!(
                "Without any intervention ({}) B stays where it was (drift {text}), so the gains above are the interventions' effects, not a trend.",
                arm_label(a)
            ));
        }
    }
    (!s.is_empty()).then(|| Paragraph {
        heading: "Comparison".to_string(),
        sentences: s,
    })
}

/// The full reading: the comparison first, then one paragraph per intervention arm.
pub fn reading(d: &Durability, arms: &[String]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = comparison(d, arms).into_iter().collect();
    out.extend(arms.iter().filter_map(|a| arm_paragraph(d, a)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(mean: f64, lo: f64, hi: f64) -> Stat {
        Stat {
            mean: Some(mean),
            sd: None,
            ci_lo: Some(lo),
            ci_hi: Some(hi),
            n: Some(20),
            censored: None,
        }
    }

    fn durability(rows: &[(&str, &str, Stat)]) -> Durability {
        let mut d = Durability::default();
        for (arm, metric, s) in rows {
            d.insert(arm, metric, *s);
        }
        d
    }

    #[test]
    fn a_lasting_gain_is_reported_with_its_interval() {
        let d = durability(&[
            ("coaching", "peak_gain_B", stat(0.18, 0.17, 0.19)),
            ("coaching", "gain_12m_B", stat(0.1, 0.09, 0.11)),
            ("coaching", "retained_12m_B", stat(0.72, 0.65, 0.79)),
        ]);
        let p = arm_paragraph(&d, "coaching").unwrap();
        let text = p.sentences.join(" ");
        assert!(text.contains("keeps 72% (65%–79%)"), "{text}");
        assert!(
            text.contains("0.100 (0.090–0.110) above baseline"),
            "{text}"
        );
    }

    #[test]
    fn a_gain_whose_interval_covers_zero_is_called_gone() {
        let d = durability(&[
            ("training_only", "peak_gain_B", stat(0.12, 0.11, 0.13)),
            ("training_only", "gain_12m_B", stat(0.004, -0.003, 0.011)),
            ("training_only", "retained_12m_B", stat(0.03, -0.02, 0.08)),
        ]);
        let text = arm_paragraph(&d, "training_only")
            .unwrap()
            .sentences
            .join(" ");
        assert!(text.contains("the gain is gone"), "{text}");
    }

    #[test]
    fn the_comparison_names_the_most_lasting_and_the_fastest_fading_arm() {
        let d = durability(&[
            ("a", "gain_12m_B", stat(0.02, 0.01, 0.03)),
            ("b", "gain_12m_B", stat(0.15, 0.14, 0.16)),
            ("a", "half_life_days_B", stat(80.0, 78.0, 82.0)),
            ("b", "half_life_days_B", stat(400.0, 380.0, 420.0)),
            ("base", "drift_B", stat(-0.002, -0.009, 0.005)),
        ]);
        let arms = vec!["base".to_string(), "a".to_string(), "b".to_string()];
        let text = comparison(&d, &arms).unwrap().sentences.join(" ");
        assert!(text.contains("b leaves the largest lasting gain"), "{text}");
        assert!(
            text.contains("The gain of a fades fastest: its median half-life is 3.8 months"),
            "{text}"
        );
        assert!(text.contains("B stays where it was"), "{text}");
    }

    #[test]
    fn arms_tied_at_the_extreme_are_all_named() {
        let d = durability(&[
            ("honest", "peak_gain_B", stat(0.27, 0.26, 0.28)),
            ("gamed", "peak_gain_B", stat(0.27, 0.26, 0.28)),
            ("other", "peak_gain_B", stat(0.2, 0.19, 0.21)),
            ("honest", "half_life_days_B", stat(100.0, 98.0, 102.0)),
            ("gamed", "half_life_days_B", stat(100.0, 98.0, 102.0)),
            ("other", "half_life_days_B", stat(250.0, 240.0, 260.0)),
        ]);
        let arms = ["honest", "gamed", "other"].map(String::from).to_vec();
        let text = comparison(&d, &arms).unwrap().sentences.join(" ");
        assert!(
            text.contains("The largest peak gain comes from honest and gamed (+0.270)"),
            "{text}"
        );
        assert!(
            text.contains("The gains of honest and gamed fade fastest: their median half-life is"),
            "{text}"
        );
    }
}
