//! Finding actors the way people type them: by code, English or Indonesian name, or any alias
//! in any language ("amerika" finds USA, "petroleum" finds OPEC), without regard to case or
//! accents.

use crate::store::ActorEntry;

/// The searchable names of every actor of the dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorNames {
    /// (code, folded names: code, name, Indonesian name, then every alias).
    actors: Vec<(String, Vec<String>)>,
    /// Where each code stands in `actors`.
    by_code: std::collections::HashMap<String, usize>,
    /// Code → its Indonesian display name, where the dictionary has one.
    name_id: std::collections::HashMap<String, String>,
    /// Code → its (English) name.
    name: std::collections::HashMap<String, String>,
}

/// What a typed name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Nothing typed.
    Empty,
    /// One actor: its code.
    Actor(String),
    /// Several actors have a name containing the text (codes, at most ten).
    Ambiguous(Vec<String>),
    /// No actor has such a name.
    Unknown,
}

/// Lower case without accents ("Türkiye" -> "turkiye"), spaces collapsed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            c => c,
        };
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

impl ActorNames {
    /// The names of the dictionary's actors.
    pub fn new(entries: &[ActorEntry]) -> ActorNames {
        let actors: Vec<(String, Vec<String>)> = entries
            .iter()
            .map(|e| {
                let mut names = vec![fold(&e.code), fold(&e.name), fold(&e.name_id)];
                names.extend(e.aliases.iter().map(|a| fold(&a.alias)));
                names.retain(|n| !n.is_empty());
                (e.code.clone(), names)
            })
            .collect();
        let by_code = actors
            .iter()
            .enumerate()
            .map(|(i, (c, _))| (c.clone(), i))
            .collect();
        let name_id = entries
            .iter()
            .filter(|e| !e.name_id.trim().is_empty())
            .map(|e| (e.code.clone(), e.name_id.trim().to_string()))
            .collect();
        let name = entries
            .iter()
            .map(|e| (e.code.clone(), e.name.trim().to_string()))
            .collect();
        ActorNames {
            actors,
            by_code,
            name_id,
            name,
        }
    }

    /// The name to show for `code` in `lang`: its Indonesian name in Indonesian when the
    /// dictionary has one ("Amerika Serikat"), else `name` (the stored English one).
    pub fn display<'a>(&'a self, code: &str, name: &'a str, lang: crate::i18n::Lang) -> &'a str {
        match lang {
            crate::i18n::Lang::Id => self.name_id.get(code).map_or(name, String::as_str),
            crate::i18n::Lang::En => name,
        }
    }

    /// `code` with its name in `lang` ("USA Amerika Serikat"), or the code alone when the
    /// dictionary has no such actor; for places where only the code is at hand.
    pub fn label(&self, code: &str, lang: crate::i18n::Lang) -> String {
        let name = self.name.get(code).map_or("", String::as_str);
        let shown = self.display(code, name, lang);
        if shown.is_empty() || shown == code {
            code.to_string()
        } else {
            format!("{code} {shown}")
        }
    }

    /// True when one of `code`'s names contains `needle` (already [`fold`]ed; empty matches).
    pub fn matches(&self, code: &str, needle: &str) -> bool {
        needle.is_empty()
            || match self.by_code.get(code).and_then(|&i| self.actors.get(i)) {
                // Its names hold its folded code and name too.
                Some((_, names)) => names.iter().any(|n| n.contains(needle)),
                None => fold(code).contains(needle),
            }
    }

    /// The codes of the actors with a name containing `needle` (folded).
    pub fn matching(&self, needle: &str) -> impl Iterator<Item = &str> {
        self.actors
            .iter()
            .filter(move |(_, names)| names.iter().any(|n| n.contains(needle)))
            .map(|(c, _)| c.as_str())
    }

    /// The actor `text` names: a code or a whole name or alias first ("as" is the United
    /// States in Indonesian), else the only actor with a name containing it.
    pub fn resolve(&self, text: &str) -> Resolved {
        let needle = fold(text);
        if needle.is_empty() {
            return Resolved::Empty;
        }
        if let Some((code, _)) = self.actors.iter().find(|(c, _)| fold(c) == needle) {
            return Resolved::Actor(code.clone());
        }
        let exact: Vec<&str> = self
            .actors
            .iter()
            .filter(|(_, names)| names.contains(&needle))
            .map(|(c, _)| c.as_str())
            .collect();
        let found: Vec<&str> = if exact.is_empty() {
            self.matching(&needle).collect()
        } else {
            exact
        };
        match found.as_slice() {
            [] => Resolved::Unknown,
            [one] => Resolved::Actor(one.to_string()),
            many => Resolved::Ambiguous(many.iter().take(10).map(|c| c.to_string()).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AliasEntry;

    fn entry(code: &str, name: &str, name_id: &str, aliases: &[&str]) -> ActorEntry {
        ActorEntry {
            code: code.into(),
            name: name.into(),
            name_id: name_id.into(),
            aliases: aliases
                .iter()
                .map(|a| AliasEntry {
                    alias: a.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn names() -> ActorNames {
        ActorNames::new(&[
            entry(
                "USA",
                "United States",
                "Amerika Serikat",
                &["AS", "Washington"],
            ),
            entry(
                "OPEC",
                "Organization of the Petroleum Exporting Countries",
                "Organisasi Negara-Negara Pengekspor Minyak",
                &["OPEC"],
            ),
            entry("TUR", "Türkiye", "Turki", &["Turkey"]),
            entry("AUS", "Australia", "Australia", &[]),
            entry("AUT", "Austria", "Austria", &[]),
        ])
    }

    #[test]
    fn finds_actors_by_any_name() {
        let n = names();
        assert!(n.matches("USA", &fold("amerika")));
        assert!(n.matches("OPEC", &fold("Petroleum")));
        assert!(n.matches("TUR", &fold("turkiye")));
        assert!(!n.matches("USA", &fold("petroleum")));
        assert_eq!(n.resolve("Amerika Serikat"), Resolved::Actor("USA".into()));
        assert_eq!(n.resolve("as"), Resolved::Actor("USA".into()));
        assert_eq!(n.resolve(" opec "), Resolved::Actor("OPEC".into()));
        assert_eq!(n.resolve("türkiye"), Resolved::Actor("TUR".into()));
        assert_eq!(
            n.resolve("aus"),
            Resolved::Actor("AUS".into()),
            "a code first"
        );
        assert_eq!(
            n.resolve("austr"),
            Resolved::Ambiguous(vec!["AUS".into(), "AUT".into()])
        );
        assert_eq!(n.resolve("Narnia"), Resolved::Unknown);
        assert_eq!(n.resolve("  "), Resolved::Empty);
    }
}
