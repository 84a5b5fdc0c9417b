"""Fault and bad-input pass (issue 10): each case as a new user would meet it, with the fault injected.

One line for the user (the file or field named, the fix), the traceback only in the log file,
nothing half-written left under a real name. Settings faults: tests/test_faults_settings.py;
refusals of damaged inputs: tests/test_faults_refusals.py.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli import main as cli_main
from engine.atomic import atomic_dir, remove_stale_partials, stale_partials
from engine.errors import UserError, user_error_from_os
from engine.logs import LOG_FILE_NAME

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def work(tmp_path) -> Path:
    """Where outputs go (tmp_path also holds the isolated user folder)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def _run(code: str, *args: str, home: Path, stdin=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, ALPACA_STUDIO_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, *(["-c", code] if code else []), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, input=stdin, timeout=300)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# ------------------------------------------------------------------ 2. tracebacks stay in the log file
def test_unexpected_error_is_one_line_and_the_traceback_is_in_the_log(isolated_home):
    code = textwrap.dedent("""
        import logging, sys
        import main
        import app.cli.commands.catalog as catalog

        def boom(args):
            logging.getLogger("engine.something").warning("a warning for the log file")
            raise ZeroDivisionError("forced for the test")

        catalog.run = boom
        sys.exit(main.main(["catalog"]))
    """)
    proc = _run(code, home=isolated_home)
    assert proc.returncode == 1
    log_file = isolated_home / "log" / LOG_FILE_NAME
    assert _lines(proc.stderr) == [f"error: ZeroDivisionError: forced for the test (details in {log_file})"]
    assert proc.stdout == ""
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "ZeroDivisionError: forced for the test" in log
    assert "a warning for the log file" in log


def test_settings_warning_is_printed_once(isolated_home):
    (isolated_home / "config").mkdir(parents=True)
    (isolated_home / "config" / "settings.json").write_text('{"use_gpu": "yes", "language": "zh_CN"}')
    proc = _run("", "main.py", "settings", "--json", home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["language"] == "zh_CN"
    [line] = _lines(proc.stderr)
    assert line.startswith("warning: ") and "use_gpu" in line


# ------------------------------------------------------------------ 7. operating-system errors in words
@pytest.mark.parametrize("code,words", [
    (errno.EACCES, "permission denied"), (errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full"),
    (errno.EEXIST, "already exists"), (errno.ENOTDIR, "is a file, not a folder"),
    (errno.ENOENT, "does not exist"), (errno.ENAMETOOLONG, "name is too long"), (errno.EDQUOT, "quota"),
])
def test_os_errors_become_one_sentence_with_the_path_and_a_fix(code, words, work):
    target = work / "out" / "model.gguf"
    err = user_error_from_os(OSError(code, os.strerror(code), str(target)))
    assert isinstance(err, UserError)
    assert str(target) in err.message and words in err.message
    assert err.hint and "\n" not in str(err) and "Errno" not in str(err)
    with_action = user_error_from_os(OSError(code, os.strerror(code)), target, "write the GGUF file to")
    assert with_action.message.startswith(f"Cannot write the GGUF file to {target}: ")


def test_our_temporary_names_are_shown_as_the_output_they_stand_for(work):
    inside = work / ".merged.k2j3h4g5.partial" / "model-00001-of-00002.safetensors"
    err = user_error_from_os(OSError(errno.ENOSPC, "No space left on device", str(inside)))
    assert err.message.startswith(f"{work / 'merged'}: the disk is full")
    err = user_error_from_os(OSError(errno.EROFS, "Read-only file system", str(work / ".m.gguf.partial")))
    assert err.message.startswith(f"{work / 'm.gguf'}: ")


def test_a_very_long_path_is_shortened_not_a_traceback(work):
    long = work / ("x" * 300)
    err = user_error_from_os(OSError(errno.ENAMETOOLONG, "File name too long", str(long)))
    assert "…" in err.message and len(err.message) < 260


def _impossible_outputs(work: Path) -> dict:
    a_file = work / "a-file"
    a_file.write_text("not a folder")
    cases = {"file-in-the-way": (a_file / "out", "is a file"),
             "name-too-long": (work / ("n" * 300), "too long")}
    if sys.platform.startswith("linux"):
        cases["proc"] = (Path("/proc/alpaca-out/sub"), "does not exist")
    return cases


@pytest.mark.parametrize("case", ["file-in-the-way", "name-too-long", "proc"])
def test_merge_to_an_impossible_output_is_one_line(case, tiny_llama_dir, tiny_lora_dir, work, capsys):
    cases = _impossible_outputs(work)
    if case not in cases:
        pytest.skip("Linux only")
    out, words = cases[case]
    before = sorted(work.iterdir())
    rc = cli_main(["merge", "--base", str(tiny_llama_dir), "--lora", str(tiny_lora_dir), "--out", str(out),
                   "--quiet"])
    err = capsys.readouterr().err
    assert rc == 1
    [line] = _lines(err)
    assert line.startswith("error: ") and words in line and "Errno" not in line
    assert str(out)[:40] in line
    assert sorted(work.iterdir()) == before          # nothing written


@pytest.mark.parametrize("case", ["file-in-the-way", "name-too-long", "proc"])
def test_convert_to_an_impossible_output_is_one_line(case, tiny_llama_dir, work, capsys):
    cases = _impossible_outputs(work)
    if case not in cases:
        pytest.skip("Linux only")
    out, words = cases[case]
    before = sorted(work.iterdir())
    rc = cli_main(["convert", "--model", str(tiny_llama_dir), "--out", str(out / "m.gguf") if case != "name-too-long"
                   else str(out) + ".gguf", "--no-verify", "--quiet"])
    err = capsys.readouterr().err
    assert rc == 1
    [line] = _lines(err)
    assert line.startswith("error: ") and "Errno" not in line and "Traceback" not in err
    assert words in line
    assert sorted(work.iterdir()) == before


@pytest.mark.parametrize("case", ["file-in-the-way", "name-too-long", "proc"])
def test_quantize_to_an_impossible_output_is_one_line(case, f16_gguf, work, capsys):
    cases = _impossible_outputs(work)
    if case not in cases:
        pytest.skip("Linux only")
    out, words = cases[case]
    before = sorted(work.iterdir())
    target = str(out / "m.gguf") if case != "name-too-long" else str(out) + ".gguf"
    assert cli_main(["quantize", "--in", str(f16_gguf), "--out", target, "--type", "Q8_0", "--quiet"]) == 1
    [line] = _lines(capsys.readouterr().err)
    assert line.startswith("error: ") and words in line and "Errno" not in line and target[:30] in line
    assert sorted(work.iterdir()) == before


@pytest.mark.parametrize("case", ["file-in-the-way", "proc"])
def test_download_to_an_impossible_folder_is_one_line(case, work, capsys, http_server):
    cases = _impossible_outputs(work)
    if case not in cases:
        pytest.skip("Linux only")
    dest, words = cases[case]
    rc = cli_main(["download", "--url", http_server.url + "/x.bin", "--sha256", "0" * 64, "--dest", str(dest)])
    err = capsys.readouterr().err
    assert rc == 1
    [line] = _lines(err)
    assert line.startswith("error: ") and "Errno" not in line and words in line


def test_merge_that_hits_a_full_or_read_only_disk_midway_leaves_nothing(tiny_llama_dir, tiny_lora_dir, work,
                                                                        capsys, monkeypatch):
    from engine.merge import writer

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(self.out / "model.safetensors"))

    monkeypatch.setattr(writer.HFWriter, "write", full)
    out = work / "merged"
    rc = cli_main(["merge", "--base", str(tiny_llama_dir), "--lora", str(tiny_lora_dir), "--out", str(out),
                   "--quiet"])
    [line] = _lines(capsys.readouterr().err)
    assert rc == 1 and "the disk is full" in line and "Errno" not in line
    assert list(work.iterdir()) == []                # no output, no partial folder, no lock


def test_gui_job_failing_with_an_os_error_shows_one_readable_line(qtbot, work):
    from app.gui.worker import JobManager

    def write(*, progress, cancel):
        raise OSError(errno.EROFS, "Read-only file system", str(work / "out.gguf"))

    jobs = JobManager()
    try:
        job = jobs.start("Write", write)
        with qtbot.waitSignal(job.failed, timeout=10000) as blocker:
            pass
    finally:
        jobs.shutdown()
    message, hint, details = blocker.args
    assert message == f"{work / 'out.gguf'}: the disk it is on is read-only."
    assert "writable disk" in hint and "Traceback" in details


# ------------------------------------------------------------------ 4. partial output of a killed merge
KILLED_WRITER = """
import os, sys
from engine.atomic import atomic_dir
with atomic_dir(sys.argv[1]) as tmp:
    (tmp / "model-00001-of-00002.safetensors").write_bytes(b"x" * 300000)
    os.kill(os.getpid(), 9)
"""

RUNNING_WRITER = """
import sys
from engine.atomic import atomic_dir
with atomic_dir(sys.argv[1]) as tmp:
    (tmp / "part").write_bytes(b"y" * 1000)
    print("writing", flush=True)
    sys.stdin.readline()
"""


def _kill_a_writer(out: Path, home: Path) -> Path:
    proc = _run(KILLED_WRITER, str(out), home=home)
    assert proc.returncode == -9
    [partial] = [p for p in out.parent.iterdir() if p.name.endswith(".partial")]
    return partial


def test_killed_merge_leaves_a_partial_that_the_next_merge_removes(tiny_llama_dir, tiny_lora_dir, work,
                                                                   isolated_home, capsys):
    out = work / "merged"
    partial = _kill_a_writer(out, isolated_home)
    assert not out.exists() and [x.path for x in stale_partials(out)] == [partial]
    # A dry run shows it and removes nothing.
    assert cli_main(["merge", "--base", str(tiny_llama_dir), "--lora", str(tiny_lora_dir), "--out", str(out),
                     "--dry-run"]) == 0
    assert "Partial output of an earlier merge that was stopped: " + partial.name in capsys.readouterr().out
    assert partial.exists()
    # The next real merge into the same folder removes it and says how much space it freed.
    assert cli_main(["merge", "--base", str(tiny_llama_dir), "--lora", str(tiny_lora_dir), "--out", str(out),
                     "--quiet"]) == 0
    said = capsys.readouterr().out
    assert f"removed the partial output of an earlier stopped merge: {partial.name} (293.0 KB)" in said
    assert sorted(p.name for p in work.iterdir()) == ["merged"]      # partial and lock file gone
    assert (out / "config.json").exists()


def test_partial_of_a_merge_running_in_another_process_is_never_removed(work, isolated_home):
    out = work / "merged"
    env = dict(os.environ, ALPACA_STUDIO_HOME=str(isolated_home), PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", RUNNING_WRITER, str(out)], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        [partial] = [p for p in work.iterdir() if p.name.endswith(".partial")]
        assert stale_partials(out) == [] and remove_stale_partials(out) == []
        assert (partial / "part").read_bytes() == b"y" * 1000
    finally:
        child.communicate("done\n", timeout=60)
    assert child.returncode == 0 and (out / "part").exists()
    assert sorted(p.name for p in work.iterdir()) == ["merged"]


def test_partial_being_written_in_this_process_is_never_removed(work):
    out = work / "merged"
    with atomic_dir(out) as tmp:
        (tmp / "a").write_text("half")
        assert stale_partials(out) == [] and remove_stale_partials(out) == []
        assert tmp.exists()
    assert (out / "a").read_text() == "half"


def test_partials_of_other_outputs_are_left_alone(work, isolated_home):
    partial = _kill_a_writer(work / "other", isolated_home)
    assert stale_partials(work / "merged") == []
    assert remove_stale_partials(work / "merged") == [] and partial.exists()


def test_merge_page_offers_to_remove_a_stale_partial(qtbot, tiny_llama_dir, tiny_lora_dir, work, isolated_home):
    from app.gui.context import AppContext
    from app.gui.pages.merge_page import MergePage
    from engine.settings import SettingsStore

    out = work / "merged"
    partial = _kill_a_writer(out, isolated_home)
    context = AppContext(SettingsStore())
    page = MergePage(context)
    qtbot.addWidget(page)
    try:
        page.open_with(lora_dirs=[str(tiny_lora_dir)], base_dir=str(tiny_llama_dir))
        page.out_edit.setText(str(out))
        page.refresh_plan()
        qtbot.waitUntil(lambda: "partial files" in page.plan_label.text(), timeout=30000)
        assert "293.0 KB" in page.plan_label.text() and 'href="remove-partials"' in page.plan_label.text()
        page.plan_label.linkActivated.emit("remove-partials")
        qtbot.waitUntil(lambda: not partial.exists(), timeout=30000)
        qtbot.waitUntil(lambda: "partial files" not in page.plan_label.text() and page.merge_button.isEnabled(),
                        timeout=30000)
        assert sorted(p.name for p in work.iterdir()) == []
    finally:
        context.jobs.shutdown()
        if page.preview_job is not None:
            page.preview_job.wait()


# ------------------------------------------------------------------ 8. quantize --quiet prints one line
@pytest.fixture(scope="module")
def f16_gguf(models, tmp_path_factory):
    from engine.gguf_convert import convert

    out = tmp_path_factory.mktemp("faults-q") / "kq-f16.gguf"
    convert(models.llama(hidden=256, intermediate=512, heads=4, layers=2), out)
    return out


def test_quantize_quiet_prints_only_the_result(f16_gguf, work, isolated_home):
    out = work / "kq-q4_k_m.gguf"
    proc = _run("", "main.py", "quantize", "--in", str(f16_gguf), "--out", str(out), "--type", "Q4_K_M",
                "--quiet", home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert _lines(proc.stdout) == [_lines(proc.stdout)[0]] and proc.stdout.startswith(f"Wrote {out.name} (Q4_K_M)")
    # llama.cpp's own lines went to the log file instead.
    assert "llama.cpp quantize:" in (isolated_home / "log" / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_llama_cpp_log_goes_to_the_log_file_not_the_terminal(f16_gguf, isolated_home):
    code = textwrap.dedent(f"""
        from engine.logs import route_llama_cpp_log, setup_logging
        setup_logging()
        route_llama_cpp_log()
        import llama_cpp
        params = llama_cpp.llama_model_default_params()
        model = llama_cpp.llama_model_load_from_file({str(f16_gguf)!r}.encode(), params)
        print("loaded" if model else "failed")
        llama_cpp.llama_model_free(model)
    """)
    proc = _run(code, home=isolated_home)
    assert proc.returncode == 0 and proc.stdout.strip() == "loaded"
    assert "llama_model_loader" not in proc.stderr and "llama_model_loader" not in proc.stdout
