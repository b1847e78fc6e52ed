//! `summary.html`: the one page a consultant hands to a client's board. Per programme, in
//! plain words with the numbers beside them: what it does, what it will not do, how long it
//! lasts and what a lasting point costs; one chart (cost against lasting benefit, or the
//! durability chart when nothing has a cost); a footer saying what the figures are. Built
//! from the same files as `report.html` (`durability.csv`, `timeseries.csv`,
//! `manifest.json`), self-contained (inline style and SVG, no script, no outside reference)
//! and laid out to print on one A4 page.
//!
//! The rules it keeps: a difference whose interval includes zero is "no measurable effect",
//! never a direction; a half-life the run could not see end is "more than", never a bare
//! number; it names no metric and no file the client does not have.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use undercurrent_text::{numbers as n, tr, Lang};

use super::censored::{self, censored_text, CensoredText};
use super::costs::break_even_text;
use super::described;
use super::html::{escape, inline_figure, load_manifest, produced_by, ReportError};
use super::interval_long;
use super::reading::arm_label;
use crate::metrics::registry::DurabilityMetric as M;
use crate::output::files::write_atomic;
use crate::output::manifest::ManifestRecord;
use crate::plot::data::{Durability, RunData, Stat, DAYS_PER_MONTH};
use crate::plot::{self, palette, ChartKind, NoDataReason, PlotError};

/// A table cell the run has no figure for (a year after a programme that ends near the
/// end of the simulation, for example); the words below say why.
fn not_measured(lang: Lang) -> String {
    none(&tr!(lang, "summary-not-measured"))
}

/// Words in the muted style of "nothing here".
fn none(words: &str) -> String {
    format!("<span class=\"none\">{}</span>", escape(words))
}

/// The file's name, beside `report.html`.
pub const SUMMARY_FILE: &str = "summary.html";

/// Pixel size the chart is drawn at: smaller than the report's 1200×700, so that its
/// lettering stays legible at the width of a printed page's column.
const CHART_SIZE: (u32, u32) = (720, 560);

/// The page's style: the same on screen and on paper, one A4 page when printed.
const STYLE: &str = "
*{box-sizing:border-box}
body{font-family:'DejaVu Sans',Verdana,sans-serif;color:#222;line-height:1.3;margin:0;background:#fff;font-size:13px}
.page{max-width:210mm;margin:1.5em auto;padding:0 1em}
h1{font-size:1.4em;margin:0 0 .1em} .sub{color:#555;margin:0 0 .4em}
.context{margin:0 0 .5em;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.84em;margin:0 0 .6em}
th,td{border-bottom:1px solid #ddd;padding:.2em .35em;text-align:left;vertical-align:top}
thead th{background:#f2f6fa;font-weight:normal;color:#333;vertical-align:bottom}
tbody th{white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:.5em 1.1em;align-items:start}
figure{margin:0;break-inside:avoid;grid-row:span 2} figure svg{width:100%;height:auto;display:block}
#wide{grid-column:1/-1;grid-row:auto} #wide svg{max-height:85mm;width:auto;max-width:100%;margin:0 auto}
figcaption{color:#555;font-size:.8em;margin-top:.15em}
section{break-inside:avoid;border-top:2px solid #0072B2;padding-top:.15em}
h2{font-size:1em;margin:0;break-after:avoid}
.sw{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.35em}
.what{color:#555;font-size:.84em;margin:0 0 .15em}
dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:.05em .5em;font-size:.86em}
dt{font-weight:bold;color:#0072B2} dd{margin:0}
.ci{color:#666;font-size:.88em;white-space:nowrap} .none{color:#666}
td .ci{white-space:normal}
footer{margin-top:.6em;padding-top:.3em;border-top:1px solid #ccc;color:#555;font-size:.74em}
@page{size:A4;margin:10mm 11mm}
@media print{
 body{font-size:8.1pt}
 body.dense{font-size:7.4pt}
 .page{max-width:none;margin:0;padding:0}
}
";

/// What a statistic of a difference to the baseline lets a reader say.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Effect {
    /// Its interval lies wholly above zero.
    Up { mean: f64, lo: f64, hi: f64 },
    /// Its interval lies wholly below zero.
    Down { mean: f64, lo: f64, hi: f64 },
    /// Its interval includes zero: no measurable effect, in no direction.
    Unmeasurable { lo: f64, hi: f64 },
    /// A mean without an interval (a single replication): shown, never called an effect.
    NoInterval { mean: f64 },
}

impl Effect {
    fn of(s: Option<&Stat>) -> Option<Effect> {
        let s = s?;
        let mean = s.mean?;
        Some(match s.ci() {
            Some((lo, hi)) if lo > 0.0 => Effect::Up { mean, lo, hi },
            Some((lo, hi)) if hi < 0.0 => Effect::Down { mean, lo, hi },
            Some((lo, hi)) => Effect::Unmeasurable { lo, hi },
            None => Effect::NoInterval { mean },
        })
    }
}

/// An interval alone, for a difference that cannot be told from zero.
fn interval_only(lang: Lang, lo: f64, hi: f64, end: impl Fn(f64) -> String) -> String {
    format!(
        "<span class=\"ci\">{}</span>",
        escape(&n::interval(lang, lo, hi, end))
    )
}

/// A gain in behaviour (a share of contacts) in percentage points, signed.
fn pp_signed(lang: Lang, x: f64) -> String {
    n::sig_signed(lang, 100.0 * x)
}

fn pp(lang: Lang, x: f64) -> String {
    n::sig(lang, 100.0 * x)
}

fn months(lang: Lang, days: f64) -> String {
    n::fixed(lang, days / DAYS_PER_MONTH, 1)
}

/// A programme in words: what it does, what it will not do, how long it lasts and what it
/// costs, each a list of clauses in HTML (numbers escaped). The numbers are means; their
/// intervals are in the table above, except where the interval is the point (a difference
/// that cannot be told from zero).
#[derive(Debug, Default, Clone, PartialEq)]
struct Verdict {
    does: Vec<String>,
    will_not: Vec<String>,
    lasts: Vec<String>,
    costs: Vec<String>,
}

/// The context a verdict needs beyond the arm's own rows.
struct Context {
    /// The language of the words and numbers.
    lang: Lang,
    /// Length of the recorded period, in working days.
    horizon_days: f64,
    /// Whether the scenario put a value on a gain (`[economics]`): net value and break-even.
    priced: bool,
}

impl Context {
    fn horizon_months(&self) -> String {
        n::fixed(self.lang, self.horizon_days / DAYS_PER_MONTH, 0)
    }
}

fn b(text: &str) -> String {
    format!("<b>{}</b>", escape(text))
}

fn verdict(d: &Durability, arm: &str, cx: &Context) -> Verdict {
    let lang = cx.lang;
    let get = |m: M| d.get(arm, m.name());
    let mut v = Verdict::default();
    let horizon = cx.horizon_months();
    let pp = |x: f64| pp(lang, x);
    let pp_signed = |x: f64| pp_signed(lang, x);
    let sig = |x: f64| n::sig(lang, x);
    let sig_signed = |x: f64| n::sig_signed(lang, x);
    let euro = |x: f64| n::euro(lang, x);

    // Behaviour at its peak and 12 months after the programme.
    let peak = Effect::of(get(M::PeakGainB));
    let lasting = Effect::of(get(M::Gain12mB));
    let to_peak = get(M::DaysToPeakB)
        .and_then(|s| s.mean)
        .map(|x| tr!(lang, "summary-to-peak", months = months(lang, x)))
        .unwrap_or_default();
    let then = match lasting {
        Some(Effect::Up { mean, .. }) => tr!(lang, "summary-then", gain = b(&pp(mean))),
        Some(Effect::NoInterval { mean }) => {
            tr!(lang, "summary-then", gain = b(&pp_signed(mean)))
        }
        _ => String::new(),
    };
    match peak {
        Some(Effect::Up { mean, .. }) => v.does.push(tr!(
            lang,
            "summary-raises-b",
            points = b(&pp(mean)),
            to_peak = to_peak,
            then = then,
        )),
        Some(Effect::Down { mean, .. }) => v.does.push(tr!(
            lang,
            "summary-lowers-b",
            points = b(&pp(-mean)),
            to_peak = to_peak,
        )),
        Some(Effect::Unmeasurable { lo, hi }) => v.will_not.push(tr!(
            lang,
            "summary-not-change-b",
            interval = interval_only(lang, lo, hi, pp),
        )),
        Some(Effect::NoInterval { mean }) => v.does.push(tr!(
            lang,
            "summary-changes-b-once",
            points = b(&pp_signed(mean)),
            to_peak = to_peak,
            then = then,
        )),
        None => {}
    }
    let peak_up = matches!(peak, Some(Effect::Up { .. }));
    match lasting {
        Some(Effect::Down { mean, .. }) => {
            v.does
                .push(tr!(lang, "summary-leaves-b-below", points = b(&pp(-mean)),))
        }
        Some(Effect::Unmeasurable { lo, hi }) if peak_up => v.will_not.push(tr!(
            lang,
            "summary-not-last-b",
            interval = interval_only(lang, lo, hi, pp),
        )),
        _ => {}
    }
    if let (Some(Effect::Up { .. }), Some(share)) =
        (lasting, get(M::Retained12mB).and_then(|s| s.mean))
    {
        if share < 0.5 {
            v.will_not.push(tr!(
                lang,
                "summary-not-keep-most",
                share = b(&n::percent(lang, share, 0)),
            ));
        }
    }

    // Customers.
    let nps_peak = Effect::of(get(M::PeakGainNps));
    let nps_lasting = Effect::of(get(M::Gain12mNps));
    let nps_then = match nps_lasting {
        Some(Effect::Up { mean, .. }) => tr!(lang, "summary-nps-then", gain = b(&sig(mean))),
        Some(Effect::NoInterval { mean }) => {
            tr!(lang, "summary-nps-then", gain = b(&sig_signed(mean)))
        }
        _ => String::new(),
    };
    match nps_peak {
        Some(Effect::Up { mean, .. }) => v.does.push(tr!(
            lang,
            "summary-lifts-nps",
            points = b(&sig(mean)),
            then = nps_then,
        )),
        Some(Effect::Down { mean, .. }) => {
            v.does
                .push(tr!(lang, "summary-lowers-nps", points = b(&sig(-mean)),))
        }
        Some(Effect::Unmeasurable { lo, hi }) => v.will_not.push(tr!(
            lang,
            "summary-not-move-nps",
            interval = interval_only(lang, lo, hi, sig),
        )),
        Some(Effect::NoInterval { mean }) => v.does.push(tr!(
            lang,
            "summary-changes-nps-once",
            points = b(&sig_signed(mean)),
            then = nps_then,
        )),
        None => {}
    }
    let nps_peak_up = matches!(nps_peak, Some(Effect::Up { .. }));
    match nps_lasting {
        Some(Effect::Down { mean, .. }) => v.does.push(tr!(
            lang,
            "summary-leaves-nps-lower",
            points = b(&sig(-mean)),
        )),
        Some(Effect::Unmeasurable { lo, hi }) if nps_peak_up => v.will_not.push(tr!(
            lang,
            "summary-not-last-nps",
            interval = interval_only(lang, lo, hi, sig),
        )),
        _ => {}
    }

    // Rule breaks.
    match Effect::of(get(M::ExtraRuleBreakCost)) {
        Some(Effect::Up { mean, .. }) => v.will_not.push(tr!(
            lang,
            "summary-not-without-rule-breaks",
            cost = b(&euro(mean)),
            horizon = horizon.clone(),
        )),
        Some(Effect::Down { mean, .. }) => v.does.push(tr!(
            lang,
            "summary-cuts-rule-breaks",
            cost = b(&euro(-mean)),
            horizon = horizon.clone(),
        )),
        _ => {}
    }

    // How long it lasts.
    if let Some(s) = get(M::HalfLifeDaysB) {
        v.lasts.push(half_life(
            lang,
            s,
            d.get(arm, M::HalfLifeCensoredShareB.name()),
        ));
    }
    if get(M::Gain12mB).and_then(|s| s.mean).is_none() && peak_up {
        v.lasts
            .push(tr!(lang, "summary-year-unknown", horizon = horizon.clone()));
    }

    // What it costs.
    match get(M::Cost).and_then(|s| s.mean) {
        Some(c) if c > 0.0 => {
            let per = match nps_lasting {
                Some(Effect::Up { .. }) => get(M::CostPerLastingNpsPoint)
                    .and_then(|s| s.mean)
                    .map(|m| tr!(lang, "summary-per-lasting-point", cost = b(&euro(m))))
                    .unwrap_or_default(),
                Some(Effect::Unmeasurable { .. } | Effect::Down { .. }) => {
                    tr!(lang, "summary-for-no-lasting-gain")
                }
                _ => String::new(),
            };
            v.costs.push(format!("{}{per}", b(&euro(c))));
        }
        Some(_) => v.costs.push(tr!(lang, "summary-costs-nothing")),
        None => {}
    }
    if cx.priced {
        match Effect::of(get(M::NetValue)) {
            Some(Effect::Up { mean, .. } | Effect::NoInterval { mean }) => v.costs.push(tr!(
                lang,
                "summary-net-value",
                horizon = horizon.clone(),
                value = b(&euro(mean)),
            )),
            Some(Effect::Down { mean, .. }) => {
                v.costs.push(tr!(
                    lang,
                    "summary-net-value",
                    horizon = horizon.clone(),
                    value = b(&euro(mean)),
                ));
                v.will_not.push(tr!(
                    lang,
                    "summary-not-pay-for-itself",
                    horizon = horizon.clone()
                ));
            }
            Some(Effect::Unmeasurable { lo, hi }) => v.costs.push(tr!(
                lang,
                "summary-no-net-value",
                horizon = horizon.clone(),
                interval = interval_only(lang, lo, hi, euro),
            )),
            None => {}
        }
        if d.get(arm, M::BreakEvenShare.name()).is_some() {
            let text = break_even_text(lang, d, arm, cx.horizon_days / DAYS_PER_MONTH);
            v.costs
                .push(tr!(lang, "summary-break-even", when = escape(&text)));
        }
    }
    v
}

/// The half-life in words: its Kaplan-Meier median in months, or "more than" the months
/// observed when half the runs or more had not halved by the end.
fn half_life(lang: Lang, s: &Stat, censored_share: Option<&Stat>) -> String {
    let in_months = |x: f64| b(&tr!(lang, "summary-months", months = months(lang, x)));
    let more_than = |x: f64| {
        b(&tr!(
            lang,
            "summary-more-than-months",
            months = months(lang, x)
        ))
    };
    if let Some(c) = s.censored.as_ref().filter(|c| c.n > 0) {
        return match c.median {
            Some(m) => {
                let note = if c.censored > 0 {
                    tr!(
                        lang,
                        "summary-half-life-note",
                        censored = c.censored.to_string(),
                        n = c.n.to_string(),
                    )
                } else {
                    String::new()
                };
                tr!(
                    lang,
                    "summary-half-life",
                    months = in_months(m),
                    note = note
                )
            }
            None => tr!(
                lang,
                "summary-half-life-censored",
                months = more_than(c.followup),
                censored = c.censored.to_string(),
                n = c.n.to_string(),
            ),
        };
    }
    match (s.mean, censored_share.and_then(|c| c.mean)) {
        // A file without the Kaplan-Meier columns, some of whose runs were censored: its mean
        // is over durations cut at the end, so only a lower bound.
        (Some(m), Some(share)) if share > 0.0 => tr!(
            lang,
            "summary-half-life-censored-share",
            months = more_than(m),
            share = escape(&n::percent(lang, share, 0)),
        ),
        (Some(m), _) => tr!(
            lang,
            "summary-half-life",
            months = in_months(m),
            note = String::new()
        ),
        (None, _) => tr!(lang, "summary-no-half-life"),
    }
}

/// A half-life's table cell: the median with its interval, "more than" when not reached.
fn half_life_cell(lang: Lang, s: Option<&Stat>) -> String {
    let Some(s) = s else {
        return not_measured(lang);
    };
    let months = |x: f64| months(lang, x);
    if let Some(c) = s.censored.as_ref().filter(|c| c.n > 0) {
        let CensoredText { head, interval, .. } = censored_text(lang, c, censored::SUMMARY, months);
        return format!(
            "{}<br><span class=\"ci\">{}</span>",
            escape(&head),
            escape(&interval)
        );
    }
    match (s.mean, s.ci()) {
        (Some(m), Some((lo, hi))) => format!(
            "{}<br><span class=\"ci\">{}</span>",
            escape(&months(m)),
            escape(&n::interval(lang, lo, hi, months))
        ),
        (Some(m), None) => escape(&months(m)),
        (None, _) => not_measured(lang),
    }
}

/// A difference's table cell: signed mean over its interval, or "none measurable" over the
/// interval when that includes zero.
fn effect_cell(
    lang: Lang,
    e: Option<Effect>,
    head: impl Fn(f64) -> String,
    end: impl Fn(f64) -> String,
) -> String {
    match e {
        Some(Effect::Up { mean, lo, hi } | Effect::Down { mean, lo, hi }) => format!(
            "{}<br><span class=\"ci\">{}</span>",
            escape(&head(mean)),
            escape(&n::interval(lang, lo, hi, end))
        ),
        Some(Effect::Unmeasurable { lo, hi }) => format!(
            "{}<br><span class=\"ci\">{}</span>",
            none(&tr!(lang, "summary-none-measurable")),
            escape(&n::interval(lang, lo, hi, end))
        ),
        Some(Effect::NoInterval { mean }) => escape(&head(mean)),
        None => not_measured(lang),
    }
}

/// An amount's table cell: the mean, its interval beneath unless the runs all agree.
fn amount_cell(lang: Lang, s: Option<&Stat>, f: impl Fn(f64) -> String) -> String {
    match s.and_then(|s| s.mean.map(|m| (m, s.ci()))) {
        Some((m, Some((lo, hi)))) if f(lo) != f(hi) => format!(
            "{}<br><span class=\"ci\">{}</span>",
            escape(&f(m)),
            escape(&n::interval(lang, lo, hi, &f))
        ),
        Some((m, _)) => escape(&f(m)),
        None => not_measured(lang),
    }
}

/// The break-even table cell: the month counted from the programme's start with its
/// interval when every run broke even, "not within" the horizon when none did, the share of
/// runs otherwise (as [`break_even_text`] says it in full).
fn break_even_cell(lang: Lang, d: &Durability, arm: &str, horizon_months: &str) -> String {
    let share = d.mean(arm, M::BreakEvenShare.name());
    let days = d.get(arm, M::BreakEvenDays.name());
    let months = |x: f64| months(lang, x);
    match share {
        None => not_measured(lang),
        Some(s) if s <= 0.0 => tr!(lang, "summary-not-within", horizon = horizon_months),
        Some(s) if s >= 1.0 => match days.and_then(|st| st.mean.map(|m| (m, st.ci()))) {
            Some((m, Some((lo, hi)))) => format!(
                "{}<br><span class=\"ci\">{}</span>",
                escape(&months(m)),
                escape(&n::interval(lang, lo, hi, months))
            ),
            Some((m, None)) => escape(&months(m)),
            None => not_measured(lang),
        },
        Some(s) => tr!(
            lang,
            "summary-in-share-of-runs",
            share = escape(&n::percent(lang, s, 0))
        ),
    }
}

/// The table: a row per programme with every figure the words below use, and its interval.
fn glance_table(html: &mut String, data: &RunData, progs: &[&String], cx: &Context) {
    let lang = cx.lang;
    let d = &data.durability;
    let horizon = cx.horizon_months();
    html.push_str("<table><thead><tr>");
    for id in [
        "summary-col-programme",
        "summary-col-peak",
        "summary-col-12m",
        "summary-col-nps-12m",
        "summary-col-half-life",
        "summary-col-cost",
        "summary-col-cost-per-point",
    ] {
        let _ = write!(html, "<th>{}</th>", escape(&tr!(lang, id)));
    }
    if cx.priced {
        let _ = write!(
            html,
            "<th>{}</th><th>{}</th>",
            escape(&tr!(
                lang,
                "summary-col-net-value",
                horizon = horizon.clone()
            )),
            escape(&tr!(lang, "summary-col-break-even")),
        );
    }
    html.push_str("</tr></thead><tbody>");
    let mut rows = String::new();
    let pp = |x: f64| pp(lang, x);
    let pp_signed = |x: f64| pp_signed(lang, x);
    let sig = |x: f64| n::sig(lang, x);
    let sig_signed = |x: f64| n::sig_signed(lang, x);
    let euro = |x: f64| n::euro(lang, x);
    for a in progs {
        let get = |m: M| d.get(a, m.name());
        let colour = hex(palette::arm_color(data.arm_index(a)));
        let costs_nothing = d.mean(a, M::Cost.name()).is_some_and(|c| c <= 0.0);
        let per_point = match Effect::of(get(M::Gain12mNps)) {
            _ if costs_nothing => none(&tr!(lang, "summary-cell-costs-nothing")),
            Some(Effect::Up { .. } | Effect::NoInterval { .. }) => {
                amount_cell(lang, get(M::CostPerLastingNpsPoint), euro)
            }
            Some(_) => none(&tr!(lang, "summary-cell-no-lasting-gain")),
            None => not_measured(lang),
        };
        let _ = write!(
            &mut rows,
            "<tr><th><span class=\"sw\" style=\"background:{colour}\"></span>{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{per_point}</td>",
            escape(&arm_label(lang, a)),
            effect_cell(lang, Effect::of(get(M::PeakGainB)), pp_signed, pp),
            effect_cell(lang, Effect::of(get(M::Gain12mB)), pp_signed, pp),
            effect_cell(lang, Effect::of(get(M::Gain12mNps)), sig_signed, sig),
            half_life_cell(lang, get(M::HalfLifeDaysB)),
            amount_cell(lang, get(M::Cost), euro),
        );
        if cx.priced {
            let _ = write!(
                &mut rows,
                "<td class=\"n\">{}</td><td class=\"n\">{}</td>",
                effect_cell(lang, Effect::of(get(M::NetValue)), euro, euro),
                break_even_cell(lang, d, a, &horizon)
            );
        }
        rows.push_str("</tr>");
    }
    // A narrow column wraps an interval at its comma, never between a minus sign and its
    // number (browsers may break after U+2212): a word joiner holds them together.
    html.push_str(&rows.replace('\u{2212}', "\u{2212}\u{2060}"));
    html.push_str("</tbody></table>");
}

/// The programmes: arms with a gain over the baseline, in scenario order.
fn programmes(data: &RunData) -> Vec<&String> {
    data.arms
        .iter()
        .filter(|a| data.durability.get(a, M::PeakGainB.name()).is_some())
        .collect()
}

/// An arm's description as its scenario writes it (in the manifest), if it has one; the
/// reader's language is put on it by `described::arm_description`.
fn manifest_arm_description(m: Option<&ManifestRecord>, arm: &str) -> Option<String> {
    m?.scenario
        .as_ref()?
        .get("arms")?
        .as_array()?
        .iter()
        .find(|a| a.get("name").and_then(Value::as_str) == Some(arm))?
        .get("description")?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The one chart: cost against lasting benefit when a programme has a cost, else the
/// durability chart; none when neither can be drawn.
fn chart(data: &RunData) -> Option<ChartKind> {
    let all = plot::available_charts(data);
    let has_cost = data.arms.iter().any(|a| {
        data.durability
            .mean(a, M::Cost.name())
            .is_some_and(|c| c > 0.0)
    });
    if has_cost && all.contains(&ChartKind::CostBenefit) {
        Some(ChartKind::CostBenefit)
    } else if all.contains(&ChartKind::Durability) {
        Some(ChartKind::Durability)
    } else {
        None
    }
}

fn chart_caption(lang: Lang, kind: &ChartKind) -> String {
    match kind {
        ChartKind::CostBenefit => tr!(lang, "summary-caption-cost-benefit"),
        _ => tr!(lang, "summary-caption-durability"),
    }
}

/// Clauses joined into one sentence: `a; b; c.` with the first letter a capital.
fn clauses(parts: &[String]) -> String {
    let mut text = parts.join("; ");
    if let Some(first) = text.chars().next().filter(|c| c.is_ascii_lowercase()) {
        text.replace_range(..1, &first.to_ascii_uppercase().to_string());
    }
    if !text.ends_with("</span>") {
        text.push('.');
    }
    text
}

/// A colour as CSS hex.
fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The summary's HTML from a run's loaded data and manifest, in `lang`.
pub fn summary_html(
    lang: Lang,
    data: &RunData,
    m: Option<&ManifestRecord>,
) -> Result<String, ReportError> {
    let progs = programmes(data);
    let sc = m.and_then(|m| m.scenario.as_ref());
    let num = |path: &[&str]| {
        path.iter()
            .try_fold(sc?, |v, k| v.get(k))
            .and_then(Value::as_f64)
    };
    let horizon_days = num(&["horizon_days"]).unwrap_or_else(|| data.timeseries.max_day().max(1.0));
    let priced = data
        .arms
        .iter()
        .any(|a| data.durability.get(a, M::BreakEvenShare.name()).is_some());
    let cx = Context {
        lang,
        horizon_days,
        priced,
    };
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body{}><div class=\"page\">",
        lang.code(),
        escape(&tr!(lang, "summary-title", scenario = data.scenario.clone())),
        if progs.len() > 6 || (priced && progs.len() > 4) {
            " class=\"dense\""
        } else {
            ""
        }
    );
    let description = sc
        .and_then(|s| s.get("description"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|d| described::scenario_description(lang, d));
    let _ = write!(
        html,
        "<h1>{}</h1><p class=\"sub\">{}</p>",
        escape(&tr!(lang, "summary-heading")),
        escape(description.as_deref().unwrap_or(&data.scenario))
    );
    let org = match (
        num(&["organisation", "employees"]),
        num(&["organisation", "team_size"]),
    ) {
        (Some(e), Some(t)) => tr!(
            lang,
            "summary-organisation-teams",
            employees = n::fixed(lang, e, 0),
            team_size = n::fixed(lang, t, 0),
        ),
        (Some(e), None) => tr!(
            lang,
            "summary-organisation-employees",
            employees = n::fixed(lang, e, 0)
        ),
        _ => tr!(lang, "summary-organisation"),
    };
    let _ = write!(
        html,
        "<p class=\"context\">{}</p>",
        tr!(
            lang,
            "summary-context",
            organisation = org,
            months = n::fixed(lang, horizon_days / DAYS_PER_MONTH, 0),
            behaviour = format!("<i>{}</i>", escape(&tr!(lang, "summary-behaviour"))),
        )
    );

    if !progs.is_empty() {
        glance_table(&mut html, data, &progs, &cx);
    }
    html.push_str("<div class=\"grid\">");
    if let Some(kind) = chart(data) {
        // The cost chart is drawn small enough to sit in a column; the durability chart,
        // with its two panels, needs its own size and the page's width.
        let (size, id) = match kind {
            ChartKind::CostBenefit => (CHART_SIZE, "chart"),
            _ => (plot::chart_size(data, &kind, lang), "wide"),
        };
        let svg = plot::svg_of(size, |root| plot::draw_chart(root, data, &kind, lang))?;
        inline_figure(&mut html, id, &svg, Some(&chart_caption(lang, &kind)));
    }
    for a in &progs {
        let v = verdict(&data.durability, a, &cx);
        let colour = hex(palette::arm_color(data.arm_index(a)));
        let _ = write!(
            html,
            "<section><h2><span class=\"sw\" style=\"background:{colour}\"></span>{}</h2>",
            escape(&arm_label(lang, a))
        );
        let desc = manifest_arm_description(m, a).map(|d| described::arm_description(lang, a, &d));
        if let Some(desc) = desc.filter(|d| Some(d.as_str()) != description.as_deref()) {
            let _ = write!(html, "<p class=\"what\">{}</p>", escape(&desc));
        }
        html.push_str("<dl>");
        let no_drawback = [none(&tr!(lang, "summary-no-drawback"))];
        let will_not: &[String] = if v.will_not.is_empty() && !v.does.is_empty() {
            &no_drawback
        } else {
            &v.will_not
        };
        for (label, parts) in [
            ("summary-label-does", v.does.as_slice()),
            ("summary-label-will-not", will_not),
            ("summary-label-lasts", v.lasts.as_slice()),
            ("summary-label-costs", v.costs.as_slice()),
        ] {
            if !parts.is_empty() {
                let _ = write!(
                    html,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape(&tr!(lang, label)),
                    clauses(parts)
                );
            }
        }
        html.push_str("</dl></section>");
    }
    html.push_str("</div>");
    if progs.is_empty() {
        let _ = write!(
            html,
            "<p>{}</p>",
            escape(&tr!(lang, "summary-no-programme"))
        );
    }

    let replications = m
        .and_then(|m| m.replications)
        .map(|r| r as f64)
        .or_else(|| num(&["replications"]))
        .or_else(|| {
            progs
                .first()
                .and_then(|a| data.durability.get(a, M::PeakGainB.name()))
                .and_then(|s| s.n)
                .map(|n| n as f64)
        });
    let reps = replications
        .map(|r| tr!(lang, "summary-replications", n = n::fixed(lang, r, 0)))
        .unwrap_or_else(|| tr!(lang, "summary-replications-unknown"));
    let finished = m
        .and_then(|m| m.finished.as_deref())
        .map(|f| format!(" · {}", tr!(lang, "summary-finished", when = f)))
        .unwrap_or_default();
    let _ = writeln!(
        html,
        "<footer>{}</footer></div></body></html>",
        tr!(
            lang,
            "summary-footer",
            scenario = escape(&data.scenario),
            replications = escape(&reps),
            interval = escape(&interval_long(lang, data.intervals)),
            tool = escape(&produced_by(lang, m)),
            finished = escape(&finished),
        )
    );
    Ok(html)
}

/// Builds the summary of the run in `dir` (CSV files plus `manifest.json` if present), in
/// `lang`.
pub fn render_summary(lang: Lang, dir: &Path) -> Result<String, ReportError> {
    let data = plot::data::load_run_series(dir)?;
    if data.timeseries.is_empty() && data.durability.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoResultRows { dir: dir.into() }).into());
    }
    let manifest = load_manifest(dir)?;
    summary_html(lang, &data, manifest.as_ref())
}

/// Writes `dir/summary.html` atomically for a run's directory, in `lang`, and returns its
/// path; a sweep's or a calibration's directory gets none (`Ok(None)`).
pub fn write_summary(lang: Lang, dir: &Path) -> Result<Option<PathBuf>, ReportError> {
    if plot::sweep::is_sweep_dir(dir) || plot::calibration::is_calibration_dir(dir) {
        return Ok(None);
    }
    let html = render_summary(lang, dir)?;
    let path = dir.join(SUMMARY_FILE);
    write_atomic(&path, html.as_bytes()).map_err(|source| ReportError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(Some(path))
}
