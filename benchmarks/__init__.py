"""Benchmarks and the project sandbox they and the tests share; not part of the site."""
