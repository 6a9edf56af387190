//! Eight bytes of text at a time in a `u64` ("SIMD within a register"): which bytes of a
//! block belong to a class, as the high bit of each byte of a mask. Used by the tagger's
//! scan, the normaliser and the dedup hash to pass plain runs of ASCII quickly. And sixteen
//! at a time in a vector register ([`Block16`], through `wide`: SSE2 on x86-64, NEON on
//! ARM, plain code elsewhere), one bit per byte.

use wide::{CmpEq, CmpGt, CmpLt, i8x16};

/// 0x01 in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte: set exactly on the bytes that are not ASCII.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each ASCII byte of `x` that lies in `lo..=hi` (non-ASCII bytes never).
#[inline]
pub(crate) fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & !HIGH;
    let ge = low7.wrapping_add(ONES * u64::from(0x80 - lo));
    let gt = low7.wrapping_add(ONES * u64::from(0x7f - hi));
    ge & !gt & !x & HIGH
}

/// The high bit of each byte of `x` equal to the ASCII byte `c`.
#[inline]
pub(crate) fn bytes_equal(x: u64, c: u8) -> u64 {
    bytes_in_range(x, c, c)
}

/// `x` with its ASCII capitals lower-cased (0x20 added to every byte in 'A'..='Z').
#[inline]
pub(crate) fn ascii_lower(x: u64) -> u64 {
    x | (bytes_in_range(x, b'A', b'Z') >> 2)
}

/// The eight bytes of `bytes` from `i` (little-endian: byte `i` is the lowest), and the eight
/// from `i + 1`; `None` when fewer than nine bytes are left.
#[inline]
pub(crate) fn block_and_next(bytes: &[u8], i: usize) -> Option<(u64, u64)> {
    let nine = bytes.get(i..i + 9)?;
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&nine[..8]);
    let x = u64::from_le_bytes(eight);
    Some((x, x >> 8 | u64::from(nine[8]) << 56))
}

/// Sixteen bytes of text; each class is a mask with bit `i` for byte `i`.
#[derive(Clone, Copy)]
pub(crate) struct Block16(i8x16);

impl Block16 {
    #[inline(always)]
    pub(crate) fn new(bytes: &[u8; 16]) -> Block16 {
        Block16(i8x16::from(bytes.map(|b| b as i8)))
    }

    /// The bytes that are not ASCII.
    #[inline(always)]
    pub(crate) fn non_ascii(self) -> u32 {
        self.0.move_mask() as u32
    }

    /// The ASCII letters and digits.
    #[inline(always)]
    pub(crate) fn alnum(self) -> u32 {
        let x = self.0;
        let lower = x | i8x16::splat(0x20);
        let letter =
            lower.cmp_gt(i8x16::splat(b'a' as i8 - 1)) & lower.cmp_lt(i8x16::splat(b'z' as i8 + 1));
        let digit = x.cmp_gt(i8x16::splat(b'0' as i8 - 1)) & x.cmp_lt(i8x16::splat(b'9' as i8 + 1));
        (letter | digit).move_mask() as u32
    }

    /// The bytes equal to the ASCII byte `c`.
    #[inline(always)]
    pub(crate) fn equal(self, c: u8) -> u32 {
        self.0.cmp_eq(i8x16::splat(c as i8)).move_mask() as u32
    }

    /// The bytes below the ASCII byte `c`, and those that are not ASCII.
    #[inline(always)]
    pub(crate) fn below_or_non_ascii(self, c: u8) -> u32 {
        self.0.cmp_lt(i8x16::splat(c as i8)).move_mask() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block16_classes_match_byte_by_byte() {
        let mut all: Vec<u8> = (0..=255).collect();
        all.extend_from_slice(b"Az09`  x");
        for chunk in all.chunks_exact(16) {
            let b = Block16::new(chunk.try_into().expect("sixteen"));
            for (i, &c) in chunk.iter().enumerate() {
                let bit = |m: u32| m >> i & 1 == 1;
                assert_eq!(bit(b.non_ascii()), !c.is_ascii(), "{c}");
                assert_eq!(bit(b.alnum()), c.is_ascii_alphanumeric(), "{c}");
                assert_eq!(bit(b.equal(b' ')), c == b' ', "{c}");
                assert_eq!(
                    bit(b.below_or_non_ascii(0x20)),
                    !(0x20..0x80).contains(&c),
                    "{c}"
                );
            }
        }
    }

    #[test]
    fn masks_match_byte_by_byte_classes() {
        let text = b"aZ 09`\t\x7f\xc3\xa9.Hx  yz";
        for i in 0..text.len() - 8 {
            let (x, next) = block_and_next(text, i).expect("block");
            for k in 0..8 {
                let (b, n) = (text[i + k], text[i + k + 1]);
                let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(bytes_in_range(x, b'a', b'z')), b.is_ascii_lowercase());
                assert_eq!(bit(bytes_in_range(x, 0, 0x1f)), b < 0x20);
                assert_eq!(bit(bytes_equal(x, b'`')), b == b'`');
                assert_eq!(bit(bytes_equal(next, b' ')), n == b' ');
                assert_eq!(bit(x & HIGH), !b.is_ascii());
            }
        }
        assert_eq!(block_and_next(b"12345678", 0), None);
    }
}
