//! Shared layout, styling, axis and legend helpers of all charts.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::plot::data::{TsPoint, DAYS_PER_MONTH};
use crate::plot::error::{draw_err, PlotError};
use crate::plot::font::FAMILY;
use crate::plot::palette::{self, needs_outline};
use crate::text::{numbers, tr, Lang};

/// Font sizes in plotters units (pixel height of the font's ascent-to-descent box).
/// SVG output writes `size / 1.24` as `font-size`, so 23 → 18.5 px there.
pub const TITLE_SIZE: f64 = 32.0;
pub const SUBTITLE_SIZE: f64 = 23.0;
pub const AXIS_DESC_SIZE: f64 = 24.0;
pub const TICK_SIZE: f64 = 23.0;
pub const LEGEND_SIZE: f64 = 23.0;
pub const PANEL_TITLE_SIZE: f64 = 24.0;

/// Default chart size: readable at A4 width.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 700;

/// Height of the title band (title + subtitle).
pub const HEADER_HEIGHT: u32 = 96;

pub type Area<DB> = DrawingArea<DB, Shift>;
pub type XyCoord = Cartesian2d<Ticked, Ticked>;

/// A linear f64 axis with explicitly chosen tick positions (grid lines and labels).
pub struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    pub fn new(range: Range<f64>, ticks: Vec<f64>) -> Self {
        Ticked {
            inner: range.into(),
            ticks,
        }
    }
}

impl Ranged for Ticked {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

impl ValueFormatter<f64> for Ticked {
    fn format(value: &f64) -> String {
        fmt_num(*value, 2)
    }
}

pub fn text_style(size: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&color)
}

pub fn bold_style(size: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, size, FontStyle::Bold).into_font().color(&color)
}

/// Smallest drawing area the charts lay themselves out in.
pub const MIN_WIDTH: u32 = 640;
pub const MIN_HEIGHT: u32 = 400;

/// Rejects drawing areas too small for the layout (the charts are designed for 1200×700).
pub fn check_size<DB: DrawingBackend>(area: &Area<DB>) -> Result<(), PlotError> {
    let (w, h) = area.dim_in_pixel();
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Err(PlotError::Draw(format!(
            "drawing area {w}×{h} is smaller than the minimum {MIN_WIDTH}×{MIN_HEIGHT}"
        )));
    }
    Ok(())
}

/// Width of `text` in pixels as the backend will lay it out.
pub fn text_width<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    style: &TextStyle,
) -> Result<u32, PlotError> {
    area.estimate_text_size(text, style)
        .map(|(w, _)| w)
        .map_err(draw_err)
}

/// Shortens `text` with an ellipsis until it fits into `max_width` pixels.
pub fn fit_text<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    style: &TextStyle,
    max_width: u32,
) -> Result<String, PlotError> {
    if text_width(area, text, style)? <= max_width {
        return Ok(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let candidate: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(area, &candidate, style)? <= max_width {
            return Ok(candidate);
        }
    }
    Ok("…".to_string())
}

/// Draws text anchored at `pos` with the given horizontal/vertical anchor.
pub fn draw_text<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    style: &TextStyle,
    pos: (i32, i32),
    h: HPos,
    v: VPos,
) -> Result<(), PlotError> {
    let style = style.pos(Pos::new(h, v));
    area.draw_text(text, &style, pos).map_err(draw_err)
}

/// Draws the title band: bold title and a grey subtitle, both left aligned and shortened
/// to fit the width.
pub fn draw_header<DB: DrawingBackend>(
    area: &Area<DB>,
    title: &str,
    subtitle: &str,
) -> Result<(), PlotError> {
    let (w, _) = area.dim_in_pixel();
    let max_w = w.saturating_sub(48);
    let (title, ts) = shrink_to_fit(
        area,
        title,
        max_w,
        |size| bold_style(size, palette::BLACK),
        TITLE_SIZE,
    )?;
    draw_text(area, &title, &ts, (24, 18), HPos::Left, VPos::Top)?;
    let (subtitle, ss) = shrink_to_fit(
        area,
        subtitle,
        max_w,
        |size| text_style(size, palette::GREY_TEXT),
        SUBTITLE_SIZE,
    )?;
    draw_text(area, &subtitle, &ss, (24, 60), HPos::Left, VPos::Top)?;
    Ok(())
}

/// The smallest a header's font may shrink to, as a share of its size: still readable on
/// an A4 page at the chart's width.
pub const MIN_HEADER_SCALE: f64 = 0.7;

/// `text` at the largest size down to [`MIN_HEADER_SCALE`] of `size` at which it fits
/// `max_width`; shortened with an ellipsis only below that. A title cut off hides what the
/// chart shows, so a header gives up size before it gives up words.
pub fn shrink_to_fit<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    max_width: u32,
    style: impl Fn(f64) -> TextStyle<'static>,
    size: f64,
) -> Result<(String, TextStyle<'static>), PlotError> {
    const STEPS: u32 = 12;
    for i in 0..=STEPS {
        let s = size * (1.0 - (1.0 - MIN_HEADER_SCALE) * f64::from(i) / f64::from(STEPS));
        let ts = style(s);
        if text_width(area, text, &ts)? <= max_width {
            return Ok((text.to_string(), ts));
        }
    }
    let ts = style(size * MIN_HEADER_SCALE);
    Ok((fit_text(area, text, &ts, max_width)?, ts))
}

/// A "nice" tick step (1, 2, 2.5 or 5 × 10^k) close to `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let n = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * mag
}

/// Tick positions inside `range` with about `target` intervals, and the decimals their
/// labels need.
pub fn ticks(range: &Range<f64>, target: usize) -> (Vec<f64>, usize) {
    let span = range.end - range.start;
    let step = nice_step(span / target.max(1) as f64);
    let decimals = decimals_for(step);
    let first = (range.start / step).ceil();
    let last = (range.end / step).floor();
    // Damaged input (a mean of 1e308, a span that overflows) must not ask for billions of
    // ticks: beyond a few times the target, show the ends only.
    if !(span.is_finite() && first.is_finite() && last.is_finite())
        || last - first > (MAX_TICKS_PER_TARGET * target.max(1)) as f64
    {
        let ends = [range.start, range.end]
            .into_iter()
            .filter(|v| v.is_finite())
            .collect();
        return (ends, 0);
    }
    let (first, last) = (first as i64, last as i64);
    let ticks = (first..=last)
        .map(|i| i as f64 * step)
        .map(|v| if v.abs() < step * 1e-9 { 0.0 } else { v })
        .collect();
    (ticks, decimals)
}

fn decimals_for(step: f64) -> usize {
    let mut d = 0usize;
    let mut s = step;
    while d < 6 && (s - s.round()).abs() > 1e-9 * s.abs().max(1.0) {
        s *= 10.0;
        d += 1;
    }
    d
}

/// Most ticks per requested interval before [`ticks`] gives up on a damaged range.
const MAX_TICKS_PER_TARGET: usize = 4;

/// Month ticks for an axis from 0 to `max_month`: every month, quarter, half-year or year
/// (for a horizon no scenario can have, such as a damaged file's, the ticks of [`ticks`]).
pub fn month_ticks(max_month: f64) -> Vec<f64> {
    if !(max_month.is_finite() && max_month <= 1200.0) {
        return ticks(&(0.0..max_month), 8).0;
    }
    let step = if max_month <= 8.0 {
        1.0
    } else if max_month <= 40.0 {
        3.0
    } else if max_month <= 80.0 {
        6.0
    } else {
        12.0
    };
    let n = (max_month / step + 1e-9).floor() as i64;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// Ticks for a month axis from 0 to `max_month` with at most `max_ticks` labels, in
/// steps of 1, 2, 3, 6, 12 or 24 months.
pub fn month_ticks_max(max_month: f64, max_ticks: usize) -> Vec<f64> {
    let step = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 60.0, 120.0]
        .into_iter()
        .find(|s| ((max_month / s).floor() as usize) < max_ticks.max(2));
    match step {
        Some(step) if max_month.is_finite() => {
            let n = (max_month / step + 1e-9).floor() as i64;
            (0..=n).map(|i| i as f64 * step).collect()
        }
        _ => ticks(&(0.0..max_month), max_ticks.saturating_sub(1).max(1)).0,
    }
}

/// Formats a number with `decimals` digits in the house style ([`crate::numbers::fixed`]).
pub fn fmt_num(v: f64, decimals: usize) -> String {
    crate::numbers::fixed(v, decimals)
}

/// `x` with `decimals` decimals and no thousands separator (a day or month number, as the
/// English charts have always written it), with the decimal sign of `lang`.
pub fn ungrouped(lang: Lang, x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En | Lang::Pseudo => s,
    }
}

/// A tick label of a log axis: as many decimals as the value's leading digit needs
/// (0.005, 0.02, 0.1, 3).
pub fn fmt_log_tick(lang: Lang, x: f64) -> String {
    let k = (x.abs().log10() + 1e-9).floor();
    numbers::fixed(lang, x, if k < 0.0 { (-k) as usize } else { 0 })
}

/// Ticks of a log axis over `[a, b]` (values, 0 < a < b), as natural logarithms: 1-2-5 steps
/// of each decade, or every digit when that gives fewer than three.
pub fn log_ticks(a: f64, b: f64) -> Vec<f64> {
    let pick = |mantissas: &[f64]| -> Vec<f64> {
        let mut out = Vec::new();
        let (k0, k1) = (a.log10().floor() as i32, b.log10().ceil() as i32);
        for k in k0..=k1 {
            for &m in mantissas {
                let x = m * 10f64.powi(k);
                if x >= a * (1.0 - 1e-9) && x <= b * (1.0 + 1e-9) {
                    out.push(x.ln());
                }
            }
        }
        out
    };
    let coarse = pick(&[1.0, 2.0, 5.0]);
    if coarse.len() >= 3 {
        coarse
    } else {
        pick(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    }
}

/// Signed variant of [`fmt_num`]: positive values get a leading `+`.
pub fn fmt_signed(v: f64, decimals: usize) -> String {
    crate::numbers::signed(v, decimals)
}

/// Range covering `values` with 6 % padding; `include_zero` extends it to 0.
pub fn value_range(values: impl IntoIterator<Item = f64>, include_zero: bool) -> Range<f64> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return 0.0..1.0;
    }
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo < 1e-12 {
        let pad = if lo.abs() > 1e-12 {
            lo.abs() * 0.1
        } else {
            1.0
        };
        return (lo - pad)..(hi + pad);
    }
    let pad = (hi - lo) * 0.06;
    (lo - pad)..(hi + pad)
}

/// Month range of an x axis for data up to `max_day`.
pub fn month_range(max_day: f64) -> Range<f64> {
    let max_month = (max_day / DAYS_PER_MONTH).max(1.0);
    0.0..max_month
}

/// Human label of an arm in `lang`: `training_only` → `training only`, in Dutch the
/// catalogue's term where it has one (`term-arm-training-only` = `alleen training`), else the
/// same words. Every chart, table and sentence names an arm through this one function.
pub fn arm_label(lang: Lang, arm: &str) -> String {
    crate::text::term(lang, "arm", arm, &arm.replace('_', " "))
}

/// Axis configuration of an x/y chart with months on x.
pub struct AxisSpec {
    pub x_range: Range<f64>,
    pub x_ticks: Vec<f64>,
    pub x_decimals: usize,
    pub x_desc: Option<String>,
    pub y_range: Range<f64>,
    pub y_ticks: Vec<f64>,
    pub y_decimals: usize,
    pub y_desc: Option<String>,
    /// Draw tick labels on the x axis.
    pub x_labels: bool,
    /// Draw tick labels on the y axis.
    pub y_labels: bool,
    /// The x (y) axis is log(value): positions are natural logarithms, labels the values.
    pub x_log: bool,
    pub y_log: bool,
    /// Tick label and description font size.
    pub tick_size: f64,
    pub desc_size: f64,
    /// The language of the tick labels (Dutch writes a decimal comma).
    pub lang: Lang,
}

impl AxisSpec {
    /// Values on both axes: about 6 tick intervals on x, 5 on y.
    pub fn linear(x_range: Range<f64>, y_range: Range<f64>, x_desc: &str, y_desc: &str) -> Self {
        let (x_ticks, x_decimals) = ticks(&x_range, 6);
        let (y_ticks, y_decimals) = ticks(&y_range, 5);
        AxisSpec {
            x_range,
            x_ticks,
            x_decimals,
            x_desc: Some(x_desc.to_string()),
            y_range,
            y_ticks,
            y_decimals,
            y_desc: Some(y_desc.to_string()),
            x_labels: true,
            y_labels: true,
            x_log: false,
            y_log: false,
            tick_size: TICK_SIZE,
            desc_size: AXIS_DESC_SIZE,
            lang: Lang::En,
        }
    }

    /// The same axes with tick labels written in `lang`.
    pub fn in_lang(self, lang: Lang) -> Self {
        AxisSpec { lang, ..self }
    }

    /// Months on x (`0..max_day`), values on y with about 5 intervals.
    ///
    /// In `lang`: the month axis's description and every tick label.
    pub fn months(max_day: f64, y_range: Range<f64>, y_desc: &str, lang: Lang) -> Self {
        let x_range = month_range(max_day);
        let x_ticks = month_ticks(x_range.end);
        AxisSpec {
            x_ticks,
            x_decimals: 0,
            ..AxisSpec::linear(
                x_range,
                y_range,
                &tr!(lang, "charts-axis-months-since-start"),
                y_desc,
            )
            .in_lang(lang)
        }
    }

    /// Width needed left of the plot for tick labels and the rotated description.
    pub fn y_label_width<DB: DrawingBackend>(&self, area: &Area<DB>) -> Result<u32, PlotError> {
        let ts = text_style(self.tick_size, palette::GREY_TEXT);
        let mut w = 0;
        if self.y_labels {
            for t in &self.y_ticks {
                let label = if self.y_log {
                    fmt_log_tick(self.lang, t.exp())
                } else {
                    numbers::fixed(self.lang, *t, self.y_decimals)
                };
                w = w.max(text_width(area, &label, &ts)?);
            }
            w += 14;
        }
        if self.y_desc.is_some() {
            w += self.desc_size as u32 + 12;
        }
        Ok(w.clamp(8, (area.dim_in_pixel().0 / 4).max(8)))
    }

    /// Height needed below the plot for tick labels and the description.
    pub fn x_label_height(&self) -> u32 {
        let mut h = 0;
        if self.x_labels {
            h += self.tick_size as u32 + 16;
        }
        if self.x_desc.is_some() {
            h += self.desc_size as u32 + 10;
        }
        h.max(4)
    }
}

/// Builds a cartesian chart on `area` with the given axes and draws its grid and labels.
/// `margin` is (top, right, bottom, left) outside the label areas; `y_label_width`
/// overrides the computed width (for aligning stacked panels).
pub fn build_chart<'a, DB: DrawingBackend>(
    area: &'a Area<DB>,
    spec: &AxisSpec,
    margin: (u32, u32, u32, u32),
    y_label_width: Option<u32>,
    plot_bg: Option<RGBColor>,
) -> Result<ChartContext<'a, DB, XyCoord>, PlotError> {
    let ylw = match y_label_width {
        Some(w) => w,
        None => spec.y_label_width(area)?,
    };
    let mut chart = ChartBuilder::on(area)
        .margin_top(margin.0)
        .margin_right(margin.1)
        .margin_bottom(margin.2)
        .margin_left(margin.3)
        .x_label_area_size(spec.x_label_height())
        .y_label_area_size(ylw)
        .build_cartesian_2d(
            Ticked::new(spec.x_range.clone(), spec.x_ticks.clone()),
            Ticked::new(spec.y_range.clone(), spec.y_ticks.clone()),
        )
        .map_err(draw_err)?;
    if let Some(bg) = plot_bg {
        chart.plotting_area().fill(&bg).map_err(draw_err)?;
    }
    let xd = spec.x_decimals;
    let yd = spec.y_decimals;
    let x_log = spec.x_log;
    let lang = spec.lang;
    let x_fmt = move |v: &f64| {
        if x_log {
            fmt_log_tick(lang, v.exp())
        } else {
            numbers::fixed(lang, *v, xd)
        }
    };
    let y_log = spec.y_log;
    let y_fmt = move |v: &f64| {
        if y_log {
            fmt_log_tick(lang, v.exp())
        } else {
            numbers::fixed(lang, *v, yd)
        }
    };
    let no_label = |_: &f64| String::new();
    let tick_style = text_style(spec.tick_size, palette::GREY_TEXT);
    let desc_style = text_style(spec.desc_size, palette::GREY_TEXT);
    {
        let mut mesh = chart.configure_mesh();
        mesh.bold_line_style(palette::GREY_GRID.stroke_width(1))
            .light_line_style(TRANSPARENT)
            .axis_style(palette::GREY_AXIS.stroke_width(1))
            .label_style(tick_style)
            .axis_desc_style(desc_style)
            .set_all_tick_mark_size(6);
        if spec.x_labels {
            mesh.x_label_formatter(&x_fmt);
        } else {
            mesh.x_label_formatter(&no_label);
        }
        if spec.y_labels {
            mesh.y_label_formatter(&y_fmt);
        } else {
            mesh.y_label_formatter(&no_label);
        }
        if let Some(d) = &spec.x_desc {
            mesh.x_desc(d.as_str());
        }
        if let Some(d) = &spec.y_desc {
            mesh.y_desc(d.as_str());
        }
        mesh.draw().map_err(draw_err)?;
    }
    Ok(chart)
}

/// Splits a series into contiguous runs of points with a value, mapped to (month, value).
pub fn segments<F>(points: &[TsPoint], value: F) -> Vec<Vec<(f64, f64)>>
where
    F: Fn(&TsPoint) -> Option<f64>,
{
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for p in points {
        match value(p) {
            Some(v) => cur.push((p.month(), v)),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Draws a line through the means of `points`, breaking at missing values. Light colours
/// get a thin dark outline so they stay visible on white.
pub fn draw_mean_line<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, XyCoord>,
    points: &[TsPoint],
    color: RGBColor,
    width: u32,
) -> Result<(), PlotError> {
    for seg in segments(points, |p| p.stat.mean) {
        draw_polyline(chart, &seg, color, width)?;
    }
    Ok(())
}

/// Draws one polyline in data coordinates (a single point becomes a dot).
pub fn draw_polyline<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, XyCoord>,
    seg: &[(f64, f64)],
    color: RGBColor,
    width: u32,
) -> Result<(), PlotError> {
    if seg.len() == 1 {
        chart
            .draw_series(std::iter::once(Circle::new(
                seg[0],
                width + 2,
                color.filled(),
            )))
            .map_err(draw_err)?;
        return Ok(());
    }
    if needs_outline(color) {
        chart
            .draw_series(std::iter::once(PathElement::new(
                seg.to_vec(),
                palette::GREY_TEXT.stroke_width(width + 2),
            )))
            .map_err(draw_err)?;
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            seg.to_vec(),
            color.stroke_width(width),
        )))
        .map_err(draw_err)?;
    Ok(())
}

/// Draws the 95 % CI band of `points` as semi-transparent polygons (one per run of days
/// where both bounds are present).
pub fn draw_ci_band<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, XyCoord>,
    points: &[TsPoint],
    color: RGBColor,
    opacity: f64,
) -> Result<(), PlotError> {
    let mut runs: Vec<Vec<(f64, f64, f64)>> = Vec::new();
    let mut cur = Vec::new();
    for p in points {
        match p.stat.ci() {
            Some((lo, hi)) => cur.push((p.month(), lo.min(hi), lo.max(hi))),
            None => {
                if !cur.is_empty() {
                    runs.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    for run in runs.into_iter().filter(|r| r.len() >= 2) {
        let mut poly: Vec<(f64, f64)> = run.iter().map(|&(x, _, hi)| (x, hi)).collect();
        poly.extend(run.iter().rev().map(|&(x, lo, _)| (x, lo)));
        chart
            .draw_series(std::iter::once(Polygon::new(
                poly,
                color.mix(opacity).filled(),
            )))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// Draws a horizontal reference line at `y` across the x range.
pub fn draw_hline<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, XyCoord>,
    x_range: &Range<f64>,
    y: f64,
    color: RGBColor,
    width: u32,
) -> Result<(), PlotError> {
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(x_range.start, y), (x_range.end, y)],
            color.stroke_width(width),
        )))
        .map_err(draw_err)?;
    Ok(())
}

/// What a legend entry's swatch shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A line of the given width.
    Line(u32),
    /// A line over a translucent band (mean with CI band).
    LineBand(u32),
    /// A dashed line of the given width.
    Dashed(u32),
    /// A dot with a horizontal whisker (estimate with CI).
    DotWhisker,
    /// An open circle with an arrow to the right: a value beyond what was observed (a
    /// censored median: "more than").
    OpenArrow,
}

/// Draws an open circle at `(x, y)` and an arrow from it to `x + len` pixels: the marker of
/// a value known only to lie beyond `x` (a median not reached within the horizon).
pub fn open_arrow<DB: DrawingBackend>(
    area: &Area<DB>,
    (x, y): (i32, i32),
    len: i32,
    c: RGBColor,
) -> Result<(), PlotError> {
    area.draw(&PathElement::new(
        vec![(x + 7, y), (x + len, y)],
        c.stroke_width(3),
    ))
    .map_err(draw_err)?;
    area.draw(&Polygon::new(
        vec![(x + len + 8, y), (x + len - 2, y - 7), (x + len - 2, y + 7)],
        c.filled(),
    ))
    .map_err(draw_err)?;
    area.draw(&Circle::new((x, y), 7, WHITE.filled()))
        .map_err(draw_err)?;
    area.draw(&Circle::new((x, y), 7, c.stroke_width(3)))
        .map_err(draw_err)?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct LegendItem {
    pub label: String,
    pub color: RGBColor,
    pub swatch: Swatch,
}

impl LegendItem {
    pub fn new(label: impl Into<String>, color: RGBColor, swatch: Swatch) -> Self {
        LegendItem {
            label: label.into(),
            color,
            swatch,
        }
    }
}

const SWATCH_W: i32 = 40;
const SWATCH_GAP: i32 = 10;
const ITEM_GAP: i32 = 34;
/// Height of one legend row.
pub const LEGEND_ROW: u32 = 36;

fn draw_swatch<DB: DrawingBackend>(
    area: &Area<DB>,
    item: &LegendItem,
    x: i32,
    y: i32,
) -> Result<(), PlotError> {
    let c = item.color;
    match item.swatch {
        Swatch::Line(w) | Swatch::LineBand(w) => {
            if let Swatch::LineBand(_) = item.swatch {
                area.draw(&Rectangle::new(
                    [(x, y - 11), (x + SWATCH_W, y + 11)],
                    c.mix(0.22).filled(),
                ))
                .map_err(draw_err)?;
            }
            if needs_outline(c) {
                area.draw(&PathElement::new(
                    vec![(x, y), (x + SWATCH_W, y)],
                    palette::GREY_TEXT.stroke_width(w + 2),
                ))
                .map_err(draw_err)?;
            }
            area.draw(&PathElement::new(
                vec![(x, y), (x + SWATCH_W, y)],
                c.stroke_width(w),
            ))
            .map_err(draw_err)?;
        }
        Swatch::Dashed(w) => {
            for k in 0..3 {
                let xs = x + k * 16;
                area.draw(&PathElement::new(
                    vec![(xs, y), ((xs + 9).min(x + SWATCH_W), y)],
                    c.stroke_width(w),
                ))
                .map_err(draw_err)?;
            }
        }
        Swatch::DotWhisker => {
            area.draw(&PathElement::new(
                vec![(x + 2, y), (x + SWATCH_W - 2, y)],
                c.stroke_width(3),
            ))
            .map_err(draw_err)?;
            for xe in [x + 2, x + SWATCH_W - 2] {
                area.draw(&PathElement::new(
                    vec![(xe, y - 7), (xe, y + 7)],
                    c.stroke_width(3),
                ))
                .map_err(draw_err)?;
            }
            area.draw(&Circle::new((x + SWATCH_W / 2, y), 7, c.filled()))
                .map_err(draw_err)?;
        }
        Swatch::OpenArrow => open_arrow(area, (x + 8, y), SWATCH_W - 20, c)?,
    }
    Ok(())
}

/// Longest legend label, in pixels; longer labels are shortened with an ellipsis.
const MAX_LABEL_W: u32 = 480;

fn item_label<DB: DrawingBackend>(area: &Area<DB>, item: &LegendItem) -> Result<String, PlotError> {
    fit_text(
        area,
        &item.label,
        &text_style(LEGEND_SIZE, palette::BLACK),
        MAX_LABEL_W,
    )
}

fn item_width<DB: DrawingBackend>(area: &Area<DB>, item: &LegendItem) -> Result<i32, PlotError> {
    let ts = text_style(LEGEND_SIZE, palette::BLACK);
    Ok(SWATCH_W + SWATCH_GAP + text_width(area, &item_label(area, item)?, &ts)? as i32)
}

/// Splits legend items into rows that fit into `max_width` pixels.
pub fn legend_rows<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[LegendItem],
    max_width: u32,
) -> Result<Vec<Vec<usize>>, PlotError> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut cur_w = 0;
    for (i, item) in items.iter().enumerate() {
        let w = item_width(area, item)?;
        let needed = if cur.is_empty() {
            w
        } else {
            cur_w + ITEM_GAP + w
        };
        if !cur.is_empty() && needed > max_width as i32 {
            rows.push(std::mem::take(&mut cur));
            cur_w = w;
        } else {
            cur_w = needed;
        }
        cur.push(i);
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    Ok(rows)
}

/// Height of a horizontal legend of `items` laid out within `max_width`.
pub fn legend_height<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[LegendItem],
    max_width: u32,
) -> Result<u32, PlotError> {
    let rows = legend_rows(area, items, max_width)?.len() as u32;
    Ok(if rows == 0 { 0 } else { rows * LEGEND_ROW + 12 })
}

/// Draws a horizontal legend, rows centred within `x_span`, the first row's centre line at `y`.
pub fn draw_legend_rows<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[LegendItem],
    x_span: (i32, i32),
    y: i32,
) -> Result<(), PlotError> {
    let ts = text_style(LEGEND_SIZE, palette::BLACK);
    let rows = legend_rows(area, items, (x_span.1 - x_span.0).max(1) as u32)?;
    for (r, row) in rows.iter().enumerate() {
        let widths: Vec<i32> = row
            .iter()
            .map(|&i| item_width(area, &items[i]))
            .collect::<Result<_, _>>()?;
        let total: i32 = widths.iter().sum::<i32>() + ITEM_GAP * (row.len() as i32 - 1);
        let mut x = x_span.0 + ((x_span.1 - x_span.0) - total).max(0) / 2;
        let cy = y + r as i32 * LEGEND_ROW as i32;
        for (k, &i) in row.iter().enumerate() {
            draw_swatch(area, &items[i], x, cy)?;
            draw_text(
                area,
                &item_label(area, &items[i])?,
                &ts,
                (x + SWATCH_W + SWATCH_GAP, cy),
                HPos::Left,
                VPos::Center,
            )?;
            x += widths[k] + ITEM_GAP;
        }
    }
    Ok(())
}

/// Draws a vertical legend starting with its first row's centre line at (x, y).
pub fn draw_legend_column<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[LegendItem],
    x: i32,
    y: i32,
) -> Result<(), PlotError> {
    let ts = text_style(LEGEND_SIZE, palette::BLACK);
    for (k, item) in items.iter().enumerate() {
        let cy = y + k as i32 * LEGEND_ROW as i32;
        draw_swatch(area, item, x, cy)?;
        draw_text(
            area,
            &item_label(area, item)?,
            &ts,
            (x + SWATCH_W + SWATCH_GAP, cy),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// Width of a vertical legend of `items`.
pub fn legend_column_width<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[LegendItem],
) -> Result<u32, PlotError> {
    let mut w = 0;
    for item in items {
        w = w.max(item_width(area, item)?);
    }
    Ok(w.max(0) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_format() {
        assert_eq!(fmt_num(0.5, 2), "0.50");
        assert_eq!(fmt_num(-0.0001, 2), "0.00");
        assert_eq!(fmt_num(-12.0, 0), "\u{2212}12");
        // The house style of every output (crate::numbers): commas between thousands.
        assert_eq!(fmt_num(1234.0, 0), "1,234");
        assert_eq!(fmt_num(1_250_000.0, 0), "1,250,000");
        assert_eq!(fmt_signed(0.1, 2), "+0.10");
        assert_eq!(fmt_signed(0.0, 2), "0.00");
    }

    #[test]
    fn tick_generation() {
        let (t, d) = ticks(&(0.0..1.0), 5);
        assert_eq!(t, vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]);
        assert_eq!(d, 1);
        let (_, d) = ticks(&(0.0..0.1), 4);
        assert_eq!(d, 3);
        assert_eq!(month_ticks(36.0).len(), 13);
        assert_eq!(month_ticks(6.0), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    }

    #[test]
    fn ranges() {
        let r = value_range([0.2, 0.4], true);
        assert!(r.start < 0.0 && r.end > 0.4);
        let r = value_range([f64::NAN], false);
        assert_eq!(r, 0.0..1.0);
        let r = value_range([3.0, 3.0], false);
        assert!(r.start < 3.0 && r.end > 3.0);
    }
}
