//! `report.html`: one self-contained file a consultant can mail or open offline. Charts are
//! inline SVG, styles are inline, there is no script and no reference to any other file, so
//! the report shows the same on any machine years later.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::reading::{arm_label, focus, reading, Focus};
use crate::experiment::scenario::Scenario;
use crate::metrics::registry::DurabilityMetric;
use crate::metrics::survival::CensoredMedian;
use crate::model::days::Days;
use crate::output::files::write_atomic;
use crate::output::manifest::{read_manifest, ManifestError, ManifestRecord};
use crate::plot::data::{Durability, Intervals, RunData, Stat, DAYS_PER_MONTH};
use crate::plot::{self, ChartKind, PlotError};

/// Everything that can stop a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Plot(#[from] PlotError),
    #[error("malformed JSON {}: {message}", path.display())]
    Manifest { path: PathBuf, message: String },
    #[error("writing {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ReportError {
    /// Whether the user's input is at fault (exit code 2) rather than the machine (1).
    pub fn is_input_error(&self) -> bool {
        match self {
            ReportError::Plot(e) => e.is_input_error(),
            ReportError::Manifest { .. } => true,
            ReportError::Write { .. } => false,
        }
    }
}

/// Time series shown in the main part of the report; every other chart follows in a
/// collapsed section, so the board sees the four outcomes first.
const MAIN_SERIES: [&str; 6] = [
    "B",
    "gain_B",
    "N",
    "nps",
    "gain_nps",
    "rule_breaks_per_1000",
];

/// Durability columns of the report table: metric, heading, scale (days → months), unit.
/// (The headings are this table's own short wording; titles and units are in the registry.)
const TABLE: [(DurabilityMetric, &str, Scale); 8] = [
    (DurabilityMetric::PeakGainB, "peak gain in B", Scale::Plain),
    (
        DurabilityMetric::DaysToPeakB,
        "time to peak (months)",
        Scale::Months,
    ),
    (
        DurabilityMetric::HalfLifeDaysB,
        "half-life (months)",
        Scale::Months,
    ),
    (
        DurabilityMetric::Gain6mB,
        "gain in B at 6 months",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Gain12mB,
        "gain in B at 12 months",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Retained12mB,
        "kept at 12 months",
        Scale::Percent,
    ),
    (
        DurabilityMetric::MeanGainNps,
        "mean NPS gain (points)",
        Scale::Plain,
    ),
    (
        DurabilityMetric::CostPerNpsPoint,
        "euro per point of mean NPS gain",
        Scale::Plain,
    ),
];

#[derive(Clone, Copy)]
pub(super) enum Scale {
    Plain,
    Months,
    Percent,
}

impl Scale {
    fn fmt(self, x: f64) -> String {
        match self {
            Scale::Plain => crate::numbers::sig(x),
            Scale::Months => crate::numbers::fixed(x / DAYS_PER_MONTH, 1),
            Scale::Percent => crate::numbers::percent(x),
        }
    }
}

const STYLE: &str = "
body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em} h2{margin-top:2em;border-bottom:2px solid #0072B2;padding-bottom:.2em}
.sub{color:#555;margin-top:0} table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f2f6fa} td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ci{color:#666;font-size:.85em} figure{margin:1.5em 0} figure svg{width:100%;height:auto;border:1px solid #eee}
figcaption{color:#555;font-size:.9em} .changed{font-weight:bold;color:#B35900}
.verdict{display:block;margin-top:.3em} .verdict.agrees{color:#006D4E} .verdict.disagrees{color:#B35900} .verdict.undecided{color:#555}
.reading p{margin:.4em 0} .reading h3{margin-bottom:.2em} code{background:#f4f4f4;padding:0 .2em}
@page{size:A4;margin:16mm 14mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}h2{break-after:avoid;page-break-after:avoid;margin-top:1.2em}h3{break-after:avoid;page-break-after:avoid}figure,tr,.reading p,.reading h3+p{break-inside:avoid;page-break-inside:avoid}details>summary{display:none}details::details-content{display:block;content-visibility:visible}.screen-only{display:none}a{color:inherit;text-decoration:none}}
";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The directory's manifest, if it has one; a malformed one stops the report.
pub(super) fn load_manifest(dir: &Path) -> Result<Option<ManifestRecord>, ReportError> {
    read_manifest(dir).map_err(|e| match e {
        ManifestError::Malformed { path, message } => ReportError::Manifest { path, message },
        io => PlotError::from(io).into(),
    })
}

/// The arms as a reader names them: `baseline, training only, …`.
fn arm_list(arms: &[String]) -> String {
    arms.iter()
        .map(|a| arm_label(a))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A manifest's text field as shown: empty when absent.
pub(super) fn text(field: Option<&String>) -> String {
    field.cloned().unwrap_or_default()
}

/// A manifest's number as shown: as JSON writes it (`0.5`, `20.0`), empty when absent.
pub(super) fn number<T: Into<Value>>(field: Option<T>) -> String {
    field.map(|x| cell(&x.into())).unwrap_or_default()
}

/// `undercurrent 0.1.0 (commit …)` from a manifest; a build with uncommitted changes says so,
/// since its commit alone does not say what ran.
pub(super) fn produced_by(m: Option<&ManifestRecord>) -> String {
    let dirty = if m.and_then(|m| m.git_dirty) == Some(true) {
        " with uncommitted changes"
    } else {
        ""
    };
    format!(
        "{} {} (commit {}{dirty})",
        text(m.and_then(|m| m.tool.as_ref())),
        text(m.and_then(|m| m.version.as_ref())),
        text(m.and_then(|m| m.git_commit.as_ref()))
    )
}

/// The document head up to `<body>`: title and the inline style sheet.
pub(super) fn head(html: &mut String, title: &str) {
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        escape(title)
    );
}

/// A two-column table of labelled values.
pub(super) fn key_value_table(html: &mut String, rows: &[(&str, String)]) {
    html.push_str("<table>");
    for (k, v) in rows {
        let _ = write!(
            html,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(k),
            escape(v)
        );
    }
    html.push_str("</table>");
}

/// A chart's SVG as an inline `<figure>`. HTML5 puts inline `<svg>` in the SVG namespace by
/// itself; dropping the namespace URI leaves the report without a single outside address.
pub(super) fn inline_figure(html: &mut String, id: &str, svg: &str, caption: Option<&str>) {
    let svg = svg
        .trim()
        .replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    let caption = caption
        .map(|c| format!("<figcaption>{}</figcaption>", escape(c)))
        .unwrap_or_default();
    let _ = write!(
        html,
        "<figure id=\"{}\">{svg}{caption}</figure>",
        escape(id)
    );
}

fn cell(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}

/// Flattens nested JSON into `(dotted.key, value)` pairs in document order.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        other => out.push((prefix.to_string(), other.clone())),
    }
}

fn summary_section(html: &mut String, m: Option<&ManifestRecord>, data: &RunData) {
    let sc = m.and_then(|m| m.scenario.as_ref());
    let get = |k: &str| sc.and_then(|s| s.get(k)).map(cell).unwrap_or_default();
    let org = |k: &str| {
        sc.and_then(|s| s.get("organisation"))
            .and_then(|o| o.get(k))
            .map(cell)
            .unwrap_or_else(|| "—".into())
    };
    let _ = writeln!(
        html,
        "<h1>{}</h1><p class=\"sub\">{}</p>",
        escape(&data.scenario),
        escape(&get("description"))
    );
    let horizon = sc
        .and_then(|s| s.get("horizon_days"))
        .and_then(Value::as_f64)
        .map(|d| format!("{d:.0} working days ({:.0} months)", d / DAYS_PER_MONTH))
        .unwrap_or_else(|| "—".into());
    let rows = [
        ("employees", org("employees")),
        ("team size", org("team_size")),
        ("replications per arm", get("replications")),
        ("master seed", get("seed")),
        ("recorded horizon", horizon),
        (
            "burn-in (not recorded)",
            format!("{} working days", get("burn_in_days")),
        ),
        ("arms", arm_list(&data.arms)),
        ("produced by", produced_by(m)),
        ("command", text(m.and_then(|m| m.command.as_ref()))),
        ("run finished", text(m.and_then(|m| m.finished.as_ref()))),
    ];
    html.push_str("<h2>Scenario</h2>");
    key_value_table(html, &rows);
}

fn reading_section(html: &mut String, data: &RunData) {
    let paragraphs = reading(&data.durability, &data.arms);
    if paragraphs.is_empty() {
        return;
    }
    html.push_str("<h2>What the numbers say</h2><div class=\"reading\">");
    html.push_str(
        "<p>Every intervention arm starts from the same organisation with the same random draws as the baseline arm (common random numbers); a gain is the paired difference to that baseline. ",
    );
    match data.intervals {
        Intervals::Chance => {
            html.push_str("Ranges are 95% confidence intervals over replications.</p>")
        }
        Intervals::ChanceAndParameters => {
            let _ = write!(html, "Ranges are the {}.</p>", data.intervals.long());
        }
    }
    for p in paragraphs {
        let _ = write!(
            html,
            "<h3>{}</h3><p>{}</p>",
            escape(&p.heading),
            escape(&p.sentences.join(" "))
        );
    }
    html.push_str("</div>");
}

pub(super) fn stat_cell(s: Option<&Stat>, scale: Scale) -> String {
    if let Some(c) = s.and_then(|s| s.censored.as_ref()).filter(|c| c.n > 0) {
        return censored_cell(c, scale);
    }
    match s.and_then(|s| s.mean.map(|m| (m, s.ci()))) {
        Some((m, Some((lo, hi)))) => format!(
            "<td class=\"n\">{}<br><span class=\"ci\">[{}, {}]</span></td>",
            scale.fmt(m),
            scale.fmt(lo),
            scale.fmt(hi)
        ),
        Some((m, None)) => format!("<td class=\"n\">{}</td>", scale.fmt(m)),
        None => "<td class=\"n\">NA</td>".into(),
    }
}

/// A censorable duration's cell: its Kaplan-Meier median (`more than X` when not reached),
/// its interval (an end not reached written so), and the replications censored.
fn censored_cell(c: &CensoredMedian, scale: Scale) -> String {
    let f = |x: f64| scale.fmt(x);
    let end = |x: Option<f64>| x.map_or_else(|| "not reached".to_string(), f);
    let (head, interval) = match c.median {
        Some(m) => (f(m), format!("[{}, {}]", end(c.lo), end(c.hi))),
        None => (
            format!("more than {}", f(c.followup)),
            match c.lo {
                Some(lo) => format!("[{}, not reached]", f(lo)),
                None => "interval not reached".to_string(),
            },
        ),
    };
    let note = if c.censored > 0 {
        format!(
            "<br><span class=\"ci\">{}</span>",
            escape(&c.censored_note())
        )
    } else {
        String::new()
    };
    format!(
        "<td class=\"n censored\">{}<br><span class=\"ci\">{}</span>{note}</td>",
        escape(&head),
        escape(&interval)
    )
}

fn durability_section(html: &mut String, d: &Durability, arms: &[String], intervals: Intervals) {
    let shown: Vec<&String> = arms
        .iter()
        .filter(|a| d.get(a, DurabilityMetric::PeakGainB.name()).is_some())
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = write!(html, "<h2>Durability</h2><p>Mean over replications with its {} in brackets. Months are months of working days (250 a year); 6 and 12 months count from the last day of the programme. The half-life can run past the recorded period (censored); it is the Kaplan-Meier median over replications with its 95% Brookmeyer-Crowley interval, \"more than\" the recorded months when half the replications or more had not halved by then, and the number of replications censored beneath it.{}</p><table><tr><th>arm</th>", intervals.long(), if focus(d, arms) == Focus::RuleBreaksAndNps { " This scenario is about rule breaks and customers more than about B (see the reading): read the NPS column first, and the cost of rule breaks in the cost section; B's columns show what the programmes do to customer-oriented behaviour on the way." } else { "" });
    for (_, head, _) in TABLE {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    html.push_str("</tr>");
    for a in shown {
        let _ = write!(html, "<tr><th>{}</th>", escape(&arm_label(a)));
        for (metric, _, scale) in TABLE {
            html.push_str(&stat_cell(d.get(a, metric.name()), scale));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
}

fn caption(kind: &ChartKind) -> String {
    match kind {
        ChartKind::Timeseries { metric } => {
            let info = plot::metrics::metric_info(metric);
            format!("{} ({}), every arm over time.", info.title, info.y_desc)
        }
        ChartKind::Iceberg { arm } => format!(
            "The iceberg of {}: visible behaviour above the waterline, norm, habit, reward expectancy and understanding below it.",
            arm_label(arm)
        ),
        ChartKind::Durability => {
            "How large the gain in B is at its peak and 6 and 12 months after the programme, and how fast it halves.".into()
        }
        ChartKind::Drives => {
            "Visible behaviour of employees grouped by their dominant drive, per arm.".into()
        }
        ChartKind::Costs => "Each arm's cumulative cost to the end of the recorded period (euro, mean over runs) in its two parts: the programmes' interventions and the rule breaks, with their total beside the bar. The baseline runs no programme, so its cost is rule breaks alone.".into(),
        ChartKind::CostBenefit => "Each programme's intervention cost over baseline (euro) against the NPS gain over baseline still there 12 months after the programme ends (NPS points); whiskers are intervals over runs.".into(),
    }
}

pub(super) fn figure(
    html: &mut String,
    data: &RunData,
    kind: &ChartKind,
) -> Result<(), ReportError> {
    let svg = plot::render_svg_string(data, kind)?;
    inline_figure(html, &kind.file_stem(), &svg, Some(&caption(kind)));
    Ok(())
}

fn charts_section(html: &mut String, data: &RunData) -> Result<(), ReportError> {
    let all = plot::available_charts(data);
    let is_main = |k: &ChartKind| match k {
        ChartKind::Timeseries { metric } => MAIN_SERIES.contains(&metric.as_str()),
        ChartKind::Durability | ChartKind::Drives => true,
        ChartKind::Iceberg { .. } => false,
        // Drawn in the cost section.
        ChartKind::Costs | ChartKind::CostBenefit => true,
    };
    html.push_str("<h2>Charts</h2>");
    let mut main: Vec<&ChartKind> = all
        .iter()
        .filter(|k| is_main(k) && !matches!(k, ChartKind::Costs | ChartKind::CostBenefit))
        .collect();
    // The durability chart right after B: it is the answer to "how long does it last".
    main.sort_by_key(|k| match k {
        ChartKind::Timeseries { metric } => {
            MAIN_SERIES.iter().position(|m| m == metric).unwrap_or(0) * 2
        }
        ChartKind::Durability => 1,
        _ => 100,
    });
    for k in main {
        figure(html, data, k)?;
    }
    let icebergs: Vec<&ChartKind> = all
        .iter()
        .filter(|k| matches!(k, ChartKind::Iceberg { .. }))
        .collect();
    if !icebergs.is_empty() {
        html.push_str("<h2>Above and below the waterline</h2>");
        for k in icebergs {
            figure(html, data, k)?;
        }
    }
    let rest: Vec<&ChartKind> = all
        .iter()
        .filter(|k| !is_main(k) && !matches!(k, ChartKind::Iceberg { .. }))
        .collect();
    if !rest.is_empty() {
        let _ = write!(
            html,
            "<details><summary>{} further metrics</summary>",
            rest.len()
        );
        for k in rest {
            figure(html, data, k)?;
        }
        html.push_str("</details>");
    }
    let left_out = plot::charts_left_out(data);
    if !left_out.is_empty() {
        html.push_str(
            "<p class=\"sub\">Not drawn, because a chart would show one flat line:</p><ul>",
        );
        for reason in left_out {
            let _ = write!(html, "<li>{}</li>", escape(&reason));
        }
        html.push_str("</ul>");
    }
    Ok(())
}

/// A day field as the arms table says it: `125` as written, or text such as `"6 months"`
/// with its working days, `6 months (125 days)`; `None` for text that is no length of time.
fn written_days(v: &Value) -> Option<(String, i64)> {
    match v {
        Value::String(t) => Days::parse(t).ok().map(|d| (t.clone(), d.get())),
        _ => v.as_i64().map(|d| (cell(v), d)),
    }
}

fn intervention_text(i: &Value) -> String {
    let f = |k: &str| i.get(k).map(cell).unwrap_or_default();
    let day = |k: &str| i.get(k).and_then(written_days);
    let start = match day("start") {
        Some((t, d)) if i["start"].is_string() => format!("from {t} (day {d})"),
        _ => format!(
            "from day {}",
            i.get("start")
                .filter(|v| !v.is_null())
                .map(cell)
                .unwrap_or_else(|| "(after the previous)".into())
        ),
    };
    let duration = match day("duration") {
        Some((t, d)) if i["duration"].is_string() => format!("for {t} ({d} days)"),
        _ => format!("for {} days", f("duration")),
    };
    let mut t = format!("{} {start} {duration}", f("kind").replace('_', " "));
    match day("interval") {
        Some((w, d)) if d > 1 && i["interval"].is_string() => {
            let _ = write!(t, ", every {w} ({d} days)");
        }
        Some((_, d)) if d > 1 => {
            let _ = write!(t, ", every {} days", f("interval"));
        }
        _ => {}
    }
    if f("schedule") == "variable_ratio" {
        let _ = write!(t, ", rewards on a variable ratio of {}", f("ratio"));
    }
    let _ = write!(t, ", intensity {}", f("intensity"));
    if f("target") != "all" && !f("target").is_empty() {
        let _ = write!(t, ", target {}", f("target"));
    }
    t
}

fn arms_section(html: &mut String, m: Option<&ManifestRecord>) {
    let Some(arms) = m
        .and_then(|m| m.scenario.as_ref())
        .and_then(|s| s.get("arms"))
        .and_then(Value::as_array)
    else {
        return;
    };
    html.push_str(
        "<h2>Arms</h2><table><tr><th>arm</th><th>description</th><th>interventions</th></tr>",
    );
    for a in arms {
        let name = a.get("name").map(cell).unwrap_or_default();
        let desc = a.get("description").map(cell).unwrap_or_default();
        let items: Vec<String> = a
            .get("interventions")
            .and_then(Value::as_array)
            .map(|v| v.iter().map(intervention_text).collect())
            .unwrap_or_default();
        let list = if items.is_empty() {
            "none".to_string()
        } else {
            items
                .iter()
                .map(|t| escape(t))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = write!(
            html,
            "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
            escape(&arm_label(&name)),
            escape(&desc),
            list
        );
    }
    html.push_str("</table>");
}

fn parameters_section(html: &mut String, m: Option<&ManifestRecord>) {
    let Some(sc) = m.and_then(|m| m.scenario.as_ref()) else {
        return;
    };
    let mut defaults = Vec::new();
    if let Ok(v) = serde_json::to_value(Scenario::default()) {
        flatten("", &v, &mut defaults);
    }
    let mut sc = sc.clone();
    if let Some(o) = sc.as_object_mut() {
        for k in ["arms", "name", "description"] {
            o.remove(k);
        }
    }
    let mut rows = Vec::new();
    flatten("", &sc, &mut rows);
    let changed = rows
        .iter()
        .filter(|(k, v)| defaults.iter().any(|(dk, dv)| dk == k && dv != v))
        .count();
    let _ = write!(
        html,
        "<h2>Parameters</h2><p>{} parameters; <span class=\"changed\">{changed} differ from the model's defaults</span> (in bold). Every parameter, its equation and its source are documented in <code>docs/model.md</code>.</p><details><summary>Show all parameters</summary><table><tr><th>parameter</th><th>value</th><th>default</th></tr>",
        rows.len()
    );
    for (k, v) in &rows {
        let default = defaults.iter().find(|(dk, _)| dk == k).map(|(_, dv)| dv);
        let is_changed = default.is_some_and(|d| d != v);
        let _ = write!(
            html,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td></tr>",
            if is_changed { " class=\"changed\"" } else { "" },
            escape(k),
            escape(&cell(v)),
            escape(&default.map(cell).unwrap_or_else(|| "—".into()))
        );
    }
    html.push_str("</table></details>");
}

/// Builds the report of the results in `dir` (CSV files plus `manifest.json` if present).
pub fn render_report(dir: &Path) -> Result<String, ReportError> {
    let data = plot::load_run_dir(dir)?;
    if data.timeseries.is_empty() && data.durability.is_empty() {
        return Err(PlotError::NoData(format!("{} holds no result rows", dir.display())).into());
    }
    let manifest = load_manifest(dir)?;
    let m = manifest.as_ref();
    let mut html = String::new();
    head(
        &mut html,
        &format!("{} · undercurrent report", data.scenario),
    );
    summary_section(&mut html, m, &data);
    reading_section(&mut html, &data);
    durability_section(&mut html, &data.durability, &data.arms, data.intervals);
    super::claims::claims_section(
        &mut html,
        &super::claims::load_claims(dir)?,
        data.intervals.long(),
    );
    super::costs::cost_section(&mut html, &data, m)?;
    charts_section(&mut html, &data)?;
    arms_section(&mut html, m);
    parameters_section(&mut html, m);
    let _ = writeln!(html, "<h2>Method</h2><p>Each replication builds the organisation from its own seed, runs it without intervention through the burn-in so that it starts from its steady state, and then runs every arm from that same state with the same random streams. Confidence intervals use the t distribution over replications.{} The model, its equations and every parameter's source are in <code>docs/model.md</code><span class=\"screen-only\">; the numbers behind this report are in <code>timeseries.csv</code> and <code>durability.csv</code> next to it</span>.</p></body></html>", method_intervals(data.intervals));
    Ok(html)
}

/// The report of a sweep: what was varied, every sweep chart, and the sensitivity table.
pub fn render_sweep_report(dir: &Path) -> Result<String, ReportError> {
    use crate::plot::sweep::{load_sweep_dir, sweep_charts, sweep_svg};
    let data = load_sweep_dir(dir)?;
    let manifest = load_manifest(dir)?;
    let m = manifest.as_ref();
    let top = |f: fn(&ManifestRecord) -> String| m.map(f).unwrap_or_default();
    let mut html = String::new();
    head(
        &mut html,
        &format!("{} · undercurrent sweep report", data.name),
    );
    let _ = write!(
        html,
        "<h1>{}</h1><p class=\"sub\">{}</p><h2>Sweep</h2>",
        escape(&data.name),
        escape(&top(|m| text(m.description.as_ref())))
    );
    let rows = [
        ("design", top(|m| text(m.design.as_ref()))),
        ("design points", top(|m| number(m.points))),
        ("replications per point", top(|m| number(m.replications))),
        ("runs", top(|m| number(m.runs))),
        ("master seed", top(|m| number(m.seed))),
        ("arms", arm_list(&data.arms)),
        ("produced by", produced_by(m)),
    ];
    key_value_table(&mut html, &rows);
    html.push_str("<h2>Swept parameters</h2><table><tr><th>parameter</th><th>key</th><th>from</th><th>to</th></tr>");
    for a in m.map(|m| m.axes.as_slice()).unwrap_or_default() {
        let _ = write!(
            html,
            "<tr><th>{}</th><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&text(a.name.as_ref())),
            escape(&text(a.key.as_ref())),
            escape(&number(a.min)),
            escape(&number(a.max))
        );
    }
    html.push_str("</table><h2>Charts</h2>");
    for c in sweep_charts(&data) {
        inline_figure(&mut html, &c.file_stem(), &sweep_svg(&data, &c)?, None);
    }
    if !data.sensitivity.is_empty() {
        html.push_str("<h2>Sensitivity indices</h2>");
        let mut warned: Vec<(&str, &str)> = Vec::new();
        for r in &data.sensitivity {
            if let Some(share) = r.censored_share.filter(|s| *s > 0.0) {
                if !warned.contains(&(&r.arm, &r.metric)) {
                    warned.push((&r.arm, &r.metric));
                    let _ = write!(
                        html,
                        "<p class=\"changed\">Warning: {} of {} was cut at the horizon (censored) in {:.0}% of runs; its indices apportion the mean of durations cut there, not of the durations.</p>",
                        escape(&r.metric),
                        escape(&arm_label(&r.arm)),
                        100.0 * share
                    );
                }
            }
        }
        html.push_str("<table><tr><th>arm</th><th>output</th><th>parameter</th><th>index</th><th>estimate</th><th>95% CI</th></tr>");
        for r in &data.sensitivity {
            let f = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_else(|| "NA".into());
            let ci = match (r.ci_lo, r.ci_hi) {
                (Some(lo), Some(hi)) => format!("[{lo:.3}, {hi:.3}]"),
                _ => "—".into(),
            };
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&arm_label(&r.arm)),
                escape(&r.metric),
                escape(&r.parameter),
                escape(&r.index),
                f(r.estimate),
                ci
            );
        }
        html.push_str("</table>");
    }
    html.push_str("<h2>Method</h2><p>Every design point runs the base scenario with the swept parameters set; replication r of every point uses the same seed (common random numbers across points and arms, unless the experiment turns that off), so differences between points are the parameters' effects. Means and 95% t-intervals are over a point's replications, except for the half-life, which can run past the horizon: its value is the Kaplan-Meier median over the point's replications (\"more than\" when not reached, with the share of runs censored); sensitivity indices of a half-life apportion the mean of half-lives cut at the horizon; the numbers are in <code>points.csv</code> and <code>runs.csv</code> next to this file, the format in <code>experiments/README.md</code>.</p></body></html>\n");
    Ok(html)
}

/// Writes `dir/report.html` atomically (a run's, a sweep's or a calibration's) and returns its path.
pub fn write_report(dir: &Path) -> Result<PathBuf, ReportError> {
    let html = if crate::plot::sweep::is_sweep_dir(dir) {
        render_sweep_report(dir)?
    } else if crate::plot::calibration::is_calibration_dir(dir) {
        super::calibration::render_calibration_report(dir)?
    } else {
        render_report(dir)?
    };
    let path = dir.join("report.html");
    write_atomic(&path, html.as_bytes()).map_err(|source| ReportError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// The Method section's sentence on parameter uncertainty: empty for an ordinary run.
fn method_intervals(intervals: Intervals) -> &'static str {
    match intervals {
        Intervals::Chance => "",
        Intervals::ChanceAndParameters => {
            " This run drew each replication's parameters from a calibration's posterior (posterior_draws.csv lists them), so its intervals cover what is not known about the organisation as well as chance."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_intervention_in_months_is_described_with_its_working_days() {
        let days = serde_json::json!({"kind": "coaching", "start": 125, "duration": 20, "interval": 5, "intensity": 1.0, "target": "all"});
        assert_eq!(
            intervention_text(&days),
            "coaching from day 125 for 20 days, every 5 days, intensity 1.0"
        );
        let months = serde_json::json!({"kind": "coaching", "start": "6 months", "duration": "4 weeks", "interval": "1 week", "intensity": 1.0, "target": "all"});
        assert_eq!(
            intervention_text(&months),
            "coaching from 6 months (day 125) for 4 weeks (20 days), every 1 week (5 days), intensity 1.0"
        );
    }

    #[test]
    fn the_main_series_are_metrics_the_tool_writes() {
        for m in MAIN_SERIES {
            assert!(
                crate::metrics::registry::describe(m).is_some(),
                "{m} is no metric"
            );
        }
    }

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn a_build_with_uncommitted_changes_says_so_a_clean_one_as_before() {
        let m = |git_dirty| ManifestRecord {
            tool: Some("undercurrent".into()),
            version: Some("0.1.0".into()),
            git_commit: Some("abc".into()),
            git_dirty,
            ..ManifestRecord::default()
        };
        assert_eq!(
            produced_by(Some(&m(Some(true)))),
            "undercurrent 0.1.0 (commit abc with uncommitted changes)"
        );
        for clean in [Some(false), None] {
            assert_eq!(
                produced_by(Some(&m(clean))),
                "undercurrent 0.1.0 (commit abc)"
            );
        }
    }

    #[test]
    fn flattening_gives_dotted_keys_in_order() {
        let v: Value = serde_json::json!({"a": {"b": 1, "c": {"d": "x"}}, "e": [1, 2]});
        let mut out = Vec::new();
        flatten("", &v, &mut out);
        let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a.b", "a.c.d", "e"]);
    }
}
