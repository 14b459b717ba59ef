package io.trustyard.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** The Go notary vectors in src/test/resources/vectors/notary (see their README). */
final class Vectors {
  static final String GUN = "example.com/vectors/repo";
  static final String ROOT_KEY_ID = "818b2e4c";
  static final String METADATA = "trust_dir/tuf/example.com/vectors/repo/metadata/";

  /** Canonical key ID (file name) → passphrase, role header, gun header. */
  static final Map<String, String[]> PRIVATE_KEYS = Map.of(
      "9a5e4ba9d5127507b4e88974387ad3714e73e0dc870844b75d5c7e149ad182af", new String[] {"rootpassphrase", "root", null},
      "3b25236152c3bb1b80797ccd81647a23cb8ebd68ea5a78acfa873d500927bb62", new String[] {"targetspassphrase", "targets", GUN},
      "a9c4e84c3cbea304d0b82aafe41ab8af94299a2d318b9dbb2ac96ecd308c316a", new String[] {"snapshotpassphrase", "snapshot", GUN},
      "0f69ac442e535d018f7cd2c6adf084ab4f33f772fcccb1ac12f551a534d17f77", new String[] {"delegationpassphrase", "releases", null});

  private Vectors() {}

  static byte[] bytes(String path) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/notary/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] privateKeyFile(String canonicalId) {
    return bytes("trust_dir/private/" + canonicalId + ".key");
  }

  static JsonNode metadata(String role) {
    return Json.parse(bytes(METADATA + role + ".json"), 1 << 20);
  }

  /** A key object of metadata ({"keytype":..,"keyval":{"public":..}}) as a TufPublicKey. */
  static TufPublicKey key(JsonNode keyObject) {
    return new TufPublicKey(keyObject.get("keytype").textValue(),
        Base64.getDecoder().decode(keyObject.get("keyval").get("public").textValue()));
  }
}
