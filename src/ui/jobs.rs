//! Work off the UI thread: imports, queries, exports and file dialogs. Each job is a thread
//! with its own database connection that sends messages over a channel and asks for a repaint;
//! the app drains the channels once per frame.

use crate::pipeline::{ImportOptions, ImportProgress, ImportReport};
use crate::store::{Location, Store};
use crossbeam_channel::{Receiver, Sender, unbounded};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A message of an import thread.
enum ImportMsg {
    Progress(ImportProgress),
    Done(Result<ImportReport, String>),
}

/// A running import.
pub struct ImportJob {
    rx: Receiver<ImportMsg>,
    cancel: Arc<AtomicBool>,
    /// The latest progress.
    pub progress: ImportProgress,
    /// What is being imported, for the progress line.
    pub label: String,
}

impl ImportJob {
    /// Starts importing `paths` into the database at `db`.
    pub fn start(
        db: Location,
        paths: Vec<PathBuf>,
        label: String,
        options: ImportOptions,
        ctx: egui::Context,
    ) -> Self {
        let (tx, rx) = unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        std::thread::spawn(move || {
            let result = run_import(&db, &paths, &options, &flag, &tx, &ctx);
            let _ = tx.send(ImportMsg::Done(result));
            ctx.request_repaint();
        });
        ImportJob {
            rx,
            cancel,
            progress: ImportProgress::default(),
            label,
        }
    }

    /// Asks the import to stop (within a few hundred records; a half-read file is not stored).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once Cancel was pressed.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Takes the messages sent so far; the report once the import ended.
    pub fn poll(&mut self) -> Option<Result<ImportReport, String>> {
        for msg in self.rx.try_iter() {
            match msg {
                ImportMsg::Progress(p) => self.progress = p,
                ImportMsg::Done(result) => return Some(result),
            }
        }
        None
    }
}

fn run_import(
    db: &Location,
    paths: &[PathBuf],
    options: &ImportOptions,
    cancel: &AtomicBool,
    tx: &Sender<ImportMsg>,
    ctx: &egui::Context,
) -> Result<ImportReport, String> {
    let (mut store, matcher) = open_with_matcher(db, Some("import"))?;
    let mut last = std::time::Instant::now();
    let mut phase = crate::pipeline::ImportPhase::Preparing;
    crate::pipeline::import_paths(&mut store, &matcher, paths, options, cancel, |p| {
        // At most ~30 messages a second (the UI needs no more), but every phase change.
        if last.elapsed().as_millis() >= 33 || p.files_done == p.files_total || p.phase != phase {
            phase = p.phase;
            last = std::time::Instant::now();
            let _ = tx.send(ImportMsg::Progress(p.clone()));
            ctx.request_repaint();
        }
    })
    .map_err(|e| e.to_string())
}

/// Results of a background computation, cached by key (the view, its filter and parameters
/// rendered with `Debug`), computed on a thread with its own connection.
pub struct Query<V> {
    wanted: Option<String>,
    running: HashMap<String, Receiver<Result<V, String>>>,
    cache: HashMap<String, Result<Arc<V>, String>>,
}

impl<V> Default for Query<V> {
    fn default() -> Self {
        Query {
            wanted: None,
            running: HashMap::new(),
            cache: HashMap::new(),
        }
    }
}

impl<V: Send + Sync + 'static> Query<V> {
    /// Asks for the value of `key`; computes it with `f` on a thread unless cached or running.
    pub fn request<K: std::fmt::Debug>(
        &mut self,
        key: &K,
        db: &Location,
        ctx: &egui::Context,
        f: impl FnOnce(&Store) -> Result<V, crate::store::StoreError> + Send + 'static,
    ) {
        let key = format!("{key:?}");
        self.wanted = Some(key.clone());
        if self.cache.contains_key(&key) || self.running.contains_key(&key) {
            return;
        }
        let (tx, rx) = unbounded();
        let (db, ctx) = (db.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = db
                .open()
                .and_then(|store| f(&store))
                .map_err(|e| e.to_string());
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.running.insert(key, rx);
    }

    /// Collects finished computations.
    pub fn poll(&mut self) {
        let mut done = Vec::new();
        for (key, rx) in &self.running {
            match rx.try_recv() {
                Ok(result) => done.push((key.clone(), result)),
                Err(crossbeam_channel::TryRecvError::Disconnected) => {
                    done.push((key.clone(), Err("the query thread stopped".into())));
                }
                Err(crossbeam_channel::TryRecvError::Empty) => {}
            }
        }
        if self.cache.len() > 32 {
            self.cache.clear();
        }
        for (key, result) in done {
            self.running.remove(&key);
            self.cache.insert(key, result.map(Arc::new));
        }
    }

    /// The value of the last requested key, if computed.
    pub fn value(&self) -> Option<Arc<V>> {
        match self.cache.get(self.wanted.as_ref()?)? {
            Ok(v) => Some(v.clone()),
            Err(_) => None,
        }
    }

    /// The error of the last requested key, if it failed.
    pub fn error(&self) -> Option<&str> {
        self.cache
            .get(self.wanted.as_ref()?)?
            .as_ref()
            .err()
            .map(String::as_str)
    }

    /// True while the last requested key is being computed.
    pub fn is_running(&self) -> bool {
        self.wanted
            .as_ref()
            .is_some_and(|k| self.running.contains_key(k))
    }

    /// Forgets every cached value (the database changed).
    pub fn invalidate(&mut self) {
        self.cache.clear();
        self.running.clear();
    }
}

/// File dialogs run on their own thread (a blocking dialog would freeze the window); the
/// answer comes back as an action.
#[derive(Default)]
pub struct Dialogs {
    tx: Option<Sender<Option<super::action::Action>>>,
    rx: Option<Receiver<Option<super::action::Action>>>,
    open: bool,
}

impl Dialogs {
    /// Shows `dialog` on a thread; its answer (an action, or nothing when cancelled) comes back
    /// through [`Dialogs::poll`].
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        dialog: impl FnOnce() -> Option<super::action::Action> + Send + 'static,
    ) {
        if self.open {
            return;
        }
        if self.tx.is_none() {
            let (tx, rx) = unbounded();
            self.tx = Some(tx);
            self.rx = Some(rx);
        }
        let Some(tx) = self.tx.clone() else { return };
        let ctx = ctx.clone();
        self.open = true;
        std::thread::spawn(move || {
            let _ = tx.send(dialog());
            ctx.request_repaint();
        });
    }

    /// Answers of closed dialogs.
    pub fn poll(&mut self) -> Vec<super::action::Action> {
        let answers: Vec<Option<_>> = self
            .rx
            .as_ref()
            .map(|rx| rx.try_iter().collect())
            .unwrap_or_default();
        if !answers.is_empty() {
            self.open = false;
        }
        answers.into_iter().flatten().collect()
    }
}

/// What a finished one-shot job reports: a notice (empty = none) and what follows from it,
/// as an action for the reducer (the database it changed, a database to switch to, files to
/// import). The typed signal replaces guessing from the notice's words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Done {
    /// Shown in the status bar (nothing when empty).
    pub message: String,
    /// Applied by the reducer once the job ended.
    pub then: Vec<super::action::Action>,
}

impl Done {
    /// A notice and nothing else.
    pub fn notice(message: impl Into<String>) -> Done {
        Done {
            message: message.into(),
            then: Vec::new(),
        }
    }

    /// A notice, then `action`.
    pub fn then(message: impl Into<String>, action: super::action::Action) -> Done {
        Done {
            message: message.into(),
            then: vec![action],
        }
    }
}

/// A one-shot job with an outcome at the end (exports, dictionary edits, date changes, opening
/// a database).
pub struct Task {
    rx: Receiver<Result<Done, String>>,
    /// The database generation it was started on (see `PantauApp::generation`).
    pub(crate) generation: u64,
}

impl Task {
    /// Runs `f` on a thread, for the database of `generation`.
    pub fn start(
        ctx: &egui::Context,
        generation: u64,
        f: impl FnOnce() -> Result<Done, String> + Send + 'static,
    ) -> Self {
        let (tx, rx) = unbounded();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(f());
            ctx.request_repaint();
        });
        Task { rx, generation }
    }

    /// The outcome once done.
    pub fn poll(&self) -> Option<Result<Done, String>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(crossbeam_channel::TryRecvError::Empty) => None,
            Err(_) => Some(Err("the job stopped".into())),
        }
    }
}

/// A message of a job with progress.
enum ProgressMsg<T> {
    Progress(u64, u64),
    Done(Result<T, String>),
}

/// A long job with a progress count and a Cancel button: a re-tag of the corpus, a search for
/// candidate names. It runs on a thread with its own database connection.
pub struct ProgressJob<T> {
    rx: Receiver<ProgressMsg<T>>,
    cancel: Arc<AtomicBool>,
    /// Articles done so far and the total.
    pub progress: (u64, u64),
}

impl<T: Send + 'static> ProgressJob<T> {
    /// Runs `f(cancel flag, progress callback)` on a thread.
    pub fn start(
        ctx: &egui::Context,
        f: impl FnOnce(&AtomicBool, &mut dyn FnMut(u64, u64)) -> Result<T, String> + Send + 'static,
    ) -> Self {
        let (tx, rx) = unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let mut progress = |done, total| {
                let _ = tx.send(ProgressMsg::Progress(done, total));
                ctx.request_repaint();
            };
            let result = f(&flag, &mut progress);
            let _ = tx.send(ProgressMsg::Done(result));
            ctx.request_repaint();
        });
        ProgressJob {
            rx,
            cancel,
            progress: (0, 0),
        }
    }

    /// Asks the job to stop after the current batch.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once Cancel was pressed.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Takes the messages sent so far; the result once the job ended.
    pub fn poll(&mut self) -> Option<Result<T, String>> {
        for msg in self.rx.try_iter() {
            match msg {
                ProgressMsg::Progress(done, total) => self.progress = (done, total),
                ProgressMsg::Done(result) => return Some(result),
            }
        }
        None
    }
}

/// A running re-tag of the whole corpus with the current effective dictionary.
pub type RetagJob = ProgressJob<crate::pipeline::RetagReport>;

/// A running search for candidate names.
pub type CandidatesJob = ProgressJob<Vec<crate::curation::candidates::Candidate>>;

/// Starts re-tagging the database at `db`.
pub fn start_retag(db: Location, ctx: &egui::Context) -> RetagJob {
    ProgressJob::start(ctx, move |cancel, progress| {
        let (mut store, matcher) = open_with_matcher(&db, Some("retag"))?;
        crate::pipeline::retag(&mut store, &matcher, cancel, progress).map_err(|e| e.to_string())
    })
}

/// Starts looking for names in at least `min_articles` articles that no actor covers.
pub fn start_candidates(db: Location, min_articles: u64, ctx: &egui::Context) -> CandidatesJob {
    ProgressJob::start(ctx, move |cancel, progress| {
        let (store, matcher) = open_with_matcher(&db, None)?;
        crate::curation::candidates::find_candidates_with(
            &store,
            &matcher,
            min_articles,
            CANDIDATES_SHOWN,
            cancel,
            progress,
        )
        .map_err(|e| e.to_string())
    })
}

/// Candidates listed at most.
const CANDIDATES_SHOWN: usize = 300;

/// The database at `db` (opened to change it as `write`, when given) and a matcher of its
/// effective dictionary and places setting.
fn open_with_matcher(
    db: &Location,
    write: Option<&str>,
) -> Result<(Store, crate::tagging::Matcher), String> {
    let mut store = match write {
        Some(action) => db.open_to_write(action),
        None => db.open(),
    }
    .map_err(|e| e.to_string())?;
    let include_places = store.include_places().map_err(|e| e.to_string())?;
    let options = crate::tagging::MatcherOptions { include_places };
    let matcher =
        crate::pipeline::prepare_matcher(&mut store, options).map_err(|e| e.to_string())?;
    Ok((store, matcher))
}
