//! `run --posterior DIR`: every replication of a run draws its parameter values from a
//! calibration's posterior (the last generation of `DIR/posterior.csv`, by weight), from a
//! stream keyed by (the run's seed, replication), so the run stays reproducible and
//! independent of the thread count.

use std::path::Path;

use super::file::Calibration;
use super::run::{POSTERIOR, RESOLVED};
use crate::experiment::scenario::Scenario;
use crate::experiment::sweep::apply;
use crate::model::rng::{key, stream_from_key, unit_f64};
use crate::output::run::PosteriorDraws;
use crate::output::tables::num;

/// Stream-key tag of the posterior draws.
const TAG_DRAW: u64 = 0x4341_4C49_425F_4457; // "CALIB_DW"

/// A particle: its weight and its parameter values.
pub type WeightedValues = (f64, Vec<f64>);

/// The last generation of a calibration directory: the calibration, and each particle's
/// weight and values.
pub fn read_posterior(dir: &Path) -> Result<(Calibration, Vec<WeightedValues>), String> {
    let cal = Calibration::load(&dir.join(RESOLVED)).map_err(|e| {
        format!(
            "{}: not a calibration directory ({RESOLVED}: {e})",
            dir.display()
        )
    })?;
    let path = dir.join(POSTERIOR);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let k = cal.parameters.len();
    let mut rows: Vec<(usize, f64, Vec<f64>)> = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        let bad = || format!("{}:{}: not a posterior row", path.display(), i + 1);
        if f.len() < 3 + k {
            return Err(bad());
        }
        let g: usize = f[0].trim().parse().map_err(|_| bad())?;
        let w: f64 = f[2].trim().parse().map_err(|_| bad())?;
        let v: Vec<f64> = f[3..3 + k]
            .iter()
            .map(|x| x.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        if !(w >= 0.0 && w.is_finite()) || v.iter().any(|x| !x.is_finite()) {
            return Err(bad());
        }
        rows.push((g, w, v));
    }
    let last = rows
        .iter()
        .map(|r| r.0)
        .max()
        .ok_or_else(|| format!("{}: no particles", path.display()))?;
    let particles: Vec<WeightedValues> = rows
        .into_iter()
        .filter(|r| r.0 == last)
        .map(|r| (r.1, r.2))
        .collect();
    if particles.iter().map(|p| p.0).sum::<f64>() <= 0.0 {
        return Err(format!("{}: the weights sum to zero", path.display()));
    }
    Ok((cal, particles))
}

/// One scenario per replication of `s`, each with the values of a particle drawn by weight
/// (keyed by `s.seed` and the replication), set by the calibration's key paths; and the
/// table of the draws.
pub fn draw(s: &Scenario, dir: &Path) -> Result<PosteriorDraws, String> {
    let (cal, particles) = read_posterior(dir)?;
    let tree = toml::Table::try_from(s).map_err(|e| e.to_string())?;
    let targets: Vec<apply::Target> = cal
        .parameters
        .iter()
        .map(|p| {
            apply::resolve(&tree, &p.key).map_err(|e| {
                format!(
                    "the calibration's parameter `{}` is not in this scenario: {e}",
                    p.key
                )
            })
        })
        .collect::<Result<_, _>>()?;
    let total: f64 = particles.iter().map(|p| p.0).sum();
    let mut table = String::from("replication,particle");
    for p in &cal.parameters {
        table.push(',');
        table.push_str(&p.name);
    }
    table.push('\n');
    let mut scenarios = Vec::with_capacity(s.replications);
    for r in 0..s.replications {
        let mut rng = stream_from_key(key(&[s.seed, TAG_DRAW, r as u64]));
        let u = unit_f64(&mut rng) * total;
        let mut acc = 0.0;
        let mut pick = particles.len() - 1;
        for (j, p) in particles.iter().enumerate() {
            acc += p.0;
            if u < acc {
                pick = j;
                break;
            }
        }
        let values = &particles[pick].1;
        let mut t = tree.clone();
        for (target, &v) in targets.iter().zip(values) {
            apply::set(&mut t, target, v)?;
        }
        let sc: Scenario = t
            .try_into()
            .map_err(|e: toml::de::Error| e.message().to_string())?;
        let problems = sc.problems();
        if !problems.is_empty() {
            return Err(format!(
                "particle {pick} does not make a valid scenario: {}",
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        table.push_str(&format!("{r},{pick}"));
        for v in values {
            table.push(',');
            table.push_str(&num(*v));
        }
        table.push('\n');
        scenarios.push(sc);
    }
    Ok(PosteriorDraws { scenarios, table })
}
