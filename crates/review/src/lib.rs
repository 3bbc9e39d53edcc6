//! The township's preliminary review (初审) under 第八条第（二）项, as a pure model.
//!
//! A township receives applicants' draft files ([`workspace::Workspace::receive`]): each becomes
//! an [`Application`] holding every version exactly as received, with its 材料指纹. The review
//! group records its work in a [`ReviewRecord`] kept beside the applicant's data, never in it;
//! [`check`] says what still stands in the way of a conclusion, citing the article; [`deadline`]
//! reckons the 10 working days of the review and the 5 of the public notice with the rules'
//! working-day calendar; [`status`] says where each application stands and what is due next;
//! [`overview`] lays the applications out as the list and the 第十一条 ledger columns;
//! [`handoff`] is the versioned file a colleague or the county opens, and [`undo`] takes an
//! opening of one back.
//!
//! The UI only renders these values; nothing here touches the browser.

pub mod application;
pub mod check;
pub mod choices;
pub mod deadline;
pub mod documents;
pub mod handoff;
pub mod overview;
pub mod reading;
pub mod record;
pub mod sample;
pub mod status;
pub mod stored;
pub mod undo;
pub mod workspace;

pub use application::{Application, Version};
pub use choices::{Answer, Conclusion, Method, Objections, Reached, ReviewResult};
pub use record::{CriterionReview, Member, NoticeRecord, ReviewRecord, SampledPerson, Submission};
pub use workspace::{Township, Workspace};

/// Fields a newer version of the app wrote that this one does not know: kept, written back.
pub type Unknown = bangfu_model::Unknown;
