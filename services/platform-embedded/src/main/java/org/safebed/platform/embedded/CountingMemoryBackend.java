package org.safebed.platform.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-memory backend, counting the commands it answers ({@link MongoCommands}) and the queries
 * it answers without an index ({@link FullScans}). Behaviour is unchanged: it answers exactly as
 * the plain one does.
 */
public final class CountingMemoryBackend extends MemoryBackend {

  private final FullScans scans;
  private final MongoCommands commands;

  public CountingMemoryBackend(FullScans scans, MongoCommands commands) {
    this.scans = scans;
    this.commands = commands;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    commands.record(command, query.get(command));
    return super.handleCommand(channel, database, command, query);
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getCursorRegistry(), scans);
  }

  private static final class Database extends MemoryDatabase {
    private final String name;
    private final FullScans scans;

    Database(String name, CursorRegistry cursors, FullScans scans) {
      super(name, cursors);
      this.name = name;
      this.scans = scans;
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
      // The superclass constructor opens its system collections before this.scans is set.
      return scans == null
          ? super.openOrCreateCollection(name, options)
          : new Collection(this, this.name, name, options, cursorRegistry, scans);
    }
  }

  private static final class Collection extends MemoryCollection {
    private final String databaseName;
    private final FullScans scans;

    Collection(MongoDatabase database, String databaseName, String name, CollectionOptions options,
        CursorRegistry cursors, FullScans scans) {
      super(database, name, options, cursors);
      this.databaseName = databaseName;
      this.scans = scans;
    }

    /** The path the server takes when no index can answer the query: every document is read. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
        Document fieldSelector) {
      scans.record(databaseName, getCollectionName(), query, count());
      return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }
  }
}
