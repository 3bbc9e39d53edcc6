//! The applicant's draft as typed, how it is stored and migrated, and the region reference data.
//!
//! This crate has no browser dependency: the UI, the rules, the importers and the packet all build
//! on it and it is tested with plain `cargo test`.
//!
//! - [`draft`]: the raw draft (strings kept as typed) and the fixed lists of choices.
//! - [`envelope`] and [`migrate`]: the versioned storage format and forward migrations.
//! - [`region`]: 盟市 / 旗县 / 苏木乡镇 from `data/`.
//! - [`fingerprint`]: the 材料指纹 (SHA-256 of a draft's content) the township records and prints.
//! - [`text`]: lenient reading of typed dates, months and money (fen).
//! - [`order`]: stable sorting compiled once for the whole app (the page's size).

pub mod damage;
pub mod draft;
pub mod envelope;
pub mod fingerprint;
pub mod migrate;
pub mod order;
pub mod region;
pub mod stored;
pub mod table;
pub mod text;

pub use draft::*;
pub use envelope::{Envelope, LoadError};
