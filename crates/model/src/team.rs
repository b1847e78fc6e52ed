//! One team for one day: the daily step of MODEL.md section 3.
//!
//! A team owns its employees, its manager and its customers, and draws every random number
//! from streams keyed by (replication, team, slot, day); teams are therefore independent
//! within a day and are the unit of parallel work inside a run.

use std::ops::AddAssign;

use rand::Rng;
use rand_distr::{Distribution, Poisson, StandardNormal};

use super::consts::Consts;
use super::customers::{CustomerPool, NpsWindow, CHURN_FLAG};
use super::drives::N_DRIVES;
use super::employees::{draw_person, enter_newcomer, settle, Col, Columns, Employees};
use super::interventions::DayPlan;
use super::manager::{stationary_perception, Manager};
use super::params::Params;
use super::propensity::{behaviour_logit, break_logit, sigmoid, BehaviourInputs};
use super::rng::{
    key, key_step, mix64, stream, stream_from_key, two_units, unit_f64, Purpose, Stream,
};

/// Most bytes of a table [`Team::prefetch`] asks for: a team of 10 needs about 1.2 KB of
/// employee table and 1.6 KB of customer memories; a much larger team would only push its own
/// data out of L1 (its contacts prefetch their customers one block ahead instead).
const PREFETCH_BYTES: usize = 8 * 1024;

/// Churners a team-day records by index (a team of 10 churns one or two a day); beyond
/// this many the pool is scanned for them instead.
const CHURN_SLOTS: usize = 64;

/// Contacts drawn ahead of their use (see the contact loop in [`Team::step`]).
const CONTACT_BLOCK: usize = 8;

/// The random numbers of one contact, drawn in the stream's order: three pairs of uniforms,
/// then a standard normal (so an employee-day draws the same sequence whatever its state).
#[derive(Debug, Clone, Copy, Default)]
struct ContactDraws {
    u_orient: f32,
    u_conflict: f32,
    u_resolve: f32,
    u_fate: f32,
    u_reward: f32,
    z: f32,
    /// Index of the customer met: `floor(u_cust * |pool|)`, at most the last index.
    customer: u32,
}

impl ContactDraws {
    #[inline(always)]
    fn draw(rng: &mut Stream, pool_len: usize) -> Self {
        let (u_orient, u_cust) = two_units(rng);
        let (u_conflict, u_resolve) = two_units(rng);
        let (u_fate, u_reward) = two_units(rng);
        let z: f32 = StandardNormal.sample(rng);
        let customer = ((u_cust * pool_len as f32) as usize).min(pool_len.saturating_sub(1));
        ContactDraws {
            u_orient,
            u_conflict,
            u_resolve,
            u_fate,
            u_reward,
            z,
            customer: customer as u32,
        }
    }
}

/// `x.round().clamp(0.0, 10.0)` as an integer, without the `roundf` call that baseline
/// x86-64 (no SSE4.1) makes for `f32::round`: for x >= 0, round-half-away-from-zero is
/// floor(x + 0.5), and in f64 that sum never rounds across an integer for any f32 (it is
/// exact from 2^-29 to 2^52; below, it stays under 1; above, the clamp gives 10 either way). A negative x gives 0 where the float form gives -0.0 or 0.0; every use
/// (the sum, score/10 in the memory update, the promoter and detractor thresholds) treats
/// them alike. Tested against the float form below.
#[inline(always)]
fn round_score(x: f32) -> u32 {
    ((x.max(0.0) as f64 + 0.5) as u32).min(10)
}

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

/// Hints the CPU to fetch the cache line holding `p`. Never faults, whatever `p` points at;
/// a no-op off x86-64.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it reads nothing architecturally and cannot fault.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Prefetches `bytes` bytes from `p` on, at most `limit` of them.
#[inline]
fn prefetch_range<T>(p: *const T, bytes: usize, limit: usize) {
    let p = p as *const u8;
    for off in (0..bytes.min(limit)).step_by(64) {
        prefetch(p.wrapping_add(off));
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
        let pool_len = mem.len();
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
        let mut churned = 0usize;
        // Employee-day streams: (replication, purpose, team) folded once, the day mixed once.
        let team_key = key(&[w.rep_seed, Purpose::EmployeeDay as u64, team]);
        let day_mixed = mix64(dk);

        for i in 0..n {
            let mut rng = stream_from_key(key_step(key_step(team_key, mix64(i as u64)), day_mixed));
            let (u_leave, u_see) = two_units(&mut rng);
            let (u_moment, _) = two_units(&mut rng);
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
            b[i] += k.adjust * (sigmoid(x) - b[i]);
            let bi = b[i];

            // 4. Contacts.
            let quality = kk[i]
                * (1.0 - k.alignment_weight + k.alignment_weight * align[i])
                * k.facilities_quality;
            let oriented_gain = k.score_oriented * quality;
            let p_break = sigmoid(
                break_logit(k, emp[i], u[i], p[i], rule[i])
                    - k.sanctions_break_shift * plan.sanctions_active * s_sa[i],
            );
            let p_alt = p_break + (1.0 - p_break) * p[i];
            let visible = bi + gaming * (1.0 - bi);
            let mut genuine = 0u32;
            let mut shown = 0u32;
            let mut rewards = 0u32;
            let mut rewards_genuine = 0u32;
            let mut alts = 0u32;
            let mut left = k.contacts;
            while left > 0 {
                // Draw a block of contacts ahead, in the stream's order, and prefetch the
                // customer memories they will touch: the memory read is the loop's one
                // cache miss, and this lets the misses of a block overlap.
                let nb = left.min(CONTACT_BLOCK);
                left -= nb;
                let mut block = [ContactDraws::default(); CONTACT_BLOCK];
                for d in &mut block[..nb] {
                    *d = ContactDraws::draw(&mut rng, pool_len);
                    prefetch(mem.as_ptr().wrapping_add(d.customer as usize));
                }
                for d in &block[..nb] {
                    let is_genuine = d.u_orient < bi;
                    let is_shown = d.u_orient < visible;
                    genuine += is_genuine as u32;
                    shown += is_shown as u32;
                    let ci = d.customer as usize;
                    let raw_mem = if pool_len > 0 { mem[ci] } else { k.memory_new };
                    let flagged = raw_mem > CHURN_FLAG - 0.5;
                    let m = if flagged {
                        raw_mem - CHURN_FLAG
                    } else {
                        raw_mem
                    };
                    let mut score = k.score_base
                        + k.score_memory * (m - k.memory_reference)
                        + k.score_noise * d.z;
                    // Outcomes are booleans summed as 0/1 and score terms are added as 0.0
                    // when they do not apply, so the compiler may use selects where a coin
                    // flip would defeat the branch predictor. Adding 0.0 leaves a score
                    // unchanged (a -0.0 would become +0.0, which rounds to the same 0), so
                    // every result equals the branching form's, bit for bit.
                    score += if is_genuine { oriented_gain } else { 0.0 };
                    let conflict = d.u_conflict < k.conflict_share;
                    let broke = conflict & (d.u_resolve < p_break);
                    let alternative = conflict & !broke & (d.u_resolve < p_alt);
                    let unresolved = conflict & !broke & !alternative;
                    conflicts += conflict as u32;
                    breaks += broke as u32;
                    alts += alternative as u32;
                    score += if broke {
                        k.break_gain
                    } else if alternative {
                        k.alternative_gain
                    } else if unresolved {
                        -k.unresolved_penalty
                    } else {
                        0.0
                    };
                    let score = round_score(score);
                    score_sum += score as u64;
                    let promoter = score >= 9;
                    let detractor = score <= 6;
                    promoters += promoter as u32;
                    detractors += detractor as u32;
                    referred += (promoter & (d.u_fate < k.referral_promoter)) as u32;
                    if pool_len > 0 {
                        let churns = detractor & (d.u_fate < k.churn_detractor) & !flagged;
                        if churns {
                            if let Some(slot) = churned_at.get_mut(churned) {
                                *slot = ci as u32;
                            }
                            churned += 1;
                        }
                        let nm = m + k.memory_rate * (score as f32 * 0.1 - m);
                        mem[ci] = if flagged | churns {
                            nm + CHURN_FLAG
                        } else {
                            nm
                        };
                    }
                    let rewarded = rewarding & is_shown & (d.u_reward < plan.reward_prob);
                    rewards += rewarded as u32;
                    rewards_genuine += (rewarded & is_genuine) as u32;
                }
            }
            out.contacts += k.contacts as u32;
            out.oriented += genuine;
            out.gamed += shown - genuine;
            out.rewards += rewards;
            out.alternatives += alts;

            // 5. Slow state.
            let share = genuine as f32 / k.contacts as f32;
            h[i] += hrate[i] * (share - h[i]);
            a[i] += k.awareness_decay * (k.awareness_rest - a[i]);
            kk[i] += k.knowledge_decay * (1.0 - k.knowledge_protection * share) * (k0[i] - kk[i]);
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
            out.sum_b += bi as f64;
            out.sum_b2 += (bi as f64) * (bi as f64);
        }
        out.conflicts = conflicts;
        out.breaks = breaks;
        out.promoters = promoters;
        out.detractors = detractors;
        out.referred = referred;
        out.score_sum = score_sum;
        out.cost_interventions += plan.cost_per_reward * out.rewards as f64;

        // Customers: churn, background outflow, referrals and inflow, from the team stream.
        let inflow = poisson(&mut trng, k.inflow_per_employee * n as f64);
        let outflow = poisson(&mut trng, k.outflow_rate * self.customers.len() as f64);
        // Removal by index relies on unflagged memories staying below the flag, which
        // validation guarantees (every memory parameter lies in [0, 1]).
        out.churned = self.customers.remove_churned_at(&mut churned_at, churned) as u32;
        let outflow = outflow.min(self.customers.len());
        for _ in 0..outflow {
            let len = self.customers.len();
            let idx = ((unit_f64(&mut trng) * len as f64) as usize).min(len - 1);
            self.customers.memory.swap_remove(idx);
        }
        out.outflow = outflow as u32;
        for _ in 0..out.referred {
            self.customers.memory.push(k.memory_referred);
        }
        for _ in 0..inflow {
            self.customers.memory.push(k.memory_new);
        }
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
        self.peer_norm = mean(self.employees.col(Col::B));
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

fn mean(x: &[f32]) -> f32 {
    if x.is_empty() {
        0.0
    } else {
        x.iter().sum::<f32>() / x.len() as f32
    }
}

/// A Poisson count; zero for a zero (or invalid) rate, so no rate can make the step panic.
fn poisson<R: Rng + ?Sized>(rng: &mut R, lambda: f64) -> usize {
    if lambda.is_nan() || lambda <= 0.0 || !lambda.is_finite() {
        return 0;
    }
    match Poisson::new(lambda) {
        Ok(d) => {
            let x: f64 = d.sample(rng);
            x.min(1e9) as usize
        }
        Err(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The float form `round_score` replaces, as the step wrote it before.
    fn float_form(x: f32) -> f32 {
        x.round().clamp(0.0, 10.0)
    }

    #[test]
    fn round_score_equals_the_float_rounding_on_every_score_that_matters() {
        // Every f32 in [-2, 12] around the half-integers, plus a sweep and the extremes.
        let mut xs: Vec<f32> = (-4..=24)
            .flat_map(|h| {
                let c = h as f32 * 0.5;
                let mut v = vec![c];
                let (mut lo, mut hi) = (c, c);
                for _ in 0..64 {
                    lo = lo.next_down();
                    hi = hi.next_up();
                    v.push(lo);
                    v.push(hi);
                }
                v
            })
            .collect();
        xs.extend((0..200_000).map(|i| -3.0 + i as f32 * 1e-4));
        xs.extend([
            f32::MIN,
            -1e30,
            -0.0,
            0.0,
            1e-40,
            1e30,
            f32::MAX,
            2.0e9,
            5.0e9,
        ]);
        for x in xs {
            let f = float_form(x);
            let r = round_score(x);
            assert_eq!(r as f32, f + 0.0, "x = {x:e}");
            assert_eq!(r as u64, f as u64, "x = {x:e}");
            // The memory update sees score/10 - m: a -0.0 score gives the same difference.
            for m in [0.0f32, 0.3, 0.7, 1.0] {
                let a = m + 0.3 * (f * 0.1 - m);
                let b = m + 0.3 * (r as f32 * 0.1 - m);
                assert_eq!(a.to_bits(), b.to_bits(), "x = {x:e}, m = {m}");
            }
        }
    }

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
