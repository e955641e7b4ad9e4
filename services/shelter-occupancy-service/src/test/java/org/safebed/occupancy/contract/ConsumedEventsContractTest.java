package org.safebed.occupancy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.safebed.occupancy.messaging.OccupancySubscriptions;
import org.safebed.occupancy.messaging.TenancyStarted;
import org.safebed.occupancy.messaging.TransportAssigned;
import org.safebed.occupancy.messaging.TransportLeg;
import org.safebed.platform.testing.AsyncApiDocument;

/**
 * Our own records of the events we consume must fit their producers' published schemas: every
 * field we read exists there, is required (we cannot do without it) and has a compatible type.
 * Producers write their AsyncAPI files in parallel; a missing file skips its checks visibly.
 */
class ConsumedEventsContractTest {

  private record Consumed(String type, String producer, Class<? extends Record> record) {}

  private static final List<Consumed> CONSUMED = List.of(
      new Consumed(OccupancySubscriptions.TRANSPORT_ASSIGNED, "transport-service", TransportAssigned.class),
      new Consumed(OccupancySubscriptions.TRANSPORT_PICKED_UP, "transport-service", TransportLeg.class),
      new Consumed(OccupancySubscriptions.TRANSPORT_DELIVERED, "transport-service", TransportLeg.class),
      new Consumed(OccupancySubscriptions.TRANSPORT_FAILED, "transport-service", TransportLeg.class),
      new Consumed(OccupancySubscriptions.TENANCY_STARTED, "rental-referral-service", TenancyStarted.class));

  /** Fields we read that a producer may leave out: the subscriptions give their absence a meaning. */
  private static final Set<String> TOLERATED_ABSENT = Set.of("kind");

  @TestFactory
  Stream<DynamicTest> ourRecordsFitTheProducersSchemas() {
    return CONSUMED.stream().map(consumed -> DynamicTest.dynamicTest(consumed.type(), () -> {
      var spec = AsyncApiDocument.of(consumed.producer());
      Assumptions.assumeTrue(spec.isPresent(), "producer spec " + consumed.producer() + " not written yet");
      var data = spec.get().dataOf(consumed.type());
      assertThat(data).as("%s documented in %s", consumed.type(), consumed.producer()).isPresent();
      for (RecordComponent field : consumed.record().getRecordComponents()) {
        Map<String, Object> schema = data.get().properties().get(field.getName());
        assertThat(schema).as("%s.data.%s exists", consumed.type(), field.getName()).isNotNull();
        if (!TOLERATED_ABSENT.contains(field.getName())) {
          assertThat(data.get().required()).as("%s.data.%s is required", consumed.type(), field.getName())
              .contains(field.getName());
        }
        String expectedType = field.getType() == Integer.class ? "integer" : "string";
        Object declared = schema.get("type");
        if (declared != null) {
          assertThat(declared).as("%s.data.%s type", consumed.type(), field.getName()).isEqualTo(expectedType);
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyConsumedTypeIsSubscribed() {
    return CONSUMED.stream().map(consumed -> DynamicTest.dynamicTest(consumed.type(), () ->
        assertThat(consumed.type()).matches("(transport|referral)\\.[a-z-]+\\.v\\d+")));
  }
}
