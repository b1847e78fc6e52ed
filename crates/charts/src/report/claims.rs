//! The report's "Claims against the model" section, from `claims.csv`: what a source says,
//! how it was checked, what the model shows (estimate and 95% interval, "more than" for a
//! duration not reached) and the verdict, in words that never say more than the interval.

use std::fmt::Write as _;
use std::path::Path;

use super::html::escape;
use super::reading::arm_label;
use crate::metrics::registry;
use crate::plot::data::{read_records, DAYS_PER_MONTH};
use crate::plot::PlotError;
use undercurrent_text::numbers::{euro, fixed, percent, sig_decimals};
use undercurrent_text::{term, tr, Lang};

/// The file `run` writes when the scenario has claims.
pub const CLAIMS_FILE: &str = "claims.csv";

/// One row of `claims.csv`: a check of a claim, as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub claim: usize,
    pub says: String,
    pub source: String,
    pub arm: String,
    pub statistic: String,
    pub window: Option<(i64, i64)>,
    pub quantity: String,
    pub bound: String,
    pub bound_lo: Option<f64>,
    pub bound_hi: Option<f64>,
    pub than_arm: String,
    pub estimate: Option<f64>,
    pub ci_lo: Option<f64>,
    /// Infinite for an interval without an upper end.
    pub ci_hi: Option<f64>,
    pub more_than: bool,
    pub than: Option<(f64, f64, f64)>,
    pub verdict: String,
    pub claim_verdict: String,
}

/// A number of `claims.csv`: `NA` is none, `Inf` is infinity.
fn value(s: &str) -> Result<Option<f64>, String> {
    match s {
        "NA" | "" => Ok(None),
        "Inf" => Ok(Some(f64::INFINITY)),
        _ => s
            .parse::<f64>()
            .map(Some)
            .map_err(|_| format!("`{s}` is not a number")),
    }
}

/// Reads `dir/claims.csv`; none when the run had no claims.
pub fn load_claims(dir: &Path) -> Result<Vec<CheckRow>, PlotError> {
    let path = dir.join(CLAIMS_FILE);
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let mut rows = Vec::new();
    read_records(
        &path,
        |h| {
            let want = crate::output::tables::CLAIMS_HEADER;
            if h.iter().collect::<Vec<_>>() != want {
                return Err(format!("expected the header {}", want.join(",")));
            }
            Ok(())
        },
        |_, r, _| {
            let int = |i: usize| {
                r[i].parse::<i64>()
                    .map_err(|_| format!("`{}` is not a whole number", &r[i]))
            };
            let window = match (&r[6], &r[7]) {
                ("NA", "NA") => None,
                _ => Some((int(6)?, int(7)?)),
            };
            let than = match (value(&r[17])?, value(&r[18])?, value(&r[19])?) {
                (Some(e), Some(lo), Some(hi)) => Some((e, lo, hi)),
                _ => None,
            };
            rows.push(CheckRow {
                claim: int(0)? as usize,
                says: r[1].to_string(),
                source: r[2].to_string(),
                arm: r[4].to_string(),
                statistic: r[5].to_string(),
                window,
                quantity: r[8].to_string(),
                bound: r[9].to_string(),
                bound_lo: value(&r[10])?,
                bound_hi: value(&r[11])?,
                than_arm: r[12].to_string(),
                estimate: value(&r[13])?,
                ci_lo: value(&r[14])?,
                ci_hi: value(&r[15])?,
                more_than: &r[16] == "true",
                than,
                verdict: r[20].to_string(),
                claim_verdict: r[21].to_string(),
            });
            Ok(())
        },
    )?;
    Ok(rows)
}

/// How a statistic's numbers are written: durations in months, money in euro, shares in
/// percent, anything else with as many decimals as it takes to tell its interval's ends and
/// the bound apart (so that "holds: above 0" never stands beside an interval written
/// `[0.000, 0.001]`).
struct Style {
    lang: Lang,
    months: bool,
    money: bool,
    share: bool,
    decimals: usize,
}

impl Style {
    fn of(lang: Lang, statistic: &str, numbers: &[f64]) -> Style {
        let unit = registry::describe(statistic).map_or("", |d| d.unit);
        let months = unit == "working days";
        let scale = if months { 1.0 / DAYS_PER_MONTH } else { 1.0 };
        let finite: Vec<f64> = numbers
            .iter()
            .filter(|x| x.is_finite())
            .map(|x| x * scale)
            .collect();
        let largest = finite.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        let mut decimals = if months { 1 } else { sig_decimals(largest) };
        // More decimals until distinct numbers are written distinctly (at most six).
        while decimals < 6
            && finite.iter().enumerate().any(|(i, a)| {
                finite[i + 1..]
                    .iter()
                    .any(|b| a != b && fixed(lang, *a, decimals) == fixed(lang, *b, decimals))
            })
        {
            decimals += 1;
        }
        Style {
            lang,
            months,
            money: unit == "euro",
            share: unit == "share" || registry::durability::is_share(statistic),
            decimals,
        }
    }

    /// A number, without the word for its unit (see [`Style::unit`]).
    fn write(&self, x: f64) -> String {
        let lang = self.lang;
        if x == f64::INFINITY {
            tr!(lang, "claims-not-reached")
        } else if self.months {
            fixed(lang, x / DAYS_PER_MONTH, self.decimals)
        } else if self.money {
            euro(lang, x)
        } else if self.share {
            percent(lang, x, 0)
        } else {
            fixed(lang, x, self.decimals)
        }
    }

    /// The word after a number for its unit, with its space (money and shares carry theirs).
    fn unit(&self) -> String {
        if self.months {
            format!(" {}", tr!(self.lang, "claims-months"))
        } else {
            String::new()
        }
    }

    /// A bound as the file writes it, in the house style (`0`, `−1`, `0.02`), durations in
    /// months and in the working days the file gives.
    fn bound(&self, x: f64) -> String {
        let shortest = |x: f64| {
            let written = format!("{x}");
            let decimals = written.split_once('.').map_or(0, |(_, f)| f.len());
            fixed(self.lang, x, decimals)
        };
        if self.months {
            tr!(
                self.lang,
                "claims-months-days",
                months = self.write(x),
                days = shortest(x)
            )
        } else if self.money || self.share {
            self.write(x)
        } else {
            shortest(x)
        }
    }
}

/// What was checked, in words: statistic, arm, window, bound.
fn checked_as(c: &CheckRow, style: &Style) -> String {
    let lang = style.lang;
    // The title, and the unit where the numbers do not carry it themselves.
    let title = match registry::describe(&c.statistic) {
        Some(d) if style.months || style.money || style.share => {
            term(lang, "metric", &c.statistic, &d.title)
        }
        Some(d) => format!(
            "{} ({})",
            term(lang, "metric", &c.statistic, &d.title),
            term(lang, "unit", d.unit, d.unit)
        ),
        None => c.statistic.clone(),
    };
    let mut s = format!("{title}, {}", arm_label(lang, &c.arm));
    if let Some((first, last)) = c.window {
        let _ = write!(
            s,
            ", {}",
            tr!(
                lang,
                "claims-window",
                first = first.to_string(),
                last = last.to_string()
            )
        );
        if c.quantity == "vs_baseline" {
            let _ = write!(s, ", {}", tr!(lang, "claims-vs-baseline"));
        }
    }
    let bound = match (c.bound.as_str(), c.bound_lo, c.bound_hi) {
        ("above", Some(v), _) => tr!(lang, "claims-above", bound = style.bound(v)),
        ("below", _, Some(v)) => tr!(lang, "claims-below", bound = style.bound(v)),
        ("between", Some(a), Some(b)) => tr!(
            lang,
            "claims-between",
            low = style.bound(a),
            high = style.bound(b)
        ),
        ("above_arm", ..) => tr!(lang, "claims-above", bound = arm_label(lang, &c.than_arm)),
        ("below_arm", ..) => tr!(lang, "claims-below", bound = arm_label(lang, &c.than_arm)),
        _ => c.bound.clone(),
    };
    format!("{s}: {bound}")
}

/// An estimate with its interval in words: `0.052 [0.049, 0.055]`, `more than 22.0 months
/// [15.1 months, not reached]`, `NA` when not measured.
fn shown(estimate: Option<f64>, lo: Option<f64>, hi: Option<f64>, more: bool, s: &Style) -> String {
    let lang = s.lang;
    let Some(e) = estimate.filter(|e| e.is_finite()) else {
        return tr!(lang, "claims-not-measured");
    };
    let value = format!("{}{}", s.write(e), s.unit());
    let head = if more {
        tr!(lang, "claims-more-than", value = value)
    } else {
        value
    };
    match (lo, hi) {
        (Some(lo), Some(hi)) if lo.is_finite() => {
            format!(
                "{head} {}",
                undercurrent_text::numbers::bracket(lang, &s.write(lo), &s.write(hi))
            )
        }
        _ => head,
    }
}

/// The verdict of a check in words, saying why when it is undecided.
fn check_verdict(lang: Lang, c: &CheckRow) -> String {
    let id = match (c.verdict.as_str(), c.estimate.is_some_and(f64::is_finite)) {
        ("agrees", _) => "claims-check-holds",
        ("disagrees", _) => "claims-check-fails",
        (_, false) => "claims-check-not-measured",
        _ if c.bound.ends_with("_arm") => "claims-check-overlap",
        _ => "claims-check-across",
    };
    tr!(lang, id)
}

/// Appends the section; nothing when the run had no claims.
pub fn claims_section(html: &mut String, lang: Lang, rows: &[CheckRow], intervals_long: &str) {
    if rows.is_empty() {
        return;
    }
    let _ = write!(
        html,
        "<h2>{}</h2><p>{}</p><table class=\"claims\"><tr><th style=\"width:32%\">{}</th>\
         <th style=\"width:30%\">{}</th><th style=\"width:24%\">{}</th>\
         <th>{}</th></tr>",
        escape(&tr!(lang, "claims-heading")),
        tr!(lang, "claims-intro", interval = intervals_long),
        escape(&tr!(lang, "claims-col-says")),
        escape(&tr!(lang, "claims-col-checked-as")),
        escape(&tr!(lang, "claims-col-model-shows")),
        escape(&tr!(lang, "claims-col-check")),
    );
    let mut i = 0;
    while i < rows.len() {
        let claim = rows[i].claim;
        let n = rows[i..].iter().take_while(|r| r.claim == claim).count();
        for (k, c) in rows[i..i + n].iter().enumerate() {
            html.push_str("<tr>");
            if k == 0 {
                let source = if c.source.is_empty() {
                    String::new()
                } else {
                    format!("<br><span class=\"ci\">{}</span>", escape(&c.source))
                };
                let _ = write!(
                    html,
                    "<td rowspan=\"{n}\">{}{source}<br><strong class=\"verdict {}\">{}</strong></td>",
                    escape(&c.says),
                    escape(&c.claim_verdict),
                    escape(&tr!(
                        lang,
                        match c.claim_verdict.as_str() {
                            "agrees" => "claims-model-agrees",
                            "disagrees" => "claims-model-disagrees",
                            _ => "claims-model-undecided",
                        }
                    ))
                );
            }
            let mut numbers = vec![
                c.estimate.unwrap_or(f64::NAN),
                c.ci_lo.unwrap_or(f64::NAN),
                c.ci_hi.unwrap_or(f64::NAN),
            ];
            numbers.extend(c.bound_lo);
            numbers.extend(c.bound_hi);
            if let Some((e, lo, hi)) = c.than {
                numbers.extend([e, lo, hi]);
            }
            let style = Style::of(lang, &c.statistic, &numbers);
            let mut model = escape(&shown(c.estimate, c.ci_lo, c.ci_hi, c.more_than, &style));
            if let Some((e, lo, hi)) = c.than {
                // Two programmes side by side: each figure says whose it is.
                model = format!("{}: {model}", escape(&arm_label(lang, &c.arm)));
                let _ = write!(
                    model,
                    "<br>{}: {}",
                    escape(&arm_label(lang, &c.than_arm)),
                    escape(&shown(Some(e), Some(lo), Some(hi), false, &style))
                );
            }
            let _ = write!(
                html,
                "<td>{}</td><td>{model}</td><td>{}</td></tr>",
                escape(&checked_as(c, &style)),
                check_verdict(lang, c)
            );
        }
        i += n;
    }
    let _ = write!(
        html,
        "</table><p class=\"screen-only\">{}</p>",
        tr!(lang, "claims-every-check", file = "<code>claims.csv</code>")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_grow_until_an_interval_is_told_apart_from_its_bound() {
        let s = Style::of(Lang::En, "gain_12m_B", &[0.0004, 0.0001, 0.0008, 0.0]);
        assert_eq!(s.write(0.0001), "0.0001");
        assert_ne!(s.write(0.0001), s.write(0.0));
    }

    #[test]
    fn durations_are_written_in_months_with_their_working_days_in_a_bound() {
        let s = Style::of(Lang::En, "half_life_days_B", &[250.0]);
        assert_eq!(s.bound(250.0), "12.0 months (250 working days)");
        assert_eq!(
            shown(Some(450.0), Some(300.0), Some(f64::INFINITY), true, &s),
            "more than 21.6 months [14.4, not reached]"
        );
        assert_eq!(s.write(f64::INFINITY), "not reached");
    }
}
