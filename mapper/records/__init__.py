"""Incident records: the files analysts already have (CSV, GeoJSON, GeoPackage, ACLED exports),
read into incidents and written back."""
