"""Accessible inline SVG charts, drawn at build time: no JavaScript, no third-party library.

Each chart is an `<svg role="img">` named by its own `<title>` and `<desc>` through
`aria-labelledby`; templates always place a data table with the same numbers beside it.
Colours come from CSS classes so the light and dark palettes both apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

SERIES_COLOURS = 6
"""Series colours in the stylesheet (`chart-series-0` to `-5`, light and dark); more series reuse them in turn."""
BAR_WIDTH = 22
GROUP_GAP = 28
PLOT_HEIGHT = 180
LEFT, TOP, BOTTOM = 44, 16, 46


def _frame(chart_id: str, title: str, description: str, width: int, height: int, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{chart_id}-title">{escape(title)}</title>',
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def grouped_bars(
    chart_id: str, title: str, description: str, groups: Sequence[str], series: Sequence[tuple[str, Sequence[int | None]]]
) -> str:
    """Bars for each series within each group (e.g. cases and children per reporting year); a value of None
    (nothing to count, or not recorded) leaves its place empty rather than drawing a 0."""
    top_value = max([1, *(v for _, values in series for v in values if v is not None)])
    group_width = len(series) * BAR_WIDTH + GROUP_GAP
    width = max(LEFT + len(groups) * group_width + GROUP_GAP, LEFT + len(series) * 130)
    height = TOP + PLOT_HEIGHT + BOTTOM
    base = TOP + PLOT_HEIGHT
    body = [f'<line class="chart-axis" x1="{LEFT}" y1="{base}" x2="{width}" y2="{base}"/>']
    for index, group in enumerate(groups):
        x0 = LEFT + GROUP_GAP // 2 + index * group_width
        for number, (_, values) in enumerate(series):
            value = values[index]
            if value is None:
                continue
            bar = round(PLOT_HEIGHT * value / top_value)
            x = x0 + number * BAR_WIDTH
            body.append(
                f'<rect class="chart-series-{number % SERIES_COLOURS}" x="{x}" y="{base - bar}" width="{BAR_WIDTH - 4}" height="{bar}"/>'
            )
            body.append(
                f'<text class="chart-value" x="{x + (BAR_WIDTH - 4) / 2}" y="{base - bar - 4}" text-anchor="middle">{value}</text>'
            )
        body.append(
            f'<text class="chart-label" x="{x0 + len(series) * BAR_WIDTH / 2}" y="{base + 18}" text-anchor="middle">{escape(group)}</text>'
        )
    legend_y = base + 38
    for number, (name, _) in enumerate(series):
        x = LEFT + number * 130
        body.append(f'<rect class="chart-series-{number % SERIES_COLOURS}" x="{x}" y="{legend_y - 10}" width="12" height="12"/>')
        body.append(f'<text class="chart-label" x="{x + 18}" y="{legend_y}">{escape(name)}</text>')
    return _frame(chart_id, title, description, width, height, body)


def heat_map(
    chart_id: str, title: str, description: str, rows: Sequence[str], columns: Sequence[str], counts: Sequence[Sequence[int]]
) -> str:
    """A grid whose darker cells show more audits: recurring rows stand out at a glance."""
    cell_w, cell_h, label_w, head_h = 64, 28, 220, 30
    top_value = max([1, *(c for row in counts for c in row)])
    width = label_w + len(columns) * cell_w + 4
    height = head_h + len(rows) * cell_h + 4
    body = [
        f'<text class="chart-label" x="{label_w + i * cell_w + cell_w / 2}" y="{head_h - 10}" text-anchor="middle">{escape(c)}</text>'
        for i, c in enumerate(columns)
    ]
    for r, (row, values) in enumerate(zip(rows, counts, strict=True)):
        y = head_h + r * cell_h
        body.append(
            f'<text class="chart-label" x="{label_w - 8}" y="{y + cell_h / 2 + 5}" text-anchor="end">{escape(row)}</text>'
        )
        for c, value in enumerate(values):
            level = 0 if value == 0 else 1 + round(3 * (value - 1) / max(1, top_value - 1))
            x = label_w + c * cell_w
            body.append(f'<rect class="heat-{level}" x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}"/>')
            body.append(
                f'<text class="chart-value heat-text-{level}" x="{x + cell_w / 2}" y="{y + cell_h / 2 + 5}" text-anchor="middle">{value}</text>'
            )
    return _frame(chart_id, title, description, width, height, body)
