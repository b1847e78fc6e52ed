//! The command line in the user's language: which language a command line asks for, its help
//! texts from the catalogue (`locales/<lang>/cli.ftl`, `cli-<command>-<argument>`, else
//! `cli-<argument>` for one shared by several commands), and clap's errors retold. English
//! keeps clap's own headings and error layout, so its help reads exactly as it always did.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use undercurrent::text::{has, text, tr, Lang, LangError};

/// The language a command line asks for: `--lang X` or `--lang=X` anywhere before a `--`,
/// else `UNDERCURRENT_LANG`, else English. Read before clap parses, so that clap's own help
/// and errors can already be in that language. An unknown language is an error.
pub fn language_of(args: &[OsString]) -> Result<Lang, LangError> {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = iter.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            if let Some(v) = iter.next() {
                return v.parse();
            }
        } else if let Some(v) = a.strip_prefix("--lang=") {
            return v.parse();
        }
    }
    Lang::from_env().unwrap_or(Ok(Lang::En))
}

/// The catalogue id of `arg`'s help in `command` (`cli-run-out`), or the shared one
/// (`cli-threads`).
fn help_id(command: &str, arg: &str) -> String {
    let own = format!("cli-{command}-{arg}").replace('_', "-");
    if has(Lang::En, &own) {
        own
    } else {
        format!("cli-{arg}").replace('_', "-")
    }
}

/// The help texts of `arg` in `lang`; in other languages than English also the default and
/// the possible values, which clap would write in English.
fn localise_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let mut help = text(lang, &help_id(command, arg.get_id().as_str()));
    if lang == Lang::En {
        return arg.help(help);
    }
    if arg.get_action().takes_values()
        && !arg.is_hide_default_value_set()
        && !arg.get_default_values().is_empty()
    {
        let value: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        help.push(' ');
        help.push_str(&tr!(lang, "cli-default", value = value.join(" ")));
    }
    // A flag's true/false is not a value anyone types.
    let possible: Vec<String> = if !arg.get_action().takes_values() {
        Vec::new()
    } else {
        arg.get_possible_values()
    }
    .iter()
    .filter(|v| !v.is_hide_set())
    .map(|v| v.get_name().to_string())
    .collect();
    if !possible.is_empty() {
        help.push(' ');
        help.push_str(&tr!(
            lang,
            "cli-possible-values",
            values = possible.join(", ")
        ));
    }
    let heading = if arg.is_positional() {
        text(lang, "cli-heading-arguments")
    } else {
        text(lang, "cli-heading-options")
    };
    arg.help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(heading)
}

/// clap's help and version flags, and its layout words, in `lang` (not English, whose help
/// clap writes itself).
fn localise_frame(cmd: Command, lang: Lang, root: bool) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, "cli-heading-usage")
    );
    let mut cmd = cmd.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(text(lang, "cli-help"))
            .help_heading(text(lang, "cli-heading-options")),
    );
    if root {
        cmd = cmd
            .disable_version_flag(true)
            .disable_help_subcommand(true)
            .subcommand_help_heading(text(lang, "cli-heading-commands"))
            .subcommand_value_name(text(lang, "cli-value-command"))
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(text(lang, "cli-version"))
                    .help_heading(text(lang, "cli-heading-options")),
            );
    }
    cmd
}

/// The command line with every help text from the catalogue in `lang`.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    let mut cmd = cmd
        .about(text(lang, "cli-about"))
        .mut_args(|a| localise_arg(a, "", lang));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in &names {
        cmd = cmd.mut_subcommand(name, |sub| {
            let sub = sub
                .about(text(lang, &format!("cli-{name}-about")))
                .mut_args(|a| localise_arg(a, name, lang));
            if lang == Lang::En {
                sub
            } else {
                localise_frame(sub, lang, false)
            }
        });
    }
    if lang == Lang::En {
        cmd
    } else {
        usage_in(localise_frame(cmd, lang, true), lang)
    }
}

/// Every usage line with clap's `[OPTIONS]` in `lang` (`[OPTIES]`): the line clap would
/// write, rendered once the command is built, kept as the command's own.
fn usage_in(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    let options = format!("[{}]", text(lang, "cli-value-options"));
    let usage = |c: &mut Command| {
        let line = c.render_usage().to_string();
        let line = line.split_once(": ").map_or(line.as_str(), |(_, u)| u);
        line.replace("[OPTIONS]", &options)
    };
    let root = usage(&mut cmd);
    let subs: Vec<(String, String)> = cmd
        .get_subcommands_mut()
        .map(|s| (s.get_name().to_string(), usage(s)))
        .collect();
    let mut cmd = cmd.override_usage(root);
    for (name, line) in subs {
        cmd = cmd.mut_subcommand(&name, |s| s.override_usage(line));
    }
    cmd
}

/// `undercurrent help run` as `undercurrent run --help` in languages whose command line has no
/// `help` command (clap's would answer in English).
pub fn help_command_as_flag(args: Vec<OsString>, lang: Lang) -> Vec<OsString> {
    if lang == Lang::En || args.get(1).is_none_or(|a| a != "help") {
        return args;
    }
    let mut out = vec![args[0].clone()];
    out.extend(args[2..].iter().cloned());
    out.push("--help".into());
    out
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A clap error as the user reads it in `lang`: English as clap writes it; another language
/// retold from the error's parts (the argument, value and suggestion stay as typed).
pub fn error_text(e: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.render().to_string();
    }
    let arg = || context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || context(e, ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => tr!(lang, "cli-error-unknown-argument", argument = arg()),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "cli-error-unknown-command",
            command = context(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = tr!(
                lang,
                "cli-error-invalid-value",
                value = value(),
                argument = arg()
            );
            // A validator's own reason (ours come from the catalogue already).
            if let Some(source) = std::error::Error::source(e) {
                m.push_str(": ");
                m.push_str(&source.to_string());
            }
            if let Some(valid) = context(e, ContextKind::ValidValue) {
                m.push(' ');
                m.push_str(&tr!(lang, "cli-possible-values", values = valid));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => tr!(lang, "cli-error-missing", arguments = arg()),
        ErrorKind::NoEquals | ErrorKind::InvalidUtf8 | ErrorKind::WrongNumberOfValues => {
            tr!(
                lang,
                "cli-error-invalid-value",
                value = value(),
                argument = arg()
            )
        }
        ErrorKind::TooManyValues => tr!(lang, "cli-error-too-many", value = value()),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return e.render().to_string();
        }
        _ => tr!(lang, "cli-error-other"),
    };
    let mut out = tr!(lang, "cli-error", message = message);
    out.push('\n');
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        if let Some(s) = context(e, kind) {
            out.push_str("\n  ");
            out.push_str(&tr!(lang, "cli-error-did-you-mean", suggestion = s));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&text(lang, "cli-error-more"));
    out.push('\n');
    out
}
