"""``eval``: C-Eval as upstream's scripts/ceval runs it.

    eval ceval --model PATH [--lora DIR] --data DIR [--split val|test] [--few-shot K] [--cot]
               [--with-prompt] [--subjects a,b,...] --out DIR
    eval download [--source hf|hf-mirror] [--dest DIR]     # ceval-exam.zip, unpacked
    eval subjects [--json]                                 # the 52 subjects and 4 groups
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from engine.errors import UserError

from ..runtime_args import add_runtime_args, runtime_options

NAME = "eval"
HELP = "evaluate a model on C-Eval (52 subjects, as upstream's scripts/ceval), or download the C-Eval data"
ORDER = 70


def register(p) -> None:
    sub = p.add_subparsers(dest="eval_command", metavar="<benchmark>")
    c = sub.add_parser("ceval", help="run C-Eval on a GGUF file or a Hugging Face folder",
                       description="Run C-Eval with upstream's prompts and constrained decoding. Writes "
                                   "summary.json, predictions.json (and submission.json for --split test) to --out. "
                                   "A stopped run continues when started again with the same --out.")
    c.add_argument("--model", required=True, metavar="PATH", help="a .gguf file or a Hugging Face model folder")
    c.add_argument("--lora", metavar="DIR", help="LoRA applied unmerged (PEFT folder for HF, GGUF LoRA file for GGUF)")
    c.add_argument("--data", metavar="DIR",
                   help="the unzipped ceval-exam folder (dev/, val/, test/); default: the one 'eval download' made")
    c.add_argument("--split", default="val", choices=["val", "test"],
                   help="val: scored against the answers; test: predictions for the C-Eval submission (default val)")
    c.add_argument("--few-shot", type=int, default=5, metavar="K",
                   help="dev examples before each question (upstream default 5; 0: zero-shot; -1: all)")
    c.add_argument("--cot", action="store_true", help="chain of thought: free-text answers, extracted by upstream's rules")
    c.add_argument("--with-prompt", action="store_true",
                   help="wrap each prompt in the Alpaca instruction template (use for Chinese-Alpaca models)")
    c.add_argument("--free-text", action="store_true",
                   help="generate text and extract the letter instead of comparing the A/B/C/D logits")
    c.add_argument("--max-new-tokens", type=int, default=20, help="free-text answers: tokens to generate (upstream 20)")
    c.add_argument("--subjects", metavar="a,b,...",
                   help="subject keys or groups (STEM, 'Social Science', Humanities, Other); default: all")
    c.add_argument("--out", required=True, metavar="DIR", help="output folder (resumable)")
    c.add_argument("--label", default="", help="name of this run in comparisons (default: the model's file name)")
    c.add_argument("--fresh", action="store_true", help="replace a run with other settings already in --out")
    c.add_argument("--save-csv", action="store_true",
                   help="also write csv/<subject>_<split>.csv with each answer and whether it is right "
                        "(upstream's --do_save_csv)")
    add_runtime_args(c)
    c.add_argument("--json", action="store_true", help="print the summary as JSON")
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    c.set_defaults(func=run_ceval_command)

    d = sub.add_parser("download", help="download ceval-exam.zip and unpack it",
                       description="Download the C-Eval data (ceval-exam.zip from the dataset ceval/ceval-exam) "
                                   "and unpack it into dev/, val/ and test/.")
    from engine.eval.dataset import download_sources
    d.add_argument("--source", choices=download_sources(), help="download source (default: the Settings value)")
    d.add_argument("--dest", metavar="DIR", help="folder to put ceval-exam/ in (default: <models>/datasets)")
    d.add_argument("--url", help="another address for ceval-exam.zip")
    d.add_argument("--quiet", action="store_true", help="no progress bar")
    d.set_defaults(func=run_download)

    s = sub.add_parser("subjects", help="list the 52 C-Eval subjects with their groups")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_subjects)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def default_data_dir() -> Path:
    from engine.eval.dataset import FOLDER
    from engine.layout import datasets_dir
    from engine.settings import SettingsStore
    return datasets_dir(SettingsStore().settings) / FOLDER


def run_ceval_command(args) -> int:
    from engine.eval import EvalConfig, run_ceval
    from engine.host import ModelHost
    from engine.settings import SettingsStore

    from ..progress import cli_job

    settings = SettingsStore().settings
    data = Path(args.data).expanduser() if args.data else default_data_dir()
    if not args.data and not data.is_dir():
        raise UserError("No C-Eval data given.", "Pass --data DIR (the unzipped ceval-exam.zip), or run "
                                                  "'eval download' first.")
    config = EvalConfig(model=args.model, lora=args.lora, data_dir=str(data), out_dir=args.out, split=args.split,
                        few_shot=args.few_shot, cot=args.cot, with_prompt=args.with_prompt,
                        subjects=args.subjects or None, constrained=False if args.free_text else None,
                        max_new_tokens=args.max_new_tokens, label=args.label, fresh=args.fresh,
                        save_csv=args.save_csv, **runtime_options(args, settings))
    progress, cancel, bar = cli_job(quiet=args.quiet or args.json, unit="questions")
    host = ModelHost()
    try:
        result = run_ceval(host, config, progress=progress, cancel=cancel)
    except KeyboardInterrupt:
        cancel.cancel()
        raise
    finally:
        bar.close()
        host.shutdown(timeout=30)
    if args.json:
        print(json.dumps(result.summary, ensure_ascii=False, indent=2))
        return 0
    _print_summary(result, config.split)
    return 0


def _print_summary(result, split: str) -> None:
    from engine.eval.subjects import GROUPS
    s = result.summary
    if split == "test":
        print(f"Predicted {result.questions} test questions; submit {result.out_dir / 'submission.json'} "
              "at cevalbenchmark.com.")
    else:
        for g in GROUPS:
            info = s["grouped"][g]
            if info["num"]:
                print(f"{g:15} {100 * info['score']:5.1f}  ({info['correct']:.0f}/{info['num']})")
        a = s["All"]
        print(f"{'All':15} {100 * a['score']:5.1f}  ({a['correct']:.0f}/{a['num']})")
    if result.evaluated:
        print(f"{result.evaluated} questions in {result.seconds:.1f} s ({result.questions_per_second:.2f} "
              f"questions/s); results in {result.out_dir}", file=sys.stderr)
    else:
        print(f"Nothing left to evaluate; results in {result.out_dir}", file=sys.stderr)


def run_download(args) -> int:
    from engine.eval.dataset import download_ceval, source_for
    from engine.layout import datasets_dir
    from engine.settings import SettingsStore

    from ..progress import cli_job

    settings = SettingsStore().settings
    source = args.source or source_for(settings.download_source)
    dest = Path(args.dest).expanduser() if args.dest else datasets_dir(settings)
    progress, cancel, bar = cli_job(quiet=args.quiet, unit="bytes")
    try:
        folder = download_ceval(dest, source, proxy=settings.proxy, progress=progress, cancel=cancel, url=args.url)
    finally:
        bar.close()
    print(folder)
    return 0


def run_subjects(args) -> int:
    from engine.eval.subjects import subject_table
    table = subject_table()
    if args.json:
        print(json.dumps({k: [s.name, s.name_zh, s.group] for k, s in table.items()}, ensure_ascii=False, indent=1))
        return 0
    for k, s in table.items():
        print(f"{s.group:15} {k:42} {s.name_zh}")
    return 0
