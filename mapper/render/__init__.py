"""Rendering: incidents into interactive maps, static maps, reports and timelines."""
