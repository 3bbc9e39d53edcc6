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
pub mod idb;
pub mod io_worker;
pub mod offline;
pub mod packet;
pub mod pdf_worker;
pub mod state;
pub mod steps;
pub mod storage;
pub mod tabs;
pub mod timing;
pub mod township;
pub mod township_loader;
pub mod units;

/// Mounts the app on `<body>`, replacing the loading message of `index.html`, and registers
/// the service worker that keeps the app for offline use.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    offline::register();
    components::data_panel::watch_leaving();
}
