//! What the extractor finds: a [`Claim`] is one figure or time in the copy, with the interval its
//! words allow, what it counts, and for times the calendar date it means.

use crate::claims::temporal::{Tense, Written};
use crate::numbers::units::Unit;
use crate::text::span::Span;
use jiff::civil::Date;
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    Count,
    Money,
    Percent,
    Measure,
    Ordinal,
    Age,
    /// A vote or a score: "approved 9-3", "won 2-1".
    Score,
    Date,
    Time,
    Duration,
    Deadline,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::Measure => "measure",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Age => "age",
            ClaimKind::Score => "score",
            ClaimKind::Date => "date",
            ClaimKind::Time => "time",
            ClaimKind::Duration => "duration",
            ClaimKind::Deadline => "deadline",
        }
    }

    /// Dates, times, durations and deadlines.
    pub fn is_temporal(self) -> bool {
        matches!(self, ClaimKind::Date | ClaimKind::Time | ClaimKind::Duration | ClaimKind::Deadline)
    }
}

/// How the words bound the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    /// about, around, roughly, some, an estimated
    About,
    /// nearly, almost, close to
    Nearly,
    /// at least, no fewer than
    AtLeast,
    /// more than, over, above
    MoreThan,
    /// at most, no more than
    AtMost,
    /// less than, fewer than, under
    LessThan,
    /// up to, as many as
    UpTo,
    /// between 10 and 20, 10-20
    Range,
    /// dozens, tens of thousands
    Vague,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at-least",
            Qualifier::MoreThan => "more-than",
            Qualifier::AtMost => "at-most",
            Qualifier::LessThan => "less-than",
            Qualifier::UpTo => "up-to",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    /// The interval a qualifier allows around one figure; `None` is open. Approximations allow
    /// 15% either way, "nearly" 15% below.
    pub fn interval(self, value: f64) -> (Option<f64>, Option<f64>) {
        let (lo, hi) = if value < 0.0 { (1.15, 0.85) } else { (0.85, 1.15) };
        match self {
            Qualifier::Exact | Qualifier::Range | Qualifier::Vague => (Some(value), Some(value)),
            Qualifier::About => (Some(tidy(value * lo)), Some(tidy(value * hi))),
            Qualifier::Nearly => (Some(tidy(value * lo)), Some(value)),
            Qualifier::AtLeast | Qualifier::MoreThan => (Some(value), None),
            Qualifier::AtMost | Qualifier::LessThan | Qualifier::UpTo => (None, Some(value)),
        }
    }
}

/// Rounds away binary noise: 52,000 × 1.15 is 59,800, not 59,799.999999999.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(9 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// A calendar date, or a span of dates ("last week", "early February").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    Day(Date),
    Span { from: Date, to: Date },
}

impl DateValue {
    pub fn first(self) -> Date {
        match self {
            DateValue::Day(d) => d,
            DateValue::Span { from, .. } => from,
        }
    }

    pub fn last(self) -> Date {
        match self {
            DateValue::Day(d) => d,
            DateValue::Span { to, .. } => to,
        }
    }

    /// A span of one day is that day.
    pub fn span(from: Date, to: Date) -> DateValue {
        if from == to { DateValue::Day(from) } else { DateValue::Span { from, to } }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            DateValue::Day(d) => serializer.collect_str(d),
            DateValue::Span { from, to } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("from", &from.to_string())?;
                map.serialize_entry("to", &to.to_string())?;
                map.end()
            }
        }
    }
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClockTime {
    pub hour: u8,
    pub minute: u8,
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{:02}:{:02}", self.hour, self.minute))
    }
}

/// What a figure counts or measures: "Russian troops", head "troop".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subject {
    #[serde(skip)]
    pub span: Span,
    /// As written, lower-cased: "russian troops".
    pub text: String,
    /// The head noun, singular and lower-cased: "troop".
    pub head: String,
}

/// One figure or time in the copy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The whole claim as written, qualifier and subject included (analysis offsets).
    #[serde(skip)]
    pub span: Span,
    /// The figure or date expression alone, without qualifier or subject.
    #[serde(skip)]
    pub figure: Span,
    pub kind: ClaimKind,
    /// The figure; for vague amounts the least the words allow; `None` for dates and times.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// "USD", "%", "pp", "km", "year"…
    pub unit: Option<Unit>,
    pub subject: Option<Subject>,
    /// Whose figure it is: "EU" in "the EU's 27 member states".
    pub owner: Option<String>,
    /// "another 5,000", "5,000 more": an addition to an earlier figure, not a restatement.
    pub additive: bool,
    /// What only this kind of claim carries: an age's person, a score's sides, a date's parts.
    pub detail: Detail,
}

/// The part of a claim that only some kinds have, so that a score cannot carry a date nor a
/// date a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detail {
    /// Counts, money, percentages, measures, ordinals and durations: the common parts say it all.
    Figure,
    /// An age, and whose: "Dana Ortiz" in "Dana Ortiz, 47,".
    Age { person: Option<String> },
    /// A vote or a score, both sides: (9, 3).
    Score(f64, f64),
    /// A date, a span of dates or a deadline.
    Date(DateParts),
    /// A time of day.
    Time(ClockTime),
}

/// What a date or deadline claim says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DateParts {
    /// The calendar date or span it resolves to, when the reference date allows.
    pub date: Option<DateValue>,
    /// The parts the copy wrote (a weekday, a year), before resolution.
    pub written: Option<Written>,
    /// Whether the sentence looks back or ahead.
    pub tense: Option<Tense>,
}

impl Claim {
    pub(crate) fn new(kind: ClaimKind, span: Span) -> Claim {
        Claim {
            span,
            figure: span,
            kind,
            value: None,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            unit: None,
            subject: None,
            owner: None,
            additive: false,
            detail: Detail::Figure,
        }
    }

    /// The date parts, made empty first if the claim had none: for the date readers.
    pub(crate) fn date_parts_mut(&mut self) -> &mut DateParts {
        if !matches!(self.detail, Detail::Date(_)) {
            self.detail = Detail::Date(DateParts::default());
        }
        match &mut self.detail {
            Detail::Date(parts) => parts,
            _ => unreachable!("the detail was made a date above"),
        }
    }

    fn date_parts(&self) -> Option<&DateParts> {
        match &self.detail {
            Detail::Date(parts) => Some(parts),
            _ => None,
        }
    }

    /// For dates and deadlines, the calendar date or span meant.
    pub fn date(&self) -> Option<DateValue> {
        self.date_parts()?.date
    }

    /// For dates and deadlines, the parts the copy wrote.
    pub fn written(&self) -> Option<Written> {
        self.date_parts()?.written
    }

    /// For dates and deadlines, whether the sentence looks back or ahead.
    pub fn tense(&self) -> Option<Tense> {
        self.date_parts()?.tense
    }

    /// For times of day, the time.
    pub fn time(&self) -> Option<ClockTime> {
        match self.detail {
            Detail::Time(time) => Some(time),
            _ => None,
        }
    }

    /// For scores and votes, both sides.
    pub fn score(&self) -> Option<(f64, f64)> {
        match self.detail {
            Detail::Score(a, b) => Some((a, b)),
            _ => None,
        }
    }

    /// For ages, the person, if named.
    pub fn person(&self) -> Option<&str> {
        match &self.detail {
            Detail::Age { person } => person.as_deref(),
            _ => None,
        }
    }

    /// The subject's head noun, if any.
    pub fn head(&self) -> Option<&str> {
        self.subject.as_ref().map(|s| s.head.as_str())
    }

    /// Whether two claims' intervals can both be true.
    pub fn overlaps(&self, other: &Claim) -> bool {
        let low = |c: &Claim| c.low.unwrap_or(f64::NEG_INFINITY);
        let high = |c: &Claim| c.high.unwrap_or(f64::INFINITY);
        low(self) <= high(other) && low(other) <= high(self)
    }
}
