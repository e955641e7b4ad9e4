package org.safebed.occupancy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedRepository.PlacementHasBedException;
import org.safebed.platform.embedded.EmbeddedMongo;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A placement racing for a second bed is stopped by the unique index, as designed: an expected
 * race, so nothing may be logged at WARN or above, and no log line at all may carry a stack trace
 * or a value of the refused write (the placement id, her keyed case hash). The server is the local
 * stack's embedded one, which logged the whole refused command at ERROR.
 */
class SecondBedRaceLoggingTest {

  private static final String CASE_TOKEN = "kh-3f9a1c0de5b7";
  private static final String PLACEMENT = "plc-race-7d41";

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoBeds beds;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.start(0, null);
    client = MongoClients.create(server.uri());
    beds = new MongoBeds(new MongoTemplate(client, "second-bed-race"), java.time.Clock.systemUTC());
    beds.createIndexes();
    beds.ensureBeds("shelter-race", 2, Instant.now());
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG); // whatever the test configuration, every line is seen
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logged);
    root.setLevel(rootLevel);
    client.close();
    server.close();
  }

  @Test
  void theUniqueIndexStopsASecondBedWithoutAnErrorLogOrAFieldValue() {
    Bed.Occupant her = new Bed.Occupant(CASE_TOKEN, Set.of("kh-other"));
    assertThat(beds.hold(Bed.idFor("shelter-race", 1), PLACEMENT, her, Instant.now())).isPresent();

    assertThatThrownBy(() -> beds.hold(Bed.idFor("shelter-race", 2), PLACEMENT, her, Instant.now()))
        .isInstanceOf(PlacementHasBedException.class);

    assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    // DEBUG is the driver's and the server's wire trace, off in every configuration we ship.
    List<ILoggingEvent> shipped = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    assertThat(shipped).allMatch(event -> event.getThrowableProxy() == null);
    assertThat(shipped).map(ILoggingEvent::getFormattedMessage)
        .noneMatch(line -> line.contains(CASE_TOKEN) || line.contains(PLACEMENT) || line.contains("kh-other"));
  }
}
