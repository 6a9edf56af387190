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
    // Readability leaves out a lead that stands apart from the body (in the article's header,
    // a "standfirst" above the text): it opens the text.
    if let Some(lead) = lead_of(&doc)
        && !text.contains(&lead)
    {
        text = format!("{lead}\n\n{text}");
    }

    let url = meta.url();
    let source = meta.site_name(&url);
    let title = clean_title(
        &meta.title(&doc),
        &meta.title_hints(&doc),
        &source,
        &host_of(&url),
    );
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

/// Class parts of an article's lead ("standfirst", "article-lead", "dek").
const LEAD_PARTS: &[&str] = &["lead", "standfirst", "dek", "deck"];

/// Class parts of a header's lines that are no lead.
const NOT_LEAD_PARTS: &[&str] = &[
    "byline", "author", "meta", "credit", "caption", "date", "time", "tags", "share",
];

fn class_has(node: &NodeRef<'_>, parts: &[&str]) -> bool {
    node.attr("class").is_some_and(|c| {
        c.split(|ch: char| ch.is_ascii_whitespace() || ch == '-' || ch == '_')
            .any(|p| parts.iter().any(|l| p.eq_ignore_ascii_case(l)))
    })
}

/// The lead of the article, when the page sets it apart: a paragraph marked as the lead
/// ("lead", "standfirst", "dek"), or the first plain paragraph of the `<header>` of an
/// `<article>` that holds its `<h1>` (40 to 600 characters).
fn lead_of(doc: &Document) -> Option<String> {
    let in_furniture = |n: &NodeRef<'_>| {
        is_hidden(n)
            || n.ancestors_it(None).any(|a| {
                a.node_name().is_some_and(|t| {
                    ["nav", "aside", "footer", "head"]
                        .iter()
                        .any(|x| t.eq_ignore_ascii_case(x))
                }) || furniture_parts(&a).is_some()
                    || is_hidden(&a)
            })
    };
    // One element marked so: the same class repeated is a list of teasers' standfirsts.
    let marked: Vec<NodeRef<'_>> = doc
        .select("p[class]")
        .nodes()
        .iter()
        .copied()
        .filter(|n| class_has(n, LEAD_PARTS) && !in_furniture(n))
        .take(2)
        .collect();
    let marked = match marked.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let in_header = || {
        // The first article header with a headline, only.
        let named = |n: &NodeRef<'_>, tag: &str| {
            n.is_element() && n.node_name().is_some_and(|t| t.eq_ignore_ascii_case(tag))
        };
        let header = doc
            .select("article header")
            .nodes()
            .iter()
            .copied()
            .find(|h| h.descendants_it().any(|d| named(&d, "h1")))?;
        header
            .descendants_it()
            .find(|p| named(p, "p") && !class_has(p, NOT_LEAD_PARTS) && !in_furniture(p))
    };
    let node = marked.or_else(in_header)?;
    let text = collapse_whitespace(&node.text());
    (40..=600).contains(&text.chars().count()).then_some(text)
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

/// Parts of class and id names (split at `-` and `_`, a plural `s` allowed) that mark page
/// furniture: reader comments, related and recommended links, paywall and subscription boxes,
/// newsletters, product reviews and ratings, share bars, promotions.
const FURNITURE_PARTS: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "replies",
    "respond",
    "related",
    "recommended",
    "recommendation",
    "paywall",
    "regwall",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "review",
    "reviews",
    "rating",
    "ratings",
    "share",
    "sharing",
    "social",
    "promo",
    "sponsored",
    "outbrain",
    "taboola",
    "trending",
    "popular",
    "terkait",
];

/// Words that mark furniture wherever they stand in a class or id ("makehomepagedialog",
/// "tp-modal", "taboola-below-article"): no article's own class holds them.
const FURNITURE_STEMS: &[&str] = &[
    "dialog",
    "modal",
    "popup",
    "overlay",
    "taboola",
    "outbrain",
    "paywall",
    "newsletter",
    "disqus",
];

/// Parts that mark reader comments: removed even when they hold `<article>` elements (each
/// comment often is one).
const COMMENT_PARTS: &[&str] = &["comment", "comments", "disqus", "replies", "respond"];

/// Headings that open a block of other articles' links or of readers' words.
const TEASER_HEADINGS: &[&str] = &[
    "related",
    "read more",
    "read next",
    "more from",
    "more stories",
    "more on this",
    "recommended",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "trending",
    "berita terkait",
    "artikel terkait",
    "baca juga",
    "berita lainnya",
    "terpopuler",
    "rekomendasi",
    "comments",
    "leave a reply",
    "leave a comment",
    "join the conversation",
    "komentar",
    "customer reviews",
    "reviews",
    "ulasan",
];

/// What a class or id says of an element: furniture (and whether reader comments).
fn furniture_parts(node: &NodeRef<'_>) -> Option<bool> {
    let mut found = None;
    for attr in ["id", "class"] {
        let Some(v) = node.attr(attr) else { continue };
        let lower = v.to_ascii_lowercase();
        if FURNITURE_STEMS.iter().any(|s| lower.contains(s)) {
            found = Some(false);
        }
        for part in v
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .filter(|p| !p.is_empty())
        {
            let part = part.to_ascii_lowercase();
            if COMMENT_PARTS.contains(&part.as_str()) {
                return Some(true);
            }
            if FURNITURE_PARTS.contains(&part.as_str()) {
                found = Some(false);
            }
        }
    }
    found
}

/// True when a heading opens a block of teasers or comments ("Related coverage",
/// "12 Comments", "Berita Terkait").
fn is_teaser_heading(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .to_lowercase();
    t.len() <= 40 && TEASER_HEADINGS.iter().any(|h| t.starts_with(h))
}

/// Length of an element's text, white space left out.
fn text_len(node: &NodeRef<'_>) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

/// True when an element holds the article: an `<article>` or `articleBody` inside it, or at
/// least 40% of the page's text.
fn holds_article(node: &NodeRef<'_>, body_len: usize) -> bool {
    let sel = dom_query::Selection::from(*node);
    sel.select("article, [itemprop=articleBody]").length() > 0 || holds_most_text(node, body_len)
}

/// True when an element holds at least 40% of the page's text.
fn holds_most_text(node: &NodeRef<'_>, body_len: usize) -> bool {
    text_len(node) * 5 >= body_len * 2
}

/// Removes navigation, menus, headers, footers, sidebars, comments, teaser blocks and paywall
/// boxes, marked by their tag, ARIA role, id, class or heading, so Readability cannot pick
/// them. An element that holds the article stays: the `<form>` ASP.NET pages wrap the whole
/// page in, an article's own `<header>` with its lead, a paywall class on the article's body.
fn remove_furniture(doc: &Document) {
    let body_len = doc.body().map_or(0, |b| text_len(&b));
    let mut furniture: Vec<NodeRef<'_>> = Vec::new();
    let mut kept_headers: Vec<NodeRef<'_>> = Vec::new();
    for n in doc.root().descendants_it().filter(|n| n.is_element()) {
        let name = n
            .node_name()
            .map(|t| t.to_ascii_lowercase())
            .unwrap_or_default();
        let remove = match name.as_str() {
            // The page's header, not the article's.
            "header" => {
                let page_header = n
                    .attr("role")
                    .is_some_and(|r| r.eq_ignore_ascii_case("banner"))
                    || (!n.ancestors_it(None).any(|a| {
                        a.node_name().is_some_and(|t| {
                            t.eq_ignore_ascii_case("article") || t.eq_ignore_ascii_case("main")
                        })
                    }) && !holds_article(&n, body_len));
                if !page_header {
                    kept_headers.push(n);
                }
                page_header
            }
            "form" => !holds_article(&n, body_len),
            "h2" | "h3" | "h4" if is_teaser_heading(&n.text()) => {
                // The block the heading opens, when it is a small part of the page.
                if let Some(parent) = n.parent()
                    && !parent.node_name().is_some_and(|t| {
                        ["body", "article", "main"]
                            .iter()
                            .any(|b| t.eq_ignore_ascii_case(b))
                    })
                    && !holds_article(&parent, body_len)
                {
                    furniture.push(parent);
                }
                true
            }
            _ if BOILERPLATE_SKIP.contains(&name.as_str()) => true,
            _ if is_furniture(&n) => true,
            _ => match furniture_parts(&n) {
                Some(true) => !holds_most_text(&n, body_len),
                Some(false) => !holds_article(&n, body_len),
                None => false,
            },
        };
        if remove {
            furniture.push(n);
        }
    }
    for node in furniture {
        node.remove_from_parent();
    }
    // Readability drops `<header>` elements: the article's own (its headline, lead and byline)
    // are read as blocks.
    for node in kept_headers {
        node.rename("div");
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

    /// Headlines the page gives besides its title (JSON-LD's headline, the `<h1>`, the
    /// social titles): a title that is one of them plus the site's name is cut to it.
    fn title_hints(&self, doc: &Document) -> Vec<String> {
        let h1 = doc
            .select("article h1, main h1, h1")
            .nodes()
            .first()
            .map(|n| n.text().to_string());
        [
            self.ld_title.clone(),
            h1,
            self.get("og:title").map(str::to_string),
            self.get("twitter:title").map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .map(|t| collapse_whitespace(&t))
        .filter(|t| t.chars().count() >= 12)
        .collect()
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

    /// The publication date: `article:published_time`, JSON-LD's `datePublished`, an element
    /// marked `itemprop="datePublished"` (its `content`, `datetime` or text), a `<time>` marked
    /// as the publication's, the meta dates, a date in the byline or in an element whose class
    /// says it is the date, then the first `<time>`. A value in UTC ("…Z") gives way to the
    /// same moment in the page's own offset, or to the page's own visible date a few hours
    /// away, so a late-evening article keeps its day.
    fn published(&self, doc: &Document) -> Option<chrono::NaiveDateTime> {
        let mut values: Vec<String> = Vec::new();
        let mut push = |v: Option<String>| {
            if let Some(v) = v.map(|v| v.trim().to_string())
                && !v.is_empty()
                && v.len() < 200
            {
                values.push(v);
            }
        };
        push(self.get("article:published_time").map(str::to_string));
        push(self.ld_published.clone());
        let marked =
            doc.select("[itemprop=datePublished], [itemprop=datepublished], time[pubdate]");
        for n in marked.nodes() {
            push(
                n.attr("content")
                    .or_else(|| n.attr("datetime"))
                    .map(|v| v.to_string())
                    .or_else(|| Some(n.text().to_string())),
            );
        }
        for name in META_DATE_NAMES {
            push(self.get(name).map(str::to_string));
        }
        // The date and byline elements: their machine-readable times first, then their text.
        let holders: Vec<NodeRef<'_>> = doc
            .select("[class], [id]")
            .nodes()
            .iter()
            .copied()
            .filter(is_date_holder)
            .take(8)
            .collect();
        for n in &holders {
            push(n.attr("datetime").map(|v| v.to_string()));
        }
        for n in &holders {
            let text = n.text();
            if text.len() < 160 {
                push(Some(text.to_string()));
            }
        }
        for n in doc.select("time[datetime]").nodes().iter().take(3) {
            push(n.attr("datetime").map(|v| v.to_string()));
        }
        let parsed: Vec<(&str, chrono::NaiveDateTime)> = values
            .iter()
            .filter_map(|v| parse_date_value(v).map(|d| (v.as_str(), d)))
            .collect();
        let (first, date) = *parsed.first()?;
        if !is_utc(first) {
            return Some(date);
        }
        // The same moment in another offset, or the page's own day shown a few hours away.
        let instant = chrono::DateTime::parse_from_rfc3339(&first.replace(' ', "T")).ok();
        for (v, d) in &parsed[1..] {
            if is_utc(v) {
                continue;
            }
            if let (Some(at), Ok(other)) = (
                instant,
                chrono::DateTime::parse_from_rfc3339(&v.replace(' ', "T")),
            ) {
                if at == other {
                    return Some(other.naive_local());
                }
                continue;
            }
            let hours = (*d - date).num_minutes() as f64 / 60.0;
            if d.date() != date.date() && (-12.0..=14.0).contains(&hours) {
                return Some(if d.time() == chrono::NaiveTime::MIN {
                    d.date().and_time(chrono::NaiveTime::MIN)
                } else {
                    *d
                });
            }
        }
        Some(date)
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

/// True for a value given in UTC ("2021-05-03T22:00:00Z", "+00:00").
fn is_utc(v: &str) -> bool {
    let v = v.trim();
    v.len() > 16 && (v.ends_with('Z') || v.ends_with("+00:00") || v.ends_with("+0000"))
}

/// Class and id words of the elements that show an article's date or byline.
const DATE_HOLDERS: &[&str] = &[
    "date",
    "dates",
    "published",
    "publish",
    "pubdate",
    "timestamp",
    "dateline",
    "byline",
    "posted",
    "tanggal",
    "waktu",
    "time",
    "fecha",
    "datum",
    "data",
];

/// True for an element whose class or id says it shows the date or the byline (its parts,
/// split at `-` and `_`: "article-date", "post_meta-date", "byline", "entry-date"), and not
/// a related article's.
fn is_date_holder(node: &NodeRef<'_>) -> bool {
    let mut holder = false;
    for attr in ["class", "id"] {
        let Some(v) = node.attr(attr) else { continue };
        for part in v
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .filter(|p| !p.is_empty())
        {
            let part = part.to_ascii_lowercase();
            if DATE_HOLDERS.contains(&part.as_str()) {
                holder = true;
            }
            if matches!(
                part.as_str(),
                "related" | "updated" | "modified" | "comment" | "comments"
            ) {
                return false;
            }
        }
    }
    holder
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

/// Separators between a headline and a site's name.
const TITLE_SEPARATORS: [&str; 8] = [" - ", " | ", " – ", " — ", " :: ", " · ", " « ", " » "];

/// A page's title without the site's name: cut to a headline the page gives elsewhere when the
/// title is that headline and a separator and more ("Headline | Site"), else without a
/// trailing or leading part that names the site or the host ("Headline - Kompas.com").
fn clean_title(title: &str, hints: &[String], site: &str, host: &str) -> String {
    for hint in hints {
        if hint == title {
            break;
        }
        for sep in TITLE_SEPARATORS {
            let sep = sep.trim();
            if let Some(rest) = title.strip_prefix(hint.as_str())
                && rest.trim_start().starts_with(sep)
            {
                return hint.clone();
            }
            if let Some(rest) = title.strip_suffix(hint.as_str())
                && rest.trim_end().ends_with(sep)
            {
                return hint.clone();
            }
        }
    }
    let t = strip_site_suffix(title, site);
    let host_name = host
        .split('.')
        .find(|p| !matches!(*p, "www" | "m" | "news" | "amp"));
    match host_name {
        Some(h) if t == title => strip_site_suffix(title, h),
        _ => t,
    }
}

/// Removes a trailing " - Site", " | Site" (or a leading "Site | ") from a title when `Site`
/// is the site name.
fn strip_site_suffix(title: &str, site: &str) -> String {
    let site = site.trim();
    if site.is_empty() {
        return title.to_string();
    }
    for sep in TITLE_SEPARATORS {
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

/// A Latin letter without its accent ("é" → "e"): "Aktuálně" names aktualne.cz.
fn fold_latin(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ě' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ň' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ř' => 'r',
        'š' | 'ś' => 's',
        'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        other => other,
    }
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
            .map(fold_latin)
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
