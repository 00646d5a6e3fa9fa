use super::*;

fn read(text: &str) -> Option<(f64, String, Form)> {
    let doc = Document::from_text(text);
    let n = parse_at(&doc, 0, doc.tokens().len())?;
    Some((n.value, doc.slice(n.span).to_string(), n.form))
}

fn value(text: &str) -> f64 {
    read(text).map(|(v, _, _)| v).unwrap_or(f64::NAN)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[track_caller]
fn assert_reads(text: &str, expected: f64) {
    let got = value(text);
    assert!(close(got, expected), "{text}: read {got}, expected {expected}");
}

#[test]
fn the_number_words_behind_the_first_letters_test_are_number_words() {
    for word in NUMBER_WORDS {
        let known = starts_number(word) || denominator_word(word).is_some() || is_dozen(word);
        assert!(known, "{word} is listed as a number word but none of the number tables has it");
    }
}

#[test]
fn every_number_word_passes_the_first_letters_test() {
    let variants =
        ["Thousands", "HUNDREDTHS", "trillionths", "dozens", "dozs", "lakhs", "crores", "quarters"];
    for word in NUMBER_WORDS.iter().chain(&variants) {
        assert!(may_be_number_word(word), "{word}");
    }
    for word in ["the", "that", "said", "and", "on", "has", "have", "not", "now", "only", "any"] {
        assert!(!may_be_number_word(word), "{word}");
    }
}

#[test]
fn digits_with_separators() {
    assert_eq!(value("100,000 troops"), 100_000.0);
    assert_eq!(value("4.7 percent"), 4.7);
    assert_eq!(value("1,674,200.5"), 1_674_200.5);
    assert!(read("192.168.1.2").is_none());
    assert_eq!(value("1,5"), 1.5);
    assert_eq!(value("4000,000 dlrs"), 4e6);
    assert!(read("22,24,26,31").is_none());
}

#[test]
fn indian_grouping_and_scales() {
    assert_eq!(value("12,34,567 voters"), 1_234_567.0);
    assert_reads("1,00,000.50 rupees", 100_000.5);
    assert_eq!(value("13 lakh people"), 1_300_000.0);
    assert_eq!(value("2 crore"), 20_000_000.0);
    assert_eq!(value("three lakh crore"), 3e12);
    assert_eq!(value("1.5 lakh crore"), 1.5e12);
}

#[test]
fn leading_decimal_point() {
    assert_eq!(read(".08 limit").map(|(v, s, _)| (v, s)), Some((0.08, ".08".into())));
    let doc = Document::from_text("He carried a .22 rifle.");
    assert_eq!(parse_at(&doc, 3, doc.tokens().len()).map(|n| n.value), Some(0.22));
}

#[test]
fn spaced_thousands() {
    assert_eq!(value("1 234 567"), 1_234_567.0);
    assert_eq!(value("40\u{202f}000 fans"), 40_000.0);
    assert_eq!(value("40\u{a0}000.5"), 40_000.5);
    // One group after a plain space is two figures: "15 747s".
    assert_eq!(value("15 747s"), 15.0);
    let doc = Document::from_text("Call 0845 8 505 505 now.");
    assert_eq!(parse_at(&doc, 2, doc.tokens().len()).map(|n| n.value), Some(8.0));
}

#[test]
fn powers() {
    assert_eq!(value("1.3e6"), 1.3e6);
    assert_reads("12.32e+14", 12.32e14);
    assert_reads("6.23x10^-4", 6.23e-4);
    assert_reads("2.48×10−5 seconds", 2.48e-5);
    assert_reads("1.3x10^6", 1.3e6);
    assert_eq!(value("10^6"), 1e6);
    assert_reads("1.1^23", 1.1f64.powi(23));
    // Not powers: a size and a cable category.
    assert_eq!(read("4x4").map(|(v, s, _)| (v, s)), Some((4.0, "4x".into())));
    assert_eq!(value("5e cable"), 5.0);
    assert_eq!(value("7E7 jets"), 7.0);
}

#[test]
fn magnitudes() {
    assert_eq!(value("1.2 million people"), 1_200_000.0);
    assert_eq!(value("3bn"), 3e9);
    assert_eq!(value("2.5 trillion"), 2.5e12);
    assert_eq!(value("300k"), 300_000.0);
    assert_eq!(value("155 mln"), 155e6);
    assert_eq!(value("1MM"), 1e6);
    assert_eq!(value("2mil"), 2e6);
    assert_eq!(value("10 tln"), 1e13);
    assert_eq!(value("2.12 hundred"), 212.0);
    assert_eq!(value("108-billion-dollar debt"), 108e9);
}

#[test]
fn digits_and_words_together() {
    assert_eq!(value("3 hundred and 21"), 321.0);
    assert_eq!(value("4 thousand 3 hundred and 21"), 4321.0);
    assert_eq!(value("3 hundred and one"), 301.0);
    assert_eq!(value("6 crore and two hundred"), 60_000_200.0);
    // "and" after a larger scale joins two figures.
    assert_eq!(value("2 million and 500 jobs"), 2e6);
    assert_eq!(value("5 million 18-24-year-olds"), 5e6);
    assert_eq!(value("3 hundred and 2 hundred"), 300.0);
    assert_eq!(value("3 million and a half"), 3.5e6);
    assert_eq!(value("2 and a half years"), 2.5);
}

#[test]
fn dozens() {
    assert_eq!(value("3 dozen eggs"), 36.0);
    assert_eq!(value("three dozens"), 36.0);
    assert_eq!(value("5 dzs"), 60.0);
    assert_eq!(value("three hundred and two dozen"), 324.0);
    assert_eq!(value("a dozen eggs"), 12.0);
}

#[test]
fn words() {
    assert_eq!(value("forty-two"), 42.0);
    assert_eq!(value("fifty - two"), 52.0);
    assert_eq!(value("two hundred"), 200.0);
    assert_eq!(value("one hundred and sixteen"), 116.0);
    assert_eq!(value("three million two hundred thousand"), 3_200_000.0);
    assert_eq!(value("one million two thousand"), 1_002_000.0);
    assert_eq!(value("twenty two"), 22.0);
    assert_eq!(value("a million"), 1e6);
    assert_eq!(value("nineteen hundred"), 1900.0);
    assert_eq!(value("a hundred thousand"), 1e5);
}

#[test]
fn words_do_not_run_together() {
    assert_eq!(read("one two").map(|(_, s, _)| s).as_deref(), Some("one"));
    assert_eq!(read("twenty thirty").map(|(_, s, _)| s).as_deref(), Some("twenty"));
    assert_eq!(read("hundred and five hundred").map(|(_, s, _)| s).as_deref(), Some("hundred and five"));
    assert!(read("a car").is_none());
    assert!(read("an apple").is_none());
}

#[test]
fn spoken_decimals() {
    assert_reads("two point five", 2.5);
    assert_reads("two hundred point zero three", 200.03);
    assert_reads("two hundred point seventy-one", 200.71);
    assert_reads("nought point nought three", 0.03);
    assert_reads("naught point five", 0.5);
    assert_reads("two point five million", 2.5e6);
    // "at one point" is an idiom, and "point" needs digits after it.
    let doc = Document::from_text("At one point two men left.");
    assert_eq!(parse_at(&doc, 1, doc.tokens().len()).map(|n| n.value), Some(1.0));
    assert_eq!(read("one point of order").map(|(_, s, _)| s).as_deref(), Some("one"));
}

#[test]
fn fractions() {
    assert_eq!(value("half"), 0.5);
    assert_eq!(value("a third"), 1.0 / 3.0);
    assert_eq!(value("three-quarters"), 0.75);
    assert_eq!(value("two thirds"), 2.0 / 3.0);
    assert_eq!(value("one-half mile"), 0.5);
    assert_eq!(value("three halves"), 1.5);
    assert_reads("twenty-three fifths", 23.0 / 5.0);
    assert_reads("five - eighths", 0.625);
    assert_eq!(value("1 1/2 miles"), 1.5);
    assert_eq!(value("3/4"), 0.75);
    assert_eq!(value("2½"), 2.5);
    assert_eq!(value("a trillionth"), 1e-12);
    assert_reads("a hundred trillionths", 1e-10);
    assert_reads("one twenty-fifth", 0.04);
    assert_reads("three twenty-firsts", 3.0 / 21.0);
    assert_reads("one hundred thirty-fifths", 100.0 / 35.0);
    assert_reads("one one hundred and fifth", 1.0 / 105.0);
    // After "and" the whole group is the numerator.
    assert_eq!(value("one hundred and thirty fifths"), 26.0);
    assert_reads("one hundred and thirty-two fifths", 26.4);
}

#[test]
fn mixed_numbers() {
    assert_eq!(value("one and a half"), 1.5);
    assert_eq!(value("two and a half million"), 2.5e6);
    assert_eq!(value("a million and a half"), 1.5e6);
    assert_eq!(value("five billion and three quarters"), 5.75e9);
    assert_eq!(value("one hundred and three quarters"), 100.75);
    assert_reads("one hundred and three and two thirds", 103.0 + 2.0 / 3.0);
    assert_reads("two and fifty-four hundredths", 2.54);
    assert_eq!(value("one billion and a half million"), 1_000_500_000.0);
    assert_eq!(value("three and one fourth"), 3.25);
    assert_eq!(value("two-and-a-half years"), 2.5);
    assert_eq!(value("15-and-a-half miles"), 15.5);
    assert_eq!(value("one-and-a-half million"), 1.5e6);
    // Lists and shares of something are not mixed numbers.
    assert_eq!(value("4 and two-fifths of schools"), 4.0);
    assert_eq!(value("two and three quarters of voters"), 2.0);
}

#[test]
fn fractions_of_scales() {
    assert_eq!(value("half a million"), 5e5);
    assert_eq!(value("half million"), 5e5);
    assert_eq!(value("a quarter million"), 250_000.0);
    assert_eq!(value("quarter million"), 250_000.0);
    assert!(read("quarter").is_none());
    assert_eq!(value("three quarters billion"), 7.5e8);
    assert_reads("two thirds of a million", 2e6 / 3.0);
    assert_eq!(value("half a dozen"), 6.0);
}

#[test]
fn shares() {
    assert_eq!(read("one in five adults"), Some((0.2, "one in five".into(), Form::Fraction)));
    assert_eq!(value("nine out of ten"), 0.9);
    assert_reads("one over three", 1.0 / 3.0);
    assert_reads("2 in 5", 0.4);
    // Time, units and years after the second number keep two figures.
    assert_eq!(value("2 in 10 minutes"), 2.0);
    assert_eq!(value("one over par"), 1.0);
    assert_eq!(value("5 in 2019"), 5.0);
    assert_eq!(value("3 over 10 years"), 3.0);
    assert_eq!(value("20 over 300 people"), 20.0);
}

#[test]
fn ordinals() {
    assert_eq!(read("third"), Some((3.0, "third".into(), Form::Ordinal)));
    assert_eq!(read("21st"), Some((21.0, "21st".into(), Form::Ordinal)));
    assert_eq!(read("twenty-first"), Some((21.0, "twenty-first".into(), Form::Ordinal)));
    assert_eq!(read("one hundred twenty fifth").map(|(v, _, f)| (v, f)), Some((125.0, Form::Ordinal)));
    assert_eq!(read("two hundredth").map(|(v, _, f)| (v, f)), Some((200.0, Form::Ordinal)));
    assert_eq!(read("trillionth").map(|(v, _, f)| (v, f)), Some((1e12, Form::Ordinal)));
    assert_eq!(read("Nineth").map(|(v, _, f)| (v, f)), Some((9.0, Form::Ordinal)));
    let doc = Document::from_text("the one hundredth anniversary");
    let n = parse_at(&doc, 1, doc.tokens().len()).unwrap();
    assert_eq!((n.value, n.form), (100.0, Form::Ordinal));
    let doc = Document::from_text("the one third reduction");
    assert_eq!(parse_at(&doc, 1, doc.tokens().len()).map(|n| n.value), Some(1.0 / 3.0));
}

#[test]
fn an_ordinal_before_what_it_ranks_is_not_a_fraction() {
    assert!(read("a third term").is_none());
    assert!(read("a fifth straight win").is_none());
    assert!(read("a twenty-first century city").is_none());
    assert_eq!(value("a third of voters"), 1.0 / 3.0);
    assert_eq!(value("a third higher"), 1.0 / 3.0);
    assert_eq!(value("a fifth."), 0.2);
    assert_eq!(value("a fifth saying"), 0.2);
    assert!(read("a third reading").is_none());
    // "twenty seconds" is a time, "three firsts" are wins.
    assert_eq!(value("twenty seconds"), 20.0);
    assert_eq!(value("three firsts"), 3.0);
    assert_eq!(value("two halves of the country"), 2.0);
    assert_eq!(value("two mln first preferred shares"), 2e6);
}

#[test]
fn rugby_positions_are_not_halves() {
    let doc = Document::from_text("The fly-half kicked.");
    assert!(parse_at(&doc, 3, doc.tokens().len()).is_none());
}

#[test]
fn vague_amounts_are_intervals() {
    let vague = |text: &str| {
        let doc = Document::from_text(text);
        let n = parse_at(&doc, 0, doc.tokens().len()).unwrap();
        (n.vague, doc.slice(n.span).to_string())
    };
    assert_eq!(
        vague("tens of thousands of soldiers"),
        (Some((20_000.0, 100_000.0)), "tens of thousands".into())
    );
    assert_eq!(vague("dozens of homes"), (Some((24.0, 144.0)), "dozens".into()));
    assert_eq!(vague("several thousand people"), (Some((3_000.0, 10_000.0)), "several thousand".into()));
    assert_eq!(vague("a few hundred"), (Some((200.0, 600.0)), "a few hundred".into()));
    assert_eq!(vague("several hundred million"), (Some((3e8, 1e9)), "several hundred million".into()));
    assert_eq!(
        vague("hundreds of thousands"),
        (Some((200_000.0, 1_000_000.0)), "hundreds of thousands".into())
    );
}

#[test]
fn decades_and_years() {
    let doc = Document::from_text("the 1990s and 2019");
    let decade = parse_at(&doc, 1, doc.tokens().len()).unwrap();
    assert_eq!(decade.form, Form::Decade);
    let year = parse_at(&doc, 3, doc.tokens().len()).unwrap();
    assert!(year.year_like);
}
