//! Lengths of time in an intervention's timing (`start`, `duration`, `interval`): working
//! days, written either as a whole number (`start = 125`) or as text with a unit
//! (`start = "6 months"`), because people plan programmes in weeks and months while the
//! model steps one working day at a time.
//!
//! A year is 250 working days (the model's calendar: `horizon_days = 750` is three years),
//! a month a twelfth of that and a week 5. Text may carry decimals (`"1.5 months"`); the
//! result is rounded to the nearest whole working day (halves away from zero), so
//! `"6 months"` is 125 days and `"1 month"` 21. A number of days in text must be whole.
//!
//! A [`Days`] remembers how it was written and is written back that way: an integer stays
//! an integer and `"6 months"` stays `"6 months"`. A scenario's canonical text (its
//! manifest, a sweep's hash) is therefore the same as before text was allowed, for every
//! file that writes integers.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Working days in a year of the model's calendar.
pub const DAYS_PER_YEAR: f64 = 250.0;

/// A unit a length of time may be written in: its singular and plural names and how many
/// working days one of it is. Served to the explorer (`/api/meta`, `day_units`), which
/// offers them beside its day fields and keeps no copy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayUnit {
    pub singular: &'static str,
    pub plural: &'static str,
    pub days: f64,
}

/// Every unit, smallest first. `working day(s)` is read as `day(s)`.
pub const DAY_UNITS: [DayUnit; 4] = [
    DayUnit {
        singular: "day",
        plural: "days",
        days: 1.0,
    },
    DayUnit {
        singular: "week",
        plural: "weeks",
        days: 5.0,
    },
    DayUnit {
        singular: "month",
        plural: "months",
        days: DAYS_PER_YEAR / 12.0,
    },
    DayUnit {
        singular: "year",
        plural: "years",
        days: DAYS_PER_YEAR,
    },
];

/// The forms a length of time may take, in words: the end of every message about one.
pub const FORMS: &str = "a whole number of working days (125), or text \"<number> <unit>\" with unit day(s) or working day(s), week(s) (5 working days), month(s) (250/12 working days, rounded to the nearest day) or year(s) (250 working days), such as \"6 months\", \"2 weeks\" or \"1.5 years\"";

/// Longest length of time text may give, in working days: far past any horizon (which
/// validation bounds much lower), and small enough that no arithmetic on it overflows.
const MAX_DAYS: f64 = 1e12;

/// A length of time in working days, and the way it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Days {
    days: i64,
    /// The text it was written as; `None` for an integer.
    text: Option<Box<str>>,
}

impl Days {
    /// The length in working days.
    #[inline]
    pub fn get(&self) -> i64 {
        self.days
    }

    /// The text it was written as, if it was written as text.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Reads `"6 months"`, `"2 weeks"`, `"10 working days"`, `"1.5 years"`. The error says
    /// what is wrong and lists the allowed forms.
    pub fn parse(text: &str) -> Result<Days, String> {
        let days = parse_days(text)
            .map_err(|why| format!("{text:?} is not a length of time: {why}; expected {FORMS}"))?;
        Ok(Days {
            days,
            text: Some(text.into()),
        })
    }

    /// As an error message shows the value: `125`, or `"6 months" (125 working days)`.
    pub fn shown(&self) -> String {
        match &self.text {
            None => self.days.to_string(),
            Some(t) => format!("{t:?} ({} working days)", self.days),
        }
    }
}

impl From<i64> for Days {
    fn from(days: i64) -> Days {
        Days { days, text: None }
    }
}

impl From<u32> for Days {
    fn from(days: u32) -> Days {
        Days::from(days as i64)
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown())
    }
}

/// The working days `text` means, or why it means none.
fn parse_days(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = (&t[..split], t[split..].trim());
    if number.is_empty() {
        return Err(if t.starts_with('-') {
            "a length of time is not negative".into()
        } else {
            "it does not start with a number".into()
        });
    }
    if number.matches('.').count() > 1 || number.starts_with('.') || number.ends_with('.') {
        return Err(format!("`{number}` is not a number"));
    }
    let Ok(n) = number.parse::<f64>() else {
        return Err(format!("`{number}` is not a number"));
    };
    if unit.is_empty() {
        return Err("it has no unit (write a number of days without quotes)".into());
    }
    let words: Vec<String> = unit.split_whitespace().map(str::to_lowercase).collect();
    let name = match words.as_slice() {
        [w, d] if w == "working" => d.as_str(),
        [one] => one.as_str(),
        _ => "",
    };
    let Some(u) = DAY_UNITS
        .iter()
        .find(|u| u.singular == name || u.plural == name)
    else {
        let names = DAY_UNITS.iter().flat_map(|u| [u.singular, u.plural]);
        return Err(match closest(name, names) {
            Some(c) => format!("unknown unit `{unit}` (did you mean `{c}`?)"),
            None => format!("unknown unit `{unit}`"),
        });
    };
    if u.days == 1.0 && n.fract() != 0.0 {
        return Err(format!("{n} is not a whole number of days"));
    }
    let days = (n * u.days).round();
    if days > MAX_DAYS {
        return Err("it is longer than any horizon".into());
    }
    Ok(days as i64)
}

/// The name a mistyped unit most likely meant, if one is close (at most two edits).
fn closest<'a>(word: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for j in 1..=b.len() {
                let sub = prev[j - 1] + usize::from(ca != b[j - 1]);
                cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }
    names
        .map(|n| (distance(word, n), n))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, n)| n)
}

impl Serialize for Days {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.text {
            None => s.serialize_i64(self.days),
            Some(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Days, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Days;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(FORMS)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Days, E> {
                Ok(Days::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Days, E> {
                i64::try_from(v)
                    .map(Days::from)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Days, E> {
                Days::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(t: &str) -> i64 {
        Days::parse(t).unwrap().get()
    }

    #[test]
    fn units_are_working_days() {
        assert_eq!(days("6 months"), 125);
        assert_eq!(days("1 month"), 21);
        assert_eq!(days("12 months"), 250);
        assert_eq!(days("2 weeks"), 10);
        assert_eq!(days("1 week"), 5);
        assert_eq!(days("10 days"), 10);
        assert_eq!(days("10 working days"), 10);
        assert_eq!(days("1 working day"), 1);
        assert_eq!(days("1 year"), 250);
        assert_eq!(days("3 years"), 750);
        assert_eq!(days("  4 Months "), 83);
        assert_eq!(days("0 weeks"), 0);
    }

    #[test]
    fn decimals_round_to_the_nearest_day() {
        assert_eq!(days("1.5 months"), 31); // 31.25
        assert_eq!(days("0.5 weeks"), 3); // 2.5, half away from zero
        assert_eq!(days("1.5 years"), 375);
    }

    #[test]
    fn bad_text_says_why_and_lists_the_forms() {
        for (text, why) in [
            ("6 mnths", "unknown unit `mnths` (did you mean `months`?)"),
            ("-2 weeks", "not negative"),
            ("six months", "does not start with a number"),
            ("125", "no unit"),
            ("2.5 days", "not a whole number of days"),
            ("1..5 months", "is not a number"),
            ("6 fortnights", "unknown unit `fortnights`"),
            ("1e20 years", "unknown unit `e20 years`"),
            ("99999999999999 years", "longer than any horizon"),
        ] {
            let e = Days::parse(text).unwrap_err();
            assert!(e.contains(why), "{text}: {e}");
            assert!(e.contains("\"6 months\""), "{text}: {e}");
        }
    }

    #[test]
    fn written_back_as_written() {
        #[derive(Serialize, Deserialize)]
        struct T {
            a: Days,
            b: Days,
        }
        let src = "a = 125\nb = \"6 months\"\n";
        let t: T = toml::from_str(src).unwrap();
        assert_eq!((t.a.get(), t.b.get()), (125, 125));
        assert_eq!(toml::to_string(&t).unwrap(), src);
        assert_ne!(t.a, t.b, "the written form is part of the value");
    }

    #[test]
    fn a_float_is_refused_with_the_forms() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            a: Days,
        }
        let e = toml::from_str::<T>("a = 1.5\n").unwrap_err().to_string();
        assert!(e.contains("\"6 months\""), "{e}");
    }
}
