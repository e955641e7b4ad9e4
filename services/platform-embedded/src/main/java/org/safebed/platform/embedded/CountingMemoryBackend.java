package org.safebed.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;
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
 * it answers without an index ({@link FullScans}), with the non-unique indexes the plain one
 * ignores ({@link SecondaryIndex}): it answers exactly as the plain one does, reading only the
 * documents a real MongoDB's index would lead it to.
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

    /**
     * A {@link SecondaryIndex} where the plain server ignores non-unique indexes; one per first
     * field and collection, since only the first field is used (the collection's other indexes on
     * the same first field would hold the same).
     */
    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      MongoCollection<Integer> collection = resolveCollection(collectionName, false);
      if (collection != null) {
        // Created again (a service starting again): the index it has, so that its options agree.
        for (Index<Integer> index : collection.getIndexes()) {
          if (index.getName().equals(indexName)) {
            return index;
          }
        }
      }
      String firstField = keys.getFirst().getKey();
      boolean alreadyIndexed = collection != null && collection.getIndexes().stream()
          .anyMatch(index -> index instanceof SecondaryIndex && index.getKeys().getFirst().getKey().equals(firstField));
      return alreadyIndexed ? new EmptyIndex<>(indexName, keys) : new SecondaryIndex(indexName, keys, sparse);
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
