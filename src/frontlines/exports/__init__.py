"""Stored events written out, beside the store that holds them: ACLED-style CSV, JSON, GeoJSON
and terminal tables (``events``), and the table layout that fits the terminal (``tables``)."""
