package io.trustyard.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** docker's credential helper protocol: {@code docker-credential-<name> get} with the server on stdin. */
@FunctionalInterface
public interface CredentialHelper {

  Optional<Credentials> get(String helper, String serverUrl);

  /** Runs the helper program found on this process's {@code PATH}. */
  CredentialHelper PROCESS = onPath(null);

  /**
   * Runs {@code docker-credential-<helper>} found in the directories of {@code path} (a
   * {@code PATH} value; null: this process's); a missing helper or an unknown server gives nothing.
   */
  static CredentialHelper onPath(String path) {
    return (helper, serverUrl) -> {
      if (!helper.matches("[A-Za-z0-9_.-]+")) {
        return Optional.empty();
      }
      String program = "docker-credential-" + helper;
      if (path == null) {
        return run(program, serverUrl);
      }
      return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
          .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst()
          .flatMap(found -> run(found.toString(), serverUrl));
    };
  }

  private static Optional<Credentials> run(String program, String serverUrl) {
    try {
      Process p = new ProcessBuilder(program, "get")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = p.getInputStream().readNBytes(1 << 20);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return Optional.empty();
      }
      JsonNode json = new ObjectMapper().readTree(out);
      String user = json.path("Username").asText("");
      String secret = json.path("Secret").asText("");
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      // docker's convention: the username "<token>" marks an identity token.
      return Optional.of("<token>".equals(user)
          ? new Credentials("", "", secret) : Credentials.basic(user, secret));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
