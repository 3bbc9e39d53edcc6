//! 上一页 / 第 x / n 页 / 下一页, for the lists that page through a big roster.

use leptos::prelude::*;

/// Shown only when there is more than one page; `page` is 0-based.
#[component]
pub fn Pager(page: RwSignal<usize>, #[prop(into)] pages: Signal<usize>) -> impl IntoView {
    view! {
        <Show when=move || { pages.get() > 1 }>
            <div class="pager">
                <button type="button" class="secondary" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"上一页"</button>
                <span>{move || format!("第 {} / {} 页", page.get().min(pages.get() - 1) + 1, pages.get())}</span>
                <button type="button" class="secondary" disabled=move || page.get() + 1 >= pages.get() on:click=move |_| page.update(|p| *p += 1)>"下一页"</button>
            </div>
        </Show>
    }
}
