//! A long story for timing the editors' paths (the language server, the page), shared by their
//! benchmark and their end-to-end tests.

/// A story of about `words` words, made of this file's own sentences with changing figures;
/// every fourth sentence is `closing`, and ends a paragraph.
pub fn long_story(words: usize, closing: &str) -> String {
    let mut story = String::new();
    let (mut count, mut k) = (0, 0);
    while count < words {
        let sentence = match k % 4 {
            0 => format!("The council said {} buses would run on the eastern routes from Monday. ", 10 + k),
            1 => format!(
                "About {},000 commuters cross the harbour bridge each day, officials said. ",
                12 + k % 9
            ),
            2 => format!(
                "Engineers found cracks in {} of the 160 steel bearings during the inspection in March. ",
                20 + k % 30
            ),
            _ => format!("{closing}\n\n"),
        };
        count += sentence.split_whitespace().count();
        story.push_str(&sentence);
        k += 1;
    }
    story
}
