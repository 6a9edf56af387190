//! HTML pages: the main text and the metadata of one article.
//!
//! The main text comes from [`dom_smoothie`] (a port of Mozilla Readability); when it finds
//! nothing, the plain text of `<body>` without navigation, headers, footers and sidebars is
//! used. Metadata (title, site name, URL, publication date) is read from the page's `<meta>`
//! tags, JSON-LD, `<link rel=canonical>`, `<title>`, `<h1>` and `<time datetime>`.

use super::dates::parse_date_value;
use crate::model::{ArticleDraft, DateSource};
use dom_query::{Document, NodeRef};
use dom_smoothie::Readability;
use serde_json::Value;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Elements whose content is never text of an article.
const ALWAYS_SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
    "canvas", "video", "audio", "button", "select", "textarea", "input", "head", "title", "meta",
    "link",
];

/// Page furniture skipped when the plain text of `<body>` stands in for the main text.
const BOILERPLATE_SKIP: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "dialog"];

/// ARIA roles and class/id words that mark page furniture in the `<body>` fallback.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
];
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "footer",
    "site-footer",
    "site-header",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "share-buttons",
    "social-share",
    "cookie-banner",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Meta names giving a publication date, after `article:published_time`, JSON-LD and `<time>`.
const META_DATE_NAMES: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
];

/// Reads one article from an HTML page: its main text (paragraphs separated by a blank line),
/// title, site name, URL and publication date (from metadata, with
/// [`DateSource::Metadata`]). A page without any text gives `Err("no text in the page")`.
pub fn parse_html(html: &str) -> Result<ArticleDraft, String> {
    let doc = Document::from(html);
    let meta = Meta::read(&doc);

    let mut text = readable_text(html);
    if text.is_empty() {
        text = match doc.body() {
            Some(body) => paragraphs_to_text(collect_paragraphs(body, true, false)),
            None => paragraphs_to_text(collect_paragraphs(doc.root(), true, false)),
        };
    }
    if text.is_empty() {
        return Err("no text in the page".into());
    }

    let url = meta.url();
    let source = meta.site_name(&url);
    let title = strip_site_suffix(&meta.title(&doc), &source);
    let published = meta.published(&doc);
    Ok(ArticleDraft {
        title,
        text,
        source,
        url,
        date_source: if published.is_some() {
            DateSource::Metadata
        } else {
            DateSource::None
        },
        published,
        byline: meta.byline(),
        section: meta.section(),
        ..ArticleDraft::default()
    })
}

/// Turns an HTML fragment (a feed item's description, a page's article content) into plain
/// text: scripts and styles dropped, entities decoded, whitespace collapsed, block elements
/// (`<p>`, `<div>`, `<li>`, headings, `<br>`...) as paragraph breaks, paragraphs separated by a
/// blank line. A fragment without any tag keeps its blank lines as paragraph breaks.
pub fn html_to_text(fragment: &str) -> String {
    if fragment.trim().is_empty() {
        return String::new();
    }
    let plain = !fragment.contains('<');
    // Markup nested past the limit (a hostile record field, an escaped feed description)
    // costs the HTML parser time that grows with the square of its depth: its tags are cut
    // instead.
    if !plain
        && super::format::markup_depth(fragment, super::format::MAX_MARKUP_DEPTH)
            > super::format::MAX_MARKUP_DEPTH
    {
        return collapse_whitespace(&strip_tags(fragment));
    }
    let doc = Document::fragment(fragment);
    paragraphs_to_text(collect_paragraphs(doc.root(), false, plain))
}

/// Text with every tag replaced by a space (entities decoded).
fn strip_tags(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() / 2);
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

/// The main text found by Readability, or empty when it finds nothing (or fails).
fn readable_text(html: &str) -> String {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let doc = Document::from(html);
        remove_furniture(&doc);
        let mut readability = Readability::with_document(doc, None, None).ok()?;
        let article = readability.parse().ok()?;
        let content = Document::fragment(article.content);
        Some(paragraphs_to_text(collect_paragraphs(
            content.root(),
            true,
            false,
        )))
    }));
    match result {
        Ok(Some(text)) => text,
        _ => String::new(),
    }
}

/// Removes navigation, menus, headers, footers, sidebars and comment blocks marked by their
/// tag, ARIA role, id or class, so Readability cannot pick them.
fn remove_furniture(doc: &Document) {
    let furniture: Vec<NodeRef<'_>> = doc
        .root()
        .descendants_it()
        .filter(|n| {
            n.is_element()
                && (n.node_name().is_some_and(|name| {
                    BOILERPLATE_SKIP.contains(&name.to_ascii_lowercase().as_str())
                }) || is_furniture(n))
        })
        .collect();
    for node in furniture {
        node.remove_from_parent();
    }
}

fn paragraphs_to_text(paragraphs: Vec<String>) -> String {
    paragraphs.join("\n\n")
}

/// One step of the walk over the tree: enter a node, or leave a block element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    EndBlock,
}

/// Walks the tree under `root` (without recursion, so deep nesting cannot overflow the stack)
/// and returns its paragraphs, each with collapsed whitespace.
fn collect_paragraphs(root: NodeRef<'_>, skip_boilerplate: bool, plain: bool) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut stack: Vec<Step<'_>> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                flush(&mut current, &mut paragraphs);
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            let text = node.text();
            if plain {
                push_plain_text(&text, &mut current, &mut paragraphs);
            } else {
                current.push_str(&text);
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if ALWAYS_SKIP.contains(&name.as_str()) || is_hidden(&node) {
            continue;
        }
        if skip_boilerplate && (BOILERPLATE_SKIP.contains(&name.as_str()) || is_furniture(&node)) {
            continue;
        }
        if matches!(name.as_str(), "td" | "th") {
            current.push(' ');
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut paragraphs);
            stack.push(Step::EndBlock);
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

/// Adds plain text whose blank lines separate paragraphs.
fn push_plain_text(text: &str, current: &mut String, paragraphs: &mut Vec<String>) {
    let mut blank_run = false;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !blank_run {
                blank_run = true;
                flush(current, paragraphs);
            }
        } else {
            blank_run = false;
            current.push(' ');
            current.push_str(line);
        }
    }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let collapsed = collapse_whitespace(current);
    if !collapsed.is_empty() {
        paragraphs.push(collapsed);
    }
    current.clear();
}

/// Collapses every run of whitespace (including non-breaking spaces) into one space and trims.
fn collapse_whitespace(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || node.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether an element's role, id or classes mark it as navigation, a menu, a sidebar, a
/// header, a footer or comments.
fn is_furniture(node: &NodeRef<'_>) -> bool {
    if node
        .attr("role")
        .is_some_and(|r| BOILERPLATE_ROLES.iter().any(|b| r.eq_ignore_ascii_case(b)))
    {
        return true;
    }
    ["id", "class"].iter().any(|attr| {
        node.attr(attr).is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|w| BOILERPLATE_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)))
        })
    })
}

/// The metadata of a page, read before Readability changes the tree.
#[derive(Default)]
struct Meta {
    /// `<meta>` values by lower-cased `property`, `name` or `itemprop` (the first one wins).
    values: HashMap<String, String>,
    /// JSON-LD `headline`/`name`, `publisher.name`, `datePublished`, `url`.
    ld_title: Option<String>,
    ld_publisher: Option<String>,
    ld_published: Option<String>,
    ld_url: Option<String>,
    /// JSON-LD `author` names, joined by "; ", and `articleSection`.
    ld_author: Option<String>,
    ld_section: Option<String>,
    canonical: Option<String>,
}

impl Meta {
    fn read(doc: &Document) -> Meta {
        let mut meta = Meta::default();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop"] {
                if let Some(key) = node.attr(key_attr) {
                    meta.values
                        .entry(key.trim().to_ascii_lowercase())
                        .or_insert_with(|| decode_entities(content));
                }
            }
        }
        for node in doc.select("link[rel]").nodes() {
            let is_canonical = node.attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            });
            if is_canonical && let Some(href) = node.attr("href") {
                let href = href.trim();
                if !href.is_empty() && meta.canonical.is_none() {
                    meta.canonical = Some(href.to_string());
                }
            }
        }
        for node in doc.select("script").nodes() {
            let is_ld = node
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_ld {
                meta.read_json_ld(&node.text());
            }
        }
        meta
    }

    fn read_json_ld(&mut self, raw: &str) {
        let trimmed = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Ok(value) = serde_json::from_str::<Value>(trimmed) else {
            return;
        };
        let mut objects = Vec::new();
        gather_ld_objects(&value, &mut objects, 0);
        // Article-like objects first, then anything else that carries the fields.
        objects.sort_by_key(|o| !is_article_type(o));
        for obj in objects {
            if self.ld_published.is_none() {
                self.ld_published = string_field(obj.get("datePublished"));
            }
            if self.ld_publisher.is_none() {
                self.ld_publisher = obj.get("publisher").and_then(|p| match p {
                    Value::Array(items) => items.iter().find_map(|i| string_field(i.get("name"))),
                    other => string_field(other.get("name")),
                });
            }
            if is_article_type(obj) {
                if self.ld_title.is_none() {
                    self.ld_title =
                        string_field(obj.get("headline")).or_else(|| string_field(obj.get("name")));
                }
                if self.ld_url.is_none() {
                    self.ld_url = string_field(obj.get("url"));
                }
                if self.ld_author.is_none() {
                    self.ld_author = obj.get("author").map(ld_people).filter(|s| !s.is_empty());
                }
                if self.ld_section.is_none() {
                    self.ld_section = match obj.get("articleSection") {
                        Some(Value::Array(items)) => {
                            items.iter().find_map(|i| string_field(Some(i)))
                        }
                        other => string_field(other),
                    };
                }
            }
        }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.values
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn url(&self) -> String {
        self.canonical
            .as_deref()
            .or_else(|| self.get("og:url"))
            .or(self.ld_url.as_deref())
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    fn site_name(&self, url: &str) -> String {
        self.get("og:site_name")
            .map(str::to_string)
            .or_else(|| self.ld_publisher.clone())
            .map(|s| collapse_whitespace(&s))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| host_of(url))
    }

    /// The page's authors: JSON-LD, then the author metas (an address is no name).
    fn byline(&self) -> String {
        self.ld_author
            .clone()
            .or_else(|| {
                [
                    "author",
                    "article:author",
                    "dc.creator",
                    "parsely-author",
                    "sailthru.author",
                ]
                .iter()
                .filter_map(|k| self.get(k))
                .find(|v| !v.contains("://"))
                .map(str::to_string)
            })
            .map(|s| collapse_whitespace(&s))
            .unwrap_or_default()
    }

    /// The page's section.
    fn section(&self) -> String {
        self.get("article:section")
            .map(str::to_string)
            .or_else(|| self.ld_section.clone())
            .map(|s| collapse_whitespace(&s))
            .unwrap_or_default()
    }

    fn title(&self, doc: &Document) -> String {
        let candidates = [
            self.get("og:title").map(str::to_string),
            Some(doc.select("title").text().to_string()),
            Some(doc.select("h1").text().to_string()),
            self.get("twitter:title").map(str::to_string),
            self.ld_title.clone(),
        ];
        candidates
            .into_iter()
            .flatten()
            .map(|t| collapse_whitespace(&t))
            .find(|t| !t.is_empty())
            .unwrap_or_default()
    }

    fn published(&self, doc: &Document) -> Option<chrono::NaiveDateTime> {
        let parse = |v: &str| parse_date_value(v.trim());
        if let Some(d) = self.get("article:published_time").and_then(parse) {
            return Some(d);
        }
        if let Some(d) = self.ld_published.as_deref().and_then(parse) {
            return Some(d);
        }
        let times = doc.select("time[datetime]");
        let nodes = times.nodes();
        // A <time> marked as the publication date, then the first one.
        let marked = nodes.iter().find(|n| {
            n.has_attr("pubdate")
                || n.attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        });
        for node in marked.into_iter().chain(nodes.iter()) {
            if let Some(d) = node.attr("datetime").as_deref().and_then(parse) {
                return Some(d);
            }
        }
        META_DATE_NAMES
            .iter()
            .find_map(|name| self.get(name).and_then(parse))
    }
}

/// JSON-LD people: a name, a `Person`, or a list of them, joined by "; ".
fn ld_people(v: &Value) -> String {
    match v {
        Value::String(s) if !s.contains("://") => s.trim().to_string(),
        Value::Array(items) => items
            .iter()
            .map(ld_people)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(o) => o.get("name").map(ld_people).unwrap_or_default(),
        _ => String::new(),
    }
}

/// Collects the JSON objects of a JSON-LD value: arrays and `@graph` lists are opened.
fn gather_ld_objects<'a>(
    value: &'a Value,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
    depth: u8,
) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                gather_ld_objects(item, out, depth + 1);
            }
        }
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                gather_ld_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article_type(obj: &serde_json::Map<String, Value>) -> bool {
    let is_article = |t: &str| {
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting" | "WebPage"
            )
    };
    match obj.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

fn string_field(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(decode_entities(s.trim())),
        Value::Array(items) => items.iter().find_map(|i| string_field(Some(i))),
        _ => None,
    }
}

/// Decodes HTML entities left in a value (`&amp;` in a JSON-LD string or a doubly escaped
/// meta content).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    html_to_text(&s.replace('<', "&lt;"))
}

/// The host of a URL without `www.`, or empty.
fn host_of(url: &str) -> String {
    let Some((_, rest)) = url.split_once("://") else {
        return String::new();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// Removes a trailing " - Site", " | Site" (or a leading "Site | ") from a title when `Site`
/// is the site name.
fn strip_site_suffix(title: &str, site: &str) -> String {
    let site = site.trim();
    if site.is_empty() {
        return title.to_string();
    }
    for sep in [" - ", " | ", " – ", " — ", " :: ", " · ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && same_site(tail, site)
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && same_site(head, site)
            && !tail.trim().is_empty()
        {
            return tail.trim().to_string();
        }
    }
    title.to_string()
}

fn same_site(part: &str, site: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        let s = s.trim_start_matches("www.");
        // "Kompas.com" and "Libération.fr" stand for "Kompas" and "Libération".
        let s = if s.contains('.') && !s.contains(char::is_whitespace) {
            s.split('.').next().unwrap_or_default()
        } else {
            s
        };
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let a = norm(part);
    !a.is_empty() && a == norm(site)
}

/// The importer of HTML pages.
pub struct HtmlImporter;

impl super::Importer for HtmlImporter {
    fn format(&self) -> super::Format {
        super::Format::Html
    }

    fn is_markup(&self) -> bool {
        true
    }

    fn read(&self, src: &super::Source<'_>) -> Result<super::Parsed, super::IngestErrorKind> {
        parse_html(src.text())
            .map(super::Parsed::one)
            .map_err(|m| super::broken(super::Format::Html, m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, mi, s))
            .expect("valid date")
    }

    #[test]
    fn authors_and_section_from_metadata() {
        let page = r#"<html><head><title>Rusia kecam</title>
            <meta property="article:section" content="Internasional">
            <meta name="author" content="https://x.example/rina">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rusia kecam",
              "author":[{"@type":"Person","name":"Rina Contoh"},{"@type":"Person","name":"Budi"}]}</script>
            </head><body><article><p>Moskow - Pemerintah Rusia mengecam serangan udara di Suriah pada Selasa malam.</p></article></body></html>"#;
        let a = parse_html(page).expect("parses");
        assert_eq!(a.byline, "Rina Contoh; Budi");
        assert_eq!(a.section, "Internasional");
        let plain = page.replace("\"author\":[", "\"x\":[");
        let b = parse_html(&plain).expect("parses");
        assert_eq!(b.byline, "", "an address is no author");
    }

    #[test]
    fn ars_technica_page() {
        let a = parse_html(include_str!("../../tests/fixtures/html/ars-1.html")).expect("parses");
        assert_eq!(
            a.title,
            "Just-released Minecraft exploit makes it easy to crash game servers"
        );
        assert_eq!(a.source, "Ars Technica");
        assert!(
            a.text
                .contains("A flaw in the wildly popular online game Minecraft"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("Ars Technica UK"), "footer text kept");
        assert!(!a.text.contains("function("), "script kept");
        assert_eq!(a.published, Some(date(2015, 4, 16, 20, 2, 1)));
        assert_eq!(a.date_source, DateSource::Metadata);
        assert!(a.text.contains("\n\n"), "paragraphs");
        assert!(!a.text.contains("\n\n\n"));
    }

    #[test]
    fn liberation_page_published_time() {
        let a = parse_html(include_str!("../../tests/fixtures/html/liberation-1.html"))
            .expect("parses");
        assert_eq!(
            a.title,
            "Un troisième Français mort dans le séisme au Népal"
        );
        assert_eq!(a.source, "Libération.fr");
        assert_eq!(a.published, Some(date(2015, 4, 30, 7, 19, 58)));
        assert!(a.text.contains("Laurent Fabius"), "{}", a.text);
    }

    #[test]
    fn medical_news_today_json_ld_date() {
        let a = parse_html(include_str!(
            "../../tests/fixtures/html/medicalnewstoday.html"
        ))
        .expect("parses");
        assert_eq!(
            a.title,
            "How does the brain turn unconscious information into conscious thought?"
        );
        assert_eq!(a.source, "Medical News Today");
        assert_eq!(a.published, Some(date(2017, 7, 27, 0, 0, 0)));
        assert!(a.text.contains("a-ha"), "{}", a.text);
    }

    #[test]
    fn washington_post_page() {
        let a = parse_html(include_str!("../../tests/fixtures/html/wapo-2.html")).expect("parses");
        assert_eq!(
            a.title,
            "Where do strained U.S.-Israeli relations go after Netanyahu’s victory?"
        );
        assert_eq!(a.source, "Washington Post");
        assert!(a.text.contains("Netanyahu"), "{}", a.text);
    }

    #[test]
    fn metadata_order_and_title_suffix() {
        let html = r#"<!doctype html><html><head>
            <title>Rusia dan Turki bertemu - Warta Perang</title>
            <meta property="og:site_name" content="Warta Perang">
            <link rel="canonical" href="https://wartaperang.example/2016/08/11/rusia">
            <meta name="date" content="2016-08-10">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2016-08-11T09:30:00+07:00"}</script>
            </head><body>
            <nav><a href="/">Beranda</a> <a href="/dunia">Dunia</a></nav>
            <article><h1>Rusia dan Turki bertemu</h1>
            <p>Presiden Rusia &amp; Presiden   Turki bertemu di Moskow.</p>
            <p>Keduanya membahas Suriah.</p></article>
            <footer>Hak cipta Warta Perang</footer>
            </body></html>"#;
        let a = parse_html(html).expect("parses");
        assert_eq!(a.title, "Rusia dan Turki bertemu");
        assert_eq!(a.source, "Warta Perang");
        assert_eq!(a.url, "https://wartaperang.example/2016/08/11/rusia");
        assert_eq!(a.published, Some(date(2016, 8, 11, 9, 30, 0)));
        assert!(
            a.text.contains(
                "Presiden Rusia & Presiden Turki bertemu di Moskow.\n\nKeduanya membahas Suriah."
            ),
            "{}",
            a.text
        );
        assert!(!a.text.contains("Beranda"));
        assert!(!a.text.contains("Hak cipta"));
    }

    #[test]
    fn host_is_the_source_without_site_name() {
        let html = r#"<html><head><meta property="og:url" content="https://www.kompas.example/read/1">
            <meta property="og:title" content="Judul"></head><body><p>Isi berita.</p></body></html>"#;
        let a = parse_html(html).expect("parses");
        assert_eq!(a.source, "kompas.example");
        assert_eq!(a.url, "https://www.kompas.example/read/1");
        assert_eq!(a.title, "Judul");
        assert_eq!(a.published, None);
        assert_eq!(a.date_source, DateSource::None);
    }

    #[test]
    fn broken_html_still_gives_text() {
        let html = "<html><body><div><p>First paragraph <b>bold<p>Second paragraph\
                    <ul><li>item one<li>item two</div></span><p>Last &eacute;t&#233;";
        let a = parse_html(html).expect("parses");
        assert!(a.text.contains("First paragraph bold"), "{}", a.text);
        assert!(a.text.contains("Second paragraph"));
        assert!(a.text.contains("item two"));
        assert!(a.text.contains("Last été"));
    }

    #[test]
    fn html_without_body_tag() {
        let a = parse_html("<title>Only a fragment</title><p>Some text here.</p>").expect("parses");
        assert_eq!(a.title, "Only a fragment");
        assert_eq!(a.text, "Some text here.");
    }

    #[test]
    fn page_without_text_is_an_error() {
        for html in [
            "",
            "<html><head><title>x</title></head></html>",
            "<html><body><script>var a = 1;</script><style>p{}</style><!-- c --></body></html>",
        ] {
            assert_eq!(
                parse_html(html),
                Err("no text in the page".to_string()),
                "{html}"
            );
        }
    }

    #[test]
    fn fallback_body_text_skips_furniture() {
        let html = r#"<body><div class="site-header">Logo Menu</div>
            <div role="navigation">Home News</div><span>Short text.</span>
            <aside>Sidebar</aside><div id="comments">A comment</div></body>"#;
        let a = parse_html(html).expect("parses");
        assert!(a.text.contains("Short text."), "{}", a.text);
        for absent in ["Menu", "Home News", "Sidebar", "A comment"] {
            assert!(!a.text.contains(absent), "{absent} in {}", a.text);
        }
    }

    #[test]
    fn deeply_nested_html_does_not_panic() {
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(1_000),
            "</div>".repeat(1_000)
        );
        let a = parse_html(&html).expect("parses");
        assert!(a.text.contains("deep text"));
    }

    #[test]
    fn fragment_to_text() {
        assert_eq!(
            html_to_text("<p>One &amp; two</p><p>Three\n   four<br>five</p>"),
            "One & two\n\nThree four\n\nfive"
        );
        assert_eq!(
            html_to_text("plain &lt;b&gt;\n\nsecond"),
            "plain <b>\n\nsecond"
        );
        assert_eq!(html_to_text("<script>x()</script>text"), "text");
        assert_eq!(html_to_text(""), "");
    }

    #[test]
    fn site_suffix() {
        assert_eq!(strip_site_suffix("A title | CNN", "CNN"), "A title");
        assert_eq!(strip_site_suffix("A - B - Kompas", "Kompas.com"), "A - B");
        assert_eq!(strip_site_suffix("A - B", "Kompas"), "A - B");
        assert_eq!(strip_site_suffix("Kompas | A", "Kompas"), "A");
    }
}
