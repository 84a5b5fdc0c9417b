"""The live training charts: loss (raw and smoothed), learning rate and tokens/s against the step."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engine.jobs import format_duration

from ..widgets.charts import LineChart, smooth
from .metrics import RunHistory


class TrainingCharts(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        step = self.tr("step")
        self.loss_chart = LineChart(self.tr("Loss"), x_label=step)
        self.loss_chart.add_series("loss", self.tr("loss"), "#9bb8ec", width=1.2)
        self.loss_chart.add_series("smoothed", self.tr("smoothed"), "#1f4fb4", width=2.4)
        self.lr_chart = LineChart(self.tr("Learning rate"), x_label=step, legend=False)
        self.lr_chart.add_series("lr", self.tr("learning rate"), "#3a9d5d", width=2)
        self.speed_chart = LineChart(self.tr("Tokens per second"), x_label=step, legend=False)
        self.speed_chart.add_series("tps", self.tr("tokens/s"), "#e8833a", width=2)
        self.charts = (self.loss_chart, self.lr_chart, self.speed_chart)

        self.summary = QLabel(self.tr("No run yet. The charts fill in as training logs its steps."))
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Reset zoom"))
        self.reset_button.setToolTip(self.tr("Mouse wheel zooms, dragging pans; this shows every step again"))
        self.reset_button.clicked.connect(self.reset_zoom)
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.clicked.connect(self.save_dialog)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reset_button)
        top.addWidget(self.save_button)
        # Smaller than the charts' default minimum: the page must fit a 1024×640 window (issue 15).
        for chart, least in ((self.loss_chart, 110), (self.lr_chart, 90), (self.speed_chart, 90)):
            chart.plot_widget.setMinimumHeight(least)
        grid = QGridLayout()
        grid.addWidget(self.loss_chart, 0, 0, 1, 2)
        grid.addWidget(self.lr_chart, 1, 0)
        grid.addWidget(self.speed_chart, 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

    def show_history(self, h: RunHistory) -> None:
        """Redraw every series from ``h`` (cheap: a few thousand points at most)."""
        self.loss_chart.set_data("loss", h.steps, h.loss)
        self.loss_chart.set_data("smoothed", h.steps, smooth(h.loss))
        self.lr_chart.set_data("lr", h.steps, h.lr)
        self.speed_chart.set_data("tps", h.steps, h.tokens_per_s)
        self.summary.setText(self.describe(h))

    def describe(self, h: RunHistory) -> str:
        if not h.steps:
            return self.tr("Waiting for the first step…") if h.status == "running" else \
                self.tr("No run yet. The charts fill in as training logs its steps.")
        last = h.last
        parts = [self.tr("Step {step} of {total}").format(step=int(h.steps[-1]), total=h.max_steps or "?")]
        if h.loss[-1] is not None:
            parts.append(self.tr("loss {loss}").format(loss=f"{h.loss[-1]:.4f}"))
        if h.tokens_per_s[-1]:
            parts.append(self.tr("{rate} tokens/s").format(rate=f"{h.tokens_per_s[-1]:,.0f}"))
        if last.get("gpu_mem_gb"):
            parts.append(self.tr("GPU memory {gb} GB").format(gb=f"{float(last['gpu_mem_gb']):.1f}"))
        if h.status == "running" and last.get("eta_s") is not None:
            parts.append(self.tr("ETA {eta}").format(eta=format_duration(float(last["eta_s"]))))
        status = {"done": self.tr("finished"), "stopped": self.tr("stopped"), "failed": self.tr("failed")}.get(h.status)
        if status:
            parts.append(status)
        return " · ".join(parts)

    @Slot()
    def reset_zoom(self) -> None:
        for chart in self.charts:
            chart.reset_zoom()

    def save_png(self, path) -> bool:
        return self.grab().save(str(path), "PNG")

    @Slot()
    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the charts"), "training-charts.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            self.save_png(path if path.lower().endswith(".png") else path + ".png")
