"""Benchmarks: ``python bench/run.py`` runs every ``bench_*.py`` module here (see run.py)."""
