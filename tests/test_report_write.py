"""framing.report.write: output is published all or nothing, and never through a link."""

import os

import pytest

from framing.errors import FramingError
from framing.report import write as w


def _fill(text):
    def fill(folder):
        (folder / "t.csv").write_text(text, encoding="utf-8")
    return fill


def _publish(out, version):
    return w.publish(out, {"a.html": f"a {version}", "b.md": f"b {version}"}, {"tables": _fill(f"t {version}")})


def _state(out):
    return ((out / "a.html").read_text(), (out / "b.md").read_text(), (out / "tables" / "t.csv").read_text())


def test_publish_writes_and_replaces_only_its_own_names(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    paths = _publish(tmp_path, 1)
    assert paths["a.html"] == tmp_path / "a.html"
    assert _state(tmp_path) == ("a 1", "b 1", "t 1")
    _publish(tmp_path, 2)
    assert _state(tmp_path) == ("a 2", "b 2", "t 2")
    assert (tmp_path / "notes.txt").read_text() == "mine"
    # the temporary folder is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.md", "notes.txt", "tables"]


def test_a_failure_midway_leaves_the_old_results(tmp_path, monkeypatch):
    _publish(tmp_path, 1)
    real = os.replace
    moved_in = []

    def flaky(src, dst):
        # fail when the third new item (the tables) is moved into place
        if str(dst).startswith(str(tmp_path)) and os.path.dirname(dst) == str(tmp_path) and "new" in str(src):
            moved_in.append(dst)
            if len(moved_in) == 3:
                raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(w.os, "replace", flaky)
    with pytest.raises(FramingError, match="No space left on device"):
        _publish(tmp_path, 2)
    monkeypatch.setattr(w.os, "replace", real)
    assert _state(tmp_path) == ("a 1", "b 1", "t 1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.md", "tables"]


def test_a_failure_while_writing_changes_nothing(tmp_path):
    _publish(tmp_path, 1)

    def broken(folder):
        raise OSError(5, "Input/output error")

    with pytest.raises(FramingError, match="Input/output error"):
        w.publish(tmp_path, {"a.html": "a 2"}, {"tables": broken})
    assert _state(tmp_path) == ("a 1", "b 1", "t 1")


def test_a_link_in_place_of_an_output_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.csv").write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "tables").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(FramingError, match="is a link"):
        _publish(out, 1)
    assert (elsewhere / "keep.csv").read_text() == "keep"


def test_a_folder_where_a_file_goes_is_refused(tmp_path):
    (tmp_path / "a.html").mkdir()
    with pytest.raises(FramingError, match="is a folder"):
        _publish(tmp_path, 1)


def test_out_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(FramingError, match="not a folder"):
        _publish(tmp_path / "out", 1)


def test_an_outlet_named_like_a_path_writes_nowhere_but_inside_out(tmp_path):
    import framing
    from framing.corpus import Article, Corpus
    from framing.report import write_worksheet

    text = ("Russia and North Korea signed a treaty on Wednesday. \"It is a historic day,\" Putin said. "
            "Officials in Seoul called the pact a threat.\n")
    corpus = Corpus((Article.from_text(text, outlet_id="../../etc"), Article.from_text(text, outlet_id="/tmp/x"),
                     Article.from_text(text, outlet_id="..\\..\\win")))
    analysis = framing.analyze(corpus)
    work = tmp_path / "work"
    out = work / "out"
    out.mkdir(parents=True)
    before = {p for p in tmp_path.rglob("*")}
    from framing.report import write_report

    write_report(analysis, out)
    write_worksheet(analysis, out)
    created = {p for p in tmp_path.rglob("*")} - before
    assert created and all(out in p.parents for p in created)
    assert sorted(p.name for p in out.iterdir()) == ["answer_key.html", "report.html", "report.md", "tables",
                                                     "worksheet.html"]
