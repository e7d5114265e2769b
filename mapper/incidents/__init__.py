"""Incidents: the events a document reports (what, when, where, who, how many), merged across
reports."""

from mapper.incidents.extract import extract_incidents
from mapper.incidents.merge import join_incidents, merge_incidents

__all__ = ["extract_incidents", "join_incidents", "merge_incidents"]
