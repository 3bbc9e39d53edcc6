//! The township workspace (乡镇初审) as its own WebAssembly module.
//!
//! The applicant's app (`bangfu`) loads it only when someone switches to 乡镇初审
//! (`bangfu::township_loader`): Trunk builds it like the workers (`data-type="worker"`, no-modules
//! glue `township.js` and `township_bg.wasm`), `web/township-start.js` starts it, and it mounts
//! [`bangfu::township::TownshipApp`] into `#township-root`. It runs its own Leptos runtime: the
//! two share nothing but the page (Leptos attaches event listeners to each element, no global
//! delegation), and the workspace never reads or writes the applicant's draft.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::township::mount();
}
