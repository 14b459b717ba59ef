package io.trustyard.client.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Writes an htpasswd file with a bcrypt entry, the only kind distribution accepts. */
public final class Htpasswd {
  private Htpasswd() {}

  public static Path write(Path file, String user, String password) throws IOException {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String hash = OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, 5);
    Files.writeString(file, user + ":" + hash + "\n");
    return file;
  }
}
