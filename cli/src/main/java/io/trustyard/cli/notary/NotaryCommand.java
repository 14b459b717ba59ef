package io.trustyard.cli.notary;

import io.trustyard.client.notary.NotaryClient;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.EnvPassphrases;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.PromptPassphrases;
import io.trustyard.client.notary.TrustTls;
import io.trustyard.client.notary.TufUpdater;
import io.trustyard.client.trust.MetadataCache;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustException;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
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
    subcommands = {ListCommand.class, LookupCommand.class, AddCommand.class, RemoveCommand.class, StatusCommand.class, PublishCommand.class, DeleteCommand.class, KeyCommand.class,
        DelegationCommand.class, WitnessCommand.class})
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

  public NotaryCommand() {
    this(System.getenv());
  }

  /** With {@code env} in place of the process environment (passphrases, {@code HOME}). */
  public NotaryCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  private NotaryConfig config;
  private java.io.InputStream input = System.in;
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

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  NotaryConfig config() {
    if (config == null) {
      config = NotaryConfig.load(new NotaryConfig.Overrides(configFile, trustDir, server, tlsCaCert, tlsCert, tlsKey),
          env, Path.of("").toAbsolutePath());
    }
    return config;
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
    NotaryConfig c = config();
    List<Path> cas = new ArrayList<>();
    c.rootCa().ifPresent(cas::add);
    return new NotaryClient(URI.create(c.serverUrl()), NotaryClient.httpClient(TrustTls.withCaFiles(cas)), gun, access,
        Optional.empty());
  }

  /** The repository for writes: keys unlocked with {@code NOTARY_*_PASSPHRASE} or at a prompt. */
  NotaryRepository repository(String gun) {
    NotaryConfig c = config();
    List<Path> cas = new ArrayList<>();
    c.rootCa().ifPresent(cas::add);
    HttpClient http = NotaryClient.httpClient(TrustTls.withCaFiles(cas));
    SecureRandom random = new SecureRandom();
    KeyFileStore keys = new KeyFileStore(trustDirectory(), passphrases(), random);
    PrintWriter err = spec.commandLine().getErr();
    return new NotaryRepository(gun, URI.create(c.serverUrl()), http, Optional.empty(), keys, c.trustPinning(),
        Clock.systemUTC(), random, w -> err.println("WARN: " + w));
  }

  /**
   * Runs a command body as notary does: on failure an empty line and {@code * fatal: <message>} on
   * standard output (notary prints them there, and scripts read them there) and exit status 1.
   */
  static int fatalOnError(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
    try {
      return body.call();
    } catch (NotaryCliException | TrustException | TufException e) {
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
