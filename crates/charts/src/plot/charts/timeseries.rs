//! One metric over time: every arm a line with its 95 % CI band; x in months.
//!
//! Three rules keep the picture honest: a level on a bounded scale (a 0–1 state, a 0–10
//! score, an NPS) keeps at least a quarter of that scale in view, so a movement of 0.3 on a
//! 0–10 score does not fill the panel; an arm whose line is the baseline's is named so in
//! the legend rather than hidden under it; and a bar above the plot shows when each arm's
//! programme runs.

use std::ops::Range;

use plotters::prelude::*;

use super::common::*;
use crate::metrics::registry;
use crate::plot::data::{day_to_month, RunData, TsPoint};
use crate::plot::error::{draw_err, NoDataReason, PlotError};
use crate::plot::hover;
use crate::plot::metrics::metric_info;
use crate::plot::palette;
use crate::text::{numbers, tr, Lang};

/// Opacity of the CI bands.
const BAND_OPACITY: f64 = 0.16;

/// Smallest height of the plot itself (axes included) when the legend grows.
const MIN_PLOT_HEIGHT: u32 = 430;

fn arms_with<'a>(data: &'a RunData, metric: &str) -> Vec<&'a String> {
    data.arms
        .iter()
        .filter(|a| {
            data.timeseries
                .series(a, metric)
                .iter()
                .any(|p| p.stat.mean.is_some())
        })
        .collect()
}

/// Share of a bounded quantity's scale a level chart shows at least.
pub const MIN_SCALE_SHARE: f64 = 0.25;

/// Height of one programme bar above the plot, and the gap under the bars, as shares of the
/// plotted value range.
const WINDOW_ROW: f64 = 0.035;
const WINDOW_GAP: f64 = 0.03;

/// `r` widened, around its centre, to at least [`MIN_SCALE_SHARE`] of `scale`, and kept
/// inside it.
pub fn fair_range(r: Range<f64>, scale: Option<(f64, f64)>) -> Range<f64> {
    let Some((lo, hi)) = scale else {
        return r;
    };
    let min_span = MIN_SCALE_SHARE * (hi - lo);
    if r.end - r.start >= min_span {
        return r;
    }
    let mid = 0.5 * (r.start + r.end);
    let (mut a, mut b) = (mid - 0.5 * min_span, mid + 0.5 * min_span);
    if a < lo {
        b += lo - a;
        a = lo;
    }
    if b > hi {
        a -= b - hi;
        b = hi;
    }
    a.max(lo)..b.min(hi)
}

/// Two series with the same mean on every recorded day (to 1e-12 relative).
fn same_series(a: &[TsPoint], b: &[TsPoint]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(p, q)| {
            p.day == q.day
                && match (p.stat.mean, q.stat.mean) {
                    (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1.0),
                    (None, None) => true,
                    _ => false,
                }
        })
}

/// Whether `arm`'s line of `metric` is the baseline's (drawn under it, so the legend says so).
pub fn same_as_baseline(data: &RunData, metric: &str, arm: &str) -> bool {
    arm != "baseline"
        && data.arms.iter().any(|a| a == "baseline")
        && same_series(
            data.timeseries.series(arm, metric),
            data.timeseries.series("baseline", metric),
        )
}

/// Why the chart of `metric` would show nothing: every arm the same constant on every
/// recorded day (a head count the scenario fixes, a cost no arm incurs). `None` when it shows
/// something.
pub fn degenerate(data: &RunData, metric: &str, lang: Lang) -> Option<String> {
    let mut first: Option<f64> = None;
    let mut points = 0;
    for a in &data.arms {
        for p in data.timeseries.series(a, metric) {
            if let Some(m) = p.stat.mean {
                points += 1;
                let v = *first.get_or_insert(m);
                if (m - v).abs() > 1e-9 * v.abs().max(1.0) {
                    return None;
                }
            }
        }
    }
    // A single point is a dot, not a flat line: drawn.
    let v = first.filter(|_| points >= 2)?;
    let title = metric_info(metric, lang).title;
    Some(if v == 0.0 {
        tr!(lang, "charts-degenerate-zero", title = title)
    } else {
        tr!(
            lang,
            "charts-degenerate-constant",
            title = title,
            value = numbers::fixed(lang, v, if v.fract() == 0.0 { 0 } else { 3 })
        )
    })
}

fn legend_items(data: &RunData, metric: &str, arms: &[&String], lang: Lang) -> Vec<LegendItem> {
    arms.iter()
        .map(|a| {
            LegendItem::new(
                if same_as_baseline(data, metric, a) {
                    tr!(lang, "charts-same-as-baseline", arm = arm_label(lang, a))
                } else {
                    arm_label(lang, a)
                },
                palette::arm_color(data.arm_index(a)),
                Swatch::LineBand(4),
            )
        })
        .collect()
}

/// Pixel size of the time-series chart of `metric`: 1200×700, taller only when many arms
/// need more legend rows than fit.
///
/// The chart in `lang`: its legend's words decide the rows.
pub fn timeseries_size(data: &RunData, metric: &str, lang: Lang) -> (u32, u32) {
    crate::plot::font::register_fonts();
    let items = legend_items(data, metric, &arms_with(data, metric), lang);
    let mut scratch = String::new();
    let area = SVGBackend::with_string(&mut scratch, (WIDTH, HEIGHT)).into_drawing_area();
    let legend_h = legend_height(&area, &items, WIDTH - 80).unwrap_or(0);
    (
        WIDTH,
        HEIGHT.max(HEADER_HEIGHT + legend_h + MIN_PLOT_HEIGHT),
    )
}

/// Draws the time-series chart of `metric` onto `root` (size from [`timeseries_size`]).
pub fn draw_timeseries<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    metric: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let ts = &data.timeseries;
    let arms = arms_with(data, metric);
    if arms.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoMetricValues {
            metric: metric.into(),
        }));
    }
    let info = metric_info(metric, lang);
    root.fill(&WHITE).map_err(draw_err)?;

    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    // Arms with a programme, in legend order: one bar row each above the plot.
    let window_arms: Vec<&String> = arms
        .iter()
        .copied()
        .filter(|a| data.windows.iter().any(|w| &w.arm == *a))
        .collect();
    draw_header(
        &header,
        &info.title,
        &if window_arms.is_empty() {
            tr!(
                lang,
                "charts-timeseries-subtitle",
                band = data.intervals.band_in(lang)
            )
        } else {
            tr!(
                lang,
                "charts-timeseries-subtitle-bars",
                band = data.intervals.band_in(lang)
            )
        },
    )?;

    let items = legend_items(data, metric, &arms, lang);
    let legend_w = w.saturating_sub(80);
    let legend_h = legend_height(root, &items, legend_w)?;
    let (plot_area, legend_area) =
        rest.split_vertically(h.saturating_sub(HEADER_HEIGHT + legend_h));

    let values = arms.iter().flat_map(|a| {
        ts.series(a, metric).iter().flat_map(|p| {
            [p.stat.mean, p.stat.ci_lo, p.stat.ci_hi]
                .into_iter()
                .flatten()
        })
    });
    let scale = registry::describe(metric).and_then(|d| d.scale());
    let y_range = fair_range(value_range(values, info.zero_line), scale);
    let mut spec = AxisSpec::months(ts.max_day(), y_range.clone(), &info.y_desc, lang);
    // Room above the values for the programme bars; the ticks stay on the values.
    let span = y_range.end - y_range.start;
    let row = WINDOW_ROW * span;
    if !window_arms.is_empty() {
        spec.y_range.end += WINDOW_GAP * span + row * window_arms.len() as f64;
    }
    let mut chart = build_chart(&plot_area, &spec, (8, 40, 4, 16), None, None)?;
    for (i, a) in window_arms.iter().enumerate() {
        let c = palette::arm_color(data.arm_index(a));
        let top = spec.y_range.end - row * i as f64;
        chart
            .draw_series(data.windows.iter().filter(|w| &w.arm == *a).map(|w| {
                let (x0, x1) = (day_to_month(w.start_day), day_to_month(w.end_day));
                // A one- or two-day training stays visible as a short bar.
                let x1 = x1.max(x0 + 0.15).min(spec.x_range.end);
                Rectangle::new([(x0, top - 0.8 * row), (x1, top)], c.filled())
            }))
            .map_err(draw_err)?;
    }

    if info.zero_line {
        draw_hline(&mut chart, &spec.x_range, 0.0, palette::GREY_AXIS, 2)?;
    }
    for a in &arms {
        let c = palette::arm_color(data.arm_index(a));
        draw_ci_band(&mut chart, ts.series(a, metric), c, BAND_OPACITY)?;
    }
    // Baseline last so the reference arm is never hidden under the others.
    let mut order: Vec<&&String> = arms.iter().filter(|a| a.as_str() != "baseline").collect();
    order.extend(arms.iter().filter(|a| a.as_str() == "baseline"));
    for a in order {
        let c = palette::arm_color(data.arm_index(a));
        draw_mean_line(&mut chart, ts.series(a, metric), c, 3)?;
    }
    if hover::active() {
        let lines: Vec<(String, &str, &str)> = arms
            .iter()
            .map(|a| (a.replace('_', " "), a.as_str(), metric))
            .collect();
        // The chart's title says what the figures are; a tooltip needs only when and which.
        hover::days_in(&chart, data, "", &lines, lang);
    }

    draw_legend_rows(&legend_area, &items, (40, w as i32 - 40), 18)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::data::{ProgrammeWindow, Stat, Timeseries};

    /// A run of `arms`, each with `metric` given by `f(arm index, day)` on days 0, 5, …, 95.
    fn run(arms: &[&str], metric: &str, f: impl Fn(usize, f64) -> f64) -> RunData {
        let mut ts = Timeseries::default();
        for (i, a) in arms.iter().enumerate() {
            for d in (0..20).map(|k| 5.0 * k as f64) {
                let m = f(i, d);
                ts.insert(
                    a,
                    metric,
                    TsPoint {
                        day: d,
                        stat: Stat {
                            mean: Some(m),
                            ci_lo: Some(m - 0.01),
                            ci_hi: Some(m + 0.01),
                            ..Default::default()
                        },
                    },
                );
            }
        }
        RunData {
            dir: Default::default(),
            intervals: Default::default(),
            scenario: "t".into(),
            arms: arms.iter().map(|a| a.to_string()).collect(),
            timeseries: ts,
            durability: Default::default(),
            windows: vec![ProgrammeWindow {
                arm: arms[arms.len() - 1].to_string(),
                start_day: 10.0,
                end_day: 40.0,
            }],
            teams: None,
        }
    }

    #[test]
    fn a_small_movement_on_a_ten_point_scale_does_not_fill_the_panel() {
        // Mean score 7.65–8.0 on 0–10: at least 2.5 points in view, inside 0–10.
        let r = fair_range(7.6..8.0, Some((0.0, 10.0)));
        assert!((r.end - r.start - 2.5).abs() < 1e-12, "{r:?}");
        assert!(r.start < 7.6 && r.end > 8.0);
        // Near an end of the scale the window slides inside it.
        let r = fair_range(0.01..0.05, Some((0.0, 1.0)));
        assert_eq!(r, 0.0..0.25);
        // A wide range and an unbounded quantity are left alone.
        assert_eq!(fair_range(0.2..0.9, Some((0.0, 1.0))), 0.2..0.9);
        assert_eq!(fair_range(190.0..210.0, None), 190.0..210.0);
    }

    #[test]
    fn an_arm_identical_to_the_baseline_is_named_not_hidden() {
        let d = run(&["baseline", "copy", "coaching"], "B", |i, day| {
            0.4 + if i == 2 { day / 1000.0 } else { 0.0 }
        });
        assert!(same_as_baseline(&d, "B", "copy"));
        assert!(!same_as_baseline(&d, "B", "coaching"));
        assert!(!same_as_baseline(&d, "B", "baseline"));
        let arms = arms_with(&d, "B");
        let labels: Vec<String> = legend_items(&d, "B", &arms, Lang::En)
            .into_iter()
            .map(|i| i.label)
            .collect();
        assert_eq!(labels[1], "copy (same as baseline)");
        assert_eq!(labels[2], "coaching");
    }

    #[test]
    fn a_constant_in_every_arm_is_left_out_with_its_reason() {
        let d = run(&["baseline", "coaching"], "employees", |_, _| 200.0);
        let why = degenerate(&d, "employees", Lang::En).unwrap();
        assert!(why.contains("the same value, 200, in every arm"), "{why}");
        let z = run(&["baseline", "coaching"], "gamed_per_1000", |_, _| 0.0);
        assert!(degenerate(&z, "gamed_per_1000", Lang::En)
            .unwrap()
            .contains("zero"));
        let moving = run(&["baseline", "coaching"], "B", |i, _| 0.4 + 0.1 * i as f64);
        assert_eq!(degenerate(&moving, "B", Lang::En), None);
        assert!(!crate::plot::available_charts(&d)
            .iter()
            .any(|k| matches!(k, crate::plot::ChartKind::Timeseries { .. })));
        assert_eq!(crate::plot::charts_left_out(&d, Lang::En).len(), 1);
    }

    #[test]
    fn programme_bars_are_drawn_in_the_arms_colour() {
        let d = run(&["baseline", "coaching"], "B", |i, day| {
            0.4 + i as f64 * day / 1000.0
        });
        let svg = crate::plot::render_svg_string(
            &d,
            &crate::plot::ChartKind::Timeseries { metric: "B".into() },
            Lang::En,
        )
        .unwrap();
        assert!(svg.contains("bars at the top: when each programme runs"));
        let c = palette::arm_color(1);
        let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        let bars = |svg: &str| {
            svg.lines()
                .filter(|l| l.starts_with("<rect") && l.contains(&fill))
                .count()
        };
        let with = bars(&svg);
        let mut none = d.clone();
        none.windows.clear();
        let svg = crate::plot::render_svg_string(
            &none,
            &crate::plot::ChartKind::Timeseries { metric: "B".into() },
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            with,
            bars(&svg) + 1,
            "one window, one bar (beside the legend's swatch)"
        );
        assert!(!svg.contains("bars at the top"));
    }
}
