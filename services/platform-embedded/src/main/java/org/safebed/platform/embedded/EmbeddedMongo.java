package org.safebed.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server running inside this JVM (mongo-java-server), bound to loopback.
 *
 * <p>It has no multi-document transactions, no geo queries and no TTL expiry; SafeBed is designed
 * not to need them, so whatever runs against this server also runs against a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final MongoServer server;
  private final int port;
  private final FullScans fullScans;
  private final MongoCommands commands;

  private EmbeddedMongo(MongoServer server, int port, FullScans fullScans, MongoCommands commands) {
    this.server = server;
    this.port = port;
    this.fullScans = fullScans;
    this.commands = commands;
  }

  /**
   * Starts a server.
   *
   * @param port the port to listen on, {@code 0} for any free port
   * @param dataFileOrNull an H2 MVStore file that keeps the data across restarts (its folder is
   *     created), or {@code null} to keep everything in memory
   * @return the running server
   */
  public static EmbeddedMongo start(int port, Path dataFileOrNull) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535 but was " + port);
    }
    FullScans fullScans = new FullScans();
    MongoCommands commands = new MongoCommands();
    MongoServer server =
        new MongoServer(new QuietFailuresBackend(backend(dataFileOrNull, fullScans, commands)));
    try {
      server.bind(LOOPBACK, port);
    } catch (Exception e) {
      // Netty throws BindException undeclared. Shutting down also closes the backend, which
      // releases the H2 file lock.
      server.shutdownNow();
      throw new IllegalStateException("embedded Mongo cannot listen on port " + port, e);
    }
    return new EmbeddedMongo(server, server.getLocalAddress().getPort(), fullScans, commands);
  }

  private static MongoBackend backend(Path dataFile, FullScans fullScans, MongoCommands commands) {
    if (dataFile == null) {
      return new CountingMemoryBackend(fullScans, commands);
    }
    Path absolute = dataFile.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of the embedded Mongo data file", e);
    }
    return new H2Backend(absolute.toString());
  }

  /** The connection string, e.g. {@code mongodb://127.0.0.1:27018}; append a database name. */
  public String uri() {
    return "mongodb://" + LOOPBACK + ":" + port;
  }

  /** The queries answered by reading a whole collection (counted in memory only; none with a data file). */
  public FullScans fullScans() {
    return fullScans;
  }

  /** The commands answered, by command and collection (counted in memory only; none with a data file). */
  public MongoCommands commands() {
    return commands;
  }

  /** The port the server listens on (the chosen one when started with port {@code 0}). */
  public int port() {
    return port;
  }

  /** The socket address the server listens on. */
  public InetSocketAddress address() {
    return new InetSocketAddress(LOOPBACK, port);
  }

  /** Stops listening, closes client connections and flushes and closes the data file. */
  @Override
  public void close() {
    server.shutdownNow();
  }
}
