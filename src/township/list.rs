//! The first page of the workspace: the township's details, receiving files (several at once,
//! or dropped on the page), opening and saving review files, and the list of applications.

use super::inputs::Text;
use super::Desk;
use crate::{clock, draft_file};
use bangfu_review::overview::{self, Filter, SortKey};
use bangfu_review::status::Stage;
use bangfu_review::workspace::Received;
use bangfu_review::{handoff, undo};
use bangfu_rules::calendar::Calendar;
use leptos::prelude::*;

/// Receives files one after the other, saying for each what became of it.
pub fn receive_files(desk: Desk, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let first = desk.ws.with_untracked(|ws| ws.applications.is_empty());
        // Read every file first, then receive them in one update: the list is worked out
        // once for the batch, not once per file.
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            match draft_file::read_bytes(&file, draft_file::MAX_DRAFT_FILE_BYTES).await {
                Ok(b) => read.push((name, b)),
                Err(e) => desk.note(true, format!("「{name}」未接收：{e}")),
            }
        }
        let mut results = Vec::with_capacity(read.len());
        let changed = desk.change(|ws| {
            for (name, bytes) in &read {
                let r = ws.receive(name, bytes, &clock::now_local(), clock::today());
                let who = match &r {
                    Ok(Received::New { uid, .. }) => ws
                        .application(uid)
                        .and_then(|a| a.latest())
                        .map_or(String::new(), |v| v.applicant_name.clone()),
                    _ => String::new(),
                };
                results.push((name.clone(), who, r));
            }
        });
        if !changed {
            return desk.note(true, "未接收：乡镇初审工作区正在另一个标签页中编辑，请在那边接收，或点「在此标签页编辑」。".into());
        }
        for (name, who, result) in results {
            match result {
                Ok(Received::New { uid, number }) => {
                    desk.note(
                        false,
                        format!("已接收「{name}」：{who}，受理编号 {number}。"),
                    );
                    desk.save(uid);
                }
                Ok(Received::NewVersion {
                    uid,
                    number,
                    changes,
                }) => {
                    desk.note(
                        false,
                        format!(
                            "「{name}」是受理编号 {number} 的新版本，已作为新版本保存：{}。已确认的审查项须重新确认。",
                            changes.summary()
                        ),
                    );
                    desk.save(uid);
                }
                Err(e) => desk.note(true, format!("「{name}」未接收：{e}")),
            }
        }
        if first {
            crate::offline::ask_to_persist_now();
        }
        // Let the saves started above finish before measuring.
        gloo_timers::future::TimeoutFuture::new(200).await;
        desk.measure().await;
    });
}

thread_local! {
    /// Each application's row with what it was worked out from: the list is recomputed whenever
    /// the workspace changes (a keystroke in the township's details too), but an application is
    /// read and assessed again only when its own record, its versions or the day change.
    static ROWS: std::cell::RefCell<std::collections::HashMap<String, (String, overview::Row)>> =
        Default::default();
}

fn cached_row(app: &bangfu_review::Application, today: chrono::NaiveDate) -> overview::Row {
    let key = format!(
        "{today}|{}|{}|{}",
        app.versions.len(),
        app.latest_fingerprint(),
        bangfu_review::stored::application_json(app)
    );
    if let Some(row) = ROWS.with(|r| {
        r.borrow()
            .get(&app.uid)
            .filter(|(k, _)| *k == key)
            .map(|(_, row)| row.clone())
    }) {
        return row;
    }
    let row = overview::row(app, Calendar::shipped(), today);
    ROWS.with(|r| r.borrow_mut().insert(app.uid.clone(), (key, row.clone())));
    row
}

#[component]
pub fn Overview() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let filter_stage = RwSignal::new(String::new());
    let filter_text = RwSignal::new(String::new());
    let overdue_only = RwSignal::new(false);
    let sort = RwSignal::new("number".to_owned());
    let pending_open = RwSignal::new(None::<(handoff::HandOff, handoff::OpenPlan, String)>);
    let dragging = RwSignal::new(false);
    // Open while the township has no name yet; decided once, so typing the name does not close it.
    let settings_open = desk
        .ws
        .with_untracked(|ws| ws.township.name.trim().is_empty());

    let rows = Memo::new(move |_| {
        let today = clock::today();
        let mut rows = desk.ws.with(|ws| {
            ws.applications
                .iter()
                .map(|a| cached_row(a, today))
                .collect::<Vec<_>>()
        });
        let (key, desc) = match sort.get().as_str() {
            "applicant" => (SortKey::Applicant, false),
            "received" => (SortKey::Received, true),
            "stage" => (SortKey::Stage, false),
            "next" => (SortKey::Next, false),
            _ => (SortKey::Number, false),
        };
        overview::sort(&mut rows, key, desc);
        let f = Filter {
            stage: Stage::ALL
                .into_iter()
                .find(|s| s.code() == filter_stage.get()),
            text: filter_text.get(),
            overdue_only: overdue_only.get(),
        };
        rows.into_iter()
            .filter(|r| f.matches(r))
            .collect::<Vec<_>>()
    });
    let total = move || desk.ws.with(|ws| ws.applications.len());

    let on_pick = move |ev: web_sys::Event| receive_files(desk, draft_file::take_picked_files(&ev));
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        receive_files(desk, files);
    };
    let export_list = move |_| {
        let today = clock::today();
        let uids: Vec<String> = rows.with_untracked(|r| r.iter().map(|r| r.uid.clone()).collect());
        let text = desk.ws.with_untracked(|ws| {
            let apps: Vec<&bangfu_review::Application> =
                uids.iter().filter_map(|u| ws.application(u)).collect();
            handoff::write(&ws.township, apps, &clock::now_local())
        });
        let request = crate::io_worker::job(&[
            ("op", "file".into()),
            ("what", "overview_xlsx".into()),
            ("review_json", text.into()),
            ("date", today.to_string().into()),
        ]);
        leptos::task::spawn_local(async move {
            match crate::io_worker::request(request, js_sys::Array::new()).await {
                Ok(reply) => {
                    let bytes = crate::io_worker::bytes(&reply);
                    let name = format!("初审申请一览-{}.xlsx", today.format("%Y%m%d"));
                    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    if draft_file::download(&bytes, mime, &name).is_err() {
                        desk.note(true, "无法开始下载，请换用其他浏览器重试。".into());
                    }
                }
                Err(e) => desk.note(true, format!("一览表未能导出：{e}")),
            }
        });
    };
    let notice_client = crate::pdf_worker::PdfClient::new();
    let batch_start = RwSignal::new(String::new());
    // Every application concluded 拟公示 whose notice has not started: one 公示 for all of them,
    // with the first one's dates.
    let to_publish = move || {
        desk.ws.with(|ws| {
            rows.with(|r| {
                r.iter()
                    .filter(|r| r.stage == Stage::ToPublish)
                    .filter_map(|r| ws.application(&r.uid).cloned())
                    .collect::<Vec<_>>()
            })
        })
    };
    let export_all = move |_| {
        let text = desk.ws.with_untracked(|ws| {
            handoff::write(&ws.township, &ws.applications, &clock::now_local())
        });
        let date = clock::today().format("%Y%m%d").to_string();
        if draft_file::download(
            text.as_bytes(),
            "application/json",
            &format!("审查记录-全部-{date}.json"),
        )
        .is_err()
        {
            desk.note(true, "无法生成审查记录文件，请换用其他浏览器重试。".into());
        }
    };
    let open_review_file = move |ev: web_sys::Event| {
        let Some(file) = draft_file::take_picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let name = file.name();
            let bytes =
                match draft_file::read_bytes(&file, draft_file::MAX_DRAFT_FILE_BYTES * 8.0).await {
                    Ok(b) => b,
                    Err(e) => return desk.note(true, format!("「{name}」未打开：{e}")),
                };
            match handoff::read(&bytes) {
                Ok(file) => {
                    let plan = desk.ws.with_untracked(|ws| handoff::plan(ws, &file));
                    pending_open.set(Some((file, plan, name)));
                }
                Err(e) => desk.note(true, format!("「{name}」未打开，本机记录没有改动：{e}")),
            }
        });
    };
    let confirm_open = move |_| {
        let Some((file, _, name)) = pending_open.get_untracked() else {
            return;
        };
        pending_open.set(None);
        let uids: Vec<String> = file.applications.iter().map(|a| a.uid.clone()).collect();
        let stamp = clock::now_local().replace('T', " ");
        let before = desk.ws.get_untracked();
        let mut opened = None;
        if !desk
            .change(|ws| opened = Some(undo::open(ws, file, &name, &stamp[..16.min(stamp.len())])))
        {
            return;
        }
        let Some(opened) = opened else { return };
        let done = format!(
            "已打开审查记录「{name}」：新增 {} 件，替换 {} 件，相同 {} 件。",
            opened.added.len(),
            opened.replaced.len(),
            uids.len() - opened.added.len() - opened.replaced.len()
        );
        let undo = opened.changes_anything().then_some(opened);
        desk.commit(before, uids, Vec::new(), undo, done, "审查记录文件未能打开");
    };
    let asking_undo = RwSignal::new(false);
    let confirm_undo = move |_| {
        asking_undo.set(false);
        let Some(opened) = desk.opened.get_untracked() else {
            return;
        };
        let before = desk.ws.get_untracked();
        let mut undone = None;
        if !desk.change(|ws| undone = Some(opened.undo(ws))) {
            return;
        }
        let Some(undone) = undone else { return };
        if desk.open.with_untracked(|o| {
            o.as_ref()
                .is_some_and(|u| undone.removed.iter().any(|a| &a.uid == u))
        }) {
            desk.open.set(None);
        }
        desk.commit(
            before,
            undone.restored,
            undone.removed,
            None,
            format!(
                "已撤销打开「{}」：审查记录已恢复为打开前的样子。",
                opened.file_name
            ),
            "未能撤销",
        );
    };
    let township_field =
        move |id: &'static str,
              label: &'static str,
              get: fn(&bangfu_review::Township) -> String,
              set: fn(&mut bangfu_review::Township, String)| {
            view! {
                <Text id=id label=label
                    value=Signal::derive(move || desk.ws.with(|ws| get(&ws.township)))
                    on_input=Callback::new(move |v: String| {
                        if desk.change(|ws| set(&mut ws.township, v)) {
                            desk.save_meta();
                        }
                    }) />
            }
        };

    view! {
        <section class="step" aria-labelledby="ws-title">
            <h2 id="ws-title">"乡镇初审工作区"</h2>
            <p class="lead">"接收申请单位的草稿文件，逐项审查（第八条第（二）项：不少于3人的审查组实地审查），打印审查意见表和公示。"</p>
            <details class="township-settings" open=settings_open>
                <summary>"本乡镇信息（印在公示和书面说明上）"</summary>
                <div class="grid">
                    {township_field("t-name", "苏木乡镇人民政府名称", |t| t.name.clone(), |t, v| t.name = v)}
                    {township_field("t-office", "异议受理单位", |t| t.office.clone(), |t, v| t.office = v)}
                    {township_field("t-address", "地址", |t| t.address.clone(), |t, v| t.address = v)}
                    {township_field("t-phone", "联系电话", |t| t.phone.clone(), |t, v| t.phone = v)}
                    {township_field("t-website", "公示网站", |t| t.website.clone(), |t, v| t.website = v)}
                </div>
            </details>
            <div class="dropzone" class:dragging=move || dragging.get()
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="button" class:disabled=move || desk.locked() for="receive-files">"接收申请材料（草稿文件，可多选）"</label>
                <input id="receive-files" class="visually-hidden" type="file" accept=".json,application/json" multiple on:change=on_pick disabled=move || desk.locked() />
                <span class="hint">"也可以把文件拖到这里。同一份材料不会重复接收；同一统一社会信用代码的新文件作为新版本保存。"</span>
            </div>
            <div class="actions">
                <label class="button secondary" class:disabled=move || desk.locked() for="open-review-file">"打开审查记录文件"</label>
                <input id="open-review-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=open_review_file disabled=move || desk.locked() />
                <button type="button" class="secondary" on:click=export_all disabled=move || total() == 0>"导出全部审查记录"</button>
                <button type="button" class="secondary" on:click=export_list disabled=move || total() == 0>"导出一览（Excel，含第十一条台账项）"</button>
            </div>
            <Show when=move || { to_publish().len() > 1 }>
                <div class="list-tools">
                    <div class="field inline">
                        <label for="batch-notice-start">"合并公示开始日期"</label>
                        <input id="batch-notice-start" type="text" placeholder="如 2026-12-08" prop:value=move || batch_start.get() on:input=move |ev| batch_start.set(event_target_value(&ev)) />
                    </div>
                    <button type="button" disabled=move || notice_client.busy()
                        on:click=move |_| {
                            let start = bangfu_model::text::parse_date(&batch_start.get_untracked()).map(|d| d.to_string()).unwrap_or_default();
                            super::docs::print(desk, notice_client, "notice", "拟认定就业帮扶车间公示", &to_publish(), &[("notice_start", start)]);
                        }>
                        {move || format!("为 {} 件拟公示的申请打印一份公示", to_publish().len())}
                    </button>
                </div>
            </Show>
            <crate::pdf_worker::ProgressView client=notice_client />
            {move || desk.opened.get().filter(|_| !desk.locked()).map(|o| {
                // Worked out when the question is asked, not on every change of the workspace.
                let question = {
                    let o = o.clone();
                    move || {
                        let changed = desk.ws.with_untracked(|ws| o.changed_since(ws));
                        format!(
                            "撤销将删除打开时新增的 {} 件申请，并把替换的 {} 件恢复为打开前的内容。{}确定撤销吗？",
                            o.added.len(),
                            o.replaced.len(),
                            if changed.is_empty() { String::new() } else { format!("以下申请在打开后又有改动，这些改动也会撤回：{}。", changed.join("、")) }
                        )
                    }
                };
                view! {
                    <div class="notice info undo-open" role="status">
                        <p>{format!("{}。如果打开错了，可以撤销，恢复为打开前的审查记录。", o.summary())}</p>
                        <Show when=move || asking_undo.get() fallback=move || view! {
                            <div class="notice-actions">
                                <button type="button" on:click=move |_| asking_undo.set(true)>"撤销这次打开"</button>
                                <button type="button" class="secondary" on:click=move |_| desk.forget_opened()>"保留，不再提示"</button>
                            </div>
                        }>
                            <p id="undo-q" role="alert">{question()}</p>
                            <div class="notice-actions">
                                <button type="button" on:click=confirm_undo>"确定撤销"</button>
                                <button type="button" class="secondary" on:click=move |_| asking_undo.set(false)>"取消"</button>
                            </div>
                        </Show>
                    </div>
                }
            })}
            {move || pending_open.get().map(|(_, plan, name)| view! {
                <div class="notice info" role="alertdialog" aria-labelledby="open-q">
                    <p id="open-q">{format!("打开「{name}」将新增 {} 件申请", plan.added.len())}
                        {(!plan.replaced.is_empty()).then(|| format!("，并用文件中的版本替换本机的 {} 件（{}）", plan.replaced.len(), plan.replaced.join("、")))}
                        "。确定打开吗？打开后可以撤销。"</p>
                    <div class="notice-actions">
                        <button type="button" on:click=confirm_open>"确定打开"</button>
                        <button type="button" class="secondary" on:click=move |_| pending_open.set(None)>"取消"</button>
                    </div>
                </div>
            })}
            <h3>"申请一览"</h3>
            <div class="list-tools">
                <div class="field inline">
                    <label for="filter-stage">"状态"</label>
                    <select id="filter-stage" on:change=move |ev| filter_stage.set(event_target_value(&ev))>
                        <option value="">"全部"</option>
                        {Stage::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field inline">
                    <label for="filter-text">"查找"</label>
                    <input id="filter-text" type="search" placeholder="编号、名称或信用代码" prop:value=move || filter_text.get() on:input=move |ev| filter_text.set(event_target_value(&ev)) />
                </div>
                <div class="field inline">
                    <label for="sort-by">"排序"</label>
                    <select id="sort-by" on:change=move |ev| sort.set(event_target_value(&ev))>
                        <option value="number">"受理编号"</option>
                        <option value="received">"受理日期（新的在前）"</option>
                        <option value="applicant">"经营主体名称"</option>
                        <option value="stage">"状态"</option>
                        <option value="next">"下一期限"</option>
                    </select>
                </div>
                <label class="check"><input type="checkbox" prop:checked=move || overdue_only.get() on:change=move |ev| overdue_only.set(event_target_checked(&ev)) />"只看已逾期"</label>
                <span class="count">{move || format!("共 {} 件，显示 {} 件", total(), rows.with(Vec::len))}</span>
            </div>
            <Show when=move || { total() > 0 } fallback=|| view! { <p class="hint">"还没有接收任何申请。"</p> }>
                <div class="table-wrap" tabindex="0" role="region" aria-label="申请一览">
                    <table class="roster applications">
                        <caption class="visually-hidden">"申请一览"</caption>
                        <thead><tr>
                            <th scope="col">"受理编号"</th><th scope="col">"经营主体名称"</th><th scope="col">"受理日期"</th>
                            <th scope="col">"状态"</th><th scope="col">"系统自评"</th><th scope="col">"审查结论"</th><th scope="col">"下一期限"</th><th scope="col"><span class="visually-hidden">"操作"</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| (r.uid.clone(), format!("{r:?}")) let:r>
                                <tr data-stage=r.stage.code()>
                                    <td data-label="受理编号" class="mono">{r.number.clone()}</td>
                                    <td data-label="经营主体">{r.applicant.clone()}{(r.versions > 1).then(|| view! { <span class="hint">{format!("（第 {} 版）", r.versions)}</span> })}</td>
                                    <td data-label="受理日期">{r.received_on.clone()}</td>
                                    <td data-label="状态">{r.stage.label()}</td>
                                    <td data-label="系统自评" class=r.app_verdict.map_or("standing", |s| s.code())>{r.app_verdict.map_or("无法读取".to_owned(), |s| s.label().to_owned())}</td>
                                    <td data-label="审查结论">{(r.conclusion != bangfu_review::Conclusion::Unspecified).then(|| bangfu_model::Choice::label(r.conclusion))}</td>
                                    <td data-label="下一期限" class:overdue=r.next.as_ref().is_some_and(|n| n.overdue)>{r.next.as_ref().map(|n| {
                                        let mut s = format!("{} {}", n.what, n.date);
                                        if n.overdue { s.push_str("（已逾期）"); }
                                        if !n.unverified.is_empty() { s.push_str("（未核实：尚无该年节假日安排）"); }
                                        s
                                    })}</td>
                                    <td class="row-actions"><button type="button" class="small" on:click={
                                        let uid = r.uid.clone();
                                        move |_| {
                                            desk.open.set(Some(uid.clone()));
                                            if let Some(w) = web_sys::window() { w.scroll_to_with_x_and_y(0.0, 0.0); }
                                        }
                                    } aria-label=format!("审查 {} {}", r.number, r.applicant)>"审查"</button></td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
