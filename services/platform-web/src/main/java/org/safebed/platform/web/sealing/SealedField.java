package org.safebed.platform.web.sealing;

/**
 * Declares where a service stores a sealed value, so that a key rotation can find and re-seal it.
 * The associated data of each value is the document's {@code _id} and {@code label}.
 *
 * @param collection the Mongo collection
 * @param storedPath the document field holding the sealed string (dotted path for nested fields)
 * @param label the field name the service seals and opens the value with
 */
public record SealedField(String collection, String storedPath, String label) {}
