//! Saved views: View → Save view… names what the window shows (tab, actors, dates, bins,
//! window, counting, what Compare and Profile compare) and keeps it in the database; View →
//! Saved views reopens one, deletes it, or exports it as a small file to share; View → Import
//! a view… opens such a file.

use super::action::Action;
use super::app::PantauApp;
use super::compare_view::CompareBy;
use super::i18n::{t, tw};
use super::jobs::Query;
use super::settings::{BINS, Tab, WINDOWS};
use crate::i18n::text;
use crate::model::SavedView;
use crate::store::ViewEntry;

/// The views of the open database and the "Save view" window.
#[derive(Default)]
pub struct Views {
    /// The saved views, as last listed.
    list: Query<Vec<ViewEntry>>,
    /// The name being typed in the Save view window (`None`: closed).
    pub naming: Option<String>,
}

impl Views {
    /// Asks for the list (cached per database version).
    pub fn request(&mut self, db: &crate::store::Location, version: u64, ctx: &egui::Context) {
        self.list
            .request(&("views", version), db, ctx, |s| s.views());
        self.list.poll();
    }

    /// Forgets the list (a view was saved or deleted).
    pub fn invalidate(&mut self) {
        self.list.invalidate();
    }

    /// The saved views.
    pub fn entries(&self) -> Vec<ViewEntry> {
        self.list.value().map(|v| v.to_vec()).unwrap_or_default()
    }
}

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Timeline => "timeline",
        Tab::Cooccurrence => "cooccurrence",
        Tab::Compare => "compare",
        Tab::Outlets => "outlets",
        Tab::Profile => "profile",
        Tab::Network => "network",
        Tab::Articles => "articles",
        Tab::Dictionary => "dictionary",
    }
}

fn tab_of(name: &str) -> Tab {
    Tab::ALL
        .into_iter()
        .find(|t| tab_name(*t) == name)
        .unwrap_or_default()
}

const NAMED_IN: [&str; 3] = ["any", "lead", "headline"];

fn compare_by_name(by: CompareBy) -> &'static str {
    match by {
        CompareBy::Periods => "periods",
        CompareBy::Outlets => "outlets",
        CompareBy::Languages => "languages",
    }
}

/// What the window shows now, as a view named `name`.
pub fn capture(app: &PantauApp, name: &str) -> SavedView {
    let s = &app.settings;
    let c = &app.tabs.compare;
    let p = &app.tabs.profile;
    SavedView {
        name: name.trim().to_string(),
        tab: tab_name(s.tab).into(),
        actors: s.selected.clone(),
        from: s.from,
        to: s.to,
        bin: BINS[s.bin.min(BINS.len() - 1)].0.as_str().into(),
        window: WINDOWS[s.window.min(WINDOWS.len() - 1)].0.as_str().into(),
        min_support: s.min_support,
        moving_average: s.moving_average,
        share: s.share,
        count_stories: s.count_stories,
        named_in: NAMED_IN[s.named_in.min(2)].into(),
        compare_by: compare_by_name(c.by).into(),
        a_from: c.a.from,
        a_to: c.a.to,
        b_from: c.b.from,
        b_to: c.b.to,
        a_source: c.a.source.clone(),
        b_source: c.b.source.clone(),
        a_language: c.a.language.clone(),
        b_language: c.b.language.clone(),
        profile_actor: p.actor.clone().unwrap_or_default(),
        profile_source: p.source.clone(),
        profile_other_source: p.other_source.clone(),
        profile_other_from: p.other_from,
        profile_other_to: p.other_to,
        version: crate::model::VIEW_VERSION,
    }
}

/// Shows `v` in the window.
pub fn apply(app: &mut PantauApp, v: &SavedView) {
    let s = &mut app.settings;
    s.tab = tab_of(&v.tab);
    s.selected = v.actors.clone();
    s.from = v.from;
    s.to = v.to;
    if let Some(i) = BINS.iter().position(|(b, _)| b.as_str() == v.bin) {
        s.bin = i;
    }
    if let Some(i) = WINDOWS.iter().position(|(w, _)| w.as_str() == v.window) {
        s.window = i;
    }
    s.min_support = v.min_support.max(1);
    s.moving_average = v.moving_average.max(1);
    s.share = v.share;
    s.count_stories = v.count_stories;
    s.named_in = NAMED_IN.iter().position(|n| *n == v.named_in).unwrap_or(0);
    let c = &mut app.tabs.compare;
    c.by = match v.compare_by.as_str() {
        "outlets" => CompareBy::Outlets,
        "languages" => CompareBy::Languages,
        _ => CompareBy::Periods,
    };
    c.a.from = v.a_from;
    c.a.to = v.a_to;
    c.b.from = v.b_from;
    c.b.to = v.b_to;
    c.a.source = v.a_source.clone();
    c.b.source = v.b_source.clone();
    c.a.language = v.a_language.clone();
    c.b.language = v.b_language.clone();
    let p = &mut app.tabs.profile;
    p.actor = (!v.profile_actor.is_empty()).then(|| v.profile_actor.clone());
    p.actor_text = v.profile_actor.clone();
    p.source = v.profile_source.clone();
    p.other_source = v.profile_other_source.clone();
    p.other_from = v.profile_other_from;
    p.other_to = v.profile_other_to;
}

/// The View menu's entries for views.
pub fn menu_ui(ui: &mut egui::Ui, views: &Views) -> Option<Action> {
    let mut action = None;
    if ui.button(t(ui, "menu-save-view")).clicked() {
        action = Some(Action::NameView);
    }
    let entries = views.entries();
    ui.menu_button(t(ui, "menu-saved-views"), |ui| {
        if entries.is_empty() {
            ui.weak(t(ui, "views-none"));
        }
        for e in &entries {
            ui.horizontal(|ui| {
                if ui
                    .button(&e.name)
                    .on_hover_text(tw(
                        ui,
                        "views-open-hint",
                        &[("saved", text(e.saved_at.clone()))],
                    ))
                    .clicked()
                {
                    action = Some(Action::OpenView(e.name.clone()));
                }
                if ui
                    .small_button(t(ui, "views-export"))
                    .on_hover_text(t(ui, "views-export-hint"))
                    .clicked()
                {
                    action = Some(Action::ExportView(e.name.clone()));
                }
                if ui
                    .small_button("🗑")
                    .on_hover_text(t(ui, "views-delete"))
                    .clicked()
                {
                    action = Some(Action::DeleteView {
                        id: e.id,
                        name: e.name.clone(),
                    });
                }
            });
        }
    });
    if ui.button(t(ui, "menu-import-view")).clicked() {
        action = Some(Action::ImportViewDialog);
    }
    action
}

/// The Save view window, while a name is typed.
pub fn naming_ui(ctx: &egui::Context, views: &mut Views) -> Option<Action> {
    let taken: Vec<String> = views.entries().into_iter().map(|e| e.name).collect();
    let name = views.naming.as_mut()?;
    let lang = super::i18n::lang_of(ctx);
    let tr = |id: &str| crate::i18n::tr(lang, id);
    let mut action = None;
    let mut open = true;
    egui::Window::new(tr("views-save-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let label = ui.label(tr("views-name"));
            let r = ui
                .add(egui::TextEdit::singleline(name).hint_text(tr("views-name-hint")))
                .labelled_by(label.id);
            r.request_focus();
            if taken.iter().any(|n| n == name.trim()) {
                ui.weak(tr("views-replaces"));
            }
            let ok = !name.trim().is_empty();
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(ok, egui::Button::new(tr("views-save")))
                    .clicked()
                    || (ok && enter)
                {
                    action = Some(Action::SaveView(name.trim().to_string()));
                }
                if ui.button(tr("common-cancel")).clicked() {
                    action = Some(Action::CloseNameView);
                }
            });
        });
    if !open {
        action = Some(Action::CloseNameView);
    }
    action
}
