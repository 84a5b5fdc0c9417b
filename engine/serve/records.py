"""One line of the request log, and the running counters the Server page shows."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field


@dataclass
class RequestRecord:
    started: float                  # time.time() when the request arrived
    method: str
    path: str
    status: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    duration: float = 0.0           # seconds until the last byte was sent
    note: str = ""                  # "client left", "stream", error message ...
    queued: float = 0.0             # time.time() when it was handed to the model host (0: never)

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class ServerCounters:
    """Totals since the server started; updated from the server's thread."""

    requests: int = 0
    errors: int = 0                 # answered with a 4xx/5xx
    busy: int = 0                   # refused with 429 (queue full)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    active: int = 0                 # requests in progress now
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def begin(self) -> None:
        with self._lock:
            self.active += 1

    def end(self, record: RequestRecord) -> None:
        with self._lock:
            self.active -= 1
            self.requests += 1
            self.errors += record.status >= 400
            self.busy += record.status == 429
            self.prompt_tokens += record.prompt_tokens
            self.completion_tokens += record.completion_tokens

    def snapshot(self) -> dict:
        with self._lock:
            return dict(requests=self.requests, errors=self.errors, busy=self.busy, active=self.active,
                        prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens)


def now() -> float:
    return time.time()
