//! Turns the daily totals of a run into the recorded metrics of MODEL.md section 5.
//!
//! Flows (contacts, rule breaks, churn, ...) are accumulated over the whole recording
//! interval, so a coarse interval loses no event; stocks (state means, NPS window, customers)
//! are read on the recorded day itself.

use crate::model::customers::nps;
use crate::model::drives::N_DRIVES;
use crate::model::simulation::add;
use crate::model::team::TeamDay;

/// Metrics recorded per recorded day, in output order.
pub const METRICS: [&str; DRIVE_METRICS_AT + N_DRIVES] = [
    "B",
    "K",
    "A",
    "N",
    "H",
    "E",
    "U",
    "P",
    "recognition_share",
    "strong_norm_share",
    "oriented_share",
    "gamed_per_1000",
    "mean_score",
    "nps",
    "promoter_share",
    "detractor_share",
    "rule_breaks_per_1000",
    "alternatives_per_1000",
    "rewards_per_1000",
    "active_customers",
    "churned_per_day",
    "referred_per_day",
    "leavers_per_day",
    "cost_interventions_cumulative",
    "cost_rule_breaks_cumulative",
    "cost_cumulative",
    "employees",
    "alignment",
    "feedback_minded_share",
    "N_feedback_minded",
    "B_purple",
    "B_red",
    "B_blue",
    "B_orange",
    "B_green",
    "B_yellow",
    "B_turquoise",
];

/// Index of the first per-drive metric (`B_purple`).
pub const DRIVE_METRICS_AT: usize = 30;

/// Number of recorded metrics.
pub const N_METRICS: usize = METRICS.len();

/// Index of a metric by name.
pub fn metric_index(name: &str) -> Option<usize> {
    METRICS.iter().position(|m| *m == name)
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
        let f = &self.since_last;
        let n = t.employees.max(1) as f64;
        let contacts = f.contacts.max(1) as f64;
        let days = self.days_since_last.max(1) as f64;
        let w = t.nps_window;
        let scored = w[2].max(1) as f64;
        let mut row = [0.0f64; N_METRICS];
        for (r, s) in row.iter_mut().zip(t.state_sums) {
            *r = s / n;
        }
        row[8] = t.recognised as f64 / n;
        row[9] = t.strong_norm as f64 / n;
        row[10] = f.oriented as f64 / contacts;
        row[11] = 1000.0 * f.gamed as f64 / contacts;
        row[12] = f.score_sum as f64 / contacts;
        row[13] = nps(w[0], w[1], w[2]);
        row[14] = w[0] as f64 / scored;
        row[15] = w[1] as f64 / scored;
        row[16] = 1000.0 * f.breaks as f64 / contacts;
        row[17] = 1000.0 * f.alternatives as f64 / contacts;
        row[18] = 1000.0 * f.rewards as f64 / contacts;
        row[19] = t.customers as f64;
        row[20] = f.churned as f64 / days;
        row[21] = f.referred as f64 / days;
        row[22] = f.leavers as f64 / days;
        row[23] = self.cost_interventions;
        row[24] = self.cost_breaks;
        row[25] = self.cost_interventions + self.cost_breaks;
        row[26] = t.employees as f64;
        row[27] = t.alignment_sum / n;
        row[28] = t.feedback_minded as f64 / n;
        row[29] = if t.feedback_minded > 0 {
            t.feedback_minded_norm_sum / t.feedback_minded as f64
        } else {
            f64::NAN
        };
        for d in 0..N_DRIVES {
            row[DRIVE_METRICS_AT + d] = if t.drive_n[d] > 0 {
                t.drive_b[d] / t.drive_n[d] as f64
            } else {
                f64::NAN
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::drives::DRIVE_NAMES;

    #[test]
    fn drive_metrics_follow_the_drive_names() {
        for (d, name) in DRIVE_NAMES.iter().enumerate() {
            assert_eq!(METRICS[DRIVE_METRICS_AT + d], format!("B_{name}"));
        }
    }
}
