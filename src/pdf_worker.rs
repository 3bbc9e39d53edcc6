//! The packet worker as the pages use it: started on the first job (or a warm-up), sent one job
//! at a time, its progress and result in a signal. The applicant's 申请材料 and the township's
//! documents both go through it (protocol in the `bangfu-packet-worker` crate docs).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The worker script Trunk emits for `data-type="worker" data-loader-shim`.
const WORKER_URL: &str = "./packet-worker_loader.js";
/// Where the fonts are, relative to the worker script.
pub const FONT_BASE: &str = "fonts/";

#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    Idle,
    /// Loading the worker (first time only).
    Starting,
    Fonts {
        done: u32,
        total: u32,
    },
    Pages {
        done: u32,
        total: u32,
    },
    Done {
        url: String,
        pages: u32,
        bytes: u32,
        file_name: String,
        /// From the click to the finished file.
        seconds: f64,
        /// The worker's own split, for the benchmark: `fonts_ms assess_ms packet_ms`.
        timings: String,
    },
    Failed {
        message: String,
        missing: Vec<String>,
    },
}

/// The worker, once started: whether it has said it is ready, the job it is on, and the jobs
/// waiting (it takes one at a time).
struct Worker {
    worker: web_sys::Worker,
    ready: bool,
    /// A job was sent and has not been answered; `Some(true)` for a warm-up.
    in_flight: Option<bool>,
    /// Jobs to send once it is free, each with whether it is a warm-up.
    queue: std::collections::VecDeque<(JsValue, bool)>,
}

impl Worker {
    /// Sends the next job when the worker is ready and free.
    fn pump(&mut self) {
        if !self.ready || self.in_flight.is_some() {
            return;
        }
        if let Some((job, warm)) = self.queue.pop_front() {
            self.in_flight = Some(warm);
            let _ = self.worker.post_message(&job);
        }
    }

    /// Whether the user's own job is the one under way (its progress and errors are shown; a
    /// warm-up's are not).
    fn on_users_job(&self) -> bool {
        self.in_flight == Some(false)
    }
}

fn field(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn num(obj: &JsValue, name: &str) -> u32 {
    field(obj, name).as_f64().map_or(0, |f| f as u32)
}

/// One page's handle on the worker.
#[derive(Clone, Copy)]
pub struct PdfClient {
    pub progress: RwSignal<Progress>,
    worker: StoredValue<Option<Worker>, LocalStorage>,
    file_name: StoredValue<String>,
    /// When the current job was started (ms since the epoch).
    started_at: StoredValue<f64>,
    /// The button to name when the worker cannot be loaded.
    retry: StoredValue<&'static str>,
}

impl PdfClient {
    pub fn new() -> PdfClient {
        PdfClient {
            progress: RwSignal::new(Progress::Idle),
            worker: StoredValue::new_local(None),
            file_name: StoredValue::new(String::new()),
            started_at: StoredValue::new(0.0),
            retry: StoredValue::new(""),
        }
    }

    /// Whether a job is running.
    pub fn busy(&self) -> bool {
        matches!(
            self.progress.get(),
            Progress::Starting | Progress::Fonts { .. } | Progress::Pages { .. }
        )
    }

    /// Sends a job (see the worker's protocol); the finished PDF is offered as `file_name`.
    /// `retry` names the button, for the message when the worker cannot be loaded.
    /// `clicked_at` (`Date.now()` when the user asked) starts the 「用时」 the result states:
    /// preparing the job (the whole draft as JSON) is part of the wait too.
    pub fn run(&self, job: JsValue, name: String, retry: &'static str, clicked_at: f64) {
        if let Progress::Done { url, .. } = self.progress.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        self.started_at.set_value(clicked_at);
        self.file_name.set_value(name);
        self.retry.set_value(retry);
        let started = self.start();
        if self.worker.with_value(Option::is_none) {
            // No worker in this browser: `start` said so.
            return;
        }
        if started {
            self.progress.set(Progress::Starting);
        } else {
            let warming = self
                .worker
                .with_value(|w| w.as_ref().is_some_and(|w| w.in_flight == Some(true)));
            self.progress.set(if warming {
                Progress::Fonts { done: 0, total: 0 }
            } else {
                Progress::Pages { done: 0, total: 0 }
            });
        }
        self.worker.update_value(|w| {
            if let Some(w) = w {
                w.queue.push_back((job, false));
                w.pump();
            }
        });
    }

    /// Gets the worker and the fonts ready for a job like `job` without showing anything: the
    /// worker is downloaded and started, and the fonts the draft needs are fetched into it
    /// (the worker's `warm` job), so that 生成申请材料 then only lays out pages. Nothing is done
    /// while the worker is busy or has jobs waiting.
    pub fn warm(&self, job: JsValue) {
        self.start();
        self.worker.update_value(|w| {
            if let Some(w) = w {
                if w.in_flight.is_none() && w.queue.is_empty() {
                    w.queue.push_back((job, true));
                    w.pump();
                }
            }
        });
    }

    /// Starts the worker unless it runs; says whether it was started now.
    fn start(&self) -> bool {
        if self.worker.with_value(Option::is_some) {
            return false;
        }
        let PdfClient {
            progress,
            worker,
            file_name,
            started_at,
            retry,
        } = *self;
        let on_message = move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let kind = field(&data, "type").as_string();
            let mut users = false;
            worker.update_value(|w| {
                if let Some(w) = w {
                    users = w.on_users_job();
                    match kind.as_deref() {
                        Some("ready") => w.ready = true,
                        Some("done" | "error" | "warm") => w.in_flight = None,
                        _ => {}
                    }
                }
            });
            match kind.as_deref() {
                Some("progress") if users => {
                    let (done, total) = (num(&data, "done"), num(&data, "total"));
                    progress.set(match field(&data, "stage").as_string().as_deref() {
                        Some("fonts") => Progress::Fonts { done, total },
                        _ => Progress::Pages { done, total },
                    });
                }
                Some("done") => {
                    let pdf = field(&data, "pdf");
                    let array = js_sys::Array::of1(&pdf);
                    let options = web_sys::BlobPropertyBag::new();
                    options.set_type("application/pdf");
                    let url =
                        web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)
                            .and_then(|b| web_sys::Url::create_object_url_with_blob(&b));
                    let timings = field(&data, "timings");
                    let ms = |name: &str| field(&timings, name).as_f64().unwrap_or(f64::NAN);
                    progress.set(match url {
                        Ok(url) => Progress::Done {
                            url,
                            pages: num(&data, "pages"),
                            bytes: pdf
                                .dyn_ref::<js_sys::Uint8Array>()
                                .map_or(0, js_sys::Uint8Array::length),
                            file_name: file_name.get_value(),
                            seconds: (js_sys::Date::now() - started_at.get_value()) / 1000.0,
                            timings: [ms("fonts_ms"), ms("assess_ms"), ms("packet_ms")]
                                .map(crate::units::whole)
                                .join(" "),
                        },
                        Err(_) => Progress::Failed {
                            message: "无法保存生成的文件，请换用其他浏览器重试。".into(),
                            missing: vec![],
                        },
                    });
                }
                // A warm-up that failed (offline, a character no font has) says nothing: the
                // user's own job will, if it meets the same.
                Some("error") if users => {
                    let missing: Vec<String> = js_sys::Array::from(&field(&data, "missing_chars"))
                        .iter()
                        .filter_map(|v| v.as_string())
                        .collect();
                    progress.set(Progress::Failed {
                        message: field(&data, "message")
                            .as_string()
                            .unwrap_or_else(|| "生成失败".into()),
                        missing,
                    });
                }
                _ => {}
            }
            worker.update_value(|w| {
                if let Some(w) = w {
                    w.pump();
                }
            });
        };

        match web_sys::Worker::new(WORKER_URL) {
            Ok(w) => {
                let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
                w.set_onmessage(Some(handler.as_ref().unchecked_ref()));
                // The worker lives as long as the page; so does its handler.
                handler.forget();
                let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                    // Not loaded (offline, say): forgotten, so the next click loads it again.
                    let users = worker.with_value(|w| {
                        w.as_ref().is_some_and(|w| {
                            w.on_users_job() || w.queue.iter().any(|(_, warm)| !warm)
                        })
                    });
                    worker.set_value(None);
                    if !users {
                        return;
                    }
                    let retry = retry.get_value();
                    progress.set(Progress::Failed {
                        message: if crate::offline::offline() {
                            format!("当前没有网络，生成程序还没有下载到本机。联网后再点「{retry}」即可，不必刷新页面；以后想离线使用，可在页面底部「本机数据与离线使用」中先下载所需文件。")
                        } else {
                            format!("生成程序未能加载。请稍后再点「{retry}」重试（材料在本机生成，不会上传）。")
                        },
                        missing: vec![],
                    });
                });
                w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                on_error.forget();
                worker.set_value(Some(Worker {
                    worker: w,
                    ready: false,
                    in_flight: None,
                    queue: std::collections::VecDeque::new(),
                }));
                true
            }
            Err(_) => {
                progress.set(Progress::Failed {
                    message: "此浏览器不支持后台生成（Web Worker），请换用较新的浏览器。".into(),
                    missing: vec![],
                });
                false
            }
        }
    }
}

impl Default for PdfClient {
    fn default() -> Self {
        PdfClient::new()
    }
}

/// The job's progress, the finished file's links, or what went wrong.
#[component]
pub fn ProgressView(client: PdfClient) -> impl IntoView {
    let progress = client.progress;
    view! {
            <div class="packet-progress" role="status" aria-live="polite">
                {move || match progress.get() {
                    Progress::Idle => ().into_any(),
                    Progress::Starting => view! { <p>"正在下载生成程序（约 0.7 MB，只在第一次需要）…"</p> }.into_any(),
                    Progress::Fonts { done, total } => view! {
                        <p>{if total == 0 {
                            "正在准备字体…".to_owned()
                        } else {
                            format!("正在下载字体：已下载 {} / {}", crate::units::megabytes(f64::from(done)), crate::units::megabytes(f64::from(total)))
                        }}</p>
                        <progress max=total.max(1) value=done></progress>
                    }.into_any(),
                    // `total` counts the pages and, last, writing the file.
                    Progress::Pages { done, total } => view! {
                        <p>{match total {
                            0 => "正在排版…".to_owned(),
                            t if done + 1 >= t => "正在写入 PDF 文件…".to_owned(),
                            t => format!("正在排版：已完成 {done}/{} 页", t - 1),
                        }}</p>
                        <progress max=total.max(1) value=done></progress>
                    }.into_any(),
                    Progress::Done { url, pages, bytes, file_name, seconds, timings } => view! {
                        <p class="ok" data-timings=timings>
                            {format!("已生成：共 {pages} 页，{} KB，用时 {} 秒。", bytes.div_ceil(1024), crate::units::tenths(seconds))}
                        </p>
                        <div class="actions">
                            <a class="button" href=url.clone() download=file_name>"下载"</a>
                            <a class="button secondary" href=url target="_blank" rel="noopener">"打开预览"</a>
                        </div>
                    }.into_any(),
                    Progress::Failed { message, missing } => view! {
                        <div class="notice error" role="alert">
                            <p>{message}</p>
                            {(!missing.is_empty()).then(|| view! {
                                <p>{format!(
                                    "字体中没有这些字，打印出来会是空白方块：{}。请检查是否录入有误（如繁体字、生僻字），可改为常用写法后再生成。",
                                    missing.join(" ")
                                )}</p>
                            })}
                        </div>
                    }.into_any(),
                }}
            </div>
    }
}
