"""Readers turn inputs (text files, later HTML, feeds, JSON lines, folders) into Articles."""
