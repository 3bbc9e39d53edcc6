//! The app's state, provided as context: the draft signal, the assessment derived from it, and
//! what the shell shows around them (current step, save status, notices, undo).
//!
//! The assessment is a memo of `bangfu_rules::assess` over the draft: components render it and
//! never judge eligibility themselves.

use crate::tabs::{self, Role};
use crate::{clock, storage};
use bangfu_model::Draft;
use bangfu_model::Employee;
use bangfu_rules::{Assessment, Assessor};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

/// The steps of the form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Applicant,
    Site,
    Employees,
    Wages,
    Insurance,
    Declarations,
    Results,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Applicant,
        Step::Site,
        Step::Employees,
        Step::Wages,
        Step::Insurance,
        Step::Declarations,
        Step::Results,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Step::Applicant => "申请主体",
            Step::Site => "车间场所",
            Step::Employees => "员工",
            Step::Wages => "工资",
            Step::Insurance => "参保",
            Step::Declarations => "制度与声明",
            Step::Results => "自评结果",
        }
    }

    /// URL fragment, so a reload returns to the same step.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Applicant => "applicant",
            Step::Site => "site",
            Step::Employees => "employees",
            Step::Wages => "wages",
            Step::Insurance => "insurance",
            Step::Declarations => "declarations",
            Step::Results => "results",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// What the autosave indicator says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing typed yet since load.
    Idle,
    /// Changes wait for the debounce.
    Pending,
    /// Being written.
    Saving,
    /// Saved at this local time stamp (on disk when the database is used).
    Saved(String),
    /// The last save failed.
    Failed(storage::SaveError),
    /// Autosave is off because an unreadable stored draft could not be set aside.
    Blocked,
}

/// A message in the banner area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    /// A set-aside draft the user can download.
    pub aside_key: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A destructive change the user can take back (until the next reload; the draft history keeps
/// replaced drafts beyond it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub label: String,
    pub before: Draft,
}

/// Everything components share. `Copy`: all fields are arena signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub draft: RwSignal<Draft>,
    /// The date the screen assesses on (the browser's local date, kept current across midnight).
    /// The packet and the exports are given this same date, so they never judge on another day.
    pub today: RwSignal<chrono::NaiveDate>,
    /// `bangfu_rules::assess` of the draft; see [`AppState::start_assessing`].
    pub assessment: RwSignal<Assessment>,
    pub step: RwSignal<Step>,
    pub save_status: RwSignal<SaveStatus>,
    pub notices: RwSignal<Vec<Notice>>,
    pub undo: RwSignal<Option<Undo>>,
    /// The employee open in the editors of the employee, wage and insurance steps.
    pub selected: RwSignal<Option<u32>>,
    /// Whether the stored draft has been read (until then nothing may be typed or saved).
    pub loaded: RwSignal<bool>,
    /// This tab's part: editor, or follower of another tab that edits.
    pub role: RwSignal<Role>,
    /// Bumped when the draft history changes (the 草稿历史 list reloads).
    pub history_rev: RwSignal<u32>,
    next_notice: StoredValue<u32>,
    /// Keeps each person's evaluation between keystrokes (see [`bangfu_rules::Assessor`]).
    assessor: StoredValue<Assessor>,
    /// What changed since the last assessment and the last save.
    edits: StoredValue<Edits>,
}

/// Which employees were edited since the last assessment and since the last save; `None` when
/// something else changed too (then every row is compared). `revision` counts every change.
#[derive(Default)]
struct Edits {
    revision: u64,
    since_assessed: Option<BTreeSet<u32>>,
    since_saved: Option<BTreeSet<u32>>,
}

impl Edits {
    fn any(&mut self) {
        self.revision += 1;
        self.since_assessed = None;
        self.since_saved = None;
    }

    fn employee(&mut self, key: u32) {
        self.revision += 1;
        for set in [&mut self.since_assessed, &mut self.since_saved]
            .into_iter()
            .flatten()
        {
            set.insert(key);
        }
    }
}

/// Up to this many employees the draft is re-assessed on every keystroke; above it, an edit that
/// re-judges everyone (a setting, a date, an import) waits until typing pauses for
/// [`ASSESS_DEBOUNCE`], so that a 2,000-person roster does not make typing lag. An edit in one
/// person's fields is judged at once ([`LIVE_EDITED_PEOPLE`]).
pub const ASSESS_IMMEDIATE_LIMIT: usize = 300;
/// The pause that triggers re-assessment of a large draft.
pub const ASSESS_DEBOUNCE: Duration = Duration::from_millis(200);

/// Edits touching at most this many people since the last assessment are judged at once whatever
/// the roster's size (only they are judged again).
pub const LIVE_EDITED_PEOPLE: usize = 8;

/// How long typing must pause before the draft is written to storage.
pub const AUTOSAVE_DEBOUNCE: Duration = Duration::from_millis(400);

impl tabs::Party for AppState {
    fn shown_role(&self) -> Role {
        self.role.get_untracked()
    }

    fn show_role(&self, role: Role) {
        self.role.set(role);
    }

    async fn reload(&self) {
        self.reload_stored().await;
    }

    async fn take_in(&self, saved_at: String) {
        if self.reload_stored().await {
            self.save_status.set(SaveStatus::Saved(saved_at));
        }
    }

    async fn finish_writes(&self) {
        self.save_now().await;
    }
}

impl AppState {
    /// Creates the state, starts reading what storage holds and starts autosave.
    pub fn new() -> AppState {
        let today = clock::today();
        let draft = RwSignal::new(Draft::default());
        let assessment = RwSignal::new(bangfu_rules::assess(&Draft::default(), today));
        let step = RwSignal::new(initial_step());
        let state = AppState {
            draft,
            today: RwSignal::new(today),
            assessment,
            step,
            save_status: RwSignal::new(SaveStatus::Idle),
            notices: RwSignal::new(vec![]),
            undo: RwSignal::new(None),
            selected: RwSignal::new(None),
            loaded: RwSignal::new(false),
            role: RwSignal::new(Role::Starting),
            history_rev: RwSignal::new(0),
            next_notice: StoredValue::new(1),
            assessor: StoredValue::new(Assessor::default()),
            edits: StoredValue::new(Edits::default()),
        };
        state.start_assessing();
        state.start_autosave();
        state.keep_today_current();
        leptos::task::spawn_local(async move {
            state.restore().await;
            state.loaded.set(true);
            state.start_tabs();
        });
        state
    }

    /// One tab edits; others follow it live (see [`crate::tabs`]).
    fn start_tabs(&self) {
        tabs::start(tabs::DRAFT, *self);
    }

    /// A page left open overnight moves to the new day when it is next looked at (or within a
    /// minute), so the screen, the packet and the exports all judge on the date the user sees.
    fn keep_today_current(&self) {
        let state = *self;
        let check = move || {
            let now = clock::today();
            if state.today.get_untracked() != now {
                state.today.set(now);
            }
        };
        let on_visible = window_event_listener_untyped("visibilitychange", move |_| check());
        std::mem::forget(on_visible);
        let _ = set_interval_with_handle(check, Duration::from_secs(60));
    }

    /// Keeps `assessment` in step with the draft and the date: at once for ordinary drafts,
    /// debounced for large ones. Subscribers are notified only when the findings actually change.
    fn start_assessing(&self) {
        let state = *self;
        let publish = move || {
            crate::timing::measure("assess", || {
                let today = state.today.get_untracked();
                let touched = state
                    .edits
                    .try_update_value(|e| e.since_assessed.replace(BTreeSet::new()))
                    .flatten();
                let fresh = crate::timing::measure("assess: rules", || {
                    state.draft.with_untracked(|d| {
                        state
                            .assessor
                            .try_update_value(|a| {
                                let fresh = a.assess_changed(d, today, touched.as_ref());
                                crate::timing::count("assess: rows judged", a.last_rejudged());
                                fresh
                            })
                            .unwrap_or_else(|| bangfu_rules::assess(d, today))
                    })
                });
                let changed = crate::timing::measure("assess: compare", || {
                    state.assessment.with_untracked(|a| *a != fresh)
                });
                if changed {
                    // Replacing drops the previous assessment and marks the subscribers.
                    crate::timing::measure("assess: publish", || state.assessment.set(fresh));
                }
            })
        };
        publish();
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        Effect::new(move |first: Option<()>| {
            state.today.track();
            let large = state
                .draft
                .with(|d| d.employees.len() > ASSESS_IMMEDIATE_LIMIT);
            if first.is_none() {
                return;
            }
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            // One person's field edited: the assessor re-judges only them (≈0.4 ms of rules
            // work for 2,000 people in the browser, tests/web_bench.rs; ≈2 ms in the page for
            // the keystroke bench's draft), so the verdict follows the typing. Anything that
            // re-judges everyone waits for a pause.
            let incremental = state.edits.with_value(|e| {
                e.since_assessed
                    .as_ref()
                    .is_some_and(|s| !s.is_empty() && s.len() <= LIVE_EDITED_PEOPLE)
            });
            if large && !incremental {
                pending.set_value(set_timeout_with_handle(publish, ASSESS_DEBOUNCE).ok());
            } else {
                publish();
            }
        });
    }

    async fn restore(&self) {
        match storage::load(&clock::now_local()).await {
            storage::Loaded::Nothing => {}
            storage::Loaded::Restored {
                draft,
                saved_at,
                note,
            } => {
                self.selected.set(draft.employees.first().map(|e| e.key));
                self.set_draft(*draft);
                self.save_status.set(SaveStatus::Saved(saved_at));
                if let Some(note) = note {
                    self.notify(NoticeKind::Error, note, None);
                }
            }
            storage::Loaded::Unreadable { error, kept_as } => {
                let text = match &kept_as {
                    Some(_) => format!(
                        "浏览器中保存的草稿无法读取：{error} 原内容已原样另存，可点击「下载原内容」保存到电脑；现在显示的是空白草稿。"
                    ),
                    None => format!(
                        "浏览器中保存的草稿无法读取：{error} 为避免覆盖原内容，自动保存已暂停。请先用「打开草稿文件」或「保存草稿文件」处理。"
                    ),
                };
                if kept_as.is_none() {
                    self.save_status.set(SaveStatus::Blocked);
                }
                self.notify(NoticeKind::Error, text, kept_as);
            }
            storage::Loaded::Unavailable => {
                self.save_status
                    .set(SaveStatus::Failed(storage::SaveError::Unavailable));
            }
        }
        for key in storage::aside_keys().await {
            let already = self
                .notices
                .with_untracked(|n| n.iter().any(|n| n.aside_key.as_deref() == Some(&key)));
            if !already {
                self.notify(
                    NoticeKind::Info,
                    "之前有一份无法读取的草稿被另存在浏览器中。".to_owned(),
                    Some(key),
                );
            }
        }
    }

    /// Debounced autosave on every change (by the editor tab, once the stored draft is read),
    /// and an immediate copy when the page is hidden or closed with a save pending.
    fn start_autosave(&self) {
        let state = *self;
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        Effect::new(move |_| {
            state.draft.track();
            // Loading, following another tab, or blocked: the change is not ours to save.
            if !state.loaded.get_untracked()
                || state.role.get_untracked() != Role::Editor
                || state.save_status.get_untracked() == SaveStatus::Blocked
            {
                return;
            }
            state.save_status.set(SaveStatus::Pending);
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let handle = set_timeout_with_handle(
                move || leptos::task::spawn_local(async move { state.save_now().await }),
                AUTOSAVE_DEBOUNCE,
            )
            .ok();
            pending.set_value(handle);
        });
        let flush = move || {
            if matches!(
                state.save_status.get_untracked(),
                SaveStatus::Pending | SaveStatus::Saving
            ) {
                if let Some(h) = pending.get_value() {
                    h.clear();
                }
                // A database write may not finish before the page goes: a synchronous copy
                // first, then the write.
                state
                    .draft
                    .with_untracked(|d| storage::emergency_copy(d, &clock::now_local()));
                leptos::task::spawn_local(async move { state.save_now().await });
            }
        };
        let on_hide = window_event_listener_untyped("pagehide", move |_| flush());
        let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        // The state lives as long as the app: keep the listeners.
        std::mem::forget(on_hide);
        std::mem::forget(on_visibility);
    }

    /// Writes the draft now and updates the indicator; the other tabs are told.
    pub async fn save_now(&self) {
        if self.save_status.get_untracked() == SaveStatus::Blocked
            || self.role.get_untracked() != Role::Editor
        {
            return;
        }
        let now = clock::now_local();
        self.save_status.set(SaveStatus::Saving);
        // The records that changed are copied out before anything is awaited.
        let (revision, touched) = self
            .edits
            .try_update_value(|e| (e.revision, e.since_saved.replace(BTreeSet::new())))
            .unwrap_or_default();
        let planned = crate::timing::measure("autosave", || {
            self.draft
                .with_untracked(|d| storage::plan(d, &now, touched.as_ref()))
        });
        let result = match planned {
            Ok(plan) => storage::write(plan).await,
            Err(e) => Err(e),
        };
        if result.is_err() {
            // The stored copy is behind: compare everyone next time.
            self.edits.update_value(|e| e.since_saved = None);
        }
        // A change typed during the write is saved by the next debounce.
        let changed_since = self.edits.with_value(|e| e.revision) != revision;
        self.save_status.set(match result {
            Ok(()) => {
                tabs::announce_saved(&now);
                self.draft.with_untracked(crate::offline::ask_to_persist);
                if changed_since {
                    SaveStatus::Pending
                } else {
                    SaveStatus::Saved(now)
                }
            }
            Err(e) => SaveStatus::Failed(e),
        });
    }

    /// Shows the draft as storage holds it (another tab saved it); false when it cannot be read.
    async fn reload_stored(&self) -> bool {
        let Some(d) = storage::reload().await else {
            return false;
        };
        self.set_draft(d);
        true
    }

    /// Changes the draft.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.edits.update_value(Edits::any);
        self.draft.update(f);
    }

    /// Changes one employee's row (nothing happens if they are gone). The assessment then judges
    /// only the rows so changed again, not the whole roster.
    pub fn edit_employee(&self, key: u32, f: impl FnOnce(&mut Employee)) {
        self.edits.update_value(|e| e.employee(key));
        self.draft.update(|d| {
            if let Some(e) = d.employee_mut(key) {
                f(e);
            }
        });
    }

    /// Replaces the draft without an undo (restored, reloaded from another tab, undone).
    fn set_draft(&self, draft: Draft) {
        self.edits.update_value(Edits::any);
        self.draft.set(draft);
    }

    /// Changes the draft in a way the user may want to take back (removal, import, new draft).
    pub fn edit_undoable(&self, label: impl Into<String>, f: impl FnOnce(&mut Draft)) {
        let before = self.draft.get_untracked();
        self.edit(f);
        self.undo.set(Some(Undo {
            label: label.into(),
            before,
        }));
    }

    /// Replaces the whole draft (opened file, import, new draft), undoably: the draft it replaces
    /// is kept in the draft history first, so it can be restored after a reload too. `why`
    /// names the replacement for the history (「打开草稿文件「x.json」前」).
    pub fn replace(&self, label: impl Into<String>, why: &str, draft: Draft) {
        if self.save_status.get_untracked() == SaveStatus::Blocked {
            self.save_status.set(SaveStatus::Idle);
        }
        let old = self.draft.get_untracked();
        if !is_empty(&old) {
            let state = *self;
            let why = why.to_owned();
            leptos::task::spawn_local(async move {
                if storage::remember(&old, &why, &clock::now_local())
                    .await
                    .is_ok()
                {
                    state.history_rev.update(|r| *r += 1);
                }
            });
        }
        self.selected.set(draft.employees.first().map(|e| e.key));
        self.edit_undoable(label, move |d| *d = draft);
    }

    /// Takes back the last undoable change.
    pub fn undo_last(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            self.set_draft(undo.before);
            self.undo.set(None);
        }
    }

    /// Shows a banner message.
    pub fn notify(&self, kind: NoticeKind, text: String, aside_key: Option<String>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            n.push(Notice {
                id,
                kind,
                text,
                aside_key,
            })
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    /// Moves to a step and records it in the URL fragment; the new step's heading gets the focus
    /// (a screen reader says where the user is, and Tab continues from there, not from the nav).
    pub fn go(&self, step: Step) {
        self.step.set(step);
        let _ = window().location().set_hash(step.slug());
        window().scroll_to_with_x_and_y(0.0, 0.0);
        request_animation_frame(|| {
            if let Some(h) = document().get_element_by_id("step-title") {
                let _ = h.set_attribute("tabindex", "-1");
                use wasm_bindgen::JsCast;
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Nothing typed at all: not worth keeping in the history.
pub fn is_empty(d: &Draft) -> bool {
    *d == Draft::default()
}

fn initial_step() -> Step {
    window()
        .location()
        .hash()
        .ok()
        .and_then(|h| Step::from_slug(h.trim_start_matches('#')))
        .unwrap_or(Step::Applicant)
}
