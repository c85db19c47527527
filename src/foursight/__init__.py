"""Foursight: find and manage stalking beside a police force's records management system."""

__version__ = "0.1.0"
