"""Small reusable charts on pyqtgraph: line series against a step axis, and labelled bars.

``LineChart``: named series (a raw line and, say, its smoothed twin), mouse-wheel zoom and
drag to pan (pyqtgraph's own), double-click or ``reset_zoom()`` to see everything again, a
readout of the values under the mouse, and ``save_png(path)``.  ``BarChart``: groups of bars
with category labels (before/after comparisons, histograms).  ``smooth`` is the exponential
moving average TensorBoard draws under a noisy loss.

Used by the Train page (loss, learning rate, tokens/s; vocabulary efficiency; token lengths)
and open to any page that plots numbers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

PALETTE = ("#2f6fdf", "#e8833a", "#3a9d5d", "#b04fcf", "#c93c3c", "#6b7280")


def smooth(values: list[float], weight: float = 0.8) -> list[float]:
    """Debiased exponential moving average (TensorBoard's smoothing); NaNs are carried over."""
    out, last, norm = [], 0.0, 0.0
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(float("nan"))
            continue
        last = last * weight + (1 - weight) * v
        norm = norm * weight + (1 - weight)
        out.append(last / norm)
    return out


def _format_value(v: float) -> str:
    if v == 0:
        return "0"
    a = abs(v)
    if a >= 1000:
        return f"{v:,.0f}"
    if a >= 0.01:
        return f"{v:.4g}"
    return f"{v:.2e}"


@dataclass
class _Series:
    name: str
    color: str
    width: float
    dashed: bool
    xs: list = field(default_factory=list)
    ys: list = field(default_factory=list)
    item: object = None


class LineChart(QWidget):
    """One plot of y against x (training step) with any number of named series."""

    hovered = Signal(float)      # the x under the mouse

    def __init__(self, title: str = "", y_label: str = "", x_label: str = "", *, log_y: bool = False,
                 legend: bool = True, parent=None) -> None:
        super().__init__(parent)
        self._series: dict[str, _Series] = {}
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setMinimumHeight(150)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        if title:
            self.plot.setTitle(title, color="#222", size="10pt")
        if y_label:
            self.plot.setLabel("left", y_label)
        if x_label:
            self.plot.setLabel("bottom", x_label)
        self.plot.setLogMode(False, log_y)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen("#888"))
            axis.setTextPen(pg.mkPen("#444"))
        self.plot.getAxis("left").setWidth(56)     # room for "0.0005": pyqtgraph drops labels that do not fit
        self.legend = self.plot.addLegend(offset=(-6, 6), labelTextColor="#333") if legend else None
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#999", style=Qt.PenStyle.DashLine))
        self.cursor.hide()
        self.plot.addItem(self.cursor, ignoreBounds=True)
        self.readout = QLabel(" ")
        self.readout.setObjectName("hint")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot_widget.scene().sigMouseClicked.connect(self._mouse_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)

    # series ---------------------------------------------------------------------------------------
    def add_series(self, key: str, name: str, color: str | None = None, *, width: float = 1.5,
                   dashed: bool = False) -> None:
        color = color or PALETTE[len(self._series) % len(PALETTE)]
        s = _Series(name=name, color=color, width=width, dashed=dashed)
        pen = pg.mkPen(QColor(color), width=width,
                       style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        s.item = self.plot.plot([], [], pen=pen, name=name)
        self._series[key] = s

    def set_data(self, key: str, xs, ys) -> None:
        s = self._series[key]
        s.xs, s.ys = list(xs), [float("nan") if y is None else float(y) for y in ys]
        s.item.setData(s.xs, s.ys, connect="finite")

    def append(self, key: str, x: float, y: float | None) -> None:
        s = self._series[key]
        s.xs.append(x)
        s.ys.append(float("nan") if y is None else float(y))
        s.item.setData(s.xs, s.ys, connect="finite")

    def points(self, key: str) -> list[tuple[float, float]]:
        s = self._series[key]
        return list(zip(s.xs, s.ys))

    def clear(self) -> None:
        for key in self._series:
            self.set_data(key, [], [])
        self.readout.setText(" ")
        self.cursor.hide()

    def is_empty(self) -> bool:
        return not any(s.xs for s in self._series.values())

    # zoom, hover, export ------------------------------------------------------------------------------
    def reset_zoom(self) -> None:
        self.plot.enableAutoRange()
        self.plot.autoRange()

    def value_text(self, x: float) -> str:
        """'step 12 · loss 2.31 · smoothed 2.40': the values nearest to ``x`` (the hover readout)."""
        parts, at = [], None
        for s in self._series.values():
            if not s.xs:
                continue
            i = min(range(len(s.xs)), key=lambda k: abs(s.xs[k] - x))
            at = s.xs[i] if at is None else at
            y = s.ys[i]
            if not math.isnan(y):
                parts.append(f"{s.name} {_format_value(y)}")
        if at is None:
            return " "
        return " · ".join([f"{self.plot.getAxis('bottom').labelText or 'x'} {at:g}"] + parts)

    def show_values_at(self, x: float) -> None:
        text = self.value_text(x)
        self.readout.setText(text)
        if text.strip():
            xs = [v for s in self._series.values() for v in s.xs]
            nearest = min(xs, key=lambda v: abs(v - x))
            self.cursor.setPos(nearest)
            self.cursor.show()
        self.hovered.emit(x)

    def _mouse_moved(self, pos) -> None:
        if not self.plot.sceneBoundingRect().contains(pos) or self.is_empty():
            return
        point = self.plot.getViewBox().mapSceneToView(pos)
        self.show_values_at(point.x())

    def _mouse_clicked(self, event) -> None:
        if event.double():
            self.reset_zoom()

    def save_png(self, path) -> bool:
        return self.grab().save(str(path), "PNG")


class BarChart(QWidget):
    """Bars per category, optionally in groups (e.g. 'before' and 'after' for each text)."""

    def __init__(self, title: str = "", y_label: str = "", parent=None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setMinimumHeight(140)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        if title:
            self.plot.setTitle(title, color="#222", size="10pt")
        if y_label:
            self.plot.setLabel("left", y_label)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setTextPen(pg.mkPen("#444"))
        self.legend = self.plot.addLegend(offset=(-6, 6), labelTextColor="#333")
        self.values: dict[str, list[float]] = {}
        self.categories: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

    def set_bars(self, categories: list[str], groups: dict[str, list[float]],
                 colors: list[str] | None = None) -> None:
        """``groups``: legend name -> one value per category, drawn side by side."""
        self.plot.clear()
        self.legend.clear()
        self.categories, self.values = list(categories), {k: list(v) for k, v in groups.items()}
        n = max(1, len(groups))
        width = 0.8 / n
        for g, (name, vals) in enumerate(groups.items()):
            color = QColor((colors or PALETTE)[g % len(colors or PALETTE)])
            xs = [i - 0.4 + width * (g + 0.5) for i in range(len(vals))]
            bars = pg.BarGraphItem(x=xs, height=vals, width=width * 0.9, brush=color, pen=pg.mkPen(color))
            self.plot.addItem(bars)
            if n > 1:
                self.legend.addItem(bars, name)
        self.plot.getAxis("bottom").setTicks([[(i, c) for i, c in enumerate(categories)]])
        top = max([v for vals in groups.values() for v in vals] or [1])
        self.plot.setXRange(-0.6, len(categories) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.15 or 1, padding=0)

    def save_png(self, path) -> bool:
        return self.grab().save(str(path), "PNG")
