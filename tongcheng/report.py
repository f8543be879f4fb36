"""The season's summary: a rich table on the console and a report folder (``var/report/``).

Folder contents: ``summary.json`` and ``summary.md`` (the figures below and the time per step), enrollment's
season report (``season-2025.json``, the per-summary, per-township and per-school CSV views and the whole as
``season-2025.xlsx``), each final run's rosters (``run-<id>-grade-<g>-rosters.xlsx``: one sheet per school, school
names beside codes, personal data masked), the appeals and their decisions (``appeals-2025.xlsx``), the auditor's
workbook (``auditor-2025-autumn.xlsx``, with the year's budget set by the season's finance step, so no budget
figure is blank), each final run's snapshot and the re-run's diff. Every spreadsheet is written by
``common.sheet_writer``: a Chinese header row over the field names (frozen in XLSX; the second CSV row), real
numbers and dates (a payment day is a date), times in Asia/Shanghai marked ``+08:00``, fitted widths.

Figures (plan 二(一), 三(二), 三(四)): applicants, eligible, placed in public schools, purchased seats (placed in
private schools, and as funding holds them), waitlisted, the public-school share against the 95 % target, the
townships whose eligible demand exceeds their public migrant seats, the autumn cost of purchased seats (yuan),
whether the ledger verified.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tongcheng.season import SeasonResult


def short_townships(report: dict) -> list[dict[str, Any]]:
    """Townships short of public seats over the season (both grades), largest shortfall first, exactly as
    enrollment's season report computes them (``township_totals``, policy §10: short = the public seats lacking to
    bring the township's share to the target): ``[{township_code, township_name, demand, public_seats,
    placed_public, placed_purchased, public_share, shortfall}]``. Nothing is recomputed here."""
    keys = ("township_code", "township_name", "demand", "public_seats", "placed_public", "placed_purchased",
            "public_share", "shortfall")
    rows = [{k: t.get(k) for k in keys} for t in report.get("township_totals", []) if t.get("needs_more_seats")]
    for t in rows:
        t["township_name"] = t["township_name"] or t["township_code"] or "?"
    return sorted(rows, key=lambda t: (-t["shortfall"], t["township_code"] or ""))


def summarise(result: SeasonResult, setup: list[tuple[str, float]] | None = None) -> dict[str, Any]:
    """The figures of the season as plain JSON-able data; ``setup``: the steps before the season (generating the
    cohort, starting the processes), timed apart from it."""
    s = result.season_report.get("summary", {})
    per_grade = {g["grade"]: g["summary"] for g in result.season_report.get("grades", [])}
    return {
        "season": result.season, "size": result.size, "seed": result.seed,
        "applications_submitted": result.submission.created + result.submission.duplicates,
        "applications_refused": result.submission.rejected,
        "verification_requests_answered": result.answered_requests,
        "applicants": s.get("applicants"), "eligible": s.get("eligible"),
        "placed_public": s.get("placed_public"), "placed_purchased": s.get("placed_purchased"),
        "purchased_seats_in_funding": result.purchased_seats,
        "waitlisted": s.get("waitlisted"), "eligible_waitlisted": s.get("eligible_waitlisted"),
        "public_share_percent": s.get("public_share"), "target_percent": s.get("target"),
        "meets_target": s.get("meets_target"),
        "per_grade": per_grade,
        "townships_short_of_seats": short_townships(result.season_report),
        "purchased_seat_cost_yuan": f"{result.total_cost:.2f}",
        "roll_attending": result.roll.get("attending"), "roll_left": result.roll.get("left"),
        "roll_schools": result.roll.get("schools"),
        "settlements": len(result.settlements),
        "settlements_paid": sum(1 for x in result.settlements if x.get("state") == "paid"),
        "ledger_verified": bool(result.ledger.get("ok")), "ledger_entries": result.ledger.get("entries"),
        "appeal": None if result.appeal is None else {
            "application_no": result.appeal["application_no"], "grade": result.appeal["grade"],
            "decision": result.appeal["appeal"].get("state"), "eligible_after": result.appeal["eligible_after"],
            "progress": result.appeal["appeal"].get("progress"),
            "included_run_id": result.appeal["appeal"].get("included_run_id"),
            "before": result.appeal["before"].get("school_code") or result.appeal["before"].get("reason"),
            "after": result.appeal["after"].get("school_code") or result.appeal["after"].get("reason")},
        "final_runs": {g: {"id": r[-1]["id"], "seed": r[-1]["seed"], "input_digest": r[-1]["input_digest"],
                           "state": r[-1]["state"]} for g, r in result.runs.items()},
        "setup_timings_s": {name: round(sec, 2) for name, sec in setup or []},
        "timings_s": {name: round(sec, 2) for name, sec in result.timings},
        "setup_s": round(sum(sec for _, sec in setup or []), 2),
        "season_s": round(sum(sec for _, sec in result.timings), 2),
    }


def render(summary: dict[str, Any], console: Console) -> None:
    """Print the summary table (and the per-step times)."""
    table = Table(title=f"Huangyan enrollment season {summary['season']} — {summary['size']:,} applications "
                        f"(seed {summary['seed']})", show_lines=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    share = summary["public_share_percent"]
    meets = summary["meets_target"]
    rows = [
        ("applicants", f"{summary['applicants']:,}"),
        ("eligible (E1–E4)", f"{summary['eligible']:,}"),
        ("placed in public schools", f"{summary['placed_public']:,}"),
        ("purchased seats (private, paid by the district)",
         f"{summary['placed_purchased']:,} (funding holds {summary['purchased_seats_in_funding']:,})"),
        ("waitlisted (of whom eligible)", f"{summary['waitlisted']:,} ({summary['eligible_waitlisted']:,})"),
        ("public-school share / target", f"[{'green' if meets else 'red'}]{share} %[/] / {summary['target_percent']} %"),
        ("townships short of public seats",
         ", ".join(f"{t['township_name']} −{t['shortfall']}" for t in summary["townships_short_of_seats"]) or "none"),
        ("purchased-seat cost, autumn (yuan)", f"{Decimal(summary['purchased_seat_cost_yuan']):,.2f}"),
        ("autumn roll confirmed (在校确认): attend / left",
         f"{summary['roll_attending'] or 0:,} / {summary['roll_left'] or 0:,} ({summary['roll_schools'] or 0} schools)"),
        ("settlements paid", f"{summary['settlements_paid']} of {summary['settlements']}"),
        ("ledger verified", f"[{'green' if summary['ledger_verified'] else 'red'}]"
                            f"{'yes' if summary['ledger_verified'] else 'NO'}[/] ({summary['ledger_entries']} entries)"),
    ]
    if summary["applications_refused"]:
        rows.insert(1, ("applications refused at submission", f"{summary['applications_refused']:,}"))
    if summary["appeal"]:
        a = summary["appeal"]
        rows.append(("appeal (复核)", f"{a['application_no']}: {a['decision']}, {a['before']} → {a['after']}"
                                     + (f" (included in run {a['included_run_id']})" if a.get("included_run_id") else "")))
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)
    times = Table(title="time per step")
    times.add_column("step")
    times.add_column("seconds", justify="right")
    for name, sec in summary["setup_timings_s"].items():
        times.add_row(f"[dim]{name}[/dim]", f"[dim]{sec:.1f}[/dim]")
    for name, sec in summary["timings_s"].items():
        times.add_row(name, f"{sec:.1f}")
    times.add_row("[bold]season after set-up[/bold]", f"[bold]{summary['season_s']:.1f}[/bold]")
    console.print(times)


def write(summary: dict[str, Any], result: SeasonResult, folder: Path) -> list[Path]:
    """Write the report folder; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        written.append(path)

    put("summary.json", json.dumps(summary, ensure_ascii=False, indent=2))
    put("summary.md", markdown(summary))
    put(f"season-{result.season}.json", json.dumps(result.season_report, ensure_ascii=False, indent=2))
    for name, content in result.files.items():
        put(name, content)
    return written


def markdown(summary: dict[str, Any]) -> str:
    lines = [f"# Huangyan enrollment season {summary['season']}", "",
             f"{summary['size']:,} synthetic applications, seed {summary['seed']}.", "",
             "| figure | value |", "|---|---|"]
    for key in ("applicants", "eligible", "placed_public", "placed_purchased", "purchased_seats_in_funding",
                "waitlisted", "eligible_waitlisted", "public_share_percent", "target_percent", "meets_target",
                "purchased_seat_cost_yuan", "roll_attending", "roll_left", "settlements_paid", "ledger_verified",
                "ledger_entries"):
        lines.append(f"| {key.replace('_', ' ')} | {summary[key]} |")
    lines += ["", "## Townships short of public seats (grades 1 and 7)", "",
              "| township | eligible demand | public seats | placed in public | placed by purchase | public share % "
              "| short |", "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {t['township_name']} | {t['demand']} | {t['public_seats']} | {t['placed_public']} | "
              f"{t['placed_purchased']} | {t['public_share']} | {t['shortfall']} |"
              for t in summary["townships_short_of_seats"]]
    lines += ["", "As in enrollment's season report (docs/policy.md §10): a public school's seats count toward its "
              "catchment townships in proportion to their eligible demand; a township is short when its public "
              "share is below the target, by the public seats it would need to reach it.",
              "", "## Time per step (seconds)", "", "| step | s |", "|---|---:|"]
    lines += [f"| {name} (set-up) | {sec:.1f} |" for name, sec in summary["setup_timings_s"].items()]
    lines += [f"| {name} | {sec:.1f} |" for name, sec in summary["timings_s"].items()]
    lines += [f"| **season after set-up** | **{summary['season_s']:.1f}** |", ""]
    return "\n".join(lines)
