//! The gazetteer: cities of 15,000 people or more and the first-level divisions of every
//! country (`assets/gazetteer/places.tsv`, GeoNames data, CC BY 4.0; its LICENSE.md), with
//! the rules that decide which country a place name stands for.
//!
//! A place name is a guess, so the rules lean to precision:
//! - in a **dateline** ("DALLAS, March 3 -", "ROCHESTER, N.Y. -") any place counts, its
//!   qualifier ("N.Y.", "Texas", "France") choosing among places of the same name;
//! - in the **body**, a place counts when it has 100,000 people or more (a division: its
//!   country's people over its divisions), or when a qualifier follows it ("Reading,
//!   Pennsylvania"); a name that is mostly a word ("Nice", "Mobile", "Batu", "Kota"), a
//!   common first name ("Paul", "Florence") or a football club's ("Chelsea") only with a
//!   qualifier; it must be capitalised as a name and not stand inside a longer name
//!   ("Michael Jackson", "Texas Instruments", "Bima Arya");
//! - a name that several countries hold counts for one of them only when the article names
//!   that country, or when one place of the name is far larger than the others (five times).
//!
//! The dictionary's own places (capitals, big cities) and every country name come first:
//! the gazetteer only looks where the dictionary found nothing.

use super::matcher::{next_word, prev_word};
use crate::model::Language;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The asset, compiled into the binary.
const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");

/// A body mention of a place without a qualifier needs this many people.
pub const BODY_POPULATION: u32 = 100_000;

/// One place a name may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// ISO alpha-3 code of its country.
    pub country: &'static str,
    /// City, first-level division or a dateline abbreviation ("N.Y.").
    pub kind: PlaceKind,
    /// People: of the largest city of this name in that country; for a division, its
    /// country's people over its number of divisions (what it weighs against cities of the
    /// same name); 0 for abbreviations.
    pub population: u32,
    /// The name is mostly a word ("Nice", "Batu"): a mention only with a qualifier.
    pub word: bool,
}

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// A first-level division: a state, province, region.
    Division,
    /// Only a dateline's qualifier ("Calif.", "Ont."), never a mention.
    Abbreviation,
}

impl Place {
    /// Its weight when names are compared.
    fn weight(&self) -> u32 {
        self.population
    }
}

/// One name and the places it stands for.
#[derive(Debug)]
pub struct Name {
    /// The spellings of the asset (they differ only in case: "Lima", "LIMA").
    pub spellings: Vec<&'static str>,
    /// The places, at most one per country.
    pub places: Vec<Place>,
}

impl Name {
    /// True when `written` is one of the spellings, or one of them in capitals.
    pub fn written_as_name(&self, written: &str) -> bool {
        self.spellings
            .iter()
            .any(|s| *s == written || s.to_uppercase() == written)
    }
}

/// The gazetteer: names, and an automaton over them for finding places in a text.
pub struct Gazetteer {
    names: Vec<Name>,
    by_name: HashMap<String, usize>,
    automaton: OnceLock<Option<AhoCorasick>>,
    hash: String,
}

impl Gazetteer {
    /// The gazetteer bundled from `assets/gazetteer/`.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteer::parse(PLACES))
    }

    /// Reads the TSV format of `places.tsv`; lines that do not have five fields, or whose
    /// country is not three capitals, are left out ([`Gazetteer::parse_errors`] counts them).
    fn parse(text: &'static str) -> Gazetteer {
        let mut names: Vec<Name> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for line in text.lines() {
            let Some((name, place)) = parse_line(line) else {
                continue;
            };
            let key = name.to_lowercase();
            let idx = *by_name.entry(key).or_insert_with(|| {
                names.push(Name {
                    spellings: Vec::new(),
                    places: Vec::new(),
                });
                names.len() - 1
            });
            let entry = &mut names[idx];
            if !entry.spellings.contains(&name) {
                entry.spellings.push(name);
            }
            match entry.places.iter_mut().find(|p| p.country == place.country) {
                Some(p) => {
                    if place.kind == PlaceKind::Division {
                        p.kind = PlaceKind::Division;
                    }
                    p.population = p.population.max(place.population);
                    p.word |= place.word;
                }
                None => entry.places.push(place),
            }
        }
        let hash = format!("{:08x}", fnv1a(text.as_bytes()) as u32);
        Gazetteer {
            names,
            by_name,
            automaton: OnceLock::new(),
            hash,
        }
    }

    /// Lines of the asset that are neither comments nor places.
    pub fn parse_errors(text: &str) -> usize {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter(|l| fields(l).is_none())
            .count()
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when it holds no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every country that holds a place of the gazetteer, once each.
    pub fn countries(&self) -> impl Iterator<Item = &'static str> + '_ {
        let mut seen: Vec<&'static str> = (self.names.iter())
            .flat_map(|n| n.places.iter().map(|p| p.country))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
    }

    /// A short hash of the asset (part of the matcher's version).
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The name, in any case ("DALLAS", "dallas").
    pub fn lookup(&self, name: &str) -> Option<&Name> {
        self.by_name
            .get(&name.trim().to_lowercase())
            .and_then(|&i| self.names.get(i))
    }

    /// The longest name that starts at byte `pos` of `hay` (ASCII case folded), as (end, name).
    pub fn longest_at(&self, hay: &str, pos: usize) -> Option<(usize, &Name)> {
        let automaton = self
            .automaton
            .get_or_init(|| {
                let patterns: Vec<&str> = self
                    .names
                    .iter()
                    .map(|n| n.spellings.first().copied().unwrap_or(""))
                    .collect();
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .build(patterns)
                    .ok()
            })
            .as_ref()?;
        let input = Input::new(hay).range(pos..).anchored(Anchored::Yes);
        let m = automaton.find(input)?;
        Some((m.end(), self.names.get(m.pattern().as_usize())?))
    }
}

fn parse_line(line: &'static str) -> Option<(&'static str, Place)> {
    if line.starts_with('#') {
        return None;
    }
    let (name, country, kind, population, word) = fields(line)?;
    Some((
        name,
        Place {
            country,
            kind,
            population,
            word,
        },
    ))
}

/// A line's five fields: name, country, kind, population, "mostly a word".
fn fields(line: &str) -> Option<(&str, &str, PlaceKind, u32, bool)> {
    let mut fields = line.split('\t');
    let name = fields.next().filter(|n| !n.trim().is_empty())?;
    let country = fields
        .next()
        .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))?;
    let kind = match fields.next()? {
        "city" => PlaceKind::City,
        "admin" => PlaceKind::Division,
        "abbr" => PlaceKind::Abbreviation,
        _ => return None,
    };
    let population = fields.next()?.parse().ok()?;
    let word = match fields.next()? {
        "" => false,
        "word" => true,
        _ => return None,
    };
    if fields.next().is_some() {
        return None;
    }
    Some((name, country, kind, population, word))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// In a body, one place of a name must outweigh the others this many times to be chosen.
pub const BODY_DOMINANCE: u32 = 5;

/// In a dateline (where writers leave out the state of a big city only), this many times.
pub const DATELINE_DOMINANCE: u32 = 3;

/// The country `places` stand for: among the countries `named` in the article if any of
/// them holds one; else the only country; else the country whose place outweighs the
/// others' `dominance` times. Abbreviations are left out.
pub fn resolve(
    places: &[Place],
    named: impl Fn(&str) -> bool,
    dominance: u32,
) -> Option<&'static str> {
    let mut candidates: Vec<&Place> = places
        .iter()
        .filter(|p| p.kind != PlaceKind::Abbreviation)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    if candidates.iter().any(|p| named(p.country)) {
        candidates.retain(|p| named(p.country));
    }
    candidates.sort_by_key(|p| std::cmp::Reverse(p.weight()));
    match candidates.as_slice() {
        [one] => Some(one.country),
        [first, second, ..] if first.weight() >= second.weight().saturating_mul(dominance) => {
            Some(first.country)
        }
        _ => None,
    }
}

/// The countries a dateline's qualifier names ("N.Y." → USA, "Texas" → USA, "Georgia" →
/// USA and, as a country, Georgia), from the gazetteer; `country` adds the dictionary's.
pub fn qualifier_countries(qualifier: &str, country: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Gazetteer::builtin()
        .lookup(qualifier)
        .map(|n| {
            n.places
                .iter()
                .filter(|p| p.kind != PlaceKind::City)
                .map(|p| p.country.to_string())
                .collect()
        })
        .unwrap_or_default();
    if let Some(c) = country
        && !out.iter().any(|o| o == c)
    {
        out.push(c.to_string());
    }
    out
}

// The rules of a place in an article's body (the matcher calls them where the dictionary
// found nothing).

/// Capitalised English words that may stand just before a place without making it part of
/// a longer name ("In Dallas", "North Houston"); any other capitalised word there ("Michael
/// Jackson", "Abraham Lincoln") makes the place a person's or an institution's name.
const BEFORE_PLACE_EN: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "outside",
    "inside",
    "of",
    "the",
    "and",
    "or",
    "for",
    "on",
    "by",
    "with",
    "across",
    "around",
    "throughout",
    "into",
    "as",
    "like",
    "via",
    "north",
    "south",
    "east",
    "west",
    "central",
    "downtown",
    "greater",
    "suburban",
    "rural",
    "northern",
    "southern",
    "eastern",
    "western",
    "metropolitan",
    "while",
    "when",
    "but",
    "after",
    "before",
    "since",
    "between",
    "both",
    "including",
    "if",
    "where",
    "than",
    "over",
    "under",
];

/// Capitalised English words that may follow a city ("Dallas County", "Houston Police").
const AFTER_PLACE_EN: &[&str] = &[
    "county", "metro", "area", "police", "airport", "mayor", "province", "region", "state",
    "district", "port", "harbor", "harbour",
];

/// Capitalised Indonesian words that may stand before a place: prepositions at a sentence's
/// start, kinds of place, and the institutions of a place ("Polres Bekasi").
const BEFORE_PLACE_ID: &[&str] = &[
    "di",
    "ke",
    "dari",
    "asal",
    "menuju",
    "warga",
    "kota",
    "kabupaten",
    "kab",
    "provinsi",
    "propinsi",
    "kecamatan",
    "desa",
    "kelurahan",
    "pulau",
    "teluk",
    "selat",
    "gunung",
    "danau",
    "sungai",
    "daerah",
    "wilayah",
    "kawasan",
    "pemprov",
    "pemkot",
    "pemkab",
    "pemerintah",
    "gubernur",
    "wagub",
    "bupati",
    "wabup",
    "walikota",
    "wali",
    "wakil",
    "polda",
    "polres",
    "polresta",
    "polrestabes",
    "polsek",
    "kapolda",
    "kapolres",
    "kodam",
    "kodim",
    "korem",
    "dprd",
    "kpu",
    "kpud",
    "bawaslu",
    "kejati",
    "kejari",
    "pengadilan",
    "bandara",
    "pelabuhan",
    "stasiun",
    "terminal",
    "utara",
    "selatan",
    "barat",
    "timur",
    "tengah",
    "dan",
    "atau",
    "seluruh",
    "sekitar",
    "rsud",
    "dinas",
    "kanwil",
    "balai",
];

/// Capitalised Indonesian words that may follow a city ("Bekasi Utara", "Bandung Barat").
const AFTER_PLACE_ID: &[&str] = &[
    "utara", "selatan", "barat", "timur", "tengah", "raya", "kota", "baru",
];

/// Words that end the name of an institution or an event named after a place ("Karnataka
/// Police Academy", "St. John's Medical College", "Bali International Film Festival").
const INSTITUTION_WORDS: &[&str] = &[
    "academy",
    "college",
    "university",
    "institute",
    "school",
    "forum",
    "medical",
    "festival",
    "cup",
    "club",
    "hotel",
    "triathlon",
    "marathon",
    "comic-con",
    "expo",
    "safari",
];

/// Words after a place that make it a club's name ("Bali United", "Bristol City", "West
/// Bromwich Albion", "Johor Darul Ta'zim"), in any language and for any kind of place.
const CLUB_TAILS: &[&str] = &[
    "united",
    "city",
    "albion",
    "fc",
    "fa",
    "athletic",
    "rovers",
    "wanderers",
    "hotspur",
    "darul",
];

/// The country a place name at `start..end` of `hay` stands for in an article's body, by
/// the rules of this module, and where its qualifier ends if one decided (the
/// qualifier is part of the one mention); `named` holds the countries the article names and
/// `dictionary_place` gives the dictionary's country of a qualifier ("France").
pub(super) fn place_in_body<'a>(
    hay: &str,
    start: usize,
    end: usize,
    name: &Name,
    named: &HashSet<&str>,
    language: Language,
    dictionary_place: impl Fn(&str) -> Option<&'a str>,
) -> Option<(&'static str, usize)> {
    let is_named = |c: &str| named.contains(c);
    // "Reading, Pennsylvania", "Portland, Ore.", "Nice, France": the qualifier decides.
    for qualifier in qualifiers_after(hay, end) {
        let countries = qualifier_countries(qualifier, dictionary_place(qualifier));
        let fitting: Vec<_> = (name.places.iter())
            .filter(|p| countries.iter().any(|c| c == p.country))
            .copied()
            .collect();
        if let Some(c) = resolve(&fitting, is_named, BODY_DOMINANCE) {
            return Some((c, end + 2 + qualifier.len()));
        }
    }
    if name.places.iter().any(|p| p.word) {
        return None;
    }
    let country = resolve(&name.places, is_named, BODY_DOMINANCE)?;
    let place = name.places.iter().find(|p| p.country == country)?;
    // A town ("Nokia", "Navas", "West Ham") is a place only with its qualifier.
    if place.population < BODY_POPULATION {
        return None;
    }
    // The place opens an institution's or an event's name: one of the next capitalised words
    // says so.
    let mut at = end;
    for _ in 0..3 {
        if !hay[at..].starts_with(' ') {
            break;
        }
        let word = hay[at + 1..]
            .split([' ', ',', '.', ';', ':', ')'])
            .next()
            .unwrap_or("");
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        if INSTITUTION_WORDS
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
        {
            return None;
        }
        at += 1 + word.len();
    }
    // "New-Zealand": a compound's second part.
    if hay[..start].ends_with('-') && hay[..start - 1].ends_with(char::is_alphanumeric) {
        return None;
    }
    // "University of Wisconsin", "Bank of Dandong": an institution's name.
    if language == Language::English && prev_word(hay, start).eq_ignore_ascii_case("of") {
        let of_at = hay[..start].trim_end().len().saturating_sub(2);
        let head = prev_word(hay, of_at);
        if head.chars().next().is_some_and(char::is_uppercase)
            && !BEFORE_PLACE_EN.iter().any(|w| head.eq_ignore_ascii_case(w))
        {
            return None;
        }
    }
    if hay[end..].starts_with(' ')
        && CLUB_TAILS
            .iter()
            .any(|w| next_word(hay, end).eq_ignore_ascii_case(w))
    {
        return None;
    }
    // A one-word name next to another capitalised word is most often part of a longer name,
    // a person's or a firm's ("Michael Jackson", "Paul Walker", "Texas Instruments", "Lewis
    // Hamilton", "Bima Arya"), unless that word is one that stands by places ("In Dallas",
    // "Houston Police", "Polres Bekasi", "Bekasi Utara"); Indonesian names a province after
    // its institution and before its people ("Gubernur Jatim Khofifah").
    if !hay[start..end].contains(' ') {
        let capital_after = hay[end..].starts_with(' ')
            && next_word(hay, end)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let after = next_word(hay, end);
        let before = prev_word(hay, start);
        let capital_before = hay[..start].ends_with(' ')
            && hay[..start - 1].ends_with(|c: char| c.is_alphanumeric())
            && before.chars().next().is_some_and(char::is_uppercase);
        let allowed = |list: &[&str], w: &str| list.iter().any(|x| w.eq_ignore_ascii_case(x));
        let part_of_a_name = match language {
            Language::English => {
                (capital_before && !allowed(BEFORE_PLACE_EN, before))
                    || (capital_after && !allowed(AFTER_PLACE_EN, after))
            }
            _ => {
                (capital_before && !allowed(BEFORE_PLACE_ID, before))
                    || (place.kind == PlaceKind::City
                        && capital_after
                        && !allowed(AFTER_PLACE_ID, after))
            }
        };
        if part_of_a_name {
            return None;
        }
    }
    Some((country, end))
}

/// The qualifiers that may follow a place: after ", ", one to three capitalised words,
/// longest first ("New South Wales", "New South", "New"; "N.Y." with its dots; "Texas" of
/// "Texas.").
fn qualifiers_after(hay: &str, end: usize) -> Vec<&str> {
    let Some(rest) = hay[end..].strip_prefix(", ") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pos = 0;
    for _ in 0..3 {
        let word_end = rest[pos..].find(' ').map_or(rest.len(), |i| pos + i);
        let word = &rest[pos..word_end];
        let bare = word.trim_end_matches([',', ';', ':', ')', '!', '?', '"']);
        if !bare.starts_with(char::is_uppercase) {
            break;
        }
        let plain = bare.trim_end_matches('.');
        // "N.Y." keeps its dots; "Texas." is "Texas".
        let kept = if plain.contains('.') { bare } else { plain };
        out.push(&rest[..pos + kept.len()]);
        if bare.len() < word.len() || plain.len() < bare.len() || word_end >= rest.len() {
            break;
        }
        pos = word_end + 1;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_parses_whole() {
        assert_eq!(Gazetteer::parse_errors(PLACES), 0);
        let g = Gazetteer::builtin();
        assert!(g.len() > 40_000, "{}", g.len());
        let dallas = g.lookup("DALLAS").expect("Dallas");
        assert_eq!(dallas.places[0].country, "USA");
        assert!(dallas.places[0].population > 1_000_000);
        for (name, country) in [
            ("Jawa Barat", "IDN"),
            ("Texas", "USA"),
            ("Bavaria", "DEU"),
            ("Bayern", "DEU"),
            ("West Java", "IDN"),
            ("Jatim", "IDN"),
        ] {
            let n = g.lookup(name).unwrap_or_else(|| panic!("{name}"));
            assert!(
                n.places
                    .iter()
                    .any(|p| p.country == country && p.kind == PlaceKind::Division),
                "{name}: {:?}",
                n.places
            );
        }
        for word in ["Nice", "Mobile", "Reading", "Batu", "Kota", "Bath"] {
            let n = g.lookup(word).unwrap_or_else(|| panic!("{word}"));
            assert!(n.places.iter().all(|p| p.word), "{word}: {:?}", n.places);
        }
    }

    #[test]
    fn bad_lines_are_counted_not_read() {
        let text = "# comment\nDallas\tUSA\tcity\t1\t\nBroken\tusa\tcity\t1\t\nX\tUSA\ttown\t1\t\n\
                    Y\tUSA\tcity\tmany\t\nZ\tUSA\tcity\t1\tword\textra\n";
        assert_eq!(Gazetteer::parse_errors(text), 4);
    }

    fn place(country: &'static str, kind: PlaceKind, population: u32) -> Place {
        Place {
            country,
            kind,
            population,
            word: false,
        }
    }

    #[test]
    fn names_of_several_countries_need_the_country_named_or_a_far_larger_place() {
        let portland = [
            place("USA", PlaceKind::City, 652_503),
            place("JAM", PlaceKind::Division, 209_632),
        ];
        assert_eq!(resolve(&portland, |_| false, BODY_DOMINANCE), None);
        assert_eq!(
            resolve(&portland, |c| c == "USA", BODY_DOMINANCE),
            Some("USA")
        );
        assert_eq!(
            resolve(&portland, |c| c == "JAM", BODY_DOMINANCE),
            Some("JAM")
        );
        let hyderabad = [
            place("IND", PlaceKind::City, 3_597_816),
            place("PAK", PlaceKind::City, 1_386_330),
        ];
        assert_eq!(resolve(&hyderabad, |_| false, BODY_DOMINANCE), None);
        // 3.6 times: enough in a dateline, not in a body.
        let manchester = [
            place("GBR", PlaceKind::City, 395_515),
            place("USA", PlaceKind::City, 110_506),
        ];
        assert_eq!(resolve(&manchester, |_| false, BODY_DOMINANCE), None);
        assert_eq!(
            resolve(&manchester, |_| false, DATELINE_DOMINANCE),
            Some("GBR")
        );
        let big = [
            place("BOL", PlaceKind::City, 1_364_389),
            place("USA", PlaceKind::City, 59_946),
        ];
        assert_eq!(resolve(&big, |_| false, BODY_DOMINANCE), Some("BOL"));
        assert_eq!(resolve(&big, |c| c == "USA", BODY_DOMINANCE), Some("USA"));
        let abbr = [place("USA", PlaceKind::Abbreviation, 0)];
        assert_eq!(resolve(&abbr, |_| true, BODY_DOMINANCE), None);
    }

    #[test]
    fn qualifiers_name_countries() {
        assert_eq!(qualifier_countries("N.Y.", None), ["USA"]);
        assert_eq!(qualifier_countries("Calif.", None), ["USA"]);
        assert_eq!(qualifier_countries("Ont.", None), ["CAN"]);
        assert!(
            qualifier_countries("Texas", None)
                .iter()
                .any(|c| c == "USA")
        );
        let georgia = qualifier_countries("Georgia", Some("GEO"));
        assert!(
            georgia.iter().any(|c| c == "USA") && georgia.iter().any(|c| c == "GEO"),
            "{georgia:?}"
        );
        // A city is no qualifier.
        assert!(qualifier_countries("Dallas", None).is_empty());
    }

    #[test]
    fn the_longest_name_at_a_place() {
        let g = Gazetteer::builtin();
        let hay = "in Jawa Barat hari ini";
        let (end, name) = g.longest_at(hay, 3).expect("a name");
        assert_eq!(&hay[3..end], "Jawa Barat");
        assert!(name.written_as_name("Jawa Barat"));
        assert!(!name.written_as_name("jawa barat"));
        assert!(name.written_as_name("JAWA BARAT"));
        assert!(g.longest_at(hay, 0).is_none());
    }
}
