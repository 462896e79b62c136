"""Talking to a running ``frontlines serve``: sending it the articles ``ingest`` reads."""
