//! Player names compared the way people write them: lower case, without punctuation and
//! generational suffixes, and first names folded to one form (Cam/Cameron, Scotty/Scott).

/// Generational suffixes dropped from names.
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "v"];

/// First names that people and data sources write in more than one way, each with the one form
/// they fold to.
const FIRST_NAMES: &[(&str, &str)] = &[
    ("cam", "cameron"),
    ("scotty", "scott"),
    ("mike", "michael"),
    ("matt", "matthew"),
    ("mitch", "mitchell"),
    ("chris", "christopher"),
    ("josh", "joshua"),
    ("will", "william"),
    ("bill", "william"),
    ("ben", "benjamin"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("gabe", "gabriel"),
    ("jeff", "jeffery"),
    ("jeffrey", "jeffery"),
    ("robby", "robert"),
    ("robbie", "robert"),
    ("rob", "robert"),
    ("bob", "robert"),
    ("tony", "anthony"),
    ("nick", "nicholas"),
    ("nicky", "nicholas"),
    ("pat", "patrick"),
    ("dave", "david"),
    ("steve", "steven"),
    ("stephen", "steven"),
    ("jon", "jonathan"),
    ("johnny", "john"),
    ("joe", "joseph"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("kenny", "kenneth"),
    ("ken", "kenneth"),
    ("zach", "zachary"),
    ("zack", "zachary"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("drew", "andrew"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("greg", "gregory"),
    ("sam", "samuel"),
    ("ted", "theodore"),
    ("benny", "benjamin"),
    ("phil", "phillip"),
    ("philip", "phillip"),
    ("rich", "richard"),
    ("ricky", "richard"),
    ("dwayne", "duane"),
    ("kj", "kenneth"),
    ("jj", "john"),
    ("ced", "cedrick"),
    ("eli", "elijah"),
    ("hollywood", "marquise"),
    ("jody", "joseph"),
];

/// The name lower-cased, without punctuation or suffixes, words separated by one space.
pub fn normalise(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter_map(|c| match c {
            '.' | '\'' | '’' | ',' => None,
            '-' => Some(' '),
            c => Some(c.to_ascii_lowercase()),
        })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|w| !SUFFIXES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The normalised name with its first name folded to its one form.
pub fn folded(name: &str) -> String {
    let normal = normalise(name);
    let (first, rest) = normal.split_once(' ').unwrap_or((normal.as_str(), ""));
    let first = FIRST_NAMES
        .iter()
        .find(|(alias, _)| *alias == first)
        .map_or(first, |(_, canonical)| *canonical);
    if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first} {rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_suffixes_and_case_do_not_matter() {
        assert_eq!(normalise("D.J. Moore"), "dj moore");
        assert_eq!(normalise("DJ Moore"), "dj moore");
        assert_eq!(normalise("Odell Beckham Jr."), "odell beckham");
        assert_eq!(normalise("Le'Veon Bell"), "leveon bell");
        assert_eq!(normalise("Amon-Ra St. Brown"), "amon ra st brown");
        assert_eq!(normalise("Melvin Gordon III"), "melvin gordon");
        assert_eq!(normalise("  Cowboys "), "cowboys");
    }

    #[test]
    fn nicknames_fold_to_one_first_name() {
        assert_eq!(folded("Cam Newton"), folded("Cameron Newton"));
        assert_eq!(folded("Scotty Miller"), folded("Scott Miller"));
        assert_eq!(folded("Mitch Trubisky"), folded("Mitchell Trubisky"));
        assert_eq!(folded("Ben Watson"), folded("Benjamin Watson"));
        assert_ne!(folded("Cam Newton"), folded("Cam Akers"));
    }
}
