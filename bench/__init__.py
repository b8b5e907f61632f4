"""Benchmarks against the peers. Each ``bench/bench_<area>.py`` runs alone
(``python -m bench.bench_redline``) and writes its section of ``docs/benchmarks.md``."""
