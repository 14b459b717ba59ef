package io.trustyard.benchmark;

import java.util.Locale;

/**
 * One line of the report: what the peer (or a physical limit) achieved beside what Trustyard
 * achieved, and the ratio the issue asks for. {@code peer} is NaN when the peer could not be
 * measured; the line then says so instead of pretending a ratio.
 *
 * @param higherIsBetter throughput (true) or time (false): decides how the ratio is met
 * @param targetRatio ours/peer must be at least this (throughput) or at most this (time); NaN when the
 *     issue sets no target for the figure (it is reported for comparison only)
 */
record Figure(String name, String unit, String peerName, double peer, double ours, boolean higherIsBetter,
    double targetRatio, String note) {

  double ratio() {
    return ours / peer;
  }

  boolean measured() {
    return Double.isFinite(peer) && Double.isFinite(ours) && peer > 0;
  }

  boolean hasTarget() {
    return Double.isFinite(targetRatio);
  }

  boolean met() {
    return measured() && hasTarget() && (higherIsBetter ? ratio() >= targetRatio : ratio() <= targetRatio);
  }

  String target() {
    if (!hasTarget()) {
      return "none set";
    }
    return (higherIsBetter ? ">= " : "<= ") + fmt(targetRatio) + "x " + peerName;
  }

  String verdict() {
    if (!measured()) {
      return "not measured";
    }
    return !hasTarget() ? "no target" : met() ? "met" : "MISSED";
  }

  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  }
}
