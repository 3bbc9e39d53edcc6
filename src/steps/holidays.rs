//! 节假日安排: the holiday schedules the working-day reckoning uses. Years 2021-2026 ship with the
//! app; a user adds a later year by opening a file in the same format (`YYYY.json`), kept in the
//! draft so that it travels with the draft file.

use crate::draft_file::{read_text, take_picked_files};
use crate::state::AppState;
use bangfu_rules::calendar::Calendar;
use bangfu_rules::path;
use leptos::prelude::*;

/// A holiday schedule is a few kilobytes; anything much larger is not one.
const MAX_SCHEDULE_BYTES: f64 = 256.0 * 1024.0;

#[component]
pub fn HolidaysPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let years = Memo::new(move |_| {
        let (cal, errors) = state.draft.with(Calendar::for_draft);
        (cal.known_years().collect::<Vec<_>>(), errors)
    });
    let error = RwSignal::new(None::<String>);
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = take_picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match read_text(&file, MAX_SCHEDULE_BYTES).await {
                Ok(t) => t,
                Err(e) => {
                    error.set(Some(e.to_string()));
                    return;
                }
            };
            // Check it before it goes into the draft: a bad file is refused, not stored.
            let mut probe = Calendar::shipped().clone();
            match probe.add_schedule(&text) {
                Ok(year) if Calendar::shipped().known_years().any(|y| y == year) => {
                    error.set(Some(format!("{year}年的节假日安排已内置，无需添加。")));
                }
                Ok(year) => {
                    error.set(None);
                    state.edit_undoable(format!("已添加{year}年节假日安排"), |d| {
                        d.extra_holidays.push(text)
                    });
                }
                Err(e) => error.set(Some(format!(
                    "「{}」不能作为节假日安排使用：{e}",
                    file.name()
                ))),
            }
        });
    };
    view! {
        <fieldset class="editor">
            <legend>"法定节假日安排（用于计算第八条的工作日期限）"</legend>
            <p>{move || {
                let ys = years.with(|(y, _)| y.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、"));
                format!("已有年份：{ys}。其他年份按周一至周五为工作日估算，并在结果中注明。")
            }}</p>
            <ul>
                {move || state.draft.with(|d| d.extra_holidays.iter().enumerate().map(|(i, json)| {
                    let year = serde_json::from_str::<serde_json::Value>(json).ok()
                        .and_then(|v| v.get("year").and_then(|y| y.as_i64()))
                        .map_or("未知年份".to_owned(), |y| format!("{y}年"));
                    let msgs = years.with(|(_, errs)| errs.iter().filter(|e| e.path == path::extra_holiday(i)).map(|e| e.message.clone()).collect::<Vec<_>>());
                    view! {
                        <li>
                            {format!("补充的{year}节假日安排 ")}
                            <button type="button" class="small danger" on:click=move |_| state.edit_undoable("已删除补充的节假日安排", |d| { if i < d.extra_holidays.len() { d.extra_holidays.remove(i); } })>"删除"</button>
                            {msgs.into_iter().map(|m| view! { <p class="msg warn">{m}</p> }).collect_view()}
                        </li>
                    }
                }).collect_view())}
            </ul>
            <div class="field">
                <label for="holiday-file">"添加某一年的国务院节假日安排文件"</label>
                <input id="holiday-file" type="file" accept=".json,application/json" aria-describedby="holiday-file-help" on:change=on_file />
                <p class="hint" id="holiday-file-help">"新一年的放假安排公布后，可添加该年的文件（技术说明：JSON 格式，与开源项目 holiday-cn 的 年份.json 相同）。"</p>
                {move || error.get().map(|e| view! { <p class="msg error" role="alert">{e}</p> })}
            </div>
        </fieldset>
    }
}
