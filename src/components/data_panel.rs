//! 本机数据: what is kept in this browser and how much room it takes; 「下载离线使用所需文件」;
//! 「清除本机数据」 for a shared computer, and the option to clear it on leaving.

use crate::offline;
use crate::storage;
use crate::units::megabytes;
use leptos::prelude::*;

/// localStorage flag: clear everything when the page is left.
pub const CLEAR_ON_LEAVE_KEY: &str = "bangfu.clear_on_leave";
/// localStorage flag: a clear was asked for on leaving and must finish at the next start.
pub const CLEAR_PENDING_KEY: &str = "bangfu.clear_pending";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Clears everything if the last visit asked for it on leaving (the clear may not have finished
/// as the page closed). Call before reading the draft.
pub async fn finish_pending_clear() {
    let pending = local().and_then(|l| l.get_item(CLEAR_PENDING_KEY).ok().flatten());
    if pending.is_some() {
        storage::init().await;
        storage::clear_everything().await;
        if let Some(l) = local() {
            let _ = l.set_item(CLEAR_ON_LEAVE_KEY, "1");
        }
    }
}

/// Arms 「离开时清除」: on leaving, the synchronous part at once, the rest at the next start.
pub fn watch_leaving() {
    let on_hide = window_event_listener_untyped("pagehide", move |_| {
        let on = local().and_then(|l| l.get_item(CLEAR_ON_LEAVE_KEY).ok().flatten());
        if on.is_some() {
            if let Some(l) = local() {
                let _ = l.set_item(CLEAR_PENDING_KEY, "1");
            }
            leptos::task::spawn_local(async {
                storage::clear_everything().await;
                if let Some(l) = local() {
                    let _ = l.set_item(CLEAR_ON_LEAVE_KEY, "1");
                }
            });
        }
    });
    std::mem::forget(on_hide);
}

#[component]
pub fn DataPanel() -> impl IntoView {
    let usage = LocalResource::new(offline::estimate);
    let offline_state = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let clear_on_leave = RwSignal::new(
        local()
            .and_then(|l| l.get_item(CLEAR_ON_LEAVE_KEY).ok().flatten())
            .is_some(),
    );
    let download_all = move |_| {
        offline_state.set("正在下载…".into());
        leptos::task::spawn_local(async move {
            let result = offline::fetch_everything(move |done, total, bytes| {
                offline_state.set(format!(
                    "已下载 {done}/{total} 个文件（{}）",
                    megabytes(bytes)
                ));
            })
            .await;
            match result {
                Ok(()) => offline_state.update(|s| s.push_str("。断网后也能生成申请材料。")),
                Err(e) => {
                    offline_state.set(format!("{e}。联网后再点一次即可，已下载的不会重复下载。"))
                }
            }
        });
    };
    let clear = move |_| {
        leptos::task::spawn_local(async move {
            storage::clear_everything().await;
            let _ = window().location().reload();
        });
    };
    let toggle_leave = move |ev| {
        let on = event_target_checked(&ev);
        clear_on_leave.set(on);
        if let Some(l) = local() {
            let _ = if on {
                l.set_item(CLEAR_ON_LEAVE_KEY, "1")
            } else {
                l.remove_item(CLEAR_ON_LEAVE_KEY)
            };
        }
    };
    view! {
        <details class="data-panel">
            <summary>"本机数据与离线使用"</summary>
            <p>
                "草稿、草稿历史和乡镇初审资料只保存在本浏览器中，不会上传，也不会自动同步到其他电脑。换电脑时请用「保存草稿文件」带走。"
            </p>
            <p class="usage">{move || usage.get().flatten().map(|(used, quota)| format!(
                "本站已使用 {}，浏览器允许约 {}。", megabytes(used), megabytes(quota)
            ))}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=download_all>"下载离线使用所需文件"</button>
                <span class="hint" role="status">{move || offline_state.get()}</span>
            </div>
            <div class="check">
                <input type="checkbox" id="clear-on-leave" prop:checked=move || clear_on_leave.get() on:change=toggle_leave />
                <label for="clear-on-leave">"离开此页面时清除本机数据（多人共用的电脑请勾选）"</label>
            </div>
            <Show when=move || !confirming.get() fallback=move || view! {
                <div class="confirm" role="alertdialog" aria-labelledby="clear-title">
                    <p id="clear-title"><strong>"确定清除本机数据吗？"</strong></p>
                    <p>"将删除本浏览器中的草稿、草稿历史、乡镇初审资料和缓存文件，无法恢复。需要保留的请先「保存草稿文件」。"</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=clear>"确认清除"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"取消"</button>
                    </div>
                </div>
            }>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>"清除本机数据"</button>
            </Show>
        </details>
    }
}
