package org.safebed.occupancy.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.occupancy.domain.Fixtures.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.Set;
import org.safebed.occupancy.domain.CheckOutReason;
import org.safebed.occupancy.domain.EscortGender;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.Urgency;
import org.safebed.occupancy.domain.Fixtures;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.platform.testing.AsyncApiDocument;
import org.safebed.occupancy.messaging.PublishedEvents;
import org.safebed.platform.messaging.OutboxEvent;

/** Every event the domain records matches the schema we publish in our AsyncAPI document. */
class PublishedEventsContractTest {

  private final AsyncApiDocument ours = AsyncApiDocument.of("shelter-occupancy-service").orElseThrow();

  @Test
  void everyRecordedEventMatchesItsPublishedSchema() {
    List<OutboxEvent> events = sampleOfEveryEvent().stream().map(PublishedEvents::toOutbox).toList();
    assertThat(events).extracting(OutboxEvent::type).containsOnly(
        "placement.bed-held.v1", "placement.hold-expired.v1", "placement.cancelled.v1",
        "placement.checked-in.v1", "placement.checked-out.v1", "placement.resident-missing.v1");

    for (OutboxEvent event : events) {
      var schema = ours.dataOf(event.type());
      assertThat(schema).as("schema of %s", event.type()).isPresent();
      assertMatches(event.type() + ".data", event.data(), schema.get());
    }
  }

  private static List<PlacementEvent> sampleOfEveryEvent() {
    List<PlacementEvent> events = new ArrayList<>();
    Placement held = Fixtures.held(T0.plus(Duration.ofHours(1)));
    Placement pending = Fixtures.pending(Fixtures.girlOf14At(new org.safebed.occupancy.domain.GeoPoint(48.9, 2.3)));
    events.addAll(pending.holdBed(Fixtures.shelter("s-9", new org.safebed.occupancy.domain.GeoPoint(48.7, 2.2),
        Fixtures.MINOR_GIRLS), "s-9-bed-1", T0.plusSeconds(3600), T0).events());
    Placement withPreferences = Fixtures.pending(new PlacementRequest(new Person(15, Gender.FEMALE), Set.of(),
        new GeoPoint(48.9, 2.3), List.of(), Set.of(), Set.of("ro", "uk"), Set.of(), null, Urgency.NORMAL,
        EscortGender.FEMALE));
    events.addAll(withPreferences.holdBed(Fixtures.shelter("s-8", new GeoPoint(48.7, 2.2), Fixtures.MINOR_GIRLS),
        "s-8-bed-1", T0.plusSeconds(3600), T0).events());
    events.addAll(held.expireHold(T0.plus(Duration.ofHours(2))).events());
    events.addAll(held.cancel(T0).events());
    Placement in = held.checkIn(T0).placement();
    events.addAll(held.checkIn(T0).events());
    events.addAll(in.checkOut(CheckOutReason.MOVED_TO_RENTAL, T0).events());
    events.addAll(in.reportMissing(Duration.ofHours(24), T0).events());
    events.addAll(in.reportMissing(Duration.ofHours(24), T0).placement().giveUpMissingBed(T0.plus(Duration.ofDays(2)))
        .events());
    events.addAll(held.relocateTo("r-1", T0).events());
    events.addAll(in.relocateTo("r-1", T0).events());
    return events;
  }

  private static void assertMatches(String path, Map<String, Object> data, AsyncApiDocument.ObjectSchema schema) {
    assertThat(data.keySet()).as("%s has every required field", path).containsAll(schema.required());
    if (schema.closed()) {
      assertThat(schema.properties().keySet()).as("%s has no undeclared field", path).containsAll(data.keySet());
    }
    data.forEach((field, value) -> {
      Map<String, Object> property = schema.properties().get(field);
      if (property == null) {
        return;
      }
      Object type = property.get("type");
      String where = path + "." + field;
      switch (String.valueOf(type)) {
        case "string" -> assertThat(value).as(where).isInstanceOf(String.class);
        case "boolean" -> assertThat(value).as(where).isInstanceOf(Boolean.class);
        case "number" -> assertThat(value).as(where).isInstanceOf(Number.class);
        case "object" -> {
          assertThat(value).as(where).isInstanceOf(Map.class);
          @SuppressWarnings("unchecked")
          Map<String, Object> nested = (Map<String, Object>) value;
          Map<String, Object> nestedProperties = AsyncApiDocument.map(property.get("properties"));
          assertThat(nested.keySet()).as(where).containsAll(AsyncApiDocument.strings(property.get("required")));
          assertThat(nestedProperties.keySet()).as(where).containsAll(nested.keySet());
        }
        case "array" -> {
          assertThat(value).as(where).isInstanceOf(List.class);
          List<?> items = (List<?>) value;
          if (property.get("maxItems") instanceof Number max) {
            assertThat(items).as(where).hasSizeLessThanOrEqualTo(max.intValue());
          }
          if (AsyncApiDocument.map(property.get("items")).get("pattern") instanceof String pattern) {
            assertThat(items).as(where).allSatisfy(item -> assertThat(String.valueOf(item)).matches(pattern));
          }
        }
        default -> { }
      }
      List<String> allowed = AsyncApiDocument.strings(property.get("enum"));
      if (!allowed.isEmpty()) {
        assertThat(allowed).as(where).contains(String.valueOf(value));
      }
    });
  }
}
