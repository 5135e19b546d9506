"""The build-performance benchmark of issue 6 (see benchmarks/README.md)."""
