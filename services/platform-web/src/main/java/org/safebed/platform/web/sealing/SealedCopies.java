package org.safebed.platform.web.sealing;

/**
 * Copies of sealed values that a service keeps outside its declared {@link SealedField}s, e.g. a
 * search index holding a shelter's sealed location under a path named after the shelter. A key
 * rotation cannot find such copies; it re-seals the originals and then asks each owner to rebuild
 * its copies from them, so the previous key can be dropped as soon as the rotation reports done.
 */
public interface SealedCopies {

  /** Rewrites every copy from its (re-sealed) original; returns how many copies changed. */
  int rebuildFromOriginals();
}
