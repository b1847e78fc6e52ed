//! A calibration's `report.html`, in the house style of the run report: what the targets
//! determined about each parameter (and what they did not), how well the posterior fits
//! every target, how the generations went, and the method. Like the run report it is one
//! self-contained file: inline SVG charts, inline styles, no script.
//!
//! The sentences come from [`identification`](crate::calibration::identification) and the
//! fit table only, so the text can never claim more than the numbers beside it.

use std::fmt::Write as _;
use std::path::Path;

use undercurrent_text::{numbers, tr, Lang};

use super::html::{
    escape, head, inline_figure, key_value_table, load_manifest, number, produced_by, text,
    ReportError,
};
use crate::calibration::abc::weighted_quantile;
use crate::calibration::identification::{
    identify, End, Identification, Strength, CENTRAL, CONSTRAINED_BELOW, UNINFORMED_FROM,
};
use crate::calibration::Prior;
use crate::plot::calibration::{
    load_calibration_dir, CalibrationChart, CalibrationData, ParameterPosterior,
};

/// `x` to three significant digits (whole numbers from 1,000 on).
#[cfg(test)]
fn sig(x: f64) -> String {
    sig_in(Lang::En, x)
}

/// [`sig`] with the decimal sign of `lang`.
fn sig_in(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return numbers::missing(lang).into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let k = x.abs().log10().floor() as i32;
    let decimals = (2 - k).clamp(0, 12) as usize;
    let s = format!("{x:.decimals$}").replace('-', "\u{2212}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En | Lang::Pseudo => s,
    }
}

/// A share as a whole percentage (`35%`).
fn pct(share: f64) -> String {
    format!("{:.0}%", 100.0 * share)
}

/// How a prior reads in a table: `uniform on [0.1, 1.5]`.
fn prior_text(lang: Lang, p: &Prior) -> String {
    let sig = |x| sig_in(lang, x);
    let (lo, hi) = p.support();
    let end = |x: f64| {
        if x.is_finite() {
            sig(x)
        } else if x > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        }
    };
    match *p {
        Prior::Uniform { .. } => tr!(
            lang,
            "calibration-report-prior-uniform",
            lo = end(lo),
            hi = end(hi)
        ),
        Prior::LogUniform { .. } => tr!(
            lang,
            "calibration-report-prior-log-uniform",
            lo = end(lo),
            hi = end(hi)
        ),
        Prior::Normal { mean, sd, .. } => tr!(
            lang,
            "calibration-report-prior-normal",
            mean = sig(mean),
            sd = sig(sd),
            lo = end(lo),
            hi = end(hi)
        ),
    }
}

/// One parameter's posterior summary.
struct Summary<'a> {
    p: &'a ParameterPosterior,
    median: f64,
    lo: f64,
    hi: f64,
    id: Identification,
}

fn summarise<'a>(d: &'a CalibrationData) -> Vec<Summary<'a>> {
    let tail = (1.0 - CENTRAL) / 2.0;
    d.parameters
        .iter()
        .map(|p| Summary {
            p,
            median: weighted_quantile(&p.values, &d.weights, 0.5),
            lo: weighted_quantile(&p.values, &d.weights, tail),
            hi: weighted_quantile(&p.values, &d.weights, 1.0 - tail),
            id: identify(&p.prior, &p.values, &d.weights),
        })
        .collect()
}

/// The share of the prior's central 90% the posterior's still spans, in words.
fn strength_text(lang: Lang, id: &Identification) -> String {
    let id_ = match id.strength {
        Strength::Constrained => "calibration-report-strength-constrained",
        Strength::Partly => "calibration-report-strength-partly",
        Strength::Uninformed => "calibration-report-strength-uninformed",
    };
    tr!(lang, id_, share = pct(id.width_ratio))
}

/// The sentence on a posterior that runs into an end of its prior, if it does.
fn edge_text(lang: Lang, s: &Summary) -> Option<String> {
    let (lo, hi) = s.p.prior.support();
    s.id.edge.map(|e| {
        let (id, bound) = match e {
            End::Lower => ("calibration-report-edge-lower", lo),
            End::Upper => ("calibration-report-edge-upper", hi),
        };
        tr!(lang, id, bound = sig_in(lang, bound))
    })
}

/// The reading: the fit in one sentence, then one paragraph per parameter. Pure, so tests
/// can hold it against constructed posteriors.
pub fn reading(d: &CalibrationData, lang: Lang) -> Vec<String> {
    let sig = |x| sig_in(lang, x);
    let mut out = Vec::new();
    if !d.fit.is_empty() {
        let inside = d.fit.iter().filter(|r| r.inside()).count();
        let mut s = tr!(
            lang,
            "calibration-report-fit-inside",
            inside = inside,
            total = d.fit.len()
        );
        let outside: Vec<&str> = d
            .fit
            .iter()
            .filter(|r| !r.inside())
            .map(|r| r.target.as_str())
            .collect();
        if !outside.is_empty() {
            let _ = write!(
                s,
                " {}",
                tr!(
                    lang,
                    "calibration-report-fit-outside",
                    targets = outside.join(", "),
                    count = outside.len()
                )
            );
        }
        out.push(s);
    }
    for s in summarise(d) {
        let mut t = tr!(
            lang,
            "calibration-report-parameter",
            name = s.p.name.clone(),
            median = sig(s.median),
            lo = sig(s.lo),
            hi = sig(s.hi)
        );
        if let Some(b) = s.p.base {
            let _ = write!(
                t,
                " {}",
                tr!(lang, "calibration-report-before", value = sig(b))
            );
        }
        let _ = write!(t, "; {}.", strength_text(lang, &s.id));
        if let Some(e) = edge_text(lang, &s) {
            t.push(' ');
            t.push_str(&e);
        }
        out.push(t);
    }
    out
}

/// Why a calibration stopped (`reason` as `Stop::key` names it) in `lang`; the tolerances of
/// a stall with six decimals, as the English has always shown them. `None` for a reason
/// this build does not know (a manifest from a newer one): the caller shows its English.
pub fn stop_text(lang: Lang, reason: &str, from: Option<f64>, to: Option<f64>) -> Option<String> {
    let id = format!("calibration-stop-{reason}");
    if !undercurrent_text::has(Lang::En, &id) {
        return None;
    }
    let tolerance =
        |x: Option<f64>| numbers::decimal_sign(lang, &format!("{:.6}", x.unwrap_or(f64::NAN)));
    let mut args = undercurrent_text::Args::new();
    args.set("from", tolerance(from));
    args.set("to", tolerance(to));
    Some(undercurrent_text::text_with(lang, &id, &args))
}

/// Why `stop` ended a calibration, in `lang` (what `calibrate` prints).
pub fn stop_said(lang: Lang, stop: &crate::calibration::abc::Stop) -> String {
    let (from, to) = stop.stalled_between().unzip();
    stop_text(lang, stop.key(), from, to).unwrap_or_else(|| stop.describe())
}

fn summary_section(
    html: &mut String,
    lang: Lang,
    d: &CalibrationData,
    dir: &Path,
) -> Result<(), ReportError> {
    let manifest = load_manifest(dir)?;
    let m = manifest.as_ref();
    let _ = write!(
        html,
        "<h1>{}</h1><p class=\"sub\">{}</p><h2>{}</h2>",
        escape(&tr!(
            lang,
            "calibration-report-heading",
            name = d.name.clone()
        )),
        escape(&d.description),
        escape(&tr!(lang, "calibration-report-summary"))
    );
    let tolerance = m
        .and_then(|m| m.final_tolerance_reached)
        .map(|x| sig_in(lang, x))
        .unwrap_or_default();
    let rows = [
        (
            "calibration-report-row-parameters",
            d.parameters.len().to_string(),
        ),
        ("calibration-report-row-targets", d.fit.len().to_string()),
        (
            "calibration-report-row-particles",
            format!("{} × {}", d.population, d.replications),
        ),
        (
            "calibration-report-row-generations",
            (d.generation + 1).to_string(),
        ),
        (
            "calibration-report-row-simulations",
            number(m.and_then(|m| m.simulations)),
        ),
        (
            "calibration-report-row-stopped",
            m.and_then(|m| m.stop.as_ref())
                .and_then(|s| stop_text(lang, s.reason.as_deref()?, s.from, s.to))
                .unwrap_or_else(|| text(m.and_then(|m| m.stopped.as_ref()))),
        ),
        ("calibration-report-row-tolerance", tolerance),
        (
            "calibration-report-row-seed",
            number(m.and_then(|m| m.seed)),
        ),
        (
            "report-produced-by",
            if m.is_some_and(|m| m.tool.is_none()) {
                format!("undercurrent{}", produced_by(lang, m))
            } else {
                produced_by(lang, m)
            },
        ),
    ];
    let rows: Vec<(String, String)> = rows.into_iter().map(|(k, v)| (tr!(lang, k), v)).collect();
    key_value_table(html, &rows);
    Ok(())
}

/// A table's header row: every cell a message of the catalogue.
fn header_row(html: &mut String, lang: Lang, ids: &[&str]) {
    html.push_str("<table><tr>");
    for id in ids {
        let _ = write!(html, "<th>{}</th>", escape(&tr!(lang, id)));
    }
    html.push_str("</tr>");
}

/// `lo to hi`, in `lang`.
fn range_text(lang: Lang, lo: f64, hi: f64) -> String {
    tr!(
        lang,
        "calibration-report-range",
        lo = sig_in(lang, lo),
        hi = sig_in(lang, hi)
    )
}

fn posterior_table(html: &mut String, lang: Lang, d: &CalibrationData) {
    let sig = |x| sig_in(lang, x);
    header_row(
        html,
        lang,
        &[
            "report-col-parameter",
            "calibration-report-col-prior",
            "calibration-report-col-before",
            "calibration-report-col-median",
            "calibration-report-col-credible",
            "calibration-report-col-open",
        ],
    );
    for s in summarise(d) {
        let _ = write!(
            html,
            "<tr><th><code>{}</code></th><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}{}</td></tr>",
            escape(&s.p.key),
            escape(&prior_text(lang, &s.p.prior)),
            s.p.base.map(sig).unwrap_or_else(|| "—".into()),
            sig(s.median),
            escape(&range_text(lang, s.lo, s.hi)),
            pct(s.id.width_ratio),
            match s.id.edge {
                Some(End::Lower) => format!(
                    " {}",
                    escape(&tr!(lang, "calibration-report-at-lower-end"))
                ),
                Some(End::Upper) => format!(
                    " {}",
                    escape(&tr!(lang, "calibration-report-at-upper-end"))
                ),
                None => String::new(),
            }
        );
    }
    html.push_str("</table>");
}

fn fit_table(html: &mut String, lang: Lang, d: &CalibrationData) {
    let sig = |x| sig_in(lang, x);
    header_row(
        html,
        lang,
        &[
            "calibration-report-col-target",
            "calibration-report-col-observed",
            "calibration-report-col-scale",
            "calibration-report-col-predictive-mean",
            "calibration-report-col-interval",
            "calibration-report-col-inside",
        ],
    );
    for r in &d.fit {
        let _ = write!(
            html,
            "<tr><th><code>{}</code></th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(&r.target),
            sig(r.observed),
            sig(r.scale),
            sig(r.mean),
            escape(&range_text(lang, r.lo95, r.hi95)),
            if r.inside() {
                escape(&tr!(lang, "calibration-report-yes"))
            } else {
                format!(
                    "<span class=\"changed\">{}</span>",
                    escape(&tr!(lang, "calibration-report-no"))
                )
            }
        );
    }
    html.push_str("</table>");
}

fn generations_table(html: &mut String, lang: Lang, d: &CalibrationData) {
    header_row(
        html,
        lang,
        &[
            "calibration-report-col-generation",
            "calibration-report-col-tolerance",
            "calibration-report-col-accepted",
            "calibration-report-col-ess",
            "calibration-report-col-simulations",
        ],
    );
    for g in &d.generations {
        let _ = write!(
            html,
            "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0}%</td><td class=\"n\">{:.0}</td><td class=\"n\">{:.0}</td></tr>",
            g.generation,
            if g.tolerance.is_finite() {
                sig_in(lang, g.tolerance)
            } else {
                escape(&tr!(lang, "calibration-report-no-tolerance"))
            },
            100.0 * g.acceptance_rate,
            g.ess,
            g.simulations_total
        );
    }
    html.push_str("</table>");
}

fn figure(
    html: &mut String,
    lang: Lang,
    d: &CalibrationData,
    c: CalibrationChart,
    caption: &str,
) -> Result<(), ReportError> {
    if c.applies(d) {
        inline_figure(
            html,
            c.file_stem(),
            &c.svg(d, lang)?,
            Some(&tr!(lang, caption)),
        );
    }
    Ok(())
}

/// Builds the report of the calibration in `dir`, in `lang`.
pub fn render_calibration_report(lang: Lang, dir: &Path) -> Result<String, ReportError> {
    let d = load_calibration_dir(dir)?;
    let mut html = String::new();
    head(
        &mut html,
        lang,
        &tr!(lang, "calibration-report-title", name = d.name.clone()),
    );
    summary_section(&mut html, lang, &d, dir)?;
    let h2 = |id: &str| format!("<h2>{}</h2>", escape(&tr!(lang, id)));
    html.push_str(&h2("calibration-report-determined"));
    html.push_str("<div class=\"reading\">");
    for p in reading(&d, lang) {
        let _ = write!(html, "<p>{}</p>", escape(&p));
    }
    html.push_str("</div>");
    html.push_str(&h2("calibration-report-posterior"));
    posterior_table(&mut html, lang, &d);
    figure(
        &mut html,
        lang,
        &d,
        CalibrationChart::Posterior,
        "calibration-report-caption-posterior",
    )?;
    figure(
        &mut html,
        lang,
        &d,
        CalibrationChart::Pairs,
        "calibration-report-caption-pairs",
    )?;
    html.push_str(&h2("calibration-report-fit"));
    fit_table(&mut html, lang, &d);
    figure(
        &mut html,
        lang,
        &d,
        CalibrationChart::Fit,
        "calibration-report-caption-fit",
    )?;
    html.push_str(&h2("calibration-report-generations"));
    generations_table(&mut html, lang, &d);
    figure(
        &mut html,
        lang,
        &d,
        CalibrationChart::Generations,
        "calibration-report-caption-generations",
    )?;
    let code = |f: &str| format!("<code>{f}</code>");
    let _ = writeln!(
        html,
        "{}<p>{}</p></body></html>",
        h2("report-method-heading"),
        tr!(
            lang,
            "calibration-report-method",
            population = d.population.to_string(),
            replications = d.replications.to_string(),
            constrained = format!("{:.0}", 100.0 * CONSTRAINED_BELOW),
            uninformed = format!("{:.0}", 100.0 * UNINFORMED_FROM),
            docs = code("docs/calibration.md"),
            posterior = code("posterior.csv"),
            fit = code("fit.csv"),
            generations = code("generations.csv"),
            calibrated = code("calibrated.toml"),
            run = code("undercurrent run"),
            run_posterior = code("undercurrent run --posterior"),
        )
    );
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::calibration::FitRow;

    #[test]
    fn why_a_calibration_stopped_reads_as_the_manifest_says_it_in_english_and_in_dutch() {
        use crate::calibration::abc::Stop;
        let stops = [
            Stop::FinalTolerance,
            Stop::MaxGenerations,
            Stop::Budget,
            Stop::Stalled {
                from: 1.25,
                to: 1.2,
            },
        ];
        for stop in stops {
            let (from, to) = stop.stalled_between().unzip();
            let said = |lang| stop_text(lang, stop.key(), from, to).unwrap();
            assert_eq!(said(Lang::En), stop.describe(), "{stop:?}");
            let dutch = said(Lang::Nl);
            assert_ne!(dutch, stop.describe(), "{stop:?}");
            assert!(
                !dutch.contains("reached") && !dutch.contains("the "),
                "{dutch}"
            );
        }
        let stalled = stop_text(Lang::Nl, "stalled", Some(1.25), Some(1.2)).unwrap();
        assert!(stalled.contains("1,250000 naar 1,200000"), "{stalled}");
        assert_eq!(
            stop_text(Lang::Nl, "a_reason_of_a_newer_build", None, None),
            None
        );
    }

    fn parameter(name: &str, prior: Prior, values: Vec<f64>) -> ParameterPosterior {
        ParameterPosterior {
            name: name.into(),
            key: name.into(),
            prior,
            base: Some(0.5),
            values,
        }
    }

    fn data(parameters: Vec<ParameterPosterior>, fit: Vec<FitRow>) -> CalibrationData {
        let n = parameters[0].values.len();
        CalibrationData {
            name: "t".into(),
            description: String::new(),
            generation: 3,
            parameters,
            weights: vec![1.0; n],
            fit,
            generations: vec![],
            population: n,
            replications: 1,
        }
    }

    fn even(a: f64, b: f64, n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| a + (b - a) * (i as f64 + 0.5) / n as f64)
            .collect()
    }

    fn fit(target: &str, observed: f64, lo: f64, hi: f64) -> FitRow {
        FitRow {
            target: target.into(),
            observed,
            scale: 0.1,
            mean: (lo + hi) / 2.0,
            lo95: lo,
            hi95: hi,
        }
    }

    /// The reading in the pseudo-language keeps no English word outside the catalogue
    /// (parameter and target names are identifiers); in Dutch it has Dutch words and a
    /// decimal comma.
    #[test]
    fn the_reading_draws_its_words_from_the_catalogue() {
        let d = data(
            vec![
                parameter(
                    "a",
                    Prior::Uniform { lo: 0.0, hi: 1.0 },
                    even(0.0, 0.2, 200),
                ),
                parameter(
                    "b",
                    Prior::Uniform { lo: 0.0, hi: 1.0 },
                    even(0.0, 1.0, 200),
                ),
            ],
            vec![fit("x_mean", 0.5, 0.4, 0.6), fit("y_mean", 0.5, 0.6, 0.7)],
        );
        let r = reading(&d, Lang::Pseudo).join("\n");
        let plain = undercurrent_text::plain_words(&r, &["x_mean", "y_mean"]);
        assert!(plain.is_empty(), "{plain:?}\n{r}");
        let nl = reading(&d, Lang::Nl).join(" ");
        assert!(nl.contains("geloofwaardigheidsinterval"), "{nl}");
        assert!(nl.contains("0,5"), "{nl}");
        assert!(nl.contains("reproduceert deze doelwaarde niet"), "{nl}");
        let en = reading(&d, Lang::En).join(" ");
        assert!(en.contains("does not reproduce it."), "{en}");
    }

    #[test]
    fn a_posterior_at_its_priors_end_is_called_out_and_the_median_doubted() {
        let d = data(
            vec![parameter(
                "a",
                Prior::Uniform { lo: 0.0, hi: 1.0 },
                even(0.0, 0.2, 200),
            )],
            vec![],
        );
        let r = reading(&d, Lang::En).join(" ");
        assert!(
            r.contains("runs into the lower end of the prior (0)"),
            "{r}"
        );
        assert!(r.contains("pinned down"), "{r}");
    }

    #[test]
    fn an_uninformed_parameter_is_not_presented_as_learnt() {
        let d = data(
            vec![parameter(
                "b",
                Prior::Uniform { lo: 0.0, hi: 1.0 },
                even(0.0, 1.0, 200),
            )],
            vec![],
        );
        let r = reading(&d, Lang::En).join(" ");
        assert!(r.contains("hardly determined"), "{r}");
        assert!(!r.contains("pinned down"), "{r}");
    }

    #[test]
    fn the_fit_sentence_counts_and_names_the_targets_missed() {
        let d = data(
            vec![parameter(
                "c",
                Prior::Uniform { lo: 0.0, hi: 1.0 },
                even(0.4, 0.6, 50),
            )],
            vec![fit("x", 0.5, 0.4, 0.6), fit("y", 0.9, 0.4, 0.6)],
        );
        let r = reading(&d, Lang::En);
        assert!(r[0].starts_with("1 of 2 targets lie inside"), "{}", r[0]);
        assert!(r[0].contains("Outside: y;"), "{}", r[0]);
        assert!(r[1].contains("before calibration 0.500"), "{}", r[1]);
    }

    #[test]
    fn numbers_keep_three_significant_digits() {
        assert_eq!(sig(0.009065958), "0.00907");
        assert_eq!(sig(-2.588854), "\u{2212}2.59");
        assert_eq!(sig(3480.0), "3480");
        assert_eq!(sig(0.0), "0");
    }
}
