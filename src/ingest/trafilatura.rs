//! trafilatura's XML outputs: its own XML (`<doc title=… author=… date=… url=…
//! sitename=…><main>…</main><comments>…</comments></doc>`) and XML-TEI (`<TEI>` with a
//! `teiHeader` and a `text/body/div[@type="entry"]`). One article per file: the main text's
//! paragraphs, headings, list items and quotes; the readers' comments are left out; a first
//! heading that repeats the title is not text.

use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken};
use crate::model::{ArticleDraft, DateSource};
use quick_xml::events::{BytesStart, Event};

/// trafilatura's XML and XML-TEI files.
pub struct TrafilaturaXml;

/// Elements whose text is one paragraph of the main text.
const BLOCKS: &[&[u8]] = &[b"p", b"head", b"ab", b"item", b"quote", b"cell", b"lb"];

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .filter_map(Result::ok)
        .find(|a| local(a.key.as_ref()) == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.trim().to_string())
        })
        .filter(|v| !v.is_empty())
}

#[derive(Default)]
struct Read {
    title: String,
    author: String,
    date: String,
    url: String,
    site: String,
    paragraphs: Vec<String>,
}

fn read_xml(xml: &str) -> Result<Read, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Read::default();
    // Open elements (local names) and, for the TEI body, whether each is comments.
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut skip_depth: Option<usize> = None;
    let mut text_depth: Option<usize> = None;
    let mut current = String::new();
    // A header field being read: which, and at what depth.
    let mut field: Option<(&'static str, usize)> = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                let name = local(e.name().as_ref()).to_vec();
                if stack.len() >= super::format::MAX_MARKUP_DEPTH {
                    return Err("nested too deep".into());
                }
                let depth = stack.len();
                let in_header = stack.iter().any(|n| n == b"teiHeader");
                match name.as_slice() {
                    b"doc" if depth == 0 => {
                        out.title = attr(&e, b"title").unwrap_or_default();
                        out.author = attr(&e, b"author").unwrap_or_default();
                        out.date = attr(&e, b"date").unwrap_or_default();
                        out.url = attr(&e, b"url").unwrap_or_default();
                        out.site = attr(&e, b"sitename")
                            .or_else(|| attr(&e, b"hostname"))
                            .unwrap_or_default();
                    }
                    b"comments" => skip_depth = skip_depth.or(Some(depth)),
                    b"div" if attr(&e, b"type").as_deref() == Some("comments") => {
                        skip_depth = skip_depth.or(Some(depth));
                    }
                    b"title" if in_header && out.title.is_empty() => field = Some(("title", depth)),
                    b"author" if in_header && out.author.is_empty() => {
                        field = Some(("author", depth));
                    }
                    b"publisher" if in_header && out.site.is_empty() => {
                        field = Some(("site", depth));
                    }
                    b"date" if in_header && out.date.is_empty() && attr(&e, b"type").is_none() => {
                        field = Some(("date", depth));
                    }
                    _ if skip_depth.is_none()
                        && !in_header
                        && text_depth.is_none()
                        && BLOCKS.contains(&name.as_slice()) =>
                    {
                        text_depth = Some(depth);
                        current.clear();
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = local(e.name().as_ref()).to_vec();
                if name == b"ptr"
                    && attr(&e, b"type").as_deref() == Some("URL")
                    && out.url.is_empty()
                {
                    out.url = attr(&e, b"target").unwrap_or_default();
                } else if name == b"lb" && text_depth.is_some() {
                    current.push(' ');
                }
            }
            Event::End(_) => {
                stack.pop();
                let depth = stack.len();
                if field.is_some_and(|(_, d)| d == depth) {
                    if let Some((which, _)) = field.take() {
                        let value = current.trim().to_string();
                        match which {
                            "title" => out.title = value,
                            "author" => out.author = value,
                            "site" => out.site = value,
                            _ => out.date = value,
                        }
                    }
                    current.clear();
                }
                if text_depth == Some(depth) {
                    text_depth = None;
                    let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !p.is_empty() {
                        out.paragraphs.push(p);
                    }
                    current.clear();
                }
                if skip_depth == Some(depth) {
                    skip_depth = None;
                }
            }
            Event::Text(t) if field.is_some() || text_depth.is_some() => {
                current.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if field.is_some() || text_depth.is_some() => {
                current.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) if field.is_some() || text_depth.is_some() => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    current.push(c);
                } else if let Ok(name) = r.decode() {
                    current.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

impl Importer for TrafilaturaXml {
    fn format(&self) -> Format {
        Format("trafilatura XML")
    }

    fn is_markup(&self) -> bool {
        true
    }

    fn claims_text(&self, _probe: &Probe<'_>, text: &str) -> bool {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let head = head
            .strip_prefix("<?xml")
            .and_then(|h| h.split_once("?>"))
            .map_or(head, |(_, rest)| rest.trim_start());
        (head.starts_with("<doc ") && head.contains("<main"))
            || (head.starts_with("<TEI") && head.contains("tei-c.org"))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let r = read_xml(src.text()).map_err(|e| broken(self.format(), e))?;
        let mut paragraphs = r.paragraphs;
        if paragraphs.first().is_some_and(|p| *p == r.title) {
            paragraphs.remove(0);
        }
        if paragraphs.is_empty() && r.title.is_empty() {
            return Err(broken(self.format(), "no text in the document"));
        }
        let published = super::dates::parse_date_value(&r.date);
        // TEI's publisher reads "Site (host)".
        let site = r
            .site
            .split_once(" (")
            .map_or(r.site.as_str(), |(s, _)| s)
            .trim()
            .to_string();
        Ok(Parsed::one(ArticleDraft {
            title: r.title,
            text: paragraphs.join("\n\n"),
            source: site,
            url: r.url,
            byline: r.author,
            date_source: if published.is_some() {
                DateSource::Metadata
            } else {
                DateSource::None
            },
            published,
            ..ArticleDraft::default()
        }))
    }
}
