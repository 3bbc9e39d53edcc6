//! Shared pieces of the UI shell: labelled fields, the header with draft-file actions, banners,
//! the step navigation and the verdict panel.

pub mod data_panel;
pub mod fields;
pub mod header;
pub mod item_list;
pub mod nav;
pub mod notices;
pub mod pager;
pub mod verdict;

/// Binds a place in the draft to a field: `bind!(state, |d| d.applicant.name)` gives the
/// `(Signal<T>, Callback<T>)` pair that reads it and writes it.
#[macro_export]
macro_rules! bind {
    ($state:expr, |$d:ident| $place:expr) => {{
        let st: $crate::state::AppState = $state;
        (
            ::leptos::prelude::Signal::derive(move || st.draft.with(|$d| $place.clone())),
            ::leptos::prelude::Callback::new(move |v| st.edit(|$d| $place = v)),
        )
    }};
}

/// Binds a field of one employee (by key): `bind_emp!(state, key, |e| e.name)`. Reads give the
/// default value when the employee is gone (e.g. just removed); writes to a gone one do nothing.
#[macro_export]
macro_rules! bind_emp {
    ($state:expr, $key:expr, |$e:ident| $place:expr) => {{
        let st: $crate::state::AppState = $state;
        let key: u32 = $key;
        (
            ::leptos::prelude::Signal::derive(move || {
                st.draft
                    .with(|d| d.employee(key).map(|$e| $place.clone()).unwrap_or_default())
            }),
            ::leptos::prelude::Callback::new(move |v| st.edit_employee(key, |$e| $place = v)),
        )
    }};
}

use crate::state::AppState;
use bangfu_model::Employee;
use leptos::prelude::*;

/// Binds field `get`/`get_mut` of item `index` of one of an employee's lists (stints, insurance
/// periods, wage months). Reads give the default when the item is gone; writes to a gone item do
/// nothing.
pub fn bind_item<I, T>(
    state: AppState,
    key: u32,
    index: usize,
    list: fn(&Employee) -> &Vec<I>,
    list_mut: fn(&mut Employee) -> &mut Vec<I>,
    get: fn(&I) -> &T,
    get_mut: fn(&mut I) -> &mut T,
) -> (Signal<T>, Callback<T>)
where
    I: 'static,
    T: Clone + Default + Send + Sync + 'static,
{
    (
        Signal::derive(move || {
            state.draft.with(|d| {
                d.employee(key)
                    .and_then(|e| list(e).get(index))
                    .map(|item| get(item).clone())
                    .unwrap_or_default()
            })
        }),
        Callback::new(move |v: T| {
            state.edit_employee(key, |e| {
                if let Some(item) = list_mut(e).get_mut(index) {
                    *get_mut(item) = v;
                }
            })
        }),
    )
}
