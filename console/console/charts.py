"""Charts as server-rendered SVG (no JavaScript): horizontal bars with an optional target line.

Each chart is a ``<figure>``-ready SVG string with ``role="img"``, a ``<title>`` and ``<desc>`` naming every value,
so a screen reader gets the numbers too; the page also shows them in a table.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from markupsafe import Markup

COLOURS = ("#0b5cad", "#c05a00", "#1a6b32", "#6b3fa0")
ROW_H, LABEL_W, BAR_W, PAD = 26, 190, 560, 10


def bars(title: str, rows: list[tuple[str, list[Decimal | int | None]]], *, series: list[str],
         maximum: Decimal | int | None = None, target: Decimal | None = None, unit: str = "") -> Markup:
    """``rows``: (label, one value per series). ``maximum`` fixes the scale (e.g. 100 for percentages), else the
    largest value; ``target`` draws a dashed line (e.g. the 95 % public-share target)."""
    values = [Decimal(str(v)) for _, vs in rows for v in vs if v is not None]
    top = Decimal(str(maximum)) if maximum is not None else max(values + [Decimal(1)])
    top = top if top > 0 else Decimal(1)
    per_row = ROW_H * max(1, len(series))
    height = PAD * 2 + per_row * len(rows) + 40
    width = LABEL_W + BAR_W + 90
    desc = "; ".join(f"{label}: " + ", ".join(f"{s} {'—' if v is None else v}{unit}" for s, v in zip(series, vs))
                     for label, vs in rows)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{escape(title)}"><title>{escape(title)}</title><desc>{escape(desc)}</desc>']
    y = PAD
    for label, vs in rows:
        out.append(f'<text x="{LABEL_W - 8}" y="{y + per_row / 2 + 5:.0f}" text-anchor="end" font-size="14" '
                   f'fill="#1b1f24">{escape(label)}</text>')
        for i, v in enumerate(vs):
            w = 0 if v is None else float(Decimal(str(v)) / top) * BAR_W
            by = y + i * ROW_H + 3
            out.append(f'<rect x="{LABEL_W}" y="{by}" width="{max(w, 0):.1f}" height="{ROW_H - 8}" '
                       f'fill="{COLOURS[i % len(COLOURS)]}"/>')
            out.append(f'<text x="{LABEL_W + max(w, 0) + 6:.1f}" y="{by + ROW_H - 12}" font-size="13" '
                       f'fill="#1b1f24">{"—" if v is None else escape(str(v))}{escape(unit)}</text>')
        y += per_row
    if target is not None:
        tx = LABEL_W + float(target / top) * BAR_W
        out.append(f'<line x1="{tx:.1f}" y1="{PAD - 4}" x2="{tx:.1f}" y2="{y + 2}" stroke="#a4161a" '
                   f'stroke-width="2" stroke-dasharray="6 4"/>')
        out.append(f'<text x="{tx:.1f}" y="{y + 18}" text-anchor="middle" font-size="13" fill="#a4161a">'
                   f'目标 target {escape(str(target))}{escape(unit)}</text>')
    lx = LABEL_W
    for i, name in enumerate(series if len(series) > 1 else []):
        out.append(f'<rect x="{lx}" y="{height - 16}" width="12" height="12" fill="{COLOURS[i % len(COLOURS)]}"/>'
                   f'<text x="{lx + 16}" y="{height - 6}" font-size="13" fill="#1b1f24">{escape(name)}</text>')
        lx += 24 + 14 * len(name)
    out.append("</svg>")
    return Markup("".join(out))
