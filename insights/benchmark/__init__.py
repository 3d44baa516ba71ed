"""Synthetic data and timings for `manage.py bench_insights` (PostgreSQL only)."""
