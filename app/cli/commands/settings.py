"""``settings``: show or change the settings the app uses (same file as the Settings page)."""
from __future__ import annotations

import json
from dataclasses import asdict, fields

from engine.errors import UserError
from engine.settings import Settings, SettingsStore

NAME = "settings"
HELP = "show or change settings (models folder, download source, proxy, language, threads)"
ORDER = 95

_EDITABLE = [f.name for f in fields(Settings) if f.name != "ui"]


def register(p) -> None:
    p.add_argument("--set", metavar="KEY=VALUE", action="append", default=[],
                   help=f"change a setting; keys: {', '.join(_EDITABLE)}")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def _coerce(key: str, value: str):
    current = getattr(Settings(), key)
    if isinstance(current, bool):
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise UserError(f"{key} must be true or false, not {value!r}.")
    if isinstance(current, int):
        try:
            return int(value)
        except ValueError:
            raise UserError(f"{key} must be a whole number, not {value!r}.") from None
    return value


def run(args) -> int:
    store = SettingsStore()         # a problem with the file was already said by the CLI (app/cli)
    changes = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or key not in _EDITABLE:
            raise UserError(f"Cannot set {item!r}.", f"Use KEY=VALUE with KEY one of: {', '.join(_EDITABLE)}.")
        changes[key] = _coerce(key, value)
    if changes:
        try:
            store.update(**changes)
        except ValueError as exc:
            raise UserError(f"Not changed: {exc}.") from None
    data = {k: v for k, v in asdict(store.settings).items() if k != "ui"}
    data["models_dir_resolved"] = str(store.settings.resolved_models_dir())
    data["settings_file"] = str(store.path)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for key, value in data.items():
            print(f"{key:22} {value}")
    return 0
