//! Charts: functions from pmkit's models to SVG pictures, with no plotting dependency.
//!
//! A chart function takes a model (a [`SprintReport`](crate::sprint::SprintReport), a
//! velocity history …) and [`ChartOptions`] and returns a [`Chart`]: its kind, title,
//! description, size and the SVG document as a string, ready to write to a `.svg`
//! file, inline in HTML or show in a notebook.
//!
//! - **Deterministic.** The same input gives the same bytes: numbers are printed with
//!   at most 2 decimals (never `NaN`, `inf` or `-0`), nothing depends on hash order, a
//!   clock or the platform.
//! - **Infallible.** Options are checked by [`ChartOptions::new`]; a chart function
//!   never fails. Empty or degenerate data (no days, nothing committed, no sprints)
//!   draws the frame with a centred note saying why there is nothing to draw.
//! - **Accessible.** The root is `<svg role="img" aria-labelledby=…>` whose first
//!   children are `<title>` (the chart's title) and `<desc>` (the data summarized in
//!   words); points carry `<title>` tooltips. Series colours are Okabe–Ito,
//!   distinguishable with the common colour-vision deficiencies, and lines also
//!   differ by dash.
//! - **Self-contained.** One `font-family="system-ui, sans-serif"`, no external
//!   fonts, images, styles or scripts.
//!
//! Dates are laid out by whole calendar days (see the date convention in the source
//! of `scale.rs`): a value at the end of a day sits on the day's right edge, a value
//! of a day at its centre, and tick labels (`"Mar 4"`, `"Mar 2026"`) name days.
//!
//! ```
//! use pmkit::chart::{burndown_chart, ChartOptions, Theme};
//! use pmkit::sprint::{sample_sprint, sprint_report, CountBy};
//!
//! let report = sprint_report(&sample_sprint(), CountBy::Points)?;
//! let chart = burndown_chart(&report, &ChartOptions::new(800, 400, Theme::Dark)?);
//! assert!(chart.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert_eq!(chart.title, "Sprint burndown — S-12");
//! # Ok::<(), pmkit::Error>(())
//! ```

mod analytics;
mod evidence;
mod flow;
mod forecast;
mod frame;
mod roadmap;
mod scale;
mod sprint;
mod svg;
mod theme;

pub use analytics::{active_users_chart, retention_chart};
pub use evidence::{experiment_chart, mrr_chart, retention_projection_chart, MAX_WATERFALL_MONTHS};
pub use flow::{cumulative_flow_chart, cycle_time_chart};
pub use forecast::forecast_chart;
pub use roadmap::roadmap_chart;
pub use sprint::{burndown_chart, burnup_chart, velocity_chart};

// docs/charts.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/charts.md")]
#[cfg(doctest)]
pub struct ChartsDoctests;

use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// The colour theme of a chart.
    ///
    /// ```
    /// use pmkit::chart::Theme;
    ///
    /// assert_eq!(Theme::parse("theme", "Dark")?, Theme::Dark);
    /// assert_eq!(Theme::default(), Theme::Light);
    /// assert_eq!(Theme::parse("theme", "sepia").unwrap_err().field(), "theme");
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    #[derive(Default)]
    Theme, "theme" {
        /// Dark text on white (the default).
        #[default]
        Light = "light",
        /// Light text on a near-black background.
        Dark = "dark",
    }
);

named_enum!(
    /// Which chart a [`Chart`] is: its id names files (`burndown.svg`) and element ids.
    ///
    /// ```
    /// use pmkit::chart::ChartKind;
    ///
    /// assert_eq!(ChartKind::Burndown.as_str(), "burndown");
    /// assert_eq!(ChartKind::parse("kind", "velocity")?, ChartKind::Velocity);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    ChartKind, "chart kind" {
        /// [`burndown_chart`].
        Burndown = "burndown",
        /// [`burnup_chart`].
        Burnup = "burnup",
        /// [`velocity_chart`].
        Velocity = "velocity",
        /// [`cumulative_flow_chart`].
        CumulativeFlow = "cumulative_flow",
        /// [`cycle_time_chart`].
        CycleTime = "cycle_time",
        /// [`forecast_chart`].
        Forecast = "forecast",
        /// [`roadmap_chart`].
        Roadmap = "roadmap",
        /// [`retention_chart`].
        Retention = "retention",
        /// [`active_users_chart`].
        ActiveUsers = "active_users",
        /// [`experiment_chart`].
        Experiment = "experiment",
        /// [`retention_projection_chart`].
        RetentionProjection = "retention_projection",
        /// [`mrr_chart`].
        MrrMovements = "mrr_movements",
    }
);

/// The smallest and largest chart width, in pixels.
pub const WIDTH_RANGE: (u32, u32) = (240, 4000);
/// The smallest and largest chart height, in pixels.
pub const HEIGHT_RANGE: (u32, u32) = (160, 4000);

/// Size and theme of a chart: the options of every chart function. Build it with
/// [`ChartOptions::new`] (checked) or `default()` (720 × 400, light); the bindings read
/// it from keyword arguments (Python) or one options object (JavaScript), an absent
/// field taking its default.
///
/// ```
/// use pmkit::chart::{ChartOptions, Theme};
///
/// let options = ChartOptions::default();
/// assert_eq!((options.width, options.height, options.theme), (720, 400, Theme::Light));
/// let options: ChartOptions = pmkit::json::options(serde_json::json!({"theme": "dark"}))?;
/// assert_eq!((options.width, options.theme), (720, Theme::Dark));
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ChartOptions {
    /// Width in pixels, a whole number from 240 to 4000.
    #[serde(deserialize_with = "deserialize_pixels")]
    pub width: u32,
    /// Height in pixels, a whole number from 160 to 4000.
    #[serde(deserialize_with = "deserialize_pixels")]
    pub height: u32,
    /// The colour theme: "light" or "dark".
    pub theme: Theme,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 720,
            height: 400,
            theme: Theme::Light,
        }
    }
}

/// A size in pixels as a count (whole, ≥ 0, `3.0` allowed); beyond `u32` it saturates,
/// for the range check of [`ChartOptions::checked`] to name.
pub(crate) fn deserialize_pixels<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<u32, D::Error> {
    let count = crate::input::deserialize_count(deserializer)?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

impl ChartOptions {
    /// Checked options.
    ///
    /// **Errors**: `width` outside 240..=4000 or `height` outside 160..=4000
    /// ([`Error::OutOfRange`] naming the field).
    ///
    /// ```
    /// use pmkit::chart::{ChartOptions, Theme};
    /// use pmkit::ErrorKind;
    ///
    /// let options = ChartOptions::new(1024, 480, Theme::Dark)?;
    /// assert_eq!(options.width, 1024);
    /// let err = ChartOptions::new(100, 480, Theme::Light).unwrap_err();
    /// assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "width"));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn new(width: u32, height: u32, theme: Theme) -> Result<Self> {
        for (field, value, (low, high)) in [
            ("width", width, WIDTH_RANGE),
            ("height", height, HEIGHT_RANGE),
        ] {
            if !(low..=high).contains(&value) {
                return Err(Error::out_of_range(
                    field,
                    format!("is {value} pixels; use {low} to {high}"),
                ));
            }
        }
        Ok(ChartOptions {
            width,
            height,
            theme,
        })
    }

    /// These options, checked as [`ChartOptions::new`] checks them: what the bindings
    /// call on the options they read.
    ///
    /// **Errors**: as [`ChartOptions::new`].
    ///
    /// ```
    /// use pmkit::chart::ChartOptions;
    ///
    /// assert!(ChartOptions::default().checked().is_ok());
    /// let err = ChartOptions { height: 5000, ..ChartOptions::default() }.checked().unwrap_err();
    /// assert_eq!(err.field(), "height");
    /// ```
    pub fn checked(&self) -> Result<Self> {
        ChartOptions::new(self.width, self.height, self.theme)
    }

    /// The options with width and height pulled into range: what the charts draw with
    /// when given options that did not come from [`ChartOptions::new`] (deserialized
    /// or built field by field).
    ///
    /// ```
    /// use pmkit::chart::ChartOptions;
    ///
    /// let options = ChartOptions { width: 10, ..ChartOptions::default() }.clamped();
    /// assert_eq!(options.width, 240);
    /// ```
    pub fn clamped(&self) -> Self {
        ChartOptions {
            width: self.width.clamp(WIDTH_RANGE.0, WIDTH_RANGE.1),
            height: self.height.clamp(HEIGHT_RANGE.0, HEIGHT_RANGE.1),
            theme: self.theme,
        }
    }
}

/// A drawn chart: the SVG document and what it shows.
///
/// ```
/// use pmkit::chart::{velocity_chart, ChartKind, ChartOptions};
/// use pmkit::sprint::sample_sprint_history;
///
/// let chart = velocity_chart(&sample_sprint_history(), &ChartOptions::default());
/// assert_eq!(chart.kind, ChartKind::Velocity);
/// assert_eq!((chart.width, chart.height), (720, 400));
/// assert!(chart.svg.ends_with("</svg>\n"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Chart {
    /// Which chart.
    pub kind: ChartKind,
    /// The title, as drawn and as the SVG's `<title>`.
    pub title: String,
    /// The data in words: the SVG's `<desc>`, for screen readers and alt text.
    pub description: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The SVG document (UTF-8, starting with `<svg`, ending with `</svg>\n`).
    pub svg: String,
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A stack-based well-formedness check for the charts' SVG, and readers of the
    //! attributes the tests assert (tests only).

    /// The `points` of the polyline whose `class` is `class`.
    pub(crate) fn points_of(svg: &str, class: &str) -> String {
        let at = svg.find(&format!("class=\"{class}\"")).unwrap();
        let start = svg[..at].rfind("points=\"").unwrap() + 8;
        let end = svg[start..].find('"').unwrap() + start;
        svg[start..end].to_owned()
    }

    /// Attribute `name` of the first `<tag>` after the first `marker` in `svg`.
    pub(crate) fn attr_after(svg: &str, marker: &str, tag: &str, name: &str) -> String {
        let at = svg.find(marker).unwrap_or_else(|| panic!("no {marker}"));
        let start = svg[at..].find(&format!("<{tag} ")).unwrap() + at;
        let key = format!(" {name}=\"");
        let value = svg[start..].find(&key).unwrap() + start + key.len();
        let end = svg[value..].find('"').unwrap() + value;
        svg[value..end].to_owned()
    }

    /// Panics unless `svg` is one `<svg>` element with matched tags, quoted
    /// attributes, known entities, and geometry attributes that are finite numbers
    /// printed without `-0`.
    pub(crate) fn assert_well_formed(svg: &str) {
        assert!(svg.starts_with("<svg "), "must start with <svg: {svg:.40}");
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        let mut roots = 0;
        while let Some(open) = rest.find('<') {
            check_text(&rest[..open]);
            let close = rest[open..].find('>').expect("unclosed tag") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "'<' inside a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else {
                let self_closing = tag.ends_with('/');
                let body = tag.trim_end_matches('/');
                let name = body.split_whitespace().next().expect("empty tag");
                check_attributes(&body[name.len()..]);
                if stack.is_empty() {
                    roots += 1;
                }
                if !self_closing {
                    stack.push(name.to_owned());
                }
            }
            rest = &rest[close + 1..];
        }
        check_text(rest);
        assert!(stack.is_empty(), "unclosed elements: {stack:?}");
        assert_eq!(roots, 1, "one root element");
    }

    fn check_text(text: &str) {
        assert!(!text.contains('>'), "raw '>' in text: {text}");
        check_entities(text);
    }

    fn check_entities(text: &str) {
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            let end = rest[amp..].find(';').expect("unterminated entity") + amp;
            let entity = &rest[amp + 1..end];
            assert!(
                ["amp", "lt", "gt", "quot", "#39"].contains(&entity),
                "unknown entity &{entity};"
            );
            rest = &rest[end + 1..];
        }
    }

    const NUMERIC: [&str; 13] = [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d",
    ];

    fn check_numbers(name: &str, value: &str) {
        for token in value.split([' ', ',']) {
            let token = token.trim_start_matches(['M', 'L', 'Z']);
            if token.is_empty() {
                continue;
            }
            let number: f64 = token
                .parse()
                .unwrap_or_else(|_| panic!("{name}: {token:?} is not a number"));
            assert!(number.is_finite() && token != "-0", "{name}: {token:?}");
            assert!(!token.contains('e'), "{name}: exponent in {token:?}");
        }
    }

    fn check_attributes(mut text: &str) {
        let mut names = Vec::new();
        loop {
            text = text.trim_start();
            if text.is_empty() {
                break;
            }
            let eq = text.find('=').expect("attribute without value");
            let name = &text[..eq];
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                "bad attribute name {name:?}"
            );
            assert!(!names.contains(&name), "duplicate attribute {name}");
            names.push(name);
            let value = text[eq + 1..]
                .strip_prefix('"')
                .expect("unquoted attribute");
            let end = value.find('"').expect("unterminated attribute");
            check_entities(&value[..end]);
            if NUMERIC.contains(&name) {
                check_numbers(name, &value[..end]);
            }
            text = &value[end + 1..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn options_are_checked_at_both_ends() {
        assert!(ChartOptions::new(240, 160, Theme::Light).is_ok());
        assert!(ChartOptions::new(4000, 4000, Theme::Dark).is_ok());
        let err = ChartOptions::new(239, 400, Theme::Light).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "width"));
        assert!(err.reason().contains("240 to 4000"));
        let err = ChartOptions::new(720, 4001, Theme::Light).unwrap_err();
        assert_eq!(err.field(), "height");
        let err = ChartOptions::new(720, 159, Theme::Light).unwrap_err();
        assert_eq!(err.field(), "height");
    }

    #[test]
    fn theme_and_kind_round_trip_as_snake_case() {
        assert_eq!(serde_json::to_string(&Theme::Dark).unwrap(), "\"dark\"");
        let options: ChartOptions =
            serde_json::from_str(r#"{"width": 300, "height": 200, "theme": "Dark"}"#).unwrap();
        assert_eq!(options.theme, Theme::Dark);
        let err = Theme::parse("theme", "blue").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "theme"));
        assert_eq!(
            serde_json::to_string(&ChartKind::Burnup).unwrap(),
            "\"burnup\""
        );
    }

    #[test]
    fn the_checker_rejects_broken_svg() {
        use super::test_support::assert_well_formed;
        let bad = [
            "<svg a=\"1\"><g></svg>",
            "<svg a=1></svg>",
            "<svg a=\"1\"><text>1 & 2</text></svg>",
            "<svg a=\"1\"><line x1=\"NaN\"/></svg>",
            "<svg a=\"1\"><polyline points=\"0,1 -0,2\"/></svg>",
            "<svg a=\"1\"></svg><svg a=\"1\"></svg>",
        ];
        for svg in bad {
            assert!(
                std::panic::catch_unwind(|| assert_well_formed(svg)).is_err(),
                "{svg}"
            );
        }
        assert_well_formed("<svg a=\"&lt;\"><g/><text>x &amp; y</text></svg>");
    }
}
