//! Deterministic random streams keyed by what they are for.
//!
//! Every random draw belongs to a stream identified by (replication seed, purpose, team,
//! slot, day). A stream is a fresh Xoshiro256++ seeded from a hash of that key, so
//! - no result depends on thread count or scheduling: nothing is shared between teams;
//! - common random numbers hold across arms: the same employee on the same day draws the
//!   same numbers in every arm, because the key does not contain the arm and every
//!   employee-day draws a fixed count of numbers whatever its state.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator behind every stream.
pub type Stream = Xoshiro256PlusPlus;

/// What a stream is used for; part of its key so that purposes never share numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Purpose {
    Replication = 1,
    EmployeeInit = 2,
    ManagerInit = 3,
    CustomerInit = 4,
    EmployeeDay = 5,
    TeamDay = 6,
    Hire = 7,
    /// The interview signal of a candidate (hiring selectivity).
    Screening = 8,
}

/// SplitMix64's finaliser: a bijective avalanche mix of 64 bits.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(SPLITMIX_GAMMA);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Start value of every key fold.
const KEY_START: u64 = 0x6A09_E667_F3BC_C908;

/// Folds key parts into one well-mixed 64-bit value; order matters.
#[inline]
pub fn key(parts: &[u64]) -> u64 {
    key_from(KEY_START, parts)
}

/// Continues a key fold from `h`, the key of the leading parts: `key_from(key(a), b)` equals
/// `key(a ++ b)`. The daily loop folds (replication, purpose, team) once per team-day and only
/// the slot and day per employee, which saves six of the ten mixes of every employee-day.
#[inline]
pub fn key_from(h: u64, parts: &[u64]) -> u64 {
    let mut h = h;
    for &p in parts {
        h = key_step(h, mix64(p));
    }
    h
}

/// One step of the key fold with a part that is already mixed (`mix64(part)`), so that a part
/// shared by many keys (the day) is mixed once.
#[inline(always)]
pub fn key_step(h: u64, mixed_part: u64) -> u64 {
    mix64(h ^ mixed_part)
}

/// Seed of one replication, derived from the master seed.
pub fn replication_seed(master: u64, replication: u64) -> u64 {
    key(&[master, Purpose::Replication as u64, replication])
}

/// A stream for (replication seed, purpose, a, b, c).
#[inline]
pub fn stream(rep_seed: u64, purpose: Purpose, a: u64, b: u64, c: u64) -> Stream {
    Stream::seed_from_u64(key(&[rep_seed, purpose as u64, a, b, c]))
}

/// The stream whose full key is `k` (from [`key`], [`key_from`] or [`key_step`]): the same
/// generator [`stream`] returns for the same key parts.
///
/// `Stream::seed_from_u64` fills the 32-byte seed from SplitMix64 through its generic
/// byte-filling path, a call the daily loop pays once per employee-day; this writes the same
/// four SplitMix64 outputs directly (`mix64(k + i·φ)` is SplitMix64's i-th output; tested
/// equal). Four distinct SplitMix64 outputs are never all zero, so `from_seed`'s zero-seed
/// fallback never applies.
#[inline]
pub fn stream_from_key(k: u64) -> Stream {
    let mut seed = [0u8; 32];
    let mut x = k;
    for chunk in seed.chunks_exact_mut(8) {
        chunk.copy_from_slice(&mix64(x).to_le_bytes());
        x = x.wrapping_add(SPLITMIX_GAMMA);
    }
    Stream::from_seed(seed)
}

/// SplitMix64's increment φ (the golden ratio in 64 bits); [`mix64`] adds it first.
const SPLITMIX_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// A uniform in [0, 1) with 24 bits of precision, from the top bits of a 32-bit draw.
#[inline(always)]
pub fn unit_f32(bits: u32) -> f32 {
    (bits >> 8) as f32 * (1.0 / 16_777_216.0)
}

/// Two uniforms in [0, 1) from one 64-bit draw: halves the generator cost per contact.
#[inline(always)]
pub fn two_units<R: Rng + ?Sized>(rng: &mut R) -> (f32, f32) {
    let x = rng.next_u64();
    (unit_f32((x >> 32) as u32), unit_f32(x as u32))
}

/// A uniform in [0, 1) with 53 bits, for draws outside the hot loop.
#[inline]
pub fn unit_f64<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_with_equal_keys_are_equal_and_different_keys_differ() {
        let mut a = stream(7, Purpose::EmployeeDay, 1, 2, 3);
        let mut b = stream(7, Purpose::EmployeeDay, 1, 2, 3);
        let mut c = stream(7, Purpose::EmployeeDay, 1, 2, 4);
        let xa: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        let xb: Vec<u64> = (0..4).map(|_| b.next_u64()).collect();
        let xc: Vec<u64> = (0..4).map(|_| c.next_u64()).collect();
        assert_eq!(xa, xb);
        assert_ne!(xa, xc);
    }

    #[test]
    fn a_key_folded_in_steps_equals_the_key_folded_at_once() {
        for (r, a, b, c) in [(0, 0, 0, 0), (7, 1, 2, 3), (u64::MAX, 99_999, 9, 1 << 40)] {
            let parts = [r, Purpose::EmployeeDay as u64, a, b, c];
            let pre = key(&parts[..3]);
            assert_eq!(key(&parts), key_from(pre, &parts[3..]));
            assert_eq!(key(&parts), key_step(key_step(pre, mix64(b)), mix64(c)));
            let mut x = stream(r, Purpose::EmployeeDay, a, b, c);
            let mut y = stream_from_key(key_from(pre, &[b, c]));
            assert_eq!(x.next_u64(), y.next_u64());
        }
    }

    #[test]
    fn stream_from_key_equals_seed_from_u64() {
        let mut k = 0u64;
        for i in 0..100_000u64 {
            let mut a = Stream::seed_from_u64(k);
            let mut b = stream_from_key(k);
            assert_eq!(a, b);
            assert_eq!(a.next_u64(), b.next_u64());
            k = mix64(k ^ i);
        }
        for k in [0, 1, u64::MAX, SPLITMIX_GAMMA.wrapping_neg()] {
            assert_eq!(Stream::seed_from_u64(k), stream_from_key(k));
        }
    }

    #[test]
    fn unit_draws_stay_in_the_unit_interval() {
        assert_eq!(unit_f32(0), 0.0);
        assert!(unit_f32(u32::MAX) < 1.0);
        let mut r = stream(1, Purpose::TeamDay, 0, 0, 0);
        for _ in 0..1000 {
            let (u, v) = two_units(&mut r);
            assert!((0.0..1.0).contains(&u) && (0.0..1.0).contains(&v));
            let w = unit_f64(&mut r);
            assert!((0.0..1.0).contains(&w));
        }
    }
}
