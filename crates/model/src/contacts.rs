//! Customer contacts: what one contact does (its score, the customer's memory, the counts),
//! written once as a pure function of its draws and the customer's memory ([`contact`]), and
//! applied one contact after another, or eight at a time in AVX2 lanes where the CPU has them.
//!
//! The lanes give the same bits as one at a time because they do [`contact`]'s IEEE single and
//! double operations, in its order, on each lane (Rust never fuses a multiply and an add), and
//! a test holds them to it on thousands of random blocks. They are used only
//! when the sequential order cannot matter: a full block of eight contacts that meet eight
//! different customers (a customer met twice in a block must see the first contact's memory
//! update, so such a block, about 7% of them with 400 customers a team, goes one at a time).

use super::consts::Consts;
use super::customers::CHURN_FLAG;
use super::draws::{customer_index, Block, DayStream, Isa, IsaKind, CONTACT_BLOCK};
use super::normal::standard_normal;
use super::prefetch::prefetch;

/// What an employee brings to each of today's contacts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Employee {
    /// Behaviour B: the chance a contact is genuinely customer-oriented.
    pub b: f32,
    /// The chance a contact looks oriented (genuine or gamed).
    pub visible: f32,
    /// Score added by an oriented contact.
    pub oriented_gain: f32,
    pub p_break: f32,
    /// The chance of a break or an alternative (the alternative is taken when no break is).
    pub p_alt: f32,
    pub rewarding: bool,
    pub reward_prob: f32,
}

/// Counts of an employee-day's contacts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub genuine: u32,
    pub shown: u32,
    pub conflicts: u32,
    pub breaks: u32,
    pub alternatives: u32,
    pub score_sum: u32,
    pub promoters: u32,
    pub detractors: u32,
    pub referred: u32,
    pub rewards: u32,
    pub rewards_genuine: u32,
}

/// Where today's churners are in the pool (the first `at.len()` of them), so removing them
/// at the end of the day needs no scan; `count` counts all of them.
#[derive(Debug)]
pub struct Churners<'a> {
    pub at: &'a mut [u32],
    pub count: usize,
}

impl Churners<'_> {
    #[inline(always)]
    fn record(&mut self, customer: usize) {
        if let Some(slot) = self.at.get_mut(self.count) {
            *slot = customer as u32;
        }
        self.count += 1;
    }
}

/// One contact's result.
#[derive(Debug, Clone, Copy, Default)]
struct Outcome {
    /// The customer's memory afterwards, with the churn flag added when flagged.
    memory: f32,
    genuine: bool,
    shown: bool,
    conflict: bool,
    broke: bool,
    alternative: bool,
    /// The score, a whole number 0-10 as f32.
    score: f32,
    promoter: bool,
    detractor: bool,
    referred: bool,
    churns: bool,
    rewarded: bool,
}

/// `x.round().clamp(0.0, 10.0)` as a whole-number f32, with vector-friendly operations only:
/// clamped to [0, 16] first (every score above rounds to 10 either way), then floor(x + 0.5)
/// in f64, where that sum is exact for every f32 in range; the floor is the nearest integer
/// (`(y + 2^52) − 2^52`, ties to even) minus one where that rounded up. No libm `roundf` call,
/// which baseline x86-64 makes for `f32::round`. A negative x gives 0 where the float form
/// gives −0.0; every use treats them alike. Tested against the float form.
#[inline(always)]
pub fn round_score(x: f32) -> f32 {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    let y = x.clamp(0.0, 16.0) as f64 + 0.5;
    let r = (y + TWO_52) - TWO_52;
    let floor = if r > y { r - 1.0 } else { r };
    (floor as f32).min(10.0)
}

/// The contact with draws `c` of `blk`, normal `z`, meeting a customer whose memory is `raw`
/// (churn flag included; for an empty pool a new customer's memory, and nothing is kept).
#[inline(always)]
fn contact(k: &Consts, e: &Employee, blk: &Block, c: usize, z: f32, raw: f32) -> Outcome {
    let genuine = blk.u_orient[c] < e.b;
    let shown = blk.u_orient[c] < e.visible;
    let flagged = raw > CHURN_FLAG - 0.5;
    let m = if flagged { raw - CHURN_FLAG } else { raw };
    let mut score = k.score_base + k.score_memory * (m - k.memory_reference) + k.score_noise * z;
    // Score terms are added as 0.0 when they do not apply, so the compiler may use selects
    // (and vector lanes) where a coin flip would defeat the branch predictor. Adding 0.0
    // leaves a score unchanged (a -0.0 would become +0.0, which rounds to the same 0).
    score += if genuine { e.oriented_gain } else { 0.0 };
    let conflict = blk.u_conflict[c] < k.conflict_share;
    let broke = conflict & (blk.u_resolve[c] < e.p_break);
    let alternative = conflict & !broke & (blk.u_resolve[c] < e.p_alt);
    let unresolved = conflict & !broke & !alternative;
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
    let promoter = score >= 9.0;
    let detractor = score <= 6.0;
    let churns = detractor & (blk.u_fate[c] < k.churn_detractor) & !flagged;
    let nm = m + k.memory_rate * (score * 0.1 - m);
    Outcome {
        memory: if flagged | churns {
            nm + CHURN_FLAG
        } else {
            nm
        },
        genuine,
        shown,
        conflict,
        broke,
        alternative,
        score,
        promoter,
        detractor,
        referred: promoter & (blk.u_fate[c] < k.referral_promoter),
        churns,
        rewarded: e.rewarding & shown & (blk.u_reward[c] < e.reward_prob),
    }
}

/// Adds a contact's counts to the tally.
#[inline(always)]
fn count(t: &mut Tally, o: &Outcome) {
    t.genuine += o.genuine as u32;
    t.shown += o.shown as u32;
    t.conflicts += o.conflict as u32;
    t.breaks += o.broke as u32;
    t.alternatives += o.alternative as u32;
    t.score_sum += o.score as u32;
    t.promoters += o.promoter as u32;
    t.detractors += o.detractor as u32;
    t.referred += o.referred as u32;
    t.rewards += o.rewarded as u32;
    t.rewards_genuine += (o.rewarded & o.genuine) as u32;
}

/// The first `nb` contacts of `blk` (normals `z`, customers `customers`), one after another.
/// With an empty pool every contact meets a new customer, `k.memory_new`, and nothing is kept.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn one_by_one(
    k: &Consts,
    e: &Employee,
    blk: &Block,
    z: &[f32; CONTACT_BLOCK],
    customers: &[usize; CONTACT_BLOCK],
    nb: usize,
    mem: &mut [f32],
    tally: &mut Tally,
    churners: &mut Churners,
) {
    for c in 0..nb {
        let ci = customers[c];
        let raw = mem.get(ci).copied().unwrap_or(k.memory_new);
        let o = contact(k, e, blk, c, z[c], raw);
        count(tally, &o);
        if let Some(slot) = mem.get_mut(ci) {
            if o.churns {
                churners.record(ci);
            }
            *slot = o.memory;
        }
    }
}

/// Whether the eight customers are all different.
#[inline(always)]
fn all_different(customers: &[usize; CONTACT_BLOCK]) -> bool {
    let mut same = false;
    for i in 0..CONTACT_BLOCK {
        for j in i + 1..CONTACT_BLOCK {
            same |= customers[i] == customers[j];
        }
    }
    !same
}

/// An employee-day's `k.contacts` contacts from its stream `ds`, in blocks of eight: each
/// block's draws computed ahead, in the stream's order, and the customer memories they will
/// touch prefetched (the memory read is the loop's one cache miss, and this lets the misses of
/// a block overlap); the normals in contact order, so their rare extra words are too.
#[inline(always)]
pub fn employee_day(
    isa: Isa,
    k: &Consts,
    e: &Employee,
    ds: &mut DayStream,
    mem: &mut [f32],
    tally: &mut Tally,
    churners: &mut Churners,
) {
    let mut first = 0;
    while first < k.contacts {
        let nb = (k.contacts - first).min(CONTACT_BLOCK);
        let blk = ds.block(isa, first / CONTACT_BLOCK);
        first += nb;
        let mut customers = [0usize; CONTACT_BLOCK];
        for (ci, &bits) in customers.iter_mut().zip(&blk.customer_bits) {
            *ci = customer_index(bits, mem.len());
            prefetch(mem.as_ptr().wrapping_add(*ci));
        }
        let mut z = [0.0f32; CONTACT_BLOCK];
        for (zc, &bits) in z[..nb].iter_mut().zip(&blk.zbits) {
            *zc = standard_normal(bits, &mut || ds.extra());
        }
        contacts(isa, k, e, &blk, &z, &customers, nb, mem, tally, churners);
    }
}

/// The first `nb` contacts of a block: in AVX2 lanes where the CPU has them and the order
/// cannot matter (a full block, eight different customers of a non-empty pool), else one
/// after another. Same result either way, bit for bit.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub fn contacts(
    isa: Isa,
    k: &Consts,
    e: &Employee,
    blk: &Block,
    z: &[f32; CONTACT_BLOCK],
    customers: &[usize; CONTACT_BLOCK],
    nb: usize,
    mem: &mut [f32],
    tally: &mut Tally,
    churners: &mut Churners,
) {
    if nb == CONTACT_BLOCK && !mem.is_empty() && all_different(customers) {
        #[cfg(target_arch = "x86_64")]
        if isa.kind() == IsaKind::Avx2 {
            // SAFETY: an `Isa` of kind Avx2 exists only where AVX2 was detected.
            unsafe { in_lanes_avx2(k, e, blk, z, customers, mem, tally, churners) };
            return;
        }
    }
    one_by_one(k, e, blk, z, customers, nb, mem, tally, churners);
}

/// A full block meeting eight different customers, in the eight f32 lanes of AVX2: the
/// memories gathered, [`contact`]'s operations done lane by lane in its order (a select
/// where it selects, a 0.0 added where it adds 0.0), the memories scattered back and the
/// churners recorded in contact order. `lanes_equal_one_contact_after_another` holds it to
/// [`contact`] bit for bit.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[allow(clippy::too_many_arguments)]
fn in_lanes_avx2(
    k: &Consts,
    e: &Employee,
    blk: &Block,
    z: &[f32; CONTACT_BLOCK],
    customers: &[usize; CONTACT_BLOCK],
    mem: &mut [f32],
    tally: &mut Tally,
    churners: &mut Churners,
) {
    use std::arch::x86_64::*;
    let raw: [f32; CONTACT_BLOCK] = std::array::from_fn(|c| mem[customers[c]]);
    let load = |a: &[f32; CONTACT_BLOCK]| {
        // SAFETY: an [f32; 8] is 32 readable bytes; the load is unaligned.
        unsafe { _mm256_loadu_ps(a.as_ptr()) }
    };
    let splat = _mm256_set1_ps;
    let lt = |a: __m256, b: __m256| _mm256_cmp_ps::<_CMP_LT_OQ>(a, b);
    let select = |mask: __m256, yes: __m256, no: __m256| _mm256_blendv_ps(no, yes, mask);
    let zero = _mm256_setzero_ps();
    let raw = load(&raw);
    let u_orient = load(&blk.u_orient);
    let genuine = lt(u_orient, splat(e.b));
    let shown = lt(u_orient, splat(e.visible));
    let flagged = _mm256_cmp_ps::<_CMP_GT_OQ>(raw, splat(CHURN_FLAG - 0.5));
    let m = select(flagged, _mm256_sub_ps(raw, splat(CHURN_FLAG)), raw);
    let mut score = _mm256_add_ps(
        _mm256_add_ps(
            splat(k.score_base),
            _mm256_mul_ps(
                splat(k.score_memory),
                _mm256_sub_ps(m, splat(k.memory_reference)),
            ),
        ),
        _mm256_mul_ps(splat(k.score_noise), load(z)),
    );
    score = _mm256_add_ps(score, select(genuine, splat(e.oriented_gain), zero));
    let u_resolve = load(&blk.u_resolve);
    let conflict = lt(load(&blk.u_conflict), splat(k.conflict_share));
    let broke = _mm256_and_ps(conflict, lt(u_resolve, splat(e.p_break)));
    let alternative = _mm256_andnot_ps(
        broke,
        _mm256_and_ps(conflict, lt(u_resolve, splat(e.p_alt))),
    );
    let unresolved = _mm256_andnot_ps(_mm256_or_ps(broke, alternative), conflict);
    let term = select(
        broke,
        splat(k.break_gain),
        select(
            alternative,
            splat(k.alternative_gain),
            select(unresolved, splat(-k.unresolved_penalty), zero),
        ),
    );
    score = _mm256_add_ps(score, term);
    let score = round_score_avx2(score);
    let promoter = _mm256_cmp_ps::<_CMP_GE_OQ>(score, splat(9.0));
    let detractor = _mm256_cmp_ps::<_CMP_LE_OQ>(score, splat(6.0));
    let u_fate = load(&blk.u_fate);
    let churns = _mm256_andnot_ps(
        flagged,
        _mm256_and_ps(detractor, lt(u_fate, splat(k.churn_detractor))),
    );
    let nm = _mm256_add_ps(
        m,
        _mm256_mul_ps(
            splat(k.memory_rate),
            _mm256_sub_ps(_mm256_mul_ps(score, splat(0.1)), m),
        ),
    );
    let memory = select(
        _mm256_or_ps(flagged, churns),
        _mm256_add_ps(nm, splat(CHURN_FLAG)),
        nm,
    );
    let referred = _mm256_and_ps(promoter, lt(u_fate, splat(k.referral_promoter)));
    let rewarded = if e.rewarding {
        _mm256_and_ps(shown, lt(load(&blk.u_reward), splat(e.reward_prob)))
    } else {
        zero
    };
    let bits = |mask: __m256| _mm256_movemask_ps(mask) as u32;
    let n = |mask: __m256| bits(mask).count_ones();
    tally.genuine += n(genuine);
    tally.shown += n(shown);
    tally.conflicts += n(conflict);
    tally.breaks += n(broke);
    tally.alternatives += n(alternative);
    tally.promoters += n(promoter);
    tally.detractors += n(detractor);
    tally.referred += n(referred);
    tally.rewards += n(rewarded);
    tally.rewards_genuine += n(_mm256_and_ps(rewarded, genuine));
    let mut scores = [0.0f32; CONTACT_BLOCK];
    let mut memories = [0.0f32; CONTACT_BLOCK];
    // SAFETY: [f32; 8] arrays are 32 writable bytes; the stores are unaligned.
    unsafe {
        _mm256_storeu_ps(scores.as_mut_ptr(), score);
        _mm256_storeu_ps(memories.as_mut_ptr(), memory);
    }
    tally.score_sum += scores.iter().map(|&s| s as u32).sum::<u32>();
    for (&ci, &nm) in customers.iter().zip(&memories) {
        mem[ci] = nm;
    }
    let mut churned = bits(churns);
    while churned != 0 {
        churners.record(customers[churned.trailing_zeros() as usize]);
        churned &= churned - 1;
    }
}

/// [`round_score`] on eight lanes: the same clamp, f64 sum, rounding and floor, four lanes of
/// f64 at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn round_score_avx2(x: std::arch::x86_64::__m256) -> std::arch::x86_64::__m256 {
    use std::arch::x86_64::*;
    let x = _mm256_min_ps(_mm256_max_ps(x, _mm256_setzero_ps()), _mm256_set1_ps(16.0));
    let half = |h: __m128| {
        let y = _mm256_add_pd(_mm256_cvtps_pd(h), _mm256_set1_pd(0.5));
        let two52 = _mm256_set1_pd(4_503_599_627_370_496.0);
        let r = _mm256_sub_pd(_mm256_add_pd(y, two52), two52);
        let up = _mm256_cmp_pd::<_CMP_GT_OQ>(r, y);
        let floor = _mm256_sub_pd(r, _mm256_and_pd(up, _mm256_set1_pd(1.0)));
        _mm256_cvtpd_ps(floor)
    };
    let lo = half(_mm256_castps256_ps128(x));
    let hi = half(_mm256_extractf128_ps::<1>(x));
    _mm256_min_ps(_mm256_set_m128(hi, lo), _mm256_set1_ps(10.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draws::{customer_index, DayStream};
    use crate::normal::standard_normal;
    use crate::params::Params;

    /// The float form `round_score` replaces.
    fn float_form(x: f32) -> f32 {
        x.round().clamp(0.0, 10.0)
    }

    #[test]
    fn round_score_equals_the_float_rounding_on_every_score_that_matters() {
        // Every f32 in [-2, 12] around the half-integers, plus a sweep and the extremes.
        let mut xs: Vec<f32> = (-4..=34)
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
            assert_eq!(r, f + 0.0, "x = {x:e}");
            assert_eq!(r as u64, f as u64, "x = {x:e}");
            // The memory update sees score/10 - m: a -0.0 score gives the same difference.
            for m in [0.0f32, 0.3, 0.7, 1.0] {
                let a = m + 0.3 * (f * 0.1 - m);
                let b = m + 0.3 * (r * 0.1 - m);
                assert_eq!(a.to_bits(), b.to_bits(), "x = {x:e}, m = {m}");
            }
        }
    }

    /// Random blocks on random pools: lanes (on every instruction set this CPU has) and one
    /// at a time leave the same memories, tallies and churners.
    #[test]
    fn lanes_equal_one_contact_after_another() {
        let k = Consts::new(&Params::default());
        let mut lane_blocks = 0;
        for case in 0..4000u64 {
            let s = DayStream::new(case.wrapping_mul(0x9E37_79B9), 8);
            let blk = s.block(Isa::preferred(), 0);
            let len = 9 + (case % 40) as usize;
            let mut mem: Vec<f32> = (0..len)
                .map(|i| {
                    let m = ((i as u64 * 7 + case) % 101) as f32 / 100.0;
                    if (i as u64 + case).is_multiple_of(11) {
                        m + CHURN_FLAG
                    } else {
                        m
                    }
                })
                .collect();
            let mut customers = [0usize; CONTACT_BLOCK];
            for (ci, &bits) in customers.iter_mut().zip(&blk.customer_bits) {
                *ci = customer_index(bits, len);
            }
            if !all_different(&customers) {
                continue;
            }
            lane_blocks += 1;
            let mut ds = s;
            let z: [f32; CONTACT_BLOCK] =
                std::array::from_fn(|c| standard_normal(blk.zbits[c], &mut || ds.extra()) * 3.0);
            let e = Employee {
                b: (case % 10) as f32 / 10.0,
                visible: 0.8,
                oriented_gain: 1.2,
                p_break: 0.2,
                p_alt: 0.5,
                rewarding: case % 2 == 0,
                reward_prob: 0.4,
            };
            let run = |lanes: Option<Isa>, mem: &mut Vec<f32>| {
                let mut at = [0u32; 4];
                let mut ch = Churners {
                    at: &mut at,
                    count: 0,
                };
                let mut t = Tally::default();
                match lanes {
                    Some(isa) => {
                        contacts(isa, &k, &e, &blk, &z, &customers, 8, mem, &mut t, &mut ch)
                    }
                    None => one_by_one(&k, &e, &blk, &z, &customers, 8, mem, &mut t, &mut ch),
                }
                let count = ch.count;
                (t, at, count)
            };
            let mut m1 = mem.clone();
            let expected = run(None, &mut m1);
            for isa in Isa::all_available() {
                let mut m2 = mem.clone();
                assert_eq!(
                    run(Some(isa), &mut m2),
                    expected,
                    "case {case} {:?}",
                    isa.kind()
                );
                assert_eq!(
                    m2.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                    m1.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                    "case {case}"
                );
            }
            mem.clear();
        }
        assert!(lane_blocks > 500, "only {lane_blocks} blocks went in lanes");
    }
}
