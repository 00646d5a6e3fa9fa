//! The extractor's times on sentences in news style.

use crate::claims::claim::{ClaimKind, ClockTime, DateValue, Qualifier};
use crate::numbers::units::Unit;
use crate::text::document::{Document, Options};
use jiff::civil::{Date, date};

fn dated(text: &str, reference: Date) -> Vec<(ClaimKind, String, Option<DateValue>)> {
    let doc =
        Document::parse(text, &Options { reference_date: Some(reference), ..Options::default() }).unwrap();
    crate::extract(&doc)
        .into_iter()
        .filter(|c| c.kind.is_temporal())
        .map(|c| (c.kind, doc.slice(c.span).to_string(), c.date()))
        .collect()
}

fn one(text: &str, reference: Date) -> (ClaimKind, String, Option<DateValue>) {
    let found = dated(text, reference);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

const MONDAY: Date = date(2022, 1, 31);

#[test]
fn full_dates_in_ap_and_british_style() {
    for text in [
        "It ended on Jan. 31, 2022.",
        "It ended on 31 January 2022.",
        "It ended on 2022-01-31.",
        "It ended on January 31st, 2022.",
    ] {
        assert_eq!(one(text, MONDAY).2, Some(DateValue::Day(date(2022, 1, 31))), "{text}");
    }
    let (_, written, value) = one("It opened on Thursday, May 8, 2025.", MONDAY);
    assert_eq!(written, "Thursday, May 8, 2025");
    assert_eq!(value, Some(DateValue::Day(date(2025, 5, 8))));
}

#[test]
fn weekdays_follow_the_tense() {
    assert_eq!(one("They will meet on Tuesday.", MONDAY).2, Some(DateValue::Day(date(2022, 2, 1))));
    assert_eq!(one("They met on Tuesday.", MONDAY).2, Some(DateValue::Day(date(2022, 1, 25))));
    assert_eq!(one("Officials confirmed on Monday that it arrived.", MONDAY).2, Some(DateValue::Day(MONDAY)));
    assert_eq!(one("After Monday's meeting, nothing changed.", MONDAY).2, Some(DateValue::Day(MONDAY)));
    assert_eq!(
        one("A call is scheduled between the two leaders on Tuesday.", MONDAY).2,
        Some(DateValue::Day(date(2022, 2, 1)))
    );
}

#[test]
fn months_years_and_parts() {
    assert_eq!(
        one("Talks resume in March.", MONDAY).2,
        Some(DateValue::Span { from: date(2022, 3, 1), to: date(2022, 3, 31) })
    );
    assert_eq!(
        one("It opened in May 2025.", MONDAY).2,
        Some(DateValue::Span { from: date(2025, 5, 1), to: date(2025, 5, 31) })
    );
    assert_eq!(
        one("It will happen in early February.", MONDAY).2,
        Some(DateValue::Span { from: date(2022, 2, 1), to: date(2022, 2, 10) })
    );
    assert_eq!(
        one("It will happen in mid-February.", MONDAY).2,
        Some(DateValue::Span { from: date(2022, 2, 11), to: date(2022, 2, 20) })
    );
}

#[test]
fn relative_dates() {
    assert_eq!(one("The bill passed yesterday.", MONDAY).2, Some(DateValue::Day(date(2022, 1, 30))));
    assert_eq!(
        one("It happened last week.", MONDAY).2,
        Some(DateValue::Span { from: date(2022, 1, 24), to: date(2022, 1, 30) })
    );
    assert_eq!(
        one("It will happen next month.", MONDAY).2,
        Some(DateValue::Span { from: date(2022, 2, 1), to: date(2022, 2, 28) })
    );
    assert_eq!(one("They left two weeks ago.", MONDAY).2, Some(DateValue::Day(date(2022, 1, 17))));
    assert_eq!(one("They return in two weeks.", MONDAY).2, Some(DateValue::Day(date(2022, 2, 14))));
}

#[test]
fn clock_times() {
    for (text, written) in [
        ("It starts at 3 p.m. sharp.", "3 p.m."),
        ("It starts at 3pm sharp.", "3pm"),
        ("It starts at 10:30 a.m. EST today.", "10:30 a.m. EST"),
        ("It starts at 15:30 sharp.", "15:30"),
        ("It starts at noon sharp.", "noon"),
    ] {
        let found = dated(text, MONDAY);
        assert!(
            found.iter().any(|(kind, w, _)| *kind == ClaimKind::Time && w == written),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn deadlines_are_date_ranges() {
    let doc = Document::parse(
        "Troops will arrive by early February.",
        &Options { reference_date: Some(MONDAY), ..Options::default() },
    )
    .unwrap();
    let claims = crate::extract(&doc);
    let deadline = claims.iter().find(|c| c.kind == ClaimKind::Deadline).expect("a deadline");
    assert_eq!(doc.slice(deadline.span), "by early February");
    assert_eq!(deadline.qualifier, Qualifier::AtMost);
    assert_eq!(deadline.date(), Some(DateValue::Span { from: date(2022, 2, 1), to: date(2022, 2, 10) }));
    assert_eq!(one("Reply by the end of March.", MONDAY).2, Some(DateValue::Day(date(2022, 3, 31))));
    assert_eq!(one("Pay before July 1.", MONDAY).0, ClaimKind::Deadline);
    assert_eq!(one("Reply no later than Friday.", MONDAY).2, Some(DateValue::Day(date(2022, 2, 4))));
}

#[test]
fn time_given_to_act_is_a_deadline() {
    let (kind, span, value) = one("Bidders have until Feb. 25 to submit offers.", MONDAY);
    assert_eq!((kind, span.as_str()), (ClaimKind::Deadline, "until Feb. 25"));
    assert_eq!(value, Some(DateValue::Day(date(2022, 2, 25))));
    assert_eq!(one("The firm was given until March 4 to reply.", MONDAY).0, ClaimKind::Deadline);
    // How long something lasts is not a deadline.
    assert_eq!(one("The exhibition runs until March 4.", MONDAY).0, ClaimKind::Date);
    assert_eq!(one("They waited until Feb. 25.", MONDAY).0, ClaimKind::Date);
}

#[test]
fn durations() {
    let doc = Document::from_text("Leave within 48 hours; he served for four years.");
    let kinds: Vec<_> =
        crate::extract(&doc).into_iter().map(|c| (c.kind, c.value, c.unit.map(Unit::code))).collect();
    assert_eq!(
        kinds,
        vec![(ClaimKind::Duration, Some(48.0), Some("h")), (ClaimKind::Duration, Some(4.0), Some("year"))]
    );
}

#[test]
fn without_a_reference_relative_dates_stay_unresolved() {
    let doc = Document::from_text("They met on Tuesday and will meet again on March 3.");
    let dates: Vec<_> = crate::extract(&doc).into_iter().map(|c| c.date()).collect();
    assert_eq!(dates, vec![None, None]);
}

#[test]
fn may_the_verb_is_not_a_month() {
    let doc = Document::from_text("Prices may rise. May I ask? The vote is in May.");
    assert_eq!(crate::extract(&doc).len(), 1);
}

const THURSDAY: Date = date(2019, 1, 31);

fn day(y: i16, m: i8, d: i8) -> Option<DateValue> {
    Some(DateValue::Day(date(y, m, d)))
}

fn span(from: Date, to: Date) -> Option<DateValue> {
    Some(DateValue::Span { from, to })
}

/// The one temporal claim's text and date.
fn read(text: &str, reference: Date) -> (String, Option<DateValue>) {
    let (_, written, value) = one(text, reference);
    (written, value)
}

#[test]
fn last_and_next_weekdays_count_in_calendar_weeks() {
    assert_eq!(
        read("The minister resigned last Wednesday.", THURSDAY),
        ("last Wednesday".into(), day(2019, 1, 23))
    );
    assert_eq!(read("The vote is next Friday.", THURSDAY), ("next Friday".into(), day(2019, 2, 8)));
    assert_eq!(read("Fans queued this past Sunday.", THURSDAY).1, day(2019, 1, 27));
    assert_eq!(read("We met this Sunday.", MONDAY).1, day(2022, 1, 30));
    assert_eq!(read("The vote is this Sunday.", MONDAY).1, day(2022, 2, 6));
    assert_eq!(read("The board meets on the coming Thursday.", THURSDAY).1, day(2019, 2, 7));
    // Counted from a day the story gave, not from the reference date.
    assert_eq!(read("He was charged the following Friday.", THURSDAY), ("following Friday".into(), None));
}

#[test]
fn weekdays_in_a_named_week() {
    assert_eq!(read("Talks resume on Tuesday of next week.", THURSDAY).1, day(2019, 2, 5));
    assert!(dated("The Sunday Times reported the deal.", THURSDAY).is_empty());
    assert!(dated("He wrote for Sunday Telegraph readers.", THURSDAY).is_empty());
    assert!(dated("He joined Sheffield Wednesday in 2004.", THURSDAY).iter().all(|(_, w, _)| w == "2004"));
    assert_eq!(read("On Tuesday, the board met.", THURSDAY).1, day(2019, 1, 29));
    assert_eq!(read("The panel meets next week on Thursday.", THURSDAY).1, day(2019, 2, 7));
    assert_eq!(read("The report was due last week, Monday.", THURSDAY).1, day(2019, 1, 21));
}

#[test]
fn weekdays_with_a_day_of_the_month() {
    let monday = date(2019, 6, 10);
    assert_eq!(read("Voting closes on Tuesday the 11th.", monday).1, day(2019, 6, 11));
    assert_eq!(read("It ends on Sunday the thirtieth.", monday).1, day(2019, 6, 30));
    assert_eq!(read("They sail on Wednesday the thirty first.", date(2019, 7, 19)).1, day(2019, 7, 31));
}

#[test]
fn days_as_ordinal_words() {
    assert_eq!(read("Parades fill the streets on the fourth of July.", MONDAY).1, day(2022, 7, 4));
    assert_eq!(read("The law takes effect on May first.", MONDAY).1, day(2022, 5, 1));
    assert_eq!(read("It opened on the twenty-first of May, 1999.", MONDAY).1, day(1999, 5, 21));
    // An ordinal that runs on into a word is not a day.
    assert!(
        dated("In March third-quarter results disappointed.", MONDAY).iter().all(|(_, w, _)| w == "March")
    );
}

#[test]
fn month_names_in_lower_case_beside_a_day() {
    assert_eq!(read("The hearing is on 28 june in 2020.", MONDAY).1, day(2020, 6, 28));
    assert_eq!(read("Filings closed 14 nov 2023.", MONDAY).1, day(2023, 11, 14));
    assert!(dated("Shares in the two firms may 5 times over.", MONDAY).is_empty());
}

#[test]
fn a_possessive_month_takes_no_day() {
    let (written, value) = read("Sales fell after December's 4% rise.", MONDAY);
    assert_eq!(written, "December's");
    assert_eq!(value, span(date(2021, 12, 1), date(2021, 12, 31)));
}

#[test]
fn numeric_dates_with_month_names() {
    for text in [
        "The filing is dated 05-Aug-2016.",
        "The filing is dated 2016/Aug/05.",
        "The filing is dated Aug-05-2016.",
    ] {
        assert_eq!(read(text, MONDAY).1, day(2016, 8, 5), "{text}");
    }
    assert_eq!(read("Prices peaked in Dec-2018.", MONDAY).1, span(date(2018, 12, 1), date(2018, 12, 31)));
    assert_eq!(read("The board meets on Oct/2.", date(2022, 9, 20)).1, day(2022, 10, 2));
    assert_eq!(read("Eli Lilly sold the unit on Dec31, 1994.", MONDAY).1, day(1994, 12, 31));
}

#[test]
fn ranges_of_days_months_and_years() {
    assert_eq!(
        read("The festival runs June 1-5.", MONDAY),
        ("June 1-5".into(), span(date(2022, 6, 1), date(2022, 6, 5)))
    );
    assert_eq!(read("The summit runs 1-5 June 2024.", MONDAY).1, span(date(2024, 6, 1), date(2024, 6, 5)));
    assert_eq!(read("Polls open between June 1 and 5.", MONDAY).0, "between June 1 and 5");
    assert_eq!(read("Output fell in June-August 1992.", MONDAY).1, span(date(1992, 6, 1), date(1992, 8, 31)));
    assert_eq!(
        read("Sales rose between 2010 and 2018.", MONDAY),
        ("between 2010 and 2018".into(), span(date(2010, 1, 1), date(2018, 12, 31)))
    );
    assert_eq!(read("He served from 2010 to 2018.", MONDAY).0, "from 2010 to 2018");
    assert_eq!(read("The 2013-14 season was poor.", MONDAY).1, span(date(2013, 1, 1), date(2014, 12, 31)));
    assert_eq!(
        read("He was player of the season in 2001/2.", MONDAY).1,
        span(date(2001, 1, 1), date(2002, 12, 31))
    );
    assert!(dated("Prices are quoted as 1995-01.", MONDAY).iter().all(|(_, w, _)| w != "1995-01"));
    // Four-digit clock times are not years.
    assert!(
        dated("The silence runs from 1130 to 1215 GMT.", MONDAY)
            .iter()
            .all(|(kind, _, _)| *kind == ClaimKind::Time)
    );
}

#[test]
fn time_ranges_lend_the_start_their_half_of_the_day() {
    let times = |text: &str| -> Vec<(String, Option<ClockTime>)> {
        let doc = Document::from_text(text);
        crate::extract(&doc).into_iter().map(|c| (doc.slice(c.span).to_string(), c.time())).collect()
    };
    let at = |hour, minute| Some(ClockTime { hour, minute });
    assert_eq!(
        times("The count runs from 3 to 5pm."),
        vec![("3".into(), at(15, 0)), ("5pm".into(), at(17, 0))]
    );
    assert_eq!(
        times("Polls close between 2 and 4 p.m."),
        vec![("2".into(), at(14, 0)), ("4 p.m.".into(), at(16, 0))]
    );
    assert_eq!(
        times("The office opens from 10 to 3pm."),
        vec![("10".into(), at(10, 0)), ("3pm".into(), at(15, 0))]
    );
    assert_eq!(times("Figures are due at 1630 EST."), vec![("1630 EST".into(), at(16, 30))]);
    assert_eq!(
        times("The silence runs from 1130 to 1215 GMT."),
        vec![("1130".into(), at(11, 30)), ("1215 GMT".into(), at(12, 15))]
    );
    assert_eq!(times("The abbey was founded in 1130."), vec![("1130".into(), None)]);
}

#[test]
fn offsets_from_another_day() {
    let thursday = date(2018, 5, 31);
    assert_eq!(read("The team returns three weeks from tomorrow.", thursday).1, day(2018, 6, 22));
    assert_eq!(read("The fund opens three days from now.", thursday).1, day(2018, 6, 3));
    assert_eq!(read("The ship sank two days before yesterday.", thursday).1, day(2018, 5, 28));
    assert_eq!(read("Results will come 3 days after January 12th.", thursday).1, day(2019, 1, 15));
    assert_eq!(read("Shops filled two weeks before Christmas.", date(2016, 11, 7)).1, day(2016, 12, 11));
    assert_eq!(read("It will end two months after next Friday.", date(2016, 11, 7)).1, day(2017, 1, 18));
    assert_eq!(read("Markets fell two weeks and two days ago.", thursday).1, day(2018, 5, 15));
    assert_eq!(read("The rate was higher a year ago.", thursday).1, day(2017, 5, 31));
    assert_eq!(read("Fares rise in a fortnight's time.", thursday).0, "in a fortnight's time");
}

#[test]
fn qualified_offsets_bound_the_date() {
    let doc = Document::parse(
        "The work finished more than two weeks ago.",
        &Options { reference_date: Some(date(2018, 6, 12)), ..Options::default() },
    )
    .unwrap();
    let claims = crate::extract(&doc);
    assert_eq!(claims.len(), 1);
    assert_eq!(doc.slice(claims[0].span), "more than two weeks ago");
    assert_eq!(claims[0].date(), day(2018, 5, 29));
    assert_eq!(claims[0].qualifier, Qualifier::LessThan);
}

#[test]
fn spans_looked_back_over_are_not_future_dates() {
    for text in ["Output hit its lowest level in five years.", "Crude has lost $4 in five days."] {
        assert!(dated(text, MONDAY).iter().all(|(kind, _, _)| *kind == ClaimKind::Duration), "{text}");
    }
}

#[test]
fn holidays() {
    assert_eq!(read("Shops close on Christmas Day.", MONDAY).1, day(2021, 12, 25));
    assert_eq!(read("The church reopened at Easter 2018.", MONDAY).1, day(2018, 4, 1));
    assert_eq!(read("Crowds were smaller last Easter.", date(2019, 3, 12)).1, day(2018, 4, 1));
    assert_eq!(read("Retailers hope for a strong Black Friday 2010.", MONDAY).1, day(2010, 11, 26));
    assert_eq!(read("Turkeys sold out before Thanksgiving.", date(2021, 11, 1)).1, day(2021, 11, 25));
    assert_eq!(
        read("Traffic peaks over Labor Day weekend.", date(2021, 8, 20)).1,
        span(date(2021, 9, 4), date(2021, 9, 6))
    );
    assert!(dated("Christmas shopping started early.", MONDAY).is_empty());
    assert!(dated("The statues of Easter Island are famous.", MONDAY).is_empty());
}

#[test]
fn periods_and_their_parts() {
    assert_eq!(
        read("The league resumes after the weekend.", MONDAY).1,
        span(date(2022, 2, 5), date(2022, 2, 6))
    );
    assert_eq!(
        read("Wales were awesome at the weekend.", MONDAY).1,
        span(date(2022, 1, 29), date(2022, 1, 30))
    );
    assert_eq!(
        read("The fund opens the week after next.", MONDAY).1,
        span(date(2022, 2, 14), date(2022, 2, 20))
    );
    assert_eq!(
        read("Officials met earlier in the week.", MONDAY).1,
        span(date(2022, 1, 31), date(2022, 2, 6))
    );
    assert_eq!(read("Reply by the end of the week.", MONDAY).1, day(2022, 2, 6));
    assert_eq!(read("A party is planned for end of year.", MONDAY).1, day(2022, 12, 31));
    assert_eq!(read("Output doubled over the past decade.", MONDAY).1, span(date(2012, 2, 1), MONDAY));
    assert_eq!(read("Work starts in the next decade.", MONDAY).0, "next decade");
    assert_eq!(read("Rates hold for the rest of the year.", MONDAY).1, span(MONDAY, date(2022, 12, 31)));
    assert_eq!(
        read("A deal is expected early next year.", MONDAY).1,
        span(date(2023, 1, 1), date(2023, 4, 30))
    );
    assert_eq!(read("Prices rose 5% over the past year.", MONDAY).1, span(date(2021, 2, 1), MONDAY));
    assert_eq!(read("Prices rose 5% last year.", MONDAY).1, span(date(2021, 1, 1), date(2021, 12, 31)));
    assert_eq!(read("Sales rose 4% on the previous year.", MONDAY), ("previous year".into(), None));
    assert_eq!(read("It was busy in the last week of March.", MONDAY).0, "March");
}

#[test]
fn quarters_and_halves() {
    assert_eq!(
        read("Profits rose in the third quarter of 2004.", MONDAY).1,
        span(date(2004, 7, 1), date(2004, 9, 30))
    );
    assert_eq!(read("Q3 2024 results were strong.", MONDAY).1, span(date(2024, 7, 1), date(2024, 9, 30)));
    assert_eq!(
        read("Growth slowed in the first half of 2019.", MONDAY).1,
        span(date(2019, 1, 1), date(2019, 6, 30))
    );
    assert_eq!(
        read("Jobs went in the last quarter of 2004.", MONDAY).1,
        span(date(2004, 10, 1), date(2004, 12, 31))
    );
    assert_eq!(
        read("Sales for last quarter were flat.", date(2019, 7, 4)).1,
        span(date(2019, 4, 1), date(2019, 6, 30))
    );
    // A game's quarter has no year.
    assert!(dated("He scored in the third quarter.", MONDAY).is_empty());
}

#[test]
fn seasons() {
    let november = date(2016, 11, 7);
    assert_eq!(read("Prices rose this summer.", november).1, span(date(2016, 6, 1), date(2016, 8, 31)));
    assert_eq!(read("The court rules in the spring.", november).0, "the spring");
    assert_eq!(
        read("The court will rule in the spring.", november).1,
        span(date(2017, 3, 1), date(2017, 5, 31))
    );
    assert_eq!(read("The tour ran in summer 2019.", november).1, span(date(2019, 6, 1), date(2019, 8, 31)));
    assert_eq!(
        read("Snow closed roads last winter.", november).1,
        span(date(2015, 12, 1), date(2016, 2, 29))
    );
    assert!(dated("Prices may fall sharply.", november).is_empty());
}

#[test]
fn days_of_a_month_with_the() {
    let july = date(2020, 7, 1);
    assert_eq!(read("Staff return on the 15th day of next month.", july).1, day(2020, 8, 15));
    assert_eq!(read("A vote is set for around the 21st this month.", july).1, day(2020, 7, 21));
    assert_eq!(read("The fee is due on the 5th.", july).1, day(2020, 7, 5));
    assert!(dated("He bogeyed the 5th hole.", july).is_empty());
}

#[test]
fn the_present_and_nearby_days() {
    assert_eq!(read("Markets are calm right now.", MONDAY), ("right now".into(), day(2022, 1, 31)));
    assert_eq!(read("Demand is weak at the moment.", MONDAY).1, day(2022, 1, 31));
    assert_eq!(read("Supply is fine at the minute, he said.", MONDAY).0, "at the minute");
    assert_eq!(read("Today's vote was close.", MONDAY), ("Today's".into(), day(2022, 1, 31)));
    assert_eq!(read("Storms arrive tomorrow night.", MONDAY).0, "tomorrow night");
    assert!(
        dated("The firm now employs 300 people.", MONDAY).iter().all(|(kind, _, _)| *kind != ClaimKind::Date)
    );
}

#[test]
fn passive_participles_do_not_make_the_past() {
    let march = date(2025, 3, 4);
    for text in [
        "The shares are expected to be listed by April.",
        "An election is due to be held before September.",
        "The new government will probably not be established before the start of April.",
    ] {
        let found = dated(text, march);
        assert!(
            found.iter().all(|(_, _, value)| value.is_some_and(|v| v.first().year() == 2025)),
            "{text}: {found:?}"
        );
    }
}
