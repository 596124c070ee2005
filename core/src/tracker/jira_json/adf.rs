//! The text of a Jira Cloud v3 description: an Atlassian Document Format (ADF) tree.
//!
//! ADF is Jira Cloud's rich-text JSON (`{"type": "doc", "content": [...]}`): block nodes
//! (`paragraph`, `heading`, `bulletList`, `orderedList`, `listItem`, `codeBlock`) holding
//! inline `text` and `hardBreak` nodes. It is written out as Jira's wiki text
//! (`h3. Heading`, `* item`, `# item`), which the acceptance-criteria reader already
//! reads. Atlassian: "Atlassian Document Format",
//! <https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/>.

use serde_json::Value;

/// The document as wiki-style lines.
pub(super) fn adf_text(doc: &Value) -> String {
    let mut lines = Vec::new();
    blocks(doc, "", &mut lines);
    lines.join("\n")
}

fn children(node: &Value) -> impl Iterator<Item = &Value> {
    node.get("content")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn blocks(node: &Value, prefix: &str, lines: &mut Vec<String>) {
    match node.get("type").and_then(Value::as_str).unwrap_or("") {
        "paragraph" | "codeBlock" => lines.push(format!("{prefix}{}", inline(node))),
        "heading" => {
            let level = node
                .pointer("/attrs/level")
                .and_then(Value::as_u64)
                .unwrap_or(3)
                .clamp(1, 6);
            lines.push(format!("h{level}. {}", inline(node)));
        }
        "bulletList" => children(node).for_each(|item| blocks(item, "* ", lines)),
        "orderedList" => children(node).for_each(|item| blocks(item, "# ", lines)),
        "text" | "hardBreak" => lines.push(inline(node)),
        _ => children(node).for_each(|child| blocks(child, prefix, lines)),
    }
}

/// The text of `node`'s inline content; a hard break is a line break.
fn inline(node: &Value) -> String {
    match node.get("type").and_then(Value::as_str).unwrap_or("") {
        "text" => node
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        "hardBreak" => "\n".to_owned(),
        _ => children(node).map(inline).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_breaks() {
        let doc = serde_json::json!({"type": "doc", "version": 1, "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": "Save a card."}]},
            {"type": "heading", "attrs": {"level": 3}, "content": [{"type": "text", "text": "Acceptance criteria"}]},
            {"type": "bulletList", "content": [
                {"type": "listItem", "content": [{"type": "paragraph", "content": [
                    {"type": "text", "text": "Given", "marks": [{"type": "strong"}]},
                    {"type": "text", "text": " a shopper"}]}]},
                {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Then it is saved"}]}]}
            ]},
            {"type": "paragraph", "content": [{"type": "text", "text": "a"}, {"type": "hardBreak"}, {"type": "text", "text": "b"}]}
        ]});
        assert_eq!(
            adf_text(&doc),
            "Save a card.\nh3. Acceptance criteria\n* Given a shopper\n* Then it is saved\na\nb"
        );
    }
}
