//! The colours of the light and dark themes: background, text, grid, axis, shading
//! and an ordered, colour-blind-safe series palette.

use super::Theme;

/// The colours of a theme. Series colours are Okabe–Ito (colour-blind safe), ordered
/// per theme so the first ones contrast well with its background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Palette {
    /// The background.
    pub(crate) background: &'static str,
    /// Titles, labels, notes.
    pub(crate) text: &'static str,
    /// Tick labels and secondary lines (the ideal line).
    pub(crate) muted: &'static str,
    /// Gridlines.
    pub(crate) grid: &'static str,
    /// Axis lines.
    pub(crate) axis: &'static str,
    /// Shading of non-working days and other background bands.
    pub(crate) shade: &'static str,
    /// A neutral fill for "planned" bars next to a series colour.
    pub(crate) neutral: &'static str,
    series: [&'static str; 6],
}

impl Palette {
    /// Series colour `index`, cycling after the sixth.
    pub(crate) fn series(&self, index: usize) -> &'static str {
        self.series
            .get(index % self.series.len())
            .copied()
            .unwrap_or("#0072B2")
    }
}

const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#1f2328",
    muted: "#59636e",
    grid: "#e6e8eb",
    axis: "#8c959f",
    shade: "#eef1f4",
    neutral: "#b4bcc5",
    // Blue, vermillion, bluish green, reddish purple, orange, sky blue.
    series: [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
    ],
};

const DARK: Palette = Palette {
    background: "#161b22",
    text: "#e6edf3",
    muted: "#9da7b3",
    grid: "#2b323b",
    axis: "#6e7681",
    shade: "#222a33",
    neutral: "#5c6670",
    // Sky blue, orange, bluish green, reddish purple, yellow, vermillion.
    series: [
        "#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00",
    ],
};

impl Theme {
    /// The theme's colours.
    pub(crate) fn palette(self) -> Palette {
        match self {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_cycle_and_differ_by_theme() {
        let (light, dark) = (Theme::Light.palette(), Theme::Dark.palette());
        assert_eq!(light.series(0), "#0072B2");
        assert_eq!(light.series(6), light.series(0));
        assert_eq!(dark.series(0), "#56B4E9");
        assert_ne!(light.background, dark.background);
    }
}
