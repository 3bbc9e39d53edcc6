//! 参保: work-injury or accident insurance periods per person, 第七条第（四）项.

use crate::components::bind_item;
use crate::components::fields::{ChoiceField, Kind, TextField};
use crate::components::item_list::ItemList;
use crate::state::AppState;
use crate::steps::employees::EmployeeStanding;
use crate::steps::picker::EmployeePicker;
use bangfu_model::{Employee, InsurancePeriod};
use bangfu_rules::{path, CriterionId};
use leptos::prelude::*;

fn periods(e: &Employee) -> &Vec<InsurancePeriod> {
    &e.insurance
}
fn periods_mut(e: &mut Employee) -> &mut Vec<InsurancePeriod> {
    &mut e.insurance
}

#[component]
pub fn InsuranceStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let overview = move || {
        state.assessment.with(|a| {
            a.finding(CriterionId::Art7_4)
                .map(|f| f.people.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第五步：参保"</h2>
            <p class="lead">
                {format!("{}：{}", CriterionId::Art7_4.citation(), CriterionId::Art7_4.text())}
            </p>
            <p class="hint">"参保期间须覆盖整个用工期间。"
            </p>
            <ul class="people-status">
                {move || overview().into_iter().map(|p| {
                    let key = p.key;
                    view! {
                        <li class=p.status.code()>
                            <button type="button" class="link" on:click=move |_| state.selected.set(Some(key))>{p.reason.clone()}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <EmployeePicker label="选择员工" />
            {move || state.selected.get().filter(|k| state.draft.with_untracked(|d| d.employee(*k).is_some())).map(|key| view! { <InsuranceEditor key=key /> })}
        </section>
    }
}

#[component]
fn InsuranceEditor(key: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| {
        state
            .draft
            .with(|d| d.employee(key).map_or(0, |e| e.insurance.len()))
    });
    let add = move |_| state.edit_employee(key, |e| e.insurance.push(InsurancePeriod::default()));
    let name = move || {
        state
            .draft
            .with(|d| d.employee(key).map(|e| e.name.clone()).unwrap_or_default())
    };
    view! {
        <fieldset class="editor" data-editor="insurance">
            <legend>{move || format!("参保记录：{}", name())}</legend>
            <ItemList key=key count=count editor=|key, i| view! { <PeriodEditor key=key index=i /> }.into_any() />
            <button type="button" on:click=add>"添加参保记录"</button>
            <EmployeeStanding key=key />
        </fieldset>
    }
}

#[component]
fn PeriodEditor(key: u32, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (kind, set_kind) = bind_item(
        state,
        key,
        index,
        periods,
        periods_mut,
        |p| &p.kind,
        |p| &mut p.kind,
    );
    let (start, set_start) = bind_item(
        state,
        key,
        index,
        periods,
        periods_mut,
        |p| &p.start,
        |p| &mut p.start,
    );
    let (end, set_end) = bind_item(
        state,
        key,
        index,
        periods,
        periods_mut,
        |p| &p.end,
        |p| &mut p.end,
    );
    let remove = move |_| {
        state.edit_undoable("已删除一条参保记录", |d| {
            if let Some(e) = d.employee_mut(key) {
                if index < e.insurance.len() {
                    e.insurance.remove(index);
                }
            }
        })
    };
    view! {
        <fieldset class="sub">
            <legend>{format!("参保记录 {}", index + 1)}</legend>
            <div class="grid">
                <ChoiceField label="参保类型" path=path::insurance(key, index, "kind") value=kind on_change=set_kind />
                <TextField label="参保起始日期" path=path::insurance(key, index, "start") value=start on_input=set_start kind=Kind::Date />
                <TextField label="参保终止日期" path=path::insurance(key, index, "end") value=end on_input=set_end kind=Kind::Date hint="仍在保的留空" />
            </div>
            <button type="button" class="small danger" on:click=remove>"删除此条"</button>
        </fieldset>
    }
}
