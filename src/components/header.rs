//! The page header: title, privacy note, autosave indicator and the draft-file actions
//! (保存草稿文件 / 打开草稿文件 / 新建空白草稿).

use crate::state::{AppState, NoticeKind, SaveStatus};
use crate::{clock, draft_file};
use bangfu_model::Draft;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = move || match state.save_status.get() {
        SaveStatus::Idle => ("", "草稿会自动保存在本机浏览器中".to_owned()),
        SaveStatus::Pending => ("pending", "正在保存…".to_owned()),
        SaveStatus::Saved(at) => ("ok", format!("已自动保存 {}", clock::time_of(&at))),
        SaveStatus::Failed(e) => ("error", e.to_string()),
        SaveStatus::Blocked => ("error", "自动保存已暂停（见上方提示）".to_owned()),
    };
    let save_file = move |_| {
        let result = state
            .draft
            .with_untracked(|d| draft_file::save_draft_file(d, &clock::now_local()));
        if result.is_err() {
            state.notify(
                NoticeKind::Error,
                "无法生成草稿文件，请换用其他浏览器重试。".into(),
                None,
            );
        }
    };
    let open_file = move |ev: web_sys::Event| {
        let Some(file) = draft_file::take_picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match draft_file::open_draft_file(&file).await {
                Ok(draft) => {
                    let name = file.name();
                    state.replace(format!("已打开草稿文件「{name}」"), draft);
                    state.save_now();
                }
                Err(e) => state.notify(
                    NoticeKind::Error,
                    format!("未能打开「{}」：{e} 当前草稿没有任何改动。", file.name()),
                    None,
                ),
            }
        });
    };
    let new_draft = move |_| {
        state.replace("已新建空白草稿", Draft::default());
    };
    view! {
        <header class="app-header">
            <div class="title">
                <h1>"帮扶车间自评申报"</h1>
                <p class="sub">
                    "依据《内蒙古自治区就业帮扶车间管理办法》第六条、第七条自评，并生成认定申请材料。所有数据只保存在本机，不会上传。"
                </p>
            </div>
            <div class="toolbar">
                <p class=move || format!("save-status {}", status().0) role="status" aria-live="polite">
                    {move || status().1}
                </p>
                <div class="actions">
                    <button type="button" on:click=save_file>"保存草稿文件"</button>
                    <label class="button" for="open-draft-file">"打开草稿文件"</label>
                    <input
                        id="open-draft-file"
                        class="visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        on:change=open_file
                    />
                    <button type="button" class="secondary" on:click=new_draft>"新建空白草稿"</button>
                </div>
            </div>
        </header>
    }
}
