"""Lexicons for event extraction (YAML data written by the frontlines developers)."""
