//! The matcher: every alias of the dictionary compiled into Aho-Corasick automata.
//!
//! Two automata: one over the lower-cased normalised text for aliases matched in any case,
//! one over the case-kept text for exact aliases. Each runs leftmost-longest; a match is kept
//! when it stands as a whole word (no letter or digit on either side, Indonesian clitics
//! -nya/-lah/-kah/-pun allowed after it), its alias applies to the text's language and no
//! context rule cancels it. When the longest match fails those checks, shorter matches at the
//! same place are tried ("Amerika Serikatx" still gives "Amerika"), so a failed long match
//! never hides a valid short one. The two result lists are merged, longest first.

use super::dictionary::{Alias, CaseRule, Dictionary};
use super::normalize::{Normalized, normalize, normalize_alias};
use super::segment::Segments;
use crate::model::{Language, Mention, Via};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;

/// Switches of the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatcherOptions {
    /// Count capitals and major cities for their country (`via = place`).
    pub include_places: bool,
}

impl Default for MatcherOptions {
    /// Places off: a dateline "JAKARTA -" in every Indonesian article would otherwise drown
    /// the real mentions of Indonesia. The user switches roll-up on per database.
    fn default() -> Self {
        MatcherOptions {
            include_places: false,
        }
    }
}

/// Suffixes Indonesian attaches to a name ("Rusianya", "Turkilah", "ASpun").
const CLITICS: &[&str] = &["nya", "lah", "kah", "pun"];

struct Automata {
    leftmost_longest: AhoCorasick,
    all: AhoCorasick,
    /// Pattern id → the aliases that share that normalised pattern.
    groups: Vec<Vec<usize>>,
}

impl Automata {
    fn build(patterns: Vec<(String, usize)>) -> Result<Option<Automata>, aho_corasick::BuildError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (pattern, alias) in patterns {
            if pattern.is_empty() {
                continue;
            }
            let id = *index.entry(pattern.clone()).or_insert_with(|| {
                strings.push(pattern);
                groups.push(Vec::new());
                strings.len() - 1
            });
            groups[id].push(alias);
        }
        if strings.is_empty() {
            return Ok(None);
        }
        // A full DFA: the fastest search, worth its memory for a dictionary of this size.
        let leftmost_longest = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)?;
        let all = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&strings)?;
        Ok(Some(Automata {
            leftmost_longest,
            all,
            groups,
        }))
    }
}

/// A compiled dictionary.
pub struct Matcher {
    aliases: Vec<Alias>,
    actor_codes: Vec<String>,
    fold: Option<Automata>,
    exact: Option<Automata>,
    options: MatcherOptions,
    /// Actor index → normalised lower-case phrases in which its matches are rejected.
    excluded_phrases: Vec<Vec<String>>,
    version: String,
}

#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    alias: usize,
}

impl Matcher {
    /// Compiles a dictionary.
    pub fn new(
        dict: &Dictionary,
        options: MatcherOptions,
    ) -> Result<Matcher, aho_corasick::BuildError> {
        let mut fold = Vec::new();
        let mut exact = Vec::new();
        for (i, alias) in dict.aliases.iter().enumerate() {
            match alias.case {
                CaseRule::Fold => fold.push((normalize_alias(&alias.text, true), i)),
                CaseRule::Exact => exact.push((normalize_alias(&alias.text, false), i)),
            }
        }
        let mut excluded_phrases = vec![Vec::new(); dict.actors.len()];
        for e in &dict.exclusions {
            let phrase = normalize_alias(&e.phrase, true);
            if let Some(list) = excluded_phrases.get_mut(e.actor)
                && !phrase.is_empty()
            {
                list.push(phrase);
            }
        }
        Ok(Matcher {
            aliases: dict.aliases.clone(),
            actor_codes: dict.actors.iter().map(|a| a.code.clone()).collect(),
            fold: Automata::build(fold)?,
            exact: Automata::build(exact)?,
            options,
            excluded_phrases,
            version: dict.version_hash(),
        })
    }

    /// [`Dictionary::version_hash`] of the dictionary the matcher was compiled from.
    pub fn dictionary_version(&self) -> &str {
        &self.version
    }

    /// True when the match `start..end` (bytes of the normalised text) of `actor` lies inside
    /// one of the actor's excluded phrases.
    fn in_excluded_phrase(&self, actor: usize, start: usize, end: usize, lower: &str) -> bool {
        let Some(phrases) = self.excluded_phrases.get(actor) else {
            return false;
        };
        if phrases.is_empty() {
            return false;
        }
        let matched = &lower[start..end];
        phrases.iter().any(|p| {
            p.match_indices(matched).any(|(k, _)| {
                start >= k && lower.get(start - k..start - k + p.len()) == Some(p.as_str())
            })
        })
    }

    /// The options the matcher was built with.
    pub fn options(&self) -> MatcherOptions {
        self.options
    }

    /// Every mention in `text`, in order, for a text in `language`.
    pub fn find(&self, text: &str, language: Language) -> Vec<Mention> {
        let norm = normalize(text);
        let mut found = Vec::new();
        if let Some(a) = &self.fold {
            self.scan(a, &norm.lower, &norm, language, &mut found);
        }
        let fold_count = found.len();
        if let Some(a) = &self.exact {
            self.scan(a, &norm.text, &norm, language, &mut found);
        }
        if fold_count > 0 && found.len() > fold_count {
            found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            let mut kept: Vec<Found> = Vec::with_capacity(found.len());
            for f in found {
                if kept.last().is_none_or(|k| f.start >= k.end) {
                    kept.push(f);
                }
            }
            found = kept;
        }
        self.to_mentions(text, &norm, &found)
    }

    fn scan(
        &self,
        automata: &Automata,
        hay: &str,
        norm: &Normalized,
        language: Language,
        out: &mut Vec<Found>,
    ) {
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = automata
                .leftmost_longest
                .find(Input::new(hay).span(pos..hay.len()))
            else {
                break;
            };
            if let Some(alias) = self.accept(
                automata,
                m.pattern().as_usize(),
                m.start(),
                m.end(),
                norm,
                language,
            ) {
                out.push(Found {
                    start: m.start(),
                    end: m.end(),
                    alias,
                });
                pos = m.end();
                continue;
            }
            // The longest match failed: try the shorter ones that start at the same place.
            let mut best: Option<Found> = None;
            for om in automata
                .all
                .find_overlapping_iter(Input::new(hay).span(m.start()..m.end()))
            {
                if om.start() != m.start()
                    || om.end() >= m.end()
                    || best.is_some_and(|b| b.end >= om.end())
                {
                    continue;
                }
                if let Some(alias) = self.accept(
                    automata,
                    om.pattern().as_usize(),
                    om.start(),
                    om.end(),
                    norm,
                    language,
                ) {
                    best = Some(Found {
                        start: om.start(),
                        end: om.end(),
                        alias,
                    });
                }
            }
            match best {
                Some(b) => {
                    out.push(b);
                    pos = b.end;
                }
                None => pos = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }

    /// The alias a match at `start..end` stands for, if it is a valid mention.
    fn accept(
        &self,
        automata: &Automata,
        pattern: usize,
        start: usize,
        end: usize,
        norm: &Normalized,
        language: Language,
    ) -> Option<usize> {
        let text = &norm.text;
        let before = text[..start].chars().next_back();
        if before.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let after = text[end..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            let clitic_ok = language != Language::English
                && CLITICS.iter().any(|c| {
                    let rest = &norm.lower[end..];
                    rest.starts_with(c)
                        && !rest[c.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                });
            if !clitic_ok {
                return None;
            }
        }
        automata.groups[pattern].iter().copied().find(|&i| {
            let alias = &self.aliases[i];
            alias.language.is_none_or(|l| l == language)
                && (self.options.include_places || alias.via != Via::Place)
                && alias.rule.as_ref().is_none_or(|rule| {
                    let prev = prev_word(&norm.lower, start);
                    let next = next_word(&norm.lower, end);
                    !rule.unless_prev.iter().any(|w| w == prev)
                        && !rule.unless_next.iter().any(|w| w == next)
                })
                && !self.in_excluded_phrase(alias.actor, start, end, &norm.lower)
        })
    }

    fn to_mentions(&self, text: &str, norm: &Normalized, found: &[Found]) -> Vec<Mention> {
        if found.is_empty() {
            return Vec::new();
        }
        // Sentences never cross a line break, so segmenting up to the line end after the last
        // mention gives the same indices as segmenting the whole text, for less work.
        let last_end = found
            .iter()
            .map(|f| norm.to_original(f.end))
            .max()
            .unwrap_or(0);
        let cut = text[last_end..]
            .find('\n')
            .map_or(text.len(), |i| last_end + i + 1);
        let segments = Segments::new(&text[..cut]);
        let mut mentions = Vec::with_capacity(found.len());
        let (mut byte, mut chars) = (0usize, 0usize);
        let mut char_at = |target: usize| {
            chars += text[byte..target].chars().count();
            byte = target;
            chars
        };
        for f in found {
            let start = norm.to_original(f.start);
            let end = norm.to_original(f.end);
            let alias = &self.aliases[f.alias];
            let start_char = char_at(start);
            let end_char = char_at(end);
            mentions.push(Mention {
                actor_code: self.actor_codes[alias.actor].clone(),
                matched_text: text[start..end].to_string(),
                via: alias.via,
                start_char,
                end_char,
                sentence_idx: segments.sentence_of(start),
                paragraph_idx: segments.paragraph_of(start),
            });
        }
        mentions
    }
}

/// The lower-cased word just before byte `pos` (skipping spaces and punctuation).
fn prev_word(lower: &str, pos: usize) -> &str {
    let head = lower[..pos].trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    &head[start..]
}

/// The lower-cased word just after byte `pos`.
fn next_word(lower: &str, pos: usize) -> &str {
    let tail = lower[pos..].trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    &tail[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagging::dictionary::ContextRule;

    fn matcher() -> Matcher {
        let mut d = Dictionary::builtin().expect("builtin");
        let add = |d: &mut Dictionary, code: &str, text: &str, case, language, via, rule| {
            let actor = d.actor_index(code).expect("actor");
            d.add_alias(Alias {
                actor,
                text: text.into(),
                language,
                case,
                via,
                rule,
            })
            .expect("alias");
        };
        add(
            &mut d,
            "USA",
            "Amerika",
            CaseRule::Fold,
            None,
            Via::Name,
            None,
        );
        add(
            &mut d,
            "TUR",
            "Kotabaru",
            CaseRule::Fold,
            None,
            Via::Place,
            Some(ContextRule {
                unless_prev: vec!["hotel".into()],
                unless_next: vec!["street".into()],
            }),
        );
        Matcher::new(
            &d,
            MatcherOptions {
                include_places: true,
            },
        )
        .expect("matcher")
    }

    struct Case {
        name: &'static str,
        text: &'static str,
        language: Language,
        want: &'static [(&'static str, &'static str)],
    }

    #[test]
    fn table() {
        let m = matcher();
        let cases = [
            Case {
                name: "plain",
                text: "Rusia dan Turki.",
                language: Language::Indonesian,
                want: &[("RUS", "Rusia"), ("TUR", "Turki")],
            },
            Case {
                name: "hyphen compound",
                text: "kerjasama Turki-Rusia, anti-Daesh",
                language: Language::Indonesian,
                want: &[("TUR", "Turki"), ("RUS", "Rusia"), ("ISIS", "Daesh")],
            },
            Case {
                name: "inside a word",
                text: "Prusia, Turkish, keras, Daeshi",
                language: Language::Indonesian,
                want: &[],
            },
            Case {
                name: "AS only in Indonesian",
                text: "menawarkan AS penggunaan",
                language: Language::Indonesian,
                want: &[("USA", "AS")],
            },
            Case {
                name: "AS not in English",
                text: "AS WE SAID, the US said",
                language: Language::English,
                want: &[("USA", "US")],
            },
            Case {
                name: "case exact",
                text: "as usual, us too",
                language: Language::English,
                want: &[],
            },
            Case {
                name: "case folded",
                text: "RUSIA, rusia, TÜRKIYE",
                language: Language::Indonesian,
                want: &[("RUS", "RUSIA"), ("RUS", "rusia"), ("TUR", "TÜRKIYE")],
            },
            Case {
                name: "clitics",
                text: "Rusianya, Turkilah, Amerika Serikatnya",
                language: Language::Indonesian,
                want: &[
                    ("RUS", "Rusia"),
                    ("TUR", "Turki"),
                    ("USA", "Amerika Serikat"),
                ],
            },
            Case {
                name: "no clitic in English",
                text: "Rusiapun",
                language: Language::English,
                want: &[],
            },
            Case {
                name: "longer failed, shorter kept",
                text: "Amerika Serikatx",
                language: Language::Indonesian,
                want: &[("USA", "Amerika")],
            },
            Case {
                name: "longest wins",
                text: "Observatorium Suriah untuk Hak Asasi Manusia",
                language: Language::Indonesian,
                want: &[("SOHR", "Observatorium Suriah untuk Hak Asasi Manusia")],
            },
            Case {
                name: "line break and nbsp inside",
                text: "Amerika\nSerikat dan Amerika\u{a0}Serikat",
                language: Language::Indonesian,
                want: &[("USA", "Amerika\nSerikat"), ("USA", "Amerika\u{a0}Serikat")],
            },
            Case {
                name: "dotted and possessive",
                text: "the U.S. and Russia’s army",
                language: Language::English,
                want: &[("USA", "U.S."), ("RUS", "Russia")],
            },
            Case {
                name: "context rules",
                text: "Hotel Kotabaru, Kotabaru Street, di Kotabaru",
                language: Language::Indonesian,
                want: &[("TUR", "Kotabaru")],
            },
        ];
        for case in cases {
            let got: Vec<(String, String)> = m
                .find(case.text, case.language)
                .into_iter()
                .map(|x| (x.actor_code, x.matched_text))
                .collect();
            let want: Vec<(String, String)> = case
                .want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{}", case.name);
        }
    }

    #[test]
    fn offsets_are_characters_of_the_original() {
        let m = matcher();
        let text = "Ä é ī — Rusia\u{a0}dan Turki";
        for x in m.find(text, Language::Indonesian) {
            let s: String = text
                .chars()
                .skip(x.start_char)
                .take(x.end_char - x.start_char)
                .collect();
            assert_eq!(s, x.matched_text);
        }
    }

    #[test]
    fn places_can_be_switched_off() {
        let d = Dictionary::builtin().expect("builtin");
        let on = Matcher::new(
            &d,
            MatcherOptions {
                include_places: true,
            },
        )
        .expect("m");
        let off = Matcher::new(
            &d,
            MatcherOptions {
                include_places: false,
            },
        )
        .expect("m");
        assert_eq!(on.find("di Moskow", Language::Indonesian).len(), 1);
        assert_eq!(
            on.find("di Moskow", Language::Indonesian)[0].via,
            Via::Place
        );
        assert!(off.find("di Moskow", Language::Indonesian).is_empty());
    }
}
