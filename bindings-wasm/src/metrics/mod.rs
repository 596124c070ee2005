//! The KPI formulas (`pmkit::metrics`) for JavaScript, one file per core module.

mod catalog;
mod delivery;
mod finance;
mod growth;
mod quality;
mod satisfaction;
mod stakeholder;
