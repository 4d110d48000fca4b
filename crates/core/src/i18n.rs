//! Languages and bilingual text.
//!
//! Every sentence the core shows a person exists in Dutch and English. The
//! core never picks a language itself: callers pass a [`Lang`].

use serde::{Deserialize, Serialize};

/// A language the user interface speaks. Dutch is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Nederlands.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Dutch first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The ISO 639-1 code, as used in `lang` attributes and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses `nl` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text given in both languages, as in the file formats (`{nl: ..., en: ...}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// Dutch text.
    pub nl: String,
    /// English text.
    pub en: String,
}

impl Bilingual {
    /// Builds a text from its two translations.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// Joins items as a sentence does: `a, b and c` / `a, b en c`.
pub fn join_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// A number as people write it, with at most two decimals and no trailing
/// zeros: `1,29` in Dutch, `1.29` in English; `28`, not `28.0`.
pub fn decimal(x: f64, lang: Lang) -> String {
    let text = format!("{:.2}", (x * 100.0).round() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text.to_string(),
    }
}

/// Whole euros as people write them: `€ 3.490` in Dutch (a space, a dot
/// between thousands), `€3,490` in English.
pub fn money(euros: u32, lang: Lang) -> String {
    let digits = euros.to_string();
    let (sign, separator) = match lang {
        Lang::Nl => ("€ ", '.'),
        Lang::En => ("€", ','),
    };
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A noun in both languages, singular and plural, for saying how many:
/// `1 maand`, `2 maanden`; `1 month`, `0 months`. Only exactly one takes
/// the singular, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noun {
    /// Dutch singular and plural.
    pub nl: [&'static str; 2],
    /// English singular and plural.
    pub en: [&'static str; 2],
}

impl Noun {
    /// Months, as route lengths are counted.
    pub const MONTH: Noun = Noun::new(["maand", "maanden"], ["month", "months"]);
    /// Moves along a route.
    pub const MOVE: Noun = Noun::new(["stap", "stappen"], ["move", "moves"]);

    /// A noun from its Dutch and English singular and plural.
    pub const fn new(nl: [&'static str; 2], en: [&'static str; 2]) -> Noun {
        Noun { nl, en }
    }

    /// The word for `n` of them: singular for one, plural otherwise.
    pub fn word(&self, n: u64, lang: Lang) -> &'static str {
        let forms = match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        };
        forms[usize::from(n != 1)]
    }

    /// `n` and the word: `1 maand`, `12 months`.
    pub fn count(&self, n: u64, lang: Lang) -> String {
        format!("{n} {}", self.word(n, lang))
    }
}
