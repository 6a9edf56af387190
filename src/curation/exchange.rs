//! The dictionary as CSV, so a team can share its edits: one row per alias (an actor without
//! aliases gets one row with an empty alias), columns `code, kind, type, name, alias,
//! language, case_rule, via`. Importing adds the missing actors and aliases as the user's own;
//! importing the same file twice changes nothing.

use super::effective_dictionary;
use crate::model::{Actor, ActorKind, CaseRule, Dictionary, Language, Via};
use crate::store::{NewAlias, Store, StoreError};
use std::collections::HashSet;
use std::io::{Read, Write};

/// The header of the dictionary CSV.
pub const HEADER: [&str; 8] = [
    "code",
    "kind",
    "type",
    "name",
    "alias",
    "language",
    "case_rule",
    "via",
];

/// A dictionary CSV that could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// Reading or writing failed.
    #[error("dictionary CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A row is malformed.
    #[error("dictionary CSV line {line}: {message}")]
    Row {
        /// The line (1-based, header = 1).
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The database refused the import.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One row of the dictionary CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct DictionaryRow {
    /// Actor code.
    pub code: String,
    /// Actor kind.
    pub kind: ActorKind,
    /// Organization type (may be empty).
    pub org_type: String,
    /// Display name.
    pub name: String,
    /// The alias; empty for an actor without aliases.
    pub alias: String,
    /// Language restriction; `None` = any.
    pub language: Option<Language>,
    /// Case rule.
    pub case: CaseRule,
    /// How the alias refers to the actor.
    pub via: Via,
}

/// What an import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DictionaryImport {
    /// Actors added.
    pub actors_added: u64,
    /// Aliases added.
    pub aliases_added: u64,
    /// Rows already present (or present but disabled).
    pub unchanged: u64,
}

/// Writes `dict` as CSV (formula-like cells neutralised with a leading `'`).
pub fn write_csv<W: Write>(dict: &Dictionary, out: W) -> Result<(), ExchangeError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(HEADER)?;
    let safe = |s: &str| crate::export::safe_cell(s).into_owned();
    let mut has_alias = vec![false; dict.actors.len()];
    for a in &dict.aliases {
        if let Some(flag) = has_alias.get_mut(a.actor) {
            *flag = true;
        }
    }
    for (i, actor) in dict.actors.iter().enumerate() {
        let head = [
            safe(&actor.code),
            actor.kind.as_str().to_string(),
            safe(&actor.org_type),
            safe(&actor.name),
        ];
        if !has_alias[i] {
            w.write_record(head.iter().map(String::as_str).chain(["", "any", "", ""]))?;
        }
        for a in dict.aliases.iter().filter(|a| a.actor == i) {
            let text = safe(&a.text);
            w.write_record(head.iter().map(String::as_str).chain([
                text.as_str(),
                a.language.map_or("any", |l| l.as_str()),
                a.case.as_str(),
                a.via.as_str(),
            ]))?;
        }
    }
    w.flush().map_err(csv::Error::from)?;
    Ok(())
}

/// Undoes [`crate::export::safe_cell`].
fn unsafe_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// Reads a dictionary CSV (header required, columns found by name).
pub fn read_csv<R: Read>(input: R) -> Result<Vec<DictionaryRow>, ExchangeError> {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = r.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
    };
    let Some(code_col) = col("code") else {
        return Err(ExchangeError::Row {
            line: 1,
            message: "no column \"code\"".into(),
        });
    };
    let cols: Vec<Option<usize>> = HEADER.iter().map(|h| col(h)).collect();
    let mut out = Vec::new();
    for (n, record) in r.records().enumerate() {
        let record = record?;
        let line = n as u64 + 2;
        let get = |i: usize| {
            cols[i]
                .and_then(|c| record.get(c))
                .map(|s| unsafe_cell(s.trim()))
                .unwrap_or("")
        };
        let bad = |message: String| ExchangeError::Row { line, message };
        let code = unsafe_cell(record.get(code_col).unwrap_or("").trim()).to_string();
        if code.is_empty() {
            continue;
        }
        let kind = ActorKind::parse(get(1)).ok_or_else(|| bad(format!("kind {:?}", get(1))))?;
        let alias = get(4).to_string();
        let language = match get(5) {
            "" | "any" => None,
            "id" => Some(Language::Indonesian),
            "en" => Some(Language::English),
            other => return Err(bad(format!("language {other:?}"))),
        };
        let case = match get(6) {
            "" => CaseRule::auto(&alias),
            other => CaseRule::parse(other).ok_or_else(|| bad(format!("case_rule {other:?}")))?,
        };
        let via = match get(7) {
            "" => Via::Name,
            other => Via::parse(other).ok_or_else(|| bad(format!("via {other:?}")))?,
        };
        out.push(DictionaryRow {
            code,
            kind,
            org_type: get(2).to_string(),
            name: get(3).to_string(),
            alias,
            language,
            case,
            via,
        });
    }
    Ok(out)
}

/// Adds the actors and aliases of `rows` that the database's effective dictionary (over
/// `builtin`) lacks, as the user's own. Idempotent.
pub fn import_rows(
    store: &mut Store,
    builtin: &Dictionary,
    rows: &[DictionaryRow],
) -> Result<DictionaryImport, ExchangeError> {
    let dict = effective_dictionary(store, builtin)?;
    let mut codes: HashSet<String> = dict.actors.iter().map(|a| a.code.clone()).collect();
    let mut known: HashSet<(String, String, Option<Language>)> = dict
        .aliases
        .iter()
        .map(|a| {
            (
                dict.actors[a.actor].code.clone(),
                a.text.clone(),
                a.language,
            )
        })
        .collect();
    for a in store.aliases(None)? {
        known.insert((a.actor_code, a.text, a.language));
    }
    let mut report = DictionaryImport::default();
    for row in rows {
        if !codes.contains(&row.code) {
            let name = if row.name.is_empty() {
                row.code.clone()
            } else {
                row.name.clone()
            };
            store.add_actor(&Actor {
                code: row.code.clone(),
                kind: row.kind,
                name,
                name_id: String::new(),
                org_type: row.org_type.clone(),
                country: String::new(),
            })?;
            codes.insert(row.code.clone());
            report.actors_added += 1;
        }
        if row.alias.is_empty() {
            continue;
        }
        let key = (row.code.clone(), row.alias.clone(), row.language);
        if known.contains(&key) {
            report.unchanged += 1;
            continue;
        }
        store.add_alias(&NewAlias {
            actor_code: row.code.clone(),
            text: row.alias.clone(),
            language: row.language,
            case: Some(row.case),
            via: row.via,
        })?;
        known.insert(key);
        report.aliases_added += 1;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_of_the_builtin_dictionary() {
        let d = Dictionary::builtin().expect("builtin");
        let mut buf = Vec::new();
        write_csv(&d, &mut buf).expect("write");
        let rows = read_csv(&buf[..]).expect("read");
        assert_eq!(rows.len(), d.aliases.len());
        let mut store = Store::open_in_memory().expect("store");
        store.sync_dictionary(&d).expect("sync");
        let r = import_rows(&mut store, &d, &rows).expect("import");
        assert_eq!((r.actors_added, r.aliases_added), (0, 0));
    }

    #[test]
    fn formula_cells_are_neutralised_and_restored() {
        let mut d = Dictionary::default();
        let a = d
            .add_actor(Actor {
                code: "X".into(),
                kind: ActorKind::Organization,
                name: "=cmd".into(),
                name_id: String::new(),
                org_type: String::new(),
                country: String::new(),
            })
            .expect("actor");
        d.add_alias(crate::model::Alias {
            actor: a,
            text: "-X-".into(),
            language: None,
            case: CaseRule::Fold,
            via: Via::Short,
            rule: None,
        })
        .expect("alias");
        let mut buf = Vec::new();
        write_csv(&d, &mut buf).expect("write");
        let text = String::from_utf8(buf.clone()).expect("utf8");
        assert!(text.contains("'=cmd") && text.contains("'-X-"), "{text}");
        let rows = read_csv(&buf[..]).expect("read");
        assert_eq!(
            (rows[0].name.as_str(), rows[0].alias.as_str()),
            ("=cmd", "-X-")
        );
    }
}
