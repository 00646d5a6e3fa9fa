//! The built-in rule packs, embedded at build time so the binary needs no files beside it.

/// One built-in pack: its file name, its YAML source, and the same rules as JSON, converted at
/// build time because JSON loads several times faster (empty when the YAML did not convert).
#[derive(Debug, Clone, Copy)]
pub struct Pack {
    pub file: &'static str,
    pub yaml: &'static str,
    pub json: &'static str,
}

macro_rules! pack {
    ($name:literal) => {
        Pack {
            file: concat!("rules/", $name, ".yaml"),
            yaml: include_str!(concat!("../../../rules/", $name, ".yaml")),
            json: include_str!(concat!(env!("OUT_DIR"), "/rules/", $name, ".json")),
        }
    };
}

/// Every built-in pack, one concern each. The confusables, the largest pack by far, come in
/// several files by theme.
pub const PACKS: &[Pack] = &[
    pack!("confusables/war-and-crime"),
    pack!("confusables/government"),
    pack!("confusables/grammar-words"),
    pack!("confusables/idioms"),
    pack!("confusables/sport-and-arts"),
    pack!("confusables/business"),
    pack!("confusables/health-science-travel"),
    pack!("confusables/food-and-home"),
    pack!("confusion/contractions"),
    pack!("confusion/function-words"),
    pack!("confusion/homophones"),
    pack!("spelling"),
    pack!("grammar"),
    pack!("punctuation"),
    pack!("consistency"),
    pack!("arithmetic"),
    pack!("dates"),
    pack!("facts"),
];

/// Built-in packs that run only when a configuration turns them on (`packs: {confusion: true}`).
/// The `confusion` pack's n-gram model still raises more false alarms than real finds on
/// published copy, and costs most of the checking time, so it is opt-in.
const OPT_IN_PACKS: &[&str] = &["confusion"];

/// Whether a built-in pack runs when the configuration does not name it.
pub fn on_by_default(pack: &str) -> bool {
    !OPT_IN_PACKS.contains(&pack)
}

/// The pack a built-in rule file belongs to: "rules/dates.yaml" → "dates",
/// "rules/confusables/idioms.yaml" → "confusables".
pub fn pack_name(file: &str) -> &str {
    match file.strip_prefix("rules/").and_then(|rest| rest.split_once('/')) {
        Some((pack, _)) => pack,
        None => file.rsplit('/').next().unwrap_or(file).trim_end_matches(".yaml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pack_reads_the_same_from_its_json_as_from_its_yaml() {
        for pack in PACKS {
            let from_yaml =
                crate::parse_rules(pack.file, pack.yaml).unwrap_or_else(|error| panic!("{error}"));
            let from_json: Vec<crate::schema::RuleSpec> = serde_json::from_str(pack.json)
                .unwrap_or_else(|error| panic!("{}: the JSON form does not read: {error}", pack.file));
            assert_eq!(format!("{from_yaml:?}"), format!("{from_json:?}"), "{}", pack.file);
        }
    }

    #[test]
    fn every_rule_file_in_the_rules_folder_is_built_in() {
        fn yaml_files(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("the rules folder reads") {
                let path = entry.expect("a folder entry").path();
                if path.is_dir() {
                    yaml_files(&path, found);
                } else if path.extension().is_some_and(|ext| ext == "yaml") {
                    found.push(path.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut found = Vec::new();
        yaml_files(&root.join("rules"), &mut found);
        let prefix = format!("{}/", root.to_string_lossy().replace('\\', "/"));
        let mut found: Vec<&str> = found.iter().map(|f| f.strip_prefix(&prefix).unwrap_or(f)).collect();
        let mut built_in: Vec<&str> = PACKS.iter().map(|pack| pack.file).collect();
        found.sort_unstable();
        built_in.sort_unstable();
        assert_eq!(found, built_in);
    }

    #[test]
    fn packs_are_named_by_file_or_folder() {
        assert_eq!(pack_name("rules/dates.yaml"), "dates");
        assert_eq!(pack_name("rules/confusables/idioms.yaml"), "confusables");
        assert_eq!(pack_name("desk/house.yaml"), "house");
    }
}
