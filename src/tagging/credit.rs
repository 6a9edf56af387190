//! An article's own credit and dateline: "Jakarta, CNN Indonesia --", "Liputan6.com, Jakarta -",
//! "(ANTARA News) -", "JAKARTA, KOMPAS.com -", "TOKYO, March 3 (Reuters) -", "WASHINGTON (AP) —"
//! at its start, and sign-offs such as "(Reuters)" or "(ant/rzr)" at its end. They say who
//! wrote the article and where, not what it is about: the tagger leaves the mentions inside
//! them out (an outlet named in the body still counts), and the import takes the outlet for
//! the article's source when it has none.
//!
//! Precision first: a start is a credit only with an outlet in it (a known wire or outlet, or
//! a web address such as "Suara.com"), or a place in capitals followed by a dash or a date
//! ("JAKARTA -", "TOKYO, March 3 -"). "Rusia - Turki sepakat" is left alone.

/// Wires and outlets whose names open articles (lower case).
const OUTLETS: [&str; 52] = [
    "antara",
    "antara news",
    "antaranews",
    "reuters",
    "ap",
    "afp",
    "cnn indonesia",
    "cnn",
    "bbc",
    "bbc news indonesia",
    "xinhua",
    "bernama",
    "kyodo",
    "yonhap",
    "bloomberg",
    "dpa",
    "upi",
    "tass",
    "ria novosti",
    "anadolu",
    "kompas",
    "tempo",
    "detikcom",
    "detiknews",
    "kumparan",
    "okezone",
    "tribunnews",
    "republika",
    "vivanews",
    "sindonews",
    "cnbc indonesia",
    "beritasatu",
    "jpnn",
    "bisnis",
    "kontan",
    "the jakarta post",
    "voa",
    "voa indonesia",
    "al jazeera",
    "aljazeera",
    "rmol",
    "inilah",
    "merdeka",
    "liputan6",
    "suara",
    "juara",
    "bola",
    "goal",
    "goal indonesia",
    "metrotvnews",
    "the associated press",
    "associated press",
];

/// Month names of datelines (lower case, English and Indonesian).
const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januari",
    "februari",
    "maret",
    "mei",
    "juni",
    "juli",
    "agustus",
    "oktober",
    "desember",
    "jan",
    "feb",
    "aug",
];

/// An article's opening credit or dateline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lead {
    /// Where it starts (characters, Unicode scalar values): 0, or after a plain text file's
    /// title line.
    pub start_char: usize,
    /// Where it ends, its dash included: no mention starts between `start_char` and this.
    pub end_char: usize,
    /// The outlet it names, as written ("CNN Indonesia", "Kompas.com"), if any.
    pub outlet: Option<String>,
    /// The place it names ("Jakarta", "TOKYO"), if any.
    pub place: Option<String>,
    /// The state or country that follows the place ("ROCHESTER, N.Y.", "Paris, Texas").
    pub qualifier: Option<String>,
}

fn is_outlet(part: &str) -> bool {
    let p = part
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if p.is_empty() {
        return false;
    }
    let bare = p
        .strip_suffix(".com")
        .or_else(|| p.strip_suffix(".co.id"))
        .or_else(|| p.strip_suffix(".co"))
        .or_else(|| p.strip_suffix(".net"))
        .or_else(|| p.strip_suffix(".id"))
        .or_else(|| p.strip_suffix(" news"))
        .unwrap_or(&p);
    let domain = p.contains('.')
        && p.rsplit('.').next().is_some_and(|tld| {
            (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
        && !p.contains(' ');
    OUTLETS.contains(&p.as_str()) || OUTLETS.contains(&bare) || domain
}

/// Days of the week in datelines ("Kamis (25/9/2014)", "Monday").
const WEEKDAYS: [&str; 14] = [
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn is_date(part: &str) -> bool {
    let p = part.to_lowercase();
    if WEEKDAYS.contains(&p.trim()) {
        return true;
    }
    p.split(|c: char| !c.is_alphanumeric())
        .any(|w| MONTHS.contains(&w))
        && p.chars().any(|c| c.is_ascii_digit())
        || (p.chars().any(|c| c.is_ascii_digit())
            && p.chars().all(|c| c.is_ascii_digit() || "/-. ".contains(c)))
}

/// One to four words, each starting with a capital.
fn is_place(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn is_capitals(part: &str) -> bool {
    part.chars().any(char::is_alphabetic)
        && part
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// What a prefix before a dash says: (outlet, place, its qualifier, dates), if each of its
/// parts is one.
type Prefix = (Option<String>, Option<String>, Option<String>, bool);

fn read_prefix(prefix: &str) -> Option<Prefix> {
    let (mut outlet, mut place, mut qualifier, mut dated) = (None, None, None, false);
    // Parenthesised groups: "(ANTARA News)", "(Reuters)", "Kamis (25/9/2014)".
    let mut rest = String::new();
    let mut groups = Vec::new();
    let mut depth = 0;
    let mut group = String::new();
    for c in prefix.chars() {
        match c {
            '(' => {
                depth += 1;
                group.clear();
            }
            ')' if depth > 0 => {
                depth -= 1;
                groups.push(group.clone());
                rest.push(',');
            }
            _ if depth > 0 => group.push(c),
            _ => rest.push(c),
        }
    }
    for g in &groups {
        if is_outlet(g) {
            outlet.get_or_insert_with(|| g.trim().to_string());
        } else if is_date(g) {
            dated = true;
        } else {
            return None;
        }
    }
    for part in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if is_outlet(part) {
            outlet.get_or_insert_with(|| part.to_string());
        } else if is_date(part) {
            dated = true;
        } else if is_place(part) && place.is_none() {
            place = Some(part.to_string());
        } else if is_place(part) && qualifier.is_none() {
            qualifier = Some(part.to_string());
        } else {
            return None;
        }
    }
    Some((outlet, place, qualifier, dated))
}

/// The credit or dateline at the start of `text`, if it opens with one.
pub fn lead(text: &str) -> Option<Lead> {
    if let Some(l) = lead_of_line(text) {
        return Some(l);
    }
    // A plain text file's first line is its title: the credit opens the next paragraph.
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim().is_empty() || first.len() > 300 || !first.ends_with('\n') {
        return None;
    }
    let mut offset = first.len();
    for l in lines {
        if !l.trim().is_empty() {
            break;
        }
        offset += l.len();
    }
    let mut l = lead_of_line(&text[offset..])?;
    let shift = text[..offset].chars().count();
    l.start_char = shift;
    l.end_char += shift;
    Some(l)
}

/// The credit or dateline at the start of `text`'s first line.
fn lead_of_line(text: &str) -> Option<Lead> {
    let line = text.lines().next()?;
    let cut = (0..=line.len().min(200))
        .rev()
        .find(|&i| line.is_char_boundary(i))?;
    let head = &line[..cut];
    // Candidate dashes, in order: "--", " - ", "–", "—", or a bare '-'.
    let bytes = head.as_bytes();
    let mut at = 0;
    while at < head.len() {
        let rest = &head[at..];
        let off = rest.find(['-', '–', '—'])?;
        let pos = at + off;
        let dash_len = head[pos..].chars().next().map_or(1, char::len_utf8);
        let mut end = pos + dash_len;
        if head[end..].starts_with('-') {
            end += 1; // "--"
        }
        let spaced = pos > 0 && bytes[pos - 1] == b' ' || bytes.get(end) == Some(&b' ');
        let prefix = head[..pos].trim();
        at = end;
        if prefix.is_empty() || prefix.len() > 90 || prefix.split_whitespace().count() > 8 {
            if prefix.len() > 90 {
                return None;
            }
            continue;
        }
        let Some((outlet, place, qualifier, dated)) = read_prefix(prefix) else {
            continue;
        };
        // A bare dash ("JAKARTA-Petinju", "Suara.com-Sebanyak") needs an outlet before it;
        // without an outlet, a place in capitals or with a date makes a dateline.
        let ok = match (&outlet, &place) {
            (Some(_), _) => true,
            (None, Some(p)) => spaced && (is_capitals(p) || dated),
            (None, None) => false,
        };
        if !ok {
            continue;
        }
        while head[end..].starts_with(' ') {
            end += 1;
        }
        return Some(Lead {
            start_char: 0,
            end_char: text[..end].chars().count(),
            outlet,
            place,
            qualifier,
        });
    }
    None
}

/// Where a sign-off at the end of `text` starts (its character offset): a last line that is
/// only a parenthesised wire or editors' initials, "(Reuters)", "(ant/rzr)", "(AP)".
pub fn sign_off(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let last_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let last = &trimmed[last_start..];
    // The closing group: "(Reuters)", "[Anadolu Agency]", alone on the last line or after
    // the last sentence's full stop.
    let (open, close) = if last.ends_with(')') {
        ('(', ')')
    } else if last.ends_with(']') {
        ('[', ']')
    } else {
        return None;
    };
    let at = last.rfind(open)?;
    let before = last[..at].trim_end();
    if !(before.is_empty() || before.ends_with(['.', '!', '?', '"', '”'])) {
        return None;
    }
    let inner = last[at + 1..].trim_end().strip_suffix(close)?.trim();
    let initials = inner.len() <= 16
        && inner
            .split(['/', ',', ' '])
            .all(|w| w.len() <= 6 && w.chars().all(|c| c.is_alphanumeric()));
    let outlet = is_outlet(inner)
        || inner.rsplit_once(' ').is_some_and(|(_, last_word)| {
            matches!(
                last_word.to_ascii_lowercase().as_str(),
                "agency" | "news" | "press"
            )
        });
    if !(outlet || (initials && (before.is_empty() || inner.contains('/')))) {
        return None;
    }
    let start = last_start + at;
    Some(text[..start].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet_and_place(text: &str) -> Option<(Option<&'static str>, Option<String>, String)> {
        lead(text).map(|l| {
            let rest: String = text.chars().skip(l.end_char).collect();
            (
                l.outlet
                    .as_deref()
                    .map(|o| Box::leak(o.to_string().into_boxed_str()) as &str),
                l.place,
                rest,
            )
        })
    }

    #[test]
    fn datelines_with_a_qualifier() {
        for (text, place, qualifier) in [
            (
                "ROCHESTER, N.Y., March 3 - Eastman Kodak",
                "ROCHESTER",
                "N.Y.",
            ),
            ("PORTLAND, Ore. (Reuters) - A judge", "PORTLAND", "Ore."),
            ("PARIS, Texas, Jan 5 - Police", "PARIS", "Texas"),
        ] {
            let l = lead(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(l.place.as_deref(), Some(place), "{text}");
            assert_eq!(l.qualifier.as_deref(), Some(qualifier), "{text}");
        }
        let l = lead("DALLAS, March 3 - Texas Instruments").expect("dallas");
        assert_eq!((l.place.as_deref(), l.qualifier), (Some("DALLAS"), None));
    }

    #[test]
    fn credits_of_many_outlets() {
        let cases: [(&str, Option<&str>, Option<&str>, &str); 14] = [
            (
                "Jakarta, CNN Indonesia -- Presiden Rusia",
                Some("CNN Indonesia"),
                Some("Jakarta"),
                "Presiden Rusia",
            ),
            (
                "Jakarta, CNN Indonesia-- Edward Snowden",
                Some("CNN Indonesia"),
                Some("Jakarta"),
                "Edward Snowden",
            ),
            (
                "Liputan6.com, Jakarta - Rusia",
                Some("Liputan6.com"),
                Some("Jakarta"),
                "Rusia",
            ),
            ("(ANTARA News) - Turki", Some("ANTARA News"), None, "Turki"),
            (
                "London (ANTARA News)-Sebuah kelompok",
                Some("ANTARA News"),
                Some("London"),
                "Sebuah kelompok",
            ),
            (
                "JAKARTA, KOMPAS.com - Pemerintah",
                Some("KOMPAS.com"),
                Some("JAKARTA"),
                "Pemerintah",
            ),
            (
                "TOKYO, March 3 (Reuters) - Japan",
                Some("Reuters"),
                Some("TOKYO"),
                "Japan",
            ),
            (
                "WASHINGTON (AP) — The United States",
                Some("AP"),
                Some("WASHINGTON"),
                "The United States",
            ),
            (
                "Suara.com-Insiden tewasnya",
                Some("Suara.com"),
                None,
                "Insiden tewasnya",
            ),
            (
                "JUARA.NET, NEW DELHI-Keberhasilan",
                Some("JUARA.NET"),
                Some("NEW DELHI"),
                "Keberhasilan",
            ),
            (
                "JUARA.NET – “ Lapangan panahan",
                Some("JUARA.NET"),
                None,
                "“ Lapangan panahan",
            ),
            (
                "Sanaa (ANTARA News) – Kota",
                Some("ANTARA News"),
                Some("Sanaa"),
                "Kota",
            ),
            (
                "MOSKOW, Kamis (25/9/2014) - Rusia",
                None,
                Some("MOSKOW"),
                "Rusia",
            ),
            (
                "BEIJING (Xinhua) -- China",
                Some("Xinhua"),
                Some("BEIJING"),
                "China",
            ),
        ];
        for (text, outlet, place, rest) in cases {
            let (o, p, r) = outlet_and_place(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (o, p.as_deref(), r.as_str()),
                (outlet, place, rest),
                "{text}"
            );
        }
    }

    #[test]
    fn plain_openings_are_not_credits() {
        for text in [
            "Rusia - Turki sepakat gencatan senjata",
            "Amerika Serikat menyambut kerjasama militer Turki-Rusia di Suriah",
            "Presiden Joko Widodo - yang berada di Bali - bertemu",
            "Jakarta - Presiden bertemu",
            "Turki-Rusia sepakat",
            "",
        ] {
            assert_eq!(lead(text), None, "{text}");
        }
    }

    #[test]
    fn a_credit_after_a_plain_text_files_title_line() {
        let text = "Rusia kecam serangan\n\nJakarta, CNN Indonesia -- Presiden Rusia bicara.";
        let l = lead(text).expect("credit");
        assert_eq!(l.start_char, "Rusia kecam serangan\n\n".chars().count());
        assert_eq!(
            (l.outlet.as_deref(), l.place.as_deref()),
            (Some("CNN Indonesia"), Some("Jakarta"))
        );
        let rest: String = text.chars().skip(l.end_char).collect();
        assert_eq!(rest, "Presiden Rusia bicara.");
        // A title line and a plain paragraph: nothing.
        assert!(lead("Rusia kecam serangan\n\nPresiden Rusia bicara di Moskow.").is_none());
    }

    #[test]
    fn sign_offs_at_the_end() {
        let t = "Rusia bertemu Turki.\n\n(ant/rzr)\n";
        assert_eq!(sign_off(t), Some(t.find('(').unwrap_or(0)));
        assert!(sign_off("Moscow met Ankara.\n(Reuters)").is_some());
        let t = "Militer juga mengatakan hanya target teroris. [Anadolu Agency]";
        assert_eq!(sign_off(t), Some(t.find('[').unwrap_or(0)));
        assert!(sign_off("Moscow met Ankara. (Reuters)").is_some());
        assert_eq!(sign_off("Moscow met Ankara. (PBB)"), None);
        assert_eq!(sign_off("Rusia bertemu Turki (PBB)."), None);
        assert_eq!(
            sign_off("Rusia bertemu Turki.\n(Rusia dan Turki bertemu lagi)"),
            None
        );
    }
}
