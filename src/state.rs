//! The app's state, provided as context: the draft signal, the assessment derived from it, and
//! what the shell shows around them (current step, save status, notices, undo).
//!
//! The assessment is a memo of `bangfu_rules::assess` over the draft: components render it and
//! never judge eligibility themselves.

use crate::{clock, storage};
use bangfu_model::Draft;
use bangfu_rules::Assessment;
use leptos::prelude::*;
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
    /// Saved at this local time stamp.
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

/// A destructive change the user can take back.
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
    next_notice: StoredValue<u32>,
}

/// Up to this many employees the draft is re-assessed on every keystroke; above it, once typing
/// pauses for [`ASSESS_DEBOUNCE`], so that a 2,000-person roster does not make typing lag.
pub const ASSESS_IMMEDIATE_LIMIT: usize = 300;
/// The pause that triggers re-assessment of a large draft.
pub const ASSESS_DEBOUNCE: Duration = Duration::from_millis(200);

/// How long typing must pause before the draft is written to storage.
pub const AUTOSAVE_DEBOUNCE: Duration = Duration::from_millis(400);

impl AppState {
    /// Creates the state from what storage holds and starts autosave.
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
            next_notice: StoredValue::new(1),
        };
        state.restore();
        state.start_assessing();
        state.start_autosave();
        state.keep_today_current();
        state
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
            let today = state.today.get_untracked();
            let fresh = state
                .draft
                .with_untracked(|d| bangfu_rules::assess(d, today));
            if state.assessment.with_untracked(|a| *a != fresh) {
                state.assessment.set(fresh);
            }
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
            if large {
                pending.set_value(set_timeout_with_handle(publish, ASSESS_DEBOUNCE).ok());
            } else {
                publish();
            }
        });
    }

    fn restore(&self) {
        match storage::load(&clock::now_local()) {
            storage::Loaded::Nothing => {}
            storage::Loaded::Restored { draft, saved_at } => {
                self.selected.set(draft.employees.first().map(|e| e.key));
                self.draft.set(*draft);
                self.save_status.set(SaveStatus::Saved(saved_at));
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
        for key in storage::aside_keys() {
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

    /// Debounced autosave on every change, and an immediate flush when the page is hidden.
    fn start_autosave(&self) {
        let state = *self;
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        // Skip the first run: it is the load itself, not a change.
        Effect::new(move |first: Option<()>| {
            state.draft.track();
            if first.is_none() {
                return;
            }
            if state.save_status.get_untracked() == SaveStatus::Blocked {
                return;
            }
            state.save_status.set(SaveStatus::Pending);
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let handle = set_timeout_with_handle(move || state.save_now(), AUTOSAVE_DEBOUNCE).ok();
            pending.set_value(handle);
        });
        let flush = move || {
            if state.save_status.get_untracked() == SaveStatus::Pending {
                if let Some(h) = pending.get_value() {
                    h.clear();
                }
                state.save_now();
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

    /// Writes the draft now and updates the indicator.
    pub fn save_now(&self) {
        if self.save_status.get_untracked() == SaveStatus::Blocked {
            return;
        }
        let now = clock::now_local();
        let result = self.draft.with_untracked(|d| storage::save(d, &now));
        self.save_status.set(match result {
            Ok(()) => SaveStatus::Saved(now),
            Err(e) => SaveStatus::Failed(e),
        });
    }

    /// Changes the draft.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
    }

    /// Changes the draft in a way the user may want to take back (removal, import, new draft).
    pub fn edit_undoable(&self, label: impl Into<String>, f: impl FnOnce(&mut Draft)) {
        let before = self.draft.get_untracked();
        self.draft.update(f);
        self.undo.set(Some(Undo {
            label: label.into(),
            before,
        }));
    }

    /// Replaces the whole draft (opened file, import), undoably; autosave resumes.
    pub fn replace(&self, label: impl Into<String>, draft: Draft) {
        if self.save_status.get_untracked() == SaveStatus::Blocked {
            self.save_status.set(SaveStatus::Idle);
        }
        self.selected.set(draft.employees.first().map(|e| e.key));
        self.edit_undoable(label, move |d| *d = draft);
    }

    /// Takes back the last undoable change.
    pub fn undo_last(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            self.draft.set(undo.before);
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

    /// Moves to a step and records it in the URL fragment.
    pub fn go(&self, step: Step) {
        self.step.set(step);
        let _ = window().location().set_hash(step.slug());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

fn initial_step() -> Step {
    window()
        .location()
        .hash()
        .ok()
        .and_then(|h| Step::from_slug(h.trim_start_matches('#')))
        .unwrap_or(Step::Applicant)
}
