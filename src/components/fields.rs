//! Labelled inputs that show the rules' messages for their field.
//!
//! Each input has a visible `<label>`, carries its field path as `data-field`, and shows the
//! `FieldError`s of the current assessment with that path. A message is hidden while the user is
//! typing in the field and shown once they leave it, so a half-typed ID number is not shouted at.

use crate::state::AppState;
use bangfu_model::Choice;
use leptos::prelude::*;

/// A DOM id derived from a field path (`employee.3.id_number` → `f-employee-3-id_number`).
pub fn field_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The kind of value a text field holds; decides the input type and keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Text,
    /// A date, typed as text in any common spelling (kept as typed), with a calendar button.
    Date,
    /// A month `YYYY-MM`, likewise.
    Month,
    Money,
    Number,
    /// Digits people group with spaces (a 银行卡号): the numeric keypad, but a text input, so the
    /// grouping spaces and leading zeros are kept as typed.
    Digits,
    Tel,
}

/// `YYYY-MM-DD` and a real date: what the date picker can show. Anything else (2026-02-30, a
/// date as typed) stays visible in a text input with its message, never an empty picker.
fn is_canonical_date(v: &str) -> bool {
    bangfu_model::text::parse_iso_date(v).is_ok()
}

fn is_canonical_month(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
}

/// The messages for one field path, from the current assessment.
pub fn messages(state: AppState, path: String) -> Memo<Vec<(String, bool)>> {
    Memo::new(move |_| {
        state.assessment.with(|a| {
            a.errors_at(&path)
                .map(|e| (e.message.clone(), e.warning))
                .collect()
        })
    })
}

/// The messages of one field, under it (hidden while `shown` is false, i.e. while typing).
#[component]
pub fn Messages(
    id: String,
    msgs: Memo<Vec<(String, bool)>>,
    shown: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="msgs" id=id aria-live="polite">
            <Show when=move || shown.get()>
                {move || {
                    msgs.get()
                        .into_iter()
                        .map(|(m, warning)| {
                            view! {
                                <p class=if warning { "msg warn" } else { "msg error" }>{m}</p>
                            }
                        })
                        .collect_view()
                }}
            </Show>
        </div>
    }
}

/// A labelled text input bound to a string in the draft.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] kind: Kind,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = field_id(&path);
    let msg_id = format!("{id}-msg");
    let msgs = messages(state, path.clone());
    let shown = RwSignal::new(true);
    // Dates and months are typed as text, so that 2018/5/16, 20180516 or 2018年5月16日 are kept as
    // typed (a date input drops them); a calendar is one button away, and the date read is said
    // under the field.
    let input_type = match kind {
        Kind::Tel => "tel",
        _ => "text",
    };
    let inputmode = match kind {
        Kind::Money | Kind::Number => Some("decimal"),
        Kind::Digits => Some("numeric"),
        Kind::Tel => Some("tel"),
        _ => None,
    };
    let placeholder = placeholder.or(match kind {
        Kind::Date => Some("如 2026-03-01 或 2026年3月1日".to_owned()),
        Kind::Month => Some("如 2026-03".to_owned()),
        Kind::Money => Some("元".to_owned()),
        _ => None,
    });
    let read_as = move || -> Option<String> {
        let v = value.get();
        if v.trim().is_empty() {
            return None;
        }
        match kind {
            Kind::Date => bangfu_model::text::parse_date(&v)
                .ok()
                .filter(|_| !is_canonical_date(v.trim()))
                .map(|d| format!("识别为 {}", bangfu_rules::calendar::cn(d))),
            Kind::Month => bangfu_model::text::parse_month(&v)
                .ok()
                .filter(|_| !is_canonical_month(v.trim()))
                .map(|d| format!("识别为 {}", bangfu_rules::calendar::cn_month(d))),
            _ => None,
        }
    };
    let picker = matches!(kind, Kind::Date | Kind::Month).then(|| {
        let picker_id = format!("{id}-picker");
        let picker_type = if kind == Kind::Date { "date" } else { "month" };
        // Named 「日历」 and described by the field's label: a screen reader says which date it
        // picks, and the field's label names the text input alone.
        let described_by = format!("{id}-label");
        let open_id = picker_id.clone();
        let open = move |_| {
            if let Some(el) = document().get_element_by_id(&open_id) {
                use wasm_bindgen::JsCast;
                if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                    // showPicker where the browser has it, else focus (older browsers open the
                    // calendar on focus or show their own button).
                    let shown = js_sys::Reflect::get(&input, &"showPicker".into())
                        .ok()
                        .filter(|f| f.is_function())
                        .map(|f| {
                            js_sys::Function::from(f)
                                .call0(&input)
                                .is_ok()
                        })
                        .unwrap_or(false);
                    if !shown {
                        let _ = input.focus();
                    }
                }
            }
        };
        let picked = move |ev: web_sys::Event| {
            let v = event_target_value(&ev);
            if !v.is_empty() {
                on_input.run(v);
                shown.set(true);
            }
        };
        view! {
            <button type="button" class="picker" aria-describedby=described_by on:click=open>"日历"</button>
            <input id=picker_id class="picker-input" type=picker_type tabindex="-1" aria-hidden="true"
                prop:value=move || value.with(|v| {
                    let ok = if kind == Kind::Date { is_canonical_date(v) } else { is_canonical_month(v) };
                    if ok { v.clone() } else { String::new() }
                })
                on:change=picked />
        }
    });
    let invalid = move || shown.get() && msgs.with(|m| m.iter().any(|(_, w)| !w));
    let with_picker = picker.is_some();
    view! {
        <div class="field" class:wide=wide class:invalid=invalid class:with-picker=with_picker>
            <label id=format!("{id}-label") for=id.clone()>{label.clone()}</label>
            <div class="input-row">
                <input
                    id=id
                    type=input_type
                    inputmode=inputmode
                    placeholder=placeholder
                    data-field=path
                    autocomplete="off"
                    aria-describedby=msg_id.clone()
                    aria-invalid=move || if invalid() { "true" } else { "false" }
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        shown.set(false);
                        on_input.run(event_target_value(&ev));
                    }
                    on:change=move |_| shown.set(true)
                    on:blur=move |_| shown.set(true)
                />
                {picker}
            </div>
            {move || read_as().map(|r| view! { <p class="hint read-as">{r}</p> })}
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <Messages id=msg_id msgs=msgs shown=shown />
        </div>
    }
}

/// `employee.<key>.<rest>` → `(key, rest)`.
fn employee_field(path: &str) -> Option<(u32, &str)> {
    let rest = path.strip_prefix("employee.")?;
    let (key, field) = rest.split_once('.')?;
    Some((key.parse().ok()?, field))
}

/// Whether the value at `path` is an import's guess the user has not confirmed.
fn is_guess(state: AppState, path: &str) -> bool {
    employee_field(path).is_some_and(|(key, field)| {
        state.draft.with(|d| {
            d.employee(key)
                .is_some_and(|e| e.guesses.iter().any(|g| g.field == field))
        })
    })
}

/// Forgets the guess at `path`: the user confirmed or changed the value.
fn confirm_guess(state: AppState, path: &str) {
    if let Some((key, field)) = employee_field(path) {
        if state.draft.with_untracked(|d| {
            d.employee(key)
                .is_some_and(|e| e.guesses.iter().any(|g| g.field == field))
        }) {
            state.edit_employee(key, |e| e.guesses.retain(|g| g.field != field));
        }
    }
}

/// A labelled `<select>` over a [`Choice`] enum. A value an import guessed carries the rules'
/// note and a 「确认」 button until the user confirms or changes it.
///
/// Only the translation between the enum and its codes is generic; the field itself is
/// [`choice_select`], compiled once for all the enums (≈ 300 bytes of WebAssembly per enum
/// instead of ≈ 1 KB).
#[component]
pub fn ChoiceField<T: Choice + Send + Sync>(
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    #[prop(into)] value: Signal<T>,
    on_change: Callback<T>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let c = ByCode::of(value, on_change);
    choice_select(label, path, c.options, c.value, c.on_change, hint)
}

/// A [`Choice`] field in terms of its codes, which is what lets a select be compiled once for
/// all enums (here and in the township workspace).
pub struct ByCode {
    /// `(code, label)` of every variant, `Unspecified` first.
    pub options: Vec<(&'static str, &'static str)>,
    /// The chosen variant's code.
    pub value: Signal<&'static str>,
    /// Takes a chosen code; true when the enum knows it.
    pub on_change: Callback<String, bool>,
}

impl ByCode {
    pub fn of<T: Choice + Send + Sync>(value: Signal<T>, on_change: Callback<T>) -> ByCode {
        ByCode {
            options: T::ALL.iter().map(|v| (v.code(), v.label())).collect(),
            value: Signal::derive(move || value.get().code()),
            on_change: Callback::new(move |code: String| match T::from_code(&code) {
                Some(v) => {
                    on_change.run(v);
                    true
                }
                None => false,
            }),
        }
    }
}

/// The `<select>` of a [`ChoiceField`], over `(code, label)` options; `on_change` says whether
/// the chosen code was taken.
fn choice_select(
    label: String,
    path: String,
    options: Vec<(&'static str, &'static str)>,
    value: Signal<&'static str>,
    on_change: Callback<String, bool>,
    hint: Option<String>,
) -> AnyView {
    let state = expect_context::<AppState>();
    let id = field_id(&path);
    let msg_id = format!("{id}-msg");
    let msgs = messages(state, path.clone());
    let shown = RwSignal::new(true);
    let label_for_button = label.clone();
    let guess_path = path.clone();
    let guessed = Signal::derive(move || is_guess(state, &guess_path));
    let confirm_path = path.clone();
    let change_path = path.clone();
    let options = options
        .into_iter()
        .map(|(code, text)| {
            view! {
                <option value=code selected=move || value.get() == code>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                data-field=path
                aria-describedby=msg_id.clone()
                prop:value=move || value.get()
                on:change=move |ev| {
                    if on_change.run(event_target_value(&ev)) {
                        confirm_guess(state, &change_path);
                    }
                }
            >
                {options}
            </select>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <Messages id=msg_id msgs=msgs shown=shown />
            <Show when=move || guessed.get()>
                <button type="button" class="small secondary" data-confirm-guess=confirm_path.clone()
                    on:click={
                        let p = confirm_path.clone();
                        move |_| confirm_guess(state, &p)
                    }>
                    {format!("确认{label_for_button}")}
                </button>
            </Show>
        </div>
    }
    .into_any()
}

/// A labelled checkbox bound to a bool in the draft.
#[component]
pub fn CheckField(
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    #[prop(into)] value: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = field_id(&path);
    let msg_id = format!("{id}-msg");
    let msgs = messages(state, path.clone());
    let shown = RwSignal::new(true);
    view! {
        <div class="check">
            <input
                type="checkbox"
                id=id.clone()
                data-field=path
                aria-describedby=msg_id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
            <Messages id=msg_id msgs=msgs shown=shown />
        </div>
    }
}
