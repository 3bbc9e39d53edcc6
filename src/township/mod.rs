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
use bangfu_model::Draft;
use bangfu_review::{stored, Application, Workspace};
use leptos::prelude::*;
use std::cell::RefCell;
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
    /// 「已保存」 / 「正在保存…」 / the failure.
    pub saved: RwSignal<String>,
    /// Bytes the workspace takes in the database, measured after files are received.
    pub bytes: RwSignal<Option<usize>>,
}

thread_local! {
    /// Drafts read from versions, by fingerprint (a version never changes).
    static DRAFTS: RefCell<HashMap<String, Rc<Draft>>> = RefCell::new(HashMap::new());
    /// Versions already on disk, by application uid.
    static WRITTEN: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
    /// Applications replaced by an opened review file: how many version records the replaced
    /// copy had on disk (all are rewritten, those beyond the new copy's deleted).
    static REPLACED: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
    static NEXT_NOTE: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            ws: RwSignal::new(Workspace::default()),
            open: RwSignal::new(None),
            loaded: RwSignal::new(false),
            notes: RwSignal::new(Vec::new()),
            read_only: RwSignal::new(None),
            saved: RwSignal::new(String::new()),
            bytes: RwSignal::new(None),
        };
        desk.watch_other_tabs();
        leptos::task::spawn_local(async move {
            match store::load().await {
                Ok(loaded) => {
                    if let Some(v) = loaded.too_new {
                        desk.read_only.set(Some(format!(
                            "本机的审查记录由较新版本的系统保存（格式版本 {v}），请刷新页面使用最新版本；在此之前不会改动这些记录。"
                        )));
                    }
                    for (key, message) in loaded.unreadable {
                        desk.note(
                            true,
                            format!("{message}（记录 {key} 仍保存在本机，未被改动）"),
                        );
                    }
                    WRITTEN.with(|w| {
                        let mut w = w.borrow_mut();
                        for a in &loaded.workspace.applications {
                            w.insert(a.uid.clone(), a.versions.len());
                        }
                    });
                    desk.ws.set(loaded.workspace);
                }
                Err(e) => desk.note(true, format!("无法读取本机的审查记录：{e}")),
            }
            desk.loaded.set(true);
            desk.measure().await;
        });
        desk
    }

    /// Says so when the workspace is open in another tab too: each tab saves the application it
    /// edits, so two tabs editing one application would overwrite each other's last change.
    fn watch_other_tabs(&self) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Ok(channel) = web_sys::BroadcastChannel::new("bangfu-township") else {
            return;
        };
        let desk = *self;
        let reply = channel.clone();
        let warned = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |ev: web_sys::MessageEvent| {
                let said = ev.data().as_string().unwrap_or_default();
                if said == "here" {
                    let _ = reply.post_message(&"also-here".into());
                }
                if (said == "here" || said == "also-here") && !warned.replace(true) {
                    desk.note(true, "乡镇初审工作区已在另一个标签页中打开。请只在一个标签页中编辑：两个标签页同时修改同一申请时，后保存的会覆盖先保存的。".into());
                }
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The channel and its handler live as long as the page.
        on_message.forget();
        let _ = channel.post_message(&"here".into());
        std::mem::forget(channel);
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

    /// Edits one application and saves it.
    pub fn edit(&self, uid: &str, f: impl FnOnce(&mut Application)) {
        if self.read_only.get_untracked().is_some() {
            return;
        }
        self.ws.update(|ws| {
            if let Some(app) = ws.application_mut(uid) {
                f(app);
            }
        });
        self.save(uid.to_owned());
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
            let (written, stale) = match REPLACED.with(|r| r.borrow_mut().remove(&uid)) {
                Some(on_disk) => (0, app.versions.len()..on_disk.max(app.versions.len())),
                None => (
                    WRITTEN.with(|w| w.borrow().get(&uid).copied().unwrap_or(0)),
                    0..0,
                ),
            };
            match store::save_application(&meta, &app, written, stale).await {
                Ok(()) => {
                    WRITTEN.with(|w| w.borrow_mut().insert(uid, app.versions.len()));
                    desk.saved
                        .set(format!("已保存 {}", clock::time_of(&clock::now_local())));
                }
                Err(e) => {
                    desk.saved.set("未能保存".into());
                    desk.note(true, format!("审查记录未能保存：{e}。已输入的内容仍在页面上，请释放存储空间或导出审查记录后再试。"));
                }
            }
        });
    }

    /// Marks applications about to be replaced by an opened review file: their next save
    /// rewrites every version record and deletes the ones the new copy lacks, so nothing of the
    /// replaced copy is read back after a reload.
    pub fn replacing(&self, uids: &[String]) {
        self.ws.with_untracked(|ws| {
            for uid in uids {
                if ws.application(uid).is_some() {
                    let on_disk = WRITTEN.with(|w| w.borrow().get(uid).copied().unwrap_or(0));
                    REPLACED.with(|r| r.borrow_mut().insert(uid.clone(), on_disk));
                }
            }
        });
    }

    /// Saves the township's details.
    pub fn save_meta(&self) {
        let desk = *self;
        leptos::task::spawn_local(async move {
            let meta = desk.ws.with_untracked(stored::meta_json);
            if let Err(e) = store::save_meta(&meta).await {
                desk.note(true, format!("乡镇信息未能保存：{e}"));
            }
        });
    }

    /// Deletes an application for good.
    pub fn remove(&self, uid: &str) {
        let mut removed = None;
        self.ws.update(|ws| removed = ws.remove(uid));
        let Some(app) = removed else {
            return;
        };
        if self.open.get_untracked().as_deref() == Some(uid) {
            self.open.set(None);
        }
        let desk = *self;
        leptos::task::spawn_local(async move {
            let meta = desk.ws.with_untracked(stored::meta_json);
            match store::delete_application(&meta, &app).await {
                Ok(()) => {
                    WRITTEN.with(|w| w.borrow_mut().remove(&app.uid));
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
    view! {
        <main id="township-main" class="township" data-role="township" data-loaded=move || desk.loaded.get().to_string()>
            <p class="notice info privacy">
                "审查工作区保存的是各申请单位的员工身份证号、工资等个人信息，只保存在本浏览器中，不会上传。请勿在公用电脑上使用；不再需要时请删除相应申请。"
            </p>
            {move || desk.read_only.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
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
                format!("本机审查记录约占 {:.1} MB", b as f64 / 1_048_576.0)
            })}</p>
        </main>
    }
}
