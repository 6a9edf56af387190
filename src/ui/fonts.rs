//! Fonts for every script: egui's bundled fonts cover Latin, Greek and Cyrillic; for any
//! other character (Thai, Arabic, Chinese, Devanagari, …) the system's own font fallback is
//! asked for an installed font on demand (egui's `egui_system_font_provider`, through
//! fontconfig on Linux, CoreText on macOS, DirectWrite on Windows). The native window gets it
//! from eframe; [`install_fallbacks`] adds it to any other context (the UI tests).

use std::sync::Arc;

/// Adds the system font fallback to `ctx` once (a no-op when it has one).
pub fn install_fallbacks(ctx: &egui::Context) {
    let id = egui::Id::NULL.with("pantau_system_fonts");
    if ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(id, true));
    ctx.add_font_provider(Arc::new(
        egui_system_font_provider::SystemFontProvider::new(),
    ));
}
