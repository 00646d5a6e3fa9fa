//! `dates`: dates that cannot be right, most of them only against the story's own date.
//!
//! - `weekday`: the weekday written with a date is not that date's weekday ("Friday, June 5,
//!   2025" was a Thursday), using the date's own year or, without one, the year the sentence's
//!   tense and the story's date point to.
//! - `tense`: "will meet on June 3" in a story dated June 9, or "met on" a date still ahead.
//! - `impossible`: a day the month does not have ("Sept. 31").
//! - `deadline-passed`: a deadline in the future tense that the story's date has passed.
//! - `dateline`: a dateline that does not fit the date the story was given.
//!
//! The extractor reads the dates, the dateline and the story's date; these checks only compare.

mod dateline;
mod deadline;
mod tense;
mod weekday;

use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::jiff::civil::Date;
use factlint_extract::{Claim, ClaimKind, Document};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateCheck {
    Weekday,
    Tense,
    Impossible,
    DeadlinePassed,
    Dateline,
}

impl DateCheck {
    pub const NAMES: &'static [&'static str] =
        &["weekday", "tense", "impossible", "deadline-passed", "dateline"];

    pub fn from_name(name: &str) -> DateCheck {
        match name {
            "tense" => DateCheck::Tense,
            "impossible" => DateCheck::Impossible,
            "deadline-passed" => DateCheck::DeadlinePassed,
            "dateline" => DateCheck::Dateline,
            _ => DateCheck::Weekday,
        }
    }

    pub fn run(self, rule: &Rule, doc: &Document, claims: &[Claim], out: &mut Vec<Finding>) {
        if self == DateCheck::Dateline {
            out.extend(dateline::dateline(rule, doc));
            return;
        }
        for claim in claims.iter().filter(|c| matches!(c.kind, ClaimKind::Date | ClaimKind::Deadline)) {
            let finding = match self {
                DateCheck::Weekday => weekday::weekday(rule, doc, claim),
                DateCheck::Tense => tense::tense(rule, doc, claim),
                DateCheck::Impossible => impossible(rule, claim),
                DateCheck::DeadlinePassed => deadline::deadline_passed(rule, doc, claim),
                DateCheck::Dateline => None,
            };
            out.extend(finding);
        }
    }
}

/// "June 5, 2025" as copy writes it.
fn long_date(date: Date) -> String {
    format!("{} {}, {}", month_name(date.month()), date.day(), date.year())
}

fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// The days from `reference` to `date`: negative when `date` is earlier.
fn days_from(reference: Date, date: Date) -> i32 {
    (date - reference).get_days()
}

fn impossible(rule: &Rule, claim: &Claim) -> Option<Finding> {
    let written = claim.written()?;
    let (month, day) = (written.month?, written.day?);
    // Without a year, Feb. 29 may be right.
    let year = written.year.unwrap_or(2000);
    let days = Date::new(year, month, 1).ok()?.days_in_month();
    if day <= days {
        return None;
    }
    Some(rule.finding(
        claim.figure,
        &[("month", month_name(month)), ("days", &days.to_string()), ("day", &day.to_string())],
        None,
    ))
}
