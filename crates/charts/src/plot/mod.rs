//! Charts of simulation results: PNG and SVG, pure Rust, fonts embedded.
//!
//! Reads `timeseries.csv`, `durability.csv` and `manifest.json` from a results directory
//! and draws, with nothing but pure-Rust dependencies and embedded DejaVu Sans fonts:
//!
//! 1. one time-series chart per metric (every arm a line with its 95 % CI band, x in months),
//! 2. one iceberg chart per arm (state above and below the waterline),
//! 3. a durability chart (peak gain, gain at 6 and 12 months, half-life),
//! 4. B by dominant drive (small multiples per arm),
//! 5. the cost of every arm in its parts (interventions, rule breaks) and their total,
//! 6. each programme's cost against the NPS gain it leaves 12 months after.
//!
//! Every chart can be rendered to a PNG file, an SVG file or an in-memory SVG string;
//! [`draw_chart`] draws onto any plotters drawing area. Output is deterministic.

pub mod calibration;
pub mod charts;
pub mod data;
pub mod error;
pub mod font;
pub mod hover;
pub mod metrics;
mod no_data;
pub mod palette;
pub mod sweep;
pub mod team_grid;

use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

use image::ImageEncoder;
use plotters::coord::Shift;
use plotters::prelude::*;

pub use data::{load_run_dir, Durability, RunData, Stat, Timeseries, TsPoint};
pub use error::{NoDataReason, PlotError};
pub use font::register_fonts;

use crate::output::files::write_atomic;
use crate::text::Lang;
use charts::common::{HEIGHT, WIDTH};
use error::draw_err;

/// One chart that can be drawn from a [`RunData`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// One metric over time for every arm.
    Timeseries { metric: String },
    /// Above/below the waterline state of one arm.
    Iceberg { arm: String },
    /// Peak gain, gain at 6/12 months and half-life per arm.
    Durability,
    /// B by dominant drive, one panel per arm.
    Drives,
    /// Cumulative cost at the horizon per arm: interventions, rule breaks and the total.
    Costs,
    /// Per programme, intervention cost against the NPS gain 12 months after it.
    CostBenefit,
    /// Replication 0's teams coloured by B on three days, a row per arm (`teams.csv`).
    Teams,
}

/// A name made safe for a file stem: anything but ASCII letters, digits, `_` and `-` → `_`.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl ChartKind {
    /// File name without extension, e.g. `timeseries_B`, `iceberg_coaching`, `durability`.
    pub fn file_stem(&self) -> String {
        match self {
            ChartKind::Timeseries { metric } => format!("timeseries_{}", sanitize(metric)),
            ChartKind::Iceberg { arm } => format!("iceberg_{}", sanitize(arm)),
            ChartKind::Durability => "durability".to_string(),
            ChartKind::Drives => "drives_B".to_string(),
            ChartKind::Costs => "costs".to_string(),
            ChartKind::CostBenefit => "cost_benefit".to_string(),
            ChartKind::Teams => "teams_B".to_string(),
        }
    }
}

/// All charts the data supports, in report order: time series (known metrics first, then
/// unknown ones in file order; B-by-drive series excluded; series that are one constant in
/// every arm left out, see [`charts_left_out`]), icebergs per arm, durability, drives, costs,
/// cost against benefit.
pub fn available_charts(data: &RunData) -> Vec<ChartKind> {
    let ts = &data.timeseries;
    let mut out = Vec::new();
    let mut metrics: Vec<&str> = metrics::PREFERRED_ORDER
        .iter()
        .copied()
        .filter(|m| ts.metrics.iter().any(|x| x == m))
        .collect();
    for m in &ts.metrics {
        if !metrics.contains(&m.as_str()) && !metrics::is_drive_metric(m) {
            metrics.push(m);
        }
    }
    for m in metrics {
        if ts.has_metric(m) && charts::timeseries::degenerate(data, m, Lang::En).is_none() {
            out.push(ChartKind::Timeseries {
                metric: m.to_string(),
            });
        }
    }
    for a in &data.arms {
        if charts::iceberg::has_iceberg(data, a) {
            out.push(ChartKind::Iceberg { arm: a.clone() });
        }
    }
    if !charts::durability::durability_arms(data).is_empty() {
        out.push(ChartKind::Durability);
    }
    if !charts::drives::drive_arms(data).is_empty() {
        out.push(ChartKind::Drives);
    }
    if !charts::costs::cost_bars(data).is_empty() {
        out.push(ChartKind::Costs);
    }
    if !charts::costs::cost_benefit_points(data).is_empty() {
        out.push(ChartKind::CostBenefit);
    }
    if charts::teams::drawable(data).is_some() {
        out.push(ChartKind::Teams);
    }
    out
}

/// The time series with nothing to show (every arm the same constant), each with the reason
/// in words: left out of the charts, named in the report.
///
/// The reasons are in `lang`.
pub fn charts_left_out(data: &RunData, lang: Lang) -> Vec<String> {
    data.timeseries
        .metrics
        .iter()
        .filter(|m| !metrics::is_drive_metric(m))
        .filter_map(|m| charts::timeseries::degenerate(data, m, lang))
        .chain(charts::teams::left_out_in(data, lang))
        .collect()
}

/// Pixel size of a chart: 1200×700, taller only for many arms (legend rows, drive panels).
///
/// The chart in `lang`: a legend's words may need another row.
pub fn chart_size(data: &RunData, kind: &ChartKind, lang: Lang) -> (u32, u32) {
    match kind {
        ChartKind::Drives => charts::drives::drives_size(data),
        ChartKind::Teams => charts::teams::teams_size(data),
        ChartKind::Timeseries { metric } => charts::timeseries::timeseries_size(data, metric, lang),
        _ => (WIDTH, HEIGHT),
    }
}

/// Draws `kind` onto any plotters drawing area (size it with [`chart_size`]).
///
/// Every word and number is in `lang`.
pub fn draw_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &RunData,
    kind: &ChartKind,
    lang: Lang,
) -> Result<(), PlotError> {
    use charts::{costs, drives, durability, iceberg, teams, timeseries};
    match kind {
        ChartKind::Timeseries { metric } => timeseries::draw_timeseries(area, data, metric, lang),
        ChartKind::Iceberg { arm } => iceberg::draw_iceberg(area, data, arm, lang),
        ChartKind::Durability => durability::draw_durability(area, data, lang),
        ChartKind::Drives => drives::draw_drives(area, data, lang),
        ChartKind::Costs => costs::draw_costs(area, data, lang),
        ChartKind::CostBenefit => costs::draw_cost_benefit(area, data, lang),
        ChartKind::Teams => teams::draw_teams_in(area, data, lang),
    }
}

/// Renders whatever `draw` draws to an SVG document in memory: the one SVG path of every
/// chart, run or sweep.
pub(crate) fn svg_of<F>(size: (u32, u32), draw: F) -> Result<String, PlotError>
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), PlotError>,
{
    font::ensure_fonts()?;
    let mut svg = String::new();
    let (drawn, hover) = hover::recording(|| {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root)?;
        root.present().map_err(draw_err)
    });
    drawn?;
    // The hover areas go last, on top of everything drawn, so that they catch the pointer.
    if !hover.is_empty() {
        if let Some(end) = svg.rfind("</svg>") {
            svg.insert_str(end, &hover);
        }
    }
    Ok(svg)
}

/// Renders whatever `draw` draws to PNG bytes. Encoding ourselves (rather than letting the
/// backend write the file) lets the file go through the same atomic rename as every output.
pub(crate) fn png_of<F>(size: (u32, u32), draw: F) -> Result<Vec<u8>, PlotError>
where
    F: FnOnce(&DrawingArea<BitMapBackend, Shift>) -> Result<(), PlotError>,
{
    font::ensure_fonts()?;
    let (w, h) = size;
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&rgb, w, h, image::ColorType::Rgb8)
        .map_err(|e| PlotError::Draw(format!("encoding PNG: {e}")))?;
    Ok(png)
}

/// Writes `stem.png` and `stem.svg` into `out` atomically (a killed run leaves no torn
/// chart) and appends their paths to `written`.
pub(crate) fn write_chart_pair(
    out: &Path,
    stem: &str,
    png: &[u8],
    svg: &str,
    written: &mut Vec<PathBuf>,
) -> Result<(), PlotError> {
    for (ext, bytes) in [("png", png), ("svg", svg.as_bytes())] {
        let path = out.join(format!("{stem}.{ext}"));
        write_atomic(&path, bytes).map_err(|e| PlotError::io(&path, e))?;
        written.push(path);
    }
    Ok(())
}

/// Renders `kind` to an SVG document in memory (for inlining into HTML).
pub fn render_svg_string(
    data: &RunData,
    kind: &ChartKind,
    lang: Lang,
) -> Result<String, PlotError> {
    svg_of(chart_size(data, kind, lang), |root| {
        draw_chart(root, data, kind, lang)
    })
}

/// Renders `kind` to PNG bytes in memory.
pub fn render_png_bytes(
    data: &RunData,
    kind: &ChartKind,
    lang: Lang,
) -> Result<Vec<u8>, PlotError> {
    png_of(chart_size(data, kind, lang), |root| {
        draw_chart(root, data, kind, lang)
    })
}

/// Loads the results in `dir` and renders every chart to an SVG string, keyed by file stem.
pub fn svg_strings(dir: &Path, lang: Lang) -> Result<Vec<(String, String)>, PlotError> {
    let data = load_run_dir(dir)?;
    available_charts(&data)
        .iter()
        .map(|k| Ok((k.file_stem(), render_svg_string(&data, k, lang)?)))
        .collect()
}

/// Draws every chart of a results directory: a sweep's, a calibration's or a run's.
///
/// Every chart is in `lang`; file names stay the same in every language.
pub fn plot_dir(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, PlotError> {
    if sweep::is_sweep_dir(dir) {
        sweep::plot_sweep_dir(dir, lang)
    } else if calibration::is_calibration_dir(dir) {
        calibration::plot_calibration_dir(dir, lang)
    } else {
        plot_run_dir(dir, lang)
    }
}

/// Reads the CSVs in `dir` and writes PNG and SVG of every chart into `dir/plots/`.
/// Returns the written paths (PNG then SVG for each chart, in report order).
///
/// Every chart is in `lang`.
pub fn plot_run_dir(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, PlotError> {
    register_fonts();
    let data = load_run_dir(dir)?;
    if data.timeseries.is_empty() && data.durability.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoResultRows {
            dir: dir.into(),
        }));
    }
    let out_dir = dir.join("plots");
    fs::create_dir_all(&out_dir).map_err(|e| PlotError::io(&out_dir, e))?;
    let kinds = available_charts(&data);
    let mut stems: Vec<String> = Vec::new();
    for kind in &kinds {
        let mut stem = kind.file_stem();
        let base = stem.clone();
        let mut k = 2;
        while stems.contains(&stem) {
            stem = format!("{base}_{k}");
            k += 1;
        }
        stems.push(stem);
    }
    // Charts are drawn side by side on every core (each is a function of the data alone, so
    // the bytes are the same as one after another) and written in report order.
    let drawn: Vec<Result<(Vec<u8>, String), PlotError>> = kinds
        .par_iter()
        .map(|kind| {
            Ok((
                render_png_bytes(&data, kind, lang)?,
                render_svg_string(&data, kind, lang)?,
            ))
        })
        .collect();
    let mut written = Vec::new();
    for (stem, chart) in stems.iter().zip(drawn) {
        let (png, svg) = chart?;
        write_chart_pair(&out_dir, stem, &png, &svg, &mut written)?;
    }
    Ok(written)
}
