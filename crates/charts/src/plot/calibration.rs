//! Charts of a calibration directory, drawn from its files alone (`posterior.csv`,
//! `fit.csv`, `calibration.toml`): the marginal posteriors of the last generation over their
//! priors, and the posterior predictive fit of every target.

use std::fs;
use std::path::{Path, PathBuf};

use plotters::prelude::*;

use super::charts::common::*;
use super::data::read_records;
use super::error::{draw_err, PlotError};
use super::palette;
use crate::calibration::Prior;
use crate::experiment::calibration::run::{FIT, POSTERIOR, RESOLVED};
use crate::experiment::calibration::Calibration;

/// What the calibration charts show.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationData {
    pub name: String,
    pub generation: usize,
    /// Per parameter: name, prior, the last generation's values.
    pub parameters: Vec<(String, Prior, Vec<f64>)>,
    pub weights: Vec<f64>,
    /// Per target: name, observed, scale, predictive mean, 2.5% and 97.5%.
    pub fit: Vec<(String, f64, f64, f64, f64, f64)>,
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or(f64::NAN)
}

/// Whether `dir` holds a calibration.
pub fn is_calibration_dir(dir: &Path) -> bool {
    dir.join(POSTERIOR).is_file() && dir.join(RESOLVED).is_file()
}

/// Reads a calibration directory.
pub fn load_calibration_dir(dir: &Path) -> Result<CalibrationData, PlotError> {
    let cal =
        Calibration::load(&dir.join(RESOLVED)).map_err(|e| PlotError::NoData(e.to_string()))?;
    let k = cal.parameters.len();
    let mut rows: Vec<(usize, f64, Vec<f64>)> = Vec::new();
    read_records(
        &dir.join(POSTERIOR),
        |h| {
            if h.len() < 4 + k || h.get(0) != Some("generation") {
                return Err(format!(
                    "expected generation, particle, weight and {k} parameters"
                ));
            }
            Ok(())
        },
        |_, r, _| {
            let g: usize = r
                .get(0)
                .unwrap_or("")
                .parse()
                .map_err(|_| "generation is not a whole number".to_string())?;
            let w = num(r.get(2).unwrap_or(""));
            let v: Vec<f64> = (0..k).map(|i| num(r.get(3 + i).unwrap_or(""))).collect();
            rows.push((g, w, v));
            Ok(())
        },
    )?;
    let generation = rows
        .iter()
        .map(|r| r.0)
        .max()
        .ok_or_else(|| PlotError::NoData(format!("{}: no particles", dir.display())))?;
    let last: Vec<&(usize, f64, Vec<f64>)> = rows.iter().filter(|r| r.0 == generation).collect();
    let weights = last.iter().map(|r| r.1).collect();
    let parameters = cal
        .parameters
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                p.name.clone(),
                p.prior,
                last.iter().map(|r| r.2[i]).collect(),
            )
        })
        .collect();
    let mut fit = Vec::new();
    if dir.join(FIT).is_file() {
        read_records(
            &dir.join(FIT),
            |_| Ok(()),
            |_, r, _| {
                let f = |i: usize| num(r.get(i).unwrap_or(""));
                fit.push((
                    r.get(0).unwrap_or("").to_string(),
                    f(3),
                    f(4),
                    f(5),
                    f(6),
                    f(7),
                ));
                Ok(())
            },
        )?;
    }
    Ok(CalibrationData {
        name: cal.file.name.clone(),
        generation,
        parameters,
        weights,
        fit,
    })
}

/// The plotted range of a prior: its support, or mean ± 4 sd where that is unbounded.
fn prior_range(p: &Prior) -> (f64, f64) {
    let (lo, hi) = p.support();
    match *p {
        Prior::Normal { mean, sd, .. } => (lo.max(mean - 4.0 * sd), hi.min(mean + 4.0 * sd)),
        _ => (lo, hi),
    }
}

/// The prior's density on `[a, b]`, normalised over that range, at `n` points.
fn prior_curve(p: &Prior, a: f64, b: f64, n: usize) -> Vec<(f64, f64)> {
    let xs: Vec<f64> = (0..=n).map(|i| a + (b - a) * i as f64 / n as f64).collect();
    let ys: Vec<f64> = xs.iter().map(|&x| p.density(x)).collect();
    let area: f64 = ys
        .windows(2)
        .map(|w| 0.5 * (w[0] + w[1]) * (b - a) / n as f64)
        .sum();
    xs.into_iter()
        .zip(ys)
        .map(|(x, y)| (x, if area > 0.0 { y / area } else { 0.0 }))
        .collect()
}

const BINS: usize = 25;

fn draw_posterior<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &CalibrationData,
) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &format!("Posterior over prior · {}", d.name),
        &format!(
            "Generation {} (the posterior), weighted histogram; line: the prior's density",
            d.generation
        ),
    )?;
    let n = d.parameters.len().max(1);
    let cols = n.min(3);
    let rows = n.div_ceil(cols);
    let panels = rest.split_evenly((rows, cols));
    for ((name, prior, values), area) in d.parameters.iter().zip(panels.iter()) {
        let (a, b) = prior_range(prior);
        let width = (b - a) / BINS as f64;
        let mut bins = [0.0; BINS];
        for (v, w) in values.iter().zip(&d.weights) {
            if v.is_finite() && w.is_finite() && *v >= a && *v <= b {
                let i = (((v - a) / width) as usize).min(BINS - 1);
                bins[i] += w;
            }
        }
        let total: f64 = bins.iter().sum();
        let dens: Vec<f64> = bins
            .iter()
            .map(|c| if total > 0.0 { c / total / width } else { 0.0 })
            .collect();
        let curve = prior_curve(prior, a, b, 200);
        let ymax = dens
            .iter()
            .chain(curve.iter().map(|c| &c.1))
            .fold(0.0f64, |m, &y| m.max(y));
        let spec = AxisSpec::linear(a..b, 0.0..(ymax * 1.1).max(1e-12), name, "density");
        let mut chart = build_chart(area, &spec, (16, 24, 8, 8), None, None)?;
        chart
            .draw_series(dens.iter().enumerate().map(|(i, &y)| {
                let x0 = a + i as f64 * width;
                Rectangle::new([(x0, 0.0), (x0 + width, y)], palette::SKY_BLUE.filled())
            }))
            .map_err(draw_err)?;
        chart
            .draw_series(LineSeries::new(curve, palette::VERMILLION.stroke_width(3)))
            .map_err(draw_err)?;
    }
    Ok(())
}

fn draw_fit<DB: DrawingBackend>(root: &Area<DB>, d: &CalibrationData) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &format!("Posterior predictive fit · {}", d.name),
        "Per target, in units of its scale from the observed value (0): predictive mean (dot) and 95% interval",
    )?;
    let z = |v: f64, obs: f64, scale: f64| (v - obs) / scale;
    let mut xmax: f64 = 2.0;
    for &(_, o, s, m, lo, hi) in &d.fit {
        for v in [m, lo, hi] {
            let x = z(v, o, s);
            if x.is_finite() {
                xmax = xmax.max(x.abs());
            }
        }
    }
    let n = d.fit.len().max(1) as f64;
    let spec = AxisSpec {
        y_labels: false,
        ..AxisSpec::linear(
            -xmax * 1.1..xmax * 1.1,
            -0.5..n - 0.5,
            "(simulated − observed) / scale",
            "",
        )
    };
    let mut chart = build_chart(&rest, &spec, (16, 32, 8, 16), None, None)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, -0.5), (0.0, n - 0.5)],
            palette::GREY_AXIS.stroke_width(2),
        ))
        .map_err(draw_err)?;
    for (i, (name, o, s, m, lo, hi)) in d.fit.iter().enumerate() {
        let y = n - 1.0 - i as f64;
        let (l, h, c) = (z(*lo, *o, *s), z(*hi, *o, *s), z(*m, *o, *s));
        if l.is_finite() && h.is_finite() {
            chart
                .draw_series(LineSeries::new(
                    [(l, y), (h, y)],
                    palette::BLUE.stroke_width(4),
                ))
                .map_err(draw_err)?;
        }
        if c.is_finite() {
            chart
                .draw_series([Circle::new((c, y), 7, palette::BLUE.filled())])
                .map_err(draw_err)?;
        }
        chart
            .draw_series([Text::new(
                name.clone(),
                (-xmax * 1.05, y + 0.25),
                text_style(15.0, palette::GREY_TEXT),
            )])
            .map_err(draw_err)?;
    }
    Ok(())
}

/// Writes `plots/posterior.{png,svg}` and `plots/fit.{png,svg}` of a calibration directory.
pub fn plot_calibration_dir(dir: &Path) -> Result<Vec<PathBuf>, PlotError> {
    let d = load_calibration_dir(dir)?;
    let out = dir.join("plots");
    fs::create_dir_all(&out).map_err(|e| PlotError::io(&out, e))?;
    let mut written = Vec::new();
    let size = (WIDTH, HEIGHT);
    let png = super::png_of(size, |r| draw_posterior(r, &d))?;
    let svg = super::svg_of(size, |r| draw_posterior(r, &d))?;
    super::write_chart_pair(&out, "posterior", &png, &svg, &mut written)?;
    if !d.fit.is_empty() {
        let png = super::png_of(size, |r| draw_fit(r, &d))?;
        let svg = super::svg_of(size, |r| draw_fit(r, &d))?;
        super::write_chart_pair(&out, "fit", &png, &svg, &mut written)?;
    }
    Ok(written)
}
