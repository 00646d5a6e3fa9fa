//! `dateline`: the date a dateline states against the date the story was given (`--date`, a
//! batch record's `published`, the front matter).
//!
//! The extractor already took a dateline a day either side of the given date as the story's
//! date: time zones put the date where a story was filed up to a day from the date it was
//! published anywhere else. Beyond that, a dateline may lag the publication date by the days
//! copy waits (over a weekend, for an embargo): the rule's `tolerance`, in days. A dateline
//! later than its publication by more than the time-zone day cannot be right.

use super::{days_from, long_date};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Document, ReferenceOrigin, TIME_ZONE_DAYS};

pub(super) fn dateline(rule: &Rule, doc: &Document) -> Option<Finding> {
    let dateline = doc.dateline()?;
    let reference = doc.reference()?;
    if reference.origin == ReferenceOrigin::Dateline {
        return None;
    }
    let date = dateline.date_near(reference.date)?;
    let days = days_from(reference.date, date);
    let lag = rule.spec.tolerance.unwrap_or(0.0).max(0.0);
    let fits = if days < 0 { f64::from(-days) <= lag } else { days <= TIME_ZONE_DAYS };
    if fits {
        return None;
    }
    let side = if days < 0 { "before" } else { "after" };
    Some(rule.finding(
        dateline.span,
        &[
            ("date", &long_date(date)),
            ("reference", &long_date(reference.date)),
            ("days", &days.abs().to_string()),
            ("side", side),
        ],
        None,
    ))
}
