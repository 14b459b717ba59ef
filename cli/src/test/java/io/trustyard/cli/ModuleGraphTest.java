package io.trustyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of design.md, checked on every build at the level of source imports (the enforcer
 * checks the same graph at the level of Maven dependencies).
 */
class ModuleGraphTest {

  /** Module directory -> the Trustyard packages its main code may import (its own included). */
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "core", Set.of("core"),
      "store", Set.of("core", "store"),
      "signer", Set.of("core", "store", "signer"),
      "trust-server", Set.of("core", "store", "signer", "trustserver"),
      "registry", Set.of("core", "store", "registry"),
      "client", Set.of("core", "client"),
      "cli", Set.of("core", "store", "signer", "trustserver", "registry", "client", "cli"));

  private static final Pattern TRUSTYARD_IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?io\\.trustyard\\.(\\w+)\\.", Pattern.MULTILINE);
  private static final Pattern WEB_FRAMEWORK_IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?io\\.helidon\\.", Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  /** core is pure: no network or file I/O, no wall clock. */
  private static final Pattern CORE_IMPURE = Pattern.compile(
      "^import\\s+java\\.net\\.|^import\\s+java\\.nio\\.file\\.|^import\\s+java\\.io\\.File"
          + "|Instant\\.now\\(\\)|System\\.currentTimeMillis\\(\\)|Clock\\.system",
      Pattern.MULTILINE);

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    return Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
  }

  @Test
  void everyModuleImportsOnlyDownward() {
    List<String> violations = new ArrayList<>();
    ALLOWED.forEach((module, allowed) -> sources(root().resolve(module))
        .forEach(file -> violations.addAll(check(module, allowed, file, read(file)))));
    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckCatchesAnUpwardImportAServerCrossImportAndImpureCore() {
    assertThat(check("core", ALLOWED.get("core"), Path.of("X.java"),
        "package io.trustyard.core;\nimport io.trustyard.client.Foo;\n")).hasSize(1);
    assertThat(check("registry", ALLOWED.get("registry"), Path.of("X.java"),
        "package io.trustyard.registry;\nimport io.trustyard.trustserver.Foo;\n")).hasSize(1);
    assertThat(check("trust-server", ALLOWED.get("trust-server"), Path.of("X.java"),
        "package io.trustyard.trustserver.tuf;\nimport io.helidon.webserver.WebServer;\n")).hasSize(1);
    assertThat(check("core", ALLOWED.get("core"), Path.of("X.java"),
        "package io.trustyard.core;\nclass X { long t = System.currentTimeMillis(); }\n")).hasSize(1);
    assertThat(check("trust-server", ALLOWED.get("trust-server"), Path.of("X.java"),
        "package io.trustyard.trustserver.http;\nimport io.helidon.webserver.WebServer;\n")).isEmpty();
  }

  static List<String> check(String module, Set<String> allowed, Path file, String source) {
    List<String> violations = new ArrayList<>();
    Matcher imports = TRUSTYARD_IMPORT.matcher(source);
    while (imports.find()) {
      if (!allowed.contains(imports.group(1))) {
        violations.add(file + ": " + module + " may not import io.trustyard." + imports.group(1));
      }
    }
    Matcher pkg = PACKAGE.matcher(source);
    String packageName = pkg.find() ? pkg.group(1) : "";
    if (WEB_FRAMEWORK_IMPORT.matcher(source).find() && !packageName.contains(".http")
        && !module.equals("cli")) {
      violations.add(file + ": only a server's http package may use the web framework");
    }
    if (module.equals("core")) {
      Matcher impure = CORE_IMPURE.matcher(source);
      if (impure.find()) {
        violations.add(file + ": core must stay pure, found '" + impure.group() + "'");
      }
    }
    return violations;
  }

  private static List<Path> sources(Path module) {
    Path main = module.resolve("src/main/java");
    if (!Files.isDirectory(main)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(main)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
