//! 员工: the roster. A searchable, paged list with each person's standing from the rules, and an
//! editor for one person at a time (personal data, poverty status, how wages are paid, one or more
//! stints of employment with their agreements), 第七条第（一）（二）项.

use crate::bind_emp;
use crate::components::bind_item;
use crate::components::fields::{ChoiceField, Kind, TextField};
use crate::components::item_list::ItemList;
use crate::components::pager::Pager;
use crate::state::AppState;
use crate::steps::import::{ImportPanel, TablesPanel};
use bangfu_model::{Choice, Employee, Stint};
use bangfu_rules::{path, CriterionId};
use leptos::prelude::*;
use std::collections::HashMap;

/// Rows per page of the roster list: enough for most workshops on one page, few enough for an
/// old phone to render instantly.
pub const PAGE_SIZE: usize = 50;

/// One row of the roster list.
#[derive(Clone, PartialEq)]
struct Row {
    key: u32,
    n: usize,
    name: String,
    id_number: String,
    status: String,
    form: String,
}

#[component]
pub fn EmployeesStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let rows = Memo::new(move |_| {
        let q = query.get();
        let q = q.trim();
        state.draft.with(|d| {
            d.employees
                .iter()
                .enumerate()
                .filter(|(_, e)| q.is_empty() || e.name.contains(q) || e.id_number.contains(q))
                .map(|(i, e)| Row {
                    key: e.key,
                    n: i + 1,
                    name: e.name.clone(),
                    id_number: e.id_number.clone(),
                    status: if e.poverty_status == bangfu_model::PovertyStatus::Unspecified {
                        String::new()
                    } else {
                        e.poverty_status.label().to_owned()
                    },
                    form: e
                        .stints
                        .first()
                        .filter(|s| s.employment_form != bangfu_model::EmploymentForm::Unspecified)
                        .map(|s| s.employment_form.label().to_owned())
                        .unwrap_or_default(),
                })
                .collect::<Vec<_>>()
        })
    });
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1));
    // Each person's one-line standing, exactly as the rules word it.
    let standing = Memo::new(move |_| {
        state.assessment.with(|a| {
            a.employees
                .iter()
                .map(|e| (e.key, (e.standing.code(), e.standing.text.clone())))
                .collect::<HashMap<_, _>>()
        })
    });
    let add = move |_| {
        let mut key = 0;
        state.edit(|d| key = d.add_employee());
        state.selected.set(Some(key));
        query.set(String::new());
        page.set(pages().saturating_sub(1));
        // Focus the new person's name, so typing can start at once.
        leptos::prelude::request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("f-employee-{key}-name")) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    let visible = move || {
        rows.with(|r| {
            let start = page.get().min(pages() - 1) * PAGE_SIZE;
            r.iter()
                .skip(start)
                .take(PAGE_SIZE)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第三步：员工"</h2>
            <p class="lead">
                {format!("{}：{}", CriterionId::Art7_1.citation(), CriterionId::Art7_1.text())}
            </p>
            <p class="lead">
                {format!("{}：{}", CriterionId::Art7_2.citation(), CriterionId::Art7_2.text())}
            </p>
            <ImportPanel />
            <TablesPanel />
            <div class="list-tools">
                <button type="button" on:click=add>"添加员工"</button>
                <div class="field inline">
                    <label for="employee-search">"查找员工"</label>
                    <input id="employee-search" type="search" placeholder="姓名或身份证号"
                        prop:value=move || query.get()
                        on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); } />
                </div>
                <span class="count">{move || format!("共 {} 人", state.draft.with(|d| d.employees.len()))}</span>
            </div>
            <div class="table-wrap">
                <table class="roster">
                    <thead>
                        <tr><th>"序号"</th><th>"姓名"</th><th>"身份证号"</th><th>"人员类别"</th><th>"用工形式"</th><th>"自评"</th><th>"操作"</th></tr>
                    </thead>
                    <tbody>
                        <For each=visible key=|r| (r.key, r.n, r.name.clone(), r.id_number.clone(), r.status.clone(), r.form.clone()) children=move |r| {
                            let key = r.key;
                            let name = r.name.clone();
                            let shown = if r.name.is_empty() { "（未填姓名）".to_owned() } else { r.name.clone() };
                            let selected = move || state.selected.get() == Some(key);
                            let st = move || standing.with(|s| s.get(&key).cloned().unwrap_or(("other", std::sync::Arc::from(""))));
                            let remove = move |_| {
                                let label = if name.trim().is_empty() { "已删除一名员工".to_owned() } else { format!("已删除员工「{}」", name.trim()) };
                                state.edit_undoable(label, |d| d.employees.retain(|e| e.key != key));
                                if state.selected.get_untracked() == Some(key) {
                                    state.selected.set(None);
                                }
                            };
                            view! {
                                <tr class:selected=selected data-key=key>
                                    <td data-label="序号">{r.n}</td>
                                    <td class="name" data-label="姓名">{shown.clone()}</td>
                                    <td class="mono" data-label="身份证号">{r.id_number.clone()}</td>
                                    <td data-label="人员类别">{r.status.clone()}</td>
                                    <td data-label="用工形式">{r.form.clone()}</td>
                                    <td class=move || format!("standing {}", st().0) data-label="自评" data-standing=move || st().0>{move || st().1.to_string()}</td>
                                    <td class="row-actions">
                                        <button type="button" class="small" aria-label=format!("编辑{shown}") on:click=move |_| state.selected.set(Some(key))>"编辑"</button>
                                        <button type="button" class="small danger" aria-label=format!("删除{shown}") on:click=remove>"删除"</button>
                                    </td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
            </div>
            <Pager page=page pages=Signal::derive(pages) />
            {move || state.selected.get().filter(|k| state.draft.with_untracked(|d| d.employee(*k).is_some())).map(|key| view! { <EmployeeEditor key=key /> })}
        </section>
    }
}

/// The rules' view of one person, shown under their editor.
#[component]
pub fn EmployeeStanding(key: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let finding = Memo::new(move |_| {
        state
            .assessment
            .with(|a| a.employees.iter().find(|e| e.key == key).cloned())
    });
    move || {
        finding.get().map(|f| {
            let head = f.standing.text.to_string();
            view! {
                <div class="standing-box" data-employee-standing=key data-standing=f.standing.code()>
                    <p class="head">{head}</p>
                    <ul>
                        {f.problems.iter().map(|p| view! { <li class="not-met">{p.clone()}</li> }).collect_view()}
                        {f.checks.iter().map(|(c, s, why)| view! {
                            <li class=s.code()>{format!("{}：{}", c.citation(), why)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn EmployeeEditor(key: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (name, set_name) = bind_emp!(state, key, |e| e.name);
    let (id_number, set_id) = bind_emp!(state, key, |e| e.id_number);
    let (status, set_status) = bind_emp!(state, key, |e| e.poverty_status);
    let (phone, set_phone) = bind_emp!(state, key, |e| e.phone);
    let (post, set_post) = bind_emp!(state, key, |e| e.post);
    let (home, set_home) = bind_emp!(state, key, |e| e.household_address);
    let (pay_method, set_pay_method) = bind_emp!(state, key, |e| e.pay_method);
    let (account, set_account) = bind_emp!(state, key, |e| e.bank_account);
    let stint_count = Memo::new(move |_| {
        state
            .draft
            .with(|d| d.employee(key).map_or(0, |e| e.stints.len()))
    });
    let add_stint = move |_| state.edit_employee(key, |e| e.stints.push(Stint::default()));
    let title = move || {
        name.with(|n| {
            if n.trim().is_empty() {
                "编辑员工".to_owned()
            } else {
                format!("编辑员工：{}", n.trim())
            }
        })
    };
    view! {
        <fieldset class="editor" data-editor="employee">
            <legend>{title}</legend>
            <div class="grid">
                <TextField label="姓名" path=path::employee(key, "name") value=name on_input=set_name />
                <TextField label="身份证号" path=path::employee(key, "id_number") value=id_number on_input=set_id
                    hint="18位居民身份证号码，末位可为X" />
                <ChoiceField label="人员类别" path=path::employee(key, "poverty_status") value=status on_change=set_status
                    hint="脱贫人口和监测对象都计入第七条第（一）项" />
                <TextField label="联系电话" path=path::employee(key, "phone") value=phone on_input=set_phone kind=Kind::Tel />
                <TextField label="岗位" path=path::employee(key, "post") value=post on_input=set_post />
                <TextField label="户籍地" path=path::employee(key, "household_address") value=home on_input=set_home />
                <ChoiceField label="工资发放方式" path=path::employee(key, "pay_method") value=pay_method on_change=set_pay_method />
                <TextField label="银行卡号" path=path::employee(key, "bank_account") value=account on_input=set_account
                    kind=Kind::Digits hint="银行代发时填写，用于工资发放明细表" />
            </div>
            <ItemList key=key count=stint_count editor=|key, i| view! { <StintEditor key=key index=i /> }.into_any() />
            <button type="button" class="secondary" on:click=add_stint>"添加一段用工（如季节性返岗）"</button>
            <EmployeeStanding key=key />
        </fieldset>
    }
}

fn stints(e: &Employee) -> &Vec<Stint> {
    &e.stints
}
fn stints_mut(e: &mut Employee) -> &mut Vec<Stint> {
    &mut e.stints
}

#[component]
fn StintEditor(key: u32, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (form, set_form) = bind_item(
        state,
        key,
        index,
        stints,
        stints_mut,
        |s| &s.employment_form,
        |s| &mut s.employment_form,
    );
    let (agreement, set_agreement) = bind_item(
        state,
        key,
        index,
        stints,
        stints_mut,
        |s| &s.agreement_type,
        |s| &mut s.agreement_type,
    );
    let (start, set_start) = bind_item(
        state,
        key,
        index,
        stints,
        stints_mut,
        |s| &s.start,
        |s| &mut s.start,
    );
    let (end, set_end) = bind_item(
        state,
        key,
        index,
        stints,
        stints_mut,
        |s| &s.end,
        |s| &mut s.end,
    );
    let (leave, set_leave) = bind_item(
        state,
        key,
        index,
        stints,
        stints_mut,
        |s| &s.leave_date,
        |s| &mut s.leave_date,
    );
    let remove = move |_| {
        state.edit_undoable(format!("已删除第 {} 段用工", index + 1), |d| {
            if let Some(e) = d.employee_mut(key) {
                if index < e.stints.len() {
                    e.stints.remove(index);
                }
            }
        })
    };
    let many = move || {
        state
            .draft
            .with(|d| d.employee(key).is_some_and(|e| e.stints.len() > 1))
    };
    view! {
        <fieldset class="sub">
            <legend>{format!("第 {} 段用工", index + 1)}</legend>
            <div class="grid">
                <ChoiceField label="用工形式" path=path::stint(key, index, "employment_form") value=form on_change=set_form />
                <ChoiceField label="协议类型" path=path::stint(key, index, "agreement_type") value=agreement on_change=set_agreement />
                <TextField label="协议起始日期（入职日期）" path=path::stint(key, index, "start") value=start on_input=set_start kind=Kind::Date />
                <TextField label="协议终止日期" path=path::stint(key, index, "end") value=end on_input=set_end kind=Kind::Date
                    hint="无固定期限的留空" />
                <TextField label="离职日期" path=path::stint(key, index, "leave_date") value=leave on_input=set_leave kind=Kind::Date
                    hint="仍在职的留空" />
            </div>
            <Show when=many>
                <button type="button" class="small danger" on:click=remove>"删除此段用工"</button>
            </Show>
        </fieldset>
    }
}
