package io.trustyard.client.testing;

import io.trustyard.client.image.ProgressListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every "id: status" line a push or pull reports. */
public final class RecordingProgress implements ProgressListener {
  public final List<String> finished = Collections.synchronizedList(new ArrayList<>());
  public final List<String> messages = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void started(String id, String action, long total) {}

  @Override
  public void progressed(String id, long done) {}

  @Override
  public void finished(String id, String status) {
    finished.add(id + ": " + status);
  }

  @Override
  public void message(String text) {
    messages.add(text);
  }

  public long count(String status) {
    return finished.stream().filter(s -> s.endsWith(": " + status)).count();
  }
}
