/**
 * End-to-end benchmarks: Trustyard and the real peers measured on the same machine in the same run,
 * reported as ratios against the targets of the benchmark issue. Run by {@code scripts/bench.sh};
 * never by the test suite.
 */
package io.trustyard.benchmark;
