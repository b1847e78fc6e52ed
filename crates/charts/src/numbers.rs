//! How every number a person reads in English is written: charts, the printed table, the
//! report, the summary and the explorer (`assets/serve/app.js` `fmt` follows the same rules),
//! so that a figure copied from one into another reads the same. These are the English forms of
//! [`undercurrent_text::numbers`], which writes every language; files for machines (CSV, JSON)
//! keep full precision and are not formatted here.
//!
//! The house style: a comma between thousands from 1,000 up (`120,000`), a real minus sign
//! (`−0.002`, U+2212), `€` before a sum of money (`€12,457`), `NA` for a missing value, and
//! as many decimals as the size of the number needs (see [`sig`]).

use undercurrent_text::numbers as n;
use undercurrent_text::Lang;

pub use undercurrent_text::numbers::{sig_decimals, MINUS};

/// `x` with `decimals` digits after the point, a comma between thousands and a real minus
/// sign; `NA` when not finite. A value that rounds to zero has no sign (`0.000`, not
/// `−0.000`).
pub fn fixed(x: f64, decimals: usize) -> String {
    n::fixed(Lang::En, x, decimals)
}

/// `x` with the decimals its size needs ([`sig_decimals`]).
pub fn sig(x: f64) -> String {
    n::sig(Lang::En, x)
}

/// Like [`fixed`], with a `+` before a positive value that does not round to zero: for a
/// gain or a difference, whose sign is the point.
pub fn signed(x: f64, decimals: usize) -> String {
    n::signed(Lang::En, x, decimals)
}

/// Like [`sig`], signed.
pub fn sig_signed(x: f64) -> String {
    n::sig_signed(Lang::En, x)
}

/// A sum of money in euro, whole euros: `€12,457`, `−€1,200`.
pub fn euro(x: f64) -> String {
    n::euro(Lang::En, x)
}

/// A share as a percentage without decimals: `39%`.
pub fn percent(share: f64) -> String {
    n::percent(Lang::En, share, 0)
}

/// A confidence interval: `[0.139, 0.143]`, its ends written by `f`.
pub fn interval(lo: f64, hi: f64, f: impl Fn(f64) -> String) -> String {
    n::interval(Lang::En, lo, hi, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_by_commas_from_one_thousand_up() {
        assert_eq!(fixed(999.0, 0), "999");
        assert_eq!(fixed(1000.0, 0), "1,000");
        assert_eq!(fixed(120_000.0, 0), "120,000");
        assert_eq!(fixed(1_234_567.891, 2), "1,234,567.89");
    }

    #[test]
    fn negatives_carry_a_real_minus_and_a_rounded_zero_none() {
        assert_eq!(fixed(-0.0016, 3), "\u{2212}0.002");
        assert_eq!(fixed(-0.0004, 3), "0.000");
        assert_eq!(fixed(-12_500.0, 0), "\u{2212}12,500");
        assert!(!sig(-3.5).contains('-'));
    }

    #[test]
    fn the_decimals_follow_the_size_of_the_number() {
        assert_eq!(sig(12_457.3), "12,457");
        assert_eq!(sig(199.4), "199");
        assert_eq!(sig(26.64), "26.6");
        assert_eq!(sig(2.0764), "2.08");
        assert_eq!(sig(0.1414), "0.141");
    }

    #[test]
    fn signs_are_shown_where_the_direction_is_the_point() {
        assert_eq!(signed(0.27, 3), "+0.270");
        assert_eq!(signed(0.0001, 3), "0.000");
        assert_eq!(sig_signed(-0.0016), "\u{2212}0.002");
    }

    #[test]
    fn money_percentages_and_missing_values_have_one_form() {
        assert_eq!(euro(12_457.4), "€12,457");
        assert_eq!(euro(-1200.0), "\u{2212}€1,200");
        assert_eq!(percent(0.394), "39%");
        assert_eq!(fixed(f64::NAN, 2), "NA");
        assert_eq!(euro(f64::INFINITY), "NA");
        assert_eq!(interval(0.139, 0.143, sig), "[0.139, 0.143]");
    }
}
