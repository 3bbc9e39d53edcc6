//! How long the work one keystroke triggers takes on the page's thread — the re-assessment and
//! the autosave — for the browser benchmark (tests/e2e/keystroke.bench.mjs), which cannot tell
//! them apart from outside. Taken only when the page defines `window.__bangfuTimings` as an array
//! before the app starts (the benchmark does); each measure is pushed there as `[name, ms]`.
//! Otherwise [`measure`] just runs its closure.

use std::cell::OnceCell;

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The array to push to, looked up once.
    static SINK: OnceCell<Option<js_sys::Array>> = const { OnceCell::new() };
}

fn sink() -> Option<js_sys::Array> {
    SINK.with(|s| {
        s.get_or_init(|| {
            let window = web_sys::window()?;
            let value =
                js_sys::Reflect::get(&window, &JsValue::from_str("__bangfuTimings")).ok()?;
            value.dyn_into::<js_sys::Array>().ok()
        })
        .clone()
    })
}

/// Records a count under `name` when timings are asked for (how many rows a keystroke judged
/// again).
pub fn count(name: &str, value: usize) {
    if let Some(sink) = sink() {
        let entry = js_sys::Array::of2(&JsValue::from_str(name), &JsValue::from_f64(value as f64));
        sink.push(&entry);
    }
}

/// Runs `f`, recording its duration under `name` when timings are asked for.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(sink) = sink() else {
        return f();
    };
    let performance = web_sys::window().and_then(|w| w.performance());
    let now = || performance.as_ref().map_or(0.0, web_sys::Performance::now);
    let start = now();
    let out = f();
    let entry = js_sys::Array::of2(&JsValue::from_str(name), &JsValue::from_f64(now() - start));
    sink.push(&entry);
    out
}
