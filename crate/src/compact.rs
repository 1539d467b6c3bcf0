//! The compact form of a report's JSON: every citation by its id, and the citations themselves once,
//! in one table after the outcomes (`citations`, by id, in the data's order). A report cites the
//! same provisions over and over (a registration outcome ~35 times, the whole citation each time):
//! the compact form is what the JavaScript library returns with `{ compact: true }` and what the
//! application bundle stores as `result.json`; `tekser check --format json-compact` prints it, and
//! `--format json` the full form. Replacing each `"citation": "<id>"` by `citations["<id>"]` and
//! dropping the table gives the full form exactly (`crate/tests/compact.rs`).

use crate::data::{Provision, PROVISIONS, PROVISION_WORDS};
use crate::report::Report;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::cell::Cell;

/// A report serialised in the compact form.
pub struct Compact<'a>(pub &'a Report);

impl Serialize for Compact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut st = s.serialize_struct("Report", 4)?;
        st.serialize_field("as_of", &r.as_of)?;
        st.serialize_field("edition", &r.edition)?;
        let recording = Recording::start();
        st.serialize_field("outcomes", &r.outcomes)?;
        let cited = recording.finish();
        st.serialize_field("citations", &Table(cited))?;
        st.end()
    }
}

thread_local! {
    /// While a compact report's outcomes are serialised: the provisions cited so far, by
    /// `Provision::index` (`None` the rest of the time: citations serialise in full).
    static CITED: Cell<Option<[u64; PROVISION_WORDS]>> = const { Cell::new(None) };
}

/// Records `p` as cited if a compact report is being serialised, and says whether it is (then the
/// citation is written as its id: `data::Provision`'s `Serialize`).
pub(crate) fn by_id(p: &Provision) -> bool {
    CITED.with(|c| match c.get() {
        Some(mut set) => {
            let i = usize::from(p.index);
            set[i / 64] |= 1 << (i % 64);
            c.set(Some(set));
            true
        }
        None => false,
    })
}

/// Citations by id from `start` until `finish` (or until dropped, should serialising fail).
struct Recording;

impl Recording {
    fn start() -> Self {
        CITED.with(|c| c.set(Some([0; PROVISION_WORDS])));
        Recording
    }
    fn finish(self) -> [u64; PROVISION_WORDS] {
        CITED.with(|c| c.take()).unwrap_or([0; PROVISION_WORDS])
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        CITED.with(|c| c.set(None));
    }
}

/// The cited provisions in full, by id, in the data's order.
struct Table([u64; PROVISION_WORDS]);

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cited = PROVISIONS.iter().filter(|p| self.0[usize::from(p.index) / 64] >> (p.index % 64) & 1 == 1);
        let mut m = s.serialize_map(None)?;
        for p in cited {
            m.serialize_entry(p.id, p)?;
        }
        m.end()
    }
}
