//! Finding where a key path stands in a TOML file, and suggesting the key a typo meant.

use std::collections::BTreeSet;

use toml::de::{DeTable, DeValue};

/// 1-based line and column of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut off = offset.min(src.len());
    while !src.is_char_boundary(off) {
        off -= 1;
    }
    let before = &src[..off];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// Byte offset of the value at a dotted key path such as `arms[1].interventions[0].start`,
/// or of the deepest part of the path that the file writes.
pub fn locate(src: &str, path: &str) -> Option<usize> {
    let doc = DeTable::parse(src).ok()?;
    let mut best = None;
    let mut table: Option<&DeTable> = Some(doc.get_ref());
    let mut value: Option<&DeValue> = None;
    for part in path.split('.') {
        let (name, index) = match part.find('[') {
            Some(i) => (
                &part[..i],
                part[i + 1..].trim_end_matches(']').parse::<usize>().ok(),
            ),
            None => (part, None),
        };
        let t = match (table, value) {
            (Some(t), _) => t,
            (None, Some(DeValue::Table(t))) => t,
            _ => break,
        };
        let Some((_, v)) = t.iter().find(|(k, _)| k.get_ref().as_ref() == name) else {
            break;
        };
        best = Some(v.span().start);
        let mut cur = v.get_ref();
        if let (Some(i), DeValue::Array(items)) = (index, cur) {
            match items.get(i) {
                Some(item) => {
                    best = Some(item.span().start);
                    cur = item.get_ref();
                }
                None => break,
            }
        }
        table = None;
        value = Some(cur);
    }
    best
}

/// Every dotted table path a file writes (`organisation`, `organisation.employees`, …),
/// read once so that a preset can ask cheaply which keys it may fill in. Arrays are not
/// entered: presets set no value inside one.
pub fn written_paths(src: &str) -> BTreeSet<String> {
    fn walk(t: &DeTable, prefix: &str, out: &mut BTreeSet<String>) {
        for (k, v) in t.iter() {
            let path = if prefix.is_empty() {
                k.get_ref().to_string()
            } else {
                format!("{prefix}.{}", k.get_ref())
            };
            if let DeValue::Table(inner) = v.get_ref() {
                walk(inner, &path, out);
            }
            out.insert(path);
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(doc) = DeTable::parse(src) {
        walk(doc.get_ref(), "", &mut out);
    }
    out
}

/// Dotted key path (`arms[1].interventions[0].start`) of the deepest key whose key or value
/// covers byte `offset`: names the key a parser error points at.
pub fn key_path_at(src: &str, offset: usize) -> Option<String> {
    let doc = DeTable::parse(src).ok()?;
    let mut path = String::new();
    find_in_table(doc.get_ref(), offset, &mut path).then_some(path)
}

fn find_in_table(t: &DeTable, offset: usize, path: &mut String) -> bool {
    for (k, v) in t.iter() {
        let in_key = k.span().contains(&offset);
        let in_value = v.span().contains(&offset);
        if in_key || in_value || matches!(v.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(k.get_ref());
            if in_key || find_in_value(v.get_ref(), offset, path) || in_value {
                return true;
            }
            path.truncate(len);
        }
    }
    false
}

fn find_in_value(v: &DeValue, offset: usize, path: &mut String) -> bool {
    match v {
        DeValue::Table(t) => find_in_table(t, offset, path),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                if find_in_value(item.get_ref(), offset, path) || item.span().contains(&offset) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        _ => false,
    }
}

/// Rewrites serde's type vocabulary into a user's: `expected usize` → "expected a whole
/// number ≥ 0"; shortens absurdly long literals.
pub fn plain_type_message(message: &str) -> String {
    let mut m = message
        .replace(" as i128, expected usize", ", expected a whole number ≥ 0")
        .replace(" as i128, expected u64", ", expected a whole number ≥ 0")
        .replace("expected usize", "expected a whole number ≥ 0")
        .replace("expected u64", "expected a whole number ≥ 0")
        .replace("expected u32", "expected a whole number ≥ 0")
        .replace("expected u8", "expected a whole number ≥ 0")
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected f32", "expected a number");
    // A literal of hundreds of digits helps nobody; keep its start.
    while let Some(start) = m.find('`') {
        let Some(len) = m[start + 1..].find('`') else {
            break;
        };
        if len <= 40 {
            // Only the first literal is a user value; the rest are names.
            break;
        }
        let cut: String = m[start + 1..].chars().take(20).collect();
        m = format!("{}`{cut}…{}", &m[..start], &m[start + 1 + len..]);
    }
    m
}

/// Adds a "did you mean" to serde's unknown-field message when one expected key is close.
pub fn did_you_mean(message: &str) -> String {
    let msg = message.trim_end().to_string();
    let Some(rest) = msg
        .strip_prefix("unknown field `")
        .or_else(|| msg.strip_prefix("unknown variant `"))
    else {
        return msg;
    };
    let Some(end) = rest.find('`') else {
        return msg;
    };
    let unknown = &rest[..end];
    let candidates: Vec<&str> = rest[end..].split('`').skip(2).step_by(2).collect();
    let best = candidates
        .iter()
        .map(|c| (edit_distance(unknown, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min();
    match best {
        Some((_, c)) => format!("{msg}\n  did you mean `{c}`?"),
        None => msg,
    }
}

/// The candidate a mistyped `word` most likely meant, if one is close enough (the same
/// threshold as [`did_you_mean`]).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance between two short strings.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_keys_and_array_items() {
        let src = "name = \"x\"\n[customers]\nchurn_detractor = 2.0\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"training\"\nstart = -5\n";
        let off = locate(src, "customers.churn_detractor").unwrap();
        assert_eq!(line_col(src, off), (3, 19));
        let off = locate(src, "arms[0].interventions[0].start").unwrap();
        assert_eq!(line_col(src, off), (8, 9));
    }

    #[test]
    fn suggests_the_closest_key() {
        let m = did_you_mean(
            "unknown field `replicatons`, expected one of `name`, `replications`, `seed`",
        );
        assert!(m.ends_with("did you mean `replications`?"), "{m}");
        let m = did_you_mean("unknown variant `gird`, expected one of `grid`, `list`, `lhs`");
        assert!(m.ends_with("did you mean `grid`?"), "{m}");
    }
}
