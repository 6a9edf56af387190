//! Publication dates: metadata values, datelines in the text, dates in URLs and file names.
//!
//! Everything is done by a small hand-written scanner: the input (or only its head) is cut into
//! tokens (numbers, words, single punctuation characters) and a few token patterns are tried at
//! every position, earliest first:
//!
//! * year-month-day with `-`, `/` or `.` (`2016-08-11`, `2016/08/11`), ISO 8601 / RFC 3339;
//! * day/month/year with `/`, `-` or `.` (`25/9/2014`), day first as in Indonesia unless the
//!   second number cannot be a month (`08/13/2016` is month first);
//! * day, month name, year (`11 Agustus 2016`, `26-FEB-1987`, `Thu, 11 Aug 2016`);
//! * month name, day, year (`Feb 26, 1987`, `March 3rd, 2015`);
//! * for metadata values, URLs and file names also the compact `20160811`.
//!
//! A date may be followed by a time (`10:20`, `10:20:30.79`, `T10:20`, `pukul 14.05`,
//! `14.05 WIB`, `3:04 pm`); any zone or offset after it is ignored, so the result is the local
//! wall-clock time as written. A date without a year never matches. Years outside
//! 1900..=2100, impossible calendar dates and impossible times give no date.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Earliest accepted year.
const MIN_YEAR: u64 = 1900;
/// Latest accepted year.
const MAX_YEAR: u64 = 2100;
/// Non-blank lines of the text searched for a dateline.
const HEAD_LINES: usize = 5;
/// Bytes of the text (and of the title) searched for a dateline.
const HEAD_BYTES: usize = 600;
/// Bytes of a metadata value, URL or file name that are looked at.
const VALUE_BYTES: usize = 1000;

/// Parses a date value from metadata (feed pubDate, HTML meta, JSON/CSV field): ISO 8601 /
/// RFC 3339, RFC 2822 (also its usual broken variants), `Feb 26, 1987`, `26 Feb 1987`,
/// `26-FEB-1987 15:01:01.79`, `11 Agustus 2016`, `Kamis, 11 Agustus 2016 10:20 WIB`,
/// `2016/08/11`, `11/08/2016` (day first) and `20160811`.
///
/// A zone or offset is ignored: the result is the wall-clock time as written (what
/// `DateTime::naive_local` would give). Unix timestamps are not handled here.
pub fn parse_date_value(value: &str) -> Option<NaiveDateTime> {
    let toks = tokenize(head(value.trim(), VALUE_BYTES));
    (0..toks.len()).find_map(|i| text_date_at(&toks, i).or_else(|| compact_at(&toks, i, true)))
}

/// Finds a publication date in a dateline or the first lines of an article.
///
/// Only the first few non-blank lines (at most about 600 bytes) of the text are searched,
/// then the title; the earliest date found wins. Indonesian and English month names are
/// understood (`Jakarta, Kamis (25/9/2014)`, `Selasa, 11 Agu 2016 14:05 WIB`,
/// `TOKYO, March 3, 2015 (Reuters)`, ISO 8601, RFC 2822...). A date without a year
/// (`15 Juli`, `pada hari Kamis`) gives nothing.
pub fn find_date_in_text(title: &str, text: &str) -> Option<NaiveDateTime> {
    first_text_date(text_head(text)).or_else(|| first_text_date(head(title, HEAD_BYTES)))
}

/// Finds a date in a URL path (`/2016/08/11/`, `2016-08-11`, or `20160811` between
/// non-digits). A year and month without a day (`/2016/08/`) is not enough.
pub fn find_date_in_url(url: &str) -> Option<NaiveDateTime> {
    let toks = tokenize(head(url, VALUE_BYTES));
    (0..toks.len())
        .find_map(|i| ymd_at(&toks, i, &['/', '-', '_', '.']).map(midnight))
        .or_else(|| (0..toks.len()).find_map(|i| compact_at(&toks, i, false)))
}

/// Finds a date in a file name (`kompas_2016-08-11.txt`, `2016_08_11`, `2016.08.11`,
/// `kompas_20160811_123.txt`). Eight-digit numbers that are not plausible dates are ignored.
pub fn find_date_in_filename(name: &str) -> Option<NaiveDateTime> {
    let toks = tokenize(head(name, VALUE_BYTES));
    (0..toks.len())
        .find_map(|i| ymd_at(&toks, i, &['-', '_', '.']).map(midnight))
        .or_else(|| (0..toks.len()).find_map(|i| compact_at(&toks, i, false)))
}

/// The earliest date (with its time, if any) in `s`.
fn first_text_date(s: &str) -> Option<NaiveDateTime> {
    let toks = tokenize(s);
    (0..toks.len()).find_map(|i| text_date_at(&toks, i))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// The first `HEAD_LINES` non-blank lines of `text`, at most `HEAD_BYTES` bytes.
fn text_head(text: &str) -> &str {
    let mut end = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        end += line.len();
        if !line.trim().is_empty() {
            lines += 1;
            if lines >= HEAD_LINES {
                break;
            }
        }
        if end >= HEAD_BYTES {
            break;
        }
    }
    head(text.get(..end).unwrap_or(text), HEAD_BYTES)
}

// ----------------------------------------------------------------------------------------
// Tokens
// ----------------------------------------------------------------------------------------

/// What a word token means to the date patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// A month name or abbreviation (1..=12).
    Month(u32),
    /// `T`, between an ISO date and its time.
    T,
    /// `am`.
    Am,
    /// `pm`.
    Pm,
    /// `pukul`, `pkl`, `jam`, `at`: a time follows.
    Connector,
    /// `WIB`, `WITA`, `WIT`: Indonesian zones, after a time written `14.05`.
    Zone,
    /// `st`, `nd`, `rd`, `th` after a day number.
    Ordinal,
    /// `de`, `del`, `of` between a day, its month and its year ("5 de febrero de 2021",
    /// "3rd of March 2015").
    Of,
    /// Anything else.
    Other,
}

/// A token's kind.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// A run of ASCII digits.
    Num {
        /// Its value (saturating).
        val: u64,
        /// Number of digits.
        len: usize,
        /// Its first nine digits read as a fraction of a second, in nanoseconds.
        nanos: u32,
    },
    /// A run of letters.
    Word(Word),
    /// Any other single non-whitespace character.
    Sep(char),
}

/// A token and whether whitespace came before it.
#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    space_before: bool,
}

/// Cuts `s` into tokens.
fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(s.len() / 3 + 1);
    let mut chars = s.char_indices().peekable();
    let mut space = false;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            space = true;
            chars.next();
            continue;
        }
        let kind = if c.is_ascii_digit() {
            let (mut val, mut len, mut head9) = (0u64, 0usize, 0u32);
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                let v = u32::from(d as u8 - b'0');
                val = val.saturating_mul(10).saturating_add(u64::from(v));
                if len < 9 {
                    head9 = head9 * 10 + v;
                }
                len += 1;
                chars.next();
            }
            let mut nanos = head9;
            for _ in len..9 {
                nanos *= 10;
            }
            Kind::Num { val, len, nanos }
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if d == '\'' {
                    // An apostrophe inside a word (Jum'at) belongs to it.
                    let mut look = chars.clone();
                    look.next();
                    if matches!(look.peek(), Some(&(_, e)) if e.is_alphabetic()) {
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            Kind::Word(classify(s.get(start..end).unwrap_or("")))
        } else {
            chars.next();
            Kind::Sep(c)
        };
        toks.push(Tok {
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
}

/// What a word means, case-insensitively.
fn classify(word: &str) -> Word {
    let mut buf = [0u8; 10];
    if !word.is_ascii() {
        // "März", "février", "décembre", "março", "août": their letters without accents.
        let folded: String = word
            .chars()
            .map(|c| match c {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
                'í' | 'î' | 'ï' => 'i',
                'ó' | 'ô' | 'ö' | 'õ' | 'Ö' => 'o',
                'ú' | 'û' | 'ü' | 'ù' | 'Ü' => 'u',
                'ç' | 'Ç' => 'c',
                other => other,
            })
            .collect();
        return if folded.is_ascii() && folded.len() <= buf.len() {
            classify(&folded)
        } else {
            Word::Other
        };
    }
    if word.len() > buf.len() {
        return Word::Other;
    }
    for (b, w) in buf.iter_mut().zip(word.bytes()) {
        *b = w.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    let month = match lower {
        // Indonesian, English, then German, French, Spanish, Portuguese, Dutch and Italian
        // (abbreviations that are English words, "ago", "out", "set", are left out).
        b"januari" | b"january" | b"jan" | b"januar" | b"janner" | b"janvier" | b"janv"
        | b"enero" | b"ene" | b"janeiro" | b"gennaio" | b"genn" => 1,
        b"februari" | b"pebruari" | b"february" | b"feb" | b"peb" | b"febr" | b"februar"
        | b"fevrier" | b"fevr" | b"febrero" | b"fevereiro" | b"fev" | b"febbraio" => 2,
        b"maret" | b"march" | b"mar" | b"marz" | b"maerz" | b"mars" | b"marzo" | b"marco"
        | b"maart" | b"mrt" => 3,
        b"april" | b"apr" | b"avril" | b"avr" | b"abril" | b"abr" | b"aprile" => 4,
        b"mei" | b"may" | b"mai" | b"mayo" | b"maio" | b"maggio" | b"magg" => 5,
        b"juni" | b"june" | b"jun" | b"juin" | b"junio" | b"junho" | b"giugno" => 6,
        b"juli" | b"july" | b"jul" | b"juillet" | b"juil" | b"julio" | b"julho" | b"luglio" => 7,
        b"agustus" | b"august" | b"aug" | b"agu" | b"agt" | b"ags" | b"agust" | b"aout"
        | b"agosto" | b"augustus" => 8,
        b"september" | b"sep" | b"sept" | b"septembre" | b"septiembre" | b"setiembre"
        | b"setembro" | b"settembre" => 9,
        b"oktober" | b"october" | b"okt" | b"oct" | b"octobre" | b"octubre" | b"outubro"
        | b"ottobre" | b"ott" => 10,
        b"november" | b"nopember" | b"nov" | b"nop" | b"novembre" | b"noviembre" | b"novembro" => {
            11
        }
        b"desember" | b"december" | b"des" | b"dec" | b"dezember" | b"dez" | b"decembre"
        | b"diciembre" | b"dic" | b"dezembro" | b"dicembre" => 12,
        b"t" => return Word::T,
        b"am" => return Word::Am,
        b"pm" => return Word::Pm,
        b"pukul" | b"pkl" | b"jam" | b"at" => return Word::Connector,
        b"wib" | b"wita" | b"wit" => return Word::Zone,
        b"st" | b"nd" | b"rd" | b"th" => return Word::Ordinal,
        b"de" | b"del" | b"of" => return Word::Of,
        _ => return Word::Other,
    };
    Word::Month(month)
}

// ----------------------------------------------------------------------------------------
// Token helpers
// ----------------------------------------------------------------------------------------

/// The value of the number at `i` if it has between `min` and `max` digits.
fn num(t: &[Tok], i: usize, min: usize, max: usize) -> Option<u64> {
    match t.get(i)?.kind {
        Kind::Num { val, len, .. } if (min..=max).contains(&len) => Some(val),
        _ => None,
    }
}

/// Like [`num`], but the number must touch the previous token.
fn num_tight(t: &[Tok], i: usize, min: usize, max: usize) -> Option<u64> {
    if t.get(i)?.space_before {
        return None;
    }
    num(t, i, min, max)
}

/// The separator at `i` if it is one of `seps` and touches the previous token.
fn sep_tight(t: &[Tok], i: usize, seps: &[char]) -> Option<char> {
    let tok = t.get(i)?;
    match tok.kind {
        Kind::Sep(c) if !tok.space_before && seps.contains(&c) => Some(c),
        _ => None,
    }
}

/// Whether the token at `i` is the separator `c` (whitespace allowed before it).
fn is_sep(t: &[Tok], i: usize, seps: &[char]) -> bool {
    matches!(t.get(i).map(|x| x.kind), Some(Kind::Sep(c)) if seps.contains(&c))
}

/// The word at `i`, if any.
fn word(t: &[Tok], i: usize) -> Option<Word> {
    match t.get(i)?.kind {
        Kind::Word(w) => Some(w),
        _ => None,
    }
}

/// A plausible calendar date.
fn date(y: u64, m: u64, d: u64) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
}

/// `d` at 00:00:00.
fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

// ----------------------------------------------------------------------------------------
// Patterns
// ----------------------------------------------------------------------------------------

/// A date (and its time) starting at token `i`, in any of the text forms.
fn text_date_at(t: &[Tok], i: usize) -> Option<NaiveDateTime> {
    let (d, next) = ymd_at_next(t, i, &['-', '/', '.'])
        .or_else(|| dmy_at(t, i))
        .or_else(|| day_month_year_at(t, i))
        .or_else(|| month_day_year_at(t, i))?;
    with_time(d, t, next)
}

/// `YYYY-MM-DD` (with one of `seps`, the same twice) at `i`.
fn ymd_at(t: &[Tok], i: usize, seps: &[char]) -> Option<NaiveDate> {
    ymd_at_next(t, i, seps).map(|(d, _)| d)
}

/// `YYYY-MM-DD` at `i`, and the index after it.
fn ymd_at_next(t: &[Tok], i: usize, seps: &[char]) -> Option<(NaiveDate, usize)> {
    let y = num(t, i, 4, 4)?;
    let s = sep_tight(t, i + 1, seps)?;
    let m = num_tight(t, i + 2, 1, 2)?;
    sep_tight(t, i + 3, &[s])?;
    let d = num_tight(t, i + 4, 1, 2)?;
    Some((date(y, m, d)?, i + 5))
}

/// `DD/MM/YYYY` (or `-`, `.`) at `i`: day first unless the second number cannot be a month.
fn dmy_at(t: &[Tok], i: usize) -> Option<(NaiveDate, usize)> {
    let a = num(t, i, 1, 2)?;
    let s = sep_tight(t, i + 1, &['/', '-', '.'])?;
    let b = num_tight(t, i + 2, 1, 2)?;
    sep_tight(t, i + 3, &[s])?;
    let y = num_tight(t, i + 4, 4, 4)?;
    let (d, m) = if a <= 12 && b > 12 { (b, a) } else { (a, b) };
    Some((date(y, m, d)?, i + 5))
}

/// `11 Agustus 2016`, `26-FEB-1987`, `3rd March, 2015` at `i`.
fn day_month_year_at(t: &[Tok], i: usize) -> Option<(NaiveDate, usize)> {
    let d = num(t, i, 1, 2)?;
    let mut j = i + 1;
    if word(t, j) == Some(Word::Ordinal) {
        j += 1;
    }
    if is_sep(t, j, &['-', '.']) {
        j += 1;
    }
    if word(t, j) == Some(Word::Of) {
        j += 1;
    }
    let Some(Word::Month(m)) = word(t, j) else {
        return None;
    };
    j += 1;
    if is_sep(t, j, &['.']) {
        j += 1;
    }
    if is_sep(t, j, &[',', '-']) {
        j += 1;
    }
    if word(t, j) == Some(Word::Of) {
        j += 1;
    }
    let y = num(t, j, 4, 4)?;
    Some((date(y, u64::from(m), d)?, j + 1))
}

/// `Feb 26, 1987`, `March 3rd, 2015`, `Sept. 5 2016` at `i`.
fn month_day_year_at(t: &[Tok], i: usize) -> Option<(NaiveDate, usize)> {
    let Some(Word::Month(m)) = word(t, i) else {
        return None;
    };
    let mut j = i + 1;
    if is_sep(t, j, &['.']) {
        j += 1;
    }
    let d = num(t, j, 1, 2)?;
    j += 1;
    if word(t, j) == Some(Word::Ordinal) {
        j += 1;
    }
    if is_sep(t, j, &[',']) {
        j += 1;
    }
    let y = num(t, j, 4, 4)?;
    Some((date(y, u64::from(m), d)?, j + 1))
}

/// `20160811` (between non-digits) at `i`; with `time`, also `20160811T102030`.
fn compact_at(t: &[Tok], i: usize, time: bool) -> Option<NaiveDateTime> {
    let v = num(t, i, 8, 8)?;
    let d = date(v / 10_000, v / 100 % 100, v % 100)?;
    if time && word(t, i + 1) == Some(Word::T) && !t.get(i + 1)?.space_before {
        let tm = match t.get(i + 2).map(|x| x.kind) {
            Some(Kind::Num { val, len: 6, .. }) if !t.get(i + 2)?.space_before => {
                hms(val / 10_000, val / 100 % 100, val % 100, 0)
            }
            Some(Kind::Num { val, len: 4, .. }) if !t.get(i + 2)?.space_before => {
                hms(val / 100, val % 100, 0, 0)
            }
            _ => return None,
        }?;
        return Some(d.and_time(tm));
    }
    Some(midnight(d))
}

/// A valid time of day.
fn hms(h: u64, m: u64, s: u64, nanos: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_nano_opt(
        u32::try_from(h).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(s).ok()?,
        nanos,
    )
}

/// `d` with the time that follows at token `j`, or at midnight if no time follows.
/// `None` when what follows looks like a time but is not a valid one (`25:00`).
fn with_time(d: NaiveDate, t: &[Tok], j: usize) -> Option<NaiveDateTime> {
    match time_at(t, j) {
        Ok(Some(tm)) => Some(d.and_time(tm)),
        Ok(None) => Some(midnight(d)),
        Err(()) => None,
    }
}

/// A time of day starting at (or just after some connecting tokens at) `j`.
fn time_at(t: &[Tok], mut j: usize) -> Result<Option<NaiveTime>, ()> {
    let mut connector = false;
    for _ in 0..3 {
        match t.get(j).map(|x| x.kind) {
            Some(Kind::Sep(',' | '|' | '-' | '–' | '—' | '@' | '/')) => {}
            Some(Kind::Word(Word::T | Word::Connector)) => connector = true,
            _ => break,
        }
        j += 1;
    }
    let Some(h) = num(t, j, 1, 2) else {
        return Ok(None);
    };
    let Some(sep) = sep_tight(t, j + 1, &[':', '.']) else {
        return Ok(None);
    };
    let Some(m) = num_tight(t, j + 2, 2, 2) else {
        return Ok(None);
    };
    let mut k = j + 3;
    let (mut s, mut nanos) = (0, 0);
    if sep_tight(t, k, &[sep]).is_some()
        && let Some(sec) = num_tight(t, k + 1, 2, 2)
    {
        s = sec;
        k += 2;
        if sep == ':'
            && sep_tight(t, k, &['.', ',']).is_some()
            && let Some(Tok {
                kind: Kind::Num { nanos: n, .. },
                space_before: false,
            }) = t.get(k + 1)
        {
            nanos = *n;
            k += 2;
        }
    }
    if sep == '.' && !connector && word(t, k) != Some(Word::Zone) {
        // `2016 10.50` is more likely a number than a time.
        return Ok(None);
    }
    let h = match word(t, k) {
        Some(Word::Am) if (1..=12).contains(&h) => h % 12,
        Some(Word::Pm) if (1..=12).contains(&h) => h % 12 + 12,
        Some(Word::Am | Word::Pm) => return Err(()),
        _ => h,
    };
    hms(h, m, s, nanos).map(Some).ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;
    use proptest::prelude::*;

    /// `Some(y-m-d h:mi:s)`.
    fn dt(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, mi, s))
    }

    /// `Some(y-m-d 00:00:00)`.
    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDateTime> {
        dt(y, m, d, 0, 0, 0)
    }

    #[test]
    fn month_names_of_european_languages() {
        for (text, want) in [
            ("3. März 2021", day(2021, 3, 3)),
            ("12 décembre 2020", day(2020, 12, 12)),
            ("1 août 2019", day(2019, 8, 1)),
            ("5 febrero 2021", day(2021, 2, 5)),
            ("5 de febrero de 2021", day(2021, 2, 5)),
            ("Publicado el 17 de março de 2022 às 10h", day(2022, 3, 17)),
            ("the 3rd of March, 2015", day(2015, 3, 3)),
            ("17 março 2022", day(2022, 3, 17)),
            ("9 maart 2018", day(2018, 3, 9)),
            ("24 giugno 2017", day(2017, 6, 24)),
            ("2 Dezember 2016", day(2016, 12, 2)),
        ] {
            assert_eq!(parse_date_value(text), want, "{text}");
        }
    }

    #[test]
    fn values() {
        let ms = |y, m, d, h, mi, s, milli| {
            NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_milli_opt(h, mi, s, milli))
        };
        let cases: &[(&str, Option<NaiveDateTime>)] = &[
            // ISO 8601 / RFC 3339
            ("2016-08-11T10:20:30Z", dt(2016, 8, 11, 10, 20, 30)),
            ("2016-08-11T10:20:30+07:00", dt(2016, 8, 11, 10, 20, 30)),
            ("2016-08-11T10:20:30-05:00", dt(2016, 8, 11, 10, 20, 30)),
            (
                "2016-08-11T10:20:30.123+07:00",
                ms(2016, 8, 11, 10, 20, 30, 123),
            ),
            ("2016-08-11 10:20:30", dt(2016, 8, 11, 10, 20, 30)),
            ("2016-08-11T10:20", dt(2016, 8, 11, 10, 20, 0)),
            ("2016-08-11", day(2016, 8, 11)),
            ("  2016-08-11  ", day(2016, 8, 11)),
            ("20160811", day(2016, 8, 11)),
            ("20160811T102030", dt(2016, 8, 11, 10, 20, 30)),
            ("2016/08/11", day(2016, 8, 11)),
            // RFC 2822 and variants
            ("Thu, 11 Aug 2016 10:20:30 GMT", dt(2016, 8, 11, 10, 20, 30)),
            ("Mon, 2 Jan 2006 15:04:05 +0000", dt(2006, 1, 2, 15, 4, 5)),
            ("Mon, 2 Jan 2006 15:04:05 -0700", dt(2006, 1, 2, 15, 4, 5)),
            ("2 Jan 2006 15:04:05 +0000", dt(2006, 1, 2, 15, 4, 5)),
            ("Mon, 02 Jan 2006 15:04:05 EST", dt(2006, 1, 2, 15, 4, 5)),
            ("Mon, 02 Jan 2006 15:04 PDT", dt(2006, 1, 2, 15, 4, 0)),
            (
                "Monday, 02 January 2006 15:04:05 MST",
                dt(2006, 1, 2, 15, 4, 5),
            ),
            // Other English forms
            ("Feb 26, 1987", day(1987, 2, 26)),
            ("26 Feb 1987", day(1987, 2, 26)),
            ("26-FEB-1987 15:01:01.79", ms(1987, 2, 26, 15, 1, 1, 790)),
            ("March 3rd, 2015 3:04 pm", dt(2015, 3, 3, 15, 4, 0)),
            // Indonesian forms
            ("11 Agustus 2016", day(2016, 8, 11)),
            (
                "Kamis, 11 Agustus 2016 10:20 WIB",
                dt(2016, 8, 11, 10, 20, 0),
            ),
            (
                "Kamis, 11 Agustus 2016 pukul 10.20 WIB",
                dt(2016, 8, 11, 10, 20, 0),
            ),
            ("Jum'at, 1 Nopember 2013", day(2013, 11, 1)),
            ("5 Peb 2010", day(2010, 2, 5)),
            // Numeric, day first unless impossible
            ("11/08/2016", day(2016, 8, 11)),
            ("13/08/2016", day(2016, 8, 13)),
            ("08/13/2016", day(2016, 8, 13)),
            ("25.09.2014", day(2014, 9, 25)),
            // Negatives
            ("", None),
            ("kemarin", None),
            ("15 Juli", None),
            ("0000-00-00", None),
            ("9999-12-31", None),
            ("1899-12-31", None),
            ("2101-01-01", None),
            ("2100-12-31", day(2100, 12, 31)),
            ("1900-01-01", day(1900, 1, 1)),
            ("2016-02-31", None),
            ("31 Feb 2016", None),
            ("13/13/2016", None),
            ("2016-08-11 25:00:00", None),
            ("2016-08-11T10:61", None),
            ("12345678", None),
            ("1470910830", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_date_value(input),
                *want,
                "parse_date_value({input:?})"
            );
        }
    }

    #[test]
    fn text() {
        let seed = "Rapat itu digelar pada hari Kamis di Balai Kota. Menurut panitia, \
                    pendaftaran dibuka 15 Juli, dan hasilnya diumumkan pada bulan November.\n\
                    Peserta diminta membawa 2 berkas.";
        let cases: &[(&str, &str, Option<NaiveDateTime>)] = &[
            (
                "",
                "Jakarta, Kamis (25/9/2014) - Presiden berkata.",
                day(2014, 9, 25),
            ),
            (
                "",
                "JAKARTA, KOMPAS.com - Jumat (8/9/2017) pagi.",
                day(2017, 9, 8),
            ),
            ("", "Jumat (8/9/2017)", day(2017, 9, 8)),
            (
                "",
                "Bandung - Pada 11 Agustus 2016 warga berkumpul.",
                day(2016, 8, 11),
            ),
            (
                "",
                "Selasa, 11 Agu 2016 14:05 WIB\nJakarta - Isi berita.",
                dt(2016, 8, 11, 14, 5, 0),
            ),
            (
                "",
                "Selasa, 11 Agt 2016 | 14.05 WIB",
                dt(2016, 8, 11, 14, 5, 0),
            ),
            (
                "",
                "26-FEB-1987 15:01:01.79\nCocoa prices fell.",
                dt(1987, 2, 26, 15, 1, 1).and_then(|d| d.with_nanosecond(790_000_000)),
            ),
            (
                "",
                "NEW YORK, Feb 26, 1987 - Shares rose.",
                day(1987, 2, 26),
            ),
            (
                "",
                "TOKYO, March 3, 2015 (Reuters) - Japan said.",
                day(2015, 3, 3),
            ),
            ("", "Monday 3 March 2015\nLondon", day(2015, 3, 3)),
            (
                "",
                "Published 2016-08-11T10:20:30+07:00 by staff",
                dt(2016, 8, 11, 10, 20, 30),
            ),
            (
                "",
                "Thu, 11 Aug 2016 10:20:30 GMT",
                dt(2016, 8, 11, 10, 20, 30),
            ),
            ("", "Ahad, 3 DESEMBER 2017", day(2017, 12, 3)),
            ("", "Rabu, 1 Sept 2010", day(2010, 9, 1)),
            ("", "Senin, 4 Okt. 2021", day(2021, 10, 4)),
            ("", "Minggu, 7 Mei 2023 08:15 WIB", dt(2023, 5, 7, 8, 15, 0)),
            ("", "Sabtu, 30 Juni 2018", day(2018, 6, 30)),
            ("", "12 Januari 2020 dan 13 Februari 2021", day(2020, 1, 12)),
            ("", "pada 15 Juli lalu, lalu 3 Maret 2019", day(2019, 3, 3)),
            // Title as fallback
            (
                "Banjir 2 Januari 2020 di Jakarta",
                "Isi tanpa tanggal.",
                day(2020, 1, 2),
            ),
            (
                "Banjir 2 Januari 2020",
                "Jakarta, 5 Januari 2020 - Isi.",
                day(2020, 1, 5),
            ),
            // Negatives
            ("", seed, None),
            ("Rapat pada hari Kamis", "15 Juli, bulan November.", None),
            ("", "Harga naik 10.50 persen pada 2016 lalu.", None),
            ("", "Sebanyak 1.250.000 orang hadir.", None),
            ("", "31 Februari 2016", None),
            ("", "Jumat (32/9/2017)", None),
            ("", "Kamis, 11 Agustus 0000", None),
            ("", "pada 1 Januari 9999", None),
            ("", "Sabtu 7 Mei", None),
            ("", "", None),
        ];
        for (title, text, want) in cases {
            assert_eq!(
                find_date_in_text(title, text),
                *want,
                "find_date_in_text({title:?}, {text:?})"
            );
        }
    }

    #[test]
    fn text_looks_only_at_the_head() {
        let far = format!("{}Jakarta, 11 Agustus 2016", "kata ".repeat(200));
        assert_eq!(find_date_in_text("", &far), None);
        let lines = "a\nb\nc\nd\ne\n11 Agustus 2016";
        assert_eq!(find_date_in_text("", lines), None);
        let blank_lines = "\n\n\na\n\nb\n11 Agustus 2016";
        assert_eq!(find_date_in_text("", blank_lines), day(2016, 8, 11));
        let long_first_line = format!("11 Agustus 2016 {}", "kata ".repeat(1000));
        assert_eq!(find_date_in_text("", &long_first_line), day(2016, 8, 11));
    }

    #[test]
    fn urls() {
        let cases: &[(&str, Option<NaiveDateTime>)] = &[
            (
                "https://news.kompas.com/read/2016/08/11/10203041/judul-berita",
                day(2016, 8, 11),
            ),
            ("https://example.com/2016-08-11/judul", day(2016, 8, 11)),
            (
                "https://example.com/berita-20160811-judul.html",
                day(2016, 8, 11),
            ),
            ("https://example.com/20160811/judul", day(2016, 8, 11)),
            ("https://example.com/2016/8/1/judul", day(2016, 8, 1)),
            ("https://example.com/2016/08/judul", None),
            ("https://example.com/read/10203041/judul", None),
            ("https://example.com/d-3271234/judul", None),
            ("https://example.com/id/99999999", None),
            ("https://example.com/2016/02/30/judul", None),
            ("https://example.com/201608112/judul", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                find_date_in_url(input),
                *want,
                "find_date_in_url({input:?})"
            );
        }
    }

    #[test]
    fn filenames() {
        let cases: &[(&str, Option<NaiveDateTime>)] = &[
            ("kompas_2016-08-11.txt", day(2016, 8, 11)),
            ("kompas_2016_08_11_3.txt", day(2016, 8, 11)),
            ("2016.08.11 berita.html", day(2016, 8, 11)),
            ("kompas_20160811_123.txt", day(2016, 8, 11)),
            ("20160811.json", day(2016, 8, 11)),
            ("artikel_12345678.txt", None),
            ("artikel_87654321.txt", None),
            ("artikel_20161340.txt", None),
            ("artikel_123456789.txt", None),
            ("berita.txt", None),
            ("2016-13-01.txt", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                find_date_in_filename(input),
                *want,
                "find_date_in_filename({input:?})"
            );
        }
    }

    #[test]
    fn head_cuts_on_char_boundaries() {
        let s = "é".repeat(400);
        assert!(head(&s, 601).len() <= 601);
        assert_eq!(head(&s, 601).len() % 2, 0);
        assert_eq!(head("abc", 0), "");
        assert_eq!(head("abc", 10), "abc");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics(s in any::<String>(), t in "\\PC{0,80}") {
            let _ = parse_date_value(&s);
            let _ = find_date_in_text(&s, &t);
            let _ = find_date_in_text(&t, &s);
            let _ = find_date_in_url(&s);
            let _ = find_date_in_filename(&s);
            let _ = parse_date_value(&t);
            let _ = find_date_in_url(&t);
            let _ = find_date_in_filename(&t);
        }

        #[test]
        fn date_like_strings_never_panic(
            s in "[0-9]{1,9}[-/._ :T]?[0-9]{0,9}[-/._ :]?[0-9a-zA-Z]{0,9}[ ,:.]?[0-9]{0,12}[.:]?[0-9]{0,12}",
        ) {
            let _ = parse_date_value(&s);
            let _ = find_date_in_text(&s, &s);
            let _ = find_date_in_url(&s);
            let _ = find_date_in_filename(&s);
        }
    }
}
