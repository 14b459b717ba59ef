package io.trustyard.cli.image;

import io.trustyard.core.oci.Reference;

/** How names typed by a person become store names: docker's normalisation, {@code latest} by default. */
final class Names {
  private Names() {}

  static String normalise(String typed) {
    return Reference.parseWithDefaultTag(typed).toString();
  }

  /** The short form docker prints ({@code alpine}, {@code localhost:5000/app}). */
  static String familiar(Reference r) {
    return r.familiarName();
  }
}
