"""A conversation with a loaded model, saved to the history as it goes.

The same object serves the CLI REPL, the GUI (``reply`` runs on the model host's
thread, which passes it the backend) and the tests.  User messages are saved the moment they are
sent; a reply is saved when it ends, including when the user stops it (what
was generated is kept).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ..errors import UserError
from ..history import Chat, History, Message
from ..jobs import CancelToken, NullReporter, ProgressReporter
from .backends import Backend, GenerationStats
from .context import FittedPrompt, fit_prompt
from .messages import Turn
from .presets import GenerationSettings
from .templates import ModelFacts, Template, pick_template

TITLE_LENGTH = 48
CURRENT = object()      # "after the last message of the current branch"


@dataclass
class Reply:
    message: Optional[Message]     # None when stopped before the first token
    text: str
    stats: GenerationStats
    fitted: FittedPrompt

    @property
    def dropped_messages(self) -> int:
        return self.fitted.dropped_messages


def auto_title(text: str) -> str:
    """A chat's name from its first message."""
    title = " ".join(text.split())
    return title[:TITLE_LENGTH] + ("…" if len(title) > TITLE_LENGTH else "")


class ChatSession:
    def __init__(self, history: History, chat_id: int, *, backend: Optional[Backend] = None,
                 template: Optional[Template] = None,
                 settings: Optional[GenerationSettings] = None) -> None:
        self.history = history
        self.chat_id = chat_id
        self.backend = backend
        self.template = template
        self.settings = settings or GenerationSettings()
        if backend is not None and template is None:
            self.template = pick_template(backend.facts(), self.chat.template)

    @classmethod
    def new(cls, history: History, *, system_prompt: str = "", backend: Optional[Backend] = None,
            template_choice: str = "auto", settings: Optional[GenerationSettings] = None) -> "ChatSession":
        chat = history.create_chat(system_prompt=system_prompt, template=template_choice,
                                   model=backend.display_name if backend else "",
                                   settings=(settings or GenerationSettings()).to_dict())
        return cls(history, chat.id, backend=backend, settings=settings)

    # state ------------------------------------------------------------------------------
    @property
    def chat(self) -> Chat:
        return self.history.chat(self.chat_id)

    def thread(self) -> list[Message]:
        return self.history.thread(self.chat_id)

    def attach(self, backend: Backend, template_choice: Optional[str] = None) -> Template:
        """Use ``backend`` for the next replies; the template follows the model unless chosen."""
        self.backend = backend
        return self.use_model(backend.facts(), backend.display_name, template_choice)

    def use_model(self, facts: ModelFacts, model_name: str, template_choice: Optional[str] = None) -> Template:
        """Pick the template for a model known by its facts (the GUI's model lives on the host
        thread and is passed to ``reply``); saved with the chat."""
        choice = template_choice if template_choice is not None else self.chat.template
        self.template = pick_template(facts, choice)
        self.history.update_chat(self.chat_id, model=model_name, template=choice)
        return self.template

    def detach(self) -> None:
        self.backend = None
        self.template = None

    def set_system_prompt(self, text: str) -> None:
        self.history.update_chat(self.chat_id, system_prompt=text)

    def turns(self, thread: Optional[list[Message]] = None) -> list[Turn]:
        system = self.chat.system_prompt
        head = [Turn("system", system)] if system.strip() else []
        return head + [Turn(m.role, m.content) for m in (thread if thread is not None else self.thread())]

    def context_usage(self, backend: Optional[Backend] = None) -> Optional[FittedPrompt]:
        """How full the context is with the current branch (for the meter); None without a model."""
        backend = backend or self.backend
        if backend is None or self.template is None:
            return None
        thread = self.thread()
        turns = self.turns(thread)
        if not thread:
            return FittedPrompt("", backend.count_tokens(self.template.render(turns)) if turns else 0, 0,
                                backend.context_size, self.settings.max_new_tokens)
        try:
            return fit_prompt(self.template, turns, backend.count_tokens, backend.context_size,
                              min(self.settings.max_new_tokens, backend.context_size // 2))
        except UserError:
            return None

    def check_fits(self, text: str, backend: Optional[Backend] = None, *,
                   turns: Optional[list[Turn]] = None) -> None:
        """Refuse (UserError) a new message that cannot fit in the context before it is saved,
        so the history never keeps a question that was never answered: the sums ``reply`` does.
        ``turns`` (default: this branch's) lets a GUI read the history on its own thread and
        count on the model's."""
        backend = backend or self.backend
        text = text.strip("\n")
        if backend is None or self.template is None or not text.strip():
            return                      # add_user/reply give their own message
        turns = (turns if turns is not None else self.turns()) + [Turn("user", text)]
        fit_prompt(self.template, turns, backend.count_tokens, backend.context_size,
                   self.settings.validate().max_new_tokens)

    # editing the conversation ---------------------------------------------------------------
    def add_user(self, text: str, *, parent_id=CURRENT) -> Message:
        """Save a user message under ``parent_id`` (default: the end of the current branch)."""
        text = text.strip("\n")
        if not text.strip():
            raise UserError("The message is empty.", "Type something to send.")
        if parent_id is CURRENT:
            parent_id = self.chat.current_leaf
        message = self.history.add_message(self.chat_id, "user", text, parent_id=parent_id)
        chat = self.chat
        if chat.title == "New chat":
            self.history.update_chat(self.chat_id, title=auto_title(text))
        return message

    def edit_user(self, message_id: int, text: str) -> Message:
        """A new version of an earlier user message; the old branch stays in the history.
        Editing the first message renames the chat after it, unless the user renamed it."""
        old = self.history.message(message_id)
        if old.role != "user":
            raise UserError("Only your own messages can be edited.", "Pick a user message.")
        message = self.add_user(text, parent_id=old.parent_id)
        if old.parent_id is None and self.chat.title == auto_title(old.content):
            self.history.update_chat(self.chat_id, title=auto_title(message.content))
        return message

    def prepare_regenerate(self) -> Message:
        """Point the chat at the user message of the last reply, so ``reply`` adds a new version."""
        thread = self.thread()
        if not thread:
            raise UserError("There is nothing to regenerate yet.", "Send a message first.")
        last = thread[-1]
        if last.role == "assistant":
            if last.parent_id is None:
                raise UserError("This reply has no question to answer again.", "Send a new message.")
            self.history.update_chat(self.chat_id, current_leaf=last.parent_id)
            return self.history.message(last.parent_id)
        return last

    # generation --------------------------------------------------------------------------------
    def reply(self, *, progress: Optional[ProgressReporter] = None, cancel: Optional[CancelToken] = None,
              on_piece: Optional[Callable[[str], None]] = None,
              on_prompt: Optional[Callable[[FittedPrompt], None]] = None,
              continue_last: bool = False, backend: Optional[Backend] = None) -> Reply:
        """Answer the last user message (or continue the last answer) and save the reply.
        ``backend``: the model to use this time (the host's), else the attached one."""
        backend = backend or self.backend
        if backend is None or self.template is None:
            raise UserError("No model is loaded.", "Load a model first.")
        progress = progress or NullReporter()
        cancel = cancel or CancelToken()
        thread = self.thread()
        if not thread:
            raise UserError("There is no message to answer.", "Send a message first.")
        last = thread[-1]
        if continue_last and last.role != "assistant":
            raise UserError("There is no answer to continue.", "Send a message first.")
        if not continue_last and last.role != "user":
            raise UserError("The last message is already answered.", "Send a new message, or regenerate.")
        settings = self.settings.validate()
        fitted = fit_prompt(self.template, self.turns(thread), backend.count_tokens,
                            backend.context_size, settings.max_new_tokens, continue_last=continue_last)
        if on_prompt is not None:
            on_prompt(fitted)
        progress.update(0, settings.max_new_tokens, unit="tokens",
                        status=f"Reading the prompt ({fitted.prompt_tokens} tokens)", force=True)
        run_settings = settings.with_(stop=tuple(dict.fromkeys([*settings.stop, *self.template.stop])))
        parts: list[str] = []
        stream = backend.generate(fitted.prompt, run_settings, cancel=cancel)
        try:
            for piece in stream:
                parts.append(piece)
                if on_piece is not None:
                    on_piece(piece)
                progress.update(advance=1, status="Generating")
        finally:
            stream.close()
        stats = backend.last_stats
        if cancel.cancelled:
            stats.finish = "stopped"
        text = "".join(parts)
        meta = dict(model=backend.display_name, prompt_tokens=fitted.prompt_tokens,
                    tokens=stats.generated_tokens, tokens_per_second=round(stats.tokens_per_second, 2),
                    ttft=round(stats.time_to_first_token, 4), finish=stats.finish)
        message = None
        if continue_last:
            full = last.content + text
            self.history.update_message(last.id, content=full, tokens=(last.tokens or 0) + stats.generated_tokens,
                                        tokens_per_second=meta["tokens_per_second"], finish=stats.finish)
            message = self.history.message(last.id)
        elif text.strip():
            text = text.lstrip(" ") if self.template.name.startswith("alpaca") else text
            message = self.history.add_message(
                self.chat_id, "assistant", text.rstrip(), parent_id=last.id,
                settings={**settings.to_dict(), "template": self.template.name}, **meta)
        return Reply(message, text, stats, fitted)

    def send(self, text: str, **kwargs) -> Reply:
        self.add_user(text)
        return self.reply(**kwargs)
