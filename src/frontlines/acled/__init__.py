"""ACLED's formats: its dates, its actor names and codes, its CSV read in and written out."""
