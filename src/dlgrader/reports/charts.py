"""The class page's figures: matplotlib, drawn as SVG (text as paths, so a browser lays it out exactly as
matplotlib measured it) and embedded in the page, which then needs no other file.

A figure is sized from what it shows: one row per check, two lines for a long title, so 40 checks stay
readable. :func:`overlapping_labels` says which of a figure's texts overlap; the tests hold every figure
the report draws to none.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from dataclasses import dataclass

BLUE, RED, AMBER, GREEN, GREY = "#3a6ea5", "#b23a3a", "#c98a12", "#3c8a3c", "#9a9a9a"
FONT = 8.5  # points
LINE, GAP = 11.0, 3.5  # points: a line of a label at FONT, and the air between two rows
WRAP = 62  # characters per line of a check's title; longer titles take two lines, then an ellipsis


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "dlgrader"  # the same figure gives the same file
    import matplotlib.pyplot as plt

    return plt


@dataclass(frozen=True)
class Bar:
    """One check's row: its title, the share of submissions that pass it (0..1) and its task."""

    title: str
    rate: float
    task: str


def _wrapped(title: str) -> str:
    lines = textwrap.wrap(title, WRAP)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), WRAP, placeholder=" …")]
    return "\n".join(lines)


def _colour(rate: float) -> str:
    return GREEN if rate >= 0.8 else AMBER if rate >= 0.5 else RED


def pass_rates(bars: list[Bar], xlabel: str):
    """Horizontal bars, one per check, grouped under their task's name; the percentage at each bar's end.

    Rows are laid out in points (a line of text is LINE points, rows GAP apart), so no label can reach
    its neighbour's whatever the number of checks: the figure grows instead.
    """
    plt = _pyplot()
    rows, y = [], 0.0  # (centre, kind, text, rate), kind "task" or "check"; y in points, downwards
    task = None
    for bar in bars:
        if bar.task != task:
            task = bar.task
            y += 2 * GAP if rows else GAP
            rows.append((y + LINE / 2, "task", task, None))
            y += LINE + GAP
        label = _wrapped(bar.title)
        height = LINE * (1 + label.count("\n"))
        rows.append((y + height / 2, "check", label, bar.rate))
        y += height + GAP
    bottom, top = 0.62, 0.12  # inches: the x axis and its label; a little air above
    fig = plt.figure(figsize=(9.5, y / 72 + bottom + top))
    inches = fig.get_size_inches()[1]
    ax = fig.add_axes((0.5, bottom / inches, 0.46, y / 72 / inches))
    checks = [r for r in rows if r[1] == "check"]
    ax.barh([r[0] for r in checks], [100 * r[3] for r in checks], height=LINE * 0.8,
            color=[_colour(r[3]) for r in checks])
    ax.set_yticks([r[0] for r in checks], [r[2] for r in checks], fontsize=FONT, linespacing=1.0)
    for r in rows:
        if r[1] == "task":
            ax.annotate(r[2], (0, r[0]), xycoords=("axes fraction", "data"), xytext=(-6, 0),
                        textcoords="offset points", ha="right", va="center", fontsize=FONT, fontweight="bold")
        else:
            ax.annotate(f"{100 * r[3]:.0f} %", (100 * r[3], r[0]), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=FONT - 0.5, color="#333")
    ax.set_ylim(y, 0)
    ax.set_xlim(0, 112)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.tick_params(axis="x", labelsize=FONT)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(xlabel, fontsize=FONT + 0.5)
    ax.grid(axis="x", color="#e3e3e3", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def histogram(values: list[float], *, lowest: float, highest: float, passing: float, title: str, xlabel: str,
              ylabel: str, pass_label: str, width: float = 4.6, height: float = 2.6):
    """Grades in bins of half a point, red below the pass line and green from it, the line drawn and named."""
    plt = _pyplot()
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_subplot()
    edges = [lowest + 0.5 * i for i in range(int(round((highest - lowest) / 0.5)) + 1)]
    counts = [0] * (len(edges) - 1)
    for v in values:
        counts[min(max(int((v - lowest) // 0.5), 0), len(counts) - 1)] += 1
    ax.bar(edges[:-1], counts, width=0.5, align="edge", edgecolor="white",
           color=[GREEN if e >= passing else RED for e in edges[:-1]])
    ax.axvline(passing, color="#222", linestyle="--", linewidth=1)
    top = max(counts + [1])
    ax.set_ylim(0, top * 1.25 + 0.3)
    ax.annotate(pass_label, (passing, 1), xycoords=("data", "axes fraction"), xytext=(3, -3),
                textcoords="offset points", ha="left", va="top", fontsize=FONT - 0.5)
    ax.set_xlim(lowest, highest)
    ax.set_xticks([x for x in edges if float(x).is_integer()])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(labelsize=FONT)
    ax.set_title(title, fontsize=FONT + 1)
    ax.set_xlabel(xlabel, fontsize=FONT + 0.5)
    ax.set_ylabel(ylabel, fontsize=FONT + 0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def _texts(fig) -> list:
    """Every visible, non-empty text of the figure: tick labels, axis labels, titles, annotations."""
    found = [t for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_window_extent"))
             if t.get_visible() and t.get_text().strip()]
    return [t for t in found if not (hasattr(t, "axes") and t.axes and t in t.axes.get_xticklabels()
                                     and not t.axes.get_xaxis().get_visible())]


def overlapping_labels(fig) -> list[tuple[str, str]]:
    """Pairs of the figure's texts whose drawn boxes intersect (an empty list: every label is readable)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in _texts(fig)]
    out = []
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            if box_a.overlaps(box_b) and box_a.width > 0 and box_b.width > 0:
                out.append((a, b))
    return out


def embedded(fig, alt: str) -> str:
    """The figure as an ``<img>`` holding its SVG (works offline, prints as vectors); the figure is closed."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    _pyplot().close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img class="figura" src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt, quote=True)}">'
