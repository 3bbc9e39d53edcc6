//! Labelled inputs of the review forms: each has a visible `<label>`, shows the review's
//! problems for its field under it, and is read-only while the workspace is ([`super::Locked`]).

use bangfu_model::Choice;
use leptos::prelude::*;

/// The messages under a field (blocking ones as errors, the others as warnings).
#[component]
pub fn FieldMessages(id: String, msgs: Signal<Vec<(String, bool)>>) -> impl IntoView {
    view! {
        <div class="msgs" id=id aria-live="polite">
            {move || msgs.get().into_iter().map(|(m, blocking)| view! {
                <p class="msg" class:error=blocking class:warn=!blocking>{m}</p>
            }).collect_view()}
        </div>
    }
}

/// Whether the workspace is read-only here (false outside the workspace).
fn locked() -> Signal<bool> {
    use_context::<super::Locked>().map_or_else(|| Signal::derive(|| false), |l| l.0)
}

/// A text input (or a textarea when `lines > 1`).
#[component]
pub fn Text(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional, into)] msgs: Option<Signal<Vec<(String, bool)>>>,
    #[prop(optional)] lines: u32,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let msgs = msgs.unwrap_or_else(|| Signal::derive(Vec::new));
    let msg_id = format!("{id}-msg");
    let invalid = move || msgs.with(|m| m.iter().any(|(_, b)| *b));
    let locked = locked();
    let input = if lines > 1 {
        view! {
            <textarea id=id.clone() rows=lines placeholder=placeholder aria-describedby=msg_id.clone()
                readonly=move || locked.get()
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" placeholder=placeholder aria-describedby=msg_id.clone()
                readonly=move || locked.get()
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field" class:wide=wide class:invalid=invalid>
            <label for=id>{label}</label>
            {input}
            <FieldMessages id=msg_id msgs=msgs />
        </div>
    }
}

/// A select over a fixed list. Only the translation between the enum and its codes is generic;
/// the field is [`code_select`], compiled once for all the lists (as the applicant's
/// `ChoiceField`).
#[component]
pub fn Select<T: Choice + Send + Sync>(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<T>,
    on_change: Callback<T>,
    #[prop(optional, into)] msgs: Option<Signal<Vec<(String, bool)>>>,
) -> impl IntoView {
    let c = crate::components::fields::ByCode::of(value, on_change);
    let msgs = msgs.unwrap_or_else(|| Signal::derive(Vec::new));
    code_select(id, label, c.options, c.value, c.on_change, msgs)
}

/// The `<select>` of a [`Select`], over `(code, label)` options.
fn code_select(
    id: String,
    label: String,
    options: Vec<(&'static str, &'static str)>,
    value: Signal<&'static str>,
    on_change: Callback<String, bool>,
    msgs: Signal<Vec<(String, bool)>>,
) -> AnyView {
    let msg_id = format!("{id}-msg");
    let invalid = move || msgs.with(|m| m.iter().any(|(_, b)| *b));
    let locked = locked();
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            <select id=id aria-describedby=msg_id.clone() disabled=move || locked.get()
                on:change=move |ev| {
                    on_change.run(event_target_value(&ev));
                }>
                {options.into_iter().map(|(code, text)| {
                    view! { <option value=code selected=move || value.get() == code>{text}</option> }
                }).collect_view()}
            </select>
            <FieldMessages id=msg_id msgs=msgs />
        </div>
    }
    .into_any()
}
