//! The 材料指纹 of a draft: SHA-256 over the draft's content in its canonical form (compact JSON
//! of the current schema, unknown fields included, in key order), so that the same draft gives
//! the same fingerprint however often or whenever it is saved, and any change to what it says
//! gives another. The township shows it for each received version and prints it on its review
//! documents; the applicant's packet can print the same figure, so paper and file can be
//! matched.
//!
//! SHA-256 rather than the short FNV hash of [`crate::stored::fingerprint`]: two different
//! drafts must never share a fingerprint, even when someone tries.

use crate::draft::Draft;
use sha2::{Digest, Sha256};

/// The full fingerprint: 64 lowercase hex digits.
///
/// # Examples
/// ```
/// use bangfu_model::{fingerprint, Draft};
/// let mut d = Draft::default();
/// let a = fingerprint::of_draft(&d);
/// assert_eq!(a.len(), 64);
/// d.applicant.name = "旺旺合作社".into();
/// assert_ne!(fingerprint::of_draft(&d), a);
/// ```
pub fn of_draft(draft: &Draft) -> String {
    // Serialising plain structs of strings, bools, enums and JSON maps cannot fail.
    let json = serde_json::to_vec(draft).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint as people read and compare it: the first 16 hex digits in upper case, in
/// groups of four (`3F2A-9C01-77DE-0B14`). 64 bits are enough to tell apart every file a
/// township receives; the documents print the full figure too.
///
/// # Examples
/// ```
/// use bangfu_model::fingerprint::short;
/// assert_eq!(short("3f2a9c0177de0b14aaaa"), "3F2A-9C01-77DE-0B14");
/// assert_eq!(short("ab"), "AB");
/// ```
pub fn short(full: &str) -> String {
    let digits: Vec<char> = full
        .chars()
        .take(16)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::{self, Envelope};

    #[test]
    fn the_same_draft_saved_twice_has_one_fingerprint() {
        let mut d = Draft::default();
        d.applicant.name = "旺旺手工艺品合作社".into();
        let first = Envelope::new(d.clone(), "2026-12-01T08:00:00Z").to_json();
        let second = Envelope::new(d.clone(), "2026-12-03T09:30:00Z").to_json();
        let a = envelope::read(&first).unwrap().draft;
        let b = envelope::read(&second).unwrap().draft;
        assert_eq!(of_draft(&a), of_draft(&b));
        // A field only a newer app knows is part of the content.
        let mut c = b.clone();
        c.unknown.insert("future".into(), serde_json::json!(1));
        assert_ne!(of_draft(&c), of_draft(&b));
    }

    #[test]
    fn known_value_of_the_empty_draft_is_stable() {
        // Pinned so that a change to the draft's serialisation (which would make fingerprints a
        // township has on file disagree with the same file re-opened) is noticed and deliberate.
        assert_eq!(short(&of_draft(&Draft::default())), "8441-AD4D-90CB-40B8");
    }
}
