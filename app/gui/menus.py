"""The main window's menu bar (File, Edit, View, Help) and what dropping files on the window does.

Every action the pages offer through a shortcut is listed here with its keys, so it can be found.
Window-wide keys (Ctrl+1…N, Ctrl+J, F5, Ctrl+O, Ctrl+Q…) belong to these actions; keys that a page
handles itself (Chat's Ctrl+N, Ctrl+F, Ctrl+R, F2, Delete) are shown in the menu but stay the page's
(``WidgetShortcut`` on the menu: shown, never ambiguous with the page's own shortcut).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

GGUF, HF, META, LORA = "gguf", "hf", "meta", "lora"


def classify_drop(paths: list[str]) -> list[tuple[str, str]]:
    """(kind, path) for each dropped path that Alpaca Studio can open (run off the UI thread)."""
    from engine.checkpoint.folder import path_kind

    out = []
    for p in paths:
        kind = path_kind(p)
        if kind is not None:
            out.append((kind, str(Path(p))))
    return out


def drop_target(kind: str) -> str:
    """The page a dropped model opens in: GGUF → Chat, LoRA → Merge, an HF or Meta LLaMA → Quantize."""
    return {GGUF: "chat", LORA: "merge", HF: "quantize", META: "quantize"}.get(kind, "")


def droppable(paths: list[str]) -> bool:
    """While dragging, without reading the disk: any local path (what it holds is read after the drop)."""
    return any(bool(p) for p in paths)


class MenuBar(QObject):
    """Builds the menus on ``window`` (a MainWindow with ``pages``, ``show_page``, ``bottom``, ``context``)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))

        f = self.file_menu
        self._add(f, "open_gguf", self.tr("Open a GGUF model…"), "Ctrl+O", lambda: self._chat_call("open_gguf"))
        self._add(f, "open_folder", self.tr("Open a Hugging Face model folder…"), "Ctrl+Shift+O",
                  lambda: self._chat_call("open_hf_folder"))
        f.addSeparator()
        self._add(f, "verify_folder", self.tr("Verify a folder against the published SHA256…"), "Ctrl+Shift+V",
                  lambda: self._page_call("models", "choose_folder_to_verify"))
        self._add(f, "add_base", self.tr("Add a local base LLaMA…"), None,
                  lambda: self._page_call("models", "choose_base_folder"))
        f.addSeparator()
        self._add(f, "import_chat", self.tr("Import a chat…"), None, lambda: self._chat_call("import_chat"))
        self._add(f, "export_md", self.tr("Export the chat as Markdown…"), "Ctrl+E", lambda: self._export("md"))
        self._add(f, "export_json", self.tr("Export the chat as JSON…"), "Ctrl+Shift+E", lambda: self._export("json"))
        f.addSeparator()
        quit_action = self._add(f, "quit", self.tr("Quit"), "Ctrl+Q", window.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        e = self.edit_menu
        # The Chat page's own keys (page-scoped there): listed here, triggered by the page.
        self._add(e, "new_chat", self.tr("New chat"), "Ctrl+N", lambda: self._chat_call("new_chat"), page_key=True)
        self._add(e, "rename_chat", self.tr("Rename the chat…"), "F2", lambda: self._chat_id_call("rename_chat"),
                  page_key=True)
        self._add(e, "delete_chat", self.tr("Delete the chat"), "Del", lambda: self._chat_id_call("delete_chat"),
                  page_key=True)
        self._add(e, "regenerate", self.tr("Regenerate the reply"), "Ctrl+R", lambda: self._chat_call("regenerate"),
                  page_key=True)
        self._add(e, "find_chat", self.tr("Find in chats"), "Ctrl+F", self._find_chat, page_key=True)
        e.addSeparator()
        self._add(e, "download", self.tr("Download the selected model"), "Ctrl+D", self._download_selected)
        e.addSeparator()
        self._add(e, "settings", self.tr("Settings…"), "Ctrl+,", lambda: window.show_page("settings"))

        v = self.view_menu
        self.page_actions: list[QAction] = []
        for index, (page_id, page) in enumerate(window.pages.items()):
            keys = f"Ctrl+{index + 1}" if index < 9 else None
            action = self._add(v, f"page:{page_id}", page.title(), keys,
                               lambda _=False, pid=page_id: window.show_page(pid))
            self.page_actions.append(action)
        v.addSeparator()
        jobs = self._add(v, "toggle_jobs", self.tr("Jobs and log panel"), "Ctrl+J", None)
        jobs.setCheckable(True)
        jobs.setChecked(True)
        jobs.toggled.connect(window.bottom.setVisible)
        self._add(v, "refresh", self.tr("Refresh: read the models folder again"), "F5", self._refresh)

        h = self.help_menu
        self._add(h, "shortcuts", self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts)
        self._add(h, "about", self.tr("About Alpaca Studio"), None, self.show_about)

    def _add(self, menu, key: str, text: str, keys, slot, *, page_key: bool = False) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        if page_key:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        else:
            self.window.addAction(action)       # works while the menu bar is hidden too
        if slot is not None:
            action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[key] = action
        return action

    # helpers ------------------------------------------------------------------------------------
    def _page(self, page_id: str):
        return self.window.pages.get(page_id)

    def _page_call(self, page_id: str, name: str) -> None:
        page = self._page(page_id)
        if page is not None and hasattr(page, name):
            self.window.show_page(page_id)
            getattr(page, name)()

    def _chat_controller(self):
        page = self._page("chat")
        return getattr(page, "controller", None)

    def _chat_call(self, name: str) -> None:
        controller = self._chat_controller()
        if controller is not None and hasattr(controller, name):
            self.window.show_page("chat")
            getattr(controller, name)()

    def _current_chat_id(self):
        controller = self._chat_controller()
        session = getattr(controller, "session", None)
        return getattr(session, "chat_id", None)

    def _chat_id_call(self, name: str, *args) -> None:
        chat_id = self._current_chat_id()
        if chat_id is None:
            self.window.show_page("chat")
            self.window.context.show_status(self.tr("Open a chat first (Chat page, list on the left)."))
            return
        self.window.show_page("chat")
        getattr(self._chat_controller(), name)(chat_id, *args)

    def _export(self, fmt: str) -> None:
        self._chat_id_call("export_chat", fmt)

    def _find_chat(self) -> None:
        page = self._page("chat")
        chat_list = getattr(page, "chat_list", None)
        if chat_list is not None:
            self.window.show_page("chat")
            chat_list.search.setFocus()
            chat_list.search.selectAll()

    def _download_selected(self) -> None:
        page = self._page("models")
        if page is not None:
            self.window.show_page("models")
            page.start_download(page.selected_id())

    @Slot()
    def _refresh(self) -> None:
        # Files may have changed outside the app: every page re-reads what it shows (off the UI thread).
        self.window.context.notify_library_changed("external")
        self.window.context.show_status(self.tr("Reading the models folder again…"))

    # help ---------------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu):
            for action in menu.actions():
                if not action.isSeparator() and not action.shortcut().isEmpty():
                    rows.append((action.text().replace("&", ""),
                                 action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        return rows

    @Slot()
    def show_shortcuts(self) -> QMessageBox:
        rows = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>"
                       for name, keys in self.shortcut_rows())
        more = self.tr("On job pages, Ctrl+Enter starts and Esc cancels. In Chat, Enter sends and Shift+Enter "
                       "adds a line.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), "", parent=self.window)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table><p>{more}</p>")
        box.open()
        self.shortcuts_box = box
        return box

    @Slot()
    def show_about(self) -> None:
        text = self.tr("A desktop workbench for the Chinese-LLaMA and Chinese-Alpaca models: download, merge, "
                       "quantize, chat, train, serve and evaluate, on your own computer.")
        QMessageBox.about(self.window, self.tr("About Alpaca Studio"), text)
