"""Issue 15 item 8: engine messages (progress lines, errors) in the UI's language.

The engine stays Qt-free and English for the CLI: ``engine.i18n.tr`` returns a ``str`` that
remembers its template; the GUI translates the template and then fills it in."""
from __future__ import annotations

import pickle

import pytest

from app.gui import i18n
from app.gui.error_dialog import show_error
from app.gui.jobs_panel import JobsPanel
from app.gui.progress_text import describe_progress
from app.gui.worker import JobManager
from engine.errors import UserError
from engine.i18n import Msg, tr
from engine.jobs import Progress
from engine.merge.lora import open_lora
from engine.quantize import quantize
from tests.test_quantize import k_quant_f16  # noqa: F401 - fixture


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def test_engine_text_stays_english_outside_the_gui():
    message = tr("Quantizing to {qtype}", qtype="Q8_0")
    assert message == "Quantizing to Q8_0" and isinstance(message, str)
    assert (message.template, message.args) == ("Quantizing to {qtype}", {"qtype": "Q8_0"})
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Msg) and again.template == message.template and again == message
    assert str(UserError(tr("No LoRA to merge."), tr("Add at least one LoRA folder."))) == \
        "No LoRA to merge. Add at least one LoRA folder."


def test_progress_lines_and_errors_in_chinese_and_korean(chinese, qapp):
    line = describe_progress(Progress(done=3, total=10, unit="tensors",
                                      status=tr("Quantizing to {qtype}", qtype="Q8_0")))
    assert line == "正在量化为 Q8_0  3/10 张量"
    assert i18n.engine_text(tr("Merging tensor {n}/{steps}: {key}", n=2, steps=9, key="q_proj")) == \
        "正在合并张量 2/9：q_proj"
    assert i18n.engine_text("plain text") == "plain text"           # not from the engine: as is
    i18n.install_language("ko_KR")
    assert i18n.engine_text(tr("Quantizing to {qtype}", qtype="Q4_K_M")) == "Q4_K_M(으)로 양자화 중"


def test_a_quantize_job_and_a_merge_error_in_the_chinese_ui(chinese, qtbot, k_quant_f16, tmp_path):  # noqa: F811
    manager = JobManager()
    panel = JobsPanel(manager)
    qtbot.addWidget(panel)
    lines = []
    job = manager.start("Quantize", quantize, k_quant_f16, tmp_path / "q8.gguf", "Q8_0", threads=1)
    job.progress.connect(lambda p: lines.append(describe_progress(p)))
    qtbot.waitUntil(lambda: not job.is_active, timeout=120_000)
    assert (tmp_path / "q8.gguf").is_file()
    assert any(line.startswith("正在量化") for line in lines), lines
    assert panel.row_for(job).detail.text().startswith("已量化")          # the last line: done, in Chinese

    failed = []
    bad = manager.start("Merge", lambda progress, cancel: open_lora(tmp_path / "no-such-lora"))
    bad.failed.connect(lambda message, hint, details: failed.append((message, hint)))
    qtbot.waitUntil(lambda: bool(failed), timeout=30_000)
    message, hint = failed[0]
    assert message == f"LoRA 文件夹 {tmp_path / 'no-such-lora'} 不存在。" and hint == "请检查路径，或先下载该 LoRA。"
    # An error shown straight from a UserError (a page catching it) is translated by the dialog.
    try:
        open_lora(tmp_path / "no-such-lora")
    except UserError as exc:
        box = show_error(None, "合并失败", exc.message, exc.hint)
    qtbot.addWidget(box)
    assert box.text().startswith("LoRA 文件夹") and box.informativeText() == "请检查路径，或先下载该 LoRA。"
    manager.shutdown()


def test_evaluate_errors_progress_and_verification_in_the_chinese_ui(chinese, qtbot, tmp_path):
    """C-Eval errors and progress lines (Evaluate page), verification results and the
    operating-system sentences are Chinese in the zh_CN UI; the CLI text stays English."""
    import errno

    from app.gui.models.verify_results import VerifyResults
    from engine.errors import user_error_from_os
    from engine.eval.data import check_data_dir
    from engine.verify import UNKNOWN, FileVerdict, verify_paths

    manager = JobManager()
    failed = []
    missing = tmp_path / "ceval-exam"
    job = manager.start("C-Eval", lambda progress, cancel: check_data_dir(missing, "val", [], need_dev=False))
    job.failed.connect(lambda message, hint, details: failed.append((message, hint)))
    qtbot.waitUntil(lambda: bool(failed), timeout=30_000)
    message, hint = failed[0]
    assert message == f"找不到 C-Eval 数据文件夹：{missing}。" and hint.startswith("请下载 ceval-exam.zip"), failed
    with pytest.raises(UserError) as exc:                       # the CLI: English, as before
        check_data_dir(missing, "val", [], need_dev=False)
    assert str(exc.value.message) == f"C-Eval data folder not found: {missing}."
    line = describe_progress(Progress(done=3, total=10, unit="questions", status=tr("Evaluating")))
    assert line.startswith("正在评测  3/10"), line
    assert i18n.engine_text(tr("Comparing tokenizers")) == "正在比较分词器"     # Quantize page check

    # A verification run: its progress line, and the verdict in the results table.
    lines = []
    (tmp_path / "weights.bin").write_bytes(b"not a published file")
    job = manager.start("Verify", verify_paths, [str(tmp_path / "weights.bin")], use_cache=False)
    job.progress.connect(lambda p: lines.append(describe_progress(p)))
    verdicts = []
    job.finished.connect(verdicts.append)
    qtbot.waitUntil(lambda: bool(verdicts), timeout=30_000)
    assert any(line.startswith("已校验 weights.bin") or line.startswith("正在校验") for line in lines), lines
    table = VerifyResults()
    qtbot.addWidget(table)
    table.show_verdicts(verdicts[0])
    assert verdicts[0][0].status == UNKNOWN and table.item(0, 2).text().startswith("无公布的哈希值")
    assert isinstance(verdicts[0][0], FileVerdict)

    # Operating-system errors and the model host, translated piece by piece.
    err = user_error_from_os(OSError(errno.EROFS, "Read-only file system"), tmp_path / "out",
                             tr("write the merged model to"))
    assert str(err).startswith(f"Cannot write the merged model to {tmp_path / 'out'}: the disk it is on is read-only.")
    assert i18n.engine_text(err.message) == f"无法将合并后的模型写入 {tmp_path / 'out'}：所在磁盘为只读。"
    assert i18n.engine_text(err.hint).startswith("请选择可写磁盘上的文件夹")
    from engine.host.host import ModelHost
    host = ModelHost()
    try:
        with pytest.raises(UserError) as exc:
            host._require()
        assert i18n.engine_text(exc.value.message) == "尚未加载模型。"
    finally:
        host.shutdown()
    manager.shutdown()
