"""The Server page on the app's shared model host: a model loaded from the page, start,
a real request from the openai client appears in the log and the counters, stop."""
from __future__ import annotations

import socket

import openai
import pytest
from PySide6.QtCore import Qt

from app.gui.context import AppContext
from app.gui.pages.server_page import ServerPage
from engine.settings import SettingsStore

TIMEOUT = 120_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    p = ServerPage(context)
    qtbot.addWidget(p)
    p.resize(1000, 760)
    p.show()
    qtbot.waitExposed(p)
    yield p
    if p.server is not None:
        p.stop()
        qtbot.waitUntil(lambda: p.server is None, timeout=TIMEOUT)
    context.jobs.shutdown()


@pytest.fixture(scope="module")
def alpaca_dir(models):
    return models.llama(tokenizer="chinese_alpaca")


def test_start_request_log_stop(page, qtbot, alpaca_dir):
    v = page.view
    assert "No model" in v.model_label.text()
    page.load_model(str(alpaca_dir))                       # "Load another…" into the shared host
    qtbot.waitUntil(lambda: page.context.host.info is not None and page.load_call is None, timeout=TIMEOUT)
    assert alpaca_dir.name in v.model_label.text()
    port = free_port()
    v.port.setValue(port)
    qtbot.mouseClick(v.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server is not None and page.server.started.is_set(), timeout=TIMEOUT)
    url = f"http://127.0.0.1:{port}/v1"
    assert v.url.text() == url and url in v.status.text()
    assert not v.start_button.isEnabled() and v.stop_button.isEnabled() and not v.port.isEnabled()
    model = page.context.host.info.path.name
    assert f'model="{model}"' in v.python_snippet.toPlainText() and url in v.curl_snippet.toPlainText()

    client = openai.OpenAI(base_url=url, api_key="unused", max_retries=0, timeout=60)
    reply = client.chat.completions.create(model=model, messages=[{"role": "user", "content": "你好"}],
                                           max_tokens=3, temperature=0)
    assert reply.usage.completion_tokens == 3
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "x"}])
    qtbot.waitUntil(lambda: v.log.rowCount() == 2, timeout=TIMEOUT)
    rows = [[v.log.item(r, c).text() for c in range(5)] for r in range(2)]
    assert rows[1][1:4] == ["POST /v1/chat/completions", "200",
                            f"{reply.usage.prompt_tokens} + {reply.usage.completion_tokens}"]
    assert rows[0][1:3] == ["POST /v1/chat/completions", "404"]
    qtbot.waitUntil(lambda: v.count_requests.text() == "2", timeout=TIMEOUT)
    assert v.count_errors.text() == "1" and v.count_tokens.text() == "3"
    # A Chat-side request and a server request share the one host: both are answered, in turn.
    from engine.chat.presets import GenerationSettings
    chat_side = page.context.host.generate("### Instruction:\n你好\n\n### Response: ",
                                           GenerationSettings(max_new_tokens=3, temperature=0))
    again = client.completions.create(model=model, prompt="你好", max_tokens=3, temperature=0)
    text, stats = chat_side.result(60)
    assert stats.generated_tokens == 3 and again.usage.completion_tokens == 3
    qtbot.waitUntil(lambda: v.count_requests.text() == "3", timeout=TIMEOUT)
    # remembered for next time
    assert page.context.store.ui_value("server.port", 0) == port

    qtbot.mouseClick(v.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server is None, timeout=TIMEOUT)
    assert v.start_button.isEnabled() and v.status.text() == "Stopped"
    with pytest.raises(openai.APIConnectionError):
        client.models.list()
    with socket.socket() as s:                              # nobody listens there any more
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))


def test_other_address_needs_a_key(page):
    v = page.view
    v.address.setCurrentText("0.0.0.0")
    assert not v.start_button.isEnabled() and "API key" in v.notice.text()
    v.generate_key.click()
    key = v.api_key.text()
    assert len(key) >= 32 and v.start_button.isEnabled()
    assert f"Bearer {key}" in v.curl_snippet.toPlainText() and f'api_key="{key}"' in v.python_snippet.toPlainText()
    v.address.setCurrentText("127.0.0.1")
