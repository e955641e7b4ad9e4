package org.safebed.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.safebed.platform.embedded.FullScans;
import org.safebed.platform.embedded.QuietFailuresBackend;
import org.safebed.platform.embedded.CountingMemoryBackend;
import org.safebed.platform.embedded.MongoCommands;

/**
 * One in-memory wire-protocol MongoDB per test JVM, spoken to by the real MongoDB driver. Each
 * Spring test context gets its own database on it, so contexts never see each other's data.
 */
public final class TestMongo {

  private static volatile String baseUri;
  private static final FullScans FULL_SCANS = new FullScans();

  private TestMongo() {}

  public static synchronized String baseUri() {
    if (baseUri == null) {
      MongoServer server =
          new MongoServer(new QuietFailuresBackend(new CountingMemoryBackend(FULL_SCANS, new MongoCommands())));
      InetSocketAddress address = server.bind();
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
      baseUri = "mongodb://127.0.0.1:" + address.getPort();
    }
    return baseUri;
  }

  /** The queries the server answered by reading a whole collection (see {@link FullScans}). */
  public static FullScans fullScans() {
    return FULL_SCANS;
  }
}
