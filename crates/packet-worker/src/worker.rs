//! The worker's message loop (wasm only). See the crate doc for the protocol.

use std::cell::{Cell, RefCell};

use bangfu_model::Draft;
use bangfu_packet::{
    build_packet, draft_chars, missing_chars, FontManifest, Fonts, PacketError, PacketOptions,
};
use chrono::NaiveDateTime;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

thread_local! {
    static BUSY: Cell<bool> = const { Cell::new(false) };
    /// Fonts fetched by an earlier job, kept for the next one (the worker lives as long as the
    /// page): a second packet then fetches nothing, or only slices it did not need before.
    static FONTS: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// People in the warm-up's rehearsal packet: enough to lay out every kind of page.
const REHEARSAL_PEOPLE: usize = 3;

/// The fonts in memory: where they came from and which slice files are among them.
struct Loaded {
    base: String,
    manifest: FontManifest,
    fonts: Fonts,
    slices: Vec<String>,
}

/// Milliseconds since the epoch (for the timings reported with `done`).
fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Installs the message handler and says `ready`.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if BUSY.with(Cell::get) {
            post_error("上一份材料仍在生成，请稍候", &[]);
            return;
        }
        BUSY.with(|b| b.set(true));
        wasm_bindgen_futures::spawn_local(async move {
            if let Err((message, missing)) = run(data).await {
                post_error(&message, &missing);
            }
            BUSY.with(|b| b.set(false));
        });
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&obj(&[("type", "ready".into())]));
}

type JobError = (String, Vec<char>);

fn plain(message: impl Into<String>) -> JobError {
    (message.into(), Vec::new())
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn obj(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn post(o: &Object) {
    let _ = scope().post_message(o);
}

fn post_error(message: &str, missing: &[char]) {
    let chars = Array::new();
    for c in missing {
        chars.push(&JsValue::from_str(&c.to_string()));
    }
    post(&obj(&[
        ("type", "error".into()),
        ("message", message.into()),
        ("missing_chars", chars.into()),
    ]));
}

fn post_progress(stage: &str, done: usize, total: usize) {
    // The main thread redraws on each message: a 3,000-employee packet has ~1,900 pages, so
    // pages report only when the whole per cent changes.
    thread_local! {
        static LAST: Cell<(usize, usize)> = const { Cell::new((usize::MAX, 0)) };
    }
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    if stage == "pages" && done != total && LAST.with(Cell::get) == (percent, total) {
        return;
    }
    LAST.with(|l| l.set((percent, total)));
    post(&obj(&[
        ("type", "progress".into()),
        ("stage", stage.into()),
        ("done", JsValue::from_f64(done as f64)),
        ("total", JsValue::from_f64(total as f64)),
    ]));
}

fn field(data: &JsValue, name: &str) -> Option<String> {
    Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

/// Reads the draft: a plain `Draft`, or a saved envelope (migrated forward).
fn read_draft(json: &str) -> Result<Draft, JobError> {
    if json.contains(bangfu_model::envelope::FORMAT) {
        if let Ok(env) = bangfu_model::envelope::read(json) {
            return Ok(env.draft);
        }
    }
    serde_json::from_str(json).map_err(|e| plain(format!("草稿数据无法读取：{e}")))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JobError> {
    bytes_of(url, scope().fetch_with_str(url)).await
}

/// The bytes of a fetch started as `request` (a `fetch()` promise): several font slices are
/// requested at once and read one after the other, so a draft needing many small slices waits
/// for the slowest, not for the sum of their round trips.
async fn bytes_of(url: &str, request: js_sys::Promise) -> Result<Vec<u8>, JobError> {
    let failed = |what: &str| {
        plain(format!(
            "字体文件 {url} 下载失败（{what}），请检查网络后重试"
        ))
    };
    let resp = JsFuture::from(request)
        .await
        .map_err(|_| failed("网络错误"))?;
    let resp: Response = resp.dyn_into().map_err(|_| failed("无响应"))?;
    if !resp.ok() {
        return Err(failed(&format!("HTTP {}", resp.status())));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| failed("读取失败"))?)
        .await
        .map_err(|_| failed("读取失败"))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

async fn run(data: JsValue) -> Result<(), JobError> {
    let now_text = field(&data, "now").ok_or_else(|| plain("缺少 now"))?;
    let now = NaiveDateTime::parse_from_str(&now_text, "%Y-%m-%dT%H:%M:%S")
        .map_err(|_| plain(format!("now 格式应为 YYYY-MM-DDTHH:MM:SS：{now_text}")))?;
    let mut base = field(&data, "font_base").unwrap_or_else(|| "fonts/".into());
    if !base.is_empty() && !base.ends_with('/') {
        base.push('/');
    }
    if let Some(doc) = field(&data, "doc") {
        return run_document(&data, &doc, now, base).await;
    }
    let json = field(&data, "draft_json").ok_or_else(|| plain("缺少 draft_json"))?;
    if field(&data, "warm").is_some() {
        // Fetch the fonts this draft needs and keep them for the packet that follows.
        let mut draft = read_draft(&json)?;
        let loaded = fonts_for(&base, draft_chars(&draft)).await?;
        // A rehearsal on the first few people, thrown away: the browser compiles the layout and
        // PDF code on its first run (≈0.5 s of a first 300-person packet), so that run is here,
        // not after the click.
        draft.employees.truncate(REHEARSAL_PEOPLE);
        let assessment = bangfu_rules::assess(&draft, now.date());
        let _ = build_packet(
            &draft,
            &assessment,
            &loaded.fonts,
            &PacketOptions::china_time(now),
            &mut |_, _| {},
        );
        FONTS.with(|f| *f.borrow_mut() = Some(loaded));
        post(&obj(&[("type", "warm".into())]));
        return Ok(());
    }
    let draft = read_draft(&json)?;

    let t_start = now_ms();
    let loaded = fonts_for(&base, draft_chars(&draft)).await?;
    let result = make(&data, &draft, now, &loaded.fonts, t_start);
    FONTS.with(|f| *f.borrow_mut() = Some(loaded));
    result
}

/// The fonts in memory for `chars`: the core and bold faces (fetched by the first job) and the
/// slices holding characters they lack. Font progress is in bytes (from the manifest), so the
/// page can say 「已下载 1.2 / 2.3 MB」. The caller puts them back into `FONTS` when done.
async fn fonts_for(
    base: &str,
    chars: std::collections::BTreeSet<char>,
) -> Result<Loaded, JobError> {
    let mut loaded = match FONTS.with(|f| f.borrow_mut().take()) {
        Some(l) if l.base == base => l,
        _ => {
            post_progress("fonts", 0, 0);
            let manifest = fetch_manifest(base).await?;
            let total = (manifest.regular.bytes + manifest.bold.bytes) as usize;
            post_progress("fonts", 0, total);
            let regular = fetch_bytes(&format!("{base}{}", manifest.regular.file)).await?;
            post_progress("fonts", manifest.regular.bytes as usize, total);
            let bold = fetch_bytes(&format!("{base}{}", manifest.bold.file)).await?;
            post_progress("fonts", total, total);
            Loaded {
                base: base.to_owned(),
                manifest,
                fonts: Fonts::new(regular, bold).map_err(|e| plain(e.to_string()))?,
                slices: Vec::new(),
            }
        }
    };
    // Only the slices holding characters the faces in memory lack.
    let lacking = loaded.fonts.missing(chars);
    if !lacking.is_empty() {
        let files: Vec<(String, usize)> = loaded
            .manifest
            .slices_for(lacking)
            .into_iter()
            .map(|s| (s.file.clone(), s.bytes as usize))
            .filter(|(f, _)| !loaded.slices.contains(f))
            .collect();
        let total: usize = files.iter().map(|(_, b)| b).sum();
        let mut done = 0;
        post_progress("fonts", done, total);
        let requests: Vec<(String, usize, String, js_sys::Promise)> = files
            .into_iter()
            .map(|(file, expected)| {
                let url = format!("{base}{file}");
                let request = scope().fetch_with_str(&url);
                (file, expected, url, request)
            })
            .collect();
        for (file, bytes_expected, url, request) in requests {
            let bytes = bytes_of(&url, request).await?;
            loaded
                .fonts
                .add_regular(&file, bytes)
                .map_err(|e| plain(e.to_string()))?;
            loaded.slices.push(file);
            done += bytes_expected;
            post_progress("fonts", done, total);
        }
    }
    Ok(loaded)
}

/// One of the township's documents (`doc`: opinion, refusal, notice, submission) about the
/// applications of `review_json` (a review file), dated `today`; the notice's dates in
/// `notice_start` / `notice_end` (optional).
async fn run_document(
    data: &JsValue,
    doc: &str,
    now: NaiveDateTime,
    base: String,
) -> Result<(), JobError> {
    use bangfu_packet::township::request::{prepare, Kind};
    let kind = Kind::from_code(doc).ok_or_else(|| plain(format!("未知的文书：{doc}")))?;
    let json = field(data, "review_json").ok_or_else(|| plain("缺少 review_json"))?;
    let file = bangfu_review::handoff::read(json.as_bytes()).map_err(|e| plain(e.to_string()))?;
    let date = |name: &str| {
        field(data, name).and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
    };
    let today = date("today").unwrap_or(now.date());
    let document =
        prepare(kind, &file, date("notice_start"), date("notice_end"), today).map_err(plain)?;
    let loaded = fonts_for(&base, document.chars()).await?;
    let opts = PacketOptions {
        now,
        utc_offset_minutes: 480,
    };
    let result = document.render(&loaded.fonts, &opts);
    FONTS.with(|f| *f.borrow_mut() = Some(loaded));
    let pdf = result.map_err(|e| match e {
        PacketError::MissingChars(cs) => (PacketError::MissingChars(cs.clone()).to_string(), cs),
        other => plain(other.to_string()),
    })?;
    let array = Uint8Array::from(pdf.as_slice());
    let msg = obj(&[
        ("type", "done".into()),
        ("pdf", array.clone().into()),
        ("pages", JsValue::from_f64(0.0)),
        ("title", document.title().into()),
    ]);
    let transfer = Array::of1(&array.buffer());
    let _ = scope().post_message_with_transfer(&msg, &transfer);
    Ok(())
}

async fn fetch_manifest(base: &str) -> Result<FontManifest, JobError> {
    let bytes = fetch_bytes(&format!("{base}manifest.json")).await?;
    FontManifest::parse(&String::from_utf8_lossy(&bytes)).map_err(|e| plain(e.to_string()))
}

/// Checks the characters, assesses the draft and builds the packet with fonts in memory.
fn make(
    data: &JsValue,
    draft: &Draft,
    now: NaiveDateTime,
    fonts: &Fonts,
    t_start: f64,
) -> Result<(), JobError> {
    let missing = missing_chars(draft, fonts);
    if !missing.is_empty() {
        let message = bangfu_packet::missing_message(draft, &missing);
        return Err((message, missing));
    }

    let t_fonts = now_ms();
    // The date the screen assessed on (sent as `today`); the clock's only when a page did not say.
    let today = field(data, "today")
        .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .unwrap_or(now.date());
    let assessment = bangfu_rules::assess(draft, today);
    let t_assessed = now_ms();
    // Minutes east of UTC; China Standard Time when the page did not say.
    let utc_offset_minutes = Reflect::get(data, &JsValue::from_str("utc_offset_minutes"))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|m| m.is_finite() && m.abs() <= 24.0 * 60.0)
        .map_or(480, |m| m as i32);
    let opts = PacketOptions {
        now,
        utc_offset_minutes,
    };
    let pages = Cell::new(0usize);
    let pdf = build_packet(draft, &assessment, fonts, &opts, &mut |done, total| {
        pages.set(total.saturating_sub(1));
        post_progress("pages", done, total);
    })
    .map_err(|e| match e {
        PacketError::MissingChars(cs) => (bangfu_packet::missing_message(draft, &cs), cs),
        other => plain(other.to_string()),
    })?;

    let t_built = now_ms();
    let array = Uint8Array::from(pdf.as_slice());
    let timings = obj(&[
        ("fonts_ms", JsValue::from_f64(t_fonts - t_start)),
        ("assess_ms", JsValue::from_f64(t_assessed - t_fonts)),
        ("packet_ms", JsValue::from_f64(t_built - t_assessed)),
    ]);
    let msg = obj(&[
        ("type", "done".into()),
        ("pdf", array.clone().into()),
        ("pages", JsValue::from_f64(pages.get() as f64)),
        ("font_bytes", JsValue::from_f64(fonts.total_bytes() as f64)),
        ("timings", timings.into()),
    ]);
    let transfer = Array::of1(&array.buffer());
    let _ = scope().post_message_with_transfer(&msg, &transfer);
    Ok(())
}
