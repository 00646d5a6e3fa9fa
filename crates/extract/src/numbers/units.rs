//! Units of measure and currencies: how news copy writes them, their canonical codes, and how
//! to convert between units of one dimension (for checks like "10 miles (16 km)").
//!
//! A claim's unit is a [`Unit`]: a code from these tables, made only here, so the rules compare
//! against named constants ([`Unit::PERCENT`], [`Unit::FRACTION`]) instead of spelling codes.

use serde::{Serialize, Serializer};

/// What a figure is in: a currency ("USD"), a unit of measure ("km", "year"), a share ("%",
/// percentage points "pp", basis points "bp") or a fraction ("one in five").
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unit(&'static str);

impl Unit {
    pub const PERCENT: Unit = Unit("%");
    pub const PERCENTAGE_POINTS: Unit = Unit("pp");
    /// A share written as a fraction or a ratio: "two-thirds", "one in five".
    pub const FRACTION: Unit = Unit("fraction");
    pub const YEAR: Unit = Unit("year");
    pub const MONTH: Unit = Unit("month");
    pub const WEEK: Unit = Unit("week");
    pub const DAY: Unit = Unit("day");

    /// A code from this module's tables.
    pub(crate) const fn new(code: &'static str) -> Unit {
        Unit(code)
    }

    /// The canonical code, as the JSON output writes it: "USD", "%", "km".
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The unit of measure, with its dimension and conversion, if this is one.
    pub fn measure(self) -> Option<&'static Measure> {
        measure_by_code(self.0)
    }
}

impl std::fmt::Debug for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Unit({:?})", self.0)
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Mass,
    Volume,
    Area,
    Speed,
    Temperature,
    Time,
    Energy,
    Power,
    Data,
    Angle,
}

/// A unit of measure: its code, dimension, and the affine map to the dimension's base unit
/// (`base = value * factor + offset`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub code: &'static str,
    pub dimension: Dimension,
    pub factor: f64,
    pub offset: f64,
}

const fn unit(code: &'static str, dimension: Dimension, factor: f64) -> Measure {
    Measure { code, dimension, factor, offset: 0.0 }
}

use Dimension::*;

/// Every unit factlint knows, by code. Base units: metre, kilogram, litre, square metre, metre
/// per second, degree Celsius, second, joule, watt, byte, degree of arc.
pub const MEASURES: &[Measure] = &[
    unit("km", Length, 1000.0),
    unit("m", Length, 1.0),
    unit("cm", Length, 0.01),
    unit("mm", Length, 0.001),
    unit("nm", Length, 1e-9),
    unit("mi", Length, 1609.344),
    unit("nmi", Length, 1852.0),
    unit("yd", Length, 0.9144),
    unit("ft", Length, 0.3048),
    unit("in", Length, 0.0254),
    unit("kg", Mass, 1.0),
    unit("g", Mass, 0.001),
    unit("mg", Mass, 1e-6),
    unit("t", Mass, 1000.0),
    unit("ton", Mass, 907.18474),
    unit("lb", Mass, 0.45359237),
    unit("oz", Mass, 0.028349523125),
    unit("st", Mass, 6.35029318),
    unit("L", Volume, 1.0),
    unit("mL", Volume, 0.001),
    unit("gal", Volume, 3.785411784),
    unit("bbl", Volume, 158.987294928),
    unit("pt", Volume, 0.473176473),
    unit("m3", Volume, 1000.0),
    unit("cu ft", Volume, 28.316846592),
    unit("km2", Area, 1e6),
    unit("m2", Area, 1.0),
    unit("sq mi", Area, 2_589_988.110336),
    unit("sq ft", Area, 0.09290304),
    unit("acre", Area, 4046.8564224),
    unit("ha", Area, 10_000.0),
    unit("mph", Speed, 0.44704),
    unit("km/h", Speed, 1.0 / 3.6),
    unit("m/s", Speed, 1.0),
    unit("kn", Speed, 1852.0 / 3600.0),
    Measure { code: "°C", dimension: Temperature, factor: 1.0, offset: 0.0 },
    Measure { code: "°F", dimension: Temperature, factor: 5.0 / 9.0, offset: -160.0 / 9.0 },
    Measure { code: "K", dimension: Temperature, factor: 1.0, offset: -273.15 },
    unit("°", Angle, 1.0),
    unit("s", Time, 1.0),
    unit("min", Time, 60.0),
    unit("h", Time, 3600.0),
    unit("day", Time, 86_400.0),
    unit("week", Time, 604_800.0),
    unit("month", Time, 2_629_746.0),
    unit("year", Time, 31_556_952.0),
    unit("decade", Time, 315_569_520.0),
    unit("century", Time, 3_155_695_200.0),
    unit("J", Energy, 1.0),
    unit("kWh", Energy, 3.6e6),
    unit("MWh", Energy, 3.6e9),
    unit("GWh", Energy, 3.6e12),
    unit("cal", Energy, 4184.0),
    unit("W", Power, 1.0),
    unit("kW", Power, 1e3),
    unit("MW", Power, 1e6),
    unit("GW", Power, 1e9),
    unit("hp", Power, 745.7),
    unit("B", Data, 1.0),
    unit("KB", Data, 1e3),
    unit("MB", Data, 1e6),
    unit("GB", Data, 1e9),
    unit("TB", Data, 1e12),
    unit("PB", Data, 1e15),
    unit("EB", Data, 1e18),
];

/// The unit of measure with this code.
pub(crate) fn measure_by_code(code: &str) -> Option<&'static Measure> {
    MEASURES.iter().find(|u| u.code == code)
}

/// Converts `value` from one unit to another of the same dimension.
pub fn convert(value: f64, from: Unit, to: Unit) -> Option<f64> {
    let (from, to) = (from.measure()?, to.measure()?);
    if from.dimension != to.dimension {
        return None;
    }
    let base = value * from.factor + from.offset;
    Some((base - to.offset) / to.factor)
}

pub(crate) use super::unit_words::{currency_word, dollar_country, unit_word};

/// The area or volume form of a length unit after "square" or "cubic".
pub(crate) fn squared(length: &str) -> Option<&'static str> {
    Some(match length {
        "km" => "km2",
        "m" => "m2",
        "mi" => "sq mi",
        "ft" => "sq ft",
        _ => return None,
    })
}

/// ISO 4217 codes before or after an amount ("USD 5 million", "75 usd"), and the factor a
/// leading "M" (millions, in business copy) gives them: "30 MUSD", "MAUD 60". Lower-case codes
/// that are English words ("try", "cad") are words.
pub(crate) fn currency_code(word: &str) -> Option<(&'static str, f64)> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CHF", "MXN", "BRL", "ZAR", "TRY", "SEK", "NOK",
        "DKK", "ILS", "SAR", "AED", "NGN", "THB", "MYR", "KRW", "IDR", "PLN", "HUF", "UAH", "CAD", "AUD",
        "HKD", "NZD", "SGD", "TWD", "PHP", "EGP", "PKR", "KES", "BTC",
    ];
    let find = |code: &str| CODES.iter().find(|&&c| c == code).copied();
    match word.len() {
        3 if word.bytes().all(|b| b.is_ascii_uppercase()) => find(word).map(|code| (code, 1.0)),
        3 if word.bytes().all(|b| b.is_ascii_lowercase()) => {
            let code = CODES.iter().find(|c| c.eq_ignore_ascii_case(word)).copied()?;
            (!matches!(code, "TRY" | "CAD")).then_some((code, 1.0))
        }
        4 if word.starts_with('M') && word.bytes().all(|b| b.is_ascii_uppercase()) => {
            find(&word[1..]).map(|code| (code, 1e6))
        }
        _ => None,
    }
}

/// A currency sign; `prefix` is a word glued before a `$` ("US", "A", "HK").
pub(crate) fn currency_sign(sign: &str, prefix: Option<&str>) -> Option<&'static str> {
    Some(match sign {
        "$" => match prefix.map(str::to_ascii_uppercase).as_deref() {
            Some("A" | "AU") => "AUD",
            Some("C" | "CA" | "CAN") => "CAD",
            Some("HK") => "HKD",
            Some("NZ") => "NZD",
            Some("S") => "SGD",
            Some("R") => "BRL",
            Some("NT") => "TWD",
            Some("MX") => "MXN",
            _ => "USD",
        },
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₩" => "KRW",
        "₺" => "TRY",
        "₪" => "ILS",
        "₦" => "NGN",
        "₴" => "UAH",
        "₱" => "PHP",
        "฿" => "THB",
        "₿" => "BTC",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_between_units_of_one_dimension() {
        let close = |a: f64, b: f64| (a - b).abs() < 0.01;
        let convert = |value, from, to| convert(value, Unit::new(from), Unit::new(to));
        assert!(close(convert(10.0, "mi", "km").unwrap(), 16.09));
        assert!(close(convert(212.0, "°F", "°C").unwrap(), 100.0));
        assert!(close(convert(-40.0, "°C", "°F").unwrap(), -40.0));
        assert!(close(convert(100.0, "km/h", "mph").unwrap(), 62.14));
        assert!(convert(1.0, "km", "kg").is_none());
    }

    #[test]
    fn every_word_maps_to_a_known_code() {
        for word in ["miles", "kph", "tonnes", "acres", "fahrenheit", "hours", "gigawatts", "barrels"] {
            let code = unit_word(word).unwrap();
            assert!(measure_by_code(code).is_some(), "{word} → {code}");
        }
    }
}
