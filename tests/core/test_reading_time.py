"""Reading time of library articles: words counted as a reader sees them, each language at its own rate."""

from __future__ import annotations

from peerapp.core.library import load_articles
from peerapp.core.reading_time import WORDS_PER_MINUTE, reading_minutes, word_count


def test_words_are_counted_as_read_in_both_scripts() -> None:
    assert word_count("Box breathing: in, hold, out, hold.") == 6
    assert word_count("Don't rush; try 4-7-8 breathing.") == 5
    # A link's address is not read, its words are; Markdown marks are not words.
    assert word_count("## Call [a helpline](https://example.org/a-b-c) **now**") == 4
    # Arabic: clitics stay inside their word, marks and the tatweel do not split one.
    assert word_count("التنفّس المربّع يساعدك، وبخاصةٍ عند القلق.") == 6
    assert word_count("تنفس ٤-٧-٨") == 2


def test_minutes_follow_each_language_rate() -> None:
    english = " ".join(["word"] * (WORDS_PER_MINUTE["en"] * 4))
    arabic = " ".join(["كلمة"] * (WORDS_PER_MINUTE["ar"] * 4))
    assert reading_minutes(english, "en") == 4
    assert reading_minutes(arabic, "ar") == 4
    # The same number of words takes longer in Arabic: fewer, fuller words are read per minute.
    assert reading_minutes(english, "ar") > reading_minutes(english, "en")
    assert reading_minutes("", "en") == 1  # never "0 min read"
    assert reading_minutes("one two", "fr") == 1  # another folder's language reads at the default rate


def test_every_bundled_article_has_a_plausible_reading_time() -> None:
    for lang in ("en", "ar"):
        minutes = {a.id: reading_minutes(a.body, a.lang) for a in load_articles(lang)}
        assert minutes and all(1 <= m <= 30 for m in minutes.values()), minutes
    # An Arabic article and its English original take about as long to read (the rates are meant to
    # make them agree): never more than two minutes apart. The crisis lines are a directory of names
    # and numbers, looked up rather than read through, so prose rates do not apply to it.
    english = {a.id: reading_minutes(a.body, "en") for a in load_articles("en")}
    arabic = {a.id: reading_minutes(a.body, "ar") for a in load_articles("ar")}
    apart = {
        i: (english[i], arabic[i])
        for i in english.keys() & arabic.keys() - {"crisis-lines"}
        if abs(english[i] - arabic[i]) > 2
    }
    assert not apart, apart
