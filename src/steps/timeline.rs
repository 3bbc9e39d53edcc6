//! 认定程序时间表: the latest dates of 第八条's steps from a chosen application date, reckoned in
//! working days by the rules' calendar (shipped holiday schedules plus any the user added).

use crate::clock;
use crate::state::AppState;
use bangfu_model::text::parse_date;
use bangfu_rules::calendar::Calendar;
use bangfu_rules::procedure;
use leptos::prelude::*;

#[component]
pub fn TimelinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let date = RwSignal::new(clock::today().to_string());
    let timeline = Memo::new(move |_| {
        let d = parse_date(&date.get()).ok()?;
        let (cal, _) = state.draft.with(Calendar::for_draft);
        Some(procedure::timeline(d, &cal))
    });
    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title">"认定程序时间表（第八条）"</h3>
            <div class="field inline">
                <label for="application-date">"计划提交申请日期"</label>
                <input id="application-date" type="date" prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
            </div>
            {move || match timeline.get() {
                None => view! { <p class="msg error">"请填写有效的日期"</p> }.into_any(),
                Some(t) => view! {
                    <ol class="steps-list">
                        {t.steps.into_iter().map(|s| view! {
                            <li>
                                <strong>{s.title}</strong>
                                <span class="cite">{format!("（{}）", s.citation)}</span>
                                <span class="dates">{if s.from == s.until { s.from.to_string() } else { format!("{} 至 {}", s.from, s.until) }}</span>
                                <p class="hint">{s.note}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                    <p class="hint">{t.note}</p>
                }.into_any(),
            }}
        </section>
    }
}
