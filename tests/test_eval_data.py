"""Getting the C-Eval data: ceval-exam.zip downloaded with the project's downloader (resumable, over
HTTP from a local server) and unpacked all or nothing; the CLI's download command."""
from __future__ import annotations

import io
import zipfile

import pytest

from engine.errors import UserError
from engine.eval.data import read_split
from engine.eval.dataset import download_ceval, download_url, unpack
from engine.eval.subjects import data_info
from tests.test_eval_fakes import SAMPLE


def _zip(prefix: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for f in sorted(SAMPLE.rglob("*.csv")):
            z.write(f, prefix + f.relative_to(SAMPLE).as_posix())
    return buf.getvalue()


def test_download_and_unpack(http_server, tmp_path):
    url = http_server.add_file("datasets/ceval/ceval-exam/resolve/main/ceval-exam.zip", _zip(), drop_after=700)
    folder = download_ceval(tmp_path, url=url)
    assert folder == tmp_path / "ceval-exam"
    assert [q.answer for q in read_split(folder, "physician", "val")] == ["B", "C", "A", "B"]
    assert (folder / "test" / "logic_test.csv").is_file()
    # The connection dropped after 700 bytes: the second request resumed with a Range.
    ranges = [r.headers.get("range") for r in http_server.requests_for(
        "datasets/ceval/ceval-exam/resolve/main/ceval-exam.zip")]
    assert ranges[-1] == "bytes=700-"


def test_unpack_handles_an_inner_folder_and_refuses_other_zips(tmp_path):
    (tmp_path / "a.zip").write_bytes(_zip("ceval-exam/"))
    folder = unpack(tmp_path / "a.zip", tmp_path / "out")
    assert (folder / "val" / "logic_val.csv").is_file()
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "hello")
    (tmp_path / "b.zip").write_bytes(other.getvalue())
    with pytest.raises(UserError, match="no dev/ and val/"):
        unpack(tmp_path / "b.zip", tmp_path / "out2")
    assert not (tmp_path / "out2").exists()
    (tmp_path / "c.zip").write_bytes(b"PK not really")
    with pytest.raises(UserError, match="not a complete zip"):
        unpack(tmp_path / "c.zip", tmp_path / "out3")


def test_sources():
    assert download_url("hf-mirror") == "https://hf-mirror.com/datasets/ceval/ceval-exam/resolve/main/ceval-exam.zip"
    with pytest.raises(UserError, match="modelscope"):
        download_url("modelscope")
    assert data_info()["questions"] == {"dev": 260, "val": 1346, "test": 12342}


def test_cli_download(http_server, tmp_path, capsys):
    from app.cli import main
    url = http_server.add_file("x/ceval-exam.zip", _zip())
    assert main(["eval", "download", "--url", url, "--dest", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "ceval-exam")
    assert (tmp_path / "ceval-exam" / "dev" / "marxism_dev.csv").is_file()


def test_download_sources_come_from_the_data_table(capsys):
    """The GUI, the CLI and the refusal take the sources from the one table (no ("hf", "hf-mirror") copies)."""
    from app.cli import main
    from engine.eval.dataset import download_sources, source_for
    assert download_sources() == list(data_info()["urls"]) and download_sources()[0] == "hf"
    assert source_for("hf-mirror") == "hf-mirror" and source_for("modelscope") == "hf"
    with pytest.raises(UserError) as err:
        download_url("modelscope")
    assert " or ".join(download_sources()) in err.value.hint
    with pytest.raises(SystemExit):
        main(["eval", "download", "--source", "modelscope"])
    err = capsys.readouterr().err
    assert all(f"'{s}'" in err for s in download_sources())
