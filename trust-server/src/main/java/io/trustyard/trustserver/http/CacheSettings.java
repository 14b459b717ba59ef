package io.trustyard.trustserver.http;

/**
 * notary-server's {@code caching.max_age}: seconds for "current" metadata (by role name) and for
 * "consistent" metadata (by checksum or version). 0 disables caching.
 */
public record CacheSettings(int currentMaxAge, int consistentMaxAge) {
  public static final int MAX = 31_536_000;
  public static final CacheSettings DEFAULT = new CacheSettings(300, 2_592_000);

  public CacheSettings {
    if (currentMaxAge < 0 || currentMaxAge > MAX || consistentMaxAge < 0 || consistentMaxAge > MAX) {
      throw new IllegalArgumentException("cache max-age must be between 0 and " + MAX + " seconds");
    }
  }

  /** The Cache-Control value, or null when caching is off (then Pragma: no-cache is sent too). */
  String cacheControl(boolean current) {
    int age = current ? currentMaxAge : consistentMaxAge;
    if (age == 0) {
      return "max-age=0, no-cache, no-store";
    }
    String value = "public, max-age=" + age + ", s-maxage=" + age;
    return current ? value + ", must-revalidate" : value;
  }
}
