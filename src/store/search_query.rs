//! Full-text queries in SQLite FTS5 syntax, evaluated in two steps.
//!
//! The index (see [`super::fulltext`]) is built with `detail=none`: it records which articles
//! hold a word, not where. That makes the import's index thread far cheaper (the positions were
//! most of its work), but FTS5 then refuses phrases ("amerika serikat"), `NEAR`, column filters
//! and `^`. So a query is parsed here, exactly as FTS5 parses it, and answered in two steps:
//! the index narrows the articles with the words of the query ([`SearchQuery::index_query`],
//! a superset of the answer), and [`SearchQuery::matches`] checks each of those against the
//! article's title and text, tokenised as FTS5's `unicode61` tokenizer does. A query of single
//! words and boolean operators needs no second step: the index answers it exactly.
//!
//! The behaviour is FTS5's own, checked by a property test against an FTS5 table that keeps
//! positions: precedence (`OR` < `AND` < `NOT` < implicit `AND`), phrases with `+` and `*`,
//! `NEAR(... , N)`, column sets (`title:`, `{title text}:`, `-title:`), `^`, and strings
//! with no word in them, which match nothing.

/// The indexed columns, in index order.
pub(crate) const COLUMNS: [&str; 2] = ["title", "text"];
const ALL_COLUMNS: u8 = 0b11;
/// FTS5's default distance of a `NEAR` group.
const DEFAULT_NEAR: usize = 10;

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    /// Matches nothing (a string with no word in it).
    Nothing,
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    /// The left side without the right.
    Not(Box<Expr>, Box<Expr>),
    /// Phrases within `distance` tokens of each other in one of `columns` (one phrase: the
    /// phrase anywhere in them).
    Near {
        columns: u8,
        phrases: Vec<Phrase>,
        distance: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct Phrase {
    /// Folded terms, each with whether it is a prefix (`amer*`).
    terms: Vec<(String, bool)>,
    /// Must start a column (`^`).
    initial: bool,
}

/// Why a query cannot be parsed (the words of FTS5's own messages).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(String);

/// What the search box and `--query` tell users when a query does not parse.
pub const SYNTAX_HINT: &str = "Words must all occur; \"exact phrase\", a OR b, a NOT b, (…), \
amer*, title:opec, text:(…), ^first, NEAR(a b, 5). Quote words with punctuation: \"al-qaeda\".";

/// A query as a user typed it, in the window's search box or after `--query`: FTS5 syntax;
/// or, when it does not parse but uses none of that syntax's marks (no quotes, parentheses,
/// braces, `:`, `^`, `*`, `+`, nor an upper-case operator), plain words each taken literally,
/// so "al-qaeda U.S." finds what it says. Returns the query in FTS5 syntax and its parse.
pub fn interpret(text: &str) -> Result<(String, SearchQuery), QueryError> {
    let text = text.trim();
    match SearchQuery::parse(text) {
        Ok(q) => Ok((text.to_string(), q)),
        Err(e) => {
            let marks = text.contains(['"', '(', ')', '{', '}', ':', '^', '*', '+']);
            let operator = text
                .split_whitespace()
                .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with("NEAR"));
            if marks || operator {
                return Err(e);
            }
            let quoted = text
                .split_whitespace()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(" ");
            let q = SearchQuery::parse(&quoted)?;
            Ok((quoted, q))
        }
    }
}

impl SearchQuery {
    /// Parses a query in FTS5 syntax.
    pub fn parse(query: &str) -> Result<SearchQuery, QueryError> {
        let tokens = lex(query)?;
        let mut parser = Parser {
            tokens,
            at: 0,
            depth: 0,
            phrases: 0,
        };
        let expr = parser.or()?;
        match parser.peek() {
            Tok::Eof => Ok(SearchQuery { expr }),
            t => Err(parser.error_near(t)),
        }
    }

    /// A query for a `detail=none` index whose answer includes every article this query
    /// matches (`None`: no narrowing is possible, every article is a candidate).
    pub fn index_query(&self) -> Option<String> {
        superset(&self.expr)
    }

    /// True when [`SearchQuery::index_query`] answers the query exactly, so no article needs
    /// [`SearchQuery::matches`].
    pub fn index_is_exact(&self) -> bool {
        exact(&self.expr).is_some()
    }

    /// [`SearchQuery::index_query`] as a PostgreSQL `tsquery` over the words of
    /// [`index_words`] (a server's search vector): `None` when every article is a candidate.
    pub fn server_query(&self) -> Option<String> {
        tsquery_superset(&self.expr)
    }

    /// True when an article with this title and text matches.
    pub fn matches(&self, title: &str, text: &str) -> bool {
        let columns = [Tokens::new(title), Tokens::new(text)];
        eval(&self.expr, &columns)
    }
}

// ---------------------------------------------------------------------------------------------
// Lexer (FTS5's fts5ExprGetToken).

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Or,
    And,
    Not,
    /// A bareword or a quoted string (unquoted here), and whether it was quoted.
    Str(String, bool),
    Colon,
    Minus,
    Lcp,
    Rcp,
    Lp,
    Rp,
    Caret,
    Comma,
    Plus,
    Star,
    Eof,
}

fn is_bareword(b: u8) -> bool {
    b >= 0x80 || b.is_ascii_alphanumeric() || b == b'_' || b == 0x1a
}

fn lex(query: &str) -> Result<Vec<Tok>, QueryError> {
    let bytes = query.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        let simple = match b {
            0 => break,
            b'(' => Some(Tok::Lp),
            b')' => Some(Tok::Rp),
            b'{' => Some(Tok::Lcp),
            b'}' => Some(Tok::Rcp),
            b':' => Some(Tok::Colon),
            b',' => Some(Tok::Comma),
            b'+' => Some(Tok::Plus),
            b'*' => Some(Tok::Star),
            b'-' => Some(Tok::Minus),
            b'^' => Some(Tok::Caret),
            _ => None,
        };
        if let Some(t) = simple {
            out.push(t);
            i += 1;
            continue;
        }
        if b == b'"' {
            let mut s = String::new();
            let mut j = i + 1;
            loop {
                match bytes.get(j) {
                    None | Some(0) => return Err(QueryError("unterminated string".into())),
                    Some(b'"') if bytes.get(j + 1) == Some(&b'"') => {
                        s.push('"');
                        j += 2;
                    }
                    Some(b'"') => break,
                    Some(_) => {
                        // Up to the next quote (a char boundary: quotes are ASCII).
                        let next = query[j..].find(['"', '\0']).map_or(bytes.len(), |k| j + k);
                        s.push_str(&query[j..next]);
                        j = next;
                    }
                }
            }
            out.push(Tok::Str(s, true));
            i = j + 1;
            continue;
        }
        if !is_bareword(b) {
            let c = query[i..].chars().next().unwrap_or(' ');
            return Err(QueryError(format!("syntax error near \"{c}\"")));
        }
        let mut j = i;
        while j < bytes.len() && is_bareword(bytes[j]) {
            j += 1;
        }
        let word = &query[i..j];
        out.push(match word {
            "OR" => Tok::Or,
            "AND" => Tok::And,
            "NOT" => Tok::Not,
            _ => Tok::Str(word.to_string(), false),
        });
        i = j;
    }
    out.push(Tok::Eof);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Parser (the grammar of fts5parse.y; precedence OR < AND < NOT < implicit AND).

struct Parser {
    tokens: Vec<Tok>,
    at: usize,
    /// Parentheses open around the current place.
    depth: usize,
    /// Phrases read so far.
    phrases: usize,
}

/// Limits that keep parsing and evaluation shallow (they recurse over the query): a longer
/// query is refused with a clear error rather than risking the stack.
const MAX_DEPTH: usize = 100;
const MAX_PHRASES: usize = 1000;

impl Parser {
    fn peek(&self) -> Tok {
        self.peek_at(0)
    }

    fn peek_at(&self, k: usize) -> Tok {
        self.tokens.get(self.at + k).cloned().unwrap_or(Tok::Eof)
    }

    fn next(&mut self) -> Tok {
        let t = self.peek();
        self.at += 1;
        t
    }

    fn error_near(&self, t: Tok) -> QueryError {
        let near = match t {
            Tok::Or => "OR".to_string(),
            Tok::And => "AND".into(),
            Tok::Not => "NOT".into(),
            Tok::Str(s, _) => s,
            Tok::Colon => ":".into(),
            Tok::Minus => "-".into(),
            Tok::Lcp => "{".into(),
            Tok::Rcp => "}".into(),
            Tok::Lp => "(".into(),
            Tok::Rp => ")".into(),
            Tok::Caret => "^".into(),
            Tok::Comma => ",".into(),
            Tok::Plus => "+".into(),
            Tok::Star => "*".into(),
            Tok::Eof => return QueryError("syntax error: the query ends too early".into()),
        };
        QueryError(format!("syntax error near \"{near}\""))
    }

    fn expect(&mut self, want: Tok) -> Result<(), QueryError> {
        let t = self.next();
        if t == want {
            Ok(())
        } else {
            Err(self.error_near(t))
        }
    }

    fn or(&mut self) -> Result<Expr, QueryError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(QueryError(format!(
                "the query nests more than {MAX_DEPTH} parentheses"
            )));
        }
        let result = self.or_inner();
        self.depth -= 1;
        result
    }

    fn or_inner(&mut self) -> Result<Expr, QueryError> {
        let mut left = self.and()?;
        while self.peek() == Tok::Or {
            self.next();
            let right = self.and()?;
            left = match (left, right) {
                (Expr::Nothing, r) => r,
                (l, Expr::Nothing) => l,
                (l, r) => Expr::Or(Box::new(l), Box::new(r)),
            };
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, QueryError> {
        let mut left = self.not()?;
        while self.peek() == Tok::And {
            self.next();
            let right = self.not()?;
            left = match (left, right) {
                (Expr::Nothing, _) | (_, Expr::Nothing) => Expr::Nothing,
                (l, r) => Expr::And(Box::new(l), Box::new(r)),
            };
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, QueryError> {
        let mut left = self.primary()?;
        while self.peek() == Tok::Not {
            self.next();
            let right = self.primary()?;
            left = match (left, right) {
                (Expr::Nothing, _) => Expr::Nothing,
                (l, Expr::Nothing) => l,
                (l, r) => Expr::Not(Box::new(l), Box::new(r)),
            };
        }
        Ok(left)
    }

    /// `( expr )`, `colset : ( expr )`, or a run of near sets (implicit AND).
    fn primary(&mut self) -> Result<Expr, QueryError> {
        if self.peek() == Tok::Lp {
            self.next();
            let e = self.or()?;
            self.expect(Tok::Rp)?;
            return Ok(e);
        }
        let mut list: Vec<Expr> = Vec::new();
        let mut empty = false;
        loop {
            let columns = self.colset_prefix()?;
            if let Some(columns) = columns
                && self.peek() == Tok::Lp
            {
                if !list.is_empty() || empty {
                    return Err(self.error_near(Tok::Lp));
                }
                self.next();
                let e = self.or()?;
                self.expect(Tok::Rp)?;
                return Ok(restrict(e, columns));
            }
            let near = self.nearset(columns.unwrap_or(ALL_COLUMNS))?;
            match near {
                Expr::Nothing => empty = true,
                e => list.push(e),
            }
            if !self.starts_nearset() {
                break;
            }
        }
        let mut items = list.into_iter();
        let Some(first) = items.next() else {
            return Ok(Expr::Nothing);
        };
        Ok(items.fold(first, |l, r| Expr::And(Box::new(l), Box::new(r))))
    }

    /// True when the next tokens begin another near set of an implicit AND.
    fn starts_nearset(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Str(..) | Tok::Minus | Tok::Lcp | Tok::Caret
        )
    }

    /// A column set followed by `:`, if one comes next.
    fn colset_prefix(&mut self) -> Result<Option<u8>, QueryError> {
        let negated = self.peek() == Tok::Minus;
        let start = usize::from(negated);
        let columns = match self.peek_at(start) {
            Tok::Str(name, _) if self.peek_at(start + 1) == Tok::Colon => {
                self.at += start + 2;
                column_bit(&name)?
            }
            Tok::Lcp => {
                self.at += start + 1;
                let mut bits = 0;
                loop {
                    match self.next() {
                        Tok::Str(name, _) => bits |= column_bit(&name)?,
                        Tok::Rcp if bits != 0 => break,
                        t => return Err(self.error_near(t)),
                    }
                }
                self.expect(Tok::Colon)?;
                bits
            }
            t if negated => return Err(self.error_near(t)),
            _ => return Ok(None),
        };
        Ok(Some(if negated {
            ALL_COLUMNS & !columns
        } else {
            columns
        }))
    }

    /// `phrase`, `^ phrase` or `NEAR(phrase phrase ... [, N])`.
    fn nearset(&mut self, columns: u8) -> Result<Expr, QueryError> {
        let (phrases, distance) = match self.peek() {
            Tok::Caret => {
                self.next();
                let mut p = self.phrase()?;
                p.initial = true;
                (vec![p], DEFAULT_NEAR)
            }
            Tok::Str(word, quoted) if self.peek_at(1) == Tok::Lp => {
                if quoted || word != "NEAR" {
                    return Err(self.error_near(Tok::Str(word, quoted)));
                }
                self.at += 2;
                let mut phrases = vec![self.phrase()?];
                while matches!(self.peek(), Tok::Str(..)) {
                    phrases.push(self.phrase()?);
                }
                let mut distance = DEFAULT_NEAR;
                if self.peek() == Tok::Comma {
                    self.next();
                    match self.next() {
                        Tok::Str(n, false) if n.bytes().all(|b| b.is_ascii_digit()) => {
                            distance = n.parse().unwrap_or(usize::MAX);
                        }
                        Tok::Str(n, _) => {
                            return Err(QueryError(format!("expected integer, got \"{n}\"")));
                        }
                        t => return Err(self.error_near(t)),
                    }
                }
                self.expect(Tok::Rp)?;
                (phrases, distance)
            }
            Tok::Str(..) => (vec![self.phrase()?], DEFAULT_NEAR),
            t => return Err(self.error_near(t)),
        };
        let phrases: Vec<Phrase> = phrases
            .into_iter()
            .filter(|p| !p.terms.is_empty())
            .collect();
        // No word at all: dropped from a run of near sets (see `primary`). No column left
        // (`-{title text}:`) is different: a set that matches nothing but stays in the run.
        if phrases.is_empty() {
            return Ok(Expr::Nothing);
        }
        Ok(Expr::Near {
            columns,
            phrases,
            distance,
        })
    }

    /// `string [*] (+ string [*])*`.
    fn phrase(&mut self) -> Result<Phrase, QueryError> {
        self.phrases += 1;
        if self.phrases > MAX_PHRASES {
            return Err(QueryError(format!(
                "the query has more than {MAX_PHRASES} words or phrases"
            )));
        }
        let mut terms = Vec::new();
        loop {
            let Tok::Str(s, _) = self.next() else {
                let t = self.tokens[self.at - 1].clone();
                return Err(self.error_near(t));
            };
            terms.extend(Tokens::new(&s).words().map(|w| (w.to_string(), false)));
            let star = self.peek() == Tok::Star;
            if star {
                self.next();
            }
            // As FTS5 does: the star (or its absence) goes to the phrase's last term so far,
            // even when this string added none ("a* + \",\"" is the phrase "a").
            if let Some(last) = terms.last_mut() {
                last.1 = star;
            }
            if self.peek() != Tok::Plus {
                break;
            }
            self.next();
        }
        Ok(Phrase {
            terms,
            initial: false,
        })
    }
}

fn column_bit(name: &str) -> Result<u8, QueryError> {
    COLUMNS
        .iter()
        .position(|c| c.eq_ignore_ascii_case(name))
        .map(|i| 1 << i)
        .ok_or_else(|| QueryError(format!("no such column: {name}")))
}

/// `e` with every near set restricted to `columns`.
fn restrict(e: Expr, columns: u8) -> Expr {
    match e {
        Expr::Nothing => Expr::Nothing,
        Expr::And(l, r) => Expr::And(
            Box::new(restrict(*l, columns)),
            Box::new(restrict(*r, columns)),
        ),
        Expr::Or(l, r) => Expr::Or(
            Box::new(restrict(*l, columns)),
            Box::new(restrict(*r, columns)),
        ),
        Expr::Not(l, r) => Expr::Not(
            Box::new(restrict(*l, columns)),
            Box::new(restrict(*r, columns)),
        ),
        Expr::Near {
            columns: c,
            phrases,
            distance,
        } => Expr::Near {
            columns: c & columns,
            phrases,
            distance,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The index query: what a `detail=none` index can answer.

/// An index query being written, and how tightly its top operator binds (FTS5: `OR` <
/// `AND` < `NOT` < a single term), so parentheses are written only where needed: FTS5's
/// parser refuses deep nesting ("parser stack overflow"), and a long search is a long chain.
struct Written(String, Binding);

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Binding {
    Or,
    And,
    Not,
    Term,
}

impl Written {
    /// The query as an operand that needs at least `binding`.
    fn operand(self, binding: Binding) -> String {
        if self.1 >= binding {
            self.0
        } else {
            format!("({})", self.0)
        }
    }

    fn and(l: Written, r: Written) -> Written {
        Written(
            format!(
                "{} AND {}",
                l.operand(Binding::And),
                r.operand(Binding::And)
            ),
            Binding::And,
        )
    }

    fn or(l: Written, r: Written) -> Written {
        Written(
            format!("{} OR {}", l.operand(Binding::Or), r.operand(Binding::Or)),
            Binding::Or,
        )
    }

    /// `NOT` is left-associative: its right side must be a single term or in parentheses.
    fn not(l: Written, r: Written) -> Written {
        Written(
            format!(
                "{} NOT {}",
                l.operand(Binding::Not),
                r.operand(Binding::Term)
            ),
            Binding::Not,
        )
    }

    /// A term: quoted, with its prefix star.
    fn term((term, prefix): &(String, bool)) -> Written {
        let star = if *prefix { "*" } else { "" };
        Written(
            format!("\"{}\"{star}", term.replace('"', "\"\"")),
            Binding::Term,
        )
    }

    /// A query no article matches.
    fn nothing() -> Written {
        Written("\"\"".into(), Binding::Term)
    }
}

/// A query whose answer includes every match of `e`; `None` for "every article".
fn superset(e: &Expr) -> Option<String> {
    written_superset(e).map(|w| w.0)
}

fn written_superset(e: &Expr) -> Option<Written> {
    match e {
        // No candidate at all: a query no article can match.
        Expr::Nothing => Some(Written::nothing()),
        Expr::And(l, r) => match (written_superset(l), written_superset(r)) {
            (Some(l), Some(r)) => Some(Written::and(l, r)),
            (one, None) | (None, one) => one,
        },
        Expr::Or(l, r) => Some(Written::or(written_superset(l)?, written_superset(r)?)),
        Expr::Not(l, r) => {
            let l = written_superset(l)?;
            Some(match written_exact(r) {
                Some(r) => Written::not(l, r),
                None => l,
            })
        }
        Expr::Near { phrases, .. } => phrases
            .iter()
            .flat_map(|p| &p.terms)
            .map(Written::term)
            .reduce(Written::and),
    }
}

/// [`written_superset`] in `tsquery` syntax: `&`, `|`, `& !` for a `NOT` whose right side
/// the words answer exactly, quoted lexemes (`'word'`, `'pre':*`).
fn tsquery_superset(e: &Expr) -> Option<String> {
    match e {
        // A lexeme with a space: never one of an article's words.
        Expr::Nothing => Some("'no such word'".into()),
        Expr::And(l, r) => match (tsquery_superset(l), tsquery_superset(r)) {
            (Some(l), Some(r)) => Some(format!("({l} & {r})")),
            (one, None) | (None, one) => one,
        },
        Expr::Or(l, r) => Some(format!(
            "({} | {})",
            tsquery_superset(l)?,
            tsquery_superset(r)?
        )),
        Expr::Not(l, r) => {
            let l = tsquery_superset(l)?;
            Some(match written_exact(r).and_then(|_| tsquery_superset(r)) {
                Some(r) => format!("({l} & !{r})"),
                None => l,
            })
        }
        Expr::Near { phrases, .. } => {
            let terms: Vec<&(String, bool)> = phrases.iter().flat_map(|p| &p.terms).collect();
            // A word too long for the vector: every article is a candidate.
            if terms.iter().any(|(t, _)| t.len() > SERVER_WORD_BYTES) {
                return None;
            }
            terms
                .into_iter()
                .map(|(term, prefix)| {
                    // Words are letters and digits: nothing to escape.
                    format!("'{term}'{}", if *prefix { ":*" } else { "" })
                })
                .reduce(|a, b| format!("({a} & {b})"))
        }
    }
}

/// The distinct words of an article's title and text, folded as the search folds them: a
/// server's search vector. Words longer than a server keeps (2,046 bytes) are left out (a
/// search for one checks every article instead).
pub fn index_words(title: &str, text: &str) -> Vec<String> {
    let mut words: Vec<String> = [Tokens::new(title), Tokens::new(text)]
        .iter()
        .flat_map(|t| t.words().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.len() <= SERVER_WORD_BYTES)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The longest word a server's search vector holds.
const SERVER_WORD_BYTES: usize = 2_046;

/// The index query that answers `e` exactly, if there is one: single words (or prefixes) in
/// any column, and boolean operators.
fn exact(e: &Expr) -> Option<String> {
    written_exact(e).map(|w| w.0)
}

fn written_exact(e: &Expr) -> Option<Written> {
    match e {
        Expr::Nothing => Some(Written::nothing()),
        Expr::And(l, r) => Some(Written::and(written_exact(l)?, written_exact(r)?)),
        Expr::Or(l, r) => Some(Written::or(written_exact(l)?, written_exact(r)?)),
        Expr::Not(l, r) => Some(Written::not(written_exact(l)?, written_exact(r)?)),
        Expr::Near {
            columns, phrases, ..
        } => match phrases.as_slice() {
            [p] if *columns == ALL_COLUMNS && !p.initial && p.terms.len() == 1 => {
                Some(Written::term(&p.terms[0]))
            }
            _ => None,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens (FTS5's unicode61 tokenizer: letters, digits and private-use characters make words;
// case folded; diacritics of Latin letters removed).

struct Tokens {
    folded: String,
    /// Byte ranges of the words in `folded`.
    words: Vec<(usize, usize)>,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        let mut folded = String::with_capacity(text.len());
        let mut words = Vec::new();
        let mut start: Option<usize> = None;
        for c in text.chars() {
            if is_token_char(c) {
                let at = folded.len();
                start.get_or_insert(at);
                push_folded(&mut folded, c);
            } else if is_combining_diacritic(c) && start.is_some() {
                // Continues the word, and is removed.
            } else if let Some(s) = start.take() {
                words.push((s, folded.len()));
            }
        }
        if let Some(s) = start {
            words.push((s, folded.len()));
        }
        Tokens { folded, words }
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|&(s, e)| &self.folded[s..e])
    }

    fn word(&self, i: usize) -> &str {
        let (s, e) = self.words[i];
        &self.folded[s..e]
    }
}

/// Word characters of `unicode61`: letters, digits and private use.
fn is_token_char(c: char) -> bool {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
            | G::PrivateUse
    )
}

fn is_combining_diacritic(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// `c` in lower case without the diacritic of a Latin letter.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        if !is_combining_diacritic(l) {
            out.push(strip_diacritic(l));
        }
    }
}

/// The base letter of a lower-case Latin letter whose canonical decomposition adds one
/// diacritic (Latin-1 and Latin Extended-A), as `remove_diacritics=1` gives it; letters that
/// do not decompose ("ø", "ł", "đ") stay.
fn strip_diacritic(c: char) -> char {
    const LATIN1: &str = "aaaaaaæceeeeiiiiðnooooo÷øuuuuyþy";
    const EXTENDED_A: &str = concat!(
        "aaaaaa",
        "cccccccc",
        "dd",
        "đđ",
        "eeeeeeeeee",
        "gggggggg",
        "hh",
        "ħħ",
        "iiiiiiii",
        "i",
        "ı",
        "ĳĳ",
        "jj",
        "kk",
        "ĸ",
        "llllll",
        "ŀŀ",
        "łł",
        "nnnnnn",
        "ŉ",
        "ŋŋ",
        "oooooo",
        "œœ",
        "rrrrrr",
        "ssssssss",
        "tttt",
        "ŧŧ",
        "uuuuuuuuuuuu",
        "ww",
        "yyy",
        "zzzzzz",
        "ſ"
    );
    match c {
        '\u{e0}'..='\u{ff}' => LATIN1.chars().nth(c as usize - 0xe0).unwrap_or(c),
        '\u{100}'..='\u{17f}' => EXTENDED_A.chars().nth(c as usize - 0x100).unwrap_or(c),
        _ => c,
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation on one article.

fn eval(e: &Expr, columns: &[Tokens; 2]) -> bool {
    match e {
        Expr::Nothing => false,
        Expr::And(l, r) => eval(l, columns) && eval(r, columns),
        Expr::Or(l, r) => eval(l, columns) || eval(r, columns),
        Expr::Not(l, r) => eval(l, columns) && !eval(r, columns),
        Expr::Near {
            columns: wanted,
            phrases,
            distance,
        } => columns
            .iter()
            .enumerate()
            .filter(|(i, _)| wanted & (1 << i) != 0)
            .any(|(_, tokens)| near_matches(tokens, phrases, *distance)),
    }
}

/// Starts of the instances of `phrase` among `tokens`.
fn starts(tokens: &Tokens, phrase: &Phrase) -> Vec<usize> {
    let n = phrase.terms.len();
    let count = tokens.words.len();
    if n > count {
        return Vec::new();
    }
    let last = if phrase.initial { 0 } else { count - n };
    (0..=last)
        .filter(|&s| {
            phrase.terms.iter().enumerate().all(|(k, (term, prefix))| {
                let w = tokens.word(s + k);
                if *prefix {
                    w.starts_with(term.as_str())
                } else {
                    w == term
                }
            })
        })
        .collect()
}

/// FTS5's NEAR test: instances of every phrase such that, with `m` the last start among
/// them, each phrase's instance ends at most `distance` tokens before `m`.
fn near_matches(tokens: &Tokens, phrases: &[Phrase], distance: usize) -> bool {
    let all: Vec<Vec<usize>> = phrases.iter().map(|p| starts(tokens, p)).collect();
    if all.iter().any(Vec::is_empty) {
        return false;
    }
    if phrases.len() == 1 {
        return true;
    }
    all.iter().flatten().any(|&m| {
        phrases.iter().zip(&all).all(|(p, starts)| {
            starts
                .iter()
                .any(|&s| s <= m && s + p.terms.len() + distance >= m)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rusqlite::Connection;

    fn matches(query: &str, title: &str, text: &str) -> bool {
        SearchQuery::parse(query)
            .expect("query")
            .matches(title, text)
    }

    #[test]
    fn phrases_columns_near_and_initial_words() {
        let text = "Presiden Amerika Serikat bertemu pemimpin al-Qaeda di Türkiye.";
        let table: &[(&str, bool)] = &[
            ("\"amerika serikat\"", true),
            ("\"serikat amerika\"", false),
            ("amerika serikat", true),
            ("\"al-qaeda\"", true),
            ("al + qaeda", true),
            ("\"al qaeda\"", true),
            ("turkiye", true),
            ("TÜRKIYE", true),
            ("amer*", true),
            ("\"amerika ser\"*", true),
            ("title:amerika", false),
            ("text:amerika", true),
            ("-title:amerika", true),
            ("{title text}:presiden", true),
            ("^presiden", true),
            ("^amerika", false),
            ("NEAR(presiden turkiye)", true),
            ("NEAR(presiden turkiye, 3)", false),
            ("NEAR(presiden turkiye, 6)", false),
            ("NEAR(presiden turkiye, 7)", true),
            ("amerika NOT rusia", true),
            ("amerika NOT \"serikat bertemu\"", false),
            ("rusia OR \"pemimpin al\"", true),
            ("\",\" presiden", true),
            ("\",\"", false),
        ];
        for &(query, want) in table {
            assert_eq!(matches(query, "Berita", text), want, "{query}");
        }
    }

    #[test]
    fn only_words_and_operators_are_exact_in_the_index() {
        let q = |s: &str| SearchQuery::parse(s).expect("query");
        assert!(q("rusia amer* OR (turki NOT china)").index_is_exact());
        assert!(!q("\"amerika serikat\"").index_is_exact());
        assert!(!q("title:rusia").index_is_exact());
        assert_eq!(
            q("\"amerika serikat\" NOT rusia").index_query().as_deref(),
            Some("(\"amerika\" AND \"serikat\") NOT \"rusia\"")
        );
        // Without positions the index cannot exclude a phrase: it keeps every candidate.
        assert_eq!(
            q("rusia NOT \"amerika serikat\"").index_query().as_deref(),
            Some("\"rusia\"")
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        for (query, message) in [
            ("al-qaeda", "syntax error near \"qaeda\""),
            ("\"rusia", "unterminated string"),
            ("U.S.", "syntax error near \".\""),
            ("negara:rusia", "no such column: negara"),
            ("NEAR(a b, x)", "expected integer, got \"x\""),
            (
                &format!("{}a{}", "(".repeat(101), ")".repeat(101)),
                "the query nests more than 100 parentheses",
            ),
            (
                &"kata ".repeat(1001),
                "the query has more than 1000 words or phrases",
            ),
        ] {
            assert_eq!(
                SearchQuery::parse(query).map(|_| ()),
                Err(QueryError(message.into())),
                "{query}"
            );
        }
    }

    #[test]
    fn long_searches_stay_flat_for_the_index() {
        // A thousand words (the Articles view ANDs every word typed): FTS5's parser refuses
        // deeply nested parentheses, so the chain must be written flat.
        let q = SearchQuery::parse(&"\"kata\" ".repeat(1000)).expect("query");
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(a, detail=none); INSERT INTO t VALUES ('kata');",
        )
        .expect("table");
        let index_query = q.index_query().expect("index query");
        assert!(!index_query.contains('('));
        assert_eq!(ids(&conn, &index_query).expect("search"), vec![1]);
    }

    const WORDS: &[&str] = &[
        "a", "b", "c", "ab", "abc", "x", "É", "é", "ü", "Ü", "u", "ç",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", "-", ", ", ".\n"];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 0..12).prop_map(|w| {
            w.iter()
                .map(|&(i, s)| format!("{}{}", WORDS[i], SEPARATORS[s]))
                .collect()
        })
    }

    fn phrase() -> impl Strategy<Value = String> {
        let string = prop_oneof![
            4 => (0..WORDS.len()).prop_map(|i| WORDS[i].to_string()),
            2 => proptest::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 1..4)
                .prop_map(|w| format!(
                    "\"{}\"",
                    w.iter().map(|&(i, s)| format!("{}{}", WORDS[i], SEPARATORS[s])).collect::<String>()
                )),
            1 => Just("\",\"".to_string()),
        ];
        let starred = (string, proptest::bool::weighted(0.2))
            .prop_map(|(s, star)| if star { format!("{s}*") } else { s });
        proptest::collection::vec(starred, 1..3).prop_map(|p| p.join(" + "))
    }

    fn nearset() -> impl Strategy<Value = String> {
        let colspec = prop_oneof![
            6 => Just(""),
            1 => Just("title:"),
            1 => Just("text:"),
            1 => Just("-title:"),
            1 => Just("{title text}:"),
            1 => Just("-{text}:"),
        ];
        let near = prop_oneof![
            5 => phrase(),
            1 => phrase().prop_map(|p| format!("^{p}")),
            2 => (proptest::collection::vec(phrase(), 1..4), proptest::option::of(0..6usize))
                .prop_map(|(ps, n)| match n {
                    Some(n) => format!("NEAR({}, {n})", ps.join(" ")),
                    None => format!("NEAR({})", ps.join(" ")),
                }),
        ];
        (colspec, near).prop_map(|(c, n)| format!("{c}{n}"))
    }

    fn query() -> impl Strategy<Value = String> {
        let leaf = proptest::collection::vec(nearset(), 1..3).prop_map(|l| l.join(" "));
        leaf.prop_recursive(3, 12, 2, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| format!("({e})")),
                inner.clone().prop_map(|e| format!("title:({e})")),
                (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("{l} AND {r}")),
                (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("{l} OR {r}")),
                (inner.clone(), inner).prop_map(|(l, r)| format!("{l} NOT {r}")),
            ]
        })
    }

    /// Queries that are mostly not valid: random runs of the syntax's pieces.
    fn noise() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "a",
            "b*",
            "\"a b\"",
            "AND",
            "OR",
            "NOT",
            "(",
            ")",
            "title:",
            "NEAR(",
            ",",
            "3",
            "^",
            "+",
            "-",
            "{title text}:",
            "\"",
            ":",
            "near",
            "NEAR",
            "{",
            "}",
            "é",
        ];
        proptest::collection::vec(0..PIECES.len(), 1..7)
            .prop_map(|v| v.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" "))
    }

    fn fts(detail: &str, docs: &[(String, String)]) -> Connection {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE t USING fts5(title, text, detail={detail})"
        ))
        .expect("table");
        for (i, (title, text)) in docs.iter().enumerate() {
            conn.execute(
                "INSERT INTO t (rowid, title, text) VALUES (?1, ?2, ?3)",
                rusqlite::params![i as i64 + 1, title, text],
            )
            .expect("insert");
        }
        conn
    }

    fn ids(conn: &Connection, query: &str) -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([query], |r| r.get(0))?;
        rows.collect()
    }

    fn check_against_fts5(query: &str, docs: &[(String, String)]) -> Result<(), TestCaseError> {
        let full = fts("full", docs);
        let expected = ids(&full, query);
        let parsed = SearchQuery::parse(query);
        let (parsed, expected) = match (parsed, expected) {
            (Err(_), Err(_)) => return Ok(()),
            (Ok(p), Ok(e)) => (p, e),
            (p, e) => {
                return Err(TestCaseError::fail(format!(
                    "{query:?}: pantau {:?}, FTS5 {:?}",
                    p.map(|_| ()),
                    e
                )));
            }
        };
        let ours: Vec<i64> = docs
            .iter()
            .enumerate()
            .filter(|(_, (title, text))| parsed.matches(title, text))
            .map(|(i, _)| i as i64 + 1)
            .collect();
        prop_assert_eq!(&ours, &expected, "query {:?}", query);
        // The index query over an index without positions: every match among its answer,
        // and exactly the matches when it says it is exact.
        let none = fts("none", docs);
        let candidates = match parsed.index_query() {
            Some(q) => ids(&none, &q).map_err(|e| TestCaseError::fail(format!("{q}: {e}")))?,
            None => (1..=docs.len() as i64).collect(),
        };
        prop_assert!(
            expected.iter().all(|id| candidates.contains(id)),
            "{:?}",
            parsed.index_query()
        );
        if parsed.index_is_exact() {
            prop_assert_eq!(&candidates, &expected);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
        ))]
        #[test]
        fn answers_as_fts5_does(
            query in prop_oneof![4 => query(), 1 => noise()],
            docs in proptest::collection::vec((text(), text()), 1..6),
        ) {
            check_against_fts5(&query, &docs)?;
        }
    }
}
