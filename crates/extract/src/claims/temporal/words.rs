//! The words times are made of: month and weekday names, modifiers, period units, and the
//! look-up that lets the scanner match them without allocating.
//!
//! Every word that can start a time expression is in one table, [`LEADS`], hashed at compile
//! time: the scanner tests each word as written, in any case, and rejects it with a single probe
//! in the common case; past that, it reads the document's folded form of the word.

use jiff::civil::Weekday;

/// A word as the document folded it (lower case, ’ as '), a possessive ("monday's", "year's")
/// dropped. It borrows the document's folded text, so looking at a word costs no copy.
pub(super) struct Folded<'a> {
    word: &'a str,
    /// The word had a possessive: "December's 4% rise" has no day after the month.
    pub possessive: bool,
}

impl<'a> Folded<'a> {
    pub(super) fn as_str(&self) -> &'a str {
        self.word
    }
}

/// Drops a possessive from a word the document has already folded.
pub(super) fn fold(folded: &str) -> Folded<'_> {
    match folded.strip_suffix("'s") {
        Some(stem) => Folded { word: stem, possessive: true },
        None => Folded { word: folded, possessive: false },
    }
}

/// A word's bytes without a possessive "'s" or "’s", and whether it had one.
fn stem(text: &str) -> (&[u8], bool) {
    match text.as_bytes() {
        [stem @ .., b'\'', b's' | b'S'] => (stem, true),
        [stem @ .., 0xE2, 0x80, 0x99, b's' | b'S'] => (stem, true),
        bytes => (bytes, false),
    }
}

/// How freely a month name may be read as a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthWord {
    /// A full name that is no other English word: "January", "june".
    Plain,
    /// A capitalised name that is also a common word or an abbreviation ("May", "March", "Jan"):
    /// a month alone only after a time word, always with a day or a year.
    Capital,
    /// Lower case "may", "march", "august" or an abbreviation: only right after a day number
    /// ("28 may", "14 nov"), or for abbreviations before one ("nov 14").
    Lower,
}

/// How a month word written with or without a capital may be read.
pub(super) fn month_word(word: &str, capitalised: bool) -> MonthWord {
    let common_word = matches!(word, "may" | "march" | "august");
    let abbreviated = word.len() <= 4 && !matches!(word, "may" | "june" | "july");
    match (capitalised, common_word || abbreviated) {
        (_, false) => MonthWord::Plain,
        (true, true) if word == "august" => MonthWord::Plain,
        (true, true) => MonthWord::Capital,
        (false, true) => MonthWord::Lower,
    }
}

pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A word that points from the reference date to a period or a day: "last", "next", "this".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Modifier {
    /// "last", "previous": the period before the current one.
    Last,
    /// "past": the most recent, counting back from the reference date.
    Past,
    /// "next", "following": the period after the current one.
    Next,
    /// "coming", "upcoming": the first one after the reference date.
    Coming,
    /// "this", "current".
    This,
    /// "the previous", "the following": counted from a time the story gave ("sales rose 4% on
    /// the previous year"), not from the reference date, so left unresolved.
    Anaphoric,
}

impl Modifier {
    /// How many periods from the current one: -1, 0 or 1.
    pub(super) fn step(self) -> i64 {
        match self {
            Modifier::Last | Modifier::Past => -1,
            Modifier::Next | Modifier::Coming => 1,
            Modifier::This | Modifier::Anaphoric => 0,
        }
    }
}

/// A calendar period that "last", "this" and "next" count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    /// "the last decade"; "next decade" is the calendar decade (the 2020s).
    Decade,
}

pub(super) fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "week" | "workweek" => Unit::Week,
        "weekend" => Unit::Weekend,
        "fortnight" => Unit::Fortnight,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

/// A length of time an offset counts in ("two weeks ago"), in days, or in months for months
/// and years (which vary in length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Days(i64),
    Months(i64),
}

pub(super) fn step_of(word: &str) -> Option<Step> {
    Some(match word {
        "day" | "days" => Step::Days(1),
        "week" | "weeks" => Step::Days(7),
        "fortnight" | "fortnights" => Step::Days(14),
        "month" | "months" => Step::Months(1),
        "year" | "years" => Step::Months(12),
        _ => return None,
    })
}

/// Parts of a day after a date or weekday: "Tuesday night", "yesterday morning".
pub(super) fn is_part_of_day(word: &str) -> bool {
    matches!(word, "morning" | "afternoon" | "evening" | "night")
}

/// What a word that can start a time expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lead {
    Month(i8),
    /// A weekday, and whether the word is a short form ("Thu", "Tues").
    Weekday(Weekday, bool),
    Modifier(ModifierWord),
    /// A season, by the month it starts in (northern hemisphere).
    Season(i8),
    /// A number word, cardinal or ordinal: "two", "fourth".
    Number,
    /// The first word of a holiday's name: "Christmas", "Boxing".
    Holiday,
    /// "by", "before", "no" (later than), "not" (later than), "until" (after "has").
    Deadline,
    /// "between", "from".
    Range,
    The,
    /// "noon", "midnight", "midday".
    Clock,
    /// "today", "yesterday", "right" (now), "at" (present).
    Relative,
    /// "end" (of), "early", "mid", "earlier" (in).
    Part,
    /// "Q3", "H1".
    Quarter,
    /// "a", "an" ("a week ago").
    Article,
}

/// The words behind [`Modifier`], before "the" decides what "previous" and "following" mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ModifierWord {
    Last,
    Previous,
    Past,
    Next,
    Following,
    Coming,
    This,
}

/// Every lead word, folded to lower case.
const LEADS: &[(&str, Lead)] = &[
    ("january", Lead::Month(1)),
    ("jan", Lead::Month(1)),
    ("february", Lead::Month(2)),
    ("feb", Lead::Month(2)),
    ("march", Lead::Month(3)),
    ("mar", Lead::Month(3)),
    ("april", Lead::Month(4)),
    ("apr", Lead::Month(4)),
    ("may", Lead::Month(5)),
    ("june", Lead::Month(6)),
    ("jun", Lead::Month(6)),
    ("july", Lead::Month(7)),
    ("jul", Lead::Month(7)),
    ("august", Lead::Month(8)),
    ("aug", Lead::Month(8)),
    ("september", Lead::Month(9)),
    ("sept", Lead::Month(9)),
    ("sep", Lead::Month(9)),
    ("october", Lead::Month(10)),
    ("oct", Lead::Month(10)),
    ("november", Lead::Month(11)),
    ("nov", Lead::Month(11)),
    ("december", Lead::Month(12)),
    ("dec", Lead::Month(12)),
    ("monday", Lead::Weekday(Weekday::Monday, false)),
    ("tuesday", Lead::Weekday(Weekday::Tuesday, false)),
    ("wednesday", Lead::Weekday(Weekday::Wednesday, false)),
    ("thursday", Lead::Weekday(Weekday::Thursday, false)),
    ("friday", Lead::Weekday(Weekday::Friday, false)),
    ("saturday", Lead::Weekday(Weekday::Saturday, false)),
    ("sunday", Lead::Weekday(Weekday::Sunday, false)),
    ("mon", Lead::Weekday(Weekday::Monday, true)),
    ("tue", Lead::Weekday(Weekday::Tuesday, true)),
    ("tues", Lead::Weekday(Weekday::Tuesday, true)),
    ("wed", Lead::Weekday(Weekday::Wednesday, true)),
    ("thu", Lead::Weekday(Weekday::Thursday, true)),
    ("thur", Lead::Weekday(Weekday::Thursday, true)),
    ("thurs", Lead::Weekday(Weekday::Thursday, true)),
    ("fri", Lead::Weekday(Weekday::Friday, true)),
    ("sat", Lead::Weekday(Weekday::Saturday, true)),
    ("sun", Lead::Weekday(Weekday::Sunday, true)),
    ("last", Lead::Modifier(ModifierWord::Last)),
    ("previous", Lead::Modifier(ModifierWord::Previous)),
    ("past", Lead::Modifier(ModifierWord::Past)),
    ("next", Lead::Modifier(ModifierWord::Next)),
    ("following", Lead::Modifier(ModifierWord::Following)),
    ("coming", Lead::Modifier(ModifierWord::Coming)),
    ("upcoming", Lead::Modifier(ModifierWord::Coming)),
    ("this", Lead::Modifier(ModifierWord::This)),
    ("current", Lead::Modifier(ModifierWord::This)),
    ("spring", Lead::Season(3)),
    ("summer", Lead::Season(6)),
    ("autumn", Lead::Season(9)),
    ("fall", Lead::Season(9)),
    ("winter", Lead::Season(12)),
    ("one", Lead::Number),
    ("two", Lead::Number),
    ("three", Lead::Number),
    ("four", Lead::Number),
    ("five", Lead::Number),
    ("six", Lead::Number),
    ("seven", Lead::Number),
    ("eight", Lead::Number),
    ("nine", Lead::Number),
    ("ten", Lead::Number),
    ("eleven", Lead::Number),
    ("twelve", Lead::Number),
    ("thirteen", Lead::Number),
    ("fourteen", Lead::Number),
    ("fifteen", Lead::Number),
    ("sixteen", Lead::Number),
    ("seventeen", Lead::Number),
    ("eighteen", Lead::Number),
    ("nineteen", Lead::Number),
    ("twenty", Lead::Number),
    ("thirty", Lead::Number),
    ("forty", Lead::Number),
    ("fifty", Lead::Number),
    ("sixty", Lead::Number),
    ("seventy", Lead::Number),
    ("eighty", Lead::Number),
    ("ninety", Lead::Number),
    ("hundred", Lead::Number),
    ("first", Lead::Number),
    ("second", Lead::Number),
    ("third", Lead::Number),
    ("fourth", Lead::Number),
    ("fifth", Lead::Number),
    ("sixth", Lead::Number),
    ("seventh", Lead::Number),
    ("eighth", Lead::Number),
    ("ninth", Lead::Number),
    ("tenth", Lead::Number),
    ("eleventh", Lead::Number),
    ("twelfth", Lead::Number),
    ("thirteenth", Lead::Number),
    ("fourteenth", Lead::Number),
    ("fifteenth", Lead::Number),
    ("sixteenth", Lead::Number),
    ("seventeenth", Lead::Number),
    ("eighteenth", Lead::Number),
    ("nineteenth", Lead::Number),
    ("twentieth", Lead::Number),
    ("thirtieth", Lead::Number),
    ("new", Lead::Holiday),
    ("christmas", Lead::Holiday),
    ("boxing", Lead::Holiday),
    ("valentine", Lead::Holiday),
    ("st", Lead::Holiday),
    ("saint", Lead::Holiday),
    ("burns", Lead::Holiday),
    ("groundhog", Lead::Holiday),
    ("international", Lead::Holiday),
    ("earth", Lead::Holiday),
    ("juneteenth", Lead::Holiday),
    ("halloween", Lead::Holiday),
    ("hallowe'en", Lead::Holiday),
    ("bonfire", Lead::Holiday),
    ("guy", Lead::Holiday),
    ("armistice", Lead::Holiday),
    ("remembrance", Lead::Holiday),
    ("veterans", Lead::Holiday),
    ("hogmanay", Lead::Holiday),
    ("martin", Lead::Holiday),
    ("mlk", Lead::Holiday),
    ("presidents", Lead::Holiday),
    ("memorial", Lead::Holiday),
    ("holocaust", Lead::Holiday),
    ("father", Lead::Holiday),
    ("labor", Lead::Holiday),
    ("columbus", Lead::Holiday),
    ("thanksgiving", Lead::Holiday),
    ("black", Lead::Holiday),
    ("cyber", Lead::Holiday),
    ("shrove", Lead::Holiday),
    ("pancake", Lead::Holiday),
    ("ash", Lead::Holiday),
    ("mothering", Lead::Holiday),
    ("palm", Lead::Holiday),
    ("maundy", Lead::Holiday),
    ("good", Lead::Holiday),
    ("easter", Lead::Holiday),
    ("ascension", Lead::Holiday),
    ("whit", Lead::Holiday),
    ("pentecost", Lead::Holiday),
    ("by", Lead::Deadline),
    ("before", Lead::Deadline),
    ("no", Lead::Deadline),
    ("not", Lead::Deadline),
    ("until", Lead::Deadline),
    ("between", Lead::Range),
    ("from", Lead::Range),
    ("the", Lead::The),
    ("noon", Lead::Clock),
    ("midnight", Lead::Clock),
    ("midday", Lead::Clock),
    ("today", Lead::Relative),
    ("tonight", Lead::Relative),
    ("yesterday", Lead::Relative),
    ("tomorrow", Lead::Relative),
    ("right", Lead::Relative),
    ("at", Lead::Relative),
    ("earlier", Lead::Part),
    ("later", Lead::Part),
    ("end", Lead::Part),
    ("beginning", Lead::Part),
    ("start", Lead::Part),
    ("middle", Lead::Part),
    ("early", Lead::Part),
    ("late", Lead::Part),
    ("mid", Lead::Part),
    ("q1", Lead::Quarter),
    ("q2", Lead::Quarter),
    ("q3", Lead::Quarter),
    ("q4", Lead::Quarter),
    ("h1", Lead::Quarter),
    ("h2", Lead::Quarter),
    ("a", Lead::Article),
    ("an", Lead::Article),
];

/// Slots in the lead table: a power of two, about four times the words, so that most other
/// words meet an empty slot on the first probe.
const SLOTS: usize = 1024;

/// A hash of a word's length, first two letters and last letter, each with bit 5 set, which
/// lower-cases ASCII letters and leaves digits and apostrophes as they are: a word hashes the
/// same in any case without being folded, and in a few instructions. Lead words that share the
/// parts simply probe on.
const fn hash(word: &[u8]) -> usize {
    let len = word.len();
    if len == 0 {
        return 0;
    }
    let (first, second, last) =
        (word[0] | 0x20, word[if len > 1 { 1 } else { 0 }] | 0x20, word[len - 1] | 0x20);
    let key = (len as u64) | (first as u64) << 8 | (second as u64) << 16 | (last as u64) << 24;
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize & (SLOTS - 1)
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The lead table, built at compile time with linear probing; a word listed twice fails the
/// build.
static TABLE: [Option<(&str, Lead)>; SLOTS] = {
    let mut table: [Option<(&str, Lead)>; SLOTS] = [None; SLOTS];
    let mut n = 0;
    while n < LEADS.len() {
        let (word, lead) = LEADS[n];
        let mut slot = hash(word.as_bytes());
        while let Some((other, _)) = table[slot] {
            assert!(!same(other.as_bytes(), word.as_bytes()), "a lead word is listed twice");
            slot = (slot + 1) & (SLOTS - 1);
        }
        table[slot] = Some((word, lead));
        n += 1;
    }
    table
};

/// What a folded word is as the start of a time expression, if anything.
pub(super) fn lead_of(word: &str) -> Option<Lead> {
    lookup(word.as_bytes())
}

/// What a word as written ("Monday's", "MAY") is as the start of a time expression: the
/// scanner's test for every word, which needs no folding and in the common case one probe.
pub(super) fn lead_of_text(text: &str) -> Option<Lead> {
    lookup(stem(text).0)
}

fn lookup(stem: &[u8]) -> Option<Lead> {
    let mut slot = hash(stem);
    loop {
        let (listed, lead) = TABLE[slot]?;
        if listed.as_bytes().eq_ignore_ascii_case(stem) {
            return Some(lead);
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
}

/// The month a word names: full names and the usual abbreviations.
pub(super) fn month_number(word: &str) -> Option<i8> {
    match lead_of(word)? {
        Lead::Month(month) => Some(month),
        _ => None,
    }
}

/// The weekday a word names, and whether it is a short form ("Thu", "Tues").
pub(super) fn weekday_of(word: &str) -> Option<(Weekday, bool)> {
    match lead_of(word)? {
        Lead::Weekday(weekday, short) => Some((weekday, short)),
        _ => None,
    }
}

/// The modifier a word is; "previous" and "following" only point from the reference date
/// without "the" before them (`after_the`).
pub(super) fn modifier_of(word: &str, after_the: bool) -> Option<Modifier> {
    let Lead::Modifier(word) = lead_of(word)? else { return None };
    Some(match word {
        ModifierWord::Previous | ModifierWord::Following if after_the => Modifier::Anaphoric,
        ModifierWord::Last | ModifierWord::Previous => Modifier::Last,
        ModifierWord::Past => Modifier::Past,
        ModifierWord::Next | ModifierWord::Following => Modifier::Next,
        ModifierWord::Coming => Modifier::Coming,
        ModifierWord::This => Modifier::This,
    })
}

/// The month a season starts in (northern hemisphere).
pub(super) fn season_start(word: &str) -> Option<i8> {
    match lead_of(word)? {
        Lead::Season(month) => Some(month),
        _ => None,
    }
}

/// Number words that may count the units of an offset ("two weeks ago") or name a day or a
/// quarter ("the fourth of July", "the first quarter").
pub(super) fn is_number_word(word: &str) -> bool {
    lead_of(word) == Some(Lead::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lead_is_found_and_others_are_not() {
        for (word, lead) in LEADS {
            assert_eq!(lead_of(word), Some(*lead), "{word}");
        }
        for word in ["was", "and", "maybe", "marches", "sundays", "", "abcdefghijklmnop"] {
            assert_eq!(lead_of(word), None, "{word}");
        }
        assert_eq!(lead_of_text("Monday’s"), Some(Lead::Weekday(Weekday::Monday, false)));
        assert_eq!(lead_of_text("MAY"), Some(Lead::Month(5)));
        assert_eq!(lead_of_text("Zürich"), None);
    }

    #[test]
    fn folding_drops_possessives() {
        let folded = fold("monday's");
        assert_eq!((folded.as_str(), folded.possessive), ("monday", true));
        let folded = fold("zürich");
        assert_eq!((folded.as_str(), folded.possessive), ("zürich", false));
    }
}
