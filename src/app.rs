//! The app shell: the role switch (申请单位自评 / 乡镇初审), then either the applicant's form
//! (header, banners, step navigation, the current step, the verdict panel) or the township's
//! workspace, loaded on first use as its own wasm ([`crate::township_loader`]). The applicant's
//! part stays mounted (hidden) while the township works, so its draft, autosave and tab
//! coordination are exactly as they were; the workspace never touches them.

use crate::components::data_panel::DataPanel;
use crate::components::header::Header;
use crate::components::nav::{PrevNext, StepNav};
use crate::components::notices::{Notices, UndoBar};
use crate::components::verdict::VerdictPanel;
use crate::state::AppState;
use crate::steps;
use crate::tabs::Role;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Where the chosen role is remembered (this browser only).
const ROLE_KEY: &str = "bangfu:role";

/// Who is using the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserRole {
    Applicant,
    Township,
}

fn stored_role() -> UserRole {
    match LocalStorage::raw()
        .get_item(ROLE_KEY)
        .ok()
        .flatten()
        .as_deref()
    {
        Some("township") => UserRole::Township,
        _ => UserRole::Applicant,
    }
}

#[component]
fn RoleSwitch(role: RwSignal<UserRole>) -> impl IntoView {
    let choose = move |r: UserRole| {
        role.set(r);
        let code = if r == UserRole::Township {
            "township"
        } else {
            "applicant"
        };
        let _ = LocalStorage::raw().set_item(ROLE_KEY, code);
    };
    view! {
        <nav class="role-switch" aria-label="使用身份">
            <button type="button" class="secondary" aria-pressed=move || (role.get() == UserRole::Applicant).to_string()
                on:click=move |_| choose(UserRole::Applicant)>"申请单位自评"</button>
            <button type="button" class="secondary" aria-pressed=move || (role.get() == UserRole::Township).to_string()
                on:click=move |_| choose(UserRole::Township)>"乡镇初审"</button>
        </nav>
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let role = RwSignal::new(stored_role());
    let township = move || role.get() == UserRole::Township;
    Effect::new(move |_| {
        if township() {
            crate::township_loader::load();
        }
    });
    view! {
        <RoleSwitch role=role />
        // Before the applicant's part: the first heading on the page is the visible one.
        <Show when=township>
            <header class="app-header township-header"><h1>"帮扶车间认定 · 乡镇初审"</h1></header>
        </Show>
        // The township workspace mounts itself here once loaded (its own wasm, see
        // township_loader); it stays mounted, hidden, when the user switches back.
        <div class="layout township-layout" hidden=move || !township()>
            <div id="township-root">
                <p class="loading" role="status">"正在载入乡镇初审工作区（首次使用需下载约 0.5 MB）…"</p>
            </div>
        </div>
        <div class="applicant-app" hidden=township>
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
        </div>
    }
}
