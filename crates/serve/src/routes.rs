//! Which path does what. Every route answers JSON errors; an unknown path is a 404 and a
//! known path with the wrong method a 405 naming the allowed one.
//!
//! | method | path | answer |
//! |---|---|---|
//! | GET | `/`, `/assets/…` | the page, its script, style and fonts |
//! | GET | `/api/meta` | intervention kinds, presets, drives, defaults, limits (fills the form); parameters with their bounds; metrics (title, unit, axis, group, kind, better), their groups, chart tabs |
//! | GET | `/api/stories` | the ready-made stories as scenario JSON |
//! | POST | `/api/run` | runs a scenario (JSON): comparison, durability, reading, SVG charts |
//! | POST | `/api/run/after/<done>` | the next answer of a progressive run, for a page that has the one from `done` replications: from more of them (about 0.35 s of simulation more), or all; `stats.done` of `stats.of` says which |
//! | POST | `/api/export` | the scenario (JSON) as a TOML file `undercurrent run` accepts |
//! | POST | `/api/import` | a scenario file (`{"name", "toml"}`) checked, as the JSON the form edits |
//! | GET | `/api/chart/<id>/<chart>.png` or `.svg` | a chart of a finished run, for download |
//! | GET | `/api/download/<id>/<file>` | a file `run` writes for that scenario (`report.html`, `summary.html`, `timeseries.csv`, …, `manifest.json`), or `<name>.zip` with all of them |

use super::http::{ApiError, Incoming, Method, Reply};
use super::{assets, download, import, request, App};
use undercurrent_text::{tr, Lang};

/// Dispatches one request.
pub fn route(app: &App, rq: &Incoming) -> Result<Reply, ApiError> {
    let path = rq.path;
    let (allow, get, post) = match path {
        "/api/run" | "/api/export" | "/api/import" => ("POST", false, true),
        p if p.starts_with("/api/run/after/") => ("POST", false, true),
        "/api/meta" | "/api/stories" => ("GET", true, false),
        p if p.starts_with("/api/chart/") || p.starts_with("/api/download/") => {
            ("GET", true, false)
        }
        p if assets::find(p).is_some() => ("GET", true, false),
        _ => {
            return Err(ApiError::not_found(tr!(
                rq.lang,
                "serve-error-no-such-path",
                path = path
            )))
        }
    };
    let ok = match rq.method {
        Method::Get => get,
        Method::Post => post,
        _ => false,
    };
    if !ok {
        let mut e = ApiError::new(
            405,
            tr!(
                rq.lang,
                "serve-error-method",
                method = rq.method.to_string(),
                path = path,
                allow = allow
            ),
        );
        e.allow = Some(allow);
        return Err(e);
    }
    match path {
        "/api/meta" => Ok(Reply::json(200, app.meta.get(rq.lang))),
        "/api/stories" => Ok(Reply::json(200, app.stories.get(rq.lang))),
        "/api/run" => run(app, rq, None),
        p if p.starts_with("/api/run/after/") => {
            let done = p["/api/run/after/".len()..].parse::<usize>().map_err(|_| {
                ApiError::not_found(tr!(rq.lang, "serve-error-run-after", path = p))
            })?;
            run(app, rq, Some(done))
        }
        "/api/export" => export(app, rq.body, rq.lang),
        "/api/import" => {
            import::import(rq.body, &app.limits, rq.lang).map(|j| Reply::json(200, &j))
        }
        p if p.starts_with("/api/chart/") => chart(app, &p["/api/chart/".len()..], rq.lang),
        p if p.starts_with("/api/download/") => {
            download(app, &p["/api/download/".len()..], rq.lang)
        }
        p => match assets::find(p) {
            Some(a) => {
                let r = Reply::bytes(a.content_type, a.body.to_vec());
                // Fonts never change within a build; the page and script are small.
                Ok(if a.content_type.starts_with("font/") {
                    r.cache_for(86_400)
                } else {
                    r
                })
            }
            None => Err(ApiError::not_found(tr!(
                rq.lang,
                "serve-error-no-such-file",
                path = p
            ))),
        },
    }
}

/// `POST /api/run`: `{"stats": {...}, "result": {...}}`. With `after = Some(done)`
/// (`POST /api/run/after/<done>`), the next answer of a progressive run: from the first
/// `stats.done` of `stats.of` replications (see [`crate::engine::Engine::run_after`]).
///
/// The answer's words and charts are in `rq.lang`, kept under an id of their own.
fn run(app: &App, rq: &Incoming, after: Option<usize>) -> Result<Reply, ApiError> {
    let req = request::parse(rq.body, &app.limits, rq.lang)?;
    let (outcome, stats) = match after {
        None => app.engine.run(&req, rq.lang, rq.cancel)?,
        Some(done) => app.engine.run_after(&req, done, rq.lang, rq.cancel)?,
    };
    if !app.quiet {
        let l = app.log_lang;
        let whole = if stats.cached_result {
            tr!(l, "serve-log-whole-cached")
        } else {
            String::new()
        };
        eprintln!(
            "{}",
            tr!(
                l,
                "serve-log-run",
                id = outcome.id.clone(),
                arms = req.scenario.arms.len().to_string(),
                done = stats.done.to_string(),
                of = stats.of.to_string(),
                employees = req.scenario.organisation.employees.to_string(),
                ms = format!("{:.0}", stats.compute_ms),
                simulating = format!("{:.0}", stats.simulate_ms),
                cached = stats.cached_replications.to_string(),
                replications = stats.replications.to_string(),
                whole = whole
            )
        );
    }
    let stats = serde_json::to_string(&stats).unwrap_or_else(|_| "{}".into());
    let text = format!("{{\"stats\":{stats},\"result\":{}}}", outcome.json_text);
    let mut r = Reply::bytes("application/json; charset=utf-8", text.into_bytes());
    r.status = 200;
    Ok(r)
}

/// `POST /api/export`: the scenario file, checked like a run (so it is one `run` accepts).
fn export(app: &App, body: &[u8], lang: Lang) -> Result<Reply, ApiError> {
    let req = request::parse(body, &app.limits, lang)?;
    let name = format!("{}.toml", request::file_stem(&req.scenario.name));
    Ok(Reply::bytes("application/toml; charset=utf-8", req.toml.into_bytes()).attachment(&name))
}

/// `GET /api/chart/<id>/<stem>.<png|svg>`, drawn in the language of the answer `id` names
/// (a Dutch page's download is the Dutch chart it shows, whatever the browser's language).
fn chart(app: &App, rest: &str, lang: Lang) -> Result<Reply, ApiError> {
    let bad = || ApiError::not_found(tr!(lang, "serve-error-no-such-chart", rest = rest));
    let (id, file) = rest.split_once('/').ok_or_else(bad)?;
    let (stem, ext) = file.rsplit_once('.').ok_or_else(bad)?;
    if !matches!(ext, "png" | "svg") {
        return Err(bad());
    }
    let outcome = app
        .engine
        .result(id)
        .ok_or_else(|| ApiError::not_found(tr!(lang, "serve-error-result-gone", id = id)))?;
    let kind = outcome.chart(stem).ok_or_else(bad)?;
    let name = format!("{}_{stem}.{ext}", outcome.data.scenario);
    let drawn = if ext == "png" {
        crate::plot::render_png_bytes(&outcome.data, kind, outcome.lang)
            .map(|b| Reply::bytes("image/png", b))
    } else {
        crate::plot::render_svg_string(&outcome.data, kind, outcome.lang)
            .map(|s| Reply::bytes("image/svg+xml", s.into_bytes()))
    };
    drawn.map(|r| r.attachment(&name)).map_err(|e| {
        eprintln!("drawing {stem}: {e}");
        ApiError::internal(&format!("drawing the chart {stem}"))
    })
}

/// `GET /api/download/<id>/<file>`: one of the files `run` writes, or all of them zipped;
/// the report and summary in the language of the answer `id` names.
fn download(app: &App, rest: &str, lang: Lang) -> Result<Reply, ApiError> {
    let bad = || ApiError::not_found(tr!(lang, "serve-error-no-such-download", rest = rest));
    let (id, name) = rest.split_once('/').ok_or_else(bad)?;
    let outcome = app
        .engine
        .result(id)
        .ok_or_else(|| ApiError::not_found(tr!(lang, "serve-error-result-gone", id = id)))?;
    let bytes = download::file(&outcome, name)?.ok_or_else(bad)?;
    let kind = match name.rsplit_once('.').map(|(_, e)| e) {
        Some("html") => "text/html; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        _ => "application/zip",
    };
    let stem = request::file_stem(&outcome.scenario.name);
    let shown = if name.ends_with(".zip") {
        name.to_string()
    } else {
        format!("{stem}_{name}")
    };
    Ok(Reply::bytes(kind, bytes).attachment(&shown))
}
