package org.safebed.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.localstack.journey.RunningStack;
import org.safebed.localstack.security.StackClient.Answer;
import org.safebed.localstack.security.StackClient.Exchange;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.testing.TestBroker;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Canaries: a shelter address, a rental unit address, police case and keep-apart references, and
 * exact coordinates, all unique to this run, go in through the API; the whole journey runs with
 * them (placement, transport, the driver's destination, check-in, referral, move-in, the move's
 * destination) and so do the error paths (invalid and malformed bodies, forbidden calls, a
 * conflicting idempotent retry, bad parameters, dead letters). Then every log line, every message
 * on the bus and in the dead-letter queues, every answer except the two destinations shown to the
 * assigned drivers, and a raw read of every database must show none of them.
 */
class LeakGuardIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(45);
  private static final String RUN = "CANARY-" + UUID.randomUUID();
  private static final String SHELTER_ADDRESS = RUN + "-SHELTER 9 Rue du Canari, Synthville";
  private static final String UNIT_ADDRESS = RUN + "-UNIT 4 Allee du Canari, Synthville";
  private static final String CASE_REF = RUN + "-CASE";
  /** Exact places: shelter, unit (sealed); where she was found and her exclusion zones (safety). */
  private static final List<String> SHELTER_AND_UNIT_COORDINATES =
      List.of("49.5012345", "1.0987654", "50.6012345", "3.0412345");
  private static final List<String> PERSON_COORDINATES =
      List.of("49.5123457", "1.1123457", "47.1234567", "-1.2345678", "46.1234567", "2.7654321");
  private static final List<String> DRIVERS = List.of("demo-driver", "demo-driver-2", "demo-driver-3");

  private static LocalStack stack;
  private static StackClient client;
  private static final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> jsonLogLines = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> busMessages = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> injectedIds = new ArrayList<>();
  private static final Map<String, Level> levelsBefore = new LinkedHashMap<>();
  private static AppenderBase<ILoggingEvent> appender;
  private static Connection broker;
  private static Channel spy;
  /** The answers the assigned drivers were meant to see: the only ones that may hold an address. */
  private static final List<Answer> destinations = new ArrayList<>();
  private static final AtomicReference<String> canaryPlacement = new AtomicReference<>();

  @BeforeAll
  static void runTheJourneyWithCanaries() throws Exception {
    stack = RunningStack.get();
    client = new StackClient(stack);
    captureLogs();
    spyOnTheBus();

    String shelterId = createCanaryShelter();
    String placement = canaryPlacement();
    driveTheCanaryPlacement(placement);
    String checkedIn = checkedInResident();
    String unitId = canaryUnit();
    String referral = referAndMoveIn(checkedIn, unitId);
    driveTheMove(referral);
    errorPaths(placement);
    deadLetters();

    assertThat(client.post("demo-police", "/api/placements/" + placement + "/cancel", null).status()).isEqualTo(200);
    // Everything this run caused is on the bus once the cancellation of the canary placement is.
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(busMessages)
        .anyMatch(m -> m.contains("placement.cancelled.v1") && m.contains(placement)));
    StackClient.sleep(Duration.ofSeconds(1));
    assertThat(shelterId).isNotBlank();
  }

  @AfterAll
  static void stopCapturing() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (appender != null) {
      logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
      appender.stop();
    }
    levelsBefore.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void noLogLineNamesACanary() {
    assertThat(logLines).as("log lines captured").isNotEmpty();
    if (TestBroker.get().isRealRabbitMq()) {
      // The refusals of the malformed events were logged: by id and type only.
      assertThat(logLines).as("the dead-letter path logged").anyMatch(line -> line.contains(injectedIds.getFirst()));
    }
    assertThat(logLines).filteredOn(mentionsACanary()).as("log lines with a canary").isEmpty();
  }

  @Test
  void noStructuredJsonLogLineNamesACanary() {
    assertThat(jsonLogLines).as("JSON log lines captured").isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith("{").contains("\"@timestamp\""));
    assertThat(jsonLogLines).filteredOn(mentionsACanary()).as("JSON log lines with a canary").isEmpty();
  }

  @Test
  void noMessageOnTheBusOrInADeadLetterQueueNamesACanary() throws Exception {
    assertThat(busMessages).as("the journey's events were seen").anyMatch(m -> m.contains("referral.tenancy-started.v1"));
    assertThat(busMessages).filteredOn(m -> injectedIds.stream().noneMatch(m::contains))
        .filteredOn(mentionsACanary()).as("messages with a canary").isEmpty();

    List<String> deadLetters = new ArrayList<>();
    for (StackApp service : StackApps.SERVICES) {
      MessagingProperties messaging = stack.context(service).orElseThrow().getBean(MessagingProperties.class);
      deadLetters.addAll(readQueue(messaging.deadLetterQueue()));
    }
    if (TestBroker.get().isRealRabbitMq()) {
      assertThat(deadLetters).as("the malformed events were dead-lettered")
          .anyMatch(m -> m.contains(injectedIds.getFirst()));
    }
    assertThat(deadLetters).filteredOn(m -> injectedIds.stream().noneMatch(m::contains))
        .filteredOn(mentionsACanary()).as("dead letters with a canary").isEmpty();
  }

  @Test
  void noAnswerButTheAssignedDriversDestinationsNamesACanary() {
    assertThat(destinations).hasSize(2);
    assertThat(destinations.get(0).body()).contains(SHELTER_ADDRESS);
    assertThat(destinations.get(1).body()).contains(UNIT_ADDRESS);
    List<String> leaks = new ArrayList<>();
    for (Exchange exchange : client.exchanges()) {
      if (destinations.stream().anyMatch(allowed -> allowed == exchange.answer())) {
        continue;
      }
      if (mentionsACanary().test(exchange.answer().body())) {
        leaks.add(exchange.client() + " " + exchange.method() + " " + exchange.path() + " -> " + exchange.answer());
      }
    }
    assertThat(client.exchanges()).as("answers checked").hasSizeGreaterThan(40);
    assertThat(leaks).as("answers with a canary").isEmpty();
  }

  @Test
  void aRawReadOfEveryDatabaseShowsAddressesAndReferencesOnlySealed() {
    List<String> clear = new ArrayList<>();
    int documents = 0;
    for (StackApp service : StackApps.SERVICES) {
      MongoTemplate mongo = stack.context(service).orElseThrow().getBean(MongoTemplate.class);
      for (String collection : mongo.getCollectionNames()) {
        for (Document document : mongo.getCollection(collection).find()) {
          documents++;
          String json = document.toJson();
          if (json.contains(RUN) || SHELTER_AND_UNIT_COORDINATES.stream().anyMatch(json::contains)) {
            clear.add(service.name() + "." + collection + " " + document.get("_id"));
          }
        }
      }
    }
    assertThat(documents).isGreaterThan(20);
    assertThat(clear).as("documents holding a canary in clear").isEmpty();
    MongoTemplate occupancy = stack.context(StackApps.SHELTER_OCCUPANCY).orElseThrow().getBean(MongoTemplate.class);
    Document shelter = occupancy.getCollection("shelters").find(new Document("codeName", codeName())).first();
    assertThat(shelter).as("the canary shelter is stored").isNotNull();
    assertThat(shelter.toJson()).as("its address is stored sealed").contains("\"v1:");
  }

  /**
   * Where she was found and the areas she must be kept out of (her home, where her exploiters
   * operate) locate a child as surely as an address: sealed at rest like the referral service's
   * exclusion zones.
   */
  @Test
  void aRawReadOfEveryDatabaseShowsWhereAChildWasFoundAndMustNotGoOnlySealed() {
    List<String> clear = new ArrayList<>();
    for (StackApp service : StackApps.SERVICES) {
      MongoTemplate mongo = stack.context(service).orElseThrow().getBean(MongoTemplate.class);
      for (String collection : mongo.getCollectionNames()) {
        for (Document document : mongo.getCollection(collection).find()) {
          String json = document.toJson();
          PERSON_COORDINATES.stream().filter(json::contains).forEach(coordinate ->
              clear.add(service.name() + "." + collection + " " + document.get("_id") + " holds " + coordinate));
        }
      }
    }
    assertThat(clear).as("documents holding a person's exact location in clear").isEmpty();
  }

  // --- the journey -----------------------------------------------------------------------------

  private static String codeName() {
    return "Canary-" + RUN.substring(7, 15);
  }

  private static String createCanaryShelter() {
    Answer created = client.post("demo-coordinator", "/api/shelters", """
        {"codeName": "%s", "region": "north", "location": {"lat": 49.5012345, "lon": 1.0987654},
         "address": "%s",
         "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 2}"""
        .formatted(codeName(), SHELTER_ADDRESS));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static String placementRequest(String caseRef, double lat, double lon) {
    return """
        {"policeCaseRef": "%s", "person": {"ageYears": 14, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": %s, "lon": %s},
         "exclusionZones": [{"lat": 47.1234567, "lon": -1.2345678, "radiusKm": 1}],
         "keepApartFrom": ["%s-KEEP"]}""".formatted(caseRef, lat, lon, RUN);
  }

  private static final String CANARY_KEY = UUID.randomUUID().toString();

  private static String canaryPlacement() {
    Answer created = client.send("demo-police", "POST", "/api/placements",
        placementRequest(CASE_REF, 49.5123457, 1.1123457), Map.of("Idempotency-Key", CANARY_KEY));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("shelter").get("codeName").asString()).isEqualTo(codeName());
    canaryPlacement.set(created.json().get("id").asString());
    String id = canaryPlacement.get();
    client.send("demo-police", "GET", "/api/placements/" + id + "/events", null,
        Map.of("Accept", "text/event-stream"));
    client.get("demo-coordinator", "/api/placements/" + id);
    return id;
  }

  private static void driveTheCanaryPlacement(String placement) {
    String[] job = findJob(j -> placement.equals(j.get("placementId").asString()));
    String driver = job[0];
    String path = "/api/transport/jobs/" + job[1];
    assertThat(client.post(driver, path + "/accept", null).status()).isEqualTo(200);
    AtomicReference<Answer> destination = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Answer answer = client.get(driver, path + "/destination");
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      destination.set(answer);
    });
    destinations.add(destination.get());
    for (String other : DRIVERS) {
      if (!other.equals(driver)) {
        client.get(other, path + "/destination");
      }
    }
    client.get("demo-police", path + "/destination");
    client.get("demo-coordinator", path + "/destination");
    client.get("demo-coordinator", path);
    assertThat(client.post(driver, path + "/pick-up", null).status()).isEqualTo(200);
    assertThat(client.post(driver, path + "/deliver", null).status()).isEqualTo(200);
    client.get("demo-police", "/api/placements/" + placement);
    client.get("demo-coordinator", "/api/shelters");
    client.get("demo-coordinator", "/api/statistics");
  }

  private static String checkedInResident() {
    Answer created = client.send("demo-police", "POST", "/api/placements",
        placementRequest(RUN + "-CASE2", 50.6, 3.05), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(client.post("demo-shelter-manager", "/api/placements/" + id + "/check-in", null).status())
        .isEqualTo(200);
    return id;
  }

  private static String canaryUnit() {
    Answer created = client.post("demo-housing-officer", "/api/rental-units", """
        {"region": "north", "location": {"lat": 50.6012345, "lon": 3.0412345}, "address": "%s",
         "bedrooms": 1, "monthlyRent": 480, "accessible": false, "availableFrom": "2026-01-01",
         "suitableFor": ["YOUNG_ADULT"]}""".formatted(UNIT_ADDRESS));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asString();
    client.get("demo-housing-officer", "/api/rental-units/" + id);
    client.get("demo-housing-officer", "/api/rental-units");
    return id;
  }

  private static String referAndMoveIn(String placement, String unitId) {
    String body = """
        {"placementId": "%s", "unitId": "%s", "needs": ["YOUNG_ADULT"],
         "exclusionZones": [{"lat": 46.1234567, "lon": 2.7654321, "radiusKm": 1}],
         "keepApartRefs": ["%s-REF"]}""".formatted(placement, unitId, RUN);
    AtomicReference<String> referral = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Answer created = client.post("demo-housing-officer", "/api/referrals", body);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      referral.set(created.json().get("id").asString());
    });
    String path = "/api/referrals/" + referral.get();
    client.get("demo-housing-officer", path);
    client.get("demo-coordinator", path);
    assertThat(client.post("demo-housing-officer", path + "/accept", null).status()).isEqualTo(200);
    Answer movedIn = client.post("demo-housing-officer", path + "/move-in",
        "{\"moveInDate\": \"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}");
    assertThat(movedIn.status()).as(movedIn.toString()).isEqualTo(200);
    return referral.get();
  }

  private static void driveTheMove(String referral) {
    String[] job = findJob(j -> j.has("referralId") && referral.equals(j.get("referralId").asString()));
    String driver = job[0];
    String path = "/api/transport/jobs/" + job[1];
    assertThat(client.post(driver, path + "/accept", null).status()).isEqualTo(200);
    AtomicReference<Answer> destination = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Answer answer = client.get(driver, path + "/destination");
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      destination.set(answer);
    });
    destinations.add(destination.get());
    client.get("demo-coordinator", "/api/transport/jobs");
    client.post(driver, path + "/pick-up", null);
    client.post(driver, path + "/deliver", null);
  }

  /** The driver a job matching {@code which} is offered to, and the job's id. */
  private static String[] findJob(Predicate<JsonNode> which) {
    AtomicReference<String[]> found = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      for (String driver : DRIVERS) {
        for (JsonNode job : client.get(driver, "/api/transport/jobs").json()) {
          if (which.test(job) && "OFFERED".equals(job.get("status").asString())) {
            found.set(new String[] {driver, job.get("id").asString()});
          }
        }
      }
      assertThat(found.get()).as("a job offered to a driver").isNotNull();
    });
    return found.get();
  }

  /** Refusals of every kind, each carrying canaries the answer must not repeat. */
  private static void errorPaths(String placement) {
    Map<String, String> freshKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    String valid = placementRequest(CASE_REF, 49.5123457, 1.1123457);
    List<Answer> refused = new ArrayList<>();
    refused.add(client.send("demo-police", "POST", "/api/placements",
        valid.replace("\"ageYears\": 14", "\"ageYears\": 140"), freshKey));
    refused.add(client.send("demo-police", "POST", "/api/placements",
        "{\"policeCaseRef\": \"" + CASE_REF + "\", \"person\": ", Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    refused.add(client.send("demo-police", "POST", "/api/placements",
        valid.replace("\"needs\": []", "\"needs\": [], \"note\": \"" + SHELTER_ADDRESS + "\""),
        Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    refused.add(client.send("demo-police", "POST", "/api/placements",
        valid.replace("\"ageYears\": 14", "\"ageYears\": \"" + RUN + "\""), Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    refused.add(client.send("demo-police", "POST", "/api/placements",
        valid.replace(CASE_REF, CASE_REF + " !"), Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    refused.add(client.send("demo-police", "POST", "/api/placements",
        valid.replace("\"needs\": []", "\"needs\": [\"" + RUN + "\"]"), Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    refused.add(client.send("demo-police", "POST", "/api/placements", valid, Map.of("Idempotency-Key", RUN)));
    // The same key with another body: refused, and the answer does not say what the first one was.
    refused.add(client.send("demo-police", "POST", "/api/placements", valid.replace("-CASE", "-OTHER"),
        Map.of("Idempotency-Key", CANARY_KEY)));
    refused.add(client.post("demo-coordinator", "/api/shelters", """
        {"codeName": "Canary-Bad", "region": "north", "location": {"lat": 49.5012345, "lon": 1.0987654},
         "address": "%s", "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 0}"""
        .formatted(SHELTER_ADDRESS)));
    refused.add(client.post("demo-coordinator", "/api/shelters", """
        {"codeName": "Canary-Long", "region": "north", "location": {"lat": 49.5012345, "lon": 1.0987654},
         "address": "%s", "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 1}"""
        .formatted(SHELTER_ADDRESS.repeat(8))));
    refused.add(client.post("demo-driver", "/api/shelters", "{\"address\": \"" + SHELTER_ADDRESS + "\"}"));
    refused.add(client.send("demo-housing-officer", "POST", "/api/placements", valid,
        Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    refused.add(client.post("demo-police", "/api/rental-units", "{\"address\": \"" + UNIT_ADDRESS + "\"}"));
    refused.add(client.post("demo-housing-officer", "/api/rental-units", """
        {"region": "north", "location": {"lat": 50.6012345, "lon": 3.0412345}, "address": "%s",
         "bedrooms": 99, "monthlyRent": 480, "accessible": false, "availableFrom": "2026-01-01",
         "suitableFor": ["YOUNG_ADULT"]}""".formatted(UNIT_ADDRESS)));
    refused.add(client.post("demo-housing-officer", "/api/referrals", """
        {"placementId": "%s", "priority": "URGENT", "keepApartRefs": ["%s-REF"]}""".formatted(placement, RUN)));
    refused.add(client.post("demo-housing-officer", "/api/referrals",
        "{\"placementId\": \"" + placement + "\", \"keepApartRefs\": [\"" + RUN + "-REF\"]}"));
    refused.add(client.get("demo-driver", "/api/transport/jobs?status=" + RUN));
    refused.add(client.get("demo-housing-officer", "/api/referrals?limit=" + RUN));
    refused.add(client.get("demo-housing-officer", "/api/rental-units?region=" + RUN.toLowerCase()));
    refused.add(client.put("demo-coordinator", "/api/shelters/shelter-north-1/status", "{\"status\": \"" + RUN + "\"}"));
    refused.add(client.post("demo-housing-officer", "/api/referrals/" + "ref-unknown" + "/decline",
        "{\"reason\": \"" + RUN + "\"}"));
    for (Answer answer : refused) {
      assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
      assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }
  }

  /** Malformed events carrying a canary: consumers must refuse them without logging the body. */
  private static void deadLetters() throws Exception {
    MessagingProperties messaging = stack.context(StackApps.TRANSPORT).orElseThrow().getBean(MessagingProperties.class);
    for (String type : List.of("placement.bed-held.v1", "placement.checked-in.v1")) {
      String id = UUID.randomUUID().toString();
      injectedIds.add(id);
      AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
          .messageId(id).type(type).contentType("application/json").deliveryMode(2).build();
      String body = "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"data\": {\"address\": \""
          + SHELTER_ADDRESS + "\", \"policeCaseRef\": \"" + CASE_REF + "\"";
      spy.basicPublish(messaging.exchange(), type, true, properties, body.getBytes(StandardCharsets.UTF_8));
    }
    if (TestBroker.get().isRealRabbitMq()) {
      await().atMost(EVENTUAL).untilAsserted(() -> assertThat(busMessages)
          .filteredOn(m -> m.startsWith("dead-letter") && m.contains(injectedIds.getFirst())).isNotEmpty());
    }
  }

  // --- capture ---------------------------------------------------------------------------------

  private static Predicate<String> mentionsACanary() {
    return text -> text != null && (text.contains(RUN) || text.contains("CANARY-")
        || SHELTER_AND_UNIT_COORDINATES.stream().anyMatch(text::contains)
        || PERSON_COORDINATES.stream().anyMatch(text::contains));
  }

  /** Every log event of the JVM from now on, at INFO and (SafeBed's own) DEBUG. */
  private static void captureLogs() {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (String name : List.of(Logger.ROOT_LOGGER_NAME, "org.safebed")) {
      levelsBefore.put(name, logging.getLogger(name).getLevel());
    }
    logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    logging.getLogger("org.safebed").setLevel(Level.DEBUG);
    if (logging.getObject(Environment.class.getName()) == null) {
      logging.putObject(Environment.class.getName(), new StandardEnvironment());
    }
    StructuredLogEncoder json = new StructuredLogEncoder();
    json.setContext(logging);
    json.setFormat("ecs");
    json.start();
    appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
            .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
            .append(event.getThreadName()).append(' ').append(event.getFormattedMessage());
        if (event.getMDCPropertyMap() != null && !event.getMDCPropertyMap().isEmpty()) {
          line.append(' ').append(event.getMDCPropertyMap());
        }
        if (event.getThrowableProxy() != null) {
          line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        logLines.add(line.toString());
        // The same event as compose and Kubernetes write it (ECS JSON): its extra fields (MDC,
        // key-value pairs, the stack trace) must not leak either.
        jsonLogLines.add(new String(json.encode(event), StandardCharsets.UTF_8));
      }
    };
    appender.setContext(logging);
    appender.setName("leak-guard");
    appender.start();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  /** A queue bound to everything on the events exchange and the dead-letter exchange. */
  private static void spyOnTheBus() throws Exception {
    MessagingProperties messaging = stack.context(StackApps.TRANSPORT).orElseThrow().getBean(MessagingProperties.class);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(stack.brokerUri());
    broker = factory.newConnection("leak-guard");
    spy = broker.createChannel();
    String queue = spy.queueDeclare().getQueue();
    spy.queueBind(queue, messaging.exchange(), "#");
    spy.queueBind(queue, messaging.deadLetterExchange(), "#");
    spy.basicConsume(queue, true, (tag, delivery) -> busMessages.add(
        (delivery.getEnvelope().getExchange().endsWith(".dlx") ? "dead-letter " : "event ")
            + delivery.getEnvelope().getRoutingKey() + " " + delivery.getProperties() + " "
            + new String(delivery.getBody(), StandardCharsets.UTF_8)), tag -> { });
  }

  /** Reads a queue without taking anything from it: unacknowledged messages go back on close. */
  private static List<String> readQueue(String queue) throws Exception {
    List<String> messages = new ArrayList<>();
    try (Channel channel = broker.createChannel()) {
      GetResponse response;
      while ((response = channel.basicGet(queue, false)) != null && messages.size() < 10_000) {
        messages.add(response.getProps() + " " + new String(response.getBody(), StandardCharsets.UTF_8));
      }
    }
    return messages;
  }
}
