//! The teams of one replication as squares coloured by their mean B, one row per arm and one
//! column per moment (the first programme day, the day after the last programme, the last
//! recorded day): where the pockets of customer orientation are, and how a programme spreads.
//! The report's counterpart of the explorer's team view, drawn when the run wrote
//! `teams.csv`.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use crate::plot::data::{day_to_month, RunData};
use crate::plot::error::{draw_err, NoDataReason, PlotError};
use crate::plot::hover;
use crate::plot::palette;
use crate::plot::team_grid::TeamGrid;
use crate::text::{numbers, tr, Lang};

pub use crate::plot::team_grid::MAX_TEAMS;

/// Height of one arm's row of panels.
const ROW_H: u32 = 160;
/// Width of the arm names left of the panels.
const LABEL_W: u32 = 220;
/// Height of the band with the moments' headings.
const HEADING_H: u32 = 70;
/// Height of the colour scale at the bottom.
const SCALE_H: u32 = 80;
/// The gap between squares, as a share of a square's side.
const GAP: f64 = 0.08;

/// The grid to draw: present, with teams, and few enough of them.
pub fn drawable(data: &RunData) -> Option<&TeamGrid> {
    data.teams
        .as_ref()
        .filter(|g| !g.days.is_empty() && (1..=MAX_TEAMS).contains(&g.team_count()))
}

/// Why a run with `teams.csv` has no team chart, in `lang` (`None` when it has one or wrote no
/// team data).
pub fn left_out_in(data: &RunData, lang: Lang) -> Option<String> {
    let g = data.teams.as_ref()?;
    (g.team_count() > MAX_TEAMS).then(|| {
        tr!(
            lang,
            "charts-teams-too-many",
            teams = g.team_count().to_string(),
            max = MAX_TEAMS.to_string()
        )
    })
}

/// A moment the chart shows: its index in the grid's days and what it is.
struct Moment {
    k: usize,
    what: &'static str,
}

/// The first programme day, the day after the last programme and the last recorded day
/// (without programmes: the first, middle and last recorded day), each the nearest recorded
/// day, each shown once.
fn moments(data: &RunData, g: &TeamGrid) -> Vec<Moment> {
    let last = g.days.len() - 1;
    let start = data
        .windows
        .iter()
        .map(|w| w.start_day)
        .min_by(f64::total_cmp);
    let end = data
        .windows
        .iter()
        .map(|w| w.end_day)
        .max_by(f64::total_cmp);
    let wanted = match (start, end) {
        (Some(s), Some(e)) => [
            (g.nearest_day(s), "start"),
            (g.nearest_day(e), "end"),
            (Some(last), "last"),
        ],
        _ => [
            (Some(0), "first"),
            (Some(last / 2), "middle"),
            (Some(last), "last"),
        ],
    };
    let mut out: Vec<Moment> = Vec::new();
    for (k, what) in wanted {
        if let Some(k) = k {
            if !out.iter().any(|m| m.k == k) {
                out.push(Moment { k, what });
            }
        }
    }
    out
}

/// Pixel size: 1200 wide, a row of panels per arm.
pub fn teams_size(data: &RunData) -> (u32, u32) {
    let rows = drawable(data).map_or(1, |g| g.arms.len()) as u32;
    (
        WIDTH,
        HEIGHT.max(HEADER_HEIGHT + HEADING_H + rows * ROW_H + SCALE_H + 24),
    )
}

/// The columns and rows of squares that make `n` squares largest in a `w`×`h` panel, and the
/// side of a square in pixels.
fn layout(n: usize, w: u32, h: u32) -> (usize, usize, u32) {
    (1..=n.max(1))
        .map(|cols| {
            let rows = n.max(1).div_ceil(cols);
            let side = (w / cols as u32).min(h / rows as u32);
            (cols, rows, side)
        })
        .max_by_key(|&(cols, _, side)| (side, usize::MAX - cols))
        .unwrap_or((1, 1, 1))
}

/// An arm's name on one line, or on two broken at a space when it does not fit (two arms
/// that differ in their last word must not both read `reinforcement…`); each line shortened
/// only if it still does not fit.
fn two_lines<DB: DrawingBackend>(
    area: &Area<DB>,
    name: &str,
    style: &TextStyle,
    max_w: u32,
) -> Result<Vec<String>, PlotError> {
    if text_width(area, name, style)? <= max_w {
        return Ok(vec![name.to_string()]);
    }
    let Some(cut) = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .rev()
        .find(|&i| text_width(area, &name[..i], style).is_ok_and(|w| w <= max_w))
        .or_else(|| name.find(' '))
    else {
        return Ok(vec![fit_text(area, name, style, max_w)?]);
    };
    Ok(vec![
        fit_text(area, &name[..cut], style, max_w)?,
        fit_text(area, &name[cut + 1..], style, max_w)?,
    ])
}

/// A value's colour on the scale `lo..hi`: pale blue low, deep blue high (the explorer's).
fn colour(v: f64, lo: f64, hi: f64) -> RGBColor {
    let t = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    let (l, d) = (palette::TEAM_LOW, palette::TEAM_HIGH);
    RGBColor(mix(l.0, d.0), mix(l.1, d.1), mix(l.2, d.2))
}

/// Draws the team chart onto `root` (size from [`teams_size`]).
pub fn draw_teams_in<DB: DrawingBackend>(
    root: &Area<DB>,
    data: &RunData,
    lang: Lang,
) -> Result<(), PlotError> {
    crate::plot::font::ensure_fonts()?;
    check_size(root)?;
    let g = drawable(data).ok_or(PlotError::NoData(NoDataReason::NoTeams))?;
    let shown = moments(data, g);
    let (lo, hi) = g
        .arms
        .iter()
        .flat_map(|a| &a.teams)
        .flat_map(|t| shown.iter().map(|m| t.values[m.k]))
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        return Err(PlotError::NoData(NoDataReason::NoTeamValue));
    }
    let hi = if hi > lo { hi } else { lo + 1e-9 };
    let value = |v: f64| numbers::fixed(lang, v, 3);

    root.fill(&WHITE).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (header, rest) = root.split_vertically(HEADER_HEIGHT);
    draw_header(
        &header,
        &tr!(lang, "charts-teams-title"),
        &tr!(
            lang,
            "charts-teams-subtitle",
            replications = g.replications.to_string()
        ),
    )?;
    let (headings, rest) = rest.split_vertically(HEADING_H);
    let (body, scale) = rest.split_vertically(h - HEADER_HEIGHT - HEADING_H - SCALE_H);
    let panels_w = w - LABEL_W - 24;
    let col_w = panels_w / shown.len() as u32;
    let heading_style = bold_style(PANEL_TITLE_SIZE, palette::BLACK);
    let sub_style = text_style(LEGEND_SIZE, palette::GREY_TEXT);
    for (c, m) in shown.iter().enumerate() {
        let x = (LABEL_W + col_w * c as u32 + col_w / 2) as i32;
        let day = g.days[m.k];
        let head = tr!(
            lang,
            "charts-teams-day",
            day = numbers::fixed(lang, day, 0),
            month = numbers::fixed(lang, day_to_month(day), 1)
        );
        let head = fit_text(&headings, &head, &heading_style, col_w - 8)?;
        draw_text(
            &headings,
            &head,
            &heading_style,
            (x, 8),
            HPos::Center,
            VPos::Top,
        )?;
        let what = tr!(lang, &format!("charts-teams-when-{}", m.what));
        let what = fit_text(&headings, &what, &sub_style, col_w - 8)?;
        draw_text(
            &headings,
            &what,
            &sub_style,
            (x, 40),
            HPos::Center,
            VPos::Top,
        )?;
    }

    let name_style = bold_style(PANEL_TITLE_SIZE, palette::BLACK);
    let rows = body.split_evenly((g.arms.len(), 1));
    for (arm, row) in g.arms.iter().zip(&rows) {
        let (label, panels) = row.split_horizontally(LABEL_W);
        let (_, row_h) = row.dim_in_pixel();
        let lines = two_lines(
            &label,
            &arm_label(lang, &arm.arm),
            &name_style,
            LABEL_W - 40,
        )?;
        let a = data.arm_index(&arm.arm);
        let swatch = palette::arm_color(a);
        label
            .draw(&Rectangle::new(
                [(16, row_h as i32 / 2 - 14), (22, row_h as i32 / 2 + 14)],
                swatch.filled(),
            ))
            .map_err(draw_err)?;
        let line_h = PANEL_TITLE_SIZE as i32 + 4;
        let top = row_h as i32 / 2 - line_h * (lines.len() as i32 - 1) / 2;
        for (i, line) in lines.iter().enumerate() {
            draw_text(
                &label,
                line,
                &name_style,
                (30, top + line_h * i as i32),
                HPos::Left,
                VPos::Center,
            )?;
        }
        for (c, m) in shown.iter().enumerate() {
            let cell = panels.clone().shrink(
                (col_w * c as u32 + 8, 6),
                (col_w - 16, row_h.saturating_sub(12)),
            );
            let (cw, ch) = cell.dim_in_pixel();
            let (cols, grid_rows, side) = layout(arm.teams.len(), cw, ch);
            let (gw, gh) = (side * cols as u32, side * grid_rows as u32);
            let squares = cell
                .clone()
                .shrink(((cw - gw) / 2, (ch - gh) / 2), (gw, gh));
            let chart = ChartBuilder::on(&squares)
                .build_cartesian_2d(
                    Ticked::new(0.0..cols as f64, Vec::new()),
                    Ticked::new(0.0..grid_rows as f64, Vec::new()),
                )
                .map_err(draw_err)?;
            for (i, t) in arm.teams.iter().enumerate() {
                let (x, y) = ((i % cols) as f64, (grid_rows - 1 - i / cols) as f64);
                let v = t.values[m.k];
                let corners = [(x + GAP, y + GAP), (x + 1.0 - GAP, y + 1.0 - GAP)];
                let fill = if v.is_finite() {
                    colour(v, lo, hi).filled()
                } else {
                    WHITE.filled()
                };
                chart
                    .plotting_area()
                    .draw(&Rectangle::new(corners, fill))
                    .map_err(draw_err)?;
                if !v.is_finite() {
                    chart
                        .plotting_area()
                        .draw(&Rectangle::new(corners, palette::GREY_MID.stroke_width(1)))
                        .map_err(draw_err)?;
                }
                hover::area(&chart, corners[0], corners[1], || {
                    tr!(
                        lang,
                        "charts-teams-hover",
                        arm = arm_label(lang, &arm.arm),
                        team = (t.team + 1).to_string(),
                        day = numbers::fixed(lang, g.days[m.k], 0),
                        value = if v.is_finite() {
                            value(v)
                        } else {
                            tr!(lang, "charts-teams-no-value")
                        }
                    )
                });
            }
        }
    }

    // The colour scale: the lowest and highest B shown, every square on the same scale.
    let (sw, _) = scale.dim_in_pixel();
    let bar_w = 360i32;
    let x0 = (sw as i32 - bar_w) / 2;
    let y0 = 24;
    let steps = 60;
    for s in 0..steps {
        let t = f64::from(s) / f64::from(steps - 1);
        let xa = x0 + bar_w * s / steps;
        let xb = x0 + bar_w * (s + 1) / steps;
        scale
            .draw(&Rectangle::new(
                [(xa, y0), (xb, y0 + 22)],
                colour(lo + t * (hi - lo), lo, hi).filled(),
            ))
            .map_err(draw_err)?;
    }
    let scale_style = text_style(LEGEND_SIZE, palette::GREY_TEXT);
    draw_text(
        &scale,
        &value(lo),
        &scale_style,
        (x0 - 10, y0 + 11),
        HPos::Right,
        VPos::Center,
    )?;
    draw_text(
        &scale,
        &value(hi),
        &scale_style,
        (x0 + bar_w + 10, y0 + 11),
        HPos::Left,
        VPos::Center,
    )?;
    let caption = tr!(lang, "charts-teams-scale");
    draw_text(
        &scale,
        &caption,
        &scale_style,
        (sw as i32 / 2, y0 + 30),
        HPos::Center,
        VPos::Top,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::data::ProgrammeWindow;
    use crate::plot::team_grid::{ArmTeams, TeamSeries};

    fn data(teams: usize, windows: bool) -> RunData {
        let days: Vec<f64> = (0..=10).map(|d| f64::from(d) * 10.0).collect();
        let arm = |name: &str, lift: f64| ArmTeams {
            arm: name.into(),
            teams: (0..teams as u64)
                .map(|t| TeamSeries {
                    team: t,
                    values: days
                        .iter()
                        .map(|d| 0.3 + lift * d / 100.0 + t as f64 * 1e-3)
                        .collect(),
                })
                .collect(),
        };
        RunData {
            dir: Default::default(),
            intervals: Default::default(),
            scenario: "t".into(),
            arms: vec!["baseline".into(), "coaching".into()],
            timeseries: Default::default(),
            durability: Default::default(),
            windows: if windows {
                vec![ProgrammeWindow {
                    arm: "coaching".into(),
                    start_day: 21.0,
                    end_day: 58.0,
                }]
            } else {
                Vec::new()
            },
            teams: Some(TeamGrid {
                metric: "B".into(),
                replications: 5,
                arms: vec![arm("baseline", 0.0), arm("coaching", 0.2)],
                days,
                counted: 0,
            }),
        }
    }

    #[test]
    fn the_moments_are_the_programme_start_its_end_and_the_last_day() {
        let d = data(20, true);
        let g = d.teams.as_ref().unwrap();
        let days: Vec<f64> = moments(&d, g).iter().map(|m| g.days[m.k]).collect();
        assert_eq!(days, vec![20.0, 60.0, 100.0]);
        let d = data(20, false);
        let picked: Vec<usize> = moments(&d, d.teams.as_ref().unwrap())
            .iter()
            .map(|m| m.k)
            .collect();
        assert_eq!(picked, vec![0, 5, 10]);
    }

    #[test]
    fn twenty_teams_in_a_wide_panel_are_rows_of_squares_as_large_as_fit() {
        let (cols, rows, side) = layout(20, 300, 140);
        assert!(cols * rows >= 20);
        assert_eq!(side, (300 / cols as u32).min(140 / rows as u32));
        assert!(side >= 40, "{cols}x{rows} of {side}px");
    }

    #[test]
    fn every_square_has_its_team_and_value_on_hover_and_too_many_teams_are_left_out_saying_why() {
        let d = data(20, true);
        let svg =
            crate::plot::svg_of(teams_size(&d), |root| draw_teams_in(root, &d, Lang::En)).unwrap();
        // 20 teams x 2 arms x 3 moments.
        assert_eq!(svg.matches("<title>").count(), 120, "{svg}");
        assert!(svg.contains("coaching, team 20, day 100: B 0.519"), "{svg}");
        assert_eq!(left_out_in(&d, Lang::En), None);
        let many = data(MAX_TEAMS + 1, true);
        assert!(drawable(&many).is_none());
        let why = left_out_in(&many, Lang::En).unwrap();
        assert!(why.contains("401 teams"), "{why}");
    }

    #[test]
    fn every_word_comes_from_the_catalogue() {
        let d = data(20, true);
        let svg = crate::plot::svg_of(teams_size(&d), |root| draw_teams_in(root, &d, Lang::Pseudo))
            .unwrap();
        // The words between tags: text, and hover titles.
        let words: Vec<&str> = svg
            .split('>')
            .filter_map(|s| s.split('<').next())
            .filter(|s| !s.trim().is_empty())
            .collect();
        let plain = crate::text::plain_words(&words.join(" "), &["baseline", "coaching", "B"]);
        assert!(plain.is_empty(), "{plain:?}");
        let dutch =
            crate::plot::svg_of(teams_size(&d), |root| draw_teams_in(root, &d, Lang::Nl)).unwrap();
        assert!(dutch.contains("de eerste programmadag") && dutch.contains("0,519"));
    }

    #[test]
    fn higher_b_is_a_deeper_blue() {
        let (a, b) = (colour(0.3, 0.3, 0.5), colour(0.5, 0.3, 0.5));
        assert_eq!(a, palette::TEAM_LOW);
        assert_eq!(b, palette::TEAM_HIGH);
        assert!(u32::from(colour(0.4, 0.3, 0.5).0) < u32::from(a.0));
    }
}
