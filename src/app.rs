//! The app shell: header, banners, step navigation, the current step, the verdict panel.

use crate::components::header::Header;
use crate::components::nav::{PrevNext, StepNav};
use crate::components::notices::{Notices, UndoBar};
use crate::components::verdict::VerdictPanel;
use crate::state::AppState;
use crate::steps;
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
            <main id="main">
                {move || steps::view_of(state.step.get())}
                <PrevNext />
            </main>
            <VerdictPanel />
        </div>
        <UndoBar />
    }
}
