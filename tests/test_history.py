"""SQLite chat history: branches, rename/delete/undo, search, export/import,
persistence across a restart and after the process is killed mid-reply."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from engine.errors import UserError
from engine.history import History, default_path
from tests.factory import ROOT


@pytest.fixture
def history(isolated_home):
    h = History()
    yield h
    h.close()


def test_database_lives_in_the_data_folder(history, isolated_home):
    assert history.path == default_path()
    assert str(history.path).startswith(str(isolated_home))
    assert history._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_branches_keep_the_old_version(history):
    chat = history.create_chat("Trip")
    q1 = history.add_message(chat.id, "user", "Where to go?")
    a1 = history.add_message(chat.id, "assistant", "Beijing.", parent_id=q1.id, model="m.gguf",
                             settings={"temperature": 0.2}, tokens=3, tokens_per_second=12.5, ttft=0.1)
    q2 = history.add_message(chat.id, "user", "Where to eat?", parent_id=a1.id)
    # Edit q2: a sibling under the same parent becomes the current branch.
    q2b = history.add_message(chat.id, "user", "Where to sleep?", parent_id=a1.id)
    assert [m.content for m in history.thread(chat.id)] == ["Where to go?", "Beijing.", "Where to sleep?"]
    assert [m.id for m in history.siblings(q2b.id)] == [q2.id, q2b.id]
    history.select_branch(q2.id)
    assert history.thread(chat.id)[-1].id == q2.id
    saved = history.message(a1.id)
    assert (saved.model, saved.settings, saved.tokens_per_second) == ("m.gguf", {"temperature": 0.2}, 12.5)


def test_rename_delete_undo_and_purge(history):
    a = history.create_chat("A")
    b = history.create_chat("B")
    history.rename_chat(a.id, "  Renamed ")
    assert history.chat(a.id).title == "Renamed"
    with pytest.raises(UserError):
        history.rename_chat(a.id, "   ")
    history.delete_chat(b.id)
    assert [c.id for c in history.chats()] == [a.id]
    history.undo_delete(b.id)
    assert {c.id for c in history.chats()} == {a.id, b.id}
    history.add_message(b.id, "user", "gone soon")
    history.delete_chat(b.id)
    assert history.purge_deleted(older_than=0) == 1
    with pytest.raises(KeyError):
        history.chat(b.id)
    assert history._db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


def test_search_across_chats(history):
    a = history.create_chat("Cooking")
    history.add_message(a.id, "user", "How do I make 饺子?")
    b = history.create_chat("Travel")
    history.add_message(b.id, "user", "Trains to Xi'an")
    found = history.search("饺子")
    assert [(c.title, m.content) for c, m in found] == [("Cooking", "How do I make 饺子?")]
    assert [c.title for c, _ in history.search("travel")] == ["Travel"]      # title match, any case
    assert history.search("nothing like this") == []


def test_export_markdown_json_and_import_roundtrip(history, tmp_path):
    chat = history.create_chat("Export me", model="alpaca.gguf", system_prompt="Be brief.")
    q = history.add_message(chat.id, "user", "Code?")
    history.add_message(chat.id, "assistant", "```python\nprint(1)\n```", parent_id=q.id,
                        tokens_per_second=9.0, model="alpaca.gguf")
    md = history.save_export(chat.id, tmp_path / "c.md").read_text(encoding="utf-8")
    assert md.startswith("# Export me\n") and "**System:** Be brief." in md
    assert "## User\n\nCode?" in md and "```python\nprint(1)\n```" in md and "9.0 tokens/s" in md
    path = history.save_export(chat.id, tmp_path / "c.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "alpaca-studio-chat" and len(data["messages"]) == 2
    copy = history.import_json(path)
    assert copy.id != chat.id and copy.title == "Export me" and copy.system_prompt == "Be brief."
    assert [(m.role, m.content) for m in history.thread(copy.id)] == \
        [(m.role, m.content) for m in history.thread(chat.id)]
    with pytest.raises(UserError, match="not an Alpaca Studio chat"):
        history.import_json('{"messages": 1}')
    with pytest.raises(UserError, match="not valid JSON"):
        history.import_json("{oops")


def test_history_survives_a_restart(isolated_home):
    h = History()
    chat = h.create_chat("Persist")
    q = h.add_message(chat.id, "user", "你好")
    h.add_message(chat.id, "assistant", "你好！", parent_id=q.id)
    h.close()
    again = History()
    assert [m.content for m in again.thread(chat.id)] == ["你好", "你好！"]
    again.close()


WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from engine.history import History
    h = History()
    chat = h.create_chat("Killed")
    parent = None
    for i in range(3):
        q = h.add_message(chat.id, "user", f"q{{i}}", parent_id=parent)
        parent = h.add_message(chat.id, "assistant", f"a{{i}}", parent_id=q.id).id
    h.add_message(chat.id, "user", "last question", parent_id=parent)
    print("READY", flush=True)
    reply = ""
    while True:                      # a reply streaming forever, never saved
        reply += "token "
        time.sleep(0.01)
""")


def test_a_killed_process_loses_only_the_reply_in_flight(isolated_home):
    env = {**os.environ, "ALPACA_STUDIO_HOME": str(isolated_home)}
    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT))], env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "READY"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    h = History()
    chat = h.chats()[0]
    assert chat.title == "Killed"
    assert [m.content for m in h.thread(chat.id)] == ["q0", "a0", "q1", "a1", "q2", "a2", "last question"]
    h.close()
