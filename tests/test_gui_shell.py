"""The window, the settings page, and the jobs panel driven as a user would."""

import pytest
from PySide6.QtCore import Qt


from app.gui.application import create_window
from app.gui.worker import JobState
from engine.hashing import sha256_file
from engine.settings import SettingsStore
from tests.factory import main_window


@pytest.fixture
def window(qtbot):
    with main_window(qtbot) as win:
        yield win


def _sidebar_ids(win):
    return [win.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(win.sidebar.count())]


def test_window_has_pages_and_navigates_with_shortcuts(window, qtbot):
    ids = _sidebar_ids(window)
    assert "settings" in ids
    assert window.stack.count() == len(ids) == window.sidebar.count()
    index = ids.index("settings")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["settings"]


def test_settings_page_saves_and_survives_restart(window, qtbot, tmp_path):
    page = window.pages["settings"]
    window.show_page("settings")
    page.source.setCurrentIndex(page.source.findData("modelscope"))
    page.threads.setValue(3)
    page.use_gpu.click()
    page.models_dir.setText(str(tmp_path / "big-disk"))
    page.models_dir.editingFinished.emit()
    page.language.setCurrentIndex(page.language.findData("ko_KR"))
    assert "next time" in page.language_note.text()
    assert page.saved_label.text() == "Saved."
    reloaded = SettingsStore().settings
    assert reloaded.download_source == "modelscope"
    assert reloaded.cpu_threads == 3
    assert reloaded.use_gpu is False
    assert reloaded.models_dir == str(tmp_path / "big-disk")
    assert reloaded.language == "ko_KR"
    page.restore_defaults()
    assert SettingsStore().settings.download_source == "hf"


def test_window_geometry_is_remembered(qtbot):
    win = create_window(SettingsStore())
    qtbot.addWidget(win)
    win.resize(720, 520)
    win.show()
    qtbot.waitExposed(win)
    win.show_page("settings")
    first_size = (win.width(), win.height())
    assert first_size != (1180, 780)          # not the default size
    win.close()
    again = create_window(SettingsStore())
    qtbot.addWidget(again)
    # Height only: Qt clamps a restored width to the (800 px) offscreen screen.
    assert again.height() == first_size[1]
    assert SettingsStore().ui_value("window_geometry")
    assert again.stack.currentWidget() is again.pages["settings"]
    again.log_view.detach()


def test_jobs_panel_shows_progress_and_cancels_a_real_job(window, qtbot, tmp_path):
    big = tmp_path / "sparse.bin"
    with open(big, "wb") as f:
        f.truncate(4 * 1024 ** 3)      # 4 GB sparse: takes seconds to hash, nothing on disk
    job = window.context.jobs.start("Hash sparse.bin", sha256_file, big, chunk_size=1 << 20)
    row = window.jobs_panel.row_for(job)
    with qtbot.waitSignal(job.progress, timeout=10000):
        pass
    qtbot.waitUntil(lambda: job.last_progress.done > 0, timeout=10000)
    assert "Hashing sparse.bin" in row.detail.text()
    assert "job(s) running" in window.status_jobs.text()
    # The UI thread is free while the job runs: a click on the sidebar is handled at once.
    window.show_page("settings")
    assert window.stack.currentWidget() is window.pages["settings"]
    with qtbot.waitSignal(job.cancelled, timeout=20000):
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    assert job.state == JobState.CANCELLED
    assert row.state.text() == "Cancelled"
    assert not row.cancel_button.isVisible()
    assert window.status_jobs.text() == "Ready"
    window.jobs_panel.clear_finished()
    assert window.jobs_panel.rows == [] and window.jobs_panel.empty.isVisible()


def test_failed_job_shows_a_readable_error_with_copyable_details(window, qtbot, tmp_path):
    job = window.context.jobs.start("Hash missing file", sha256_file, tmp_path / "missing.bin")
    with qtbot.waitSignal(job.failed, timeout=10000) as blocker:
        pass
    message, hint, details = blocker.args
    assert message.startswith("File not found")
    assert "download the file again" in hint
    assert "Traceback" in details
    qtbot.waitUntil(lambda: len(window.error_boxes) == 1)
    box = window.error_boxes[0]
    assert box.isVisible()
    assert box.text() == message and box.informativeText() == hint
    assert "Hash missing file failed" in box.windowTitle()
    copy = next(b for b in box.buttons() if b.text() == "Copy details")
    copy.click()
    from PySide6.QtWidgets import QApplication
    assert message in QApplication.clipboard().text()
    assert window.jobs_panel.row_for(job).state.text() == "Failed"
    box.close()


def test_job_log_lines_reach_the_job_and_the_log_view(window, qtbot):
    import logging

    def noisy(*, progress, cancel):
        logging.getLogger("engine.test").info("step one of a noisy job")
        progress.update(1, 1, status="done")
        return 42

    job = window.context.jobs.start("Noisy", noisy)
    with qtbot.waitSignal(job.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == [42]
    qtbot.waitUntil(lambda: "step one of a noisy job" in window.log_view.text.toPlainText())


def test_an_ended_job_releases_its_listeners(window, qtbot):
    """Slots capturing a page must not outlive the job (cycles freed on worker threads crash Qt)."""
    import weakref

    class Listener:
        def __init__(self):
            self.results = []

    listener = Listener()
    ref = weakref.ref(listener)

    def work(*, progress, cancel):
        return "ok"

    job = window.context.jobs.start("Quick", work)
    job.finished.connect(lambda result, keep=listener: keep.results.append(result))
    with qtbot.waitSignal(job.state_changed, timeout=10000, check_params_cb=lambda s: s == "done"):
        pass
    assert listener.results == ["ok"]
    del listener
    assert ref() is None          # freed by reference counting, no cycle left behind
    assert window.jobs_panel.row_for(job).state.text() == "Done"


def test_garbage_is_collected_only_on_the_ui_thread(window, qtbot):
    import gc
    import threading

    from app.gui import gc_guard

    assert not gc.isenabled()           # no collection triggered by a worker's allocations
    seen = []

    class Cycle:
        def __init__(self):
            self.me = self

        def __del__(self):
            seen.append(threading.current_thread() is threading.main_thread())

    def churn(*, progress, cancel):
        for _ in range(20000):
            Cycle()                      # garbage that only the collector can free
        return "done"

    job = window.context.jobs.start("Churn", churn)
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: len(seen) > 0, timeout=5000)
    gc.collect()
    assert seen and all(seen)            # every cycle freed on the UI thread
    assert gc_guard._guard.timer.isActive()


def test_settings_page_reports_gpu_support_without_listing_a_job(window, qtbot):
    from engine.gpu import detect_gpus

    page = window.pages["settings"]
    window.show_page("settings")
    qtbot.waitUntil(lambda: not page.gpu_report.text().startswith("Checking"), timeout=60000)
    expected = detect_gpus().describe()
    assert expected in page.gpu_report.text()
    assert "llama.cpp:" in expected and "PyTorch:" in expected
    assert all(row.job.title != "Detect GPU" for row in window.jobs_panel.rows)   # housekeeping stays out of the panel


def test_shutdown_waits_for_a_running_job_without_the_event_loop(qapp):
    """Closing the window blocks the UI thread in shutdown(); a running job must still end."""
    import time as _time

    from app.gui.worker import JobManager, JobState

    manager = JobManager()
    started = []

    def slow(*, progress, cancel):
        started.append(True)
        while not cancel.cancelled:
            _time.sleep(0.01)
        cancel.check()

    job = manager.start("Slow", slow)
    quiet = manager.run_quietly("Quiet", lambda *, progress, cancel: sum(range(100000)))
    while not started:
        _time.sleep(0.01)
    manager.shutdown(timeout_ms=20000)          # no event loop runs during this call
    assert job._thread.isFinished() and quiet._thread.isFinished()
    qapp.processEvents()
    assert job.state == JobState.CANCELLED and quiet.state == JobState.DONE
