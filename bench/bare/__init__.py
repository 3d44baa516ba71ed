"""A bare Django project: the baseline bench/bench_submissions.py measures the product against."""
