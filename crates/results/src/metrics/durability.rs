//! How long an intervention's effect lasts: the durability metrics of docs/model.md 7.10,
//! computed per replication from an arm and its paired baseline (same seed, common random
//! numbers), so that every gain is the intervention's effect and not noise.

use super::economics::{net_value, Valuation};
use super::recorder::RunSeries;
use super::registry::{BaselineMetric, DurabilityMetric};

/// Working days in half a year and a year.
pub const SIX_MONTHS: i64 = 125;
pub const TWELVE_MONTHS: i64 = 250;

/// Durability metrics of an intervention arm, in output order (declared in
/// [`super::registry::durability`]).
pub const DURABILITY_METRICS: [&str; N_DURABILITY] = DurabilityMetric::NAMES;

/// Number of durability metrics.
pub const N_DURABILITY: usize = DurabilityMetric::ALL.len();

/// Metrics of the baseline arm itself: its own drift over the recorded horizon.
pub const BASELINE_METRICS: [&str; N_BASELINE] = BaselineMetric::NAMES;

/// Number of baseline metrics.
pub const N_BASELINE: usize = BaselineMetric::ALL.len();

/// The programme window of an arm: first day and last day (inclusive) of its interventions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: i64,
    pub last: i64,
}

/// Cohen's d between an arm and its paired baseline across employees on day `t`.
pub fn cohens_d(arm: &RunSeries, base: &RunSeries, t: usize) -> f64 {
    let pooled = ((arm.daily_b_var[t] + base.daily_b_var[t]) / 2.0).sqrt();
    if pooled > 0.0 {
        (arm.daily_b[t] - base.daily_b[t]) / pooled
    } else {
        f64::NAN
    }
}

/// Durability metrics of one replication of one arm, in the order of [`DurabilityMetric`]
/// (read them by name: `d[DurabilityMetric::HalfLifeDaysB]`). Figures whose day lies past
/// the horizon are NaN, and so are the money figures, which need a [`Valuation`]
/// ([`durability_valued`]).
pub fn durability(arm: &RunSeries, base: &RunSeries, w: Window) -> [f64; N_DURABILITY] {
    durability_valued(arm, base, w, &Valuation::default())
}

/// [`durability`], with net value and break-even priced by `value` (the scenario's
/// `[economics]`).
pub fn durability_valued(
    arm: &RunSeries,
    base: &RunSeries,
    w: Window,
    value: &Valuation,
) -> [f64; N_DURABILITY] {
    let horizon = arm.daily_b.len().min(base.daily_b.len()) as i64;
    let at = |t: i64| -> Option<usize> { (t >= 0 && t < horizon).then_some(t as usize) };
    let gain_b = |t: usize| arm.daily_b[t] - base.daily_b[t];
    let gain_nps = |t: usize| arm.daily_nps[t] - base.daily_nps[t];
    let nan = f64::NAN;
    let start = w.start.clamp(0, horizon - 1);
    let last = w.last.clamp(start, horizon - 1);

    // Peak of the gain in B from the programme's start to the horizon.
    let (mut t_peak, mut peak) = (start as usize, f64::NEG_INFINITY);
    for t in start as usize..horizon as usize {
        let g = gain_b(t);
        if g > peak {
            peak = g;
            t_peak = t;
        }
    }
    // Half-life: days from the programme's end until the gain has fallen to half of the
    // largest gain from that end on (the gain the programme leaves behind; for a long
    // programme whose effect already faded while it ran, the overall peak would give 0).
    // Censored at the horizon when it never halves; NaN when nothing is left to halve.
    let (mut t_ref, mut reference) = (last as usize, f64::NEG_INFINITY);
    for t in last as usize..horizon as usize {
        if gain_b(t) > reference {
            reference = gain_b(t);
            t_ref = t;
        }
    }
    let (half_life, censored) = if reference > 0.0 {
        match (t_ref..horizon as usize).find(|&t| gain_b(t) <= reference / 2.0) {
            Some(t) => ((t as i64 - last) as f64, 0.0),
            None => ((horizon - 1 - last) as f64, 1.0),
        }
    } else {
        (nan, nan)
    };
    let t6 = at(last + SIX_MONTHS);
    let t12 = at(last + TWELVE_MONTHS);
    let g6 = t6.map(gain_b).unwrap_or(nan);
    let g12 = t12.map(gain_b).unwrap_or(nan);
    let ratio = |g: f64, p: f64| if p > 0.0 { g / p } else { nan };
    let auc: f64 = (start as usize..horizon as usize).map(gain_b).sum();

    let mut peak_nps = f64::NEG_INFINITY;
    for t in start as usize..horizon as usize {
        peak_nps = peak_nps.max(gain_nps(t));
    }
    let nps6 = t6.map(gain_nps).unwrap_or(nan);
    let nps12 = t12.map(gain_nps).unwrap_or(nan);
    // Mean NPS gain from the programme's start to 12 months after its end: the return the
    // programme's cost buys.
    let until = t12.unwrap_or(horizon as usize - 1);
    let span = (until + 1).saturating_sub(start as usize).max(1) as f64;
    let mean_nps: f64 = (start as usize..=until).map(gain_nps).sum::<f64>() / span;
    let cost = arm.intervention_cost - base.intervention_cost;
    // Per point of gain bought: NaN when there is no gain to buy.
    let per_point = |gain: f64| if gain > 0.0 { cost / gain } else { nan };
    let cost_breaks = arm.rule_break_cost - base.rule_break_cost;
    let money = net_value(arm, base, w.start, value);

    DurabilityMetric::ALL.map(|m| match m {
        DurabilityMetric::PeakGainB => peak,
        DurabilityMetric::DaysToPeakB => (t_peak as i64 - start) as f64,
        DurabilityMetric::HalfLifeDaysB => half_life,
        DurabilityMetric::HalfLifeCensoredShareB => censored,
        DurabilityMetric::GainEndB => gain_b(last as usize),
        DurabilityMetric::Gain6mB => g6,
        DurabilityMetric::Gain12mB => g12,
        DurabilityMetric::Retained6mB => ratio(g6, peak),
        DurabilityMetric::Retained12mB => ratio(g12, peak),
        DurabilityMetric::AucGainB => auc,
        DurabilityMetric::EffectSizeDBPeak => cohens_d(arm, base, t_peak),
        DurabilityMetric::EffectSizeDBEnd => cohens_d(arm, base, last as usize),
        DurabilityMetric::EffectSizeDB12m => t12.map(|t| cohens_d(arm, base, t)).unwrap_or(nan),
        DurabilityMetric::PeakGainNps => peak_nps,
        DurabilityMetric::Gain6mNps => nps6,
        DurabilityMetric::Gain12mNps => nps12,
        DurabilityMetric::Retained12mNps => ratio(nps12, peak_nps),
        DurabilityMetric::MeanGainNps => mean_nps,
        DurabilityMetric::Cost => cost,
        DurabilityMetric::CostPerNpsPoint => per_point(mean_nps),
        DurabilityMetric::ExtraRuleBreakCost => cost_breaks,
        DurabilityMetric::CostPerLastingNpsPoint => per_point(nps12),
        DurabilityMetric::NetValue => money.net_value,
        DurabilityMetric::BreakEvenDays => money.break_even_days,
        DurabilityMetric::BreakEvenShare => money.broke_even,
    })
}

/// The baseline's own drift: mean of the last 20 days minus mean of the first 20.
pub fn baseline_drift(base: &RunSeries) -> [f64; N_BASELINE] {
    let drift = |x: &[f64]| {
        let k = 20.min(x.len()).max(1);
        let head: f64 = x[..k].iter().sum::<f64>() / k as f64;
        let tail: f64 = x[x.len() - k..].iter().sum::<f64>() / k as f64;
        tail - head
    };
    BaselineMetric::ALL.map(|m| match m {
        BaselineMetric::DriftB => drift(&base.daily_b),
        BaselineMetric::DriftNps => drift(&base.daily_nps),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DurabilityMetric::*;

    fn series(b: Vec<f64>) -> RunSeries {
        let n = b.len();
        RunSeries {
            daily_b: b,
            daily_b_var: vec![0.01; n],
            daily_nps: vec![0.0; n],
            ..RunSeries::default()
        }
    }

    #[test]
    fn half_life_of_an_exponential_decay_is_found() {
        let n = 600;
        let base = series(vec![0.5; n]);
        // Gain 0.1 at day 10 (programme's last day), halving every 100 days after.
        let arm = series(
            (0..n)
                .map(|t| {
                    if t < 10 {
                        0.5
                    } else {
                        0.5 + 0.1 * 0.5f64.powf((t as f64 - 10.0) / 100.0)
                    }
                })
                .collect(),
        );
        let d = durability(&arm, &base, Window { start: 5, last: 10 });
        assert!((d[PeakGainB] - 0.1).abs() < 1e-12);
        assert!(
            (100.0..=101.0).contains(&d[HalfLifeDaysB]),
            "half-life {}",
            d[HalfLifeDaysB]
        );
        assert_eq!(d[HalfLifeCensoredShareB], 0.0);
        assert!((d[Retained6mB] - 0.5f64.powf(1.25)).abs() < 1e-9);
        assert!((d[EffectSizeDBPeak] - 0.1 / 0.1).abs() < 1e-9);
    }

    #[test]
    fn a_gain_that_faded_during_a_long_programme_halves_from_what_is_left_at_its_end() {
        let n = 600;
        let base = series(vec![0.5; n]);
        // Peak 0.2 on day 20, down to 0.05 by the programme's end on day 200, then halving
        // every 50 days: the half-life is 50 days, not 0 ("already below half the peak").
        let gain = |t: usize| match t {
            0..20 => 0.0,
            20..200 => 0.2 - 0.15 * (t - 20) as f64 / 180.0,
            _ => 0.05 * 0.5f64.powf((t - 200) as f64 / 50.0),
        };
        let arm = series((0..n).map(|t| 0.5 + gain(t)).collect());
        let d = durability(
            &arm,
            &base,
            Window {
                start: 20,
                last: 200,
            },
        );
        assert!((d[PeakGainB] - 0.2).abs() < 1e-12, "peak {}", d[PeakGainB]);
        assert!(
            (50.0..=51.0).contains(&d[HalfLifeDaysB]),
            "half-life {}",
            d[HalfLifeDaysB]
        );
    }

    #[test]
    fn an_arm_without_a_gain_has_no_half_life() {
        let base = series(vec![0.5; 300]);
        let arm = series(vec![0.45; 300]);
        let d = durability(
            &arm,
            &base,
            Window {
                start: 10,
                last: 60,
            },
        );
        assert!(d[HalfLifeDaysB].is_nan() && d[HalfLifeCensoredShareB].is_nan());
    }

    #[test]
    fn a_gain_that_never_halves_is_censored_at_the_horizon() {
        let base = series(vec![0.5; 300]);
        let arm = series((0..300).map(|t| if t < 10 { 0.5 } else { 0.6 }).collect());
        let d = durability(
            &arm,
            &base,
            Window {
                start: 10,
                last: 60,
            },
        );
        assert_eq!(d[HalfLifeCensoredShareB], 1.0);
        assert_eq!(d[HalfLifeDaysB], 239.0);
        assert!(
            d[Gain12mB].is_nan(),
            "12 months after day 60 lies past a 300-day horizon"
        );
    }
}
