package io.trustyard.core.oci;

import io.trustyard.core.digest.Digest;
import java.util.regex.Pattern;

/** The grammar of repository names and tags in the distribution API. */
public final class OciNames {
  private OciNames() {}

  /** Longest repository name distribution accepts. */
  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_TAG_LENGTH = 128;

  static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  /** True if {@code name} is a valid repository name (path components, lowercase, ≤ 255). */
  public static boolean isValidRepositoryName(String name) {
    return name != null && !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }

  /** True if {@code tag} is a valid tag. */
  public static boolean isValidTag(String tag) {
    return tag != null && tag.length() <= MAX_TAG_LENGTH && TAG.matcher(tag).matches();
  }

  /** Why {@code name} is invalid, or null when it is valid. */
  public static String repositoryNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "repository name is empty";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "repository name is longer than " + MAX_NAME_LENGTH + " characters";
    }
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
      return "repository name must be lowercase";
    }
    if (!NAME.matcher(name).matches()) {
      return "repository name '" + name + "' must be lowercase path components of [a-z0-9] "
          + "separated by '.', '_', '__' or '-', joined by '/'";
    }
    return null;
  }

  /** The referrers fallback tag of a subject digest: {@code <alg>-<hex truncated to 64>}. */
  public static String referrersTag(Digest subject) {
    String hex = subject.hex();
    return subject.algorithm().id() + "-" + (hex.length() > 64 ? hex.substring(0, 64) : hex);
  }
}
