//! The languages pantau speaks to people: English and Indonesian. The strings live in Fluent
//! catalogs (`assets/i18n/en.ftl`, `assets/i18n/id.ftl`, compiled in), never in the view
//! code; exports keep their English column names and ISO dates, for machines.
//!
//! Every call names its language (no global state: the window's tests run side by side, and
//! a notice built on a worker thread speaks the language of the window that started it).

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A language of the window and the command line's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// The language's name in itself (as a language menu lists them).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Id => "Bahasa Indonesia",
        }
    }

    /// The language a POSIX locale value names ("id_ID.UTF-8" → Indonesian, "en_US" →
    /// English); `None` for an empty value, "C" or "POSIX".
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() || v == "C" || v == "POSIX" || v.starts_with("C.") {
            return None;
        }
        let lang = v.split(['_', '.', '@', '-', ':']).next().unwrap_or("");
        Some(
            if lang.eq_ignore_ascii_case("id") || lang.eq_ignore_ascii_case("in") {
                Lang::Id
            } else {
                Lang::En
            },
        )
    }

    /// The system's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
    /// decides (Indonesian when it starts with "id"); English otherwise.
    pub fn from_env() -> Lang {
        Self::from_vars(|k| std::env::var(k).ok())
    }

    /// [`Lang::from_env`] with the variables read by `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k).and_then(|v| Lang::from_locale(&v)))
            .unwrap_or_default()
    }
}

/// The catalogs, as compiled in.
pub const CATALOGS: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../assets/i18n/en.ftl")),
    (Lang::Id, include_str!("../assets/i18n/id.ftl")),
];

static BUNDLES: LazyLock<Vec<(Lang, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    CATALOGS
        .iter()
        .map(|&(lang, text)| {
            // A catalog that does not parse keeps the messages that do (a test holds both
            // clean).
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let id = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around placeables: egui would draw them.
            bundle.set_use_isolating(false);
            // Numbers with the language's separators ("19.035" in Indonesian, "19,035").
            bundle.set_formatter(Some(match lang {
                Lang::En => format_en,
                Lang::Id => format_id,
            }));
            let _ = bundle.add_resource(resource);
            (lang, bundle)
        })
        .collect()
});

fn bundle(lang: Lang) -> Option<&'static FluentBundle<FluentResource>> {
    BUNDLES.iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

/// Whether `lang`'s catalog has the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).is_some_and(|b| b.has_message(id))
}

/// The message `id` in `lang` (English when `lang` lacks it; the id itself when no catalog
/// has it).
pub fn tr(lang: Lang, id: &str) -> String {
    tr_with(lang, id, &[])
}

/// The message `id` in `lang` with its placeables (`("count", 3.into())`).
pub fn tr_with(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    for l in [lang, Lang::En] {
        let Some(b) = bundle(l) else { continue };
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// A message to be said later, in the language of whoever reads it (an import's failure
/// reasons are made by the importers and read in the window or the command line): a catalog
/// id and its placeables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The catalog message.
    pub id: &'static str,
    /// Its placeables.
    pub args: Vec<(&'static str, Placeable)>,
}

/// A placeable of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeable {
    /// Text, shown as it is (a path, a detail from a parser).
    Text(String),
    /// A count, shown with the language's separators.
    Count(u64),
}

impl Message {
    /// The message `id` without placeables.
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// With the text placeable `key`.
    pub fn text(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.args.push((key, Placeable::Text(value.into())));
        self
    }

    /// With the count placeable `key`.
    pub fn count(mut self, key: &'static str, n: u64) -> Self {
        self.args.push((key, Placeable::Count(n)));
        self
    }

    /// The message in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Placeable::Text(t) => FluentValue::from(t.as_str()),
                    Placeable::Count(n) => FluentValue::from(*n as f64),
                };
                (*k, v)
            })
            .collect();
        tr_with(lang, self.id, &args)
    }
}

/// A month's short name (1 = January): "Aug" in English, "Agu" in Indonesian.
pub fn month_short(lang: Lang, month: u32) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const ID: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    let names = match lang {
        Lang::En => &EN,
        Lang::Id => &ID,
    };
    names
        .get((month.clamp(1, 12) - 1) as usize)
        .copied()
        .unwrap_or("")
}

/// A day as people write it in `lang`: "3 May 2021", "3 Mei 2021".
pub fn date_long(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let names = match lang {
        Lang::En => &EN,
        Lang::Id => &ID,
    };
    let month = names.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

fn format_en<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, Lang::En)
}

fn format_id<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, Lang::Id)
}

fn format_number(value: &FluentValue<'_>, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(integer(lang, n.value as i64))
        }
        _ => None,
    }
}

/// An integer with the language's thousands separator: "19.035" (Indonesian), "19,035".
pub fn integer(lang: Lang, n: i64) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Id => '.',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A decimal with `places` digits after the language's decimal mark: "0,25" (Indonesian),
/// "0.25".
pub fn decimal(lang: Lang, x: f64, places: usize) -> FluentValue<'static> {
    let s = format!("{x:.places$}");
    FluentValue::from(match lang {
        Lang::En => s,
        Lang::Id => s.replace('.', ","),
    })
}

/// A number for a placeable.
pub fn num(n: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(n.into())
}

/// A text for a placeable.
pub fn text(s: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(s.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → the placeables it uses (variables anywhere in its value, selectors too).
    fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("catalog does not parse: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                out.insert(m.id.name.to_string(), vars);
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn both_catalogs_have_the_same_messages_and_placeables() {
        let en = messages(CATALOGS[0].1);
        let id = messages(CATALOGS[1].1);
        assert!(en.len() > 50, "{} messages", en.len());
        let (ek, ik): (BTreeSet<_>, BTreeSet<_>) = (en.keys().collect(), id.keys().collect());
        assert_eq!(
            ek.symmetric_difference(&ik).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "messages in one catalog only"
        );
        for (k, vars) in &en {
            assert_eq!(Some(vars), id.get(k), "placeables of {k}");
        }
    }

    #[test]
    fn messages_format_with_their_placeables() {
        assert_eq!(tr(Lang::En, "tab-timeline"), "Timeline");
        assert_eq!(tr(Lang::Id, "tab-timeline"), "Linimasa");
        assert_eq!(
            tr_with(Lang::Id, "actors-plotted", &[("count", num(4))]),
            "4 di grafik"
        );
        assert_eq!(
            tr_with(
                Lang::En,
                "notice-import-summary",
                &[
                    ("state", text("finished")),
                    ("added", num(301)),
                    ("duplicates", num(0)),
                    ("failed", num(0)),
                ]
            ),
            "Import finished: 301 articles added, 0 duplicates, 0 failed files."
        );
        assert_eq!(tr(Lang::Id, "no-such-message"), "no-such-message");
        assert_eq!(month_short(Lang::Id, 8), "Agu");
        assert_eq!(
            tr_with(Lang::Id, "actors-plotted", &[("count", num(19035))]),
            "19.035 di grafik"
        );
        assert_eq!(
            tr_with(Lang::En, "actors-plotted", &[("count", num(19035))]),
            "19,035 plotted"
        );
        assert_eq!(integer(Lang::Id, -1234567), "-1.234.567");
        assert_eq!(integer(Lang::En, 999), "999");
        assert_eq!(
            tr_with(
                Lang::Id,
                "timeline-hover-count",
                &[("value", decimal(Lang::Id, 0.25, 2))]
            ),
            "0,25 artikel"
        );
        assert_eq!(month_short(Lang::En, 5), "May");
        assert_eq!(month_short(Lang::Id, 5), "Mei");
    }

    #[test]
    fn the_system_locale_decides_the_first_language() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(vars(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", "id_ID"), ("LANG", "en_US")])),
            Lang::Id
        );
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", "en_GB"), ("LANG", "id_ID")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(vars(&[("LC_MESSAGES", "id"), ("LANG", "en_US")])),
            Lang::Id
        );
        assert_eq!(Lang::from_vars(vars(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[])), Lang::En);
    }
}
