"""A local OpenAI-compatible API server on the model host (FastAPI + uvicorn, no Qt).

``create_app(host, config)`` builds the ASGI app; ``ApiServer`` binds a socket and runs
uvicorn on the calling thread until ``stop()``.  Every model operation goes through the
``ModelHost`` queue, so the server and the Chat page share one model in memory.
"""
from .config import DEFAULT_PORT, ServeConfig, check_bind
from .records import RequestRecord, ServerCounters

__all__ = ["DEFAULT_PORT", "RequestRecord", "ServeConfig", "ServerCounters", "check_bind"]
