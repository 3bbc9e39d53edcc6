//! The page header: title, privacy note, autosave indicator and the draft-file actions
//! (保存草稿文件 / 打开草稿文件 / 新建空白草稿 / 草稿历史).
//!
//! Replacing the draft (a new blank draft, an opened file) asks first, naming what would go, and
//! keeps the replaced draft in the history, from where it can be restored or downloaded even
//! after a reload.

use crate::state::{is_empty, AppState, NoticeKind, SaveStatus};
use crate::tabs::Role;
use crate::{clock, draft_file, storage};
use bangfu_model::stored::HistoryEntry;
use bangfu_model::Draft;
use leptos::prelude::*;

/// A replacement waiting for the user's 「确认」.
#[derive(Clone)]
struct Pending {
    /// What the question says will happen.
    action: String,
    /// The undo bar's label and the history's reason.
    label: String,
    why: String,
    draft: Draft,
}

/// 「申请主体「X」，12 名员工、48 条工资记录」: what replacing the current draft would remove.
fn what_goes(d: &Draft) -> String {
    let rows: usize = d.employees.iter().map(|e| e.wages.len()).sum();
    let name = d.applicant.name.trim();
    let who = if name.is_empty() {
        String::new()
    } else {
        format!("申请主体「{name}」，")
    };
    format!("{who}{} 名员工、{rows} 条工资记录", d.employees.len())
}

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<Pending>);
    let history_open = RwSignal::new(false);
    let status = move || match state.save_status.get() {
        SaveStatus::Idle => ("", "草稿会自动保存在本机浏览器中".to_owned()),
        SaveStatus::Pending | SaveStatus::Saving => ("pending", "正在保存…".to_owned()),
        SaveStatus::Saved(at) => ("ok", format!("已自动保存 {}", clock::time_of(&at))),
        SaveStatus::Failed(_) => ("error", "草稿未能保存（见上方提示）".to_owned()),
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
    // Replaces at once when nothing would be lost, else asks.
    let propose = move |p: Pending| {
        if state.draft.with_untracked(is_empty) {
            state.replace(p.label, &p.why, p.draft);
        } else {
            pending.set(Some(p));
        }
    };
    let open_file = move |ev: web_sys::Event| {
        let Some(file) = draft_file::take_picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let name = file.name();
            match draft_file::open_draft_file(&file).await {
                Ok(draft) => propose(Pending {
                    action: format!("打开草稿文件「{name}」"),
                    label: format!("已打开草稿文件「{name}」"),
                    why: format!("打开草稿文件「{name}」前"),
                    draft,
                }),
                Err(e) => state.notify(
                    NoticeKind::Error,
                    format!("未能打开「{name}」：{e} 当前草稿没有任何改动。"),
                    None,
                ),
            }
        });
    };
    let new_draft = move |_| {
        propose(Pending {
            action: "新建空白草稿".into(),
            label: "已新建空白草稿".into(),
            why: "新建空白草稿前".into(),
            draft: Draft::default(),
        })
    };
    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            state.replace(p.label, &p.why, p.draft);
        }
    };
    let editor = move || state.role.get() == Role::Editor;
    view! {
        <header class="app-header">
            <div class="title">
                <h1>"帮扶车间自评申报"</h1>
                <p class="sub">
                    <span class="why">"依据《内蒙古自治区就业帮扶车间管理办法》第六条、第七条自评，并生成认定申请材料。"</span>
                    "所有数据只保存在本机浏览器中，不会上传。"
                </p>
            </div>
            <div class="toolbar">
                <p class=move || format!("save-status {}", status().0) role="status" aria-live="polite">
                    {move || status().1}
                </p>
                <div class="actions">
                    <button type="button" on:click=save_file>"保存草稿文件"</button>
                    <label class="button" class:disabled=move || !editor() for="open-draft-file">"打开草稿文件"</label>
                    <input
                        id="open-draft-file"
                        class="visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        disabled=move || !editor()
                        on:change=open_file
                    />
                    <button type="button" class="secondary" disabled=move || !editor() on:click=new_draft>"新建空白草稿"</button>
                    <button type="button" class="secondary" aria-expanded=move || if history_open.get() { "true" } else { "false" }
                        on:click=move |_| history_open.update(|o| *o = !*o)>"草稿历史"</button>
                </div>
            </div>
            {move || pending.get().map(|p| {
                let goes = state.draft.with_untracked(what_goes);
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                        <p id="confirm-title"><strong>{format!("确定要{}吗？", p.action)}</strong></p>
                        <p id="confirm-text">{format!(
                            "当前草稿（{goes}）将被替换。替换前的草稿会保存在「草稿历史」中，刷新页面后也可以恢复或下载。"
                        )}</p>
                        <div class="actions">
                            <button type="button" class="danger" on:click=confirm>{format!("确认{}", p.action)}</button>
                            <button type="button" class="secondary" on:click=move |_| pending.set(None)>"取消"</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || history_open.get()>
                <HistoryPanel on_restore=Callback::new(move |(entry, draft): (HistoryEntry, Draft)| {
                    history_open.set(false);
                    propose(Pending {
                        action: format!("恢复{}的草稿", entry.kept_at.replace('T', " ")),
                        label: format!("已恢复 {} 的草稿", entry.kept_at.replace('T', " ")),
                        why: "恢复草稿历史前".into(),
                        draft,
                    });
                }) />
            </Show>
        </header>
    }
}

/// 草稿历史: the drafts replaced or reset lately and a snapshot a day, each with 「恢复」 and
/// 「下载」.
#[component]
fn HistoryPanel(on_restore: Callback<(HistoryEntry, Draft)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries = LocalResource::new(move || {
        state.history_rev.track();
        storage::history()
    });
    let restore = move |entry: HistoryEntry| {
        leptos::task::spawn_local(async move {
            let text = storage::history_text(&entry.id).await;
            match text.as_deref().map(bangfu_model::envelope::read) {
                Some(Ok(env)) => on_restore.run((entry, env.draft)),
                _ => state.notify(
                    NoticeKind::Error,
                    "这份历史草稿无法读取，当前草稿没有改动。".into(),
                    None,
                ),
            }
        });
    };
    let download = move |entry: HistoryEntry| {
        leptos::task::spawn_local(async move {
            if let Some(text) = storage::history_text(&entry.id).await {
                let date = entry.kept_at.split('T').next().unwrap_or("").to_owned();
                let name = format!("帮扶车间草稿-历史-{date}.json");
                let _ = draft_file::download(text.as_bytes(), "application/json", &name);
            }
        });
    };
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">"草稿历史"</h2>
            <p class="hint">"新建、打开文件、导入或恢复之前的草稿，以及每天的第一份快照，都保存在这里（最近 5 份和最近 7 天），只在本机浏览器中。"</p>
            <Suspense fallback=|| view! { <p>"正在读取…"</p> }>
                {move || entries.get().map(|list| {
                    if list.is_empty() {
                        return view! { <p>"还没有历史草稿。"</p> }.into_any();
                    }
                    view! {
                        <ul class="history-list">
                            {list.into_iter().map(|e| {
                                let (r, d) = (e.clone(), e.clone());
                                let who = if e.applicant.is_empty() { "（未填申请主体）".to_owned() } else { e.applicant.clone() };
                                view! {
                                    <li data-history=e.id.clone()>
                                        <span class="when">{e.kept_at.replace('T', " ")}</span>
                                        <span class="what">{format!("{}：{who}，{} 名员工、{} 条工资记录", e.label, e.people, e.wage_rows)}</span>
                                        <button type="button" class="small" on:click=move |_| restore(r.clone())>"恢复"</button>
                                        <button type="button" class="small secondary" on:click=move |_| download(d.clone())>"下载"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
