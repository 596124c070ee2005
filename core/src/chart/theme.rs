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
    /// Each series colour as text on the background: the same hue, darker (light
    /// theme) or lighter (dark theme) where the colour itself is under 4.5:1 (WCAG AA).
    inks: [(&'static str, &'static str); 6],
}

impl Palette {
    /// Series colour `index`, cycling after the sixth.
    pub(crate) fn series(&self, index: usize) -> &'static str {
        self.series
            .get(index % self.series.len())
            .copied()
            .unwrap_or("#0072B2")
    }

    /// `color` as the fill of a label on the background: a series colour's readable
    /// shade (orange `#E69F00` is 2.25:1 on white; its ink `#996A00` is 4.6:1); any other
    /// colour unchanged.
    pub(crate) fn ink(&self, color: &'static str) -> &'static str {
        self.inks
            .iter()
            .find(|(series, _)| *series == color)
            .map_or(color, |(_, ink)| ink)
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
    inks: [
        ("#0072B2", "#0072B2"),
        ("#D55E00", "#BB5300"),
        ("#009E73", "#008460"),
        ("#CC79A7", "#BB4D8A"),
        ("#E69F00", "#996A00"),
        ("#56B4E9", "#177AB2"),
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
    inks: [
        ("#56B4E9", "#56B4E9"),
        ("#E69F00", "#E69F00"),
        ("#009E73", "#009E73"),
        ("#CC79A7", "#CC79A7"),
        ("#F0E442", "#F0E442"),
        ("#D55E00", "#DA6000"),
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

    /// WCAG's contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let channel = |i: usize| {
                let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_ink_and_text_colour_is_4_5_to_1_on_its_background() {
        for palette in [Theme::Light.palette(), Theme::Dark.palette()] {
            for index in 0..6 {
                let ink = palette.ink(palette.series(index));
                let ratio = contrast(ink, palette.background);
                assert!(ratio >= 4.5, "{ink} on {}: {ratio:.2}", palette.background);
            }
            for text in [palette.text, palette.muted] {
                assert!(contrast(text, palette.background) >= 4.5, "{text}");
            }
        }
        // Inks keep the hue: only the failing colours change.
        assert_eq!(Theme::Light.palette().ink("#0072B2"), "#0072B2");
        assert_eq!(Theme::Light.palette().ink("#E69F00"), "#996A00");
        assert_eq!(Theme::Light.palette().ink("#123456"), "#123456");
    }

    #[test]
    fn series_cycle_and_differ_by_theme() {
        let (light, dark) = (Theme::Light.palette(), Theme::Dark.palette());
        assert_eq!(light.series(0), "#0072B2");
        assert_eq!(light.series(6), light.series(0));
        assert_eq!(dark.series(0), "#56B4E9");
        assert_ne!(light.background, dark.background);
    }
}
