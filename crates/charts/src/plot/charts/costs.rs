//! What the programmes cost and what they leave behind.
//!
//! - The cost chart: per arm, the cumulative cost at the end of the horizon in its two parts,
//!   the programmes' interventions and the rule breaks, with the total beside the bar. The
//!   baseline has no intervention, so its bar is rule breaks alone: a chart of the total
//!   under the name "intervention cost" would show the baseline paying for programmes it
//!   never ran.
//! - The cost-against-benefit chart: per programme, its intervention cost against the NPS
//!   gain still there 12 months after it ends, each with its interval.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use crate::metrics::registry::{DurabilityMetric, Metric};
use crate::plot::data::{RunData, Stat};
use crate::plot::error::{draw_err, NoDataReason, PlotError};
use crate::plot::hover;
use crate::plot::palette;
use crate::text::{numbers, tr, Lang};

/// The parts of the cost, as the chart names them: (metric, legend label, colour).
pub const PARTS: [(Metric, &str, RGBColor); 2] = [
    (
        Metric::CostInterventionsCumulative,
        "interventions (the programmes)",
        palette::BLUE,
    ),
    (
        Metric::CostRuleBreaksCumulative,
        "rule breaks",
        palette::VERMILLION,
    ),
];
/// The message ids of the [`PARTS`]' legend labels, in their order.
const PART_LABELS: [&str; 2] = [
    "charts-costs-part-interventions",
    "charts-costs-part-rule-breaks",
];

/// The total the parts add up to.
pub const TOTAL: Metric = Metric::CostCumulative;

/// One arm's bar: the mean over runs of each cumulative cost on the last recorded day.
#[derive(Debug, Clone, PartialEq)]
pub struct CostBar {
    pub arm: String,
    /// In [`PARTS`] order (euro).
    pub parts: [f64; 2],
    /// The recorded total, `cost_cumulative` (euro).
    pub total: f64,
    /// The day the figures are read on.
    pub day: f64,
}

/// The last point of `metric` for `arm` with a mean: (day, mean).
fn last_mean(data: &RunData, arm: &str, metric: Metric) -> Option<(f64, f64)> {
    data.timeseries
        .series(arm, metric.name())
        .iter()
        .rev()
        .find_map(|p| p.stat.mean.map(|m| (p.day, m)))
}

/// The bars the cost chart draws: arms with both parts and the total recorded.
pub fn cost_bars(data: &RunData) -> Vec<CostBar> {
    data.arms
        .iter()
        .filter_map(|arm| {
            let (day, total) = last_mean(data, arm, TOTAL)?;
            let a = last_mean(data, arm, PARTS[0].0)?.1;
            let b = last_mean(data, arm, PARTS[1].0)?.1;
            Some(CostBar {
                arm: arm.clone(),
                parts: [a, b],
                total,
                day,
            })
        })
        .collect()
}

/// Draws the cost chart onto `root` (about 1200×700).
pub fn draw_costs<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let bars = cost_bars(data);
    if bars.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoCostRows));
    }
    root.fill(&WHITE).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    let months = bars[0].day / crate::plot::data::DAYS_PER_MONTH;
    draw_header(
        &header,
        &tr!(lang, "charts-costs-title"),
        &tr!(
            lang,
            "charts-costs-subtitle",
            months = numbers::fixed(lang, months, 0)
        ),
    )?;
    let items: Vec<LegendItem> = PARTS
        .iter()
        .zip(PART_LABELS)
        .map(|(&(_, _, c), l)| LegendItem::new(tr!(lang, l), c, Swatch::Line(16)))
        .collect();
    let legend_h = legend_height(root, &items, w.saturating_sub(80))?;
    let (body, bottom) = rest.split_vertically(h.saturating_sub(HEADER_HEIGHT + legend_h));

    let label_style = text_style(LEGEND_SIZE, palette::BLACK);
    let mut label_w = 0;
    for b in &bars {
        label_w = label_w.max(text_width(root, &arm_label(lang, &b.arm), &label_style)?);
    }
    let label_col = (label_w + 28).min(w / 3);
    let (_, plot) = body.split_horizontally(label_col);
    let n = bars.len();
    let row_y = |i: usize| (n - 1 - i) as f64;
    let y_range = -0.6..(n as f64 - 0.4);
    let widest = bars
        .iter()
        .map(|b| b.total.max(b.parts.iter().sum()))
        .fold(0.0, f64::max);
    // Room on the right for the total's label.
    let x_range = value_range([0.0, widest * 1.22], true);
    let (x_ticks, x_decimals) = ticks(&x_range, 5);
    let spec = AxisSpec {
        x_range: x_range.clone(),
        x_ticks,
        x_decimals,
        x_desc: Some(crate::plot::metrics::axis_in("euro", lang)),
        y_range,
        y_ticks: vec![],
        y_decimals: 0,
        y_desc: None,
        x_labels: true,
        y_labels: false,
        tick_size: TICK_SIZE,
        desc_size: AXIS_DESC_SIZE,
        x_log: false,
        y_log: false,
        lang,
    };
    let mut chart = build_chart(&plot, &spec, (16, 24, 4, 8), Some(4), None)?;
    for (i, b) in bars.iter().enumerate() {
        let y = row_y(i);
        let mut x0 = 0.0;
        for (&(_, _, colour), &part) in PARTS.iter().zip(&b.parts) {
            let x1 = x0 + part.max(0.0);
            if x1 > x0 {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x0, y - 0.3), (x1, y + 0.3)],
                        colour.filled(),
                    )))
                    .map_err(draw_err)?;
            }
            x0 = x1;
        }
        hover::area(&chart, (0.0, y - 0.4), (x0.max(b.total), y + 0.4), || {
            let mut text = arm_label(lang, &b.arm);
            for (label, &part) in PART_LABELS.iter().zip(&b.parts) {
                let label = tr!(lang, label);
                text.push_str(&format!("\n{label}: {}", numbers::euro(lang, part)));
            }
            text.push_str(&format!(
                "\n{}",
                tr!(
                    lang,
                    "charts-costs-hover-total",
                    total = numbers::euro(lang, b.total)
                )
            ));
            text
        });
        let (px, py) = chart.backend_coord(&(x0, y));
        draw_text(
            root,
            &tr!(
                lang,
                "charts-costs-total",
                total = numbers::fixed(lang, b.total, 0)
            ),
            &text_style(LEGEND_SIZE, palette::GREY_TEXT),
            (px + 10, py),
            HPos::Left,
            VPos::Center,
        )?;
        let (_, ly) = chart.backend_coord(&(0.0, y));
        draw_text(
            root,
            &arm_label(lang, &b.arm),
            &label_style,
            (label_col as i32 - 14, ly),
            HPos::Right,
            VPos::Center,
        )?;
    }
    draw_legend_rows(&bottom, &items, (40, w as i32 - 40), 20)?;
    Ok(())
}

/// One programme's point of the cost-against-benefit chart.
#[derive(Debug, Clone, PartialEq)]
pub struct CostBenefitPoint {
    pub arm: String,
    /// Intervention cost over baseline (euro).
    pub cost: Stat,
    /// NPS gain 12 months after the programme ends (NPS points).
    pub lasting_nps: Stat,
}

/// The programmes with a cost and a lasting NPS gain.
pub fn cost_benefit_points(data: &RunData) -> Vec<CostBenefitPoint> {
    let d = &data.durability;
    data.arms
        .iter()
        .filter_map(|arm| {
            let cost = *d.get(arm, DurabilityMetric::Cost.name())?;
            let lasting_nps = *d.get(arm, DurabilityMetric::Gain12mNps.name())?;
            (cost.mean.is_some() && lasting_nps.mean.is_some()).then(|| CostBenefitPoint {
                arm: arm.clone(),
                cost,
                lasting_nps,
            })
        })
        .collect()
}

/// Draws cost against lasting NPS gain onto `root` (about 1200×700).
pub fn draw_cost_benefit<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let points = cost_benefit_points(data);
    if points.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoCostBenefit));
    }
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, body) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "charts-cost-benefit-title"),
        &tr!(
            lang,
            "charts-cost-benefit-subtitle",
            band = data.intervals.short_in(lang)
        ),
    )?;
    let ends = |s: &Stat| [s.mean, s.ci_lo, s.ci_hi].into_iter().flatten();
    let x_range = value_range(points.iter().flat_map(|p| ends(&p.cost)), true);
    // Room to the right of the dearest programme for its label.
    let x_range = x_range.start..x_range.end + 0.25 * (x_range.end - x_range.start);
    let y_range = value_range(points.iter().flat_map(|p| ends(&p.lasting_nps)), true);
    let spec = AxisSpec::linear(
        x_range.clone(),
        y_range.clone(),
        &tr!(lang, "charts-cost-benefit-axis-cost"),
        &tr!(lang, "charts-cost-benefit-axis-gain"),
    )
    .in_lang(lang);
    let mut chart = build_chart(&body, &spec, (16, 30, 8, 12), None, None)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(x_range.start, 0.0), (x_range.end, 0.0)],
            palette::GREY_AXIS.stroke_width(2),
        )))
        .map_err(draw_err)?;
    let y_tick = 0.012 * (y_range.end - y_range.start);
    let x_tick = 0.006 * (x_range.end - x_range.start);
    let mut dots: Vec<(i32, i32)> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    for p in &points {
        let colour = palette::arm_color(data.arm_index(&p.arm));
        let (Some(x), Some(y)) = (p.cost.mean, p.lasting_nps.mean) else {
            continue;
        };
        let stroke = colour.stroke_width(3);
        let mut lines = Vec::new();
        if let Some((lo, hi)) = p.cost.ci() {
            lines.push(vec![(lo, y), (hi, y)]);
            lines.push(vec![(lo, y - y_tick), (lo, y + y_tick)]);
            lines.push(vec![(hi, y - y_tick), (hi, y + y_tick)]);
        }
        if let Some((lo, hi)) = p.lasting_nps.ci() {
            lines.push(vec![(x, lo), (x, hi)]);
            lines.push(vec![(x - x_tick, lo), (x + x_tick, lo)]);
            lines.push(vec![(x - x_tick, hi), (x + x_tick, hi)]);
        }
        chart
            .draw_series(lines.into_iter().map(|l| PathElement::new(l, stroke)))
            .map_err(draw_err)?;
        chart
            .draw_series(std::iter::once(Circle::new((x, y), 8, colour.filled())))
            .map_err(draw_err)?;
        if palette::needs_outline(colour) {
            chart
                .draw_series(std::iter::once(Circle::new(
                    (x, y),
                    8,
                    palette::GREY_AXIS.stroke_width(1),
                )))
                .map_err(draw_err)?;
        }
        let (dx, dy) = (
            0.02 * (x_range.end - x_range.start),
            0.03 * (y_range.end - y_range.start),
        );
        hover::area(&chart, (x - dx, y - dy), (x + dx, y + dy), || {
            tr!(
                lang,
                "charts-cost-benefit-hover",
                arm = arm_label(lang, &p.arm),
                cost = hover::value_text(p.cost.mean, p.cost.ci_lo, p.cost.ci_hi, "euro", lang),
                gain = hover::value_text(
                    p.lasting_nps.mean,
                    p.lasting_nps.ci_lo,
                    p.lasting_nps.ci_hi,
                    "NPS points",
                    lang
                )
            )
        });
        dots.push(chart.backend_coord(&(x, y)));
        labels.push(arm_label(lang, &p.arm));
    }
    // Labels go where they cover no other label, dot or the plot's edge, so that programmes
    // close together on the chart stay readable.
    let style = text_style(LEGEND_SIZE, palette::BLACK);
    let mut sizes = Vec::with_capacity(labels.len());
    for l in &labels {
        sizes.push((text_width(root, l, &style)? as i32, LEGEND_SIZE as i32));
    }
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    for (label, rect) in labels.iter().zip(place_labels(&dots, &sizes, (xs, ys))) {
        draw_text(root, label, &style, (rect.0, rect.1), HPos::Left, VPos::Top)?;
    }
    Ok(())
}

/// A label's box in pixels: left, top, width, height.
type LabelBox = (i32, i32, i32, i32);

/// Where each dot's label goes: beside its dot (right, then left, above or below), the first
/// place that overlaps no label placed before, no dot and stays inside `area`; when every
/// place overlaps something, the one overlapping least.
pub fn place_labels(
    dots: &[(i32, i32)],
    sizes: &[(i32, i32)],
    area: (std::ops::Range<i32>, std::ops::Range<i32>),
) -> Vec<LabelBox> {
    const GAP: i32 = 14;
    const DOT: i32 = 10;
    let overlap = |a: LabelBox, b: LabelBox| -> i64 {
        let w = (a.0 + a.2).min(b.0 + b.2) - a.0.max(b.0);
        let h = (a.1 + a.3).min(b.1 + b.3) - a.1.max(b.1);
        if w > 0 && h > 0 {
            w as i64 * h as i64
        } else {
            0
        }
    };
    let (xs, ys) = area;
    let mut placed: Vec<LabelBox> = Vec::new();
    for (&(x, y), &(w, h)) in dots.iter().zip(sizes) {
        let candidates = [
            (x + GAP, y - h - 2),
            (x + GAP, y + 2),
            (x + GAP, y - h / 2),
            (x - GAP - w, y - h - 2),
            (x - GAP - w, y + 2),
            (x - GAP - w, y - h / 2),
            (x - w / 2, y - GAP - h),
            (x - w / 2, y + GAP),
        ];
        let cost = |(l, t): (i32, i32)| -> i64 {
            let b = (l, t, w, h);
            let labels: i64 = placed.iter().map(|p| overlap(b, *p)).sum();
            let dots: i64 = dots
                .iter()
                .map(|&(dx, dy)| overlap(b, (dx - DOT, dy - DOT, 2 * DOT, 2 * DOT)))
                .sum();
            let inside = (l.max(xs.start)..(l + w).min(xs.end)).len() as i64
                * (t.max(ys.start)..(t + h).min(ys.end)).len() as i64;
            4 * labels + 2 * dots + (w as i64 * h as i64 - inside)
        };
        let best = candidates
            .iter()
            .copied()
            .min_by_key(|c| cost(*c))
            .unwrap_or(candidates[0]);
        placed.push((best.0, best.1, w, h));
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::data::TsPoint;

    fn point(day: f64, mean: f64) -> TsPoint {
        TsPoint {
            day,
            stat: Stat {
                mean: Some(mean),
                ..Stat::default()
            },
        }
    }

    #[test]
    fn a_bar_reads_each_part_and_the_total_on_the_last_recorded_day() {
        let mut data = RunData {
            dir: Default::default(),
            intervals: Default::default(),
            scenario: "test".into(),
            arms: vec!["baseline".into()],
            timeseries: Default::default(),
            durability: Default::default(),
            windows: Vec::new(),
            teams: None,
        };
        for (m, first, last) in [
            (PARTS[0].0, 0.0, 0.0),
            (PARTS[1].0, 10.0, 450.0),
            (TOTAL, 10.0, 450.0),
        ] {
            data.timeseries
                .insert("baseline", m.name(), point(0.0, first));
            data.timeseries
                .insert("baseline", m.name(), point(749.0, last));
        }
        let bars = cost_bars(&data);
        assert_eq!(bars.len(), 1);
        assert_eq!(
            bars[0].parts,
            [0.0, 450.0],
            "the baseline has no intervention cost"
        );
        assert_eq!(bars[0].total, 450.0);
        assert_eq!(bars[0].day, 749.0);
    }

    #[test]
    fn labels_of_dots_close_together_do_not_overlap() {
        // Three dots a few pixels apart, as two programmes of similar cost and gain draw.
        let dots = [(200, 300), (230, 310), (420, 305)];
        let sizes = [(260, 23), (250, 23), (120, 23)];
        let boxes = place_labels(&dots, &sizes, (0..1000, 0..600));
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart =
                    a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        // A label with room to its right goes there.
        assert_eq!(
            place_labels(&[(100, 100)], &[(50, 20)], (0..1000, 0..600))[0].0,
            114
        );
    }
}
