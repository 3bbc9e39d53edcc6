//! One tab edits; any other tab of the app follows it. Used for the applicant's draft
//! ([`DRAFT`]) and, in its own module, for the township's workspace ([`WORKSPACE`]).
//!
//! Two tabs that both autosave wipe each other's typing. So the tab holding the Web Lock
//! (`bangfu-draft-editor` for the draft) is the editor; a tab that finds the lock taken is a
//! follower: it shows the data read-only, reloads it each time the editor says it saved
//! (BroadcastChannel `bangfu-draft`), and offers 「在此标签页编辑」. Asking for the draft makes the editor save what
//! is pending first and then let go; a follower queued for the lock gets it when the editor tab
//! closes. An editor that does not answer within three seconds (frozen, in the background) has
//! the lock taken from it, and becomes a follower when it wakes.
//!
//! `navigator.locks` is reached through JavaScript because web-sys keeps it behind its
//! unstable-API flag. A browser without it has one editor per tab, as before.

use js_sys::{Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, BroadcastChannel, MessageEvent};

/// The Web Lock and the channel of one kind of data edited in one tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Names {
    pub lock: &'static str,
    pub channel: &'static str,
}

/// The applicant's draft.
pub const DRAFT: Names = Names {
    lock: "bangfu-draft-editor",
    channel: "bangfu-draft",
};

/// The township's workspace (乡镇初审): apart from the draft, so a clerk may fill in a draft in
/// one tab while reviewing in another.
pub const WORKSPACE: Names = Names {
    lock: "bangfu-township-editor",
    channel: "bangfu-township",
};
/// How long a tab asking for the draft waits for the editor to let go before taking it.
const TAKEOVER_WAIT: Duration = Duration::from_secs(3);

/// This tab's part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Not known yet (the draft is still being read).
    Starting,
    /// This tab edits and saves the draft.
    Editor,
    /// Another tab edits; this one shows its draft read-only.
    Follower,
}

impl Role {
    /// A stable code for the page (`data-role` on `<main>`), e.g. for tests to wait on.
    pub fn code(self) -> &'static str {
        match self {
            Role::Starting => "starting",
            Role::Editor => "editor",
            Role::Follower => "follower",
        }
    }
}

/// What another tab says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// The editor saved: what it says about it (the draft: the local time; the workspace: the
    /// application saved, or empty for the township's details).
    Saved(String),
    /// A follower asks for the draft.
    Takeover,
}

/// A page's part in editing one kind of data: what it shows and how it reads and writes.
/// [`start`] does the rest the same way for the draft and for the workspace: a tab that takes
/// over reads everything again first (the other tab saved before letting go), a follower takes
/// in each save, and the editor finishes its writes before letting go.
pub trait Party: Copy + 'static {
    /// The role the page shows now.
    fn shown_role(&self) -> Role;
    /// Shows a role (the page becomes editable or read-only).
    fn show_role(&self, role: Role);
    /// Reads everything again from storage.
    fn reload(&self) -> impl std::future::Future<Output = ()>;
    /// Takes in what the editor says it saved ([`Message::Saved`]).
    fn take_in(&self, what: String) -> impl std::future::Future<Output = ()>;
    /// Finishes the writes under way (and any pending), before another tab edits.
    fn finish_writes(&self) -> impl std::future::Future<Output = ()>;
}

/// What the app does when the role changes or another tab speaks.
struct Hooks {
    role: Box<dyn Fn(Role)>,
    message: Box<dyn Fn(Message)>,
}

impl Hooks {
    fn of(party: impl Party) -> Hooks {
        Hooks {
            role: Box::new(move |role| {
                if role == Role::Editor && party.shown_role() == Role::Follower {
                    leptos::task::spawn_local(async move {
                        party.reload().await;
                        party.show_role(Role::Editor);
                    });
                } else {
                    party.show_role(role);
                }
            }),
            message: Box::new(move |m| match m {
                Message::Saved(what) => {
                    if party.shown_role() == Role::Follower {
                        leptos::task::spawn_local(async move { party.take_in(what).await });
                    }
                }
                Message::Takeover => {
                    if party.shown_role() == Role::Editor {
                        leptos::task::spawn_local(async move {
                            party.finish_writes().await;
                            release();
                        });
                    }
                }
            }),
        }
    }
}

struct Tabs {
    names: Names,
    hooks: Hooks,
    channel: Option<BroadcastChannel>,
    /// Resolving it lets go of the lock (set while editor).
    release: RefCell<Option<Function>>,
    /// Cancels the queued request (set while follower).
    queued: RefCell<Option<AbortController>>,
    role: Cell<Role>,
}

thread_local! {
    static TABS: RefCell<Option<std::rc::Rc<Tabs>>> = const { RefCell::new(None) };
}

fn tabs() -> Option<std::rc::Rc<Tabs>> {
    TABS.with(|t| t.borrow().clone())
}

fn locks() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    let locks = Reflect::get(&nav, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

fn set_role(t: &Tabs, role: Role) {
    if t.role.get() != role {
        t.role.set(role);
        (t.hooks.role)(role);
    }
}

/// The lock's callback: granted (`lock` not null) makes this tab the editor until `release`.
fn on_grant(lock: JsValue) -> Promise {
    let Some(t) = tabs() else {
        return Promise::resolve(&JsValue::UNDEFINED);
    };
    if lock.is_null() || lock.is_undefined() {
        // `ifAvailable` and taken: follow, and wait in line.
        set_role(&t, Role::Follower);
        queue();
        return Promise::resolve(&JsValue::UNDEFINED);
    }
    t.queued.borrow_mut().take();
    let held = Promise::new(&mut |resolve: Function, _reject: Function| {
        *t.release.borrow_mut() = Some(resolve);
    });
    set_role(&t, Role::Editor);
    held
}

/// `navigator.locks.request(names.lock, options, on_grant)`; a rejection (the lock was taken from
/// us, or the queued request cancelled) makes this tab a follower.
fn request(options: &Object) {
    let Some(locks) = locks() else { return };
    let Ok(method) = Reflect::get(&locks, &"request".into()) else {
        return;
    };
    let method: Function = method.unchecked_into();
    let Some(lock) = tabs().map(|t| t.names.lock) else {
        return;
    };
    let grant = Closure::<dyn FnMut(JsValue) -> Promise>::new(on_grant);
    let Ok(p) = method.call3(&locks, &lock.into(), options, grant.as_ref()) else {
        return;
    };
    grant.forget();
    let lost = Closure::<dyn FnMut(JsValue)>::new(move |err: JsValue| {
        let name = Reflect::get(&err, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if let Some(t) = tabs() {
            // Our own cancelled queue is no news; a stolen lock is.
            if name != "AbortError" || t.role.get() == Role::Editor {
                t.release.borrow_mut().take();
                set_role(&t, Role::Follower);
                queue();
            }
        }
    });
    let _ = Promise::from(p).catch(&lost);
    lost.forget();
}

/// Waits in line for the lock (follower).
fn queue() {
    let Some(t) = tabs() else { return };
    if t.queued.borrow().is_some() {
        return;
    }
    let Ok(ctrl) = AbortController::new() else {
        return;
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"signal".into(), &ctrl.signal());
    *t.queued.borrow_mut() = Some(ctrl);
    request(&options);
}

/// Starts taking part for the data `names` stands for: the role is shown through `party` as soon
/// as it is known. One kind of data per page (the township's module has its own copy).
pub fn start(names: Names, party: impl Party) {
    let hooks = Hooks::of(party);
    let channel = BroadcastChannel::new(names.channel).ok();
    let t = std::rc::Rc::new(Tabs {
        names,
        hooks,
        channel,
        release: RefCell::new(None),
        queued: RefCell::new(None),
        role: Cell::new(Role::Starting),
    });
    TABS.with(|s| *s.borrow_mut() = Some(t.clone()));
    if let Some(ch) = &t.channel {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            let kind = Reflect::get(&data, &"type".into())
                .ok()
                .and_then(|v| v.as_string());
            let message = match kind.as_deref() {
                Some("saved") => Message::Saved(
                    Reflect::get(&data, &"saved_at".into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default(),
                ),
                Some("takeover") => Message::Takeover,
                _ => return,
            };
            if let Some(t) = tabs() {
                (t.hooks.message)(message);
            }
        });
        ch.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
    if locks().is_none() {
        set_role(&t, Role::Editor);
        return;
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    request(&options);
}

fn post(fields: &[(&str, JsValue)]) {
    let Some(t) = tabs() else { return };
    let Some(ch) = &t.channel else { return };
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    let _ = ch.post_message(&o);
}

/// The editor saved: followers reload (`what`: see [`Message::Saved`]).
pub fn announce_saved(what: &str) {
    post(&[("type", "saved".into()), ("saved_at", what.into())]);
}

/// This tab's role now.
pub fn role() -> Role {
    tabs().map_or(Role::Starting, |t| t.role.get())
}

/// The editor lets go (after saving what was pending) and follows from now on.
pub fn release() {
    let Some(t) = tabs() else { return };
    if let Some(resolve) = t.release.borrow_mut().take() {
        let _ = resolve.call0(&JsValue::NULL);
    }
    set_role(&t, Role::Follower);
    queue();
}

/// A follower asks to edit: the editor is asked to let go; without an answer in
/// [`TAKEOVER_WAIT`], the lock is taken.
pub fn take_over() {
    let Some(t) = tabs() else { return };
    if t.role.get() == Role::Editor {
        return;
    }
    post(&[("type", "takeover".into())]);
    leptos::prelude::set_timeout(
        move || {
            let Some(t) = tabs() else { return };
            if t.role.get() == Role::Editor {
                return;
            }
            if let Some(ctrl) = t.queued.borrow_mut().take() {
                ctrl.abort();
            }
            let options = Object::new();
            let _ = Reflect::set(&options, &"steal".into(), &JsValue::TRUE);
            request(&options);
        },
        TAKEOVER_WAIT,
    );
}
