//! RTF documents: clippings saved from Word, WordPad or TextEdit, and the RTF exports of the
//! news databases (Nexis Uni, Factiva), which are split into their articles like their text
//! exports.
//!
//! Written here after the RTF 1.9.1 specification: the reading of text out of RTF is a small
//! tokenizer, and the crate there is for it (`rtf-parser`) maps `\'hh` bytes to Unicode code
//! points whatever the document's code page (Windows-1252 quotes and dashes, which Word and the
//! databases write, come out as control characters) and keeps the text of destinations such as
//! headers and field instructions. What this reader does:
//!
//! * groups are a stack of states (no recursion); groups nested deeper than
//!   [`super::format::MAX_MARKUP_DEPTH`] are an error of the file;
//! * destinations that are no text (font and colour tables, style sheets, pictures, objects,
//!   field instructions, headers and footers, `{\*\…}` groups) are skipped; `\info`'s `\title`
//!   becomes the title;
//! * `\'hh` bytes decode in the code page of the document (`\ansicpg`) or of the current font
//!   (`\fcharset`), `\uN` in Unicode with its `\ucN` fallback characters skipped;
//! * `\par`, `\line`, `\row`, `\sect`, `\page` end a paragraph, `\tab` and `\cell` are tabs,
//!   and the typographic control words (`\emdash`, `\ldblquote`...) are their characters.

use super::format::MAX_MARKUP_DEPTH;
use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken};
use crate::model::ArticleDraft;
use encoding_rs::Encoding;

/// RTF documents.
pub struct Rtf;

/// What an RTF document says.
#[derive(Debug, Default, PartialEq)]
pub struct RtfText {
    /// Its paragraphs, in order, white space collapsed.
    pub paragraphs: Vec<String>,
    /// The title of its document properties (`{\info{\title …}}`), if any.
    pub title: String,
}

/// Where the characters of a group go.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Dest {
    Body,
    Skip,
    FontTable,
    Info,
    Title,
}

#[derive(Clone, Copy)]
struct State {
    dest: Dest,
    /// Fallback characters after a `\uN` (`\ucN`, 1 by default).
    uc: u32,
    /// The code page of the current font (0: the document's).
    codepage: u16,
}

/// Control words whose group is no text.
const SKIPPED: [&str; 43] = [
    "colortbl",
    "stylesheet",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "pict",
    "object",
    "objdata",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "xmlnstbl",
    "mmathPr",
    "fldinst",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "annotation",
    "atnid",
    "atnauthor",
    "bkmkstart",
    "bkmkend",
    "xe",
    "tc",
    "txe",
    "nonshppict",
    "sp",
    "pgdsctbl",
    "filetbl",
    "userprops",
    "private",
    "passwordhash",
    "wgrffmtfilter",
    "pnseclvl",
];

/// The Windows code page of an RTF font's `\fcharset`.
fn charset_codepage(charset: i32) -> u16 {
    match charset {
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => 1252,
    }
}

/// The encoding of a Windows code page (Windows-1252 for those encoding_rs lacks).
fn encoding_of(codepage: u16) -> &'static Encoding {
    let label = match codepage {
        874 => "windows-874",
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        1250..=1258 => {
            return Encoding::for_label(format!("windows-{codepage}").as_bytes())
                .unwrap_or(encoding_rs::WINDOWS_1252);
        }
        10000 => "macintosh",
        _ => "windows-1252",
    };
    Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252)
}

/// Reads the text of an RTF document.
pub fn rtf_text(bytes: &[u8]) -> Result<RtfText, String> {
    Reader::new(bytes).run()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    state: State,
    stack: Vec<State>,
    /// The document's code page (`\ansicpg`).
    codepage: u16,
    /// Code pages of the fonts, by number.
    fonts: Vec<(i32, u16)>,
    /// The font the font table is describing.
    table_font: Option<i32>,
    /// Bytes of `\'hh` escapes (and 8-bit text) waiting to be decoded together.
    pending: Vec<u8>,
    /// Characters still to skip after a `\uN`.
    skip_chars: u32,
    /// A high surrogate waiting for its low half.
    high_surrogate: Option<u16>,
    paragraph: String,
    title: String,
    out: RtfText,
    /// A `{` was just read: the next control word may name the group's destination.
    group_start: bool,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            at: 0,
            state: State {
                dest: Dest::Body,
                uc: 1,
                codepage: 0,
            },
            stack: Vec::new(),
            codepage: 1252,
            fonts: Vec::new(),
            table_font: None,
            pending: Vec::new(),
            skip_chars: 0,
            high_surrogate: None,
            paragraph: String::new(),
            title: String::new(),
            out: RtfText::default(),
            group_start: false,
        }
    }

    fn run(mut self) -> Result<RtfText, String> {
        let head = self.bytes.iter().position(|b| !b.is_ascii_whitespace());
        if !head.is_some_and(|h| self.bytes[h..].starts_with(b"{\\rtf")) {
            return Err("no RTF header ({\\rtf)".into());
        }
        while self.at < self.bytes.len() {
            let b = self.bytes[self.at];
            self.at += 1;
            match b {
                b'{' => {
                    self.flush();
                    if self.stack.len() >= MAX_MARKUP_DEPTH {
                        return Err(format!(
                            "groups nested deeper than {MAX_MARKUP_DEPTH} levels"
                        ));
                    }
                    self.stack.push(self.state);
                    self.group_start = true;
                    continue;
                }
                b'}' => {
                    self.flush();
                    if self.state.dest == Dest::Title {
                        self.out.title = collapse(&std::mem::take(&mut self.title));
                    }
                    if self.state.dest == Dest::FontTable {
                        self.table_font = None;
                    }
                    if let Some(s) = self.stack.pop() {
                        self.state = s;
                    }
                    self.skip_chars = 0;
                }
                b'\\' => self.escape(),
                b'\r' | b'\n' => {}
                _ => self.byte(b),
            }
            self.group_start = false;
        }
        self.flush();
        self.end_paragraph();
        if self.out.paragraphs.is_empty() && self.out.title.is_empty() {
            return Err("no text in the document".into());
        }
        Ok(self.out)
    }

    /// A byte of text (or of a destination's text).
    fn byte(&mut self, b: u8) {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        if b.is_ascii() {
            self.flush();
            self.push(b as char);
        } else {
            self.pending.push(b);
        }
    }

    /// Decodes the waiting `\'hh` bytes.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let cp = if self.state.codepage != 0 {
            self.state.codepage
        } else {
            self.codepage
        };
        let bytes = std::mem::take(&mut self.pending);
        let (text, _, _) = encoding_of(cp).decode(&bytes);
        for c in text.chars() {
            self.push(c);
        }
    }

    fn push(&mut self, c: char) {
        match self.state.dest {
            Dest::Body => self.paragraph.push(c),
            Dest::Title => self.title.push(c),
            Dest::Skip | Dest::FontTable | Dest::Info => {}
        }
    }

    fn end_paragraph(&mut self) {
        if self.state.dest != Dest::Body {
            return;
        }
        let p = collapse(&std::mem::take(&mut self.paragraph));
        if !p.is_empty() {
            self.out.paragraphs.push(p);
        }
    }

    /// After a backslash.
    fn escape(&mut self) {
        let Some(&b) = self.bytes.get(self.at) else {
            return;
        };
        self.at += 1;
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => {
                let start = self.at - 1;
                while self.at < self.bytes.len()
                    && self.bytes[self.at].is_ascii_alphabetic()
                    && self.at - start < 32
                {
                    self.at += 1;
                }
                let word = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
                let num_start = self.at;
                if self.bytes.get(self.at) == Some(&b'-') {
                    self.at += 1;
                }
                while self.at < self.bytes.len()
                    && self.bytes[self.at].is_ascii_digit()
                    && self.at - num_start < 11
                {
                    self.at += 1;
                }
                let param = std::str::from_utf8(&self.bytes[num_start..self.at])
                    .ok()
                    .and_then(|s| s.parse::<i64>().ok());
                if self.bytes.get(self.at) == Some(&b' ') {
                    self.at += 1;
                }
                let word = word.to_string();
                self.control(&word, param);
            }
            b'\'' => {
                let hex = self
                    .bytes
                    .get(self.at..self.at + 2)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(v) = hex {
                    self.at += 2;
                    if self.skip_chars > 0 {
                        self.skip_chars -= 1;
                    } else {
                        self.pending.push(v);
                    }
                }
            }
            // `{\*\word …}`: a destination this reader may not know: skipped.
            b'*' => self.state.dest = Dest::Skip,
            b'\\' | b'{' | b'}' => self.byte(b),
            b'~' => {
                self.flush();
                self.push(' ');
            }
            b'_' => {
                self.flush();
                self.push('-');
            }
            b'\n' | b'\r' => {
                self.flush();
                self.end_paragraph();
            }
            _ => {}
        }
    }

    fn control(&mut self, word: &str, param: Option<i64>) {
        self.flush();
        let at_start = self.group_start;
        let text = match word {
            "par" | "sect" | "page" | "row" | "line" => {
                self.end_paragraph();
                None
            }
            "tab" | "cell" => Some('\t'),
            "emdash" => Some('—'),
            "endash" => Some('–'),
            "lquote" => Some('‘'),
            "rquote" => Some('’'),
            "ldblquote" => Some('“'),
            "rdblquote" => Some('”'),
            "bullet" => Some('•'),
            "emspace" | "enspace" | "qmspace" => Some(' '),
            "u" => {
                if let Some(n) = param {
                    let n = if n < 0 { n + 65_536 } else { n };
                    let unit = u16::try_from(n).unwrap_or(0xfffd);
                    self.skip_chars = self.state.uc;
                    self.unicode(unit);
                }
                None
            }
            "uc" => {
                self.state.uc = param
                    .and_then(|p| u32::try_from(p).ok())
                    .unwrap_or(1)
                    .min(8);
                None
            }
            "ansicpg" => {
                if let Some(cp) = param.and_then(|p| u16::try_from(p).ok()) {
                    self.codepage = cp;
                }
                None
            }
            "mac" => {
                self.codepage = 10000;
                None
            }
            "bin" => {
                let n = param.and_then(|p| usize::try_from(p).ok()).unwrap_or(0);
                self.at = self.at.saturating_add(n).min(self.bytes.len());
                None
            }
            "fonttbl" => {
                self.state.dest = Dest::FontTable;
                None
            }
            "f" => {
                let n = param.unwrap_or(0) as i32;
                if self.state.dest == Dest::FontTable {
                    self.table_font = Some(n);
                } else {
                    self.state.codepage = self
                        .fonts
                        .iter()
                        .find(|(f, _)| *f == n)
                        .map_or(0, |(_, cp)| *cp);
                }
                None
            }
            "fcharset" => {
                if let (Some(f), Some(c)) = (self.table_font, param) {
                    let cp = charset_codepage(c as i32);
                    // Charset 0 (ANSI) follows the document's code page.
                    let cp = if c == 0 { 0 } else { cp };
                    self.fonts.retain(|(n, _)| *n != f);
                    self.fonts.push((f, cp));
                }
                None
            }
            "info" => {
                self.state.dest = Dest::Info;
                None
            }
            "title" if self.state.dest == Dest::Info => {
                self.state.dest = Dest::Title;
                self.title.clear();
                None
            }
            _ if self.state.dest == Dest::Info && at_start => {
                // \author, \subject, \creatim...: not the article's.
                self.state.dest = Dest::Skip;
                None
            }
            w if at_start && SKIPPED.contains(&w) => {
                self.state.dest = Dest::Skip;
                None
            }
            _ => None,
        };
        if let Some(c) = text {
            self.push(c);
        }
    }

    fn unicode(&mut self, unit: u16) {
        if (0xd800..0xdc00).contains(&unit) {
            self.high_surrogate = Some(unit);
            return;
        }
        let c = match self.high_surrogate.take() {
            Some(high) if (0xdc00..0xe000).contains(&unit) => {
                char::decode_utf16([high, unit]).next().and_then(Result::ok)
            }
            _ => char::from_u32(u32::from(unit)),
        };
        self.push(c.unwrap_or('\u{fffd}'));
    }
}

/// White space runs (tabs kept as one space) collapsed, the ends trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Importer for Rtf {
    fn format(&self) -> Format {
        Format("RTF")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        let start = probe
            .bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        probe.bytes[start..].starts_with(b"{\\rtf")
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let doc = rtf_text(src.bytes).map_err(|e| broken(self.format(), e))?;
        let joined = doc.paragraphs.join("\n\n");
        if let Some(parsed) = super::newsdb::split_export(&joined) {
            return Ok(parsed);
        }
        let title = if doc.title.is_empty() {
            doc.paragraphs.first().cloned().unwrap_or_default()
        } else {
            doc.title
        };
        Ok(Parsed::one(ArticleDraft {
            title,
            text: joined,
            ..ArticleDraft::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_like_rtf_reads_its_text_only() {
        let rtf = br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset204 Arial;}}
{\colortbl;\red0\green0\blue0;}{\*\generator Riched20 10.0;}{\info{\title Rusia kecam serangan}{\author Rina}}
{\header Halaman 1\par}
\pard\f0 Rusia \'93mengecam\'94 serangan\emdash di Suriah.\par
{\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt Turki}} dan PBB\u8217?s seruan.\par
\f1 \'cc\'ee\'f1\'ea\'e2\'e0 \f0 caf\'e9\line baris {\*\bkmkstart a}dua\cell tiga\par
{\pict\pngblip 89504e470d0a}\uc2\u-10179\'3f\'3f\u-8704\'3f\'3f emoji\par}"#;
        let doc = rtf_text(rtf).expect("rtf");
        assert_eq!(doc.title, "Rusia kecam serangan");
        assert_eq!(
            doc.paragraphs,
            [
                "Rusia “mengecam” serangan—di Suriah.",
                "Turki dan PBB’s seruan.",
                "Москва café",
                "baris dua tiga",
                "\u{1F600} emoji",
            ]
        );
    }

    #[test]
    fn broken_rtf_is_an_error_not_a_panic() {
        assert!(rtf_text(b"not rtf").is_err());
        assert!(rtf_text(b"{\\rtf1 ").is_err());
        let deep = format!("{{\\rtf1 {}x{}", "{".repeat(10_000), "}".repeat(10_000));
        assert!(
            rtf_text(deep.as_bytes())
                .expect_err("deep")
                .contains("nested deeper")
        );
        // Cut anywhere: text or an error.
        let rtf = b"{\\rtf1\\ansi{\\fonttbl{\\f0 A;}}\\u1234?\\'e9 Rusia\\par}";
        for n in 0..rtf.len() {
            let _ = rtf_text(&rtf[..n]);
        }
    }
}
