//! B by dominant drive: one small panel per arm, seven drive lines in Okabe–Ito colours,
//! plus the arm's overall B as a dashed reference.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use crate::plot::data::{RunData, DAYS_PER_MONTH};
use crate::plot::error::{draw_err, NoDataReason, PlotError};
use crate::plot::hover;
use crate::plot::palette::{self, drive_color, DRIVES};
use crate::text::{tr, Lang};

const PANEL_ROW_H: u32 = 270;
const MAX_COLS: usize = 3;

/// Arms with at least one `B_<drive>` value.
pub fn drive_arms(data: &RunData) -> Vec<String> {
    data.arms
        .iter()
        .filter(|a| {
            DRIVES.iter().any(|d| {
                data.timeseries
                    .series(a, &format!("B_{d}"))
                    .iter()
                    .any(|p| p.stat.mean.is_some())
            })
        })
        .cloned()
        .collect()
}

fn grid(n: usize) -> (usize, usize) {
    let cols = n.clamp(1, MAX_COLS);
    (cols, n.div_ceil(cols))
}

/// A drive's colour name in `lang` (`purple`, `paars`).
pub fn drive_name(drive: &str, lang: Lang) -> String {
    tr!(lang, &format!("charts-drive-{drive}"))
}

fn legend_items(lang: Lang) -> Vec<LegendItem> {
    let mut items: Vec<LegendItem> = DRIVES
        .iter()
        .map(|d| LegendItem::new(drive_name(d, lang), drive_color(d), Swatch::Line(4)))
        .collect();
    items.push(LegendItem::new(
        tr!(lang, "charts-drives-everyone-legend"),
        palette::BLACK,
        Swatch::Dashed(2),
    ));
    items
}

/// Pixel size of the drives chart: 1200 wide, taller when more than two rows of panels.
pub fn drives_size(data: &RunData) -> (u32, u32) {
    let (_, rows) = grid(drive_arms(data).len());
    (
        WIDTH,
        HEIGHT.max(HEIGHT + (rows as u32).saturating_sub(2) * PANEL_ROW_H),
    )
}

/// Draws B by dominant drive for every arm onto `root` (size from [`drives_size`]).
pub fn draw_drives<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let arms = drive_arms(data);
    if arms.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoDriveMetrics));
    }
    let ts = &data.timeseries;
    root.fill(&WHITE).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "charts-drives-title"),
        &tr!(lang, "charts-drives-subtitle"),
    )?;

    let items = legend_items(lang);
    let legend_h = legend_height(root, &items, w.saturating_sub(80))?;
    let x_desc_h = AXIS_DESC_SIZE as u32 + 14;
    let (grid_area, bottom) =
        rest.split_vertically(h.saturating_sub(HEADER_HEIGHT + legend_h + x_desc_h));
    let y_desc_w = AXIS_DESC_SIZE as u32 + 18;
    let (y_desc_area, panels) = grid_area.split_horizontally(y_desc_w);

    // Shared scale over all panels.
    let mut values = Vec::new();
    for a in &arms {
        for d in DRIVES {
            values.extend(
                ts.series(a, &format!("B_{d}"))
                    .iter()
                    .filter_map(|p| p.stat.mean),
            );
        }
        values.extend(ts.series(a, "B").iter().filter_map(|p| p.stat.mean));
    }
    let y_range = value_range(values, false);
    let max_day = ts.max_day();
    let mut spec = AxisSpec::months(max_day, y_range, "", lang);
    spec.x_desc = None;
    spec.y_desc = None;
    let (y_ticks, y_dec) = ticks(&spec.y_range, 4);
    spec.y_ticks = y_ticks;
    spec.y_decimals = y_dec;
    let max_month = max_day / DAYS_PER_MONTH;
    let step = if max_month <= 12.0 {
        3.0
    } else if max_month <= 24.0 {
        6.0
    } else {
        12.0
    };
    spec.x_ticks = spec
        .x_ticks
        .iter()
        .copied()
        .filter(|m| (m / step - (m / step).round()).abs() < 1e-9)
        .collect();

    let (cols, rows) = grid(arms.len());
    let cells = panels.split_evenly((rows, cols));
    let ylw = spec.y_label_width(&panels)?;
    let caption_style = bold_style(PANEL_TITLE_SIZE, palette::BLACK);
    for (i, a) in arms.iter().enumerate() {
        let cell = &cells[i];
        let (cap, plot) = cell.split_vertically(38);
        let (cw, _) = cap.dim_in_pixel();
        let title = fit_text(
            &cap,
            &arm_label(lang, a),
            &caption_style,
            cw.saturating_sub(ylw + 20),
        )?;
        draw_text(
            &cap,
            &title,
            &caption_style,
            ((ylw + 10 + cw.saturating_sub(ylw + 10) / 2) as i32, 20),
            HPos::Center,
            VPos::Center,
        )?;
        let mut chart = build_chart(&plot, &spec, (2, 18, 6, 6), Some(ylw), None)?;
        for d in DRIVES {
            draw_mean_line(
                &mut chart,
                ts.series(a, &format!("B_{d}")),
                drive_color(d),
                3,
            )?;
        }
        if hover::active() {
            let names: Vec<String> = DRIVES.iter().map(|d| format!("B_{d}")).collect();
            let mut lines: Vec<(String, &str, &str)> = DRIVES
                .iter()
                .zip(&names)
                .map(|(d, m)| {
                    let drive = drive_name(d, lang);
                    (
                        tr!(lang, "charts-drives-hover-drive", drive = drive),
                        a.as_str(),
                        m.as_str(),
                    )
                })
                .collect();
            lines.push((tr!(lang, "charts-drives-hover-everyone"), a.as_str(), "B"));
            hover::days_in(&chart, data, &arm_label(lang, a), &lines, lang);
        }
        // The arm's overall B on top, dashed so the drive lines stay visible.
        let overall: Vec<(f64, f64)> = ts
            .series(a, "B")
            .iter()
            .filter_map(|p| p.stat.mean.map(|m| (p.month(), m)))
            .collect();
        if overall.len() >= 2 {
            chart
                .draw_series(DashedLineSeries::new(
                    overall,
                    8,
                    6,
                    palette::BLACK.stroke_width(2),
                ))
                .map_err(draw_err)?;
        }
    }

    // Shared axis descriptions and legend.
    let (_, gh) = y_desc_area.dim_in_pixel();
    let ydesc = text_style(AXIS_DESC_SIZE, palette::GREY_TEXT).transform(FontTransform::Rotate270);
    draw_text(
        &y_desc_area,
        &tr!(lang, "charts-drives-axis-b"),
        &ydesc,
        (6, gh as i32 / 2),
        HPos::Center,
        VPos::Top,
    )?;
    draw_text(
        &bottom,
        &tr!(lang, "charts-axis-months-since-start"),
        &text_style(AXIS_DESC_SIZE, palette::GREY_TEXT),
        ((y_desc_w + w.saturating_sub(y_desc_w) / 2) as i32, 4),
        HPos::Center,
        VPos::Top,
    )?;
    draw_legend_rows(&bottom, &items, (40, w as i32 - 40), x_desc_h as i32 + 16)?;
    Ok(())
}
