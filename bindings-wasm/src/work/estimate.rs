//! Estimate scales for JavaScript: the functions (`estimateScale`, `estimatePoints`,
//! `estimateCard`) and the types of scales come from the API description
//! (`pmkit_api::work!`, expanded in `work/mod.rs`).
