//! Keeping the views' data fresh: polling the background jobs and asking for what the
//! visible views need (cached results come back at once).

use super::analysis;
use super::app::{BINS, PantauApp, Tab, WINDOWS};
use super::articles_view;

impl PantauApp {
    /// Collects what the background jobs sent.
    pub(crate) fn poll(&mut self, _ctx: &egui::Context) {
        if let Some(job) = &mut self.import
            && let Some(result) = job.poll()
        {
            self.import = None;
            if let Ok(report) = &result {
                self.notices.push((
                    format!(
                        "Import {}: {} articles added, {} duplicates, {} failed files.",
                        if report.cancelled {
                            "cancelled"
                        } else {
                            "finished"
                        },
                        report.counts.articles_added,
                        report.counts.duplicates,
                        report.failed.len()
                    ),
                    false,
                ));
            }
            self.report = Some(result);
            self.data_changed();
        }
        if let Some(job) = &mut self.retag
            && let Some(result) = job.poll()
        {
            self.retag = None;
            self.retag_status = Some(match result {
                Ok(r) => (
                    format!(
                        "Re-tag {}: {} articles, {} mentions in {:.1} s.",
                        if r.cancelled { "cancelled" } else { "finished" },
                        r.articles,
                        r.mentions,
                        r.elapsed.as_secs_f64()
                    ),
                    false,
                ),
                Err(e) => (format!("Re-tag failed: {e}"), true),
            });
            self.data_changed();
        }
        if let Some(job) = &mut self.candidates
            && let Some(result) = job.poll()
        {
            self.candidates = None;
            self.dict.candidates.list = Some(result);
        }
        let data = &mut self.data;
        data.actor_counts.poll();
        data.timeline.poll();
        data.cooccurrence.poll();
        data.articles.poll();
        data.article.poll();
        data.dictionary.poll();
        data.dict_detail.poll();
        let mut changed = false;
        self.tasks.retain(|task| match task.poll() {
            Some(Ok(msg)) => {
                changed |= msg.starts_with("Dated") || msg.starts_with("Search index");
                if !msg.is_empty() {
                    self.notices.push((msg, false));
                }
                false
            }
            Some(Err(msg)) => {
                self.notices.push((msg, true));
                false
            }
            None => true,
        });
        if changed {
            self.data_changed();
        }
        for action in self.dialogs.poll() {
            self.pending.push(action);
        }
        if self.notices.len() > 20 {
            self.notices.drain(..self.notices.len() - 20);
        }
    }

    /// The database changed: every cached result is stale.
    pub(crate) fn data_changed(&mut self) {
        self.version += 1;
        let d = &mut self.data;
        d.actor_counts.invalidate();
        d.timeline.invalidate();
        d.cooccurrence.invalidate();
        d.articles.invalidate();
        d.article.invalidate();
        d.dictionary.invalidate();
        d.dict_detail.invalidate();
    }

    /// Asks for what the visible views need (cached results come back at once).
    pub(crate) fn request_data(&mut self, ctx: &egui::Context) {
        let (db, v, filter) = (self.db.clone(), self.version, self.filter());
        let f = filter.clone();
        let key = format!("{:?}", ("actors", v, &f));
        self.data
            .actor_counts
            .request(&key, &db, ctx, move |s| analysis::actor_counts(s, &f));
        match self.settings.tab {
            Tab::Timeline if self.settings.selected.is_empty() => {}
            Tab::Timeline => {
                let (codes, bin) = (
                    self.settings.selected.clone(),
                    BINS[self.settings.bin.min(3)].0,
                );
                let key = format!("{:?}", ("timeline", v, &filter, &codes, bin));
                let f = filter.clone();
                self.data.timeline.request(&key, &db, ctx, move |s| {
                    let t = analysis::timeline(s, &codes, bin, &f)?;
                    let spikes = analysis::spikes(&t, s, &f)?;
                    Ok((t, spikes))
                });
            }
            Tab::Cooccurrence => {
                let (window, min) = (
                    WINDOWS[self.settings.window.min(2)].0,
                    self.settings.min_support,
                );
                let key = format!("{:?}", ("cooc", v, &filter, window, min));
                let f = filter.clone();
                self.data.cooccurrence.request(&key, &db, ctx, move |s| {
                    analysis::cooccurrence(s, window, min, Some(500), analysis::Measure::Both, &f)
                });
            }
            Tab::Articles => {
                articles_view::request(self, ctx, &db, v);
            }
            Tab::Dictionary => {
                self.data
                    .dictionary
                    .request(&("dict", v), &db, ctx, |s| s.dictionary_entries());
                let code = self.dict.selected.clone();
                let key = format!("{:?}", ("dict_detail", v, &code));
                self.data.dict_detail.request(&key, &db, ctx, move |s| {
                    super::dictionary_view::DictDetail::load(s, code.as_deref())
                });
            }
        }
    }
}
