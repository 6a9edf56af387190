//! Analysis: timelines, spikes, co-occurrence and drill-downs over a stored corpus.
//!
//! Every function takes a [`Filter`] (date range, languages, sources, actor kind, full-text
//! query). The SQL lives in [`crate::store`]; this module bins, pairs and scores.

mod compare;
mod cooccurrence;
mod drilldown;
mod names;
mod network;
mod outlets;
mod profile;
mod spikes;
mod timeline;

pub use crate::model::Filter;
pub use compare::{ActorChange, Comparison, PairChange, compare, compare_counts, sides_overlap};
pub use cooccurrence::{Measure, PairStat, Window, cooccurrence, pair_measures};
pub use drilldown::{ArticleHit, DrillDown, KWIC_CONTEXT, Kwic, Page, drill_down, kwic_line};
pub use names::{ActorNames, Resolved, fold};
pub use network::{NetNode, Network, bin_days, bins_of, layout, network, network_in_bin};
pub use outlets::{OutletActor, OutletMatrix, outlet_matrix, outlets};
pub use profile::{KeyTerm, Profile, ProfileOptions, for_each_word, profile};
pub use spikes::{Spike, SpikeOptions, spikes, spikes_with};
pub use timeline::{
    ActorCount, Bin, Series, Timeline, TimelinePoint, actor_counts, moving_average, timeline,
};
