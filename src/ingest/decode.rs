//! Bytes to text: BOMs, UTF-8, UTF-16, legacy single-byte encodings, binary detection.

use super::IngestErrorKind;

/// A file's text after decoding.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was read as ("UTF-8", "UTF-16LE", "windows-1252", ...).
    pub encoding: &'static str,
    /// Whether invalid byte sequences were replaced with U+FFFD.
    pub replaced_bytes: bool,
    /// Stray NUL bytes removed from an otherwise clean UTF-8 text (a few in a big page).
    pub nul_bytes_removed: usize,
}

/// Decodes a file's bytes. Refuses empty and whitespace-only files and binary data.
///
/// Order: a BOM decides (UTF-8, UTF-16LE/BE); then UTF-16 without a BOM (NUL bytes in every
/// other position); then NUL or control bytes mean binary; then UTF-8 (a few invalid sequences
/// in otherwise valid UTF-8 are replaced and reported); else the legacy encoding `chardetng`
/// finds most likely (Windows-1252 for Western text).
pub fn decode(bytes: &[u8]) -> Result<Decoded, IngestErrorKind> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), encoding.name(), replaced);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), encoding.name(), replaced);
    }
    if let Some(clean) = without_stray_nuls(bytes) {
        let removed = bytes.len() - clean.len();
        let mut decoded = decode(&clean)?;
        decoded.nul_bytes_removed = removed;
        return Ok(decoded);
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(IngestErrorKind::Binary(reason));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_owned(), "UTF-8", false),
        Err(_) if mostly_utf8(bytes) => {
            finish(String::from_utf8_lossy(bytes).into_owned(), "UTF-8", true)
        }
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, replaced) = encoding.decode_without_bom_handling(bytes);
            finish(text.into_owned(), encoding.name(), replaced)
        }
    }
}

fn finish(
    text: String,
    encoding: &'static str,
    replaced_bytes: bool,
) -> Result<Decoded, IngestErrorKind> {
    if text.trim().is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    if text.contains('\0') {
        return Err(IngestErrorKind::Binary("NUL characters in the text".into()));
    }
    Ok(Decoded {
        text,
        encoding,
        replaced_bytes,
        nul_bytes_removed: 0,
    })
}

/// UTF-16 without a BOM: at least 1/3 of the first bytes are NUL, nearly all on one parity.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in sample.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let half = sample.len() / 2;
    if odd * 10 >= half * 6 && even * 20 <= half {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= half * 6 && odd * 20 <= half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The bytes without their NULs when those are strays in a text: at most one in a thousand
/// bytes (and at most 256), and what is left is UTF-8 with no other control bytes to speak
/// of. Binary files have NULs everywhere.
fn without_stray_nuls(bytes: &[u8]) -> Option<Vec<u8>> {
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls == 0 || nuls > 256 || nuls * 1000 > bytes.len() {
        return None;
    }
    let clean: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    (std::str::from_utf8(&clean).is_ok() && binary_reason(&clean).is_none()).then_some(clean)
}

/// Why the bytes look binary, if they do: a NUL byte, or many control bytes, in the first 8 KiB.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = memchr_nul(sample) {
        return Some(format!("NUL byte at offset {pos}"));
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > sample.len().max(1) {
        return Some(format!(
            "{controls} control bytes in the first {} bytes",
            sample.len()
        ));
    }
    None
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// True when invalid sequences are rare among valid multi-byte UTF-8 (a damaged UTF-8 file,
/// not a legacy encoding).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                invalid += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
            }
        }
    }
    valid_multibyte >= 2 * invalid && valid_multibyte > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Jakarta – Rusia"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes()),
            )
            .collect();
        let utf16be_nobom: Vec<u8> = "Rusia dan Turki"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let cases: Vec<(&str, Vec<u8>, &str, &str, bool)> = vec![
            (
                "utf8",
                "Türkiye".as_bytes().to_vec(),
                "Türkiye",
                "UTF-8",
                false,
            ),
            (
                "utf8 bom",
                b"\xEF\xBB\xBFRusia".to_vec(),
                "Rusia",
                "UTF-8",
                false,
            ),
            ("utf16le bom", utf16le, "Jakarta – Rusia", "UTF-16LE", false),
            (
                "utf16be no bom",
                utf16be_nobom,
                "Rusia dan Turki",
                "UTF-16BE",
                false,
            ),
            (
                "latin1",
                b"Caf\xe9 in S\xe3o Paulo and M\xfcnchen".to_vec(),
                "Café in São Paulo and München",
                "windows-1252",
                false,
            ),
            (
                "damaged utf8",
                b"T\xc3\xbcrkiye \xff dan Rusia \xc3\xa9\xc3\xa9".to_vec(),
                "Türkiye \u{fffd} dan Rusia éé",
                "UTF-8",
                true,
            ),
        ];
        for (name, bytes, text, encoding, replaced) in cases {
            let d = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(d.text, text, "{name}");
            assert_eq!(d.encoding, encoding, "{name}");
            assert_eq!(d.replaced_bytes, replaced, "{name}");
        }
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert!(matches!(decode(b""), Err(IngestErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t \r\n"), Err(IngestErrorKind::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(IngestErrorKind::Binary(_))
        ));
        assert!(matches!(
            decode(&[1, 2, 3, 4, 5, 6, 7, 8, 65, 66]),
            Err(IngestErrorKind::Binary(_))
        ));
    }
}

#[cfg(test)]
mod nul_tests {
    use super::*;

    #[test]
    fn a_few_stray_nuls_in_a_page_are_removed() {
        let mut page = "<html><body><p>Rusia dan Turki bertemu.</p></body></html>\n"
            .repeat(400)
            .into_bytes();
        for i in 0..22 {
            page.insert(i * 700 + 5, 0);
        }
        let d = decode(&page).expect("a page");
        assert_eq!(d.nul_bytes_removed, 22);
        assert!(!d.text.contains('\0'));
        // NULs all through: binary.
        assert!(matches!(
            decode(b"Rusia\0dan\0Turki"),
            Err(IngestErrorKind::Binary(_))
        ));
        let mut bin = vec![0u8; 4000];
        bin.extend_from_slice(b"Rusia");
        assert!(decode(&bin).is_err());
    }
}
