"""Evaluation against hand-made gold: loading gold files and PolNeAR, and scoring.

``gold`` reads the project's gold layout, ``polnear`` reads the PolNeAR brat
corpus into the same records, and ``scoring`` compares a run's output with
them, with figures that agree with the official ``score.py``.
"""
