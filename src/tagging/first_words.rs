//! The tagger's start filter: which automata can match at a word start, decided by the word
//! itself.
//!
//! A mention starts at a word and ends at a word boundary (or before an Indonesian clitic), so
//! the word it starts at is the first word of a pattern, or that word and a clitic
//! ("Rusianya"). The filter keeps the first words of all patterns as 64-bit keys (their first
//! eight bytes, ASCII-lower-cased, and whether they are longer) in a small hash set; at each
//! start of the text it reads the word with a few register operations and looks it up once
//! (twice when it ends like a clitic). Only the words found run an automaton: one look-up in
//! place of several hashed bit sets per automaton, and no false passes beyond words that really
//! begin a pattern. A word with a non-ASCII letter in its first sixteen bytes is not keyed:
//! it always runs the automata (rare in the texts pantau reads, and always correct).
//! A key with few patterns also lists them (see [`FirstWords::candidates`]), so the matcher can
//! compare them in place of an automaton search.

use crate::swar::{HIGH, ONES, ascii_lower, bytes_in_range};

/// The fold automaton (ASCII case folded) may match here.
pub(super) const FOLD: u8 = 1;
/// The exact-case automaton may match here.
pub(super) const EXACT: u8 = 2;
/// Both automata: the filter cannot tell.
const ALL: u8 = FOLD | EXACT;

/// See [`FirstWords::cases`].
const ANY_CASE: u64 = u64::MAX;

/// Marks a key of a word longer than eight bytes (the high bit of the last byte; ASCII keys
/// never have it).
const LONG: u64 = 1 << 63;

/// Bits of the hashed bit set in front of the table (16 KiB).
const BITS_LOG2: u32 = 17;

/// Words of the bit set.
const BIT_WORDS: usize = 1 << (BITS_LOG2 - 6);

/// Suffixes Indonesian attaches to a name ("Rusianya", "Turkilah", "ASpun").
pub(super) const CLITICS: [&str; 4] = ["nya", "lah", "kah", "pun"];

/// [`CLITICS`] as little-endian three-byte codes, for [`is_clitic`].
const CLITIC_CODES: [u32; 4] = {
    let mut codes = [0; 4];
    let mut i = 0;
    while i < CLITICS.len() {
        let c = CLITICS[i].as_bytes();
        codes[i] = c[0] as u32 | (c[1] as u32) << 8 | (c[2] as u32) << 16;
        i += 1;
    }
    codes
};

/// A pattern whose first word has a key, for comparing it at a start directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Candidate {
    /// [`FOLD`] (compared in any ASCII case) or [`EXACT`].
    pub flag: u8,
    /// Its index in that automaton.
    pub pattern: u32,
    /// Its length in bytes.
    pub len: u32,
}

/// A key with more patterns than this leaves them to the automata (comparing many is slower
/// than one anchored search).
const MAX_CANDIDATES: usize = 16;

/// Marks a slot whose patterns are too many to compare one by one.
const TOO_MANY: (u32, u32) = (u32::MAX, u32::MAX);

/// What the filter found at a start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    /// The automata that may match there (0: none).
    pub flags: u8,
    /// The table slots of the word's key and of its stem's (without a clitic), or
    /// [`NO_SLOT`], or [`AUTOMATA`] when the filter cannot list the patterns.
    slots: [u32; 2],
}

/// A key not in the table.
const NO_SLOT: u32 = u32::MAX;
/// A start whose patterns the filter cannot list (non-ASCII, punctuation).
const AUTOMATA: u32 = u32::MAX - 1;

impl Hit {
    fn automata(flags: u8) -> Hit {
        Hit {
            flags,
            slots: [AUTOMATA; 2],
        }
    }
}

/// First words of patterns.
pub(super) struct FirstWords {
    /// Hashed bit set of the keys: most words are rejected by one bit.
    bits: Box<[u64; BIT_WORDS]>,
    /// Open addressing: keys (0 = empty) and the automata their patterns belong to.
    keys: Box<[u64]>,
    flags: Box<[u8]>,
    /// For a key with exact-case patterns: their first word's bytes as written (keyed like
    /// the folded key), or [`ANY_CASE`] when they differ; a word in another case does not run
    /// the exact automaton ("pan" is not the party "PAN").
    cases: Box<[u64]>,
    /// Per slot: the range of its patterns in `candidates`, or [`TOO_MANY`].
    lists: Box<[(u32, u32)]>,
    candidates: Box<[Candidate]>,
    /// Automata with a pattern that starts with neither a letter nor a digit.
    punctuation: u8,
}

impl FirstWords {
    /// The filter of `patterns`: (pattern as entered in an automaton, that automaton's flag,
    /// its index there).
    pub(super) fn new<'a>(patterns: impl IntoIterator<Item = (&'a str, u8, u32)>) -> FirstWords {
        let mut entries: Vec<(u64, u64, Candidate)> = Vec::new();
        let mut punctuation = 0;
        for (pattern, flag, index) in patterns {
            let word_len = pattern
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(pattern.len(), |(i, _)| i);
            let word = &pattern.as_bytes()[..word_len];
            if word.is_empty() {
                punctuation |= flag;
                continue;
            }
            // A non-ASCII letter in the first sixteen bytes: the text's word is never keyed.
            if word.iter().take(16).any(|b| !b.is_ascii()) {
                continue;
            }
            let candidate = Candidate {
                flag,
                pattern: index,
                len: pattern.len() as u32,
            };
            entries.push((Self::key_of(word), Self::raw_key_of(word), candidate));
        }
        let slots = (entries.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u64; slots].into_boxed_slice();
        let mut flags = vec![0u8; slots].into_boxed_slice();
        let mut cases = vec![0u64; slots].into_boxed_slice();
        let mut bits = Box::new([0u64; BIT_WORDS]);
        let mut per_slot: Vec<Vec<Candidate>> = vec![Vec::new(); slots];
        for (key, raw, candidate) in entries {
            let flag = candidate.flag;
            let h = Self::hash(key);
            let bit = Self::bit(h);
            bits[bit / 64] |= 1 << (bit % 64);
            let mut i = Self::slot(h, slots);
            while keys[i] != 0 && keys[i] != key {
                i = (i + 1) & (slots - 1);
            }
            keys[i] = key;
            if flag == EXACT {
                cases[i] = match cases[i] {
                    0 => raw,
                    c if c == raw => raw,
                    _ => ANY_CASE,
                };
            }
            flags[i] |= flag;
            per_slot[i].push(candidate);
        }
        let mut lists = Vec::with_capacity(slots);
        let mut candidates = Vec::new();
        for mut list in per_slot {
            if list.len() > MAX_CANDIDATES {
                lists.push(TOO_MANY);
                continue;
            }
            list.sort_by_key(|c| (std::cmp::Reverse(c.len), c.flag));
            let start = candidates.len() as u32;
            candidates.extend(list);
            lists.push((start, candidates.len() as u32));
        }
        FirstWords {
            bits,
            keys,
            flags,
            cases,
            lists: lists.into_boxed_slice(),
            candidates: candidates.into_boxed_slice(),
            punctuation,
        }
    }

    /// The key of a word of ASCII letters and digits.
    fn key_of(word: &[u8]) -> u64 {
        let raw = Self::raw_key_of(word);
        ascii_lower(raw & !LONG) | (raw & LONG)
    }

    /// [`FirstWords::key_of`] without folding case.
    fn raw_key_of(word: &[u8]) -> u64 {
        let mut eight = [0u8; 8];
        let n = word.len().min(8);
        eight[..n].copy_from_slice(&word[..n]);
        let key = u64::from_le_bytes(eight);
        if word.len() > 8 { key | LONG } else { key }
    }

    #[inline]
    fn hash(key: u64) -> u64 {
        key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    #[inline]
    fn bit(h: u64) -> usize {
        (h >> (64 - BITS_LOG2)) as usize
    }

    #[inline]
    fn slot(h: u64, slots: usize) -> usize {
        (h >> 20) as usize & (slots - 1)
    }

    /// The automata of the patterns whose first word is `key` (folded), written `raw`, and
    /// its slot in the table.
    #[inline(always)]
    fn get(&self, key: u64, raw: u64) -> (u8, u32) {
        let h = Self::hash(key);
        let bit = Self::bit(h);
        if self.bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return (0, NO_SLOT);
        }
        let mask = self.keys.len() - 1;
        let mut i = Self::slot(h, self.keys.len());
        loop {
            match self.keys[i] {
                k if k == key => {
                    let flags = self.flags[i];
                    let case = self.cases[i];
                    let flags = if flags & EXACT != 0 && case != raw && case != ANY_CASE {
                        flags & !EXACT
                    } else {
                        flags
                    };
                    return (flags, i as u32);
                }
                0 => return (0, NO_SLOT),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The hit of a word (`key`, written `raw`) and, when it ends like a clitic, of its stem.
    #[inline(always)]
    fn hit(&self, key: u64, raw: u64, stem: Option<(u64, u64)>) -> Hit {
        let (flags, slot) = self.get(key, raw);
        let (stem_flags, stem_slot) = match stem {
            Some((stem_key, stem_raw)) => self.get(stem_key, stem_raw),
            None => (0, NO_SLOT),
        };
        Hit {
            flags: flags | stem_flags,
            slots: [slot, stem_slot],
        }
    }

    /// The patterns that may match at a hit, when the filter can list them all: the word's
    /// and its stem's, each longest first, the fold automaton's before the exact one's of
    /// the same length. `None`: run the automata of [`Hit::flags`].
    pub(super) fn candidates(&self, hit: Hit) -> Option<[&[Candidate]; 2]> {
        let list = |slot: u32| match slot {
            NO_SLOT => Some(&[][..]),
            AUTOMATA => None,
            i => match *self.lists.get(i as usize)? {
                TOO_MANY => None,
                (start, end) => self.candidates.get(start as usize..end as usize),
            },
        };
        Some([list(hit.slots[0])?, list(hit.slots[1])?])
    }

    /// Whether a text may start with a pattern of no letter or digit at its start.
    pub(super) fn punctuation(&self) -> bool {
        self.punctuation != 0
    }

    /// The automata that may match at byte `pos` of `text` (a place where no letter or digit
    /// comes just before), and when it can tell, the patterns.
    #[inline(always)]
    pub(super) fn at(&self, text: &str, pos: usize) -> Hit {
        let bytes = &text.as_bytes()[pos..];
        let x = load(bytes);
        let other = !ascii_alnum(x) & HIGH;
        let folded = ascii_lower(x);
        if other != 0 {
            let len = (other.trailing_zeros() / 8) as usize;
            if x >> (8 * len) & 0x80 != 0 {
                return self.at_non_ascii(text, pos);
            }
            if len == 0 {
                return Hit::automata(self.punctuation);
            }
            let key = folded & low_bytes(len);
            let stem = (len >= 4 && is_clitic((key >> (8 * (len - 3))) as u32))
                .then(|| (key & low_bytes(len - 3), x & low_bytes(len - 3)));
            return self.hit(key, x & low_bytes(len), stem);
        }
        // Eight letters or digits: a key of eight bytes, marked when the word goes on.
        let y = load(bytes.get(8..).unwrap_or(&[]));
        let other = !ascii_alnum(y) & HIGH;
        let more = if other == 0 {
            8
        } else {
            (other.trailing_zeros() / 8) as usize
        };
        if more < 8 && y >> (8 * more) & 0x80 != 0 {
            return self.at_non_ascii(text, pos);
        }
        let len = 8 + more;
        let long = if len > 8 { LONG } else { 0 };
        // "Rusianya": the word without its clitic, when that changes the key.
        let stem = (len <= 11
            && is_clitic(
                ((u128::from(ascii_lower(y)) << 64 | u128::from(folded)) >> (8 * (len - 3))) as u32,
            ))
        .then(|| (folded & low_bytes(len - 3), x & low_bytes(len - 3)));
        self.hit(folded | long, x | long, stem)
    }

    /// [`FirstWords::at`] for a start whose word is known: `len` ASCII letters and digits,
    /// then the end of the text or an ASCII byte that is neither (the caller's masks tell).
    #[inline(always)]
    pub(super) fn at_word(&self, text: &str, pos: usize, len: usize) -> Hit {
        if len == 0 {
            return Hit::automata(self.punctuation);
        }
        let bytes = &text.as_bytes()[pos..];
        let x = load(bytes);
        // Within a word of ASCII letters and digits, setting 0x20 folds case.
        let folded = x | (ONES * 0x20);
        let mask = low_bytes(len);
        let long = if len > 8 { LONG } else { 0 };
        // "Rusianya": the word without its clitic, when that changes the key.
        let stem = (4..=11).contains(&len)
            && bytes
                .get(len - 3..len)
                .is_some_and(|c| is_clitic(load(c) as u32 | 0x20_2020));
        let stem = stem.then(|| {
            let stem_mask = low_bytes(len - 3);
            (folded & stem_mask, x & stem_mask)
        });
        self.hit(folded & mask | long, x & mask | long, stem)
    }

    /// [`FirstWords::at`] when a non-ASCII character ends the first ASCII letters and digits
    /// (within sixteen bytes).
    #[cold]
    #[inline(never)]
    fn at_non_ascii(&self, text: &str, pos: usize) -> Hit {
        let bytes = &text.as_bytes()[pos..];
        let len = bytes
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len());
        let next = text.get(pos + len..).and_then(|t| t.chars().next());
        if next.is_some_and(char::is_alphanumeric) {
            // A non-ASCII letter or digit within the first sixteen bytes (the caller checked).
            return Hit::automata(ALL);
        }
        if len == 0 {
            return Hit::automata(self.punctuation);
        }
        let word = &bytes[..len];
        let stem =
            (len >= 4 && len - 3 <= 8 && is_clitic(ascii_lower(load(&word[len - 3..])) as u32))
                .then(|| {
                    let stem = &word[..len - 3];
                    (Self::key_of(stem), Self::raw_key_of(stem))
                });
        self.hit(Self::key_of(word), Self::raw_key_of(word), stem)
    }
}

/// The high bit of each ASCII letter or digit among the bytes of `x`.
#[inline(always)]
fn ascii_alnum(x: u64) -> u64 {
    bytes_in_range(x | (ONES * 0x20), b'a', b'z') | bytes_in_range(x, b'0', b'9')
}

/// True when the low three bytes of `three` (ASCII-lower-cased) are an Indonesian clitic.
#[inline(always)]
fn is_clitic(three: u32) -> bool {
    CLITIC_CODES.contains(&(three & 0xff_ffff))
}

/// Up to eight bytes as a little-endian word, zeros past the end.
#[inline]
fn load(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => {
            let mut eight = [0u8; 8];
            eight[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(eight)
        }
    }
}

/// The low `n` bytes (n ≤ 8).
#[inline(always)]
fn low_bytes(n: usize) -> u64 {
    // A table: no branch on the word's length.
    const MASKS: [u64; 9] = {
        let mut masks = [u64::MAX; 9];
        let mut n = 0;
        while n < 8 {
            masks[n] = (1 << (8 * n)) - 1;
            n += 1;
        }
        masks
    };
    MASKS[n.min(8)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> FirstWords {
        FirstWords::new([
            ("rusia", FOLD, 0),
            ("amerika serikat", FOLD, 1),
            ("AS", EXACT, 0),
            ("u.s.", FOLD, 2),
            ("malaysia", FOLD, 3),
            ("kementerian pertahanan", FOLD, 4),
            ("türkiye", FOLD, 5),
            ("g20", FOLD, 6),
        ])
    }

    #[test]
    fn words_that_begin_a_pattern_pass() {
        let f = filter();
        let table: &[(&str, u8)] = &[
            ("Rusia menyerang", FOLD),
            ("RUSIA", FOLD),
            ("Rusianya", FOLD),
            ("Rusiapun", FOLD),
            ("Rusian", 0),
            ("Rusi", 0),
            ("Amerika Serikat", FOLD),
            // Passes: "amerika" + a clitic begins "Amerika Serikat" (the automaton decides).
            ("Amerikanya", FOLD),
            ("AS,", EXACT),
            ("as", 0),
            ("As", 0),
            ("ASnya", EXACT),
            ("ASnYA", EXACT),
            ("U.S.", FOLD),
            ("Malaysia", FOLD),
            ("Malaysianya", FOLD),
            ("Malaysian", 0),
            ("Kementerian Luar", FOLD),
            ("Kementeriannya", FOLD),
            // Keys hold eight bytes: a longer word passes on them.
            ("Kementerianku", FOLD),
            ("G20", FOLD),
            ("Rusia”", FOLD),
            ("Türkiye", ALL),
            ("Turki", 0),
            ("kelas", 0),
            ("(", 0),
        ];
        for &(text, expected) in table {
            assert_eq!(f.at(text, 0).flags, expected, "{text}");
        }
    }

    #[test]
    fn a_known_word_gives_what_reading_it_gives() {
        let f = filter();
        for text in [
            "Rusia menyerang",
            "RUSIA",
            "Rusianya",
            "Rusiapun,",
            "Rusian",
            "Amerikanya",
            "AS,",
            "as",
            "ASnya",
            "ASnYA",
            "Unya",
            "U.S.",
            "Malaysianya",
            "Malaysian",
            "Kementeriannya",
            "Kementerianku",
            "G20",
            "(",
            "kelas",
            "abcdefghijklmnopqrs",
        ] {
            let len = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
            let (known, read) = (f.at_word(text, 0, len), f.at(text, 0));
            assert_eq!(known.flags, read.flags, "{text}");
            assert_eq!(known, read, "{text}");
        }
    }

    #[test]
    fn long_words_with_a_letter_past_sixteen_bytes_are_keyed() {
        let f = FirstWords::new([("abcdefghijklmnopé", FOLD, 0)]);
        assert_eq!(f.at("abcdefghijklmnopé", 0).flags, FOLD);
        assert_eq!(f.at("abcdefghijklmnoé", 0).flags, ALL);
        assert_eq!(f.at("abcdefghijkl", 0).flags, FOLD);
    }
}
