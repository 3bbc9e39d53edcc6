//! Banners (load problems, file errors) and the undo bar.

use crate::draft_file;
use crate::state::{AppState, NoticeKind};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices">
            <For
                each=move || state.notices.get()
                key=|n| n.id
                children=move |n| {
                    let id = n.id;
                    let class = match n.kind {
                        NoticeKind::Info => "notice info",
                        NoticeKind::Error => "notice error",
                    };
                    let download = n.aside_key.clone().map(|key| {
                        let dl_key = key.clone();
                        let download = move |_| {
                            if let Some(text) = storage::aside_text(&dl_key) {
                                let _ = draft_file::download(
                                    text.as_bytes(),
                                    "application/json",
                                    "无法读取的草稿原内容.json",
                                );
                            }
                        };
                        let forget = move |_| {
                            storage::remove_aside(&key);
                            state.dismiss(id);
                        };
                        view! {
                            <button type="button" on:click=download>"下载原内容"</button>
                            <button type="button" class="secondary" on:click=forget>"删除原内容"</button>
                        }
                    });
                    view! {
                        <div class=class role="alert">
                            <p>{n.text}</p>
                            <div class="notice-actions">
                                {download}
                                <button type="button" class="secondary" on:click=move |_| state.dismiss(id)>
                                    "知道了"
                                </button>
                            </div>
                        </div>
                    }
                }
            />
        </div>
    }
}

#[component]
pub fn UndoBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.undo.with(Option::is_some)>
            <div class="undo-bar" role="status">
                <span>{move || state.undo.with(|u| u.as_ref().map(|u| u.label.clone()))}</span>
                <button type="button" on:click=move |_| state.undo_last()>"撤销"</button>
                <button type="button" class="secondary" on:click=move |_| state.undo.set(None)>
                    "关闭"
                </button>
            </div>
        </Show>
    }
}
