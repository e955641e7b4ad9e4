package org.safebed.occupancy.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shelters ranked by the transport service's travel estimates (WireMock plays transport and the
 * identity provider), and by straight line when it cannot answer. A context of its own: the other
 * tests run without a transport service.
 */
class TravelTimeRankingIT extends OccupancyIT {

  private static final String ESTIMATES = "/internal/travel-estimates";
  private static final WireMockServer TRANSPORT = started();

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    return server;
  }

  @DynamicPropertySource
  static void transport(DynamicPropertyRegistry properties) {
    properties.add("safebed.occupancy.travel-estimates.base-url", TRANSPORT::baseUrl);
    properties.add("safebed.occupancy.service-credentials.token-uri", () -> TRANSPORT.baseUrl() + "/oauth2/token");
    // Generous for a cold JVM on a busy machine; the time limit itself is tested with the client.
    properties.add("safebed.occupancy.travel-estimates.timeout", () -> "3s");
  }

  @AfterAll
  static void stopTransport() {
    TRANSPORT.stop();
  }

  @BeforeEach
  void identityProvider() {
    TRANSPORT.resetAll();
    TRANSPORT.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(
        okJson("{\"access_token\":\"occupancy-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
  }

  private ServiceHttp.Response request(GeoPoint where, Map<String, Object> extra) {
    Map<String, Object> body = placementBody(14, "FEMALE", where, new ArrayList<>());
    body.putAll(extra);
    return requestPlacement(TestTokens.police(unique("police")), body);
  }

  private List<String> reasons(String placementId) {
    return http.get("/api/placements/" + placementId, coordinator()).json().get("matchReasons").valueStream()
        .map(reason -> reason.asString()).toList();
  }

  @Test
  void aShelterQuickerByRoadWinsOverOneNearerAsTheCrowFlies() {
    GeoPoint area = newArea();
    GeoPoint her = offset(area, 0.00731, 0.00419);
    String nearer = minorGirlsShelter(offset(area, 0.0437, 0), 2);
    String quicker = minorGirlsShelter(offset(area, 0.2113, 0), 2);
    // The shortlist is asked in straight-line order: the nearer first.
    TRANSPORT.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(
        okJson("[{\"minutes\":41,\"source\":\"ROUTING\"},{\"minutes\":14,\"source\":\"ROUTING\"}]")));

    ServiceHttp.Response response = request(her, Map.of());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String placement = id(response);
    assertThat(bedOf(placement).getString("shelterId")).isEqualTo(quicker).isNotEqualTo(nearer);
    assertThat(reasons(placement)).contains("TRAVEL_MINUTES: 14", "TRAVEL_ESTIMATE: ROUTING");
    List<LoggedRequest> asked = TRANSPORT.findAll(postRequestedFor(urlEqualTo(ESTIMATES))
        .withHeader("Authorization", equalTo("Bearer occupancy-token")));
    assertThat(asked).as("one call for the whole shortlist, as this service").hasSize(1);
    assertThat(asked.getFirst().getBodyAsString()).as("areas only, never where she or a shelter is exactly")
        .doesNotContain("731", "419", "437", "2113");
  }

  @Test
  void withoutAnAnswerTheNearestByStraightLineIsHeldAndTheReasonsSaySo() {
    GeoPoint area = newArea();
    String nearer = minorGirlsShelter(offset(area, 0.0437, 0), 2);
    minorGirlsShelter(offset(area, 0.2113, 0), 2);
    TRANSPORT.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(serviceUnavailable()));

    ServiceHttp.Response response = request(area, Map.of());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(bedOf(id(response)).getString("shelterId")).isEqualTo(nearer);
    assertThat(reasons(id(response))).contains("TRAVEL_ESTIMATE: STRAIGHT_LINE_FALLBACK");
  }

  @Test
  void aShelterBeyondHerMaximumByRoadIsNotChosen() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.0437, 0), 2);
    minorGirlsShelter(offset(area, 0.12, 0), 2);
    TRANSPORT.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(
        okJson("[{\"minutes\":45,\"source\":\"ROUTING\"},{\"minutes\":50,\"source\":\"ROUTING\"}]")));

    ServiceHttp.Response response = request(area, Map.of("maxTravelMinutes", 30));

    assertThat(response.status()).as("both are within 30 minutes by straight line, neither by road")
        .isEqualTo(202);
    assertThat(bedOf(id(response))).isNull();
    http.post("/api/placements/" + id(response) + "/cancel", coordinator(), null);
  }
}
