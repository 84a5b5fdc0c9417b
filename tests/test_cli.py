import json
import subprocess
import sys
from pathlib import Path

from app.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def test_help_lists_commands(capsys):
    parser = build_parser()
    names = set(parser._subparsers._group_actions[0].choices)
    assert "settings" in names
    help_text = parser.format_help()
    for name in names:
        assert name in help_text


def test_main_py_help_runs_in_a_subprocess():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0
    assert "settings" in out.stdout and "Run without a command to open the app" in out.stdout


def test_settings_command_sets_and_reports_json(capsys):
    assert main(["settings", "--set", "download_source=hf-mirror", "--set", "cpu_threads=2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["download_source"] == "hf-mirror" and data["cpu_threads"] == 2
    assert main(["settings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["download_source"] == "hf-mirror"


def test_settings_command_rejects_bad_input_with_one_line(capsys):
    assert main(["settings", "--set", "colour=red"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: Cannot set 'colour=red'") and "\n" not in err
    assert main(["settings", "--set", "download_source=ftp"]) == 1
    assert "download source" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_with_the_log_named(capsys, monkeypatch):
    from app.cli.commands import settings as settings_cmd

    class Odd(Exception):
        pass

    def boom(args):
        raise Odd("something nobody planned for")

    monkeypatch.setattr(settings_cmd, "run", boom)
    assert main(["settings"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: Odd: something nobody planned for (details in ") and "\n" not in err
    from engine import paths
    log_text = (paths.log_dir() / "alpaca-studio.log").read_text()
    assert "Traceback" in log_text and "something nobody planned for" in log_text
