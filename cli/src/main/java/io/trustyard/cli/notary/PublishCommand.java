package io.trustyard.cli.notary;

import picocli.CommandLine.Command;

/**
 * {@code notary publish <gun>}: applies the staged changes, signs with the trust dir's keys and
 * uploads; a GUN the server does not know yet is initialised first (local snapshot key, as notary).
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publishes the local trusted collection.")
final class PublishCommand extends GunCommand {

  @Override
  void run() throws Exception {
    notary.publish(spec, "Pushing changes to " + gun + "\n", gun);
  }
}
