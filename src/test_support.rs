//! What the unit tests of several layers share. Test-only, above every layer: the store's
//! tests get a database with the built-in dictionary without the store importing the tagger.

use crate::store::Store;

/// An in-memory database holding the built-in dictionary.
pub(crate) fn store() -> Store {
    let mut s = Store::open_in_memory().expect("open");
    s.sync_dictionary(&crate::tagging::Dictionary::builtin().expect("builtin"))
        .expect("sync");
    s
}
