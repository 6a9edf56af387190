//! Articles: a paged list (filtered, or the articles behind a number) beside the reader;
//! undated articles can be selected and dated.

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, Kwic};
use super::app::PantauApp;
use crate::store::{ArticleListQuery, ArticleView};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::Path;

/// Articles per page.
pub const PAGE: u64 = 50;

/// One row of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    /// Article id.
    pub id: i64,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Date.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: String,
    /// Keyword-in-context lines (drill-downs only).
    pub kwic: Vec<Kwic>,
}

/// A page of the list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleListing {
    /// The rows.
    pub rows: Vec<ListRow>,
    /// All matching articles.
    pub total: u64,
}

/// What the view remembers while the app runs.
#[derive(Debug, Default)]
pub struct ArticlesState {
    /// Filters of the plain list.
    pub query: ArticleListQuery,
    /// The number whose articles are listed, instead of the filters.
    pub drill: Option<DrillDown>,
    /// First row of the page.
    pub offset: u64,
    /// The article in the reader.
    pub open: Option<i64>,
    /// Ticked articles (to date them).
    pub checked: BTreeSet<i64>,
    /// The date typed for the ticked articles.
    pub date_text: String,
    actor_text: String,
    language: String,
}

impl ArticlesState {
    /// Lists the articles behind a number.
    pub fn show_drill_down(&mut self, what: DrillDown) {
        self.drill = Some(what);
        self.offset = 0;
        self.checked.clear();
    }
}

/// Asks for the list page and the open article.
pub fn request(app: &mut PantauApp, ctx: &egui::Context, db: &Path, version: u64) {
    let s = &app.articles;
    let (drill, query, offset, filter) = (s.drill.clone(), s.query.clone(), s.offset, app.filter());
    let key = format!(
        "{:?}",
        ("articles", version, &drill, &query, offset, &filter)
    );
    app.data
        .articles
        .request(&key, db, ctx, move |store| match drill {
            Some(what) => {
                let page = analysis::drill_down(store, &what, &filter, offset, PAGE)?;
                Ok(ArticleListing {
                    total: page.total,
                    rows: page
                        .items
                        .into_iter()
                        .map(|h| ListRow {
                            id: h.article_id,
                            title: h.title,
                            source: h.source,
                            published: h.published,
                            language: h.language,
                            kwic: h.kwic,
                        })
                        .collect(),
                })
            }
            None => {
                let (rows, total) = store.list_articles(&query, offset, PAGE)?;
                Ok(ArticleListing {
                    total,
                    rows: rows
                        .into_iter()
                        .map(|r| ListRow {
                            id: r.id,
                            title: r.title,
                            source: r.source,
                            published: r.published,
                            language: r.language,
                            kwic: Vec::new(),
                        })
                        .collect(),
                })
            }
        });
    if let Some(id) = app.articles.open {
        app.data
            .article
            .request(&("article", version, id), db, ctx, move |store| {
                store.article(id)
            });
    }
}

/// Draws the filters, the list and the reader.
pub fn articles_ui(
    ui: &mut egui::Ui,
    state: &mut ArticlesState,
    list: Option<&ArticleListing>,
    article: Option<&ArticleView>,
    running: bool,
) -> Option<Action> {
    let mut action = None;
    match state.drill.clone() {
        Some(what) => {
            ui.horizontal(|ui| {
                ui.strong(describe(&what));
                if ui.button("Show all articles").clicked() {
                    state.drill = None;
                    state.offset = 0;
                }
            });
        }
        None => filters_ui(ui, state),
    }
    let width = ui.available_width();
    egui::Panel::left("article_list")
        .default_size(width * 0.45)
        .size_range((width * 0.35).max(280.0)..=width * 0.75)
        .resizable(true)
        .show(ui, |ui| {
            if let Some(a) = list_ui(ui, state, list, running) {
                action = Some(a);
            }
        });
    egui::CentralPanel::default().show(ui, |ui| match (state.open, article) {
        (None, _) => {
            ui.weak("Click an article to read it.");
        }
        (Some(id), Some(a)) if a.id == id => {
            if let Some(act) = super::reader_view::reader_ui(ui, a) {
                action = Some(act);
            }
        }
        _ => {
            ui.spinner();
        }
    });
    action
}

fn describe(what: &DrillDown) -> String {
    match what {
        DrillDown::Actor { actor_code } => format!("Articles mentioning {actor_code}"),
        DrillDown::ActorBin {
            actor_code,
            bin,
            bin_start,
        } => {
            format!("Articles mentioning {actor_code} in the {bin:?} from {bin_start}")
        }
        DrillDown::Pair {
            actor_a,
            actor_b,
            window,
        } => {
            format!("Articles where {actor_a} and {actor_b} occur in the same {window:?}")
        }
    }
}

fn filters_ui(ui: &mut egui::Ui, state: &mut ArticlesState) {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("Search:");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut state.query.text)
                    .hint_text("words in title or text")
                    .desired_width(180.0),
            )
            .changed();
        ui.label("Actor:");
        if ui
            .add(
                egui::TextEdit::singleline(&mut state.actor_text)
                    .hint_text("code, e.g. RUS")
                    .desired_width(70.0),
            )
            .changed()
        {
            let code = state.actor_text.trim().to_uppercase();
            state.query.actor_code = (!code.is_empty()).then_some(code);
            changed = true;
        }
        ui.label("Language:");
        egui::ComboBox::from_id_salt("language")
            .selected_text(if state.language.is_empty() {
                "all"
            } else {
                &state.language
            })
            .show_ui(ui, |ui| {
                for (code, label) in [
                    ("", "all"),
                    ("id", "Indonesian"),
                    ("en", "English"),
                    ("other", "other"),
                ] {
                    if ui
                        .selectable_value(&mut state.language, code.to_string(), label)
                        .changed()
                    {
                        changed = true;
                    }
                }
            });
        state.query.languages = if state.language.is_empty() {
            Vec::new()
        } else {
            vec![state.language.clone()]
        };
        let mut source = state.query.sources.first().cloned().unwrap_or_default();
        ui.label("Source:");
        if ui
            .add(egui::TextEdit::singleline(&mut source).desired_width(90.0))
            .changed()
        {
            state.query.sources = if source.trim().is_empty() {
                Vec::new()
            } else {
                vec![source.trim().to_string()]
            };
            changed = true;
        }
        for (label, value) in [("From", &mut state.query.from), ("To", &mut state.query.to)] {
            let mut text = value.map(|d| d.to_string()).unwrap_or_default();
            ui.label(label);
            if ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(80.0),
                )
                .lost_focus()
            {
                *value = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
                changed = true;
            }
        }
        changed |= ui
            .checkbox(&mut state.query.undated_only, "Undated only")
            .changed();
    });
    if changed {
        state.offset = 0;
    }
}

fn list_ui(
    ui: &mut egui::Ui,
    state: &mut ArticlesState,
    list: Option<&ArticleListing>,
    running: bool,
) -> Option<Action> {
    let mut action = None;
    let Some(list) = list else {
        ui.spinner();
        return None;
    };
    ui.horizontal(|ui| {
        let end = (state.offset + list.rows.len() as u64).min(list.total);
        ui.label(format!(
            "{}–{} of {}",
            if list.total == 0 { 0 } else { state.offset + 1 },
            end,
            list.total
        ));
        if ui
            .add_enabled(state.offset > 0, egui::Button::new("< Prev"))
            .clicked()
        {
            state.offset = state.offset.saturating_sub(PAGE);
        }
        if ui
            .add_enabled(end < list.total, egui::Button::new("Next >"))
            .clicked()
        {
            state.offset += PAGE;
        }
        if ui.button("Export CSV…").clicked() {
            action = Some(Action::Export(ExportKind::ArticleList));
        }
        if running {
            ui.spinner();
        }
    });
    if !state.checked.is_empty() {
        ui.horizontal(|ui| {
            ui.label(format!("{} ticked — date:", state.checked.len()));
            ui.add(
                egui::TextEdit::singleline(&mut state.date_text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            );
            let date = NaiveDate::parse_from_str(state.date_text.trim(), "%Y-%m-%d").ok();
            if ui
                .add_enabled(date.is_some(), egui::Button::new("Set date"))
                .clicked()
                && let Some(date) = date
            {
                action = Some(Action::SetDates(
                    state.checked.iter().copied().collect(),
                    date,
                ));
                state.checked.clear();
            }
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for row in &list.rows {
                ui.horizontal(|ui| {
                    let mut ticked = state.checked.contains(&row.id);
                    if ui
                        .checkbox(&mut ticked, "")
                        .on_hover_text("tick to set the date")
                        .changed()
                    {
                        if ticked {
                            state.checked.insert(row.id);
                        } else {
                            state.checked.remove(&row.id);
                        }
                    }
                    let date = row
                        .published
                        .map_or("undated".to_string(), |d| d.to_string());
                    ui.weak(date);
                    let title = if row.title.is_empty() {
                        "(untitled)"
                    } else {
                        &row.title
                    };
                    let label =
                        egui::Button::selectable(state.open == Some(row.id), title).truncate();
                    if ui.add(label).on_hover_text(title).clicked() {
                        state.open = Some(row.id);
                    }
                });
                ui.horizontal(|ui| {
                    ui.add_space(28.0);
                    ui.weak(format!("{} · {}", row.source, row.language));
                });
                for k in row.kwic.iter().take(3) {
                    ui.horizontal(|ui| {
                        ui.add_space(28.0);
                        ui.label(super::reader_view::kwic_job(ui, k));
                    });
                }
                ui.add_space(4.0);
            }
        });
    action
}
