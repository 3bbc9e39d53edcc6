//! 工资: the agreed pay day and each person's monthly pay records, 第七条第（三）项.

use crate::bind;
use crate::components::bind_item;
use crate::components::fields::{Kind, TextField};
use crate::components::item_list::ItemList;
use crate::state::AppState;
use crate::steps::employees::EmployeeStanding;
use crate::steps::import::ImportPanel;
use crate::steps::payroll_grid::PayrollGrid;
use crate::steps::picker::EmployeePicker;
use bangfu_model::text::{format_month, parse_month};
use bangfu_model::{Employee, WageMonth};
use bangfu_rules::{path, CriterionId};
use chrono::{Datelike, Months};
use leptos::prelude::*;

fn wages(e: &Employee) -> &Vec<WageMonth> {
    &e.wages
}
fn wages_mut(e: &mut Employee) -> &mut Vec<WageMonth> {
    &mut e.wages
}

/// The month after the person's last wage month, or the month their first stint started.
fn next_month(e: &Employee) -> String {
    let last = e
        .wages
        .iter()
        .filter_map(|w| parse_month(&w.month).ok())
        .max();
    match last {
        Some(m) => m
            .checked_add_months(Months::new(1))
            .map(format_month)
            .unwrap_or_default(),
        None => e
            .stints
            .first()
            .and_then(|s| bangfu_model::text::parse_date(&s.start).ok())
            .and_then(|d| d.with_day(1))
            .map(format_month)
            .unwrap_or_default(),
    }
}

#[component]
pub fn WagesStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (pay_day, set_pay_day) = bind!(state, |d| d.pay_day);
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第四步：工资"</h2>
            <p class="lead">
                {format!("{}：{}", CriterionId::Art7_3.citation(), CriterionId::Art7_3.text())}
            </p>
            <p class="hint">
                "每个工资月份按该月1日施行的标准、车间所在旗县的类别比较；全日制按月、非全日制按小时；少出勤的月份按出勤天数折算。"
            </p>
            <ImportPanel />
            <div class="grid">
                <TextField label="约定发薪日（每月几号发上月工资）" path=path::top("pay_day") value=pay_day on_input=set_pay_day kind=Kind::Number
                    hint="例如 15 表示每月15日前发放上月工资；用于判断是否按时发放" />
            </div>
            <PayrollGrid />
            <details class="per-person">
                <summary>"逐人逐月录入（查看一个人的全部工资月份）"</summary>
                <EmployeePicker label="选择员工" />
                {move || state.selected.get().filter(|k| state.draft.with_untracked(|d| d.employee(*k).is_some())).map(|key| view! { <WageEditor key=key /> })}
            </details>
        </section>
    }
}

#[component]
fn WageEditor(key: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| {
        state
            .draft
            .with(|d| d.employee(key).map_or(0, |e| e.wages.len()))
    });
    let add = move |_| {
        state.edit_employee(key, |e| {
            let month = next_month(e);
            e.wages.push(WageMonth {
                month,
                ..WageMonth::default()
            });
        })
    };
    let name = move || {
        state
            .draft
            .with(|d| d.employee(key).map(|e| e.name.clone()).unwrap_or_default())
    };
    view! {
        <fieldset class="editor" data-editor="wages">
            <legend>{move || format!("工资发放记录：{}", name())}</legend>
            <ItemList key=key count=count editor=|key, i| view! { <WageMonthEditor key=key index=i /> }.into_any() />
            <button type="button" on:click=add>"添加工资月份"</button>
            <EmployeeStanding key=key />
        </fieldset>
    }
}

#[component]
fn WageMonthEditor(key: u32, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let b = |get: fn(&WageMonth) -> &String, get_mut: fn(&mut WageMonth) -> &mut String| {
        bind_item(state, key, index, wages, wages_mut, get, get_mut)
    };
    let (month, set_month) = b(|w| &w.month, |w| &mut w.month);
    let (days, set_days) = b(|w| &w.days_worked, |w| &mut w.days_worked);
    let (hours, set_hours) = b(|w| &w.hours, |w| &mut w.hours);
    let (gross, set_gross) = b(|w| &w.gross, |w| &mut w.gross);
    let (ded, set_ded) = b(|w| &w.deductions, |w| &mut w.deductions);
    let (net, set_net) = b(|w| &w.net, |w| &mut w.net);
    let (paid, set_paid) = b(|w| &w.paid_date, |w| &mut w.paid_date);
    let remove = move |_| {
        let m = month.get_untracked();
        state.edit_undoable(format!("已删除 {m} 的工资记录"), |d| {
            if let Some(e) = d.employee_mut(key) {
                if index < e.wages.len() {
                    e.wages.remove(index);
                }
            }
        })
    };
    view! {
        <fieldset class="sub wage-month">
            <legend>{move || { let m = month.get(); if m.is_empty() { format!("第 {} 条", index + 1) } else { m } }}</legend>
            <div class="grid wage-grid">
                <TextField label="工资月份" path=path::wage(key, index, "month") value=month on_input=set_month kind=Kind::Month />
                <TextField label="出勤天数" path=path::wage(key, index, "days_worked") value=days on_input=set_days kind=Kind::Number />
                <TextField label="工时（非全日制）" path=path::wage(key, index, "hours") value=hours on_input=set_hours kind=Kind::Number />
                <TextField label="应发工资（元）" path=path::wage(key, index, "gross") value=gross on_input=set_gross kind=Kind::Money />
                <TextField label="代扣个人社保（元）" path=path::wage(key, index, "deductions") value=ded on_input=set_ded kind=Kind::Money />
                <TextField label="实发工资（元）" path=path::wage(key, index, "net") value=net on_input=set_net kind=Kind::Money />
                <TextField label="发放日期" path=path::wage(key, index, "paid_date") value=paid on_input=set_paid kind=Kind::Date />
            </div>
            <MonthVerdict key=key month=month />
            <button type="button" class="small danger" on:click=remove>"删除此月"</button>
        </fieldset>
    }
}

/// The rules' check of one wage month, with the minimum-wage standard applied to it
/// (第七条第（三）项), shown under the month's inputs.
#[component]
fn MonthVerdict(key: u32, month: Signal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let check = Memo::new(move |_| {
        let m = parse_month(&month.get()).ok()?;
        state.assessment.with(|a| {
            a.employees
                .iter()
                .find(|e| e.key == key)
                .and_then(|e| e.wage_months.iter().find(|c| c.month == m))
                .cloned()
        })
    });
    move || {
        check.get().map(|c| {
            view! {
                <div class=format!("month-verdict {}", c.status.code()) data-month-status=c.status.code()>
                    <p>{format!("{} {}", crate::components::verdict::status_mark(c.status), c.reason)}</p>
                    <p class="hint">{format!("适用标准：{}", c.standard)}</p>
                </div>
            }
        })
    }
}
