package io.trustyard.client.trust;

import io.trustyard.client.trust.TrustException.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A trust directory as docker and the notary CLI lay it out (spec/notary.md §7.1):
 * {@code private/<canonical key ID>.key}, {@code tuf/<gun>/metadata/<role>.json} and
 * {@code tuf/<gun>/changelist/}. The GUN is a relative path (its slashes become directories), so
 * it is checked before it touches a path.
 */
public record TrustDir(Path root) {
  public TrustDir {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  /** Docker's trust dir: {@code $DOCKER_CONFIG/trust}, else {@code ~/.docker/trust}. */
  public static TrustDir docker(Map<String, String> env) {
    String config = env.get("DOCKER_CONFIG");
    if (config != null && !config.isBlank()) {
      return new TrustDir(Path.of(config, "trust"));
    }
    return new TrustDir(home(env).resolve(".docker").resolve("trust"));
  }

  /** The notary CLI's default trust dir: {@code ~/.notary}. */
  public static TrustDir notary(Map<String, String> env) {
    return new TrustDir(home(env).resolve(".notary"));
  }

  private static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  public Path privateDir() {
    return root.resolve("private");
  }

  public Path keyFile(String canonicalId) {
    if (!canonicalId.matches("[0-9a-f]{64}")) {
      throw new TrustException(Kind.INVALID, "invalid key ID \"" + canonicalId + "\"");
    }
    return privateDir().resolve(canonicalId + ".key");
  }

  /** {@code tuf/<gun>} after checking the GUN cannot escape it. */
  public Path repositoryDir(String gun) {
    return root.resolve("tuf").resolve(checkGun(gun));
  }

  public Path metadataDir(String gun) {
    return repositoryDir(gun).resolve("metadata");
  }

  public Path changelistDir(String gun) {
    return repositoryDir(gun).resolve("changelist");
  }

  /** A GUN usable as a relative path: non-empty segments, no {@code .}/{@code ..}, no backslash or NUL. */
  public static String checkGun(String gun) {
    if (gun == null || gun.isEmpty() || gun.length() > 255 || gun.startsWith("/") || gun.contains("\\")
        || gun.indexOf('\0') >= 0) {
      throw new TrustException(Kind.INVALID, "invalid repository name (GUN) \"" + gun + "\"");
    }
    for (String segment : gun.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new TrustException(Kind.INVALID, "invalid repository name (GUN) \"" + gun + "\"");
      }
    }
    return gun;
  }
}
