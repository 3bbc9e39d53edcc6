//! The packet worker: builds the application packet PDF in a Web Worker, so that printpdf (≈1.4 MB
//! gzip of wasm) and the fonts are downloaded only when the user asks for a packet, and the page
//! stays responsive while it is made. Built by Trunk as its own JS + wasm
//! (`<link data-trunk rel="rust" href="crates/packet-worker/Cargo.toml" data-type="worker"
//! data-bin="packet-worker" data-loader-shim />` gives `packet-worker_loader.js`,
//! `packet-worker.js` and `packet-worker_bg.wasm`); the main app never links `bangfu-packet`.
//!
//! # Protocol (all messages are plain objects)
//!
//! Worker → main, once, when it can take a job: `{type: "ready"}`. Messages sent before that are
//! lost (the wasm is still loading), so the main thread waits for it.
//!
//! Main → worker, one job at a time:
//! ```text
//! {draft_json: string,          // the Draft as JSON (serde form), or a saved envelope
//!                               // {"format":"bangfu-draft",...}
//!  now: "YYYY-MM-DDTHH:MM:SS",  // the local clock: application date and PDF creation date
//!  today: "YYYY-MM-DD",         // the date the screen assessed on (optional: `now`'s date)
//!  font_base: "fonts/",         // where manifest.json and the font files are, relative to
//!                               // the worker script (same origin)
//!  utc_offset_minutes: 480}     // optional: -new Date().getTimezoneOffset(); 480 (UTC+8)
//!                               // when absent. Only the PDF's creation instant uses it.
//! ```
//!
//! Worker → main:
//! - `{type: "progress", stage: "fonts", done, total}`: font bytes fetched so far of those this
//!   packet needs (0/0 until the manifest is read);
//! - `{type: "progress", stage: "pages", done, total}`: pages rendered (total = pages + 1, the
//!   last step writing the file);
//! - finally either `{type: "done", pdf: Uint8Array, pages: number, font_bytes: number}` (the
//!   buffer is transferred) or
//!   `{type: "error", message: string, missing_chars: string[]}`; `missing_chars` lists the
//!   characters of the draft no font has (each a one-character string), empty for other errors.
//!
//! A warm-up, sent when 自评结果 opens so that the packet starts at once: the same fields with
//! `warm: "1"`. The worker fetches the fonts the draft needs and keeps them, answering
//! `{type: "warm"}` (or `error`); its `progress` messages are not for the screen.
//!
//! The township's documents are jobs of the same worker (same fonts, same engine):
//! ```text
//! {doc: "opinion" | "refusal" | "notice" | "submission",
//!  review_json: string,         // a review file (bangfu_review::handoff) holding the
//!                               // applications the document is about (the first one for the
//!                               // 审查意见表 and the 书面说明; all for the 公示 and the 报送清单)
//!  now, today, font_base,       // as above
//!  notice_start, notice_end}    // optional "YYYY-MM-DD": the 公示's period
//! ```
//! answered like a packet, `done` carrying `title` (the document's title) instead of timings.
//!
//! The worker runs [`bangfu_rules::assess`] itself on `today`, the date the screen assessed on
//! (the draft's 自评基准日 takes precedence inside the rules), exactly as the main thread does, so
//! the packet shows the same findings even on a page left open past midnight.

#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
