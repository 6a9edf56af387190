//! `pantau dictionary ...`: the user's dictionary edits, and the dictionary as CSV.

use super::{say, shown};
use anyhow::Context;
use pantau::curation::effective_dictionary;
use pantau::curation::exchange::{import_rows, read_csv, write_csv};
use pantau::i18n::{num, text};
use pantau::model::{ActorKind, Language, Via};
use pantau::store::{ExclusionScope, NewAlias, Store};
use pantau::tagging::{Actor, CaseRule, Dictionary};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `pantau dictionary` subcommands.
#[derive(clap::Subcommand)]
pub enum DictionaryCommand {
    /// Write the effective dictionary (built-in plus the database's edits) as CSV.
    Export {
        /// The CSV file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Add the actors and aliases of a dictionary CSV that the database lacks.
    Import {
        /// The CSV file (columns code, kind, type, name, alias, language, case_rule, via).
        file: PathBuf,
    },
    /// Add an actor.
    AddActor {
        /// Code (e.g. JAD).
        #[arg(long)]
        code: String,
        /// country | organization.
        #[arg(long, default_value = "organization")]
        kind: String,
        /// Display name in English.
        #[arg(long)]
        name: String,
        /// Display name in Indonesian.
        #[arg(long, default_value = "")]
        name_id: String,
        /// Organization type (armed_group, government_body, ...).
        #[arg(long = "type", default_value = "")]
        org_type: String,
        /// Home country code.
        #[arg(long, default_value = "")]
        country: String,
    },
    /// Add an alias to an actor.
    AddAlias {
        /// Actor code.
        #[arg(long)]
        actor: String,
        /// The alias text.
        #[arg(long)]
        text: String,
        /// any | id | en.
        #[arg(long, default_value = "any")]
        language: String,
        /// exact | fold (default: exact for short all-capital aliases, else fold).
        #[arg(long)]
        case: Option<String>,
        /// name | short | demonym | place.
        #[arg(long, default_value = "name")]
        via: String,
    },
    /// Disable an alias (built-in or the user's).
    DisableAlias(AliasRef),
    /// Enable a disabled alias.
    EnableAlias(AliasRef),
    /// Say that an alias is not an actor in one article or inside a phrase.
    Exclude {
        /// Actor code.
        #[arg(long)]
        actor: String,
        /// The alias text (for --article; empty = every alias of the actor).
        #[arg(long, default_value = "")]
        alias: String,
        /// Only in this article (id).
        #[arg(long, conflicts_with = "phrase", required_unless_present = "phrase")]
        article: Option<i64>,
        /// Wherever this phrase holding the alias stands ("Jordan Henderson").
        #[arg(long)]
        phrase: Option<String>,
    },
    /// List the user's actors, the user's and disabled aliases, and the exclusions.
    List,
    /// Delete one of the user's aliases by id (see `list`).
    DeleteAlias {
        /// Alias id.
        id: i64,
    },
    /// Delete an exclusion by id (see `list`).
    DeleteExclusion {
        /// Exclusion id.
        id: i64,
    },
}

/// An alias named by actor, text and language.
#[derive(clap::Args)]
pub struct AliasRef {
    /// Actor code.
    #[arg(long)]
    actor: String,
    /// The alias text.
    #[arg(long)]
    text: String,
    /// any | id | en.
    #[arg(long, default_value = "any")]
    language: String,
}

fn language(s: &str) -> anyhow::Result<Option<Language>> {
    match s {
        "any" => Ok(None),
        "id" => Ok(Some(Language::Indonesian)),
        "en" => Ok(Some(Language::English)),
        other => anyhow::bail!("{}", must("language", other, "any, id, en")),
    }
}

fn open(db: &Path) -> anyhow::Result<(Store, Dictionary)> {
    let mut store = Store::open(db)?;
    let builtin = Dictionary::builtin()?;
    store.sync_dictionary(&builtin)?;
    Ok((store, builtin))
}

/// A value that must be one of `known`.
fn must(what: &str, value: &str, known: &str) -> String {
    say(
        "clierr-must-be",
        &[
            ("what", text(what.to_string())),
            ("value", text(format!("{value:?}"))),
            ("known", text(known.to_string())),
        ],
    )
}

pub fn run(db: &Path, cmd: DictionaryCommand) -> anyhow::Result<ExitCode> {
    let (store, builtin) = open(db)?;
    run_on(store, builtin, cmd)
}

/// `pantau --db postgres://… dictionary …`: the edits are the team's, in everyone's next
/// import and re-tag.
pub fn run_server(address: &str, cmd: DictionaryCommand) -> anyhow::Result<ExitCode> {
    let mut server = super::copy::connect(address)?;
    server.require_write("dictionary")?;
    let mut store = Store::on_server(server);
    let builtin = Dictionary::builtin()?;
    store.sync_dictionary(&builtin)?;
    run_on(store, builtin, cmd)
}

fn run_on(
    mut store: Store,
    builtin: Dictionary,
    cmd: DictionaryCommand,
) -> anyhow::Result<ExitCode> {
    match cmd {
        DictionaryCommand::Export { out } => {
            let dict = effective_dictionary(&store, &builtin)?;
            let file = std::fs::File::create(&out)
                .with_context(|| say("clierr-creating", &[("path", shown(&out))]))?;
            write_csv(&dict, std::io::BufWriter::new(file))?;
            println!(
                "{}",
                say(
                    "cli-dict-exported",
                    &[
                        ("actors", num(dict.actors.len() as f64)),
                        ("aliases", num(dict.aliases.len() as f64)),
                        ("path", shown(&out)),
                    ]
                )
            );
        }
        DictionaryCommand::Import { file } => {
            let input = std::fs::File::open(&file)
                .with_context(|| say("clierr-opening", &[("path", shown(&file))]))?;
            let rows = read_csv(std::io::BufReader::new(input))?;
            let r = import_rows(&mut store, &builtin, &rows)?;
            println!(
                "{}",
                say(
                    "cli-dict-imported",
                    &[
                        ("actors", num(r.actors_added as f64)),
                        ("aliases", num(r.aliases_added as f64)),
                        ("unchanged", num(r.unchanged as f64)),
                    ]
                )
            );
        }
        DictionaryCommand::AddActor {
            code,
            kind,
            name,
            name_id,
            org_type,
            country,
        } => {
            let kind = ActorKind::parse(&kind)
                .with_context(|| must("kind", &kind, "country, organization"))?;
            store.add_actor(&Actor {
                code: code.clone(),
                kind,
                name,
                name_id,
                org_type,
                country,
            })?;
            println!("{}", say("cli-dict-actor-added", &[("code", text(code))]));
        }
        DictionaryCommand::AddAlias {
            actor,
            text,
            language: lang,
            case,
            via,
        } => {
            let case = match case {
                None => None,
                Some(c) => {
                    Some(CaseRule::parse(&c).with_context(|| must("case", &c, "exact, fold"))?)
                }
            };
            let via = Via::parse(&via)
                .with_context(|| must("via", &via, "name, short, demonym, place"))?;
            let id = store.add_alias(&NewAlias {
                actor_code: actor,
                text,
                language: language(&lang)?,
                case,
                via,
            })?;
            println!("{}", say("cli-dict-alias-added", &[("id", num(id as f64))]));
        }
        DictionaryCommand::DisableAlias(a) => {
            store.set_alias_enabled(&a.actor, &a.text, language(&a.language)?, false)?;
            println!("{}", say("cli-dict-alias-disabled", &[]));
        }
        DictionaryCommand::EnableAlias(a) => {
            store.set_alias_enabled(&a.actor, &a.text, language(&a.language)?, true)?;
            println!("{}", say("cli-dict-alias-enabled", &[]));
        }
        DictionaryCommand::Exclude {
            actor,
            alias,
            article,
            phrase,
        } => {
            let scope = match (article, phrase) {
                (Some(id), _) => ExclusionScope::Article(id),
                (None, Some(p)) => ExclusionScope::Phrase(p),
                (None, None) => anyhow::bail!("{}", say("clierr-article-or-phrase", &[])),
            };
            let id = store.add_exclusion(&actor, &alias, &scope)?;
            println!(
                "{}",
                say("cli-dict-exclusion-added", &[("id", num(id as f64))])
            );
        }
        DictionaryCommand::List => {
            for a in store.user_actors()? {
                println!("actor\t{}\t{}\t{}\t{}", a.code, a.kind, a.name, a.org_type);
            }
            for a in store.aliases(None)? {
                if a.user || !a.enabled {
                    println!(
                        "alias\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        a.id,
                        a.actor_code,
                        a.text,
                        a.language.map_or("any", |l| l.as_str()),
                        a.case.as_str(),
                        a.via,
                        match (a.user, a.enabled) {
                            (true, true) => "user",
                            (true, false) => "user, disabled",
                            _ => "builtin, disabled",
                        }
                    );
                }
            }
            for e in store.exclusions()? {
                let scope = match &e.scope {
                    ExclusionScope::Article(id) => format!("article {id}"),
                    ExclusionScope::Phrase(p) => format!("phrase {p:?}"),
                };
                println!(
                    "exclusion\t{}\t{}\t{}\t{}",
                    e.id, e.actor_code, e.alias, scope
                );
            }
        }
        DictionaryCommand::DeleteAlias { id } => {
            store.delete_user_alias(id)?;
            println!(
                "{}",
                say("cli-dict-alias-deleted", &[("id", num(id as f64))])
            );
        }
        DictionaryCommand::DeleteExclusion { id } => {
            store.delete_exclusion(id)?;
            println!(
                "{}",
                say("cli-dict-exclusion-deleted", &[("id", num(id as f64))])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
