//! `report.html`: one self-contained file a consultant can mail or open offline. Charts are
//! inline SVG, styles are inline, there is no script and no reference to any other file, so
//! the report shows the same on any machine years later.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use undercurrent_text::{numbers as n, term, tr, Lang};

use super::censored::{self, censored_text, CensoredText};
use super::described;
use super::interval_long;
use super::reading::{arm_label, focus, reading, Focus};
use crate::experiment::scenario::Scenario;
use crate::metrics::registry::DurabilityMetric;
use crate::metrics::survival::CensoredMedian;
use crate::model::days::Days;
use crate::output::files::write_atomic;
use crate::output::manifest::{read_manifest, ManifestError, ManifestRecord};
use crate::plot::data::{Durability, Intervals, RunData, Stat, DAYS_PER_MONTH};
use crate::plot::{self, ChartKind, NoDataReason, PlotError};

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
    /// The error in `lang` ([`PlotError::said`]; its English is the `Display`, tested).
    pub fn said(&self, lang: Lang) -> String {
        match self {
            ReportError::Plot(e) => e.said(lang),
            ReportError::Manifest { path, message } => PlotError::MalformedJson {
                path: path.clone(),
                message: message.clone(),
            }
            .said(lang),
            ReportError::Write { path, source } => {
                let mut a = undercurrent_text::Args::new();
                a.set("path", path.display().to_string());
                a.set("reason", undercurrent_text::io_reason(lang, source));
                undercurrent_text::text_with(lang, "report-error-write", &a)
            }
        }
    }

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

/// Durability columns of the report table: metric, the catalogue id of its heading, scale
/// (days → months).
/// (The headings are this table's own short wording; titles and units are in the registry.)
const TABLE: [(DurabilityMetric, &str, Scale); 8] = [
    (
        DurabilityMetric::PeakGainB,
        "report-col-peak-gain",
        Scale::Plain,
    ),
    (
        DurabilityMetric::DaysToPeakB,
        "report-col-time-to-peak",
        Scale::Months,
    ),
    (
        DurabilityMetric::HalfLifeDaysB,
        "report-col-half-life",
        Scale::Months,
    ),
    (
        DurabilityMetric::Gain6mB,
        "report-col-gain-6m",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Gain12mB,
        "report-col-gain-12m",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Retained12mB,
        "report-col-kept-12m",
        Scale::Percent,
    ),
    (
        DurabilityMetric::MeanGainNps,
        "report-col-mean-nps-gain",
        Scale::Plain,
    ),
    (
        DurabilityMetric::CostPerNpsPoint,
        "report-col-cost-per-point",
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
    fn fmt(self, lang: Lang, x: f64) -> String {
        match self {
            Scale::Plain => n::sig(lang, x),
            Scale::Months => n::fixed(lang, x / DAYS_PER_MONTH, 1),
            Scale::Percent => n::percent(lang, x, 0),
        }
    }
}

const STYLE: &str = "
body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em} h2{margin-top:2em;border-bottom:2px solid #0072B2;padding-bottom:.2em}
.sub{color:#555;margin-top:0} table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f2f6fa} td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ci{color:#666;font-size:.85em} .note{white-space:normal;display:inline-block;min-width:9em} figure{margin:1.5em 0} figure svg{width:100%;height:auto;border:1px solid #eee}
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
fn arm_list(lang: Lang, arms: &[String]) -> String {
    arms.iter()
        .map(|a| arm_label(lang, a))
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
pub(super) fn produced_by(lang: Lang, m: Option<&ManifestRecord>) -> String {
    let commit = text(m.and_then(|m| m.git_commit.as_ref()));
    let commit = if m.and_then(|m| m.git_dirty) == Some(true) {
        tr!(lang, "report-commit-dirty", commit = commit)
    } else {
        tr!(lang, "report-commit", commit = commit)
    };
    format!(
        "{} {} ({commit})",
        text(m.and_then(|m| m.tool.as_ref())),
        text(m.and_then(|m| m.version.as_ref())),
    )
}

/// The document head up to `<body>`: title and the inline style sheet.
pub(super) fn head(html: &mut String, lang: Lang, title: &str) {
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        lang.code(),
        escape(title)
    );
}

/// A two-column table of labelled values.
pub(super) fn key_value_table<K: AsRef<str>>(html: &mut String, rows: &[(K, String)]) {
    html.push_str("<table>");
    for (k, v) in rows {
        let _ = write!(
            html,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(k.as_ref()),
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

fn summary_section(html: &mut String, lang: Lang, m: Option<&ManifestRecord>, data: &RunData) {
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
        escape(&match sc
            .and_then(|s| s.get("description"))
            .and_then(Value::as_str)
        {
            Some(d) => described::scenario_description(lang, d),
            None => get("description"),
        })
    );
    let horizon = sc
        .and_then(|s| s.get("horizon_days"))
        .and_then(Value::as_f64)
        .map(|d| {
            tr!(
                lang,
                "report-horizon",
                days = format!("{d:.0}"),
                months = format!("{:.0}", d / DAYS_PER_MONTH),
            )
        })
        .unwrap_or_else(|| "—".into());
    let rows = [
        ("report-employees", org("employees")),
        ("report-team-size", org("team_size")),
        ("report-replications-per-arm", get("replications")),
        ("report-master-seed", get("seed")),
        ("report-recorded-horizon", horizon),
        (
            "report-burn-in",
            tr!(lang, "report-working-days", days = get("burn_in_days")),
        ),
        ("report-arms", arm_list(lang, &data.arms)),
        ("report-produced-by", produced_by(lang, m)),
        ("report-command", text(m.and_then(|m| m.command.as_ref()))),
        (
            "report-run-finished",
            text(m.and_then(|m| m.finished.as_ref())),
        ),
    ];
    let rows: Vec<(String, String)> = rows.into_iter().map(|(k, v)| (tr!(lang, k), v)).collect();
    let _ = write!(html, "<h2>{}</h2>", escape(&tr!(lang, "report-scenario")));
    key_value_table(html, &rows);
}

fn reading_section(html: &mut String, lang: Lang, data: &RunData) {
    let paragraphs = reading(lang, &data.durability, &data.arms);
    if paragraphs.is_empty() {
        return;
    }
    let ranges = match data.intervals {
        Intervals::Chance => tr!(lang, "report-reading-ranges-chance"),
        Intervals::ChanceAndParameters => tr!(
            lang,
            "report-reading-ranges",
            interval = interval_long(lang, data.intervals)
        ),
    };
    let _ = write!(
        html,
        "<h2>{}</h2><div class=\"reading\"><p>{} {}</p>",
        escape(&tr!(lang, "report-reading-heading")),
        tr!(lang, "report-reading-intro"),
        ranges
    );
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

pub(super) fn stat_cell(lang: Lang, s: Option<&Stat>, scale: Scale) -> String {
    if let Some(c) = s.and_then(|s| s.censored.as_ref()).filter(|c| c.n > 0) {
        return censored_cell(lang, c, scale);
    }
    match s.and_then(|s| s.mean.map(|m| (m, s.ci()))) {
        Some((m, Some((lo, hi)))) => format!(
            "<td class=\"n\">{}<br><span class=\"ci\">{}</span></td>",
            scale.fmt(lang, m),
            n::interval(lang, lo, hi, |x| scale.fmt(lang, x)),
        ),
        Some((m, None)) => format!("<td class=\"n\">{}</td>", scale.fmt(lang, m)),
        None => format!("<td class=\"n\">{}</td>", n::missing(lang)),
    }
}

/// A censorable duration's cell: its Kaplan-Meier median (`more than X` when not reached),
/// its interval (an end not reached written so), and the replications censored.
fn censored_cell(lang: Lang, c: &CensoredMedian, scale: Scale) -> String {
    let CensoredText { head, interval, .. } =
        censored_text(lang, c, censored::REPORT, |x| scale.fmt(lang, x));
    let note = if c.censored > 0 {
        format!(
            "<br><span class=\"ci note\">{}</span>",
            escape(&censored_note(lang, c))
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

/// `3 of 20 runs not halved by the end`: the words of [`CensoredMedian::censored_note`] in
/// `lang`.
pub(super) fn censored_note(lang: Lang, c: &CensoredMedian) -> String {
    tr!(
        lang,
        "report-censored-note",
        censored = c.censored.to_string(),
        n = c.n.to_string(),
    )
}

fn durability_section(
    html: &mut String,
    lang: Lang,
    d: &Durability,
    arms: &[String],
    intervals: Intervals,
) {
    let shown: Vec<&String> = arms
        .iter()
        .filter(|a| d.get(a, DurabilityMetric::PeakGainB.name()).is_some())
        .collect();
    if shown.is_empty() {
        return;
    }
    let focus_note = if focus(d, arms) == Focus::RuleBreaksAndNps {
        format!(" {}", tr!(lang, "report-durability-focus"))
    } else {
        String::new()
    };
    let _ = write!(
        html,
        "<h2>{}</h2><p>{}{}</p><table><tr><th>{}</th>",
        escape(&tr!(lang, "report-durability-heading")),
        tr!(
            lang,
            "report-durability-intro",
            interval = interval_long(lang, intervals)
        ),
        focus_note,
        escape(&tr!(lang, "report-col-arm")),
    );
    for (_, head, _) in TABLE {
        let _ = write!(html, "<th>{}</th>", escape(&tr!(lang, head)));
    }
    html.push_str("</tr>");
    for a in shown {
        let _ = write!(html, "<tr><th>{}</th>", escape(&arm_label(lang, a)));
        for (metric, _, scale) in TABLE {
            html.push_str(&stat_cell(lang, d.get(a, metric.name()), scale));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
}

fn caption(lang: Lang, kind: &ChartKind) -> String {
    match kind {
        ChartKind::Timeseries { metric } => {
            let info = plot::metrics::metric_info(metric, lang);
            tr!(
                lang,
                "report-caption-timeseries",
                title = term(lang, "metric", metric, &info.title),
                unit = term(lang, "metric-unit", metric, &info.y_desc),
            )
        }
        ChartKind::Iceberg { arm } => {
            tr!(lang, "report-caption-iceberg", arm = arm_label(lang, arm))
        }
        ChartKind::Durability => tr!(lang, "report-caption-durability"),
        ChartKind::Drives => tr!(lang, "report-caption-drives"),
        ChartKind::Costs => tr!(lang, "report-caption-costs"),
        ChartKind::CostBenefit => tr!(lang, "report-caption-cost-benefit"),
        ChartKind::Teams => tr!(lang, "report-caption-teams"),
    }
}

pub(super) fn figure(
    html: &mut String,
    lang: Lang,
    data: &RunData,
    kind: &ChartKind,
) -> Result<(), ReportError> {
    let svg = plot::render_svg_string(data, kind, lang)?;
    inline_figure(html, &kind.file_stem(), &svg, Some(&caption(lang, kind)));
    Ok(())
}

fn charts_section(html: &mut String, lang: Lang, data: &RunData) -> Result<(), ReportError> {
    let all = plot::available_charts(data);
    let is_main = |k: &ChartKind| match k {
        ChartKind::Timeseries { metric } => MAIN_SERIES.contains(&metric.as_str()),
        ChartKind::Durability | ChartKind::Drives => true,
        // Drawn in sections of their own.
        ChartKind::Iceberg { .. } | ChartKind::Teams => false,
        // Drawn in the cost section.
        ChartKind::Costs | ChartKind::CostBenefit => true,
    };
    let _ = write!(html, "<h2>{}</h2>", escape(&tr!(lang, "report-charts")));
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
        figure(html, lang, data, k)?;
    }
    let icebergs: Vec<&ChartKind> = all
        .iter()
        .filter(|k| matches!(k, ChartKind::Iceberg { .. }))
        .collect();
    if !icebergs.is_empty() {
        let _ = write!(html, "<h2>{}</h2>", escape(&tr!(lang, "report-waterline")));
        for k in icebergs {
            figure(html, lang, data, k)?;
        }
    }
    if all.contains(&ChartKind::Teams) {
        let _ = write!(html, "<h2>{}</h2>", escape(&tr!(lang, "report-teams")));
        figure(html, lang, data, &ChartKind::Teams)?;
    }
    let rest: Vec<&ChartKind> = all
        .iter()
        .filter(|k| !is_main(k) && !matches!(k, ChartKind::Iceberg { .. } | ChartKind::Teams))
        .collect();
    if !rest.is_empty() {
        let _ = write!(
            html,
            "<details><summary>{}</summary>",
            escape(&tr!(
                lang,
                "report-further-metrics",
                count = rest.len().to_string()
            ))
        );
        for k in rest {
            figure(html, lang, data, k)?;
        }
        html.push_str("</details>");
    }
    let left_out = plot::charts_left_out(data, lang);
    if !left_out.is_empty() {
        let _ = write!(
            html,
            "<p class=\"sub\">{}</p><ul>",
            escape(&tr!(lang, "report-not-drawn"))
        );
        // lang: the reasons are the plot module's words (English until it takes a language).
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

fn intervention_text(lang: Lang, i: &Value) -> String {
    let f = |k: &str| i.get(k).map(cell).unwrap_or_default();
    let day = |k: &str| i.get(k).and_then(written_days);
    let start = match day("start") {
        Some((t, d)) if i["start"].is_string() => tr!(
            lang,
            "report-from-written",
            written = t,
            day = d.to_string()
        ),
        _ => tr!(
            lang,
            "report-from-day",
            day = i
                .get("start")
                .filter(|v| !v.is_null())
                .map(cell)
                .unwrap_or_else(|| tr!(lang, "report-after-previous"))
        ),
    };
    let duration = match day("duration") {
        Some((t, d)) if i["duration"].is_string() => tr!(
            lang,
            "report-for-written",
            written = t,
            days = d.to_string()
        ),
        _ => tr!(lang, "report-for-days", days = f("duration")),
    };
    let kind = f("kind");
    let mut t = format!(
        "{} {start} {duration}",
        term(lang, "kind", &kind, &kind.replace('_', " "))
    );
    match day("interval") {
        Some((w, d)) if d > 1 && i["interval"].is_string() => {
            let _ = write!(
                t,
                ", {}",
                tr!(
                    lang,
                    "report-every-written",
                    written = w,
                    days = d.to_string()
                )
            );
        }
        Some((_, d)) if d > 1 => {
            let _ = write!(
                t,
                ", {}",
                tr!(lang, "report-every-days", days = f("interval"))
            );
        }
        _ => {}
    }
    if f("schedule") == "variable_ratio" {
        let _ = write!(
            t,
            ", {}",
            tr!(lang, "report-variable-ratio", ratio = f("ratio"))
        );
    }
    let _ = write!(
        t,
        ", {}",
        tr!(lang, "report-intensity", intensity = f("intensity"))
    );
    if f("target") != "all" && !f("target").is_empty() {
        let _ = write!(t, ", {}", tr!(lang, "report-target", target = f("target")));
    }
    t
}

fn arms_section(html: &mut String, lang: Lang, m: Option<&ManifestRecord>) {
    let Some(arms) = m
        .and_then(|m| m.scenario.as_ref())
        .and_then(|s| s.get("arms"))
        .and_then(Value::as_array)
    else {
        return;
    };
    let _ = write!(
        html,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&tr!(lang, "report-arms-heading")),
        escape(&tr!(lang, "report-col-arm")),
        escape(&tr!(lang, "report-col-description")),
        escape(&tr!(lang, "report-col-interventions")),
    );
    for a in arms {
        let name = a.get("name").map(cell).unwrap_or_default();
        let desc = described::arm_description(
            lang,
            &name,
            &a.get("description").map(cell).unwrap_or_default(),
        );
        let items: Vec<String> = a
            .get("interventions")
            .and_then(Value::as_array)
            .map(|v| v.iter().map(|i| intervention_text(lang, i)).collect())
            .unwrap_or_default();
        let list = if items.is_empty() {
            escape(&tr!(lang, "report-no-interventions"))
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
            escape(&arm_label(lang, &name)),
            escape(&desc),
            list
        );
    }
    html.push_str("</table>");
}

fn parameters_section(html: &mut String, lang: Lang, m: Option<&ManifestRecord>) {
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
        "<h2>{}</h2><p>{}</p><details><summary>{}</summary><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&tr!(lang, "report-parameters-heading")),
        tr!(
            lang,
            "report-parameters-intro",
            count = rows.len().to_string(),
            changed = format!(
                "<span class=\"changed\">{}</span>",
                escape(&tr!(lang, "report-parameters-changed", changed = changed.to_string()))
            ),
            file = "<code>docs/model.md</code>",
        ),
        escape(&tr!(lang, "report-parameters-show")),
        escape(&tr!(lang, "report-col-parameter")),
        escape(&tr!(lang, "report-col-value")),
        escape(&tr!(lang, "report-col-default")),
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

/// Builds the report of the results in `dir` (CSV files plus `manifest.json` if present), in
/// `lang`.
pub fn render_report(lang: Lang, dir: &Path) -> Result<String, ReportError> {
    let data = plot::load_run_dir(dir)?;
    if data.timeseries.is_empty() && data.durability.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoResultRows { dir: dir.into() }).into());
    }
    let manifest = load_manifest(dir)?;
    let m = manifest.as_ref();
    let mut html = String::new();
    head(
        &mut html,
        lang,
        &tr!(lang, "report-title", scenario = data.scenario.clone()),
    );
    summary_section(&mut html, lang, m, &data);
    reading_section(&mut html, lang, &data);
    durability_section(
        &mut html,
        lang,
        &data.durability,
        &data.arms,
        data.intervals,
    );
    super::claims::claims_section(
        &mut html,
        lang,
        &super::claims::load_claims(dir)?,
        &interval_long(lang, data.intervals),
    );
    super::costs::cost_section(&mut html, lang, &data, m)?;
    charts_section(&mut html, lang, &data)?;
    arms_section(&mut html, lang, m);
    parameters_section(&mut html, lang, m);
    let _ = writeln!(
        html,
        "<h2>{}</h2><p>{}{} {}<span class=\"screen-only\">{}</span>.</p></body></html>",
        escape(&tr!(lang, "report-method-heading")),
        tr!(lang, "report-method"),
        method_intervals(lang, data.intervals),
        tr!(
            lang,
            "report-method-model",
            file = "<code>docs/model.md</code>"
        ),
        tr!(
            lang,
            "report-method-numbers",
            timeseries = "<code>timeseries.csv</code>",
            durability = "<code>durability.csv</code>",
        ),
    );
    Ok(html)
}

/// The report of a sweep: what was varied, every sweep chart, and the sensitivity table, in
/// `lang`.
pub fn render_sweep_report(lang: Lang, dir: &Path) -> Result<String, ReportError> {
    use crate::plot::sweep::{load_sweep_dir, sweep_charts, sweep_svg};
    let data = load_sweep_dir(dir)?;
    let manifest = load_manifest(dir)?;
    let m = manifest.as_ref();
    let top = |f: fn(&ManifestRecord) -> String| m.map(f).unwrap_or_default();
    let mut html = String::new();
    head(
        &mut html,
        lang,
        &tr!(lang, "sweep-report-title", name = data.name.clone()),
    );
    let _ = write!(
        html,
        "<h1>{}</h1><p class=\"sub\">{}</p><h2>{}</h2>",
        escape(&data.name),
        escape(&top(|m| text(m.description.as_ref()))),
        escape(&tr!(lang, "sweep-report-sweep")),
    );
    let rows = [
        ("sweep-report-design", top(|m| text(m.design.as_ref()))),
        ("sweep-report-points", top(|m| number(m.points))),
        (
            "sweep-report-replications-per-point",
            top(|m| number(m.replications)),
        ),
        ("sweep-report-runs", top(|m| number(m.runs))),
        ("report-master-seed", top(|m| number(m.seed))),
        ("report-arms", arm_list(lang, &data.arms)),
        ("report-produced-by", produced_by(lang, m)),
    ];
    let rows: Vec<(String, String)> = rows.into_iter().map(|(k, v)| (tr!(lang, k), v)).collect();
    key_value_table(&mut html, &rows);
    let _ = write!(
        html,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&tr!(lang, "sweep-report-swept")),
        escape(&tr!(lang, "report-col-parameter")),
        escape(&tr!(lang, "sweep-report-col-key")),
        escape(&tr!(lang, "sweep-report-col-from")),
        escape(&tr!(lang, "sweep-report-col-to")),
    );
    for a in m.map(|m| m.axes.as_slice()).unwrap_or_default() {
        let key = text(a.key.as_ref());
        let _ = write!(
            html,
            "<tr><th>{}</th><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&term(lang, "param", &key, &text(a.name.as_ref()))),
            escape(&key),
            escape(&n::decimal_sign(lang, &number(a.min))),
            escape(&n::decimal_sign(lang, &number(a.max)))
        );
    }
    let _ = write!(
        html,
        "</table><h2>{}</h2>",
        escape(&tr!(lang, "report-charts"))
    );
    for c in sweep_charts(&data) {
        inline_figure(
            &mut html,
            &c.file_stem(),
            &sweep_svg(&data, &c, lang)?,
            None,
        );
    }
    if !data.sensitivity.is_empty() {
        let _ = write!(
            html,
            "<h2>{}</h2>",
            escape(&tr!(lang, "sweep-report-sensitivity"))
        );
        let mut warned: Vec<(&str, &str)> = Vec::new();
        for r in &data.sensitivity {
            if let Some(share) = r.censored_share.filter(|s| *s > 0.0) {
                if !warned.contains(&(&r.arm, &r.metric)) {
                    warned.push((&r.arm, &r.metric));
                    let _ = write!(
                        html,
                        "<p class=\"changed\">{}</p>",
                        escape(&tr!(
                            lang,
                            "sweep-report-censored-warning",
                            metric = r.metric.clone(),
                            arm = arm_label(lang, &r.arm),
                            share = n::percent(lang, share, 0),
                        )),
                    );
                }
            }
        }
        let _ = write!(html, "<table><tr>");
        for id in [
            "report-col-arm",
            "sweep-report-col-output",
            "report-col-parameter",
            "sweep-report-col-index",
            "sweep-report-col-estimate",
            "sweep-report-col-ci",
        ] {
            let _ = write!(html, "<th>{}</th>", escape(&tr!(lang, id)));
        }
        html.push_str("</tr>");
        for r in &data.sensitivity {
            // Indices as the table has always written them (a hyphen for a minus), with the
            // language's decimal sign.
            let three = |v: f64| match lang {
                Lang::Nl => format!("{v:.3}").replace('.', ","),
                Lang::En | Lang::Pseudo => format!("{v:.3}"),
            };
            let f = |x: Option<f64>| x.map_or_else(|| n::missing(lang).into(), three);
            let ci = match (r.ci_lo, r.ci_hi) {
                (Some(lo), Some(hi)) => n::bracket(lang, &three(lo), &three(hi)),
                _ => "—".into(),
            };
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&arm_label(lang, &r.arm)),
                escape(&r.metric),
                escape(&r.parameter),
                escape(&r.index),
                f(r.estimate),
                ci
            );
        }
        html.push_str("</table>");
    }
    let _ = writeln!(
        html,
        "<h2>{}</h2><p>{}</p></body></html>",
        escape(&tr!(lang, "report-method-heading")),
        tr!(
            lang,
            "sweep-report-method",
            points = "<code>points.csv</code>",
            runs = "<code>runs.csv</code>",
            readme = "<code>experiments/README.md</code>",
        )
    );
    Ok(html)
}

/// Writes `dir/report.html` atomically (a run's, a sweep's or a calibration's) in `lang` and
/// returns its path.
pub fn write_report(lang: Lang, dir: &Path) -> Result<PathBuf, ReportError> {
    let html = if crate::plot::sweep::is_sweep_dir(dir) {
        render_sweep_report(lang, dir)?
    } else if crate::plot::calibration::is_calibration_dir(dir) {
        super::calibration::render_calibration_report(lang, dir)?
    } else {
        render_report(lang, dir)?
    };
    let path = dir.join("report.html");
    write_atomic(&path, html.as_bytes()).map_err(|source| ReportError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// The Method section's sentence on parameter uncertainty: empty for an ordinary run.
fn method_intervals(lang: Lang, intervals: Intervals) -> String {
    match intervals {
        Intervals::Chance => String::new(),
        Intervals::ChanceAndParameters => format!(
            " {}",
            tr!(
                lang,
                "report-method-posterior",
                file = "posterior_draws.csv"
            )
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_error_reads_as_its_display_in_english_and_in_dutch_has_its_own_words() {
        let reports = [
            ReportError::Manifest {
                path: "r/manifest.json".into(),
                message: "EOF".into(),
            },
            ReportError::Write {
                path: "r/report.html".into(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            },
        ];
        for e in reports {
            assert_eq!(e.said(Lang::En), e.to_string());
            let dutch = e.said(Lang::Nl);
            assert!(dutch.contains("r/"), "{dutch}");
            assert!(
                !dutch.contains("writing") && !dutch.contains("malformed"),
                "{dutch}"
            );
        }
    }

    #[test]
    fn an_intervention_in_months_is_described_with_its_working_days() {
        let days = serde_json::json!({"kind": "coaching", "start": 125, "duration": 20, "interval": 5, "intensity": 1.0, "target": "all"});
        assert_eq!(
            intervention_text(Lang::En, &days),
            "coaching from day 125 for 20 days, every 5 days, intensity 1.0"
        );
        let months = serde_json::json!({"kind": "coaching", "start": "6 months", "duration": "4 weeks", "interval": "1 week", "intensity": 1.0, "target": "all"});
        assert_eq!(
            intervention_text(Lang::En, &months),
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
            produced_by(Lang::En, Some(&m(Some(true)))),
            "undercurrent 0.1.0 (commit abc with uncommitted changes)"
        );
        for clean in [Some(false), None] {
            assert_eq!(
                produced_by(Lang::En, Some(&m(clean))),
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
