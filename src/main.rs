//! 帮扶车间自评申报: the browser entry point. On the host this binary does nothing; the UI is
//! compiled for `wasm32-unknown-unknown` only.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <h1>"帮扶车间自评申报"</h1> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
