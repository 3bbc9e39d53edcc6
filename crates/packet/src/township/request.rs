//! A request for one township document, as the packet worker receives it: which document, the
//! review file holding the applications it is about, and the dates. [`prepare`] reads the
//! drafts, assesses them on the review date and builds the content; [`Document::render`] lays
//! it out. Pure, so the worker only moves bytes.

use super::{notice_pdf, opinion_pdf, refusal_pdf, submission_pdf};
use crate::fonts::Fonts;
use crate::{PacketError, PacketOptions};
use bangfu_model::text::parse_date;
use bangfu_review::documents::{
    chars_of, NoticeLine, OpinionSheet, PublicNotice, RefusalLetter, SubmissionList,
};
use bangfu_review::handoff::HandOff;
use bangfu_review::reading::Reading;
use bangfu_rules::calendar::Calendar;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Opinion,
    Refusal,
    Notice,
    Submission,
}

impl Kind {
    /// From the request's `doc` field.
    pub fn from_code(code: &str) -> Option<Kind> {
        match code {
            "opinion" => Some(Kind::Opinion),
            "refusal" => Some(Kind::Refusal),
            "notice" => Some(Kind::Notice),
            "submission" => Some(Kind::Submission),
            _ => None,
        }
    }
}

/// A document's content, ready to lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    Opinion(OpinionSheet),
    Refusal(RefusalLetter),
    Notice(PublicNotice),
    Submission(SubmissionList),
}

/// Builds the content of a document about the applications of `file` (all of them).
///
/// `notice_start` / `notice_end` are the notice's dates (the 公示 only; its end defaults to the
/// earliest the regulation allows); `today` dates the notice and the list and is the review date
/// when an application has none.
///
/// # Errors
/// A Chinese message when the file holds no application, a draft cannot be read, or the notice
/// period is not allowed.
pub fn prepare(
    kind: Kind,
    file: &HandOff,
    notice_start: Option<NaiveDate>,
    notice_end: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Document, String> {
    let cal = Calendar::shipped();
    let first = file
        .applications
        .first()
        .ok_or_else(|| "没有选择申请".to_owned())?;
    let read = |a: &bangfu_review::Application| {
        let draft = a.latest_draft().map_err(|e| format!("{}：{e}", a.number))?;
        let on = parse_date(&a.review.review_date).unwrap_or(today);
        let reading = Reading::of(&draft, on, today);
        Ok::<_, String>((draft, reading))
    };
    Ok(match kind {
        Kind::Opinion => {
            let (draft, r) = read(first)?;
            Document::Opinion(OpinionSheet::of(
                first,
                &draft,
                r.current(),
                &file.township,
                cal,
                today,
            ))
        }
        Kind::Refusal => {
            let (draft, _) = read(first)?;
            Document::Refusal(RefusalLetter::of(first, &draft, &file.township))
        }
        Kind::Notice => {
            let mut lines = Vec::new();
            for a in &file.applications {
                let (draft, r) = read(a)?;
                lines.push(NoticeLine::of(&draft, r.current()));
            }
            let start = notice_start
                .or_else(|| parse_date(&first.notice.start).ok())
                .ok_or_else(|| "请先填写公示开始日期".to_owned())?;
            let end = notice_end.or_else(|| parse_date(&first.notice.end).ok());
            Document::Notice(PublicNotice::new(
                lines,
                start,
                end,
                &file.township,
                cal,
                today,
            )?)
        }
        Kind::Submission => Document::Submission(SubmissionList::of(
            &file.applications,
            &file.township,
            today,
        )),
    })
}

impl Document {
    /// Every character it prints.
    pub fn chars(&self) -> BTreeSet<char> {
        match self {
            Document::Opinion(d) => chars_of(d),
            Document::Refusal(d) => chars_of(d),
            Document::Notice(d) => chars_of(d),
            Document::Submission(d) => chars_of(d),
        }
    }

    /// The PDF.
    ///
    /// # Errors
    /// As [`opinion_pdf`].
    pub fn render(&self, fonts: &Fonts, opts: &PacketOptions) -> Result<Vec<u8>, PacketError> {
        match self {
            Document::Opinion(d) => opinion_pdf(d, fonts, opts),
            Document::Refusal(d) => refusal_pdf(d, fonts, opts),
            Document::Notice(d) => notice_pdf(d, fonts, opts),
            Document::Submission(d) => submission_pdf(d, fonts, opts),
        }
    }

    /// The document's title (the file name's stem).
    pub fn title(&self) -> &'static str {
        match self {
            Document::Opinion(d) => d.title,
            Document::Refusal(d) => d.title,
            Document::Notice(d) => d.title,
            Document::Submission(d) => d.title,
        }
    }
}
