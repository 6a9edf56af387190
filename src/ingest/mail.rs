//! Mail: newsletters and alert mails saved as EML, or many in an MBOX. One article per mail:
//! its subject as the title, its HTML part through the HTML extractor (else its plain-text
//! part), the mailing list or the sender as the source, its `Date` header as the date (as
//! the sender wrote it). Parsed with mail-parser.

use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken};
use crate::model::{ArticleDraft, DateSource};
use mail_parser::{Message, MessageParser};

/// Header names that start a mail saved from a mail program.
const HEADERS: [&str; 10] = [
    "from:",
    "received:",
    "return-path:",
    "mime-version:",
    "delivered-to:",
    "date:",
    "subject:",
    "message-id:",
    "to:",
    "x-",
];

fn looks_like_headers(head: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    let mut lines = start.lines().take_while(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    HEADERS.iter().any(|h| first.starts_with(h))
        && start.contains("\nsubject:")
        && (start.contains("\nfrom:") || start.starts_with("from:"))
}

/// One mail as an article (`None` when it has neither subject nor body).
fn mail_article(msg: &Message<'_>) -> Option<(ArticleDraft, Option<String>)> {
    let title = msg.subject().unwrap_or_default().trim().to_string();
    let mut warning = None;
    let text = match msg.body_html(0) {
        Some(html) => match super::html::parse_html(&html) {
            Ok(page) => page.text,
            Err(e) => {
                warning = Some(format!("mail {title:?}: its HTML part: {e}"));
                msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default()
            }
        },
        None => msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
    };
    if title.is_empty() && text.trim().is_empty() {
        return None;
    }
    let list = msg
        .list_id()
        .as_text()
        .map(|l| l.trim().trim_matches(['<', '>']).to_string());
    let sender = msg.from().and_then(|a| a.first()).and_then(|a| {
        a.name()
            .map(str::to_string)
            .or_else(|| a.address().map(str::to_string))
    });
    let published = msg.date().and_then(|d| {
        chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?
            .and_hms_opt(u32::from(d.hour), u32::from(d.minute), u32::from(d.second))
    });
    Some((
        ArticleDraft {
            title,
            text: text.trim().to_string(),
            source: list.or(sender).unwrap_or_default(),
            url: String::new(),
            date_source: if published.is_some() {
                DateSource::Metadata
            } else {
                DateSource::None
            },
            published,
            source_id: msg.message_id().unwrap_or_default().to_string(),
            ..ArticleDraft::default()
        },
        warning,
    ))
}

/// One mail (`.eml`).
pub struct Eml;

impl Importer for Eml {
    fn format(&self) -> Format {
        Format("mail")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        probe.ext == "eml" || (probe.ext != "mbox" && looks_like_headers(probe.bytes))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let msg = MessageParser::default()
            .parse(src.bytes)
            .ok_or_else(|| broken(self.format(), "not a mail message"))?;
        let (article, warning) =
            mail_article(&msg).ok_or_else(|| broken(self.format(), "no subject and no text"))?;
        Ok(Parsed {
            articles: vec![article],
            warnings: warning.into_iter().collect(),
        })
    }
}

/// A mailbox of many mails (`.mbox`).
pub struct Mbox;

impl Importer for Mbox {
    fn format(&self) -> Format {
        Format("MBOX")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        probe.ext == "mbox"
            || (probe.bytes.starts_with(b"From ")
                && probe
                    .bytes
                    .iter()
                    .position(|&b| b == b'\n')
                    .is_some_and(|nl| looks_like_headers(&probe.bytes[nl + 1..])))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let mut out = Parsed::default();
        let parser = MessageParser::default();
        for (i, raw) in mail_parser::mailbox::mbox::MessageIterator::new(src.bytes).enumerate() {
            let raw = match raw {
                Ok(r) => r,
                Err(e) => {
                    out.warnings.push(format!("mail {}: {e}", i + 1));
                    continue;
                }
            };
            let Some(msg) = parser.parse(raw.contents()) else {
                out.warnings
                    .push(format!("mail {}: not a mail message, skipped", i + 1));
                continue;
            };
            match mail_article(&msg) {
                Some((mut article, warning)) => {
                    if article.source_id.is_empty() {
                        article.source_id = format!("mail {}", i + 1);
                    }
                    out.articles.push(article);
                    out.warnings.extend(warning);
                }
                None => out
                    .warnings
                    .push(format!("mail {}: no subject and no text, skipped", i + 1)),
            }
        }
        Ok(out)
    }
}

/// Pages saved by a browser as one file (`.mhtml`, `.mht`: MIME, the page and its parts):
/// the HTML part through the HTML extractor, the saved address as the URL.
pub struct Mhtml;

impl Importer for Mhtml {
    fn format(&self) -> Format {
        Format("MHTML")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        let head = String::from_utf8_lossy(&probe.bytes[..probe.bytes.len().min(4096)])
            .to_ascii_lowercase();
        // Browsers mark what they saved; a mail with inline pictures is multipart/related too.
        matches!(probe.ext, "mhtml" | "mht")
            || (head.contains("multipart/related")
                && (head.contains("snapshot-content-location:") || head.contains("<saved by")))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let msg = MessageParser::default()
            .parse(src.bytes)
            .ok_or_else(|| broken(self.format(), "not a MIME document"))?;
        let html = msg
            .body_html(0)
            .ok_or_else(|| broken(self.format(), "no HTML part"))?;
        let depth = super::format::markup_depth(&html, super::format::MAX_MARKUP_DEPTH);
        if depth > super::format::MAX_MARKUP_DEPTH {
            return Err(IngestErrorKind::TooDeep {
                depth,
                limit: super::format::MAX_MARKUP_DEPTH,
            });
        }
        let mut page = super::html::parse_html(&html).map_err(|e| broken(self.format(), e))?;
        if page.url.is_empty() {
            page.url = msg
                .header_raw("Snapshot-Content-Location")
                .or_else(|| msg.header_raw("Content-Location"))
                .unwrap_or_default()
                .trim()
                .to_string();
        }
        if page.title.is_empty() {
            page.title = msg.subject().unwrap_or_default().trim().to_string();
        }
        Ok(Parsed::one(page))
    }
}
