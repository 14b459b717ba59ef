package io.trustyard.registry.auth;

import io.trustyard.registry.config.RegistryConfig;
import io.trustyard.registry.http.RegistryHttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Builds the access controller (and the routes it needs, such as a token endpoint) from the config. */
public final class AccessControllers {
  private AccessControllers() {}

  public record Setup(AccessController controller, List<RegistryHttpServer.ExtraRoute> routes) {}

  public static Setup from(RegistryConfig.Auth auth, Clock clock) throws Exception {
    String type = auth.type() == null ? "none" : auth.type();
    return switch (type) {
      case "none" -> new Setup(AccessController.NONE, List.of());
      case "htpasswd" -> {
        if (auth.htpasswd() == null) {
          throw new IllegalArgumentException("auth.htpasswd (a file of bcrypt entries) is required");
        }
        yield new Setup(new BasicAccessController(Htpasswd.read(Path.of(auth.htpasswd())), auth.realm()), List.of());
      }
      case "token" -> TokenSetup.from(auth, clock);
      default -> throw new IllegalArgumentException("unknown auth type '" + type + "' (none, htpasswd, token)");
    };
  }
}
