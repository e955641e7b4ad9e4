package org.safebed.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The wire-protocol server's backend, minus its log line for a refused command. mongo-java-server
 * logs every command it refuses at ERROR with the whole command document and a stack trace: a
 * placement racing for a second bed (the unique index refuses it, as designed) put its keyed case
 * hash and ids in the log. The client gets the same error in its reply and decides whether it was
 * expected, as it must with a real MongoDB, which logs nothing of the kind in our processes; so
 * refusals go back to the client unlogged here. A failure that is not a refusal (a bug in the
 * server) is still logged by the server.
 */
public final class QuietFailuresBackend implements MongoBackend {

  private final MongoBackend backend;

  public QuietFailuresBackend(MongoBackend backend) {
    this.backend = backend;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return backend.handleCommand(channel, database, command, query);
    } catch (MongoServerException refused) {
      throw unlogged(refused);
    }
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    try {
      return backend.handleQuery(query);
    } catch (MongoServerException refused) {
      throw unlogged(refused);
    }
  }

  /** The server logs a refused message whatever the exception says, so the refusal is answered here. */
  @Override
  public Document handleMessage(MongoMessage message) {
    try {
      return backend.handleMessage(message);
    } catch (MongoServerException refused) {
      return refusal(refused);
    }
  }

  private static MongoServerException unlogged(MongoServerException refused) {
    refused.setLogError(false);
    return refused;
  }

  /** The reply the server itself makes of a refusal: its message, code and code name, {@code ok: 0}. */
  static Document refusal(MongoServerException refused) {
    Document reply = new Document();
    reply.put("$err", refused.getMessageWithoutErrorCode());
    reply.put("errmsg", refused.getMessageWithoutErrorCode());
    if (refused instanceof MongoServerError error) {
      reply.put("code", error.getCode());
      reply.putIfNotNull("codeName", error.getCodeName());
    }
    reply.put("ok", 0);
    return reply;
  }

  @Override
  public void handleClose(Channel channel) {
    backend.handleClose(channel);
  }

  @Override
  public void dropDatabase(String database) {
    backend.dropDatabase(database);
  }

  @Override
  public Collection<Document> getCurrentOperations(MongoQuery query) {
    return backend.getCurrentOperations(query);
  }

  @Override
  public Document getServerStatus() {
    return backend.getServerStatus();
  }

  @Override
  public void close() {
    backend.close();
  }

  @Override
  public void closeCursors(List<Long> cursorIds) {
    backend.closeCursors(cursorIds);
  }

  @Override
  public Clock getClock() {
    return backend.getClock();
  }

  @Override
  public void enableOplog() {
    backend.enableOplog();
  }

  @Override
  public void disableOplog() {
    backend.disableOplog();
  }

  @Override
  public MongoDatabase resolveDatabase(String database) {
    return backend.resolveDatabase(database);
  }

  @Override
  public MongoBackend version(MongoVersion version) {
    backend.version(version);
    return this;
  }
}
