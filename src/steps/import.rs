//! 从表格导入: pick roster/payroll files (XLSX or CSV in UTF-8 or GBK), see exactly what would be
//! added, updated and rejected, then confirm. The import is one undoable step; nothing changes
//! before confirmation. The reading and matching are `bangfu_io`'s; this only shows its plan.

use crate::draft_file::{read_bytes, take_picked_files};
use crate::state::{AppState, NoticeKind};
use bangfu_io::{ImportOptions, ImportPlan, InputFile, PersonChange, WageChange};
use leptos::prelude::*;

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
    Preview(Box<ImportPlan>),
    Failed(String),
}

fn compute(state: AppState, picked: &Picked, sheet: Option<String>) -> Stage {
    let inputs: Vec<InputFile<'_>> = picked
        .files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let options = ImportOptions {
        sheet,
        ..ImportOptions::default()
    };
    let result = state
        .draft
        .with_untracked(|d| bangfu_io::preview(d, &inputs, &options));
    match result {
        Ok(plan) => Stage::Preview(Box::new(plan)),
        Err(e) => Stage::Failed(e.to_string()),
    }
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
            let names: Vec<String> = got
                .files
                .iter()
                .flat_map(|(name, bytes)| bangfu_io::sheet_names(name, bytes).unwrap_or_default())
                .collect();
            sheets.set(names);
            // Let the "正在读取" message paint before the (synchronous) parse.
            gloo_timers::future::TimeoutFuture::new(16).await;
            stage.set(compute(state, &got, None));
            picked.set_value(got);
        });
    };
    let choose_sheet = move |ev| {
        let v = event_target_value(&ev);
        let chosen = (!v.is_empty()).then_some(v);
        sheet.set(chosen.clone());
        stage.set(picked.with_value(|p| compute(state, p, chosen)));
    };
    let confirm = move |_| {
        if let Stage::Preview(plan) = stage.get_untracked() {
            let label = format!("已导入：{}", plan.summary());
            state.edit_undoable(label, |d| *d = bangfu_io::apply(&plan, d));
            if state.selected.get_untracked().is_none() {
                state.selected.set(
                    state
                        .draft
                        .with_untracked(|d| d.employees.first().map(|e| e.key)),
                );
            }
            stage.set(Stage::Idle);
            picked.set_value(Picked::default());
            sheets.set(vec![]);
        }
    };
    let cancel = move |_| {
        stage.set(Stage::Idle);
        picked.set_value(Picked::default());
        sheets.set(vec![]);
    };
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
                Stage::Failed(msg) => view! {
                    <div class="notice error" role="alert" data-import="error"><p>{msg}</p>
                        <button type="button" class="secondary" on:click=cancel>"知道了"</button>
                    </div>
                }.into_any(),
                Stage::Preview(plan) => view! {
                    <PlanView plan=*plan.clone() />
                    <div class="actions">
                        <button type="button" disabled=!plan.changes_anything() on:click=confirm>"确认导入"</button>
                        <button type="button" class="secondary" on:click=cancel>"取消"</button>
                    </div>
                }.into_any(),
            }}
        </details>
    }
}

fn person_line(plan: &ImportPlan, p: &PersonChange) -> String {
    let at = p
        .rows
        .first()
        .map(|r| plan.describe(*r))
        .unwrap_or_default();
    let name = if p.name.is_empty() {
        "（未填姓名）"
    } else {
        &p.name
    };
    let mut line = format!("{name} {}（{at}）", p.id_number);
    if !p.changes.is_empty() {
        let changes: Vec<String> = p
            .changes
            .iter()
            .map(|c| {
                let before = if c.before.is_empty() {
                    "空"
                } else {
                    &c.before
                };
                let after = if c.after.is_empty() { "空" } else { &c.after };
                format!("{}：{before} → {after}", c.field)
            })
            .collect();
        line.push('：');
        line.push_str(&changes.join("；"));
    }
    line
}

fn wage_line(plan: &ImportPlan, w: &WageChange) -> String {
    let mut line = format!(
        "{} {} {}（{}）",
        w.name,
        w.id_number,
        w.month,
        plan.describe(w.at)
    );
    if !w.changes.is_empty() {
        let changes: Vec<String> = w
            .changes
            .iter()
            .map(|c| format!("{}：{} → {}", c.field, c.before, c.after))
            .collect();
        line.push('：');
        line.push_str(&changes.join("；"));
    }
    line
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
fn PlanView(plan: ImportPlan) -> impl IntoView {
    let sources: Vec<String> = plan
        .sources
        .iter()
        .map(|s| {
            let mut line = if s.sheet.is_empty() {
                format!(
                    "{}：{}，表头在第 {} 行",
                    s.file,
                    s.kind.label(),
                    s.header_row
                )
            } else {
                format!(
                    "{} 工作表“{}”：{}，表头在第 {} 行",
                    s.file,
                    s.sheet,
                    s.kind.label(),
                    s.header_row
                )
            };
            if let Some(enc) = s.encoding {
                line.push_str(&format!("，编码 {}", enc.label()));
            }
            if let Some(m) = &s.title_month {
                line.push_str(&format!("，工资月份取自标题 {m}"));
            }
            if !s.ignored_columns.is_empty() {
                line.push_str(&format!("；未导入的列：{}", s.ignored_columns.join("、")));
            }
            line
        })
        .collect();
    let added: Vec<String> = plan
        .people_added
        .iter()
        .map(|p| person_line(&plan, p))
        .collect();
    let updated: Vec<String> = plan
        .people_updated
        .iter()
        .map(|p| person_line(&plan, p))
        .collect();
    let wages_added: Vec<String> = plan
        .wages_added
        .iter()
        .map(|w| wage_line(&plan, w))
        .collect();
    let wages_updated: Vec<String> = plan
        .wages_updated
        .iter()
        .map(|w| wage_line(&plan, w))
        .collect();
    let rejected: Vec<String> = plan
        .rejected
        .iter()
        .map(|r| {
            if r.file.is_empty() {
                r.to_string()
            } else {
                format!("{} {r}", r.file)
            }
        })
        .collect();
    let notes: Vec<String> = plan.notes.iter().map(ToString::to_string).collect();
    let skipped = plan.skipped_sheets.clone();
    view! {
        <div class="plan" data-import="preview">
            <p class="summary"><strong>{plan.summary()}</strong></p>
            <ul class="sources">{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            {(!skipped.is_empty()).then(|| view! {
                <p class="hint">{format!("未识别出表头、已跳过的工作表：{}", skipped.join("、"))}</p>
            })}
            {list_view("无法导入的行".into(), "rejected", rejected)}
            {list_view("将新增的员工".into(), "added", added)}
            {list_view("将更新的员工".into(), "updated", updated)}
            {list_view("将新增的工资记录".into(), "added", wages_added)}
            {list_view("将更新的工资记录".into(), "updated", wages_updated)}
            {list_view("提示".into(), "notes", notes)}
        </div>
    }
}

/// Template downloads and exports of the current roster and payroll.
#[component]
pub fn TablesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let offer = move |bytes: Result<Vec<u8>, String>, name: String, xlsx: bool| {
        let mime = if xlsx {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        } else {
            "text/csv;charset=utf-8"
        };
        match bytes {
            Ok(b) => {
                if crate::draft_file::download(&b, mime, &name).is_err() {
                    state.notify(
                        NoticeKind::Error,
                        "无法开始下载，请换用其他浏览器重试。".into(),
                        None,
                    );
                }
            }
            Err(e) => state.notify(NoticeKind::Error, format!("生成表格失败：{e}"), None),
        }
    };
    let today = crate::clock::now_local();
    let date = today.split('T').next().unwrap_or("").to_owned();
    let d2 = date.clone();
    let d3 = date.clone();
    let d4 = date.clone();
    use bangfu_io::{export, template, TableKind};
    view! {
        <details class="tables">
            <summary>"下载模板 / 导出表格"</summary>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| offer(template::roster_xlsx().map_err(|e| e.to_string()), template::file_name(TableKind::Roster, true), true)>"花名册模板（Excel）"</button>
                <button type="button" class="secondary" on:click=move |_| offer(template::wages_xlsx().map_err(|e| e.to_string()), template::file_name(TableKind::Wages, true), true)>"工资表模板（Excel）"</button>
                <button type="button" class="secondary" on:click=move |_| offer(Ok(template::roster_csv()), template::file_name(TableKind::Roster, false), false)>"花名册模板（CSV）"</button>
                <button type="button" class="secondary" on:click=move |_| offer(Ok(template::wages_csv()), template::file_name(TableKind::Wages, false), false)>"工资表模板（CSV）"</button>
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| offer(state.draft.with_untracked(|d| export::workbook_xlsx(d).map_err(|e| e.to_string())), state.draft.with_untracked(|d| crate::draft_file::file_name(d, "花名册和工资表", &date, "xlsx")), true)>"导出花名册和工资表（Excel）"</button>
                <button type="button" class="secondary" on:click=move |_| offer(Ok(state.draft.with_untracked(export::roster_csv)), state.draft.with_untracked(|d| crate::draft_file::file_name(d, "员工花名册", &d2, "csv")), false)>"导出花名册（CSV）"</button>
                <button type="button" class="secondary" on:click=move |_| offer(Ok(state.draft.with_untracked(export::wages_csv)), state.draft.with_untracked(|d| crate::draft_file::file_name(d, "工资发放明细", &d3, "csv")), false)>"导出工资表（CSV）"</button>
                <button type="button" class="secondary" on:click=move |_| {
                    let bytes = state.draft.with_untracked(|d| state.assessment.with_untracked(|a| {
                        let line = bangfu_io::ledger::LedgerLine::from_assessment(d, a, "");
                        bangfu_io::ledger::ledger_xlsx(&[line], &a.date.to_string()).map_err(|e| e.to_string())
                    }));
                    offer(bytes, state.draft.with_untracked(|d| crate::draft_file::file_name(d, "帮扶车间台账", &d4, "xlsx")), true)
                }>"导出台账（第十一条，Excel）"</button>
            </div>
        </details>
    }
}
