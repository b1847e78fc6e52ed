//! Charts of simulation results: PNG and SVG, pure Rust, fonts embedded.
//!
//! Reads `timeseries.csv`, `durability.csv` and `manifest.json` from a results directory
//! and draws, with nothing but pure-Rust dependencies and embedded DejaVu Sans fonts:
//!
//! 1. one time-series chart per metric (every arm a line with its 95 % CI band, x in months),
//! 2. one iceberg chart per arm (state above and below the waterline),
//! 3. a durability chart (peak gain, gain at 6 and 12 months, half-life),
//! 4. B by dominant drive (small multiples per arm).
//!
//! Every chart can be rendered to a PNG file, an SVG file or an in-memory SVG string;
//! [`draw_chart`] draws onto any plotters drawing area. Output is deterministic.

pub mod charts;
pub mod data;
pub mod error;
pub mod font;
pub mod metrics;
pub mod palette;
pub mod sweep;

use std::fs;
use std::path::{Path, PathBuf};

use image::ImageEncoder;
use plotters::coord::Shift;
use plotters::prelude::*;

pub use data::{load_run_dir, Durability, RunData, Stat, Timeseries, TsPoint};
pub use error::PlotError;
pub use font::register_fonts;

use crate::output::files::write_atomic;
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
}

/// A name made safe for a file stem: anything but ASCII letters, digits, `_` and `-` → `_`.
pub(crate) fn sanitize(s: &str) -> String {
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
        }
    }
}

/// All charts the data supports, in report order: time series (known metrics first, then
/// unknown ones in file order; B-by-drive series excluded), icebergs per arm, durability,
/// drives.
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
        if ts.has_metric(m) {
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
    out
}

/// Pixel size of a chart: 1200×700, taller only for many arms (legend rows, drive panels).
pub fn chart_size(data: &RunData, kind: &ChartKind) -> (u32, u32) {
    match kind {
        ChartKind::Drives => charts::drives::drives_size(data),
        ChartKind::Timeseries { metric } => charts::timeseries::timeseries_size(data, metric),
        _ => (WIDTH, HEIGHT),
    }
}

/// Draws `kind` onto any plotters drawing area (size it with [`chart_size`]).
pub fn draw_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &RunData,
    kind: &ChartKind,
) -> Result<(), PlotError> {
    match kind {
        ChartKind::Timeseries { metric } => charts::timeseries::draw_timeseries(area, data, metric),
        ChartKind::Iceberg { arm } => charts::iceberg::draw_iceberg(area, data, arm),
        ChartKind::Durability => charts::durability::draw_durability(area, data),
        ChartKind::Drives => charts::drives::draw_drives(area, data),
    }
}

/// Renders `kind` to an SVG document in memory (for inlining into HTML).
pub fn render_svg_string(data: &RunData, kind: &ChartKind) -> Result<String, PlotError> {
    font::ensure_fonts()?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, chart_size(data, kind)).into_drawing_area();
        draw_chart(&root, data, kind)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg)
}

/// Renders `kind` to an SVG file (written atomically: a killed run leaves no torn chart).
pub fn render_svg_file(data: &RunData, kind: &ChartKind, path: &Path) -> Result<(), PlotError> {
    let svg = render_svg_string(data, kind)?;
    write_atomic(path, svg.as_bytes()).map_err(|e| PlotError::io(path, e))
}

/// Renders `kind` to PNG bytes in memory. Encoding ourselves (rather than letting the
/// backend write the file) lets the file go through the same atomic rename as every output.
pub fn render_png_bytes(data: &RunData, kind: &ChartKind) -> Result<Vec<u8>, PlotError> {
    font::ensure_fonts()?;
    let (w, h) = chart_size(data, kind);
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        draw_chart(&root, data, kind)?;
        root.present().map_err(draw_err)?;
    }
    encode_png(&rgb, w, h)
}

/// Encodes an RGB buffer as PNG (deterministic: same pixels, same bytes).
pub fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, PlotError> {
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(rgb, w, h, image::ColorType::Rgb8)
        .map_err(|e| PlotError::Draw(format!("encoding PNG: {e}")))?;
    Ok(png)
}

/// Renders `kind` to a PNG file (written atomically).
pub fn render_png_file(data: &RunData, kind: &ChartKind, path: &Path) -> Result<(), PlotError> {
    let png = render_png_bytes(data, kind)?;
    write_atomic(path, &png).map_err(|e| PlotError::io(path, e))
}

/// Loads the results in `dir` and renders every chart to an SVG string, keyed by file stem.
pub fn svg_strings(dir: &Path) -> Result<Vec<(String, String)>, PlotError> {
    let data = load_run_dir(dir)?;
    available_charts(&data)
        .iter()
        .map(|k| Ok((k.file_stem(), render_svg_string(&data, k)?)))
        .collect()
}

/// Reads the CSVs in `dir` and writes PNG and SVG of every chart into `dir/plots/`.
/// Returns the written paths (PNG then SVG for each chart, in report order).
pub fn plot_run_dir(dir: &Path) -> Result<Vec<PathBuf>, PlotError> {
    register_fonts();
    let data = load_run_dir(dir)?;
    if data.timeseries.is_empty() && data.durability.is_empty() {
        return Err(PlotError::NoData(format!(
            "{} holds no result rows",
            dir.display()
        )));
    }
    let out_dir = dir.join("plots");
    fs::create_dir_all(&out_dir).map_err(|e| PlotError::io(&out_dir, e))?;
    let mut written = Vec::new();
    let mut stems: Vec<String> = Vec::new();
    for kind in available_charts(&data) {
        let mut stem = kind.file_stem();
        let base = stem.clone();
        let mut k = 2;
        while stems.contains(&stem) {
            stem = format!("{base}_{k}");
            k += 1;
        }
        stems.push(stem.clone());
        let png = out_dir.join(format!("{stem}.png"));
        render_png_file(&data, &kind, &png)?;
        written.push(png);
        let svg = out_dir.join(format!("{stem}.svg"));
        render_svg_file(&data, &kind, &svg)?;
        written.push(svg);
    }
    Ok(written)
}
