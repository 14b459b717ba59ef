package io.trustyard.cli.serve;

import io.trustyard.registry.Registry;
import io.trustyard.registry.config.RegistryConfig;
import io.trustyard.registry.service.GarbageCollector;
import io.trustyard.registry.service.RegistryServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trustyard serve registry gc}: removes blobs no manifest uses. Safe while the registry runs
 * for pushes that finish within the grace period (see {@link GarbageCollector}).
 */
@Command(name = "gc", mixinStandardHelpOptions = true,
    description = "Remove blobs that no manifest references (safe against pushes within the grace period).")
public final class RegistryGcCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "The registry's JSON configuration file.")
  Path config;

  @Option(names = "--root", paramLabel = "DIR", description = "Filesystem storage root (overrides the file).")
  Path root;

  @Option(names = "--dry-run", description = "Only report what would be removed.")
  boolean dryRun;

  @Option(names = "--grace-minutes", defaultValue = "60",
      description = "Keep unreferenced blobs touched this recently (default ${DEFAULT-VALUE}).")
  long graceMinutes;

  @Override
  public Integer call() throws Exception {
    RegistryConfig c = config == null ? RegistryConfig.defaults().resolvedAgainst(Path.of("").toAbsolutePath())
        : RegistryConfig.read(config);
    if (root != null) {
      c = c.withFilesystemRoot(root.toAbsolutePath());
    }
    RegistryServices services = RegistryServices.create(Registry.storage(c.storage()),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.systemUTC(), false, true);
    GarbageCollector.Report report = services.garbageCollector(Clock.systemUTC())
        .run(Duration.ofMinutes(graceMinutes), dryRun);
    System.out.printf("%d repositories, %d manifests, %d blobs in use; %s %d blobs; %d kept as recent%n",
        report.repositories(), report.manifests(), report.marked(), dryRun ? "would remove" : "removed",
        report.deleted().size(), report.tooRecent().size());
    report.deleted().forEach(d -> System.out.println((dryRun ? "unused " : "removed ") + d));
    return 0;
  }
}
