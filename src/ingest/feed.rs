//! RSS 0.9x/1.0/2.0, Atom and JSON Feed: one article per item.
//!
//! Parsing is done by [`feed_rs`]. The text handed in is already decoded, so the XML
//! declaration's `encoding=` is rewritten to UTF-8 first; an `<rss>` root without a version
//! (or with an odd one) is read as RSS 2.0. XML feeds are first checked to be well-formed, so a
//! truncated file is an error rather than a partial feed. Entities declared in a DTD are never
//! expanded (a "billion laughs" file stays small).

use super::dates::parse_date_value;
use super::html::html_to_text;
use crate::model::{ArticleDraft, DateSource};
use feed_rs::model::{Entry, Feed, Link, Text};
use quick_xml::events::Event;

/// Reads every item of a feed (RSS, Atom or JSON Feed) as an article: title, text (content,
/// else summary/description, HTML turned into plain text), URL (the item's link), source (the
/// feed's title), source id (the item's id/guid) and date (published, else updated, with
/// [`DateSource::Metadata`]). A feed without items, or malformed or truncated XML/JSON, is an
/// error.
pub fn parse_feed(text: &str) -> Result<Vec<ArticleDraft>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let is_json = text.trim_start().starts_with('{');
    let prepared = if is_json {
        text.to_string()
    } else {
        let prepared = fix_rss_version(&rewrite_xml_encoding(text));
        check_well_formed(&prepared)?;
        prepared
    };
    let parser = feed_rs::parser::Builder::new()
        // Dates as written (the outlet's local time), like every other importer.
        .timestamp_parser(|s| parse_date_value(s).map(|d| d.and_utc()))
        // Items without an id keep an empty source id rather than a made-up hash.
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .build();
    let feed = parser
        .parse(prepared.as_bytes())
        .map_err(|e| e.to_string())?;
    if feed.entries.is_empty() {
        return Err("the feed has no items".into());
    }
    let source = feed_title(&feed);
    Ok(feed
        .entries
        .iter()
        .map(|entry| entry_to_article(entry, &source))
        .collect())
}

fn feed_title(feed: &Feed) -> String {
    feed.title.as_ref().map(text_of).unwrap_or_default()
}

fn entry_to_article(entry: &Entry, source: &str) -> ArticleDraft {
    let title = entry
        .title
        .as_ref()
        .map(text_of)
        .unwrap_or_default()
        .replace("\n\n", " ");
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(html_to_text)
        .filter(|t| !t.is_empty());
    let text = content
        .or_else(|| entry.summary.as_ref().map(text_of))
        .unwrap_or_default();
    let published = entry.published.or(entry.updated).map(|d| d.naive_utc());
    ArticleDraft {
        title,
        text,
        source: source.to_string(),
        url: item_link(&entry.links),
        published,
        date_source: if published.is_some() {
            DateSource::Metadata
        } else {
            DateSource::None
        },
        source_id: entry.id.trim().to_string(),
        byline: entry
            .authors
            .iter()
            .map(|p| p.name.as_deref().unwrap_or_default().trim())
            .filter(|n| !n.is_empty() && !n.contains('@'))
            .collect::<Vec<_>>()
            .join("; "),
        section: entry
            .categories
            .first()
            .map(|c| c.label.as_deref().unwrap_or(&c.term).trim().to_string())
            .unwrap_or_default(),
        ..ArticleDraft::default()
    }
}

/// The item's own page: the first link without a `rel` or with `rel="alternate"`, else the
/// first link.
fn item_link(links: &[Link]) -> String {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.first())
        .map(|l| l.href.trim().to_string())
        .unwrap_or_default()
}

/// A feed text (title, summary) as plain text: HTML and escaped HTML become text.
fn text_of(text: &Text) -> String {
    html_to_text(&text.content)
}

/// Rewrites the `encoding=` of an XML declaration to UTF-8 (the text is already decoded; the
/// declared encoding would make the parser decode it a second time).
fn rewrite_xml_encoding(text: &str) -> String {
    let head = text.trim_start();
    if !head.starts_with("<?xml") {
        return text.to_string();
    }
    let Some(end) = head.find("?>") else {
        return text.to_string();
    };
    let decl = &head[..end];
    let Some(pos) = decl.find("encoding") else {
        return text.to_string();
    };
    // encoding = "value" or 'value'
    let after = &decl[pos + "encoding".len()..];
    let rest = after.trim_start();
    let Some(rest) = rest.strip_prefix('=') else {
        return text.to_string();
    };
    let rest = rest.trim_start();
    let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        return text.to_string();
    };
    let Some(close) = rest[1..].find(quote) else {
        return text.to_string();
    };
    let value_end = decl.len() - rest.len() + 1 + close + 1;
    let mut out = String::with_capacity(head.len());
    out.push_str(&decl[..pos]);
    out.push_str("encoding=\"UTF-8\"");
    out.push_str(&decl[value_end..]);
    out.push_str(&head[end..]);
    out
}

/// Makes the `<rss>` root say `version="2.0"` when it has no version or one feed-rs does not
/// know (0.93, 0.94, 2.01...); RSS 0.91 and 0.92 are kept.
fn fix_rss_version(text: &str) -> String {
    let Some(start) = find_rss_root(text) else {
        return text.to_string();
    };
    let Some(len) = text[start..].find('>') else {
        return text.to_string();
    };
    let tag = &text[start..start + len];
    let version = attr_value(tag, "version");
    let new_tag = match version.as_deref() {
        Some("2.0" | "0.91" | "0.92") => return text.to_string(),
        Some(_) => {
            let Some(v) = tag.find("version") else {
                return text.to_string();
            };
            let rest = &tag[v..];
            let end = rest
                .char_indices()
                .filter(|(_, c)| *c == '"' || *c == '\'')
                .nth(1)
                .map(|(i, _)| i + 1)
                .unwrap_or(rest.len());
            format!("{}version=\"2.0\"{}", &tag[..v], &rest[end..])
        }
        None => {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            format!(
                "{body} version=\"2.0\"{}",
                if self_closing { "/" } else { "" }
            )
        }
    };
    format!("{}{}{}", &text[..start], new_tag, &text[start + len..])
}

/// Byte offset of the `<rss` start tag, skipping the declaration, comments and a DOCTYPE.
fn find_rss_root(text: &str) -> Option<usize> {
    let mut pos = 0;
    loop {
        let rest = &text[pos..];
        let lt = rest.find('<')?;
        let at = pos + lt;
        let tail = &text[at..];
        if tail.starts_with("<?") {
            pos = at + tail.find("?>")? + 2;
        } else if tail.starts_with("<!--") {
            pos = at + tail.find("-->")? + 3;
        } else if tail.starts_with("<!") {
            pos = at + tail.find('>')? + 1;
        } else {
            let name_end = tail[1..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .map(|i| i + 1)?;
            return (&tail[1..name_end] == "rss").then_some(at);
        }
    }
}

/// The value of an attribute in a start tag (`<rss version="2.0" ...`).
fn attr_value(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    while let Some(i) = search.find(name) {
        let before_ok = search[..i].ends_with(char::is_whitespace);
        let rest = search[i + name.len()..].trim_start();
        if before_ok && let Some(rest) = rest.strip_prefix('=') {
            let rest = rest.trim_start();
            let quote = rest.chars().next()?;
            if quote == '"' || quote == '\'' {
                let close = rest[1..].find(quote)?;
                return Some(rest[1..1 + close].trim().to_string());
            }
            return None;
        }
        search = &search[i + name.len()..];
    }
    None
}

/// Reads the whole XML once: mismatched or missing end tags and syntax errors are reported
/// with the XML parser's message, so a truncated feed is not read as a shorter one.
fn check_well_formed(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth: usize = 0;
    let mut seen_root = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                depth += 1;
                seen_root = true;
            }
            Ok(Event::Empty(_)) => seen_root = true,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "unable to parse XML: {e} at byte {}",
                    reader.error_position()
                ));
            }
        }
    }
    if !seen_root {
        return Err("unable to parse XML: no root element".into());
    }
    if depth > 0 {
        return Err(format!(
            "unable to parse XML: the document ends inside {depth} unclosed element(s) (truncated?)"
        ));
    }
    Ok(())
}

/// The importer of RSS, Atom and JSON feeds.
pub struct FeedImporter;

impl super::Importer for FeedImporter {
    fn format(&self) -> super::Format {
        super::Format::Feed
    }

    fn is_markup(&self) -> bool {
        true
    }

    fn read(&self, src: &super::Source<'_>) -> Result<super::Parsed, super::IngestErrorKind> {
        parse_feed(src.text())
            .map(|articles| super::Parsed {
                articles,
                warnings: Vec::new(),
            })
            .map_err(|m| super::broken(super::Format::Feed, m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::decode::decode;
    use chrono::{NaiveDate, NaiveDateTime};
    use std::time::{Duration, Instant};

    fn date(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, mi, s))
            .expect("valid date")
    }

    fn latin1(bytes: &[u8]) -> String {
        decode(bytes).expect("decodes").text
    }

    #[test]
    fn rss2_bbc() {
        let items =
            parse_feed(include_str!("../../tests/fixtures/feeds/rss_2.0_bbc.xml")).expect("parses");
        assert_eq!(items.len(), 1);
        let a = &items[0];
        assert_eq!(a.title, "Marcus Aurelius");
        assert_eq!(a.source, "In Our Time");
        assert_eq!(a.source_id, "urn:bbc:podcast:m000sjxt");
        assert_eq!(a.url, "http://www.bbc.co.uk/programmes/m000sjxt");
        assert_eq!(a.text, "Melvyn Bragg and guests discuss...");
        assert_eq!(a.published, Some(date(2021, 2, 25, 10, 15, 0)));
        assert_eq!(a.date_source, DateSource::Metadata);
    }

    #[test]
    fn rss1_spec() {
        let items = parse_feed(include_str!(
            "../../tests/fixtures/feeds/rss_1.0_spec_1.xml"
        ))
        .expect("parses");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "Processing Inclusions with XSLT");
        assert_eq!(items[0].source, "XML.com");
        assert_eq!(items[0].url, "http://xml.com/pub/2000/08/09/xslt/xslt.html");
        assert!(
            items[0].text.starts_with(
                "Processing document inclusions with general XML tools can be problematic."
            ),
            "{}",
            items[0].text
        );
        assert_eq!(items[1].title, "Putting RDF to Work");
    }

    #[test]
    fn rss1_iso8859_with_html_content() {
        let text = latin1(include_bytes!(
            "../../tests/fixtures/feeds/rss_1.0_iso8859.xml"
        ));
        assert!(text.contains("encoding=\"ISO-8859-1\""));
        let items = parse_feed(&text).expect("parses");
        assert_eq!(items.len(), 1);
        let a = &items[0];
        assert_eq!(a.source, "Golem.de");
        assert_eq!(
            a.title,
            "Digitalministerium: Neue Glasfaserförderung mit Schnellkasse"
        );
        assert_eq!(
            a.text,
            "Ab April soll es wieder Förderung für den Ausbau von Glasfaser geben. Das \
             Bundesdigitalministerium will es diesmal besser machen. (Infrastruktur, Glasfaser)"
        );
        assert_eq!(a.published, Some(date(2023, 1, 25, 19, 3, 2)));
    }

    #[test]
    fn rss_without_version_in_latin1_with_html_description() {
        let text = latin1(include_bytes!("../../tests/fixtures/feeds/uolNoticias.rss"));
        let items = parse_feed(&text).expect("parses");
        assert_eq!(items.len(), 15);
        let a = &items[0];
        assert_eq!(a.source, "UOL Noticias");
        assert_eq!(
            a.title,
            "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"
        );
        assert!(a.text.starts_with("Líder na pesquisa Ibope"), "{}", a.text);
        assert!(!a.text.contains('<'), "{}", a.text);
        assert!(
            a.url
                .starts_with("https://noticias.uol.com.br/politica/eleicoes/2018/")
        );
    }

    #[test]
    fn atom_entry() {
        let items = parse_feed(include_str!(
            "../../tests/fixtures/feeds/atom_example_1.xml"
        ))
        .expect("parses");
        assert_eq!(items.len(), 1);
        let a = &items[0];
        assert_eq!(a.title, "Atom draft-07 snapshot");
        assert_eq!(a.source, "dive into mark");
        assert_eq!(a.source_id, "tag:example.org,2003:3.2397");
        assert_eq!(a.url, "http://example.org/2005/04/02/atom");
        assert_eq!(a.text, "[Update: The Atom draft is finished.]");
        // Published as written (-04:00), not converted to UTC.
        assert_eq!(a.published, Some(date(2003, 12, 13, 8, 29, 29)));
    }

    #[test]
    fn json_feed() {
        let items = parse_feed(include_str!(
            "../../tests/fixtures/feeds/jsonfeed_example_1.json"
        ))
        .expect("parses");
        assert_eq!(items.len(), 2);
        let a = &items[0];
        assert_eq!(a.source, "Daring Fireball");
        assert_eq!(a.title, "How Jeff Bezos’s iPhone X Was Hacked");
        assert_eq!(
            a.source_id,
            "https://daringfireball.net/linked/2020/01/24/bezos-iphone-x"
        );
        assert!(a.text.starts_with("Good summary from The New York Times."));
        assert_eq!(a.published, Some(date(2020, 1, 24, 23, 46, 57)));
        assert_eq!(items[1].text, "Delightful work by Petrick Studio.");
    }

    #[test]
    fn html_in_rss_description_becomes_text() {
        let rss = r#"<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0"><channel><title>Warta</title>
<item><title>Judul &amp; berita</title><guid>abc-1</guid>
<link>https://warta.example/a</link>
<pubDate>Thu, 11 Aug 2016 09:30:00 +0700</pubDate>
<description>&lt;p&gt;Paragraf &lt;b&gt;pertama&lt;/b&gt; tentang Rusia.&lt;/p&gt;&lt;p&gt;Paragraf kedua&amp;nbsp;di sini.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
</item>
<item><title>Kedua</title><updated>2016-08-12</updated><description><![CDATA[Satu<br/><br/>Dua]]></description></item>
</channel></rss>"#;
        let items = parse_feed(rss).expect("parses");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "Judul & berita");
        assert_eq!(items[0].source_id, "abc-1");
        assert_eq!(
            items[0].text,
            "Paragraf pertama tentang Rusia.\n\nParagraf kedua di sini."
        );
        assert_eq!(items[0].published, Some(date(2016, 8, 11, 9, 30, 0)));
        assert_eq!(items[1].text, "Satu\n\nDua");
        assert_eq!(items[1].source_id, "");
    }

    #[test]
    fn feed_without_items_is_an_error() {
        let rss = r#"<rss version="2.0"><channel><title>Kosong</title></channel></rss>"#;
        assert_eq!(parse_feed(rss), Err("the feed has no items".to_string()));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}"#;
        assert_eq!(parse_feed(json), Err("the feed has no items".to_string()));
    }

    #[test]
    fn truncated_or_malformed_xml_is_an_error() {
        let full = include_str!("../../tests/fixtures/feeds/rss_2.0_bbc.xml");
        let truncated = &full[..full.len() / 2];
        let err = parse_feed(truncated).expect_err("truncated");
        assert!(err.contains("XML"), "{err}");
        let err = parse_feed("<rss version=\"2.0\"><channel><item></channel></rss>")
            .expect_err("mismatched");
        assert!(err.contains("XML"), "{err}");
        assert!(parse_feed("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[").is_err());
        assert!(parse_feed("not a feed").is_err());
    }

    #[test]
    fn entity_bomb_is_bounded() {
        let mut doctype = String::from("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for i in 1..=9 {
            let prev = if i == 1 {
                "lol".to_string()
            } else {
                format!("lol{}", i - 1)
            };
            doctype.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        doctype.push_str("]>\n");
        let xml = format!(
            "<?xml version=\"1.0\"?>\n{doctype}<rss version=\"2.0\"><channel><title>&lol9;</title>\
             <item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"
        );
        let start = Instant::now();
        let result = parse_feed(&xml);
        assert!(start.elapsed() < Duration::from_secs(5));
        if let Ok(items) = result {
            for a in items {
                assert!(a.title.len() < 100 && a.text.len() < 100, "{a:?}");
            }
        }
    }

    #[test]
    fn encoding_declaration_is_rewritten() {
        assert_eq!(
            rewrite_xml_encoding("<?xml version='1.0' encoding='ISO-8859-1' ?><rss/>"),
            "<?xml version='1.0' encoding=\"UTF-8\" ?><rss/>"
        );
        assert_eq!(rewrite_xml_encoding("<rss/>"), "<rss/>");
        assert_eq!(
            fix_rss_version("<?xml version=\"1.0\"?><!-- c --><rss>"),
            "<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\">"
        );
        assert_eq!(
            fix_rss_version("<rss version=\"0.94\" xmlns:a=\"b\">"),
            "<rss version=\"2.0\" xmlns:a=\"b\">"
        );
        assert_eq!(
            fix_rss_version("<rss version=\"0.91\">"),
            "<rss version=\"0.91\">"
        );
        assert_eq!(fix_rss_version("<feed>"), "<feed>");
    }
}
