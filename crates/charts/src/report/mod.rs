//! Human-readable summaries of results: the printed durability table, the plain-language
//! reading, the self-contained HTML report and the one-page summary, each in the language a
//! caller passes ([`Lang`]): every word from the catalogue (`crates/text/locales`), every
//! number in the language's own form.

pub mod calibration;
pub mod censored;
pub mod claims;
pub mod costs;
pub mod described;
pub mod html;
pub mod reading;
pub mod summary;
pub mod text;

use undercurrent_text::tr;
pub use undercurrent_text::Lang;

use crate::experiment::claims::Verdict;
use crate::plot::data::Intervals;

/// What an interval covers, for a band's caption and a table's notes: the words of
/// [`Intervals::band`] in `lang`.
pub fn interval_band(lang: Lang, intervals: Intervals) -> String {
    match intervals {
        Intervals::Chance => tr!(lang, "interval-band-chance"),
        Intervals::ChanceAndParameters => tr!(lang, "interval-band-parameters"),
    }
}

/// What an interval covers, in full for sentences: the words of [`Intervals::long`] in
/// `lang`.
pub fn interval_long(lang: Lang, intervals: Intervals) -> String {
    match intervals {
        Intervals::Chance => tr!(lang, "interval-long-chance"),
        Intervals::ChanceAndParameters => tr!(lang, "interval-long-parameters"),
    }
}

/// A claim's verdict in a word (`agrees`, `klopt`); `claims.csv` keeps [`Verdict::name`].
pub fn verdict_name(lang: Lang, verdict: Verdict) -> String {
    match verdict {
        Verdict::Agrees => tr!(lang, "claim-verdict-agrees"),
        Verdict::Disagrees => tr!(lang, "claim-verdict-disagrees"),
        Verdict::Undecided => tr!(lang, "claim-verdict-undecided"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_words_of_intervals_are_those_of_the_charts() {
        for i in [Intervals::Chance, Intervals::ChanceAndParameters] {
            assert_eq!(interval_band(Lang::En, i), i.band());
            assert_eq!(interval_long(Lang::En, i), i.long());
        }
        for v in [Verdict::Agrees, Verdict::Disagrees, Verdict::Undecided] {
            assert_eq!(verdict_name(Lang::En, v), v.name());
        }
    }
}
