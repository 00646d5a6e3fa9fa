//! The reference date, the last layer: when the story was written, read from the date at its
//! dateline. The dateline is the place in capitals at the top of a paragraph near the top, a
//! comma, and the date, in the styles wire and newspaper copy use:
//!
//! - "WARSAW, Thursday, May 8, 2025 —" and AP's "MIAMI, Fla., Tuesday, Oct. 7, 2025 —", with a
//!   U.S. state abbreviation between the city and the date;
//! - British "LONDON, Thursday 18 September 2025 -" and "LONDON, 4 June 2024 -";
//! - wire datelines, with or without a year: "NEW YORK, Jan. 3, 2023 (Reuters) -", "BRUSSELS,
//!   Oct. 2 (Reuters) -", "WASHINGTON, Oct. 2 (AP) —", "SALVADOR, Feb 26 -", "TOLEDO, Ohio,
//!   March 13 -". A date without a year counts only when the agency's mark or the dash closes
//!   it, and then the place may be written as a name ("Toronto, March 9 -").
//!
//! A dateline with a year anchors a story that has no other date. One without a year ("BRUSSELS,
//! Oct. 2 (Reuters) -") anchors nothing alone: a year guessed from the machine's clock or from
//! other dates in the story would make every date check a guess too. With a date from elsewhere
//! (`--date`, a batch record's `published`, the front matter), the dateline pins the day: the
//! dateline is the date where the story was filed, which time zones may put a day either side of
//! the date it was published, and the dateline's day is the one the story's "Tuesday" and
//! "yesterday" count from. A dateline further off is left for the `dates` rules to report, and
//! the date given stands.
//!
//! Reading the dateline takes the claims layer's date reader, so it runs as its own step after
//! the text model is built: [`Document::parse`] is [`Document::parse_text`] (which takes a date
//! the caller gave or the front matter states) followed by this step.

use crate::claims::temporal;
use crate::text::document::{Dateline, Document, Options, ReferenceDate, ReferenceOrigin, TooLarge};
use crate::text::lexicon;
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::Date;

/// How many paragraphs from the top a dateline may appear in (after a headline and a byline).
const DATELINE_PARAGRAPHS: usize = 4;

impl Document {
    /// Reads one story: the text model, then its dateline, which gives the reference date when
    /// neither the caller nor the front matter gave one, and pins the day when they did (unless
    /// `options` refuse the story's own date).
    pub fn parse(source: impl Into<String>, options: &Options) -> Result<Document, TooLarge> {
        let mut document = Document::parse_text(source, options)?;
        let Some(dateline) = from_dateline(&document) else { return Ok(document) };
        document.set_dateline(dateline);
        if options.ignore_story_date {
            return Ok(document);
        }
        let date = match document.reference() {
            None => dateline.year.and_then(|year| Date::new(year, dateline.month, dateline.day).ok()),
            Some(given) => dateline
                .date_near(given.date)
                .filter(|date| (*date - given.date).get_days().abs() <= TIME_ZONE_DAYS),
        };
        if let Some(date) = date {
            document.set_reference(ReferenceDate { date, origin: ReferenceOrigin::Dateline });
        }
        Ok(document)
    }

    /// Plain text with no reference date: the common case in tests and examples.
    pub fn from_text(text: &str) -> Document {
        Document::parse(text, &Options::default()).unwrap_or_else(|_| unreachable!("test text is small"))
    }
}

/// How many days the date where a story was filed may lie from the date given for it, time zones
/// apart: the local date runs from a day behind to a day ahead of any other.
pub const TIME_ZONE_DAYS: i32 = 1;

/// How many tokens a region between the city and the date may take ("N . Y .", "W . Va .").
const REGION_TOKENS: usize = 6;

/// The date of a dateline in the first paragraphs.
fn from_dateline(doc: &Document) -> Option<Dateline> {
    doc.paragraphs().iter().take(DATELINE_PARAGRAPHS).find_map(|paragraph| {
        let first = paragraph.first_token as usize;
        let end = (paragraph.end_token as usize).min(first + 16);
        dateline_date(doc, first, end)
    })
}

/// The date of the dateline at `first`: the place, a comma, a region and its comma when one is
/// written ("Fla.", "N.Y.", "Ohio", "British Columbia"), then the date. A date without a year
/// must be closed by the agency's mark or a dash ("Oct. 2 (Reuters) -", "Feb 26 -"); then the
/// place may be written as a name ("Toronto, March 9 -"), else it must be in capitals.
fn dateline_date(doc: &Document, first: usize, end: usize) -> Option<Dateline> {
    let comma = (first..end).find(|&i| doc.is_text(i, ","))?;
    let capitals = is_place(doc, first, comma, |word| word.chars().all(|c| !c.is_lowercase()));
    if !capitals && !is_place(doc, first, comma, |word| word.starts_with(|c: char| c.is_uppercase())) {
        return None;
    }
    let window = Window { doc, first, end, taken: &[] };
    let mut date_start = comma + 1;
    let (written, date_end) = match temporal::written_at(&window, date_start) {
        Some(found) => found,
        None => {
            let after_region =
                state_after(doc, date_start, end).or_else(|| region_after(doc, date_start, end))?;
            // "MIAMI, Fla. (AP) —": the dateline carries no date.
            if !doc.is_text(after_region, ",") {
                return None;
            }
            date_start = after_region + 1;
            temporal::written_at(&window, date_start)?
        }
    };
    let (month, day) = (written.month?, written.day?);
    let closed = date_end < end && matches!(doc.token_text(date_end), "(" | "-" | "—" | "–");
    let wire = written.year.is_none() && closed;
    if (written.year.is_none() && !closed) || (!capitals && !wire) {
        return None;
    }
    // A day the month does not have is no dateline ("Feb. 29" stands for a leap year).
    Date::new(written.year.unwrap_or(2000), month, day).ok()?;
    Some(Dateline { span: window.span(date_start, date_end), year: written.year, month, day })
}

/// Whether tokens `first..comma` are a place whose words pass `written` ("WARSAW", "ST. LOUIS"
/// in capitals).
fn is_place(doc: &Document, first: usize, comma: usize, written: impl Fn(&str) -> bool) -> bool {
    comma > first
        && (first..comma).all(|i| match doc.token_kind(i) {
            Some(TokenKind::Word) => {
                let word = doc.token_text(i);
                word.len() > 1 && written(word)
            }
            Some(TokenKind::Punct) => matches!(doc.token_text(i), "." | "-"),
            _ => false,
        })
}

/// The comma after a region written as capitalised words from `start` ("Ohio", "British
/// Columbia", "Calif"), if one follows within three words.
fn region_after(doc: &Document, start: usize, end: usize) -> Option<usize> {
    const REGION_WORDS: usize = 3;
    let stop = (start..end.min(start + REGION_TOKENS + 1)).find(|&i| doc.is_text(i, ","))?;
    let words = (start..stop).filter(|&i| doc.token_kind(i) == Some(TokenKind::Word)).count();
    let capitalised = (start..stop).all(|i| match doc.token_kind(i) {
        Some(TokenKind::Word) => doc.token_text(i).starts_with(|c: char| c.is_uppercase()),
        Some(TokenKind::Punct) => doc.is_text(i, "."),
        _ => false,
    });
    ((1..=REGION_WORDS).contains(&words) && capitalised).then_some(stop)
}

/// The token after a U.S. state abbreviation starting at `start` ("Fla.", "N.Y."), which ends at
/// a comma, a bracket or a dash.
fn state_after(doc: &Document, start: usize, end: usize) -> Option<usize> {
    let stop = (start..end.min(start + REGION_TOKENS + 1))
        .find(|&i| matches!(doc.token_text(i), "," | "(" | "—" | "–" | "-"))?;
    if stop == start {
        return None;
    }
    let tokens = doc.tokens();
    let written = doc.text().get(tokens[start].span.start as usize..tokens[stop - 1].span.end as usize)?;
    lexicon::is_us_state_abbreviation(&written.to_ascii_lowercase()).then_some(stop)
}

#[cfg(test)]
mod tests {
    use crate::text::document::{Document, Options, ReferenceOrigin};
    use crate::text::markup::Format;
    use jiff::civil::date;

    fn reference(text: &str) -> Option<jiff::civil::Date> {
        Document::from_text(text).reference_date()
    }

    #[test]
    fn datelines_in_both_styles() {
        assert_eq!(
            reference("Budget talks\n\nWARSAW, Thursday, May 8, 2025 — Poland said."),
            Some(date(2025, 5, 8))
        );
        assert_eq!(reference("LONDON, 4 June 2024 - Ministers met."), Some(date(2024, 6, 4)));
        assert_eq!(reference("NEW YORK, Jan. 3, 2023 (Reuters) - Stocks rose."), Some(date(2023, 1, 3)));
    }

    #[test]
    fn ap_datelines_with_a_state_abbreviation() {
        assert_eq!(
            reference("Storm update\n\nMIAMI, Fla., Tuesday, Oct. 7, 2025 — The storm turned north."),
            Some(date(2025, 10, 7))
        );
        assert_eq!(
            reference("ALBANY, N.Y., March 12, 2024 — Lawmakers passed the budget."),
            Some(date(2024, 3, 12))
        );
        assert_eq!(
            reference("CHARLESTON, W.Va., Friday, Jan. 9, 2026 — The plant closed."),
            Some(date(2026, 1, 9))
        );
    }

    #[test]
    fn ap_datelines_without_a_date_do_not_anchor() {
        assert_eq!(reference("MIAMI, Fla. (AP) — On Tuesday, Oct. 7, 2025, the storm turned."), None);
        assert_eq!(reference("SEATTLE (AP) — The port reopened on March 3, 2025."), None);
        // A word after the city that is not a state is not read as one.
        assert_eq!(reference("MIAMI, Florida officials said on Oct. 7, 2025 that it passed."), None);
    }

    #[test]
    fn british_datelines_with_a_weekday() {
        assert_eq!(
            reference("LEEDS, Thursday 18 September 2025 - The council met."),
            Some(date(2025, 9, 18))
        );
        assert_eq!(reference("CARDIFF, Monday, 2 March 2026 — Ministers met."), Some(date(2026, 3, 2)));
    }

    #[test]
    fn datelines_without_a_year_do_not_anchor() {
        assert_eq!(reference("BRUSSELS, Oct. 2 (Reuters) - The EU said."), None);
        assert_eq!(reference("CHICAGO, Ill., Oct. 2 (Reuters) - Grain prices fell."), None);
        assert_eq!(reference("Paris, the city, said on May 8, 2025 it would."), None);
    }

    fn pinned(text: &str, given: jiff::civil::Date) -> Option<(jiff::civil::Date, ReferenceOrigin)> {
        let options = Options { reference_date: Some(given), ..Options::default() };
        Document::parse(text, &options).unwrap().reference().map(|r| (r.date, r.origin))
    }

    #[test]
    fn wire_datelines_without_a_year_are_read() {
        for (text, month, day) in [
            ("BRUSSELS, Oct. 2 (Reuters) - The EU said.", 10, 2),
            ("WASHINGTON, Oct 2 (AP) — The Senate voted.", 10, 2),
            ("SALVADOR, Feb 26 - Showers continued.", 2, 26),
            ("BROOMFIELD, COLO., July 29 - The company said.", 7, 29),
            ("OTTAWA, Oct 2- Canada said.", 10, 2),
            ("TOLEDO, Ohio, March 13 - Sheller-Globe said.", 3, 13),
            ("Trail, British Columbia, June 11 - Cominco said.", 6, 11),
            ("TORRANCE, Calif, March 3 - The company said.", 3, 3),
            ("Toronto, March 9 - Varity said.", 3, 9),
        ] {
            let dateline = Document::from_text(text).dateline().unwrap_or_else(|| panic!("{text}"));
            assert_eq!((dateline.year, dateline.month, dateline.day), (None, month, day), "{text}");
        }
        // Without the agency's mark or a dash, a place and a date are only a sentence.
        assert_eq!(Document::from_text("PARIS, May 8 was the day it fell.").dateline(), None);
        // A place written as a name dates nothing without the closing mark or with a year.
        assert_eq!(Document::from_text("Toronto, March 9 was the day it fell.").dateline(), None);
        assert_eq!(reference("Yesterday, March 3, 2025 - the board met."), None);
        assert_eq!(Document::from_text("BRUSSELS, Feb. 30 (Reuters) - The EU said.").dateline(), None);
    }

    #[test]
    fn a_dateline_without_a_year_pins_a_given_date_to_its_day() {
        let text = "TOKYO, March 3 (Reuters) - Japan said.";
        // Published a day earlier where the date was given: the story's local date stands.
        assert_eq!(pinned(text, date(1987, 3, 2)), Some((date(1987, 3, 3), ReferenceOrigin::Dateline)));
        assert_eq!(pinned(text, date(1987, 3, 4)), Some((date(1987, 3, 3), ReferenceOrigin::Dateline)));
        // Two days or more apart, the dateline is not the story's date: the given date stands.
        assert_eq!(pinned(text, date(1987, 3, 5)), Some((date(1987, 3, 5), ReferenceOrigin::Given)));
        assert_eq!(pinned(text, date(1987, 5, 3)), Some((date(1987, 5, 3), ReferenceOrigin::Given)));
        // The year that puts the dateline nearest the given date, across the new year.
        assert_eq!(
            pinned("HELSINKI, Dec 31 (Reuters) - Finland said.", date(2026, 1, 1)),
            Some((date(2025, 12, 31), ReferenceOrigin::Dateline))
        );
        // A dateline with a year pins the day too, and only the day.
        assert_eq!(
            pinned("NEW YORK, Jan. 3, 2023 (Reuters) - Stocks rose.", date(2023, 1, 4)),
            Some((date(2023, 1, 3), ReferenceOrigin::Dateline))
        );
        assert_eq!(
            pinned("NEW YORK, Jan. 3, 2023 (Reuters) - Stocks rose.", date(2024, 1, 3)),
            Some((date(2024, 1, 3), ReferenceOrigin::Given))
        );
    }

    #[test]
    fn a_story_date_refused_leaves_the_given_date() {
        let options =
            Options { reference_date: Some(date(1987, 3, 2)), ignore_story_date: true, ..Options::default() };
        let doc = Document::parse("TOKYO, March 3 (Reuters) - Japan said.", &options).unwrap();
        assert_eq!(doc.reference_date(), Some(date(1987, 3, 2)));
        assert!(doc.dateline().is_some());
    }

    #[test]
    fn front_matter_and_given_dates() {
        let options = Options { format: Format::Markdown, ..Options::default() };
        let doc = Document::parse("---\ndate: 2025-05-08T09:00:00Z\n---\nText.\n", &options).unwrap();
        assert_eq!(
            doc.reference().map(|r| (r.date, r.origin)),
            Some((date(2025, 5, 8), ReferenceOrigin::FrontMatter))
        );
        let given = Options { reference_date: Some(date(2020, 1, 1)), ..options };
        let doc = Document::parse("---\ndate: 2025-05-08\n---\nText.\n", &given).unwrap();
        assert_eq!(doc.reference().map(|r| r.origin), Some(ReferenceOrigin::Given));
    }
}
