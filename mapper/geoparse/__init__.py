"""Geoparsing: the place names of a text (recognition) and the places they mean (resolution)."""
