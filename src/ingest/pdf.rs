//! PDF clippings with a text layer, read with lopdf: one article per document, its pages'
//! text in order, the title from the document's information or else its first line. A PDF
//! whose pages hold no text (a scan) is refused as "scanned PDF: no text layer" (pantau does
//! no OCR). A Nexis export saved as PDF is split into its articles.

use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken};
use crate::model::ArticleDraft;

/// PDF documents.
pub struct Pdf;

/// The document's own title (its information dictionary), if it has one.
fn info_title(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let dict = match info {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        lopdf::Object::Dictionary(d) => d,
        _ => return None,
    };
    let title = dict.get(b"Title").ok()?;
    let bytes = title.as_str().ok()?;
    let text = if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Lines of extracted text as paragraphs: a line that ends a sentence, or a blank line,
/// ends a paragraph; other line breaks are the layout's and become spaces.
fn reflow(text: &str) -> String {
    let mut out = String::new();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut String| {
        let p = para.trim();
        if !p.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(p);
        }
        para.clear();
    };
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(l);
        if l.ends_with(['.', '!', '?', '"', '”']) {
            flush(&mut para, &mut out);
        }
    }
    flush(&mut para, &mut out);
    out
}

impl Importer for Pdf {
    fn format(&self) -> Format {
        Format("PDF")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        probe.bytes.starts_with(b"%PDF-")
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let format = self.format();
        // lopdf is a parser of a hostile format: a fault is this file's error.
        let result =
            std::panic::catch_unwind(|| -> Result<(Option<String>, String, usize), String> {
                let doc = lopdf::Document::load_mem(src.bytes).map_err(|e| e.to_string())?;
                let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
                let mut text = String::new();
                for page in &pages {
                    // A page whose text cannot be read is left out (said below when all are).
                    if let Ok(t) = doc.extract_text(&[*page]) {
                        text.push_str(&t);
                        text.push_str("\n\n");
                    }
                }
                Ok((info_title(&doc), text, pages.len()))
            });
        let (title, raw, pages) = match result {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => return Err(broken(format, e)),
            Err(_) => return Err(broken(format, "the PDF reader failed on this file")),
        };
        if raw.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
            return Err(IngestErrorKind::Parse {
                format,
                message: format!("scanned PDF: no text layer ({pages} pages; pantau does no OCR)"),
            });
        }
        if let Some(parsed) = super::newsdb::split_export(&raw)
            && !parsed.articles.is_empty()
        {
            return Ok(parsed);
        }
        let text = reflow(&raw);
        let title = title.unwrap_or_else(|| {
            text.lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect()
        });
        Ok(Parsed::one(ArticleDraft {
            title,
            text,
            ..ArticleDraft::default()
        }))
    }
}
