//! 开始之前: on a blank draft, what the app checks, what to have at hand, and the two ways in
//! (import the spreadsheets first, or fill in step by step), with the templates.

use crate::state::{is_empty, AppState, Step};
use crate::steps::import::download_table;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opens the import panel of the employees step once it is on the page.
fn open_import() {
    leptos::prelude::request_animation_frame(|| {
        if let Some(el) = document().query_selector("details.import").ok().flatten() {
            if let Ok(d) = el.dyn_into::<web_sys::HtmlDetailsElement>() {
                d.set_open(true);
                d.scroll_into_view();
            }
        }
    });
}

#[component]
pub fn StartPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let fill_in = move |_| {
        if let Some(el) = document().get_element_by_id("f-applicant-name") {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <Show when=move || state.draft.with(is_empty)>
            <section class="start" aria-labelledby="start-title">
                <h2 id="start-title">"开始之前"</h2>
                <p>
                    "逐条对照第六条、第七条自评，最后生成申请材料。请备好：营业执照、员工花名册、劳动合同或劳务协议、工资表、参保证明。"
                </p>
                <div class="actions">
                    <button type="button" on:click=move |_| { state.go(Step::Employees); open_import(); }>
                        "从表格导入花名册和工资表"
                    </button>
                    <button type="button" class="secondary" on:click=fill_in>"逐项填写"</button>
                </div>
                <p class="hint">
                    "没有现成表格？可下载模板填写："
                    <button type="button" class="link" on:click=move |_| download_table(state, "template_roster_xlsx", None)>"花名册模板"</button>
                    "、"
                    <button type="button" class="link" on:click=move |_| download_table(state, "template_wages_xlsx", None)>"工资表模板"</button>
                </p>
            </section>
        </Show>
    }
}
