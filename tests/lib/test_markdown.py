"""Markdown from staff is shown to everyone, so nothing executable may survive rendering."""

from caucus.lib.markdown import render_markdown


def test_script_tags_are_removed_with_their_code() -> None:
    html = render_markdown("Hello <script>alert('x')</script> members")
    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html


def test_event_handler_attributes_are_stripped() -> None:
    html = render_markdown('<img src="x.png" onerror="alert(1)"> <em onclick="steal()">soft</em>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "<em>soft</em>" in html


def test_javascript_links_lose_their_target() -> None:
    html = render_markdown("[click me](javascript:alert(document.cookie))")
    assert "javascript:" not in html
    assert "click me" in html


def test_links_keep_their_address_and_open_safely() -> None:
    html = render_markdown("Read [the proposal](https://union.example/p/1).")
    assert '<a href="https://union.example/p/1" rel="noopener noreferrer">the proposal</a>' in html


def test_basic_formatting_survives() -> None:
    html = render_markdown("**Bold** and *soft*\n\n- one\n- two")
    assert "<strong>Bold</strong>" in html
    assert "<em>soft</em>" in html
    assert "<li>one</li>" in html


def test_headings_sit_below_the_pages_own_title() -> None:
    html = render_markdown("# Big news\n\n## Details")
    assert "<h1" not in html
    assert "<h2>Big news</h2>" in html
    assert "<h3>Details</h3>" in html


def test_styles_and_iframes_are_dropped() -> None:
    html = render_markdown(
        '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>ok'
    )
    assert "display:none" not in html
    assert "iframe" not in html
    assert "ok" in html
