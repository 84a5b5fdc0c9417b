"""Chat history in SQLite: chats, messages as a tree (edits keep the old branch),
and what each reply was made with.

WAL mode and one transaction per message: a crash or a kill loses at most the
reply being generated.  Deleting a chat hides it (undo brings it back); hidden
chats are purged on the next open after ``PURGE_AFTER`` seconds.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from . import paths
from .atomic import atomic_write_text
from .errors import UserError

SCHEMA_VERSION = 1
PURGE_AFTER = 7 * 24 * 3600
DB_NAME = "chats.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS chats (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    system_prompt TEXT NOT NULL DEFAULT '',
    template TEXT NOT NULL DEFAULT 'auto',
    settings TEXT NOT NULL DEFAULT '{}',
    current_leaf INTEGER,
    deleted_at REAL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content TEXT NOT NULL,
    created REAL NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    settings TEXT NOT NULL DEFAULT '{}',
    prompt_tokens INTEGER,
    tokens INTEGER,
    tokens_per_second REAL,
    ttft REAL,
    finish TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS messages_chat ON messages(chat_id);
CREATE INDEX IF NOT EXISTS messages_parent ON messages(parent_id);
"""


@dataclass
class Chat:
    id: int
    title: str
    created: float
    updated: float
    model: str = ""
    system_prompt: str = ""
    template: str = "auto"
    settings: dict = field(default_factory=dict)
    current_leaf: Optional[int] = None


@dataclass
class Message:
    id: int
    chat_id: int
    parent_id: Optional[int]
    role: str
    content: str
    created: float
    model: str = ""
    settings: dict = field(default_factory=dict)
    prompt_tokens: Optional[int] = None
    tokens: Optional[int] = None
    tokens_per_second: Optional[float] = None
    ttft: Optional[float] = None
    finish: str = ""


def default_path() -> Path:
    return paths.data_dir() / DB_NAME


def _chat(row) -> Chat:
    return Chat(id=row["id"], title=row["title"], created=row["created"], updated=row["updated"],
                model=row["model"], system_prompt=row["system_prompt"], template=row["template"],
                settings=json.loads(row["settings"] or "{}"), current_leaf=row["current_leaf"])


def _message(row) -> Message:
    return Message(id=row["id"], chat_id=row["chat_id"], parent_id=row["parent_id"], role=row["role"],
                   content=row["content"], created=row["created"], model=row["model"],
                   settings=json.loads(row["settings"] or "{}"), prompt_tokens=row["prompt_tokens"],
                   tokens=row["tokens"], tokens_per_second=row["tokens_per_second"], ttft=row["ttft"],
                   finish=row["finish"])


class History:
    """Thread-safe: the GUI reads on the UI thread while a reply is saved from a worker."""

    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None,
                                       timeout=10)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise UserError(f"The chat history {self.path} cannot be opened: {exc}.",
                            "Move the file aside (the app starts a new history) or restore a backup.") from None
        self.purge_deleted()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, args=()) -> list:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # chats --------------------------------------------------------------------------------
    def create_chat(self, title: str = "New chat", *, model: str = "", system_prompt: str = "",
                    template: str = "auto", settings: Optional[dict] = None) -> Chat:
        now = time.time()
        with self._tx() as db:
            cur = db.execute("INSERT INTO chats(title, created, updated, model, system_prompt, template, settings)"
                             " VALUES (?,?,?,?,?,?,?)",
                             (title, now, now, model, system_prompt, template, json.dumps(settings or {})))
        return self.chat(cur.lastrowid)

    def chat(self, chat_id: int) -> Chat:
        rows = self._query("SELECT * FROM chats WHERE id=?", (chat_id,))
        if not rows:
            raise KeyError(f"no chat {chat_id}")
        return _chat(rows[0])

    def chats(self) -> list[Chat]:
        """Visible chats, most recently used first."""
        return [_chat(r) for r in self._query(
            "SELECT * FROM chats WHERE deleted_at IS NULL ORDER BY updated DESC, id DESC")]

    def update_chat(self, chat_id: int, **fields_) -> None:
        allowed = {"title", "model", "system_prompt", "template", "settings", "current_leaf"}
        if not fields_.keys() <= allowed:
            raise AttributeError(sorted(set(fields_) - allowed))
        if "settings" in fields_:
            fields_["settings"] = json.dumps(fields_["settings"])
        sets = ", ".join(f"{k}=?" for k in fields_)
        with self._tx() as db:
            db.execute(f"UPDATE chats SET {sets}, updated=? WHERE id=?", (*fields_.values(), time.time(), chat_id))

    def rename_chat(self, chat_id: int, title: str) -> None:
        title = title.strip()
        if not title:
            raise UserError("A chat needs a name.", "Type at least one character.")
        self.update_chat(chat_id, title=title)

    def delete_chat(self, chat_id: int) -> None:
        """Hide the chat; ``undo_delete`` brings it back until it is purged."""
        with self._tx() as db:
            db.execute("UPDATE chats SET deleted_at=? WHERE id=?", (time.time(), chat_id))

    def undo_delete(self, chat_id: int) -> None:
        with self._tx() as db:
            db.execute("UPDATE chats SET deleted_at=NULL WHERE id=?", (chat_id,))

    def purge_deleted(self, older_than: float = PURGE_AFTER) -> int:
        with self._tx() as db:
            cur = db.execute("DELETE FROM chats WHERE deleted_at IS NOT NULL AND deleted_at < ?",
                             (time.time() - older_than,))
        return cur.rowcount

    # messages -----------------------------------------------------------------------------
    def add_message(self, chat_id: int, role: str, content: str, *, parent_id: Optional[int] = None,
                    model: str = "", settings: Optional[dict] = None, prompt_tokens: Optional[int] = None,
                    tokens: Optional[int] = None, tokens_per_second: Optional[float] = None,
                    ttft: Optional[float] = None, finish: str = "") -> Message:
        """Append a message under ``parent_id`` and make it the chat's current leaf (one transaction)."""
        now = time.time()
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO messages(chat_id, parent_id, role, content, created, model, settings,"
                " prompt_tokens, tokens, tokens_per_second, ttft, finish) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (chat_id, parent_id, role, content, now, model, json.dumps(settings or {}),
                 prompt_tokens, tokens, tokens_per_second, ttft, finish))
            db.execute("UPDATE chats SET current_leaf=?, updated=? WHERE id=?", (cur.lastrowid, now, chat_id))
        return self.message(cur.lastrowid)

    def update_message(self, message_id: int, **fields_) -> None:
        """Used by 'continue': the answer grows in place."""
        allowed = {"content", "tokens", "tokens_per_second", "ttft", "finish", "prompt_tokens"}
        if not fields_.keys() <= allowed:
            raise AttributeError(sorted(set(fields_) - allowed))
        sets = ", ".join(f"{k}=?" for k in fields_)
        with self._tx() as db:
            db.execute(f"UPDATE messages SET {sets} WHERE id=?", (*fields_.values(), message_id))

    def message(self, message_id: int) -> Message:
        rows = self._query("SELECT * FROM messages WHERE id=?", (message_id,))
        if not rows:
            raise KeyError(f"no message {message_id}")
        return _message(rows[0])

    def messages(self, chat_id: int) -> list[Message]:
        """Every message of the chat, all branches, oldest first."""
        return [_message(r) for r in self._query("SELECT * FROM messages WHERE chat_id=? ORDER BY id", (chat_id,))]

    def thread(self, chat_id: int, leaf_id: Optional[int] = None) -> list[Message]:
        """The active branch: root → current leaf (or ``leaf_id``)."""
        if leaf_id is None:
            leaf_id = self.chat(chat_id).current_leaf
        if leaf_id is None:
            return []
        by_id = {m.id: m for m in self.messages(chat_id)}
        out = []
        node = by_id.get(leaf_id)
        while node is not None:
            out.append(node)
            node = by_id.get(node.parent_id) if node.parent_id is not None else None
        return out[::-1]

    def siblings(self, message_id: int) -> list[Message]:
        """The versions of a message (edits, regenerations), oldest first, itself included."""
        m = self.message(message_id)
        rows = self._query("SELECT * FROM messages WHERE chat_id=? AND parent_id IS ? AND role=? ORDER BY id",
                           (m.chat_id, m.parent_id, m.role))
        return [_message(r) for r in rows]

    def select_branch(self, message_id: int) -> None:
        """Make the branch through ``message_id`` current (down to its newest descendant)."""
        m = self.message(message_id)
        children: dict[Optional[int], list[int]] = {}
        for r in self._query("SELECT id, parent_id FROM messages WHERE chat_id=? ORDER BY id", (m.chat_id,)):
            children.setdefault(r["parent_id"], []).append(r["id"])
        leaf = message_id
        while children.get(leaf):
            leaf = children[leaf][-1]
        self.update_chat(m.chat_id, current_leaf=leaf)

    # search, export, import -----------------------------------------------------------------
    def search(self, text: str, limit: int = 200) -> list[tuple[Chat, Optional[Message]]]:
        """Chats whose title or a message of their current branch contains ``text``
        (case-insensitive); the message is None when only the title matches.  Versions left
        behind by an edit or a regeneration are not searched (they are not shown)."""
        needle = f"%{text.strip().lower()}%"
        if needle == "%%":
            return [(c, None) for c in self.chats()]
        rows = self._query(
            "SELECT c.id AS cid, m.id AS mid FROM chats c LEFT JOIN messages m ON m.chat_id = c.id "
            "AND lower(m.content) LIKE ? WHERE c.deleted_at IS NULL AND (lower(c.title) LIKE ? OR m.id IS NOT NULL)"
            " ORDER BY c.updated DESC, m.id LIMIT ?", (needle, needle, limit * 20))
        seen, out, branches = set(), [], {}
        for r in rows:
            if r["cid"] in seen:
                continue
            chat = self.chat(r["cid"])
            hit = None
            if r["mid"]:
                if r["cid"] not in branches:
                    branches[r["cid"]] = {m.id for m in self.thread(r["cid"])}
                if r["mid"] not in branches[r["cid"]]:
                    continue            # a message of an abandoned branch: maybe a later row matches
                hit = self.message(r["mid"])
            elif text.strip().lower() not in chat.title.lower():
                continue
            seen.add(r["cid"])
            out.append((chat, hit))
            if len(out) >= limit:
                break
        # A chat whose title matches but whose only message hits are abandoned still counts.
        for r in rows:
            if r["cid"] not in seen and text.strip().lower() in self.chat(r["cid"]).title.lower() \
                    and len(out) < limit:
                seen.add(r["cid"])
                out.append((self.chat(r["cid"]), None))
        out.sort(key=lambda pair: -pair[0].updated)
        return out

    def export_json(self, chat_id: int) -> dict:
        chat = self.chat(chat_id)
        return {
            "format": "alpaca-studio-chat", "version": SCHEMA_VERSION,
            "title": chat.title, "created": chat.created, "model": chat.model,
            "system_prompt": chat.system_prompt, "template": chat.template, "settings": chat.settings,
            "current_leaf": chat.current_leaf,
            "messages": [{"id": m.id, "parent_id": m.parent_id, "role": m.role, "content": m.content,
                          "created": m.created, "model": m.model, "settings": m.settings,
                          "prompt_tokens": m.prompt_tokens, "tokens": m.tokens,
                          "tokens_per_second": m.tokens_per_second, "ttft": m.ttft, "finish": m.finish}
                         for m in self.messages(chat_id)],
        }

    def export_markdown(self, chat_id: int) -> str:
        """The active branch as Markdown, for reading and sharing."""
        chat = self.chat(chat_id)
        lines = [f"# {chat.title}", ""]
        if chat.model:
            lines += [f"Model: `{chat.model}`", ""]
        if chat.system_prompt:
            lines += ["**System:** " + chat.system_prompt, ""]
        for m in self.thread(chat_id):
            if m.role == "user":
                lines += ["## User", "", m.content, ""]
            elif m.role == "assistant":
                meta = f" ({m.model}, {m.tokens_per_second:.1f} tokens/s)" if m.tokens_per_second else ""
                lines += [f"## Assistant{meta}", "", m.content, ""]
        return "\n".join(lines).rstrip() + "\n"

    def save_export(self, chat_id: int, path: Path) -> Path:
        path = Path(path)
        if path.suffix.lower() == ".md":
            atomic_write_text(path, self.export_markdown(chat_id))
        else:
            atomic_write_text(path, json.dumps(self.export_json(chat_id), ensure_ascii=False, indent=2))
        return path

    def import_json(self, data) -> Chat:
        """Import an exported chat (a dict, JSON text or a file path) as a new chat."""
        if isinstance(data, (str, Path)) and not str(data).lstrip().startswith("{"):
            try:
                data = Path(data).read_text(encoding="utf-8")
            except OSError as exc:
                raise UserError(f"Cannot read {data}: {exc}.", "Choose an exported chat .json file.") from None
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError as exc:
                raise UserError(f"The file is not valid JSON ({exc}).", "Choose a chat exported as JSON.") from None
        if not isinstance(data, dict) or data.get("format") != "alpaca-studio-chat" \
                or not isinstance(data.get("messages"), list):
            raise UserError("This JSON is not an Alpaca Studio chat export.",
                            "Export a chat with Export → JSON, then import that file.")
        now = time.time()
        with self._tx() as db:
            cur = db.execute("INSERT INTO chats(title, created, updated, model, system_prompt, template, settings)"
                             " VALUES (?,?,?,?,?,?,?)",
                             (str(data.get("title") or "Imported chat"), float(data.get("created") or now), now,
                              str(data.get("model") or ""), str(data.get("system_prompt") or ""),
                              str(data.get("template") or "auto"), json.dumps(data.get("settings") or {})))
            chat_id = cur.lastrowid
            id_map: dict = {}
            for m in data["messages"]:
                if m.get("role") not in ("system", "user", "assistant") or not isinstance(m.get("content"), str):
                    raise UserError("The chat export holds a malformed message.",
                                    "Re-export the chat; the file may have been edited by hand.")
                c = db.execute(
                    "INSERT INTO messages(chat_id, parent_id, role, content, created, model, settings,"
                    " prompt_tokens, tokens, tokens_per_second, ttft, finish) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (chat_id, id_map.get(m.get("parent_id")), m["role"], m["content"],
                     float(m.get("created") or now), str(m.get("model") or ""), json.dumps(m.get("settings") or {}),
                     m.get("prompt_tokens"), m.get("tokens"), m.get("tokens_per_second"), m.get("ttft"),
                     str(m.get("finish") or "")))
                id_map[m.get("id")] = c.lastrowid
            leaf = id_map.get(data.get("current_leaf")) or (list(id_map.values())[-1] if id_map else None)
            db.execute("UPDATE chats SET current_leaf=? WHERE id=?", (leaf, chat_id))
        return self.chat(chat_id)
