"""``serve``: an OpenAI-compatible API server for a local model.

Loads the model into a model host (one model in memory, requests queued to it) and serves
``/v1/models``, ``/v1/chat/completions``, ``/v1/completions`` and ``/v1/embeddings`` until
Ctrl+C.  Listens on 127.0.0.1 unless told otherwise; another address needs ``--api-key``.
"""
from __future__ import annotations

import sys

from engine.chat.templates import TEMPLATE_CHOICES

from ..runtime_args import add_runtime_args, load_options

NAME = "serve"
HELP = "serve a model through an OpenAI-compatible API (chat, completions, embeddings)"
ORDER = 65


def register(p) -> None:
    from engine.serve.config import DEFAULT_HOST, DEFAULT_PORT
    p.add_argument("--model", required=True, metavar="PATH", help="a .gguf file or a Hugging Face model folder")
    p.add_argument("--lora", metavar="DIR",
                   help="LoRA applied without merging: a PEFT folder (HF models) or a GGUF LoRA file (GGUF models)")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to listen on (default {DEFAULT_HOST}: this machine only; any other address "
                        "requires --api-key)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--api-key", default="", metavar="KEY",
                   help="require 'Authorization: Bearer KEY' on every request")
    p.add_argument("--template", default="auto", metavar="NAME|FILE",
                   help=f"chat prompt template: {', '.join(TEMPLATE_CHOICES)} or a Jinja file (default: auto: "
                        "upstream's Alpaca template for Chinese-Alpaca, else the model's embedded template)")
    add_runtime_args(p)
    p.add_argument("--queue", type=int, default=32, metavar="N",
                   help="requests that may wait for the model; more get HTTP 429 (default 32)")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.cli.progress import cli_job
    from engine.chat.templates import pick_template
    from engine.host import ModelHost
    from engine.serve.config import ServeConfig, check_bind
    from engine.serve.server import ApiServer
    from engine.settings import SettingsStore

    config = ServeConfig(host=args.host, port=args.port, api_key=args.api_key, template=args.template)
    check_bind(config)                      # before the model loads: a refusal is instant
    options = load_options(args, SettingsStore().settings)
    host = ModelHost(max_pending=max(1, args.queue), name="serve-host")
    try:
        server = ApiServer(host, config, on_record=_print_record)
        server.bind()                       # a port in use is reported before the model loads
        progress, cancel, bar = cli_job(quiet=not sys.stderr.isatty())
        try:
            info = host.load(args.model, options, progress=progress).result()
        finally:
            bar.close()
        template = pick_template(info.facts, args.template)   # a bad --template fails now, not per request
        from engine.serve.app import model_id
        if not config.loopback:
            print(f"warning: listening on {config.host}: other machines can reach this server "
                  "(every request needs the API key).", file=sys.stderr)
        print(f"Serving {info.display_name} ({template.label}) as model '{model_id(info)}'", file=sys.stderr)
        print(f"URL: {server.url}", flush=True)
        print("Press Ctrl+C to stop.", file=sys.stderr)
        try:
            counts = server.run()
        except KeyboardInterrupt:
            counts = server.counters.snapshot()
        print(f"Stopped after {counts['requests']} requests ({counts['completion_tokens']} tokens generated).",
              file=sys.stderr)
        return 0
    finally:
        host.shutdown(timeout=10)


def _print_record(record) -> None:
    import time
    stamp = time.strftime("%H:%M:%S", time.localtime(record.started))
    tokens = f" {record.prompt_tokens}+{record.completion_tokens} tokens" if record.tokens else ""
    note = f" ({record.note})" if record.note and record.note != "stream" else ""
    print(f"{stamp} {record.method} {record.path} {record.status}{tokens} {record.duration:.2f}s{note}",
          file=sys.stderr, flush=True)
