//! The tabs of the central area, each one type that owns its state, its background queries,
//! how it asks for data and how it draws (as egui's demo app keeps one type per app). The
//! tabs are listed once, in [`Tabs::all_mut`]; polling, invalidation and "busy" loop over
//! that list, so a tab cannot be forgotten. A new tab is one file plus one line there (and
//! its [`Tab`] id).

use super::action::Action;
use super::analysis::Filter;
use super::articles_view::ArticlesTab;
use super::compare_view::CompareTab;
use super::cooccurrence_view::CoocTab;
use super::dictionary_view::DictionaryTab;
use super::network_view::NetworkTab;
use super::outlets_view::OutletsTab;
use super::profile_view::ProfileTab;
use super::settings::{Settings, Tab};
use super::timeline_view::TimelineTab;

/// What every query of a frame shares: the database, its data version and the filter.
pub(crate) struct QueryEnv<'a> {
    /// The database.
    pub db: &'a crate::store::Location,
    /// Bumped whenever the database changes; part of every cache key.
    pub version: u64,
    /// The filter of the current settings.
    pub filter: &'a Filter,
    /// To ask for a repaint when a result arrives.
    pub ctx: &'a egui::Context,
}

/// The shell's state a tab may show (jobs that are not the tab's own).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ShellView<'a> {
    /// A running re-tag.
    pub retag: Option<super::dictionary_view::JobView>,
    /// The last re-tag's outcome (text, is_error).
    pub retag_status: Option<&'a (String, bool)>,
    /// An import runs.
    pub importing: bool,
    /// The dictionary's names of every actor (to find actors as people type them).
    pub names: Option<&'a super::analysis::ActorNames>,
}

/// What one tab does; the shell calls these for every tab of [`Tabs::all_mut`].
pub(crate) trait TabView {
    /// Its id (saved in the settings, used by [`Action::ShowTab`]).
    fn id(&self) -> Tab;
    /// Its title in the tab bar.
    /// Its title's message id (the shell translates it).
    fn title(&self) -> &'static str;
    /// Asks for what it shows (only for the visible tab; cached results come back at once).
    fn request(&mut self, settings: &Settings, env: &QueryEnv<'_>);
    /// Collects what its background queries sent.
    fn poll(&mut self);
    /// Forgets its cached results (the database changed).
    fn invalidate(&mut self);
    /// True while one of its queries or jobs runs.
    fn is_busy(&self) -> bool;
    /// The error of its last query, if it failed.
    fn error(&self) -> Option<&str>;
    /// Draws it; what the user asked for comes back as actions.
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action>;
}

/// Every tab.
#[derive(Default)]
pub(crate) struct Tabs {
    pub timeline: TimelineTab,
    pub cooccurrence: CoocTab,
    pub network: NetworkTab,
    pub compare: CompareTab,
    pub outlets: OutletsTab,
    pub profile: ProfileTab,
    pub articles: ArticlesTab,
    pub dictionary: DictionaryTab,
}

/// The tabs in the order of the tab bar: the one list every loop goes over (borrowed shared
/// or mutably).
macro_rules! tab_list {
    ($tabs:expr, $($borrow:tt)+) => {
        [
            $($borrow)+ $tabs.timeline,
            $($borrow)+ $tabs.cooccurrence,
            $($borrow)+ $tabs.network,
            $($borrow)+ $tabs.compare,
            $($borrow)+ $tabs.outlets,
            $($borrow)+ $tabs.profile,
            $($borrow)+ $tabs.articles,
            $($borrow)+ $tabs.dictionary,
        ]
    };
}

/// How many tabs there are.
pub(crate) const TAB_COUNT: usize = 8;

impl Tabs {
    /// Every tab, in order.
    pub fn all(&self) -> [&dyn TabView; TAB_COUNT] {
        tab_list!(self, &)
    }

    /// Every tab, in order, to change.
    pub fn all_mut(&mut self) -> [&mut dyn TabView; TAB_COUNT] {
        tab_list!(self, &mut)
    }

    /// The tab with this id.
    pub fn get_mut(&mut self, id: Tab) -> &mut dyn TabView {
        let all = self.all_mut();
        let at = all.iter().position(|t| t.id() == id).unwrap_or(0);
        all.into_iter()
            .nth(at)
            .expect("a position found in the same list")
    }

    /// Every tab's id and title, in order.
    pub fn titles(&self) -> Vec<(Tab, &'static str)> {
        self.all().iter().map(|t| (t.id(), t.title())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_id_is_listed_once() {
        let mut tabs = Tabs::default();
        assert_eq!(tabs.all().len(), TAB_COUNT);
        let ids: Vec<Tab> = tabs.titles().into_iter().map(|(id, _)| id).collect();
        for tab in Tab::ALL {
            assert_eq!(ids.iter().filter(|&&t| t == tab).count(), 1, "{tab:?}");
        }
        assert_eq!(ids.len(), Tab::ALL.len());
        for id in ids {
            assert_eq!(tabs.get_mut(id).id(), id);
        }
    }
}
