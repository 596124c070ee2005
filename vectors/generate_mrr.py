"""Writes vectors/mrr.json: an independent month-by-month replay of each ledger in exact
decimals (the expected values of mrr_movements). Run from the repository root:
    python3 vectors/generate_mrr.py
"""
import json, datetime as dt
from decimal import Decimal

def movements(customers, dates, mrr):
    rows = sorted(range(len(customers)), key=lambda i: (customers[i], dates[i], i))
    parse = lambda s: dt.date.fromisoformat(s)
    months = sorted({(parse(d).year, parse(d).month) for d in dates})
    first, last = months[0], months[-1]
    allm = []
    y, m = first
    while (y, m) <= last:
        allm.append((y, m)); m += 1
        if m == 13: y, m = y + 1, 1
    def value_at_end(c, ym):
        v = Decimal(0)
        for i in rows:
            if customers[i] == c and (parse(dates[i]).year, parse(dates[i]).month) <= ym:
                v = Decimal(repr(mrr[i]))
        return v
    out = []
    ids = sorted(set(customers))
    prev = {c: Decimal(0) for c in ids}
    paid = {c: False for c in ids}
    for ym in allm:
        t = {k: [Decimal(0), 0] for k in ["new", "expansion", "contraction", "churned", "reactivation"]}
        cur = {c: value_at_end(c, ym) for c in ids}
        for c in ids:
            b, a = prev[c], cur[c]
            if b == 0 and a > 0: k, amt = ("reactivation" if paid[c] else "new"), a
            elif b > 0 and a == 0: k, amt = "churned", b
            elif b > 0 and a > b: k, amt = "expansion", a - b
            elif b > 0 and a < b: k, amt = "contraction", b - a
            else: k = None
            if k: t[k][0] += amt; t[k][1] += 1
            if a > 0: paid[c] = True
        start = sum(prev.values()); end = sum(cur.values())
        assert start + t["new"][0] + t["expansion"][0] + t["reactivation"][0] - t["contraction"][0] - t["churned"][0] == end
        cs = sum(1 for c in ids if prev[c] > 0); ce = sum(1 for c in ids if cur[c] > 0)
        lost = t["contraction"][0] + t["churned"][0]
        r = lambda n, d: None if d == 0 else float(n / d)
        out.append({
            "month": f"{ym[0]:04d}-{ym[1]:02d}-01",
            "starting_mrr": float(start), "new_mrr": float(t["new"][0]), "expansion_mrr": float(t["expansion"][0]),
            "contraction_mrr": float(t["contraction"][0]), "churned_mrr": float(t["churned"][0]),
            "reactivation_mrr": float(t["reactivation"][0]), "ending_mrr": float(end), "net_new_mrr": float(end - start),
            "customers_at_start": cs, "new_customers": t["new"][1], "expansion_customers": t["expansion"][1],
            "contraction_customers": t["contraction"][1], "churned_customers": t["churned"][1],
            "reactivated_customers": t["reactivation"][1], "customers_at_end": ce,
            "net_revenue_retention": r(start + t["expansion"][0] - lost, start), "gross_revenue_retention": r(start - lost, start),
            "quick_ratio": r(t["new"][0] + t["expansion"][0] + t["reactivation"][0], lost),
            "logo_churn_rate": r(Decimal(t["churned"][1]), Decimal(cs)), "revenue_churn_rate": r(lost, start),
        })
        prev = cur
    return out

cases = []
def case(name, customers, dates, mrr):
    cases.append({"name": name, "function": "mrr_movements", "args": {"customers": customers, "dates": dates, "mrr": mrr}, "expected": movements(customers, dates, mrr)})
def err(name, args, kind, field):
    cases.append({"name": name, "function": "mrr_movements", "args": args, "error": {"kind": kind, "field": field}})

case("the rustdoc ledger: expansion, churn and a new customer in February", ["a", "b", "a", "b", "c", "a"], ["2026-01-05", "2026-01-09", "2026-02-03", "2026-02-20", "2026-02-11", "2026-03-01"], [50.0, 30.0, 80.0, 0.0, 20.0, 0.0])
case("every category, cents summed exactly, a quiet month and rows out of order",
     ["a", "b", "c", "a", "b", "a", "a", "c", "d", "d"],
     ["2026-01-03", "2026-01-30", "2026-02-28", "2026-02-01", "2026-03-15", "2026-05-02", "2026-06-20", "2026-06-21", "2026-06-01", "2026-06-25"],
     [49.99, 10.01, 0.1, 99.99, 5.03, 0.0, 19.99, 0.3, 12.5, 15.75])
case("a change reversed within the month is no movement", ["a", "a", "a"], ["2026-01-01", "2026-02-03", "2026-02-20"], [10.0, 25.0, 10.0])
case("two rows of one customer on one date keep the later", ["a", "a"], ["2026-01-01", "2026-01-01"], [10.0, 12.0])
err("no rows", {"customers": [], "dates": [], "mrr": []}, "undefined", "customers")
err("a negative MRR", {"customers": ["a"], "dates": ["2026-01-01"], "mrr": [-5]}, "invalid_input", "mrr[0]")
err("columns of different lengths", {"customers": ["a", "b"], "dates": ["2026-01-01"], "mrr": [1, 2]}, "invalid_input", "dates")
err("a ledger spanning more than a century", {"customers": ["a", "b"], "dates": ["1900-01-01", "2026-01-01"], "mrr": [1, 2]}, "out_of_range", "dates")
about = ("Shared test vectors for pmkit::metrics::mrr_movements. Expected values come from an independent month-by-month replay of "
         "each ledger in exact decimals (Python's decimal module), which also asserts start + new + expansion + reactivation - "
         "contraction - churned = end every month. Categories as ChartMogul and Baremetrics document them.")
lines = ",\n".join("    " + json.dumps(c, ensure_ascii=False) for c in cases)
open("vectors/mrr.json", "w").write(f'{{\n  "about": {json.dumps(about)},\n  "cases": [\n{lines}\n  ]\n}}\n')
