//! Near-duplicate articles: a MinHash signature over word shingles, and the keys of its bands
//! (locality-sensitive hashing) that find the articles it may be a copy of.
//!
//! Written here: MinHash is a few lines over a byte hash (FNV-1a) of each word, and the
//! crates for it either fix the shingling (characters, not words) or bring a whole index
//! that would live beside the store's. The parameters favour precision, as counting two
//! different stories as one is worse than counting one story twice: shingles of five words,
//! 60 hashes (one permutation hashing, one operation per shingle) in 20 bands of 3 (a pair of
//! articles becomes a candidate with probability 0.73 at Jaccard 0.4, 0.93 at 0.5, 0.99 at
//! 0.6, 0.02 at 0.1), and a candidate joins the story only when the signatures agree on at
//! least [`SAME_STORY`] of their hashes. On news, two different stories share almost no
//! five-word shingles (under 0.05); a copy of an article of eight paragraphs with another
//! credit line and one paragraph changed keeps about 0.7 of them.

/// Hashes in a signature.
pub const HASHES: usize = 60;
/// Bands of the signature, each a lookup key.
pub const BANDS: usize = 20;
/// Hashes per band.
const ROWS: usize = HASHES / BANDS;
/// Words per shingle.
const SHINGLE: usize = 5;
/// Texts with fewer words get no signature: too short to tell a copy from a look-alike (only
/// exact copies are grouped).
pub const MIN_WORDS: usize = 40;
/// Share of agreeing hashes (the estimated Jaccard similarity of the shingle sets) from which
/// two articles are the same story.
pub const SAME_STORY: f64 = 0.5;

/// A text's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinHash(pub [u32; HASHES]);

/// Multipliers and offsets of the hash family (odd multipliers from a fixed seed).
const fn family() -> ([u64; HASHES], [u64; HASHES]) {
    let mut a = [0u64; HASHES];
    let mut b = [0u64; HASHES];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut i = 0;
    while i < HASHES {
        // splitmix64
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        a[i] = (z ^ (z >> 31)) | 1;
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        b[i] = z ^ (z >> 31);
        i += 1;
    }
    (a, b)
}

/// Offsets of borrowed bins.
const FAMILY: ([u64; HASHES], [u64; HASHES]) = family();

impl MinHash {
    /// The signature of a text's words (runs of letters and digits, ASCII lower-cased), or
    /// `None` for a text of fewer than [`MIN_WORDS`] words.
    pub fn of(text: &str) -> Option<MinHash> {
        // Words in one pass over the bytes: runs of ASCII letters and digits (lower-cased)
        // and of non-ASCII bytes, each hashed as it is read (FNV-1a, then mixed).
        let mut words: Vec<u64> = Vec::with_capacity(text.len() / 6);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut in_word = false;
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() || b >= 0x80 {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
                in_word = true;
            } else if in_word {
                words.push(h ^ (h >> 32));
                h = 0xcbf2_9ce4_8422_2325;
                in_word = false;
            }
        }
        if in_word {
            words.push(h ^ (h >> 32));
        }
        if words.len() < MIN_WORDS {
            return None;
        }
        // One permutation hashing (Li, Owen and Zhang 2012): each shingle's hash falls in one
        // of the bins and only lowers that bin's minimum (one operation per shingle, not one
        // per hash); an empty bin borrows from the next full one, offset by the distance
        // (densification by rotation, Shrivastava and Li 2014).
        let mut bins = [u32::MAX; HASHES];
        let mut full = [false; HASHES];
        for window in words.windows(SHINGLE) {
            let mut s: u64 = 0;
            for &w in window {
                s = (s.rotate_left(23) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            }
            s ^= s >> 29;
            let bin = (((s >> 32) * HASHES as u64) >> 32) as usize;
            let v = s as u32;
            if v < bins[bin] {
                bins[bin] = v;
            }
            full[bin] = true;
        }
        let mut sig = bins;
        for i in 0..HASHES {
            if full[i] {
                continue;
            }
            let mut j = 1;
            while j < HASHES && !full[(i + j) % HASHES] {
                j += 1;
            }
            sig[i] = bins[(i + j) % HASHES].wrapping_add(FAMILY.0[j % HASHES] as u32);
        }
        Some(MinHash(sig))
    }

    /// The share of hashes two signatures agree on: an estimate of the Jaccard similarity of
    /// the two texts' shingles.
    pub fn similarity(&self, other: &MinHash) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The lookup key of each band.
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut bytes = [0u8; 4 * ROWS + 1];
            bytes[0] = band as u8;
            for (j, v) in self.0[band * ROWS..(band + 1) * ROWS].iter().enumerate() {
                bytes[1 + 4 * j..5 + 4 * j].copy_from_slice(&v.to_le_bytes());
            }
            *key = xxhash_rust::xxh3::xxh3_64(&bytes) as i64;
        }
        keys
    }

    /// As stored: little-endian bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// From stored bytes; `None` when they are not a signature.
    pub fn from_bytes(bytes: &[u8]) -> Option<MinHash> {
        if bytes.len() != 4 * HASHES {
            return None;
        }
        let mut sig = [0u32; HASHES];
        for (i, c) in bytes.chunks_exact(4).enumerate() {
            sig[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(MinHash(sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Pemerintah Rusia mengecam serangan udara yang menghantam pinggiran kota Aleppo di Suriah pada Selasa malam. Menteri luar negeri Turki menyerukan perundingan segera di bawah naungan Perserikatan Bangsa-Bangsa. Sejumlah diplomat menyebut pertemuan di Jenewa pekan depan sebagai kesempatan terakhir untuk gencatan senjata, sementara warga sipil terus mengungsi ke perbatasan Turki. Kementerian Pertahanan Rusia membantah pesawatnya terlibat dalam serangan tersebut.";

    #[test]
    fn copies_agree_and_other_stories_do_not() {
        let a = MinHash::of(STORY).expect("long enough");
        let credit = format!("Jakarta, CNN Indonesia -- {STORY}");
        let b = MinHash::of(&credit).expect("long enough");
        assert!(a.similarity(&b) >= 0.8, "{}", a.similarity(&b));
        let other = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi. Jalan sepanjang 120 kilometer itu menghubungkan Semarang dan Solo dan diharapkan memangkas waktu tempuh hingga dua jam. Menteri Pekerjaan Umum menyebut proyek ini menyerap ribuan tenaga kerja lokal, sementara warga berharap tarifnya terjangkau bagi pengemudi truk dan bus antarkota.";
        let c = MinHash::of(other).expect("long enough");
        assert!(a.similarity(&c) < 0.1, "{}", a.similarity(&c));
        assert_eq!(MinHash::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(a.band_keys().len(), BANDS);
        assert!(MinHash::of("Terlalu pendek untuk disebut salinan.").is_none());
        // Case and punctuation do not matter.
        let shouted = STORY.to_uppercase().replace(',', " ,");
        assert_eq!(MinHash::of(&shouted), Some(a));
    }
}
