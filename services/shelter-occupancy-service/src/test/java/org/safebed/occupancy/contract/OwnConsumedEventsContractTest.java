package org.safebed.occupancy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.messaging.OccupancySubscriptions;
import org.safebed.occupancy.messaging.PlacementCancelled;
import org.safebed.occupancy.messaging.ResidentMissing;
import org.safebed.platform.testing.AsyncApiDocument;

/** The events this service consumes from itself: our records must fit our own published schemas. */
class OwnConsumedEventsContractTest {

  @Test
  void theResidentMissingRecordFitsOurSchema() {
    fitsOurSchema(OccupancySubscriptions.RESIDENT_MISSING, ResidentMissing.class);
  }

  @Test
  void theCancelledRecordFitsOurSchema() {
    fitsOurSchema(OccupancySubscriptions.PLACEMENT_CANCELLED, PlacementCancelled.class);
  }

  private static void fitsOurSchema(String type, Class<? extends Record> record) {
    var data = AsyncApiDocument.of("shelter-occupancy-service").orElseThrow()
        .dataOf(type).orElseThrow();
    for (RecordComponent field : record.getRecordComponents()) {
      Map<String, Object> schema = data.properties().get(field.getName());
      assertThat(schema).as("data.%s exists", field.getName()).isNotNull();
      assertThat(data.required()).contains(field.getName());
      assertThat(schema.get("type")).isEqualTo("string");
    }
  }
}
