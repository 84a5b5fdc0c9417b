"""``chat``: talk to a GGUF or Hugging Face model in the terminal.

With ``--prompt`` one reply is streamed to stdout and the command exits; without
it, an interactive multi-turn REPL (``/reset``, ``/save FILE``, ``/exit``).
Every conversation is saved in the same history as the Chat page.
"""
from __future__ import annotations

import sys

from engine.chat.presets import DEFAULT_PRESET, PRESETS, preset
from engine.chat.templates import TEMPLATE_CHOICES
from engine.errors import UserError

NAME = "chat"
HELP = "chat with a model (GGUF via llama.cpp, or a Hugging Face folder via transformers)"
ORDER = 60

REPL_HELP = "Commands: /reset (new chat), /save FILE (.md or .json), /exit. Empty line or Ctrl+D exits."


def register(p) -> None:
    p.add_argument("--model", required=True, metavar="PATH", help="a .gguf file or a Hugging Face model folder")
    p.add_argument("--lora", metavar="PATH",
                   help="LoRA applied without merging: a PEFT folder (HF models) or a GGUF LoRA file (GGUF models)")
    p.add_argument("--template", default="auto", metavar="NAME|FILE",
                   help=f"prompt template: {', '.join(TEMPLATE_CHOICES)} or a Jinja file (default: auto)")
    p.add_argument("--system", default="", metavar="TEXT", help="system prompt")
    p.add_argument("--prompt", metavar="TEXT", help="send one message, print the reply, exit")
    p.add_argument("--preset", default=DEFAULT_PRESET, choices=list(PRESETS),
                   help="generation preset (default: llama.cpp = upstream's temp 0.2, top-k 40, top-p 0.9, "
                        "repeat penalty 1.1, 512 tokens)")
    p.add_argument("--temperature", type=float)
    p.add_argument("--top-p", type=float)
    p.add_argument("--top-k", type=int)
    p.add_argument("--repetition-penalty", type=float)
    p.add_argument("--max-new-tokens", type=int)
    p.add_argument("--seed", type=int)
    p.add_argument("--stop", action="append", default=[], metavar="TEXT", help="stop string (repeatable)")
    p.add_argument("--ctx", type=int, default=2048, help="context size in tokens (default 2048)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (default: the Settings value)")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"], help="HF models only")
    p.add_argument("--dtype", default="auto", choices=["auto", "float32", "float16", "bfloat16"],
                   help="HF models only")
    p.add_argument("--no-history", action="store_true", help="do not save this conversation")
    p.add_argument("--stats", action="store_true", help="print tokens/s and time to first token after each reply")
    p.set_defaults(func=run)


def _settings(args):
    s = preset(args.preset)
    changes = {k: v for k, v in dict(temperature=args.temperature, top_p=args.top_p, top_k=args.top_k,
                                     repetition_penalty=args.repetition_penalty,
                                     max_new_tokens=args.max_new_tokens, seed=args.seed).items() if v is not None}
    if args.stop:
        changes["stop"] = tuple(args.stop)
    return s.with_(**changes).validate()


def _wait(request):
    """The request's result; Ctrl+C meanwhile cancels it (the host stops at the next piece)."""
    import concurrent.futures
    import signal

    previous = signal.signal(signal.SIGINT, lambda *_: request.cancel_token.cancel())
    try:
        while not request.done():
            concurrent.futures.wait([request], timeout=0.1)
    finally:
        signal.signal(signal.SIGINT, previous)
    return request.result()


def _reply(session, host, out, show_stats: bool) -> None:
    def piece(text: str) -> None:
        out.write(text)
        out.flush()

    def prompt_info(fitted) -> None:
        if fitted.dropped_messages:
            print(f"[{fitted.dropped_messages} older message(s) left out to fit the "
                  f"{fitted.context_size}-token context]", file=sys.stderr)

    # On the host thread, which owns the model; Ctrl+C during a reply stops it (what was
    # generated is kept and saved), not the program.
    reply = _wait(host.run(lambda backend, cancel: session.reply(
        backend=backend, cancel=cancel, on_piece=piece, on_prompt=prompt_info), name="chat reply"))
    if reply.stats.finish == "stopped":
        out.write("\n")
        print("[stopped]", file=sys.stderr)
        return
    out.write("\n")
    out.flush()
    if reply.stats.finish == "length":
        print("[cut off at max new tokens]", file=sys.stderr)
    if show_stats:
        s = reply.stats
        print(f"[{s.generated_tokens} tokens, {s.tokens_per_second:.1f} tokens/s, "
              f"first token after {s.time_to_first_token:.2f} s, prompt {s.prompt_tokens} tokens]", file=sys.stderr)


def check_fits(session, text: str, host=None) -> None:
    """Refuse a message that cannot fit in the context before it is saved (UserError), so the
    history never keeps a question that was never answered (``ChatSession.check_fits``; it
    counts tokens, so with a ``host`` it runs on the host thread, against the host's model)."""
    if host is None:
        session.check_fits(text)
        return
    host.run(lambda backend, _cancel: session.check_fits(text, backend), name="check fits").result()


def _send(session, host, text: str, show_stats: bool) -> None:
    check_fits(session, text, host)
    session.add_user(text)
    _reply(session, host, sys.stdout, show_stats)


def run(args) -> int:
    from app.cli.progress import cli_job
    from engine.chat.backends import LoadOptions
    from engine.chat.session import ChatSession
    from engine.history import History
    from engine.host import ModelHost
    from engine.settings import SettingsStore

    store = SettingsStore()
    settings = _settings(args)
    options = LoadOptions(context_size=args.ctx, threads=args.threads or store.settings.effective_threads(),
                          use_gpu=store.settings.use_gpu, device=args.device, dtype=args.dtype, lora=args.lora)
    progress, _cancel, bar = cli_job(quiet=not sys.stderr.isatty())
    host = ModelHost()          # the model lives on the host's thread, as in `serve` and `eval`
    history = None
    try:
        try:
            load = host.load(args.model, options, progress=progress)
            info = load.result()
        finally:
            bar.close()
        history = _throwaway_history() if args.no_history else History()
        session = ChatSession.new(history, system_prompt=args.system, template_choice=args.template,
                                  settings=settings)
        session.use_model(info.facts, info.display_name, args.template)
        if session.template.warning:
            print(f"note: {session.template.warning}", file=sys.stderr)
        if args.prompt is not None:
            _send(session, host, args.prompt, args.stats)
            return 0
        return _repl(session, host, history, args, info)
    finally:
        host.shutdown(timeout=30)       # frees the model
        if history is not None:
            history.close()
        if history is not None and args.no_history:
            import shutil
            shutil.rmtree(history.path.parent, ignore_errors=True)


def _throwaway_history():
    import tempfile
    from pathlib import Path

    from engine.history import History
    return History(Path(tempfile.mkdtemp(prefix="alpaca-chat-")) / "chat.sqlite3")


def _repl(session, host, history, args, info) -> int:
    from pathlib import Path
    from engine.chat.session import ChatSession

    print(f"Chatting with {info.display_name} ({session.template.label}). {REPL_HELP}",
          file=sys.stderr)
    while True:
        try:
            line = input("> ")
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return 0
        cmd = line.strip()
        if not cmd or cmd in ("/exit", "/quit"):
            return 0
        if cmd == "/reset":
            session = ChatSession.new(history, system_prompt=args.system, template_choice=args.template,
                                      settings=session.settings)
            session.use_model(info.facts, info.display_name, args.template)
            print("[new chat]", file=sys.stderr)
            continue
        if cmd.startswith("/save"):
            target = cmd[5:].strip()
            if not target:
                print("usage: /save FILE.md or /save FILE.json", file=sys.stderr)
                continue
            path = history.save_export(session.chat_id, Path(target).expanduser())
            print(f"[saved {path}]", file=sys.stderr)
            continue
        if cmd.startswith("/"):
            print(REPL_HELP, file=sys.stderr)
            continue
        try:
            _send(session, host, line, args.stats)
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
