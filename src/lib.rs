//! The Leptos UI of 帮扶车间自评申报: thin components over `bangfu-model` (the draft) and
//! `bangfu-rules` (the findings). Components read the draft and the assessment from [`state`]
//! and never decide eligibility themselves.
//!
//! Browser-only: everything here is compiled for `wasm32-unknown-unknown` alone, so that host
//! `cargo test` builds just the domain crates.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod clock;
pub mod components;
pub mod draft_file;
pub mod io_worker;
pub mod packet;
pub mod state;
pub mod steps;
pub mod storage;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
