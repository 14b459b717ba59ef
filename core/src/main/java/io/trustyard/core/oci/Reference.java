package io.trustyard.core.oci;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.InvalidDigestException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image reference {@code [registry/]name[:tag][@digest]}, normalised the way Docker does it: no
 * registry means {@code docker.io}, {@code index.docker.io} is {@code docker.io}, and a one-component
 * name on Docker Hub lives under {@code library/}.
 *
 * @param registry the registry host (with port, if any), never empty
 * @param repository the repository path inside the registry
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
public record Reference(String registry, String repository, String tag, Digest digest) {

  public static final String DOCKER_HUB = "docker.io";
  private static final String LEGACY_HUB = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";

  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
  private static final Pattern PATH =
      Pattern.compile(OciNames.PATH_COMPONENT + "(?:/" + OciNames.PATH_COMPONENT + ")*");
  private static final Pattern ID = Pattern.compile("[a-f0-9]{64}");
  private static final int MAX_INPUT = 1024;

  public Reference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    if (!DOMAIN.matcher(registry).matches()) {
      throw new InvalidReferenceException("invalid registry host '" + registry + "'");
    }
    if (!PATH.matcher(repository).matches()) {
      throw new InvalidReferenceException("invalid repository name '" + repository + "'");
    }
    if (registry.length() + 1 + repository.length() > OciNames.MAX_NAME_LENGTH) {
      throw new InvalidReferenceException("repository name must not be longer than 255 characters");
    }
    if (tag != null && !OciNames.isValidTag(tag)) {
      throw new InvalidReferenceException("invalid tag '" + tag + "'");
    }
  }

  /** Parses and normalises a reference as {@code docker pull} would. */
  public static Reference parse(String s) {
    if (s == null || s.isEmpty()) {
      throw new InvalidReferenceException("an image reference is required");
    }
    if (s.length() > MAX_INPUT) {
      throw new InvalidReferenceException("image reference is too long");
    }
    if (ID.matcher(s).matches()) {
      throw new InvalidReferenceException(
          "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    Digest digest = null;
    String rest = s;
    int at = rest.indexOf('@');
    if (at >= 0) {
      try {
        digest = Digest.parse(rest.substring(at + 1));
      } catch (InvalidDigestException e) {
        throw new InvalidReferenceException("invalid reference '" + s + "': " + e.getMessage());
      }
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!OciNames.isValidTag(tag)) {
        throw new InvalidReferenceException("invalid tag '" + tag + "' in reference '" + s + "'");
      }
    }
    String registry;
    String path;
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    if (slash < 0 || (first.indexOf('.') < 0 && first.indexOf(':') < 0 && !first.equals("localhost")
        && first.toLowerCase(Locale.ROOT).equals(first))) {
      registry = DOCKER_HUB;
      path = rest;
    } else {
      registry = first;
      path = rest.substring(slash + 1);
    }
    if (registry.equals(LEGACY_HUB)) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
      path = OFFICIAL_PREFIX + path;
    }
    if (!path.toLowerCase(Locale.ROOT).equals(path)) {
      throw new InvalidReferenceException("invalid reference format: repository name (" + path
          + ") must be lowercase");
    }
    if (path.isEmpty()) {
      throw new InvalidReferenceException("invalid reference '" + s + "': repository name is empty");
    }
    return new Reference(registry, path, tag, digest);
  }

  /** Like {@link #parse}, but a reference with neither tag nor digest gets {@code latest}. */
  public static Reference parseWithDefaultTag(String s) {
    Reference r = parse(s);
    return r.tag == null && r.digest == null ? r.withTag("latest") : r;
  }

  /** {@code registry/repository}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The short form Docker prints: without {@code docker.io/} and {@code library/}. */
  public String familiarName() {
    if (!registry.equals(DOCKER_HUB)) {
      return name();
    }
    return repository.startsWith(OFFICIAL_PREFIX) && repository.indexOf('/', OFFICIAL_PREFIX.length()) < 0
        ? repository.substring(OFFICIAL_PREFIX.length())
        : repository;
  }

  public Reference withTag(String newTag) {
    return new Reference(registry, repository, newTag, digest);
  }

  public Reference withDigest(Digest newDigest) {
    return new Reference(registry, repository, tag, newDigest);
  }

  /** The part a registry's manifest URL takes: the digest if there is one, else the tag. */
  public String manifestReference() {
    if (digest != null) {
      return digest.toString();
    }
    if (tag != null) {
      return tag;
    }
    throw new IllegalStateException("reference " + this + " has neither tag nor digest");
  }

  @Override
  public String toString() {
    return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
