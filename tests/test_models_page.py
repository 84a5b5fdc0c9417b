"""The Models page driven as a user would: filters, downloads from a local server, pause/resume, verify, next steps."""
import hashlib
import json

import pytest
from PySide6.QtCore import Qt

import engine.catalog as catalog_mod
from app.gui.context import AppContext
from app.gui.pages.models_page import COL_STATE, ModelsPage
from engine import layout
from engine.settings import SettingsStore
from engine.verify import HashCache
from tests.test_download_cli import release  # noqa: F401  (fixture)


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    page = ModelsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    assert page.reading or page.statuses       # the folder is read off the UI thread ...
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)      # ... and shown when it arrives
    yield page
    context.jobs.shutdown()


def _state(page, model_id):
    return page.table.item(page.row_of(model_id), COL_STATE).text()


def _refresh(page, qtbot):
    """Re-read the models folder as F5 does and wait for the answer (it comes from a query, not at once)."""
    page.refresh()
    assert page.reading
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)


def _click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_filters_hide_rows_and_are_remembered(page, qtbot):
    assert len(page.visible_ids()) == 6      # recommended only by default
    assert "chinese-alpaca-plus-7b" not in page.visible_ids()
    qtbot.mouseClick(page.legacy, Qt.MouseButton.LeftButton)
    assert len(page.visible_ids()) == 15
    page.family.setCurrentIndex(page.family.findData("alpaca"))
    page.size.setCurrentIndex(page.size.findData("7B"))
    # Sorted by family and size, the recommended model first (issue 15 item 6).
    assert page.visible_ids() == ["chinese-alpaca-pro-7b", "chinese-alpaca-7b", "chinese-alpaca-plus-7b"]
    assert page.selected_id() in page.visible_ids()
    page.source.setCurrentIndex(page.source.findData("hf-mirror"))
    again = ModelsPage(AppContext(SettingsStore()))
    qtbot.addWidget(again)
    assert again.visible_ids() == page.visible_ids()
    assert again.source.currentData() == "hf-mirror"


def test_details_say_what_the_model_is_for_and_needs(page):
    page.select("chinese-alpaca-pro-13b")
    d = page.details
    assert d.name.text() == "Chinese-Alpaca-Pro-13B"
    assert "chat" in d.purpose.text() and "Pro" in d.purpose.text()
    assert "LLaMA-13B → chinese-llama-plus-13b → chinese-alpaca-pro-13b" in d.needs.text()
    assert "24 GB" in d.needs.text() and "7.8 GB" in d.needs.text()
    sha = catalog_mod.load_catalog().get("chinese-alpaca-pro-13b").sha256["adapter_model.bin"]
    assert d.files.item(1, 0).text() == "adapter_model.bin" and d.files.item(1, 1).text() == sha
    assert d.download_button.isVisible() and not d.next_button.isVisible()
    page.select("chinese-llama-plus-7b")
    assert "continuation" in d.purpose.text()


def test_download_from_local_server_shows_progress_and_verified(page, qtbot, release, http_server):  # noqa: F811
    http_server.set_faults(release.path("chinese-llama-plus-7b", "adapter_model.bin"), throttle=600_000)
    page.endpoint.setText(http_server.url)
    page.endpoint.editingFinished.emit()
    page.select("chinese-llama-plus-7b")
    _click(qtbot, page.details.download_button)
    job = page.downloads["chinese-llama-plus-7b"]
    assert _state(page, "chinese-llama-plus-7b").startswith("Downloading")
    assert page.details.pause_button.isVisible() and page.details.bar.isVisible()
    seen = []
    job.progress.connect(seen.append)
    # A second download at the same time, from the other row.
    page.select("chinese-alpaca-pro-7b")
    _click(qtbot, page.details.download_button)
    other = page.downloads["chinese-alpaca-pro-7b"]
    assert len(page.downloads) == 2
    with qtbot.waitSignals([job.finished, other.finished], timeout=30000):
        pass
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)
    assert _state(page, "chinese-alpaca-pro-7b") == "✓ Verified"
    page.select("chinese-llama-plus-7b")
    assert seen and seen[-1].unit == "bytes" and seen[-1].done == seen[-1].total > 300_000
    assert _state(page, "chinese-llama-plus-7b") == "✓ Verified"
    assert page.results_box.isVisible()
    marks = page.results.symbols()
    assert marks["adapter_model.bin"] == "✓" and marks["tokenizer.model"] == "✓"
    assert page.details.files.item(1, 2).text() == "✓"
    assert not page.details.download_button.isVisible()
    assert page.details.next_button.text() == "Add LLaMA-7B…"


def test_pause_resumes_and_cancel_discards(page, qtbot, release, http_server):  # noqa: F811
    name = release.path("chinese-alpaca-pro-7b", "adapter_model.bin")
    http_server.set_faults(name, throttle=120_000)
    page.endpoint.setText(http_server.url)
    page.select("chinese-alpaca-pro-7b")
    _click(qtbot, page.details.download_button)
    part = layout.lora_dir(page.context.settings, "chinese-alpaca-pro-7b") / "adapter_model.bin.part"
    qtbot.waitUntil(lambda: part.is_file() and part.stat().st_size > 50_000, timeout=20000)
    job = page.downloads["chinese-alpaca-pro-7b"]
    with qtbot.waitSignal(job.cancelled, timeout=10000):
        _click(qtbot, page.details.pause_button)
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)
    assert part.is_file()
    assert _state(page, "chinese-alpaca-pro-7b") == "Paused (partly downloaded)"
    assert page.details.download_button.text() == "Resume download"
    http_server.set_faults(name)
    _click(qtbot, page.details.download_button)
    with qtbot.waitSignal(page.downloads["chinese-alpaca-pro-7b"].finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)
    assert http_server.ranges_for(name)[-1].startswith("bytes=") and _state(page, "chinese-alpaca-pro-7b") == "✓ Verified"
    # Cancel (not pause) throws the partial download away.
    other = release.path("chinese-llama-plus-7b", "adapter_model.bin")
    http_server.set_faults(other, throttle=60_000)
    page.select("chinese-llama-plus-7b")
    _click(qtbot, page.details.download_button)
    part = layout.lora_dir(page.context.settings, "chinese-llama-plus-7b") / "adapter_model.bin.part"
    qtbot.waitUntil(part.is_file, timeout=20000)
    with qtbot.waitSignal(page.downloads["chinese-llama-plus-7b"].cancelled, timeout=10000):
        _click(qtbot, page.details.cancel_button)
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)
    assert not part.exists() and _state(page, "chinese-llama-plus-7b") in ("Not downloaded", "Paused (partly downloaded)")
    assert not list(layout.lora_dir(page.context.settings, "chinese-llama-plus-7b").glob("*.part"))


def test_corrupt_download_shows_failed_with_reason(page, qtbot, release, http_server):  # noqa: F811
    http_server.set_faults(release.path("chinese-llama-plus-7b", "adapter_model.bin"), corrupt_at=10)
    page.endpoint.setText(http_server.url)
    page.select("chinese-llama-plus-7b")
    _click(qtbot, page.details.download_button)
    failures = []
    page.downloads["chinese-llama-plus-7b"].failed.connect(lambda m, h, d: failures.append(m))
    qtbot.waitUntil(lambda: "chinese-llama-plus-7b" not in page.downloads, timeout=30000)
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)      # the folder re-read after the download
    assert failures and release.sha("chinese-llama-plus-7b", "adapter_model.bin") in failures[0]
    assert _state(page, "chinese-llama-plus-7b") == "✗ Failed"
    assert "mismatch" in page.details.state.text().lower()
    assert page.details.download_button.text() == "Download again"


def _fake_verified_lora(settings, model_id):
    """A LoRA folder as a finished download leaves it (files + the streamed hashes in the cache)."""
    m = catalog_mod.load_catalog().get(model_id)
    folder = layout.lora_dir(settings, model_id)
    folder.mkdir(parents=True)
    for f in m.files:
        (folder / f).write_bytes(f.encode())
        if f in m.sha256:
            HashCache().put(folder / f, m.sha256[f])


def test_next_steps_lead_through_base_merge_quantize_chat(page, qtbot, tmp_path):
    settings = page.context.settings
    _fake_verified_lora(settings, "chinese-alpaca-pro-7b")
    _refresh(page, qtbot)
    page.select("chinese-alpaca-pro-7b")
    assert page.details.next_button.text() == "Download Chinese-LLaMA-Plus-7B (merged first)…"
    _fake_verified_lora(settings, "chinese-llama-plus-7b")
    _refresh(page, qtbot)
    assert page.details.next_button.text() == "Add LLaMA-7B…"
    base = tmp_path / "llama-7b-hf"
    base.mkdir()
    (base / "config.json").write_text(json.dumps({"model_type": "llama", "hidden_size": 4096}))
    (base / "model.safetensors").write_bytes(b"weights")
    with qtbot.waitSignal(page.add_base(str(base)).finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)      # the library re-read after registering
    assert "LLaMA-7B" in page.bases_label.text() and str(base) in page.bases_label.text()
    assert "✓ LLaMA-7B registered" in page.details.needs.text()
    assert page.details.next_button.text() == "Merge with LLaMA-7B…"
    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        _click(qtbot, page.details.next_button)
    assert nav.args == ["merge", {"lora_ids": ["chinese-llama-plus-7b", "chinese-alpaca-pro-7b"],
                                  "base_dir": str(base.resolve())}]
    merged = layout.merged_dir(settings, "chinese-alpaca-pro-7b-hf")
    merged.mkdir(parents=True)
    _refresh(page, qtbot)
    assert _state(page, "chinese-alpaca-pro-7b") == "✓ Merged"
    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        _click(qtbot, page.details.next_button)
    assert nav.args == ["quantize", {"model_dir": str(merged)}]
    # Only the F16 conversion so far: "Converted", and quantizing (from the merged folder) is still next.
    f16 = layout.gguf_dir(settings) / "chinese-alpaca-pro-7b-f16.gguf"
    f16.parent.mkdir(parents=True, exist_ok=True)
    f16.write_bytes(b"GGUF")
    _refresh(page, qtbot)
    assert _state(page, "chinese-alpaca-pro-7b") == "✓ Converted to GGUF (F16)"
    assert "not quantized yet" in page.details.state.text()
    assert page.details.next_button.text() == "Quantize…"
    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        _click(qtbot, page.details.next_button)
    assert nav.args == ["quantize", {"model_dir": str(merged)}]
    gguf = layout.gguf_dir(settings) / "chinese-alpaca-pro-7b-q4_0.gguf"
    gguf.write_bytes(b"GGUF")
    _refresh(page, qtbot)
    assert _state(page, "chinese-alpaca-pro-7b") == "✓ Quantized"
    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        _click(qtbot, page.details.next_button)
    assert nav.args == ["chat", {"model_path": str(gguf)}]


def test_verify_any_folder_shows_ticks_and_crosses(page, qtbot, tmp_path):
    folder = tmp_path / "downloads" / "chinese_alpaca_lora_7b"
    folder.mkdir(parents=True)
    (folder / "adapter_model.bin").write_bytes(b"not the real weights")
    (folder / "README.md").write_text("hi")
    with qtbot.waitSignal(page.verify_paths([folder.parent]).finished, timeout=10000):
        pass
    assert page.results_box.isVisible()
    assert page.results.symbols() == {"adapter_model.bin": "✗", "README.md": "?"}
    expected = catalog_mod.load_catalog().get("chinese-alpaca-7b").sha256["adapter_model.bin"]
    row = next(r for r in range(page.results.rowCount()) if page.results.item(r, 1).text() == "adapter_model.bin")
    assert expected in page.results.item(row, 2).text()
    assert "1 mismatched" in page.results_summary.text()


def _registry(settings) -> list:
    path = layout.base_registry_file(settings)
    return json.loads(path.read_text(encoding="utf-8"))["bases"] if path.exists() else []


def _answer(qtbot, box, text):
    qtbot.waitUntil(box.isVisible)
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_base_with_other_hashes_is_registered_only_when_the_user_accepts(page, qtbot, tmp_path):
    settings = page.context.settings
    folder = tmp_path / "LLaMA" / "7B"
    folder.mkdir(parents=True)
    weights = b"not Meta's weights" * 64
    (folder / "consolidated.00.pth").write_bytes(weights)
    (folder / "params.json").write_text(json.dumps({"dim": 4096, "n_heads": 32, "n_layers": 32}))
    published = catalog_mod.load_catalog().base("7B").consolidated_sha256["consolidated.00.pth"]
    actual = hashlib.sha256(weights).hexdigest()

    with qtbot.waitSignal(page.add_base(str(folder)).finished, timeout=10000):
        pass
    box = page.mismatch_box
    qtbot.waitUntil(box.isVisible)
    assert published in box.informativeText() and actual in box.informativeText()
    _answer(qtbot, box, "Cancel")
    assert _registry(settings) == []

    with qtbot.waitSignal(page.add_base(str(folder)).finished, timeout=10000):
        pass
    _answer(qtbot, page.mismatch_box, "Register anyway")
    qtbot.waitUntil(lambda: "registered anyway" in page.bases_label.text(), timeout=10000)
    [record] = _registry(settings)
    assert record["path"] == str(folder.resolve()) and record["status"] == "mismatch"
    assert record["files"] == {"consolidated.00.pth": "mismatch"}
    assert page.bases_label.objectName() == "warning"
    page.select("chinese-alpaca-pro-7b")
    assert page.details.base_warning.isVisible()
    assert "consolidated.00.pth" in page.details.base_warning.text()
    assert "⚠ LLaMA-7B registered despite other hashes" in page.details.needs.text()
    page.select("chinese-alpaca-pro-13b")          # another base size: no warning
    assert not page.details.base_warning.isVisible()


def test_removing_a_base_forgets_it_and_keeps_its_files(page, qtbot, tmp_path):
    settings = page.context.settings
    assert not page.remove_base_button.isVisible()
    base = tmp_path / "llama-7b-hf"
    base.mkdir()
    (base / "config.json").write_text(json.dumps({"model_type": "llama", "hidden_size": 4096}))
    (base / "model.safetensors").write_bytes(b"weights")
    with qtbot.waitSignal(page.add_base(str(base)).finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)      # the library re-read after registering
    assert [r["path"] for r in _registry(settings)] == [str(base.resolve())]
    assert page.remove_base_button.isVisible()
    [entry] = page.remove_base_menu.actions()
    assert str(base.resolve()) in entry.text()

    entry.trigger()
    assert "not deleted" in page.remove_box.informativeText()
    _answer(qtbot, page.remove_box, "Cancel")
    assert len(_registry(settings)) == 1

    entry.trigger()
    _answer(qtbot, page.remove_box, "Remove")
    assert _registry(settings) == []
    qtbot.waitUntil(lambda: not page.reading, timeout=10000)
    assert (base / "model.safetensors").read_bytes() == b"weights" and (base / "config.json").exists()
    assert "No base LLaMA registered yet" in page.bases_label.text()
    assert not page.remove_base_button.isVisible()
    page.select("chinese-alpaca-pro-7b")
    assert "Not registered yet" in page.details.needs.text()
