//! The two product roles (`pmkit::roles`) for JavaScript.
