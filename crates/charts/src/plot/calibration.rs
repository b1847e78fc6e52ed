//! Charts of a calibration directory, drawn from its files alone (`posterior.csv`,
//! `fit.csv`, `generations.csv`, `calibration.toml`): the marginal posteriors of the last
//! generation over their priors, the pairs of parameters, the posterior predictive fit of
//! every target, and the tolerance by generation.
//!
//! A parameter with a log-uniform prior is drawn on a log axis, the scale on which its prior
//! is flat: on a linear axis such a prior looks like a spike at its lower end and any
//! posterior seems to pile there.

use std::fs;
use std::path::{Path, PathBuf};

use plotters::prelude::*;

use super::charts::common::*;
use super::data::read_records;
use super::error::{draw_err, NoDataReason, PlotError};
use super::palette;
use crate::calibration::Prior;
use crate::experiment::calibration::run::{FIT, GENERATIONS, POSTERIOR, RESOLVED};
use crate::experiment::calibration::Calibration;
use crate::experiment::sweep::apply;
use crate::text::{tr, Lang};

/// One calibrated parameter: its prior, its value in the base scenario, the last
/// generation's values.
#[derive(Debug, Clone, PartialEq)]
pub struct ParameterPosterior {
    pub name: String,
    pub key: String,
    pub prior: Prior,
    /// The value the base scenario gave it (the default before calibration).
    pub base: Option<f64>,
    pub values: Vec<f64>,
}

/// One target's posterior predictive fit (a row of `fit.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct FitRow {
    pub target: String,
    pub observed: f64,
    pub scale: f64,
    pub mean: f64,
    pub lo95: f64,
    pub hi95: f64,
}

impl FitRow {
    /// Whether the observed value lies inside the predictive 95% interval.
    pub fn inside(&self) -> bool {
        self.observed >= self.lo95 && self.observed <= self.hi95
    }
}

/// One generation (a row of `generations.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct GenerationRow {
    pub generation: usize,
    /// NaN for generation 0 (drawn from the prior, everything accepted).
    pub tolerance: f64,
    pub acceptance_rate: f64,
    pub ess: f64,
    pub simulations_total: f64,
}

/// What the calibration charts and report show.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationData {
    pub name: String,
    pub description: String,
    /// The last generation: the posterior.
    pub generation: usize,
    pub parameters: Vec<ParameterPosterior>,
    pub weights: Vec<f64>,
    pub fit: Vec<FitRow>,
    pub generations: Vec<GenerationRow>,
    pub population: usize,
    pub replications: usize,
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
    let cal = Calibration::load(&dir.join(RESOLVED))
        .map_err(|e| PlotError::NoData(NoDataReason::Calibration(Box::new(e))))?;
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
        .ok_or_else(|| PlotError::NoData(NoDataReason::NoParticles { dir: dir.into() }))?;
    let last: Vec<&(usize, f64, Vec<f64>)> = rows.iter().filter(|r| r.0 == generation).collect();
    let weights = last.iter().map(|r| r.1).collect();
    let parameters = cal
        .parameters
        .iter()
        .enumerate()
        .map(|(i, p)| ParameterPosterior {
            name: p.name.clone(),
            key: p.key.clone(),
            prior: p.prior,
            base: apply::get(&cal.base_table, &p.target),
            values: last.iter().map(|r| r.2[i]).collect(),
        })
        .collect();
    let mut fit = Vec::new();
    if dir.join(FIT).is_file() {
        read_records(
            &dir.join(FIT),
            |_| Ok(()),
            |_, r, _| {
                let f = |i: usize| num(r.get(i).unwrap_or(""));
                fit.push(FitRow {
                    target: r.get(0).unwrap_or("").to_string(),
                    observed: f(3),
                    scale: f(4),
                    mean: f(5),
                    lo95: f(6),
                    hi95: f(7),
                });
                Ok(())
            },
        )?;
    }
    let mut generations = Vec::new();
    if dir.join(GENERATIONS).is_file() {
        read_records(
            &dir.join(GENERATIONS),
            |_| Ok(()),
            |_, r, _| {
                let f = |i: usize| num(r.get(i).unwrap_or(""));
                generations.push(GenerationRow {
                    generation: f(0) as usize,
                    tolerance: f(1),
                    acceptance_rate: f(2),
                    ess: f(3),
                    simulations_total: f(5),
                });
                Ok(())
            },
        )?;
    }
    Ok(CalibrationData {
        name: cal.file.name.clone(),
        description: cal.file.description.clone(),
        generation,
        parameters,
        weights,
        fit,
        generations,
        population: cal.file.population,
        replications: cal.file.replications,
    })
}

/// The plotted range of a prior on its value scale: its support, or mean ± 4 sd where that
/// is unbounded.
fn prior_range(p: &Prior) -> (f64, f64) {
    let (lo, hi) = p.support();
    match *p {
        Prior::Normal { mean, sd, .. } => (lo.max(mean - 4.0 * sd), hi.min(mean + 4.0 * sd)),
        _ => (lo, hi),
    }
}

/// Where a value sits on the axis: log for a log-uniform prior.
fn axis_of(p: &Prior) -> fn(f64) -> f64 {
    match p {
        Prior::LogUniform { .. } => f64::ln,
        _ => |x| x,
    }
}

/// The prior's density per unit of the axis on `[a, b]` (axis coordinates), normalised over
/// that range, at `n` points. A log-uniform prior is flat on its log axis.
fn prior_curve(p: &Prior, a: f64, b: f64, n: usize) -> Vec<(f64, f64)> {
    let xs: Vec<f64> = (0..=n).map(|i| a + (b - a) * i as f64 / n as f64).collect();
    let ys: Vec<f64> = xs
        .iter()
        .map(|&x| match p {
            Prior::LogUniform { lo, hi } => {
                // exp(ln(hi)) may round past hi: the curve must not drop at its own end.
                let v = x.exp().clamp(*lo, *hi);
                p.density(v) * v
            }
            _ => p.density(x),
        })
        .collect();
    let area: f64 = ys
        .windows(2)
        .map(|w| 0.5 * (w[0] + w[1]) * (b - a) / n as f64)
        .sum();
    xs.into_iter()
        .zip(ys)
        .map(|(x, y)| (x, if area > 0.0 { y / area } else { 0.0 }))
        .collect()
}

/// The axis of one parameter: its range in axis coordinates, ticks and label.
fn parameter_axis(
    p: &ParameterPosterior,
    y_range: std::ops::Range<f64>,
    y: &str,
    lang: Lang,
) -> AxisSpec {
    let (lo, hi) = prior_range(&p.prior);
    match p.prior {
        Prior::LogUniform { .. } => AxisSpec {
            x_ticks: log_ticks(lo, hi),
            x_log: true,
            ..AxisSpec::linear(lo.ln()..hi.ln(), y_range, &p.name, y).in_lang(lang)
        },
        _ => AxisSpec::linear(lo..hi, y_range, &p.name, y).in_lang(lang),
    }
}

const BINS: usize = 25;

fn draw_posterior<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &CalibrationData,
    lang: Lang,
) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "calibration-charts-posterior-title"),
        &tr!(
            lang,
            "calibration-charts-posterior-subtitle",
            generation = d.generation.to_string()
        ),
    )?;
    let n = d.parameters.len().max(1);
    let cols = n.min(3);
    let rows = n.div_ceil(cols);
    let panels = rest.split_evenly((rows, cols));
    for (p, area) in d.parameters.iter().zip(panels.iter()) {
        let f = axis_of(&p.prior);
        let (lo, hi) = prior_range(&p.prior);
        let (a, b) = (f(lo), f(hi));
        let width = (b - a) / BINS as f64;
        let mut bins = [0.0; BINS];
        for (v, w) in p.values.iter().zip(&d.weights) {
            let x = f(*v);
            if x.is_finite() && w.is_finite() && x >= a && x <= b {
                let i = (((x - a) / width) as usize).min(BINS - 1);
                bins[i] += w;
            }
        }
        let total: f64 = bins.iter().sum();
        let dens: Vec<f64> = bins
            .iter()
            .map(|c| if total > 0.0 { c / total / width } else { 0.0 })
            .collect();
        let curve = prior_curve(&p.prior, a, b, 200);
        let ymax = dens
            .iter()
            .chain(curve.iter().map(|c| &c.1))
            .fold(0.0f64, |m, &y| m.max(y));
        let ymax = (ymax * 1.1).max(1e-12);
        let spec = parameter_axis(
            p,
            0.0..ymax,
            &tr!(lang, "calibration-charts-axis-density"),
            lang,
        );
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
        if let Some(base) = p.base.map(f).filter(|x| *x >= a && *x <= b) {
            let dashes = (0..20).map(|i| {
                let y0 = ymax * i as f64 / 20.0;
                PathElement::new(
                    vec![(base, y0), (base, y0 + ymax / 40.0)],
                    palette::GREY_TEXT.stroke_width(2),
                )
            });
            chart.draw_series(dashes).map_err(draw_err)?;
        }
    }
    Ok(())
}

/// Every pair of parameters in the posterior: one dot per particle, its area by its weight,
/// on the priors' ranges (so a cloud filling its panel is a pair the targets did not
/// separate, and a diagonal band is a trade-off between the two).
fn draw_pairs<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &CalibrationData,
    lang: Lang,
) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "calibration-charts-pairs-title"),
        &tr!(lang, "calibration-charts-pairs-subtitle"),
    )?;
    let k = d.parameters.len();
    if k < 2 {
        return Ok(());
    }
    let wmax = d.weights.iter().fold(0.0f64, |m, &w| m.max(w)).max(1e-300);
    let panels = rest.split_evenly((k - 1, k - 1));
    for row in 1..k {
        for col in 0..k - 1 {
            let area = &panels[(row - 1) * (k - 1) + col];
            if col >= row {
                continue;
            }
            let (px, py) = (&d.parameters[col], &d.parameters[row]);
            let (fx, fy) = (axis_of(&px.prior), axis_of(&py.prior));
            let (ylo, yhi) = prior_range(&py.prior);
            let y_axis = parameter_axis(py, 0.0..1.0, "", lang);
            let mut spec = parameter_axis(px, fy(ylo)..fy(yhi), "", lang);
            spec.y_ticks = y_axis.x_ticks.clone();
            spec.y_decimals = y_axis.x_decimals;
            spec.y_log = y_axis.x_log;
            // Small panels: about three labelled ticks a side.
            if !spec.x_log {
                (spec.x_ticks, spec.x_decimals) = ticks(&spec.x_range, 3);
            }
            if !spec.y_log {
                (spec.y_ticks, spec.y_decimals) = ticks(&spec.y_range, 3);
            }
            spec.x_desc = (row == k - 1).then(|| px.name.clone());
            spec.y_desc = (col == 0).then(|| py.name.clone());
            spec.x_labels = row == k - 1;
            spec.y_labels = col == 0;
            spec.tick_size = 16.0;
            spec.desc_size = 16.0;
            // The same label width down each column keeps the panels aligned.
            let label_width = if col == 0 { 110 } else { 8 };
            let mut chart = build_chart(area, &spec, (6, 10, 4, 4), Some(label_width), None)?;
            chart
                .draw_series(
                    px.values
                        .iter()
                        .zip(&py.values)
                        .zip(&d.weights)
                        .filter(|((x, y), w)| {
                            fx(**x).is_finite() && fy(**y).is_finite() && w.is_finite()
                        })
                        .map(|((x, y), w)| {
                            let r = (1.5 + 4.0 * (w / wmax).sqrt()).round() as i32;
                            Circle::new((fx(*x), fy(*y)), r, palette::BLUE.mix(0.55).filled())
                        }),
                )
                .map_err(draw_err)?;
        }
    }
    Ok(())
}

fn draw_fit<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &CalibrationData,
    lang: Lang,
) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "calibration-charts-fit-title"),
        &tr!(lang, "calibration-charts-fit-subtitle"),
    )?;
    let z = |v: f64, obs: f64, scale: f64| (v - obs) / scale;
    let mut xmax: f64 = 2.0;
    for r in &d.fit {
        for v in [r.mean, r.lo95, r.hi95] {
            let x = z(v, r.observed, r.scale);
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
            &tr!(lang, "calibration-charts-fit-axis"),
            "",
        )
        .in_lang(lang)
    };
    let mut chart = build_chart(&rest, &spec, (16, 32, 8, 16), None, None)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, -0.5), (0.0, n - 0.5)],
            palette::GREY_AXIS.stroke_width(2),
        ))
        .map_err(draw_err)?;
    for (i, r) in d.fit.iter().enumerate() {
        let y = n - 1.0 - i as f64;
        let (l, h, c) = (
            z(r.lo95, r.observed, r.scale),
            z(r.hi95, r.observed, r.scale),
            z(r.mean, r.observed, r.scale),
        );
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
                r.target.clone(),
                (-xmax * 1.05, y + 0.25),
                text_style(15.0, palette::GREY_TEXT),
            )])
            .map_err(draw_err)?;
    }
    Ok(())
}

/// The tolerance each generation accepted (left) and the share of proposals it accepted
/// (right): a tolerance that stops falling while acceptance collapses is a calibration that
/// has fitted what it can.
fn draw_generations<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &CalibrationData,
    lang: Lang,
) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "calibration-charts-generations-title"),
        &tr!(lang, "calibration-charts-generations-subtitle"),
    )?;
    let (left, right) = rest.split_horizontally(rest.dim_in_pixel().0 / 2);
    let last = d
        .generations
        .iter()
        .map(|g| g.generation)
        .max()
        .unwrap_or(0) as f64;
    let x_range = -0.3..last + 0.3;
    let x_ticks: Vec<f64> = (0..=last as usize).map(|g| g as f64).collect();
    let tol: Vec<(f64, f64)> = d
        .generations
        .iter()
        .filter(|g| g.tolerance.is_finite())
        .map(|g| (g.generation as f64, g.tolerance))
        .collect();
    let tmax = tol.iter().fold(0.0f64, |m, t| m.max(t.1)).max(1e-12);
    let spec = AxisSpec {
        x_ticks: x_ticks.clone(),
        x_decimals: 0,
        ..AxisSpec::linear(
            x_range.clone(),
            0.0..tmax * 1.1,
            &tr!(lang, "calibration-charts-axis-generation"),
            &tr!(lang, "calibration-charts-axis-tolerance"),
        )
        .in_lang(lang)
    };
    let mut chart = build_chart(&left, &spec, (16, 24, 8, 8), None, None)?;
    chart
        .draw_series(LineSeries::new(
            tol.iter().copied(),
            palette::BLUE.stroke_width(3),
        ))
        .map_err(draw_err)?;
    chart
        .draw_series(
            tol.iter()
                .map(|&p| Circle::new(p, 6, palette::BLUE.filled())),
        )
        .map_err(draw_err)?;
    let acc: Vec<(f64, f64)> = d
        .generations
        .iter()
        .filter(|g| g.acceptance_rate.is_finite())
        .map(|g| (g.generation as f64, 100.0 * g.acceptance_rate))
        .collect();
    let spec = AxisSpec {
        x_ticks,
        x_decimals: 0,
        ..AxisSpec::linear(
            x_range,
            0.0..105.0,
            &tr!(lang, "calibration-charts-axis-generation"),
            &tr!(lang, "calibration-charts-axis-accepted"),
        )
        .in_lang(lang)
    };
    let mut chart = build_chart(&right, &spec, (16, 24, 8, 8), None, None)?;
    chart
        .draw_series(LineSeries::new(
            acc.iter().copied(),
            palette::VERMILLION.stroke_width(3),
        ))
        .map_err(draw_err)?;
    chart
        .draw_series(
            acc.iter()
                .map(|&p| Circle::new(p, 6, palette::VERMILLION.filled())),
        )
        .map_err(draw_err)?;
    Ok(())
}

/// The calibration charts: file stem, size, and whether the data has something to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalibrationChart {
    Posterior,
    Pairs,
    Fit,
    Generations,
}

impl CalibrationChart {
    pub const ALL: [CalibrationChart; 4] = [
        CalibrationChart::Posterior,
        CalibrationChart::Pairs,
        CalibrationChart::Fit,
        CalibrationChart::Generations,
    ];

    pub fn file_stem(self) -> &'static str {
        match self {
            CalibrationChart::Posterior => "posterior",
            CalibrationChart::Pairs => "pairs",
            CalibrationChart::Fit => "fit",
            CalibrationChart::Generations => "generations",
        }
    }

    fn size(self, d: &CalibrationData) -> (u32, u32) {
        match self {
            CalibrationChart::Pairs => {
                let side = 260 * d.parameters.len().saturating_sub(1).max(1) as u32;
                (WIDTH.max(side), (HEADER_HEIGHT + side).max(HEIGHT))
            }
            _ => (WIDTH, HEIGHT),
        }
    }

    /// Whether `d` gives this chart anything to draw.
    pub fn applies(self, d: &CalibrationData) -> bool {
        match self {
            CalibrationChart::Posterior => !d.parameters.is_empty(),
            CalibrationChart::Pairs => d.parameters.len() >= 2,
            CalibrationChart::Fit => !d.fit.is_empty(),
            CalibrationChart::Generations => d.generations.len() >= 2,
        }
    }

    fn draw<DB: DrawingBackend>(
        self,
        root: &Area<DB>,
        d: &CalibrationData,
        lang: Lang,
    ) -> Result<(), PlotError> {
        match self {
            CalibrationChart::Posterior => draw_posterior(root, d, lang),
            CalibrationChart::Pairs => draw_pairs(root, d, lang),
            CalibrationChart::Fit => draw_fit(root, d, lang),
            CalibrationChart::Generations => draw_generations(root, d, lang),
        }
    }

    /// The chart as SVG text (for the report).
    ///
    /// Every word and number is in `lang`.
    pub fn svg(self, d: &CalibrationData, lang: Lang) -> Result<String, PlotError> {
        super::svg_of(self.size(d), |r| self.draw(r, d, lang))
    }
}

/// Writes `plots/{posterior,pairs,fit,generations}.{png,svg}` of a calibration directory
/// (those the calibration has data for).
///
/// Every chart is in `lang`; file names stay the same in every language.
pub fn plot_calibration_dir(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, PlotError> {
    let d = load_calibration_dir(dir)?;
    let out = dir.join("plots");
    fs::create_dir_all(&out).map_err(|e| PlotError::io(&out, e))?;
    let mut written = Vec::new();
    for c in CalibrationChart::ALL.into_iter().filter(|c| c.applies(&d)) {
        let png = super::png_of(c.size(&d), |r| c.draw(r, &d, lang))?;
        let svg = c.svg(&d, lang)?;
        super::write_chart_pair(&out, c.file_stem(), &png, &svg, &mut written)?;
    }
    Ok(written)
}
