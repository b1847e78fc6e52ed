//! Values on hover in the SVG charts: transparent areas over the plot, each with a
//! `<title>` that a browser shows as a tooltip ("day 150 · month 7.2", then each arm's mean
//! and interval with the unit). Plotters' SVG backend writes no titles, so a chart's drawing
//! code records the areas while it draws ([`column`]) and [`svg_of`](super::svg_of) appends
//! them to the document. The PNG path records nothing (and builds no text), so PNG files
//! are unchanged.

use std::cell::RefCell;

use plotters::prelude::*;

use super::charts::common::{ungrouped, XyCoord};
use super::data::{day_to_month, RunData};
use crate::metrics::registry;
use crate::plot::metrics::unit_in;
use crate::text::{numbers, tr, Lang};

/// One hover area: a rectangle in the chart's pixels and its text.
struct Spot {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
    text: String,
}

thread_local! {
    /// The areas of the SVG being drawn on this thread; `None` when none is.
    static SPOTS: RefCell<Option<Vec<Spot>>> = const { RefCell::new(None) };
}

/// Whether an SVG is being drawn (so that text is worth building).
pub fn active() -> bool {
    SPOTS.with(|s| s.borrow().is_some())
}

/// Records the hover area between data x values `x0..x1` over the whole height of `chart`'s
/// plot, with `text` (built only when an SVG is being drawn).
pub fn column<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, XyCoord>,
    x0: f64,
    x1: f64,
    text: impl FnOnce() -> String,
) {
    let r = chart.y_range();
    area(chart, (x0, r.start), (x1, r.end), text);
}

/// Records the hover area between the data points `from` and `to` (opposite corners) of
/// `chart`, with `text` (built only when an SVG is being drawn).
pub fn area<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, XyCoord>,
    from: (f64, f64),
    to: (f64, f64),
    text: impl FnOnce() -> String,
) {
    if !active() {
        return;
    }
    let (a, b) = (chart.backend_coord(&from), chart.backend_coord(&to));
    let spot = Spot {
        x0: a.0.min(b.0),
        y0: a.1.min(b.1),
        x1: a.0.max(b.0),
        y1: a.1.max(b.1),
        text: text(),
    };
    SPOTS.with(|s| {
        if let Some(v) = s.borrow_mut().as_mut() {
            v.push(spot);
        }
    });
}

/// Runs `draw` with recording on, and returns its result with the recorded areas as SVG
/// (empty when there are none).
pub(crate) fn recording<R>(draw: impl FnOnce() -> R) -> (R, String) {
    SPOTS.with(|s| *s.borrow_mut() = Some(Vec::new()));
    let r = draw();
    let spots = SPOTS.with(|s| s.borrow_mut().take()).unwrap_or_default();
    if spots.is_empty() {
        return (r, String::new());
    }
    let mut out = String::from("<g class=\"hover\" fill=\"#000\" fill-opacity=\"0\">\n");
    for s in spots {
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>\n",
            s.x0,
            s.y0,
            (s.x1 - s.x0).max(1),
            (s.y1 - s.y0).max(1),
            escape(&s.text)
        ));
    }
    out.push_str("</g>\n");
    (r, out)
}

/// Columns a time axis gets at most: about 25 px each on a 1,000-px plot, so that a report
/// of twenty-odd charts grows by about a third, not by half or more.
const MAX_COLUMNS: usize = 40;

/// Hover areas over a chart whose x axis is months, one a recorded day (at most
/// [`MAX_COLUMNS`]): the heading (if any), the day and month, then one line per `(label, arm, metric)`: the arm's mean and
/// interval of the metric with its unit.
pub fn days<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, XyCoord>,
    data: &RunData,
    heading: &str,
    lines: &[(String, &str, &str)],
) {
    days_in(chart, data, heading, lines, Lang::En);
}

/// [`days`] in `lang`.
pub fn days_in<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, XyCoord>,
    data: &RunData,
    heading: &str,
    lines: &[(String, &str, &str)],
    lang: Lang,
) {
    if !active() {
        return;
    }
    let ts = &data.timeseries;
    let Some((_, arm, metric)) = lines.first() else {
        return;
    };
    let days: Vec<f64> = ts.series(arm, metric).iter().map(|p| p.day).collect();
    let months: Vec<f64> = days.iter().map(|&d| day_to_month(d)).collect();
    for (i, lo, hi) in columns(&months, MAX_COLUMNS) {
        column(chart, lo, hi, || {
            let day = days[i];
            let mut text = if heading.is_empty() {
                String::new()
            } else {
                format!("{heading}\n")
            };
            text.push_str(&tr!(
                lang,
                "charts-hover-day-month",
                day = ungrouped(lang, day, 0),
                month = ungrouped(lang, months[i], 1)
            ));
            for (label, arm, metric) in lines {
                let unit = registry::describe(metric).map_or("", |d| d.unit);
                let v = ts
                    .series(arm, metric)
                    .iter()
                    .find(|p| p.day == day)
                    .map_or(tr!(lang, "charts-no-value"), |p| {
                        value_text(p.stat.mean, p.stat.ci_lo, p.stat.ci_hi, unit, lang)
                    });
                text.push_str(&format!("\n{label}: {v}"));
            }
            text
        });
    }
}

/// Text as SVG character data.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A value with its interval and unit as a tooltip line: `0.529 [0.512, 0.546] (0–1)`,
/// money as `€288,000 [€280,000, €296,000]`.
///
/// In `lang`: its numbers in the locale's form, its unit in words.
pub fn value_text(
    mean: Option<f64>,
    lo: Option<f64>,
    hi: Option<f64>,
    unit: &str,
    lang: Lang,
) -> String {
    let euro = unit == "euro";
    let f = |x: f64| {
        if euro {
            numbers::euro(lang, x)
        } else {
            numbers::sig(lang, x)
        }
    };
    let Some(m) = mean else {
        return tr!(lang, "charts-no-value");
    };
    let ci = match (lo, hi) {
        (Some(l), Some(h)) => format!(" {}", numbers::interval(lang, l, h, f)),
        _ => String::new(),
    };
    if euro || unit.is_empty() {
        format!("{}{ci}", f(m))
    } else {
        format!("{}{ci} ({})", f(m), unit_in(unit, lang))
    }
}

/// Column boundaries for hover areas centred on `xs` (ascending): halfway between
/// neighbours, the ends at the first and last value. Beyond `max` values every k-th one
/// gets a column (k the smallest that leaves at most `max`), and the last one always.
pub fn columns(xs: &[f64], max: usize) -> Vec<(usize, f64, f64)> {
    if xs.is_empty() {
        return Vec::new();
    }
    let step = xs.len().div_ceil(max.max(1)).max(1);
    let mut picked: Vec<usize> = (0..xs.len()).step_by(step).collect();
    if picked.last() != Some(&(xs.len() - 1)) {
        picked.push(xs.len() - 1);
    }
    let mid = |a: usize, b: usize| 0.5 * (xs[a] + xs[b]);
    picked
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let lo = if k == 0 { xs[i] } else { mid(picked[k - 1], i) };
            let hi = if k + 1 == picked.len() {
                xs[i]
            } else {
                mid(i, picked[k + 1])
            };
            (i, lo, hi)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_meet_halfway_and_keep_the_last_value() {
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        assert_eq!(
            columns(&xs, 10),
            vec![
                (0, 0.0, 0.5),
                (1, 0.5, 1.5),
                (2, 1.5, 2.5),
                (3, 2.5, 3.5),
                (4, 3.5, 4.0)
            ]
        );
        assert_eq!(
            columns(&xs, 2),
            vec![(0, 0.0, 1.5), (3, 1.5, 3.5), (4, 3.5, 4.0)]
        );
    }
}
