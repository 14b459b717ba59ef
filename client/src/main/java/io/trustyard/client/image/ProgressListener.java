package io.trustyard.client.image;

/**
 * Follows the transfers of a push or pull, one line per blob as docker shows them. {@code id}
 * is the short hex of the blob's digest.
 */
public interface ProgressListener {

  /** A transfer of {@code total} bytes starts ({@code action}: "Downloading", "Pushing", ...). */
  void started(String id, String action, long total);

  /** {@code done} of the total bytes are through. */
  void progressed(String id, long done);

  /** The blob is finished ("Pull complete", "Already exists", "Pushed", "Mounted from x"). */
  void finished(String id, String status);

  /** A line of its own (e.g. "Digest: sha256:..."). */
  void message(String text);

  ProgressListener NONE = new ProgressListener() {
    @Override
    public void started(String id, String action, long total) {}

    @Override
    public void progressed(String id, long done) {}

    @Override
    public void finished(String id, String status) {}

    @Override
    public void message(String text) {}
  };

  static String shortId(io.trustyard.core.digest.Digest digest) {
    return digest.hex().substring(0, 12);
  }
}
