//! Actor dictionary and the matcher that finds mentions.
