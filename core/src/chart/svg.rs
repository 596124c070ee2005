//! A tiny SVG writer: escaping, deterministic number formatting and one helper per
//! element the charts draw (line, polyline, path, rect, circle, text, group).
//!
//! Every coordinate goes through [`num`], so the output never holds `NaN`, `inf`,
//! `-0` or a float's full `{}` expansion; every attribute value and text goes through
//! [`escape`]. Elements are written one per line, in call order, so the same calls
//! give the same bytes.

/// Formats a number for SVG: rounded to 2 decimals, trailing zeros and a trailing
/// dot trimmed, never `-0`; a non-finite value (which a chart must never pass) is `0`.
///
/// `num(12.0) == "12"`, `num(12.3456) == "12.35"`, `num(-0.001) == "0"`, `num(2.5) == "2.5"`.
pub(crate) fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let mut text = format!("{:.2}", (value * 100.0).round() / 100.0);
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    text
}

/// Escapes text or an attribute value: `&`, `<`, `>`, `"` and `'` become entities,
/// and control characters XML forbids are dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(ch),
            ch if ch.is_control() => {}
            ch => out.push(ch),
        }
    }
    out
}

/// FNV-1a (32 bits) of `text` as 8 hex digits: a deterministic id suffix, so two
/// different charts inlined in one page (a notebook, the dashboard) get distinct ids.
pub(crate) fn short_hash(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// Extra attributes of an element, written after its geometry, in order:
/// `&[("stroke", "#000"), ("stroke-dasharray", "4 3")]`. Values are escaped.
pub(crate) type Attrs<'a> = &'a [(&'a str, &'a str)];

/// An SVG document being written. Open and close groups in matching pairs; the
/// charts' frame ([`super::frame::Frame`]) writes the root element.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// An empty document.
    pub(crate) fn new() -> Self {
        Svg::default()
    }

    fn start_tag(&mut self, tag: &str, geometry: &[(&str, String)], attrs: Attrs) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in geometry {
            self.attr(name, value);
        }
        for (name, value) in attrs {
            self.attr(name, value);
        }
    }

    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&escape(value));
        self.out.push('"');
    }

    /// `<tag attrs>`: opens an element that [`Svg::close`] ends.
    pub(crate) fn open(&mut self, tag: &str, attrs: Attrs) {
        self.start_tag(tag, &[], attrs);
        self.out.push_str(">\n");
    }

    /// `</tag>`.
    pub(crate) fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    /// `<tag attrs/>`: an element without content.
    #[allow(dead_code)] // A primitive for the charts built on this writer.
    pub(crate) fn leaf(&mut self, tag: &str, attrs: Attrs) {
        self.start_tag(tag, &[], attrs);
        self.out.push_str("/>\n");
    }

    /// `<tag attrs>text</tag>`, the text escaped.
    pub(crate) fn element(&mut self, tag: &str, attrs: Attrs, text: &str) {
        self.start_tag(tag, &[], attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.close(tag);
    }

    /// `<g attrs>`: a group; end it with `close("g")`.
    pub(crate) fn group(&mut self, attrs: Attrs) {
        self.open("g", attrs);
    }

    /// A straight line from `(x1, y1)` to `(x2, y2)`.
    pub(crate) fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, attrs: Attrs) {
        let geometry = [
            ("x1", num(x1)),
            ("y1", num(y1)),
            ("x2", num(x2)),
            ("y2", num(y2)),
        ];
        self.start_tag("line", &geometry, attrs);
        self.out.push_str("/>\n");
    }

    /// A polyline through `points` (`fill="none"` is added unless `attrs` sets a fill).
    pub(crate) fn polyline(&mut self, points: &[(f64, f64)], attrs: Attrs) {
        let list: Vec<String> = points
            .iter()
            .map(|&(x, y)| format!("{},{}", num(x), num(y)))
            .collect();
        let mut geometry = vec![("points", list.join(" "))];
        if !attrs.iter().any(|(name, _)| *name == "fill") {
            geometry.push(("fill", "none".to_owned()));
        }
        self.start_tag("polyline", &geometry, attrs);
        self.out.push_str("/>\n");
    }

    /// A path with data `d` (build it with [`path_data`]).
    pub(crate) fn path(&mut self, d: &str, attrs: Attrs) {
        self.start_tag("path", &[("d", d.to_owned())], attrs);
        self.out.push_str("/>\n");
    }

    /// A rectangle; a negative width or height is drawn from the other corner.
    pub(crate) fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, attrs: Attrs) {
        let (x, width) = if width < 0.0 {
            (x + width, -width)
        } else {
            (x, width)
        };
        let (y, height) = if height < 0.0 {
            (y + height, -height)
        } else {
            (y, height)
        };
        let geometry = [
            ("x", num(x)),
            ("y", num(y)),
            ("width", num(width)),
            ("height", num(height)),
        ];
        self.start_tag("rect", &geometry, attrs);
        self.out.push_str("/>\n");
    }

    /// A circle of radius `r` at `(cx, cy)`, with a `<title>` tooltip when `tooltip`
    /// is not empty.
    pub(crate) fn circle(&mut self, cx: f64, cy: f64, r: f64, tooltip: &str, attrs: Attrs) {
        let geometry = [("cx", num(cx)), ("cy", num(cy)), ("r", num(r))];
        self.start_tag("circle", &geometry, attrs);
        if tooltip.is_empty() {
            self.out.push_str("/>\n");
        } else {
            self.out.push('>');
            self.element("title", &[], tooltip);
            self.close("circle");
        }
    }

    /// Text at `(x, y)` (the baseline; add `("text-anchor", "middle")` to centre it).
    pub(crate) fn text(&mut self, x: f64, y: f64, text: &str, attrs: Attrs) {
        self.start_tag("text", &[("x", num(x)), ("y", num(y))], attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.close("text");
    }

    /// Raw, already-valid markup (for the root element's prologue only).
    pub(crate) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// The document written so far.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// Path data `M x,y L x,y …` through `points`, closed with `Z` when `close` is set:
/// a filled area is `path_data(&top_then_bottom_reversed, true)`.
pub(crate) fn path_data(points: &[(f64, f64)], close: bool) -> String {
    let mut d = String::new();
    for (index, &(x, y)) in points.iter().enumerate() {
        if index > 0 {
            d.push(' ');
        }
        d.push(if index == 0 { 'M' } else { 'L' });
        d.push_str(&num(x));
        d.push(',');
        d.push_str(&num(y));
    }
    if close && !points.is_empty() {
        d.push_str(" Z");
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact_and_never_odd() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.3456), "12.35");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(2.505), "2.51"); // 250.5 rounds away from zero
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-7.25), "-7.25");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
    }

    #[test]
    fn escaping_covers_markup_and_drops_controls() {
        assert_eq!(
            escape(r#"<a & "b" 'c'>"#),
            "&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;"
        );
        assert_eq!(escape("x\u{0}y"), "xy");
        assert_eq!(escape("Sprint — 12"), "Sprint — 12");
    }

    #[test]
    fn elements_are_written_in_order() {
        let mut svg = Svg::new();
        svg.group(&[("class", "a&b")]);
        svg.line(0.0, 1.5, 10.0, -0.0, &[("stroke", "#000")]);
        svg.polyline(&[(0.0, 0.0), (1.0 / 3.0, 2.0)], &[]);
        svg.rect(10.0, 10.0, -4.0, 5.0, &[]);
        svg.text(5.0, 6.0, "1 < 2", &[("text-anchor", "middle")]);
        svg.circle(1.0, 2.0, 3.0, "Mar 4: 3 points", &[]);
        svg.close("g");
        assert_eq!(
            svg.finish(),
            "<g class=\"a&amp;b\">\n\
             <line x1=\"0\" y1=\"1.5\" x2=\"10\" y2=\"0\" stroke=\"#000\"/>\n\
             <polyline points=\"0,0 0.33,2\" fill=\"none\"/>\n\
             <rect x=\"6\" y=\"10\" width=\"4\" height=\"5\"/>\n\
             <text x=\"5\" y=\"6\" text-anchor=\"middle\">1 &lt; 2</text>\n\
             <circle cx=\"1\" cy=\"2\" r=\"3\"><title>Mar 4: 3 points</title>\n</circle>\n\
             </g>\n"
        );
    }

    #[test]
    fn path_data_moves_then_lines() {
        assert_eq!(path_data(&[(0.0, 1.0), (2.0, 3.0)], true), "M0,1 L2,3 Z");
        assert_eq!(path_data(&[], true), "");
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(short_hash(""), "811c9dc5");
        assert_eq!(short_hash("a"), "e40c292c");
    }
}
