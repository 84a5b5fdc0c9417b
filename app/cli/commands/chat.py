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


def _reply(session, out, show_stats: bool) -> None:
    def piece(text: str) -> None:
        out.write(text)
        out.flush()

    def prompt_info(fitted) -> None:
        if fitted.dropped_messages:
            print(f"[{fitted.dropped_messages} older message(s) left out to fit the "
                  f"{fitted.context_size}-token context]", file=sys.stderr)

    import signal

    from engine.jobs import CancelToken
    cancel = CancelToken()
    # Ctrl+C during a reply stops it (what was generated is kept and saved), not the program.
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        reply = session.reply(on_piece=piece, on_prompt=prompt_info, cancel=cancel)
    finally:
        signal.signal(signal.SIGINT, previous)
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


def check_fits(session, text: str) -> None:
    """Refuse a message that cannot fit in the context before it is saved (UserError), so the
    history never keeps a question that was never answered (``ChatSession.check_fits``)."""
    session.check_fits(text)


def _send(session, text: str, show_stats: bool) -> None:
    check_fits(session, text)
    session.add_user(text)
    _reply(session, sys.stdout, show_stats)


def run(args) -> int:
    from app.cli.progress import cli_job
    from engine.chat.backends import LoadOptions, load_model
    from engine.chat.session import ChatSession
    from engine.history import History
    from engine.settings import SettingsStore

    store = SettingsStore()
    settings = _settings(args)
    options = LoadOptions(context_size=args.ctx, threads=args.threads or store.settings.effective_threads(),
                          use_gpu=store.settings.use_gpu, device=args.device, dtype=args.dtype, lora=args.lora)
    progress, cancel, bar = cli_job(quiet=not sys.stderr.isatty())
    try:
        backend = load_model(args.model, options, progress=progress, cancel=cancel)
    finally:
        bar.close()
    history = _throwaway_history() if args.no_history else History()
    try:
        session = ChatSession.new(history, system_prompt=args.system, backend=backend,
                                  template_choice=args.template, settings=settings)
        if session.template.warning:
            print(f"note: {session.template.warning}", file=sys.stderr)
        if args.prompt is not None:
            _send(session, args.prompt, args.stats)
            return 0
        return _repl(session, history, args)
    finally:
        backend.unload()
        history.close()
        if args.no_history:
            import shutil
            shutil.rmtree(history.path.parent, ignore_errors=True)


def _throwaway_history():
    import tempfile
    from pathlib import Path

    from engine.history import History
    return History(Path(tempfile.mkdtemp(prefix="alpaca-chat-")) / "chat.sqlite3")


def _repl(session, history, args) -> int:
    from pathlib import Path
    from engine.chat.session import ChatSession

    print(f"Chatting with {session.backend.display_name} ({session.template.label}). {REPL_HELP}",
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
            session = ChatSession.new(history, system_prompt=args.system, backend=session.backend,
                                      template_choice=args.template, settings=session.settings)
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
            _send(session, line, args.stats)
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
