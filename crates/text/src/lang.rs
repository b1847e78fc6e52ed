//! The languages a person can choose, and how the choice is read from a flag, the environment
//! or a browser's `Accept-Language`.

use std::fmt;
use std::str::FromStr;

/// The environment variable that chooses the language when no `--lang` is given.
pub const ENV_VAR: &str = "UNDERCURRENT_LANG";

/// A language of the catalogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the catalogue's reference, and the default).
    #[default]
    En,
    /// Dutch.
    Nl,
    /// The pseudo-language `qps`: English with every vowel accented, for tests that find text
    /// which bypassed the catalogue (it stays plain ASCII). Not offered to users.
    Pseudo,
}

/// A language code the catalogue does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use en (English) or nl (Nederlands)")]
pub struct LangError(pub String);

impl Lang {
    /// The languages offered to users, in the order a switch shows them.
    pub const OFFERED: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The BCP 47 code: `en`, `nl`, `qps`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Pseudo => "qps",
        }
    }

    /// The language's own name for itself.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
            Lang::Pseudo => "Pseudo",
        }
    }

    /// The language of a code, by its primary subtag: `nl`, `nl-BE`, `nl_NL.UTF-8`, `EN-gb`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            "qps" => Some(Lang::Pseudo),
            _ => None,
        }
    }

    /// The first offered language of a browser's `Accept-Language` by preference (`q`), or
    /// `None` when it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::from_code(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0 && lang != Lang::Pseudo).then_some((q, i, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }

    /// The language `UNDERCURRENT_LANG` names, if it is set to one (an unknown value is an
    /// error the caller reports).
    pub fn from_env() -> Option<Result<Lang, LangError>> {
        let value = std::env::var(ENV_VAR).ok()?;
        if value.trim().is_empty() {
            return None;
        }
        Some(value.parse())
    }
}

impl FromStr for Lang {
    type Err = LangError;
    fn from_str(s: &str) -> Result<Lang, LangError> {
        Lang::from_code(s).ok_or_else(|| LangError(s.to_string()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_by_their_primary_subtag() {
        assert_eq!(Lang::from_code("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("nl_NL.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert!("fr".parse::<Lang>().unwrap_err().to_string().contains("nl"));
    }

    #[test]
    fn a_browser_gets_its_most_preferred_offered_language() {
        assert_eq!(
            Lang::from_accept_language("de-DE,nl;q=0.8,en;q=0.9"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("nl-NL,nl;q=0.9,en-US;q=0.8"),
            Some(Lang::Nl)
        );
        assert_eq!(Lang::from_accept_language("fr, de;q=0.5"), None);
        assert_eq!(Lang::from_accept_language("nl;q=0, en"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("qps"), None);
    }
}
