"""Reading inputs and the bad-input policy: one clear line per bad input, the batch goes on,
the exit code says how many failed. CLI cases go through ``main([...])``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli_helpers import run_cli
from selon.errors import EmptyTextError, InputError, UnsupportedLanguageError
from selon.ingest import policy
from selon.ingest.policy import RunOptions, accept
from selon.ingest.readers import Loaded, count_articles, expand_paths, read_inputs, read_path, read_stdin
from selon.lang.detect import detect, pack_for, resolve_language
from selon.models import Analysis, Article
from selon.pipeline import batch
from selon.pipeline.analyzer import Analyzer, Failure
from texts import FRENCH, GERMAN, SPANISH


def lines_json(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# -- reader: pure functions --------------------------------------------------------------------
def test_txt_is_one_article_named_by_its_stem(tmp_path: Path) -> None:
    p = tmp_path / "manif-lyon.txt"
    p.write_bytes("\ufeff".encode() + FRENCH.encode())
    (rec,) = read_path(str(p))
    assert isinstance(rec, Loaded)
    assert rec.article.id == "manif-lyon"
    assert rec.article.text == FRENCH  # byte-order mark dropped, text otherwise untouched
    assert rec.source == str(p)


def test_json_object_fields_and_extra_keys_ignored(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    obj = {"id": "x1", "text": FRENCH, "published": "2017-03-28T10:00:00Z", "lang": "FR",
           "title": "T", "url": "http://u", "outlet": "O", "statements": [], "source_note": "n"}
    p.write_text(json.dumps(obj), encoding="utf-8")
    (rec,) = read_path(str(p))
    assert isinstance(rec, Loaded)
    assert rec.article == Article(id="x1", text=FRENCH, title="T", url="http://u", outlet="O",
                                  published="2017-03-28", language="fr")


def test_gold_file_reads_as_its_article() -> None:
    gold = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev" / "seed-mossoul-fr.json"
    if not gold.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    data = json.loads(gold.read_text(encoding="utf-8"))
    (rec,) = read_path(str(gold))
    assert isinstance(rec, Loaded)
    assert (rec.article.id, rec.article.text, rec.article.published) == (data["id"], data["text"], data["published"])


def test_jsonl_records_in_order_with_line_sources(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": FRENCH}) + "\n\n"
        + json.dumps({"id": "b"}) + "\n"
        + '{"id": "c", "text": \n'
        + json.dumps({"text": FRENCH}) + "\n",
        encoding="utf-8",
    )
    recs = list(read_path(str(p)))
    assert [type(r).__name__ for r in recs] == ["Loaded", "InputError", "InputError", "Loaded"]
    assert isinstance(recs[0], Loaded) and recs[0].article.id == "a"
    assert recs[1].source == f"{p}:3" and "no 'text'" in str(recs[1])
    assert recs[2].source == f"{p}:4" and "malformed JSON" in str(recs[2])
    assert isinstance(recs[3], Loaded) and recs[3].article.id == "batch-5"  # id defaults to stem-line


def test_json_array_of_articles(tmp_path: Path) -> None:
    p = tmp_path / "many.json"
    p.write_text(json.dumps([{"id": "a", "text": FRENCH}, {"id": "b", "text": " "}]), encoding="utf-8")
    recs = list(read_path(str(p)))
    assert isinstance(recs[0], Loaded)
    assert isinstance(recs[1], EmptyTextError) and recs[1].source == f"{p}[1]"
    assert count_articles([str(p)]) is None


def test_bad_published_in_json_is_an_input_error(tmp_path: Path) -> None:
    p = tmp_path / "d.json"
    p.write_text(json.dumps({"id": "d", "text": FRENCH, "published": "hier"}), encoding="utf-8")
    (rec,) = read_path(str(p))
    assert isinstance(rec, InputError) and "'hier' is not a date" in str(rec)


def test_stdin_text_json_or_jsonl() -> None:
    def ids(data: str) -> list[str]:
        return [r.article.id for r in read_stdin(io.BytesIO(data.encode())) if isinstance(r, Loaded)]

    assert ids(FRENCH) == ["stdin"]
    assert ids(json.dumps({"id": "s", "text": FRENCH})) == ["s"]
    assert ids(json.dumps({"id": "s1", "text": FRENCH}) + "\n" + json.dumps({"id": "s2", "text": FRENCH})) == ["s1", "s2"]
    assert ids(json.dumps([{"id": "t1", "text": FRENCH}, {"id": "t2", "text": FRENCH}])) == ["t1", "t2"]


def test_stdin_text_that_opens_with_a_bracket_is_text() -> None:
    text = "[Mis à jour] " + FRENCH
    (rec,) = read_stdin(io.BytesIO(text.encode()))
    assert isinstance(rec, Loaded) and rec.article.text == text


def test_expand_paths_globs_dirs_and_missing(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.json", "skip.md"):
        (tmp_path / name).write_text(FRENCH, encoding="utf-8")
    assert expand_paths([str(tmp_path / "*.txt")]) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.json")]
    assert expand_paths(["-"]) == ["-"]
    with pytest.raises(InputError, match="no such file"):
        expand_paths([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no file matches"):
        expand_paths([str(tmp_path / "*.jsonl")])


def test_read_inputs_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(FRENCH, encoding="utf-8")
    bad.write_bytes(b"")
    recs = list(read_inputs([str(bad), str(good)]))
    assert isinstance(recs[0], EmptyTextError) and recs[0].source == str(bad)
    assert isinstance(recs[1], Loaded) and recs[1].article.id == "good"


# -- language detection ------------------------------------------------------------------------
def test_detect_names_the_language() -> None:
    assert detect(GERMAN).language == "GERMAN" and detect(GERMAN).sure
    assert detect(FRENCH).language == "FRENCH"
    assert pack_for("FRENCH") == "fr" and pack_for("GERMAN") is None


def test_resolve_language_refuses_clear_german_accepts_short_unsure() -> None:
    assert resolve_language(FRENCH, default="fr") == "fr"
    with pytest.raises(UnsupportedLanguageError, match=r"German.*--lang fr"):
        resolve_language(GERMAN, default="fr", source="de.txt")
    # three English words: too short to be sure, so accepted
    assert resolve_language("Breaking news tonight", default="fr") == "fr"


# -- the acceptance policy ---------------------------------------------------------------------
def test_policy_forced_language_overrides_the_declared_one_without_detection() -> None:
    options = RunOptions(lang="fr")
    for article in (Article(id="g", text=GERMAN), Article(id="e", text=FRENCH, language="en")):
        assert accept(article, options).language == "fr"


def test_policy_refuses_an_unknown_forced_language_at_once() -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"no language pack for 'xx' \(supported: en, fr\)"):
        RunOptions(lang="xx")
    with pytest.raises(InputError, match="'hier' is not a date"):
        RunOptions(published="hier")


def test_policy_dates_an_undated_article_and_keeps_a_dated_one() -> None:
    options = RunOptions(published="2024-05-06")
    assert accept(Article(id="a", text=FRENCH), options).published == "2024-05-06"
    dated = Article(id="b", text=FRENCH, published="2020-01-02T10:00:00Z", language="fr")
    assert accept(dated, options).published == "2020-01-02"
    ready = Article(id="c", text=FRENCH, published="2020-01-02", language="fr")
    assert accept(ready, options) is ready  # an accepted article passes again unchanged


def test_policy_reads_a_declared_language_with_a_pack_whatever_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    # (issue 13: a run reads every language with a pack; it once refused all but its own)
    monkeypatch.setattr(policy, "supported_languages", lambda: ["de", "fr"])
    record = Loaded(Article(id="d", text=GERMAN, language="de"), "d.json")
    assert accept(record, RunOptions()).language == "de"


def test_policy_refuses_a_declared_language_without_a_pack() -> None:
    record = Loaded(Article(id="d", text=GERMAN, language="de"), "d.json")
    with pytest.raises(UnsupportedLanguageError) as info:
        accept(record, RunOptions(default_lang="en"))
    assert info.value.source == "d.json"
    assert info.value.reason.startswith("the article declares language 'de' and selon has no language pack for 'de'")
    assert info.value.reason.endswith("force the language with --lang en (\"lang\": \"en\" in the web API)")


def test_policy_raises_the_error_of_a_record_that_could_not_be_read() -> None:
    unread = InputError("broken", source="x.json")
    with pytest.raises(InputError) as info:
        accept(unread, RunOptions())
    assert info.value is unread and str(unread) == "x.json: broken" and unread.reason == "broken"


# -- the batch ---------------------------------------------------------------------------------
class _Exploding:
    """An analyzer whose pipeline breaks on one article (a bug met on some input)."""

    def analyze_many(self, articles: list[Article]):
        for a in articles:
            if "BOOM" in a.text:
                raise RuntimeError("kaboom")
        for a in articles:
            yield Analysis(article=a)


def test_an_unexpected_error_fails_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "make_analyzer", lambda lang, batch_size: _Exploding())
    records = [Loaded(Article(id=i, text=FRENCH + (" BOOM" if i == "b" else "")), f"{i}.txt") for i in "abc"]
    results = list(batch.run_batch(records, lang="fr", batch_size=16))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis"]
    assert isinstance(results[1], Failure)
    assert results[1].source == "b.txt" and "kaboom" in results[1].message


def test_failures_keep_their_place_in_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "make_analyzer", lambda lang, batch_size: _Exploding())
    records = [
        InputError("broken", source="x.json"),
        Loaded(Article(id="a", text=FRENCH), "a.txt"),
        Loaded(Article(id="g", text=GERMAN), "g.txt"),
        Loaded(Article(id="b", text=FRENCH, published="2020-01-02"), "b.txt"),
    ]
    results = list(batch.run_batch(records, published="2024-05-06", batch_size=1))
    assert [getattr(r, "source", None) or r.article.id for r in results] == ["x.json", "a", "g.txt", "b"]
    assert isinstance(results[1], Analysis) and results[1].article.published == "2024-05-06"
    assert isinstance(results[3], Analysis) and results[3].article.published == "2020-01-02"
    assert isinstance(results[2], Failure) and "German" in results[2].message


def test_no_model_is_loaded_when_every_input_is_bad(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(lang: str, batch_size: int) -> Analyzer:
        raise AssertionError("the model should not be loaded")

    monkeypatch.setattr(batch, "make_analyzer", refuse)
    results = list(batch.run_batch([InputError("bad", source="a"), InputError("bad", source="b")]))
    assert [r.source for r in results if isinstance(r, Failure)] == ["a", "b"]


# -- bad input through the command line ---------------------------------------------------------
def _assert_one_line_error(err: list[str], source: str, reason: str) -> None:
    mentions = [line for line in err if source in line]
    assert len(mentions) == 1, err
    assert reason in mentions[0], mentions[0]
    assert not any("Traceback" in line for line in err)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "no text"),
        ("blank.txt", b"  \n\t\n \xc2\xa0\n", "no text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        ("nul.txt", b"abc\x00\x00\x01\x02def" * 20, "binary file"),
        ("latin1.txt", "Première ligne.\nLe préfet a déclaré".encode("latin-1"), "not valid UTF-8"),
        ("notext.json", b'{"id": "n", "title": "sans texte"}', "no 'text' field"),
        ("broken.json", b'{\n  "id": "b",\n  "text": "x"\n  "lang": "fr"\n}', "malformed JSON at line 4"),
        ("german.txt", GERMAN.encode(), "German"),
        ("spanish.txt", SPANISH.encode(), "Spanish"),
    ],
)
def test_bad_input_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer, name: str, content: bytes, reason: str
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    code, out, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 2
    assert out == ""
    _assert_one_line_error(err, str(p), reason)


def test_invalid_utf8_error_gives_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Première ligne ok\nDeuxième".encode("latin-1"))
    code, _, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 2
    _assert_one_line_error(err, str(p), "byte 0xe8 at line 1")


def test_unsupported_language_suggests_forcing_and_forcing_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    p = tmp_path / "de.txt"
    p.write_text(GERMAN, encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 2
    _assert_one_line_error(err, str(p), "--lang fr")
    code, out, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl", "--lang", "fr")
    assert code == 0 and err == []
    assert lines_json(out)[0]["article"]["language"] == "fr"


def test_declared_language_without_pack_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer) -> None:
    p = tmp_path / "es.json"
    p.write_text(json.dumps({"id": "es", "text": FRENCH, "lang": "es"}), encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 2
    _assert_one_line_error(err, str(p), "declares language 'es'")


def test_batch_goes_on_and_exit_1_when_some_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        "\n".join([
            json.dumps({"id": "ok1", "text": FRENCH}),
            json.dumps({"id": "sans-texte"}),
            '{"id": "cassé", "text": "abc"',
            json.dumps({"id": "vide", "text": "   "}),
            json.dumps({"id": "de", "text": GERMAN}),
            json.dumps({"id": "ok2", "text": FRENCH}),
        ]) + "\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 1
    assert [r["article"]["id"] for r in lines_json(out)] == ["ok1", "ok2"]
    for lineno, reason in [(2, "no 'text'"), (3, "malformed JSON"), (4, "no text"), (5, "German")]:
        _assert_one_line_error(err, f"{p}:{lineno}:", reason)
    assert err[-1] == "selon: 4 of 6 articles failed"


def test_unbalanced_quotes_do_not_lose_later_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    text = (
        "« Nous irons jusqu'au bout, a lancé la syndicaliste Anne Morel devant la gare.\n"
        "« Le gouvernement doit nous entendre, a-t-elle ajouté.\n"
        "Selon la préfecture, 2 000 personnes ont défilé dans le calme.\n"
        "Le maire, Paul Girard, a déclaré que la ville resterait mobilisée.\n"
    )
    p = tmp_path / "guillemets.txt"
    p.write_text(text, encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 0 and err == []
    (result,) = lines_json(out)
    last_paragraphs = text.index("Selon la préfecture")
    later = [s for s in result["statements"] if s["content"]["start"] >= last_paragraphs]
    assert later, result["statements"]
    # no quotation swallows the paragraphs after it
    first_break = text.index("\n")
    for s in result["statements"]:
        c = s["content"]
        assert not (c["start"] < first_break < c["end"]), s


BIG_SCRIPT = textwrap.dedent(
    """
    import resource, sys
    from selon.cli import registry as cli
    from selon.pipeline import batch
    from selon.pipeline.analyzer import Analyzer

    analyzer = Analyzer("fr")
    # The trained components and selon's layers run at a few thousand words a second, so
    # 10 MB through all of them takes minutes: keep the tokenizer only. What is checked is
    # that a long article is read, cut in pieces and streamed through nlp.pipe in bounded
    # memory (spaCy refuses a 10 MB Doc outright).
    analyzer.nlp.select_pipes(disable=list(analyzer.nlp.pipe_names))
    batch.make_analyzer = lambda lang, batch_size: analyzer
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code = cli.main(["analyze", sys.argv[1], "--format", "jsonl", "--lang", "fr"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(code, base, peak, file=sys.stderr)
    """
)


def test_ten_megabyte_article_in_bounded_memory(tmp_path: Path) -> None:
    paragraphs = [
        "Selon la police, plus de 300 personnes ont manifesté samedi à Lyon contre la fermeture de la maternité.",
        "« Nous ne céderons pas », a déclaré le porte-parole du collectif, Marc Durand, devant la mairie.",
        "D'après les organisateurs, environ 1 500 manifestants étaient présents, un chiffre contesté.",
    ]
    block = "\n".join(paragraphs) + "\n"
    text = block * (10_000_000 // len(block.encode()) + 1)
    big = tmp_path / "long.txt"
    big.write_text(text, encoding="utf-8")
    assert big.stat().st_size >= 10_000_000
    script = tmp_path / "big.py"
    script.write_text(BIG_SCRIPT, encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    with out_file.open("wb") as out:
        proc = subprocess.run(
            [sys.executable, str(script), str(big)], stdout=out, stderr=subprocess.PIPE, timeout=120
        )
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    code, base_kb, peak_kb = (int(x) for x in err.split()[-3:])
    assert code == 0, err
    result = json.loads(out_file.read_text(encoding="utf-8"))
    assert result["article"]["text"] == text
    # the text (~10 MB), its JSON and one batch of pieces: far below a whole-article Doc
    growth_mb = (peak_kb - base_kb) / 1024
    assert growth_mb < 200, f"peak memory grew by {growth_mb:.0f} MB"


FULL_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys
    from selon.pipeline.analyzer import Analyzer

    analyzer = Analyzer("fr")
    text = open(sys.argv[1], encoding="utf-8").read()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    analysis = analyzer.analyze(text, id="long")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"statements": len(analysis.statements), "figures": len(analysis.figures),
                      "last": analysis.statements[-1].content.start, "base": base, "peak": peak}))
    """
)


def test_one_megabyte_article_through_the_whole_pipeline(tmp_path: Path) -> None:
    """Every layer, model included, on a 1 MB article: it is cut at paragraph breaks into
    pieces, each analysed and mapped back, in bounded memory; nothing at the end is lost."""
    block = (
        "Selon la police, plus de 300 personnes ont manifesté samedi à Lyon.\n"
        "« Nous ne céderons pas », a déclaré le porte-parole du collectif, Marc Durand.\n"
    )
    copies = 1_000_000 // len(block) + 1
    big = tmp_path / "long.txt"
    big.write_text(block * copies, encoding="utf-8")
    script = tmp_path / "full.py"
    script.write_text(FULL_SCRIPT, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(big)], capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    got = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    assert got["statements"] == 2 * copies and got["figures"] == copies
    assert got["last"] > len(block) * (copies - 1)  # the last paragraph was analysed, offsets mapped back
    growth_mb = (got["peak"] - got["base"]) / 1024
    assert growth_mb < 600, f"peak memory grew by {growth_mb:.0f} MB on a 1 MB article"


# -- issue 11: one bad record is that record's error ---------------------------------------------
_HOSTILE = {
    "surrogate.json": ('{"id": "s", "text": "Selon la police \\ud800 300 personnes."}', "lone surrogate"),
    "deep.json": ("[" * 5000 + "]" * 5000, "nested too deeply"),
    "bigint.json": ('{"id": ' + "9" * 5000 + ', "text": "Selon la police, 300."}', "cannot be read"),
}


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_hostile_json_is_its_records_one_line_error_and_json_output_stays_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer, command: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    paths = []
    for name, (content, _) in _HOSTILE.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        paths.append(str(tmp_path / name))
    jsonl = tmp_path / "lines.jsonl"
    jsonl.write_text("\n".join(content for content, _ in _HOSTILE.values()), encoding="utf-8")
    extra = ["--format", "json"] if command == "analyze" else ["--db", str(tmp_path / "s.db")]
    code, out, err = run_cli(capsys, command, *paths, str(jsonl), str(good), *extra)
    assert code == 1, err
    assert not any("internal error" in line for line in err), err
    for name, (_, reason) in _HOSTILE.items():
        _assert_one_line_error(err, str(tmp_path / name), reason)
    for k, (_, reason) in enumerate(_HOSTILE.values(), start=1):
        _assert_one_line_error(err, f"{jsonl}:{k}", reason)
    if command == "analyze":
        assert [a["article"]["id"] for a in json.loads(out)] == ["good"]


def test_json_array_is_closed_when_the_run_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def stopping(records, **kwargs):  # type: ignore[no-untyped-def]
        yield Analysis(article=Article(id="a", text=FRENCH))
        yield Analysis(article=Article(id="b", text=FRENCH))
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_batch", stopping)
    p = tmp_path / "a.txt"
    p.write_text(FRENCH, encoding="utf-8")
    code, out, _ = run_cli(capsys, "analyze", str(p), str(p), "--format", "json")
    assert code == 130
    assert [a["article"]["id"] for a in json.loads(out)] == ["a", "b"]


def test_missing_path_is_its_failure_and_the_others_are_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"id": "g", "text": FRENCH}), encoding="utf-8")
    missing = tmp_path / "missing.txt"
    for command, extra in (("analyze", ["--format", "jsonl"]), ("ingest", ["--db", str(tmp_path / "s.db")])):
        code, out, err = run_cli(capsys, command, str(missing), str(good), *extra)
        assert code == 1, (command, err)
        _assert_one_line_error(err, str(missing), "no such file")
        if command == "analyze":
            assert [a["article"]["id"] for a in lines_json(out)] == ["g"]
        else:
            assert "1 ingested" in err[-1]


def test_a_glob_through_a_symlink_loop_reads_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    assert expand_paths([str(tmp_path / "**" / "*.txt")]) == [str(tmp_path / "sub" / "a.txt")]


def test_dash_with_a_closed_stdin_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cli_analyzer: Analyzer
) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives a process started with <&-
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", "-", str(good), "--format", "jsonl")
    assert code == 1, err
    _assert_one_line_error(err, "<stdin>", "stdin")
    assert not any("internal error" in line for line in err)
    assert [a["article"]["id"] for a in lines_json(out)] == ["good"]
