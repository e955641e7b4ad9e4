package org.safebed.occupancy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.messaging.OccupancySubscriptions;
import org.safebed.occupancy.messaging.ResidentMissing;

/** The one event this service consumes from itself: our record must fit our own published schema. */
class OwnConsumedEventsContractTest {

  @Test
  void theResidentMissingRecordFitsOurSchema() {
    var data = AsyncApiSchemas.load("shelter-occupancy-service.yaml").orElseThrow()
        .dataOf(OccupancySubscriptions.RESIDENT_MISSING).orElseThrow();
    for (RecordComponent field : ResidentMissing.class.getRecordComponents()) {
      Map<String, Object> schema = data.properties().get(field.getName());
      assertThat(schema).as("data.%s exists", field.getName()).isNotNull();
      assertThat(data.required()).contains(field.getName());
      assertThat(schema.get("type")).isEqualTo("string");
    }
  }
}
