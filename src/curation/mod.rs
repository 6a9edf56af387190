//! Curation: the user's work on the dictionary over a stored corpus. The effective
//! dictionary (built-in plus the stored edits), candidate names no actor covers, and the
//! dictionary as a shareable CSV. It sits above [`crate::store`] and [`crate::export`]; the
//! dictionary data is the model's, its loader and merge are the tagging's.

pub mod candidates;
pub mod exchange;

use crate::model::Dictionary;
use crate::store::{Store, StoreError};

/// The dictionary to tag a database with: `builtin` minus its disabled aliases, plus the
/// user's actors and aliases, plus the phrase exclusions ([`Store::dictionary_edits`] merged
/// by [`crate::tagging::dictionary::effective`]). A stored edit the dictionary refuses is a
/// [`StoreError::Invalid`].
pub fn effective_dictionary(store: &Store, builtin: &Dictionary) -> Result<Dictionary, StoreError> {
    let edits = store.dictionary_edits()?;
    crate::tagging::dictionary::effective(builtin, &edits)
        .map_err(|e| StoreError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, Via};
    use crate::store::NewAlias;

    use crate::test_support::store;

    #[test]
    fn user_alias_and_disabled_builtin_shape_the_effective_dictionary() {
        let mut s = store();
        let builtin = Dictionary::builtin().expect("builtin");
        s.add_alias(&NewAlias {
            actor_code: "RUS".into(),
            text: "Negeri Tirai Besi".into(),
            language: Some(Language::Indonesian),
            case: None,
            via: Via::Name,
        })
        .expect("alias");
        assert!(
            s.add_alias(&NewAlias {
                actor_code: "RUS".into(),
                text: "Negeri Tirai Besi".into(),
                language: Some(Language::Indonesian),
                case: None,
                via: Via::Name,
            })
            .is_err()
        );
        s.set_alias_enabled("RUS", "Rusia", None, false)
            .expect("disable");
        let d = effective_dictionary(&s, &builtin).expect("effective");
        let rus = d.actor_index("RUS").expect("RUS");
        assert!(
            d.aliases
                .iter()
                .any(|a| a.actor == rus && a.text == "Negeri Tirai Besi")
        );
        assert!(
            !d.aliases
                .iter()
                .any(|a| a.actor == rus && a.text == "Rusia")
        );
        assert_ne!(d.version_hash(), builtin.version_hash());
        s.set_alias_enabled("RUS", "Rusia", None, true)
            .expect("enable");
        let d = effective_dictionary(&s, &builtin).expect("effective");
        assert!(
            d.aliases
                .iter()
                .any(|a| a.actor == rus && a.text == "Rusia")
        );
    }
}
