"""``vocab merge|train``: Chinese vocabulary expansion as upstream (merge_tokenizers.py), and a SentencePiece trainer."""
from __future__ import annotations

import json
from pathlib import Path

NAME = "vocab"
HELP = "merge a Chinese SentencePiece model into LLaMA's tokenizer, or train one on your own text"
ORDER = 55


def register(p) -> None:
    sub = p.add_subparsers(dest="vocab_command", metavar="<merge|train>", required=True)
    m = sub.add_parser("merge", help="LLaMA tokenizer + Chinese SentencePiece -> Chinese-LLaMA tokenizer (49953 with "
                                     "upstream's inputs)")
    m.add_argument("--llama-tokenizer", required=True, metavar="FILE", help="LLaMA tokenizer.model (or its HF folder)")
    m.add_argument("--chinese-sp", required=True, metavar="FILE", help="Chinese SentencePiece model (chinese_sp.model)")
    m.add_argument("--out", required=True, metavar="DIR",
                   help="output folder: chinese_llama.model and merged_tokenizer_hf/")
    m.add_argument("--sample", action="append", default=[], metavar="LANG=FILE",
                   help="text to measure tokens per 1,000 characters on (default: built-in zh and en samples)")
    m.add_argument("--json", action="store_true")
    m.set_defaults(func=run_merge)
    t = sub.add_parser("train", help="train a SentencePiece model on your own Chinese text")
    t.add_argument("--corpus", required=True, nargs="+", metavar="FILE", help="UTF-8 text files")
    t.add_argument("--vocab-size", required=True, type=int, metavar="N")
    t.add_argument("--model-type", choices=("bpe", "unigram"), default="bpe")
    t.add_argument("--out", required=True, metavar="FILE", help="the .model file to write")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=run_train)


def run_merge(args) -> int:
    from engine.errors import UserError
    from training.vocab import default_samples, merge_to_folder

    samples = None
    if args.sample:
        samples = {}
        for item in args.sample:
            lang, sep, path = item.partition("=")
            if not sep or not Path(path).is_file():
                raise UserError(f"--sample {item!r}: expected LANG=FILE with an existing file.", "e.g. --sample zh=text.txt")
            samples[lang] = Path(path).read_text(encoding="utf-8")
        samples = {**default_samples(), **samples}
    r = merge_to_folder(Path(args.llama_tokenizer).expanduser(), Path(args.chinese_sp).expanduser(),
                        Path(args.out).expanduser(), samples)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=2))
        return 0
    print(f"New model pieces: {r['pieces_added']}  ({r['before_size']} -> {r['after_size']})")
    for lang, v in r["per_1000_chars"].items():
        ratio = v["before"] / v["after"] if v["after"] else 0
        print(f"tokens per 1,000 characters ({lang}): {v['before']} -> {v['after']}  ({ratio:.2f}x fewer)")
    print(f"before: {' '.join(r['self_test']['before'])}")
    print(f"after:  {' '.join(r['self_test']['after'])}")
    print(f"wrote {r['model']} and {r['hf_dir']}")
    return 0


def run_train(args) -> int:
    from training.vocab import train_sentencepiece

    r = train_sentencepiece([Path(c).expanduser() for c in args.corpus], args.vocab_size,
                            Path(args.out).expanduser(), model_type=args.model_type)
    print(json.dumps(r, ensure_ascii=False) if args.json else f"wrote {r['model']} ({r['vocab_size']} pieces)")
    return 0
