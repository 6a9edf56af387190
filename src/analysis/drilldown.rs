//! Drill-down: the articles behind a point of a chart, with keyword-in-context lines.

use super::{Bin, Filter, Window};
use crate::store::{DrillTarget, MentionSpan, Store, StoreError, day_number};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What to list the articles of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DrillDown {
    /// The articles mentioning an actor in one bin of a timeline.
    ActorBin {
        /// Actor code.
        actor_code: String,
        /// Bin width.
        bin: Bin,
        /// First day of the bin.
        bin_start: NaiveDate,
    },
    /// The articles where two actors co-occur in one unit of `window`.
    Pair {
        /// First actor code.
        actor_a: String,
        /// Second actor code.
        actor_b: String,
        /// The unit they must share.
        window: Window,
    },
    /// Every article mentioning an actor.
    Actor {
        /// Actor code.
        actor_code: String,
    },
    /// `inner`, in the articles passing `filter` instead of the window's (one side of a
    /// comparison, one bin of the network, the outlet of a profile).
    Within {
        /// The filter the number was counted under.
        filter: Box<Filter>,
        /// What to list.
        inner: Box<DrillDown>,
    },
    /// The articles of one outlet mentioning an actor (a cell of outlets × actors).
    OutletActor {
        /// The outlet ("" for articles without one).
        source: String,
        /// Actor code.
        actor_code: String,
    },
}

/// One keyword-in-context line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic {
    /// The mentioned actor.
    pub actor_code: String,
    /// The text around the mention (line breaks turned into spaces).
    pub line: String,
    /// Character offset (Unicode scalar values) of the mention's start in `line`.
    pub match_start: usize,
    /// Character offset one past the mention's end in `line`.
    pub match_end: usize,
}

impl Kwic {
    /// The line around the characters `start..end` of `text` (see [`kwic_line`]).
    pub fn around(actor_code: &str, text: &str, start: usize, end: usize, context: usize) -> Kwic {
        let (line, match_start, match_end) = kwic_line(text, start, end, context);
        Kwic {
            actor_code: actor_code.to_string(),
            line,
            match_start,
            match_end,
        }
    }

    /// The line split at the match: (before, match, after), cut at the character offsets.
    pub fn parts(&self) -> (&str, &str, &str) {
        let byte = |c: usize| {
            self.line
                .char_indices()
                .nth(c)
                .map_or(self.line.len(), |(i, _)| i)
        };
        let s = byte(self.match_start);
        let e = byte(self.match_end).max(s);
        (&self.line[..s], &self.line[s..e], &self.line[e..])
    }
}

/// One article of a drill-down.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleHit {
    /// Row id.
    pub article_id: i64,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Publication day.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: String,
    /// Where it was reported from, by its dateline ("" when none).
    pub dateline_place: String,
    /// That place's country (ISO alpha-3, "" when unknown).
    pub dateline_country: String,
    /// The context line of each mention of the drilled actor(s), by position (for a pair in
    /// a paragraph or sentence window, only the mentions in units holding both).
    pub kwic: Vec<Kwic>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items of the page.
    pub items: Vec<T>,
    /// All items, across pages.
    pub total: u64,
    /// Offset of the first item.
    pub offset: u64,
}

/// Characters of context on each side of a mention.
pub const KWIC_CONTEXT: usize = 60;

/// The keyword-in-context line of the characters `start..end` of `text`: up to `context`
/// characters each side, line breaks and tabs as spaces; returns the line and the match's
/// character offsets in it.
pub fn kwic_line(text: &str, start: usize, end: usize, context: usize) -> (String, usize, usize) {
    let from = start.saturating_sub(context);
    let end = end.max(start);
    let line: String = text
        .chars()
        .skip(from)
        .take(end + context - from)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let len = line.chars().count();
    let s = (start - from).min(len);
    (line, s, (end - from).min(len))
}

/// The articles (passing `filter`) behind `what`, oldest first, undated last, `limit` from
/// `offset`; with the total count. Unknown actor codes give an empty page.
pub fn drill_down(
    store: &Store,
    what: &DrillDown,
    filter: &Filter,
    offset: u64,
    limit: u64,
) -> Result<Page<ArticleHit>, StoreError> {
    if let DrillDown::Within { filter, inner } = what {
        return drill_down(store, inner, filter, offset, limit);
    }
    let ids = store.actor_ids()?;
    let empty = Page {
        items: Vec::new(),
        total: 0,
        offset,
    };
    let lookup = |code: &str| ids.get(code).copied();
    // An outlet's cell narrows the filter to that outlet.
    let narrowed;
    let filter = match what {
        DrillDown::OutletActor { source, .. } => {
            narrowed = Filter {
                sources: vec![source.clone()],
                ..filter.clone()
            };
            &narrowed
        }
        _ => filter,
    };
    let (target, actors, unit) = match what {
        DrillDown::Within { .. } => return Ok(empty),
        DrillDown::ActorBin {
            actor_code,
            bin,
            bin_start,
        } => {
            let Some(a) = lookup(actor_code) else {
                return Ok(empty);
            };
            let days = Some((
                day_number(bin.bin_start(*bin_start)),
                day_number(bin.next(*bin_start)),
            ));
            (DrillTarget::Actor { actor: a, days }, vec![a], None)
        }
        DrillDown::Actor { actor_code } | DrillDown::OutletActor { actor_code, .. } => {
            let Some(a) = lookup(actor_code) else {
                return Ok(empty);
            };
            (
                DrillTarget::Actor {
                    actor: a,
                    days: None,
                },
                vec![a],
                None,
            )
        }
        DrillDown::Pair {
            actor_a,
            actor_b,
            window,
        } => {
            let (Some(a), Some(b)) = (lookup(actor_a), lookup(actor_b)) else {
                return Ok(empty);
            };
            let unit = window.unit();
            (DrillTarget::Pair { a, b, unit }, vec![a, b], Some(*window))
        }
    };
    let codes: HashMap<i64, &str> = ids.iter().map(|(c, &id)| (id, c.as_str())).collect();
    let (briefs, total) = store.drill_articles(&target, filter, offset, limit)?;
    let mut items = Vec::with_capacity(briefs.len());
    for a in briefs {
        let mut spans = store.article_mentions(a.id, &actors)?;
        if let (Some(w), [x, y]) = (unit, actors.as_slice()) {
            let key = |m: &MentionSpan| match w {
                Window::Paragraph => m.paragraph,
                _ => m.sentence,
            };
            if w != Window::Article {
                let with = |actor: i64| -> HashSet<u32> {
                    spans.iter().filter(|m| m.actor == actor).map(key).collect()
                };
                let shared: HashSet<u32> = with(*x).intersection(&with(*y)).copied().collect();
                spans.retain(|m| shared.contains(&key(m)));
            }
        }
        let kwic = spans
            .iter()
            .map(|m| {
                let code = codes.get(&m.actor).copied().unwrap_or_default();
                let field = match m.field {
                    crate::model::Field::Title => &a.title,
                    crate::model::Field::Text => &a.text,
                };
                Kwic::around(code, field, m.start_char, m.end_char, KWIC_CONTEXT)
            })
            .collect();
        items.push(ArticleHit {
            article_id: a.id,
            title: a.title,
            source: a.source,
            published: a.published,
            language: a.language,
            dateline_place: a.dateline_place,
            dateline_country: a.dateline_country,
            kwic,
        });
    }
    Ok(Page {
        items,
        total,
        offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cut_at_characters_not_bytes() {
        // Curly quotes (3 bytes) and an accented letter (2 bytes) before the second match.
        let text = "Kata “Rusia” dan Rusia di Türkiye, Ça va";
        let second = text.chars().count() - "Rusia di Türkiye, Ça va".chars().count();
        let k = Kwic::around("RUS", text, second, second + 5, 60);
        assert_eq!(k.parts().1, "Rusia");
        assert_eq!(k.parts().0, "Kata “Rusia” dan ");
        let tur = text.find("Türkiye").map(|b| text[..b].chars().count());
        let tur = tur.expect("in the text");
        let k = Kwic::around("TUR", text, tur, tur + 7, 4);
        assert_eq!(k.parts(), (" di ", "Türkiye", ", Ça"));
    }
}
