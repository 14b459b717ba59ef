package io.trustyard.trustserver.service;

import java.util.List;
import java.util.Map;

/**
 * What the trust server does, free of HTTP: notary-server's operations on TUF metadata, keys and
 * the changefeed. Every failure is an {@link io.trustyard.core.notary.NotaryException} carrying
 * the notary error code the client must see.
 */
public interface TrustService {

  /** The current file of the role (timestamp and snapshot freshly re-signed when expired). */
  MetadataFile current(String gun, String role);

  MetadataFile byVersion(String gun, String role, int version);

  /** Lookup by the hex SHA-256 of the file (notary stores no other digest). */
  MetadataFile byChecksum(String gun, String role, String checksumHex);

  /** Validates and stores an atomic update; a rejected update changes nothing. */
  void update(String gun, List<UploadedFile> files);

  /** The public key JSON of the server-held key for {@code role} (snapshot/timestamp), created on demand. */
  byte[] key(String gun, String role);

  /** A new server-held key for {@code role}; the client must then publish a root listing it. */
  byte[] rotateKey(String gun, String role);

  void delete(String gun);

  /** The changefeed JSON page; {@code gun} null = every GUN; parameters as the client sent them. */
  byte[] changefeed(String gun, String records, String changeId);

  /** Failing health checks by name (empty = healthy). */
  Map<String, String> failingChecks();
}
