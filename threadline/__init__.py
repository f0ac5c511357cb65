"""Threadline: one shared multi-agency record around a child, with the reviews' learning built in."""
