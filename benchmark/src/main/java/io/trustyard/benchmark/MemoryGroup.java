package io.trustyard.benchmark;

/** Peak RSS (VmHWM) of every server the earlier groups loaded; runs last, while they are still up. */
final class MemoryGroup implements BenchGroup {
  @Override
  public String id() {
    return "memory";
  }

  @Override
  public String title() {
    return "Memory: peak RSS during the load above";
  }

  @Override
  public void run(BenchEnv env, Section section) {
    for (AutoCloseable server : env.sharedServers()) {
      if (server instanceof PeakRss p) {
        p.peakRss().forEach(section::add);
      }
    }
    section.note("VmHWM from /proc/<pid>/status of each server process, read after all groups before it ran; "
        + "Trustyard's servers run as `java -jar trustyard.jar serve ...` with the JVM's default heap sizing, "
        + "as deploy/Dockerfile runs them");
  }
}
