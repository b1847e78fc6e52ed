//! The pseudo-language: English with its vowels accented. Text that went through the
//! catalogue comes out accented; text that bypassed it stays plain ASCII and
//! [`plain_words`] finds it.

/// `text` with every vowel accented (`Customer` → `Cústómér`).
pub fn pseudo(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'a' => 'á',
            'e' => 'é',
            'i' => 'í',
            'o' => 'ó',
            'u' => 'ú',
            'y' => 'ý',
            'A' => 'Á',
            'E' => 'É',
            'I' => 'Í',
            'O' => 'Ó',
            'U' => 'Ú',
            'Y' => 'Ý',
            c => c,
        })
        .collect()
}

/// The words of `text` (rendered in the pseudo-language) that bypassed the catalogue: plain
/// ASCII words of two letters or more with a vowel, except those in `allowed` (identifiers
/// such as metric keys and column names, file names, scenario names). Compared case-sensitively
/// and in lower case.
pub fn plain_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let allowed_lower: Vec<String> = allowed.iter().map(|a| a.to_lowercase()).collect();
    let mut found = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        let plain = word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic());
        let has_vowel = word.chars().any(|c| "aeiouyAEIOUY".contains(c));
        if plain
            && has_vowel
            && !allowed.contains(&word)
            && !allowed_lower.contains(&word.to_lowercase())
            && !found.iter().any(|f: &String| f == word)
        {
            found.push(word.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_text_has_no_plain_words_left() {
        let p = pseudo("Customer orientation above the waterline");
        assert_eq!(p, "Cústómér óríéntátíón ábóvé thé wátérlíné");
        assert!(plain_words(&p, &[]).is_empty());
    }

    #[test]
    fn plain_words_are_found_unless_allowed() {
        let text = "Cústómér NPS report B_mean and TOML";
        assert_eq!(plain_words(text, &["toml"]), vec!["report", "and"]);
    }
}
