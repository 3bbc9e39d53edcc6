//! 按月录入工资: the payroll of one month as a grid — one row per employee, the payroll's columns
//! (出勤天数, 工时, 应发, 代扣个人社保, 实发, 发放日期) — typed like a spreadsheet (arrow keys and
//! Enter move between rows), filled by pasting a block copied from Excel or WPS
//! ([`bangfu_io::paste`]), or by 「复制上月」; each row shows the rules' check of that month.

use crate::components::fields::field_id;
use crate::components::pager::Pager;
use crate::state::{AppState, NoticeKind};
use bangfu_io::paste::{self, GRID_COLUMNS};
use bangfu_model::text::{format_month, parse_date, parse_month};
use bangfu_model::{Draft, Employee, WageMonth};
use bangfu_rules::path;
use chrono::{Months, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows of the grid per page (a big workshop pages through its people).
const PAGE_ROWS: usize = 50;

/// The grid's column headings, the field of `WageMonth` each edits, and its path name.
const HEADINGS: [(&str, &str); 6] = [
    ("出勤天数", "days_worked"),
    ("工时（非全日制）", "hours"),
    ("应发工资（元）", "gross"),
    ("代扣个人社保（元）", "deductions"),
    ("实发工资（元）", "net"),
    ("发放日期", "paid_date"),
];

fn field_mut(w: &mut WageMonth, column: usize) -> &mut String {
    match column {
        0 => &mut w.days_worked,
        1 => &mut w.hours,
        2 => &mut w.gross,
        3 => &mut w.deductions,
        4 => &mut w.net,
        _ => &mut w.paid_date,
    }
}

fn field(w: &WageMonth, column: usize) -> &str {
    match column {
        0 => &w.days_worked,
        1 => &w.hours,
        2 => &w.gross,
        3 => &w.deductions,
        4 => &w.net,
        _ => &w.paid_date,
    }
}

/// The index of a person's record for `month`, if they have one.
fn record_index(e: &Employee, month: NaiveDate) -> Option<usize> {
    e.wages
        .iter()
        .position(|w| parse_month(&w.month).ok() == Some(month))
}

/// Writes one cell of `e`: into the month's record, created when the person has none yet.
fn write(e: &mut Employee, month: NaiveDate, column: usize, value: String) {
    let i = match record_index(e, month) {
        Some(i) => i,
        None => {
            if value.trim().is_empty() {
                return;
            }
            e.wages.push(WageMonth {
                month: format_month(month),
                ..WageMonth::default()
            });
            e.wages.len() - 1
        }
    };
    *field_mut(&mut e.wages[i], column) = value;
}

/// The months to offer: every month of the draft, and the twelve before `today`'s, newest first.
fn months(d: &Draft, today: NaiveDate) -> Vec<NaiveDate> {
    // Re-run on every keystroke: each distinct spelling is read once (a roster of 2,000 × 12
    // holds a dozen), not every record's.
    let mut spellings: Vec<&str> = Vec::new();
    for w in d.employees.iter().flat_map(|e| &e.wages) {
        if !spellings.contains(&w.month.as_str()) {
            spellings.push(&w.month);
        }
    }
    let mut out: Vec<NaiveDate> = spellings
        .into_iter()
        .filter_map(|m| parse_month(m).ok())
        .collect();
    let this = bangfu_rules::calendar::month_start(today);
    for i in 0..=12 {
        out.push(bangfu_rules::calendar::add_calendar_months(this, -i));
    }
    bangfu_model::order::sort(&mut out);
    out.dedup();
    out.reverse();
    out
}

/// The month to open: the latest in the draft, else last month.
fn default_month(d: &Draft, today: NaiveDate) -> NaiveDate {
    d.employees
        .iter()
        .flat_map(|e| e.wages.iter().filter_map(|w| parse_month(&w.month).ok()))
        .max()
        .unwrap_or_else(|| {
            bangfu_rules::calendar::add_calendar_months(
                bangfu_rules::calendar::month_start(today),
                -1,
            )
        })
}

fn focus_cell(row: usize, column: usize) {
    if let Some(el) = document().get_element_by_id(&format!("grid-{row}-{column}")) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlInputElement>() {
            let _ = el.focus();
            el.select();
        }
    }
}

#[component]
pub fn PayrollGrid() -> impl IntoView {
    let state = expect_context::<AppState>();
    let month = RwSignal::new(
        state
            .draft
            .with_untracked(|d| default_month(d, state.today.get_untracked())),
    );
    let page = RwSignal::new(0usize);
    let options = Memo::new(move |_| state.draft.with(|d| months(d, state.today.get())));
    // Everyone on the roster with a name or an ID, in roster order. A keystroke in a wage cell
    // changes the draft but not this list: the previous list is kept (checked in place, nothing
    // copied) instead of rebuilding every name to compare.
    let people = Memo::new_owning(move |previous: Option<Vec<(u32, String)>>| {
        state.draft.with(|d| {
            let listed = || {
                d.employees
                    .iter()
                    .filter(|e| !e.name.trim().is_empty() || !e.id_number.trim().is_empty())
            };
            if let Some(previous) = previous {
                let mut again = listed();
                let same = previous.len() == listed().count()
                    && previous.iter().all(|(key, name)| {
                        again
                            .next()
                            .is_some_and(|e| e.key == *key && e.name.trim() == name)
                    });
                if same {
                    return (previous, false);
                }
            }
            let fresh = listed()
                .map(|e| (e.key, e.name.trim().to_owned()))
                .collect::<Vec<_>>();
            (fresh, true)
        })
    });
    let pages = move || people.with(|p| p.len().div_ceil(PAGE_ROWS).max(1));
    let visible = move || {
        people.with(|p| {
            p.iter()
                .skip(page.get().min(pages() - 1) * PAGE_ROWS)
                .take(PAGE_ROWS)
                .cloned()
                .enumerate()
                .collect::<Vec<_>>()
        })
    };
    let copy_previous = move |_| {
        let m = month.get_untracked();
        let Some(prev) = m.checked_sub_months(Months::new(1)) else {
            return;
        };
        let mut copied = 0;
        state.edit_undoable(format!("已按上月填入 {}", format_month(m)), |d| {
            for e in &mut d.employees {
                let has = e
                    .wages
                    .iter()
                    .any(|w| parse_month(&w.month).ok() == Some(m));
                let Some(src) = e
                    .wages
                    .iter()
                    .find(|w| parse_month(&w.month).ok() == Some(prev))
                    .cloned()
                else {
                    continue;
                };
                if has {
                    continue;
                }
                // The pay date moves on a month with the month; one that does not read stays blank.
                let paid = parse_date(&src.paid_date)
                    .ok()
                    .and_then(|p| p.checked_add_months(Months::new(1)))
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                e.wages.push(WageMonth {
                    month: format_month(m),
                    paid_date: paid,
                    ..src
                });
                copied += 1;
            }
        });
        if copied == 0 {
            state.undo.set(None);
            state.notify(
                NoticeKind::Info,
                format!(
                    "上月（{}）没有可复制的工资记录，或本月已都有记录。",
                    format_month(prev)
                ),
                None,
            );
        }
    };
    let on_paste = move |row: usize, column: usize, ev: web_sys::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|c| c.get_data("text/plain").ok())
        else {
            return;
        };
        if !paste::is_block(&text) {
            return;
        }
        ev.prevent_default();
        let keys: Vec<u32> = visible().into_iter().map(|(_, (k, _))| k).collect();
        let m = month.get_untracked();
        let pasted = state
            .draft
            .with_untracked(|d| paste::paste(d, &keys, row, column, &text));
        let n = pasted.cells.len();
        state.edit_undoable(
            format!("已粘贴 {n} 个单元格（{}）", format_month(m)),
            |d| {
                for c in pasted.cells {
                    if let Some(e) = d.employee_mut(c.key) {
                        write(e, m, c.column, c.value);
                    }
                }
            },
        );
        if !pasted.skipped.is_empty() {
            state.notify(
                NoticeKind::Info,
                format!("以下行没有粘贴：{}", pasted.skipped.join("；")),
                None,
            );
        }
    };
    view! {
        <section class="payroll-grid" aria-labelledby="grid-title">
            <h3 id="grid-title">"按月录入工资"</h3>
            <p class="hint">"一行一人。可从 Excel 或 WPS 复制整块数据后粘贴到任一格（带不带表头均可，按姓名或身份证号对应到人）；方向键 ↑↓ 或回车换行。"</p>
            <div class="list-tools">
                <div class="field inline">
                    <label for="grid-month">"工资月份"</label>
                    <select id="grid-month" on:change=move |ev| {
                        if let Ok(m) = parse_month(&event_target_value(&ev)) { month.set(m); }
                    }>
                        {move || options.get().into_iter().map(|m| {
                            let code = format_month(m);
                            view! { <option value=code.clone() selected=move || month.get() == m>{bangfu_rules::calendar::cn_month(m)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="secondary" on:click=copy_previous>"复制上月"</button>
            </div>
            <div class="table-wrap">
                <table class="grid-table">
                    <thead>
                        <tr>
                            <th scope="col">"姓名"</th>
                            {HEADINGS.iter().map(|(h, _)| view! { <th scope="col">{*h}</th> }).collect_view()}
                            <th scope="col">"核查"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=visible key=|(i, (k, n))| (*i, *k, n.clone()) children=move |(row, (key, name))| {
                            let shown = if name.is_empty() { "（未填姓名）".to_owned() } else { name.clone() };
                            // What this row shows, worked out once per change of the draft or
                            // the month: the record and the rules' message for each of its
                            // cells. The cells read these, not the whole draft, so a keystroke
                            // re-runs a few memos per row instead of every cell's effects (with
                            // hundreds of cells subscribed to the draft, unsubscribing and
                            // resubscribing them all was most of a keystroke's time).
                            let record = Memo::new(move |_| state.draft.with(|d| {
                                let m = month.get();
                                d.employee(key).and_then(|e| record_index(e, m).map(|i| (i, e.wages[i].clone())))
                            }));
                            let messages = Memo::new(move |_| {
                                let Some(i) = record.with(|r| r.as_ref().map(|(i, _)| *i)) else {
                                    return vec![None; GRID_COLUMNS.len()];
                                };
                                state.assessment.with(|a| {
                                    HEADINGS.iter().map(|(_, name)| {
                                        a.errors_at(&path::wage(key, i, name)).next().map(|e| (e.message.clone(), e.warning))
                                    }).collect::<Vec<_>>()
                                })
                            });
                            let cells = (0..GRID_COLUMNS.len()).map(|column| {
                                let label = format!("{shown} {}", HEADINGS[column].0);
                                let value = move || record.with(|r| r.as_ref().map(|(_, w)| field(w, column).to_owned()).unwrap_or_default());
                                // The rules' message for this cell, when there is one.
                                let message = move || messages.with(|m| m.get(column).cloned().flatten());
                                let invalid = move || message().is_some_and(|(_, w)| !w);
                                let width = match HEADINGS[column].1 { "days_worked" | "hours" => "short", "paid_date" => "date", _ => "" };
                                view! {
                                    <td class=width>
                                        <input id=format!("grid-{row}-{column}") type="text" autocomplete="off"
                                            inputmode=if column == 5 { "text" } else { "decimal" }
                                            aria-label=label
                                            aria-invalid=move || if invalid() { "true" } else { "false" }
                                            class:invalid=invalid
                                            title=move || message().map(|(m, _)| m).unwrap_or_default()
                                            prop:value=value
                                            on:input=move |ev| {
                                                let v = event_target_value(&ev);
                                                let m = month.get_untracked();
                                                state.edit_employee(key, |e| write(e, m, column, v));
                                            }
                                            on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                                                "ArrowDown" | "Enter" => { ev.prevent_default(); focus_cell(row + 1, column); }
                                                "ArrowUp" if row > 0 => { ev.prevent_default(); focus_cell(row - 1, column); }
                                                _ => {}
                                            }
                                            on:paste=move |ev: web_sys::ClipboardEvent| on_paste(row, column, ev)
                                        />
                                    </td>
                                }
                            }).collect_view();
                            let verdict = Memo::new(move |_| state.assessment.with(|a| {
                                a.employees.iter().find(|e| e.key == key).and_then(|e| {
                                    e.wage_months.iter().find(|c| c.month == month.get()).map(|c| (c.status, c.reason.clone()))
                                })
                            }));
                            let verdict = move || verdict.get();
                            view! {
                                <tr data-key=key>
                                    <th scope="row" class="name">
                                        <a href=format!("#{}", field_id(&path::employee(key, "name"))) on:click=move |ev| {
                                            ev.prevent_default();
                                            state.selected.set(Some(key));
                                        }>{shown.clone()}</a>
                                    </th>
                                    {cells}
                                    <td class=move || format!("verdict {}", verdict().map_or("", |(s, _)| s.code()))
                                        data-month-status=move || verdict().map_or("", |(s, _)| s.code())>
                                        {move || verdict().map(|(s, r)| format!("{} {}", crate::components::verdict::status_mark(s), r.split_once('：').map_or(r.as_str(), |(_, x)| x)))}
                                    </td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
            </div>
            <Pager page=page pages=Signal::derive(pages) />
        </section>
    }
}
