package io.trustyard.client.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials in docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}): the {@code auths} map of base64 {@code user:password} entries
 * and identity tokens, plus {@code credHelpers}/{@code credsStore} helpers when configured. Writes
 * keep every other setting in the file and replace it atomically with mode 0600.
 */
public final class DockerConfig implements CredentialStore {

  /** The key docker uses for Docker Hub in {@code auths}. */
  public static final String HUB_KEY = "https://index.docker.io/v1/";
  private static final long MAX_CONFIG = 4L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final CredentialHelper helpers;

  public DockerConfig(Path file, CredentialHelper helpers) {
    this.file = file;
    this.helpers = helpers;
  }

  /** The config of the current user, honouring {@code DOCKER_CONFIG}. */
  public static DockerConfig forUser(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    Path base = dir != null && !dir.isBlank()
        ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
    return new DockerConfig(base.resolve("config.json"), CredentialHelper.onPath(env.get("PATH")));
  }

  public Path file() {
    return file;
  }

  @Override
  public Optional<Credentials> get(String registryHost) {
    ObjectNode root = read();
    String helper = root.path("credHelpers").path(registryHost).asText("");
    if (helper.isEmpty()) {
      helper = root.path("credsStore").asText("");
    }
    if (!helper.isEmpty()) {
      Optional<Credentials> fromHelper = helpers.get(helper, keyFor(registryHost));
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    JsonNode auths = root.path("auths");
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (hostOf(entry.getKey()).equals(hostOf(keyFor(registryHost)))) {
        return decode(entry.getKey(), entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** Stores credentials for a registry in {@code auths}, as {@code docker login} does without a helper. */
  public void store(String registryHost, Credentials credentials) throws IOException {
    ObjectNode root = read();
    ObjectNode auths = root.has("auths") && root.get("auths").isObject()
        ? (ObjectNode) root.get("auths") : root.putObject("auths");
    removeEntriesFor(auths, registryHost);
    ObjectNode entry = auths.putObject(keyFor(registryHost));
    String pair = credentials.username() + ":" + credentials.password();
    entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    if (credentials.hasIdentityToken()) {
      entry.put("identitytoken", credentials.identityToken());
    }
    write(root);
  }

  /** Forgets the credentials for a registry; true when there were some. */
  public boolean erase(String registryHost) throws IOException {
    ObjectNode root = read();
    if (!(root.get("auths") instanceof ObjectNode auths) || !removeEntriesFor(auths, registryHost)) {
      return false;
    }
    write(root);
    return true;
  }

  static String keyFor(String registryHost) {
    return switch (registryHost) {
      case "docker.io", "index.docker.io", "registry-1.docker.io" -> HUB_KEY;
      default -> registryHost;
    };
  }

  /** Keys may be bare hosts or URLs ({@code https://host:port/v1/}); compare on the host part. */
  static String hostOf(String key) {
    String s = key;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    return slash >= 0 ? s.substring(0, slash) : s;
  }

  private static boolean removeEntriesFor(ObjectNode auths, String registryHost) {
    String host = hostOf(keyFor(registryHost));
    boolean removed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      if (hostOf(it.next().getKey()).equals(host)) {
        it.remove();
        removed = true;
      }
    }
    return removed;
  }

  private Optional<Credentials> decode(String key, JsonNode entry) {
    String identityToken = entry.path("identitytoken").asText("");
    String auth = entry.path("auth").asText("");
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (!auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file + ": the auth entry for " + key + " is not valid base64");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException(file + ": the auth entry for " + key + " has no ':'");
      }
      username = pair.substring(0, colon);
      password = pair.substring(colon + 1);
    }
    if (username.isEmpty() && password.isEmpty() && identityToken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(username, password, identityToken));
  }

  private ObjectNode read() {
    try {
      if (!Files.exists(file)) {
        return JSON.createObjectNode();
      }
      if (Files.size(file) > MAX_CONFIG) {
        throw new IllegalStateException(file + " is larger than 4 MiB; refusing to read it");
      }
      JsonNode node = JSON.readTree(Files.readAllBytes(file));
      if (node == null || node.isMissingNode()) {
        return JSON.createObjectNode();
      }
      if (!node.isObject()) {
        throw new IllegalStateException(file + " is not a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode root) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".config", ".tmp");
    try {
      restrict(tmp);
      Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void restrict(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: nothing more we can do.
    }
  }
}
