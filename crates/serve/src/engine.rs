//! Runs a request's scenario fast enough to feel live, with exactly the results `run` gives.
//!
//! Two caches make a changed setting cheap:
//! - **burned-in organisations**: per (organisation, replication) the organisation after its
//!   burn-in and the baseline's recorded series. The baseline does not depend on the arms
//!   (common random numbers), so changing the programme reruns only the programme arms:
//!   for the default two-arm comparison a third of the days of a full run.
//! - **finished results** by scenario text, so going back to an earlier setting (or asking
//!   for a chart's PNG) costs nothing.
//!
//! The steps are `run_replication`'s own ([`burn_in`], [`run_arm`], [`assemble`]), so a
//! cached answer is bit-identical to `undercurrent run` of the exported TOML (tested).

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use self_cell::self_cell;

use crate::experiment::budget;
use crate::experiment::replication::{
    assemble, burn_in_unless, run_arm_unless, ArmOutput, ReplicationResult, RunSettings,
};
use crate::experiment::scenario::Scenario;
use crate::metrics::economics::Valuation;
use crate::model::rng::replication_seed;
use crate::model::{ArmPlan, Consts, Params, Simulation};

use super::cache::Lru;
use super::http::{ApiError, Cancel};
use super::outcome::Outcome;
use super::request::ScenarioRequest;
use undercurrent_text::{tr, Lang};

/// What a burned-in organisation borrows from: its own parameters and constants.
pub struct Owner {
    params: Params,
    consts: Consts,
}

/// One replication's organisation after the burn-in, with its baseline already run.
pub struct Burned<'a> {
    sim: Simulation<'a>,
    baseline: ArmOutput,
    self_rating: (f64, f64),
}

self_cell!(
    /// A burned-in organisation that owns the parameters it refers to, so that it can be
    /// kept between requests.
    pub struct BurnedIn {
        owner: Owner,
        #[covariant]
        dependent: Burned,
    }
);

/// Bytes kept in burned-in organisations at most, by the scenario checks' own estimate of an
/// organisation (about 0.5 kB an employee with the default customers: some 130,000
/// employees; far fewer when the customer pools are large).
const ORG_CACHE_BYTES: usize = 64 << 20;
/// Finished results kept (each a few hundred kB of series and SVG).
const RESULT_CACHE_ENTRIES: usize = 32;

/// Answers from some of the replications kept (a progressive run's steps).
const PARTIAL_CACHE_ENTRIES: usize = 8;
/// Bytes of finished replications kept (by a rough estimate of their recorded series), so
/// that each step of a progressive answer computes only the replications the previous steps
/// did not.
const REPLICATION_CACHE_BYTES: usize = 96 << 20;

/// Simulation work (employee-days at the default cost, [`crate::request::work`]) one step of
/// a progressive answer is given: about 0.35 s on this project's 2-core machine (150 million
/// take about 20 s), so that the first picture comes within half a second whenever one
/// replication fits in that time.
const STEP_WORK: f64 = 2.6e6;

/// How a run was answered, for the client and the log.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct RunStats {
    /// The whole result came from the result cache.
    pub cached_result: bool,
    /// Replications whose burned-in organisation and baseline came from the cache.
    pub cached_replications: usize,
    pub replications: usize,
    /// Time spent simulating, aggregating and drawing (ms).
    pub compute_ms: f64,
    /// Of which simulating (ms).
    pub simulate_ms: f64,
    /// Time waiting for a free simulation slot (ms).
    pub queued_ms: f64,
    /// Replications the answer is from, of the scenario's `of` (equal for a full answer).
    pub done: usize,
    pub of: usize,
}

/// Simulation threads, caches and the admission gate.
pub struct Engine {
    pool: rayon::ThreadPool,
    orgs: Mutex<Lru<(Arc<str>, u64), BurnedIn>>,
    results: Mutex<Lru<String, Outcome>>,
    /// Answers from the first replications of a progressive run (their charts' downloads).
    partials: Mutex<Lru<String, Outcome>>,
    /// Finished replications by (result id of the whole scenario, replication).
    replications: Mutex<Lru<(String, u64), ReplicationResult>>,
    gate: Gate,
}

/// Locks a mutex even if a panicking request poisoned it: the caches hold only complete
/// entries (inserted after they are built), so their content is never half-written.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Engine {
    /// `threads` simulation threads; at most `running` runs at once and `waiting` queued
    /// (more get 503), so a flood of requests queues briefly instead of exhausting memory;
    /// the error is what the thread pool said.
    pub fn new(threads: usize, running: usize, waiting: usize) -> Result<Engine, String> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .thread_name(|i| format!("sim-{i}"))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Engine {
            pool,
            orgs: Mutex::new(Lru::new(ORG_CACHE_BYTES)),
            results: Mutex::new(Lru::new(RESULT_CACHE_ENTRIES)),
            partials: Mutex::new(Lru::new(PARTIAL_CACHE_ENTRIES)),
            replications: Mutex::new(Lru::new(REPLICATION_CACHE_BYTES)),
            gate: Gate::new(running.max(1), waiting),
        })
    }

    /// A finished result by id, if still kept.
    pub fn result(&self, id: &str) -> Option<Arc<Outcome>> {
        let id = id.to_string();
        lock(&self.results)
            .get(&id)
            .or_else(|| lock(&self.partials).get(&id))
    }

    /// Runs (or finds) the request's scenario; stops (with [`Cancel::gone`]) between days
    /// once `cancel` is set, keeping nothing half-built.
    pub fn run(
        &self,
        req: &ScenarioRequest,
        lang: Lang,
        cancel: &Cancel,
    ) -> Result<(Arc<Outcome>, RunStats), ApiError> {
        self.run_first(req, req.scenario.replications, lang, cancel)
    }

    /// The next answer of a progressive run, for a page that has the answer from the first
    /// `done` replications (0 for none): the first `k` replications, `k` chosen so that the
    /// step's simulation takes about [`STEP_WORK`] (at least one more replication, and at
    /// least twice `done`; a replication kept whole costs nothing, one whose organisation
    /// and baseline are kept only its programme arms), or all of them, which is the answer
    /// [`Engine::run`] gives (at once when all that is left is about one step's work). Replications already finished
    /// (by an earlier step) are taken from the cache, so the steps together cost about
    /// what one full run does.
    pub fn run_after(
        &self,
        req: &ScenarioRequest,
        done: usize,
        lang: Lang,
        cancel: &Cancel,
    ) -> Result<(Arc<Outcome>, RunStats), ApiError> {
        let s = &req.scenario;
        let n = s.replications;
        if self.result(&answer_id(&req.toml, lang)).is_some() {
            return self.run(req, lang, cancel);
        }
        // Each replication's work still to do: none when it is kept whole, the programme
        // arms alone when its burned-in organisation and baseline are.
        let whole = result_id(&req.toml);
        let key: Arc<str> = organisation_key(s)?.into();
        let cold = crate::request::work(s) / n.max(1) as f64;
        let warm = s.organisation.employees as f64
            * s.horizon_days as f64
            * s.arms.len().saturating_sub(1) as f64
            * crate::request::day_cost(s);
        let left: Vec<f64> = (0..n as u64)
            .map(|r| {
                if lock(&self.replications).contains(&(whole.clone(), r)) {
                    0.0
                } else if lock(&self.orgs).contains(&(Arc::clone(&key), r)) {
                    warm
                } else {
                    cold
                }
            })
            .collect();
        if done == 0 && left.iter().sum::<f64>() <= 1.5 * STEP_WORK {
            // Fast enough as a whole: one answer.
            return self.run(req, lang, cancel);
        }
        // The replications that fill a step; each step at least doubles them (a few answers,
        // not one per replication).
        let mut k = done;
        let mut step = 0.0;
        while k < n && (k == done || step + left[k] <= STEP_WORK) {
            step += left[k];
            k += 1;
        }
        let k = k.max(2 * done).min(n);
        // A last step of a replication or two is not worth an answer of its own.
        let k = if n - k <= (n / 10).max(1) { n } else { k };
        self.run_first(req, k, lang, cancel)
    }

    /// The answer from the first `k` replications of the request's scenario (all of them
    /// when `k` is its count): an answer of its own, kept under its own id, whose figures
    /// are those `run` gives for the scenario with `replications = k`.
    fn run_first(
        &self,
        req: &ScenarioRequest,
        k: usize,
        lang: Lang,
        cancel: &Cancel,
    ) -> Result<(Arc<Outcome>, RunStats), ApiError> {
        let whole = result_id(&req.toml);
        let answer = answer_id(&req.toml, lang);
        let n = req.scenario.replications;
        let k = k.clamp(1, n.max(1));
        let id = if k == n {
            answer
        } else {
            format!("{answer}-{k}")
        };
        let reps = k;
        let mut stats = RunStats {
            cached_result: true,
            cached_replications: reps,
            replications: reps,
            compute_ms: 0.0,
            simulate_ms: 0.0,
            queued_ms: 0.0,
            done: k,
            of: n,
        };
        if let Some(o) = self.result(&id) {
            return Ok((o, stats));
        }
        let partial;
        let req = if k == n {
            req
        } else {
            let mut r = req.clone();
            r.scenario.replications = k;
            partial = r;
            &partial
        };
        let t_queue = Instant::now();
        let _permit = self.gate.enter(lang)?;
        stats.queued_ms = t_queue.elapsed().as_secs_f64() * 1e3;
        // Another request may have finished the same scenario while this one queued.
        if let Some(o) = self.result(&id) {
            return Ok((o, stats));
        }
        let t0 = Instant::now();
        let started = crate::output::manifest::now_rfc3339();
        let (results, cached) = self
            .pool
            .install(|| self.replications(&req.scenario, &whole, cancel))?;
        stats.simulate_ms = t0.elapsed().as_secs_f64() * 1e3;
        let mut outcome = self
            .pool
            .install(|| Outcome::build(id.clone(), req, &results, lang))?;
        outcome.timing = crate::download::Timing {
            started,
            finished: crate::output::manifest::now_rfc3339(),
            wall_seconds: t0.elapsed().as_secs_f64(),
            threads: self.pool.current_num_threads(),
        };
        stats.cached_result = false;
        stats.cached_replications = cached;
        stats.compute_ms = t0.elapsed().as_secs_f64() * 1e3;
        let outcome = Arc::new(outcome);
        // Answers from some of the replications are kept apart, a few only: they are
        // replaced within seconds and must not push finished results out.
        if k == n {
            lock(&self.results).insert(id, Arc::clone(&outcome), 1);
        } else {
            lock(&self.partials).insert(id, Arc::clone(&outcome), 1);
        }
        Ok((outcome, stats))
    }

    /// Every replication of `s`, in replication order, and how many came from the cache
    /// (their burned-in organisation, or the whole replication, kept under `whole`, the
    /// result id of the scenario they belong to).
    fn replications(
        &self,
        s: &Scenario,
        whole: &str,
        cancel: &Cancel,
    ) -> Result<(Vec<ReplicationResult>, usize), ApiError> {
        let key: Arc<str> = organisation_key(s)?.into();
        let plans = s.plans();
        let settings = s.run_settings();
        // The team view shows replication 0's teams: only it records them (always, so that
        // its cached baseline has them too), and only when there are few enough to draw.
        let with_teams = RunSettings {
            teams: s.n_teams() <= crate::outcome::MAX_TEAMS_SHOWN,
            ..settings.clone()
        };
        let stop = || cancel.is_cancelled();
        let value = Valuation::from_params(&s.economics);
        let out: Option<Vec<(ReplicationResult, bool)>> = (0..s.replications as u64)
            .into_par_iter()
            .map(|r| {
                let kept = (whole.to_string(), r);
                if let Some(done) = lock(&self.replications).get(&kept) {
                    return Some(((*done).clone(), true));
                }
                let settings = if r == 0 { &with_teams } else { &settings };
                let (org, hit) = self.organisation(&key, s, r, &plans[0], settings, &stop)?;
                let result =
                    org.with_dependent(|owner, b| {
                        let break_cost = owner.params.customers.break_cost;
                        let mut outputs = vec![Some(b.baseline.clone())];
                        outputs.par_extend(plans[1..].par_iter().map(|p| {
                            run_arm_unless(b.sim.clone(), p, settings, break_cost, &stop)
                        }));
                        let outputs: Option<Vec<_>> = outputs.into_iter().collect();
                        outputs.map(|o| assemble(&plans, o, b.self_rating, &value))
                    })?;
                let bytes = result
                    .series
                    .iter()
                    .map(|a| a.days.len() * (crate::metrics::registry::Metric::ALL.len() + 1) * 8)
                    .sum::<usize>()
                    + result.teams.iter().map(Vec::len).sum::<usize>() * 128;
                lock(&self.replications).insert(kept, Arc::new(result.clone()), bytes.max(1));
                Some((result, hit))
            })
            .collect();
        let out = out.ok_or_else(Cancel::gone)?;
        let cached = out.iter().filter(|(_, hit)| *hit).count();
        Ok((out.into_iter().map(|(r, _)| r).collect(), cached))
    }

    /// Replication `r`'s burned-in organisation and baseline, from the cache or built now.
    fn organisation(
        &self,
        key: &Arc<str>,
        s: &Scenario,
        r: u64,
        baseline: &ArmPlan,
        settings: &RunSettings,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Arc<BurnedIn>, bool)> {
        let k = (Arc::clone(key), r);
        if let Some(org) = lock(&self.orgs).get(&k) {
            return Some((org, true));
        }
        let params = s.params();
        let consts = Consts::new(&params);
        let seed = replication_seed(s.seed, r);
        let org = BurnedIn::try_new(Owner { params, consts }, |o| {
            let sim = burn_in_unless(&o.params, &o.consts, seed, settings, stop).ok_or(())?;
            let self_rating = sim.self_rating_shares();
            let base = run_arm_unless(
                sim.clone(),
                baseline,
                settings,
                o.params.customers.break_cost,
                stop,
            )
            .ok_or(())?;
            Ok::<_, ()>(Burned {
                sim,
                baseline: base,
                self_rating,
            })
        })
        .ok()?;
        let org = Arc::new(org);
        let bytes = budget::estimate(s)
            .organisation
            .clamp(1.0, usize::MAX as f64) as usize;
        lock(&self.orgs).insert(k, Arc::clone(&org), bytes);
        Some((org, false))
    }
}

/// Everything that decides a replication's organisation and baseline: the scenario without
/// its arms, name and presets (already applied to the parameters), with the replication
/// count left out (each replication is its own entry).
fn organisation_key(s: &Scenario) -> Result<String, ApiError> {
    let mut k = s.clone();
    k.arms.clear();
    k.name.clear();
    k.description.clear();
    k.replications = 0;
    k.sector = None;
    k.maturity = None;
    toml::to_string(&k).map_err(|_| ApiError::internal("keying the organisation cache"))
}

/// A result's id: a hash of the scenario text that was run (same text, same result).
fn result_id(toml: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    toml.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// An answer's id: the result's, with the language its words are in unless English (the
/// same simulated replications answer every language; only the words and charts differ).
fn answer_id(toml: &str, lang: Lang) -> String {
    match lang {
        Lang::En => result_id(toml),
        other => format!("{}.{}", result_id(toml), other.code()),
    }
}

/// Admission: at most `running` simulations at once, at most `waiting` in line.
struct Gate {
    state: Mutex<(usize, usize)>,
    freed: Condvar,
    running: usize,
    waiting: usize,
}

/// A simulation slot, given back when dropped (also when the run panics).
struct Permit<'a>(&'a Gate);

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        lock(&self.0.state).0 -= 1;
        self.0.freed.notify_one();
    }
}

/// How long a request waits in line before it is told to come back.
const MAX_QUEUE_WAIT: Duration = Duration::from_secs(60);

impl Gate {
    fn new(running: usize, waiting: usize) -> Gate {
        Gate {
            state: Mutex::new((0, 0)),
            freed: Condvar::new(),
            running,
            waiting,
        }
    }

    fn enter(&self, lang: Lang) -> Result<Permit<'_>, ApiError> {
        let busy = |n: usize| ApiError::new(503, tr!(lang, "serve-error-busy", runs = n));
        let mut st = lock(&self.state);
        if st.0 < self.running {
            st.0 += 1;
            return Ok(Permit(self));
        }
        if st.1 >= self.waiting {
            return Err(busy(st.0 + st.1));
        }
        st.1 += 1;
        let deadline = Instant::now() + MAX_QUEUE_WAIT;
        loop {
            let now = Instant::now();
            if now >= deadline {
                st.1 -= 1;
                return Err(busy(st.0 + st.1 + 1));
            }
            st = self
                .freed
                .wait_timeout(st, deadline - now)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
            if st.0 < self.running {
                st.1 -= 1;
                st.0 += 1;
                return Ok(Permit(self));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::runner::run_scenario;
    use crate::request::{parse, Limits};
    use undercurrent_text::Lang;

    /// Bit-for-bit equality that counts NaN (a figure past the horizon) equal to NaN:
    /// `Debug` prints every f64 in its shortest round-trip form.
    /// The explorer also records replication 0's teams (the team view); everything else must
    /// equal `run`'s.
    fn same(a: &[ReplicationResult], b: &[ReplicationResult]) -> bool {
        let without_teams = |x: &[ReplicationResult]| {
            x.iter()
                .map(|r| ReplicationResult {
                    teams: Vec::new(),
                    ..r.clone()
                })
                .collect::<Vec<_>>()
        };
        format!("{:?}", without_teams(a)) == format!("{:?}", without_teams(b))
    }

    #[test]
    fn cached_and_uncached_runs_equal_run_scenario() {
        let body = r#"{"replications": 3, "horizon_days": 120, "burn_in_days": 30,
            "organisation": {"employees": 40, "team_size": 8},
            "arms": [{"name": "coaching", "interventions": [{"kind": "coaching", "start": 10, "duration": 60, "interval": 10}]}]}"#;
        let req = parse(body.as_bytes(), &Limits::default(), Lang::En).unwrap();
        let expected = run_scenario(&req.scenario, &|| {});
        let engine = Engine::new(2, 1, 1).unwrap();
        let go = Cancel::new();
        let (cold, hits) = engine.replications(&req.scenario, "a", &go).unwrap();
        assert_eq!(hits, 0);
        assert!(same(&cold, &expected));
        assert_eq!(
            cold[0].teams[1].len(),
            5,
            "replication 0 records its five teams"
        );
        assert!(cold[1].teams.iter().all(Vec::is_empty), "the others do not");
        let (warm, hits) = engine.replications(&req.scenario, "b", &go).unwrap();
        assert_eq!(hits, 3);
        assert!(same(&warm, &expected));
        // Another programme on the same organisation reuses the burned-in replications.
        let body2 = body.replace("\"coaching\", \"start\": 10", "\"training\", \"start\": 5");
        let req2 = parse(body2.as_bytes(), &Limits::default(), Lang::En).unwrap();
        let (other, hits) = engine.replications(&req2.scenario, "c", &go).unwrap();
        assert_eq!(hits, 3);
        assert!(same(&other, &run_scenario(&req2.scenario, &|| {})));
    }

    #[test]
    fn gate_refuses_beyond_the_queue() {
        let g = Gate::new(1, 0);
        let p = g.enter(Lang::En).unwrap();
        let busy = g.enter(Lang::En).err().unwrap();
        assert_eq!(busy.status, 503);
        assert_eq!(
            busy.message,
            "the explorer is busy (1 run in progress or waiting); try again in a moment"
        );
        let dutch = g.enter(Lang::Nl).err().unwrap().message;
        assert!(
            dutch.starts_with("de verkenner is bezig (1 run loopt"),
            "{dutch}"
        );
        drop(p);
        assert!(g.enter(Lang::En).is_ok());
    }
}
