"""A data set's items (pmkit's JSON form) as the Jira REST search pages they came from.

The same issues run_jam.py hands jira-agile-metrics through its fake Jira, written as
`GET /rest/api/3/search/jql?expand=changelog,names` returns them: status changes and
Flagged changes in each issue's changelog (newest first, as some instances return
them), the resolution date when the issue last entered a done status, pages of
`page_size` issues. `run_pmkit.py --via-jira` reads them back with
`pmkit.import_jira_json`, so the comparison covers the Jira form end to end.
"""

from __future__ import annotations

from typing import Any


def jira_time(moment: str) -> str:
    """pmkit's "2026-01-05T09:30:00" (or a bare date) as Jira's "2026-01-05T09:30:00.000+0000"."""
    if "T" not in moment:
        moment += "T00:00:00"
    return moment[:19] + ".000+0000"


def category(status: str, workflow: dict[str, Any]) -> str:
    """Jira's status category of `status`: done from the done column on, in progress
    from the committed column on, new before it."""
    names = [column["name"] for column in workflow["columns"]]
    for index, column in enumerate(workflow["columns"]):
        if status.lower() in (s.lower() for s in column["statuses"]):
            if index >= names.index(workflow["done"]):
                return "done"
            return "indeterminate" if index >= names.index(workflow["committed"]) else "new"
    return "new"


def to_issue(number: int, item: dict[str, Any], workflow: dict[str, Any]) -> dict[str, Any]:
    transitions = item.get("transitions", [])
    status = transitions[-1]["to"] if transitions else item.get("status") or "Backlog"
    histories = []
    for index, t in enumerate(transitions):
        histories.append({"id": f"{number}-s{index}", "created": jira_time(t["at"]), "items": [
            {"field": "status", "fieldtype": "jira", "fieldId": "status", "fromString": t.get("from"), "toString": t["to"]}]})
    for index, block in enumerate(item.get("blocked", [])):
        flag = {"field": "Flagged", "fieldtype": "custom", "fieldId": "customfield_100"}
        histories.append({"id": f"{number}-f{index}", "created": jira_time(block["start"]),
                          "items": [{**flag, "fromString": None, "toString": "Impediment"}]})
        if block.get("end"):
            histories.append({"id": f"{number}-u{index}", "created": jira_time(block["end"]),
                              "items": [{**flag, "fromString": "Impediment", "toString": None}]})
    histories.sort(key=lambda history: history["created"], reverse=True)
    done = [t["at"] for t in transitions if category(t["to"], workflow) == "done"]
    return {
        "id": str(10_000 + number),
        "key": item["key"],
        "fields": {
            "summary": item["key"],
            "issuetype": {"name": item.get("item_type", ""), "subtask": False},
            "status": {"name": status, "statusCategory": {"key": category(status, workflow)}},
            "created": jira_time(item["created"]),
            "resolution": {"name": "Done"} if done else None,
            "resolutiondate": jira_time(done[-1]) if done else None,
            "customfield_10016": item.get("points") or None,
            "customfield_100": None,
        },
        "changelog": {"startAt": 0, "maxResults": len(histories), "total": len(histories), "histories": histories},
    }


def to_pages(items: list[dict[str, Any]], workflow: dict[str, Any], page_size: int = 100) -> list[dict[str, Any]]:
    """The items as search pages of `page_size` issues."""
    names = {"customfield_10016": "Story point estimate", "customfield_100": "Flagged"}
    issues = [to_issue(number, item, workflow) for number, item in enumerate(items)]
    return [
        {"issues": issues[start:start + page_size], "names": names, "isLast": start + page_size >= len(issues)}
        for start in range(0, max(len(issues), 1), page_size)
    ]
