"""Contracts split into articles, and each article paired with its twin."""

from caucus.engines.redline import compare_articles
from caucus.engines.redline.articles import align_articles, split_articles

OLD = (
    "Agreement between Acme and Local 12.\n\n"
    "ARTICLE 1 - RECOGNITION\nThe employer recognizes the union.\n\n"
    "ARTICLE 2 - WAGES\nWages are $20.00 per hour for every classification.\n\n"
    "ARTICLE 3 - HOURS\nThe work week is forty hours from Monday to Friday.\n"
)
NEW = (
    "Agreement between Acme and Local 12.\n\n"
    "ARTICLE 1 - RECOGNITION\nThe employer recognizes the union.\n\n"
    "ARTICLE 2 - SAFETY\nBoots are provided.\n\n"
    "ARTICLE 3 - WAGES\nWages are $22.00 per hour for every classification.\n\n"
    "ARTICLE 4 - WORKING TIME\nThe work week is forty hours from Monday to Friday.\n"
)


def test_articles_split_at_headings_and_rejoin_exactly() -> None:
    articles = split_articles(OLD)
    assert [(a.number, a.title) for a in articles] == [
        (None, ""),
        ("1", "RECOGNITION"),
        ("2", "WAGES"),
        ("3", "HOURS"),
    ]
    assert "".join(a.text for a in articles) == OLD


def test_roman_and_numbered_headings_are_found() -> None:
    text = "Article IV: Hours\nForty.\n12. OVERTIME\nDouble.\n"
    assert [a.number for a in split_articles(text)] == ["IV", "12"]


def test_renumbered_article_is_paired_with_its_twin_by_title() -> None:
    pairs = align_articles(split_articles(OLD), split_articles(NEW))
    wages = next(p for p in pairs if p.new and p.new.title == "WAGES")
    assert wages.old is not None
    assert wages.old.number == "2"
    assert wages.how == "title"
    assert wages.is_renumbered


def test_retitled_article_is_paired_by_content() -> None:
    pairs = align_articles(split_articles(OLD), split_articles(NEW))
    working = next(p for p in pairs if p.new and p.new.title == "WORKING TIME")
    assert working.old is not None
    assert working.old.title == "HOURS"
    assert working.how == "content"


def test_new_article_is_added() -> None:
    pairs = align_articles(split_articles(OLD), split_articles(NEW))
    assert [p.new.title for p in pairs if p.how == "added" and p.new] == ["SAFETY"]


def test_removed_article_is_listed_where_it_was() -> None:
    pairs = align_articles(split_articles(NEW), split_articles(OLD))
    hows = [(p.how, (p.old or p.new).title) for p in pairs]  # type: ignore[union-attr]
    assert ("removed", "SAFETY") in hows
    assert hows[hows.index(("removed", "SAFETY")) - 1][1] == "RECOGNITION"


def test_compared_articles_show_only_the_wage_change_in_wages() -> None:
    diffs = compare_articles(OLD, NEW)
    wages = next(d for d in diffs if d.pair.new and d.pair.new.title == "WAGES")
    changes = [(op.old_text, op.new_text) for op in wages.ops if op.op != "equal"]
    assert ("$20.00", "$22.00") in changes
