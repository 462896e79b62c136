from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.readers.feeds import check_xml, read_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire Desk</title><link>https://wire.example</link>
<item><title>Clash near Saraqib</title><link>https://wire.example/a</link><guid>a1</guid>
<pubDate>Sun, 03 Nov 2024 10:00:00 GMT</pubDate><category>Syria</category>
<description>&lt;p&gt;Fighting broke out near Saraqib.&lt;/p&gt;&lt;p&gt;Two died.&lt;/p&gt;
</description>
</item>
<item><title>No date</title><link>https://wire.example/b</link>
<description>Protesters marched in Idlib.</description></item>
<item><title>Empty</title><link>https://wire.example/c</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Post</title>
<entry><title>Shelling in Kharkiv</title><link href="https://atom.example/1"/><id>urn:1</id>
<updated>2024-11-04T00:00:00Z</updated><published>2024-11-02T00:00:00Z</published>
<author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;Shells hit a market in Kharkiv.&lt;/p&gt;</content></entry>
</feed>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><title>x</title><item><description>&lol2;</description></item>
</channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><description>&x;</description></item></channel></rss>"""


def test_feeds_rss_gives_one_item_per_entry_with_the_feed_date() -> None:
    items = list(read_feed(RSS, origin="wire.xml"))
    assert [item.origin for item in items] == ["wire.xml#1", "wire.xml#2", "wire.xml#3"]
    first = items[0].article
    assert first is not None
    assert first.text == "Fighting broke out near Saraqib.\nTwo died."
    assert first.title == "Clash near Saraqib"
    assert first.outlet == "Wire Desk"
    assert first.url == "https://wire.example/a"
    assert first.published == date(2024, 11, 3)
    assert first.published_source == "feed"
    assert items[0].metadata["tags"] == ["Syria"]
    undated = items[1].article
    assert undated is not None
    assert undated.published is None
    assert items[2].error == "wire.xml#3: the entry has no text (no content or summary)"


def test_feeds_atom_content_author_and_published_date() -> None:
    [item] = read_feed(ATOM, origin="atom.xml")
    assert item.article is not None
    assert item.article.text == "Shells hit a market in Kharkiv."
    assert item.article.outlet == "Atom Post"
    assert item.article.published == date(2024, 11, 2)
    assert item.metadata["author"] == "Ann Lee"


def test_feeds_without_entries_are_skipped() -> None:
    data = b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    [item] = read_feed(data, origin="quiet.xml")
    assert item.skip == "the feed has no entries"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "declares XML entities"),
        (EXTERNAL_ENTITY, "declares XML entities"),
        (b"<rss><channel><item><title>x</item></channel>", "not well-formed XML"),
        (b"", "the file is empty"),
        (b"<html><body><p>hi</p></body></html>", "not an RSS or Atom feed"),
    ],
)
def test_feeds_refuse_bombs_and_broken_xml_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        list(read_feed(data, origin="bad.xml"))
    assert str(caught.value).startswith("bad.xml: ")
    assert "\n" not in str(caught.value)


def test_feeds_check_xml_accepts_a_doctype_without_entities() -> None:
    check_xml(b'<?xml version="1.0"?><!DOCTYPE rss><rss version="0.91"></rss>', origin="x")


XML_PARTS = st.sampled_from(
    ["<rss version='2.0'>", "</rss>", "<channel>", "</channel>", "<item>", "</item>",
     "<title>", "</title>", "<description>", "</description>", "<!DOCTYPE x>", "&amp;",
     "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>", "</entry>"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(XML_PARTS, st.text(max_size=20)), max_size=30))
def test_feeds_any_xml_gives_items_or_an_input_error(parts: list[str]) -> None:
    try:
        items = list(read_feed("".join(parts).encode(), origin="f"))
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert all(item.article or item.error or item.skip for item in items)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500))
def test_feeds_any_bytes_give_items_or_an_input_error(data: bytes) -> None:
    try:
        list(read_feed(data, origin="f"))
    except InputError as error:
        assert "\n" not in str(error)
