"""What the server listens on and how it answers: address, port, key, template."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from ..errors import UserError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 19327            # upstream openai_server_demo's port


@dataclass(frozen=True)
class ServeConfig:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT    # 0: any free port (tests, benches)
    api_key: str = ""           # empty: no key asked (loopback only)
    template: str = "auto"      # engine.chat.templates.TEMPLATE_CHOICES, a Jinja file or text

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    def url(self, port: int | None = None) -> str:
        host = self.host
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1"      # what a client on this machine types
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port if port is not None else self.port}/v1"


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(config: ServeConfig) -> None:
    """Binding beyond this machine needs an API key: anyone on the network could use the model."""
    if not 0 <= int(config.port) <= 65535:
        raise UserError(f"Port {config.port} is out of range.", "Use a port between 1024 and 65535, e.g. 19327.")
    if not config.loopback and not config.api_key:
        raise UserError(f"Listening on {config.host} makes the server reachable from other machines, "
                        "so it needs an API key.",
                        "Set an API key (--api-key KEY), or listen on 127.0.0.1 only.")
