"""The FastAPI app: OpenAI routes over the model host.

Each request becomes one ``host.run`` request; pieces generated on the host thread are
handed to the event loop with ``loop.call_soon_threadsafe``.  A full host queue is a 429
at once, a client that leaves mid-stream cancels its host request, every error is an
OpenAI error object and the server keeps answering.
"""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import secrets
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..chat.messages import Turn
from ..errors import UserError
from ..host import HostBusy, HostClosed, ModelHost
from .config import ServeConfig
from .generation import Outcome, Sampling, chat_job, completion_job, embed_job
from .records import RequestRecord, ServerCounters
from .schemas import ChatCompletionRequest, CompletionRequest, EmbeddingRequest

log = logging.getLogger(__name__)
RECORD_KEY = "alpaca_studio.record"     # the request's log line, kept in the ASGI scope
_END = object()


class ApiError(Exception):
    def __init__(self, status: int, message: str, type_: str = "invalid_request_error",
                 param: Optional[str] = None, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.param, self.code = status, message, type_, param, code


def error_body(message: str, type_: str, param: Optional[str] = None, code: Optional[str] = None) -> dict:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def _error_response(err: ApiError) -> JSONResponse:
    return JSONResponse(error_body(err.message, err.type, err.param, err.code), status_code=err.status)


def model_id(info) -> str:
    """The name clients put in ``model``: the file or folder name, plus the LoRA's."""
    path = Path(info.path)
    name = path.stem if path.suffix.lower() == ".gguf" else path.name
    return name + (f"+{Path(info.lora).name}" if info.lora else "")


class ServerState:
    """What the routes share: the host, the config, counters, the request log listener."""

    def __init__(self, host: ModelHost, config: ServeConfig,
                 on_record: Optional[Callable[[RequestRecord], None]] = None) -> None:
        self.host, self.config, self.on_record = host, config, on_record
        self.counters = ServerCounters()
        self._inflight: set = set()
        self._lock = threading.Lock()

    def track(self, req) -> None:
        with self._lock:
            self._inflight.add(req)
        req.add_done_callback(self._untrack)

    def _untrack(self, req) -> None:
        with self._lock:
            self._inflight.discard(req)

    def cancel_all(self) -> None:
        """Stop every generation this server queued (the server is stopping)."""
        with self._lock:
            reqs = list(self._inflight)
        for r in reqs:
            r.cancel()

    def emit(self, record: RequestRecord) -> None:
        self.counters.end(record)
        log.info("%s %s -> %s (%d+%d tokens, %.2f s) %s", record.method, record.path, record.status,
                 record.prompt_tokens, record.completion_tokens, record.duration, record.note)
        if self.on_record is not None:
            try:
                self.on_record(record)
            except Exception:  # noqa: BLE001 - a listener's bug must not break the server
                log.exception("request log listener failed")


class _Gate:
    """Pure ASGI middleware: the API key check (before the body is read) and the request log."""

    def __init__(self, app, state: ServerState) -> None:
        self.app, self.state = app, state
        key = state.config.api_key
        self._expected = f"Bearer {key}".encode() if key else None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record = RequestRecord(started=time.time(), method=scope["method"], path=scope["path"])
        scope[RECORD_KEY] = record
        t0 = time.perf_counter()
        self.state.counters.begin()

        async def send_logged(message) -> None:
            if message["type"] == "http.response.start":
                record.status = message["status"]
            await send(message)

        try:
            if self._expected is not None and not self._authorized(scope):
                response = JSONResponse(error_body("Incorrect API key provided. Send it as 'Authorization: "
                                                   "Bearer KEY'.", "invalid_request_error", None,
                                                   "invalid_api_key"), status_code=401)
                await response(scope, receive, send_logged)
            else:
                await self.app(scope, receive, send_logged)
        except BaseException:
            record.status = record.status or 500
            raise
        finally:
            record.duration = time.perf_counter() - t0
            self.state.emit(record)

    def _authorized(self, scope) -> bool:
        for name, value in scope.get("headers", ()):
            if name == b"authorization":
                return secrets.compare_digest(value.strip(), self._expected)
        return False


def _validation_error(exc: RequestValidationError) -> ApiError:
    errors = exc.errors()
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        return ApiError(400, "The request body is not valid JSON: " + str(first.get("ctx", {}).get("error", "")).strip(),
                        code="invalid_json")
    loc = [str(p) for p in first.get("loc", ()) if p != "body"]
    param = ".".join(loc) or None
    message = first.get("msg", "Invalid request")
    if param:
        message = f"{param}: {message}"
    return ApiError(400, message, param=param, code="invalid_value" if param else "invalid_body")


def create_app(host: ModelHost, config: ServeConfig, *, state: Optional[ServerState] = None,
               on_record: Optional[Callable[[RequestRecord], None]] = None):
    """The ASGI app: FastAPI with the OpenAI routes, wrapped in the key check and request log."""
    state = state or ServerState(host, config, on_record)
    app = FastAPI(title="Alpaca Studio", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.server = state

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return _error_response(_validation_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code)
        return _error_response(ApiError(exc.status_code, f"{request.method} {request.url.path}: {exc.detail}",
                                        code=code))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error in %s", request.url.path)
        return _error_response(ApiError(500, f"Internal error: {type(exc).__name__}: {exc}", "server_error"))

    def loaded(requested: Optional[str]) -> str:
        info = host.info
        if info is None or info.facts is None:
            raise ApiError(503, "No model is loaded.", "server_error", code="model_not_loaded")
        name = model_id(info)
        if requested is not None and requested not in (name, info.display_name, Path(info.path).name):
            raise ApiError(404, f"The model '{requested}' does not exist; this server serves '{name}'.",
                           param="model", code="model_not_found")
        return name

    def submit(fn, name: str, record: RequestRecord):
        record.queued = time.time()
        try:
            req = host.run(fn, name=name)
        except HostBusy as exc:
            raise ApiError(429, f"{exc.message} {exc.hint}", "rate_limit_error", code="rate_limit_exceeded")
        except HostClosed as exc:
            raise ApiError(503, exc.message, "server_error", code="server_stopping")
        state.track(req)
        return req

    @app.get("/v1/models")
    async def list_models():
        info = host.info
        data = []
        if info is not None and info.facts is not None:
            data.append({"id": model_id(info), "object": "model", "created": int(info.path.stat().st_mtime)
                         if info.path.exists() else 0, "owned_by": "alpaca-studio"})
        return {"object": "list", "data": data}

    @app.get("/v1/models/{name:path}")
    async def get_model(name: str):
        model = loaded(name)
        return {"id": model, "object": "model", "created": 0, "owned_by": "alpaca-studio"}

    @app.post("/v1/chat/completions")
    async def chat_completions(body: ChatCompletionRequest, request: Request):
        model = loaded(body.model)
        sampling = _sampling(body)
        try:
            turns = [Turn("system" if m.role == "developer" else m.role, m.text()) for m in body.messages]
        except ValueError as exc:
            raise ApiError(400, str(exc), param="messages", code="invalid_value")
        if not any(t.role != "system" for t in turns):
            raise ApiError(400, "messages: at least one user message is needed.", param="messages")
        ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        record = request.scope[RECORD_KEY]
        if body.stream:
            pieces = _Pieces(asyncio.get_running_loop(), strip_leading=True)
            req = submit(chat_job(turns, config.template, sampling, pieces.put), "serve:chat", record)
            req.add_done_callback(pieces.close)

            def chunk(delta: dict, finish: Optional[str] = None, usage: Optional[dict] = None) -> dict:
                out = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model,
                       "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                if usage is not None:
                    out["usage"] = usage
                return out

            async def events():
                yield _sse(chunk({"role": "assistant", "content": ""}))
                async for piece in pieces.stream():
                    yield _sse(chunk({"content": piece}))
                outcome = await _outcome(req, record)
                usage = _usage(outcome)
                yield _sse(chunk({}, outcome.finish_reason, usage if body.include_usage else None))
                if body.include_usage:
                    yield _sse({"id": ident, "object": "chat.completion.chunk", "created": created,
                                "model": model, "choices": [], "usage": usage})
            return _streaming(events(), req, record)
        req = submit(chat_job(turns, config.template, sampling), "serve:chat", record)
        outcome = await _wait(req, request, record)
        text = outcome.text.lstrip()
        return {"id": ident, "object": "chat.completion", "created": created, "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                             "logprobs": None, "finish_reason": outcome.finish_reason}],
                "usage": _usage(outcome)}

    @app.post("/v1/completions")
    async def completions(body: CompletionRequest, request: Request):
        model = loaded(body.model)
        sampling = _sampling(body)
        try:
            prompt = body.prompt_text()
        except ValueError as exc:
            raise ApiError(400, str(exc), param="prompt", code="invalid_value")
        ident, created = f"cmpl-{uuid.uuid4().hex}", int(time.time())
        record = request.scope[RECORD_KEY]
        if body.stream:
            pieces = _Pieces(asyncio.get_running_loop())
            req = submit(completion_job(prompt, sampling, pieces.put), "serve:completion", record)
            req.add_done_callback(pieces.close)

            def chunk(text: str, finish: Optional[str] = None) -> dict:
                return {"id": ident, "object": "text_completion", "created": created, "model": model,
                        "choices": [{"index": 0, "text": text, "logprobs": None, "finish_reason": finish}]}

            async def events():
                if body.echo:
                    yield _sse(chunk(prompt))
                async for piece in pieces.stream():
                    yield _sse(chunk(piece))
                outcome = await _outcome(req, record)
                last = chunk("", outcome.finish_reason)
                if body.include_usage:
                    last["usage"] = _usage(outcome)
                yield _sse(last)
            return _streaming(events(), req, record)
        req = submit(completion_job(prompt, sampling), "serve:completion", record)
        outcome = await _wait(req, request, record)
        return {"id": ident, "object": "text_completion", "created": created, "model": model,
                "choices": [{"index": 0, "text": (prompt if body.echo else "") + outcome.text, "logprobs": None,
                             "finish_reason": outcome.finish_reason}],
                "usage": _usage(outcome)}

    @app.post("/v1/embeddings")
    async def embeddings(body: EmbeddingRequest, request: Request):
        model = loaded(body.model)
        try:
            texts = body.texts()
        except ValueError as exc:
            raise ApiError(400, str(exc), param="input", code="invalid_value")
        record = request.scope[RECORD_KEY]
        req = submit(embed_job(texts), "serve:embeddings", record)
        vectors, tokens = await _wait(req, request, record)
        record.prompt_tokens = tokens
        if body.dimensions is not None and body.dimensions != len(vectors[0]):
            raise ApiError(400, f"dimensions: this model's embeddings have {len(vectors[0])} dimensions.",
                           param="dimensions", code="invalid_value")
        data = []
        for i, vec in enumerate(vectors):
            value: Any = vec
            if body.encoding_format == "base64":
                value = base64.b64encode(np.asarray(vec, dtype="<f4").tobytes()).decode("ascii")
            data.append({"object": "embedding", "index": i, "embedding": value})
        return {"object": "list", "data": data, "model": model,
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}

    # The gate wraps FastAPI from outside, so a bad key never reaches the body parser.
    return _Gate(app, state)


# helpers ------------------------------------------------------------------------------------------
def _sampling(body) -> Sampling:
    if body.n != 1:
        raise ApiError(400, "n: only n=1 is supported (one answer per request).", param="n", code="invalid_value")
    return Sampling(max_tokens=body.max_tokens, temperature=body.temperature, top_p=body.top_p, top_k=body.top_k,
                    repetition_penalty=body.repetition_penalty, seed=body.seed, stop=tuple(body.stop_list()))


def _usage(outcome: Outcome) -> dict:
    s = outcome.stats
    return {"prompt_tokens": s.prompt_tokens, "completion_tokens": s.generated_tokens,
            "total_tokens": s.prompt_tokens + s.generated_tokens}


def _sse(data: dict) -> str:
    return "data: " + json.dumps(data, ensure_ascii=False) + "\n\n"


def _as_api_error(exc: BaseException) -> ApiError:
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, UserError):
        code = "context_length_exceeded" if "context" in exc.message else None
        return ApiError(400, f"{exc.message} {exc.hint}".strip(), code=code)
    return ApiError(500, f"Internal error: {type(exc).__name__}: {exc}", "server_error")


def _record_outcome(record: RequestRecord, outcome: Outcome) -> None:
    record.prompt_tokens = outcome.stats.prompt_tokens
    record.completion_tokens = outcome.stats.generated_tokens


async def _outcome(req, record: RequestRecord) -> Outcome:
    if req.cancelled():
        raise ApiError(503, "The request was cancelled (the server is stopping).", "server_error", code="cancelled")
    try:
        outcome = await asyncio.wrap_future(req)
    except ApiError:
        raise
    except Exception as exc:  # noqa: BLE001 - UserError and the rest become error objects
        raise _as_api_error(exc) from None
    _record_outcome(record, outcome)
    return outcome


async def _wait(req, request: Request, record: RequestRecord):
    """The host request's result; the client leaving cancels it."""
    fut = asyncio.wrap_future(req)
    try:
        while True:
            done, _ = await asyncio.wait({fut}, timeout=0.5)
            if done:
                break
            if await request.is_disconnected():
                record.note = "client left"
                req.cancel()
                raise ApiError(499, "The client closed the connection.", code="client_closed")
        result = fut.result()
    except asyncio.CancelledError:
        req.cancel()
        if req.cancelled() or req.cancel_token.cancelled:
            raise ApiError(503, "The request was cancelled (the server is stopping).", "server_error",
                           code="cancelled")
        raise
    except (UserError, Exception) as exc:
        if isinstance(exc, ApiError):
            raise
        raise _as_api_error(exc) from None
    if isinstance(result, Outcome):
        _record_outcome(record, result)
    return result


class _Pieces:
    """Text pieces from the host thread to the event loop, in order, then the end."""

    def __init__(self, loop: asyncio.AbstractEventLoop, strip_leading: bool = False) -> None:
        self.loop, self.queue = loop, asyncio.Queue()
        self._strip = strip_leading

    def put(self, piece: str) -> None:          # on the host thread
        self.loop.call_soon_threadsafe(self.queue.put_nowait, piece)

    def close(self, _future=None) -> None:      # on whatever thread finishes the request
        try:
            self.loop.call_soon_threadsafe(self.queue.put_nowait, _END)
        except RuntimeError:                    # the loop is already closed
            pass

    async def stream(self):
        while True:
            piece = await self.queue.get()
            if piece is _END:
                return
            if self._strip:
                piece = piece.lstrip()
                if not piece:
                    continue
                self._strip = False
            yield piece


def _streaming(events, req, record: RequestRecord) -> StreamingResponse:
    """SSE ending in ``data: [DONE]``; an error after the headers is sent as an error event;
    a client that leaves (the task is cancelled) cancels the host request."""
    async def body():
        finished = False
        try:
            try:
                async for event in events:
                    yield event
            except ApiError as exc:
                yield _sse(error_body(exc.message, exc.type, exc.param, exc.code))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - reported in the stream, the server goes on
                err = _as_api_error(exc)
                record.note = err.message
                yield _sse(error_body(err.message, err.type, err.param, err.code))
            yield "data: [DONE]\n\n"
            finished = True
        finally:
            if not finished:
                record.note = "client left"
                req.cancel()
    record.note = "stream"
    return StreamingResponse(body(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
