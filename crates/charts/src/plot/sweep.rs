//! Charts of a sweep: response curves with CI bands (one swept parameter), heatmaps (a
//! two-parameter grid), and sensitivity charts (Sobol S1/ST bars with CIs, Morris μ*–σ).
//! Like the run charts they are drawn from the files alone (`points.csv`,
//! `sensitivity.csv`, `manifest.json`), so `undercurrent plot DIR` redraws them exactly.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::charts::common::*;
use super::data::{parse_censored, parse_opt_f64, read_records, Stat};
use super::error::{draw_err, NoDataReason, PlotError};
use super::metrics::metric_info;
use super::palette;
use super::sanitize;
use crate::output::manifest::read_manifest;
use crate::text::{numbers, term, tr, Lang};

/// Metrics charted when present, in this order; a sweep keeping none of them gets charts
/// of its first metrics instead.
const HEADLINE: [&str; 10] = [
    "gain_12m_B",
    "peak_gain_B",
    "retained_12m_B",
    "half_life_days_B",
    "mean_gain_nps",
    "gain_12m_nps",
    "cost_per_nps_point",
    "B_mean",
    "nps_mean",
    "N_end",
];
const MAX_FALLBACK_METRICS: usize = 6;

/// One sensitivity estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct SensRow {
    pub arm: String,
    pub metric: String,
    pub parameter: String,
    pub index: String,
    pub estimate: Option<f64>,
    pub ci_lo: Option<f64>,
    pub ci_hi: Option<f64>,
    /// For a censorable output, the share of runs cut at the horizon (`censored_share`).
    pub censored_share: Option<f64>,
}

/// The files of a sweep directory, as the charts need them.
#[derive(Debug, Clone, Default)]
pub struct SweepData {
    pub name: String,
    /// Swept parameters (column names of `points.csv` between `point` and `arm`).
    pub axes: Vec<String>,
    /// Parameter values of every design point, by point id.
    pub points: BTreeMap<u64, Vec<f64>>,
    pub arms: Vec<String>,
    pub metrics: Vec<String>,
    /// (arm, metric) → (point id, statistic).
    pub stats: BTreeMap<(String, String), Vec<(u64, Stat)>>,
    pub sensitivity: Vec<SensRow>,
    /// A swept parameter's key path in the parameter registry, by its column name, from the
    /// sweep's `manifest.json` (empty without one): where an axis finds its unit.
    pub axis_keys: BTreeMap<String, String>,
    /// A categorical axis (text values in `points.csv`, such as sectors): its level names in
    /// the order they first appear, by axis position; its values in `points` are positions.
    pub level_names: BTreeMap<usize, Vec<String>>,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// The experiment's name from `manifest.json` (top-level `name`), else the directory's, and
/// the registry key of each swept parameter the manifest names.
fn sweep_name_and_keys(dir: &Path) -> Result<(String, BTreeMap<String, String>), PlotError> {
    let manifest = read_manifest(dir)?;
    let keys = manifest
        .iter()
        .flat_map(|m| &m.axes)
        .filter_map(|a| Some((a.name.clone()?, a.key.clone()?)))
        .collect();
    let name = manifest.and_then(|m| m.name).unwrap_or_else(|| {
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "sweep".into())
    });
    Ok((name, keys))
}

/// Whether `dir` holds a sweep (rather than a single run).
pub fn is_sweep_dir(dir: &Path) -> bool {
    dir.join("points.csv").is_file()
}

/// Loads `points.csv`, `sensitivity.csv` (if any) and the name from `manifest.json`.
pub fn load_sweep_dir(dir: &Path) -> Result<SweepData, PlotError> {
    let path = dir.join("points.csv");
    if !path.is_file() {
        return Err(PlotError::MissingFile { path });
    }
    let want_tail = ["arm", "metric", "mean", "sd", "ci_lo", "ci_hi", "n"];
    // Written since censored half-lives are summarised by their Kaplan-Meier median; files
    // without these columns still load.
    let km_tail = ["km_median", "km_lo", "km_hi", "followup", "censored_share"];
    let mut d = SweepData::default();
    // The number of swept parameters: the columns between `point` and `arm`.
    let header = |h: &csv::StringRecord| {
        let mut header: Vec<&str> = h.iter().collect();
        let km = header.ends_with(&km_tail);
        if km {
            header.truncate(header.len() - km_tail.len());
        }
        let k = header.len().saturating_sub(want_tail.len() + 1);
        if header.len() < want_tail.len() + 1
            || header[0] != "point"
            || header[k + 1..] != want_tail
        {
            return Err(format!(
                "expected the header point,<parameters…>,{}[,{}], found {}",
                want_tail.join(","),
                km_tail.join(","),
                h.iter().collect::<Vec<_>>().join(",")
            ));
        }
        Ok((
            (k, km),
            header[1..=k]
                .iter()
                .map(|a| a.to_string())
                .collect::<Vec<_>>(),
        ))
    };
    let (_, axes) = read_records(&path, header, |((k, km), _), rec, _line| {
        let (k, km) = (*k, *km);
        let point: u64 = rec[0]
            .parse()
            .map_err(|_| format!("point `{}` is not a number", &rec[0]))?;
        let mut values = Vec::with_capacity(k);
        for c in 1..=k {
            let categorical = d.level_names.contains_key(&(c - 1));
            match (categorical, parse_opt_f64(&rec[c])) {
                (false, Ok(v)) => values.push(v.unwrap_or(f64::NAN)),
                // Text in the first point's row makes the axis categorical.
                (false, Err(_)) if d.points.is_empty() => {
                    d.level_names.insert(c - 1, vec![rec[c].to_string()]);
                    values.push(0.0);
                }
                (false, Err(e)) => return Err(e),
                (true, _) => {
                    let names = d.level_names.entry(c - 1).or_default();
                    let at = match names.iter().position(|n| n == &rec[c]) {
                        Some(i) => i,
                        None => {
                            names.push(rec[c].to_string());
                            names.len() - 1
                        }
                    };
                    values.push(at as f64);
                }
            }
        }
        d.points.entry(point).or_insert(values);
        let (arm, metric) = (&rec[k + 1], &rec[k + 2]);
        let n = rec[k + 7].parse().ok();
        let censored = if km {
            parse_censored(std::array::from_fn(|i| &rec[k + 8 + i]), n)?
        } else {
            None
        };
        let stat = Stat {
            mean: parse_opt_f64(&rec[k + 3])?,
            sd: parse_opt_f64(&rec[k + 4])?,
            ci_lo: parse_opt_f64(&rec[k + 5])?,
            ci_hi: parse_opt_f64(&rec[k + 6])?,
            n,
            censored,
        };
        push_unique(&mut d.arms, arm);
        push_unique(&mut d.metrics, metric);
        d.stats
            .entry((arm.to_string(), metric.to_string()))
            .or_default()
            .push((point, stat));
        Ok(())
    })?;
    d.axes = axes;
    let sens = dir.join("sensitivity.csv");
    if sens.is_file() {
        read_records(
            &sens,
            |_| Ok(()),
            |_, rec, _line| {
                if rec.len() < 7 {
                    return Err("expected at least 7 columns".into());
                }
                d.sensitivity.push(SensRow {
                    arm: rec[0].to_string(),
                    metric: rec[1].to_string(),
                    parameter: rec[2].to_string(),
                    index: rec[3].to_string(),
                    estimate: parse_opt_f64(&rec[4])?,
                    ci_lo: parse_opt_f64(&rec[5])?,
                    ci_hi: parse_opt_f64(&rec[6])?,
                    censored_share: match rec.get(8) {
                        Some(v) => parse_opt_f64(v)?,
                        None => None,
                    },
                });
                Ok(())
            },
        )?;
    }
    (d.name, d.axis_keys) = sweep_name_and_keys(dir)?;
    Ok(d)
}

/// A chart of a sweep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SweepChart {
    /// One metric against the single swept parameter, every arm with its CI band.
    Response { metric: String },
    /// One metric of one arm over a two-parameter grid.
    Heatmap { arm: String, metric: String },
    /// One metric of one arm against each swept parameter, one panel per parameter (designs
    /// that are neither one-dimensional nor a full grid: Latin hypercube, Sobol, Morris).
    Scatter { arm: String, metric: String },
    /// Sobol S1 and ST of one output, with bootstrap CIs.
    Sobol { arm: String, metric: String },
    /// Morris μ* against σ of one output.
    Morris { arm: String, metric: String },
}

impl SweepChart {
    pub fn file_stem(&self) -> String {
        match self {
            SweepChart::Response { metric } => format!("response_{}", sanitize(metric)),
            SweepChart::Heatmap { arm, metric } => {
                format!("heatmap_{}_{}", sanitize(arm), sanitize(metric))
            }
            SweepChart::Scatter { arm, metric } => {
                format!("scatter_{}_{}", sanitize(arm), sanitize(metric))
            }
            SweepChart::Sobol { arm, metric } => {
                format!("sobol_{}_{}", sanitize(arm), sanitize(metric))
            }
            SweepChart::Morris { arm, metric } => {
                format!("morris_{}_{}", sanitize(arm), sanitize(metric))
            }
        }
    }
}

impl SweepData {
    /// Whether `metric` of `arm` is a censorable duration summarised by its Kaplan-Meier
    /// median (any arm when `arm` is `None`).
    fn is_censored_metric(&self, arm: Option<&str>, metric: &str) -> bool {
        self.stats.iter().any(|((a, m), v)| {
            m == metric && arm.is_none_or(|x| x == a) && v.iter().any(|(_, s)| s.censored.is_some())
        })
    }

    fn has_values(&self, arm: &str, metric: &str) -> bool {
        self.stats
            .get(&(arm.to_string(), metric.to_string()))
            .is_some_and(|v| {
                v.iter()
                    .any(|(_, s)| s.centre().is_some_and(f64::is_finite))
            })
    }

    fn charted_metrics(&self) -> Vec<String> {
        let head: Vec<String> = HEADLINE
            .iter()
            .filter(|m| self.metrics.iter().any(|x| x == *m))
            .map(|m| m.to_string())
            .collect();
        if head.is_empty() {
            self.metrics
                .iter()
                .take(MAX_FALLBACK_METRICS)
                .cloned()
                .collect()
        } else {
            head
        }
    }

    /// A value of axis `a` as a tick label: a categorical axis's level name, else the number
    /// with as many decimals as the axis's values need.
    fn value_text(&self, a: usize, x: f64, all: &[f64], lang: Lang) -> String {
        match self.level_names.get(&a) {
            Some(names) => names.get(x as usize).cloned().unwrap_or_default(),
            None => numbers::fixed(lang, x, decimals_of(all)),
        }
    }

    /// Distinct values of axis `a`, sorted.
    fn levels(&self, a: usize) -> Vec<f64> {
        let mut v: Vec<f64> = self
            .points
            .values()
            .map(|p| p[a])
            .filter(|x| x.is_finite())
            .collect();
        v.sort_by(f64::total_cmp);
        v.dedup();
        v
    }

    /// Whether the points form a full two-parameter grid.
    fn is_grid2(&self) -> bool {
        self.axes.len() == 2 && {
            let (a, b) = (self.levels(0).len(), self.levels(1).len());
            a >= 2 && b >= 2 && a * b == self.points.len()
        }
    }
}

/// Every chart the sweep's files support.
pub fn sweep_charts(d: &SweepData) -> Vec<SweepChart> {
    let mut out = Vec::new();
    let metrics = d.charted_metrics();
    if d.axes.len() == 1 {
        for m in &metrics {
            if d.arms.iter().any(|a| d.has_values(a, m)) {
                out.push(SweepChart::Response { metric: m.clone() });
            }
        }
    } else if d.is_grid2() {
        for m in &metrics {
            for a in &d.arms {
                if d.has_values(a, m) {
                    out.push(SweepChart::Heatmap {
                        arm: a.clone(),
                        metric: m.clone(),
                    });
                }
            }
        }
    } else if !d.axes.is_empty() && d.points.len() >= 3 {
        for m in &metrics {
            for a in &d.arms {
                if d.has_values(a, m) {
                    out.push(SweepChart::Scatter {
                        arm: a.clone(),
                        metric: m.clone(),
                    });
                }
            }
        }
    }
    let mut seen: Vec<(String, String, bool)> = Vec::new();
    for r in &d.sensitivity {
        let sobol = r.index == "S1" || r.index == "ST";
        let morris = r.index == "mu_star";
        if !(sobol || morris) || r.estimate.is_none() {
            continue;
        }
        let key = (r.arm.clone(), r.metric.clone(), sobol);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(if sobol {
                SweepChart::Sobol {
                    arm: r.arm.clone(),
                    metric: r.metric.clone(),
                }
            } else {
                SweepChart::Morris {
                    arm: r.arm.clone(),
                    metric: r.metric.clone(),
                }
            });
        }
    }
    out
}

impl SweepData {
    /// A swept parameter's axis in words (its name with spaces), with the unit the parameter
    /// registry declares for its key path when the manifest names one. A column named by its
    /// key path (an axis without `name`) keeps the path as written: spaces inside a path
    /// (`organisation.drive mix.red`) would name nothing a reader can find.
    #[cfg(test)]
    fn axis_label(&self, name: &str) -> String {
        self.axis_label_in(name, Lang::En)
    }

    /// [`SweepData::axis_label`] in `lang`: the unit in `lang`; the axis's name is the
    /// experiment writer's, shown as written, except where the catalogue has the parameter's
    /// own words in `lang` (as the report's table of swept parameters names it).
    fn axis_label_in(&self, name: &str, lang: Lang) -> String {
        let key = self.axis_keys.get(name).map_or(name, String::as_str);
        let written = if name.contains('.') {
            name.to_string()
        } else {
            name.replace('_', " ")
        };
        let words = term(lang, "param", key, &written);
        match crate::model::registry::find(key) {
            Some(p) if !p.unit.is_empty() => tr!(
                lang,
                "sweep-charts-axis-with-unit",
                name = words,
                unit = term(lang, "param", &format!("unit.{}", p.unit), p.unit)
            ),
            _ => words,
        }
    }
}

/// A parameter's name on a bar of a sensitivity chart: the key path alone, kept short.
fn bar_label(key: &str) -> String {
    key.to_string()
}

fn subtitle_arm(arm: &str, lang: Lang) -> String {
    tr!(lang, "sweep-charts-arm", arm = arm_label(lang, arm))
}

fn draw_response<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &SweepData,
    metric: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    let info = metric_info(metric, lang);
    let (w, h) = root.dim_in_pixel();
    let rest = framed(
        root,
        &info.title,
        &if d.is_censored_metric(None, metric) {
            tr!(
                lang,
                "sweep-charts-response-subtitle-median",
                axis = d.axis_label_in(&d.axes[0], lang)
            )
        } else {
            tr!(
                lang,
                "sweep-charts-response-subtitle",
                axis = d.axis_label_in(&d.axes[0], lang)
            )
        },
    )?;
    let arms: Vec<(usize, &String)> = d
        .arms
        .iter()
        .enumerate()
        .filter(|(_, a)| d.has_values(a, metric))
        .collect();
    let items: Vec<LegendItem> = arms
        .iter()
        .map(|(i, a)| {
            LegendItem::new(
                arm_label(lang, a),
                palette::arm_color(*i),
                Swatch::LineBand(4),
            )
        })
        .collect();
    let legend_h = legend_height(root, &items, w.saturating_sub(80))?;
    let (plot_area, legend_area) =
        rest.split_vertically(h.saturating_sub(HEADER_HEIGHT + legend_h));
    let series = |a: &str| -> Vec<(f64, Stat)> {
        let mut v: Vec<(f64, Stat)> = d.stats[&(a.to_string(), metric.to_string())]
            .iter()
            .filter_map(|(p, s)| d.points.get(p).map(|x| (x[0], *s)))
            .filter(|(x, s)| x.is_finite() && s.centre().is_some_and(f64::is_finite))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    };
    let xs = d.levels(0);
    let categorical = d.level_names.contains_key(&0);
    // A categorical axis puts its levels half a step from the edges, named below.
    let x_range = if categorical {
        -0.5..xs.len() as f64 - 0.5
    } else {
        value_range(xs.iter().copied(), false)
    };
    let y_vals = arms.iter().flat_map(|(_, a)| {
        series(a).into_iter().flat_map(|(_, s)| {
            let (lo, hi) = s.centre_ci().unzip();
            [s.centre(), lo, hi].into_iter().flatten()
        })
    });
    let y_range = value_range(y_vals, info.zero_line);
    let mut spec = AxisSpec::linear(
        x_range.clone(),
        y_range.clone(),
        &d.axis_label_in(&d.axes[0], lang),
        &info.y_desc,
    )
    .in_lang(lang);
    if categorical {
        // Level names and the axis name are drawn by hand, in room left below the axis.
        spec.x_ticks = xs.clone();
        spec.x_labels = false;
        spec.x_desc = None;
    }
    let bottom = if categorical { 70 } else { 4 };
    let mut chart = build_chart(&plot_area, &spec, (8, 40, bottom, 16), None, None)?;
    if categorical {
        let (pw, ph) = plot_area.dim_in_pixel();
        draw_text(
            &plot_area,
            &d.axis_label_in(&d.axes[0], lang),
            &text_style(AXIS_DESC_SIZE, palette::GREY_TEXT),
            (pw as i32 / 2, ph as i32 - 22),
            HPos::Center,
            VPos::Center,
        )?;
        let ts = text_style(TICK_SIZE, palette::GREY_TEXT);
        for &x in &xs {
            text_at(
                &plot_area,
                &chart,
                (x, y_range.start),
                (0, 10),
                &d.value_text(0, x, &xs, lang),
                &ts,
                HPos::Center,
                VPos::Top,
            )?;
        }
    }
    if info.zero_line {
        draw_hline(&mut chart, &x_range, 0.0, palette::GREY_AXIS, 2)?;
    }
    for (i, a) in &arms {
        let c = palette::arm_color(*i);
        let s = series(a);
        let band: Vec<(f64, f64, f64)> = s
            .iter()
            .filter_map(|(x, st)| st.centre_ci().map(|(lo, hi)| (*x, lo, hi)))
            .collect();
        if band.len() >= 2 {
            let mut poly: Vec<(f64, f64)> = band.iter().map(|&(x, _, hi)| (x, hi)).collect();
            poly.extend(band.iter().rev().map(|&(x, lo, _)| (x, lo)));
            chart
                .draw_series(std::iter::once(Polygon::new(poly, c.mix(0.18).filled())))
                .map_err(draw_err)?;
        }
        let line: Vec<(f64, f64, bool)> = s
            .iter()
            .filter_map(|(x, st)| st.centre().map(|m| (*x, m, st.beyond())))
            .collect();
        chart
            .draw_series(LineSeries::new(
                line.iter().map(|&(x, y, _)| (x, y)),
                c.stroke_width(3),
            ))
            .map_err(draw_err)?;
        // A median not reached is a lower bound: an open circle, never a measured dot.
        for &(x, y, beyond) in &line {
            let style = if beyond { WHITE.filled() } else { c.filled() };
            chart
                .draw_series(std::iter::once(Circle::new((x, y), 5, style)))
                .map_err(draw_err)?;
            if beyond {
                chart
                    .draw_series(std::iter::once(Circle::new((x, y), 5, c.stroke_width(2))))
                    .map_err(draw_err)?;
            }
        }
    }
    draw_legend_rows(&legend_area, &items, (40, w as i32 - 40), 18)?;
    Ok(())
}

/// Viridis at `t` ∈ [0, 1] (perceptually uniform, readable by colour-blind readers and in
/// greyscale); a coarse table with linear interpolation.
pub fn viridis(t: f64) -> RGBColor {
    const V: [(u8, u8, u8); 9] = [
        (68, 1, 84),
        (71, 44, 122),
        (59, 81, 139),
        (44, 113, 142),
        (33, 144, 141),
        (39, 173, 129),
        (92, 200, 99),
        (170, 220, 50),
        (253, 231, 37),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = t * (V.len() - 1) as f64;
    let i = (x.floor() as usize).min(V.len() - 2);
    let f = x - i as f64;
    let lerp = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    RGBColor(
        lerp(V[i].0, V[i + 1].0),
        lerp(V[i].1, V[i + 1].1),
        lerp(V[i].2, V[i + 1].2),
    )
}

fn draw_heatmap<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &SweepData,
    arm: &str,
    metric: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    let info = metric_info(metric, lang);
    let (w, _) = root.dim_in_pixel();
    let rest = framed(
        root,
        &info.title,
        &if d.is_censored_metric(Some(arm), metric) {
            tr!(
                lang,
                "sweep-charts-heatmap-subtitle-median",
                arm = subtitle_arm(arm, lang),
                unit = info.y_desc.clone()
            )
        } else {
            tr!(
                lang,
                "sweep-charts-heatmap-subtitle",
                arm = subtitle_arm(arm, lang),
                unit = info.y_desc.clone()
            )
        },
    )?;
    let (xl, yl) = (d.levels(0), d.levels(1));
    let stat_of: BTreeMap<(usize, usize), Stat> = d.stats[&(arm.to_string(), metric.to_string())]
        .iter()
        .filter_map(|(p, s)| {
            let v = d.points.get(p)?;
            let xi = xl.iter().position(|x| *x == v[0])?;
            let yi = yl.iter().position(|y| *y == v[1])?;
            Some(((xi, yi), *s))
        })
        .collect();
    let cells: Vec<(usize, usize, Option<f64>)> = stat_of
        .iter()
        .map(|(&(xi, yi), s)| (xi, yi, s.centre().filter(|m| m.is_finite())))
        .collect();
    let (lo, hi) = cells
        .iter()
        .filter_map(|c| c.2)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let bar_w = 150u32;
    let (plot_area, bar_area) = rest.split_horizontally(w.saturating_sub(bar_w));
    let spec = AxisSpec {
        x_range: -0.5..xl.len() as f64 - 0.5,
        x_ticks: (0..xl.len()).map(|i| i as f64).collect(),
        x_decimals: 0,
        x_desc: None,
        y_range: -0.5..yl.len() as f64 - 0.5,
        y_ticks: (0..yl.len()).map(|i| i as f64).collect(),
        y_decimals: 0,
        y_desc: None,
        x_labels: false,
        y_labels: false,
        x_log: false,
        y_log: false,
        tick_size: TICK_SIZE,
        desc_size: AXIS_DESC_SIZE,
        lang,
    };
    // Tick labels are the parameter values, not cell indices: drawn by hand below.
    // Room for hand-drawn value labels and axis names (the cells are indices to plotters).
    // The left room fits the longest y label (level names can be long).
    let tick_style = text_style(TICK_SIZE, palette::GREY_TEXT);
    let mut left = 120u32;
    for y in &yl {
        left = left.max(text_width(&plot_area, &d.value_text(1, *y, &yl, lang), &tick_style)? + 60);
    }
    let mut chart = build_chart(&plot_area, &spec, (8, 16, 80, left), Some(4), None)?;
    let desc = text_style(AXIS_DESC_SIZE, palette::GREY_TEXT);
    let (pw, ph) = plot_area.dim_in_pixel();
    draw_text(
        &plot_area,
        &d.axis_label_in(&d.axes[0], lang),
        &desc,
        ((pw as i32 + left as i32) / 2, ph as i32 - 30),
        HPos::Center,
        VPos::Center,
    )?;
    let vdesc = desc.transform(FontTransform::Rotate270);
    draw_text(
        &plot_area,
        &d.axis_label_in(&d.axes[1], lang),
        &vdesc,
        (24, (ph as i32 - 80) / 2),
        HPos::Center,
        VPos::Center,
    )?;
    let value_decimals = ticks(&(lo..hi.max(lo + 1e-12)), 5).1 + 1;
    let ts = text_style(TICK_SIZE, palette::GREY_TEXT);
    for (xi, yi, v) in &cells {
        let (x, y) = (*xi as f64, *yi as f64);
        let color = v
            .map(|v| viridis((v - lo) / span))
            .unwrap_or(palette::GREY_GRID);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x - 0.5, y - 0.5), (x + 0.5, y + 0.5)],
                color.filled(),
            )))
            .map_err(draw_err)?;
        let st = stat_of.get(&(*xi, *yi));
        let beyond = st.is_some_and(Stat::beyond);
        let label = v
            .map(|v| {
                let n = numbers::fixed(lang, v, value_decimals);
                if beyond {
                    format!("> {n}")
                } else {
                    n
                }
            })
            .unwrap_or_else(|| numbers::missing(lang).to_string());
        let dark = v.is_some_and(|v| (v - lo) / span < 0.6);
        if beyond {
            // Hatched: the colour is a lower bound, not a value.
            let hatch = if dark { WHITE } else { palette::BLACK };
            // Diagonals v = u + t across the cell (u, v its coordinates in [-½, ½]).
            for t in [-0.5f64, 0.0, 0.5] {
                let (u0, u1) = ((-0.5 - t).max(-0.5), (0.5 - t).min(0.5));
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x + u0, y + u0 + t), (x + u1, y + u1 + t)],
                        hatch.mix(0.35).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
            }
        }
        if let Some(c) = st.and_then(|s| s.censored).filter(|c| c.censored > 0) {
            let note_style = text_style(
                LEGEND_SIZE * 0.8,
                if dark {
                    palette::WHITE_TEXT
                } else {
                    palette::BLACK
                },
            );
            text_at(
                &plot_area,
                &chart,
                (x, y),
                (0, 22),
                &tr!(
                    lang,
                    "sweep-charts-heatmap-not-halved",
                    censored = c.censored,
                    n = c.n
                ),
                &note_style,
                HPos::Center,
                VPos::Center,
            )?;
        }
        let style = text_style(
            TICK_SIZE,
            if dark {
                palette::WHITE_TEXT
            } else {
                palette::BLACK
            },
        );
        text_at(
            &plot_area,
            &chart,
            (x, y),
            (0, 0),
            &label,
            &style,
            HPos::Center,
            VPos::Center,
        )?;
    }
    // Parameter values as tick labels.
    for (i, x) in xl.iter().enumerate() {
        let label = d.value_text(0, *x, &xl, lang);
        let at = (i as f64, -0.5);
        text_at(
            &plot_area,
            &chart,
            at,
            (0, 10),
            &label,
            &ts,
            HPos::Center,
            VPos::Top,
        )?;
    }
    for (i, y) in yl.iter().enumerate() {
        let label = d.value_text(1, *y, &yl, lang);
        let at = (-0.5, i as f64);
        text_at(
            &plot_area,
            &chart,
            at,
            (-10, 0),
            &label,
            &ts,
            HPos::Right,
            VPos::Center,
        )?;
    }
    // Colour bar.
    let (_, bh) = bar_area.dim_in_pixel();
    let (top, bottom) = (30i32, bh as i32 - 120);
    // A gradient only when the cells span a range; one value gets one swatch of its colour.
    let steps = if hi > lo { 60 } else { 0 };
    if steps == 0 && lo.is_finite() {
        bar_area
            .draw(&Rectangle::new(
                [(20, bottom - 30), (50, bottom)],
                viridis(0.0).filled(),
            ))
            .map_err(draw_err)?;
    }
    for k in 0..steps {
        let t0 = k as f64 / steps as f64;
        let y0 = bottom - ((bottom - top) as f64 * t0) as i32;
        let y1 = bottom - ((bottom - top) as f64 * (t0 + 1.0 / steps as f64)) as i32;
        bar_area
            .draw(&Rectangle::new(
                [(20, y1), (50, y0)],
                viridis(t0 + 0.5 / steps as f64).filled(),
            ))
            .map_err(draw_err)?;
    }
    // One value in every cell: a single label, not a scale invented around it.
    let bar_labels = if hi > lo {
        vec![(0.0, lo), (0.5, lo + span / 2.0), (1.0, hi)]
    } else {
        vec![(0.033, lo)]
    };
    for (t, v) in bar_labels {
        if !v.is_finite() {
            continue;
        }
        let y = bottom - ((bottom - top) as f64 * t) as i32;
        draw_text(
            &bar_area,
            &numbers::fixed(lang, v, value_decimals),
            &ts,
            (58, y),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

fn decimals_of(levels: &[f64]) -> usize {
    (0..=4)
        .find(|&d| {
            levels
                .iter()
                .all(|v| (v * 10f64.powi(d as i32)).fract().abs() < 1e-9)
        })
        .unwrap_or(4)
}

/// The censoring caveat of a sensitivity output for its chart's subtitle: empty when no run
/// was censored.
pub fn censoring_caveat(d: &SweepData, arm: &str, metric: &str, lang: Lang) -> String {
    d.sensitivity
        .iter()
        .find(|r| r.arm == arm && r.metric == metric)
        .and_then(|r| r.censored_share)
        .filter(|s| *s > 0.0)
        .map(|s| {
            tr!(
                lang,
                "sweep-charts-censoring-caveat",
                share = format!("{:.0}", 100.0 * s)
            )
        })
        .unwrap_or_default()
}

fn sens_rows<'a>(d: &'a SweepData, arm: &str, metric: &str, index: &str) -> Vec<&'a SensRow> {
    d.sensitivity
        .iter()
        .filter(|r| r.arm == arm && r.metric == metric && r.index == index)
        .collect()
}

fn draw_sobol<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &SweepData,
    arm: &str,
    metric: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    let info = metric_info(metric, lang);
    let (w, h) = root.dim_in_pixel();
    let rest = framed(
        root,
        &tr!(lang, "sweep-charts-sobol-title", title = info.title.clone()),
        &tr!(
            lang,
            "sweep-charts-sobol-subtitle",
            arm = subtitle_arm(arm, lang),
            caveat = censoring_caveat(d, arm, metric, lang)
        ),
    )?;
    let s1 = sens_rows(d, arm, metric, "S1");
    let st = sens_rows(d, arm, metric, "ST");
    let mut params: Vec<&str> = s1.iter().chain(&st).map(|r| r.parameter.as_str()).collect();
    params.dedup();
    let mut uniq: Vec<&str> = Vec::new();
    for p in params {
        if !uniq.contains(&p) {
            uniq.push(p);
        }
    }
    // Most influential (largest ST) on top.
    let st_of = |p: &str| {
        st.iter()
            .find(|r| r.parameter == p)
            .and_then(|r| r.estimate)
            .unwrap_or(0.0)
    };
    uniq.sort_by(|a, b| st_of(b).total_cmp(&st_of(a)));
    let items = vec![
        LegendItem::new(
            tr!(lang, "sweep-charts-sobol-first-order"),
            palette::BLUE,
            Swatch::DotWhisker,
        ),
        LegendItem::new(
            tr!(lang, "sweep-charts-sobol-total"),
            palette::VERMILLION,
            Swatch::DotWhisker,
        ),
    ];
    let legend_h = legend_height(root, &items, w.saturating_sub(80))?;
    let (plot_area, legend_area) =
        rest.split_vertically(h.saturating_sub(HEADER_HEIGHT + legend_h));
    let vals = s1
        .iter()
        .chain(&st)
        .flat_map(|r| [r.estimate, r.ci_lo, r.ci_hi].into_iter().flatten());
    let x_range = value_range(vals.chain([0.0, 1.0]), true);
    let n = uniq.len().max(1);
    let label_w = uniq
        .iter()
        .map(|p| {
            text_width(root, &bar_label(p), &text_style(TICK_SIZE, palette::BLACK)).unwrap_or(100)
        })
        .max()
        .unwrap_or(100)
        + 24;
    let spec = AxisSpec {
        x_range: x_range.clone(),
        x_ticks: ticks(&x_range, 6).0,
        x_decimals: ticks(&x_range, 6).1,
        x_desc: Some(tr!(lang, "sweep-charts-sobol-axis")),
        y_range: -0.5..n as f64 - 0.5,
        y_ticks: Vec::new(),
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
    let mut chart = build_chart(&plot_area, &spec, (8, 40, 4, 16), Some(label_w), None)?;
    draw_vline(&mut chart, 0.0, n)?;
    for (i, p) in uniq.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        for (rows, off, c) in [
            (&s1, 0.15, palette::BLUE),
            (&st, -0.15, palette::VERMILLION),
        ] {
            if let Some(r) = rows.iter().find(|r| r.parameter == *p) {
                if let (Some(lo), Some(hi)) = (r.ci_lo, r.ci_hi) {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(lo, y + off), (hi, y + off)],
                            c.stroke_width(3),
                        )))
                        .map_err(draw_err)?;
                }
                if let Some(e) = r.estimate {
                    chart
                        .draw_series(std::iter::once(Circle::new((e, y + off), 7, c.filled())))
                        .map_err(draw_err)?;
                }
            }
        }
        let style = text_style(TICK_SIZE, palette::BLACK);
        let at = (x_range.start, y);
        text_at(
            &plot_area,
            &chart,
            at,
            (-12, 0),
            &bar_label(p),
            &style,
            HPos::Right,
            VPos::Center,
        )?;
    }
    draw_legend_rows(&legend_area, &items, (40, w as i32 - 40), 18)?;
    Ok(())
}

/// Panels per row of the scatter chart.
const SCATTER_COLUMNS: usize = 4;
/// Most parameters shown in one scatter chart (two rows).
const SCATTER_MAX_PANELS: usize = 8;

fn draw_scatter<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &SweepData,
    arm: &str,
    metric: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    let info = metric_info(metric, lang);
    let arm_key = arm;
    let shown = d.axes.len().min(SCATTER_MAX_PANELS);
    let rest = framed(root, &info.title, &{
        let arm = subtitle_arm(arm, lang);
        let censored = d.is_censored_metric(Some(arm_key), metric);
        match (censored, shown < d.axes.len()) {
            (false, false) => tr!(lang, "sweep-charts-scatter-subtitle", arm = arm),
            (true, false) => tr!(lang, "sweep-charts-scatter-subtitle-median", arm = arm),
            (false, true) => tr!(
                lang,
                "sweep-charts-scatter-subtitle-first",
                arm = arm,
                shown = shown,
                total = d.axes.len()
            ),
            (true, true) => tr!(
                lang,
                "sweep-charts-scatter-subtitle-median-first",
                arm = arm,
                shown = shown,
                total = d.axes.len()
            ),
        }
    })?;
    let pts: Vec<(&Vec<f64>, f64, bool)> = d.stats[&(arm.to_string(), metric.to_string())]
        .iter()
        .filter_map(|(p, s)| {
            Some((
                d.points.get(p)?,
                s.centre().filter(|m| m.is_finite())?,
                s.beyond(),
            ))
        })
        .collect();
    let y_range = value_range(pts.iter().map(|p| p.1), info.zero_line);
    let rows = shown.div_ceil(SCATTER_COLUMNS);
    let cols = shown.min(SCATTER_COLUMNS);
    let panels = rest.split_evenly((rows, cols));
    for (a, panel) in panels.iter().enumerate().take(shown) {
        // A categorical axis (levels drawn by a sampled design) puts its levels half a step
        // from the edges, named below by hand as the heatmap does.
        let levels = d.level_names.get(&a).map(Vec::len);
        let x_range = match levels {
            Some(n) => -0.5..n as f64 - 0.5,
            None => value_range(pts.iter().map(|p| p.0[a]), false),
        };
        let mut spec = AxisSpec::linear(
            x_range,
            y_range.clone(),
            &d.axis_label_in(&d.axes[a], lang),
            if a % SCATTER_COLUMNS == 0 {
                &info.y_desc
            } else {
                ""
            },
        )
        .in_lang(lang);
        spec.tick_size = 18.0;
        spec.desc_size = 18.0;
        spec.x_ticks = ticks(&spec.x_range, 3).0;
        spec.x_decimals = ticks(&spec.x_range, 3).1;
        if a % SCATTER_COLUMNS != 0 {
            spec.y_desc = None;
        }
        if let Some(n) = levels {
            spec.x_ticks = (0..n).map(|j| j as f64).collect();
            spec.x_labels = false;
            spec.x_desc = None;
        }
        let bottom = if levels.is_some() { 56 } else { 4 };
        let mut chart = build_chart(panel, &spec, (8, 16, bottom, 8), None, None)?;
        if levels.is_some() {
            let (pw, ph) = panel.dim_in_pixel();
            draw_text(
                panel,
                &d.axis_label_in(&d.axes[a], lang),
                &text_style(18.0, palette::GREY_TEXT),
                (pw as i32 / 2, ph as i32 - 16),
                HPos::Center,
                VPos::Center,
            )?;
            let ts = text_style(18.0, palette::GREY_TEXT);
            for x in spec.x_ticks.iter().copied() {
                text_at(
                    panel,
                    &chart,
                    (x, y_range.start),
                    (0, 8),
                    &d.value_text(a, x, &spec.x_ticks, lang),
                    &ts,
                    HPos::Center,
                    VPos::Top,
                )?;
            }
        }
        chart
            .draw_series(
                pts.iter()
                    .filter(|p| !p.2)
                    .map(|(x, y, _)| Circle::new((x[a], *y), 3, palette::BLUE.mix(0.7).filled())),
            )
            .map_err(draw_err)?;
        // Medians not reached: open circles (a lower bound).
        chart
            .draw_series(
                pts.iter().filter(|p| p.2).map(|(x, y, _)| {
                    Circle::new((x[a], *y), 3, palette::VERMILLION.stroke_width(1))
                }),
            )
            .map_err(draw_err)?;
    }
    Ok(())
}

fn draw_vline<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, XyCoord>,
    x: f64,
    n: usize,
) -> Result<(), PlotError> {
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(x, -0.5), (x, n as f64 - 0.5)],
            palette::GREY_AXIS.stroke_width(2),
        )))
        .map_err(draw_err)?;
    Ok(())
}

fn draw_morris<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &SweepData,
    arm: &str,
    metric: &str,
    lang: Lang,
) -> Result<(), PlotError> {
    let info = metric_info(metric, lang);
    let rest = framed(
        root,
        &tr!(
            lang,
            "sweep-charts-morris-title",
            title = info.title.clone()
        ),
        &tr!(
            lang,
            "sweep-charts-morris-subtitle",
            arm = subtitle_arm(arm, lang),
            caveat = censoring_caveat(d, arm, metric, lang)
        ),
    )?;
    let mu = sens_rows(d, arm, metric, "mu_star");
    let sg = sens_rows(d, arm, metric, "sigma");
    let pts: Vec<(&str, f64, f64)> = mu
        .iter()
        .filter_map(|m| {
            let s = sg.iter().find(|s| s.parameter == m.parameter)?.estimate?;
            Some((m.parameter.as_str(), m.estimate?, s))
        })
        .filter(|(_, a, b)| a.is_finite() && b.is_finite())
        .collect();
    let x_range = value_range(pts.iter().map(|p| p.1).chain([0.0]), true);
    let y_range = value_range(pts.iter().map(|p| p.2).chain([0.0]), true);
    let spec = AxisSpec::linear(
        x_range.clone(),
        y_range.clone(),
        &tr!(
            lang,
            "sweep-charts-morris-axis-mu",
            unit = info.y_desc.clone()
        ),
        &tr!(lang, "sweep-charts-morris-axis-sigma"),
    )
    .in_lang(lang);
    let mut chart = build_chart(&rest, &spec, (8, 60, 4, 16), None, None)?;
    // σ = μ* line: above it, effects depend strongly on the other parameters.
    let m = x_range.end.min(y_range.end);
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (m, m)],
            palette::GREY_MID.stroke_width(1),
        )))
        .map_err(draw_err)?;
    for (p, a, b) in &pts {
        chart
            .draw_series(std::iter::once(Circle::new(
                (*a, *b),
                8,
                palette::BLUE.filled(),
            )))
            .map_err(draw_err)?;
        let style = text_style(20.0, palette::BLACK);
        text_at(
            &rest,
            &chart,
            (*a, *b),
            (12, -4),
            &bar_label(p),
            &style,
            HPos::Left,
            VPos::Bottom,
        )?;
    }
    Ok(())
}

/// Draws `text` at the data point `at` of `chart`, shifted by `offset` pixels; `area` is the
/// area the chart was built on (text is placed in its own pixel coordinates).
#[allow(clippy::too_many_arguments)]
fn text_at<DB: DrawingBackend>(
    area: &Area<DB>,
    chart: &ChartContext<'_, DB, XyCoord>,
    at: (f64, f64),
    offset: (i32, i32),
    text: &str,
    style: &TextStyle,
    h: HPos,
    v: VPos,
) -> Result<(), PlotError> {
    let (px, py) = chart.backend_coord(&at);
    let (bx, by) = area.get_base_pixel();
    draw_text(
        area,
        text,
        style,
        (px - bx + offset.0, py - by + offset.1),
        h,
        v,
    )
}

/// Clears `root`, draws the title band and returns the area below it.
fn framed<DB: DrawingBackend>(
    root: &Area<DB>,
    title: &str,
    subtitle: &str,
) -> Result<Area<DB>, PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(&header, title, subtitle)?;
    Ok(rest)
}

/// Draws `chart` onto `root` (1200×700).
///
/// Every word and number is in `lang`.
pub fn draw_sweep_chart<DB: DrawingBackend>(
    root: &Area<DB>,
    d: &SweepData,
    chart: &SweepChart,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    match chart {
        SweepChart::Response { metric } => draw_response(root, d, metric, lang),
        SweepChart::Heatmap { arm, metric } => draw_heatmap(root, d, arm, metric, lang),
        SweepChart::Scatter { arm, metric } => draw_scatter(root, d, arm, metric, lang),
        SweepChart::Sobol { arm, metric } => draw_sobol(root, d, arm, metric, lang),
        SweepChart::Morris { arm, metric } => draw_morris(root, d, arm, metric, lang),
    }
}

/// Renders a sweep chart to an SVG string.
pub fn sweep_svg(d: &SweepData, chart: &SweepChart, lang: Lang) -> Result<String, PlotError> {
    super::svg_of((WIDTH, HEIGHT), |root| {
        draw_sweep_chart(root, d, chart, lang)
    })
}

/// Renders a sweep chart to PNG bytes.
pub fn sweep_png(d: &SweepData, chart: &SweepChart, lang: Lang) -> Result<Vec<u8>, PlotError> {
    super::png_of((WIDTH, HEIGHT), |root| {
        draw_sweep_chart(root, d, chart, lang)
    })
}

/// Writes PNG and SVG of every sweep chart into `dir/plots/`; returns the paths.
///
/// Every chart is in `lang`; file names stay the same in every language.
pub fn plot_sweep_dir(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, PlotError> {
    let d = load_sweep_dir(dir)?;
    let charts = sweep_charts(&d);
    if charts.is_empty() {
        return Err(PlotError::NoData(NoDataReason::NoSweepChart {
            dir: dir.into(),
        }));
    }
    let out = dir.join("plots");
    fs::create_dir_all(&out).map_err(|e| PlotError::io(&out, e))?;
    let mut written = Vec::new();
    for c in charts {
        let (png, svg) = (sweep_png(&d, &c, lang)?, sweep_svg(&d, &c, lang)?);
        super::write_chart_pair(&out, &c.file_stem(), &png, &svg, &mut written)?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_is_named_in_words_but_a_key_path_stays_as_written() {
        let mut d = SweepData::default();
        d.axis_keys
            .insert("role_model_mean".into(), "managers.role_model_mean".into());
        assert_eq!(
            d.axis_label("role_model_mean"),
            "role model mean (level in [0, 1])"
        );
        assert_eq!(d.axis_label("coaching_intensity"), "coaching intensity");
        assert_eq!(
            d.axis_label("organisation.drive_mix.red"),
            "organisation.drive_mix.red"
        );
    }

    #[test]
    fn the_headline_names_only_metrics_the_tool_writes() {
        for m in HEADLINE {
            assert!(
                crate::metrics::registry::describe(m).is_some(),
                "{m} is no metric"
            );
        }
    }

    const POINTS: &str = "point,role_model,arm,metric,mean,sd,ci_lo,ci_hi,n\n\
        0,0.2,baseline,B_mean,0.5,0.01,0.49,0.51,10\n\
        1,0.5,baseline,B_mean,0.6,0.01,0.59,0.61,10\n";
    const SENSITIVITY: &str = "arm,metric,parameter,index,estimate,ci_lo,ci_hi\n\
        baseline,B_mean,role_model,S1,0.7,0.6,0.8\n";

    fn dir_with(name: &str, points: &str, sensitivity: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("uc-plot-sweep-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("points.csv"), points).unwrap();
        std::fs::write(d.join("sensitivity.csv"), sensitivity).unwrap();
        d
    }

    /// A spreadsheet's byte-order mark, padded fields and blank lines read as the plain file
    /// does: the sweep files go through the same reader as a run's.
    #[test]
    fn sweep_files_read_like_run_files_bom_padding_and_blank_lines_included() {
        let plain = dir_with("plain", POINTS, SENSITIVITY);
        let edited = dir_with(
            "edited",
            &format!("\u{feff}{}\n\n", POINTS.replace(",0.6,", ", 0.6 ,")),
            &format!("\u{feff}{SENSITIVITY}\n"),
        );
        let (a, b) = (
            load_sweep_dir(&plain).unwrap(),
            load_sweep_dir(&edited).unwrap(),
        );
        assert_eq!(a.axes, ["role_model"]);
        assert_eq!(
            (&a.axes, &a.points, &a.stats),
            (&b.axes, &b.points, &b.stats)
        );
        assert_eq!(a.sensitivity, b.sensitivity);
        assert_eq!(b.sensitivity[0].estimate, Some(0.7));
        // No manifest: the directory names the sweep.
        assert!(b.name.ends_with("edited"));
        for d in [plain, edited] {
            let _ = std::fs::remove_dir_all(d);
        }
    }

    #[test]
    fn a_bad_value_is_reported_at_its_line() {
        let d = dir_with("bad", &POINTS.replace("0.6,0.01", "x,0.01"), SENSITIVITY);
        let e = load_sweep_dir(&d).unwrap_err();
        assert!(matches!(e, PlotError::MalformedCsv { line: 3, .. }), "{e}");
        let _ = std::fs::remove_dir_all(d);
    }
}
