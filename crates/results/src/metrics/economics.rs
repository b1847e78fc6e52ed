//! Cost against benefit in money: what an arm's gain is worth over the recorded horizon, set
//! against what it cost, per replication and against its paired baseline. Only computed when
//! the scenario's `[economics]` section says what a customer or an NPS point is worth; the
//! model cannot know that figure, so without it these statistics are left out rather than
//! guessed.

use super::recorder::RunSeries;
use super::registry::Metric;
use crate::model::params::EconomicsParams;

/// Working days in a year: a value per year becomes a value per day by this divisor.
pub const DAYS_PER_YEAR: f64 = 250.0;

/// What one unit of gain is worth per year, as the scenario gives it (at most one of the
/// two: validation refuses both, which would count one benefit twice).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Valuation {
    /// Euro per active customer above baseline per year.
    pub per_customer_year: Option<f64>,
    /// Euro per NPS point above baseline per year.
    pub per_nps_point_year: Option<f64>,
}

impl Valuation {
    pub fn from_params(e: &EconomicsParams) -> Valuation {
        Valuation {
            per_customer_year: e.value_per_customer_per_year,
            per_nps_point_year: e.value_per_nps_point_per_year,
        }
    }

    /// Whether the scenario gave a value (and so net value and break-even exist).
    pub fn is_given(&self) -> bool {
        self.per_customer_year.is_some() || self.per_nps_point_year.is_some()
    }
}

/// An arm's cost against benefit in one replication (NaN where there is no valuation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetValue {
    /// Value of the gain from the programme's start to the horizon, minus the intervention
    /// cost and the extra rule-break cost over baseline (euro).
    pub net_value: f64,
    /// Working days from the programme's start to the recorded day from which the cumulative
    /// net value stays at or above zero to the horizon; NaN when it ends below zero.
    pub break_even_days: f64,
    /// 1 when the net value broke even within the horizon, 0 when not.
    pub broke_even: f64,
}

impl NetValue {
    const NONE: NetValue = NetValue {
        net_value: f64::NAN,
        break_even_days: f64::NAN,
        broke_even: f64::NAN,
    };
}

/// The cumulative net value of `arm` over `base` on each recorded day from `start` on:
/// `(day, euro)`. The benefit accrues per recorded day for the days since the previous
/// record (the recorded series are what the charts show, so the money follows them); costs
/// are the cumulative intervention and rule-break costs of the arm minus the baseline's.
pub fn cumulative_net_value(
    arm: &RunSeries,
    base: &RunSeries,
    start: i64,
    v: &Valuation,
) -> Vec<(i64, f64)> {
    let per_customer = v.per_customer_year.unwrap_or(0.0) / DAYS_PER_YEAR;
    let per_point = v.per_nps_point_year.unwrap_or(0.0) / DAYS_PER_YEAR;
    let gain = |r: usize, m: Metric| arm.value(r, m.index()) - base.value(r, m.index());
    let n = arm.days.len().min(base.days.len());
    let mut out = Vec::with_capacity(n);
    let mut benefit = 0.0;
    let mut previous = start - 1;
    for r in 0..n {
        let day = arm.days[r];
        if day < start {
            continue;
        }
        let covered = (day - previous) as f64;
        previous = day;
        let mut rate = 0.0;
        if per_customer != 0.0 {
            rate += per_customer * gain(r, Metric::ActiveCustomers);
        }
        if per_point != 0.0 {
            rate += per_point * gain(r, Metric::Nps);
        }
        benefit += covered * rate;
        let cost = gain(r, Metric::CostInterventionsCumulative)
            + gain(r, Metric::CostRuleBreaksCumulative);
        out.push((day, benefit - cost));
    }
    out
}

/// Net value and break-even of one arm against its baseline; NaN when `v` gives no value.
pub fn net_value(arm: &RunSeries, base: &RunSeries, start: i64, v: &Valuation) -> NetValue {
    if !v.is_given() {
        return NetValue::NONE;
    }
    let path = cumulative_net_value(arm, base, start, v);
    let Some(&(_, last)) = path.last() else {
        return NetValue::NONE;
    };
    if last < 0.0 {
        return NetValue {
            net_value: last,
            break_even_days: f64::NAN,
            broke_even: 0.0,
        };
    }
    // The day after the last one below zero (the programme's start when none was).
    let from = path
        .iter()
        .rposition(|&(_, x)| x < 0.0)
        .map_or(start, |i| path[i + 1].0);
    NetValue {
        net_value: last,
        break_even_days: (from - start) as f64,
        broke_even: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::recorder::N_METRICS;

    /// A run recorded every `every` days whose customers, NPS and costs follow the closures.
    fn run(
        days: i64,
        every: i64,
        customers: impl Fn(i64) -> f64,
        nps: impl Fn(i64) -> f64,
        cost: impl Fn(i64) -> f64,
    ) -> RunSeries {
        let mut s = RunSeries::default();
        for d in (0..days).step_by(every as usize) {
            let mut row = [0.0; N_METRICS];
            row[Metric::ActiveCustomers.index()] = customers(d);
            row[Metric::Nps.index()] = nps(d);
            row[Metric::CostInterventionsCumulative.index()] = cost(d);
            s.days.push(d);
            s.values.extend_from_slice(&row);
        }
        s
    }

    #[test]
    fn a_programme_breaks_even_on_the_day_its_value_passes_its_cost() {
        // 100 customers more from day 50 on, worth 250 euro a year each (100 euro a day in
        // all); the programme costs 10,000 euro on day 50: value reaches cost on day 149.
        let base = run(500, 1, |_| 1000.0, |_| 0.0, |_| 0.0);
        let arm = run(
            500,
            1,
            |d| if d >= 50 { 1100.0 } else { 1000.0 },
            |_| 0.0,
            |d| if d >= 50 { 10_000.0 } else { 0.0 },
        );
        let v = Valuation {
            per_customer_year: Some(250.0),
            per_nps_point_year: None,
        };
        let nv = net_value(&arm, &base, 50, &v);
        assert_eq!(nv.broke_even, 1.0);
        assert_eq!(nv.break_even_days, 99.0, "100 days of 100 euro from day 50");
        assert!((nv.net_value - (450.0 * 100.0 - 10_000.0)).abs() < 1e-6);
    }

    #[test]
    fn a_programme_whose_value_never_reaches_its_cost_does_not_break_even() {
        // One NPS point more, worth 1,000 euro (4 euro a working day) a year, over the 496
        // days up to the last record (day 495): 1,984 euro against 10,000 euro of cost.
        let base = run(500, 5, |_| 1000.0, |_| 10.0, |_| 0.0);
        let arm = run(500, 5, |_| 1000.0, |_| 11.0, |_| 10_000.0);
        let v = Valuation {
            per_customer_year: None,
            per_nps_point_year: Some(1000.0),
        };
        let nv = net_value(&arm, &base, 0, &v);
        assert_eq!(nv.broke_even, 0.0);
        assert!(nv.break_even_days.is_nan());
        assert!(
            (nv.net_value - (496.0 * 4.0 - 10_000.0)).abs() < 1e-6,
            "{nv:?}"
        );
    }

    #[test]
    fn without_a_value_there_is_no_net_value() {
        let base = run(100, 5, |_| 1000.0, |_| 10.0, |_| 0.0);
        let nv = net_value(&base, &base, 0, &Valuation::default());
        assert!(nv.net_value.is_nan() && nv.break_even_days.is_nan() && nv.broke_even.is_nan());
    }
}
