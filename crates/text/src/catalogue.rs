//! The message catalogue: every embedded `.ftl` file of a language in one Fluent bundle, built
//! once. A message missing in Dutch falls back to English (the catalogue test forbids it, so
//! this only guards a user against a blank), and a message missing everywhere shows its id.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;
use crate::pseudo::pseudo;

include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// Named arguments of a message.
pub type Args<'a> = FluentArgs<'a>;

type Bundle = FluentBundle<FluentResource>;

/// (language folder, file name, contents) of every embedded `.ftl` file, for the catalogue's
/// own tests.
pub fn files() -> &'static [(&'static str, &'static str, &'static str)] {
    FILES
}

fn build(folder: &str, locale: &str, transform: Option<fn(&str) -> Cow<'_, str>>) -> Bundle {
    let id: LanguageIdentifier = locale.parse().expect("a valid locale");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the text goes into terminals, CSV-adjacent
    // tables and SVG, where the invisible marks would only get in the way.
    bundle.set_use_isolating(false);
    bundle.set_transform(transform);
    for (lang, name, source) in FILES {
        if *lang != folder {
            continue;
        }
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("locales/{lang}/{name} does not parse: {e:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("locales/{lang}/{name} repeats a message: {e:?}"));
    }
    bundle
}

fn pseudo_transform(s: &str) -> Cow<'_, str> {
    Cow::Owned(pseudo(s))
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static NL: OnceLock<Bundle> = OnceLock::new();
    static QPS: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| build("en", "en", None)),
        Lang::Nl => NL.get_or_init(|| build("nl", "nl", None)),
        Lang::Pseudo => QPS.get_or_init(|| build("en", "en", Some(pseudo_transform))),
    }
}

fn format(lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
    let bundle = bundle(lang);
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// The message `id` in `lang`.
pub fn text(lang: Lang, id: &str) -> String {
    text_of(lang, id, None)
}

/// The message `id` in `lang` with named arguments (what [`tr!`](crate::tr) builds).
pub fn text_with(lang: Lang, id: &str, args: &Args) -> String {
    text_of(lang, id, Some(args))
}

fn text_of(lang: Lang, id: &str, args: Option<&Args>) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Whether `lang`'s own files hold the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Every message id of `lang`'s own files, sorted.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let folder = match lang {
        Lang::Nl => "nl",
        Lang::En | Lang::Pseudo => "en",
    };
    let mut ids = Vec::new();
    for (l, name, source) in FILES {
        if *l != folder {
            continue;
        }
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("locales/{l}/{name} does not parse: {e:?}"));
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_string());
            }
        }
    }
    ids.sort();
    ids
}

/// The catalogue id of a registry entry's name: `term-<family>-<key>`, the key in lower case
/// with `_` and other signs as `-` (`term_id("metric", "B_mean")` is `term-metric-b-mean`).
pub fn term_id(family: &str, key: &str) -> String {
    let mut id = format!("term-{family}-");
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else {
            id.push('-');
        }
    }
    id
}

/// The name of a registry entry (a metric, a parameter, an intervention kind, a sector) in
/// `lang`. The registry declares the English once and passes it here; other languages take
/// theirs from `locales/<lang>/terms-*.ftl` by [`term_id`].
pub fn term(lang: Lang, family: &str, key: &str, english: &str) -> String {
    match lang {
        Lang::En => english.to_string(),
        Lang::Pseudo => pseudo(english),
        Lang::Nl => {
            format(lang, &term_id(family, key), None).unwrap_or_else(|| english.to_string())
        }
    }
}
