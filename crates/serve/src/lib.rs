//! `undercurrent serve`: the interactive explorer for consultants in front of a client.
//!
//! One binary serves a single page (embedded, no outside resource) where the user picks a
//! sector and maturity preset and a drive mix, composes intervention programmes, and sees
//! them against the baseline, computed live by the simulation core.
//!
//! - [`server`]: connections, their limits and timeouts, handlers on worker threads;
//! - [`guard`]: only this server's own page (Host, Origin, JSON) may ask;
//! - [`http`]: errors as JSON answers, replies, the cancel flag a gone client sets;
//! - [`routes`]: which path does what;
//! - [`request`]: request JSON → scenario TOML → checked [`Scenario`], and the limits;
//! - [`engine`]: runs with the burned-in-organisation and result caches;
//! - [`meta`]: the registries' part of `/api/meta` (metrics, parameters, intervention kinds);
//! - [`outcome`]: the answer (comparison, durability, reading, charts);
//! - [`download`]: the answer's files as `run` writes them (tables, report, summary, zip);
//! - [`meta`]: `/api/meta`'s vocabularies, derived from the model's declarations;
//! - [`stories`]: ready-made scenarios per source article;
//! - [`assets`]: the embedded page, script, style and fonts;
//! - [`cache`]: the bounded LRU both caches use.
//!
//! [`Scenario`]: crate::experiment::scenario::Scenario

pub use undercurrent_charts::{experiment, metrics, model, output, plot, report};

pub mod assets;
pub mod cache;
pub mod download;
pub mod engine;
pub mod guard;
pub mod http;
pub mod import;
pub mod meta;
pub mod outcome;
pub mod request;
pub mod routes;
pub mod server;
pub mod stories;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use serde_json::{json, Value as Json};

use crate::experiment::scenario::Scenario;
use crate::model::drives::DRIVE_NAMES;

pub use request::Limits;

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    /// 0 picks a free port (printed on stdout).
    pub port: u16,
    /// Simulation threads.
    pub threads: usize,
    /// Handler threads: requests answered at once (charts and the page while runs go on).
    /// Connections themselves hold no thread.
    pub workers: usize,
    /// No per-request log on stderr.
    pub quiet: bool,
    pub limits: Limits,
}

/// Shared by every worker.
pub struct App {
    pub engine: engine::Engine,
    pub limits: Limits,
    pub meta: Json,
    pub stories: Json,
    pub quiet: bool,
}

/// Simulations run at once; more wait (at most half the workers, so that some are always
/// free for the page and chart downloads) and beyond that get 503.
const RUNNING: usize = 2;

/// Binds, prints the address on stdout (one line, read by scripts and tests) and serves
/// until the process ends.
pub fn serve(opts: &ServeOptions) -> Result<(), String> {
    let app = Arc::new(App {
        engine: engine::Engine::new(opts.threads, RUNNING, (opts.workers / 2).max(1))?,
        limits: opts.limits,
        meta: meta(&opts.limits)?,
        stories: stories::all_json()?,
        quiet: opts.quiet,
    });
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener =
        std::net::TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "undercurrent explorer at http://{local}/ (Ctrl-C stops it)"
    );
    let _ = out.flush();
    drop(out);
    if !opts.bind.is_loopback() {
        eprintln!(
            "note: listening on {} — anyone who can reach this address can run simulations",
            opts.bind
        );
    }
    server::run(listener, app, opts.workers)
}

pub const SECTORS: [&str; 5] = [
    "retail",
    "transport",
    "hospitality",
    "government",
    "business_services",
];
pub const MATURITIES: [&str; 4] = ["ignore", "initiate", "mobilise", "transform"];

/// What the form needs to know: intervention kinds, presets (each sector × phase resolved by the
/// scenario parser itself, so the form shows the values a run will use), drives, defaults
/// and limits.
pub fn meta(limits: &Limits) -> Result<Json, String> {
    let mut presets = serde_json::Map::new();
    for sector in std::iter::once("").chain(SECTORS) {
        for maturity in std::iter::once("").chain(MATURITIES) {
            let mut src = String::new();
            if !sector.is_empty() {
                src.push_str(&format!("sector = \"{sector}\"\n"));
            }
            if !maturity.is_empty() {
                src.push_str(&format!("maturity = \"{maturity}\"\n"));
            }
            src.push_str("name = \"preset\"\n");
            let s = Scenario::parse(&src, "preset").map_err(|e| e.to_string())?;
            let o = &s.organisation;
            presets.insert(
                format!("{sector}|{maturity}"),
                json!({
                    "employees": o.employees,
                    "team_size": o.team_size,
                    "drive_mix": DRIVE_NAMES.iter().zip(o.drive_mix.as_array()).map(|(d, x)| (d.to_string(), json!(x))).collect::<serde_json::Map<_, _>>(),
                    "facilities": o.facilities,
                    "turnover_per_year": o.turnover_per_year,
                    "role_model_mean": s.managers.role_model_mean,
                }),
            );
        }
    }
    let d = Scenario::default();
    Ok(json!({
        "version": crate::output::manifest::version(),
        "interventions": meta::interventions(),
        "day_units": crate::model::days::DAY_UNITS,
        "sectors": SECTORS,
        "maturities": MATURITIES,
        "drives": DRIVE_NAMES,
        "metrics": meta::metrics(),
        "metric_groups": meta::metric_groups(),
        "chart_tabs": meta::chart_tabs(),
        "presets": presets,
        "defaults": {
            "name": request::DEFAULT_NAME,
            "seed": d.seed,
            "replications": request::DEFAULT_REPLICATIONS,
            "horizon_days": d.horizon_days,
            "burn_in_days": d.burn_in_days,
            "record_every": d.record_every,
        },
        "limits": limits,
        "parameters": meta::parameters(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sector_and_phase_the_form_offers_parses() {
        let m = meta(&Limits::default()).unwrap();
        assert_eq!(m["presets"].as_object().unwrap().len(), 30);
        assert_eq!(m["interventions"], meta::interventions());
    }
}
