//! Word-processor documents: DOCX (Office Open XML) and ODT (OpenDocument), one article per
//! document. Both are ZIPs of XML: the paragraphs of the body are read with quick-xml (a
//! streaming reader: no recursion, so no nesting can exhaust the stack), the title from the
//! document's properties or else its first paragraph.

use super::archive::{zip_entry, zip_names};
use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken};
use crate::model::ArticleDraft;
use quick_xml::events::Event;

/// How a format marks paragraphs and text in its XML (local names, without prefixes).
struct Markup {
    /// Elements that are paragraphs (or headings).
    paragraphs: &'static [&'static str],
    /// Elements whose text is the document's text; empty = all text inside paragraphs.
    text: &'static [&'static str],
    /// Elements that stand for a tab.
    tabs: &'static [&'static str],
    /// Elements that stand for a line break.
    breaks: &'static [&'static str],
    /// An element that stands for spaces (ODT's `text:s`, its count in `c`).
    spaces: Option<&'static str>,
}

const DOCX: Markup = Markup {
    paragraphs: &["p"],
    text: &["t"],
    tabs: &["tab"],
    breaks: &["br", "cr"],
    spaces: None,
};

const ODT: Markup = Markup {
    paragraphs: &["p", "h"],
    text: &[],
    tabs: &["tab"],
    breaks: &["line-break"],
    spaces: Some("s"),
};

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn is(name: &[u8], names: &[&str]) -> bool {
    let l = local(name);
    names.iter().any(|n| n.as_bytes() == l)
}

fn entity(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.decode().ok()?.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The paragraphs of a document's XML, in order, each trimmed; empty ones left out.
fn paragraphs(xml: &[u8], m: &Markup) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = Vec::new();
    let (mut current, mut in_para, mut in_text) = (String::new(), 0usize, 0usize);
    let mut buf = Vec::new();
    let take_text =
        |in_para: usize, in_text: usize| in_para > 0 && (m.text.is_empty() || in_text > 0);
    loop {
        buf.clear();
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?
        {
            Event::Start(e) => {
                let name = e.name();
                if is(name.as_ref(), m.paragraphs) {
                    in_para += 1;
                } else if is(name.as_ref(), m.text) {
                    in_text += 1;
                }
            }
            Event::End(e) => {
                let name = e.name();
                if is(name.as_ref(), m.paragraphs) {
                    in_para = in_para.saturating_sub(1);
                    if in_para == 0 {
                        let p = current.trim();
                        if !p.is_empty() {
                            out.push(p.to_string());
                        }
                        current.clear();
                    }
                } else if is(name.as_ref(), m.text) {
                    in_text = in_text.saturating_sub(1);
                }
            }
            Event::Empty(e) => {
                let name = e.name();
                if in_para == 0 {
                    continue;
                }
                if is(name.as_ref(), m.tabs) {
                    current.push('\t');
                } else if is(name.as_ref(), m.breaks) {
                    current.push('\n');
                } else if m
                    .spaces
                    .is_some_and(|s| local(name.as_ref()) == s.as_bytes())
                {
                    let n = e
                        .attributes()
                        .filter_map(Result::ok)
                        .find(|a| local(a.key.as_ref()) == b"c")
                        .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    current.extend(std::iter::repeat_n(' ', n));
                }
            }
            Event::Text(t) if take_text(in_para, in_text) => {
                current.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if take_text(in_para, in_text) => {
                current.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) if take_text(in_para, in_text) => {
                if let Some(c) = entity(&r) {
                    current.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The text of the first element named `name` (local name) in an XML file, if any.
fn first_text(xml: &[u8], name: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut inside = false;
    let mut out = String::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) if local(e.name().as_ref()) == name.as_bytes() => inside = true,
            Event::End(e) if inside && local(e.name().as_ref()) == name.as_bytes() => break,
            Event::Text(t) if inside => out.push_str(&t.decode().ok()?),
            Event::GeneralRef(r) if inside => out.extend(entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// One article of a document: the title from its properties, else its first paragraph.
fn document(
    format: Format,
    src: &Source<'_>,
    body: &str,
    meta: &str,
    markup: &Markup,
) -> Result<Parsed, IngestErrorKind> {
    let limit = src.options.max_file_bytes;
    let xml = zip_entry(src.bytes, body, limit).map_err(|e| broken(format, e))?;
    let paras = paragraphs(&xml, markup).map_err(|e| broken(format, e))?;
    if paras.is_empty() {
        return Err(broken(format, "no text in the document"));
    }
    // A news database's export saved as a document: its articles.
    let joined = paras.join("\n\n");
    if let Some(parsed) = super::newsdb::split_export(&joined)
        && !parsed.articles.is_empty()
    {
        return Ok(parsed);
    }
    let title = zip_entry(src.bytes, meta, limit)
        .ok()
        .and_then(|m| first_text(&m, "title"))
        .unwrap_or_else(|| paras[0].clone());
    Ok(Parsed::one(ArticleDraft {
        title,
        text: joined,
        ..ArticleDraft::default()
    }))
}

/// Word documents (`.docx`).
pub struct Docx;

impl Importer for Docx {
    fn format(&self) -> Format {
        Format("DOCX")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        zip_names(probe.bytes).is_some_and(|n| n.iter().any(|n| n == "word/document.xml"))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        document(
            self.format(),
            src,
            "word/document.xml",
            "docProps/core.xml",
            &DOCX,
        )
    }
}

/// OpenDocument texts (`.odt`).
pub struct Odt;

impl Importer for Odt {
    fn format(&self) -> Format {
        Format("ODT")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        zip_names(probe.bytes).is_some_and(|names| names.iter().any(|n| n == "content.xml"))
            && super::archive::zip_entry(probe.bytes, "mimetype", 200)
                .is_ok_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.text"))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        document(self.format(), src, "content.xml", "meta.xml", &ODT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_paragraphs_tabs_breaks_and_entities() {
        let xml = br#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Rusia &amp; Turki</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> bertemu</w:t></w:r></w:p>
            <w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
            <w:p><w:r><w:t>baris</w:t><w:br/><w:t>dua &#8220;kutip&#8221;</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let p = paragraphs(xml, &DOCX).expect("xml");
        assert_eq!(p, ["Rusia & Turki\t bertemu", "baris\ndua “kutip”"]);
    }

    #[test]
    fn odt_spaces_and_headings() {
        let xml = br#"<office:document-content xmlns:text="t"><office:body><office:text>
            <text:h>Judul</text:h><text:p>a<text:s text:c="3"/>b <text:span>c</text:span></text:p>
        </office:text></office:body></office:document-content>"#;
        let p = paragraphs(xml, &ODT).expect("xml");
        assert_eq!(p, ["Judul", "a   b c"]);
    }
}
