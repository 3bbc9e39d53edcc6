//! Banners: load problems and file errors, a save that failed (loud, with the draft-file download
//! at hand), this tab following another, a new version ready; and the undo bar.

use crate::draft_file;
use crate::state::{AppState, NoticeKind, SaveStatus};
use crate::storage;
use crate::tabs::{self, Role};
use crate::{clock, offline};
use leptos::prelude::*;

/// This tab follows another ([`crate::tabs`]): what it shows, and 「在此标签页编辑」.
#[component]
pub fn FollowerNotice(shown: Signal<bool>, text: &'static str) -> impl IntoView {
    view! {
        <Show when=move || shown.get()>
            <div class="notice info follower" role="status">
                <p>{text}</p>
                <div class="notice-actions">
                    <button type="button" on:click=move |_| tabs::take_over()>"在此标签页编辑"</button>
                </div>
            </div>
        </Show>
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save_file = move |_| {
        let _ = state
            .draft
            .with_untracked(|d| draft_file::save_draft_file(d, &clock::now_local()));
    };
    view! {
        <div class="notices">
            // A save that failed: the draft is only in this page until it is saved somewhere.
            {move || match state.save_status.get() {
                SaveStatus::Failed(e) => Some(view! {
                    <div class="notice error save-failed" role="alert">
                        <p><strong>"草稿没有保存！"</strong>{format!(" {e}")}</p>
                        <div class="notice-actions">
                            <button type="button" on:click=save_file>"立即保存草稿文件"</button>
                        </div>
                    </div>
                }),
                _ => None,
            }}
            <FollowerNotice shown=Signal::derive(move || state.role.get() == Role::Follower)
                text="这份草稿正在本浏览器的另一个标签页中编辑。这里只显示它的最新内容，不能修改，以免两边互相覆盖。" />
            <offline::UpdateNotice />
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
                            let k = dl_key.clone();
                            leptos::task::spawn_local(async move {
                                if let Some(text) = storage::aside_text(&k).await {
                                    let _ = draft_file::download(
                                        text.as_bytes(),
                                        "application/json",
                                        "无法读取的草稿原内容.json",
                                    );
                                }
                            });
                        };
                        let forget = move |_| {
                            let k = key.clone();
                            leptos::task::spawn_local(async move { storage::remove_aside(&k).await });
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
