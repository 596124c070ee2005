//! Stories and acceptance criteria for JavaScript: every function (`parseStory`,
//! `toConnextra`, `parseAcceptanceCriteria`, `investFindings`, `isReady`) and the types
//! of stories come from the API description (`pmkit_api::work!`, expanded in
//! `work/mod.rs`).
