//! One metric over time: every arm a line with its 95 % CI band; x in months.

use plotters::prelude::*;

use super::common::*;
use crate::plot::data::RunData;
use crate::plot::error::{draw_err, PlotError};
use crate::plot::metrics::metric_info;
use crate::plot::palette;

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

fn legend_items(data: &RunData, arms: &[&String]) -> Vec<LegendItem> {
    arms.iter()
        .map(|a| {
            LegendItem::new(
                arm_label(a),
                palette::arm_color(data.arm_index(a)),
                Swatch::LineBand(4),
            )
        })
        .collect()
}

/// Pixel size of the time-series chart of `metric`: 1200×700, taller only when many arms
/// need more legend rows than fit.
pub fn timeseries_size(data: &RunData, metric: &str) -> (u32, u32) {
    crate::plot::font::register_fonts();
    let items = legend_items(data, &arms_with(data, metric));
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
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let ts = &data.timeseries;
    let arms = arms_with(data, metric);
    if arms.is_empty() {
        return Err(PlotError::NoData(format!(
            "metric `{metric}` has no values"
        )));
    }
    let info = metric_info(metric);
    root.fill(&WHITE).map_err(draw_err)?;

    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &format!("{} · {}", info.title, data.scenario),
        &format!("Mean over runs; shaded band: {}", data.intervals.band()),
    )?;

    let items = legend_items(data, &arms);
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
    let y_range = value_range(values, info.zero_line);
    let spec = AxisSpec::months(ts.max_day(), y_range, &info.y_desc);
    let mut chart = build_chart(&plot_area, &spec, (8, 40, 4, 16), None, None)?;

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

    draw_legend_rows(&legend_area, &items, (40, w as i32 - 40), 18)?;
    Ok(())
}
