//! The random numbers of an employee-day: a counter-based stream, filled in blocks with the
//! widest vector instructions the CPU has, and decoded into the draws of each contact.
//!
//! **Stream.** Word `j` of the employee-day keyed `k` is `mix64(k + j·φ)`: SplitMix64's
//! `j`-th output from state `k` (Steele, Lea & Flood 2014; it passes BigCrush and seeds every
//! other stream of the model). Any word can be computed on its own, so a block of words is a
//! map over counters that vector units compute several at a time, and no generator has to
//! be seeded per employee-day.
//!
//! **Layout** (every employee-day, whatever its state, so arms share every number):
//! - word 0: the chance of leaving (top 24 bits) and of seeing a telling moment (next 24);
//!   word 1: which moment it is (top 24);
//! - words from 2 on, in blocks of 24 for 8 contacts: contact `c` of block `b` has words
//!   `2 + 24b + c`, `2 + 24b + 8 + c` and `2 + 24b + 16 + c` (rows of 8, so a vector unit
//!   decodes a row of 8 contacts at once), decoded by [`Block::decode`]; a day whose contacts
//!   do not fill the last block leaves its other words unused;
//! - words after the last block: the normal sampler's rare slow path, in the order the
//!   contacts need them.
//!
//! **Vector paths.** [`Isa::detect`] picks AVX2 when the CPU has it at run time, else the
//! x86-64 baseline (SSE2); the block filler and decoder are the same Rust code compiled for
//! each, all integer operations and exact conversions, so both paths give the same bits
//! (tested). No build flag is needed. (An AVX-512 path, with 8 lanes and a native 64-bit
//! multiply, was left out: this project's machine does not expose AVX-512, so it could not be
//! tested or measured.)

use std::sync::atomic::{AtomicU8, Ordering};

use super::rng::mix64;

/// SplitMix64's increment φ.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// Contacts whose words are filled at once: 8 contacts are 24 words, three AVX-512 vectors.
pub const CONTACT_BLOCK: usize = 8;

/// Words of one contact.
pub const WORDS_PER_CONTACT: usize = 3;

/// Words of a block of contacts.
pub const BLOCK_WORDS: u64 = (CONTACT_BLOCK * WORDS_PER_CONTACT) as u64;

/// Words of the employee-day before its contacts.
pub const DAY_WORDS: u64 = 2;

/// An instruction set the block filler can run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IsaKind {
    /// x86-64 baseline (SSE2), or any other architecture.
    Baseline,
    /// x86-64 with AVX2 (Intel since 2013, AMD since 2015): four 64-bit lanes, 64-bit
    /// multiplies composed from 32-bit ones.
    Avx2,
}

impl IsaKind {
    pub const ALL: [IsaKind; 2] = [IsaKind::Baseline, IsaKind::Avx2];

    pub fn name(self) -> &'static str {
        match self {
            IsaKind::Baseline => "baseline",
            IsaKind::Avx2 => "avx2",
        }
    }

    /// The kind named `name` (as [`IsaKind::name`] writes it).
    pub fn from_name(name: &str) -> Option<IsaKind> {
        IsaKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// An instruction set this CPU has: only [`Isa::detect`] and [`Isa::new`] make one, so the
/// vector paths are never run where they would fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Isa(IsaKind);

/// The widest kind a process allows ([`limit`]); `u8::MAX` while no limit is set.
static LIMIT: AtomicU8 = AtomicU8::new(u8::MAX);

/// Caps the instruction set every later [`Isa::preferred`] picks, for the whole process (the
/// CLI sets it from `UNDERCURRENT_ISA`, so a test can compare a whole run on each path).
/// Results do not depend on it; only speed does.
pub fn limit(kind: IsaKind) {
    LIMIT.store(kind as u8, Ordering::Relaxed);
}

impl Isa {
    /// The widest set this CPU runs.
    pub fn detect() -> Isa {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                return Isa(IsaKind::Avx2);
            }
        }
        Isa(IsaKind::Baseline)
    }

    /// The widest set this CPU runs within the process's [`limit`]: what a simulation uses.
    pub fn preferred() -> Isa {
        let cap = LIMIT.load(Ordering::Relaxed);
        let best = Isa::detect();
        IsaKind::ALL
            .into_iter()
            .rev()
            .find(|&k| (k as u8) <= cap && k <= best.0)
            .map_or(Isa(IsaKind::Baseline), Isa)
    }

    /// `kind` if this CPU runs it.
    pub fn new(kind: IsaKind) -> Option<Isa> {
        (kind <= Isa::detect().0).then_some(Isa(kind))
    }

    /// Every set this CPU runs, narrowest first (for tests that compare them).
    pub fn all_available() -> Vec<Isa> {
        IsaKind::ALL.into_iter().filter_map(Isa::new).collect()
    }

    pub fn kind(self) -> IsaKind {
        self.0
    }
}

/// One employee-day's stream: its key, and where the slow-path words continue.
#[derive(Debug, Clone, Copy, Default)]
pub struct DayStream {
    key: u64,
    next_extra: u64,
}

impl DayStream {
    /// The stream keyed `key` of an employee-day with `contacts` contacts.
    #[inline(always)]
    pub fn new(key: u64, contacts: usize) -> DayStream {
        DayStream {
            key,
            next_extra: DAY_WORDS + BLOCK_WORDS * contacts.div_ceil(CONTACT_BLOCK) as u64,
        }
    }

    /// Word `j`.
    #[inline(always)]
    pub fn word(&self, j: u64) -> u64 {
        mix64(self.key.wrapping_add(j.wrapping_mul(GAMMA)))
    }

    /// The next word past the fixed layout (the normal's slow path).
    #[inline(always)]
    pub fn extra(&mut self) -> u64 {
        let w = self.word(self.next_extra);
        self.next_extra += 1;
        w
    }

    /// The draws of contacts `8b .. 8b + 8`, computed on the instruction set `isa`.
    #[inline(always)]
    pub fn block(&self, isa: Isa, b: usize) -> Block {
        let from = DAY_WORDS + BLOCK_WORDS * b as u64;
        match isa.0 {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: an `Isa` of kind Avx2 exists only where AVX2 was detected.
            IsaKind::Avx2 => unsafe { block_avx2(self.key, from) },
            _ => block_words(self.key, from),
        }
    }
}

/// Eight contacts' draws, a row per quantity (structure of arrays): everything but the
/// normal, which [`crate::normal::standard_normal`] makes from `zbits` when the contact is met.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Block {
    pub u_orient: [f32; CONTACT_BLOCK],
    pub u_conflict: [f32; CONTACT_BLOCK],
    pub u_resolve: [f32; CONTACT_BLOCK],
    pub u_fate: [f32; CONTACT_BLOCK],
    pub u_reward: [f32; CONTACT_BLOCK],
    /// The 24 bits that pick the customer (`customer_index` scales them to the pool).
    pub customer_bits: [u32; CONTACT_BLOCK],
    /// The normal's 32 bits.
    pub zbits: [u32; CONTACT_BLOCK],
}

/// The customer met, uniform over `0..pool_len`: `floor(u · len)` for the 24-bit uniform `u`,
/// in integers, so always below `len` (0 for an empty pool).
#[inline(always)]
pub fn customer_index(bits: u32, pool_len: usize) -> usize {
    ((bits as u64 * pool_len as u64) >> 24) as usize
}

/// A block's words and their decoding, written once and compiled once per instruction set:
/// rows of eight 64-bit words, then per row the same shifts, masks and conversions, which a
/// vector unit does eight (or four) lanes at a time.
#[inline(always)]
fn block_words(key: u64, from: u64) -> Block {
    let start = key.wrapping_add(from.wrapping_mul(GAMMA));
    let mut rows = [[0u64; CONTACT_BLOCK]; WORDS_PER_CONTACT];
    for (r, row) in rows.iter_mut().enumerate() {
        for (c, o) in row.iter_mut().enumerate() {
            let j = (r * CONTACT_BLOCK + c) as u64;
            *o = mix64(start.wrapping_add(j.wrapping_mul(GAMMA)));
        }
    }
    let mut b = Block::default();
    #[allow(clippy::needless_range_loop)] // one lane index into three rows and seven outputs
    for c in 0..CONTACT_BLOCK {
        let (w0, w1, w2) = (rows[0][c], rows[1][c], rows[2][c]);
        b.u_orient[c] = top24(w0);
        b.customer_bits[c] = ((w0 >> 16) & 0xFF_FFFF) as u32;
        b.u_conflict[c] = top24(w1);
        b.u_resolve[c] = mid24(w1);
        b.u_fate[c] = top24(w2);
        b.u_reward[c] = mid24(w2);
        b.zbits[c] = ((w0 & 0xFFFF) << 16 | (w1 & 0xFFFF)) as u32;
    }
    b
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn block_avx2(key: u64, from: u64) -> Block {
    block_words(key, from)
}

/// A uniform in [0, 1) from bits 40-63 of a word (24 bits: every value exact in f32).
#[inline(always)]
pub fn top24(w: u64) -> f32 {
    (w >> 40) as f32 * (1.0 / 16_777_216.0)
}

/// A uniform in [0, 1) from bits 16-39 of a word.
#[inline(always)]
pub fn mid24(w: u64) -> f32 {
    ((w >> 16) & 0xFF_FFFF) as f32 * (1.0 / 16_777_216.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_caps_the_preferred_set_and_names_round_trip() {
        for k in IsaKind::ALL {
            assert_eq!(IsaKind::from_name(k.name()), Some(k));
        }
        assert!(Isa::preferred().kind() <= Isa::detect().kind());
        assert_eq!(
            Isa::new(IsaKind::Baseline).map(Isa::kind),
            Some(IsaKind::Baseline)
        );
    }

    /// Block `b` decoded one word at a time, as the layout in the module's doc defines it.
    fn block_by_words(s: &DayStream, b: usize) -> Block {
        let mut out = Block::default();
        for c in 0..CONTACT_BLOCK {
            let w = |r: usize| s.word(DAY_WORDS + BLOCK_WORDS * b as u64 + (8 * r + c) as u64);
            let (w0, w1, w2) = (w(0), w(1), w(2));
            out.u_orient[c] = top24(w0);
            out.customer_bits[c] = (w0 >> 16) as u32 & 0xFF_FFFF;
            out.u_conflict[c] = top24(w1);
            out.u_resolve[c] = mid24(w1);
            out.u_fate[c] = top24(w2);
            out.u_reward[c] = mid24(w2);
            out.zbits[c] = (w0 as u32) << 16 | (w1 as u32 & 0xFFFF);
        }
        out
    }

    #[test]
    fn every_available_path_decodes_the_same_blocks_as_the_layout_defines() {
        let paths = Isa::all_available();
        assert_eq!(paths[0].kind(), IsaKind::Baseline);
        for key in [0u64, 1, 0xDEAD_BEEF, u64::MAX] {
            let s = DayStream::new(key, 8);
            for b in [0usize, 1, 7, 1 << 20] {
                let expected = block_by_words(&s, b);
                for &isa in &paths {
                    assert_eq!(
                        s.block(isa, b),
                        expected,
                        "{:?} key {key} block {b}",
                        isa.kind()
                    );
                }
            }
        }
    }

    #[test]
    fn word_j_is_splitmix64s_jth_output() {
        // SplitMix64 as published: state += φ, then the finaliser.
        let mut state = 42u64;
        let s = DayStream::new(42, 8);
        for j in 0..100 {
            state = state.wrapping_add(GAMMA);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            assert_eq!(s.word(j), z ^ (z >> 31));
        }
    }

    #[test]
    fn slow_path_words_start_after_the_fixed_layout() {
        let mut s = DayStream::new(7, 8);
        assert_eq!(s.extra(), s.word(26));
        assert_eq!(s.extra(), s.word(27));
        // Nine contacts fill one block and start a second.
        let mut s = DayStream::new(7, 9);
        assert_eq!(s.extra(), s.word(50));
    }

    #[test]
    fn customers_are_uniform_over_the_pool_and_never_past_its_end() {
        let s = DayStream::new(9, 8);
        let mut counts = [0u32; 7];
        for b in 0..10_000 {
            let blk = s.block(Isa::preferred(), b);
            for c in 0..CONTACT_BLOCK {
                counts[customer_index(blk.customer_bits[c], 7)] += 1;
                assert!([
                    blk.u_orient,
                    blk.u_conflict,
                    blk.u_resolve,
                    blk.u_fate,
                    blk.u_reward
                ]
                .iter()
                .all(|row| (0.0..1.0).contains(&row[c])));
            }
        }
        // 80,000 draws over 7 customers: within about 4.5 standard deviations of 11,429.
        for c in counts {
            assert!((c as f64 - 80_000.0 / 7.0).abs() < 450.0, "{counts:?}");
        }
        assert_eq!(customer_index(0xFF_FFFF, 5), 4);
        assert_eq!(customer_index(0xFF_FFFF, 0), 0);
        assert_eq!(customer_index(0, 5), 0);
        assert_eq!(top24(u64::MAX), 1.0 - 1.0 / 16_777_216.0);
        assert_eq!(mid24(u64::MAX), 1.0 - 1.0 / 16_777_216.0);
    }
}
