package io.trustyard.benchmark;

import java.util.ArrayList;
import java.util.List;

/** What one {@link BenchGroup} measured: its figures, notes on how, and the failure that ended it, if any. */
final class Section {
  final String id;
  final String title;
  final List<Figure> figures = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  String failure;
  double seconds;

  Section(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** Adds a figure; also printed at once so a long run shows progress. */
  void add(Figure f) {
    figures.add(f);
    System.err.println("bench:   " + f.name() + ": " + f.peerName() + " " + Figure.fmt(f.peer()) + ", Trustyard "
        + Figure.fmt(f.ours()) + " " + f.unit() + " -> " + (f.measured() ? Figure.fmt(f.ratio()) + "x" : "n/a")
        + " (" + f.target() + ": " + f.verdict() + ")");
  }

  void note(String line) {
    notes.add(line);
  }
}
