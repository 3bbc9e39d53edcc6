//! Loads the township workspace (乡镇初审) the first time someone switches to it: its own
//! wasm (crate `bangfu-township-app`), so the applicant's first page load does not carry it.
//! Two same-origin scripts, in order: the no-modules glue `township.js` (defines
//! `wasm_bindgen`), then `township-start.js`, which compiles the module; the module mounts the
//! workspace into `#township-root`.

use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Adds the scripts once; later calls do nothing.
pub fn load() {
    if STARTED.with(Cell::get) {
        return;
    }
    STARTED.with(|s| s.set(true));
    let document = leptos::prelude::document();
    let Some(head) = document.head() else { return };
    for src in ["./township.js", "./township-start.js"] {
        let Ok(el) = document.create_element("script") else {
            return;
        };
        let script: web_sys::HtmlScriptElement = el.unchecked_into();
        script.set_src(src);
        // Dynamically added scripts run as soon as they arrive unless told to keep order.
        script.set_async(false);
        let _ = head.append_child(&script);
    }
}
