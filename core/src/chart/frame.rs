//! The frame every chart shares: the root `<svg>` with `<title>` and
//! `<desc>`, background, title text, legend, axes with ticks, gridlines and axis
//! labels, and the centred note of an empty chart.
//!
//! A chart function builds a [`Frame`], maps its data with scales over
//! [`Frame::plot`], draws into [`Frame::svg`], and ends with [`Frame::finish`]:
//!
//! ```text
//! let mut frame = Frame::new(ChartKind::Burnup, options, title, desc, &legend);
//! let y = LinearScale::new(0.0, max, frame.y_range(), frame.y_tick_target(), true);
//! let x = DateScale::new(start, days, frame.x_range());
//! frame.y_axis(&y, "Points");
//! frame.x_axis_dates(&x, "Date");
//! frame.svg.polyline(&points, &[("stroke", frame.palette.series(0)), ("stroke-width", "2")]);
//! frame.finish()
//! ```

use super::scale::{BandScale, DateScale, LinearScale};
use super::svg::{num, short_hash, Svg};
use super::theme::Palette;
use super::{Chart, ChartKind, ChartOptions};

/// The font of every text: the platform's UI font, no external resource.
pub(crate) const FONT_FAMILY: &str = "system-ui, sans-serif";

/// Font sizes and spacing in pixels. Charts narrower than 480 px or lower than
/// 300 px are *compact*: smaller type and margins, and no axis titles, so a
/// 240 × 160 thumbnail still has room for its data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sizes {
    /// The chart title.
    pub(crate) title: f64,
    /// Legend entries and axis titles.
    pub(crate) label: f64,
    /// Tick labels and value labels.
    pub(crate) tick: f64,
    /// The outer margin on every side.
    pub(crate) margin: f64,
    /// Whether the axis titles ("Story points", "Sprint") are drawn.
    pub(crate) axis_titles: bool,
}

impl Sizes {
    /// The sizes for a chart of `width` × `height` pixels.
    pub(crate) fn for_size(width: u32, height: u32) -> Self {
        if width < 480 || height < 300 {
            // 11 px is the smallest text any chart draws: smaller is unreadable on a
            // phone, where these compact charts are shown at their own size.
            Sizes {
                title: 13.0,
                label: 11.0,
                tick: 11.0,
                margin: 8.0,
                axis_titles: false,
            }
        } else {
            Sizes {
                title: 16.0,
                label: 12.0,
                tick: 11.0,
                margin: 16.0,
                axis_titles: true,
            }
        }
    }

    /// The height of a legend row and the length of its swatch.
    fn legend_row(&self) -> f64 {
        self.label * 1.5
    }

    /// The width of the y axis title's column (0 when titles are off).
    fn y_title_column(&self) -> f64 {
        if self.axis_titles {
            self.label + 8.0
        } else {
            0.0
        }
    }
}

/// A rough width of `text` at `size` px in a UI font (0.6 em a character): enough to
/// keep labels apart, never used for exact placement.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// `text` cut (with `…`) to fit `room` pixels at `size` px.
pub(crate) fn fit(text: &str, room: f64, size: f64) -> String {
    let chars = (room / (size * 0.6)).floor().max(1.0) as usize;
    truncate(text, chars)
}

/// `text` cut to `max_chars` characters, ending with `…` when cut.
pub(crate) fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// How a legend entry's swatch looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A line in a colour, dashed or not.
    Line {
        /// The colour.
        color: &'static str,
        /// Dashed (planned, ideal, mean lines).
        dashed: bool,
    },
    /// A filled square (bars, areas, shaded days).
    Fill(&'static str),
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegendItem {
    /// Its swatch.
    pub(crate) swatch: Swatch,
    /// Its label.
    pub(crate) label: String,
}

impl LegendItem {
    /// A line entry.
    pub(crate) fn line(label: &str, color: &'static str, dashed: bool) -> Self {
        LegendItem {
            swatch: Swatch::Line { color, dashed },
            label: label.to_owned(),
        }
    }

    /// A filled-square entry.
    pub(crate) fn fill(label: &str, color: &'static str) -> Self {
        LegendItem {
            swatch: Swatch::Fill(color),
            label: label.to_owned(),
        }
    }
}

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Area {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

impl Area {
    /// The right edge.
    pub(crate) fn right(&self) -> f64 {
        self.x + self.width
    }
    /// The bottom edge.
    pub(crate) fn bottom(&self) -> f64 {
        self.y + self.height
    }
}

/// The dash pattern of dashed lines.
pub(crate) const DASH: &str = "6 4";

/// A chart being drawn: the SVG so far, the palette and the plot area.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The document; draw series into it.
    pub(crate) svg: Svg,
    /// The theme's colours.
    pub(crate) palette: Palette,
    /// Where data goes: inside the axes.
    pub(crate) plot: Area,
    /// Font sizes and margins for this chart's size.
    pub(crate) sizes: Sizes,
    kind: ChartKind,
    title: String,
    description: String,
    width: u32,
    height: u32,
}

impl Frame {
    /// Starts a chart: the root element, `<title>` and `<desc>`, background, the title
    /// text and the legend (wrapped over as many rows as it needs) above the plot.
    /// The plot leaves room for y tick labels of up to 6 characters on the left
    /// (widen with [`Frame::reserve_left`]) and date or band labels below.
    pub(crate) fn new(
        kind: ChartKind,
        options: &ChartOptions,
        title: &str,
        description: &str,
        legend: &[LegendItem],
    ) -> Self {
        let options = &options.clamped();
        let (width, height) = (f64::from(options.width), f64::from(options.height));
        let palette = options.theme.palette();
        let id = format!(
            "pmkit-{}-{}",
            kind.as_str(),
            short_hash(&format!(
                "{title}\u{0}{description}\u{0}{}x{}\u{0}{}",
                options.width,
                options.height,
                options.theme.as_str()
            ))
        );
        let mut svg = Svg::new();
        svg.raw(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
             height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
             font-family=\"{FONT_FAMILY}\">\n",
            w = options.width,
            h = options.height,
        ));
        svg.element("title", &[("id", &format!("{id}-title"))], title);
        svg.element("desc", &[("id", &format!("{id}-desc"))], description);
        svg.rect(0.0, 0.0, width, height, &[("fill", palette.background)]);
        let sizes = Sizes::for_size(options.width, options.height);
        let margin = sizes.margin;
        let room = width - 2.0 * margin;
        svg.text(
            margin,
            margin + sizes.title - 2.0,
            &fit(title, room, sizes.title),
            &[
                ("font-size", &num(sizes.title)),
                ("font-weight", "600"),
                ("fill", palette.text),
            ],
        );

        // Legend rows under the title, left to right, wrapping at the right margin.
        let gap = margin / 2.0;
        let mut top = margin + sizes.title + gap;
        if !legend.is_empty() {
            let (row, swatch) = (sizes.legend_row(), sizes.legend_row());
            svg.group(&[("font-size", &num(sizes.label)), ("fill", palette.text)]);
            let mut x = margin;
            let mut row_y = top;
            for item in legend {
                let label = fit(&item.label, room - swatch - 6.0, sizes.label);
                let entry = swatch + 6.0 + text_width(&label, sizes.label);
                if x > margin && x + entry > width - margin {
                    x = margin;
                    row_y += row;
                }
                let middle = row_y + row / 2.0;
                match item.swatch {
                    Swatch::Line { color, dashed } => {
                        let mut attrs = vec![("stroke", color), ("stroke-width", "2.5")];
                        if dashed {
                            attrs.push(("stroke-dasharray", "5 3"));
                        }
                        svg.line(x, middle, x + swatch, middle, &attrs);
                    }
                    Swatch::Fill(color) => {
                        let side = sizes.label;
                        svg.rect(
                            x + (swatch - side) / 2.0,
                            middle - side / 2.0,
                            side,
                            side,
                            &[
                                ("fill", color),
                                ("stroke", palette.axis),
                                ("stroke-width", "0.5"),
                            ],
                        );
                    }
                }
                svg.text(x + swatch + 6.0, middle + sizes.label / 3.0, &label, &[]);
                x += entry + sizes.label * 1.5;
            }
            svg.close("g");
            top = row_y + row + gap;
        }
        let left = margin + sizes.y_title_column() + text_width("000000", sizes.tick) + 6.0;
        let x_title_row = if sizes.axis_titles {
            sizes.label + 8.0
        } else {
            0.0
        };
        let bottom = height - margin - x_title_row - sizes.tick - 8.0;
        let plot = Area {
            x: left,
            y: top,
            width: (width - margin - left).max(1.0),
            height: (bottom - top).max(1.0),
        };
        Frame {
            svg,
            palette,
            plot,
            sizes,
            kind,
            title: title.to_owned(),
            description: description.to_owned(),
            width: options.width,
            height: options.height,
        }
    }

    /// Moves the plot's left edge so y labels of `chars` characters fit (lane names,
    /// cohorts). Call it before building the x scale.
    pub(crate) fn reserve_left(&mut self, chars: usize) {
        let sizes = self.sizes;
        let left = sizes.margin
            + sizes.y_title_column()
            + text_width(&"0".repeat(chars), sizes.tick)
            + 6.0;
        let right = self.plot.right();
        self.plot.x = left.min(right - 1.0);
        self.plot.width = right - self.plot.x;
    }

    /// The y pixel range `(bottom, top)` for a [`LinearScale`].
    pub(crate) fn y_range(&self) -> (f64, f64) {
        (self.plot.bottom(), self.plot.y)
    }

    /// The x pixel range `(left, right)` for a [`DateScale`] or [`BandScale`].
    pub(crate) fn x_range(&self) -> (f64, f64) {
        (self.plot.x, self.plot.right())
    }

    /// About one y tick per 50 px of plot height, 2 to 8.
    pub(crate) fn y_tick_target(&self) -> usize {
        ((self.plot.height / 50.0).floor() as usize).clamp(2, 8)
    }

    /// Horizontal gridlines and labels at each tick of `y`, and `label` rotated along
    /// the left edge (not in compact charts).
    pub(crate) fn y_axis(&mut self, y: &LinearScale, label: &str) {
        self.y_axis_with(y, label, |tick| y.label(tick));
    }

    /// [`Frame::y_axis`] with the tick labels written by `tick_label` (percentages).
    pub(crate) fn y_axis_with(
        &mut self,
        y: &LinearScale,
        label: &str,
        tick_label: impl Fn(f64) -> String,
    ) {
        let (palette, sizes) = (self.palette, self.sizes);
        self.svg.group(&[
            ("font-size", &num(sizes.tick)),
            ("fill", palette.muted),
            ("text-anchor", "end"),
        ]);
        for &tick in &y.ticks {
            let at = y.map(tick);
            self.svg.line(
                self.plot.x,
                at,
                self.plot.right(),
                at,
                &[("stroke", palette.grid), ("stroke-width", "1")],
            );
            self.svg.text(
                self.plot.x - 6.0,
                at + sizes.tick / 3.0,
                &tick_label(tick),
                &[],
            );
        }
        self.svg.close("g");
        if !sizes.axis_titles {
            return;
        }
        let middle = self.plot.y + self.plot.height / 2.0;
        let x = sizes.margin + sizes.label - 2.0;
        self.svg.text(
            x,
            middle,
            &fit(label, self.plot.height, sizes.label),
            &[
                ("font-size", &num(sizes.label)),
                ("fill", palette.text),
                ("text-anchor", "middle"),
                (
                    "transform",
                    &format!("rotate(-90 {} {})", num(x), num(middle)),
                ),
            ],
        );
    }

    /// Day labels of `x` under the plot (spaced so they never overlap), short tick
    /// marks, and `label` centred below.
    pub(crate) fn x_axis_dates(&mut self, x: &DateScale, label: &str) {
        let size = self.sizes.tick;
        let ticks = x.ticks(
            text_width("Mar 30", size) + 10.0,
            text_width("Mar 2026", size) + 10.0,
        );
        let marks: Vec<(f64, String)> = ticks.into_iter().map(|t| (t.x, t.label)).collect();
        self.x_labels(&marks, label);
    }

    /// Category labels of `x` under the plot, one per band; when they would collide,
    /// every k-th is shown, and each is cut to 12 characters and to its share of the
    /// width.
    pub(crate) fn x_axis_bands(&mut self, x: &BandScale, labels: &[String], label: &str) {
        let size = self.sizes.tick;
        let step = x.step().abs().max(1.0);
        let widest = labels
            .iter()
            .map(|text| text_width(text, size))
            .fold(0.0, f64::max)
            .min(text_width("000000000000", size));
        let every = ((widest + 8.0) / step).ceil().max(1.0) as usize;
        let room = step * every as f64 - 6.0;
        let marks: Vec<(f64, String)> = labels
            .iter()
            .enumerate()
            .filter(|(index, _)| index % every == 0)
            .map(|(index, text)| (x.center(index), fit(&truncate(text, 12), room, size)))
            .collect();
        self.x_labels(&marks, label);
    }

    /// Number labels at the ticks of a linear x scale (periods), and `label` below.
    pub(crate) fn x_axis_linear(&mut self, x: &LinearScale, label: &str) {
        let marks: Vec<(f64, String)> = x.ticks.iter().map(|&t| (x.map(t), x.label(t))).collect();
        self.x_labels(&marks, label);
    }

    fn x_labels(&mut self, marks: &[(f64, String)], label: &str) {
        let (palette, sizes) = (self.palette, self.sizes);
        let bottom = self.plot.bottom();
        self.svg.group(&[
            ("font-size", &num(sizes.tick)),
            ("fill", palette.muted),
            ("text-anchor", "middle"),
        ]);
        for (x, text) in marks {
            self.svg.line(
                *x,
                bottom,
                *x,
                bottom + 4.0,
                &[("stroke", palette.axis), ("stroke-width", "1")],
            );
            // A label near an edge (a month tick at the last day) slides inward
            // rather than being cut off; the tick mark stays on its day.
            let half = text_width(text, sizes.tick) / 2.0;
            let right = (f64::from(self.width) - half - 2.0).max(half + 2.0);
            let at = x.clamp(half + 2.0, right);
            self.svg.text(at, bottom + 6.0 + sizes.tick, text, &[]);
        }
        self.svg.close("g");
        if !sizes.axis_titles {
            return;
        }
        self.svg.text(
            self.plot.x + self.plot.width / 2.0,
            f64::from(self.height) - sizes.margin,
            &fit(label, self.plot.width, sizes.label),
            &[
                ("font-size", &num(sizes.label)),
                ("fill", palette.text),
                ("text-anchor", "middle"),
            ],
        );
    }

    /// The axis lines: left and bottom edges of the plot. Draw after the data so they
    /// stay on top.
    pub(crate) fn axis_lines(&mut self) {
        let (x, y, right, bottom) = (
            self.plot.x,
            self.plot.y,
            self.plot.right(),
            self.plot.bottom(),
        );
        let stroke = [("stroke", self.palette.axis), ("stroke-width", "1")];
        self.svg.line(x, y, x, bottom, &stroke);
        self.svg.line(x, bottom, right, bottom, &stroke);
    }

    /// `text` centred in the plot, for empty or degenerate data.
    pub(crate) fn note(&mut self, text: &str) {
        let palette = self.palette;
        self.svg.text(
            self.plot.x + self.plot.width / 2.0,
            self.plot.y + self.plot.height / 2.0,
            &fit(text, self.plot.width, self.sizes.label + 2.0),
            &[
                ("font-size", &num(self.sizes.label + 2.0)),
                ("fill", palette.muted),
                ("text-anchor", "middle"),
            ],
        );
    }

    /// Closes the document and returns the chart.
    pub(crate) fn finish(mut self) -> Chart {
        self.svg.close("svg");
        Chart {
            kind: self.kind,
            title: self.title,
            description: self.description,
            width: self.width,
            height: self.height,
            svg: self.svg.finish(),
        }
    }

    /// A chart with only the frame, axis lines and a centred `note` ("No data to draw"):
    /// what every chart returns for empty or degenerate data.
    pub(crate) fn empty(
        kind: ChartKind,
        options: &ChartOptions,
        title: &str,
        description: &str,
        note: &str,
    ) -> Chart {
        let mut frame = Frame::new(kind, options, title, description, &[]);
        frame.axis_lines();
        frame.note(note);
        frame.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::assert_well_formed;
    use crate::chart::Theme;

    #[test]
    fn empty_frame_is_well_formed_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let options = ChartOptions::new(240, 160, theme).unwrap();
            let chart = Frame::empty(
                ChartKind::Burndown,
                &options,
                "A <b>",
                "d & e",
                "No data to draw",
            );
            assert_well_formed(&chart.svg);
            assert!(chart.svg.contains(theme.palette().background));
            assert!(chart.svg.contains("<title id=\"pmkit-burndown-"));
            assert!(chart.svg.contains(">A &lt;b&gt;</title>"));
            assert!(chart.svg.contains("No data to draw"));
        }
    }

    #[test]
    fn plot_area_by_hand() {
        // 720 × 400, no legend: top = 16 + 16 + 8 = 40; left = 16 + 12 + 8 + 6×6.6 + 6
        // = 81.6; bottom = 400 − 16 − 12 − 8 − 11 − 8 = 345.
        let frame = Frame::new(ChartKind::Burndown, &ChartOptions::default(), "t", "d", &[]);
        assert_eq!(frame.plot.y, 40.0);
        assert!((frame.plot.x - 81.6).abs() < 1e-9);
        assert_eq!(frame.plot.bottom(), 345.0);
        assert_eq!(frame.plot.right(), 704.0);
        // One legend row adds 18 + 8.
        let legend = [LegendItem::line("Remaining", "#000", false)];
        let frame = Frame::new(
            ChartKind::Burndown,
            &ChartOptions::default(),
            "t",
            "d",
            &legend,
        );
        assert_eq!(frame.plot.y, 66.0);
    }

    #[test]
    fn truncation_keeps_short_text() {
        assert_eq!(truncate("S-12", 6), "S-12");
        assert_eq!(truncate("Sprint twelve", 6), "Sprin…");
    }

    #[test]
    fn long_legends_wrap() {
        let options = ChartOptions::new(240, 200, Theme::Light).unwrap();
        let legend = [
            LegendItem::line("Remaining work", "#000", false),
            LegendItem::line("Ideal remaining", "#000", true),
            LegendItem::fill("Non-working day", "#eee"),
        ];
        let frame = Frame::new(ChartKind::Burndown, &options, "t", "d", &legend);
        // Compact (240 wide): margin 8, title 13, gap 4 → legend from y 25, rows of
        // 16.5 (11 px labels). Entries are swatch 16.5 + 6 + 6.6 px a char, 15 px apart,
        // within 8..232: "Remaining work" 8..122.9; "Ideal remaining" (121.5) would end
        // at 259.4 → row 2, 8..129.5; "Non-working day" would end at 266 → row 3. Plot
        // from 25 + 3 × 16.5 + 4.
        assert_eq!(frame.plot.y, 78.5);
    }
}
