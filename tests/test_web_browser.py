"""The web reader in a real browser: Debian's Chromium driven by Playwright against a real
uvicorn server on a free loopback port.

Reads the seed article through the form and checks what a person sees (the highlighted
quote with its speaker, the figures table with the sources), checks that an article full of
markup runs no script, and that the compare chart is drawn. A screenshot of the reader is
saved as ``tests/artifacts/reader.png`` (git-ignored).

Without Chromium (``apt-get install chromium``) or the seed article the test is skipped,
except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from selon.pipeline.analyzer import Analyzer
from selon.store.loader import ingest
from web_helpers import ARTICLES, XSS_ID, article_json

pytestmark = pytest.mark.model

CHROMIUM = Path("/usr/bin/chromium")
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev" / "seed-mossoul-fr.json"
ARTIFACTS = Path(__file__).parent / "artifacts"
NBSP = "\u00a0"
#: A march on Saturday 16 March 2024 reported on Sunday 17: its figure's place is Lyon, its
#: period that Saturday.
LYON_SAMEDI = {
    "id": "lyon-samedi",
    "published": "2024-03-17",
    "outlet": "Le Progrès",
    "title": "Manifestation samedi à Lyon",
    "text": "3000 manifestants ont défilé samedi à Lyon, selon la préfecture.\nLe cortège est resté calme.",
}
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; under CI=true the browser test must run")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        _skip_or_fail(f"the seed article is not here ({SEED})")
    return str(json.loads(SEED.read_text(encoding="utf-8"))["text"])


@pytest.fixture(scope="module")
def browser_ok() -> None:
    if not CHROMIUM.is_file():
        _skip_or_fail("Chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail("the playwright package is not installed (pip install -e '.[test]')")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(browser_ok: None, seed_text: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server in a thread, on a store of the test articles and the seed article."""
    import uvicorn

    from selon.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    for f in ARTICLES.glob("*.json"):
        shutil.copy(f, folder / f.name)
    (folder / "lyon-samedi.json").write_text(json.dumps(LYON_SAMEDI, ensure_ascii=False), encoding="utf-8")
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    (folder / "seed.json").write_text(
        json.dumps({"id": seed["id"], "text": seed_text, "published": seed.get("published"), "outlet": "Sputnik"}),
        encoding="utf-8",
    )
    analyzer = Analyzer("fr")
    db = str(folder / "store.db")
    assert ingest([folder], db, analyzer=analyzer).exit_code == 0
    port = _free_port()
    config = uvicorn.Config(create_app(db_url=db, analyzer=analyzer), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator:
    """One Chromium for the module (Playwright's sync API runs one instance a thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser) -> Iterator:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def test_reader_in_a_real_browser(server: str, page, seed_text: str) -> None:  # noqa: ANN001
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    # 1. paste the seed article and submit (the English interface: the browser is French, the
    # switch keeps English in a cookie)
    page.goto(server + "/?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(server + "/")
    page.fill("textarea[name=text]", seed_text)
    page.click("button[type=submit]")
    page.wait_for_selector("#article-text")

    quote = page.locator("#article-text span.st", has_text="Quels motifs font agir").first
    assert quote.is_visible()
    sid = quote.get_attribute("data-s")
    assert sid
    assert (quote.get_attribute("title") or "").startswith("Igor Konachenkov")
    colour = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "the statement is not highlighted"

    # hovering lights the statement and its card; clicking opens the card with the speaker
    quote.hover()
    assert "hl" in (page.locator(f"#st-{sid}").get_attribute("class") or "")
    quote.click()
    card = page.locator(f"#st-{sid}")
    assert card.evaluate("el => el.open") is True
    assert card.locator("dd.speaker-name").inner_text() == "Igor Konachenkov"
    assert "direct" in card.inner_text() and "a-t-il commenté" in card.inner_text()

    # the figures table: the four figures with their sources
    rows = {
        r.locator("td.num").inner_text().replace(NBSP, " "): r.locator("td.source").inner_text()
        for r in page.locator("table.figures tbody tr").all()
    }
    assert rows.get("> 130") == "Nawfal Hammadi"
    assert rows.get("> 300") == "ONU"
    assert rows.get("> 260 000") == "Organisation internationale pour les migrations"
    assert rows.get("> 400 000") == "ONU"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reader.png"), full_page=True)

    # 2. an article full of markup runs nothing
    xss = article_json(XSS_ID)["text"]
    page.goto(server + "/")
    page.fill("textarea[name=text]", xss)
    page.click("button[type=submit]")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("#article-text").inner_text() == xss
    assert page.locator("#article-text script, #article-text img, #article-text svg").count() == 0
    # the stored copy too (markup in its title and outlet as well)
    page.goto(server + "/articles?q=pwned")
    page.click("ol.articles a.title")
    page.wait_for_selector("#article-text")
    assert page.locator("h1").inner_text().startswith("<script>")
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert dialogs == []

    # 3. the compare view draws its chart (with the plotly.js this server ships)
    page.goto(server + "/compare?outcome=killed")
    page.wait_for_selector("#chart[data-rendered=true]")
    assert page.locator("#chart svg.main-svg").count() >= 1
    assert page.locator("#chart path.point").count() >= 3
    legend = page.locator("#chart .legendtext").all_text_contents()
    assert {"ONU", "Nawfal Hammadi", "pompiers"} <= set(legend)
    # all dated: figures over time
    page.goto(server + "/compare?outcome=participating")
    page.wait_for_selector("#chart[data-rendered=true]")
    assert page.locator("#chart path.point").count() >= 3
    assert "published" in page.locator("#chart .xtitle").text_content()
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
    page.goto(server + "/compare")
    page.wait_for_selector("#chart[data-rendered=true]")
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert dialogs == []
    csp = [m for m in console_errors if "Content Security Policy" in m]
    assert csp == [], csp


@pytest.fixture
def new_page(browser) -> Iterator:  # noqa: ANN001
    """A page factory: a fresh browser context (no cookie) of the given viewport and locale."""
    contexts = []

    def make(width: int = 1400, height: int = 1000, locale: str = "fr-FR"):  # noqa: ANN202
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        contexts.append(context)
        p = context.new_page()
        p.set_default_timeout(20_000)
        return p

    yield make
    for context in contexts:
        context.close()


def _read(page, server: str, text: str) -> None:  # noqa: ANN001
    page.goto(server + "/")
    page.fill("textarea[name=text]", text)
    page.click("button[type=submit]")
    page.wait_for_selector("#article-text")


def test_reader_by_keyboard(server: str, new_page, seed_text: str) -> None:  # noqa: ANN001
    """Tab reaches the statements; the focused one shows its speaker, role and cue in the
    panel (no hovering) with a visible focus ring; Enter opens its card. A French browser
    gets the French interface."""
    page = new_page(locale="fr-FR")
    _read(page, server, seed_text)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("#article-text").get_attribute("lang") == "fr"
    assert page.locator("table.figures th").first.inner_text() == "valeur"
    seen: list[str] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        sid = page.evaluate("() => document.activeElement.closest('#article-text [data-s]')?.dataset.s || null")
        if sid is None:
            if seen:
                break  # past the last statement
            continue
        seen.append(sid)
        focused = page.locator(f'#article-text [data-s="{sid}"][tabindex="0"]')
        ring = focused.evaluate("el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]")
        assert ring == ["solid", "3px"], ring
        panel = page.locator(f"#d-{sid}")
        box = panel.bounding_box()  # a description not shown is a clipped 1 px box
        assert box and box["width"] > 100 and box["height"] > 10, f"the panel does not show statement {sid}"
        assert page.locator(".st-desc.shown").count() == 1
        # what the card says of the statement (speaker, role, cue) is in the panel, unhovered
        speaker, role, cue = (
            page.locator(f"#st-{sid} dd.{name}").text_content() for name in ("speaker-name", "st-role", "st-cue")
        )
        shown = panel.inner_text()
        assert speaker and speaker in shown
        for detail in (role, cue):
            assert detail == "—" or detail in shown, (sid, detail, shown)
        if "Quels motifs font agir" in (focused.text_content() or ""):
            assert "Igor Konachenkov" in shown and "a-t-il commenté" in shown
            page.keyboard.press("Enter")
            assert page.locator(f"#st-{sid}").evaluate("el => el.open") is True
    statements = page.locator("#article-text [data-s]").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.s))]"
    )
    assert seen == statements, "Tab did not reach every statement once, in order"
    last = page.locator("#d-" + seen[-1]).bounding_box()
    assert last and last["width"] > 100


@pytest.mark.parametrize(
    "path", ["/", "read", "/articles", "/compare?outcome=killed", "/articles?q=Mossoul", "/figures", "/a/lyon-samedi?hl=f1"]
)
def test_no_horizontal_overflow_at_400px(server: str, new_page, seed_text: str, path: str) -> None:  # noqa: ANN001
    """On a 400 px wide phone every page fits: nothing wider than the screen, the article
    text, its statements and the figures table inside it."""
    page = new_page(width=400, height=800)
    if path == "read":
        _read(page, server, seed_text)
    else:
        page.goto(server + path)
        if path.startswith("/articles?"):
            page.click("ol.articles a.title")
            page.wait_for_selector("#article-text")
    page.wait_for_load_state("load")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400, f"{path}: the page is {width} px wide on a 400 px screen"
    for selector in ("#article-text", "main", "table.figures", "#chart"):
        for box in (el.bounding_box() for el in page.locator(selector).all()):
            assert box is None or box["x"] >= 0 and box["x"] + box["width"] <= 400, (path, selector, box)
    if path == "read":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "reader-400px.png"), full_page=True)


def test_from_a_compare_cell_to_the_highlighted_sentence(server: str, new_page) -> None:  # noqa: ANN001
    """Issue 12: a compare cell is one click from its figure's sentence, highlighted in its
    article, with the figure's place and period shown (a march on Saturday reported on Sunday)."""
    page = new_page(locale="en-GB")
    page.goto(server + "/compare?outcome=participating&since=2024-03-17&lang=en")
    cell = page.locator('td.src[data-source="préfecture"]')
    assert cell.locator("a").inner_text() == "3000"
    assert cell.locator("small.scope").inner_text() == "Lyon · 2024-03-16 (samedi)"
    cell.locator("a").click()
    page.wait_for_url("**/a/lyon-samedi?hl=f1#fig-f1")
    mark = page.locator("#article-text mark.picked")
    assert mark.count() == 1
    assert mark.inner_text() == "3000 manifestants ont défilé samedi à Lyon, selon la préfecture."
    assert mark.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 212, 59)"
    # the figure's row is the page's target, and says where and when
    row = page.locator("#fig-f1")
    assert row.evaluate("el => el.matches(':target')") is True
    assert row.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 241, 184)"
    assert row.locator("td.source").inner_text() == "préfecture"
    assert row.locator("td.place").inner_text() == "Lyon"
    assert row.locator("td.period").inner_text() == "2024-03-16 (samedi)"
    assert row.is_visible()
    # the other sentence is not picked out
    assert "Le cortège est resté calme." not in mark.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sentence.png"))


def test_group_chart_points_lead_to_their_sentences(server: str, new_page) -> None:  # noqa: ANN001
    page = new_page()
    page.goto(server + "/compare?outcome=participating&since=2024-03-17&lang=en")
    page.goto(server + page.locator("a.chart-link").first.get_attribute("href"))
    page.wait_for_selector("#chart[data-rendered=true]")
    assert "group=1" in page.url
    assert page.locator("#chart path.js-line").count() >= 1
    assert "period, else published" in page.locator("#chart .xtitle").text_content()
    page.screenshot(path=str(ARTIFACTS / "compare-group.png"), full_page=True)
    # a click on a point opens that figure's sentence (compare.js, on Plotly's click event)
    box = page.locator("#chart path.point").first.bounding_box()
    assert box
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/a/lyon-samedi?hl=f1#fig-f1")
    assert page.locator("mark.picked").inner_text().startswith("3000 manifestants")
    # the figures page: a row's link opens its sentence too
    page.goto(server + "/figures?source=pr%C3%A9fecture&place=lyon&period=2024-03-16&lang=en")
    rows = page.locator("table.all-figures tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td.period").inner_text() == "2024-03-16 (samedi)"
    rows.first.locator("td.num a").click()
    page.wait_for_url("**/a/lyon-samedi?hl=f1#fig-f1")
    assert page.locator("mark.picked").inner_text().startswith("3000 manifestants")
