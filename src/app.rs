//! The app shell: header, banners, step navigation, the current step, the verdict panel.

use crate::components::data_panel::DataPanel;
use crate::components::header::Header;
use crate::components::nav::{PrevNext, StepNav};
use crate::components::notices::{Notices, UndoBar};
use crate::components::verdict::VerdictPanel;
use crate::state::AppState;
use crate::steps;
use crate::tabs::Role;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    view! {
        <Header />
        <Notices />
        <StepNav />
        <div class="layout">
            // Nothing can be typed until the stored draft is read, nor while another tab edits it.
            <main id="main" data-role=move || state.role.get().code() inert=move || (state.role.get() != Role::Editor).then_some("")>
                <Show when=move || state.loaded.get() fallback=|| view! {
                    <p class="loading" role="status">"正在读取本机保存的草稿…"</p>
                }>
                    {move || steps::view_of(state.step.get())}
                    <PrevNext />
                </Show>
            </main>
            <VerdictPanel />
        </div>
        <UndoBar />
        <footer class="app-footer"><DataPanel /></footer>
    }
}
