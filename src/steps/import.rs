//! 从表格导入: pick roster/payroll files (XLSX or CSV in UTF-8 or GBK), see exactly what would be
//! added, updated and rejected, then confirm. The import is one undoable step; nothing changes
//! before confirmation. The reading and matching are `bangfu_io`'s, run in the import worker
//! ([`crate::io_worker`]) so that the page stays responsive and the spreadsheet code is fetched
//! only when needed; this shows the plan in words ([`PlanSummary`]) and, on confirmation, takes
//! the draft the worker returns.

use crate::draft_file::{read_bytes, take_picked_files};
use crate::io_worker::{self, job};
use crate::state::{AppState, NoticeKind};
use bangfu_io::PlanSummary;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Rows of each list shown in the preview before "… 还有 N 条".
const PREVIEW_ROWS: usize = 30;

/// Files the user picked, kept so that choosing another sheet can re-read them.
#[derive(Clone, Default)]
struct Picked {
    files: Vec<(String, Vec<u8>)>,
}

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Reading,
    Preview(Box<PlanSummary>),
    Applying,
    Failed(String),
}

/// Where the user's column mapping is remembered for the next import (header → column code).
const MAPPING_KEY: &str = "bangfu.import.mapping";

fn mapping() -> std::collections::BTreeMap<String, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|l| l.get_item(MAPPING_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn remember_mapping(header: &str, code: Option<&str>) {
    let mut m = mapping();
    match code {
        Some(c) => m.insert(header.to_owned(), c.to_owned()),
        None => m.remove(header),
    };
    if let Some(l) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = l.set_item(MAPPING_KEY, &serde_json::to_string(&m).unwrap_or_default());
    }
}

fn draft_json(state: AppState) -> String {
    state
        .draft
        .with_untracked(|d| serde_json::to_string(d).unwrap_or_default())
}

/// Has the worker read `picked` against the draft; the preview and the workbooks' sheet names.
async fn compute(
    state: AppState,
    picked: &Picked,
    sheet: Option<String>,
) -> Result<(PlanSummary, Vec<String>), String> {
    let files = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    for (name, bytes) in &picked.files {
        // A copy in a JS buffer of its own, handed over to the worker; the bytes stay here for
        // a re-read with another sheet.
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        transfer.push(&array.buffer());
        files.push(&job(&[("name", name.into()), ("bytes", array.into())]).into());
    }
    let request = job(&[
        ("op", "preview".into()),
        ("draft_json", draft_json(state).into()),
        ("files", files.into()),
        ("sheet", sheet.map_or(JsValue::NULL, JsValue::from)),
        (
            "mapping",
            serde_json::to_string(&mapping()).unwrap_or_default().into(),
        ),
    ]);
    let reply = io_worker::request(request, transfer).await?;
    let summary: PlanSummary = serde_json::from_str(&io_worker::text(&reply, "summary"))
        .map_err(|e| format!("预览数据无法读取：{e}"))?;
    Ok((summary, io_worker::strings(&reply, "sheets")))
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stage = RwSignal::new(Stage::Idle);
    let picked = StoredValue::new(Picked::default());
    let sheets = RwSignal::new(Vec::<String>::new());
    let sheet = RwSignal::new(None::<String>);

    let on_files = move |ev: web_sys::Event| {
        let files = take_picked_files(&ev);
        if files.is_empty() {
            return;
        }
        stage.set(Stage::Reading);
        sheet.set(None);
        leptos::task::spawn_local(async move {
            let mut got = Picked::default();
            for f in &files {
                // The library refuses oversized files with its own message; reading a huge file
                // into memory first is what we avoid here.
                match read_bytes(f, (bangfu_io::limits::MAX_FILE_BYTES + 1) as f64).await {
                    Ok(bytes) => got.files.push((f.name(), bytes)),
                    Err(_) => {
                        stage.set(Stage::Failed(format!(
                            "「{}」太大或无法读取（最大 {} MB）。没有导入任何内容。",
                            f.name(),
                            bangfu_io::limits::MAX_FILE_BYTES / 1024 / 1024
                        )));
                        return;
                    }
                }
            }
            let result = compute(state, &got, None).await;
            picked.set_value(got);
            match result {
                Ok((summary, names)) => {
                    sheets.set(names);
                    stage.set(Stage::Preview(Box::new(summary)));
                }
                Err(e) => stage.set(Stage::Failed(e)),
            }
        });
    };
    // Rows copied from Excel or WPS and pasted here: read like a tab-separated file. Without a
    // header row, the roster template's column order is assumed (and said in the preview).
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|c| c.get_data("text/plain").ok())
        else {
            return;
        };
        ev.prevent_default();
        if text.trim().is_empty() {
            return;
        }
        let text = bangfu_io::paste::with_header(&text);
        stage.set(Stage::Reading);
        sheet.set(None);
        leptos::task::spawn_local(async move {
            let got = Picked {
                files: vec![("粘贴的表格.txt".to_owned(), text.into_bytes())],
            };
            let result = compute(state, &got, None).await;
            picked.set_value(got);
            stage.set(match result {
                Ok((summary, _)) => Stage::Preview(Box::new(summary)),
                Err(e) => Stage::Failed(e),
            });
        });
    };
    let choose_sheet = move |ev| {
        let v = event_target_value(&ev);
        let chosen = (!v.is_empty()).then_some(v);
        sheet.set(chosen.clone());
        stage.set(Stage::Reading);
        leptos::task::spawn_local(async move {
            let p = picked.get_value();
            stage.set(match compute(state, &p, chosen).await {
                Ok((summary, _)) => Stage::Preview(Box::new(summary)),
                Err(e) => Stage::Failed(e),
            });
        });
    };
    let reset = move || {
        stage.set(Stage::Idle);
        picked.set_value(Picked::default());
        sheets.set(vec![]);
    };
    let confirm = move |_| {
        if !matches!(stage.get_untracked(), Stage::Preview(_)) {
            return;
        }
        stage.set(Stage::Applying);
        leptos::task::spawn_local(async move {
            let request = job(&[
                ("op", "apply".into()),
                ("draft_json", draft_json(state).into()),
            ]);
            let result = io_worker::request(request, js_sys::Array::new())
                .await
                .and_then(|reply| {
                    let draft = serde_json::from_str::<bangfu_model::Draft>(&io_worker::text(
                        &reply,
                        "draft_json",
                    ))
                    .map_err(|e| format!("导入结果无法读取：{e}"))?;
                    Ok((draft, io_worker::text(&reply, "label")))
                });
            match result {
                Ok((after, label)) => {
                    let selected = state.selected.get_untracked();
                    // The draft before the import goes into the history (and the undo bar).
                    state.replace(label, "导入表格前", after);
                    if selected.is_some() {
                        state.selected.set(selected);
                    }
                    reset();
                }
                Err(e) => stage.set(Stage::Failed(format!("{e}。没有导入任何内容。"))),
            }
        });
    };
    let cancel = move |_| reset();
    view! {
        <details class="import" open=move || !matches!(stage.get(), Stage::Idle)>
            <summary>"从表格导入（员工花名册、工资发放明细，Excel 或 CSV）"</summary>
            <p class="hint">
                "可一次选择多个文件。支持 .xlsx 和 .csv（UTF-8 或 Excel/WPS 默认保存的 GBK）；表头可以不在第一行，列的顺序不限。导入前会先列出将新增、更新和无法导入的行，确认后才会修改，并可撤销。"
            </p>
            <div class="field">
                <label for="import-files">"选择要导入的表格文件"</label>
                <input id="import-files" type="file" multiple=true
                    accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                    on:change=on_files />
            </div>
            <div class="field">
                <label for="import-paste">"或粘贴从 Excel、WPS 复制的行"</label>
                <textarea id="import-paste" rows="2" placeholder="在 Excel 中选中花名册或工资表的行（可含表头），复制后在此粘贴"
                    on:paste=on_paste></textarea>
            </div>
            <Show when=move || { sheets.with(|s| s.len() > 1) }>
                <div class="field">
                    <label for="import-sheet">"工作表"</label>
                    <select id="import-sheet" on:change=choose_sheet>
                        <option value="" selected=move || sheet.with(Option::is_none)>"所有能识别表头的工作表"</option>
                        {move || sheets.get().into_iter().map(|s| {
                            let value = s.clone();
                            let label = s.clone();
                            view! { <option value=value selected=move || sheet.with(|x| x.as_deref() == Some(s.as_str()))>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading => view! { <p class="busy" role="status">"正在读取文件…"</p> }.into_any(),
                Stage::Applying => view! { <p class="busy" role="status">"正在导入…"</p> }.into_any(),
                Stage::Failed(msg) => view! {
                    <div class="notice error" role="alert" data-import="error"><p>{msg}</p>
                        <button type="button" class="secondary" on:click=cancel>"知道了"</button>
                    </div>
                }.into_any(),
                Stage::Preview(plan) => view! {
                    <PlanView plan=*plan.clone() on_map=Callback::new(move |(header, code): (String, Option<String>)| {
                        remember_mapping(&header, code.as_deref());
                        stage.set(Stage::Reading);
                        leptos::task::spawn_local(async move {
                            let p = picked.get_value();
                            stage.set(match compute(state, &p, sheet.get_untracked()).await {
                                Ok((summary, _)) => Stage::Preview(Box::new(summary)),
                                Err(e) => Stage::Failed(e),
                            });
                        });
                    }) />
                    <div class="actions">
                        <button type="button" disabled=!plan.changes_anything on:click=confirm>"确认导入"</button>
                        <button type="button" class="secondary" on:click=cancel>"取消"</button>
                    </div>
                }.into_any(),
            }}
        </details>
    }
}

/// A titled list, cut at [`PREVIEW_ROWS`].
fn list_view(title: String, class: &'static str, lines: Vec<String>) -> impl IntoView {
    let total = lines.len();
    (total > 0).then(|| {
        let more = total.saturating_sub(PREVIEW_ROWS);
        view! {
            <details class=format!("plan-list {class}") open=total <= PREVIEW_ROWS>
                <summary>{format!("{title}（{total}）")}</summary>
                <ul>
                    {lines.into_iter().take(PREVIEW_ROWS).map(|l| view! { <li>{l}</li> }).collect_view()}
                    {(more > 0).then(|| view! { <li class="more">{format!("… 还有 {more} 条")}</li> })}
                </ul>
            </details>
        }
    })
}

#[component]
fn PlanView(plan: PlanSummary, on_map: Callback<(String, Option<String>)>) -> impl IntoView {
    let PlanSummary {
        summary,
        sources,
        skipped_sheets: skipped,
        rejected,
        people_added: added,
        people_updated: updated,
        wages_added,
        wages_updated,
        notes,
        guesses,
        missing,
        unmapped,
        ..
    } = plan;
    view! {
        <div class="plan" data-import="preview">
            <p class="summary"><strong>{summary}</strong></p>
            <ul class="sources">{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            {(!skipped.is_empty()).then(|| view! {
                <p class="hint">{format!("未识别出表头、已跳过的工作表：{}", skipped.join("、"))}</p>
            })}
            {(!missing.is_empty()).then(|| view! {
                <div class="notice error plan-missing" role="alert">
                    {missing.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                </div>
            })}
            {(!unmapped.is_empty()).then(|| view! {
                <fieldset class="plan-unmapped">
                    <legend>"未识别的列：请选择它们对应的内容（会记住，下次自动对应）"</legend>
                    {unmapped.into_iter().enumerate().map(|(i, u)| {
                        let id = format!("map-{i}");
                        let header = u.header.clone();
                        let header2 = u.header.clone();
                        let suggestion = u.suggestion.clone();
                        let adopt = suggestion.clone().map(|sug| {
                            let h = u.header.clone();
                            view! {
                                <button type="button" class="small" on:click=move |_| on_map.run((h.clone(), Some(sug.clone())))>
                                    {format!("按“{}”导入", u.suggestion.clone().unwrap_or_default())}
                                </button>
                            }
                        });
                        view! {
                            <div class="field inline">
                                <label for=id.clone()>{format!("「{}」（{}）", u.header, u.source)}</label>
                                <select id=id on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    on_map.run((header.clone(), (!v.is_empty()).then_some(v)));
                                }>
                                    <option value="" selected=true>"不导入"</option>
                                    {u.choices.iter().map(|c| {
                                        let label = if Some(c) == suggestion.as_ref() { format!("{c}（推荐）") } else { c.clone() };
                                        view! { <option value=c.clone()>{label}</option> }
                                    }).collect_view()}
                                </select>
                                {adopt}
                                <span class="visually-hidden">{header2}</span>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            {list_view("无法导入的行".into(), "rejected", rejected)}
            {(!guesses.is_empty()).then(|| view! {
                <div class="notice warn plan-guesses" role="note">
                    <p>"以下内容不是表格中的原词，是按常见写法推断的，请核对；导入后这些人的对应栏目会标出“请核对”，确认无误后点「确认」："</p>
                    <ul>{guesses.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                </div>
            })}
            {list_view("将新增的员工".into(), "added", added)}
            {list_view("将更新的员工".into(), "updated", updated)}
            {list_view("将新增的工资记录".into(), "added", wages_added)}
            {list_view("将更新的工资记录".into(), "updated", wages_updated)}
            {list_view("提示".into(), "notes", notes)}
        </div>
    }
}

/// Template downloads and exports of the current roster and payroll. The files are made by the
/// import worker.
/// Makes a template or an export in the import worker and downloads it. `what` as in the
/// worker protocol; `stem` names the file (None: a template, named by the library's own rule).
pub fn download_table(state: AppState, what: &'static str, stem: Option<&'static str>) {
    // The screen's date: the ledger is assessed on the day the screen shows.
    let date = state.today.get_untracked().to_string();
    let xlsx = what.ends_with("xlsx");
    let name = match (stem, what) {
        (Some(stem), _) => state.draft.with_untracked(|d| {
            crate::draft_file::file_name(d, stem, &date, if xlsx { "xlsx" } else { "csv" })
        }),
        (None, w) => {
            let kind = if w.contains("roster") {
                bangfu_io::TableKind::Roster
            } else {
                bangfu_io::TableKind::Wages
            };
            bangfu_io::template::file_name(kind, xlsx)
        }
    };
    let mut fields = vec![("op", "file".into()), ("what", what.into())];
    // Only exports read the draft; a template is the same for everyone, and serialising
    // a big roster for it would be wasted work on the page's thread.
    if stem.is_some() {
        fields.push(("draft_json", draft_json(state).into()));
        fields.push(("date", date.into()));
    }
    let request = job(&fields);
    leptos::task::spawn_local(async move {
        match io_worker::request(request, js_sys::Array::new()).await {
            Ok(reply) => {
                let mime = if xlsx {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                } else {
                    "text/csv;charset=utf-8"
                };
                let bytes = io_worker::bytes(&reply);
                if crate::draft_file::download(&bytes, mime, &name).is_err() {
                    state.notify(
                        NoticeKind::Error,
                        "无法开始下载，请换用其他浏览器重试。".into(),
                        None,
                    );
                }
            }
            Err(e) => state.notify(NoticeKind::Error, format!("生成表格失败：{e}"), None),
        }
    });
}

#[component]
pub fn TablesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let make = move |what: &'static str, stem: Option<&'static str>| {
        move |_| download_table(state, what, stem)
    };
    view! {
        <details class="tables">
            <summary>"下载模板 / 导出表格"</summary>
            <div class="actions">
                <button type="button" class="secondary" on:click=make("template_roster_xlsx", None)>"花名册模板（Excel）"</button>
                <button type="button" class="secondary" on:click=make("template_wages_xlsx", None)>"工资表模板（Excel）"</button>
                <button type="button" class="secondary" on:click=make("template_roster_csv", None)>"花名册模板（CSV）"</button>
                <button type="button" class="secondary" on:click=make("template_wages_csv", None)>"工资表模板（CSV）"</button>
            </div>
            <div class="actions">
                <button type="button" on:click=make("workbook_xlsx", Some("花名册和工资表"))>"导出花名册和工资表（Excel）"</button>
                <button type="button" class="secondary" on:click=make("roster_csv", Some("员工花名册"))>"导出花名册（CSV）"</button>
                <button type="button" class="secondary" on:click=make("wages_csv", Some("工资发放明细"))>"导出工资表（CSV）"</button>
                <button type="button" class="secondary" on:click=make("ledger_xlsx", Some("帮扶车间台账"))>"导出台账（第十一条，Excel）"</button>
            </div>
        </details>
    }
}
