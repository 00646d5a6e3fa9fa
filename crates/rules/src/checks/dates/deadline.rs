//! `deadline-passed`: a deadline written as still ahead ("will be finished by March 1", "bidders
//! have until May 30") that the story's date has passed.
//!
//! A deadline with its year is compared as written. One without a year is this year's or next
//! year's, and next year's is always ahead: the rule accuses the copy only when the deadline's
//! nearest occurrence ended shortly before the story's date (see [`RECENT_PAST`]), the way a
//! line left over from an earlier version of the story reads.

use super::tense::{RECENT_PAST, stated_tense};
use super::{days_from, long_date};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::jiff::civil::Date;
use factlint_extract::{Claim, ClaimKind, DateValue, Document, Lower};

pub(super) fn deadline_passed(rule: &Rule, doc: &Document, claim: &Claim) -> Option<Finding> {
    if claim.kind != ClaimKind::Deadline {
        return None;
    }
    let reference = doc.reference_date()?;
    // A weekday alone ("by Friday") is whichever Friday the clause points to, and a clause that
    // looks ahead points to the next one.
    let written = claim.written().unwrap_or_default();
    let last = match (written.year, written.month, written.weekday) {
        (None, Some(_), _) => {
            let last = nearest_end(reference, claim.date()?)?;
            (-RECENT_PAST..0).contains(&days_from(reference, last)).then_some(last)?
        }
        (None, None, Some(_)) => return None,
        _ => claim.date()?.last(),
    };
    if last >= reference || !looks_ahead(doc, claim) {
        return None;
    }
    Some(rule.finding(claim.span, &[("date", &long_date(last)), ("reference", &long_date(reference))], None))
}

/// The end of a yearless deadline in the year that puts it nearest the story's date.
fn nearest_end(reference: Date, resolved: DateValue) -> Option<Date> {
    let last = resolved.last();
    [-1i16, 0, 1]
        .into_iter()
        .filter_map(|shift| last_in_year(last, last.year() + shift))
        .min_by_key(|date| days_from(reference, *date).abs())
}

/// `date` moved to `year`, the end of February following the leap year.
fn last_in_year(date: Date, year: i16) -> Option<Date> {
    let first = Date::new(year, date.month(), 1).ok()?;
    Date::new(year, date.month(), date.day().min(first.days_in_month())).ok()
}

/// Whether the deadline's clause looks ahead: a future ("will be finished by"), or the time
/// given in the present ("bidders have until May 30"; "had until" is past).
fn looks_ahead(doc: &Document, claim: &Claim) -> bool {
    let at = doc.token_at(claim.span.start);
    let given_now = at > 0
        && matches!(Lower::new(doc.token_text(at - 1)).as_str(), "has" | "have" | "gives" | "give")
        && doc.sentence_of(at - 1) == doc.sentence_of(at);
    given_now || stated_tense(doc, claim) == Some(true)
}
