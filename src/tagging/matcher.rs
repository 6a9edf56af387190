//! The matcher: every alias of the dictionary compiled into Aho-Corasick automata.
//!
//! Aliases matched in any case go into one automaton that folds ASCII case; other letters are
//! folded by entering their upper-case spellings as extra patterns ("TÜRKIYE"). Aliases whose
//! case matters ("AS", "US", "PBB": short capitals) go into a second, case-sensitive one. A
//! mention can only start where no letter or digit precedes, so both run anchored, leftmost-
//! longest, at such places only, and only where the word there begins a pattern (see
//! [`super::first_words`]: one hash look-up per word; 6% of word starts go further). Where
//! the word begins at most eight patterns, the filter lists them and they are compared
//! directly, longest first, which gives what the automata would; the automata run for words
//! that begin many patterns ("Republik", "Kementerian") and words with non-ASCII letters.
//! A match is kept when it stands as a whole word (no letter or digit on either side,
//! Indonesian clitics -nya/-lah/-kah/-pun allowed after it), its alias applies to the text's
//! language and no context rule or exclusion cancels it. When the longest match fails those
//! checks, shorter matches at the same place are tried ("Amerika Serikatx" still gives
//! "Amerika"), so a failed long match never hides a valid short one.

use super::dictionary::{Alias, CaseRule, Dictionary};
use super::first_words::{CLITICS, Candidate, EXACT, FOLD, FirstWords, Hit};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::normalize::{Normalized, fold, fold_char, fold_eq, normalize, normalize_alias};
use crate::model::{Language, Mention, TextUnits, Via};
use crate::segment::Segments;
use crate::swar::{Block16, ascii_lower};
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// Spellings of a pattern past ASCII case: at most this many per pattern.
const MAX_SPELLINGS: usize = 16;

struct Automata {
    /// The patterns as entered (their index is their pattern id).
    patterns: Vec<String>,
    leftmost_longest: AhoCorasick,
    all: AhoCorasick,
    /// Pattern id → the aliases that share that pattern.
    groups: Vec<Arc<[usize]>>,
}

impl Automata {
    /// `patterns`: (pattern, alias). With `fold`, ASCII case is folded and the pattern is
    /// also entered in its other spellings (see [`spellings`]).
    fn build(
        patterns: Vec<(String, usize)>,
        fold: bool,
    ) -> Result<Option<Automata>, aho_corasick::BuildError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut aliases: Vec<Vec<usize>> = Vec::new();
        for (pattern, alias) in patterns {
            if pattern.is_empty() {
                continue;
            }
            let id = *index.entry(pattern.clone()).or_insert_with(|| {
                keys.push(pattern);
                aliases.push(Vec::new());
                keys.len() - 1
            });
            aliases[id].push(alias);
        }
        if keys.is_empty() {
            return Ok(None);
        }
        let mut strings = Vec::with_capacity(keys.len());
        let mut groups = Vec::with_capacity(keys.len());
        for (key, group) in keys.into_iter().zip(aliases) {
            let group: Arc<[usize]> = group.into();
            if fold {
                for spelling in spellings(&key) {
                    strings.push(spelling);
                    groups.push(group.clone());
                }
            } else {
                strings.push(key);
                groups.push(group);
            }
        }
        // A contiguous NFA: anchored searches from a word start end after a few bytes, and
        // its compact states stay in cache (a full DFA, 17 MB for the built-in dictionary,
        // was 3-5% slower in the tagging bench).
        let leftmost_longest = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(fold)
            .start_kind(StartKind::Anchored)
            .build(&strings)?;
        let all = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(fold)
            .build(&strings)?;
        Ok(Some(Automata {
            patterns: strings,
            leftmost_longest,
            all,
            groups,
        }))
    }
}

/// Whether `text` equals `lowered` (whose ASCII letters are all lower case) in any ASCII
/// case, eight bytes at a time.
#[inline]
fn eq_lowered(text: &[u8], lowered: &[u8]) -> bool {
    let (mut t, mut l) = (text.chunks_exact(8), lowered.chunks_exact(8));
    if text.len() != lowered.len() {
        return false;
    }
    for (a, b) in (&mut t).zip(&mut l) {
        let (a, b) = (
            a.try_into().unwrap_or([0; 8]),
            b.try_into().unwrap_or([0; 8]),
        );
        if ascii_lower(u64::from_le_bytes(a)) != u64::from_le_bytes(b) {
            return false;
        }
    }
    t.remainder().eq_ignore_ascii_case(l.remainder())
}

/// The low `n` bits (n ≤ 64).
#[inline(always)]
fn low_bits(n: u32) -> u64 {
    u64::MAX.checked_shr(64 - n).unwrap_or(0)
}

/// The spellings of a folded pattern that ASCII case folding does not reach: each non-ASCII
/// letter in lower or upper case, all combinations up to [`MAX_SPELLINGS`], else only all
/// lower and all upper.
fn spellings(folded: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut complete = true;
    for c in folded.chars() {
        match upper_same_length(c) {
            Some(u) if !c.is_ascii() => {
                if out.len() * 2 > MAX_SPELLINGS {
                    complete = false;
                    out.iter_mut().for_each(|s| s.push(c));
                    continue;
                }
                out = out
                    .into_iter()
                    .flat_map(|s| {
                        let mut upper = s.clone();
                        upper.push(u);
                        let mut lower = s;
                        lower.push(c);
                        [lower, upper]
                    })
                    .collect();
            }
            _ => out.iter_mut().for_each(|s| s.push(c)),
        }
    }
    if !complete {
        let upper: String = folded
            .chars()
            .map(|c| upper_same_length(c).unwrap_or(c))
            .collect();
        out.push(upper);
        out.sort_unstable();
        out.dedup();
    }
    out
}

/// The upper case of a lower-case letter when it is one character of the same UTF-8 length
/// that folds back to it (so every spelling has the folded pattern's length).
fn upper_same_length(c: char) -> Option<char> {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if u != c && u.len_utf8() == c.len_utf8() && fold_char(u) == c => Some(u),
        _ => None,
    }
}

/// A compiled dictionary.
pub struct Matcher {
    /// Country of each place and country name (lower case), for datelines.
    places: HashMap<String, String>,
    aliases: Vec<Alias>,
    actor_codes: Vec<String>,
    fold: Option<Automata>,
    exact: Option<Automata>,
    /// Which automata can match at a word start.
    first_words: FirstWords,
    options: MatcherOptions,
    /// Actor index → normalised lower-case phrases in which its matches are rejected.
    excluded_phrases: Vec<Vec<String>>,
    /// Alias index → the alias is a name built on a generic head word ("Bank of Japan",
    /// "Self-Defense Forces"), which a longer name may contain ("Industrial Bank of Japan").
    generic_head: Vec<bool>,
    /// Alias index → the alias names a media outlet (whose name in a photo credit is none of
    /// the story's actors).
    media: Vec<bool>,
    /// Actor index → the actor is a country.
    is_country: Vec<bool>,
    /// With places on: the gazetteer, and each of its countries' actor index.
    gazetteer: Option<Places>,
    version: String,
}

/// The gazetteer as the matcher uses it.
struct Places {
    gazetteer: &'static Gazetteer,
    /// Country code → actor index (countries the dictionary lacks are left out).
    actors: HashMap<&'static str, usize>,
    /// (country code, lower-case name) the user disabled.
    disabled: HashSet<(String, String)>,
}

/// A place the gazetteer found, in the normalised text.
struct PlaceFound {
    start: usize,
    end: usize,
    actor: usize,
}

/// Head words of institutions' names: an alias holding one is part of a longer name when a
/// capitalised word that is no function word stands just before it.
const GENERIC_HEADS: &[&str] = &[
    "bank",
    "forces",
    "force",
    "army",
    "council",
    "court",
    "ministry",
    "party",
    "front",
    "agency",
    "commission",
    "union",
    "organization",
    "organisation",
    "association",
    "institute",
    "university",
    "federation",
    "league",
    "fund",
    "office",
    "department",
    "board",
    "committee",
    "corporation",
    "authority",
    "guard",
    "police",
    "service",
    "movement",
];

/// Capitalised words before a name (in English) that are not part of it: function words and
/// titles.
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "its",
    "their",
    "our",
    "his",
    "her",
    "and",
    "or",
    "but",
    "by",
    "at",
    "in",
    "on",
    "of",
    "for",
    "from",
    "with",
    "to",
    "as",
    "when",
    "while",
    "after",
    "before",
    "if",
    "said",
    "says",
    "former",
    "ex",
    "then",
    "new",
    "current",
    "acting",
    "deputy",
    "governor",
    "president",
    "chief",
    "head",
    "director",
    "minister",
    "chairman",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "senior",
    "top",
];

/// True when the alias at `start..end` stands inside an address: a URL (`https://…`,
/// `www.…`, `twitter.com/…`) or an e-mail address.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Most mentions stand between spaces and punctuation: no address.
    let open = |b: u8| b.is_ascii_whitespace() || matches!(b, b'(' | b'"' | b'[');
    let close = |at: usize| match bytes.get(at) {
        None => true,
        Some(b)
            if b.is_ascii_whitespace()
                || matches!(b, b',' | b';' | b')' | b'"' | b']' | b'!' | b'?') =>
        {
            true
        }
        Some(b'.' | b':') => bytes.get(at + 1).is_none_or(|b| b.is_ascii_whitespace()),
        Some(_) => false,
    };
    if (start == 0 || open(bytes[start - 1])) && close(end) {
        return false;
    }
    let mut from = start;
    while from > 0 && !bytes[from - 1].is_ascii_whitespace() && start - from < 200 {
        from -= 1;
    }
    let mut to = end;
    while to < bytes.len() && !bytes[to].is_ascii_whitespace() && to - end < 200 {
        to += 1;
    }
    // (The 200-byte reach may stop inside a character.)
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let token = text.get(from..to).unwrap_or_default();
    if token.contains("://")
        || token.starts_with("www.")
        || token.contains("@") && token.contains('.')
    {
        return true;
    }
    // A host with a path: "twitter.com/akun", "t.co/abc" (not "U.S./Russia").
    token.split_once('/').is_some_and(|(host, _)| {
        host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
    })
}

#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    alias: usize,
}

/// Leaves out the mentions inside the article's own credit, dateline or sign-off (see
/// [`super::credit`]): they name who wrote it and where, not what it is about.
fn without_credits(text: &str, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    if let Some(lead) = super::credit::lead(text) {
        mentions.retain(|m| m.start_char < lead.start_char || m.start_char >= lead.end_char);
    }
    if let Some(end) = super::credit::sign_off(text) {
        mentions.retain(|m| m.start_char < end);
    }
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
                CaseRule::Exact => {
                    let pattern = normalize_alias(&alias.text, false);
                    // "China", "Turkey" in a headline or wire text in capitals ("CHINA"):
                    // the capitals are a pattern too, accepted only there.
                    let capitals = pattern.to_uppercase();
                    if capitals != pattern {
                        exact.push((capitals, i));
                    }
                    exact.push((pattern, i));
                }
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
        let fold = Automata::build(fold, true)?;
        let exact = Automata::build(exact, false)?;
        let first_words = FirstWords::new([(&fold, FOLD), (&exact, EXACT)].into_iter().flat_map(
            |(a, flag)| {
                a.iter().flat_map(move |a| {
                    (a.patterns.iter().enumerate()).map(move |(i, p)| (p.as_str(), flag, i as u32))
                })
            },
        ));
        // Places of datelines: every place alias and every country's own names, lower case.
        let mut places: HashMap<String, String> = HashMap::new();
        for alias in &dict.aliases {
            let Some(actor) = dict.actors.get(alias.actor) else {
                continue;
            };
            if actor.kind == crate::model::ActorKind::Country
                && matches!(alias.via, Via::Place | Via::Name)
            {
                places
                    .entry(alias.text.to_lowercase())
                    .or_insert_with(|| actor.code.clone());
            }
        }
        let generic_head = dict
            .aliases
            .iter()
            .map(|a| {
                a.via == Via::Name
                    && a.text.chars().next().is_some_and(char::is_uppercase)
                    && a.text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| GENERIC_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)))
            })
            .collect();
        let media = dict
            .aliases
            .iter()
            .map(|a| {
                dict.actors
                    .get(a.actor)
                    .is_some_and(|x| x.org_type == "media")
            })
            .collect();
        let is_country: Vec<bool> = (dict.actors.iter())
            .map(|a| a.kind == crate::model::ActorKind::Country)
            .collect();
        let gazetteer = options.include_places.then(|| {
            let gazetteer = Gazetteer::builtin();
            let actors = gazetteer
                .countries()
                .filter_map(|code| {
                    let i = dict.actors.iter().position(|a| a.code == code)?;
                    is_country[i].then_some((code, i))
                })
                .collect();
            let disabled = dict
                .disabled
                .iter()
                .map(|(code, text)| (code.clone(), text.to_lowercase()))
                .collect();
            Places {
                gazetteer,
                actors,
                disabled,
            }
        });
        let mut version = dict.version_hash();
        if options.include_places {
            version.push_str("+places:");
            version.push_str(Gazetteer::builtin().hash());
        }
        Ok(Matcher {
            places,
            generic_head,
            media,
            is_country,
            gazetteer,
            aliases: dict.aliases.clone(),
            actor_codes: dict.actors.iter().map(|a| a.code.clone()).collect(),
            fold,
            exact,
            first_words,
            options,
            excluded_phrases,
            version,
        })
    }

    /// The country (ISO alpha-3) of a place a dateline names ("TOKYO" → JPN), if the
    /// dictionary knows it.
    pub fn place_country(&self, place: &str) -> Option<&str> {
        self.places
            .get(&place.trim().to_lowercase())
            .map(String::as_str)
    }

    /// Bytes of memory the compiled automata take.
    pub fn memory_usage(&self) -> usize {
        [&self.fold, &self.exact]
            .into_iter()
            .flatten()
            .map(|a| a.leftmost_longest.memory_usage() + a.all.memory_usage())
            .sum()
    }

    /// Number of patterns (spellings of aliases) in the automaton.
    pub fn pattern_count(&self) -> usize {
        [&self.fold, &self.exact]
            .into_iter()
            .flatten()
            .map(|a| a.leftmost_longest.patterns_len())
            .sum()
    }

    /// [`Dictionary::version_hash`] of the dictionary the matcher was compiled from.
    pub fn dictionary_version(&self) -> &str {
        &self.version
    }

    /// True when the match `start..end` (bytes of the normalised text) of `actor` lies inside
    /// one of the actor's excluded phrases.
    fn in_excluded_phrase(&self, actor: usize, start: usize, end: usize, text: &str) -> bool {
        let Some(phrases) = self.excluded_phrases.get(actor) else {
            return false;
        };
        if phrases.is_empty() {
            return false;
        }
        let matched = fold(&text[start..end]);
        phrases.iter().any(|p| {
            p.match_indices(matched.as_str()).any(|(k, _)| {
                start >= k
                    && text
                        .get(start - k..start - k + p.len())
                        .is_some_and(|t| fold_eq(t, p))
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
        let found = self.scan(&norm, language);
        let places = self.places_in(&norm, &found, language);
        if found.is_empty() && places.is_empty() {
            return Vec::new();
        }
        // Sentences never cross a line break, so segmenting up to the line end after the last
        // mention gives the same indices as segmenting the whole text, for less work.
        let last = found.last().map_or(0, |f| f.end);
        let last = places.last().map_or(last, |p| p.end.max(last));
        let last_end = norm.to_original(last);
        let cut = text[last_end..]
            .find('\n')
            .map_or(text.len(), |i| last_end + i + 1);
        let segments = Segments::new(&text[..cut]);
        let mut mentions = self.to_mentions(text, &norm, &found, &places, &segments);
        without_credits(text, &mut mentions);
        mentions
    }

    /// [`Matcher::find`], and the paragraphs and sentences of the whole text, segmented once.
    pub fn find_with_units(&self, text: &str, language: Language) -> (Vec<Mention>, TextUnits) {
        let norm = normalize(text);
        let found = self.scan(&norm, language);
        let segments = Segments::new(text);
        let units = TextUnits {
            paragraphs: segments.paragraph_count() as u32,
            sentences: segments.sentence_count() as u32,
        };
        let places = self.places_in(&norm, &found, language);
        let mut mentions = self.to_mentions(text, &norm, &found, &places, &segments);
        without_credits(text, &mut mentions);
        (mentions, units)
    }

    /// The country of an article's dateline ("DALLAS" → USA; "ROCHESTER" with the qualifier
    /// "N.Y." → USA; "TOKYO" → JPN), given the article's `mentions` (countries named there
    /// decide between places of one name): the dictionary's places first, then the
    /// gazetteer's, whether or not places count as mentions.
    pub fn dateline_country(
        &self,
        place: &str,
        qualifier: Option<&str>,
        mentions: &[Mention],
    ) -> Option<String> {
        // "KABUPATEN BEKASI", "Kota Malang": the place is its name.
        let place = ["kabupaten ", "kab. ", "kota ", "city of "]
            .iter()
            .find_map(|p| {
                (place.len() > p.len() && place.is_char_boundary(p.len()))
                    .then(|| place.split_at(p.len()))
                    .filter(|(head, _)| head.eq_ignore_ascii_case(p))
                    .map(|(_, rest)| rest)
            })
            .unwrap_or(place);
        let wanted: Vec<String> = qualifier
            .map(|q| super::gazetteer::qualifier_countries(q, self.place_country(q)))
            .unwrap_or_default();
        let fits = |c: &str| wanted.is_empty() || wanted.iter().any(|w| w == c);
        if let Some(c) = self.place_country(place)
            && fits(c)
        {
            return Some(c.to_string());
        }
        use super::gazetteer::{DATELINE_DOMINANCE, resolve};
        let named = |c: &str| mentions.iter().any(|m| m.actor_code == c);
        let name = Gazetteer::builtin().lookup(place);
        // A dateline names a city: a division of the same name only when no city has it.
        let of_kind = |places: &[super::gazetteer::Place]| -> Vec<super::gazetteer::Place> {
            let city = places.iter().any(|p| p.kind == PlaceKind::City);
            (places.iter())
                .filter(|p| fits(p.country) && (!city || p.kind == PlaceKind::City))
                .copied()
                .collect()
        };
        let fitting = name.map(|n| of_kind(&n.places)).unwrap_or_default();
        if let Some(c) = resolve(&fitting, named, DATELINE_DOMINANCE) {
            return Some(c.to_string());
        }
        // A town too small for the gazetteer, in a state or country it knows.
        if let [only] = wanted.as_slice() {
            return Some(only.clone());
        }
        // A qualifier that names none of the place's countries is left aside.
        let unqualified = name.and_then(|n| resolve(&n.places, named, DATELINE_DOMINANCE));
        unqualified
            .map(str::to_string)
            .or_else(|| self.place_country(place).map(str::to_string))
    }

    /// The gazetteer's places in the normalised text (with places on), where the dictionary
    /// found nothing, by the rules of [`super::gazetteer`].
    fn places_in(&self, norm: &Normalized, found: &[Found], language: Language) -> Vec<PlaceFound> {
        let Some(places) = &self.gazetteer else {
            return Vec::new();
        };
        let hay = norm.text.as_str();
        let named: HashSet<&str> = found
            .iter()
            .filter_map(|f| {
                let actor = self.aliases.get(f.alias)?.actor;
                (*self.is_country.get(actor)?).then(|| self.actor_codes[actor].as_str())
            })
            .collect();
        let mut out = Vec::new();
        let mut next = 0;
        let mut resume = 0;
        let mut after_word = false;
        for (i, c) in hay.char_indices() {
            let starts = !after_word && i >= resume && c.is_uppercase();
            after_word = c.is_alphanumeric();
            if !starts {
                continue;
            }
            while next < found.len() && found[next].end <= i {
                next += 1;
            }
            if found.get(next).is_some_and(|f| f.start <= i) {
                continue;
            }
            let Some((end, name)) = places.gazetteer.longest_at(hay, i) else {
                continue;
            };
            if hay[end..].chars().next().is_some_and(char::is_alphanumeric)
                || found.get(next).is_some_and(|f| f.start < end)
                || !name.written_as_name(&hay[i..end])
            {
                continue;
            }
            let Some((country, past)) =
                super::gazetteer::place_in_body(hay, i, end, name, &named, language, |q| {
                    self.place_country(q)
                })
            else {
                continue;
            };
            let Some(&actor) = places.actors.get(country) else {
                continue;
            };
            if places
                .disabled
                .contains(&(country.to_string(), hay[i..end].to_lowercase()))
                || self.in_excluded_phrase(actor, i, end, hay)
            {
                continue;
            }
            out.push(PlaceFound {
                start: i,
                end,
                actor,
            });
            resume = past;
        }
        out
    }

    /// Every place in the normalised text where no letter or digit comes just before (and
    /// that is a letter or digit, or in punctuation mode anything but a space) is a possible
    /// start; the start filter picks the few where patterns are compared or the automata
    /// run (see [`Matcher::found_at`]). Sixty-four bytes of ASCII are classified at once
    /// into bit masks, so only the possible starts cost a branch, and a start learns its
    /// word's length from the masks; non-ASCII characters go one by one.
    fn scan(&self, norm: &Normalized, language: Language) -> Vec<Found> {
        let hay = norm.text.as_str();
        let bytes = hay.as_bytes();
        let mut found = Vec::new();
        // No mention starts before `resume` (inside one found) ...
        let mut resume = 0;
        // ... nor right after a letter or digit.
        let mut after_word = false;
        let mut pos = 0;
        let punctuation = self.first_words.punctuation();
        // The text's last bytes, padded with spaces.
        let mut padded: [u8; 64];
        while pos < bytes.len() {
            // Sixty-four bytes at once.
            let chunk = match bytes[pos..].first_chunk::<64>() {
                Some(chunk) => chunk,
                None => {
                    padded = [b' '; 64];
                    padded[..bytes.len() - pos].copy_from_slice(&bytes[pos..]);
                    &padded
                }
            };
            let blocks = chunk.as_chunks::<16>().0.iter().map(Block16::new);
            let (mut alnum, mut non_ascii, mut space) = (0u64, 0u64, 0u64);
            for (k, block) in blocks.enumerate() {
                alnum |= u64::from(block.alnum()) << (16 * k);
                non_ascii |= u64::from(block.non_ascii()) << (16 * k);
                if punctuation {
                    space |= u64::from(block.equal(b' ')) << (16 * k);
                }
            }
            // The ASCII bytes at the head of the chunk, classified at once.
            let ascii = non_ascii.trailing_zeros();
            if ascii > 0 {
                let heads = if punctuation { !space } else { alnum };
                let before = alnum << 1 | u64::from(after_word);
                let mut starts = !before & heads & low_bits(ascii);
                while starts != 0 {
                    let i = starts.trailing_zeros();
                    starts &= starts - 1;
                    let at = pos + i as usize;
                    if at < resume {
                        continue;
                    }
                    // The word's letters and digits; when an ASCII byte ends them within
                    // the chunk, the masks already tell the word.
                    let run = (!(alnum >> i)).trailing_zeros();
                    let hit = if i + run < ascii {
                        self.first_words.at_word(hay, at, run as usize)
                    } else {
                        self.first_words.at(hay, at)
                    };
                    if let Some(f) = self.found_at(hay, at, language, hit) {
                        resume = f.end;
                        found.push(f);
                    }
                }
                after_word = alnum >> (ascii - 1) & 1 != 0;
                pos += ascii as usize;
                continue;
            }
            // One character that is not ASCII.
            let c = hay[pos..].chars().next().unwrap_or(' ');
            if !after_word
                && pos >= resume
                && let Some(f) = self.at(hay, pos, language)
            {
                resume = f.end;
                found.push(f);
            }
            after_word = c.is_alphanumeric();
            pos += c.len_utf8();
        }
        found
    }

    /// The mention starting at `pos`, if any: the longer of the two automata's.
    #[inline(always)]
    fn at(&self, hay: &str, pos: usize, language: Language) -> Option<Found> {
        self.found_at(hay, pos, language, self.first_words.at(hay, pos))
    }

    /// [`Matcher::at`] with what the start filter found there.
    #[inline(always)]
    fn found_at(&self, hay: &str, pos: usize, language: Language, hit: Hit) -> Option<Found> {
        if hit.flags == 0 {
            return None;
        }
        match self.first_words.candidates(hit) {
            Some(lists) => self.at_candidates(hay, pos, language, lists),
            None => self.at_with(hay, pos, language, hit.flags),
        }
    }

    /// [`Matcher::at`] by comparing the few patterns that begin with the word at `pos` (or
    /// its stem), longest first: the first that is there and valid is what the automata would
    /// give (the longest valid match of each, the longer of the two).
    #[inline(never)]
    fn at_candidates(
        &self,
        hay: &str,
        pos: usize,
        language: Language,
        lists: [&[Candidate]; 2],
    ) -> Option<Found> {
        let rest = &hay.as_bytes()[pos..];
        let mut best: Option<Found> = None;
        for list in lists {
            for c in list {
                let len = c.len as usize;
                if best.is_some_and(|b| b.end - pos >= len) {
                    break;
                }
                let automata = if c.flag == FOLD {
                    &self.fold
                } else {
                    &self.exact
                };
                let Some(a) = automata else { continue };
                let Some(pattern) = a.patterns.get(c.pattern as usize) else {
                    continue;
                };
                let there = rest.get(..len).is_some_and(|t| {
                    if c.flag == FOLD {
                        eq_lowered(t, pattern.as_bytes())
                    } else {
                        t == pattern.as_bytes()
                    }
                });
                if there
                    && let Some(alias) =
                        self.accept(a, c.pattern as usize, pos, pos + len, hay, language)
                {
                    best = Some(Found {
                        start: pos,
                        end: pos + len,
                        alias,
                    });
                    break;
                }
            }
        }
        best
    }

    /// [`Matcher::at`] with the automata of `flags` ([`FOLD`], [`EXACT`]).
    #[inline(never)]
    fn at_with(&self, hay: &str, pos: usize, language: Language, flags: u8) -> Option<Found> {
        let mut best: Option<Found> = None;
        for (a, flag) in [(&self.fold, FOLD), (&self.exact, EXACT)] {
            let Some(a) = a else { continue };
            if flags & flag == 0 {
                continue;
            }
            let input = Input::new(hay).span(pos..hay.len()).anchored(Anchored::Yes);
            if let Some(m) = a.leftmost_longest.find(input)
                && let Some(f) = self.resolve(a, hay, &m, language)
                && best.is_none_or(|b| f.end > b.end)
            {
                best = Some(f);
            }
        }
        best
    }

    /// The mention a leftmost-longest match stands for: the match itself if it is valid,
    /// else the longest valid shorter match starting at the same place.
    fn resolve(
        &self,
        a: &Automata,
        hay: &str,
        m: &aho_corasick::Match,
        language: Language,
    ) -> Option<Found> {
        if let Some(alias) =
            self.accept(a, m.pattern().as_usize(), m.start(), m.end(), hay, language)
        {
            return Some(Found {
                start: m.start(),
                end: m.end(),
                alias,
            });
        }
        if is_inside_word(hay, m.start()) {
            return None;
        }
        let mut best: Option<Found> = None;
        for om in a
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
                a,
                om.pattern().as_usize(),
                om.start(),
                om.end(),
                hay,
                language,
            ) {
                best = Some(Found {
                    start: om.start(),
                    end: om.end(),
                    alias,
                });
            }
        }
        best
    }

    /// The alias a match at `start..end` of the normalised `text` stands for, if it is a
    /// valid mention.
    fn accept(
        &self,
        automata: &Automata,
        pattern: usize,
        start: usize,
        end: usize,
        text: &str,
        language: Language,
    ) -> Option<usize> {
        if is_inside_word(text, start) {
            return None;
        }
        let after = text[end..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            let clitic_ok = language != Language::English
                && CLITICS.iter().any(|c| {
                    let rest = &text.as_bytes()[end..];
                    rest.len() >= c.len()
                        && rest[..c.len()].eq_ignore_ascii_case(c.as_bytes())
                        && !text[end + c.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                });
            if !clitic_ok {
                return None;
            }
        }
        if in_address(text, start, end) {
            return None;
        }
        let exact = self
            .exact
            .as_ref()
            .is_some_and(|e| std::ptr::eq(e, automata));
        let matched = &text[start..end];
        // Where everything is in capitals, case says nothing: the capitals of a name
        // match, and a short form that is also a word ("WHO SAID", "ITU KATA") does not.
        let capitals = exact && matched.chars().any(char::is_alphabetic) && {
            matched
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        let in_capitals = capitals && in_capitals_context(text, start, end);
        automata.groups[pattern].iter().copied().find(|&i| {
            let alias = &self.aliases[i];
            if capitals && alias.text.chars().any(char::is_lowercase) && !in_capitals {
                return false;
            }
            if in_capitals
                && CAPITAL_WORDS
                    .iter()
                    .any(|(w, l)| *l == language && alias.text == *w)
            {
                return false;
            }
            // English puts a longer name's own words before the head ("Industrial Bank of
            // Japan"); Indonesian puts them after, and a capitalised word before is a title
            // ("Gubernur Bank Indonesia", "Presiden Bank Dunia").
            let longer_name = self.generic_head[i]
                && language == Language::English
                && part_of_longer_name(text, start);
            let photo_credit = self.media[i] && in_photo_credit(text, start);
            !longer_name
                && !photo_credit
                && alias.language.is_none_or(|l| l == language)
                && (self.options.include_places || alias.via != Via::Place)
                && alias.rule.as_ref().is_none_or(|rule| {
                    let prev = fold(prev_word(text, start));
                    let next = fold(next_word(text, end));
                    !rule.unless_prev.contains(&prev) && !rule.unless_next.contains(&next)
                })
                && !self.in_excluded_phrase(alias.actor, start, end, text)
        })
    }

    fn to_mentions(
        &self,
        text: &str,
        norm: &Normalized,
        found: &[Found],
        places: &[PlaceFound],
        segments: &Segments,
    ) -> Vec<Mention> {
        let mut mentions = Vec::with_capacity(found.len() + places.len());
        let (mut byte, mut chars) = (0usize, 0usize);
        // In ASCII, characters are bytes (most texts).
        let ascii = text.is_ascii();
        let mut char_at = |target: usize| {
            if ascii {
                return target;
            }
            // Mentions start and end at character boundaries; std counts characters in
            // blocks, several bytes per cycle.
            chars += text.get(byte..target).map_or(0, |s| s.chars().count());
            byte = target;
            chars
        };
        // Both lists are in text order and never overlap: merged as they go.
        let (mut f, mut p) = (found.iter().peekable(), places.iter().peekable());
        loop {
            let (start, end, actor, via) = match (f.peek(), p.peek()) {
                (Some(a), Some(b)) if b.start < a.start => {
                    let b = p.next().map(|b| (b.start, b.end, b.actor));
                    let Some((s, e, actor)) = b else { break };
                    (s, e, actor, Via::Place)
                }
                (Some(_), _) => {
                    let Some(a) = f.next() else { break };
                    let alias = &self.aliases[a.alias];
                    (a.start, a.end, alias.actor, alias.via)
                }
                (None, Some(_)) => {
                    let Some(b) = p.next() else { break };
                    (b.start, b.end, b.actor, Via::Place)
                }
                (None, None) => break,
            };
            let start = norm.to_original(start);
            let end = norm.to_original(end);
            let start_char = char_at(start);
            let end_char = char_at(end);
            mentions.push(Mention {
                actor_code: self.actor_codes[actor].clone(),
                matched_text: text[start..end].to_string(),
                via,
                start_char,
                end_char,
                sentence_idx: segments.sentence_of(start),
                paragraph_idx: segments.paragraph_of(start),
                field: crate::model::Field::Text,
                prominence: crate::model::Prominence::Body,
            });
        }
        mentions
    }
}

/// Short forms that are words of the language when a text is in capitals ("WHO SAID", "ITU
/// KATA MENTERI", "DI SANA", "PAS").
const CAPITAL_WORDS: &[(&str, Language)] = &[
    ("WHO", Language::English),
    ("ITU", Language::Indonesian),
    ("SANA", Language::Indonesian),
    ("PAS", Language::Indonesian),
];

/// True when the text around `start..end` is in capitals: of the letters up to 60 bytes
/// either side (at least 6 of them), nine in ten or more are capitals.
fn in_capitals_context(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let (mut letters, mut capitals) = (0usize, 0usize);
    for c in text[from..start].chars().chain(text[end..to].chars()) {
        if c.is_alphabetic() {
            letters += 1;
            capitals += usize::from(c.is_uppercase());
        }
    }
    letters >= 6 && capitals * 10 >= letters * 9
}

/// True when the character before byte `pos` is a letter or a digit.
fn is_inside_word(text: &str, pos: usize) -> bool {
    match text.as_bytes()[..pos].last() {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..pos]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// The word just before byte `pos` (skipping spaces and punctuation).
pub(super) fn prev_word(text: &str, pos: usize) -> &str {
    let head = text[..pos].trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    &head[start..]
}

/// True when an outlet's name at byte `start` is a photo or image credit: right after a slash
/// ("Benoit Tessier/Reuters", "(John Minchillo / AP)", "Credit … /The New York Times"), or
/// right after a credit label ("Foto: ANTARA", "Photo: Reuters", "Credit: AFP").
fn in_photo_credit(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    if before.ends_with('/') {
        return true;
    }
    // (The text the matcher reads has its line breaks as spaces: the label is looked for just
    // before the name.)
    let tail = &before.as_bytes()[before.len().saturating_sub(16)..];
    [
        "foto:",
        "photo:",
        "photograph:",
        "credit:",
        "image:",
        "gambar:",
    ]
    .iter()
    .any(|label| {
        tail.len() >= label.len()
            && tail[tail.len() - label.len()..].eq_ignore_ascii_case(label.as_bytes())
    })
}

/// True when a capitalised word that is no function word and no possessive stands just
/// before byte `pos` ("Industrial Bank of Japan", "Kurdish Self-Defense Forces"; not "the Bank
/// of Japan", "Japan's Self-Defense Forces").
fn part_of_longer_name(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '-']);
    if before.ends_with(['.', ',', ';', ':', '(', '"', '\n']) {
        return false;
    }
    let word = prev_word(text, pos);
    let possessive = before.ends_with("'s") || before.ends_with("’s") || before.ends_with('\'');
    word.chars().next().is_some_and(char::is_uppercase)
        && !possessive
        && !NOT_NAME_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        && word.chars().any(char::is_lowercase)
}

/// The word just after byte `pos`.
pub(super) fn next_word(text: &str, pos: usize) -> &str {
    let tail = text[pos..].trim_start_matches(|c: char| !c.is_alphanumeric());
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
            // False hits seen on real text, one line per class.
            Case {
                name: "UN in Indonesian is the national exam; PBB is the United Nations",
                text: "Nilai UN siswa naik, kata PBB.",
                language: Language::Indonesian,
                want: &[("UN", "PBB")],
            },
            Case {
                name: "UN in English",
                text: "The UN said Russia must stop.",
                language: Language::English,
                want: &[("UN", "UN"), ("RUS", "Russia")],
            },
            Case {
                name: "a credit after a title line is no mention; the title's are",
                text: "Rusia kecam serangan\n\nJakarta, CNN Indonesia -- Presiden Turki bicara.",
                language: Language::Indonesian,
                want: &[("RUS", "Rusia"), ("TUR", "Turki")],
            },
            Case {
                name: "the currency is not the country; the game is not Iran",
                text: "Rupiah melemah terhadap dolar AS dan Dolar AS, kata pejabat AS. Prince of Persia dimainkan di YouTube.",
                language: Language::Indonesian,
                want: &[("USA", "AS"), ("YOUTUBE", "YouTube")],
            },
            Case {
                name: "photo credits name no actor of the story",
                text: "Putin di Moskow. (Benoit Tessier/Reuters)\nFoto: ANTARA\nReuters melaporkan Rusia menolak.",
                language: Language::Indonesian,
                want: &[("RUS", "Moskow"), ("REUTERS", "Reuters"), ("RUS", "Rusia")],
            },
            Case {
                name: "a title before a name is no part of it",
                text: "Gubernur Bank Indonesia bertemu Presiden Bank Dunia.",
                language: Language::Indonesian,
                want: &[("BI", "Bank Indonesia"), ("WB", "Bank Dunia")],
            },
            Case {
                name: "a title before a name in English",
                text: "Former Bank of Japan officials met Governor Bank of England staff.",
                language: Language::English,
                want: &[("BOJ", "Bank of Japan"), ("BOE", "Bank of England")],
            },
            Case {
                name: "a longer name that holds an alias",
                text: "Industrial Bank of Japan shares fell; the Bank of Japan held rates.",
                language: Language::English,
                want: &[("JPN", "Japan"), ("BOJ", "Bank of Japan")],
            },
            Case {
                name: "a generic phrase in lower case",
                text: "Kurdish self-defense forces and the Kurdish Self-Defense Forces held Raqqa; Japan's Self-Defense Forces did not.",
                language: Language::English,
                want: &[
                    ("SYR", "Raqqa"),
                    ("JPN", "Japan"),
                    ("JSDF", "Self-Defense Forces"),
                ],
            },
            Case {
                name: "BUMN, tickers in capitals only, coalitions and cabinets",
                text: "Saham BBRI dan TLKM naik; PT Timah dan Krakatau Steel merugi, toko buka pukul delapan, timah dan bbri tidak. Koalisi Indonesia Maju mendukung Kabinet Merah Putih.",
                language: Language::Indonesian,
                want: &[
                    ("BRI", "BBRI"),
                    ("TELKOM", "TLKM"),
                    ("TIMAH", "PT Timah"),
                    ("KRAKATAUSTEEL", "Krakatau Steel"),
                    ("KIM", "Koalisi Indonesia Maju"),
                    ("KABINETMP", "Kabinet Merah Putih"),
                ],
            },
            Case {
                name: "addresses are never tagged",
                text: "Ikuti https://twitter.com/kemlu_ri dan twitter.com/rusia atau surel info@rusia.go.id; Twitter menulis.",
                language: Language::Indonesian,
                want: &[("TWITTER", "Twitter")],
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
    fn lowered_patterns_compare_in_any_ascii_case() {
        let table: &[(&str, &str, bool)] = &[
            ("RUSIA", "rusia", true),
            ("Amerika Serikat", "amerika serikat", true),
            ("AMERIKA SERIKAX", "amerika serikat", false),
            ("AMERIKA SERIKAT", "amerika serika", false),
            ("TÜRKIYE", "tÜrkiye", true),
            ("TÜRKIYE", "türkiye", false),
            ("G20", "g20", true),
            ("[", "{", false),
            ("[@\\]^_`Z", "{`|}~\u{7f}`z", false),
            ("ZZZZZZZZ@", "zzzzzzzz`", false),
            ("", "", true),
        ];
        for &(text, lowered, want) in table {
            assert_eq!(
                eq_lowered(text.as_bytes(), lowered.as_bytes()),
                want,
                "{text}"
            );
            assert_eq!(
                text.as_bytes().eq_ignore_ascii_case(lowered.as_bytes()),
                want
            );
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

    fn places_on() -> Matcher {
        let d = Dictionary::builtin().expect("builtin");
        Matcher::new(
            &d,
            MatcherOptions {
                include_places: true,
            },
        )
        .expect("m")
    }

    fn places_of(m: &Matcher, text: &str, language: Language) -> Vec<(String, String)> {
        m.find(text, language)
            .into_iter()
            .filter(|x| x.via == Via::Place)
            .map(|x| (x.actor_code, x.matched_text))
            .collect()
    }

    #[test]
    fn gazetteer_places_in_the_body() {
        let m = places_on();
        let en = Language::English;
        let id = Language::Indonesian;
        let p = |c: &str, t: &str| (c.to_string(), t.to_string());
        type Places = Vec<(String, String)>;
        let cases: Vec<(&str, Language, Places)> = vec![
            // Cities of 100,000 or more, divisions, in English and Indonesian.
            (
                "Shares rose in Houston and Minneapolis.",
                en,
                vec![p("USA", "Houston"), p("USA", "Minneapolis")],
            ),
            (
                "Floods in Bavaria and Texas.",
                en,
                vec![p("DEU", "Bavaria"), p("USA", "Texas")],
            ),
            (
                "Banjir melanda Bekasi dan Jawa Barat.",
                id,
                vec![p("IDN", "Bekasi"), p("IDN", "Jawa Barat")],
            ),
            (
                "Gubernur Jatim Khofifah meninjau Bavaria.",
                id,
                vec![p("IDN", "Jatim"), p("DEU", "Bavaria")],
            ),
            // A football club, a pronoun, a first name: no place.
            ("Bayern menang, Anda tahu, kata Paul.", id, vec![]),
            ("Bima Arya ke Bekasi Utara.", id, vec![p("IDN", "Bekasi")]),
            ("At the Karnataka Police Academy.", en, vec![]),
            (
                "Bali International Film Festival di Denpasar.",
                id,
                vec![p("IDN", "Denpasar")],
            ),
            (
                "The University of Wisconsin and two New-Zealand-based firms.",
                en,
                vec![],
            ),
            (
                "Floods in the state of Wisconsin.",
                en,
                vec![p("USA", "Wisconsin")],
            ),
            (
                "Bali United menjamu Madura United di Bali.",
                id,
                vec![p("IDN", "Bali")],
            ),
            (
                "Pebalap Lewis Hamilton dan Polres Bekasi.",
                id,
                vec![p("IDN", "Bekasi")],
            ),
            ("Paul Walker and Texas Instruments.", en, vec![]),
            // Mostly words: only with a qualifier.
            ("A nice day in Reading.", en, vec![]),
            (
                "He moved to Reading, Pennsylvania, in May.",
                en,
                vec![p("USA", "Reading")],
            ),
            ("Nice, France, was calm.", en, vec![p("FRA", "Nice")]),
            ("Batu bara dan Kota Batu.", id, vec![]),
            // Inside a person's or a company's name (English).
            ("Michael Jackson sang.", en, vec![]),
            ("Austin Powers returns.", en, vec![]),
            ("In Austin, police said.", en, vec![p("USA", "Austin")]),
            // Several countries, none named: no guess; named: that one.
            ("Rain in Hyderabad.", en, vec![]),
            (
                "Rain in Hyderabad, India's tech hub.",
                en,
                vec![p("IND", "Hyderabad")],
            ),
            (
                "India said rain hit Hyderabad.",
                en,
                vec![p("IND", "Hyderabad")],
            ),
            // A town under 100,000 counts only when its country is named.
            ("A fire in Greenwich.", en, vec![]),
            // Lower case is no name; the dictionary's places come first.
            ("the houston office", en, vec![]),
            ("di Moskow", id, vec![p("RUS", "Moskow")]),
        ];
        for (text, language, want) in cases {
            assert_eq!(places_of(&m, text, language), want, "{text}");
        }
        // With places off, none of them.
        let d = Dictionary::builtin().expect("builtin");
        let off = Matcher::new(&d, MatcherOptions::default()).expect("m");
        assert!(places_of(&off, "Shares rose in Houston.", en).is_empty());
    }

    #[test]
    fn a_disabled_place_name_is_skipped() {
        let builtin = Dictionary::builtin().expect("builtin");
        let edits = crate::tagging::DictionaryEdits {
            disabled: vec![("USA".into(), "Houston".into(), None)],
            ..Default::default()
        };
        let d = crate::tagging::dictionary::effective(&builtin, &edits).expect("effective");
        let m = Matcher::new(
            &d,
            MatcherOptions {
                include_places: true,
            },
        )
        .expect("m");
        assert!(places_of(&m, "Shares rose in Houston.", Language::English).is_empty());
        assert_eq!(
            places_of(&m, "Shares rose in Dallas.", Language::English).len(),
            1
        );
        assert_ne!(m.dictionary_version(), places_on().dictionary_version());
    }

    #[test]
    fn datelines_resolved_by_the_gazetteer() {
        let d = Dictionary::builtin().expect("builtin");
        let m = Matcher::new(&d, MatcherOptions::default()).expect("m");
        let c = |place: &str, q: Option<&str>| m.dateline_country(place, q, &[]);
        assert_eq!(c("TOKYO", None).as_deref(), Some("JPN"));
        assert_eq!(c("DALLAS", None).as_deref(), Some("USA"));
        assert_eq!(c("MINNEAPOLIS", None).as_deref(), Some("USA"));
        assert_eq!(c("ROCHESTER", Some("N.Y.")).as_deref(), Some("USA"));
        assert_eq!(c("PORTLAND", Some("Ore.")).as_deref(), Some("USA"));
        // Portland, Oregon, three times Jamaica's parish: a dateline names a city.
        assert_eq!(c("PORTLAND", None).as_deref(), Some("USA"));
        assert_eq!(
            c("CAMBRIDGE", None),
            None,
            "four countries, none far larger"
        );
        assert_eq!(c("Paris", Some("Texas")).as_deref(), Some("USA"));
        assert_eq!(c("PARIS", None).as_deref(), Some("FRA"));
        assert_eq!(c("Bandung", None).as_deref(), Some("IDN"));
        assert_eq!(c("KABUPATEN BEKASI", None).as_deref(), Some("IDN"));
        assert_eq!(c("Temanggung", None).as_deref(), Some("IDN"));
        // A town too small for the gazetteer, in a state it knows.
        assert_eq!(c("Smallville", Some("Kan.")).as_deref(), Some("USA"));
        assert_eq!(c("Smallville", None), None);
        // Mostly a word, but a dateline is a place.
        assert_eq!(c("NICE", None).as_deref(), Some("FRA"));
        // Countries named in the article decide.
        let mention = |code: &str| Mention {
            actor_code: code.into(),
            matched_text: String::new(),
            via: Via::Name,
            start_char: 0,
            end_char: 0,
            sentence_idx: 0,
            paragraph_idx: 0,
            field: crate::model::Field::Text,
            prominence: crate::model::Prominence::Body,
        };
        assert_eq!(
            m.dateline_country("CAMBRIDGE", None, &[mention("USA")])
                .as_deref(),
            Some("USA")
        );
    }

    /// The scan one character at a time, as it was before the eight-byte classification.
    fn scan_one_by_one(
        m: &Matcher,
        norm: &Normalized,
        language: Language,
    ) -> Vec<(usize, usize, usize)> {
        let hay = norm.text.as_str();
        let mut found = Vec::new();
        let (mut resume, mut after_word) = (0, false);
        for (pos, c) in hay.char_indices() {
            if !after_word
                && c != ' '
                && pos >= resume
                && let Some(f) = m.at_with(hay, pos, language, FOLD | EXACT)
            {
                resume = f.end;
                found.push((f.start, f.end, f.alias));
            }
            after_word = c.is_alphanumeric();
        }
        found
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
        ))]
        #[test]
        fn eight_bytes_at_once_finds_what_one_by_one_finds(
            pad in 0..8usize,
            pieces in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("Rusia"), proptest::strategy::Just("Amerika Serikat"),
                proptest::strategy::Just("AS"), proptest::strategy::Just("kelas"),
                proptest::strategy::Just("TÜRKIYE"), proptest::strategy::Just("Türkiye"),
                proptest::strategy::Just("“PBB”"), proptest::strategy::Just("(ISIS)"),
                proptest::strategy::Just("Indonesia"), proptest::strategy::Just("Bank Indonesia"),
                proptest::strategy::Just("2019"), proptest::strategy::Just("nya"),
                proptest::strategy::Just("x"), proptest::strategy::Just("é"),
                proptest::strategy::Just(" "), proptest::strategy::Just("  "),
                proptest::strategy::Just(","), proptest::strategy::Just("-"),
                proptest::strategy::Just("\n"), proptest::strategy::Just("Jakarta"),
                proptest::strategy::Just("U.S."), proptest::strategy::Just("ab"),
                proptest::strategy::Just("Rusianya"), proptest::strategy::Just("ASpun"),
                proptest::strategy::Just("Malaysian"), proptest::strategy::Just("Malaysianya"),
                proptest::strategy::Just("al-Qaeda"), proptest::strategy::Just("G20"),
                proptest::strategy::Just("Kementerian Pertahanan"), proptest::strategy::Just("lah"),
                proptest::strategy::Just("Indonesianya"), proptest::strategy::Just("—"),
                proptest::strategy::Just("ü"), proptest::strategy::Just("Korea Utara"),
                // Words that begin many patterns, and exact-case ones in other cases.
                proptest::strategy::Just("Republik"), proptest::strategy::Just("Rakyat"),
                proptest::strategy::Just("Partai"), proptest::strategy::Just("Demokrat"),
                proptest::strategy::Just("PAN"), proptest::strategy::Just("Pan"),
                proptest::strategy::Just("Bank"), proptest::strategy::Just("Dunia"),
                proptest::strategy::Just("Uni"), proptest::strategy::Just("Eropa"),
                proptest::strategy::Just("Korea"), proptest::strategy::Just("Selatan"),
                proptest::strategy::Just("PT"), proptest::strategy::Just("the"),
                proptest::strategy::Just("'Amerika"), proptest::strategy::Just("“Rusia”"),
            ], 0..48),
            lang in 0..3usize,
        ) {
            let language = [Language::Indonesian, Language::English, Language::Other][lang];
            // Every alignment of the text against the scan's blocks.
            let text = format!("{}{}", "a b c d ".get(..pad).unwrap_or(""), pieces.concat());
            let norm = normalize(&text);
            for m in [shared_matcher(), punctuation_matcher()] {
                let fast: Vec<_> = m.scan(&norm, language).iter().map(|f| (f.start, f.end, f.alias)).collect();
                proptest::prop_assert_eq!(fast, scan_one_by_one(m, &norm, language));
            }
        }
    }

    /// The built-in dictionary and aliases that start with punctuation (a user may add
    /// "(ISIS)" or "'Aisyiyah"): every place but a space is then a possible start.
    fn punctuation_matcher() -> &'static Matcher {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let mut d = Dictionary::builtin().expect("builtin");
            for (code, text) in [("ISIS", "(ISIS)"), ("USA", "'amerika"), ("RUS", "“Rusia")] {
                let actor = d.actor_index(code).expect("actor");
                d.add_alias(Alias {
                    actor,
                    text: text.into(),
                    language: None,
                    case: CaseRule::Fold,
                    via: Via::Name,
                    rule: None,
                })
                .expect("alias");
            }
            let m = Matcher::new(&d, MatcherOptions::default()).expect("matcher");
            assert!(m.first_words.punctuation());
            m
        })
    }

    fn shared_matcher() -> &'static Matcher {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let d = Dictionary::builtin().expect("builtin");
            Matcher::new(
                &d,
                MatcherOptions {
                    include_places: true,
                },
            )
            .expect("matcher")
        })
    }
}
