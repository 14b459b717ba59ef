package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.InvalidDigestException;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.core.oci.OciNames;

/** Validation of names and digests taken from requests, before they touch a storage path. */
public final class References {
  private References() {}

  /** Parses a digest, answering {@code code} (400) with the reason when it is not one. */
  public static Digest digest(String text, OciErrorCode code) {
    try {
      return Digest.parse(text);
    } catch (InvalidDigestException e) {
      throw new RegistryException(code, "invalid digest: " + e.getMessage(), text);
    }
  }

  /** Checks a repository name, answering NAME_INVALID with the reason. */
  public static String repository(String name) {
    String problem = OciNames.repositoryNameProblem(name);
    if (problem != null) {
      throw new RegistryException(OciErrorCode.NAME_INVALID, problem, java.util.Map.of("name", name));
    }
    return name;
  }
}
