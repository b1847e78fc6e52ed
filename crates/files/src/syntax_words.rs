//! What the TOML reader says of a file it cannot read (a value of the wrong kind, an unknown
//! key or choice, a missing key, broken syntax), said in the user's language. In English the
//! reader's sentence is shown exactly as before. In another language its recognised forms are
//! retold from the catalogue (`syntax.ftl`), keeping every name, value and list of allowed
//! keys as written; a sentence of the parser's that has no form here is shown inside the
//! catalogue's frame (`syntax-parser`), so a Dutch user still reads whose words they are.

use undercurrent_text::{text_with, Args, Lang};

/// `message` (the part after `file:line:column: `) in `lang`.
pub fn syntax_message(message: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    let (body, hint) = match message.split_once("\n  did you mean ") {
        Some((body, rest)) => (body, Some(rest.trim_end_matches('?'))),
        None => (message, None),
    };
    // `key`: the rest, as the reader locates a value of the wrong kind.
    let (key, rest) = match body.strip_prefix('`').and_then(|b| b.split_once("`: ")) {
        Some((key, rest)) => (Some(key), rest),
        None => (None, body),
    };
    let mut out = String::new();
    if let Some(key) = key {
        out.push_str(&format!("`{key}`: "));
    }
    out.push_str(&sentence(rest, lang));
    if let Some(name) = hint {
        out.push_str("\n  ");
        out.push_str(&say(
            lang,
            "syntax-did-you-mean",
            &[("name", name.to_string())],
        ));
    }
    out
}

fn say(lang: Lang, id: &str, args: &[(&'static str, String)]) -> String {
    let mut a = Args::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    text_with(lang, id, &a)
}

/// One sentence of the reader's in `lang`.
fn sentence(s: &str, lang: Lang) -> String {
    if let Some(rest) = s.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return say(
                lang,
                "syntax-invalid-type",
                &[
                    ("found", found_in(found, lang)),
                    ("expected", expected_in(expected, lang)),
                ],
            );
        }
    }
    for (prefix, family) in [
        ("unknown field ", "syntax-unknown-field"),
        ("unknown variant ", "syntax-unknown-variant"),
    ] {
        let Some(rest) = s.strip_prefix(prefix) else {
            continue;
        };
        if let Some((name, allowed)) = rest.split_once(", expected one of ") {
            return say(
                lang,
                family,
                &[("name", name.into()), ("allowed", allowed.into())],
            );
        }
        if let Some((name, allowed)) = rest.split_once(", expected ") {
            let id = format!("{family}-one");
            return say(
                lang,
                &id,
                &[("name", name.into()), ("allowed", allowed.into())],
            );
        }
        if let Some(name) = rest.strip_suffix(", there are no fields") {
            return say(lang, "syntax-unknown-field-none", &[("name", name.into())]);
        }
    }
    if let Some(name) = s.strip_prefix("missing field ") {
        return say(lang, "syntax-missing-field", &[("name", name.into())]);
    }
    if s == "duplicate key" {
        return say(lang, "syntax-duplicate-key", &[]);
    }
    say(lang, "syntax-parser", &[("message", s.into())])
}

/// `string "x"`, `integer `3``: the kind in `lang`, the value as written.
fn found_in(found: &str, lang: Lang) -> String {
    const KINDS: [(&str, &str); 6] = [
        ("floating point", "syntax-kind-float"),
        ("string", "syntax-kind-string"),
        ("integer", "syntax-kind-integer"),
        ("boolean", "syntax-kind-boolean"),
        ("sequence", "syntax-kind-sequence"),
        ("map", "syntax-kind-map"),
    ];
    for (kind, id) in KINDS {
        if let Some(value) = found.strip_prefix(kind) {
            return format!("{}{value}", say(lang, id, &[]));
        }
    }
    found.to_string()
}

/// What the reader expected, in `lang` where it is one of the tool's phrases; otherwise as
/// the reader wrote it (a type's name, which is an identifier).
fn expected_in(expected: &str, lang: Lang) -> String {
    const PHRASES: [(&str, &str); 8] = [
        ("a whole number ≥ 0", "syntax-expected-whole-nonnegative"),
        ("a whole number", "syntax-expected-whole"),
        ("a number", "syntax-expected-number"),
        ("a sequence", "syntax-expected-sequence"),
        ("a string", "syntax-expected-string"),
        ("a boolean", "syntax-expected-boolean"),
        ("a map", "syntax-expected-map"),
        (
            "`auto`, `on`, `off`, true or false",
            "syntax-expected-toggle",
        ),
    ];
    PHRASES
        .iter()
        .find(|(english, _)| *english == expected)
        .map_or_else(|| expected.to_string(), |(_, id)| say(lang, id, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the reader says of files a user really writes (collected from the binary).
    const SAID: [&str; 9] = [
        "`replications`: invalid type: string \"x\", expected a whole number ≥ 0",
        "unknown field `employes`, expected one of `employees`, `team_size`\n  did you mean `employees`?",
        "`sector`: unknown variant `retale`, expected one of `retail`, `transport`\n  did you mean `retail`?",
        "string values must be quoted, expected literal string",
        "duplicate key",
        "`arms[0]`: missing field `name`",
        "`organisation.employees`: invalid type: floating point `5.5`, expected a whole number ≥ 0",
        "`arms`: invalid type: integer `3`, expected a sequence",
        "`per_replication`: invalid type: integer `1`, expected `auto`, `on`, `off`, true or false",
    ];

    #[test]
    fn english_is_the_readers_sentence_unchanged() {
        for s in SAID {
            assert_eq!(syntax_message(s, Lang::En), s);
        }
    }

    #[test]
    fn dutch_keeps_keys_values_and_choices_and_says_the_rest_in_dutch() {
        let nl: Vec<String> = SAID.iter().map(|s| syntax_message(s, Lang::Nl)).collect();
        assert_eq!(
            nl[0],
            "`replications`: verkeerd soort waarde: tekst \"x\", verwacht een geheel getal ≥ 0"
        );
        assert_eq!(
            nl[1],
            "onbekende sleutel `employes`; hier horen: `employees`, `team_size`\n  bedoel je `employees`?"
        );
        assert_eq!(
            nl[2],
            "`sector`: onbekende waarde `retale`; mogelijk zijn: `retail`, `transport`\n  bedoel je `retail`?"
        );
        assert_eq!(
            nl[3],
            "fout in de TOML-opmaak (zo meldt de TOML-lezer het): string values must be quoted, expected literal string"
        );
        assert_eq!(nl[4], "deze sleutel staat al eerder in de tabel");
        assert_eq!(nl[5], "`arms[0]`: de sleutel `name` ontbreekt");
        assert!(nl[6].ends_with("kommagetal `5.5`, verwacht een geheel getal ≥ 0"));
        assert!(nl[7].ends_with("geheel getal `3`, verwacht een lijst"));
        assert!(nl[8].ends_with("verwacht `auto`, `on`, `off`, true of false"));
    }

    #[test]
    fn no_recognised_form_keeps_english_words_in_the_pseudo_language() {
        // The pseudo-language accents every word the catalogue gives; what is left plain is
        // a name, a value or the parser's own sentence (the last case, inside its frame).
        for s in &SAID[..3] {
            let p = syntax_message(s, Lang::Pseudo);
            for word in ["invalid type", "unknown", "expected", "did you mean"] {
                assert!(!p.contains(word), "{p}");
            }
        }
    }
}
