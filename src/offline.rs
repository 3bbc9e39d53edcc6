//! Working offline and keeping storage: the service worker (`sw.js`, written by
//! `scripts/postbuild.mjs`) that keeps the app, both workers and the fonts in the browser's
//! cache; the update flow that never reloads under the user's feet; 「下载离线使用所需文件」; the
//! request for persistent storage; and clearing every cache.

use crate::state::AppState;
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The service worker's script, at the root so that it serves the whole app.
const SW_URL: &str = "/sw.js";
/// Prefix of the caches the service worker keeps (「清除本机数据」 removes them).
const CACHE_PREFIX: &str = "bangfu-";

thread_local! {
    /// A new version installed and waiting for the page's go-ahead.
    static UPDATE: RwSignal<Option<web_sys::ServiceWorker>> = RwSignal::new(None);
}

fn update_signal() -> RwSignal<Option<web_sys::ServiceWorker>> {
    UPDATE.with(|u| *u)
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    let has = Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| nav.service_worker())
}

/// Whether the browser says it is offline.
pub fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Registers the service worker and watches for a new version.
pub fn register() {
    let Some(c) = container() else { return };
    let watch = Closure::<dyn FnMut(JsValue)>::new(move |reg: JsValue| {
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        // A version already waiting from an earlier visit.
        if let Some(w) = reg.waiting() {
            if has_controller() {
                update_signal().set(Some(w));
            }
        }
        let reg2 = reg.clone();
        let found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg2.installing() else {
                return;
            };
            let sw = installing.clone();
            let changed = Closure::<dyn FnMut()>::new(move || {
                if sw.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    update_signal().set(Some(sw.clone()));
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
    let _ = c.register(SW_URL).then(&watch);
    watch.forget();
}

fn has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// 「新版本已就绪，保存后刷新」: the new version takes over only when the user says so, after the
/// draft is saved.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let update = update_signal();
    let apply = move |_| {
        let Some(sw) = update.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            state.save_now().await;
            if let Some(c) = container() {
                let reload = Closure::<dyn FnMut()>::new(|| {
                    let _ = window().location().reload();
                });
                c.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
                reload.forget();
            }
            let _ = sw.post_message(&"skip-waiting".into());
        });
    };
    view! {
        <Show when=move || update.with(Option::is_some)>
            <div class="notice info" role="status">
                <p>"新版本已就绪。草稿会先保存，然后刷新页面改用新版本；不刷新也可以继续使用当前版本。"</p>
                <div class="notice-actions">
                    <button type="button" on:click=apply>"保存后刷新"</button>
                </div>
            </div>
        </Show>
    }
}

/// Asks the browser once to keep this site's storage (not evict it under pressure), once the
/// draft holds personal data (a name or an ID number).
pub fn ask_to_persist(d: &bangfu_model::Draft) {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.get()) {
        return;
    }
    let personal = d
        .employees
        .iter()
        .any(|e| !e.name.trim().is_empty() || !e.id_number.trim().is_empty());
    if !personal {
        return;
    }
    ASKED.with(|a| a.set(true));
    ask_to_persist_now();
}

/// Asks the browser to keep this site's storage (the township workspace asks when it receives
/// its first application: it then holds other people's personal data).
pub fn ask_to_persist_now() {
    if let Some(w) = web_sys::window() {
        let storage = w.navigator().storage();
        if let Ok(p) = storage.persist() {
            leptos::task::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    }
}

/// How much this site stores and may store, in bytes (navigator.storage.estimate).
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let v = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let get = |k: &str| Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_f64());
    Some((get("usage")?, get("quota")?))
}

/// Removes every cache the service worker keeps.
pub async fn clear_caches() {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return;
    };
    let Ok(keys) = JsFuture::from(caches.keys()).await else {
        return;
    };
    for k in js_sys::Array::from(&keys).iter() {
        if let Some(name) = k.as_string().filter(|n| n.starts_with(CACHE_PREFIX)) {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}

async fn fetch_ok(url: &str) -> Result<f64, String> {
    let w = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url} 下载失败"))?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(format!("{url} 下载失败（{}）", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| "读取失败")?)
        .await
        .map_err(|_| "读取失败")?;
    Ok(f64::from(js_sys::ArrayBuffer::from(buf).byte_length()))
}

/// Fetches everything the packet needs offline — both workers and every font file — so that the
/// service worker caches it; `progress(files_done, files_total, bytes_done)` after each file.
///
/// # Errors
/// The first file that could not be fetched.
pub async fn fetch_everything(progress: impl Fn(usize, usize, f64)) -> Result<(), String> {
    let manifest_text = {
        let w = web_sys::window().ok_or("no window")?;
        let resp = JsFuture::from(w.fetch_with_str("fonts/manifest.json"))
            .await
            .map_err(|_| "字体目录下载失败".to_owned())?;
        let resp: web_sys::Response = resp.unchecked_into();
        let text = JsFuture::from(resp.text().map_err(|_| "字体目录读取失败")?)
            .await
            .map_err(|_| "字体目录读取失败")?;
        text.as_string().unwrap_or_default()
    };
    let manifest: serde_json::Value =
        serde_json::from_str(&manifest_text).map_err(|_| "字体目录无法读取".to_owned())?;
    let mut files: Vec<String> = [
        "packet-worker_loader.js",
        "packet-worker.js",
        "packet-worker_bg.wasm",
        "import-worker_loader.js",
        "import-worker.js",
        "import-worker_bg.wasm",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let font = |v: &serde_json::Value| {
        v.get("file")
            .and_then(|f| f.as_str())
            .map(|f| format!("fonts/{f}"))
    };
    files.extend(font(&manifest["regular"]));
    files.extend(font(&manifest["bold"]));
    if let Some(slices) = manifest["slices"].as_array() {
        files.extend(slices.iter().filter_map(font));
    }
    if let Some(l) = manifest["licence"].as_str() {
        files.push(format!("fonts/{l}"));
    }
    let total = files.len();
    let mut bytes = 0.0;
    progress(0, total, bytes);
    for (i, url) in files.iter().enumerate() {
        bytes += fetch_ok(url).await?;
        progress(i + 1, total, bytes);
    }
    Ok(())
}

/// Calls `f` when the browser goes on- or offline.
pub fn on_connectivity(f: impl Fn(bool) + 'static) {
    let f = std::rc::Rc::new(f);
    let (a, b) = (f.clone(), f);
    let online = Closure::<dyn FnMut()>::new(move || a(true));
    let offline = Closure::<dyn FnMut()>::new(move || b(false));
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        let _ = w.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
    }
    online.forget();
    offline.forget();
}
