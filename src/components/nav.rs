//! Step navigation: a row of numbered steps (scrolls sideways on phones) and previous/next.

use crate::clock;
use crate::state::{AppState, SaveStatus, Step};
use leptos::prelude::*;

#[component]
pub fn StepNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <nav class="steps" aria-label="填报步骤">
            <ol>
                {Step::ALL
                    .into_iter()
                    .map(|s| {
                        let current = move || state.step.get() == s;
                        view! {
                            <li>
                                <a
                                    href=format!("#{}", s.slug())
                                    class:current=current
                                    aria-current=move || if current() { Some("step") } else { None }
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        state.go(s);
                                    }
                                >
                                    <span class="num">{s.index() + 1}</span>
                                    {s.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

#[component]
pub fn PrevNext() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prev = move || {
        state
            .step
            .get()
            .index()
            .checked_sub(1)
            .map(|i| Step::ALL[i])
    };
    let next = move || Step::ALL.get(state.step.get().index() + 1).copied();
    // The save state again beside the buttons: working low on a long page, the header is out of
    // sight.
    let saved = move || match state.save_status.get() {
        SaveStatus::Saved(at) => format!("已自动保存 {}", clock::time_of(&at)),
        SaveStatus::Pending | SaveStatus::Saving => "正在保存…".into(),
        SaveStatus::Failed(_) | SaveStatus::Blocked => "草稿未能保存（见页面顶部）".into(),
        SaveStatus::Idle => String::new(),
    };
    view! {
        <p class="save-status-repeat" aria-hidden="true">{saved}</p>
        <div class="prev-next">
            {move || prev().map(|s| view! {
                <button type="button" class="secondary" on:click=move |_| state.go(s)>
                    {format!("上一步：{}", s.label())}
                </button>
            })}
            {move || next().map(|s| view! {
                <button type="button" on:click=move |_| state.go(s)>
                    {format!("下一步：{}", s.label())}
                </button>
            })}
        </div>
    }
}
