//! Every word a person reads, in every language: the message catalogue (Project Fluent, one
//! set of `.ftl` files per language under `locales/`), the names of registry entries in other
//! languages ([`term`]), how numbers and money are written in each locale ([`numbers`]), and
//! the pseudo-language that finds text which bypassed the catalogue ([`plain_words`]).
//!
//! A leaf crate: it knows no metric, parameter or scenario, so every layer may use it. The
//! registries keep their single English declaration; Dutch names of their entries live in
//! `locales/nl/terms-*.ftl`, and each registry's test checks that every entry has one.

mod catalogue;
mod io_words;
mod lang;
pub mod numbers;
mod pseudo;

pub use catalogue::{files, has, message_ids, term, term_id, text, text_with, Args};
pub use fluent_bundle::FluentValue as Value;
pub use io_words::{io_reason, IoWhy};
pub use lang::{Lang, LangError, ENV_VAR};
pub use pseudo::{plain_words, pseudo};

/// A message of the catalogue in `lang`, with named arguments:
/// `tr!(lang, "report-title")`, `tr!(lang, "runs-done", done = 3, total = 12)`.
///
/// Numbers shown to a person go in already written by [`numbers`] (Fluent would write them
/// without the locale's separators); pass a number itself only where a plural depends on it.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr) => {
        $crate::text($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $( args.set(stringify!($name), $crate::Value::from($value)); )+
        $crate::text_with($lang, $id, &args)
    }};
}

/// `Display` as the type's `said(Lang::En)`, for errors and reasons kept as data: their
/// English is the catalogue's English, so the two cannot drift apart.
/// `said_in_english!(JournalReason, RunReason);`
#[macro_export]
macro_rules! said_in_english {
    ($($t:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.said($crate::Lang::En))
            }
        }
    )+};
}
