//! A censorable duration (a half-life) in words, in one place for the report, the summary, the
//! printed table and the explorer: its Kaplan-Meier median, or "more than" the follow-up when
//! the median was not reached, and its interval with an end not reached written so. Never a
//! bare number for a median that was not reached.

use undercurrent_text::{numbers, tr, Lang};

use crate::metrics::survival::CensoredMedian;

/// The catalogue's words a surface uses (the printed table has narrow columns, so shorter
/// words): each id takes what its place needs, `more_than` a `value`.
#[derive(Debug, Clone, Copy)]
pub struct CensoredWords {
    /// An interval's end that was not reached.
    pub not_reached: &'static str,
    /// `more than {value}`: a median not reached, `value` the follow-up.
    pub more_than: &'static str,
    /// No interval at all: not even its lower end was reached.
    pub interval_not_reached: &'static str,
}

/// The report's words (and the explorer's, which shows the report's table).
pub const REPORT: CensoredWords = CensoredWords {
    not_reached: "report-not-reached",
    more_than: "report-more-than",
    interval_not_reached: "report-interval-not-reached",
};

/// The one-page summary's words.
pub const SUMMARY: CensoredWords = CensoredWords {
    not_reached: "summary-not-reached",
    more_than: "summary-more-than",
    interval_not_reached: "summary-interval-not-reached",
};

/// The printed table's words.
pub const TABLE: CensoredWords = CensoredWords {
    not_reached: "table-not-reached-short",
    more_than: "table-more-than",
    interval_not_reached: "table-not-reached",
};

/// A censorable duration's two parts: `head` the median or `more than` the follow-up, and
/// `interval` its 95% interval (or that none was reached).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CensoredText {
    pub head: String,
    pub interval: String,
    /// Whether `interval` is an interval (`[13, 48]`) rather than words saying there is none.
    pub bracketed: bool,
}

impl CensoredText {
    /// Both parts on one line: `31 [13, 48]`, `more than 458 [50, not reached]`, `more than
    /// 458 (interval not reached)`.
    pub fn line(&self) -> String {
        if self.bracketed {
            format!("{} {}", self.head, self.interval)
        } else {
            format!("{} ({})", self.head, self.interval)
        }
    }
}

/// `c` in `lang` with `words`, each number written by `f` (the caller's unit and precision).
/// `c` must hold at least one duration (`c.n > 0`); the caller says what it shows without.
pub fn censored_text(
    lang: Lang,
    c: &CensoredMedian,
    words: CensoredWords,
    f: impl Fn(f64) -> String,
) -> CensoredText {
    let not_reached = || tr!(lang, words.not_reached);
    let end = |x: Option<f64>| x.map_or_else(not_reached, &f);
    let interval = |lo: Option<f64>| match lo {
        Some(lo) => numbers::bracket(lang, &f(lo), &end(c.hi)),
        None => tr!(lang, words.interval_not_reached),
    };
    CensoredText {
        head: match c.median {
            Some(m) => f(m),
            None => tr!(lang, words.more_than, value = f(c.followup)),
        },
        interval: interval(c.lo),
        bracketed: c.lo.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn median(median: Option<f64>, lo: Option<f64>, hi: Option<f64>) -> CensoredMedian {
        CensoredMedian {
            median,
            lo,
            hi,
            followup: 458.0,
            n: 20,
            censored: 3,
        }
    }

    fn line(lang: Lang, c: &CensoredMedian) -> String {
        censored_text(lang, c, REPORT, |x| format!("{x:.0}")).line()
    }

    #[test]
    fn a_median_not_reached_is_more_than_the_follow_up_never_a_bare_number() {
        let reached = median(Some(31.0), Some(13.0), Some(48.0));
        assert_eq!(line(Lang::En, &reached), "31 [13, 48]");
        assert_eq!(line(Lang::Nl, &reached), "31 [13; 48]");
        let open = median(Some(31.0), Some(13.0), None);
        assert_eq!(line(Lang::En, &open), "31 [13, not reached]");
        let not = median(None, Some(50.0), None);
        assert_eq!(line(Lang::En, &not), "more than 458 [50, not reached]");
        let none = median(None, None, None);
        assert_eq!(
            line(Lang::En, &none),
            "more than 458 (interval not reached)"
        );
        assert_eq!(line(Lang::En, &none), none.text(|x| format!("{x:.0}")));
    }
}
