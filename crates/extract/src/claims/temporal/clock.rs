//! Clock times: "3 p.m.", "10:30 a.m. EST", "15:30", "noon", "5 o'clock", four-digit times with a
//! zone ("1630 EST", wire style), and the bare hour that opens a range whose end says which half
//! of the day it is ("from 3 to 5pm", "3-5pm", "between 2 and 4 p.m.").

use super::{Found, folded};
use crate::claims::claim::{Claim, ClaimKind, ClockTime, Detail, Qualifier};
use crate::text::token::TokenKind;
use crate::text::window::Window;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

/// A time as written: the hour, the minutes, "a.m."/"p.m." if given, and the token after it.
struct Reading {
    hour: u8,
    minute: u8,
    meridiem: Option<Meridiem>,
    has_minutes: bool,
    oclock: bool,
    /// Four digits ("1630"): a time only with a zone after it, or as the start of a range to one.
    compact: bool,
    end: usize,
}

impl Reading {
    /// The time of day, if the reading says enough to tell.
    fn time(&self) -> Option<ClockTime> {
        let (hour, minute) = (self.hour, self.minute);
        if let Some(meridiem) = self.meridiem {
            return with_meridiem(hour, minute, meridiem);
        }
        if self.oclock {
            return (hour <= 12).then_some(ClockTime { hour, minute: 0 });
        }
        (self.has_minutes && hour < 24 && minute < 60).then_some(ClockTime { hour, minute })
    }
}

fn with_meridiem(hour: u8, minute: u8, meridiem: Meridiem) -> Option<ClockTime> {
    if hour == 0 || hour > 12 || minute > 59 {
        return None;
    }
    let hour = match meridiem {
        Meridiem::Am => hour % 12,
        Meridiem::Pm => hour % 12 + 12,
    };
    Some(ClockTime { hour, minute })
}

fn meridiem_of(text: &str) -> Option<Meridiem> {
    match text {
        "am" | "a.m" | "a.m." => Some(Meridiem::Am),
        "pm" | "p.m" | "p.m." => Some(Meridiem::Pm),
        _ => None,
    }
}

/// "3 p.m.", "10:30 a.m. EST", "15:30", "noon", "midnight", and "3" in "from 3 to 5pm".
pub(super) fn clock_at(w: &Window, i: usize) -> Option<Found> {
    if let Some(word) = folded(w, i) {
        let hour = match word.as_str() {
            "noon" | "midday" => 12,
            "midnight" => 0,
            _ => return None,
        };
        return Some(time_claim(w, i, i + 1, ClockTime { hour, minute: 0 }));
    }
    let reading = reading_at(w, i)?;
    if reading.meridiem.is_none()
        && !reading.oclock
        && let Some(found) = range_start(w, i, &reading)
    {
        return Some(found);
    }
    let end = zone_end(w, reading.end);
    // "1630" is a time only with its zone: "at 1630 GMT", not "in 1630".
    if reading.compact && end == reading.end {
        return None;
    }
    let time = reading.time()?;
    Some(time_claim(w, i, end, time))
}

/// The digits of a time at `i`, with minutes, a glued or separate "am"/"pm", or "o'clock".
fn reading_at(w: &Window, i: usize) -> Option<Reading> {
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let text = w.text(i);
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        return compact_reading(text, i);
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let suffix = &text[digits.len()..];
    let mut reading = Reading {
        hour: digits.parse().ok()?,
        minute: 0,
        meridiem: None,
        has_minutes: false,
        oclock: false,
        compact: false,
        end: i + 1,
    };
    if !suffix.is_empty() {
        reading.meridiem = Some(meridiem_of(&suffix.to_ascii_lowercase())?);
        return Some(reading);
    }
    let mut end = i + 1;
    if w.text_is(end, ":") && w.adjacent(i) && w.adjacent(end) && w.kind(end + 1) == Some(TokenKind::Number) {
        let minutes_text = w.text(end + 1);
        let minute_digits = minutes_text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if minute_digits.len() != 2 {
            return None;
        }
        reading.minute = minute_digits.parse().ok()?;
        reading.has_minutes = true;
        end += 2;
        let rest = &minutes_text[minute_digits.len()..];
        if !rest.is_empty() {
            reading.meridiem = Some(meridiem_of(&rest.to_ascii_lowercase())?);
            reading.end = end;
            return Some(reading);
        }
    }
    if let Some((meridiem, after)) = meridiem_at(w, end) {
        reading.meridiem = Some(meridiem);
        end = after;
    } else if w.is(end, "o'clock") || w.is(end, "o’clock") {
        reading.oclock = true;
        end += 1;
    }
    reading.end = end;
    Some(reading)
}

/// "1630": hours and minutes run together, as wire copy writes times before a zone.
fn compact_reading(digits: &str, i: usize) -> Option<Reading> {
    let hour: u8 = digits.get(..2)?.parse().ok()?;
    let minute: u8 = digits.get(2..)?.parse().ok()?;
    (hour < 24 && minute < 60).then_some(Reading {
        hour,
        minute,
        meridiem: None,
        has_minutes: true,
        oclock: false,
        compact: true,
        end: i + 1,
    })
}

/// "a.m." / "p.m." / "am" / "pm" written as separate tokens at `i`.
fn meridiem_at(w: &Window, i: usize) -> Option<(Meridiem, usize)> {
    let word = folded(w, i)?;
    match word.as_str() {
        "am" => Some((Meridiem::Am, i + 1)),
        "pm" => Some((Meridiem::Pm, i + 1)),
        "a" | "p" if w.text_is(i + 1, ".") && w.adjacent(i) && w.is(i + 2, "m") && w.adjacent(i + 1) => {
            let end = if w.text_is(i + 3, ".") && w.adjacent(i + 2) { i + 4 } else { i + 3 };
            Some((if word.as_str() == "a" { Meridiem::Am } else { Meridiem::Pm }, end))
        }
        _ => None,
    }
}

/// A time without "a.m." or "p.m." opening a range: "3" in "from 3 to 5pm", "3:30-5pm", "between
/// 10 and 11:30". It takes the half of the day from the end, unless that would put it after the
/// end ("from 10 to 3pm" starts in the morning).
fn range_start(w: &Window, i: usize, start: &Reading) -> Option<Found> {
    let k = start.end;
    let opened = i > w.first && (w.is(i - 1, "from") || w.is(i - 1, "between"));
    let joined = matches!(w.text(k), "-" | "–")
        || w.is(k, "to")
        || w.is(k, "until")
        || w.is(k, "till")
        || (w.is(k, "and") && i > w.first && w.is(i - 1, "between"));
    if !joined {
        return None;
    }
    let end = reading_at(w, k + 1)?;
    if end.compact && zone_end(w, end.end) == end.end {
        return None;
    }
    let end_time = end.time()?;
    let time = match end.meridiem {
        Some(meridiem) => {
            let same_half = start.hour % 12 <= end.hour % 12;
            let first_half = match meridiem {
                Meridiem::Pm if !same_half => Meridiem::Am,
                Meridiem::Am if !same_half => Meridiem::Pm,
                same => same,
            };
            with_meridiem(start.hour, start.minute, first_half)?
        }
        // "between 10 and 11:30": a 24-hour end needs "from" or "between" before the start.
        None if opened && start.hour < 24 && start.minute < 60 && end_time.hour >= start.hour => {
            ClockTime { hour: start.hour, minute: start.minute }
        }
        None => return None,
    };
    let mut found = time_claim(w, i, start.end, time);
    found.claim.qualifier = Qualifier::Range;
    Some(found)
}

/// Extends a time over a time zone: "EST", "GMT", "local time".
fn zone_end(w: &Window, end: usize) -> usize {
    if is_zone(w.text(end)) {
        return end + 1;
    }
    if w.phrase_at(end, &["local", "time"]) {
        return end + 2;
    }
    end
}

/// Time zones written after a time.
pub(super) fn is_zone(text: &str) -> bool {
    matches!(
        text,
        "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "EST"
            | "EDT"
            | "CST"
            | "CDT"
            | "MST"
            | "MDT"
            | "PST"
            | "PDT"
            | "ET"
            | "PT"
            | "CT"
            | "IST"
            | "JST"
            | "AEST"
            | "AEDT"
            | "MSK"
    )
}

fn time_claim(w: &Window, first: usize, end: usize, time: ClockTime) -> Found {
    let mut claim = Claim::new(ClaimKind::Time, w.span(first, end));
    claim.detail = Detail::Time(time);
    Found { first, end, claim }
}
