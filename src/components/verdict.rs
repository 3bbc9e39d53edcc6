//! The verdict panel, visible on every step: the overall verdict and one line per criterion,
//! straight from the assessment. Sticky beside the form on wide screens; a summary bar at the
//! bottom on phones that opens into the same list.

use crate::state::{AppState, Step};
use bangfu_rules::{Finding, Status};
use leptos::prelude::*;

/// The mark shown before a status (text, so it reads without colour).
pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::Incomplete => "…",
    }
}

/// The overall heading for a status.
pub fn overall_text(s: Status) -> &'static str {
    match s {
        Status::Met => "自评结果：符合认定条件",
        Status::NotMet => "自评结果：暂不符合认定条件",
        Status::Incomplete => "自评结果：信息不完整，暂无法判断",
    }
}

#[component]
fn CriterionLine(finding: Finding) -> impl IntoView {
    let status = finding.status;
    view! {
        <li
            class=format!("crit {}", status.code())
            data-criterion=finding.criterion.code()
            data-status=status.code()
        >
            <span class="mark" aria-hidden="true">{status_mark(status)}</span>
            <span class="cite">{finding.criterion.citation()}</span>
            <span class="state">{status.label()}</span>
            <span class="why">{finding.summary.clone()}</span>
            {(!finding.shortfall.is_empty()).then(|| view! { <span class="need">{finding.shortfall.clone()}</span> })}
        </li>
    }
}

#[component]
pub fn VerdictPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    // Before anything is typed there is nothing to judge, and nothing to shout about in red.
    let blank = Memo::new(move |_| state.draft.with(crate::state::is_empty));
    let overall = Memo::new(move |_| state.assessment.with(|a| a.overall));
    let met_count = Memo::new(move |_| {
        state.assessment.with(|a| {
            a.findings
                .iter()
                .filter(|f| f.status == Status::Met)
                .count()
        })
    });
    let counts = move || {
        state.assessment.with(|a| {
            format!(
                "务工总人数 {} 人，登记脱贫人口 {} 名，其中符合条件 {} 名",
                a.total_workforce, a.registered, a.qualifying
            )
        })
    };
    view! {
        <aside id="verdict-panel" class="verdict" class:open=move || open.get() aria-label="自评结论">
            <button
                type="button"
                class="verdict-bar"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span
                    class=move || if blank.get() { "overall blank".to_owned() } else { format!("overall {}", overall.get().code()) }
                    data-criterion="overall"
                    data-status=move || overall.get().code()
                >
                    {move || if blank.get() { "自评结果：尚未填写" } else { overall_text(overall.get()) }}
                </span>
                <span class="score">{move || if blank.get() { String::new() } else { format!("{}/6 项符合", met_count.get()) }}</span>
            </button>
            <div class="verdict-body">
                <Show when=move || blank.get()>
                    <p class="counts blank-note">"尚未填写。填写或导入后，这里会逐项显示第六条、第七条各项是否符合、为什么，以及还差什么。"</p>
                </Show>
                <p class="counts" class:hidden=move || blank.get()>{counts}</p>
                <ul class="crit-list" class:hidden=move || blank.get()>
                    {move || {
                        state
                            .assessment
                            .with(|a| a.findings.clone())
                            .into_iter()
                            .map(|f| view! { <CriterionLine finding=f /> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" class="link" on:click=move |_| { open.set(false); state.go(Step::Results) }>
                    "查看完整说明 →"
                </button>
            </div>
        </aside>
    }
}
