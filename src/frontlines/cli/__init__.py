"""The ``frontlines`` command: ``main`` (the group and its core commands), one module per further
command family (``events``, ``gazetteer``, ``acled``, ``store``, ``batch``) and the option types
they share (``options``)."""
