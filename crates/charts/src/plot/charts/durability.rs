//! Durability chart: per arm the peak gain, gain at 6 and at 12 months (B units) with 95 %
//! CI whiskers, and beside it the half-life of the gain in months.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use crate::metrics::registry::{BaselineMetric, DurabilityMetric};
use crate::metrics::survival::CensoredMedian;
use crate::plot::data::{RunData, Stat, DAYS_PER_MONTH};
use crate::plot::error::{draw_err, NoDataReason, PlotError};
use crate::plot::hover;
use crate::plot::palette;
use crate::text::{numbers, tr, Lang};

/// The gain measures of the left panel: metric, legend label (a message id), colour, row
/// offset.
const GAINS: [(&str, &str, RGBColor, f64); 3] = [
    (
        DurabilityMetric::PeakGainB.name(),
        "charts-durability-peak-gain",
        palette::VERMILLION,
        0.25,
    ),
    (
        DurabilityMetric::Gain6mB.name(),
        "charts-durability-gain-6m",
        palette::ORANGE,
        0.0,
    ),
    (
        DurabilityMetric::Gain12mB.name(),
        "charts-durability-gain-12m",
        palette::BLUE,
        -0.25,
    ),
];
const HALF_LIFE: &str = DurabilityMetric::HalfLifeDaysB.name();
const CENSORED: &str = DurabilityMetric::HalfLifeCensoredShareB.name();

/// Arms shown in the durability chart: those with any gain or half-life row.
pub fn durability_arms(data: &RunData) -> Vec<String> {
    data.arms
        .iter()
        .filter(|a| {
            GAINS
                .iter()
                .map(|g| g.0)
                .chain([HALF_LIFE, CENSORED])
                .any(|m| data.durability.get(a, m).is_some())
        })
        .cloned()
        .collect()
}

/// Splits a label into at most two lines if it is wider than `max_w` (only when `two_lines`
/// is allowed), and shortens each line with an ellipsis to fit.
fn wrap_label<DB: DrawingBackend>(
    area: &Area<DB>,
    label: &str,
    style: &TextStyle,
    max_w: u32,
    two_lines: bool,
) -> Result<Vec<String>, PlotError> {
    if text_width(area, label, style)? <= max_w || !label.contains(' ') || !two_lines {
        return Ok(vec![fit_text(area, label, style, max_w)?]);
    }
    // Break at the space closest to the middle.
    let mid = label.len() / 2;
    let split = label
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(mid))
        .unwrap_or(mid);
    Ok(vec![
        fit_text(area, &label[..split], style, max_w)?,
        fit_text(area, &label[split + 1..], style, max_w)?,
    ])
}

fn whisker<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, XyCoord>,
    stat: &Stat,
    scale: f64,
    y: f64,
    color: RGBColor,
) -> Result<bool, PlotError> {
    let Some(mean) = stat.mean else {
        return Ok(false);
    };
    if let Some((lo, hi)) = stat.ci() {
        let (lo, hi) = (lo * scale, hi * scale);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(lo, y), (hi, y)],
                color.stroke_width(3),
            )))
            .map_err(draw_err)?;
        for x in [lo, hi] {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, y - 0.07), (x, y + 0.07)],
                    color.stroke_width(3),
                )))
                .map_err(draw_err)?;
        }
    }
    chart
        .draw_series(std::iter::once(Circle::new(
            (mean * scale, y),
            7,
            color.filled(),
        )))
        .map_err(draw_err)?;
    Ok(true)
}

fn note<DB: DrawingBackend>(
    root: &Area<DB>,
    chart: &ChartContext<'_, DB, XyCoord>,
    x: f64,
    y: f64,
    text: &str,
) -> Result<(), PlotError> {
    let (px, py) = chart.backend_coord(&(x, y));
    draw_text(
        root,
        text,
        &text_style(LEGEND_SIZE, palette::GREY_TEXT),
        (px + 10, py),
        HPos::Left,
        VPos::Center,
    )
}

/// The half-life of one arm from its Kaplan-Meier median: a dot at a median reached, with
/// its interval; an open circle at the horizon with an arrow past it where the median (or
/// the interval's upper end) was not reached, never a dot at the horizon; and the runs
/// censored beneath.
fn censored_median<DB: DrawingBackend>(
    root: &Area<DB>,
    chart: &mut ChartContext<'_, DB, XyCoord>,
    c: &CensoredMedian,
    y: f64,
    x0: f64,
    lang: Lang,
) -> Result<(), PlotError> {
    if c.n == 0 {
        return note(root, chart, x0, y, &tr!(lang, "charts-not-available"));
    }
    let m = |d: f64| d / DAYS_PER_MONTH;
    let follow = m(c.followup);
    let color = palette::BLACK;
    if let Some(lo) = c.lo {
        let hi = c.hi.map_or(follow, m);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(m(lo), y), (hi, y)],
                color.stroke_width(3),
            )))
            .map_err(draw_err)?;
        let mut ends = vec![m(lo)];
        ends.extend(c.hi.map(m));
        for x in ends {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, y - 0.07), (x, y + 0.07)],
                    color.stroke_width(3),
                )))
                .map_err(draw_err)?;
        }
    }
    match c.median {
        Some(med) => {
            chart
                .draw_series(std::iter::once(Circle::new((m(med), y), 7, color.filled())))
                .map_err(draw_err)?;
            if c.hi.is_none() {
                // The interval runs on past the horizon: an arrowhead, not an end tick.
                let (px, py) = chart.backend_coord(&(follow, y));
                root.draw(&Polygon::new(
                    vec![(px + 12, py), (px, py - 7), (px, py + 7)],
                    color.filled(),
                ))
                .map_err(draw_err)?;
            }
        }
        None => {
            let p = chart.backend_coord(&(follow, y));
            open_arrow(root, p, 28, color)?;
        }
    }
    if c.censored > 0 {
        let censored = tr!(
            lang,
            "charts-durability-censored-note",
            censored = c.censored,
            n = c.n
        );
        let what = match c.median {
            Some(_) => censored,
            None => tr!(
                lang,
                "charts-durability-more-than-months",
                months = ungrouped(lang, follow, 1),
                censored = censored
            ),
        };
        note(root, chart, x0, y - 0.32, &what)?;
    }
    Ok(())
}

/// Draws the durability chart onto `root` (about 1200×700).
pub fn draw_durability<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let arms = durability_arms(data);
    if arms.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoDurabilityRows));
    }
    let d = &data.durability;
    root.fill(&WHITE).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "charts-durability-title"),
        &tr!(
            lang,
            "charts-durability-subtitle",
            band = data.intervals.short_in(lang)
        ),
    )?;

    // Bottom band: legend and an optional note on the baseline drift.
    let items: Vec<LegendItem> = GAINS
        .iter()
        .map(|&(_, l, c, _)| LegendItem::new(tr!(lang, l), c, Swatch::DotWhisker))
        .chain(std::iter::once(LegendItem::new(
            tr!(lang, "charts-durability-median-half-life"),
            palette::BLACK,
            Swatch::DotWhisker,
        )))
        .chain(
            arms.iter()
                .any(|a| {
                    d.get(a, HALF_LIFE)
                        .and_then(|s| s.censored)
                        .is_some_and(|c| c.median.is_none() || c.hi.is_none())
                })
                .then(|| {
                    LegendItem::new(
                        tr!(lang, "charts-durability-beyond"),
                        palette::BLACK,
                        Swatch::OpenArrow,
                    )
                }),
        )
        .collect();
    let legend_h = legend_height(root, &items, w.saturating_sub(80))?;
    let drift: Vec<String> = [
        (BaselineMetric::DriftB.name(), "B", 3),
        (BaselineMetric::DriftNps.name(), "NPS", 1),
    ]
    .iter()
    .filter_map(|&(m, l, dec)| {
        data.arms
            .iter()
            .find_map(|a| d.mean(a, m))
            .map(|v| format!("{l} {}", numbers::signed(lang, v, dec)))
    })
    .collect();
    let note_h = if drift.is_empty() { 0 } else { 34 };
    let (body, bottom) = rest.split_vertically(h.saturating_sub(HEADER_HEIGHT + legend_h + note_h));

    // Arm label column.
    let label_style = text_style(LEGEND_SIZE, palette::BLACK);
    let max_label_w = 260;
    // Two-line labels only where a row is tall enough for them (about 64 px).
    let body_h = h.saturating_sub(HEADER_HEIGHT + legend_h + note_h + 140);
    let two_lines = body_h / (arms.len() as u32).max(1) >= 64;
    let labels: Vec<Vec<String>> = arms
        .iter()
        .map(|a| {
            wrap_label(
                root,
                &arm_label(lang, a),
                &label_style,
                max_label_w,
                two_lines,
            )
        })
        .collect::<Result<_, _>>()?;
    let mut label_w = 0;
    for l in labels.iter().flatten() {
        label_w = label_w.max(text_width(root, l, &label_style)?);
    }
    let label_col = (label_w + 28).min(w / 3);
    let (_, panels) = body.split_horizontally(label_col);
    let panels_w = w.saturating_sub(label_col);
    let (left, right) = panels.split_horizontally(panels_w * 60 / 100);

    let n = arms.len();
    let row_y = |i: usize| (n - 1 - i) as f64;
    let y_range = -0.6..(n as f64 - 0.4);

    // Left panel: gains.
    let mut gain_values = Vec::new();
    for a in &arms {
        for (m, _, _, _) in GAINS {
            if let Some(s) = d.get(a, m) {
                gain_values.extend([s.mean, s.ci_lo, s.ci_hi].into_iter().flatten());
            }
        }
    }
    let x_range = value_range(gain_values, true);
    let (x_ticks, x_decimals) = ticks(&x_range, 5);
    let gain_spec = AxisSpec {
        x_range: x_range.clone(),
        x_ticks,
        x_decimals,
        x_desc: Some(crate::plot::metrics::axis_in(
            "difference in B (0–1 scale)",
            lang,
        )),
        y_range: y_range.clone(),
        y_ticks: vec![],
        y_decimals: 0,
        y_desc: None,
        x_labels: true,
        y_labels: false,
        x_log: false,
        y_log: false,
        tick_size: TICK_SIZE,
        desc_size: AXIS_DESC_SIZE,
        lang,
    };
    let panel_title = bold_style(PANEL_TITLE_SIZE, palette::BLACK);
    let (lt, left_plot) = left.split_vertically(44);
    draw_text(
        &lt,
        &tr!(lang, "charts-durability-gain-panel"),
        &panel_title,
        (8, 22),
        HPos::Left,
        VPos::Center,
    )?;
    let mut gchart = build_chart(&left_plot, &gain_spec, (4, 24, 4, 8), Some(4), None)?;
    gchart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, y_range.start), (0.0, y_range.end)],
            palette::GREY_AXIS.stroke_width(2),
        )))
        .map_err(draw_err)?;
    for (i, a) in arms.iter().enumerate() {
        for (m, _, c, off) in GAINS {
            let y = row_y(i) + off;
            let drawn = match d.get(a, m) {
                Some(s) => whisker(&mut gchart, s, 1.0, y, c)?,
                None => false,
            };
            if !drawn {
                note(
                    root,
                    &gchart,
                    x_range.start.max(0.0),
                    y,
                    &tr!(lang, "charts-not-available"),
                )?;
            }
        }
    }

    // Hover: a row's figures, each gain with its interval, and the half-life.
    for (i, a) in arms.iter().enumerate() {
        let y = row_y(i);
        hover::area(
            &gchart,
            (x_range.start, y - 0.5),
            (x_range.end, y + 0.5),
            || {
                let mut text = arm_label(lang, a);
                for (m, label, _, _) in GAINS {
                    let v = d.get(a, m).map_or(tr!(lang, "charts-no-value"), |s| {
                        hover::value_text(s.mean, s.ci_lo, s.ci_hi, "0–1", lang)
                    });
                    text.push_str(&format!("\n{}: {v}", tr!(lang, label)));
                }
                text.push_str(&format!("\n{}", half_life_text(d.get(a, HALF_LIFE), lang)));
                text
            },
        );
    }

    // Arm labels, aligned with the rows of the left panel.
    for (i, lines) in labels.iter().enumerate() {
        let (_, py) = gchart.backend_coord(&(x_range.start, row_y(i)));
        let k = lines.len() as i32;
        for (j, line) in lines.iter().enumerate() {
            let dy = (2 * j as i32 - (k - 1)) * 14;
            draw_text(
                root,
                line,
                &label_style,
                (label_col as i32 - 14, py + dy),
                HPos::Right,
                VPos::Center,
            )?;
        }
    }

    // Right panel: half-life in months.
    let mut hl_values = Vec::new();
    for a in &arms {
        if let Some(c) = d.get(a, HALF_LIFE).and_then(|s| s.censored) {
            hl_values.extend(
                [c.median, c.lo, c.hi, Some(c.followup)]
                    .into_iter()
                    .flatten()
                    .map(|v| v / DAYS_PER_MONTH),
            );
        } else if let Some(s) = d.get(a, HALF_LIFE) {
            hl_values.extend(
                [s.mean, s.ci_lo, s.ci_hi]
                    .into_iter()
                    .flatten()
                    .map(|v| v / DAYS_PER_MONTH),
            );
        }
    }
    // Room to the right of the horizon for the arrows of medians beyond it.
    let beyond = arms
        .iter()
        .any(|a| d.get(a, HALF_LIFE).is_some_and(|s| s.censored.is_some()));
    let hl_range = if hl_values.iter().any(|v| v.is_finite()) {
        let r = value_range(hl_values, true);
        0.0..if beyond { r.end * 1.12 } else { r.end }
    } else {
        0.0..12.0
    };
    let hl_spec = AxisSpec {
        x_range: hl_range.clone(),
        x_ticks: month_ticks_max(hl_range.end, 5),
        x_decimals: 0,
        x_desc: Some(tr!(lang, "charts-axis-months")),
        ..gain_spec
    };
    let (rt, right_plot) = right.split_vertically(44);
    draw_text(
        &rt,
        &tr!(lang, "charts-durability-half-life-panel"),
        &panel_title,
        (18, 22),
        HPos::Left,
        VPos::Center,
    )?;
    let mut hchart = build_chart(&right_plot, &hl_spec, (4, 32, 4, 18), Some(4), None)?;
    for (i, a) in arms.iter().enumerate() {
        let y = row_y(i);
        if let Some(c) = d.get(a, HALF_LIFE).and_then(|s| s.censored) {
            censored_median(root, &mut hchart, &c, y, hl_range.start, lang)?;
            continue;
        }
        let censored = d.mean(a, CENSORED).filter(|v| *v > 0.0);
        let drawn = match d.get(a, HALF_LIFE) {
            Some(s) => whisker(&mut hchart, s, 1.0 / DAYS_PER_MONTH, y, palette::BLACK)?,
            None => false,
        };
        if drawn {
            if let Some(c) = censored {
                note(
                    root,
                    &hchart,
                    hl_range.start,
                    y - 0.32,
                    &tr!(
                        lang,
                        "charts-durability-share-not-halved",
                        share = numbers::fixed(lang, c * 100.0, 0)
                    ),
                )?;
            }
        } else {
            let text = match censored {
                Some(c) => tr!(
                    lang,
                    "charts-durability-not-reached",
                    share = numbers::fixed(lang, c * 100.0, 0)
                ),
                None => tr!(lang, "charts-not-available"),
            };
            note(root, &hchart, hl_range.start, y, &text)?;
        }
    }

    draw_legend_rows(&bottom, &items, (40, w as i32 - 40), 20)?;
    if !drift.is_empty() {
        draw_text(
            &bottom,
            &tr!(lang, "charts-durability-drift", drift = drift.join(", ")),
            &text_style(LEGEND_SIZE, palette::GREY_TEXT),
            (w as i32 / 2, legend_h as i32 + 12),
            HPos::Center,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// The half-life as a hover line, in months: the Kaplan-Meier median with its interval, or
/// "more than" the follow-up when it was not reached.
fn half_life_text(s: Option<&Stat>, lang: Lang) -> String {
    let months = |d: f64| numbers::fixed(lang, d / DAYS_PER_MONTH, 1);
    let Some(s) = s else {
        return tr!(lang, "charts-durability-hover-no-half-life");
    };
    match &s.censored {
        Some(c) => match c.median {
            Some(m) => {
                let interval = match (c.lo, c.hi) {
                    (Some(l), Some(h)) => {
                        format!(" {}", numbers::interval(lang, l, h, months))
                    }
                    (Some(l), None) => {
                        let more = tr!(
                            lang,
                            "charts-durability-more-than",
                            value = months(c.followup)
                        );
                        match lang {
                            Lang::Nl => format!(" [{}; {more}]", months(l)),
                            Lang::En | Lang::Pseudo => format!(" [{}, {more}]", months(l)),
                        }
                    }
                    _ => String::new(),
                };
                tr!(
                    lang,
                    "charts-durability-hover-median",
                    months = months(m),
                    interval = interval
                )
            }
            None => tr!(
                lang,
                "charts-durability-hover-median-beyond",
                months = months(c.followup)
            ),
        },
        None => match s.mean {
            Some(m) => tr!(
                lang,
                "charts-durability-hover-half-life",
                months = months(m)
            ),
            None => tr!(lang, "charts-durability-hover-no-half-life"),
        },
    }
}
