package io.trustyard.client.auth;

/**
 * What a user presents to a registry: a username and password, or an identity token (an OAuth
 * refresh token, as {@code docker login} stores for some registries).
 */
public record Credentials(String username, String password, String identityToken) {

  public Credentials {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    identityToken = identityToken == null ? "" : identityToken;
  }

  public static Credentials basic(String username, String password) {
    return new Credentials(username, password, "");
  }

  public boolean hasIdentityToken() {
    return !identityToken.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", secret=<redacted>]";
  }
}
