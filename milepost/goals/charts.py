"""Charts a runner would rather look at than read, drawn on the server as SVG.

Pure Python, no Django: plain numbers and words in, an SVG string and an HTML table out.
Every piece of text is escaped here, so a template may embed both with ``|safe``. Each chart
has a ``<title>`` and a ``<desc>`` (the SVG is ``role="img"``, named by them) and a table with
the same numbers, for screen readers and for anyone who would rather read figures.

One kind of chart serves both pages: a bar per week (the week in progress drawn lighter) and
one dashed reference line (the runner's own average, or the goal), named in a key above the
bars. The drawing is 720 × 360 units, scaled to the page; labels are 20 units high, about
24 px on a laptop.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 48, 60
FONT = 20
MAX_AXIS_LABELS = 5  # "This week" and four dates fit at 20 units high
INK, GRID, BAR, CURRENT, LINE = "#1b1f23", "#c9ced3", "#0b5d3b", "#8cc2a8", "#8a3c00"
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
NOTHING = "\u2013"


class ChartError(ValueError):
    """A chart asked for with something it cannot draw."""


@dataclass(frozen=True)
class Bar:
    """One week: ``label`` under the bar ("3 Mar"), ``value`` in the chart's unit (``None``:
    nothing to show that week), ``text`` the value in words for the table and the tooltip
    ("12.5 km"; by default the number and the axis unit). ``current``: the week in progress."""

    label: str
    value: float | None
    text: str = ""
    current: bool = False


@dataclass(frozen=True)
class Line:
    """A dashed reference line across the bars: ``value`` in the chart's unit, ``label`` in
    words ("Your average: 21.3 km")."""

    value: float
    label: str


@dataclass(frozen=True)
class Chart:
    svg: str
    table: str


def bar_chart(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit: str = "",
    line: Line | None = None,
    column: str = "Week of",
    heading: str = "Value",
) -> Chart:
    """A bar chart of ``bars``, oldest first; ``unit`` labels the vertical axis ("km")."""
    if not _ID.match(chart_id):
        raise ChartError(f"a chart id is a letter then letters, digits, - or _: {chart_id!r}")
    if not bars:
        raise ChartError("a chart needs at least one bar")
    for value in [bar.value for bar in bars] + [line.value if line else None]:
        if value is not None and not (math.isfinite(value) and value >= 0):
            raise ChartError(f"values are finite and not negative, not {value!r}")
    bars = [bar if bar.text else _with_text(bar, unit) for bar in bars]
    top, step = scale(max([b.value or 0.0 for b in bars] + [line.value if line else 0.0]))
    svg = _svg(bars, chart_id, title, desc, unit, line, top, step)
    return Chart(svg=svg, table=_table(bars, title, line, column, heading))


def scale(highest: float) -> tuple[float, float]:
    """The top of the axis and the step between its ticks: a round step, at most five steps."""
    if highest <= 0:
        return 1.0, 1.0
    rough = highest / 5
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(f for f in (1, 2, 2.5, 5, 10) if rough <= f * magnitude + 1e-12) * magnitude
    step = float(f"{step:.10g}")
    return float(f"{step * math.ceil(highest / step - 1e-9):.10g}"), step


def number(value: float) -> str:
    """12.5, 20, 0.25: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _with_text(bar: Bar, unit: str) -> Bar:
    text = NOTHING if bar.value is None else f"{number(bar.value)} {unit}".strip()
    return Bar(bar.label, bar.value, text, bar.current)


def _svg(bars, chart_id, title, desc, unit, line, top, step) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h

    def y(value: float) -> float:
        return base - value / top * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {WIDTH} '
        f'{HEIGHT}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}" fill="{INK}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    if unit:
        parts.append(
            f'<text class="axis-unit" x="{LEFT - 10}" y="{TOP - 20}" text-anchor="end">'
            f"{escape(unit)}</text>"
        )
    ticks = round(top / step)
    for k in range(ticks + 1):
        value, at = k * step, _f(y(k * step))
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{at}" y2="{at}" stroke="{GRID}" '
            f'stroke-width="{2 if k == 0 else 1}"/>'
            f'<text class="tick" x="{LEFT - 10}" y="{_f(y(value) + FONT * 0.35)}" '
            f'text-anchor="end">{number(value)}</text>'
        )
    slot = plot_w / len(bars)
    width = slot * 0.7
    every = math.ceil(len(bars) / MAX_AXIS_LABELS)
    for i, bar in enumerate(bars):
        x = LEFT + i * slot + (slot - width) / 2
        if bar.value is not None:
            height = max(bar.value / top * plot_h, 2.0 if bar.value > 0 else 0.0)
            fill = CURRENT if bar.current else BAR
            parts.append(
                f'<rect class="bar{" current" if bar.current else ""}" '
                f'data-value="{number(bar.value)}" x="{_f(x)}" y="{_f(base - height)}" '
                f'width="{_f(width)}" height="{_f(height)}" fill="{fill}" stroke="{BAR}" '
                f'stroke-width="{2 if bar.current else 0}">'
                f"<title>{escape(bar.label)}: {escape(bar.text)}</title></rect>"
            )
        if (len(bars) - 1 - i) % every == 0:
            last = i == len(bars) - 1 and len(bars) > 1  # kept inside the drawing
            at, anchor = (x + width, "end") if last else (x + width / 2, "middle")
            parts.append(
                f'<text class="label" x="{_f(at)}" y="{base + FONT + 10}" '
                f'text-anchor="{anchor}">{escape(bar.label)}</text>'
            )
    if line is not None:
        at = _f(y(line.value))
        parts.append(
            f'<line class="reference" data-value="{number(line.value)}" x1="{LEFT}" '
            f'x2="{WIDTH - RIGHT}" y1="{at}" y2="{at}" stroke="{LINE}" stroke-width="3" '
            f'stroke-dasharray="10 6"/>'
            # The key, above the bars where it never hides one.
            f'<line x1="{WIDTH - RIGHT - 40}" x2="{WIDTH - RIGHT}" y1="{TOP - 27}" '
            f'y2="{TOP - 27}" stroke="{LINE}" stroke-width="3" stroke-dasharray="10 6"/>'
            f'<text class="reference-label" x="{WIDTH - RIGHT - 50}" y="{TOP - 20}" '
            f'text-anchor="end" fill="{LINE}" font-weight="700">{escape(line.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(bars, title, line, column, heading) -> str:
    rows = "".join(
        f'<tr class="{"current" if bar.current else "week"}"><th scope="row">'
        f"{escape(bar.label)}</th><td>{escape(bar.text)}</td></tr>"
        for bar in bars
    )
    foot = ""
    if line is not None:
        foot = f'<tfoot><tr><td colspan="2">{escape(line.label)}</td></tr></tfoot>'
    return (
        f'<table class="chart-table"><caption>{escape(title)}</caption><thead><tr>'
        f'<th scope="col">{escape(column)}</th><th scope="col">{escape(heading)}</th></tr>'
        f"</thead><tbody>{rows}</tbody>{foot}</table>"
    )


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
