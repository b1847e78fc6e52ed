//! One team for one day: the daily step of docs/model.md sections 3 and 7.
//!
//! A team owns its employees, its manager and its customers, and draws every random number
//! from streams keyed by (replication, team, slot, day); teams are therefore independent
//! within a day and are the unit of parallel work inside a run.

use std::ops::AddAssign;

use rand::Rng;
use rand_distr::{Distribution, Poisson, StandardNormal};

use super::draws::{mid24, top24, DayStream, Isa, IsaKind};
use super::prefetch::prefetch_range;

use super::consts::Consts;
use super::contacts::{self, Churners, Tally};
use super::customers::{CustomerPool, NpsWindow};
use super::drives::N_DRIVES;
use super::employees::{draw_person, enter_newcomer, settle, Col, Columns, Employees};
use super::interventions::DayPlan;
use super::manager::{stationary_perception, Manager};
use super::params::Params;
use super::propensity::{behaviour_logit, break_logit, sigmoid, BehaviourInputs};
use super::rng::{key, key_step, mix64, stream, two_units, unit_f64, Purpose, Stream};

/// Most bytes of a table [`Team::prefetch`] asks for: a team of 10 needs about 1.2 KB of
/// employee table and 1.6 KB of customer memories; a much larger team would only push its own
/// data out of L1 (its contacts prefetch their customers one block ahead instead).
const PREFETCH_BYTES: usize = 8 * 1024;

/// Employees whose steps 1-3 are done before their contacts (see [`Team::step`]).
const EMPLOYEE_CHUNK: usize = 8;

/// An employee's day after steps 1-3: the stream its contacts draw from, what it brings to
/// them, and whether it is a newcomer.
#[derive(Debug, Clone, Copy, Default)]
struct Ready {
    ds: DayStream,
    emp: contacts::Employee,
    newcomer: bool,
}

/// The logistic of every value of `x`, on the instruction set `isa`: the same [`sigmoid`]
/// for each, which a vector unit computes eight at a time (tested equal to one at a time).
#[inline(always)]
fn sigmoids(isa: Isa, x: &mut [f32; 2 * EMPLOYEE_CHUNK]) {
    match isa.kind() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: an `Isa` of kind Avx2 exists only where AVX2 was detected.
        IsaKind::Avx2 => unsafe { sigmoids_avx2(x) },
        _ => sigmoids_each(x),
    }
}

#[inline(always)]
fn sigmoids_each(x: &mut [f32; 2 * EMPLOYEE_CHUNK]) {
    for v in x.iter_mut() {
        *v = sigmoid(*v);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn sigmoids_avx2(x: &mut [f32; 2 * EMPLOYEE_CHUNK]) {
    sigmoids_each(x)
}

/// Churners a team-day records by index (a team of 10 churns one or two a day); beyond
/// this many the pool is scanned for them instead.
const CHURN_SLOTS: usize = 64;

/// `r.max(1e-3).powf(exponent)`, the extinction scale: exactly 1 while the experienced reward
/// rate is 1 (everyone before any reinforcement, and every hire), which skips a `powf` per
/// employee-day in a baseline run. IEEE 754 and libm give `1.0.powf(y) == 1.0` for every y.
#[inline(always)]
fn extinction_scale(r: f32, exponent: f32) -> f32 {
    if r == 1.0 {
        1.0
    } else {
        r.max(1e-3).powf(exponent)
    }
}

/// Everything a team needs from its run that does not change from day to day.
#[derive(Debug, Clone)]
pub struct World<'a> {
    pub params: &'a Params,
    pub consts: &'a Consts,
    pub rep_seed: u64,
    pub org_mix: [f64; N_DRIVES],
    pub hiring_mix: [f64; N_DRIVES],
    /// The instruction set the employee-day draws are computed on (results do not depend on it).
    pub isa: Isa,
}

/// Maps a (possibly negative, during burn-in) day to a stream key component.
#[inline]
pub fn day_key(day: i64) -> u64 {
    (day + (1i64 << 40)) as u64
}

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub index: usize,
    pub employees: Employees,
    pub manager: Manager,
    pub customers: CustomerPool,
    pub nps: NpsWindow,
    /// Descriptive norm S: the team's mean B at the end of yesterday.
    pub peer_norm: f32,
    /// Chance per day an employee sees a telling moment of the manager.
    pub visibility: f32,
    /// Slots whose employee leaves at the end of today (scratch, kept to avoid allocation).
    leaving: Vec<bool>,
    /// `e^−λ` of the team's daily inflow of new customers (its rate is fixed by its size).
    inflow_zero: f64,
}

/// Counts and sums of one team-day; summed over teams (in team order) into the run's day.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TeamDay {
    pub employees: u32,
    pub contacts: u32,
    pub oriented: u32,
    pub gamed: u32,
    pub score_sum: u64,
    pub promoters: u32,
    pub detractors: u32,
    pub conflicts: u32,
    pub breaks: u32,
    pub alternatives: u32,
    pub rewards: u32,
    pub churned: u32,
    pub referred: u32,
    pub inflow: u32,
    pub outflow: u32,
    pub leavers: u32,
    pub customers: u32,
    pub cost_interventions: f64,
    pub sum_b: f64,
    pub sum_b2: f64,
    pub nps_window: [u64; 3],
    /// Only on recorded days: sums of B, K, A, N, H, E, U, P.
    pub state_sums: [f64; 8],
    pub recognised: u32,
    pub strong_norm: u32,
    /// Only on recorded days: sum of lens alignment with the organisation's definition.
    pub alignment_sum: f64,
    /// Only on recorded days: highly feedback-minded employees and the sum of their norms.
    pub feedback_minded: u32,
    pub feedback_minded_norm_sum: f64,
    pub drive_b: [f64; N_DRIVES],
    pub drive_n: [u32; N_DRIVES],
}

/// Adds one team-day into a total. Stocks and flows alike are sums; the recorder turns them
/// into means and rates. Every field is named (no `..`), so a new field that is not added
/// here is a compile error (an unused binding), not a silently missing sum.
impl AddAssign for TeamDay {
    fn add_assign(&mut self, d: TeamDay) {
        let TeamDay {
            employees,
            contacts,
            oriented,
            gamed,
            score_sum,
            promoters,
            detractors,
            conflicts,
            breaks,
            alternatives,
            rewards,
            churned,
            referred,
            inflow,
            outflow,
            leavers,
            customers,
            cost_interventions,
            sum_b,
            sum_b2,
            nps_window,
            state_sums,
            recognised,
            strong_norm,
            alignment_sum,
            feedback_minded,
            feedback_minded_norm_sum,
            drive_b,
            drive_n,
        } = d;
        self.employees += employees;
        self.contacts += contacts;
        self.oriented += oriented;
        self.gamed += gamed;
        self.score_sum += score_sum;
        self.promoters += promoters;
        self.detractors += detractors;
        self.conflicts += conflicts;
        self.breaks += breaks;
        self.alternatives += alternatives;
        self.rewards += rewards;
        self.churned += churned;
        self.referred += referred;
        self.inflow += inflow;
        self.outflow += outflow;
        self.leavers += leavers;
        self.customers += customers;
        self.cost_interventions += cost_interventions;
        self.sum_b += sum_b;
        self.sum_b2 += sum_b2;
        add_each(&mut self.nps_window, nps_window);
        add_each(&mut self.state_sums, state_sums);
        self.recognised += recognised;
        self.strong_norm += strong_norm;
        self.alignment_sum += alignment_sum;
        self.feedback_minded += feedback_minded;
        self.feedback_minded_norm_sum += feedback_minded_norm_sum;
        add_each(&mut self.drive_b, drive_b);
        add_each(&mut self.drive_n, drive_n);
    }
}

/// Element-wise `t += d` over arrays of the same length (the length is the type's).
fn add_each<T: AddAssign + Copy, const N: usize>(t: &mut [T; N], d: [T; N]) {
    for (x, y) in t.iter_mut().zip(d) {
        *x += y;
    }
}

/// Stream slot of candidate `c` for the vacancy in slot `i`: candidate 0 keeps the slot's
/// own stream, so hiring without selection draws what it always drew.
fn candidate_slot(i: usize, c: u32) -> u64 {
    (c as u64) << 32 | i as u64
}

impl Team {
    /// A team of `size` employees at the fixed point of its slow state.
    pub fn new(w: &World, index: usize, size: usize, visibility: f32) -> Team {
        let k = w.consts;
        let p = w.params;
        let mut employees = Employees::zeroed(size);
        let mut rng = stream(w.rep_seed, Purpose::EmployeeInit, index as u64, 0, 0);
        for i in 0..size {
            draw_person(&mut employees, i, p, &w.org_mix, &mut rng);
        }
        let mut mrng = stream(w.rep_seed, Purpose::ManagerInit, index as u64, 0, 0);
        let manager = Manager::draw(&p.managers, &mut mrng);
        let rhat =
            stationary_perception(&p.managers, visibility as f64, manager.role_model as f64) as f32;
        employees.col_mut(Col::Rhat).fill(rhat);
        employees.col_mut(Col::B).fill(0.5);
        let fb = k.feedback_prob(manager.priority, 0.0);
        settle(k, &mut employees, 0..size, fb, true);
        let peer_norm = mean(employees.col(Col::B));
        let pool = (k.pool_per_employee * size as f64).round() as usize;
        Team {
            index,
            employees,
            manager,
            customers: CustomerPool::new(pool, k.memory_new),
            nps: NpsWindow::new(p.customers.nps_window_days),
            peer_norm,
            visibility,
            leaving: vec![false; size],
            inflow_zero: (-(k.inflow_per_employee * size as f64)).exp(),
        }
    }

    /// Advances the team by one working day under `plan`.
    pub fn step(&mut self, w: &World, plan: &DayPlan, day: i64, record: bool) -> TeamDay {
        let k = w.consts;
        let n = self.employees.len();
        let dk = day_key(day);
        let team = self.index as u64;
        let mut out = TeamDay {
            employees: n as u32,
            ..TeamDay::default()
        };
        let mut trng = stream(w.rep_seed, Purpose::TeamDay, team, dk, 0);
        let (u_feedback, _) = two_units(&mut trng);
        let feedback_today =
            u_feedback < k.feedback_prob(self.manager.priority, plan.share_feedback);

        if plan.role_model > 0.0 {
            let r = &mut self.manager.role_model;
            *r += (k.role_model_gain * plan.role_model).min(1.0) * (1.0 - *r);
            out.cost_interventions += plan.cost_per_manager;
        }
        out.cost_interventions += plan.cost_per_employee * n as f64;
        let role_model = self.manager.role_model;
        let s = self.peer_norm;
        let vis = self.visibility;
        let sessions = plan.any_session();
        let rewarding = plan.reward_prob > 0.0;
        let gaming = plan.gaming;

        let mem = &mut self.customers.memory;
        // The step's short local names for the columns it reads (the rest stay unnamed).
        let Columns {
            b,
            k: kk,
            a,
            n: nn,
            h,
            e,
            u,
            p,
            n0,
            u0,
            rhat,
            reward_rate: rrate,
            habit_rate: hrate,
            empathy: emp,
            effort_aversion: effort,
            rule_orientation: rule,
            sus_training: s_tr,
            sus_coaching: s_co,
            sus_reward: s_rw,
            sus_role_model: s_rm,
            sus_sanctions: s_sa,
            sus_feedback: s_fb,
            lens_speed: l_sp,
            lens_care: l_ca,
            lens_correctness: l_co,
            lens_solution: l_so,
            alignment: align,
            k0,
            p0,
            tenure,
            ..
        } = self.employees.cols_mut();

        // Counters of the contact loop, kept in registers and stored once.
        let (mut conflicts, mut breaks, mut promoters, mut detractors, mut referred) =
            (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut score_sum = 0u64;
        // Where today's churners are in the pool, so removing them needs no scan.
        let mut churned_at = [0u32; CHURN_SLOTS];
        let mut churners = Churners {
            at: &mut churned_at,
            count: 0,
        };
        // Employee-day streams: (replication, purpose, team) folded once, the day mixed once.
        let team_key = key(&[w.rep_seed, Purpose::EmployeeDay as u64, team]);
        let day_mixed = mix64(dk);

        // Employees go in chunks of EMPLOYEE_CHUNK through three passes: steps 1-3 for each
        // (independent of each other, so their sigmoids' latencies overlap), then their contacts
        // one employee after another (they share the customer pool, so the order is the
        // sequential one), then their slow state. Every employee's operations are the same and in
        // the same order as in one pass per employee, so the results are too.
        for lo in (0..n).step_by(EMPLOYEE_CHUNK) {
            let hi = (lo + EMPLOYEE_CHUNK).min(n);
            let mut ready = [Ready::default(); EMPLOYEE_CHUNK];
            // Behaviour's log-odds, then the rule break's; unused lanes stay 0.
            let mut logits = [0.0f32; 2 * EMPLOYEE_CHUNK];
            for i in lo..hi {
                let ds = DayStream::new(
                    key_step(key_step(team_key, mix64(i as u64)), day_mixed),
                    k.contacts,
                );
                let (w0, w1) = (ds.word(0), ds.word(1));
                let (u_leave, u_see, u_moment) = (top24(w0), mid24(w0), top24(w1));
                self.leaving[i] = u_leave < k.leave_prob;

                // 1. Sessions of interventions reach the person at the start of the day.
                if sessions {
                    let t = plan.training * s_tr[i];
                    if t > 0.0 {
                        a[i] += (k.training_awareness * t).min(1.0) * (1.0 - a[i]);
                        kk[i] += (k.training_knowledge * t).min(1.0) * (1.0 - kk[i]);
                        nn[i] += (k.training_norm * t).min(1.0) * (1.0 - nn[i]);
                    }
                    let c = plan.coaching * s_co[i];
                    if c > 0.0 {
                        nn[i] += (k.coaching_norm * c).min(1.0) * (1.0 - nn[i]);
                        u[i] += (k.coaching_understanding * c).min(1.0) * (1.0 - u[i]);
                        a[i] += (k.coaching_awareness * c).min(1.0) * (1.0 - a[i]);
                        n0[i] += (k.coaching_anchor * c).min(1.0) * (nn[i] - n0[i]);
                    }
                    let r = plan.reflection * s_co[i];
                    if r > 0.0 {
                        a[i] += (k.reflection_awareness * r).min(1.0) * (1.0 - a[i]);
                        nn[i] += (k.reflection_norm * r).min(1.0) * (1.0 - nn[i]);
                        u[i] += (k.reflection_understanding * r).min(1.0) * (1.0 - u[i]);
                        let anchor = (k.reflection_anchor * r).min(1.0);
                        n0[i] += anchor * (nn[i] - n0[i]);
                        u0[i] += anchor * (u[i] - u0[i]);
                    }
                    let pr = plan.practice * s_tr[i];
                    if pr > 0.0 {
                        p[i] += (k.practice_alternatives * pr).min(1.0) * (1.0 - p[i]);
                    }
                    let fc = plan.feedback_culture * s_fb[i];
                    if fc > 0.0 {
                        u[i] += (k.feedback_culture_understanding * fc).min(1.0) * (1.0 - u[i]);
                        p[i] += (k.feedback_culture_alternatives * fc).min(1.0) * (1.0 - p[i]);
                    }
                    let sa = plan.sanctions_session * s_sa[i];
                    if sa > 0.0 {
                        nn[i] -= (k.sanctions_norm_loss * sa * (1.0 - rule[i])).min(1.0) * nn[i];
                    }
                    let d = (k.definition_shift * plan.definition).min(1.0);
                    if d > 0.0 {
                        let lens = [&mut l_sp[i], &mut l_ca[i], &mut l_co[i], &mut l_so[i]];
                        let mut tv = 0.0;
                        for (l, t) in lens.into_iter().zip(k.definition) {
                            *l += d * (t - *l);
                            tv += (*l - t).abs();
                        }
                        align[i] = (1.0 - 0.5 * tv).clamp(0.0, 1.0);
                    }
                }

                // 2. Perception of the manager: a telling moment is seen with chance `vis`, or
                // more often while a newcomer is being socialised.
                let newcomer = tenure[i] < k.socialisation_days;
                let seen_chance = if newcomer {
                    vis.max(k.socialisation_visibility)
                } else {
                    vis
                };
                if u_see < seen_chance {
                    let x = if u_moment < role_model { 1.0 } else { 0.0 };
                    rhat[i] += k.perception_rate * (x - rhat[i]);
                } else {
                    rhat[i] += k.perception_forgetting * (k.perception_prior - rhat[i]);
                }

                // 3. Behaviour follows the target set by the undercurrent.
                let x = behaviour_logit(
                    k,
                    &BehaviourInputs {
                        norm: nn[i],
                        habit: h[i],
                        awareness: a[i],
                        knowledge: kk[i],
                        reward: e[i],
                        peer: s,
                        role_model: rhat[i],
                        effort: effort[i],
                    },
                );
                // 4. Contacts: the chance of a rule break, from its log-odds.
                let y = break_logit(k, emp[i], u[i], p[i], rule[i])
                    - k.sanctions_break_shift * plan.sanctions_active * s_sa[i];
                logits[i - lo] = x;
                logits[EMPLOYEE_CHUNK + i - lo] = y;
                ready[i - lo].ds = ds;
                ready[i - lo].newcomer = newcomer;
            }
            // The chunk's sigmoids side by side (the same bits as one at a time).
            sigmoids(w.isa, &mut logits);
            for i in lo..hi {
                b[i] += k.adjust * (logits[i - lo] - b[i]);
                let bi = b[i];
                let quality = kk[i]
                    * (1.0 - k.alignment_weight + k.alignment_weight * align[i])
                    * k.facilities_quality;
                let oriented_gain = k.score_oriented * quality;
                let p_break = logits[EMPLOYEE_CHUNK + i - lo];
                let p_alt = p_break + (1.0 - p_break) * p[i];
                ready[i - lo].emp = contacts::Employee {
                    b: bi,
                    visible: bi + gaming * (1.0 - bi),
                    oriented_gain,
                    p_break,
                    p_alt,
                    rewarding,
                    reward_prob: plan.reward_prob,
                };
            }
            let mut tallies = [Tally::default(); EMPLOYEE_CHUNK];
            for i in lo..hi {
                let Ready { mut ds, emp, .. } = ready[i - lo];
                let mut tally = Tally::default();
                contacts::employee_day(w.isa, k, &emp, &mut ds, mem, &mut tally, &mut churners);
                tallies[i - lo] = tally;
            }
            for i in lo..hi {
                let Ready { newcomer, .. } = ready[i - lo];
                let Tally {
                    genuine,
                    shown,
                    rewards,
                    rewards_genuine,
                    alternatives: alts,
                    conflicts: t_conflicts,
                    breaks: t_breaks,
                    promoters: t_promoters,
                    detractors: t_detractors,
                    referred: t_referred,
                    score_sum: t_score_sum,
                } = tallies[i - lo];
                conflicts += t_conflicts;
                breaks += t_breaks;
                promoters += t_promoters;
                detractors += t_detractors;
                referred += t_referred;
                score_sum += t_score_sum as u64;
                out.contacts += k.contacts as u32;
                out.oriented += genuine;
                out.gamed += shown - genuine;
                out.rewards += rewards;
                out.alternatives += alts;

                // 5. Slow state.
                let share = genuine as f32 / k.contacts as f32;
                h[i] += hrate[i] * (share - h[i]);
                a[i] += k.awareness_decay * (k.awareness_rest - a[i]);
                kk[i] +=
                    k.knowledge_decay * (1.0 - k.knowledge_protection * share) * (k0[i] - kk[i]);
                let mut dn = k.norm_anchor * (n0[i] - nn[i])
                    + k.norm_self * (share - nn[i])
                    + k.norm_peer * (s - nn[i])
                    + k.norm_role * s_rm[i] * (rhat[i] - nn[i]);
                if feedback_today {
                    dn += k.norm_feedback * s_fb[i] * (1.0 - nn[i]);
                }
                // Socialisation: a newcomer's norm is pulled toward the team and the manager far
                // faster than a settled employee's.
                if newcomer {
                    dn += k.socialisation_peer * (s - nn[i])
                        + k.socialisation_manager * s_rm[i] * (rhat[i] - nn[i]);
                }
                tenure[i] += 1.0;
                nn[i] = (nn[i] + dn).clamp(0.0, 1.0);
                u[i] += k.understanding_rate * (u0[i] - u[i]);
                p[i] += k.alternatives_decay * (p0[i] - p[i])
                    + (k.alternatives_gain * alts as f32).min(1.0) * (1.0 - p[i]);
                if rewarding {
                    // Only a reward for a genuinely oriented contact teaches that serving the
                    // customer pays; a reward for a gamed contact is paid (and counted) but
                    // teaches nothing about real service (article 003: targets met "with ease").
                    let got = if rewards_genuine > 0 { 1.0 } else { 0.0 };
                    let rate = (k.reward_acquisition * s_rw[i] * plan.reward_intensity).min(1.0);
                    e[i] += rate * (got - e[i]);
                    if genuine > 0 {
                        rrate[i] += k.reward_rate_learning
                            * (rewards_genuine as f32 / genuine as f32 - rrate[i]);
                    }
                } else {
                    let rate = k.reward_extinction * extinction_scale(rrate[i], k.partial_exponent);
                    e[i] += rate.min(1.0) * (k.reward_rest - e[i]);
                }
            }
        }
        out.conflicts = conflicts;
        out.breaks = breaks;
        out.promoters = promoters;
        out.detractors = detractors;
        out.referred = referred;
        out.score_sum = score_sum;
        out.cost_interventions += plan.cost_per_reward * out.rewards as f64;

        // Customers: churn, background outflow, referrals and inflow, from the team stream.
        let inflow = poisson(
            &mut trng,
            k.inflow_per_employee * n as f64,
            self.inflow_zero,
        );
        let len = self.customers.len();
        let outflow_zero = k.outflow_keep.powi(len.min(i32::MAX as usize) as i32);
        let outflow = poisson(&mut trng, k.outflow_rate * len as f64, outflow_zero);
        // Removal by index relies on unflagged memories staying below the flag, which
        // validation guarantees (every memory parameter lies in [0, 1]).
        let churned = churners.count;
        out.churned = self.customers.remove_churned_at(&mut churned_at, churned) as u32;
        let outflow = outflow.min(self.customers.len());
        for _ in 0..outflow {
            let len = self.customers.len();
            let idx = ((unit_f64(&mut trng) * len as f64) as usize).min(len - 1);
            self.customers.memory.swap_remove(idx);
        }
        out.outflow = outflow as u32;
        self.customers.add(out.referred as usize, k.memory_referred);
        self.customers.add(inflow, k.memory_new);
        out.inflow = inflow as u32;
        out.customers = self.customers.len() as u32;
        self.nps.push([out.promoters, out.detractors, out.contacts]);
        out.nps_window = self.nps.sums;

        // Turnover: leavers are replaced at the end of the day by hires at their fixed point.
        for i in 0..n {
            if self.leaving[i] {
                out.leavers += 1;
                self.hire(w, i, dk);
            }
        }
        // The peer norm and the day's B moments, from the end-of-day state (hires included):
        // the state replications.csv and employees.csv publish, so that durability can be
        // recomputed exactly from the published series.
        (self.peer_norm, out.sum_b, out.sum_b2) = b_of_day(self.employees.col(Col::B));
        if record {
            self.record_state(k, &mut out);
        }
        out
    }

    /// Asks the CPU to start loading what [`Team::step`] reads (the employee table and the
    /// customer memories, up to [`PREFETCH_BYTES`] of each) while the previous team is being
    /// stepped. With thousands of teams a team's data has left the caches by its next day,
    /// and its first touches would otherwise be serial cache misses.
    #[inline]
    pub fn prefetch(&self) {
        let e = self.employees.raw();
        prefetch_range(e.as_ptr(), std::mem::size_of_val(e), PREFETCH_BYTES);
        let m = &self.customers.memory;
        prefetch_range(m.as_ptr(), std::mem::size_of_val(&m[..]), PREFETCH_BYTES);
        prefetch_range(self.nps.days_ptr(), self.nps.heap_bytes(), PREFETCH_BYTES);
    }

    /// Bytes of this team's state other than its customer pool: the team itself, its
    /// employee table, its NPS window and its scratch (for the memory budget in
    /// BENCHMARKS.md).
    pub fn state_bytes(&self) -> usize {
        std::mem::size_of::<Team>()
            + self.employees.heap_bytes()
            + self.nps.heap_bytes()
            + self.leaving.capacity()
    }

    /// Bytes of this team's customer pool (its reserved capacity, not only the customers).
    pub fn pool_bytes(&self) -> usize {
        self.customers.memory.capacity() * std::mem::size_of::<f32>()
    }

    /// Replaces the employee in slot `i` by a hire drawn from the hiring mix: the best of
    /// `hiring_candidates` on the interview signal. The newcomer enters with their own norm
    /// and a prior picture of the manager; socialisation does the rest.
    fn hire(&mut self, w: &World, i: usize, dk: u64) {
        let k = w.consts;
        let pick = if k.hiring_candidates > 1 {
            self.screen(w, i, dk)
        } else {
            0
        };
        let mut rng = self.candidate_stream(w, i, dk, pick);
        draw_person(&mut self.employees, i, w.params, &w.hiring_mix, &mut rng);
        self.employees.set(Col::Rhat, i, k.perception_prior);
        self.employees.set(Col::B, i, self.peer_norm);
        enter_newcomer(k, &mut self.employees, i, self.peer_norm);
    }

    /// Candidate `c` for slot `i` on day `dk`. Candidate 0 is the one hired without
    /// selection, so `hiring_candidates = 1` draws exactly the stream it always did.
    fn candidate_stream(&self, w: &World, i: usize, dk: u64, c: u32) -> Stream {
        stream(
            w.rep_seed,
            Purpose::Hire,
            self.index as u64,
            candidate_slot(i, c),
            dk,
        )
    }

    /// Index of the candidate with the best interview signal (N0 plus Gaussian noise).
    /// Candidates are drawn into slot `i` in turn; the caller draws the winner again.
    fn screen(&mut self, w: &World, i: usize, dk: u64) -> u32 {
        let k = w.consts;
        let (mut best, mut best_signal) = (0u32, f32::NEG_INFINITY);
        for c in 0..k.hiring_candidates {
            let mut rng = self.candidate_stream(w, i, dk, c);
            draw_person(&mut self.employees, i, w.params, &w.hiring_mix, &mut rng);
            let slot = candidate_slot(i, c);
            let mut noise = stream(w.rep_seed, Purpose::Screening, self.index as u64, slot, dk);
            let z: f32 = StandardNormal.sample(&mut noise);
            let signal = self.employees.get(Col::N0, i) + k.screening_noise * z;
            if signal > best_signal {
                (best, best_signal) = (c, signal);
            }
        }
        best
    }

    fn record_state(&self, k: &Consts, out: &mut TeamDay) {
        let e = &self.employees;
        let cols = [
            Col::B,
            Col::K,
            Col::A,
            Col::N,
            Col::H,
            Col::E,
            Col::U,
            Col::P,
        ];
        for (sum, c) in out.state_sums.iter_mut().zip(cols) {
            *sum = e.col(c).iter().map(|&x| x as f64).sum();
        }
        out.recognised = e
            .col(Col::Rhat)
            .iter()
            .filter(|&&r| r >= k.recognition_threshold)
            .count() as u32;
        out.strong_norm = e
            .col(Col::N)
            .iter()
            .filter(|&&x| x >= k.strong_norm_threshold)
            .count() as u32;
        out.alignment_sum = e.col(Col::Alignment).iter().map(|&x| x as f64).sum();
        for (&f, &nv) in e.col(Col::SusFeedback).iter().zip(e.col(Col::N)) {
            if f >= k.feedback_minded_threshold {
                out.feedback_minded += 1;
                out.feedback_minded_norm_sum += nv as f64;
            }
        }
        for (&d, &bv) in e.dominant.iter().zip(e.col(Col::B)) {
            out.drive_b[d as usize] += bv as f64;
            out.drive_n[d as usize] += 1;
        }
    }
}

/// One pass over the end-of-day B column: its f32 mean, summed as [`mean`] sums (the peer
/// norm), and its f64 sum and sum of squares in slot order, the order `record_state` sums B
/// in, so the day's mean equals the published one bit for bit.
fn b_of_day(x: &[f32]) -> (f32, f64, f64) {
    // `Sum` for floats starts from −0.0; so does this, so the mean is `mean`'s to the bit.
    let (mut s32, mut s, mut s2) = (-0.0f32, 0.0f64, 0.0f64);
    for &v in x {
        s32 += v;
        let v = v as f64;
        s += v;
        s2 += v * v;
    }
    let mean = if x.is_empty() {
        0.0
    } else {
        s32 / x.len() as f32
    };
    (mean, s, s2)
}

fn mean(x: &[f32]) -> f32 {
    if x.is_empty() {
        0.0
    } else {
        x.iter().sum::<f32>() / x.len() as f32
    }
}

/// Rates up to this are drawn by inversion; larger ones (teams of hundreds) by `rand_distr`.
const POISSON_INVERSION_MAX: f64 = 30.0;

/// A Poisson count with mean `lambda`, given `zero = e^−λ` (its chance of 0, which the
/// caller knows without an `exp`: a team's inflow rate is fixed, the outflow's is a power of
/// a constant). Up to [`POISSON_INVERSION_MAX`] by inversion: one uniform, then the
/// cumulative distribution summed until it passes it (about λ steps; exact up to the f64
/// rounding of the terms, and the same single draw whatever the count). Zero for a zero (or
/// invalid) rate, so no rate can make the step panic.
fn poisson<R: Rng + ?Sized>(rng: &mut R, lambda: f64, zero: f64) -> usize {
    if lambda.is_nan() || lambda <= 0.0 || !lambda.is_finite() {
        return 0;
    }
    if lambda > POISSON_INVERSION_MAX {
        return match Poisson::new(lambda) {
            Ok(d) => {
                let x: f64 = d.sample(rng);
                x.min(1e9) as usize
            }
            Err(_) => 0,
        };
    }
    let u = unit_f64(rng);
    let (mut term, mut cdf, mut k) = (zero, zero, 0usize);
    // The terms past 10λ + 100 are below 1e-40: stop there whatever rounding left over.
    let last = (10.0 * lambda) as usize + 100;
    while u >= cdf && k < last {
        k += 1;
        term *= lambda / k as f64;
        cdf += term;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_a_team_day_to_nothing_gives_that_team_day_and_twice_doubles_it() {
        let d = TeamDay {
            employees: 10,
            contacts: 80,
            oriented: 41,
            gamed: 3,
            score_sum: 600,
            promoters: 30,
            detractors: 12,
            conflicts: 9,
            breaks: 2,
            alternatives: 4,
            rewards: 5,
            churned: 1,
            referred: 2,
            inflow: 3,
            outflow: 1,
            leavers: 1,
            customers: 200,
            cost_interventions: 12.5,
            sum_b: 4.25,
            sum_b2: 2.5,
            nps_window: [7, 8, 9],
            state_sums: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
            recognised: 6,
            strong_norm: 7,
            alignment_sum: 5.5,
            feedback_minded: 2,
            feedback_minded_norm_sum: 1.25,
            drive_b: [0.5; N_DRIVES],
            drive_n: [3; N_DRIVES],
        };
        let mut t = TeamDay::default();
        t += d;
        assert_eq!(t, d);
        t += d;
        assert_eq!(t.nps_window, [14, 16, 18]);
        assert_eq!(t.state_sums[7], 16.0);
        assert_eq!(t.drive_n, [6; N_DRIVES]);
        assert_eq!(t.feedback_minded_norm_sum, 2.5);
    }

    #[test]
    fn sigmoids_side_by_side_equal_one_at_a_time_on_every_instruction_set() {
        let mut seed = 7u64;
        for case in 0..20_000 {
            let mut x = [0.0f32; 2 * EMPLOYEE_CHUNK];
            for v in x.iter_mut() {
                seed = mix64(seed);
                // Mostly ordinary log-odds, sometimes far out or at the clamp's edges.
                *v = match seed % 8 {
                    0 => (seed >> 11) as f32 * 1e-12 - 100.0,
                    1 => [-87.0, 88.0, -0.0, 1e-30, f32::MAX, f32::MIN][(seed >> 8) as usize % 6],
                    _ => ((seed >> 11) as f32 / (1u64 << 53) as f32 - 0.5) * 24.0,
                };
            }
            let mut each = x;
            sigmoids_each(&mut each);
            for isa in Isa::all_available() {
                let mut side = x;
                sigmoids(isa, &mut side);
                assert_eq!(
                    side.map(f32::to_bits),
                    each.map(f32::to_bits),
                    "case {case} {:?}",
                    isa.kind()
                );
            }
        }
    }

    #[test]
    fn poisson_counts_have_the_poisson_mean_variance_and_zero_share() {
        for lambda in [0.05f64, 0.8, 4.0, 12.0, 29.0, 45.0] {
            let mut rng = stream(3, Purpose::TeamDay, lambda.to_bits(), 0, 0);
            let n = 200_000;
            let xs: Vec<f64> = (0..n)
                .map(|_| poisson(&mut rng, lambda, (-lambda).exp()) as f64)
                .collect();
            let mean = xs.iter().sum::<f64>() / n as f64;
            let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
            let zeros = xs.iter().filter(|&&x| x == 0.0).count() as f64 / n as f64;
            // Five standard errors of the mean, about six of the variance.
            let se = (lambda / n as f64).sqrt();
            assert!((mean - lambda).abs() < 5.0 * se, "λ {lambda}: mean {mean}");
            assert!(
                (var / lambda - 1.0).abs() < 6.0 * (2.0 / n as f64).sqrt() + 0.003,
                "λ {lambda}: variance {var}"
            );
            let p0 = (-lambda).exp();
            assert!(
                (zeros - p0).abs() < 5.0 * (p0 * (1.0 - p0) / n as f64).sqrt() + 1e-9,
                "λ {lambda}: P(0) {zeros}"
            );
        }
        let mut rng = stream(3, Purpose::TeamDay, 0, 0, 0);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(poisson(&mut rng, bad, 1.0), 0);
        }
    }

    #[test]
    fn extinction_scale_equals_powf() {
        for r in [0.0f32, 1e-4, 1e-3, 0.2, 0.5, 0.999_999, 1.0] {
            for y in [0.0f32, 0.5, 1.0, 2.3] {
                assert_eq!(
                    extinction_scale(r, y).to_bits(),
                    r.max(1e-3).powf(y).to_bits()
                );
            }
        }
    }
}
