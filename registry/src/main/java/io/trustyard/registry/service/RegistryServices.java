package io.trustyard.registry.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.trustyard.registry.storage.StorageDriver;
import java.time.Clock;

/** Every service of one registry, over one storage. */
public record RegistryServices(
    StorageDriver storage,
    BlobService blobs,
    UploadService uploads,
    ManifestService manifests,
    ReferrersService referrers,
    CatalogService catalog,
    TamperGuard guard,
    MeterRegistry metrics,
    boolean deleteEnabled) {

  /** A garbage collector over this storage. */
  public GarbageCollector garbageCollector(Clock clock) {
    return new GarbageCollector(storage, manifests, catalog, clock);
  }

  public static RegistryServices create(StorageDriver storage, MeterRegistry metrics, Clock clock, boolean strict,
      boolean deleteEnabled) {
    TamperGuard guard = new TamperGuard(strict, metrics);
    BlobService blobs = new BlobService(storage, guard, metrics);
    ManifestService manifests = new ManifestService(storage, blobs);
    return new RegistryServices(storage, blobs, new UploadService(storage, blobs, guard, clock), manifests,
        new ReferrersService(storage, manifests), new CatalogService(storage), guard, metrics, deleteEnabled);
  }
}
