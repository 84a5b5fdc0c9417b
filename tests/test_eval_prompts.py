"""C-Eval prompts byte-equal to upstream's llama_evaluator.py, data quirks, answer rules, subjects."""
from __future__ import annotations

import random

import pytest

from engine.errors import UserError
from engine.eval import answers, prompts
from engine.eval.data import read_csv, read_split
from engine.eval.subjects import GROUPS, published_scores, resolve_subjects, subject_table
from tests.test_eval_fakes import SAMPLE

UDP = "UDP协议是____。\nA. 面向连接的\nB. 无连接的\nC. 可靠的\nD. 有拥塞控制的"


def _cn(split):
    return read_split(SAMPLE, "computer_network", split)


def test_zero_shot_prompt_is_the_bare_question():
    q = _cn("val")[0]
    assert prompts.build_prompt(q, prompts.few_shot_history("computer_network", _cn("dev"), 0)) == UDP + "\n答案："


def test_few_shot_prompt_names_the_subject_key_and_ends_each_example():
    history = prompts.few_shot_history("computer_network", _cn("dev"), 2)
    expected = ("以下是中国关于computer_network考试的单项选择题，请选出其中的正确答案。\n\n"
                "TCP协议工作在OSI模型的哪一层？\nA. 网络层\nB. 传输层\nC. 会话层\nD. 应用层\n答案：B\n\n"
                "IPv4地址的长度是多少位？\nA. 16\nB. 32\nC. 64\nD. 128\n答案：B\n\n"
                + UDP + "\n答案：")
    assert prompts.build_prompt(_cn("val")[0], history) == expected
    assert prompts.few_shot_history("computer_network", _cn("dev"), -1).count("\n答案：") == 5


def test_cot_prompt():
    history = prompts.few_shot_history("computer_network", _cn("dev"), 1, cot=True)
    expected = ("以下是中国关于computer_network考试的单项选择题，请选出其中的正确答案。\n\n"
                "TCP协议工作在OSI模型的哪一层？\nA. 网络层\nB. 传输层\nC. 会话层\nD. 应用层\n"
                "答案：让我们一步一步思考，\n1. TCP是面向连接的传输协议。2. 它属于传输层。\n所以答案是B。\n\n"
                + UDP + "\n答案：让我们一步一步思考，\n1.")
    assert prompts.build_prompt(_cn("val")[0], history, cot=True) == expected


def test_with_prompt_wraps_history_and_question_in_one_instruction():
    head = ("Below is an instruction that describes a task. Write a response that appropriately completes "
            "the request.\n\n### Instruction:\n")
    q = _cn("val")[0]
    assert prompts.build_prompt(q, "", with_prompt=True) == head + UDP + "\n答案是什么？ \n\n### Response: "
    assert prompts.build_prompt(q, "", cot=True, with_prompt=True) == \
        head + UDP + "\n答案是什么？让我们一步一步思考，\n1.\n\n### Response: "
    history = prompts.few_shot_history("computer_network", _cn("dev"), 1)
    # Examples keep "答案：X" even when the question asks "答案是什么？".
    assert prompts.build_prompt(q, history, with_prompt=True) == (
        head + "以下是中国关于computer_network考试的单项选择题，请选出其中的正确答案。\n\n"
        "TCP协议工作在OSI模型的哪一层？\nA. 网络层\nB. 传输层\nC. 会话层\nD. 应用层\n答案：B\n\n"
        + UDP + "\n答案是什么？ \n\n### Response: ")


def test_numeric_option_columns_print_as_pandas_does():
    # logic_val.csv column B holds 3, 5.0, 10: pandas makes it float64, upstream prints 3.0 / 5.0 / 10.0.
    qs = read_split(SAMPLE, "logic", "val")
    assert [q.options["B"] for q in qs] == ["3.0", "5.0", "10.0"]
    assert prompts.build_prompt(qs[0]) == "三段论有几个项？\nA. 两个\nB. 3.0\nC. 四个\nD. 五个\n答案："
    # Whole-integer columns stay integers.
    assert read_split(SAMPLE, "computer_network", "val")[1].options["A"] == "32"


def test_missing_cells_and_bools(tmp_path):
    f = tmp_path / "x_val.csv"
    f.write_text("id,question,A,B,C,D,answer\n0,q,NA,3,True,0.50,A\n1,q2,x,2.5,false,1e-5,B\n", encoding="utf-8")
    rows = read_csv(f)
    assert [(r["A"], r["B"], r["C"], r["D"]) for r in rows] == [("nan", "3.0", "True", "0.5"),
                                                                ("x", "2.5", "False", "1e-05")]


def test_bad_files_are_named(tmp_path):
    (tmp_path / "val").mkdir()
    (tmp_path / "val" / "law_val.csv").write_text("id,question,A,B,C\n0,q,a,b,c\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"law_val\.csv: missing column\(s\) D, answer"):
        read_split(tmp_path, "law", "val")
    (tmp_path / "val" / "law_val.csv").write_text("id,question,A,B,C,D,answer\n0,q,a,b,c,d,E\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"law_val\.csv, row 2: answer 'E'"):
        read_split(tmp_path, "law", "val")
    with pytest.raises(UserError, match=r"C-Eval file not found: .*logic_val\.csv"):
        read_split(tmp_path, "logic", "val")


def test_subject_table_matches_upstream_mapping():
    table = subject_table()
    assert len(table) == 52
    counts = {g: sum(s.group == g for s in table.values()) for g in GROUPS}
    assert counts == {"STEM": 20, "Social Science": 10, "Humanities": 11, "Other": 11}
    assert (table["computer_network"].name_zh, table["computer_network"].name) == ("计算机网络", "Computer Network")
    assert table["mao_zedong_thought"].name_zh == "毛泽东思想和中国特色社会主义理论体系概论"
    assert table["physician"].group == "Other"
    assert resolve_subjects("logic, STEM")[:2] == ["computer_network", "operating_system"]
    assert len(resolve_subjects("STEM,logic")) == 21
    with pytest.raises(UserError, match="Did you mean computer_network"):
        resolve_subjects("computer_netwrk")
    alpaca = {m["name"]: m for m in published_scores()}["Chinese-Alpaca-Plus-7B"]
    assert alpaca["val"]["0"] == 36.7          # BEHAVIOR.md §6: 494/1346 with the template


def test_free_text_extraction_follows_upstream_order():
    q = _cn("val")[0]
    rng = random.Random(0)
    assert answers.extract_answer("1. 无连接。所以答案是B。", q) == ("B", True)
    assert answers.extract_answer("所以答案是E。所以答案是C。", q) == ("C", True)
    assert answers.extract_answer("所以答案是无连接的。答案为D", q) == ("D", False)
    assert answers.extract_answer("我认为C是正确的，答案是A", q) == ("C", False)
    assert answers.extract_answer("选项A正确", q) == ("A", False)
    assert answers.extract_answer("应该选 B 吧", q) == ("B", False)
    assert answers.extract_answer("它是可靠的协议", q) == ("C", False)          # option text
    letter, direct = answers.extract_answer("不知道", q, rng)
    assert letter == random.Random(0).choice("ABCD") and not direct


def test_constrained_choice_applies_repetition_penalty_and_temperature():
    ids = [10, 11, 12, 13, 20, 21, 22, 23]          # ▁A..▁D, A..D
    logits = [2.0, 2.1, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0]
    # No letter token in the prompt: B wins (3.1 vs 3.0), scores divided by temperature 0.2.
    letter, totals = answers.constrained_choice(ids, logits, prompt_ids=[])
    assert letter == "B" and totals[:2] == pytest.approx([15.0, 15.5])
    # ▁B occurs in the prompt: 2.1 / 1.1 + 1.0 < 2.0 + 1.0, so A wins, as in upstream's generate() scores.
    letter, totals = answers.constrained_choice(ids, logits, prompt_ids=[11])
    assert letter == "A" and totals[1] == pytest.approx((2.1 / 1.1 + 1.0) / 0.2)
    # Negative logits of prompt tokens are multiplied by the penalty.
    assert answers.process_score(5, -1.0, {5}) == pytest.approx(-1.1 / 0.2)
    # A tie goes to the first letter (numpy argmax).
    assert answers.constrained_choice(ids, [1.0] * 8, [])[0] == "A"
    with pytest.raises(UserError, match="non-finite"):
        answers.constrained_choice(ids, [float("nan")] + [0.0] * 7, [])


def test_choice_token_ids_follow_upstream_encoding():
    # A SentencePiece-like tokenizer: BOS 1, "A" alone -> "▁A" (100+), after "：" -> bare "A" (200+).
    def tokenize(text):
        ids = [1]
        for i, ch in enumerate(text):
            if ch in "ABCD":
                ids.append((100 if i == 0 else 200) + "ABCD".index(ch))
            else:
                ids.append(ord(ch))
        return ids
    assert answers.choice_token_ids(tokenize) == [100, 101, 102, 103, 200, 201, 202, 203]
