//! What is kept in this browser between visits: the saved record and the
//! roster, their keys and versions, reading them back (older versions
//! migrated), and writing them after a change.
//!
//! What is saved uses file types only (a ladder and a roster in their JSON
//! forms, a `ProfileFile`): the model may change without changing what a
//! save holds.

use doorgroei::exchange::{Request, TextFile};
use doorgroei::format::ProfileFile;
use doorgroei::paths::Profile;
use doorgroei::Lang;
use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::session::{RosterInUse, Tab};
use crate::shared::worker::js_message;
use crate::shared::Shared;

/// The saved-state format this build writes. Version 4 keeps the profile as
/// a profile file; version 3 kept the model's profile, versions 1 and 2 the
/// ladder's YAML file (which the worker reads once to migrate them).
pub const SAVE_VERSION: u32 = 4;

/// The localStorage key of the saved state.
pub const STORAGE_KEY: &str = "doorgroei";
/// The localStorage key of the roster (a roster file in its JSON form), since version 2.
pub const ROSTER_KEY: &str = "doorgroei.rooster";
/// The localStorage key of the column mappings the coordinator chose, by
/// header key (headers only, never a value; the worker reads and writes
/// them: `doorgroei::exchange::remember_columns`).
pub const COLUMNS_KEY: &str = "doorgroei.kolommen";

/// What is kept in localStorage between visits.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    /// The ladder: its JSON form from version 3 on, the YAML file before.
    pub ladder: TextFile,
    /// The person's profile (older saves may have none).
    #[serde(default)]
    pub profile: Option<ProfileFile>,
    #[serde(default)]
    pub tab: Tab,
    /// Version 1 only: the roster with its pairs, as a YAML roster file,
    /// inside this record. Later versions keep the roster file (in its JSON
    /// form) under [`ROSTER_KEY`] (written only when the roster changes, not
    /// with every tab or language switch) and its file name in
    /// `roster_name`; reading such a save puts it back here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<TextFile>,
    /// From version 2: the name of the roster file kept under [`ROSTER_KEY`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_name: Option<String>,
    /// The matching settings other than the defaults, as the text of a
    /// `doorgroei/matching@1` file (`format::match_config_to_yaml`, read
    /// back with `match_config_from_written`); none: the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matching: Option<String>,
    /// The record's text as it was stored, so that a save that cannot be
    /// used after all (its ladder no longer reads) is offered as a download
    /// unchanged. Never written.
    #[serde(skip)]
    pub text: Option<std::rc::Rc<String>>,
}

/// A saved record as every version wrote it, but for the profile (whose
/// form depends on the version, so it is read apart: [`ProfileOf`]).
#[derive(Deserialize)]
struct Record {
    version: u32,
    lang: Lang,
    ladder: TextFile,
    #[serde(default)]
    tab: Tab,
    #[serde(default)]
    roster: Option<TextFile>,
    #[serde(default)]
    roster_name: Option<String>,
    #[serde(default)]
    matching: Option<String>,
}

/// The profile of a saved record: a [`ProfileFile`] from version 4, the
/// model's `Profile` before.
#[derive(Deserialize)]
struct ProfileOf<P> {
    /// (Missing in the oldest saves: an `Option` field may be.)
    profile: Option<P>,
}

impl Saved {
    /// Reads a saved record (the text under [`STORAGE_KEY`]) with the roster
    /// kept beside it, if any; older versions' profiles become profile
    /// files (the version stays as it was, which says whether the ladder
    /// is still YAML). `None` for what cannot be read and for versions
    /// this build does not know.
    pub fn read(record: &str, roster_text: Option<String>) -> Option<Saved> {
        let r: Record = serde_json::from_str(record).ok()?;
        let profile = match r.version {
            SAVE_VERSION => {
                serde_json::from_str::<ProfileOf<ProfileFile>>(record)
                    .ok()?
                    .profile
            }
            1..=3 => serde_json::from_str::<ProfileOf<Profile>>(record)
                .ok()?
                .profile
                .map(ProfileFile::from),
            _ => return None,
        };
        let mut saved = Saved {
            version: r.version,
            lang: r.lang,
            ladder: r.ladder,
            profile,
            tab: r.tab,
            roster: r.roster,
            roster_name: r.roster_name,
            matching: r.matching,
            text: Some(std::rc::Rc::new(record.to_string())),
        };
        // Version 1 keeps its roster inline (it moves to its own key with the next save).
        if saved.version == 1 {
            saved.roster_name = None;
        } else {
            saved.roster = match (saved.roster_name.take(), roster_text) {
                (Some(name), Some(text)) => Some(TextFile { name, text }),
                _ => None,
            };
        }
        Some(saved)
    }

    /// True if the ladder is its JSON form, which the page reads itself.
    pub fn ladder_is_json(&self) -> bool {
        self.version >= 3
    }
}

/// The saved state from this browser: `None` on a first visit, `Err` with
/// the saved text if it cannot be used.
pub fn load() -> Option<Result<Saved, String>> {
    let storage = LocalStorage::raw();
    let raw: String = storage.get_item(STORAGE_KEY).ok().flatten()?;
    let roster = storage.get_item(ROSTER_KEY).ok().flatten();
    Some(Saved::read(&raw, roster).ok_or(raw))
}

/// The column mappings remembered in this browser, as stored.
pub fn load_remembered() -> Option<String> {
    LocalStorage::raw().get_item(COLUMNS_KEY).ok().flatten()
}

impl Saved {
    /// The save as it was stored, to offer as a download when it cannot be used.
    pub fn as_stored(&self) -> Option<std::rc::Rc<String>> {
        self.text
            .clone()
            .or_else(|| serde_json::to_string(self).ok().map(std::rc::Rc::new))
    }
}

/// What to ask the worker for an older save (its ladder in YAML).
pub fn migrate_request(saved: &Saved) -> Request {
    Request::Migrate {
        ladder: saved.ladder.clone(),
        roster: saved.roster.clone(),
    }
}

/// What a save writes: the record, and the roster (written only when it is
/// not the one written last).
#[derive(Clone, PartialEq)]
pub struct Snapshot {
    pub saved: Saved,
    pub roster: Option<Shared<RosterInUse>>,
    /// The column mappings to keep (written when they are not the ones written last).
    pub remembered: Option<Shared<String>>,
    /// "Delete all my data" was chosen: everything is removed, nothing written.
    pub erased: bool,
    /// There is something to keep (a save was found, or the user changed
    /// something); a first visit writes nothing until then.
    pub persist: bool,
}

/// Writes `snapshot` whenever it changes, in a task of its own after the
/// page is drawn (writing a roster of thousands takes a while); a newer
/// change, or "delete all", drops a save still queued. `on_failed` gets
/// the browser's reason when storage refuses.
#[hook]
pub fn use_saving(snapshot: Snapshot, on_failed: Callback<String>) {
    // Which snapshot is the last: a save queued before a newer one is dropped.
    let generation = use_mut_ref(|| 0u64);
    // The roster last written under ROSTER_KEY (`Some(None)`: none, removed).
    let roster_saved = use_mut_ref(|| None::<Option<Shared<RosterInUse>>>);
    // The column mappings last written under COLUMNS_KEY, or read from it.
    let remembered_saved = use_mut_ref(|| None::<Shared<String>>);
    use_effect_with(snapshot, move |snapshot| {
        *generation.borrow_mut() += 1;
        let mine = *generation.borrow();
        if snapshot.erased {
            *roster_saved.borrow_mut() = None;
            *remembered_saved.borrow_mut() = None;
            // (`doorgroei.concept`: the ladder editor's draft, web/editor;
            // `doorgroei.besprekingen`, `doorgroei.verslag` and
            // `doorgroei.ritme`: the Besprekingen room's settings, review
            // log and the pairs' rhythms;
            // `doorgroei.intervisie`: the Intervisie room's settings and
            // groups, web/calendar.)
            for key in [
                STORAGE_KEY,
                ROSTER_KEY,
                COLUMNS_KEY,
                "doorgroei.concept",
                "doorgroei.besprekingen",
                "doorgroei.verslag",
                "doorgroei.ritme",
                "doorgroei.intervisie",
            ] {
                if let Err(e) = LocalStorage::raw().remove_item(key) {
                    on_failed.emit(js_message(&e));
                }
            }
        } else if snapshot.persist {
            let snapshot = snapshot.clone();
            let save = move || {
                if *generation.borrow() != mine {
                    return;
                }
                let storage = LocalStorage::raw();
                // (A roster explained again, its text unchanged, is not
                // written again.)
                let text = |r: &Option<Shared<RosterInUse>>| r.as_ref().map(|r| r.json().as_ptr());
                let same = roster_saved.borrow().as_ref().is_some_and(|saved| {
                    *saved == snapshot.roster || text(saved) == text(&snapshot.roster)
                });
                if !same {
                    let written = match &snapshot.roster {
                        Some(r) => storage.set_item(ROSTER_KEY, r.json()),
                        None => storage.remove_item(ROSTER_KEY),
                    };
                    match written {
                        Ok(()) => *roster_saved.borrow_mut() = Some(snapshot.roster.clone()),
                        Err(e) => {
                            on_failed.emit(js_message(&e));
                            return;
                        }
                    }
                }
                if let Some(text) = &snapshot.remembered {
                    if remembered_saved.borrow().as_ref() != Some(text) {
                        match storage.set_item(COLUMNS_KEY, text) {
                            Ok(()) => *remembered_saved.borrow_mut() = Some(text.clone()),
                            Err(e) => {
                                on_failed.emit(js_message(&e));
                                return;
                            }
                        }
                    }
                }
                if let Ok(json) = serde_json::to_string(&snapshot.saved) {
                    if let Err(e) = storage.set_item(STORAGE_KEY, &json) {
                        on_failed.emit(js_message(&e));
                    }
                }
            };
            // (After the change is painted: writing 3,000 people takes tens
            // of milliseconds the person need not wait for.)
            crate::shared::worker::after_paint(save);
        }
        // (A first visit without changes keeps nothing.)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save in a line: version, language, tab, ladder, profile, roster.
    fn seen(saved: &Saved) -> String {
        let profile = saved.profile.as_ref().map_or("no profile".into(), |p| {
            format!(
                "profile {} in {} after {} years, goals {:?}",
                p.schema, p.current_role, p.years_in_role, p.goals
            )
        });
        format!(
            "v{} {:?} {:?}; ladder {} ({} bytes); {profile}; roster {:?}, name {:?}",
            saved.version,
            saved.lang,
            saved.tab,
            saved.ladder.name,
            saved.ladder.text.len(),
            saved.roster.as_ref().map(|r| (&r.name, r.text.len())),
            saved.roster_name,
        )
    }

    /// Reads each record (with the roster text kept beside it) and compares.
    fn check(cases: &[(&str, Option<&str>, &str)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(record, roster, expected)| {
                let got = Saved::read(record, roster.map(str::to_string))
                    .map_or("unreadable".into(), |s| seen(&s));
                (got != *expected)
                    .then(|| format!("{record:.80}\n  expected {expected}\n  got      {got}"))
            })
            .collect();
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    /// The profile exactly as version 3 wrote it: the model's fields, no schema.
    const V3_PROFILE: &str = r#"{"current_role":"sw-hbo-vak","years_in_role":3.0,"years_in_profession":5.0,"education":"hbo","qualifications":[],"trainings":["Kopopleiding coaching"],"competencies":[],"wished_tracks":["teaching"],"no_management":true,"min_practice":null,"hours_per_week":28.0,"goals":["praktijkopleider"]}"#;

    #[test]
    fn every_version_reads_with_its_profile_as_a_profile_file() {
        let v3 = format!(
            r#"{{"version":3,"lang":"en","ladder":{{"name":"w.yaml","text":"{{}}"}},"profile":{V3_PROFILE},"tab":"growth","roster_name":"r.csv"}}"#
        );
        let v2 = v3.replace(r#""version":3"#, r#""version":2"#);
        let v1 = r#"{"version":1,"lang":"nl","ladder":{"name":"w.yaml","text":"roles: []"},"tab":"mentoring","roster":{"name":"r.yaml","text":"people: []"}}"#;
        let profile =
            "profile doorgroei/profile@1 in sw-hbo-vak after 3 years, goals [\"praktijkopleider\"]";
        // As this build writes it: the roster beside the record, only its name inside.
        let v4 = serde_json::to_string(&Saved {
            version: SAVE_VERSION,
            roster: None,
            roster_name: Some("r.csv".into()),
            text: None,
            ..Saved::read(&v3, None).unwrap()
        })
        .unwrap();
        check(&[
            (
                &v3,
                Some("{\"people\":[]}"),
                &format!("v3 En Growth; ladder w.yaml (2 bytes); {profile}; roster Some((\"r.csv\", 13)), name None"),
            ),
            (
                &v3,
                None,
                &format!("v3 En Growth; ladder w.yaml (2 bytes); {profile}; roster None, name None"),
            ),
            (
                &v2,
                None,
                &format!("v2 En Growth; ladder w.yaml (2 bytes); {profile}; roster None, name None"),
            ),
            (
                v1,
                Some("ignored"),
                "v1 Nl Mentoring; ladder w.yaml (9 bytes); no profile; roster Some((\"r.yaml\", 10)), name None",
            ),
            // What this build writes reads back the same, now as version 4.
            (
                &v4,
                Some("{}"),
                &format!("v4 En Growth; ladder w.yaml (2 bytes); {profile}; roster Some((\"r.csv\", 2)), name None"),
            ),
            // A version 4 save holds a profile file: the model's form is not one.
            (
                &v3.replace(r#""version":3"#, r#""version":4"#),
                None,
                "unreadable",
            ),
            (&v3.replace(r#""version":3"#, r#""version":99"#), None, "unreadable"),
            (r#"{"lang":"nl"}"#, None, "unreadable"),
            (r#"{"version":3,"lang":"nl"}"#, None, "unreadable"),
            ("{\"version\": 1, \"lang\": \"nl\", \"ladder\": {\"name\": \"x.yaml\", \"te", None, "unreadable"),
        ]);
    }

    #[test]
    fn a_version_3_profile_and_the_profile_file_written_now_hold_the_same() {
        let old: Profile = serde_json::from_str(V3_PROFILE).unwrap();
        let record = format!(
            r#"{{"version":3,"lang":"nl","ladder":{{"name":"w.yaml","text":"{{}}"}},"profile":{V3_PROFILE}}}"#
        );
        let saved = Saved::read(&record, None).unwrap();
        let file = saved.profile.clone().unwrap();
        assert_eq!(Profile::from(file), old);
        // Written as version 4 and read back: the same profile file.
        let again = Saved {
            version: SAVE_VERSION,
            text: None,
            ..saved.clone()
        };
        let text = serde_json::to_string(&again).unwrap();
        assert!(text.contains(r#""schema":"doorgroei/profile@1""#), "{text}");
        assert_eq!(Saved::read(&text, None).unwrap().profile, saved.profile);
    }
}
