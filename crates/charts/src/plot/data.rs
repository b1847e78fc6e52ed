//! Loading of the simulation's result files into typed structs.
//!
//! Missing values (`NA`, empty, `NaN`, non-finite numbers) become `None`; anything else
//! that does not parse is reported as [`PlotError::MalformedCsv`] with its line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::metrics::survival::CensoredMedian;
use crate::output::manifest::read_manifest;
use crate::plot::error::PlotError;
use crate::text::{tr, Lang};

/// Working days per year in the simulation.
pub const DAYS_PER_YEAR: f64 = 250.0;
/// Working days per month (250 / 12 ≈ 20.83).
pub const DAYS_PER_MONTH: f64 = DAYS_PER_YEAR / 12.0;

/// Converts a working-day index into months.
pub fn day_to_month(day: f64) -> f64 {
    day / DAYS_PER_MONTH
}

/// Summary of one quantity across runs: mean, sd, 95 % CI and number of runs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stat {
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_lo: Option<f64>,
    pub ci_hi: Option<f64>,
    pub n: Option<u64>,
    /// For a censorable duration (the half-life), its Kaplan-Meier median across runs; its
    /// `mean` is then `None` whenever a run was censored.
    pub censored: Option<CensoredMedian>,
}

impl Stat {
    /// The value a chart places: the mean; for a censorable duration its Kaplan-Meier
    /// median, or where that is not reached the longest follow-up, which [`Stat::beyond`]
    /// then marks as a lower bound (drawn open, labelled "more than").
    pub fn centre(&self) -> Option<f64> {
        match &self.censored {
            Some(c) if c.n > 0 => Some(c.median.unwrap_or(c.followup)),
            Some(_) => None,
            None => self.mean,
        }
    }

    /// Whether [`Stat::centre`] is only a lower bound: a median not reached.
    pub fn beyond(&self) -> bool {
        self.censored
            .as_ref()
            .is_some_and(|c| c.n > 0 && c.median.is_none())
    }

    /// The interval a chart draws around [`Stat::centre`]: the t interval, or a censored
    /// median's interval with an upper end not reached drawn to the follow-up.
    pub fn centre_ci(&self) -> Option<(f64, f64)> {
        match &self.censored {
            Some(c) => Some((c.lo?, c.hi.unwrap_or(c.followup))),
            None => self.ci(),
        }
    }

    /// Both CI bounds, if present.
    pub fn ci(&self) -> Option<(f64, f64)> {
        Some((self.ci_lo?, self.ci_hi?))
    }
}

/// One recorded day of one metric of one arm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TsPoint {
    /// Working day since the start of the recorded period.
    pub day: f64,
    pub stat: Stat,
}

impl TsPoint {
    pub fn month(&self) -> f64 {
        day_to_month(self.day)
    }
}

/// Contents of `timeseries.csv`.
#[derive(Debug, Clone, Default)]
pub struct Timeseries {
    /// Arms in order of first appearance (scenario order, baseline first).
    pub arms: Vec<String>,
    /// Metrics in order of first appearance.
    pub metrics: Vec<String>,
    /// (metric, arm) → points sorted by day.
    series: BTreeMap<(String, String), Vec<TsPoint>>,
}

impl Timeseries {
    /// Points of `metric` for `arm`, sorted by day (empty if absent).
    pub fn series(&self, arm: &str, metric: &str) -> &[TsPoint] {
        self.series
            .get(&(metric.to_string(), arm.to_string()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether any arm has at least one finite mean for `metric`.
    pub fn has_metric(&self, metric: &str) -> bool {
        self.arms
            .iter()
            .any(|a| self.series(a, metric).iter().any(|p| p.stat.mean.is_some()))
    }

    /// Largest recorded day over all series (0 if empty).
    pub fn max_day(&self) -> f64 {
        self.series
            .values()
            .flat_map(|v| v.iter().map(|p| p.day))
            .fold(0.0, f64::max)
    }

    /// Number of rows loaded.
    pub fn len(&self) -> usize {
        self.series.values().map(Vec::len).sum()
    }

    /// Adds one point, kept in day order: how a series is built from in-memory results (the
    /// explorer) without a round trip through `timeseries.csv`.
    pub fn insert(&mut self, arm: &str, metric: &str, point: TsPoint) {
        push_unique(&mut self.arms, arm);
        push_unique(&mut self.metrics, metric);
        let v = self
            .series
            .entry((metric.to_string(), arm.to_string()))
            .or_default();
        let at = v.partition_point(|p| p.day <= point.day);
        v.insert(at, point);
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Contents of `durability.csv`.
#[derive(Debug, Clone, Default)]
pub struct Durability {
    /// Arms in order of first appearance.
    pub arms: Vec<String>,
    values: BTreeMap<(String, String), Stat>,
}

impl Durability {
    /// The statistic of `metric` for `arm`, if a row exists.
    pub fn get(&self, arm: &str, metric: &str) -> Option<&Stat> {
        self.values.get(&(arm.to_string(), metric.to_string()))
    }

    /// The mean of `metric` for `arm`, if present and not NA.
    pub fn mean(&self, arm: &str, metric: &str) -> Option<f64> {
        self.get(arm, metric).and_then(|s| s.mean)
    }

    /// Adds or replaces one statistic (the loader's path, and tests' way to build data).
    pub fn insert(&mut self, arm: &str, metric: &str, stat: Stat) {
        push_unique(&mut self.arms, arm);
        self.values
            .insert((arm.to_string(), metric.to_string()), stat);
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Everything the charts need from one results directory.
#[derive(Debug, Clone)]
pub struct RunData {
    /// Results directory the data came from.
    pub dir: PathBuf,
    /// What the intervals of this run cover.
    pub intervals: Intervals,
    /// Scenario name from `manifest.json`, else the directory name.
    pub scenario: String,
    /// All arms: time-series order first, then arms only present in `durability.csv`.
    pub arms: Vec<String>,
    pub timeseries: Timeseries,
    pub durability: Durability,
    /// When each arm's programme runs (empty when the directory has no scenario to say).
    pub windows: Vec<ProgrammeWindow>,
    /// Replication 0's teams from `teams.csv`, when the run wrote one.
    pub teams: Option<crate::plot::team_grid::TeamGrid>,
}

/// One intervention's days, on the recorded period's clock (day 0 = end of the burn-in):
/// what the time-series charts mark so a reader sees when a programme ran.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeWindow {
    pub arm: String,
    pub start_day: f64,
    /// First day after the intervention.
    pub end_day: f64,
}

/// The programme windows of `arms`, with the model's own rule for a missing `start` (the day
/// after the previous intervention of the arm ends).
pub fn programme_windows(arms: &[crate::experiment::scenario::ArmSpec]) -> Vec<ProgrammeWindow> {
    let mut out = Vec::new();
    for a in arms {
        let plan = crate::model::interventions::ArmPlan::resolve(&a.interventions, 0);
        for r in &plan.interventions {
            out.push(ProgrammeWindow {
                arm: a.name.clone(),
                start_day: r.start as f64,
                end_day: r.end as f64,
            });
        }
    }
    out
}

/// The programme windows of a manifest's scenario (its JSON tree); none when it has no arms
/// this build can read.
fn manifest_windows(scenario: Option<&serde_json::Value>) -> Vec<ProgrammeWindow> {
    scenario
        .and_then(|s| s.get("arms"))
        .and_then(|a| {
            serde_json::from_value::<Vec<crate::experiment::scenario::ArmSpec>>(a.clone()).ok()
        })
        .map(|arms| programme_windows(&arms))
        .unwrap_or_default()
}

/// What a run's intervals cover: chance alone (the replications of one parameter set), or
/// chance and what is not known about the organisation (`run --posterior`: each replication
/// with its own parameters drawn from a calibration's posterior). Every chart caption, table
/// and report sentence that names an interval takes its words from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Intervals {
    #[default]
    Chance,
    ChanceAndParameters,
}

impl Intervals {
    /// From the files of a run directory: `run --posterior` writes `posterior_draws.csv`.
    pub fn of_dir(dir: &Path) -> Intervals {
        if dir.join(crate::output::run::POSTERIOR_DRAWS).is_file() {
            Intervals::ChanceAndParameters
        } else {
            Intervals::Chance
        }
    }

    /// The interval in a few words, for captions: "95% CI" or what it covers.
    pub fn short(self) -> &'static str {
        match self {
            Intervals::Chance => "95% CI",
            Intervals::ChanceAndParameters => "95% interval (chance and parameter uncertainty)",
        }
    }

    /// The interval for a band's caption, which must fit a chart's width.
    pub fn band(self) -> &'static str {
        match self {
            Intervals::Chance => "95% confidence interval",
            Intervals::ChanceAndParameters => self.short(),
        }
    }

    /// [`Intervals::short`] in `lang`.
    pub fn short_in(self, lang: Lang) -> String {
        match self {
            Intervals::Chance => tr!(lang, "charts-interval-short"),
            Intervals::ChanceAndParameters => tr!(lang, "charts-interval-parameters"),
        }
    }

    /// [`Intervals::band`] in `lang`.
    pub fn band_in(self, lang: Lang) -> String {
        match self {
            Intervals::Chance => tr!(lang, "charts-interval-band"),
            Intervals::ChanceAndParameters => self.short_in(lang),
        }
    }

    /// The interval in full, for sentences.
    pub fn long(self) -> &'static str {
        match self {
            Intervals::Chance => "95% confidence interval",
            Intervals::ChanceAndParameters => {
                "95% interval over replications whose parameters are drawn from a calibration's posterior (it covers chance and what is not known about the organisation)"
            }
        }
    }
}

impl RunData {
    /// Position of `arm` in scenario order (used to give every arm a stable colour).
    pub fn arm_index(&self, arm: &str) -> usize {
        self.arms.iter().position(|a| a == arm).unwrap_or(0)
    }
}

#[derive(Debug, Deserialize)]
struct RawTsRow {
    arm: String,
    day: String,
    metric: String,
    mean: String,
    sd: String,
    ci_lo: String,
    ci_hi: String,
    n: String,
}

#[derive(Debug, Deserialize)]
struct RawDurRow {
    arm: String,
    metric: String,
    mean: String,
    sd: String,
    ci_lo: String,
    ci_hi: String,
    n: String,
    // The Kaplan-Meier columns (optional: files written before them, and hand-made ones,
    // lack them).
    #[serde(default)]
    km_median: String,
    #[serde(default)]
    km_lo: String,
    #[serde(default)]
    km_hi: String,
    #[serde(default)]
    followup: String,
    #[serde(default)]
    censored_share: String,
}

impl RawDurRow {
    /// The Kaplan-Meier estimate of a censorable row.
    fn censored(&self, n: Option<u64>) -> Result<Option<CensoredMedian>, String> {
        parse_censored(
            [
                &self.km_median,
                &self.km_lo,
                &self.km_hi,
                &self.followup,
                &self.censored_share,
            ],
            n,
        )
    }
}

/// The Kaplan-Meier columns `km_median,km_lo,km_hi,followup,censored_share` of a
/// `durability.csv` or `points.csv` row: present when `followup` is (NA in the median or a
/// bound then means not reached), `None` otherwise.
pub(crate) fn parse_censored(
    [median, lo, hi, followup, share]: [&str; 5],
    n: Option<u64>,
) -> Result<Option<CensoredMedian>, String> {
    let Some(followup) = parse_opt_f64(followup).map_err(|e| format!("followup: {e}"))? else {
        return Ok(None);
    };
    let share = parse_opt_f64(share)
        .map_err(|e| format!("censored_share: {e}"))?
        .ok_or("censored_share: missing beside followup")?;
    if !(0.0..=1.0).contains(&share) {
        return Err(format!("censored_share: {share} is not a share"));
    }
    let n = n.ok_or("n: missing beside followup")? as usize;
    Ok(Some(CensoredMedian {
        median: parse_opt_f64(median).map_err(|e| format!("km_median: {e}"))?,
        lo: parse_opt_f64(lo).map_err(|e| format!("km_lo: {e}"))?,
        hi: parse_opt_f64(hi).map_err(|e| format!("km_hi: {e}"))?,
        followup,
        n,
        censored: (share * n as f64).round() as usize,
    }))
}

const TS_COLUMNS: [&str; 8] = ["arm", "day", "metric", "mean", "sd", "ci_lo", "ci_hi", "n"];
const DUR_COLUMNS: [&str; 7] = ["arm", "metric", "mean", "sd", "ci_lo", "ci_hi", "n"];

fn is_missing(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || t.eq_ignore_ascii_case("na")
        || t.eq_ignore_ascii_case("nan")
        || t.eq_ignore_ascii_case("null")
        || t.eq_ignore_ascii_case("none")
}

/// Parses an optional float: missing markers and non-finite values give `None`.
pub(crate) fn parse_opt_f64(s: &str) -> Result<Option<f64>, String> {
    if is_missing(s) {
        return Ok(None);
    }
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{}` is not a number", s.trim()))?;
    Ok(v.is_finite().then_some(v))
}

fn parse_opt_u64(s: &str) -> Result<Option<u64>, String> {
    match parse_opt_f64(s)? {
        None => Ok(None),
        Some(v) if v >= 0.0 && v.fract() == 0.0 && v <= u64::MAX as f64 => Ok(Some(v as u64)),
        Some(_) => Err(format!("`{}` is not a run count", s.trim())),
    }
}

fn parse_stat(mean: &str, sd: &str, lo: &str, hi: &str, n: &str) -> Result<Stat, String> {
    Ok(Stat {
        mean: parse_opt_f64(mean).map_err(|e| format!("mean: {e}"))?,
        sd: parse_opt_f64(sd).map_err(|e| format!("sd: {e}"))?,
        ci_lo: parse_opt_f64(lo).map_err(|e| format!("ci_lo: {e}"))?,
        ci_hi: parse_opt_f64(hi).map_err(|e| format!("ci_hi: {e}"))?,
        n: parse_opt_u64(n).map_err(|e| format!("n: {e}"))?,
        censored: None,
    })
}

fn read_text(path: &Path) -> Result<String, PlotError> {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| PlotError::MalformedCsv {
            path: path.to_path_buf(),
            line: 0,
            message: format!("not UTF-8: {e}"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(PlotError::MissingFile {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(PlotError::io(path, e)),
    }
}

/// The message of a CSV error, without the position the caller reports itself.
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields, found {len}"),
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        _ => e.to_string(),
    }
}

fn csv_error(path: &Path, e: &csv::Error, fallback_line: u64) -> PlotError {
    PlotError::MalformedCsv {
        path: path.to_path_buf(),
        line: e.position().map(|p| p.line()).unwrap_or(fallback_line),
        message: csv_message(e),
    }
}

/// Reads a result file written by undercurrent (or edited by hand): the one CSV reader of
/// the charts and the report. The text must be UTF-8; a byte-order mark (spreadsheets add
/// one) is dropped, fields are trimmed and blank lines skipped. `header` checks the header
/// row and returns what the rows need of it; `row` gets each record with its 1-based line.
/// A message returned by either is reported at its line as [`PlotError::MalformedCsv`].
pub fn read_records<H>(
    path: &Path,
    header: impl FnOnce(&csv::StringRecord) -> Result<H, String>,
    mut row: impl FnMut(&H, &csv::StringRecord, u64) -> Result<(), String>,
) -> Result<H, PlotError> {
    let text = read_text(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let malformed = |line: u64, message: String| PlotError::MalformedCsv {
        path: path.to_path_buf(),
        line,
        message,
    };
    let headers = rdr.headers().map_err(|e| csv_error(path, &e, 1))?;
    let h = header(headers).map_err(|m| malformed(1, m))?;
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(path, &e, 0)),
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        // Skip blank lines (a record of one empty field).
        if record.len() == 1 && record[0].is_empty() {
            continue;
        }
        row(&h, &record, line).map_err(|m| malformed(line, m))?;
    }
    Ok(h)
}

/// Reads a CSV with a required set of columns, calling `row` for each record with its line.
pub(crate) fn read_csv<T, F>(path: &Path, columns: &[&str], mut row: F) -> Result<(), PlotError>
where
    T: for<'de> Deserialize<'de>,
    F: FnMut(T, u64) -> Result<(), String>,
{
    let header = |headers: &csv::StringRecord| {
        if headers.is_empty() || (headers.len() == 1 && headers[0].is_empty()) {
            return Err(format!(
                "empty file, expected header `{}`",
                columns.join(",")
            ));
        }
        let missing: Vec<&str> = columns
            .iter()
            .copied()
            .filter(|c| !headers.iter().any(|h| h == *c))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "header lacks column(s) {}; expected `{}`",
                missing.join(", "),
                columns.join(",")
            ));
        }
        Ok(headers.clone())
    };
    read_records(path, header, |headers, record, line| {
        let value: T = record
            .deserialize(Some(headers))
            .map_err(|e| csv_message(&e))?;
        row(value, line)
    })?;
    Ok(())
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

/// Loads `timeseries.csv` (header `arm,day,metric,mean,sd,ci_lo,ci_hi,n`).
pub fn load_timeseries(path: &Path) -> Result<Timeseries, PlotError> {
    let mut ts = Timeseries::default();
    read_csv(path, &TS_COLUMNS, |r: RawTsRow, _line| {
        if r.arm.is_empty() {
            return Err("empty arm".into());
        }
        if r.metric.is_empty() {
            return Err("empty metric".into());
        }
        let day = parse_opt_f64(&r.day)
            .map_err(|e| format!("day: {e}"))?
            .ok_or_else(|| "day is missing".to_string())?;
        let stat = parse_stat(&r.mean, &r.sd, &r.ci_lo, &r.ci_hi, &r.n)?;
        push_unique(&mut ts.arms, &r.arm);
        push_unique(&mut ts.metrics, &r.metric);
        ts.series
            .entry((r.metric, r.arm))
            .or_default()
            .push(TsPoint { day, stat });
        Ok(())
    })?;
    for v in ts.series.values_mut() {
        v.sort_by(|a, b| a.day.total_cmp(&b.day));
    }
    Ok(ts)
}

/// Loads `durability.csv` (header `arm,metric,mean,sd,ci_lo,ci_hi,n`).
pub fn load_durability(path: &Path) -> Result<Durability, PlotError> {
    let mut d = Durability::default();
    read_csv(path, &DUR_COLUMNS, |r: RawDurRow, _line| {
        if r.arm.is_empty() {
            return Err("empty arm".into());
        }
        if r.metric.is_empty() {
            return Err("empty metric".into());
        }
        let mut stat = parse_stat(&r.mean, &r.sd, &r.ci_lo, &r.ci_hi, &r.n)?;
        stat.censored = r.censored(stat.n)?;
        d.insert(&r.arm, &r.metric, stat);
        Ok(())
    })?;
    Ok(d)
}

/// Loads `timeseries.csv`, `durability.csv`, (optionally) `manifest.json` and, when the run
/// wrote it, the team grid of `teams.csv` from `dir`: what the charts and the report draw.
pub fn load_run_dir(dir: &Path) -> Result<RunData, PlotError> {
    let mut data = load_run_series(dir)?;
    data.teams = crate::plot::team_grid::load_team_grid(dir)?;
    Ok(data)
}

/// [`load_run_dir`] without the team grid, for what shows no team chart (the summary):
/// `teams.csv` can be the largest file of a run and is not read.
pub fn load_run_series(dir: &Path) -> Result<RunData, PlotError> {
    let timeseries = load_timeseries(&dir.join("timeseries.csv"))?;
    let durability = load_durability(&dir.join("durability.csv"))?;
    let manifest = read_manifest(dir)?;
    let windows = manifest_windows(manifest.as_ref().and_then(|m| m.scenario.as_ref()));
    let scenario = match manifest.and_then(|m| m.scenario_name()) {
        Some(name) => name,
        None => dir_name(dir),
    };
    let mut arms = timeseries.arms.clone();
    for a in &durability.arms {
        push_unique(&mut arms, a);
    }
    Ok(RunData {
        dir: dir.to_path_buf(),
        intervals: Intervals::of_dir(dir),
        scenario,
        arms,
        timeseries,
        durability,
        windows,
        teams: None,
    })
}

fn dir_name(dir: &Path) -> String {
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    canonical
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "results".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_markers() {
        assert_eq!(parse_opt_f64("NA").unwrap(), None);
        assert_eq!(parse_opt_f64("").unwrap(), None);
        assert_eq!(parse_opt_f64(" nan ").unwrap(), None);
        assert_eq!(parse_opt_f64("inf").unwrap(), None);
        assert_eq!(parse_opt_f64("0.25").unwrap(), Some(0.25));
        assert!(parse_opt_f64("abc").is_err());
        assert_eq!(parse_opt_u64("30").unwrap(), Some(30));
        assert_eq!(parse_opt_u64("30.0").unwrap(), Some(30));
        assert!(parse_opt_u64("2.5").is_err());
    }

    #[test]
    fn months() {
        assert!((day_to_month(250.0) - 12.0).abs() < 1e-12);
    }
}
