//! 制度与声明: written rules and stable operation (第七条第（五）项), the applicant's declarations
//! (第六条, 第七条第（五）项) — the boxes and their words come from the rules'
//! [`bangfu_rules::declarations`] list — the assessment date and the settings the rules show in
//! their explanations.

use crate::bind;
use crate::components::fields::{CheckField, ChoiceField, Kind, TextField};
use crate::state::AppState;
use crate::steps::holidays::HolidaysPanel;
use bangfu_rules::declarations::{self, Group};
use bangfu_rules::path;
use leptos::prelude::*;

/// The boxes of one group, bound to the draft through the rules' getters and setters.
fn boxes(state: AppState, group: Group) -> impl IntoView {
    declarations::in_group(group)
        .map(|b| {
            let get = b.get;
            let set = b.set;
            let value = Signal::derive(move || state.draft.with(get));
            let on_change = Callback::new(move |v: bool| state.edit(|d| set(d, v)));
            let label = match b.criterion {
                Some(c) => format!("{}（{}）", b.label, c.citation()),
                None => b.label.to_owned(),
            };
            view! { <CheckField label=label path=b.path value=value on_change=on_change /> }
        })
        .collect_view()
}

#[component]
pub fn DeclarationsStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (date, set_date) = bind!(state, |d| d.assessment_date);
    let (period, set_period) = bind!(state, |d| d.settings.seasonal_period);
    let (days, set_days) = bind!(state, |d| d.settings.seasonal_min_days);
    let (attendance, set_attendance) = bind!(state, |d| d.settings.attendance_prorating);
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第六步：制度与声明"</h2>
            <fieldset class="editor">
                <legend>"管理制度与经营情况（第七条第（五）项）"</legend>
                {boxes(state, Group::Rules)}
            </fieldset>
            <fieldset class="editor">
                <legend>"申请主体声明"</legend>
                {boxes(state, Group::Declarations)}
            </fieldset>
            <div class="grid">
                <TextField label="自评基准日" path=path::top("assessment_date") value=date on_input=set_date kind=Kind::Date
                    hint="按哪一天的情况自评；留空则为今天" />
            </div>
            // Settings are not the applicant's declarations: folded, with the regulation's default
            // named and a way back to it.
            <details class="advanced">
                <summary>"高级设置（一般不需要改动）"</summary>
                <div class="grid">
                    <ChoiceField label="季节性务工累计期间" path=path::settings("seasonal_period") value=period on_change=set_period
                        hint="第七条第（二）项“年度累计”：默认按评估日所在自然年度" />
                    <TextField label="季节性务工累计天数要求" path=path::settings("seasonal_min_days") value=days on_input=set_days kind=Kind::Number
                        hint="第七条第（二）项：3个月，按90天计（留空即按90天）" />
                </div>
                <CheckField label="请事假等少出勤的月份，最低工资按出勤天数折算（《最低工资规定》第三条；月计薪天数21.75天，劳社部发〔2008〕3号）"
                    path=path::settings("attendance_prorating") value=attendance on_change=set_attendance />
                <button type="button" class="secondary" disabled=move || state.draft.with(|d| d.settings == bangfu_model::Settings::default())
                    on:click=move |_| state.edit_undoable("已恢复默认设置", |d| {
                        let unknown = std::mem::take(&mut d.settings.unknown);
                        d.settings = bangfu_model::Settings { unknown, ..bangfu_model::Settings::default() };
                    })>"恢复默认设置"</button>
                <HolidaysPanel />
            </details>
        </section>
    }
}
