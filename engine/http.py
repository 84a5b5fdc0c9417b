"""One place that builds HTTP clients, so every download uses the same proxy, timeout and headers.

httpx is imported inside the function: pages import the engine at start-up
and the window must open fast.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import httpx

USER_AGENT = "AlpacaStudio/0.1 (+https://github.com/ymcui/Chinese-LLaMA-Alpaca)"
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def check_proxy(proxy: str) -> str:
    """Return the proxy URL stripped, or raise UserError naming what is wrong with it."""
    proxy = (proxy or "").strip()
    if not proxy:
        return ""
    parts = urlsplit(proxy)
    if parts.scheme not in PROXY_SCHEMES or not parts.hostname:
        raise UserError(f"The proxy setting {proxy!r} is not a proxy URL.",
                        "Use a form like http://127.0.0.1:7890 (or socks5://...), or clear it in Settings.")
    return proxy


_ssl_lock = threading.Lock()
_ssl_context = None


def shared_ssl_context():
    """One certificate store per process: loading it costs more than a small download."""
    global _ssl_context
    with _ssl_lock:
        if _ssl_context is None:
            import httpx

            _ssl_context = httpx.create_ssl_context(trust_env=True)
        return _ssl_context


def make_client(*, proxy: str = "", timeout: float = 30, max_connections: int = 8) -> "httpx.Client":
    """An httpx client that follows redirects, never decompresses, and uses ``proxy`` if set.

    An empty proxy means the system's proxy environment (HTTPS_PROXY, NO_PROXY) applies.
    """
    import httpx

    proxy = check_proxy(proxy)
    try:
        return httpx.Client(
            proxy=proxy or None,
            verify=shared_ssl_context(),
            trust_env=True,
            follow_redirects=True,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            # identity: byte counts and Range offsets must refer to the file itself, not a gzip of it.
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        )
    except ImportError as exc:  # socks proxies need the optional socksio package
        raise UserError(f"The proxy {proxy!r} needs a package that is not installed ({exc}).",
                        "Use an http:// proxy, or install httpx[socks].") from None
    except ValueError as exc:
        raise UserError(f"The proxy setting {proxy!r} cannot be used: {exc}.",
                        "Fix it in Settings (e.g. http://127.0.0.1:7890) or clear it.") from None
