//! Iceberg chart of one arm: visible state (B, K, A) above a drawn waterline, the
//! underlying state (N, H, E, U, P) below it, on a shared month axis and value scale.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use crate::plot::data::RunData;
use crate::plot::error::{draw_err, NoDataReason, PlotError};
use crate::plot::hover;
use crate::plot::metrics::metric_info;
use crate::plot::palette;
use crate::text::{tr, Lang};

/// Above-waterline variables with colour and line width.
const ABOVE: [(&str, RGBColor, u32); 3] = [
    ("B", palette::BLACK, 4),
    ("K", palette::ORANGE, 3),
    ("A", palette::SKY_BLUE, 3),
];
/// Below-waterline variables with colour and line width.
const BELOW: [(&str, RGBColor, u32); 5] = [
    ("N", palette::BLUE, 3),
    ("H", palette::VERMILLION, 3),
    ("E", palette::BLUISH_GREEN, 3),
    ("U", palette::REDDISH_PURPLE, 3),
    ("P", palette::YELLOW, 3),
];

/// Height of the gap between the panels that holds the waterline.
const GAP: u32 = 34;

/// Whether `arm` has any iceberg variable to show.
pub fn has_iceberg(data: &RunData, arm: &str) -> bool {
    ABOVE.iter().chain(BELOW.iter()).any(|(m, _, _)| {
        data.timeseries
            .series(arm, m)
            .iter()
            .any(|p| p.stat.mean.is_some())
    })
}

/// The legend's short label of a state variable (the chart titles are in the registry).
fn label(code: &str, lang: Lang) -> String {
    let id = match code {
        "B" => "charts-iceberg-label-b",
        "K" => "charts-iceberg-label-k",
        "A" => "charts-iceberg-label-a",
        "N" => "charts-iceberg-label-n",
        "H" => "charts-iceberg-label-h",
        "E" => "charts-iceberg-label-e",
        "U" => "charts-iceberg-label-u",
        "P" => "charts-iceberg-label-p",
        _ => return String::new(),
    };
    tr!(lang, id)
}

/// Draws the iceberg chart of `arm` onto `root` (about 1200×700).
pub fn draw_iceberg<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    arm: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    if !has_iceberg(data, arm) {
        return Err(PlotError::NoData(NoDataReason::NoIceberg {
            arm: arm.into(),
        }));
    }
    let ts = &data.timeseries;
    let present = |m: &str| ts.series(arm, m).iter().any(|p| p.stat.mean.is_some());
    let baseline = data
        .arms
        .iter()
        .find(|a| a.as_str() == "baseline")
        .filter(|b| b.as_str() != arm && ts.series(b, "B").iter().any(|p| p.stat.mean.is_some()));

    root.fill(&WHITE).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "charts-iceberg-title", arm = arm_label(lang, arm)),
        &tr!(
            lang,
            "charts-iceberg-subtitle",
            band = data.intervals.short_in(lang)
        ),
    )?;

    // Legends in a reserved right column.
    let mut above_items: Vec<LegendItem> = ABOVE
        .iter()
        .filter(|(m, _, _)| present(m))
        .map(|&(m, c, lw)| {
            let sw = if m == "B" {
                Swatch::LineBand(lw)
            } else {
                Swatch::Line(lw)
            };
            LegendItem::new(label(m, lang), c, sw)
        })
        .collect();
    if baseline.is_some() {
        above_items.push(LegendItem::new(
            tr!(lang, "charts-iceberg-baseline-b"),
            palette::GREY_MID,
            Swatch::Line(3),
        ));
    }
    let below_items: Vec<LegendItem> = BELOW
        .iter()
        .filter(|(m, _, _)| present(m))
        .map(|&(m, c, lw)| LegendItem::new(label(m, lang), c, Swatch::Line(lw)))
        .collect();
    let head_style = bold_style(PANEL_TITLE_SIZE, palette::BLACK);
    let (above_head, below_head) = (
        tr!(lang, "charts-iceberg-above"),
        tr!(lang, "charts-iceberg-below"),
    );
    let legend_w = legend_column_width(root, &above_items)?
        .max(legend_column_width(root, &below_items)?)
        .max(text_width(root, &above_head, &head_style)?)
        .max(text_width(root, &below_head, &head_style)?);
    let right_w = (legend_w + 36).min(w / 2);
    let (left, right) = rest.split_horizontally(w.saturating_sub(right_w));

    // Common value scale for both panels, shared by all arms so icebergs compare.
    let mut values = Vec::new();
    for a in &data.arms {
        for (m, _, _) in ABOVE.iter().chain(BELOW.iter()) {
            for p in ts.series(a, m) {
                values.extend(
                    [p.stat.mean, p.stat.ci_lo, p.stat.ci_hi]
                        .into_iter()
                        .flatten(),
                );
            }
        }
    }
    let y_range = value_range(values, false);
    let max_day = ts.max_day();

    let state_axis = tr!(lang, "charts-iceberg-axis-state");
    let mut top_spec = AxisSpec::months(max_day, y_range.clone(), &state_axis, lang);
    top_spec.x_labels = false;
    top_spec.x_desc = None;
    let bottom_spec = AxisSpec::months(max_day, y_range, &state_axis, lang);
    let ylw = top_spec
        .y_label_width(&left)?
        .max(bottom_spec.y_label_width(&left)?);

    let rest_h = h.saturating_sub(HEADER_HEIGHT);
    let panel_h = rest_h.saturating_sub(GAP + bottom_spec.x_label_height() + 8) / 2;
    let (top_area, lower) = left.split_vertically(panel_h + 8);
    let (gap_area, bottom_area) = lower.split_vertically(GAP);
    let margin_left = 16;
    let margin_right = 16;

    // Above the waterline.
    let mut top = build_chart(
        &top_area,
        &top_spec,
        (8, margin_right, 0, margin_left),
        Some(ylw),
        None,
    )?;
    if let Some(b) = baseline {
        draw_mean_line(&mut top, ts.series(b, "B"), palette::GREY_MID, 3)?;
    }
    draw_ci_band(&mut top, ts.series(arm, "B"), palette::BLACK, 0.14)?;
    for &(m, c, lw) in ABOVE.iter().rev() {
        draw_mean_line(&mut top, ts.series(arm, m), c, lw)?;
    }
    let line = |m: &'static str| (metric_info(m, lang).title, arm, m);
    if hover::active() {
        let mut lines: Vec<(String, &str, &str)> = ABOVE.iter().map(|&(m, _, _)| line(m)).collect();
        if let Some(b) = baseline {
            lines.push((
                tr!(
                    lang,
                    "charts-iceberg-hover-baseline",
                    title = metric_info("B", lang).title
                ),
                b.as_str(),
                "B",
            ));
        }
        hover::days_in(
            &top,
            data,
            &tr!(
                lang,
                "charts-iceberg-hover-above",
                arm = arm_label(lang, arm)
            ),
            &lines,
            lang,
        );
    }

    // Below the waterline.
    let mut bottom = build_chart(
        &bottom_area,
        &bottom_spec,
        (0, margin_right, 0, margin_left),
        Some(ylw),
        Some(palette::WATER),
    )?;
    for &(m, c, lw) in BELOW.iter() {
        draw_mean_line(&mut bottom, ts.series(arm, m), c, lw)?;
    }
    if hover::active() {
        let lines: Vec<(String, &str, &str)> = BELOW.iter().map(|&(m, _, _)| line(m)).collect();
        hover::days_in(
            &bottom,
            data,
            &tr!(
                lang,
                "charts-iceberg-hover-below",
                arm = arm_label(lang, arm)
            ),
            &lines,
            lang,
        );
    }

    // The waterline: a wave across the plot width, continued into the legend column.
    let (gw, _) = gap_area.dim_in_pixel();
    let x0 = (margin_left + ylw) as i32;
    let x1 = gw as i32 - margin_right as i32;
    let cy = GAP as i32 / 2;
    let wave: Vec<(i32, i32)> = (x0..=x1)
        .step_by(2)
        .map(|x| {
            let phase = (x - x0) as f64 / 46.0 * std::f64::consts::TAU;
            (x, cy + (phase.sin() * 5.0).round() as i32)
        })
        .collect();
    gap_area
        .draw(&PathElement::new(wave, palette::BLUE.stroke_width(3)))
        .map_err(draw_err)?;

    // Right column: panel headings with their legends, and the waterline label.
    let top_y = (HEADER_HEIGHT + 8) as i32;
    let rx = 14;
    let right_offset = |y: i32| y - HEADER_HEIGHT as i32;
    draw_text(
        &right,
        &above_head,
        &head_style,
        (rx, right_offset(top_y) + 2),
        HPos::Left,
        VPos::Top,
    )?;
    draw_legend_column(&right, &above_items, rx, right_offset(top_y) + 52)?;
    let water_y = right_offset(top_y + panel_h as i32) + cy;
    draw_text(
        &right,
        &tr!(lang, "charts-iceberg-waterline"),
        &text_style(LEGEND_SIZE, palette::BLUE),
        (rx, water_y),
        HPos::Left,
        VPos::Center,
    )?;
    let below_y = water_y + GAP as i32 / 2 + 6;
    draw_text(
        &right,
        &below_head,
        &head_style,
        (rx, below_y),
        HPos::Left,
        VPos::Top,
    )?;
    draw_legend_column(&right, &below_items, rx, below_y + 50)?;
    Ok(())
}
