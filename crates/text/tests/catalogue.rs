//! The catalogue is whole: every file parses, every message exists in every offered language
//! with the same arguments, and the pseudo-language accents what goes through it.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use undercurrent_text::{files, message_ids, plain_words, tr, Lang};

fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables_of(&v.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

/// message id → the variables it uses, for one language folder.
fn messages(folder: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (lang, name, source) in files() {
        if *lang != folder {
            continue;
        }
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("locales/{lang}/{name}: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables_of(value, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "locales/{lang}: message `{id}` is declared twice"
                );
            }
        }
    }
    out
}

#[test]
fn every_english_message_exists_in_dutch_with_the_same_arguments() {
    let en = messages("en");
    let nl = messages("nl");
    assert!(!en.is_empty());
    for (id, vars) in &en {
        let dutch = nl
            .get(id)
            .unwrap_or_else(|| panic!("message `{id}` has no Dutch"));
        assert_eq!(dutch, vars, "message `{id}` takes other arguments in Dutch");
    }
}

#[test]
fn dutch_has_no_message_that_english_lacks_except_the_names_of_terms() {
    let en = messages("en");
    for id in messages("nl").keys() {
        assert!(
            en.contains_key(id) || id.starts_with("term-"),
            "Dutch message `{id}` has no English"
        );
    }
}

#[test]
fn the_pseudo_language_accents_every_message() {
    let en = messages("en");
    assert_eq!(
        en.keys().cloned().collect::<Vec<_>>(),
        message_ids(Lang::En)
    );
    for (id, vars) in &en {
        let mut args = undercurrent_text::Args::new();
        for v in vars {
            args.set(v.clone(), 1);
        }
        let text = undercurrent_text::text_with(Lang::Pseudo, id, &args);
        let plain = plain_words(&text, &[]);
        assert!(plain.is_empty(), "`{id}` keeps {plain:?} plain in pseudo");
    }
}

#[test]
fn a_message_takes_its_arguments_and_dutch_its_own_words() {
    let en = tr!(Lang::En, "language-name");
    let nl = tr!(Lang::Nl, "language-name");
    assert_eq!(en, "English");
    assert_eq!(nl, "Nederlands");
    assert_eq!(
        tr!(Lang::Nl, "language-unknown", code = "fr"),
        "onbekende taal `fr`: kies en (English) of nl (Nederlands)"
    );
}

#[test]
fn a_missing_message_shows_its_id_rather_than_nothing() {
    assert_eq!(
        undercurrent_text::text(Lang::Nl, "no-such-message"),
        "no-such-message"
    );
}
