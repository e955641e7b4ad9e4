package org.safebed.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.safebed.platform.embedded.QuietFailuresBackend;

/**
 * One in-memory wire-protocol MongoDB per test JVM, spoken to by the real MongoDB driver. Each
 * Spring test context gets its own database on it, so contexts never see each other's data.
 */
public final class TestMongo {

  private static volatile String baseUri;

  private TestMongo() {}

  public static synchronized String baseUri() {
    if (baseUri == null) {
      MongoServer server = new MongoServer(new QuietFailuresBackend(new MemoryBackend()));
      InetSocketAddress address = server.bind();
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
      baseUri = "mongodb://127.0.0.1:" + address.getPort();
    }
    return baseUri;
  }
}
