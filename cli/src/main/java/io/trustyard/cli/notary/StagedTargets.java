package io.trustyard.cli.notary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Target additions and removals staged as notary stages them: one change per role ({@code targets}
 * when none is given), each role checked to be {@code targets} or a delegation, and the payload
 * notary writes ({@code {"length":N,"hashes":{...},"custom":...}}) so either CLI can publish it.
 */
final class StagedTargets {
  private static final long MAX_CUSTOM_BYTES = 1 << 20;

  private StagedTargets() {}

  /** A target's length and hashes (base64 by algorithm) and its custom JSON, compacted, if any. */
  record Meta(long length, Map<String, byte[]> hashes, Optional<String> custom) {}

  static void stage(TrustDir dir, String gun, List<String> roles, String action, String target, Optional<byte[]> data) {
    List<String> scopes = roles.isEmpty() ? List.of(RoleNames.TARGETS) : roles;
    for (String role : scopes) {
      if (!role.equals(RoleNames.TARGETS) && !RoleNames.isDelegation(role) && !isWildDelegation(role)) {
        throw new NotaryCliException("tuf: invalid role " + role + ". cannot add targets to this role");
      }
    }
    Changelist changelist = new Changelist(dir, TrustDir.checkGun(gun));
    for (String role : scopes) {
      changelist.add(new Change(action, role, Change.TYPE_TARGET, target, data));
    }
  }

  private static boolean isWildDelegation(String role) {
    if (!role.endsWith("/*")) {
      return false;
    }
    String parent = role.substring(0, role.length() - 2);
    return parent.equals(RoleNames.TARGETS) || RoleNames.isDelegation(parent);
  }

  /** The length, sha256 and sha512 of a file, read once as a stream. */
  static Meta ofFile(String file, Optional<String> custom) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      byte[] buffer = new byte[64 * 1024];
      long length = 0;
      for (int n; (n = in.read(buffer)) > 0; length += n) {
        sha256.update(buffer, 0, n);
        sha512.update(buffer, 0, n);
      }
      return new Meta(length, Map.of(FileMeta.SHA256, sha256.digest(), FileMeta.SHA512, sha512.digest()), custom);
    } catch (NoSuchFileException e) {
      throw new NotaryCliException("open " + file + ": no such file or directory");
    } catch (IOException e) {
      throw new NotaryCliException("open " + file + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code --custom <file>}: its JSON, compacted as notary stores it; empty when not given. */
  static Optional<String> custom(String file) {
    if (file == null || file.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      if (Files.size(Path.of(file)) > MAX_CUSTOM_BYTES) {
        throw new NotaryCliException("custom data in " + file + " is larger than 1 MiB");
      }
      bytes = Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new NotaryCliException("open " + file + ": no such file or directory");
    } catch (IOException e) {
      throw new NotaryCliException("open " + file + ": " + e.getMessage());
    }
    return Optional.of(compact(new String(bytes, StandardCharsets.UTF_8), file));
  }

  /**
   * The JSON text without insignificant whitespace, every token as written (numbers keep their
   * spelling, keys their order), as Go's encoder copies raw JSON.
   */
  static String compact(String json, String source) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      if (p.nextToken() == null) {
        throw new NotaryCliException("custom data in " + source + " is empty, not JSON");
      }
      p.skipChildren();
      if (p.nextToken() != null) {
        throw new NotaryCliException("custom data in " + source + " holds more than one JSON value");
      }
    } catch (JsonParseException e) {
      throw new NotaryCliException("custom data in " + source + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new NotaryCliException("cannot read custom data in " + source + ": " + e.getMessage());
    }
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The change payload: {@code {"length":N,"hashes":{"<alg>":"<base64>"},"custom":<json>}}, hashes sorted. */
  static byte[] payload(Meta meta) {
    StringBuilder json = new StringBuilder("{\"length\":").append(meta.length()).append(",\"hashes\":{");
    String sep = "";
    for (Map.Entry<String, byte[]> h : new TreeMap<>(meta.hashes()).entrySet()) {
      json.append(sep).append('"').append(h.getKey()).append("\":\"")
          .append(Base64.getEncoder().encodeToString(h.getValue())).append('"');
      sep = ",";
    }
    json.append('}');
    meta.custom().ifPresent(c -> json.append(",\"custom\":").append(c));
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
