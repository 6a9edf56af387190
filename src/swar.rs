//! Eight bytes of text at a time in a `u64` ("SIMD within a register"): which bytes of a
//! block belong to a class, as the high bit of each byte of a mask. Used by the tagger's
//! scan, the normaliser and the dedup hash to pass plain runs of ASCII quickly.

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

#[cfg(test)]
mod tests {
    use super::*;

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
