//! The app's own assessment of an application, as the reviewers read it: on the applicant's
//! 自评基准日 (the findings the applicant saw when they printed the packet) and on the review
//! date (someone may have left since, a month's wages may now be due), side by side where they
//! differ. Both come from [`bangfu_rules::assess`]; nothing here judges.

use bangfu_model::Draft;
use bangfu_rules::{assess, Assessment, CriterionId};
use chrono::NaiveDate;

/// The assessment of one version on both dates.
#[derive(Clone, Debug)]
pub struct Reading {
    /// On the draft's 自评基准日 (or `today` when it has none).
    pub at_application: Assessment,
    /// On the review date, when that is another day.
    pub at_review: Option<Assessment>,
    /// Criteria whose verdict differs between the two.
    pub differing: Vec<CriterionId>,
}

impl Reading {
    /// Assesses `draft` on its own date and on `review_date`.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::reading::Reading;
    /// use bangfu_rules::sample::qualifying_draft;
    /// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let draft = qualifying_draft(8, 6, d(6, 20));
    /// let r = Reading::of(&draft, d(6, 20), d(6, 20));
    /// assert!(r.at_review.is_none() && r.differing.is_empty());
    /// ```
    pub fn of(draft: &Draft, review_date: NaiveDate, today: NaiveDate) -> Reading {
        let at_application = assess(draft, today);
        if at_application.date == review_date {
            return Reading {
                at_application,
                at_review: None,
                differing: Vec::new(),
            };
        }
        let mut on_review = draft.clone();
        on_review.assessment_date = review_date.format("%Y-%m-%d").to_string();
        let at_review = assess(&on_review, today);
        let differing = CriterionId::ALL
            .into_iter()
            .filter(|id| {
                at_application.finding(*id).map(|f| f.status)
                    != at_review.finding(*id).map(|f| f.status)
            })
            .collect();
        Reading {
            at_application,
            at_review: Some(at_review),
            differing,
        }
    }

    /// The assessment the review is compared with: on the review date.
    pub fn current(&self) -> &Assessment {
        self.at_review.as_ref().unwrap_or(&self.at_application)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_rules::Status;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn someone_leaving_after_the_application_shows_on_the_review_date() {
        let applied = d(2026, 6, 20);
        let mut draft = bangfu_rules::sample::qualifying_draft(5, 6, applied);
        // Exactly 5 qualifying people on the application date; one of them leaves on 30 June.
        let leaver = draft
            .employees
            .iter_mut()
            .find(|e| e.poverty_status != bangfu_model::PovertyStatus::Unspecified)
            .unwrap();
        leaver.stints[0].leave_date = "2026-06-30".into();
        let r = Reading::of(&draft, d(2026, 7, 6), d(2026, 7, 6));
        assert_eq!(r.at_application.overall, Status::Met);
        let now = r.at_review.as_ref().unwrap();
        assert_ne!(now.overall, Status::Met);
        assert!(
            r.differing.contains(&CriterionId::Art7_1),
            "{:?}",
            r.differing
        );
        assert_eq!(r.current().date, d(2026, 7, 6));
    }
}
