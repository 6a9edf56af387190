//! Profile: how one actor is framed — its articles, the actors named with it, the outlets that
//! cover it, and the words of the sentences that mention it (keyness), for the whole filter
//! or one outlet next to another ("how outlet A writes about Russia next to outlet B").

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, Profile, ProfileOptions, Resolved};
use super::colors::swatch;
use super::i18n::{lang, t, tw};
use super::jobs::Query;
use super::settings::{Settings, Tab};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::i18n::{decimal, num, text};
use std::sync::Arc;

/// A profile, or two side by side (one per outlet).
#[derive(Debug, Clone, Default)]
pub struct ProfileData {
    /// The profile (of the first outlet when split).
    pub first: Option<Profile>,
    /// The second outlet's, when split.
    pub second: Option<Profile>,
}

/// The profile tab's state.
#[derive(Default)]
pub struct ProfileTab {
    /// The actor box as typed (a code, a name or an alias); empty = the first plotted actor.
    pub actor_text: String,
    /// Only this outlet ("" = every outlet).
    pub source: String,
    /// Next to this outlet ("" = none).
    pub other_source: String,
    /// Or next to this period (when no outlet is picked): its first day.
    pub other_from: Option<chrono::NaiveDate>,
    /// Its last day.
    pub other_to: Option<chrono::NaiveDate>,
    /// The actor the last request was for.
    pub actor: Option<String>,
    query: Query<ProfileData>,
    sources: Query<Vec<(String, u64)>>,
    /// The filter of the last request.
    filter: analysis::Filter,
}

impl ProfileTab {
    /// The profile shown (the first one when split).
    pub fn data(&self) -> Option<Arc<ProfileData>> {
        self.query.value()
    }
}

impl TabView for ProfileTab {
    fn id(&self) -> Tab {
        Tab::Profile
    }

    fn title(&self) -> &'static str {
        "tab-profile"
    }

    fn request(&mut self, settings: &Settings, env: &QueryEnv<'_>) {
        self.sources
            .request(&("sources", env.version), env.db, env.ctx, |store| {
                store.sources()
            });
        // The actor: as resolved when typed (see `ui`), else the first plotted one.
        let actor = self
            .actor
            .clone()
            .or_else(|| settings.selected.first().cloned());
        let Some(actor) = actor else {
            return;
        };
        let base = env.filter.clone();
        self.filter = env.filter.clone();
        let (source, other) = (self.source.clone(), self.other_source.clone());
        let period = (self.other_from, self.other_to);
        let key = format!(
            "{:?}",
            (
                "profile",
                env.version,
                &base,
                &actor,
                &source,
                &other,
                period
            )
        );
        self.query.request(&key, env.db, env.ctx, move |s| {
            let with_source = |src: &str| {
                let mut f = base.clone();
                if !src.is_empty() {
                    f.sources = vec![src.to_string()];
                }
                f
            };
            let options = ProfileOptions::default();
            let first = analysis::profile(s, &actor, &with_source(&source), options)?;
            let second = if !other.is_empty() {
                analysis::profile(s, &actor, &with_source(&other), options)?
            } else if period.0.is_some() || period.1.is_some() {
                // The same outlet (or all), in the other period.
                let f = analysis::Filter {
                    from: period.0,
                    to: period.1,
                    ..with_source(&source)
                };
                analysis::profile(s, &actor, &f, options)?
            } else {
                None
            };
            Ok(ProfileData { first, second })
        });
    }

    fn poll(&mut self) {
        self.query.poll();
        self.sources.poll();
    }

    fn invalidate(&mut self) {
        self.query.invalidate();
        self.sources.invalidate();
    }

    fn is_busy(&self) -> bool {
        self.query.is_running() || self.sources.is_running()
    }

    fn error(&self) -> Option<&str> {
        self.query.error().or(self.sources.error())
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let lang = lang(ui);
        let sources = self.sources.value();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t(ui, "profile-actor"));
            let hint = settings
                .selected
                .first()
                .cloned()
                .unwrap_or_else(|| t(ui, "profile-actor-hint"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.actor_text)
                        .hint_text(hint)
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
            // Resolved when typed out (Enter or leaving the box), not at every keystroke: each
            // profile reads thousands of articles.
            if r.lost_focus() {
                self.actor = match shell.names.map(|n| n.resolve(&self.actor_text)) {
                    Some(Resolved::Actor(code)) => Some(code),
                    _ if self.actor_text.trim().is_empty() => None,
                    _ => Some(self.actor_text.trim().to_uppercase()),
                };
            }
            for (label, value, none) in [
                ("profile-outlet", &mut self.source, "profile-every-outlet"),
                (
                    "profile-next-to",
                    &mut self.other_source,
                    "profile-no-outlet",
                ),
            ] {
                ui.label(t(ui, label));
                let none = t(ui, none);
                egui::ComboBox::from_id_salt(("profile_source", label))
                    .selected_text(if value.is_empty() {
                        none.clone()
                    } else {
                        value.clone()
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(value, String::new(), none);
                        for (s, n) in sources.as_deref().map(Vec::as_slice).unwrap_or_default() {
                            ui.selectable_value(value, s.clone(), format!("{s} ({n})"));
                        }
                    });
            }
            if self.other_source.is_empty() {
                ui.label(t(ui, "profile-or-period"));
                super::timeline_view::date_field(
                    ui,
                    "profile_other_from",
                    &mut self.other_from,
                    "YYYY-MM-DD",
                );
                ui.label("–");
                super::timeline_view::date_field(
                    ui,
                    "profile_other_to",
                    &mut self.other_to,
                    "YYYY-MM-DD",
                );
            }
            if ui.button(t(ui, "toolbar-export-table")).clicked() {
                actions.push(Action::Export(ExportKind::Profile));
            }
            if self.query.is_running() {
                ui.spinner();
            }
        });
        ui.horizontal_wrapped(|ui| {
            actions.extend(super::timeline_view::date_range_ui(ui, settings));
        });
        ui.separator();
        if self.actor.is_none() && settings.selected.is_empty() {
            ui.weak(t(ui, "profile-pick"));
            return actions;
        }
        let Some(data) = self.query.value() else {
            ui.spinner();
            return actions;
        };
        let Some(first) = &data.first else {
            ui.weak(t(ui, "profile-unknown"));
            return actions;
        };
        let name = shell.names.map_or(first.name.as_str(), |n| {
            n.display(&first.code, &first.name, lang)
        });
        ui.horizontal(|ui| {
            swatch(ui, &first.code);
            ui.heading(format!("{} {name}", first.code));
        });
        ui.label(tw(
            ui,
            "profile-summary",
            &[
                ("articles", num(first.articles as f64)),
                ("units", num(first.units as f64)),
            ],
        ));
        let code = first.code.clone();
        let (source, filter) = (self.source.clone(), self.filter.clone());
        ui.columns(3, |cols| {
            cols[0].strong(t(&cols[0], "profile-co-actors"));
            for (c, n, both) in &first.co_actors {
                let shown = shell.names.map_or(n.as_str(), |x| x.display(c, n, lang));
                let r = cols[0].link(format!(
                    "{c} {shown} · {}",
                    crate::i18n::integer(lang, *both as i64)
                ));
                if r.clicked() {
                    let pair = DrillDown::Pair {
                        actor_a: code.clone(),
                        actor_b: c.clone(),
                        window: analysis::Window::Article,
                    };
                    // Within the profile's outlet, as counted.
                    actions.push(Action::DrillDown(if source.is_empty() {
                        pair
                    } else {
                        DrillDown::Within {
                            filter: Box::new(analysis::Filter {
                                sources: vec![source.clone()],
                                ..filter.clone()
                            }),
                            inner: Box::new(pair),
                        }
                    }));
                }
            }
            cols[1].strong(t(&cols[1], "profile-outlets"));
            for o in &first.outlets {
                let share = decimal(lang, o.share * 100.0, 1);
                // Articles without an outlet are named so, as in the Outlets tab.
                let source = if o.source.is_empty() {
                    t(&cols[1], "reader-no-source")
                } else {
                    o.source.clone()
                };
                let label = tw(
                    &cols[1],
                    "profile-outlet-line",
                    &[
                        ("source", text(source)),
                        ("articles", num(o.articles as f64)),
                        ("share", share),
                    ],
                );
                if cols[1].link(label).clicked() {
                    actions.push(Action::DrillDown(DrillDown::OutletActor {
                        source: o.source.clone(),
                        actor_code: code.clone(),
                    }));
                }
            }
            let col = &mut cols[2];
            egui::ScrollArea::vertical()
                .id_salt("profile_terms")
                .show(col, |ui| {
                    let period = |from: Option<chrono::NaiveDate>,
                                  to: Option<chrono::NaiveDate>| {
                        let day = |d: Option<chrono::NaiveDate>| {
                            d.map_or("…".to_string(), |d| crate::i18n::date_long(lang, d))
                        };
                        format!("{} – {}", day(from), day(to))
                    };
                    let of = |source: &str| {
                        crate::i18n::tr_with(
                            lang,
                            "profile-words-of",
                            &[("source", text(source.to_string()))],
                        )
                    };
                    let during = |p: String| {
                        crate::i18n::tr_with(lang, "profile-words-in", &[("period", text(p))])
                    };
                    let by_period = data.second.is_some() && self.other_source.is_empty();
                    let first_heading = if !self.source.is_empty() {
                        of(&self.source)
                    } else if by_period {
                        during(period(self.filter.from, self.filter.to))
                    } else {
                        crate::i18n::tr(lang, "profile-words")
                    };
                    terms_ui(ui, first, &first_heading, lang);
                    if let Some(second) = &data.second {
                        ui.separator();
                        let heading = if by_period {
                            during(period(self.other_from, self.other_to))
                        } else {
                            of(&self.other_source)
                        };
                        terms_ui(ui, second, &heading, lang);
                    }
                });
        });
        actions
    }
}

/// A profile's words: the largest G² first, with how far its reading went.
fn terms_ui(ui: &mut egui::Ui, p: &Profile, heading: &str, lang: crate::i18n::Lang) {
    ui.strong(heading);
    let source = heading;
    ui.weak(tw(
        ui,
        "profile-read",
        &[
            ("read", num(p.context_articles_read as f64)),
            ("articles", num(p.articles as f64)),
            ("others_read", num(p.reference_articles_read as f64)),
            ("others", num(p.reference_articles as f64)),
        ],
    ));
    if p.terms.is_empty() {
        ui.weak(t(ui, "profile-no-words"));
        return;
    }
    egui::Grid::new(("profile_terms_grid", source))
        .striped(true)
        .show(ui, |ui| {
            for h in [
                "profile-col-word",
                "profile-col-here",
                "profile-col-elsewhere",
                "compare-col-llr",
            ] {
                ui.strong(t(ui, h));
            }
            ui.end_row();
            for term in p.terms.iter().take(40) {
                ui.label(&term.term);
                ui.label(crate::i18n::integer(lang, term.in_context as i64));
                ui.label(crate::i18n::integer(lang, term.elsewhere as i64));
                ui.label(crate::i18n::tr_with(
                    lang,
                    "common-decimal",
                    &[("x", decimal(lang, term.llr, 1))],
                ));
                ui.end_row();
            }
        });
    if p.terms.len() > 40 {
        ui.weak(tw(
            ui,
            "profile-more-words",
            &[("count", num((p.terms.len() - 40) as f64))],
        ));
    }
}
