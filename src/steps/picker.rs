//! The "选择员工" select shared by the wage and insurance steps.

use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn EmployeePicker(#[prop(into)] label: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = Memo::new(move |_| {
        state.draft.with(|d| {
            d.employees
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let name = if e.name.trim().is_empty() {
                        "（未填姓名）"
                    } else {
                        e.name.trim()
                    };
                    (
                        e.key,
                        format!("{}. {} {}", i + 1, name, e.poverty_status_label()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="field">
            <label for="employee-picker">{label}</label>
            <select
                id="employee-picker"
                prop:value=move || state.selected.get().map(|k| k.to_string()).unwrap_or_default()
                on:change=move |ev| state.selected.set(event_target_value(&ev).parse().ok())
            >
                <option value="">"请选择员工"</option>
                {move || options.get().into_iter().map(|(k, text)| view! {
                    <option value=k.to_string() selected=move || state.selected.get() == Some(k)>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A short tag for the picker.
trait StatusTag {
    fn poverty_status_label(&self) -> &'static str;
}

impl StatusTag for bangfu_model::Employee {
    fn poverty_status_label(&self) -> &'static str {
        match self.poverty_status {
            bangfu_model::PovertyStatus::Alleviated => "（脱贫人口）",
            bangfu_model::PovertyStatus::Monitored => "（监测对象）",
            _ => "",
        }
    }
}
