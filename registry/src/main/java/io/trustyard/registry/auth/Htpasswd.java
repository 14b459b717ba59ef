package io.trustyard.registry.auth;

import io.trustyard.core.digest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * An htpasswd file with bcrypt entries (the only kind distribution accepts). Successful checks are
 * remembered by a hash of the credentials, so clients sending Basic auth on every request do not
 * pay bcrypt's cost each time.
 */
public final class Htpasswd {
  private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
  private final Map<String, String> entries;
  private final Set<Digest> verified = ConcurrentHashMap.newKeySet();

  public Htpasswd(Map<String, String> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static Htpasswd read(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IOException(file + " is too large for an htpasswd file");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int colon = l.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String hash = l.substring(colon + 1);
      if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
        entries.put(l.substring(0, colon), hash);
      }
    }
    return new Htpasswd(entries);
  }

  /** An entry line for {@code user} (cost 10), e.g. for tests and the sandbox. */
  public static String entry(String user, char[] password, byte[] salt16) {
    return user + ":" + OpenBSDBCrypt.generate("2y", password, salt16, 10);
  }

  /** True if the user exists and the password matches. */
  public boolean check(String user, String password) {
    String hash = entries.get(user);
    if (hash == null || password == null) {
      return false;
    }
    Digest key = Digest.sha256((user + "\0" + password + "\0" + hash).getBytes(StandardCharsets.UTF_8));
    if (verified.contains(key)) {
      return true;
    }
    boolean ok;
    try {
      ok = OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    if (ok) {
      verified.add(key);
    }
    return ok;
  }

  /** User and password from a {@code Basic} Authorization header, or null. */
  public static String[] basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
