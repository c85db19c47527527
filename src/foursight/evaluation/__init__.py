"""Measuring the engines against labelled data (pure Python, no Django)."""
