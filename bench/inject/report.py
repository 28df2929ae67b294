"""The recall table (operator x format, with sub-groups) and the false alarms on untouched files."""
from __future__ import annotations

from collections import Counter, defaultdict

from .runner import BUILT_ON

FORMATS = ("text", "html", "xml")


def tally(results: list[dict]) -> dict:
    """(op, tag, fmt) -> Counter of statuses; tag '' is the operator as a whole."""
    t: dict = defaultdict(Counter)
    reasons: dict = defaultdict(Counter)
    for r in results:
        for rec in r["records"]:
            for tag in ("", *rec.get("tags", ())):
                t[(rec["op"], tag, r["fmt"])][rec["status"]] += 1
            if rec["status"] in ("n/a", "unlanded", "crash"):
                reasons[rec["op"]][rec.get("reason", "")] += 1
    return {"counts": t, "reasons": reasons}


def recall_rows(results: list[dict], ops: list[str]) -> list[dict]:
    counts = tally(results)["counts"]
    rows = []
    keys = sorted({(op, tag) for op, tag, _ in counts}, key=lambda k: (ops.index(k[0]) if k[0] in ops else 99, k[1]))
    for op, tag in keys:
        row = {"op": op, "group": tag}
        for fmt in FORMATS:
            c = counts.get((op, tag, fmt), Counter())
            applied = c["caught"] + c["missed"]
            row[fmt] = {"applied": applied, "caught": c["caught"], "n/a": c["n/a"],
                        "unlanded": c["unlanded"], "crash": c["crash"],
                        "recall": round(100 * c["caught"] / applied, 1) if applied else None}
        rows.append(row)
    return rows


def false_alarms(results: list[dict]) -> dict:
    clean = [r for r in results if r.get("labelled_clean")]
    clean_err = [r for r in clean if r["base_errors"]]
    built = [r for r in results if r["folder"] in BUILT_ON]
    more = [r for r in results if r["folder"] == "html-more"]
    return {
        "labelled_clean_files": len(clean),
        "labelled_clean_with_error": [(r["file"], r["base_errors"]) for r in clean_err],
        "built_on_files": len(built),
        "built_on_errors": [(r["file"], r["base_errors"]) for r in built if r["base_errors"]],
        "html_more_errors": [(r["file"], r["base_errors"]) for r in more if r["base_errors"]],
        "untouched_failures": [(r["file"], r["error"]) for r in results if r.get("error")],
    }


def _pct(caught: int, n: int) -> str:
    """Whole percent, rounded down: 36/38 (94.7 %) must not read as the 95 % target met."""
    return f"{caught * 100 // n}%"


def _cell(c: dict) -> str:
    if not c["applied"]:
        return "-"
    return f"{c['caught']}/{c['applied']} {_pct(c['caught'], c['applied'])}"


def table(results: list[dict], ops: list[str]) -> str:
    rows = recall_rows(results, ops)
    out = ["| operator | group | text | html | xml | not applicable / not landed |",
           "|---|---|---:|---:|---:|---:|"]
    for row in rows:
        na = sum(row[f]["n/a"] for f in FORMATS)
        ul = sum(row[f]["unlanded"] + row[f]["crash"] for f in FORMATS)
        out.append(f"| {row['op']} | {row['group'] or 'all'} | " + " | ".join(_cell(row[f]) for f in FORMATS)
                   + f" | {na} / {ul} |")
    per_fmt = {f: Counter() for f in FORMATS}
    for r in results:
        for rec in r["records"]:
            if r["fmt"] in per_fmt:
                per_fmt[r["fmt"]][rec["status"]] += 1
    cells = []
    for f in FORMATS:
        c = per_fmt[f]
        n = c["caught"] + c["missed"]
        cells.append(f"{c['caught']}/{n} {_pct(c['caught'], n)}" if n else "-")
    out.append("| **all operators** | | " + " | ".join(cells) + " | |")
    total = Counter()
    for r in results:
        for rec in r["records"]:
            total[rec["status"]] += 1
    applied = total["caught"] + total["missed"]
    out.append("")
    out.append(unobservable_line(results))
    out.append("")
    out.append(f"Mutants applied {applied}, caught {total['caught']} "
               f"({100 * total['caught'] / applied:.1f} %); not applicable {total['n/a']}, "
               f"not landed {total['unlanded']}, crashes {total['crash']}." if applied else "No mutant applied.")
    fa = false_alarms(results)
    out.append("")
    out.append("False alarms on untouched files:")
    out.append(f"- labelled clean (LABELS.json, no error/warning anomaly): {len(fa['labelled_clean_with_error'])} "
               f"of {fa['labelled_clean_files']} get an error")
    for f, errs in fa["labelled_clean_with_error"]:
        out.append(f"  - {f}: {', '.join(errs)}")
    n_err = sum(len(e) for _, e in fa["built_on_errors"])
    out.append(f"- built-on corpus (txt, html, xml; reference): {n_err} errors on "
               f"{len(fa['built_on_errors'])} of {fa['built_on_files']} files")
    for f, errs in fa["built_on_errors"]:
        out.append(f"  - {f}: {', '.join(errs)}")
    n_more = sum(len(e) for _, e in fa["html_more_errors"])
    out.append(f"- html-more (no labels; reference): {n_more} errors on {len(fa['html_more_errors'])} files")
    for f, errs in fa["html_more_errors"]:
        out.append(f"  - {f}: {', '.join(errs)}")
    for f, err in fa["untouched_failures"]:
        out.append(f"- untouched file failed: {f}: {err}")
    return "\n".join(out)


def unobservable_counts(results: list[dict]) -> dict[str, Counter]:
    """op -> format -> mutants skipped because no reader could see the planted figure."""
    out: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for rec in r["records"]:
            if rec["status"] == "n/a" and rec.get("unobservable"):
                out[rec["op"]][r["fmt"]] += 1
    return out


def unobservable_line(results: list[dict]) -> str:
    """The skips of unobservable mutants, per operator and format (counted in 'not applicable')."""
    counts = unobservable_counts(results)
    if not counts:
        return "Skipped as unobservable (counted in not applicable): none."
    parts = [f"{op} " + " / ".join(f"{f} {counts[op][f]}" for f in FORMATS) for op in sorted(counts)]
    return ("Skipped as unobservable (nothing in the filing contradicts the planted figure: see each "
            "operator's reason below; counted in not applicable): " + "; ".join(parts) + ".")


def reasons_text(results: list[dict]) -> str:
    rs = tally(results)["reasons"]
    out = []
    for op in sorted(rs):
        out.append(f"{op}:")
        for reason, n in rs[op].most_common(8):
            out.append(f"  {n:4d}  {reason}")
    return "\n".join(out)


def misses_text(results: list[dict], op: str | None = None) -> str:
    out = []
    for r in results:
        for rec in r["records"]:
            if rec["status"] == "missed" and (op is None or rec["op"] == op):
                out.append(f"{rec['op']} [{r['fmt']}] {r['file']}: {rec['note']}; new: {', '.join(rec['new']) or 'none'}"
                           + ("; right category, other person" if rec.get("other_person") else ""))
    return "\n".join(out)
