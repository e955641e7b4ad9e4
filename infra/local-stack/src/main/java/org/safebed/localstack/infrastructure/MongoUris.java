package org.safebed.localstack.infrastructure;

/** Connection strings that name a database, built from one that may name another or none. */
public final class MongoUris {

  private MongoUris() {}

  /**
   * Replaces or adds the database of a {@code mongodb://} or {@code mongodb+srv://} connection
   * string, keeping hosts, credentials and options.
   */
  public static String withDatabase(String uri, String database) {
    int hostsStart = uri.indexOf("://");
    if (hostsStart < 0 || !uri.startsWith("mongodb")) {
      throw new IllegalArgumentException("not a MongoDB connection string");
    }
    hostsStart += 3;
    int optionsStart = uri.indexOf('?', hostsStart);
    int end = optionsStart < 0 ? uri.length() : optionsStart;
    int pathStart = uri.indexOf('/', hostsStart);
    int hostsEnd = pathStart < 0 || pathStart > end ? end : pathStart;
    String options = optionsStart < 0 ? "" : uri.substring(optionsStart);
    return uri.substring(0, hostsEnd) + "/" + database + options;
  }
}
