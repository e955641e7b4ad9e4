package org.safebed.localstack.infrastructure;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.safebed.platform.embedded.EmbeddedAmqpBroker;
import org.safebed.platform.embedded.EmbeddedMongo;
import org.safebed.platform.embedded.FullScans;
import org.safebed.platform.embedded.MongoCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MongoDB and the AMQP broker: embedded unless external ones are given. */
public final class Infrastructure implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
  static final String MONGO_FILE = "mongo.mv";

  private final EmbeddedMongo embeddedMongo;
  private final EmbeddedAmqpBroker embeddedBroker;
  private final String mongoUri;
  private final String brokerUri;

  private Infrastructure(
      EmbeddedMongo embeddedMongo, EmbeddedAmqpBroker embeddedBroker, String mongoUri, String brokerUri) {
    this.embeddedMongo = embeddedMongo;
    this.embeddedBroker = embeddedBroker;
    this.mongoUri = mongoUri;
    this.brokerUri = brokerUri;
  }

  /**
   * Starts the embedded servers side by side.
   *
   * @param externalMongoUri a MongoDB to use instead of the embedded one, or {@code null}
   * @param mongoPort the embedded Mongo's port, {@code 0} for any
   * @param dataDirOrNull where the embedded Mongo keeps its file, {@code null} for memory only
   * @param externalBrokerUri an AMQP broker to use instead of the embedded one, or {@code null}
   * @param brokerPort the embedded broker's port, {@code 0} for any
   */
  public static Infrastructure start(
      String externalMongoUri, int mongoPort, Path dataDirOrNull,
      String externalBrokerUri, int brokerPort) {
    CompletableFuture<EmbeddedMongo> mongo = externalMongoUri != null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.supplyAsync(() -> startMongo(mongoPort, dataDirOrNull),
            task -> Thread.ofPlatform().name("local-stack-start-mongo").start(task));
    EmbeddedAmqpBroker broker;
    try {
      broker = externalBrokerUri != null ? null : startBroker(brokerPort);
    } catch (RuntimeException e) {
      mongo.thenAccept(started -> closeQuietly(started));
      throw e;
    }
    EmbeddedMongo startedMongo;
    try {
      startedMongo = mongo.join();
    } catch (CompletionException e) {
      if (broker != null) {
        broker.close();
      }
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return new Infrastructure(startedMongo, broker,
        startedMongo != null ? startedMongo.uri() : externalMongoUri,
        broker != null ? broker.uri() : externalBrokerUri);
  }

  private static EmbeddedMongo startMongo(int port, Path dataDirOrNull) {
    EmbeddedMongo mongo =
        EmbeddedMongo.start(port, dataDirOrNull == null ? null : dataDirOrNull.resolve(MONGO_FILE));
    log.info("Embedded MongoDB listening on port {} ({})", mongo.port(),
        dataDirOrNull == null ? "in memory" : "file-backed");
    return mongo;
  }

  private static EmbeddedAmqpBroker startBroker(int port) {
    EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(port);
    log.info("Embedded AMQP broker listening on port {}", broker.port());
    return broker;
  }

  private static void closeQuietly(EmbeddedMongo mongo) {
    if (mongo != null) {
      mongo.close();
    }
  }

  /** The MongoDB connection string, without a database. */
  public String mongoUri() {
    return mongoUri;
  }

  /** The embedded MongoDB's count of queries that read whole collections; empty when MongoDB is external. */
  public Optional<FullScans> fullScans() {
    return Optional.ofNullable(embeddedMongo).map(EmbeddedMongo::fullScans);
  }

  /** The embedded MongoDB's count of commands answered; empty when MongoDB is external. */
  public Optional<MongoCommands> mongoCommands() {
    return Optional.ofNullable(embeddedMongo).map(EmbeddedMongo::commands);
  }

  /** Whether MongoDB is the embedded wire-protocol server rather than a real one. */
  public boolean embeddedMongo() {
    return embeddedMongo != null;
  }

  /** The AMQP URI, with credentials. */
  public String brokerUri() {
    return brokerUri;
  }

  @Override
  public void close() {
    try {
      if (embeddedBroker != null) {
        embeddedBroker.close();
      }
    } finally {
      closeQuietly(embeddedMongo);
    }
  }
}
