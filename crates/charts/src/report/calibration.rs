//! A calibration's `report.html`, in the house style of the run report: what the targets
//! determined about each parameter (and what they did not), how well the posterior fits
//! every target, how the generations went, and the method. Like the run report it is one
//! self-contained file: inline SVG charts, inline styles, no script.
//!
//! The sentences come from [`identification`](crate::calibration::identification) and the
//! fit table only, so the text can never claim more than the numbers beside it.

use std::fmt::Write as _;
use std::path::Path;

use undercurrent_text::Lang;

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
fn sig(x: f64) -> String {
    if !x.is_finite() {
        return "NA".into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let k = x.abs().log10().floor() as i32;
    let decimals = (2 - k).clamp(0, 12) as usize;
    format!("{x:.decimals$}").replace('-', "\u{2212}")
}

/// How a prior reads in a table: `uniform on [0.1, 1.5]`.
fn prior_text(p: &Prior) -> String {
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
        Prior::Uniform { .. } => format!("uniform on [{}, {}]", end(lo), end(hi)),
        Prior::LogUniform { .. } => format!("log-uniform on [{}, {}]", end(lo), end(hi)),
        Prior::Normal { mean, sd, .. } => format!(
            "normal ({}, sd {}) on [{}, {}]",
            sig(mean),
            sig(sd),
            end(lo),
            end(hi)
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
fn strength_text(id: &Identification) -> String {
    let pct = format!("{:.0}%", 100.0 * id.width_ratio);
    match id.strength {
        Strength::Constrained => {
            format!("pinned down by the targets: its 90% credible interval spans {pct} of the prior's")
        }
        Strength::Partly => format!(
            "partly determined by the targets: its 90% credible interval still spans {pct} of the prior's"
        ),
        Strength::Uninformed => format!(
            "hardly determined by the targets: its 90% credible interval spans {pct} of the prior's, so its median mostly restates the prior"
        ),
    }
}

/// The sentence on a posterior that runs into an end of its prior, if it does.
fn edge_text(s: &Summary) -> Option<String> {
    let (lo, hi) = s.p.prior.support();
    s.id.edge.map(|e| {
        let (end, bound, direction) = match e {
            End::Lower => ("lower", lo, "smaller"),
            End::Upper => ("upper", hi, "larger"),
        };
        format!(
            "Its posterior runs into the {end} end of the prior ({}): the targets may favour {direction} values than the prior admits, and the median is held up by that end; widen the prior before relying on it.",
            sig(bound)
        )
    })
}

/// The reading: the fit in one sentence, then one paragraph per parameter. Pure, so tests
/// can hold it against constructed posteriors.
pub fn reading(d: &CalibrationData) -> Vec<String> {
    let mut out = Vec::new();
    if !d.fit.is_empty() {
        let inside = d.fit.iter().filter(|r| r.inside()).count();
        let mut s = format!(
            "{inside} of {} targets lie inside the 95% interval of the posterior predictive (new simulations with parameters drawn from the posterior).",
            d.fit.len()
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
                " Outside: {}; the model with these parameters does not reproduce {}.",
                outside.join(", "),
                if outside.len() == 1 { "it" } else { "them" }
            );
        }
        out.push(s);
    }
    for s in summarise(d) {
        let mut t = format!(
            "{}: median {}, 90% credible interval {} to {}",
            s.p.name,
            sig(s.median),
            sig(s.lo),
            sig(s.hi)
        );
        if let Some(b) = s.p.base {
            let _ = write!(t, " (before calibration {})", sig(b));
        }
        let _ = write!(t, "; {}.", strength_text(&s.id));
        if let Some(e) = edge_text(&s) {
            t.push(' ');
            t.push_str(&e);
        }
        out.push(t);
    }
    out
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
        "<h1>Calibration: {}</h1><p class=\"sub\">{}</p><h2>Summary</h2>",
        escape(&d.name),
        escape(&d.description)
    );
    let tolerance = m
        .and_then(|m| m.final_tolerance_reached)
        .map(sig)
        .unwrap_or_default();
    let rows = [
        ("parameters fitted", d.parameters.len().to_string()),
        ("targets", d.fit.len().to_string()),
        (
            "particles × replications",
            format!("{} × {}", d.population, d.replications),
        ),
        ("generations", (d.generation + 1).to_string()),
        ("simulations", number(m.and_then(|m| m.simulations))),
        ("stopped because", text(m.and_then(|m| m.stopped.as_ref()))),
        ("last tolerance (distance in target scales)", tolerance),
        ("seed", number(m.and_then(|m| m.seed))),
        (
            "produced by",
            if m.is_some_and(|m| m.tool.is_none()) {
                format!("undercurrent{}", produced_by(lang, m))
            } else {
                produced_by(lang, m)
            },
        ),
    ];
    key_value_table(html, &rows);
    Ok(())
}

fn posterior_table(html: &mut String, d: &CalibrationData) {
    html.push_str("<table><tr><th>parameter</th><th>prior</th><th>before calibration</th><th>posterior median</th><th>90% credible interval</th><th>share of the prior's 90% range still open</th></tr>");
    for s in summarise(d) {
        let _ = write!(
            html,
            "<tr><th><code>{}</code></th><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} to {}</td><td class=\"n\">{:.0}%{}</td></tr>",
            escape(&s.p.key),
            escape(&prior_text(&s.p.prior)),
            s.p.base.map(sig).unwrap_or_else(|| "—".into()),
            sig(s.median),
            sig(s.lo),
            sig(s.hi),
            100.0 * s.id.width_ratio,
            match s.id.edge {
                Some(End::Lower) => " (at the prior's lower end)",
                Some(End::Upper) => " (at the prior's upper end)",
                None => "",
            }
        );
    }
    html.push_str("</table>");
}

fn fit_table(html: &mut String, d: &CalibrationData) {
    html.push_str("<table><tr><th>target</th><th>observed</th><th>scale (standard error or tolerance)</th><th>posterior predictive mean</th><th>95% interval</th><th>observed inside?</th></tr>");
    for r in &d.fit {
        let _ = write!(
            html,
            "<tr><th><code>{}</code></th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} to {}</td><td>{}</td></tr>",
            escape(&r.target),
            sig(r.observed),
            sig(r.scale),
            sig(r.mean),
            sig(r.lo95),
            sig(r.hi95),
            if r.inside() { "yes" } else { "<span class=\"changed\">no</span>" }
        );
    }
    html.push_str("</table>");
}

fn generations_table(html: &mut String, d: &CalibrationData) {
    html.push_str("<table><tr><th>generation</th><th>tolerance</th><th>proposals accepted</th><th>effective sample size</th><th>simulations so far</th></tr>");
    for g in &d.generations {
        let _ = write!(
            html,
            "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0}%</td><td class=\"n\">{:.0}</td><td class=\"n\">{:.0}</td></tr>",
            g.generation,
            if g.tolerance.is_finite() { sig(g.tolerance) } else { "none (prior)".into() },
            100.0 * g.acceptance_rate,
            g.ess,
            g.simulations_total
        );
    }
    html.push_str("</table>");
}

fn figure(
    html: &mut String,
    d: &CalibrationData,
    c: CalibrationChart,
    caption: &str,
) -> Result<(), ReportError> {
    if c.applies(d) {
        inline_figure(html, c.file_stem(), &c.svg(d)?, Some(caption));
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
        &format!("{} · undercurrent calibration report", d.name),
    );
    summary_section(&mut html, lang, &d, dir)?;
    html.push_str("<h2>What the targets determined</h2><div class=\"reading\">");
    for p in reading(&d) {
        let _ = write!(html, "<p>{}</p>", escape(&p));
    }
    html.push_str("</div><h2>Posterior</h2>");
    posterior_table(&mut html, &d);
    figure(&mut html, &d, CalibrationChart::Posterior, "Weighted histogram of each parameter in the last generation (blue), the prior's density (orange line) and the value before calibration (dashed). Parameters with a log-uniform prior are drawn on a log scale, where that prior is flat.")?;
    figure(&mut html, &d, CalibrationChart::Pairs, "Each pair of parameters in the last generation; a band running across a panel is a trade-off the targets cannot resolve (either parameter can produce the same statistics).")?;
    html.push_str("<h2>Fit to the targets</h2>");
    fit_table(&mut html, &d);
    figure(&mut html, &d, CalibrationChart::Fit, "Distance of the posterior predictive from each observed value, in units of the target's scale: 0 is a perfect fit, ±2 about two standard errors.")?;
    html.push_str("<h2>Generations</h2>");
    generations_table(&mut html, &d);
    figure(&mut html, &d, CalibrationChart::Generations, "Tolerance (largest distance accepted, in target scales) and share of proposals accepted, per generation.")?;
    let _ = writeln!(
        html,
        "<h2>Method</h2><p>Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC: Toni et al. 2009; Beaumont et al. 2009). Generation 0 draws {pop} particles from the priors; each later generation proposes particles by perturbing the previous population with a multivariate normal kernel of twice its weighted covariance (Filippi et al. 2013), simulates each with {reps} replications of the base scenario under common random numbers, and accepts it when the distance between its statistics and the observed values, each divided by its scale, is within the tolerance: a quantile of the previous generation's distances (Del Moral et al. 2012). Accepted particles are weighted by prior density over proposal density. The posterior is the last generation; the posterior predictive in the fit table simulates every final particle once more with fresh seeds. A parameter counts as pinned down when its 90% credible interval spans less than {c:.0}% of its prior's central 90% range, and as hardly determined from {u:.0}% on (on a log scale for log-uniform priors). The file format and every option are in <code>docs/calibration.md</code>; the numbers are in <code>posterior.csv</code>, <code>fit.csv</code> and <code>generations.csv</code>, and <code>calibrated.toml</code> is the base scenario with the posterior medians, ready for <code>undercurrent run</code> (or use <code>undercurrent run --posterior</code> on this directory to carry the whole posterior into a forecast).</p></body></html>",
        pop = d.population,
        reps = d.replications,
        c = 100.0 * CONSTRAINED_BELOW,
        u = 100.0 * UNINFORMED_FROM,
    );
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::calibration::FitRow;

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
        let r = reading(&d).join(" ");
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
        let r = reading(&d).join(" ");
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
        let r = reading(&d);
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
