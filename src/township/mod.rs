//! 乡镇初审: the township's workspace, apart from the applicant's draft. Receiving files, the
//! list of applications, one application's review, the documents and the review file.
//!
//! Everything is decided by `bangfu_review` (checks, deadlines, status, documents) and
//! `bangfu_rules` (the findings); the components here render it. The workspace lives in its own
//! database store ([`store`]); the applicant's draft is neither read nor written.

mod docs;
mod inputs;
mod list;
mod review;
mod store;
mod submitted;

use crate::clock;
use crate::tabs::{self, Role};
use bangfu_model::Draft;
use bangfu_review::undo::OpenedFile;
use bangfu_review::{stored, Application, Workspace};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// A message at the top of the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub id: u32,
    pub error: bool,
    pub text: String,
}

/// The workspace's state, shared by its components.
#[derive(Clone, Copy)]
pub struct Desk {
    pub ws: RwSignal<Workspace>,
    /// The application open for review.
    pub open: RwSignal<Option<String>>,
    pub loaded: RwSignal<bool>,
    pub notes: RwSignal<Vec<Note>>,
    /// A newer app wrote the records: nothing may be written.
    pub read_only: RwSignal<Option<String>>,
    /// This tab's part: only the editor tab writes; another tab follows it ([`crate::tabs`]).
    pub role: RwSignal<Role>,
    /// The last opening of a review file, while it can still be undone.
    pub opened: RwSignal<Option<OpenedFile>>,
    /// 「已保存」 / 「正在保存…」 / the failure.
    pub saved: RwSignal<String>,
    /// Bytes the workspace takes in the database, measured after files are received.
    pub bytes: RwSignal<Option<usize>>,
}

/// Whether the workspace's inputs are read-only here (another tab edits, or a newer app wrote
/// the records): the labelled inputs read it from the context.
#[derive(Clone, Copy)]
pub struct Locked(pub Signal<bool>);

/// What a follower is told when the editor rewrote several applications at once (an opened
/// review file, its undo): read everything again.
const EVERYTHING: &str = "*";

thread_local! {
    /// Drafts read from versions, by fingerprint (a version never changes).
    static DRAFTS: RefCell<HashMap<String, Rc<Draft>>> = RefCell::new(HashMap::new());
    /// Version records on disk, by application uid.
    static WRITTEN: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
    /// Writes started and not yet done: a tab asked to hand over editing waits for them.
    static PENDING: Cell<u32> = const { Cell::new(0) };
    /// Applications (uid; "" for the township's details) whose last write failed: written again
    /// after the next write that succeeds, and the page asks before it is closed meanwhile.
    static UNSAVED: RefCell<std::collections::BTreeSet<String>> = const { RefCell::new(std::collections::BTreeSet::new()) };
    static NEXT_NOTE: Cell<u32> = const { Cell::new(1) };
}

fn on_disk(uid: &str) -> usize {
    WRITTEN.with(|w| w.borrow().get(uid).copied().unwrap_or(0))
}

/// Counts a write as pending while it runs.
async fn pending<T>(write: impl std::future::Future<Output = T>) -> T {
    PENDING.with(|p| p.set(p.get() + 1));
    let out = write.await;
    PENDING.with(|p| p.set(p.get().saturating_sub(1)));
    out
}

impl tabs::Party for Desk {
    fn shown_role(&self) -> Role {
        self.role.get_untracked()
    }

    fn show_role(&self, role: Role) {
        self.role.set(role);
    }

    async fn reload(&self) {
        self.load(false).await;
    }

    async fn take_in(&self, what: String) {
        self.follow(&what).await;
    }

    /// Lets the writes under way finish (each is one short transaction).
    async fn finish_writes(&self) {
        for _ in 0..100 {
            if PENDING.with(Cell::get) == 0 {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(20).await;
        }
    }
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            ws: RwSignal::new(Workspace::default()),
            open: RwSignal::new(None),
            loaded: RwSignal::new(false),
            notes: RwSignal::new(Vec::new()),
            read_only: RwSignal::new(None),
            role: RwSignal::new(Role::Starting),
            opened: RwSignal::new(None),
            saved: RwSignal::new(String::new()),
            bytes: RwSignal::new(None),
        };
        desk.guard_unload();
        leptos::task::spawn_local(async move {
            desk.load(true).await;
            desk.loaded.set(true);
            desk.start_tabs();
            desk.measure().await;
        });
        desk
    }

    /// Reads the whole workspace from the database into the page (`first`: also say what could
    /// not be read).
    async fn load(&self, first: bool) {
        match store::load().await {
            Ok(loaded) => {
                if let Some(v) = loaded.too_new {
                    self.read_only.set(Some(format!(
                        "本机的审查记录由较新版本的系统保存（格式版本 {v}），请刷新页面使用最新版本；在此之前不会改动这些记录。"
                    )));
                }
                if first {
                    for (key, message) in loaded.unreadable {
                        self.note(
                            true,
                            format!("{message}（记录 {key} 仍保存在本机，未被改动）"),
                        );
                    }
                }
                WRITTEN.with(|w| {
                    let mut w = w.borrow_mut();
                    w.clear();
                    for a in &loaded.workspace.applications {
                        w.insert(a.uid.clone(), a.versions.len());
                    }
                });
                self.opened.set(loaded.opened);
                self.ws.set(loaded.workspace);
            }
            Err(e) => self.note(true, format!("无法读取本机的审查记录：{e}")),
        }
    }

    /// One tab edits the workspace, the others follow it (the same mechanism as the draft's,
    /// under its own lock): two tabs saving one application would overwrite each other.
    fn start_tabs(&self) {
        tabs::start(tabs::WORKSPACE, *self);
    }

    /// A follower takes in what the editor saved: one application (or the township's details),
    /// or everything after an opened review file or its undo.
    async fn follow(&self, what: &str) {
        if what == EVERYTHING {
            return self.load(false).await;
        }
        let records = match store::application_records(what).await {
            Ok(r) => r,
            Err(e) => return self.note(true, format!("无法读取另一个标签页保存的内容：{e}")),
        };
        let mut unreadable = Vec::new();
        self.ws
            .update(|ws| unreadable = stored::refresh(ws, what, &records));
        if unreadable.is_empty() {
            let versions = self
                .ws
                .with_untracked(|ws| ws.application(what).map(|a| a.versions.len()));
            WRITTEN.with(|w| match versions {
                Some(n) => w.borrow_mut().insert(what.to_owned(), n),
                None => w.borrow_mut().remove(what),
            });
        }
        self.saved.set(format!(
            "已同步另一个标签页 {} 保存的内容",
            clock::time_of(&clock::now_local())
        ));
    }

    /// A write of `what` (an application's uid, "" for the township's details) succeeded: says
    /// 「已保存」 once no write is under way and none failed, and writes again what failed before
    /// (the disk has room again).
    fn written(&self, what: &str) {
        UNSAVED.with(|u| u.borrow_mut().remove(what));
        let retry: Vec<String> =
            UNSAVED.with(|u| std::mem::take(&mut *u.borrow_mut()).into_iter().collect());
        for uid in retry {
            if uid.is_empty() {
                self.save_meta();
            } else {
                self.save(uid);
            }
        }
        if PENDING.with(Cell::get) == 0 {
            self.saved
                .set(format!("已保存 {}", clock::time_of(&clock::now_local())));
        }
    }

    /// A write of `what` failed: kept in the page, written again after the next success. Says
    /// whether this is news (nothing had failed before), so the message is given once, not
    /// with every keystroke.
    fn unsaved(&self, what: &str) -> bool {
        self.saved.set("未能保存".into());
        UNSAVED.with(|u| {
            let mut u = u.borrow_mut();
            let news = u.is_empty();
            u.insert(what.to_owned());
            news
        })
    }

    /// Asks before the page is closed while a write failed (what it holds is only in the page).
    fn guard_unload(&self) {
        let handle = window_event_listener_untyped("beforeunload", move |ev| {
            if UNSAVED.with(|u| !u.borrow().is_empty()) {
                ev.prevent_default();
                let _ =
                    js_sys::Reflect::set(&ev, &"returnValue".into(), &"审查记录尚未保存".into());
            }
        });
        // Listens as long as the page lives.
        std::mem::forget(handle);
    }

    /// Whether the workspace is read-only in this tab (reactive).
    pub fn locked(&self) -> bool {
        self.read_only.with(Option::is_some) || self.role.get() != Role::Editor
    }

    fn locked_untracked(&self) -> bool {
        self.read_only.with_untracked(Option::is_some) || self.role.get_untracked() != Role::Editor
    }

    /// Measures what the workspace takes in the database.
    pub async fn measure(&self) {
        self.bytes.set(store::bytes().await);
    }

    /// Shows a message.
    pub fn note(&self, error: bool, text: String) {
        let id = NEXT_NOTE.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        self.notes.update(|ns| ns.push(Note { id, error, text }));
    }

    /// The draft of an application's newest version, read once.
    pub fn draft(&self, app: &Application) -> Result<Rc<Draft>, String> {
        let v = app.latest().ok_or_else(|| "没有收到的材料".to_owned())?;
        self.version_draft(v)
    }

    /// The draft of one version, read once (a version never changes once received).
    pub fn version_draft(&self, v: &bangfu_review::Version) -> Result<Rc<Draft>, String> {
        if let Some(d) = DRAFTS.with(|m| m.borrow().get(&v.fingerprint).cloned()) {
            return Ok(d);
        }
        let d = Rc::new(v.draft().map_err(|e| e.to_string())?);
        DRAFTS.with(|m| m.borrow_mut().insert(v.fingerprint.clone(), d.clone()));
        Ok(d)
    }

    /// Changes the workspace, unless it is read-only here; says whether it did.
    pub fn change(&self, f: impl FnOnce(&mut Workspace)) -> bool {
        if self.locked_untracked() {
            return false;
        }
        self.ws.update(f);
        true
    }

    /// Edits one application and saves it.
    pub fn edit(&self, uid: &str, f: impl FnOnce(&mut Application)) {
        if self.change(|ws| {
            if let Some(app) = ws.application_mut(uid) {
                f(app);
            }
        }) {
            self.save(uid.to_owned());
        }
    }

    /// Saves one application (and the order) in the background.
    pub fn save(&self, uid: String) {
        let desk = *self;
        desk.saved.set("正在保存…".into());
        leptos::task::spawn_local(async move {
            let (meta, app) = desk
                .ws
                .with_untracked(|ws| (stored::meta_json(ws), ws.application(&uid).cloned()));
            let Some(app) = app else {
                return;
            };
            let written = on_disk(&uid);
            match pending(store::save_application(&meta, &app, written)).await {
                Ok(()) => {
                    WRITTEN.with(|w| w.borrow_mut().insert(uid.clone(), app.versions.len()));
                    desk.written(&uid);
                    tabs::announce_saved(&uid);
                }
                Err(e) => {
                    if desk.unsaved(&uid) {
                        desk.note(true, format!("审查记录未能保存：{e}。已输入的内容仍在页面上，请释放存储空间或导出审查记录后再试。"));
                    }
                }
            }
        });
    }

    /// Writes several applications in one transaction: `rewrite` in full (whatever the store
    /// held for them), `removed` deleted, and the undo record set to `undo` (or deleted). Used
    /// for opening a review file and for its undo, which must land whole or not at all: on a
    /// failure the page goes back to `before` (the workspace as it was just before the change,
    /// with anything typed that was not yet saved), and `failed` says why.
    pub fn commit(
        &self,
        before: Workspace,
        rewrite: Vec<String>,
        removed: Vec<Application>,
        undo: Option<OpenedFile>,
        done: String,
        failed: &'static str,
    ) {
        let desk = *self;
        leptos::task::spawn_local(async move {
            let mut changes = Vec::new();
            let mut lengths = Vec::new();
            desk.ws.with_untracked(|ws| {
                changes.push((stored::META_KEY.to_owned(), Some(stored::meta_json(ws))));
                for app in rewrite.iter().filter_map(|uid| ws.application(uid)) {
                    changes.extend(stored::rewrite(app, on_disk(&app.uid)));
                    lengths.push((app.uid.clone(), app.versions.len()));
                }
            });
            for app in &removed {
                changes.extend(stored::removal(app, on_disk(&app.uid)));
            }
            changes.push((
                stored::UNDO_KEY.to_owned(),
                undo.as_ref().map(OpenedFile::to_json),
            ));
            match pending(store::apply(&changes)).await {
                Ok(()) => {
                    WRITTEN.with(|w| {
                        let mut w = w.borrow_mut();
                        w.extend(lengths);
                        for app in &removed {
                            w.remove(&app.uid);
                        }
                    });
                    desk.opened.set(undo);
                    desk.written(EVERYTHING);
                    desk.note(false, done);
                    tabs::announce_saved(EVERYTHING);
                }
                Err(e) => {
                    desk.ws.set(before);
                    desk.note(true, format!("{failed}：{e}。本机的审查记录保持原样。"));
                }
            }
            desk.measure().await;
        });
    }

    /// Forgets the last opening (it can no longer be undone).
    pub fn forget_opened(&self) {
        let desk = *self;
        desk.opened.set(None);
        leptos::task::spawn_local(async move {
            if let Err(e) = pending(store::apply(&[(stored::UNDO_KEY.to_owned(), None)])).await {
                desk.note(true, format!("提示未能关闭：{e}"));
            }
        });
    }

    /// Saves the township's details.
    pub fn save_meta(&self) {
        let desk = *self;
        desk.saved.set("正在保存…".into());
        leptos::task::spawn_local(async move {
            let meta = desk.ws.with_untracked(stored::meta_json);
            match pending(store::save_meta(&meta)).await {
                Ok(()) => {
                    desk.written("");
                    tabs::announce_saved("");
                }
                Err(e) => {
                    if desk.unsaved("") {
                        desk.note(true, format!("乡镇信息未能保存：{e}"));
                    }
                }
            }
        });
    }

    /// Deletes an application for good.
    pub fn remove(&self, uid: &str) {
        let mut removed = None;
        if !self.change(|ws| removed = ws.remove(uid)) {
            return;
        }
        let Some(app) = removed else {
            return;
        };
        if self.open.get_untracked().as_deref() == Some(uid) {
            self.open.set(None);
        }
        let desk = *self;
        leptos::task::spawn_local(async move {
            let meta = desk.ws.with_untracked(stored::meta_json);
            let mut changes = vec![(stored::META_KEY.to_owned(), Some(meta))];
            changes.extend(stored::removal(&app, on_disk(&app.uid)));
            match pending(store::apply(&changes)).await {
                Ok(()) => {
                    WRITTEN.with(|w| w.borrow_mut().remove(&app.uid));
                    tabs::announce_saved(&app.uid);
                    let name = app.latest().map_or("", |v| v.applicant_name.as_str());
                    desk.note(
                        false,
                        format!(
                            "已删除受理编号 {} 「{name}」的申请及其全部审查记录。",
                            app.number
                        ),
                    );
                }
                Err(e) => desk.note(true, format!("删除未能完成：{e}")),
            }
        });
    }
}

/// Mounts the workspace into `#township-root` (the township module's start function; see the
/// `bangfu-township-app` crate).
pub fn mount() {
    console_error_panic_hook::set_once();
    let Some(root) = document()
        .get_element_by_id("township-root")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root, TownshipApp).forget();
}

/// The whole workspace.
#[component]
pub fn TownshipApp() -> impl IntoView {
    let desk = Desk::new();
    provide_context(desk);
    provide_context(Locked(Signal::derive(move || desk.locked())));
    view! {
        <main id="township-main" class="township" data-role="township" data-loaded=move || desk.loaded.get().to_string()
            data-tab=move || desk.role.get().code()>
            <p class="notice info privacy">
                "审查工作区保存的是各申请单位的员工身份证号、工资等个人信息，只保存在本浏览器中，不会上传。请勿在公用电脑上使用；不再需要时请删除相应申请。"
            </p>
            {move || desk.read_only.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            <crate::components::notices::FollowerNotice shown=Signal::derive(move || desk.role.get() == Role::Follower)
                text="乡镇初审工作区正在本浏览器的另一个标签页中编辑。这里只显示那边保存的内容，不能修改，以免两边互相覆盖。" />
            <div class="notices" aria-live="polite">
                <For each=move || desk.notes.get() key=|n| n.id let:n>
                    <div class="notice" class:error=n.error class:info=!n.error role=if n.error { "alert" } else { "status" }>
                        <p>{n.text.clone()}</p>
                        <button type="button" class="small secondary" on:click=move |_| desk.notes.update(|ns| ns.retain(|x| x.id != n.id))>"知道了"</button>
                    </div>
                </For>
            </div>
            <Show when=move || desk.loaded.get() fallback=|| view! { <p class="loading" role="status">"正在读取本机的审查记录…"</p> }>
                {move || match desk.open.get() {
                    Some(uid) => review::ApplicationPage(review::ApplicationPageProps { uid }).into_any(),
                    None => list::Overview().into_any(),
                }}
            </Show>
            <p class="save-status" role="status">{move || desk.saved.get()}</p>
            <p class="hint" data-bytes=move || desk.bytes.get().map(|b| b.to_string())>{move || desk.bytes.get().map(|b| if b < 1_048_576 {
                format!("本机审查记录约占 {} KB", b.div_ceil(1024))
            } else {
                format!("本机审查记录约占 {}", crate::units::megabytes(b as f64))
            })}</p>
        </main>
    }
}
