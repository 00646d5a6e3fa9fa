//! The reference date, the last layer: when the story was written, read from the date at its
//! dateline ("WARSAW, Thursday, May 8, 2025 —", "LONDON, 4 June 2024 -"). A dateline without a
//! year ("BRUSSELS, Oct. 2 (Reuters) -") cannot anchor relative dates and is ignored.
//!
//! Reading the dateline takes the claims layer's date reader, so it runs as its own step after
//! the text model is built: [`Document::parse`] is [`Document::parse_text`] (which takes a date
//! the caller gave or the front matter states) followed by this step.

use crate::claims::temporal;
use crate::text::document::{Document, Options, ReferenceDate, ReferenceOrigin, TooLarge};
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::Date;

/// How many paragraphs from the top a dateline may appear in (after a headline and a byline).
const DATELINE_PARAGRAPHS: usize = 4;

impl Document {
    /// Reads one story: the text model, then the reference date from its dateline when neither
    /// the caller nor the front matter gave one (and `options` allow the story's own date).
    pub fn parse(source: impl Into<String>, options: &Options) -> Result<Document, TooLarge> {
        let mut document = Document::parse_text(source, options)?;
        if document.reference().is_none()
            && !options.ignore_story_date
            && let Some(date) = from_dateline(&document)
        {
            document.set_reference(ReferenceDate { date, origin: ReferenceOrigin::Dateline });
        }
        Ok(document)
    }

    /// Plain text with no reference date: the common case in tests and examples.
    pub fn from_text(text: &str) -> Document {
        Document::parse(text, &Options::default()).unwrap_or_else(|_| unreachable!("test text is small"))
    }
}

/// The date of a dateline in the first paragraphs, if it names a year.
fn from_dateline(doc: &Document) -> Option<Date> {
    doc.paragraphs().iter().take(DATELINE_PARAGRAPHS).find_map(|paragraph| {
        let first = paragraph.first_token as usize;
        let end = (paragraph.end_token as usize).min(first + 16);
        let window = Window { doc, first, end, taken: &[] };
        let comma = (first..end).find(|&i| doc.is_text(i, ","))?;
        let place_is_capitals = comma > first
            && (first..comma).all(|i| match doc.token_kind(i) {
                Some(TokenKind::Word) => {
                    let word = doc.token_text(i);
                    word.len() > 1 && word.chars().all(|c| !c.is_lowercase())
                }
                Some(TokenKind::Punct) => matches!(doc.token_text(i), "." | "-"),
                _ => false,
            });
        if !place_is_capitals {
            return None;
        }
        let (written, _) = temporal::written_at(&window, comma + 1)?;
        Date::new(written.year?, written.month?, written.day?).ok()
    })
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
    fn datelines_without_a_year_do_not_anchor() {
        assert_eq!(reference("BRUSSELS, Oct. 2 (Reuters) - The EU said."), None);
        assert_eq!(reference("Paris, the city, said on May 8, 2025 it would."), None);
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
