//! The window's language where a view draws: kept in the egui context's data each frame (one
//! per window, so tests side by side do not share it), read by views that have no settings.

use crate::i18n::Lang;

fn key() -> egui::Id {
    egui::Id::NULL.with("pantau-language")
}

/// Remembers the window's language for this frame's views.
pub fn set(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(key(), lang));
}

/// The window's language.
pub fn lang(ui: &egui::Ui) -> Lang {
    lang_of(ui.ctx())
}

/// The window's language, from its context (for windows drawn outside a `Ui`).
pub fn lang_of(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp::<Lang>(key())).unwrap_or_default()
}

/// The message `id` in the window's language.
pub fn t(ui: &egui::Ui, id: &str) -> String {
    crate::i18n::tr(lang(ui), id)
}

/// The message `id` in the window's language, with its placeables.
pub fn tw(ui: &egui::Ui, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
    crate::i18n::tr_with(lang(ui), id, args)
}
