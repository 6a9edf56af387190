//! The reader: one article with every mention highlighted in its actor's colour, and
//! keyword-in-context lines per actor.

use super::action::Action;
use super::analysis::{KWIC_CONTEXT, Kwic};
use super::colors::{actor_color, highlight};
use crate::i18n::{Lang, num, text, tr, tr_with};
use crate::model::Field;
use crate::store::ArticleView;
use egui::text::{LayoutJob, TextFormat};
use std::collections::BTreeMap;

/// Draws an article.
pub fn reader_ui(
    ui: &mut egui::Ui,
    a: &ArticleView,
    names: Option<&super::analysis::ActorNames>,
    lang: Lang,
) -> Option<Action> {
    let label = |code: &str| names.map_or_else(|| code.to_string(), |n| n.label(code, lang));
    let mut action = None;
    let no_source = tr(lang, "reader-no-source");
    let day = |d: Option<chrono::NaiveDate>| match d {
        Some(d) => crate::i18n::date_long(lang, d),
        None => tr(lang, "common-undated"),
    };
    if a.title.is_empty() {
        ui.heading(tr(lang, "common-untitled"));
    } else {
        // The headline with its own mentions highlighted.
        ui.label(highlighted_field(
            ui,
            a,
            Field::Title,
            egui::TextStyle::Heading,
        ));
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "{} · {} ({}) · {} · #{}",
            if a.source.is_empty() {
                &no_source
            } else {
                &a.source
            },
            day(a.published),
            super::i18n::date_source_name(lang, &a.date_source),
            super::i18n::language_name(lang, &a.language),
            a.id
        ));
        if !a.dateline_place.is_empty() {
            let place = if a.dateline_country.is_empty() {
                a.dateline_place.clone()
            } else {
                format!("{} ({})", a.dateline_place, a.dateline_country)
            };
            ui.weak(format!(
                "· {}",
                tr_with(lang, "reader-reported-from", &[("place", text(place))])
            ));
        }
        if !a.url.is_empty() {
            ui.hyperlink_to(tr(lang, "reader-link"), &a.url);
        }
    });
    let mut about = Vec::new();
    if !a.byline.is_empty() {
        about.push(tr_with(
            lang,
            "reader-by",
            &[("names", text(a.byline.clone()))],
        ));
    }
    if !a.editor.is_empty() {
        about.push(tr_with(
            lang,
            "reader-editor",
            &[("name", text(a.editor.clone()))],
        ));
    }
    if !a.section.is_empty() {
        about.push(tr_with(
            lang,
            "reader-section",
            &[("name", text(a.section.clone()))],
        ));
    }
    if let Some(n) = a.stated_words {
        about.push(tr_with(
            lang,
            "reader-stated-words",
            &[("count", num(n as f64))],
        ));
    }
    if !about.is_empty() {
        ui.weak(about.join(" · "));
    }
    match crate::store::TextStatus::of(a.text.is_empty(), a.missing_chars) {
        crate::store::TextStatus::Full => {}
        crate::store::TextStatus::Cut => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr_with(
                    lang,
                    "reader-cut",
                    &[("count", num(a.missing_chars.unwrap_or_default() as f64))],
                ),
            );
        }
        crate::store::TextStatus::TitleOnly => {
            ui.colored_label(ui.visuals().warn_fg_color, tr(lang, "reader-title-only"));
        }
    }
    if a.copies_total > 0 {
        let heading = if (a.copies.len() as u64) < a.copies_total {
            tr_with(
                lang,
                "reader-copies-listed",
                &[
                    ("total", num(a.copies_total as f64)),
                    ("listed", num(a.copies.len() as f64)),
                ],
            )
        } else {
            tr_with(
                lang,
                "reader-copies",
                &[("total", num(a.copies_total as f64))],
            )
        };
        egui::CollapsingHeader::new(heading)
            .id_salt(("copies", a.id))
            .show(ui, |ui| {
                for c in &a.copies {
                    let when = day(c.published);
                    let outlet = if c.source.is_empty() {
                        no_source.as_str()
                    } else {
                        &c.source
                    };
                    match c.article_id {
                        Some(id) => {
                            let label = format!("{when} · {outlet} · {}", c.title);
                            if ui
                                .link(label)
                                .on_hover_text(tr_with(
                                    lang,
                                    "reader-near-duplicate-hint",
                                    &[("id", num(id as f64)), ("path", text(c.path.clone()))],
                                ))
                                .clicked()
                            {
                                action = Some(Action::OpenArticle(id));
                            }
                        }
                        None => {
                            ui.weak(format!(
                                "{when} · {outlet} · {}",
                                tr_with(
                                    lang,
                                    "reader-exact-copy",
                                    &[("path", text(c.path.clone()))]
                                )
                            ));
                        }
                    }
                }
            });
    }
    let mut per_actor: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &a.mentions {
        *per_actor.entry(&m.actor_code).or_default() += 1;
    }
    ui.horizontal_wrapped(|ui| {
        for (code, n) in &per_actor {
            let text = egui::RichText::new(format!("{} ×{n}", label(code)))
                .background_color(highlight(code));
            if ui
                .button(text)
                .on_hover_text(tr(lang, "reader-list-mentioning"))
                .clicked()
            {
                action = Some(Action::DrillDown(super::analysis::DrillDown::Actor {
                    actor_code: code.to_string(),
                }));
            }
        }
    });
    egui::CollapsingHeader::new(tr(lang, "reader-kwic"))
        .default_open(false)
        .show(ui, |ui| {
            for code in per_actor.keys() {
                ui.colored_label(actor_color(code), label(code));
                for k in kwic_lines(a, code, 5) {
                    ui.horizontal(|ui| {
                        let alias = k.parts().1.to_string();
                        if ui
                            .small_button(tr(lang, "reader-not-here"))
                            .on_hover_text(tr_with(
                                lang,
                                "reader-not-here-hint",
                                &[("alias", text(alias.clone())), ("actor", text(*code))],
                            ))
                            .clicked()
                        {
                            action = Some(Action::AddArticleExclusion {
                                article_id: a.id,
                                actor_code: code.to_string(),
                                alias,
                            });
                        }
                        ui.label(kwic_job(ui, &k));
                    });
                }
            }
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("reader")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(highlighted(ui, a));
        });
    action
}

/// One field of the article (title or text) with its mentions highlighted.
fn highlighted_field(
    ui: &egui::Ui,
    a: &ArticleView,
    field: Field,
    style: egui::TextStyle,
) -> LayoutJob {
    let text = match field {
        Field::Title => a.title.as_str(),
        Field::Text => a.text.as_str(),
    };
    let starts = char_starts(text);
    let byte = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    let plain = TextFormat {
        font_id: style.resolve(ui.style()),
        color: match field {
            Field::Title => ui.visuals().strong_text_color(),
            Field::Text => ui.visuals().text_color(),
        },
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let mut at = 0;
    for m in a.mentions.iter().filter(|m| m.field == field) {
        let (s, e) = (byte(m.start_char), byte(m.end_char));
        if s < at || e <= s {
            continue; // overlapping or empty
        }
        job.append(&text[at..s], 0.0, plain.clone());
        let mut mark = plain.clone();
        mark.background = highlight(&m.actor_code);
        job.append(&text[s..e], 0.0, mark);
        at = e;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// Byte offset of every character, plus the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The text with each mention's background in its actor's colour.
pub fn highlighted(ui: &egui::Ui, a: &ArticleView) -> LayoutJob {
    highlighted_field(ui, a, Field::Text, egui::TextStyle::Body)
}

/// Up to `limit` context lines of `code`'s mentions (the drill-down's lines, from the same
/// function).
pub fn kwic_lines(a: &ArticleView, code: &str, limit: usize) -> Vec<Kwic> {
    a.mentions
        .iter()
        .filter(|m| m.actor_code == code)
        .take(limit)
        .map(|m| {
            let field = match m.field {
                Field::Title => &a.title,
                Field::Text => &a.text,
            };
            Kwic::around(code, field, m.start_char, m.end_char, KWIC_CONTEXT)
        })
        .collect()
}

/// A context line with the match highlighted.
pub fn kwic_job(ui: &egui::Ui, k: &Kwic) -> LayoutJob {
    let plain = TextFormat {
        font_id: egui::TextStyle::Small.resolve(ui.style()),
        color: ui.visuals().weak_text_color(),
        ..Default::default()
    };
    let (before, matched, after) = k.parts();
    let mut job = LayoutJob::default();
    job.append(&format!("…{before}"), 0.0, plain.clone());
    let mut mark = plain.clone();
    mark.color = ui.visuals().strong_text_color();
    mark.background = highlight(&k.actor_code);
    job.append(matched, 0.0, mark);
    job.append(&format!("{after}…"), 0.0, plain);
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ArticleMention;

    #[test]
    fn kwic_uses_character_offsets() {
        let a = ArticleView {
            text: "“Ça” va: Rusia dan Tiongkok".into(),
            mentions: vec![ArticleMention {
                actor_code: "RUS".into(),
                start_char: 9,
                end_char: 14,
                ..Default::default()
            }],
            ..Default::default()
        };
        let k = &kwic_lines(&a, "RUS", 5)[0];
        assert_eq!(k.parts().1, "Rusia");
    }
}
