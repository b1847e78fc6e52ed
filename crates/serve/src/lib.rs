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
pub mod start;
pub mod stories;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use serde_json::{json, Value as Json};
use undercurrent_text::{term, text, Lang};

use crate::experiment::scenario::Scenario;
use crate::model::drives::DRIVE_NAMES;

pub use request::Limits;
pub use start::ServeError;

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
    /// The language of the lines printed at start (the page picks its own).
    pub lang: Lang,
}

/// Shared by every worker.
pub struct App {
    pub engine: engine::Engine,
    pub limits: Limits,
    /// `/api/meta` in each language of the catalogue (built once: the words do not change).
    pub meta: PerLang,
    /// `/api/stories` in each language.
    pub stories: PerLang,
    pub quiet: bool,
    /// The language of the log on stderr: the command line's, not a request's.
    pub log_lang: Lang,
}

/// An answer built once per language of the catalogue (the pseudo-language included).
pub struct PerLang(Vec<(Lang, Json)>);

impl PerLang {
    /// Builds the answer for every language.
    pub fn build(f: impl Fn(Lang) -> Result<Json, String>) -> Result<PerLang, String> {
        [Lang::En, Lang::Nl, Lang::Pseudo]
            .into_iter()
            .map(|l| f(l).map(|j| (l, j)))
            .collect::<Result<_, _>>()
            .map(PerLang)
    }

    /// The answer in `lang`.
    pub fn get(&self, lang: Lang) -> &Json {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&self.0[0].1, |(_, j)| j)
    }
}

/// Simulations run at once; more wait (at most half the workers, so that some are always
/// free for the page and chart downloads) and beyond that get 503.
const RUNNING: usize = 2;

/// Binds, prints the address on stdout (one line, read by scripts and tests) and serves
/// until the process ends.
pub fn serve(opts: &ServeOptions) -> Result<(), ServeError> {
    let app = Arc::new(App {
        engine: engine::Engine::new(opts.threads, RUNNING, (opts.workers / 2).max(1))
            .map_err(ServeError::Threads)?,
        limits: opts.limits,
        meta: PerLang::build(|lang| meta(&opts.limits, lang)).map_err(ServeError::Answers)?,
        stories: PerLang::build(stories::all_json).map_err(ServeError::Answers)?,
        quiet: opts.quiet,
        log_lang: opts.lang,
    });
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listen = |source| ServeError::Listen { addr, source };
    let listener = std::net::TcpListener::bind(addr).map_err(listen)?;
    let local = listener.local_addr().map_err(listen)?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", start::address_line(opts.lang, local));
    let _ = out.flush();
    drop(out);
    if !opts.bind.is_loopback() {
        eprintln!("{}", start::exposed_line(opts.lang, opts.bind));
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

/// The words of the `sector` family of terms: each sector's English name.
pub fn sector_terms() -> Vec<(String, String)> {
    SECTORS
        .iter()
        .map(|s| (s.to_string(), s.replace('_', " ")))
        .collect()
}

/// The arms of the embedded default and of every story: the names the page labels with the
/// catalogue's `arm` terms (a user's own arm keeps its name with spaces). Parsed once: the
/// page's metadata asks for them on every load and language.
pub fn arm_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(parse_arm_names)
}

fn parse_arm_names() -> Vec<String> {
    let mut names: Vec<String> = Scenario::embedded_default()
        .arms
        .into_iter()
        .map(|a| a.name)
        .collect();
    for story in &stories::STORIES {
        if let Ok(s) = Scenario::parse(story.toml, story.id) {
            names.extend(s.arms.into_iter().map(|a| a.name));
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The words of the `preset` family of terms: each maturity phase's English name.
pub fn preset_terms() -> Vec<(String, String)> {
    MATURITIES
        .iter()
        .map(|m| (m.to_string(), m.to_string()))
        .collect()
}

/// Every message of the page (`page-*` in the catalogue) in `lang`: what `t()` of app.js
/// reads. A message's variables stay as `{$name}` for the page to fill in.
pub fn page_text(lang: Lang) -> Json {
    undercurrent_text::message_ids(Lang::En)
        .into_iter()
        .filter(|id| id.starts_with("page-"))
        .map(|id| {
            let t = text(lang, &id);
            (id, Json::String(t))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// What the form needs to know, its words in `lang`: intervention kinds, presets (each
/// sector × phase resolved by the scenario parser itself, so the form shows the values a
/// run will use), drives, defaults, limits, and the page's own messages (`text`).
pub fn meta(limits: &Limits, lang: Lang) -> Result<Json, String> {
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
        "lang": lang.code(),
        "languages": Lang::OFFERED.iter().map(|l| json!({"code": l.code(), "name": l.endonym()})).collect::<Vec<_>>(),
        "text": page_text(lang),
        "interventions": meta::interventions(lang),
        "day_units": crate::model::days::DAY_UNITS,
        "sectors": SECTORS,
        "sector_titles": sector_terms().iter().map(|(k, e)| (k.clone(), json!(term(lang, "sector", k, e)))).collect::<serde_json::Map<_, _>>(),
        "arm_titles": arm_names().iter().map(|a| (a.clone(), json!(crate::plot::charts::common::arm_label(lang, a)))).collect::<serde_json::Map<_, _>>(),
        "maturities": MATURITIES,
        "maturity_titles": preset_terms().iter().map(|(k, e)| (k.clone(), json!(term(lang, "preset", k, e)))).collect::<serde_json::Map<_, _>>(),
        "drives": DRIVE_NAMES,
        "drive_titles": DRIVE_NAMES.iter().map(|d| (d.to_string(), json!(term(lang, "param", &format!("drive.{d}"), d)))).collect::<serde_json::Map<_, _>>(),
        "metrics": meta::metrics(lang),
        "metric_groups": meta::metric_groups(lang),
        "chart_tabs": meta::chart_tabs(lang),
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
        "parameters": meta::parameters(lang),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sector_and_phase_the_form_offers_parses() {
        let m = meta(&Limits::default(), Lang::En).unwrap();
        assert_eq!(m["presets"].as_object().unwrap().len(), 30);
        assert_eq!(m["interventions"], meta::interventions(Lang::En));
    }

    #[test]
    fn every_sector_and_phase_has_a_dutch_term() {
        for (family, terms) in [("sector", sector_terms()), ("preset", preset_terms())] {
            for (key, _) in terms {
                let id = undercurrent_text::term_id(family, &key);
                assert!(
                    undercurrent_text::has(Lang::Nl, &id),
                    "add {id} to locales/nl/terms-{family}.ftl"
                );
            }
        }
    }

    #[test]
    fn the_page_gets_its_messages_in_the_language_asked() {
        let en = meta(&Limits::default(), Lang::En).unwrap();
        let nl = meta(&Limits::default(), Lang::Nl).unwrap();
        assert_eq!(nl["lang"], "nl");
        assert_eq!(en["text"]["page-heading-organisation"], "Organisation");
        assert_eq!(nl["text"]["page-heading-organisation"], "Organisatie");
        assert_eq!(nl["sector_titles"]["retail"], "detailhandel");
    }
}
