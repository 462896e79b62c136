from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from frontlines.bench.geoparsing_data import (
    CORPORA,
    GeoDoc,
    parse_corpus,
    read_corpus,
    realign,
    sample_docs,
)

LGL = next(c for c in CORPORA if c.name == "LGL")
GEOVIRUS = next(c for c in CORPORA if c.name == "GeoVirus")

LGL_XML = """<articles>
  <article docid="7"><text><![CDATA[Fire in Alexandria. Rapides Parish and Nowhere.]]></text>
    <toponyms>
      <toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>20</start><end>34</end><phrase>Rapides Parish</phrase></toponym>
      <toponym><start>0</start><end>4</end><phrase>Atlantis</phrase></toponym>
    </toponyms>
  </article>
</articles>"""

GEOVIRUS_XML = """<articles>
  <article><source>https://en.wikinews.org/wiki/x</source>
    <text>Hogs culled in Pandi, Bulacan.</text>
    <locations>
      <location><name>Pandi</name><start>14</start><end>19</end><lat>14.87</lat><lon>120.95</lon></location>
    </locations>
  </article>
</articles>"""


def test_geoparsing_data_reads_lgl_with_and_without_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_XML, encoding="utf-8")
    [doc] = read_corpus(path, LGL)
    assert doc.id == "7"
    assert [(t.text, t.point) for t in doc.toponyms] == [
        ("Alexandria", (31.3113, -92.4451)),
        ("Rapides Parish", None),
    ]
    assert doc.dropped == 1  # Atlantis is not in the text


def test_geoparsing_data_realigns_shifted_geovirus_offsets() -> None:
    [doc] = parse_corpus(ET.fromstring(GEOVIRUS_XML), GEOVIRUS)
    [pandi] = doc.toponyms
    assert doc.text[pandi.start : pandi.end] == "Pandi"
    assert (pandi.start, pandi.end) == (15, 20)
    assert doc.id == "https://en.wikinews.org/wiki/x"


def test_geoparsing_data_realign_prefers_the_nearest_occurrence() -> None:
    text = "Aleppo. Aleppo and Aleppo"
    assert realign(text, 8, 14, "Aleppo") == (8, 14)
    assert realign(text, 10, 16, "Aleppo") == (8, 14)
    assert realign(text, 0, 4, "Idlib") is None


def test_geoparsing_data_sample_docs_is_a_fixed_subset() -> None:
    docs = [GeoDoc(id=str(i), text=f"text {i}", toponyms=()) for i in range(20)]
    first = sample_docs(docs, size=5)
    assert [d.id for d in first] == [d.id for d in sample_docs(list(reversed(docs)), size=5)]
    assert len(first) == 5
    assert sample_docs(docs, size=None) == docs
