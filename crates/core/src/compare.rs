//! Two roles side by side (`doorgroei compare`, and the app's comparison):
//! their facts field by field, the competencies they share and those only
//! one asks (with levels), and how long the shortest route takes each way.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::i18n::Lang;
use crate::ladder::{
    same_name, Education, Ladder, Level, Mix, PayRange, Proficiency, Role, ScaleRange,
};
use crate::paths::{routes, Profile};

/// The two roles compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The first role's id.
    pub a: String,
    /// The second role's id.
    pub b: String,
    /// Their facts, field by field, in [`Field::ALL`] order.
    pub fields: Vec<FieldRow>,
    /// Their competencies.
    pub competencies: Competencies,
    /// Months of the shortest route each way.
    pub routes: Routes,
}

/// One fact of both roles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldRow {
    /// Which fact.
    pub field: Field,
    /// The first role's.
    pub a: Value,
    /// The second role's.
    pub b: Value,
}

/// A fact of a role that is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Experience level.
    Level,
    /// How the work is spread over tracks.
    Mix,
    /// CAO scale range.
    Scale,
    /// Gross monthly pay range.
    Pay,
    /// Required education.
    Education,
    /// Whether the role manages people.
    ManagesPeople,
}

impl Field {
    /// Every field, in the order compared.
    pub const ALL: [Field; 6] = [
        Field::Level,
        Field::Mix,
        Field::Scale,
        Field::Pay,
        Field::Education,
        Field::ManagesPeople,
    ];

    /// The field's name, shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Level, Lang::Nl) => "niveau",
            (Field::Level, Lang::En) => "level",
            (Field::Mix, Lang::Nl) => "werkverdeling",
            (Field::Mix, Lang::En) => "mix of work",
            (Field::Scale, Lang::Nl) => "schaal",
            (Field::Scale, Lang::En) => "scale",
            (Field::Pay, Lang::Nl) => "salaris (bruto per maand)",
            (Field::Pay, Lang::En) => "pay (gross a month)",
            (Field::Education, Lang::Nl) => "opleiding",
            (Field::Education, Lang::En) => "education",
            (Field::ManagesPeople, Lang::Nl) => "geeft leiding",
            (Field::ManagesPeople, Lang::En) => "manages people",
        }
    }
}

/// A role's value of a [`Field`]. In JSON: the level and education as
/// the files write them, the mix as `{"practice": 60, …}`, the scale and
/// pay as `{"min": …, "max": …}` (pay `null` when the ladder lists no
/// amounts), managing people as `true` or `false`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A level.
    Level(Level),
    /// A mix of work.
    Mix(Mix),
    /// A scale range.
    Scale(ScaleRange),
    /// A pay range, when the ladder lists it.
    Pay(Option<PayRange>),
    /// An education.
    Education(Education),
    /// Whether the role manages people.
    ManagesPeople(bool),
}

impl Value {
    /// The value in words: `medior`, `60% uitvoering, 40% opleiden`,
    /// `9–10`, `€ 3.490 – € 4.830`, `ja` / `nee`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Value::Level(l) => l.label(lang).into(),
            Value::Mix(m) => m.describe(lang),
            Value::Scale(s) => s.to_string(),
            Value::Pay(Some(p)) => p.label(lang),
            // (The ladder's pay table has no amounts for the role's scale.)
            Value::Pay(None) => match lang {
                Lang::Nl => "niet in de salaristabel",
                Lang::En => "not in the pay table",
            }
            .into(),
            Value::Education(e) => e.label(lang).into(),
            Value::ManagesPeople(yes) => match (yes, lang) {
                (true, Lang::Nl) => "ja",
                (false, Lang::Nl) => "nee",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            }
            .into(),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let range = |s: S, min: u32, max: u32| {
            let mut m = s.serialize_struct("Range", 2)?;
            m.serialize_field("min", &min)?;
            m.serialize_field("max", &max)?;
            m.end()
        };
        match self {
            Value::Level(l) => s.serialize_str(l.as_str()),
            Value::Mix(mix) => {
                let tracks = mix.tracks();
                let mut m = s.serialize_map(Some(tracks.len()))?;
                for (track, share) in tracks {
                    m.serialize_entry(track.as_str(), &share)?;
                }
                m.end()
            }
            Value::Scale(r) => range(s, r.min.into(), r.max.into()),
            Value::Pay(Some(p)) => range(s, p.min, p.max),
            Value::Pay(None) => s.serialize_none(),
            Value::Education(e) => s.serialize_str(e.as_str()),
            Value::ManagesPeople(yes) => s.serialize_bool(*yes),
        }
    }
}

/// The competencies of the two roles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Competencies {
    /// Asked by both, in the first role's order.
    pub shared: Vec<Shared>,
    /// Asked by the first only.
    pub only_a: Vec<Asked>,
    /// Asked by the second only.
    pub only_b: Vec<Asked>,
}

/// A competency both roles ask: `{"name": …, "a": "voldoende", "b": "sterk"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shared {
    /// The competency, as the first role names it.
    pub name: String,
    /// The level the first role asks.
    pub a: Proficiency,
    /// The level the second role asks.
    pub b: Proficiency,
}

/// A competency one role asks: `{"name": …, "level": "basis"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Asked {
    /// The competency.
    pub name: String,
    /// The level asked.
    pub level: Proficiency,
}

/// Months of the shortest route each way: for someone new in the role
/// with nothing else known but the education it asks
/// ([`Profile::in_role_of`]); 0 from a role to itself, `None` when there
/// is no route.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Routes {
    /// From the first role to the second.
    pub a_to_b: Option<u32>,
    /// From the second role to the first.
    pub b_to_a: Option<u32>,
}

fn values(role: &Role, ladder: &Ladder) -> [Value; 6] {
    [
        Value::Level(role.level),
        Value::Mix(role.mix),
        Value::Scale(role.scale),
        Value::Pay(ladder.role_pay(role)),
        Value::Education(role.education),
        Value::ManagesPeople(role.manages_people),
    ]
}

/// The roles `a` and `b` (ids) side by side: their facts and their
/// competencies, without the routes between them ([`compare`] adds those;
/// the app's room asks the worker for them, so that it holds no route
/// search). `None` when the ladder has no role with one of the ids.
pub fn side_by_side(ladder: &Ladder, a: &str, b: &str) -> Option<Comparison> {
    let (ra, rb) = (ladder.role(a)?, ladder.role(b)?);
    let fields = Field::ALL
        .into_iter()
        .zip(values(ra, ladder).into_iter().zip(values(rb, ladder)))
        .map(|(field, (a, b))| FieldRow { field, a, b })
        .collect();
    let mut competencies = Competencies::default();
    for c in &ra.competencies {
        match rb.competencies.iter().find(|d| same_name(&d.name, &c.name)) {
            Some(d) => competencies.shared.push(Shared {
                name: c.name.clone(),
                a: c.level,
                b: d.level,
            }),
            None => competencies.only_a.push(Asked {
                name: c.name.clone(),
                level: c.level,
            }),
        }
    }
    for d in &rb.competencies {
        if !ra.competencies.iter().any(|c| same_name(&c.name, &d.name)) {
            competencies.only_b.push(Asked {
                name: d.name.clone(),
                level: d.level,
            });
        }
    }
    Some(Comparison {
        a: ra.id.clone(),
        b: rb.id.clone(),
        fields,
        competencies,
        routes: Routes::default(),
    })
}

/// The roles `a` and `b` (ids) side by side, with the months of the
/// shortest route each way; `None` when the ladder has no role with one of
/// the ids.
pub fn compare(ladder: &Ladder, a: &str, b: &str) -> Option<Comparison> {
    let mut c = side_by_side(ladder, a, b)?;
    // Only the months are used: any day to count from gives the same.
    let day = jiff::civil::Date::MIN;
    let months = |from: &str, to: &str| {
        if from == to {
            return Some(0);
        }
        let profile = Profile::in_role_of(ladder, from);
        routes(ladder, &profile, to, 1, day)
            .routes
            .first()
            .map(|r| r.months)
    };
    c.routes = Routes {
        a_to_b: months(&c.a, &c.b),
        b_to_a: months(&c.b, &c.a),
    };
    Some(c)
}
