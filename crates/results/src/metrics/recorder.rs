//! Turns the daily totals of a run into the recorded metrics (docs/model.md section 7.10).
//!
//! Flows (contacts, rule breaks, churn, ...) are accumulated over the whole recording
//! interval, so a coarse interval loses no event; stocks (state means, NPS window, customers)
//! are read on the recorded day itself.

use super::registry::{Flows, Recorded, Stocks, N_RECORDED, RECORDED_NAMES};
use crate::model::customers::nps;
use crate::model::simulation::add;
use crate::model::team::TeamDay;

/// Metrics recorded per recorded day, in output order (declared in [`super::registry`]).
pub const METRICS: [&str; N_METRICS] = RECORDED_NAMES;

/// Number of recorded metrics.
pub const N_METRICS: usize = N_RECORDED;

/// Index of a metric by name.
pub fn metric_index(name: &str) -> Option<usize> {
    Recorded::from_name(name).map(Recorded::index)
}

/// What one arm of one replication produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunSeries {
    /// Recorded days.
    pub days: Vec<i64>,
    /// `days.len() × N_METRICS` values, row-major.
    pub values: Vec<f64>,
    /// Every day: mean of B across employees.
    pub daily_b: Vec<f64>,
    /// Every day: variance of B across employees (population).
    pub daily_b_var: Vec<f64>,
    /// Every day: NPS over the rolling window.
    pub daily_nps: Vec<f64>,
    /// Total intervention cost of the run (euro).
    pub intervention_cost: f64,
    /// Total cost of rule breaks in the run (euro).
    pub rule_break_cost: f64,
}

impl RunSeries {
    pub fn value(&self, record: usize, metric: usize) -> f64 {
        self.values[record * N_METRICS + metric]
    }
}

/// Accumulates one run's days into a [`RunSeries`].
#[derive(Debug, Clone)]
pub struct Recorder {
    record_every: i64,
    horizon: i64,
    since_last: TeamDay,
    days_since_last: u32,
    cost_interventions: f64,
    cost_breaks: f64,
    break_cost: f64,
    series: RunSeries,
}

impl Recorder {
    pub fn new(horizon: i64, record_every: i64, break_cost: f64) -> Self {
        let records = (horizon / record_every.max(1) + 2) as usize;
        Recorder {
            record_every: record_every.max(1),
            horizon,
            since_last: TeamDay::default(),
            days_since_last: 0,
            cost_interventions: 0.0,
            cost_breaks: 0.0,
            break_cost,
            series: RunSeries {
                days: Vec::with_capacity(records),
                values: Vec::with_capacity(records * N_METRICS),
                daily_b: Vec::with_capacity(horizon as usize),
                daily_b_var: Vec::with_capacity(horizon as usize),
                daily_nps: Vec::with_capacity(horizon as usize),
                intervention_cost: 0.0,
                rule_break_cost: 0.0,
            },
        }
    }

    /// Recorded days: every `record_every`-th day from day 0, and the last day.
    pub fn is_record_day(&self, day: i64) -> bool {
        day % self.record_every == 0 || day == self.horizon - 1
    }

    pub fn on_day(&mut self, day: i64, t: &TeamDay, record: bool) {
        let n = t.employees.max(1) as f64;
        let mean_b = t.sum_b / n;
        self.series.daily_b.push(mean_b);
        self.series
            .daily_b_var
            .push((t.sum_b2 / n - mean_b * mean_b).max(0.0));
        let w = t.nps_window;
        self.series.daily_nps.push(nps(w[0], w[1], w[2]));
        self.cost_interventions += t.cost_interventions;
        self.cost_breaks += t.breaks as f64 * self.break_cost;
        add(&mut self.since_last, t);
        self.days_since_last += 1;
        if record {
            self.record(day, t);
        }
    }

    fn record(&mut self, day: i64, t: &TeamDay) {
        let stocks = Stocks {
            today: t,
            cost_interventions: self.cost_interventions,
            cost_rule_breaks: self.cost_breaks,
        };
        let flows = Flows {
            since_last: &self.since_last,
            days: self.days_since_last,
        };
        let mut row = [0.0f64; N_METRICS];
        for (v, metric) in row.iter_mut().zip(Recorded::all()) {
            *v = metric.compute(&stocks, &flows);
        }
        self.series.days.push(day);
        self.series.values.extend_from_slice(&row);
        self.since_last = TeamDay::default();
        self.days_since_last = 0;
    }

    pub fn finish(mut self) -> RunSeries {
        self.series.intervention_cost = self.cost_interventions;
        self.series.rule_break_cost = self.cost_breaks;
        self.series
    }
}
