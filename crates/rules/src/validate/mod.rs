//! Validation of the two identifiers the regulation relies on: the 居民身份证号码 of each person
//! (第八条第（一）项 asks for the "吸纳脱贫人口身份信息") and the applicant's 统一社会信用代码
//! (第六条 "依法注册"; the certificate of 第八条第（四）项 carries it); and of the 银行卡号 printed
//! in the 工资发放明细表, which no criterion uses.
//!
//! The validators accept what people paste (full-width characters, spaces, a lowercase `x`) and
//! answer in Chinese; none panics on any input.

pub mod bank_account;
pub mod credit_code;
pub mod id_card;

pub use bank_account::{account_digits, check_account, AccountError};
pub use credit_code::{parse_credit_code, CodeKind, CreditCode, CreditCodeError};
pub use id_card::{parse_id_number, IdError, IdNumber, Sex};
