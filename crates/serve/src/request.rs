//! What a client may ask the explorer to run: a scenario written as JSON, turned into the
//! scenario TOML that `undercurrent run` reads and parsed by the same parser, then held to
//! the explorer's limits.
//!
//! Going through the TOML text rather than building a [`Scenario`] field by field keeps
//! three things equal by construction: presets fill exactly the keys the request leaves out
//! (as they do for a file), every value is validated by the model's own checks (key path and
//! allowed range), and the exported TOML is the very text that was run.

use serde_json::Value as Json;
use undercurrent_text::{text, tr, Lang};

use crate::experiment::budget;
use crate::experiment::scenario::{Scenario, ScenarioError};

use super::http::ApiError;

/// Explorer defaults for keys a request leaves out. They are the `run` defaults except the
/// replication count (10 instead of 20): with the baseline cached, 10 replications of the
/// default organisation answer in well under a second on two cores.
pub const DEFAULT_NAME: &str = "explorer";
pub const DEFAULT_REPLICATIONS: i64 = 10;

/// Bounds that keep one request from taking the server down. A request over a limit gets a
/// 422 naming the limit; `undercurrent run` has none of them.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Limits {
    /// Request body (bytes); larger bodies get 413 before anything is parsed.
    pub max_body_bytes: usize,
    pub max_employees: usize,
    pub max_replications: usize,
    pub max_horizon_days: i64,
    pub max_burn_in_days: i64,
    /// Arms including the baseline.
    pub max_arms: usize,
    pub max_interventions_per_arm: usize,
    /// Recorded days per arm (horizon / record_every): bounds the response and chart size.
    pub max_recorded_days: i64,
    /// Work one request may ask for, in employee-days at the default 8 contacts a day:
    /// employees × replications × (burn-in + horizon × arms) × the cost of an employee-day
    /// relative to the default (see [`work`]). 150 million take about 20 s on this
    /// project's 2-core machine.
    pub max_employee_days: f64,
    /// Memory one request may need (bytes, the scenario checks' own estimate with its
    /// replications running two at a time): the explorer keeps serving others meanwhile.
    pub max_memory_bytes: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 64 * 1024,
            max_employees: 20_000,
            max_replications: 50,
            max_horizon_days: 2_500,
            max_burn_in_days: 1_000,
            max_arms: 6,
            max_interventions_per_arm: 12,
            max_recorded_days: 1_000,
            max_employee_days: 150e6,
            max_memory_bytes: 1024.0 * 1024.0 * 1024.0,
        }
    }
}

/// A request turned into a scenario, and the TOML text it was parsed from.
#[derive(Debug, Clone)]
pub struct ScenarioRequest {
    pub scenario: Scenario,
    /// The scenario as a file `undercurrent run` accepts (header comment included).
    pub toml: String,
}

/// Top-level keys a scenario file has that the explorer does not take: agent-level
/// snapshots can be large, and the explorer's downloads hold the files of the comparison
/// alone (the tables, report and summary).
pub const REFUSED_KEYS: [&str; 6] = [
    "employee_snapshots",
    "employee_snapshot_every",
    "teams",
    "per_replication",
    "windows",
    "claims",
];

/// Why the explorer does not take the refused `key`, in `lang` (`serve-refused-<key>`).
pub fn refused_why(lang: Lang, key: &str) -> String {
    text(lang, &format!("serve-refused-{}", key.replace('_', "-")))
}

/// `x` with `decimals` decimals as the messages have always written it in English (no
/// thousands separator), with a decimal comma in Dutch.
fn dec(lang: Lang, x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En | Lang::Pseudo => s,
    }
}

/// Parses a request body (JSON) into a scenario within `limits`; its errors in `lang`.
pub fn parse(body: &[u8], limits: &Limits, lang: Lang) -> Result<ScenarioRequest, ApiError> {
    let body_text = std::str::from_utf8(body).map_err(|e| {
        ApiError::bad_request(tr!(lang, "serve-error-not-utf8", byte = e.valid_up_to()))
    })?;
    if body_text.trim().is_empty() {
        return Err(ApiError::bad_request(text(lang, "serve-error-empty")));
    }
    let json: Json = serde_json::from_str(body_text).map_err(|e| {
        ApiError::bad_request(tr!(lang, "serve-error-not-json", reason = e.to_string()))
    })?;
    from_json(json, limits, lang)
}

/// Turns a JSON scenario into a checked scenario; the explorer's own errors in `lang` (the
/// scenario parser's stay in English for now).
pub fn from_json(json: Json, limits: &Limits, lang: Lang) -> Result<ScenarioRequest, ApiError> {
    let Json::Object(mut map) = json else {
        return Err(ApiError::bad_request(tr!(
            lang,
            "serve-error-not-object",
            kind = kind_of(lang, &json)
        )));
    };
    for key in REFUSED_KEYS {
        if map.get(key).is_some_and(|v| !v.is_null()) {
            let why = refused_why(lang, key);
            return Err(ApiError::unprocessable(format!("`{key}`: {why}")).with_key(key));
        }
    }
    strip_nulls_in_map(&mut map);
    check_counts(&map, limits, lang)?;
    map.entry("name")
        .or_insert_with(|| Json::String(DEFAULT_NAME.into()));
    map.entry("replications")
        .or_insert_with(|| Json::from(DEFAULT_REPLICATIONS));
    let stem = file_stem(
        map.get("name")
            .and_then(Json::as_str)
            .unwrap_or(DEFAULT_NAME),
    );
    let body = to_toml(&Json::Object(map), lang)?;
    let toml = format!(
        "# Scenario exported from the undercurrent explorer.\n# Run it with: undercurrent run {stem}.toml\n{body}"
    );
    let scenario = Scenario::parse(&toml, "request").map_err(|e| scenario_error(e, false))?;
    check_limits(&scenario, limits, lang)?;
    Ok(ScenarioRequest { scenario, toml })
}

/// The exported file's name (without `.toml`): the scenario's name made safe for a file
/// name, as the download offers it.
pub fn file_stem(name: &str) -> String {
    let stem = crate::plot::sanitize(name);
    if stem.is_empty() {
        "scenario".to_string()
    } else {
        stem
    }
}

fn kind_of(lang: Lang, v: &Json) -> String {
    let id = match v {
        Json::Null => "serve-json-null",
        Json::Bool(_) => "serve-json-boolean",
        Json::Number(_) => "serve-json-number",
        Json::String(_) => "serve-json-string",
        Json::Array(_) => "serve-json-array",
        Json::Object(_) => "serve-json-object",
    };
    text(lang, id)
}

/// `null` means "not set": the key is left out, so the default or the preset applies.
fn strip_nulls_in_map(map: &mut serde_json::Map<String, Json>) {
    map.retain(|_, v| !v.is_null());
    for v in map.values_mut() {
        strip_nulls(v);
    }
}

fn strip_nulls(v: &mut Json) {
    match v {
        Json::Object(m) => strip_nulls_in_map(m),
        Json::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// JSON to TOML text. TOML has no null (removed before) and no integers beyond i64.
fn to_toml(json: &Json, lang: Lang) -> Result<String, ApiError> {
    let value = toml::Value::try_from(json).map_err(|e| {
        ApiError::bad_request(tr!(
            lang,
            "serve-error-not-toml-number",
            reason = e.to_string()
        ))
    })?;
    toml::to_string(&value).map_err(|e| {
        ApiError::bad_request(tr!(lang, "serve-error-not-toml", reason = e.to_string()))
    })
}

/// A scenario parser error as the client sees it, with the keys concerned so that a form
/// can mark its fields. `located` keeps the `origin:line:column:` position: useful for a
/// file the user wrote, noise for JSON the page wrote (the key path names the field).
pub fn scenario_error(e: ScenarioError, located: bool) -> ApiError {
    let text = if located { Some(e.to_string()) } else { None };
    match e {
        ScenarioError::Syntax { message, .. } => {
            let key = message
                .strip_prefix('`')
                .and_then(|m| m.split_once('`'))
                .map(|(k, _)| k.to_string());
            let err = ApiError::bad_request(text.unwrap_or(message));
            match key {
                Some(k) => err.with_key(&k),
                None => err,
            }
        }
        ScenarioError::Invalid { problems, .. } => {
            let message = text.unwrap_or_else(|| {
                problems
                    .iter()
                    .map(|l| l.problem.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            });
            let mut err = ApiError::unprocessable(message);
            for l in &problems {
                err = err.with_key(&l.problem.key);
            }
            err
        }
        ScenarioError::Io { .. } => ApiError::internal("reading a scenario"),
    }
}

/// Arm and intervention counts, checked on the JSON so that the index named is the
/// request's own (the parser moves the baseline first).
fn check_counts(
    map: &serde_json::Map<String, Json>,
    l: &Limits,
    lang: Lang,
) -> Result<(), ApiError> {
    let Some(Json::Array(arms)) = map.get("arms") else {
        return Ok(());
    };
    // The parser adds a baseline when the request has none.
    let has_baseline = arms
        .iter()
        .any(|a| a.get("name").and_then(Json::as_str) == Some("baseline"));
    let total = arms.len() + usize::from(!has_baseline);
    if total > l.max_arms {
        return Err(ApiError::unprocessable(tr!(
            lang,
            "serve-error-arms",
            arms = total.to_string(),
            max = l.max_arms.to_string()
        ))
        .with_key("arms"));
    }
    for (i, a) in arms.iter().enumerate() {
        if let Some(Json::Array(items)) = a.get("interventions") {
            if items.len() > l.max_interventions_per_arm {
                let key = format!("arms[{i}].interventions");
                return Err(ApiError::unprocessable(tr!(
                    lang,
                    "serve-error-interventions",
                    key = key.clone(),
                    interventions = items.len().to_string(),
                    max = l.max_interventions_per_arm.to_string()
                ))
                .with_key(&key));
            }
        }
    }
    Ok(())
}

/// The explorer's own bounds, each named with its limit.
pub fn check_limits(s: &Scenario, l: &Limits, lang: Lang) -> Result<(), ApiError> {
    let over = |key: &str, value: String, limit: String, what: &str| {
        let what = if what.is_empty() {
            String::new()
        } else {
            text(lang, what)
        };
        ApiError::unprocessable(tr!(
            lang,
            "serve-error-over",
            key = key,
            value = value,
            limit = limit,
            what = what
        ))
        .with_key(key)
    };
    let employees = s.organisation.employees;
    if employees > l.max_employees {
        return Err(over(
            "organisation.employees",
            employees.to_string(),
            l.max_employees.to_string(),
            "serve-limit-employees",
        ));
    }
    if s.replications > l.max_replications {
        return Err(over(
            "replications",
            s.replications.to_string(),
            l.max_replications.to_string(),
            "serve-limit-replications",
        ));
    }
    if s.horizon_days > l.max_horizon_days {
        return Err(over(
            "horizon_days",
            s.horizon_days.to_string(),
            l.max_horizon_days.to_string(),
            "serve-limit-recorded-days",
        ));
    }
    if s.burn_in_days > l.max_burn_in_days {
        return Err(over(
            "burn_in_days",
            s.burn_in_days.to_string(),
            l.max_burn_in_days.to_string(),
            "serve-limit-burn-in-days",
        ));
    }
    let recorded = s.horizon_days / s.record_every.max(1);
    if recorded > l.max_recorded_days {
        return Err(over(
            "record_every",
            s.record_every.to_string(),
            tr!(
                lang,
                "serve-limit-record-every",
                max = l.max_recorded_days.to_string(),
                every =
                    ((s.horizon_days + l.max_recorded_days - 1) / l.max_recorded_days).to_string()
            ),
            "",
        ));
    }
    let work = work(s);
    if work > l.max_employee_days {
        let per_day = day_cost(s);
        let key = if per_day > 2.0 {
            "customers.contacts_per_day"
        } else {
            "organisation.employees"
        };
        return Err(ApiError::unprocessable(tr!(
            lang,
            "serve-error-work",
            work = dec(lang, work / 1e6, 0),
            employees = employees.to_string(),
            replications = s.replications.to_string(),
            burn_in = s.burn_in_days.to_string(),
            horizon = s.horizon_days.to_string(),
            arms = s.arms.len().to_string(),
            per_day = dec(lang, per_day, 2),
            contacts = s.customers.contacts_per_day.to_string(),
            max = dec(lang, l.max_employee_days / 1e6, 0)
        ))
        .with_key(key));
    }
    let estimate = budget::estimate(s);
    let peak = estimate.peak(s.replications.min(2));
    if peak > l.max_memory_bytes {
        return Err(ApiError::unprocessable(tr!(
            lang,
            "serve-error-memory",
            peak = budget::human_bytes(peak),
            organisation = budget::human_bytes(estimate.organisation),
            max = budget::human_bytes(l.max_memory_bytes)
        ))
        .with_key("customers.pool_per_employee")
        .with_key("customers.inflow_per_employee")
        .with_key("organisation.employees"));
    }
    Ok(())
}

/// Fixed cost of an employee-day in contacts: the day's state updates cost about as much as
/// five contacts (measured: 1000 contacts a day ran 80 times slower than 8, and
/// (1000 + 5) / (8 + 5) ≈ 77).
const DAY_OVERHEAD_CONTACTS: f64 = 5.0;

/// Cost of one employee-day relative to one at the default 8 contacts: contacts, plus the
/// customers that join each day (each is pushed to the pool, and a growing pool is scanned).
pub fn day_cost(s: &Scenario) -> f64 {
    let c = &s.customers;
    (c.contacts_per_day as f64 + DAY_OVERHEAD_CONTACTS + c.inflow_per_employee)
        / (8.0 + DAY_OVERHEAD_CONTACTS + 0.45)
}

/// Work a scenario asks for without any cache, in employee-days at the default contacts: the
/// cost model of a request.
pub fn work(s: &Scenario) -> f64 {
    s.organisation.employees as f64
        * s.replications as f64
        * (s.burn_in_days as f64 + s.horizon_days as f64 * s.arms.len() as f64)
        * day_cost(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(json: &str) -> Result<ScenarioRequest, ApiError> {
        parse(json.as_bytes(), &Limits::default(), Lang::En)
    }

    #[test]
    fn empty_object_is_the_default_organisation_with_a_baseline() {
        let r = req("{}").unwrap();
        assert_eq!(r.scenario.name, DEFAULT_NAME);
        assert_eq!(r.scenario.replications, DEFAULT_REPLICATIONS as usize);
        assert_eq!(r.scenario.arms.len(), 1);
        assert_eq!(r.scenario.organisation.employees, 200);
    }

    #[test]
    fn nulls_leave_keys_to_the_preset() {
        let r = req(r#"{"sector": "hospitality", "organisation": {"employees": null}}"#).unwrap();
        assert_eq!(r.scenario.organisation.employees, 120);
        let r = req(r#"{"sector": "hospitality", "organisation": {"employees": 90}}"#).unwrap();
        assert_eq!(r.scenario.organisation.employees, 90);
    }

    #[test]
    fn exported_toml_parses_to_the_same_scenario() {
        let r = req(
            r#"{"sector": "retail", "maturity": "initiate", "arms": [{"name": "c", "interventions": [{"kind": "coaching", "start": 10, "duration": 60, "interval": 10, "intensity": 1.5}]}]}"#,
        )
        .unwrap();
        assert_eq!(Scenario::parse(&r.toml, "x").unwrap(), r.scenario);
    }

    #[test]
    fn day_fields_in_months_and_weeks_are_read_by_the_scenario_parser() {
        let r = req(
            r#"{"arms": [{"name": "c", "interventions": [{"kind": "coaching", "start": "6 months", "duration": "8 weeks", "interval": 5}]}]}"#,
        )
        .unwrap();
        let iv = &r.scenario.arms[1].interventions[0];
        assert_eq!(iv.start.as_ref().map(|d| d.get()), Some(125));
        assert_eq!((iv.duration.get(), iv.interval.get()), (40, 5));
        assert!(r.toml.contains("start = \"6 months\"\n"), "{}", r.toml);
        let e = req(r#"{"arms": [{"name": "c", "interventions": [{"kind": "coaching", "start": "6 mnths"}]}]}"#)
            .unwrap_err();
        assert_eq!(e.status, 400);
        assert!(
            e.message.contains("did you mean `months`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn errors_name_the_field() {
        let e = req(r#"{"arms": [{"name": "c", "interventions": [{"kind": "coaching", "duration": "long"}]}]}"#)
            .unwrap_err();
        assert_eq!(e.status, 400);
        assert!(
            e.message.contains("arms[0].interventions[0].duration"),
            "{}",
            e.message
        );
        let e = req(
            r#"{"arms": [{"name": "c", "interventions": [{"kind": "coaching", "intensity": 9}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.status, 422);
        assert!(
            e.message.contains("arms[0].interventions[0].intensity"),
            "{}",
            e.message
        );
        assert!(e.message.contains("[0, 5]"), "{}", e.message);
        let e = req(r#"{"organisaton": {}}"#).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(
            e.message.contains("did you mean `organisation`"),
            "{}",
            e.message
        );
        let e = req("[1, 2]").unwrap_err();
        assert_eq!(e.status, 400);
        let e = req("{\"arms\": ").unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.message.contains("not valid JSON"), "{}", e.message);
    }

    #[test]
    fn limits_name_the_limit() {
        let e = req(r#"{"organisation": {"employees": 100000, "team_size": 10}}"#).unwrap_err();
        assert_eq!(e.status, 422);
        assert!(e.message.contains("at most 20000"), "{}", e.message);
        let e = req(r#"{"replications": 51}"#).unwrap_err();
        assert!(e.message.contains("at most 50"), "{}", e.message);
        let e = req(r#"{"organisation": {"employees": 20000}, "replications": 50}"#).unwrap_err();
        assert!(e.message.contains("million employee-days"), "{}", e.message);
        let e = req(r#"{"employee_snapshots": [1]}"#).unwrap_err();
        assert_eq!(e.status, 422);
    }

    #[test]
    fn claims_are_left_to_undercurrent_run() {
        let e = req(r#"{"claims": [{"says": "x", "checks": []}]}"#).unwrap_err();
        assert_eq!(e.status, 422);
        assert!(e.message.contains("undercurrent run"), "{}", e.message);
    }
}
