//! Employees of one team as a structure of arrays: one buffer, one column per field.
//!
//! A team's employees are stored field-major in a single `Vec<f32>` so that a team costs one
//! allocation, the daily loop walks contiguous columns, and a team can be handed to a thread
//! as a unit.

use rand::Rng;
use rand_distr::{Beta, Distribution, Gamma, LogNormal};

use super::consts::Consts;
use super::drives::{alignment, dominant, N_DRIVES};
use super::params::Params;
use super::propensity::{behaviour_logit, break_logit, sigmoid, BehaviourInputs};

/// Declares the employee table's columns once: each line gives the [`Col`] variant, the
/// field of [`Columns`] that the daily step reads it by, and its header in agent-level output
/// ([`COL_NAMES`]). A new column is one line here; its position in the buffer, its name in
/// `employees.csv` and its named view follow from the line's place in the list.
macro_rules! employee_columns {
    ($($(#[$doc:meta])* $variant:ident $field:ident $name:literal,)+) => {
        /// Columns of the employee table, in buffer order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(usize)]
        pub enum Col {
            $($(#[$doc])* $variant,)+
        }

        /// Number of columns.
        pub const N_COLS: usize = [$($name,)+].len();

        /// Names of the columns, for agent-level output (`employees.csv` headers).
        pub const COL_NAMES: [&str; N_COLS] = [$($name,)+];

        /// Every column of one team's table at once, mutably and by name: what the daily
        /// step works on. Produced by [`Employees::cols_mut`].
        pub struct Columns<'a> {
            $($(#[$doc])* pub $field: &'a mut [f32],)+
        }

        impl Employees {
            /// Every column at once, mutably and by name, for the daily step.
            pub fn cols_mut(&mut self) -> Columns<'_> {
                let n = self.n.max(1);
                let mut it = self.data.chunks_mut(n);
                // Fields are initialised in the order written, which is buffer order.
                Columns {
                    $($field: it.next().unwrap_or_default(),)+
                }
            }
        }
    };
}

employee_columns! {
    /// Behaviour propensity (above the waterline).
    B b "B",
    /// Knowledge / skill (above).
    K k "K",
    /// Awareness (above).
    A a "A",
    /// Internalised norm (below).
    N n "N",
    /// Habit strength (below).
    H h "H",
    /// Reward expectancy (below).
    E e "E",
    /// Understanding of the organisation's intent (below).
    U u "U",
    /// Repertoire of practised alternatives (below).
    P p "P",
    /// Personal norm anchor N0.
    N0 n0 "N0",
    /// Anchor of understanding U0.
    U0 u0 "U0",
    /// Perceived role-model level of the manager R̂.
    Rhat rhat "Rhat",
    /// Experienced reward rate under reinforcement (1 before any programme).
    RewardRate reward_rate "reward_rate",
    /// Personal daily habit rate.
    HabitRate habit_rate "habit_rate",
    Empathy empathy "empathy",
    Effort effort_aversion "effort_aversion",
    RuleOrientation rule_orientation "rule_orientation",
    SusTraining sus_training "sus_training",
    SusCoaching sus_coaching "sus_coaching",
    SusReward sus_reward "sus_reward",
    SusRoleModel sus_role_model "sus_role_model",
    SusSanctions sus_sanctions "sus_sanctions",
    SusFeedback sus_feedback "sus_feedback",
    LensSpeed lens_speed "lens_speed",
    LensCare lens_care "lens_care",
    LensCorrectness lens_correctness "lens_correctness",
    LensSolution lens_solution "lens_solution",
    /// Alignment of the lens with the organisation's definition.
    Alignment alignment "alignment",
    /// Resting skill K0.
    K0 k0 "K0",
    /// Resting repertoire P0.
    P0 p0 "P0",
    /// Working days since hire ([`SETTLED_TENURE`] for the staff present at the start).
    Tenure tenure "tenure_days",
}

/// Tenure given to the staff present when a run starts: they are settled in the team (they
/// start at its fixed point), so no socialisation period applies to them. Exact in f32 for
/// any horizon a scenario allows.
pub const SETTLED_TENURE: f32 = 100_000.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Employees {
    n: usize,
    data: Vec<f32>,
    /// Dominant drive of each employee (index into `DRIVE_NAMES`).
    pub dominant: Vec<u8>,
}

impl Employees {
    pub fn zeroed(n: usize) -> Self {
        Employees {
            n,
            data: vec![0.0; n * N_COLS],
            dominant: vec![0; n],
        }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    #[inline]
    pub fn col(&self, c: Col) -> &[f32] {
        let s = c as usize * self.n;
        &self.data[s..s + self.n]
    }

    #[inline]
    pub fn col_mut(&mut self, c: Col) -> &mut [f32] {
        let s = c as usize * self.n;
        &mut self.data[s..s + self.n]
    }

    /// The whole table, column after column (for prefetching a team before its step).
    #[inline]
    pub fn raw(&self) -> &[f32] {
        &self.data
    }

    /// Column by index (`0..N_COLS`, in [`Col`] order), for agent-level output.
    pub fn column(&self, c: usize) -> &[f32] {
        &self.data[c * self.n..(c + 1) * self.n]
    }

    #[inline]
    pub fn get(&self, c: Col, i: usize) -> f32 {
        self.data[c as usize * self.n + i]
    }

    #[inline]
    pub fn set(&mut self, c: Col, i: usize, v: f32) {
        self.data[c as usize * self.n + i] = v;
    }

    /// Bytes of state per employee (for the memory budget in BENCHMARKS.md).
    pub const fn bytes_per_employee() -> usize {
        N_COLS * std::mem::size_of::<f32>() + 1
    }

    /// Bytes this table holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.data.capacity() * std::mem::size_of::<f32>() + self.dominant.capacity()
    }
}

/// Draws a Beta variate with the given mean and concentration (a + b).
pub fn beta_mean<R: Rng + ?Sized>(rng: &mut R, mean: f64, concentration: f64) -> f64 {
    let m = mean.clamp(1e-4, 1.0 - 1e-4);
    match Beta::new(m * concentration, (1.0 - m) * concentration) {
        Ok(d) => d.sample(rng),
        Err(_) => m,
    }
}

/// A Dirichlet draw on the stack (normalised Gamma variates), so hiring in the daily loop
/// allocates nothing. `None` if the parameters admit no draw.
pub fn dirichlet<R: Rng + ?Sized>(rng: &mut R, alpha: &[f64; N_DRIVES]) -> Option<[f64; N_DRIVES]> {
    let mut g = [0.0; N_DRIVES];
    for (x, &a) in g.iter_mut().zip(alpha) {
        *x = Gamma::new(a, 1.0).ok()?.sample(rng);
    }
    let s: f64 = g.iter().sum();
    if s > 0.0 && s.is_finite() {
        Some(g.map(|x| x / s))
    } else {
        None
    }
}

/// Daily habit rate that reaches 95% of the asymptote after `days` of daily practice.
pub fn habit_rate_for_days(days: f64) -> f64 {
    1.0 - 0.05f64.powf(1.0 / days)
}

/// Draws one person's fixed attributes (profile, traits, anchors, habit rate) into row `i`,
/// with the dynamic state at rest. The fixed point is solved by the caller, which knows the
/// team.
pub fn draw_person<R: Rng + ?Sized>(
    e: &mut Employees,
    i: usize,
    params: &Params,
    mix: &[f64; N_DRIVES],
    rng: &mut R,
) {
    let conc = params.organisation.drive_concentration;
    let alpha: [f64; N_DRIVES] = mix.map(|m| (m * conc).max(1e-3));
    let profile = dirichlet(rng, &alpha).unwrap_or(*mix);
    let t = params.drives.blend(&profile);
    let s = &params.state;
    let def = params.organisation.definition.normalised();

    let n0 = beta_mean(
        rng,
        (s.norm_anchor_mean + s.norm_anchor_empathy * (t.empathy - 0.55)).clamp(0.02, 0.98),
        s.norm_anchor_concentration,
    );
    let u0 = beta_mean(rng, s.understanding_mean, s.understanding_concentration);
    let k0 = beta_mean(rng, s.knowledge_mean, s.knowledge_concentration);
    let p0 = beta_mean(rng, s.alternatives_mean, s.alternatives_concentration);
    let days = match LogNormal::new(s.habit_days_median.ln(), s.habit_days_log_sd) {
        Ok(d) => d.sample(rng),
        Err(_) => s.habit_days_median,
    }
    .clamp(s.habit_days_min, s.habit_days_max);

    let v = |x: f64| x as f32;
    e.set(Col::K, i, v(k0));
    e.set(Col::A, i, v(s.awareness_rest));
    e.set(Col::N, i, v(n0));
    e.set(Col::E, i, v(s.reward_rest));
    e.set(Col::U, i, v(u0));
    e.set(Col::P, i, v(p0));
    e.set(Col::N0, i, v(n0));
    e.set(Col::U0, i, v(u0));
    e.set(Col::RewardRate, i, 1.0);
    e.set(Col::HabitRate, i, v(habit_rate_for_days(days)));
    e.set(Col::Empathy, i, v(t.empathy));
    e.set(Col::Effort, i, v(t.effort_aversion));
    e.set(Col::RuleOrientation, i, v(t.rule_orientation));
    e.set(Col::SusTraining, i, v(t.training));
    e.set(Col::SusCoaching, i, v(t.coaching));
    e.set(Col::SusReward, i, v(t.reward));
    e.set(Col::SusRoleModel, i, v(t.role_model));
    e.set(Col::SusSanctions, i, v(t.sanctions));
    e.set(Col::SusFeedback, i, v(t.feedback));
    e.set(Col::LensSpeed, i, v(t.lens[0]));
    e.set(Col::LensCare, i, v(t.lens[1]));
    e.set(Col::LensCorrectness, i, v(t.lens[2]));
    e.set(Col::LensSolution, i, v(t.lens[3]));
    e.set(Col::Alignment, i, v(alignment(&t.lens, &def)));
    e.set(Col::K0, i, v(k0));
    e.set(Col::P0, i, v(p0));
    e.set(Col::Tenure, i, SETTLED_TENURE);
    e.dominant[i] = dominant(&profile);
}

/// Puts a newcomer in row `i` at the behaviour their own disposition supports: the norm is
/// their anchor (N = N0; the team has not yet shaped it), habit and behaviour settle to it
/// given the team's descriptive norm `s`, and the repertoire to its own balance. The team's
/// pull on the norm comes later, through socialisation and the daily step.
pub fn enter_newcomer(k: &Consts, e: &mut Employees, i: usize, s: f32) {
    e.set(Col::N, i, e.get(Col::N0, i));
    e.set(Col::Tenure, i, 0.0);
    for _ in 0..SETTLE_MAX_ITERATIONS {
        if settle_behaviour_step(k, e, i, s) < SETTLE_TOLERANCE_ONE {
            break;
        }
    }
    let p = alternatives_equilibrium(k, e, i);
    e.set(Col::P, i, p);
}

/// Behaviour target B* of row `i` given the team's descriptive norm `s` and habit `h`.
#[inline(always)]
pub fn behaviour_target(k: &Consts, e: &Employees, i: usize, s: f32, h: f32) -> f32 {
    let x = BehaviourInputs {
        norm: e.get(Col::N, i),
        habit: h,
        awareness: e.get(Col::A, i),
        knowledge: e.get(Col::K, i),
        reward: e.get(Col::E, i),
        peer: s,
        role_model: e.get(Col::Rhat, i),
        effort: e.get(Col::Effort, i),
    };
    sigmoid(behaviour_logit(k, &x))
}

/// Equilibrium norm of row `i` when its own behaviour is `b`, the team's is `s` and the
/// expected daily feedback share is `fb`: the weighted mean of the norm's pull targets.
#[inline]
pub fn norm_equilibrium(k: &Consts, e: &Employees, i: usize, b: f32, s: f32, fb: f32) -> f32 {
    let w_anchor = k.norm_anchor;
    let w_self = k.norm_self;
    let w_peer = k.norm_peer;
    let w_role = k.norm_role * e.get(Col::SusRoleModel, i);
    let w_fb = k.norm_feedback * e.get(Col::SusFeedback, i) * fb;
    let num = w_anchor * e.get(Col::N0, i)
        + w_self * b
        + w_peer * s
        + w_role * e.get(Col::Rhat, i)
        + w_fb;
    num / (w_anchor + w_self + w_peer + w_role + w_fb)
}

/// Damped fixed-point iterations that settle a start state: at most this many steps, until
/// the largest move of B falls below the tolerance (tighter for a whole team, whose members
/// move each other through S, than for one person in a settled team).
const SETTLE_MAX_ITERATIONS: usize = 200;
const SETTLE_TOLERANCE_TEAM: f32 = 1e-6;
const SETTLE_TOLERANCE_ONE: f32 = 1e-5;

/// One damped step of row `i`'s behaviour toward its target given the team's descriptive
/// norm `s` (habit follows, as at a fixed point H = B); returns how far B moved.
fn settle_behaviour_step(k: &Consts, e: &mut Employees, i: usize, s: f32) -> f32 {
    let b = e.get(Col::B, i);
    let nb = 0.5 * b + 0.5 * behaviour_target(k, e, i, s, b);
    e.set(Col::B, i, nb);
    e.set(Col::H, i, nb);
    (nb - b).abs()
}

/// Puts rows `rows` at the fixed point of behaviour, habit and norm, given the rest of the
/// team as it is: start the slow state where the daily step would leave it, so the baseline
/// does not drift (docs/model.md section 5; docs/sources.md section 5, a steady baseline).
pub fn settle(
    k: &Consts,
    e: &mut Employees,
    rows: std::ops::Range<usize>,
    fb: f32,
    whole_team: bool,
) {
    let n = e.len();
    if n == 0 {
        return;
    }
    for _ in 0..SETTLE_MAX_ITERATIONS {
        let s = e.col(Col::B).iter().sum::<f32>() / n as f32;
        let mut moved = 0.0f32;
        for i in rows.clone() {
            let b = e.get(Col::B, i);
            let nn = norm_equilibrium(k, e, i, b, s, fb);
            e.set(Col::N, i, nn);
            moved = moved.max(settle_behaviour_step(k, e, i, s));
        }
        if moved < SETTLE_TOLERANCE_TEAM || !whole_team && moved < SETTLE_TOLERANCE_ONE {
            break;
        }
    }
    for i in rows {
        let p = alternatives_equilibrium(k, e, i);
        e.set(Col::P, i, p);
    }
}

/// Fixed point of the repertoire P: decay toward P0 balances the practice that using
/// alternatives gives. Using alternatives needs P, so the balance is the positive root of
/// g·a·P² + (d − g·a)·P − d·P0 = 0, with `a` the expected alternatives per unit of P per day;
/// `a` depends on P through the rule-break propensity, hence the few outer iterations.
pub fn alternatives_equilibrium(k: &Consts, e: &Employees, i: usize) -> f32 {
    let p0 = e.get(Col::P0, i) as f64;
    let d = k.alternatives_decay as f64;
    let mut p = e.get(Col::P, i) as f64;
    let (empathy, u, rule) = (
        e.get(Col::Empathy, i),
        e.get(Col::U, i),
        e.get(Col::RuleOrientation, i),
    );
    for _ in 0..20 {
        let pb = sigmoid(break_logit(k, empathy, u, p as f32, rule)) as f64;
        let ga =
            k.alternatives_gain as f64 * k.contacts as f64 * k.conflict_share as f64 * (1.0 - pb);
        let next = if ga <= 1e-12 {
            p0
        } else {
            let bq = d - ga;
            (-bq + (bq * bq + 4.0 * ga * d * p0).sqrt()) / (2.0 * ga)
        };
        if (next - p).abs() < 1e-7 {
            p = next;
            break;
        }
        p = next;
    }
    p.clamp(0.0, 1.0) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_named_view_is_its_column_and_each_column_has_its_header() {
        let mut e = Employees::zeroed(3);
        for c in 0..N_COLS {
            e.data[c * 3..(c + 1) * 3].fill(c as f32);
        }
        let v = e.cols_mut();
        assert_eq!(v.b, [Col::B as usize as f32; 3]);
        assert_eq!(v.n0, [Col::N0 as usize as f32; 3]);
        assert_eq!(v.sus_feedback, [Col::SusFeedback as usize as f32; 3]);
        assert_eq!(v.tenure, [Col::Tenure as usize as f32; 3]);
        assert_eq!(COL_NAMES[Col::Rhat as usize], "Rhat");
        assert_eq!(COL_NAMES[Col::Tenure as usize], "tenure_days");
        assert_eq!(N_COLS, Col::Tenure as usize + 1);
    }
}
