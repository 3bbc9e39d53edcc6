//! 制度与声明: written rules and stable operation (第七条第（五）项), the applicant's declarations
//! (第六条, 第七条第（五）项), the assessment date and the settings the rules show in their
//! explanations.

use crate::bind;
use crate::components::fields::{CheckField, ChoiceField, Kind, TextField};
use crate::state::AppState;
use crate::steps::holidays::HolidaysPanel;
use bangfu_rules::path;
use leptos::prelude::*;

#[component]
pub fn DeclarationsStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (safety, set_safety) = bind!(state, |d| d.rules.safety);
    let (discipline, set_discipline) = bind!(state, |d| d.rules.labour_discipline);
    let (management, set_management) = bind!(state, |d| d.rules.workshop_management);
    let (stable, set_stable) = bind!(state, |d| d.rules.stable_operation);
    let (lawful, set_lawful) = bind!(state, |d| d.declarations.lawful_operation);
    let (social, set_social) = bind!(state, |d| d.declarations.social_responsibility);
    let (illegal, set_illegal) = bind!(state, |d| d.declarations.no_illegal_activity);
    let (pollution, set_pollution) = bind!(state, |d| d.declarations.no_pollution);
    let (harmful, set_harmful) = bind!(state, |d| d.declarations.no_harmful_activity);
    let (truthful, set_truthful) = bind!(state, |d| d.declarations.materials_true);
    let (date, set_date) = bind!(state, |d| d.assessment_date);
    let (period, set_period) = bind!(state, |d| d.settings.seasonal_period);
    let days = Signal::derive(move || {
        state
            .draft
            .with(|d| d.settings.seasonal_min_days.to_string())
    });
    let days_error = RwSignal::new(None::<String>);
    let set_days = move |ev| {
        let v = event_target_value(&ev);
        match bangfu_model::text::normalize(&v).parse::<u32>() {
            Ok(n) if (1..=366).contains(&n) => {
                days_error.set(None);
                state.edit(|d| d.settings.seasonal_min_days = n);
            }
            _ => days_error.set(Some("请填写1到366之间的天数".to_owned())),
        }
    };
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第六步：制度与声明"</h2>
            <fieldset class="editor">
                <legend>"管理制度与经营情况（第七条第（五）项）"</legend>
                <CheckField label="已建立安全生产制度（书面）" path=path::top("rules.safety") value=safety on_change=set_safety />
                <CheckField label="已建立劳动纪律制度（书面）" path=path::top("rules.labour_discipline") value=discipline on_change=set_discipline />
                <CheckField label="已建立车间管理制度（书面）" path=path::top("rules.workshop_management") value=management on_change=set_management />
                <CheckField label="生产经营稳定" path=path::top("rules.stable_operation") value=stable on_change=set_stable />
            </fieldset>
            <fieldset class="editor">
                <legend>"申请主体声明"</legend>
                <CheckField label="本主体依法注册、合法经营（第六条）" path=path::top("declarations.lawful_operation") value=lawful on_change=set_lawful />
                <CheckField label="本主体履行社会责任（第六条）" path=path::top("declarations.social_responsibility") value=social on_change=set_social />
                <CheckField label="未从事违法生产经营活动" path=path::top("declarations.no_illegal_activity") value=illegal on_change=set_illegal />
                <CheckField label="未从事污染环境的生产经营活动" path=path::top("declarations.no_pollution") value=pollution on_change=set_pollution />
                <CheckField label="未从事对人体身心健康有害的生产经营活动" path=path::top("declarations.no_harmful_activity") value=harmful on_change=set_harmful />
                <CheckField label="所填信息和所附材料真实、完整" path=path::top("declarations.materials_true") value=truthful on_change=set_truthful />
            </fieldset>
            <fieldset class="editor">
                <legend>"自评设置"</legend>
                <div class="grid">
                    <TextField label="自评基准日" path=path::top("assessment_date") value=date on_input=set_date kind=Kind::Date
                        hint="按哪一天的情况自评；留空则为今天" />
                    <ChoiceField label="季节性务工累计期间" path=path::top("settings.seasonal_period") value=period on_change=set_period />
                    <div class="field">
                        <label for="f-settings-seasonal_min_days">"季节性务工累计天数要求"</label>
                        <input id="f-settings-seasonal_min_days" type="text" inputmode="numeric"
                            prop:value=move || days.get() on:change=set_days />
                        <p class="hint">"第七条第（二）项“年度累计用工时间须达到3个月”，默认按90天计"</p>
                        {move || days_error.get().map(|e| view! { <p class="msg error">{e}</p> })}
                    </div>
                </div>
            </fieldset>
            <HolidaysPanel />
        </section>
    }
}
