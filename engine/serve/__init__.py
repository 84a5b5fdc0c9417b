"""A local OpenAI-compatible API server on the model host (FastAPI + uvicorn, no Qt).

``create_app(host, config)`` builds the ASGI app; ``ApiServer`` binds a socket and runs
uvicorn on the calling thread until ``stop()``.  Every model operation goes through the
``ModelHost`` queue, so the server and the Chat page share one model in memory.

Embeddings come from that same loaded model (``Backend.embed``): llama.cpp switches the
generating context to embedding output for the call (``llama_set_embeddings``) and back, so
no second copy with ``embedding=True`` is loaded; transformers returns the last hidden layer.
Both mean-pool over the tokens and L2-normalize, as upstream's openai_server_demo does.
"""
from .config import DEFAULT_PORT, ServeConfig, check_bind
from .records import RequestRecord, ServerCounters

__all__ = ["DEFAULT_PORT", "RequestRecord", "ServeConfig", "ServerCounters", "check_bind"]
