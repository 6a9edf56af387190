//! The key that makes two articles "the same" (the store stores each text once).

use super::ArticleDraft;

/// The key that makes two articles "the same": a 128-bit hash of the text lower-cased with
/// white space collapsed (of the title and URL when there is no text).
pub fn text_hash(article: &ArticleDraft) -> [u8; 16] {
    /// Each word lower-cased and followed by one space, fed in one piece (the same hash as
    /// feeding word by word).
    fn feed(h: &mut xxhash_rust::xxh3::Xxh3, buf: &mut Vec<u8>, s: &str) {
        buf.clear();
        if s.is_ascii() {
            // The whole text lower-cased at once, then only the white space that is not a
            // single ' ' between two words rewritten (news has a line break per paragraph,
            // not one per word).
            buf.extend_from_slice(s.as_bytes());
            buf.make_ascii_lowercase();
            let end = buf.len();
            let mut read = buf.iter().position(|&b| !is_ascii_space(b)).unwrap_or(end);
            let mut write = 0;
            while read < end {
                let run_end = next_irregular_space(buf, read);
                if write != read {
                    buf.copy_within(read..run_end, write);
                }
                write += run_end - read;
                if run_end == end {
                    break;
                }
                buf[write] = b' ';
                write += 1;
                read = run_end;
                while read < end && is_ascii_space(buf[read]) {
                    read += 1;
                }
            }
            buf.truncate(write);
            if buf.last().is_some_and(|&b| b != b' ') {
                buf.push(b' ');
            }
        } else {
            for word in s.split_whitespace() {
                buf.extend_from_slice(word.to_lowercase().as_bytes());
                buf.push(b' ');
            }
        }
        h.update(buf);
    }
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = Vec::with_capacity(article.text.len() + 1);
    if article.text.trim().is_empty() {
        feed(&mut h, &mut buf, &article.title);
        h.update(b"\x00");
        feed(&mut h, &mut buf, &article.url);
    } else {
        feed(&mut h, &mut buf, &article.text);
    }
    h.digest128().to_le_bytes()
}

/// ASCII white space as `char::is_whitespace` has it ('\t', '\n', '\x0b', '\x0c', '\r', ' ').
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The first white space at or after `from` in ASCII `bytes` that is not one ' ' followed by
/// a word (or the end). Eight bytes at a time.
fn next_irregular_space(bytes: &[u8], mut from: usize) -> usize {
    use crate::swar::{block_and_next, bytes_equal, bytes_in_range};
    while let Some((x, next)) = block_and_next(bytes, from) {
        let control = bytes_in_range(x, b'\t', b'\r');
        let space = bytes_equal(x, b' ');
        let next_space = bytes_in_range(next, b'\t', b'\r') | bytes_equal(next, b' ');
        let irregular = control | (space & next_space);
        if irregular != 0 {
            return from + (irregular.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < bytes.len() {
        let b = bytes[from];
        if is_ascii_space(b)
            && (b != b' ' || bytes.get(from + 1).is_none_or(|&n| is_ascii_space(n)))
        {
            return from;
        }
        from += 1;
    }
    from
}
