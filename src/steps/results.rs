//! 自评结果: every finding in full (citation, actual vs required, shortfall, method, missing
//! inputs, per-person notes), the per-employee table and the earliest date of qualifying.

use crate::components::verdict::{overall_text, status_mark};
use crate::packet::PacketPanel;
use crate::state::AppState;
use crate::steps::timeline::TimelinePanel;
use bangfu_rules::{Finding, Status};
use leptos::prelude::*;

#[component]
fn FindingCard(finding: Finding) -> impl IntoView {
    let s = finding.status;
    let row = |label: &'static str, value: String| {
        (!value.is_empty())
            .then(|| view! { <div class="kv"><dt>{label}</dt><dd>{value}</dd></div> })
    };
    view! {
        <article class=format!("finding {}", s.code()) data-criterion=finding.criterion.code() data-status=s.code()>
            <h3>
                <span class="mark" aria-hidden="true">{status_mark(s)}</span>
                {format!("{} {}", finding.criterion.citation(), finding.criterion.title())}
                <span class="state">{s.label()}</span>
            </h3>
            <p class="explanation">{finding.explanation.clone()}</p>
            <p class="summary">{finding.summary.clone()}</p>
            <dl>
                {row("实际情况", finding.actual.clone())}
                {row("认定要求", finding.required.clone())}
                {row("还需", finding.shortfall.clone())}
            </dl>
            <details class="method">
                <summary>"判断方法和依据"</summary>
                <p class="quote">{format!("条文：{}", finding.criterion.text())}</p>
                <p>{finding.method.clone()}</p>
            </details>
            {(!finding.missing.is_empty()).then(|| view! {
                <div class="missing"><p>"缺少或无法识别的信息："</p>
                    <ul>{finding.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
            {(!finding.people.is_empty()).then(|| view! {
                <details open=finding.people.len() <= 20>
                    <summary>{format!("逐人说明（{} 人）", finding.people.len())}</summary>
                    <ul class="people">
                        {finding.people.iter().map(|p| view! { <li class=p.status.code()>{p.reason.clone()}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </article>
    }
}

#[component]
pub fn ResultsStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第七步：自评结果"</h2>
            <div class=move || format!("overall-box {}", a.with(|a| a.overall.code()))
                data-criterion="overall" data-status=move || a.with(|a| a.overall.code())>
                <p class="big">{move || overall_text(a.with(|a| a.overall))}</p>
                <p>{move || a.with(|a| format!(
                    "自评基准日 {}：务工总人数 {} 人；登记的脱贫人口（含监测对象）{} 名，其中符合第七条第（二）至（四）项、计入人数的 {} 名。",
                    bangfu_rules::calendar::cn(a.date), a.total_workforce, a.registered, a.qualifying))}</p>
                {move || a.with(|a| match (a.overall, a.earliest_qualifying_date) {
                    (Status::Met, _) => None,
                    (_, Some(d)) => Some(view! { <p class="when">{format!("若其他情况不变，最早可于{}符合全部认定条件。", bangfu_rules::calendar::cn(d))}</p> }),
                    _ => None,
                })}
            </div>
            <div class="findings">
                {move || a.with(|a| a.findings.clone()).into_iter().map(|f| view! { <FindingCard finding=f /> }).collect_view()}
            </div>
            <PacketPanel />
            <TimelinePanel />
            <h3>"逐人情况"</h3>
            <div class="table-wrap">
                <table class="roster">
                    <thead><tr><th>"姓名"</th><th>"是否计入及原因"</th><th>"累计就业月数"</th><th>"计入务工总人数"</th></tr></thead>
                    <tbody>
                        {move || a.with(|a| a.employees.iter().map(|e| {
                            let s = &e.standing;
                            view! {
                                <tr data-key=e.key data-standing=s.code()>
                                    <td>{e.name.clone()}</td>
                                    <td class=format!("standing {}", s.code())>{s.text.to_string()}</td>
                                    <td>{e.months_employed.map(|m| m.to_string()).unwrap_or_default()}</td>
                                    <td>{if s.in_workforce { "是" } else { "否" }}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
