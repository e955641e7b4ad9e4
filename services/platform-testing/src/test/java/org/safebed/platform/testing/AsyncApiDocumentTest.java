package org.safebed.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.AsyncApiDocument.ObjectSchema;

class AsyncApiDocumentTest {

  private final AsyncApiDocument two = AsyncApiDocument.read(Path.of("src/test/resources/asyncapi/two.yaml"));
  private final AsyncApiDocument three = AsyncApiDocument.read(Path.of("src/test/resources/asyncapi/three.yaml"));

  @Test
  void anEventsDataIsFoundByItsTypeConstantWithReferencesFollowedAndPartsMerged() {
    ObjectSchema data = two.dataOf("thing.made.v1").orElseThrow();

    assertThat(data.properties().keySet()).containsExactly("thingId", "where", "tags");
    assertThat(data.required()).containsExactly("thingId", "where");
    assertThat(data.closed()).isTrue();
    // A property composed with allOf has the keys of every part.
    assertThat(data.properties().get("where")).containsEntry("type", "object").containsEntry("description", "rounded");
    assertThat(two.objectSchema(data.properties().get("where")).required()).containsExactly("lat", "lon");
  }

  @Test
  void anEventIsFoundByItsChannelTooIn2xAnd3x() {
    assertThat(two.dataOf("thing.moved.v1").orElseThrow().properties()).containsOnlyKeys("thingId");
    assertThat(three.dataOf("thing.made.v2").orElseThrow().required()).isEqualTo(List.of("thingId"));
    assertThat(two.dataOf("thing.made.v1").orElseThrow().closed()).isTrue();
    assertThat(three.dataOf("thing.made.v2").orElseThrow().closed()).isFalse();
  }

  @Test
  void anEventTheDocumentDoesNotDescribeIsAbsent() {
    assertThat(two.dataOf("thing.lost.v1")).isEmpty();
    assertThat(three.dataOf("thing.made.v1")).isEmpty();
  }

  @Test
  void theServicesDocumentsAreFoundAboveTheWorkingDirectory() {
    assertThat(AsyncApiDocument.of("shelter-occupancy-service")).isPresent();
    assertThat(AsyncApiDocument.of("no-such-service")).isEmpty();
  }

  @Test
  void resolvingFollowsReferences() {
    assertThat(two.resolve(Map.of("$ref", "#/components/schemas/Area"))).containsEntry("type", "object");
  }
}
