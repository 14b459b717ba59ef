package io.trustyard.cli.notary;

import io.trustyard.client.auth.Credentials;
import io.trustyard.client.notary.NotaryClient;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.EnvPassphrases;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.PassphraseRetriever;
import io.trustyard.client.trust.PromptPassphrases;
import io.trustyard.client.notary.TrustTls;
import io.trustyard.client.notary.TufUpdater;
import io.trustyard.client.trust.MetadataCache;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustException;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trustyard notary}: the Go notary CLI's commands and global flags (spec/notary.md §7.8).
 * Nothing is read or connected until a subcommand asks for it, so a script calling it in a loop
 * pays only for what each command needs.
 */
@Command(
    name = "notary",
    mixinStandardHelpOptions = true,
    description = "Notary client: manage trusted collections and signing keys, as the notary CLI does.",
    versionProvider = VersionCommand.Short.class,
    subcommands = {InitCommand.class, ListCommand.class, LookupCommand.class, AddCommand.class,
        AddHashCommand.class, RemoveCommand.class, StatusCommand.class, ResetCommand.class, PublishCommand.class,
        VerifyCommand.class, DeleteCommand.class, VersionCommand.class, KeyCommand.class, DelegationCommand.class,
        WitnessCommand.class})
public final class NotaryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-c", "--configFile"}, description = "Path to the configuration file to use.")
  String configFile;

  @Option(names = {"-d", "--trustDir"}, description = "Directory where the trust data is persisted to.")
  String trustDir;

  @Option(names = {"-s", "--server"}, description = "Remote trust server location.")
  String server;

  @Option(names = "--tlscacert", description = "Trust certs signed only by this CA will be considered.")
  String tlsCaCert;

  @Option(names = "--tlscert", description = "Path to TLS certificate file.")
  String tlsCert;

  @Option(names = "--tlskey", description = "Path to TLS key file.")
  String tlsKey;

  @Option(names = {"-D", "--debug"}, description = "Debug output.")
  boolean debug;

  @Option(names = {"-v", "--verbose"}, description = "Verbose output.")
  boolean verbose;

  private final Map<String, String> env;
  private final OutputStream stdout;

  public NotaryCommand() {
    this(System.getenv(), System.in, System.out);
  }

  /** With {@code env} in place of the process environment (passphrases, {@code HOME}). */
  public NotaryCommand(Map<String, String> env) {
    this(env, System.in, System.out);
  }

  /** With stand-ins for the environment and the standard streams ({@code verify} reads and writes raw bytes). */
  public NotaryCommand(Map<String, String> env, InputStream stdin, OutputStream stdout) {
    this.env = Map.copyOf(env);
    this.input = stdin;
    this.stdout = stdout;
  }

  private NotaryConfig config;
  private InputStream input;
  private java.util.function.Supplier<io.trustyard.client.trust.PassphraseRetriever> prompt;

  /** Answers to confirmation questions ({@code (yes/no)}) come from {@code in} instead of standard input. */
  NotaryCommand withInput(java.io.InputStream in) {
    this.input = in;
    return this;
  }

  /** Passphrases not in the environment come from retrievers made by {@code prompts} instead of the console. */
  NotaryCommand withPrompt(java.util.function.Supplier<io.trustyard.client.trust.PassphraseRetriever> prompts) {
    this.prompt = prompts;
    return this;
  }

  java.io.InputStream input() {
    return input;
  }

  /** {@code NOTARY_*_PASSPHRASE}, then a prompt; a new retriever each time, so nothing typed is reused. */
  io.trustyard.client.trust.PassphraseRetriever passphrases() {
    return new EnvPassphrases(env, prompt != null ? prompt.get() : PromptPassphrases.console(Map.of()));
  }

  /** The trust dir's private keys, unlocked with {@link #passphrases()}. */
  KeyFileStore keyStore() {
    return new KeyFileStore(trustDirectory(), passphrases(), new SecureRandom());
  }

  /**
   * {@code trustyard notary} on its own (the tests' entry point): usage mistakes are reported as
   * notary reports them, as under {@link #reportUsageErrors}.
   */
  public static CommandLine commandLine(Map<String, String> env, InputStream stdin, OutputStream stdout) {
    CommandLine cli = new CommandLine(new NotaryCommand(env, stdin, stdout));
    cli.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
    return reportUsageErrors(cli);
  }

  /**
   * Makes usage mistakes under {@code notary} exit with status 1 and notary's {@code * fatal:}
   * message, as the notary CLI does; other commands of {@code cli} keep their handling.
   */
  public static CommandLine reportUsageErrors(CommandLine cli) {
    return cli.setParameterExceptionHandler(new NotaryUsageErrors(cli.getParameterExceptionHandler()));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What notary logs at info level ({@code -v}) or debug level ({@code -D}), on standard error. */
  void info(String message) {
    if (verbose || debug) {
      log("INFO", message);
    }
  }

  void debug(String message) {
    if (debug) {
      log("DEBU", message);
    }
  }

  private void log(String level, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(level + " " + message);
    err.flush();
  }

  NotaryConfig config() {
    if (config == null) {
      config = NotaryConfig.load(new NotaryConfig.Overrides(configFile, trustDir, server, tlsCaCert, tlsCert, tlsKey),
          env, Path.of("").toAbsolutePath());
      debug("Using the following trust directory: " + config.trustDir());
    }
    return config;
  }

  /** The process environment (or the tests' stand-in). */
  Map<String, String> env() {
    return env;
  }

  OutputStream stdout() {
    return stdout;
  }

  TrustDir trustDirectory() {
    return new TrustDir(config().trustDir());
  }

  /** The repository's metadata brought up to date from the server and verified (a read). */
  TrustedSet pull(String gun) {
    TrustDir.checkGun(gun);
    NotaryConfig c = config();
    NotaryClient remote = remote(gun, NotaryClient.Access.PULL);
    PrintWriter err = spec.commandLine().getErr();
    return new TufUpdater(remote, new MetadataCache(trustDirectory()), c.trustPinning(), Clock.systemUTC(),
        w -> err.println("WARN: " + w)).update(false);
  }

  /** A client of the trust server for {@code gun} with the given token scope. */
  NotaryClient remote(String gun, NotaryClient.Access access) {
    return new NotaryClient(serverUri(), http(), gun, access, credentials());
  }

  /** The repository for writes: keys unlocked with {@code NOTARY_*_PASSPHRASE} or at a prompt. */
  NotaryRepository repository(String gun) {
    return repository(gun, keyStore());
  }

  NotaryRepository repository(String gun, KeyFileStore keys) {
    PrintWriter err = spec.commandLine().getErr();
    return new NotaryRepository(gun, serverUri(), http(), credentials(), keys, config().trustPinning(),
        Clock.systemUTC(), new SecureRandom(), w -> err.println("WARN: " + w));
  }

  private URI serverUri() {
    String url = config().serverUrl();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new NotaryCliException("Could not parse remote trust server url (" + url + "): " + e.getMessage());
    }
    if (uri.getScheme() == null) {
      throw new NotaryCliException("Trust server url has to be in the form of http(s)://URL:PORT. Got: " + url);
    }
    return uri;
  }

  /** HTTP as the config and flags set it up: extra CA, client certificate, skipTLSVerify. */
  private HttpClient http() {
    NotaryConfig c = config();
    if (c.tlsClientCert().isPresent() != c.tlsClientKey().isPresent()) {
      throw new NotaryCliException("either pass both client key and cert, or neither");
    }
    List<Path> cas = new ArrayList<>();
    c.rootCa().ifPresent(cas::add);
    Optional<TrustTls.ClientCertificate> client = c.tlsClientCert().map(cert ->
        new TrustTls.ClientCertificate(cert, c.tlsClientKey().orElseThrow()));
    boolean plain = cas.isEmpty() && client.isEmpty() && !c.skipTlsVerify();
    return NotaryClient.httpClient(plain ? null : TrustTls.context(cas, client, c.skipTlsVerify()));
  }

  /** {@code NOTARY_AUTH}: base64 of {@code user:password}, for the server's basic or token auth. */
  private Optional<Credentials> credentials() {
    String auth = env.getOrDefault("NOTARY_AUTH", "");
    if (auth.isEmpty()) {
      return Optional.empty();
    }
    String plain;
    try {
      plain = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      log("ERRO", "Could not base64-decode authentication string");
      return Optional.empty();
    }
    int colon = plain.indexOf(':');
    if (colon == 0) {
      log("ERRO", "Authentication string with zero-length username");
      return Optional.empty();
    }
    if (colon < 0) {
      log("ERRO", "Malformatted authentication string; format must be <username>:<password>");
      return Optional.empty();
    }
    return Optional.of(Credentials.basic(plain.substring(0, colon), plain.substring(colon + 1).trim()));
  }

  /** Prints the command's usage and fails with notary's message, as notary does for missing flags. */
  static NotaryCliException usageError(CommandLine.Model.CommandSpec spec, String message) {
    spec.commandLine().usage(spec.commandLine().getOut());
    return new NotaryCliException(message);
  }

  /** Prints on standard output at once, so notary's lines keep their order with prompts and errors. */
  static void print(CommandLine.Model.CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
  }

  /**
   * Reports a change staged for the next publish and, with {@code -p/--publish}, publishes it (and
   * anything staged before) right away, announced as notary announces an auto-publish.
   */
  int staged(CommandLine.Model.CommandSpec spec, String report, boolean publish, String gun) {
    print(spec, report);
    autoPublish(spec, publish, gun);
    return 0;
  }

  /** {@code -p/--publish}: publishes the staged changes right after staging one, as notary does. */
  void autoPublish(CommandLine.Model.CommandSpec spec, boolean publish, String gun) {
    if (publish) {
      publish(spec, "Auto-publishing changes to " + gun + "\n", gun);
    }
  }

  /** Publishes the staged changes after printing {@code announcement}. */
  void publish(CommandLine.Model.CommandSpec spec, String announcement, String gun) {
    print(spec, announcement);
    repository(gun).publish(List.of(), NotaryRepository.Creation.NOTARY);
    print(spec, "Successfully published changes for repository " + gun + "\n");
  }

  /**
   * Runs a command body as notary does: on failure an empty line and {@code * fatal: <message>} on
   * standard output (notary prints them there, and scripts read them there) and exit status 1.
   */
  static int fatalOnError(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
    try {
      return body.call();
    } catch (NotaryCliException | TrustException | TufException | io.trustyard.core.crypto.TufCryptoException e) {
      PrintWriter out = spec.commandLine().getOut();
      out.print("\n* fatal: " + e.getMessage() + "\n");
      out.flush();
      return 1;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
