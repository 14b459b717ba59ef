package io.trustyard.cli.sandbox;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustyard sandbox status}: whether the sandbox runs, and what its health endpoints answer. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether the sandbox runs and is healthy.")
public final class SandboxStatusCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "Data directory (default: $TRUSTYARD_SANDBOX_DIR, else ./.sandbox).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path data = SandboxSettings.dataDir(dir, System.getenv());
    Optional<SandboxState> state = SandboxState.read(data).filter(s -> s.process().isPresent());
    if (state.isEmpty()) {
      out.println("The sandbox is not running (data directory " + data
          + (java.nio.file.Files.exists(data) ? ", kept" : ", absent") + ")");
      out.flush();
      return 3;
    }
    SandboxState s = state.get();
    SandboxSettings settings = new SandboxSettings(data, s.registryPort(), s.trustServerPort(), s.signerPort(),
        s.signerHttpPort());
    out.println("The sandbox is running (pid " + s.pid() + ", " + s.mode() + "), data in " + data);
    boolean healthy = probe(out, "registry", settings.registryUrl() + "/health", null)
        & probe(out, "trust server", settings.trustServerUrl() + "/_notary_server/health", data.resolve("root-ca.crt"))
        & probe(out, "signer", settings.signerHttpUrl() + "/health", null);
    out.flush();
    return healthy ? 0 : 1;
  }

  private static boolean probe(PrintWriter out, String name, String url, Path ca) {
    try {
      HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
      if (ca != null) {
        b.sslContext(TrustedCa.sslContext(ca));
      }
      HttpResponse<String> r = b.build().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.ofString());
      out.println("  " + name + ": " + url + " -> " + r.statusCode());
      return r.statusCode() == 200;
    } catch (Exception e) {
      out.println("  " + name + ": " + url + " -> " + e.getMessage());
      return false;
    }
  }
}
