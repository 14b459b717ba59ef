package io.trustyard.client.image;

import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A platform to pick from a multi-arch index: {@code os/architecture[/variant]}. */
public record PlatformSpec(String os, String architecture, String variant) {

  /** Parses {@code linux/arm64}, {@code linux/arm/v7}. */
  public static PlatformSpec parse(String s) {
    String[] parts = s.trim().toLowerCase(Locale.ROOT).split("/");
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("platform '" + s + "' is not of the form os/architecture[/variant]");
    }
    return new PlatformSpec(parts[0], normaliseArch(parts[1]), parts.length == 3 ? parts[2] : null);
  }

  /** The platform this JVM runs on, as Go names it. */
  public static PlatformSpec current() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String goOs = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String arch = normaliseArch(System.getProperty("os.arch").toLowerCase(Locale.ROOT));
    return new PlatformSpec(goOs, arch, null);
  }

  static String normaliseArch(String arch) {
    return switch (arch) {
      case "x86_64", "x86-64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "i386", "i686", "x86" -> "386";
      default -> arch;
    };
  }

  /** True if an index entry's platform is this one (arm64 without a variant counts as v8). */
  public boolean matches(Platform p) {
    if (p == null || p.os() == null || p.architecture() == null) {
      return false;
    }
    if (!os.equals(p.os().toLowerCase(Locale.ROOT))
        || !architecture.equals(normaliseArch(p.architecture().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (variant == null) {
      return true;
    }
    String theirs = p.variant() == null && architecture.equals("arm64") ? "v8" : p.variant();
    return variant.equals(theirs);
  }

  /** The first entry of an index for this platform. */
  public Optional<Descriptor> select(List<Descriptor> entries) {
    return entries.stream().filter(d -> matches(d.platform())).findFirst();
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
