package io.trustyard.trustserver.auth;

/** One access item a request needs, as distribution's token auth names it ({@code repository:<gun>:push}). */
public record Access(String type, String name, String action) {
  public static Access repository(String gun, String action) {
    return new Access("repository", gun, action);
  }

  public static Access catalog() {
    return new Access("registry", "catalog", "*");
  }
}
