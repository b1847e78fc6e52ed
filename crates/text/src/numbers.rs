//! How a number a person reads is written in each language. English: `1,234.56`, `€1,234`,
//! `[0.139, 0.143]`, `NA`. Dutch: `1.234,56`, `€ 1.234`, `[0,139; 0,143]` (a semicolon, since
//! the comma is the decimal sign), `n.b.`. Both: a real minus sign (U+2212), no sign on a value
//! that rounds to zero, and as many decimals as the size of the number needs ([`sig`]). The
//! pseudo-language writes numbers as English does. Files for machines (CSV, JSON) keep full
//! precision and are not written here.

use crate::lang::Lang;

/// The minus sign of running text and tables (U+2212), wider than a hyphen and never
/// broken from its number.
pub const MINUS: char = '\u{2212}';

/// The space between `€` and a Dutch sum (U+00A0, no-break): a table cell or a line may
/// break after an interval's `;`, never between the sign and its number.
pub const NBSP: char = '\u{a0}';

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Nl => ('.', ','),
        Lang::En | Lang::Pseudo => (',', '.'),
    }
}

/// A number already written with a point (`0.5`, `13.148800`, as a file or Rust's `{:.6}`
/// writes it) with the decimal sign of `lang`, its digits kept; anything else as it is.
pub fn decimal_sign(lang: Lang, shown: &str) -> String {
    let (_, point) = separators(lang);
    if point != '.' && shown.parse::<f64>().is_ok() {
        shown.replace('.', &point.to_string())
    } else {
        shown.to_string()
    }
}

/// What a missing or not finite value reads as: `NA`, `n.b.` (niet beschikbaar).
pub fn missing(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "n.b.",
        Lang::En | Lang::Pseudo => "NA",
    }
}

/// `x` with `decimals` digits after the decimal sign, thousands grouped and a real minus sign;
/// [`missing`] when not finite. A value that rounds to zero has no sign.
pub fn fixed(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return missing(lang).to_string();
    }
    let (group, point) = separators(lang);
    if x.abs() >= 1e12 {
        return format!("{x:.2e}")
            .replace('-', &MINUS.to_string())
            .replace('.', &point.to_string());
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + 4);
    let rounds_to_zero = s.chars().all(|c| c == '0' || c == '.');
    if x < 0.0 && !rounds_to_zero {
        out.push(MINUS);
    }
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// The decimals a number of this size is shown with: none from 100 up, one from 10, two from
/// 1, three below (a share, a score gain, an effect size).
pub fn sig_decimals(x: f64) -> usize {
    let a = x.abs();
    if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        3
    }
}

/// `x` with the decimals its size needs ([`sig_decimals`]).
pub fn sig(lang: Lang, x: f64) -> String {
    fixed(lang, x, sig_decimals(x))
}

/// Like [`fixed`], with a `+` before a positive value that does not round to zero: for a
/// gain or a difference, whose sign is the point.
pub fn signed(lang: Lang, x: f64, decimals: usize) -> String {
    let s = fixed(lang, x, decimals);
    if x > 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{s}")
    } else {
        s
    }
}

/// Like [`sig`], signed.
pub fn sig_signed(lang: Lang, x: f64) -> String {
    signed(lang, x, sig_decimals(x))
}

fn money(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return missing(lang).to_string();
    }
    let s = fixed(lang, x.abs(), decimals);
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    match (lang, negative) {
        (Lang::Nl, false) => format!("€{NBSP}{s}"),
        (Lang::Nl, true) => format!("€{NBSP}{MINUS}{s}"),
        (_, false) => format!("€{s}"),
        (_, true) => format!("{MINUS}€{s}"),
    }
}

/// A sum of money in whole euros: `€12,457` and `−€1,200`; Dutch `€ 12.457` and `€ −1.200`.
pub fn euro(lang: Lang, x: f64) -> String {
    money(lang, x, 0)
}

/// A sum of money with cents: `€1,234.56`; Dutch `€ 1.234,56`.
pub fn euro_cents(lang: Lang, x: f64) -> String {
    money(lang, x, 2)
}

/// A share as a percentage with `decimals` decimals: `39%`, `39,4%`.
pub fn percent(lang: Lang, share: f64, decimals: usize) -> String {
    if !share.is_finite() {
        return missing(lang).to_string();
    }
    format!("{}%", fixed(lang, 100.0 * share, decimals))
}

/// An interval, its ends written by `f`: `[0.139, 0.143]`; Dutch `[0,139; 0,143]`.
pub fn interval(lang: Lang, lo: f64, hi: f64, f: impl Fn(f64) -> String) -> String {
    bracket(lang, &f(lo), &f(hi))
}

/// Two ends already written (a number, or words such as "not reached") as an interval:
/// `[13, 48]`; Dutch `[13; 48]`, since the comma is the decimal sign there.
pub fn bracket(lang: Lang, lo: &str, hi: &str) -> String {
    match lang {
        Lang::Nl => format!("[{lo}; {hi}]"),
        Lang::En | Lang::Pseudo => format!("[{lo}, {hi}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Nl};

    #[test]
    fn thousands_and_decimals_follow_the_locale() {
        assert_eq!(fixed(En, 1_234_567.891, 2), "1,234,567.89");
        assert_eq!(fixed(Nl, 1_234_567.891, 2), "1.234.567,89");
        assert_eq!(fixed(Nl, 999.0, 0), "999");
        assert_eq!(sig(Nl, 0.1414), "0,141");
    }

    #[test]
    fn signs_and_zeroes_read_the_same_in_both() {
        assert_eq!(fixed(Nl, -0.0016, 3), "\u{2212}0,002");
        assert_eq!(fixed(Nl, -0.0004, 3), "0,000");
        assert_eq!(signed(Nl, 0.27, 3), "+0,270");
        assert_eq!(sig_signed(En, -0.0016), "\u{2212}0.002");
    }

    #[test]
    fn a_number_written_with_a_point_takes_the_locales_sign_and_keeps_its_digits() {
        assert_eq!(decimal_sign(Nl, "13.148800"), "13,148800");
        assert_eq!(decimal_sign(En, "13.148800"), "13.148800");
        assert_eq!(decimal_sign(Nl, "2.0"), "2,0");
        assert_eq!(decimal_sign(Nl, "—"), "—");
    }

    #[test]
    fn money_is_written_as_each_locale_writes_it() {
        assert_eq!(euro(En, 12_457.4), "€12,457");
        assert_eq!(euro(En, -1200.0), "\u{2212}€1,200");
        assert_eq!(euro(Nl, 12_457.4), "€\u{a0}12.457");
        assert_eq!(euro(Nl, -1200.0), "€\u{a0}\u{2212}1.200");
        assert_eq!(euro_cents(Nl, 1234.56), "€\u{a0}1.234,56");
        assert_eq!(euro_cents(En, 1234.56), "€1,234.56");
    }

    #[test]
    fn shares_intervals_and_missing_values() {
        assert_eq!(percent(En, 0.394, 0), "39%");
        assert_eq!(percent(Nl, 0.394, 1), "39,4%");
        assert_eq!(interval(En, 0.139, 0.143, |x| sig(En, x)), "[0.139, 0.143]");
        assert_eq!(interval(Nl, 0.139, 0.143, |x| sig(Nl, x)), "[0,139; 0,143]");
        assert_eq!(fixed(Nl, f64::NAN, 2), "n.b.");
        assert_eq!(euro(En, f64::INFINITY), "NA");
    }
}
