//! The editors of one employee's list items (stints, insurance periods, wage months), one per
//! index, kept when items are added or removed at the end.

use leptos::prelude::*;

/// `count` editors, the one at `index` built by `editor(key, index)`. A plain function (not a
/// closure) so that every list shares one compiled `<For>`: each instance of Leptos's `<For>` is
/// ≈ 4 KB of the page's WebAssembly.
#[component]
pub fn ItemList(
    key: u32,
    #[prop(into)] count: Signal<usize>,
    editor: fn(u32, usize) -> AnyView,
) -> impl IntoView {
    view! { <For each=move || 0..count.get() key=|i| *i children=move |i| editor(key, i) /> }
}
