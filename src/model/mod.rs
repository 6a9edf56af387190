//! The domain types shared by every module: articles, dates, languages, actors, mentions.

mod dictionary;
mod filter;
mod hash;
pub mod minhash;
mod view;

pub use dictionary::{
    Actor, Alias, CaseRule, ContextRule, Dictionary, DictionaryEdits, DictionaryError,
    PhraseExclusion, UserAlias,
};
pub use filter::Filter;
pub use hash::text_hash;
pub use view::{SavedView, VIEW_VERSION, ViewError};

use chrono::NaiveDateTime;
use std::fmt;
use std::path::PathBuf;

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DateSource {
    /// The file's own metadata (a feed's pubDate, an HTML meta tag, a JSON/CSV date field).
    Metadata,
    /// A dateline or a date in the first lines of the text.
    Text,
    /// A date in the article's URL.
    Url,
    /// A date in the file name.
    Filename,
    /// Set by the user.
    User,
    /// When a crawler captured the page (a web archive's record date), no date of its own.
    Capture,
    /// No date found: the article stays undated.
    #[default]
    None,
}

impl DateSource {
    /// Every value, in a stable order.
    pub const ALL: [DateSource; 7] = [
        DateSource::Metadata,
        DateSource::Text,
        DateSource::Url,
        DateSource::Filename,
        DateSource::User,
        DateSource::Capture,
        DateSource::None,
    ];

    /// The name stored in the database and written in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Text => "text",
            DateSource::Url => "url",
            DateSource::Filename => "filename",
            DateSource::User => "user",
            DateSource::Capture => "capture",
            DateSource::None => "none",
        }
    }

    /// Parses a stored name; unknown names give `None`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of an article, as far as pantau cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Language {
    /// Bahasa Indonesia.
    Indonesian,
    /// English.
    English,
    /// Anything else, or too little text to tell.
    #[default]
    Other,
}

impl Language {
    /// Every value, in a stable order.
    pub const ALL: [Language; 3] = [Language::Indonesian, Language::English, Language::Other];

    /// ISO 639-1 code stored in the database ("id", "en"), or "other".
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Indonesian => "id",
            Language::English => "en",
            Language::Other => "other",
        }
    }

    /// Parses a stored code; unknown codes give `None`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An article as an importer read it, before tagging and storage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDraft {
    /// Headline; may be empty when the file has none.
    pub title: String,
    /// The article's text, boilerplate removed, paragraphs separated by blank lines.
    pub text: String,
    /// The outlet that published it ("wartaperang", "CNN Indonesia"); may be empty.
    pub source: String,
    /// The original source the outlet credits ("sumber: al-arabiya"); may be empty.
    pub original_source: String,
    /// The article's URL; may be empty.
    pub url: String,
    /// Where it was reported from, by its own dateline ("Jakarta", "TOKYO"); may be empty.
    pub dateline_place: String,
    /// That place's country (ISO alpha-3, "JPN"); empty when unknown.
    pub dateline_country: String,
    /// Its authors as the file names them ("Rina Contoh; Budi"), from a byline, an author
    /// field or a "Penulis:" / "Pewarta:" line; may be empty.
    pub byline: String,
    /// Its editor ("Editor:" / "Redaktur:" lines); may be empty.
    pub editor: String,
    /// The outlet's section ("World", "Nasional"); may be empty.
    pub section: String,
    /// The length the file states ("Length: 523 words"), if any.
    pub stated_words: Option<u32>,
    /// Characters of the text the service that exported it left out (NewsAPI's
    /// "[+1234 chars]"), if it cut the text.
    pub missing_chars: Option<u64>,
    /// Publication date and time (local time of the outlet, as written), if known.
    pub published: Option<NaiveDateTime>,
    /// Where `published` came from.
    pub date_source: DateSource,
    /// The language: the file's own when it states one (`language_given`), else detected.
    pub language: Language,
    /// The file stated the language (a record's `language` field): it is not detected.
    pub language_given: bool,
    /// The record's own id inside a multi-article file (JSON id, RSS guid, CSV id column);
    /// empty for one-article files.
    pub source_id: String,
    /// The file the article came from.
    pub path: PathBuf,
    /// Paragraph and sentence counts of `text`, when already computed (the import's worker
    /// threads do it, so the single writer does not); the store computes them when `None`.
    pub units: Option<TextUnits>,
    /// `store::text_hash` of the article, when already computed (by the import's
    /// workers, like `units`); the store computes it when `None`.
    pub text_hash: Option<[u8; 16]>,
    /// Its near-duplicate signature ([`minhash::MinHash`]), computed by the import's
    /// workers; `None` for a short text (only exact copies are grouped then) or when not
    /// computed.
    pub minhash: Option<Box<minhash::MinHash>>,
}

/// How many paragraphs and sentences a text has: the units of the co-occurrence windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextUnits {
    /// Paragraphs (blank-line separated).
    pub paragraphs: u32,
    /// Sentences (Unicode sentence boundaries).
    pub sentences: u32,
}

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    /// A country (ISO 3166-1 alpha-3 code).
    Country,
    /// An organization (a short upper-case code of pantau's).
    Organization,
}

impl ActorKind {
    /// Every value.
    pub const ALL: [ActorKind; 2] = [ActorKind::Country, ActorKind::Organization];

    /// The stored name: "country" or "organization".
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an alias refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Via {
    /// A full or common name ("Amerika Serikat", "Russia").
    #[default]
    Name,
    /// An abbreviation or short form ("AS", "U.S.", "PBB").
    Short,
    /// An adjective or demonym ("Russian", "Turkish").
    Demonym,
    /// A capital or major city that stands for the country ("Moskow").
    Place,
}

impl Via {
    /// Every value.
    pub const ALL: [Via; 4] = [Via::Name, Via::Short, Via::Demonym, Via::Place];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Short => "short",
            Via::Demonym => "demonym",
            Via::Place => "place",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Via {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sentence and paragraph index of a headline's mentions: the headline is a unit of its
/// own (for the co-occurrence windows), apart from the text's.
pub const TITLE_UNIT: u32 = u32::MAX;

/// Which field of an article a mention stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Field {
    /// The body text.
    #[default]
    Text,
    /// The headline (of a feed item, a page, a record), tagged apart from the text.
    Title,
}

impl Field {
    /// The stored and exported name.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Title => "title",
        }
    }

    /// The stored number (0 text, 1 title).
    pub fn code(self) -> i64 {
        match self {
            Field::Text => 0,
            Field::Title => 1,
        }
    }

    /// From the stored number.
    pub fn from_code(n: i64) -> Field {
        if n == 1 { Field::Title } else { Field::Text }
    }
}

/// Where in an article a mention stands: what commercial monitors call prominence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub enum Prominence {
    /// Anywhere after the lead.
    #[default]
    Body,
    /// The first paragraph (or the first 60 words when there are no paragraphs).
    Lead,
    /// The headline.
    Headline,
}

impl Prominence {
    /// Every value, least prominent first.
    pub const ALL: [Prominence; 3] = [Prominence::Body, Prominence::Lead, Prominence::Headline];

    /// The stored and exported name.
    pub fn as_str(self) -> &'static str {
        match self {
            Prominence::Body => "body",
            Prominence::Lead => "lead",
            Prominence::Headline => "headline",
        }
    }

    /// The stored number (0 body, 1 lead, 2 headline).
    pub fn code(self) -> i64 {
        match self {
            Prominence::Body => 0,
            Prominence::Lead => 1,
            Prominence::Headline => 2,
        }
    }

    /// From the stored number.
    pub fn from_code(n: i64) -> Prominence {
        match n {
            2 => Prominence::Headline,
            1 => Prominence::Lead,
            _ => Prominence::Body,
        }
    }

    /// Parses a name ("headline", "lead", "body").
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// One mention of an actor found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The actor's code ("RUS", "ISIS").
    pub actor_code: String,
    /// The text as it stands in the article ("Rusia").
    pub matched_text: String,
    /// How the alias refers to the actor.
    pub via: Via,
    /// Offset of the first character, counted in Unicode scalar values from the text's start.
    pub start_char: usize,
    /// Offset one past the last character.
    pub end_char: usize,
    /// Index of the sentence (0-based, across the whole text) that holds the mention.
    pub sentence_idx: u32,
    /// Index of the paragraph (0-based) that holds the mention.
    pub paragraph_idx: u32,
    /// The field it stands in; offsets, sentence and paragraph are the field's.
    pub field: Field,
    /// Headline, lead or body.
    pub prominence: Prominence,
}
