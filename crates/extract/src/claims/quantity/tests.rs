use crate::claims::claim::{Claim, ClaimKind, Qualifier};
use crate::numbers::units::Unit;
use crate::text::document::Document;

fn claims(text: &str) -> Vec<Claim> {
    crate::extract(&Document::from_text(text))
}

fn only(text: &str) -> (Claim, String) {
    let doc = Document::from_text(text);
    let found = crate::extract(&doc);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    let claim = found.into_iter().next().unwrap();
    let written = doc.slice(claim.span).to_string();
    (claim, written)
}

#[test]
fn counts_with_subjects_and_qualifiers() {
    let (c, text) = only("Russia has massed more than 100,000 troops along the border.");
    assert_eq!(text, "more than 100,000 troops");
    assert_eq!((c.kind, c.value, c.low, c.high), (ClaimKind::Count, Some(100_000.0), Some(100_000.0), None));
    assert_eq!(c.qualifier, Qualifier::MoreThan);
    assert_eq!(c.head(), Some("troop"));

    let (c, _) = only("It moved nearly 5,000 troops to Belarus.");
    assert_eq!((c.qualifier, c.value, c.head()), (Qualifier::Nearly, Some(5000.0), Some("troop")));

    let (c, text) = only("The army had 120 armoured vehicles.");
    assert_eq!(text, "120 armoured vehicles");
    assert_eq!(c.subject.unwrap().text, "armoured vehicles");
}

#[test]
fn vague_amounts() {
    let (c, text) = only("Officials said tens of thousands of soldiers were there.");
    assert_eq!(text, "tens of thousands of soldiers");
    assert_eq!(
        (c.qualifier, c.low, c.high, c.head()),
        (Qualifier::Vague, Some(20_000.0), Some(100_000.0), Some("soldier"))
    );
}

#[test]
fn each_qualifier() {
    for (text, qualifier) in [
        ("About 300 people came.", Qualifier::About),
        ("Around 300 people came.", Qualifier::About),
        ("Roughly 300 people came.", Qualifier::About),
        ("Some 300 people came.", Qualifier::About),
        ("Almost 300 people came.", Qualifier::Nearly),
        ("Over 300 people came.", Qualifier::MoreThan),
        ("At least 300 people came.", Qualifier::AtLeast),
        ("Up to 300 people came.", Qualifier::UpTo),
        ("Fewer than 300 people came.", Qualifier::LessThan),
        ("Less than 300 people came.", Qualifier::LessThan),
        ("As many as 300 people came.", Qualifier::UpTo),
        ("At most 300 people came.", Qualifier::AtMost),
        ("Between 200 and 300 people came.", Qualifier::Range),
        ("From 200 to 300 people came.", Qualifier::Range),
        ("The 200-300 people came.", Qualifier::Range),
        ("300 or more people came.", Qualifier::AtLeast),
    ] {
        let (c, _) = only(text);
        assert_eq!(c.qualifier, qualifier, "{text}");
        assert_eq!(c.head(), Some("person"), "{text}");
    }
}

#[test]
fn ranges_are_intervals() {
    let (c, text) = only("Between 10 and 20 percent of voters stayed home.");
    assert_eq!(text, "Between 10 and 20 percent of voters");
    assert_eq!((c.kind, c.low, c.high), (ClaimKind::Percent, Some(10.0), Some(20.0)));
    let (c, _) = only("It costs $2 million to $3 million.");
    assert_eq!((c.kind, c.low, c.high), (ClaimKind::Money, Some(2e6), Some(3e6)));
    let (c, _) = only("Two to three million people voted.");
    assert_eq!((c.low, c.high), (Some(2e6), Some(3e6)));
}

#[test]
fn money() {
    let (c, text) = only("Congress approved $7.4 billion in aid.");
    assert_eq!(text, "$7.4 billion in aid");
    assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(7.4e9), Some("USD")));
    let (c, _) = only("The club paid £5m for him.");
    assert_eq!((c.value, c.unit.map(Unit::code)), (Some(5e6), Some("GBP")));
    let (c, _) = only("Profits reached €3bn.");
    assert_eq!((c.value, c.unit.map(Unit::code)), (Some(3e9), Some("EUR")));
    let (c, _) = only("It earned 155 mln dlrs in all.");
    assert_eq!((c.value, c.unit.map(Unit::code)), (Some(155e6), Some("USD")));
    let (c, _) = only("It sold for 20 million euros.");
    assert_eq!((c.value, c.unit.map(Unit::code)), (Some(20e6), Some("EUR")));
}

#[test]
fn percentages_and_points() {
    let found = claims("Unemployment rose 7 percent, or 2 percentage points, and 3 per cent after.");
    let units: Vec<_> = found.iter().map(|c| (c.kind, c.value, c.unit.map(Unit::code))).collect();
    assert_eq!(
        units,
        vec![
            (ClaimKind::Percent, Some(7.0), Some("%")),
            (ClaimKind::Percent, Some(2.0), Some("pp")),
            (ClaimKind::Percent, Some(3.0), Some("%"))
        ]
    );
}

#[test]
fn measures_with_units() {
    for (text, value, unit) in [
        ("The storm hit land 40 miles south.", 40.0, "mi"),
        ("A 10-mile stretch closed.", 10.0, "mi"),
        ("It is 16 km long.", 16.0, "km"),
        ("Winds reached 90 mph.", 90.0, "mph"),
        ("Winds reached 145 km/h.", 145.0, "km/h"),
        ("The wall is 30 feet high.", 30.0, "ft"),
        ("The tower is 300 meters tall.", 300.0, "m"),
        ("The parcel weighed 2 kg.", 2.0, "kg"),
        ("The parcel weighed 5 pounds.", 5.0, "lb"),
        ("They shipped 5,000 tons of grain.", 5000.0, "ton"),
        ("Output reached 10 million barrels a day.", 1e7, "bbl"),
        ("The tank holds 50 gallons.", 50.0, "gal"),
        ("It was 98 °F outside.", 98.0, "°F"),
        ("It was 35C in Madrid.", 35.0, "°C"),
        ("The fire burned 2,000 acres.", 2000.0, "acre"),
    ] {
        let found = claims(text);
        let measure = found
            .iter()
            .find(|c| c.kind == ClaimKind::Measure)
            .unwrap_or_else(|| panic!("{text}: {found:#?}"));
        assert_eq!((measure.value, measure.unit.map(Unit::code)), (Some(value), Some(unit)), "{text}");
    }
}

#[test]
fn ordinals() {
    let (c, _) = only("It was the third attack.");
    assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(3.0)));
    let (c, _) = only("She finished 21st in the race.");
    assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(21.0)));
}

#[test]
fn ages_with_people() {
    let (c, _) = only("Dana Ortiz, 47, was arrested.");
    assert_eq!((c.kind, c.value, c.person()), (ClaimKind::Age, Some(47.0), Some("Dana Ortiz")));
    let (c, text) = only("Police said the 47-year-old was arrested.");
    assert_eq!((c.kind, c.value, text.as_str()), (ClaimKind::Age, Some(47.0), "47-year-old"));
    let (c, _) = only("The man, aged 62, was freed.");
    assert_eq!((c.kind, c.value), (ClaimKind::Age, Some(62.0)));
}

#[test]
fn votes_and_scores() {
    let (c, _) = only("The board approved the plan 9-3.");
    assert_eq!((c.kind, c.score()), (ClaimKind::Score, Some((9.0, 3.0))));
    let (c, _) = only("United won 2-1 at home.");
    assert_eq!(c.score(), Some((2.0, 1.0)));
}

#[test]
fn owners_and_body_sizes() {
    let (c, _) = only("It is one of the EU's 27 member states.");
    assert_eq!((c.value, c.owner.as_deref(), c.head()), (Some(27.0), Some("EU"), Some("state")));
    assert_eq!(c.subject.unwrap().text, "member states");
    let (c, _) = only("The seven-member board met.");
    assert_eq!((c.value, c.owner.as_deref(), c.head()), (Some(7.0), Some("board"), Some("member")));
}

#[test]
fn additions_are_marked() {
    assert!(only("The Pentagon sent another 5,000 troops.").0.additive);
    assert!(only("The Pentagon sent 5,000 more troops.").0.additive);
    assert!(!only("The Pentagon sent 5,000 troops.").0.additive);
}

#[test]
fn identifiers_are_not_figures() {
    assert!(claims("The F-16 and the G7 met over COVID-19.").is_empty());
}

#[test]
fn years_are_dates() {
    let (c, _) = only("The law changed in 2019.");
    assert_eq!(c.kind, ClaimKind::Date);
    let found = claims("It was built in the 1990s.");
    assert_eq!(found[0].kind, ClaimKind::Date);
    let (c, _) = only("Parliament approved 1987 subsidies of its own.");
    assert_eq!(c.kind, ClaimKind::Date);
    let found = claims("Revenue was 41 mln vs 39 mln.");
    assert_eq!(found[0].subject, None);
}

#[test]
fn rises_are_two_figures() {
    let found = claims("The toll rose from 62 to 71.");
    assert_eq!(found.len(), 2, "{found:#?}");
    let found = claims("The firm boosted profit by 400m euros to 2.5bn euros.");
    assert_eq!(found.len(), 2, "{found:#?}");
    let found = claims("Unemployment rose 2% to 10%.");
    assert_eq!(found.len(), 2, "{found:#?}");
    let found = claims("Profit rose from 1985's 110.1 mln stg to 178.1 mln stg.");
    assert!(found.iter().all(|c| c.qualifier != Qualifier::Range), "{found:#?}");
}

#[test]
fn a_range_does_not_swallow_the_figure_before_it() {
    let found = values("Steers of frame 1 - 540-600 lbs sold well.");
    assert_eq!(found.last().map(|c| (c.2, c.3)), Some((Some(540.0), Some(600.0))), "{found:#?}");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn years_after_verbs_stay_years() {
    let (c, _) = only("Sales exceeded 1985 levels.");
    assert_eq!(c.qualifier, Qualifier::Exact);
    let (c, _) = only("It earned 17 cts a share.");
    assert_eq!((c.kind, c.unit.map(Unit::code)), (ClaimKind::Money, Some("USC")));
}

/// Kind, value, low, high and qualifier of one claim.
type Reading = (ClaimKind, Option<f64>, Option<f64>, Option<f64>, Qualifier);

fn values(text: &str) -> Vec<Reading> {
    claims(text).iter().map(|c| (c.kind, c.value, c.low, c.high, c.qualifier)).collect()
}

#[test]
fn signs_and_points() {
    let (c, text) = only("The legal limit is .08 in most states.");
    assert_eq!((c.value, text.as_str()), (Some(0.08), ".08"));
    let (c, _) = only("Temperatures fell to negative 10 degrees.");
    assert_eq!(c.value, Some(-10.0));
    assert!(claims("Two of them tested negative three times.").iter().all(|c| c.value > Some(0.0)));
    let (c, _) = only("The fund lost $-2.5m on paper.");
    assert_eq!((c.kind, c.value), (ClaimKind::Money, Some(-2.5e6)));
}

#[test]
fn comparison_signs() {
    let (c, _) = only("Only sites with >50 visitors were counted.");
    assert_eq!((c.qualifier, c.value), (Qualifier::MoreThan, Some(50.0)));
    let (c, _) = only("Readings of <= -30 were discarded.");
    assert_eq!((c.qualifier, c.value), (Qualifier::AtMost, Some(-30.0)));
    // Angle brackets around a ticker are not comparisons.
    let found = claims("Shares of <MMM> 10 pct higher.");
    assert_eq!(found[0].qualifier, Qualifier::Exact, "{found:#?}");
}

#[test]
fn more_qualifiers() {
    let (c, _) = only("Costs exceeded $3bn in all.");
    assert_eq!(c.qualifier, Qualifier::MoreThan);
    let (c, text) = only("Pensioners aged 65 and over were exempt.");
    assert_eq!((c.qualifier, text.as_str()), (Qualifier::AtLeast, "65 and over"));
    let (c, _) = only("About 500 or more people marched.");
    assert_eq!((c.qualifier, c.low, c.high), (Qualifier::AtLeast, Some(500.0), None));
    // A second comparison is not a qualifier of the first figure.
    let found = values("The score was equal to 5000 or less than 6000.");
    assert_eq!(found[0].4, Qualifier::Exact, "{found:#?}");
}

#[test]
fn more_ranges() {
    for (text, low, high) in [
        ("Grades 6 through 12 took part.", 6.0, 12.0),
        ("Crowds of 20~100 gathered.", 20.0, 100.0),
        ("The number ranged between 1000 - 5000.", 1000.0, 5000.0),
        ("They planned 8- to 16-metre telescopes.", 8.0, 16.0),
        ("Patients were given between 44 mg and 50 mg daily.", 44.0, 50.0),
        ("Temperatures ranged from -18 °C to -34 °C overnight.", -34.0, -18.0),
        ("He ranks between the tenth and the fifteenth.", 10.0, 15.0),
        ("Officials expect about 40 - 50 people.", 40.0, 50.0),
    ] {
        let (c, _) = only(text);
        assert_eq!((c.low, c.high, c.qualifier), (Some(low), Some(high), Qualifier::Range), "{text}");
    }
    // A spaced hyphen between differently written figures is a dash.
    assert_eq!(claims("Exports rose (1985 - 182,959) in all.").len(), 2);
}

#[test]
fn two_bounds_make_one_range() {
    let (c, text) = only("It will cost more than 10 and less than 40 dollars.");
    assert_eq!((c.low, c.high, c.qualifier), (Some(10.0), Some(40.0), Qualifier::Range));
    assert_eq!(text, "more than 10 and less than 40 dollars");
    let (c, _) = only("They seized at most 100 and at least 20 rifles.");
    assert_eq!((c.low, c.high, c.head()), (Some(20.0), Some(100.0), Some("rifle")));
    // Each bound counts something of its own: two figures.
    assert_eq!(claims("More than 100 people died and fewer than 20 were hurt.").len(), 2);
}

#[test]
fn compound_measures() {
    let (c, _) = only("The suspect is 6ft 2in tall.");
    assert_eq!((c.unit.map(Unit::code), c.value.map(|v| (v * 1000.0).round())), (Some("ft"), Some(6167.0)));
    let (c, _) = only("The baby weighed 7lb 8oz at birth.");
    assert_eq!((c.unit.map(Unit::code), c.value), (Some("lb"), Some(7.5)));
    let (c, _) = only("A ticket cost thirteen dollars and forty-five cents.");
    assert_eq!((c.kind, c.value), (ClaimKind::Money, Some(13.45)));
    let (c, _) = only("A pint costs 3 pounds 50 pence in the city.");
    assert_eq!((c.unit.map(Unit::code), c.value), (Some("GBP"), Some(3.5)));
    let (c, _) = only("It costs 15 dollars 50.");
    assert_eq!(c.value, Some(15.5));
    // Cents only close a currency named in words, before the end of the clause.
    assert_eq!(claims("He paid 5 dollars and 20 people watched.").len(), 2);
}

#[test]
fn currency_codes_and_compounds() {
    let (c, _) = only("They lost 75 USD million on the deal.");
    assert_eq!((c.unit.map(Unit::code), c.value), (Some("USD"), Some(75e6)));
    let (c, _) = only("Losses topped 30 MUSD in total.");
    assert_eq!((c.unit.map(Unit::code), c.value), (Some("USD"), Some(30e6)));
    let (c, _) = only("It costs half a million usd.");
    assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(5e5), Some("USD")));
    let (c, _) = only("The firm withdrew its one-yen bid.");
    assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(1.0), Some("JPY")));
    let (c, _) = only("Italy's GDP is $2.174T.");
    assert_eq!(c.value, Some(2.174e12));
    let (c, _) = only("It faces a 4bn-euro hole.");
    assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(4e9), Some("EUR")));
}

#[test]
fn number_words_start_their_own_figures() {
    let found = values("He listed twenty thirty fifty hundred.");
    let listed: Vec<_> = found.iter().map(|c| c.1).collect();
    assert_eq!(listed, vec![Some(20.0), Some(30.0), Some(5000.0)]);
    let found = claims("Five of the three-ton satellites failed.");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[1].unit.map(Unit::code), found[1].value), (Some("ton"), Some(3.0)));
    // A capitalised number word inside a name stays in the subject.
    assert_eq!(claims("Work began on the $22bn Three Gorges dam.").len(), 1);
}

#[test]
fn lists_of_words_and_idioms() {
    let listed: Vec<_> = claims("Count one, two, three.").iter().map(|c| c.value).collect();
    assert_eq!(listed, vec![Some(1.0), Some(2.0), Some(3.0)]);
    assert!(claims("It was all for nought.").is_empty());
    assert!(claims("He was freed on September one, 1989.").iter().all(|c| c.kind == ClaimKind::Date));
}

#[test]
fn shares_and_ordinals_before_nouns() {
    let (c, text) = only("One in five adults said no.");
    assert_eq!(
        (c.value, c.unit.map(Unit::code), text.as_str()),
        (Some(0.2), Some("fraction"), "One in five adults")
    );
    let (c, _) = only("Labour won a third term.");
    assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(3.0)));
    let (c, _) = only("Nearly a third of voters stayed home.");
    assert_eq!((c.qualifier, c.high), (Qualifier::Nearly, Some(1.0 / 3.0)));
}

#[test]
fn an_article_starts_a_figure_only_before_a_number_word() {
    let (c, text) = only("A dozen firms bid for the contract.");
    assert_eq!((c.value, text.as_str()), (Some(12.0), "A dozen firms"));
    let (c, text) = only("An eighth of the budget went on fees.");
    assert_eq!((c.value, text.as_str()), (Some(0.125), "An eighth of the budget"));
    let (c, text) = only("The firm cut a further 200 jobs.");
    assert_eq!((c.value, c.additive), (Some(200.0), true), "{text}");
    assert!(claims("A spokesman said an inquiry would follow.").is_empty());
}
