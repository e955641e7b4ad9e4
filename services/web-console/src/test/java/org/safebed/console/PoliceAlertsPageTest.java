package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The police screen's "alerts on this phone", the driver's control generalised: the key and the
 * subscription go to shelter occupancy (which raises her notifications) with her own token, and
 * another role cannot use her path.
 */
class PoliceAlertsPageTest extends ConsolePageTest {

  private static final String POLICE = TestTokens.police("officer-1");
  private static final String DRIVER = TestTokens.driver("driver-1");
  private static final String SUBSCRIPTION = """
      {"endpoint":"https://fcm.googleapis.com/fcm/send/abc","keys":{"p256dh":"BNcR","auth":"tBHI"}}""";

  @BeforeEach
  void stubServices() {
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).willReturn(okJson("[]")));
  }

  @ParameterizedTest
  @CsvSource({"fr,M'alerter quand cette page est fermée", "nl,Waarschuw me als deze pagina dicht is",
      "en,Alert me when this page is closed"})
  void thePoliceScreenOffersAlertsOnThisPhoneInHerLanguage(String language, String words) throws Exception {
    String page = page(MockMvcRequestBuilders.get("/console/police"), POLICE, language).getContentAsString();

    assertThat(page).contains("id=\"push\"").contains("data-push=\"/console/police/push\"")
        .contains(words.replace("'", "&#39;"));
    assertUntranslatedNone(page);
  }

  @Test
  void herPhonesKeyAndSubscriptionGoToShelterOccupancyWithHerToken() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/notifications/push/public-key")).willReturn(okJson("{\"publicKey\":\"BKey\"}")));
    SERVICES.stubFor(put(urlEqualTo("/api/notifications/push-subscription")).willReturn(aResponse().withStatus(204)));

    MockHttpServletResponse key = page(MockMvcRequestBuilders.get("/console/police/push/key"), POLICE, "en");
    assertThat(key.getStatus()).isEqualTo(200);
    assertThat(key.getContentAsString()).contains("\"publicKey\":\"BKey\"");

    MockHttpServletResponse answer = page(MockMvcRequestBuilders.post("/console/police/push/subscription")
        .contentType("application/json").content(SUBSCRIPTION), POLICE, "en");

    assertThat(answer.getStatus()).isEqualTo(204);
    SERVICES.verify(putRequestedFor(urlEqualTo("/api/notifications/push-subscription"))
        .withHeader("Authorization", equalTo("Bearer " + POLICE))
        .withRequestBody(equalToJson(SUBSCRIPTION)));
    SERVICES.verify(0, putRequestedFor(urlEqualTo("/api/transport/drivers/me/push-subscription")));
  }

  @Test
  void withPushOffInOccupancyThePageOffersNoAlerts() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/notifications/push/public-key")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")));

    assertThat(page(MockMvcRequestBuilders.get("/console/police/push/key"), POLICE, "en").getStatus()).isEqualTo(404);
  }

  @Test
  void anotherRoleCannotUseThePolicePathNorPoliceTheDrivers() throws Exception {
    assertThat(page(MockMvcRequestBuilders.get("/console/police/push/key"), DRIVER, "en").getStatus()).isEqualTo(403);
    assertThat(page(MockMvcRequestBuilders.post("/console/police/push/subscription")
        .contentType("application/json").content(SUBSCRIPTION), TestTokens.coordinator("c-1"), "en").getStatus())
        .isEqualTo(403);
    assertThat(page(MockMvcRequestBuilders.get("/console/driver/push/key"), POLICE, "en").getStatus()).isEqualTo(403);
    SERVICES.verify(0, putRequestedFor(urlEqualTo("/api/notifications/push-subscription")));
  }
}
