package io.trustyard.benchmark;

import java.util.List;

/**
 * A shared set of servers (peer beside Trustyard) that can say how much memory each used at peak;
 * {@link MemoryGroup} reports every one a run started.
 */
interface PeakRss {
  /** One "lower is better" figure per server pair, peak RSS in MiB, target <= 2x the peer. */
  List<Figure> peakRss();
}
