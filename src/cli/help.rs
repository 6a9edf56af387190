//! The command line in the user's language: every command's and option's help comes from the
//! catalogs (`clihelp-…` messages; the English ones are the doc comments, which a test holds
//! equal), clap's own headings and flags are replaced in Indonesian, and the common parsing
//! errors are said in the user's language.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use pantau::i18n::{Lang, has, text, tr, tr_with};

/// The message of a command's description: `clihelp-pantau`, `clihelp-export-mentions`.
fn about_key(path: &[String]) -> String {
    if path.is_empty() {
        "clihelp-pantau".to_string()
    } else {
        format!("clihelp-{}", path.join("-"))
    }
}

/// The message of an argument's help in one command (`clihelp-import--max_file_mb`), and the
/// one shared by every command that has it (`clihelp-arg--out`).
fn arg_keys(path: &[String], id: &str) -> [String; 2] {
    let cmd = if path.is_empty() {
        "pantau".to_string()
    } else {
        path.join("-")
    };
    [format!("clihelp-{cmd}--{id}"), format!("clihelp-arg--{id}")]
}

fn arg_key(lang: Lang, path: &[String], id: &str) -> Option<String> {
    arg_keys(path, id).into_iter().find(|k| has(lang, k))
}

/// `cmd` with its help in `lang`.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    localise_at(cmd, lang, &mut Vec::new())
}

fn localise_at(mut cmd: Command, lang: Lang, path: &mut Vec<String>) -> Command {
    let key = about_key(path);
    if has(lang, &key) {
        cmd = cmd.about(tr(lang, &key));
    }
    let ids: Vec<(String, bool, Vec<String>)> = cmd
        .get_arguments()
        .map(|a| {
            let defaults = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            (a.get_id().to_string(), a.is_positional(), defaults)
        })
        .collect();
    let indonesian = lang != Lang::En;
    for (id, positional, defaults) in ids {
        let help = arg_key(lang, path, &id).map(|k| tr(lang, &k));
        let heading = tr(
            lang,
            if positional {
                "clihelp-heading-arguments"
            } else {
                "clihelp-heading-options"
            },
        );
        cmd = cmd.mut_arg(&id, |mut a| {
            if let Some(h) = help {
                a = a.help(h);
            }
            if indonesian {
                // clap writes "[default: …]" and "Options:" in English.
                if !defaults.is_empty() {
                    let shown = tr_with(
                        lang,
                        "clihelp-default",
                        &[("value", text(defaults.join(", ")))],
                    );
                    let h = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                    a = a.hide_default_value(true).help(format!("{h} {shown}"));
                }
                a = a.help_heading(heading);
            }
            a
        });
    }
    if indonesian {
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                tr(lang, "clihelp-usage")
            ))
            .subcommand_help_heading(tr(lang, "clihelp-heading-commands"))
            .disable_help_subcommand(true)
            .disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(tr(lang, "clihelp-flag-help"))
                    .help_heading(tr(lang, "clihelp-heading-options")),
            );
        if path.is_empty() {
            cmd = cmd.disable_version_flag(true).arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(tr(lang, "clihelp-flag-version"))
                    .help_heading(tr(lang, "clihelp-heading-options")),
            );
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| {
            path.push(name.clone());
            let s = localise_at(s, lang, path);
            path.pop();
            s
        });
    }
    cmd
}

/// A parsing error in `lang`: clap's own text in English; in another language the common
/// kinds are said from the catalog, the rest keep clap's text.
pub fn error_message(err: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let get = |k: ContextKind| match err.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let (id, args): (&str, Vec<(&str, String)>) = match err.kind() {
        ErrorKind::UnknownArgument => ("clierr-unknown-argument", vec![("arg", arg)]),
        ErrorKind::InvalidSubcommand => (
            "clierr-unknown-command",
            vec![(
                "command",
                get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::MissingRequiredArgument => ("clierr-missing-argument", vec![("arg", arg)]),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            // A value parser's own reason is already in the user's language.
            let reason = err
                .source()
                .map(|s| s.to_string())
                .or_else(|| get(ContextKind::ValidValue))
                .unwrap_or_default();
            (
                "clierr-invalid-value",
                vec![
                    ("arg", arg),
                    ("value", get(ContextKind::InvalidValue).unwrap_or_default()),
                    ("reason", reason),
                ],
            )
        }
        ErrorKind::ArgumentConflict => (
            "clierr-conflict",
            vec![
                ("arg", arg),
                ("other", get(ContextKind::PriorArg).unwrap_or_default()),
            ],
        ),
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            ("clierr-value-form", vec![("arg", arg)])
        }
        _ => return None,
    };
    let args: Vec<(&str, _)> = args.into_iter().map(|(k, v)| (k, text(v))).collect();
    let mut message = tr_with(lang, id, &args);
    // clap's "did you mean" for a mistyped command or option.
    let quoted = |k: ContextKind| match err.get(k) {
        Some(ContextValue::String(s)) => Some(format!("'{s}'")),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(
            v.iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    if let Some(like) =
        quoted(ContextKind::SuggestedSubcommand).or_else(|| quoted(ContextKind::SuggestedArg))
    {
        message.push_str("\n\n");
        message.push_str(&tr_with(
            lang,
            "clierr-did-you-mean",
            &[("like", text(like))],
        ));
    }
    Some(format!("{message}\n\n{}", tr(lang, "clierr-more")))
}

use std::error::Error as _;

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use std::collections::BTreeMap;

    /// Every command and argument of the real command line, with its path and doc-comment help.
    fn items() -> Vec<(String, Vec<String>, Option<String>, String)> {
        fn walk(
            cmd: &Command,
            path: &mut Vec<String>,
            out: &mut Vec<(String, Vec<String>, Option<String>, String)>,
        ) {
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            out.push((about_key(path), path.clone(), None, about));
            for a in cmd.get_arguments() {
                let id = a.get_id().to_string();
                if id == "help" || id == "version" {
                    continue;
                }
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                out.push((String::new(), path.clone(), Some(id), help));
            }
            for s in cmd.get_subcommands() {
                path.push(s.get_name().to_string());
                walk(s, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        walk(&super::super::Cli::command(), &mut Vec::new(), &mut out);
        out
    }

    #[test]
    fn every_command_and_option_has_its_help_in_the_catalogs() {
        let items = items();
        // Arguments whose help is the same everywhere share one message.
        let mut by_id: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (_, _, id, help) in &items {
            if let Some(id) = id {
                by_id.entry(id.clone()).or_default().push(help.clone());
            }
        }
        let mut missing = Vec::new();
        for (key, path, id, help) in &items {
            assert!(!help.is_empty(), "{path:?} {id:?} has no doc comment");
            let key = match id {
                None => key.clone(),
                Some(id) => match arg_key(Lang::En, path, id) {
                    // The shared text is another one: this command needs its own.
                    Some(k)
                        if k.starts_with("clihelp-arg--")
                            && tr(Lang::En, &k) != help.replace('\n', " ") =>
                    {
                        let [one, _] = arg_keys(path, id);
                        missing.push(format!("{one} = {}", help.replace('\n', " ")));
                        continue;
                    }
                    Some(k) => k,
                    None => {
                        let [one, shared] = arg_keys(path, id);
                        // The text most commands give this argument is the shared one.
                        let texts = &by_id[id];
                        let common = texts
                            .iter()
                            .max_by_key(|t| texts.iter().filter(|u| u == t).count())
                            .map_or("", String::as_str);
                        let same = help == common;
                        missing.push(format!(
                            "{} = {}",
                            if same { shared } else { one },
                            help.replace('\n', " ")
                        ));
                        continue;
                    }
                },
            };
            if !has(Lang::En, &key) {
                missing.push(format!("{key} = {}", help.replace('\n', " ")));
                continue;
            }
            // The English catalog says what the doc comment says.
            assert_eq!(
                tr(Lang::En, &key),
                help.replace('\n', " "),
                "{key}: en.ftl and the doc comment differ"
            );
            assert!(has(Lang::Id, &key), "{key} is not in id.ftl");
        }
        missing.sort();
        missing.dedup();
        assert!(
            missing.is_empty(),
            "add to the catalogs:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_help_is_indonesian_with_an_indonesian_locale() {
        let mut cmd = localise(super::super::Cli::command(), Lang::Id);
        let root = cmd.render_help().to_string();
        assert!(root.contains("Penggunaan:"), "{root}");
        assert!(root.contains("Perintah:"), "{root}");
        assert!(root.contains(&tr(Lang::Id, "clihelp-import")), "{root}");
        assert!(
            !root.contains("Usage:") && !root.contains("Print help"),
            "{root}"
        );
        let mut import = localise(super::super::Cli::command(), Lang::Id)
            .find_subcommand("import")
            .cloned()
            .expect("import");
        let help = import.render_help().to_string();
        assert!(help.contains("[bawaan: 64]"), "{help}");
        assert!(
            !help.contains("default:") && !help.contains("Options:"),
            "{help}"
        );
        // English stays clap's own.
        let mut en = localise(super::super::Cli::command(), Lang::En);
        let en = en.render_help().to_string();
        assert!(
            en.contains("Usage:") && en.contains("Import article files"),
            "{en}"
        );
        let _ = cmd.get_name();
    }

    #[test]
    fn parsing_errors_are_said_in_indonesian() {
        let cmd = localise(super::super::Cli::command(), Lang::Id);
        let err = cmd
            .clone()
            .try_get_matches_from(["pantau", "impor"])
            .expect_err("no such command");
        let msg = error_message(&err, Lang::Id).expect("translated");
        assert!(
            msg.contains("impor") && msg.contains("tidak dikenal"),
            "{msg}"
        );
        assert!(
            msg.contains("mungkin maksud Anda: ") && msg.contains("'import'"),
            "{msg}"
        );
        let err = cmd
            .clone()
            .try_get_matches_from(["pantau", "export", "timeline", "--out", "-", "--bin", "x"])
            .expect_err("bad bin");
        let msg = error_message(&err, Lang::Id).expect("translated");
        assert!(msg.contains("--bin") && msg.contains("'x'"), "{msg}");
        assert!(error_message(&err, Lang::En).is_none());
    }
}
