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

/// A stored language code ("id", "en", "other"; "" or "any" for any) as a name in `lang`.
pub fn language_name(lang: Lang, code: &str) -> String {
    let id = match code {
        "id" => "articles-language-id",
        "en" => "articles-language-en",
        "other" => "articles-language-other",
        "" | "any" => "value-any-language",
        other => return other.to_string(),
    };
    crate::i18n::tr(lang, id)
}

/// How an alias names its actor, in `lang`.
pub fn via_name(lang: Lang, via: crate::model::Via) -> String {
    crate::i18n::tr(lang, &format!("value-via-{}", via.as_str()))
}

/// An alias's case rule, in `lang`.
pub fn case_name(lang: Lang, case: crate::tagging::CaseRule) -> String {
    crate::i18n::tr(lang, &format!("value-case-{}", case.as_str()))
}

/// Where an article's date came from (the stored name: "metadata", "url"...), in `lang`.
pub fn date_source_name(lang: Lang, stored: &str) -> String {
    let id = format!("value-date-{stored}");
    if crate::i18n::has(Lang::En, &id) {
        crate::i18n::tr(lang, &id)
    } else {
        stored.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSource, Via};
    use crate::tagging::CaseRule;

    #[test]
    fn every_stored_value_has_a_name_in_both_languages() {
        for lang in [Lang::En, Lang::Id] {
            for v in Via::ALL {
                assert!(crate::i18n::has(lang, &format!("value-via-{}", v.as_str())));
            }
            for c in [CaseRule::Exact, CaseRule::Fold] {
                assert!(crate::i18n::has(
                    lang,
                    &format!("value-case-{}", c.as_str())
                ));
            }
            for d in DateSource::ALL {
                assert!(
                    crate::i18n::has(lang, &format!("value-date-{}", d.as_str())),
                    "{d:?}"
                );
            }
        }
        assert_eq!(date_source_name(Lang::Id, "url"), "alamat web (URL)");
        assert_eq!(language_name(Lang::Id, "en"), "Inggris");
        assert_eq!(via_name(Lang::Id, Via::Place), "tempat");
    }
}
