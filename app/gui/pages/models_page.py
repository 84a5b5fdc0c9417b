"""Models (the controller; the widgets are in app/gui/models/view.py): the catalog of every upstream LoRA with its state on disk, downloads, verification, base LLaMA.

States come from the models folder each time the page refreshes (``engine.model_library``),
never from a remembered flag; the hash cache keeps that cheap. The folder is read off the UI
thread (``context.jobs.query``); the table says "Reading the models folder…" until it arrives.
"""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidgetItem, QVBoxLayout

from engine.catalog import display_order, load_catalog
from engine.jobs import describe
from engine.model_library import (CONVERTED, DOWNLOADED, FAILED, MERGED, PARTIAL, QUANTIZED, VERIFIED, BaseMismatch,
                                  discard_partial, download_model, find_base, model_status, register_base,
                                  registered_bases, unregister_base)
from engine.verify import MATCH, MISMATCH, UNKNOWN, HashCache, verify_paths

from ..models.view import COL_KIND, COL_LORA, COL_NAME, COL_SIZE, COL_STATE, ModelsView
from .base import Page

_STATE_COLORS = {VERIFIED: "#067647", MERGED: "#067647", CONVERTED: "#067647", QUANTIZED: "#067647", FAILED: "#b42318",
                 PARTIAL: "#c7683a"}
__all__ = ["COL_KIND", "COL_LORA", "COL_NAME", "COL_SIZE", "COL_STATE", "ModelsPage"]


DEFAULT_MODEL = "chinese-alpaca-pro-7b"      # the recommended chat model: what a new user sees first


def _with_fit(record):
    """The record with ``fit``: what its shapes say it is (LLaMA-7B/13B/33B, or none of them)."""
    from engine.model_checks import base_fit, base_shape

    record.fit = base_fit(*base_shape(Path(record.path)))
    return record


def check_and_register_base(folder, *, settings, accept_mismatch=False, progress=None, cancel=None):
    """Register a base LLaMA; a hash mismatch comes back (not raised) so the user can decide."""
    try:
        return _with_fit(register_base(folder, settings=settings, accept_mismatch=accept_mismatch,
                                       progress=progress, cancel=cancel))
    except BaseMismatch as mismatch:
        return mismatch


class ModelsPage(Page):
    PAGE_ID = "models"
    ORDER = 10
    ICON = "models.svg"
    library_shown = Signal()        # a read of the models folder arrived and is on screen

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.catalog = load_catalog()
        # Family, then size as a number (7B < 13B < 33B), recommended first: the order of every model list.
        self.models = sorted(self.catalog.models, key=display_order)
        self.statuses: dict = {}
        self.downloads: dict = {}       # model id -> running Job
        self._pausing: set = set()
        self.last_verdicts: list = []
        self.mismatch_box: QMessageBox | None = None    # "Register anyway?" after a hash mismatch
        self.remove_box: QMessageBox | None = None      # "Forget this base?"
        self._reads = 0                 # reads of the models folder asked for ...
        self._shown = 0                 # ... and the newest one on screen (older answers are dropped)

        store = context.store
        self.view = ModelsView(self.title())
        v = self.view
        # the view's parts, by the names tests and other pages use
        for name in ("family", "size", "legacy", "source", "endpoint", "table", "details", "verify_button",
                     "add_base_button", "remove_base_button", "remove_base_menu", "bases_label", "results",
                     "results_summary", "results_box", "splitter", "vsplitter"):
            setattr(self, name, getattr(v, name))
        self.family.setCurrentIndex(max(0, self.family.findData(store.ui_value("models.family", ""))))
        self.size.setCurrentIndex(max(0, self.size.findData(store.ui_value("models.size", ""))))
        self.legacy.setChecked(bool(store.ui_value("models.legacy", False)))
        self.source.setCurrentIndex(max(0, self.source.findData(
            store.ui_value("models.source", context.settings.download_source))))
        self.endpoint.setText(store.ui_value("models.endpoint", ""))
        for combo in (self.family, self.size, self.source):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.legacy.toggled.connect(self._filters_changed)
        self.endpoint.editingFinished.connect(self._filters_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._fill_table()
        self.details.download_button.clicked.connect(lambda: self.start_download(self.selected_id()))
        self.details.pause_button.clicked.connect(lambda: self.pause_download(self.selected_id()))
        self.details.cancel_button.clicked.connect(lambda: self.cancel_download(self.selected_id()))
        self.details.verify_button.clicked.connect(self.verify_selected)
        self.details.next_button.clicked.connect(self.next_step)
        self.verify_button.clicked.connect(self.choose_folder_to_verify)
        self.add_base_button.clicked.connect(self.choose_base_folder)
        self.remove_base_menu.triggered.connect(self._remove_base_chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

        # Ctrl+Shift+V, F5 and Ctrl+D are the menu bar's (app/gui/menus.py): listed there, never ambiguous.
        context.settings_changed.connect(self.refresh)
        context.library_changed.connect(self._library_changed)     # a download, merge, quantize... ended
        self.refresh()
        self._apply_filters()
        # Open on the model chosen last time, else the recommended chat model (Alpaca-Pro-7B).
        first = store.ui_value("models.selected") or DEFAULT_MODEL
        if self.row_of(first) >= 0 and not self.table.isRowHidden(self.row_of(first)):
            self.table.selectRow(self.row_of(first))

    def title(self) -> str:
        return self.tr("Models")

    # table ----------------------------------------------------------------------------------------
    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.models))
        for row, m in enumerate(self.models):
            name = QTableWidgetItem(m.name + ("" if m.recommended else "  " + self.tr("(legacy)")))
            name.setData(Qt.ItemDataRole.UserRole, m.id)
            name.setToolTip(m.id)
            kind = QTableWidgetItem(self.tr("Instruction (chat)") if m.kind == "instruction" else
                                    self.tr("Base (continuation)"))
            cells = (name, kind, QTableWidgetItem(m.size), QTableWidgetItem(m.lora_size),
                     QTableWidgetItem(self.tr("Reading the models folder…")))
            for col, item in enumerate(cells):
                self.table.setItem(row, col, item)

    def row_of(self, model_id: str) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_NAME).data(Qt.ItemDataRole.UserRole) == model_id:
                return row
        return -1

    def visible_ids(self) -> list[str]:
        return [self.table.item(r, COL_NAME).data(Qt.ItemDataRole.UserRole)
                for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def selected_id(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else ""

    def select(self, model_id: str) -> None:
        row = self.row_of(model_id)
        if row >= 0:
            if self.table.isRowHidden(row):
                self.legacy.setChecked(True)
                self.family.setCurrentIndex(0)
                self.size.setCurrentIndex(0)
            self.table.selectRow(row)

    def state_cell_text(self, model_id: str) -> str:
        job = self.downloads.get(model_id)
        if job is not None:
            p = job.last_progress
            pct = f"{p.fraction * 100:.0f}%  " if p.fraction is not None else ""
            return self.tr("Downloading {details}").format(details=pct + describe(p).replace(p.status, "").strip())
        st = self.statuses.get(model_id)
        if st is None:
            return self.tr("Reading the models folder…")
        return {
            PARTIAL: self.tr("Paused (partly downloaded)"),
            DOWNLOADED: self.tr("Downloaded (not verified)"),
            VERIFIED: self.tr("✓ Verified"),
            FAILED: self.tr("✗ Failed"),
            MERGED: self.tr("✓ Merged"),
            CONVERTED: self.tr("✓ Converted to GGUF ({type})").format(type=st.converted_type),
            QUANTIZED: self.tr("✓ Quantized"),
        }.get(st.state, self.tr("Not downloaded"))

    def _update_row(self, model_id: str) -> None:
        row = self.row_of(model_id)
        item = self.table.item(row, COL_STATE)
        item.setText(self.state_cell_text(model_id))
        st = self.statuses.get(model_id)
        color = "#c7683a" if model_id in self.downloads else _STATE_COLORS.get(st.state) if st else None
        item.setForeground(QBrush(QColor(color)) if color else QBrush())
        item.setToolTip(st.problem if st is not None and st.state == FAILED else "")

    @Slot()
    def _filters_changed(self) -> None:
        store = self.context.store
        for key, value in (("models.family", self.family.currentData()), ("models.size", self.size.currentData()),
                           ("models.legacy", self.legacy.isChecked()), ("models.source", self.source.currentData()),
                           ("models.endpoint", self.endpoint.text().strip())):
            if store.ui_value(key) != value:
                store.set_ui_value(key, value)
        self._apply_filters()

    def _apply_filters(self) -> None:
        family, size, legacy = self.family.currentData(), self.size.currentData(), self.legacy.isChecked()
        for row, m in enumerate(self.models):
            shown = ((not family or m.family == family) and (not size or m.size == size)
                     and (legacy or m.recommended))
            self.table.setRowHidden(row, not shown)
        if not self.selected_id() or self.table.isRowHidden(self.row_of(self.selected_id())):
            visible = self.visible_ids()
            if visible:
                self.table.selectRow(self.row_of(visible[0]))

    # states ---------------------------------------------------------------------------------------
    @property
    def reading(self) -> bool:
        """True while a read of the models folder is on its way (the newest one not shown yet)."""
        return self._shown < self._reads

    @Slot()
    def refresh(self):
        """Re-read every model's state from disk off the UI thread (cheap: no hashing); shown when it arrives."""
        self._reads += 1
        number = self._reads
        return self.context.jobs.query(self._read_library, lambda library: self._arrived(number, library),
                                       title="Read the library", receiver=self)

    def _arrived(self, number: int, library: tuple[dict, list]) -> None:
        if number <= self._shown or not shiboken6.isValid(self):
            return          # an older read than the one on screen, or the page is gone
        self._shown = number
        self._show_library(library)
        self.library_shown.emit()

    @Slot(object)
    def _library_changed(self, _change) -> None:
        """A job (here or on another page) changed the library: re-read it off the UI thread."""
        self.refresh()

    def _read_library(self) -> tuple[dict, list]:
        settings, cache = self.context.settings, HashCache()
        return ({m.id: model_status(m, settings, cache=cache) for m in self.catalog.models},
                [_with_fit(b) for b in registered_bases(settings)])

    def _show_library(self, library: tuple[dict, list]) -> None:
        statuses, bases = library
        for model_id, status in statuses.items():
            self.statuses[model_id] = status
            self._update_row(model_id)
        self._show_bases(bases)
        self._show_details()

    def _show_bases(self, bases: list) -> None:
        if bases:
            notes = {"verified": self.tr("✓ matches the published SHA256"),
                     "mismatch": self.tr("⚠ differs from the published SHA256, registered anyway"),
                     "unverified": self.tr("no published SHA256 for these files")}
            self.bases_label.setText(self.tr("Base LLaMA: {list}").format(list="; ".join(
                f"{b.name} ({b.format.upper()}, {notes.get(b.status, b.status)}) {b.path}" for b in bases)))
            unused = [b for b in bases if not b.size]
            if unused:
                self.bases_label.setText(self.bases_label.text() + "\n" + "\n".join(
                    self.base_fit_text(b) for b in unused))
        else:
            self.bases_label.setText(self.tr("No base LLaMA registered yet. The LoRAs are patches: they need "
                                             "your copy of the original LLaMA to merge into."))
        self.bases_label.setObjectName("warning" if any(b.status == "mismatch" for b in bases) else "hint")
        self.bases_label.style().unpolish(self.bases_label)
        self.bases_label.style().polish(self.bases_label)
        self.remove_base_menu.clear()
        for b in bases:
            action = self.remove_base_menu.addAction(f"{b.name} — {b.path}")
            action.setData(b.path)
        self.remove_base_button.setVisible(bool(bases))

    @Slot()
    def _selection_changed(self) -> None:
        if self.selected_id() and self.isVisible():
            self.context.store.set_ui_value("models.selected", self.selected_id())
        self._show_details()

    def next_step_for(self, model_id: str) -> tuple[str, str, dict]:
        """(button label, page id or action, kwargs) for what the user does next with this model."""
        st = self.statuses[model_id]
        m = st.model
        base = find_base(self.context.settings, m.base)
        if st.state == QUANTIZED:
            return self.tr("Chat…"), "chat", {"model_path": str(st.quantized[0])}
        if st.state == MERGED or (st.state == CONVERTED and st.merged):
            return self.tr("Quantize…"), "quantize", {"model_dir": str(st.merged[0])}
        if st.state == CONVERTED:      # merged folder deleted after converting: nothing to quantize from here
            return self.tr("Chat…"), "chat", {"model_path": str(st.quantized[0])}
        if st.state not in (VERIFIED, DOWNLOADED):
            return "", "", {}
        for req in m.requires:
            if self.statuses[req].state not in (VERIFIED, DOWNLOADED, MERGED, CONVERTED, QUANTIZED):
                name = self.catalog.get(req).name
                return self.tr("Download {name} (merged first)…").format(name=name), "download", {"model_id": req}
        base_name = self.catalog.base(m.base).name
        if base is None:
            return self.tr("Add {base}…").format(base=base_name), "add-base", {}
        from engine.merge.request import merge_request
        request = merge_request(m.id, self.context.settings, catalog=self.catalog)
        return (self.tr("Merge with {base}…").format(base=base_name), "merge",
                {"lora_ids": request.chain_ids, "base_dir": str(request.require_base())})

    def _show_details(self) -> None:
        model_id = self.selected_id()
        if not model_id or model_id not in self.statuses:
            return
        st = self.statuses[model_id]
        job = self.downloads.get(model_id)
        label, _, _ = self.next_step_for(model_id)
        self.details.show_status(st, find_base(self.context.settings, st.model.base),
                                 job.last_progress if job else None, label)

    @Slot()
    def next_step(self) -> None:
        model_id = self.selected_id()
        if not model_id:
            return
        _, target, kwargs = self.next_step_for(model_id)
        if target == "download":
            self.select(kwargs["model_id"])
            self.start_download(kwargs["model_id"])
        elif target == "add-base":
            self.choose_base_folder()
        elif target:
            self.context.navigate(target, **kwargs)

    def open_with(self, model_id: str = "", **kwargs) -> None:
        if model_id:
            self.select(model_id)

    # downloads ------------------------------------------------------------------------------------
    def start_download(self, model_id: str):
        if not model_id or model_id in self.downloads:
            return None
        endpoint = self.endpoint.text().strip() or None
        model = self.catalog.get(model_id)
        job = self.context.jobs.start(self.tr("Download {name}").format(name=model.name), download_model, model_id,
                                      settings=self.context.settings, source=self.source.currentData(),
                                      endpoint=endpoint)
        self.downloads[model_id] = job
        job.progress.connect(lambda _p, mid=model_id: self._download_progress(mid))
        job.finished.connect(lambda verdicts, mid=model_id: self._download_done(mid, verdicts))
        job.failed.connect(lambda *_a, mid=model_id: self._download_ended(mid))
        job.cancelled.connect(lambda mid=model_id: self._download_cancelled(mid))
        self._update_row(model_id)
        self._show_details()
        return job

    def pause_download(self, model_id: str) -> None:
        """Stop now, keep the partial files: the next download resumes where this one stopped."""
        job = self.downloads.get(model_id)
        if job is not None:
            self._pausing.add(model_id)
            job.cancel()

    def cancel_download(self, model_id: str) -> None:
        """Stop and delete the partial files."""
        job = self.downloads.get(model_id)
        if job is not None:
            self._pausing.discard(model_id)
            job.cancel()
        elif model_id:
            discard_partial(self.catalog.get(model_id), self.context.settings)
            self.refresh()

    def _download_progress(self, model_id: str) -> None:
        self._update_row(model_id)
        if self.selected_id() == model_id:
            self.details.show_progress(self.downloads[model_id].last_progress)

    def _download_ended(self, model_id: str) -> None:
        self.downloads.pop(model_id, None)
        self._update_row(model_id)
        self.context.notify_library_changed("download")     # -> _library_changed: re-read

    def _download_done(self, model_id: str, verdicts) -> None:
        self._download_ended(model_id)
        self.show_verdicts(verdicts)
        self.context.show_status(self.tr("{name} downloaded: {summary}").format(
            name=self.catalog.get(model_id).name, summary=self.summary_text(verdicts)))

    def _download_cancelled(self, model_id: str) -> None:
        if model_id in self._pausing:
            self._pausing.discard(model_id)
        else:
            discard_partial(self.catalog.get(model_id), self.context.settings)
        self._download_ended(model_id)

    def can_close(self) -> bool:
        # Downloads resume next time from their .part files: closing loses nothing.
        return True

    # verification -----------------------------------------------------------------------------------
    def summary_text(self, verdicts) -> str:
        count = {st: sum(v.status == st for v in verdicts) for st in (MATCH, MISMATCH, UNKNOWN)}
        return self.tr("{n} file(s): {ok} verified, {bad} mismatched, {unknown} unknown").format(
            n=len(verdicts), ok=count[MATCH], bad=count[MISMATCH], unknown=count[UNKNOWN])

    def show_verdicts(self, verdicts) -> None:
        self.last_verdicts = list(verdicts)
        self.results.show_verdicts(self.last_verdicts)
        self.results_summary.setText(self.summary_text(self.last_verdicts))
        self.results_box.setVisible(True)

    def verify_paths(self, paths: list):
        job = self.context.jobs.start(self.tr("Verify {what}").format(what=", ".join(Path(p).name for p in paths)),
                                      verify_paths, [str(p) for p in paths], use_cache=False)
        job.finished.connect(self.show_verdicts)
        job.finished.connect(lambda _v: self.context.notify_library_changed("verify", *paths))
        return job

    @Slot()
    def verify_selected(self):
        model_id = self.selected_id()
        if model_id:
            return self.verify_paths([self.statuses[model_id].folder])
        return None

    @Slot()
    def choose_folder_to_verify(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to verify"),
                                                  self.context.store.ui_value("models.verify_dir", ""))
        if folder:
            self.context.store.set_ui_value("models.verify_dir", folder)
            self.verify_paths([folder])

    # base LLaMA ------------------------------------------------------------------------------------
    def add_base(self, folder: str, accept_mismatch: bool = False):
        job = self.context.jobs.start(self.tr("Add base LLaMA {name}").format(name=Path(folder).name),
                                      check_and_register_base, folder, settings=self.context.settings,
                                      accept_mismatch=accept_mismatch)
        job.finished.connect(self._base_checked)     # bound method: no lambda cycle with the job
        return job

    @Slot(object)
    def _base_checked(self, result) -> None:
        if isinstance(result, BaseMismatch):
            self.ask_register_anyway(result)
            return
        self.context.show_status(self.tr("Registered {name} ({status})").format(name=result.name,
                                                                                status=result.status)
                                 + " " + self.base_fit_text(result))
        self.context.notify_library_changed("base", result.path)

    def base_fit_text(self, record) -> str:
        """What was detected in a base folder by its shapes, and whether it counts for the catalog's models."""
        fit = getattr(record, "fit", None)
        if record.size:
            return self.tr("Detected LLaMA-{size}: used for the {size} models.").format(size=record.size)
        if fit is None or not fit.hidden:
            return self.tr("{name}: its shapes could not be read, so it is not used for any model.").format(
                name=record.name)
        known = ", ".join(f"{size} {hidden}/{layers}" for size, hidden, layers in fit.known)
        sizes = "/".join(size for size, _h, _l in fit.known)
        return self.tr("{name}: not a {sizes} LLaMA (hidden size {hidden}, {layers} layers; the originals have "
                       "{known}). The catalog's LoRAs are made for those sizes, so it is not used as the base of "
                       "any model; choose it by hand on the Merge page for your own LoRAs.").format(
            name=record.name, sizes=sizes, hidden=fit.hidden, layers=fit.layers, known=known)

    def ask_register_anyway(self, mismatch: BaseMismatch) -> None:
        """Show both hashes of every differing file; the user may register the folder all the same."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The base LLaMA differs from the published files"),
                          self.tr("{folder} does not match the published SHA256:").format(folder=mismatch.folder),
                          parent=self)
        box.setInformativeText("\n\n".join(
            self.tr("{file} ({entry})\nexpected {expected}\nfound {actual}").format(
                file=v.path.name, entry=v.entry.label, expected=v.entry.sha256, actual=v.sha256)
            for v in mismatch.verdicts) + "\n\n" + self.tr(
            "The file may be damaged or a different conversion, and a model merged from it may be broken. "
            "Register it anyway only if you know why it differs."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.register_button = box.addButton(self.tr("Register anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.setProperty("folder", str(mismatch.folder))
        box.buttonClicked.connect(self._register_anyway_answered)
        self.mismatch_box = box
        box.open()

    @Slot(object)
    def _register_anyway_answered(self, button) -> None:
        box = self.mismatch_box
        if box is not None and box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            self.add_base(box.property("folder"), accept_mismatch=True)

    @Slot(QAction)
    def _remove_base_chosen(self, action: QAction) -> None:
        self.ask_remove_base(action.data())

    def ask_remove_base(self, path: str) -> None:
        record = next((r for r in registered_bases(self.context.settings) if r.path == path), None)
        if record is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove base LLaMA"),
                          self.tr("Remove {name} from the list?").format(name=record.name), parent=self)
        box.setInformativeText(self.tr("Alpaca Studio only forgets this registration: the files in {path} are "
                                       "not deleted, and you can add the folder again later.").format(path=path))
        box.remove_button = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.setProperty("path", path)
        box.buttonClicked.connect(self._remove_base_answered)
        self.remove_box = box
        box.open()

    @Slot(object)
    def _remove_base_answered(self, button) -> None:
        box = self.remove_box
        if box is None or box.buttonRole(button) != QMessageBox.ButtonRole.DestructiveRole:
            return
        path = box.property("path")
        unregister_base(self.context.settings, path)
        self.context.show_status(self.tr("Forgot the base LLaMA in {path}; its files were left in place.")
                                 .format(path=path))
        self.context.notify_library_changed("base", path)

    @Slot()
    def choose_base_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the original LLaMA folder"),
                                                  self.context.store.ui_value("models.base_dir", ""))
        if folder:
            self.context.store.set_ui_value("models.base_dir", folder)
            self.add_base(folder)


PAGE = ModelsPage
