//! 帮扶车间自评申报: the browser entry point. On the host this binary does nothing; the UI is
//! compiled for `wasm32-unknown-unknown` only (see `lib.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    bangfu::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
