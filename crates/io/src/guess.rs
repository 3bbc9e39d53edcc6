//! Values an import read from a word that is not the field's own label (「临时工」 for 季节性,
//! 「是」 for 脱贫人口): they are guesses, and the user must see them before confirming and be
//! able to confirm them afterwards. The preview counts each mapping; the draft keeps each guess
//! at its field ([`bangfu_model::Guess`]) until the user confirms or changes the value.

use bangfu_model::text::parse_date;
use bangfu_model::{Choice, Employee, Guess};

/// Which field of the person a guess is about. Stints and insurance periods are named by their
/// start date as typed, because their index is only known once merged into the draft.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    PovertyStatus,
    PayMethod,
    EmploymentForm { start: String },
    AgreementType { start: String },
    InsuranceKind { start: String },
}

impl Target {
    /// The column the value came from, as the preview names it.
    pub fn column(&self) -> &'static str {
        match self {
            Target::PovertyStatus => "人员类别",
            Target::PayMethod => "工资发放方式",
            Target::EmploymentForm { .. } => "用工形式",
            Target::AgreementType { .. } => "协议类型",
            Target::InsuranceKind { .. } => "参保类型",
        }
    }
}

/// One guessed value of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guessed {
    pub target: Target,
    /// The cell's text.
    pub typed: String,
    /// The label of the value it was read as.
    pub value: &'static str,
}

/// The guess, if `value` was read from a cell whose text is not `value`'s own label.
pub fn of<T: Choice>(target: Target, cell_text: &str, value: T) -> Option<Guessed> {
    let typed: String = cell_text.chars().filter(|c| !c.is_whitespace()).collect();
    let label = value.label();
    let verbatim = typed == label || typed == bangfu_model::text::normalize(label);
    (!typed.is_empty() && value != T::ALL[0] && !verbatim).then_some(Guessed {
        target,
        typed,
        value: label,
    })
}

/// Records `guesses` at their fields of `e` (after the import set those fields): a field the
/// import set again loses its earlier guess; a guessed one gets the new one.
pub fn apply(e: &mut Employee, touched: &[Target], guesses: &[Guessed]) {
    let paths: Vec<Option<String>> = touched.iter().map(|t| path(e, t)).collect();
    e.guesses
        .retain(|g| !paths.iter().flatten().any(|p| *p == g.field));
    for g in guesses {
        if let Some(field) = path(e, &g.target) {
            e.guesses.retain(|old| old.field != field);
            e.guesses.push(Guess {
                unknown: Default::default(),
                field,
                typed: g.typed.clone(),
            });
        }
    }
}

/// The field path (relative to the employee) a target names in `e`.
fn path(e: &Employee, t: &Target) -> Option<String> {
    let same = |a: &str, b: &str| match (parse_date(a), parse_date(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    };
    match t {
        Target::PovertyStatus => Some("poverty_status".into()),
        Target::PayMethod => Some("pay_method".into()),
        Target::EmploymentForm { start } => e
            .stints
            .iter()
            .position(|s| same(&s.start, start))
            .map(|i| format!("stint.{i}.employment_form")),
        Target::AgreementType { start } => e
            .stints
            .iter()
            .position(|s| same(&s.start, start))
            .map(|i| format!("stint.{i}.agreement_type")),
        Target::InsuranceKind { start } => e
            .insurance
            .iter()
            .position(|p| same(&p.start, start))
            .map(|i| format!("insurance.{i}.kind")),
    }
}

/// 「用工形式：「临时工」→ 季节性（12 行）」, one line per distinct mapping, most frequent first.
pub fn count_lines<'a>(guesses: impl Iterator<Item = &'a Guessed>) -> Vec<String> {
    let mut counts: Vec<((&'static str, &str, &'static str), usize)> = Vec::new();
    for g in guesses {
        let key = (g.target.column(), g.typed.as_str(), g.value);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .map(|((column, typed, value), n)| {
            format!("{column}：「{typed}」按“{value}”导入（{n} 行）")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_model::{EmploymentForm, PovertyStatus, Stint};

    #[test]
    fn only_a_word_other_than_the_label_is_a_guess() {
        let t = || Target::PovertyStatus;
        assert_eq!(of(t(), "脱贫人口", PovertyStatus::Alleviated), None);
        assert_eq!(of(t(), "", PovertyStatus::Unspecified), None);
        let g = of(t(), " 是 ", PovertyStatus::Alleviated).unwrap();
        assert_eq!((g.typed.as_str(), g.value), ("是", "脱贫人口"));
    }

    #[test]
    fn guesses_land_on_the_stint_with_their_start_date() {
        let mut e = Employee {
            stints: vec![
                Stint {
                    start: "2025-03-01".into(),
                    ..Stint::default()
                },
                Stint {
                    start: "2026-03-01".into(),
                    employment_form: EmploymentForm::Seasonal,
                    ..Stint::default()
                },
            ],
            ..Employee::default()
        };
        let target = Target::EmploymentForm {
            start: "2026/3/1".into(),
        };
        let g = of(target.clone(), "临时工", EmploymentForm::Seasonal).unwrap();
        apply(&mut e, std::slice::from_ref(&target), &[g]);
        assert_eq!(e.guesses.len(), 1);
        assert_eq!(e.guesses[0].field, "stint.1.employment_form");
        // Importing the verbatim label later clears the guess.
        apply(&mut e, &[target], &[]);
        assert!(e.guesses.is_empty());
    }

    #[test]
    fn preview_lines_count_each_mapping() {
        let g = |typed: &str| Guessed {
            target: Target::EmploymentForm {
                start: String::new(),
            },
            typed: typed.into(),
            value: "季节性",
        };
        let lines = count_lines([g("临时工"), g("季节工"), g("临时工")].iter());
        assert_eq!(
            lines,
            [
                "用工形式：「临时工」按“季节性”导入（2 行）",
                "用工形式：「季节工」按“季节性”导入（1 行）"
            ]
        );
    }
}
