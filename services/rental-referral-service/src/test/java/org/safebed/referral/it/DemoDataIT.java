package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** The local stack's demo units exist for the demo housing agency (seeded idempotently at start). */
class DemoDataIT extends ServiceIT {

  @Test
  void demoAgencyHasFourUnitsAcrossThreeRegions() {
    Response units = api.get("/api/rental-units", TestTokens.housingOfficer("demo-housing-officer", "agency-demo-housing"));
    assertThat(units.status()).isEqualTo(200);
    List<String> ids = units.json().valueStream().map(u -> u.path("id").asString()).toList();
    assertThat(ids).contains("unit-north-1", "unit-central-1", "unit-central-2", "unit-south-1");
    List<String> regions = units.json().valueStream().map(u -> u.path("region").asString()).toList();
    assertThat(regions).contains("north", "south");
    assertThat(regions.stream().filter("central"::equals).count()).isGreaterThanOrEqualTo(2);
    for (JsonNode unit : units.json()) {
      assertThat(unit.path("agencyId").asString()).isEqualTo("agency-demo-housing");
    }
  }
}
