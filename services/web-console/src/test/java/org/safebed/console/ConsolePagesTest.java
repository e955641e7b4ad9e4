package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The console's pages against WireMock playing the services: what each person sees, in which
 * language, what the console sends on her behalf, and how refusals read. The browser tests in
 * infra/local-stack walk the same screens against the real stack.
 */
class ConsolePagesTest extends ConsolePageTest {

  private static final String POLICE = TestTokens.police("officer-1");
  private static final String DRIVER = TestTokens.driver("driver-1");

  @BeforeEach
  void stubServices() {
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).willReturn(okJson("[]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "nl", "en"})
  void theRequestFormIsCompleteInEachLanguageAndAllowsNoInlineScript(String language) throws Exception {
    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/police"), POLICE, language);

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("lang=\"" + language + "\"");
    assertUntranslatedNone(page.getContentAsString());
    String policy = page.getHeader("Content-Security-Policy");
    assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.getContentAsString()).doesNotContain("<script>").doesNotContain(" style=\"");
  }

  @Test
  void aFormCarriesTheSessionsCsrfTokenSoItWorksWithoutScript() throws Exception {
    String html = page(MockMvcRequestBuilders.get("/console/police"), POLICE, "fr").getContentAsString();
    String form = html.substring(html.indexOf("<form id=\"request\""));
    form = form.substring(0, form.indexOf("</form>"));

    assertThat(form).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token-1\"\\s*/?>");
  }

  @Test
  void theLanguageFollowsTheSwitcherThenTheBrowserThenFrench() throws Exception {
    assertThat(page(MockMvcRequestBuilders.get("/console/police"), POLICE, "nl").getContentAsString())
        .contains("Een bed zoeken");
    assertThat(page(MockMvcRequestBuilders.get("/console/police").header("Accept-Language", "en-GB,en;q=0.8"),
        POLICE, null).getContentAsString()).contains("Find a bed");
    assertThat(page(MockMvcRequestBuilders.get("/console/police").header("Accept-Language", "de"),
        POLICE, null).getContentAsString()).contains("Trouver une place");
  }

  @Test
  void aRequestCarriesTheFormsIdempotencyKeyAndThePersonsOwnToken() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/placements")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"plc-1\",\"status\":\"HELD\",\"transport\":{\"status\":\"NOT_ASSIGNED\",\"policeEscortNeeded\":false}}")));
    String key = "0b6f3c1e-6a57-4a0c-9a55-1f3a7a1c2b3d";

    MockHttpServletResponse answer = page(validForm(key), POLICE, "fr");

    assertThat(answer.getStatus()).isEqualTo(302);
    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/police/placements/plc-1");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/placements"))
        .withHeader("Idempotency-Key", equalTo(key))
        .withHeader("Authorization", equalTo("Bearer " + POLICE))
        .withRequestBody(equalToJson("""
            {"policeCaseRef":"PV-2026-0001","person":{"ageYears":15,"gender":"FEMALE"},
             "location":{"lat":50.85,"lon":4.35},"needs":["PREGNANCY_SUPPORT"],
             "exclusionZones":[{"lat":50.8,"lon":4.3,"radiusKm":5.0}],
             "keepApartFrom":["PV-2026-0002","PV-2026-0003"],"urgency":"HIGH","escortGender":"FEMALE"}""")));
  }

  @Test
  void knownPlacesAndWhereSheWasFoundBecomeExclusionZonesAndAnUnknownPlaceIsAMistake() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/placements")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"plc-2\",\"status\":\"HELD\"}")));
    String form = page(MockMvcRequestBuilders.get("/console/police"), POLICE, "nl").getContentAsString();
    assertThat(form).contains("Rijsel – centrum (5 km)").contains("Brussel – Noordwijk (3 km)");

    page(validForm("1b6f3c1e-6a57-4a0c-9a55-1f3a7a1c2b3d").param("knownPlaces", "lille-centre", "bruxelles-nord")
        .param("avoidFoundKm", "10"), POLICE, "fr");
    MockHttpServletResponse unknown = page(validForm("2b6f3c1e-6a57-4a0c-9a55-1f3a7a1c2b3d")
        .param("knownPlaces", "somewhere-else"), POLICE, "en");

    SERVICES.verify(1, postRequestedFor(urlEqualTo("/api/placements")));
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/placements")).withRequestBody(equalToJson("""
        {"exclusionZones":[{"lat":50.8,"lon":4.3,"radiusKm":5.0},{"lat":50.85,"lon":4.35,"radiusKm":10.0},
          {"lat":50.6365,"lon":3.0635,"radiusKm":5.0},{"lat":50.8603,"lon":4.3617,"radiusKm":3.0}]}""", false, true)));
    assertThat(unknown.getStatus()).isEqualTo(422);
  }

  @Test
  void theMapsTilesComeThroughTheConsoleWithoutHerTokenAndOnlyForPolice() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/tiles/6/32/21.png")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "image/png").withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

    MockHttpServletResponse tile = page(MockMvcRequestBuilders.get("/console/map/tiles/6/32/21.png"), POLICE, "fr");
    MockHttpServletResponse again = page(MockMvcRequestBuilders.get("/console/map/tiles/6/32/21.png"), POLICE, "fr");
    MockHttpServletResponse outside = page(MockMvcRequestBuilders.get("/console/map/tiles/6/64/0.png"), POLICE, "fr");
    MockHttpServletResponse driver = page(MockMvcRequestBuilders.get("/console/map/tiles/6/32/21.png"), DRIVER, "fr");
    String form = page(MockMvcRequestBuilders.get("/console/police"), POLICE, "fr").getContentAsString();

    assertThat(tile.getStatus()).isEqualTo(200);
    assertThat(tile.getContentAsByteArray()).startsWith((byte) 0x89, (byte) 'P');
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(outside.getStatus()).isEqualTo(404);
    assertThat(driver.getStatus()).isEqualTo(403);
    // Asked once (then kept), never with anyone's token.
    SERVICES.verify(1, getRequestedFor(urlEqualTo("/tiles/6/32/21.png")).withoutHeader("Authorization"));
    assertThat(form).contains("id=\"map\"").contains("data-tiles=\"/console/map/tiles/\"")
        .containsPattern("/console/webjars/leaflet/[0-9.]+/dist/leaflet.js").contains("Un appui sur la carte place");
  }

  @Test
  void aTileTheProviderCannotGiveIsAServiceUnavailableNotAFailure() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/tiles/7/64/42.png")).willReturn(aResponse().withStatus(500)));

    MockHttpServletResponse tile = page(MockMvcRequestBuilders.get("/console/map/tiles/7/64/42.png"), POLICE, "fr");

    assertThat(tile.getStatus()).isEqualTo(503);
    assertThat(tile.getContentAsString()).isEmpty();
  }

  @Test
  void aFormWithMistakesIsShownAgainWithItsKeyAndNothingIsSent() throws Exception {
    String key = "0b6f3c1e-6a57-4a0c-9a55-1f3a7a1c2b3d";
    MockHttpServletResponse answer = page(multipart("/console/police/placements")
        .param("idempotencyKey", key).param("caseRef", "PV 1 <b>").param("lat", "north")
        .param("zoneLat", "50.8"), POLICE, "en");

    assertThat(answer.getStatus()).isEqualTo(422);
    assertThat(answer.getContentAsString())
        .contains("Use letters, digits and / _ . - only")
        .contains("Enter her age.")
        .contains("or leave all three empty")
        .contains("value=\"" + key + "\"")
        .doesNotContain("<b>");
    SERVICES.verify(0, postRequestedFor(urlEqualTo("/api/placements")));
  }

  @Test
  void aRefusalReadsInPlainWordsNeverAsTheServicesAnswer() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/placements")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "600").withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"REQUEST_CHURN internal\"}")));

    MockHttpServletResponse answer = page(validForm("0b6f3c1e-6a57-4a0c-9a55-1f3a7a1c2b3d"), POLICE, "en");

    assertThat(answer.getStatus()).isEqualTo(429);
    assertThat(answer.getContentType()).startsWith("text/html");
    assertThat(answer.getContentAsString()).contains("Try again in 10 minutes")
        .doesNotContain("REQUEST_CHURN").doesNotContain("Too Many Requests");
  }

  @Test
  void aServiceThatIsDownIsSaidSoAndNothingElse() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements/plc-9")).willReturn(aResponse().withStatus(500)
        .withBody("java.lang.IllegalStateException at org.safebed")));

    MockHttpServletResponse answer = page(MockMvcRequestBuilders.get("/console/police/placements/plc-9"), POLICE, "en");

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getContentAsString()).contains("SafeBed cannot be reached right now")
        .doesNotContain("Exception").doesNotContain("org.safebed");
  }

  @Test
  void anotherRolesScreenIsRefusedWithAPageNotJson() throws Exception {
    MockHttpServletResponse answer = page(MockMvcRequestBuilders.get("/console/driver"), POLICE, "en");

    assertThat(answer.getStatus()).isEqualTo(403);
    assertThat(answer.getContentType()).startsWith("text/html");
    assertThat(answer.getContentAsString()).contains("Your role cannot do this.");
  }

  @Test
  void withoutATokenThePageSendsHerBackToTheStartToSignIn() throws Exception {
    MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.get("/console/police")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(302);
    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/");
  }

  @Test
  void timesReadInTheZoneOfHerAccountElseHerBrowserElseTheConsoles() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).willReturn(okJson("""
        [{"id":"plc-9","status":"CHECKED_IN","policeCaseRef":"PV-2026-0009",
          "createdAt":"2026-12-07T02:00:00Z","updatedAt":"2026-12-07T02:01:00Z"}]""")));
    String overseas = TestTokens.token().subject("officer-2").roles("POLICE")
        .claim("agency_id", "police-test").claim("zoneinfo", "America/Cayenne").sign();

    String brussels = page(MockMvcRequestBuilders.get("/console/police"), POLICE, "en").getContentAsString();
    String browser = page(MockMvcRequestBuilders.get("/console/police")
        .header("X-SafeBed-Time-Zone", "Asia/Kolkata"), POLICE, "en").getContentAsString();
    String unknown = page(MockMvcRequestBuilders.get("/console/police")
        .header("X-SafeBed-Time-Zone", "Mars/Olympus"), POLICE, "en").getContentAsString();
    String account = page(MockMvcRequestBuilders.get("/console/police")
        .header("X-SafeBed-Time-Zone", "Asia/Kolkata"), overseas, "en").getContentAsString();

    assertThat(brussels).contains("3:00").contains("data-time-zone=\"Europe/Brussels\"");
    assertThat(browser).contains("7:30").contains("data-time-zone=\"Asia/Kolkata\"");
    assertThat(unknown).contains("3:00").contains("data-time-zone=\"Europe/Brussels\"");
    assertThat(account).contains("11:00").contains("data-time-zone=\"America/Cayenne\"");
  }

  @Test
  void theDriversRefreshDisclosesNothingUntilHerJobChanges() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/transport/jobs")).willReturn(okJson("""
        [{"id":"job-1","placementId":"plc-1","kind":"PICKUP","status":"ACCEPTED","minor":true,
          "createdAt":"2026-12-07T02:00:00Z","updatedAt":"2026-12-07T02:01:00Z"}]""")));
    SERVICES.stubFor(get(urlEqualTo("/api/transport/jobs/job-1/pickup"))
        .willReturn(okJson("{\"location\":{\"lat\":50.84512,\"lon\":4.35678}}")));

    MockHttpServletResponse unchanged = page(MockMvcRequestBuilders.get("/console/driver/job")
        .param("shown", "job-1:ACCEPTED").header("HX-Request", "true"), DRIVER, "en");
    assertThat(unchanged.getStatus()).isEqualTo(204);
    SERVICES.verify(0, getRequestedFor(urlEqualTo("/api/transport/jobs/job-1/pickup")));

    MockHttpServletResponse changed = page(MockMvcRequestBuilders.get("/console/driver/job")
        .param("shown", "job-1:OFFERED").header("HX-Request", "true"), DRIVER, "en");
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getContentAsString()).contains("Point 50.84512, 4.35678")
        .contains("geo:50.845120,4.356780").contains("shown=job-1:ACCEPTED");
    SERVICES.verify(1, getRequestedFor(urlEqualTo("/api/transport/jobs/job-1/pickup")));
  }

  @Test
  void theLanguageSwitchRemembersTheChoiceAndReturnsOnlyToAConsolePage() throws Exception {
    MockHttpServletResponse back = mvc.perform(MockMvcRequestBuilders.get("/console/language")
        .param("to", "nl").param("back", "/console/police")).andReturn().getResponse();
    assertThat(back.getRedirectedUrl()).isEqualTo("/console/police");
    assertThat(back.getCookie("SAFEBED_LANG").getValue()).isEqualTo("nl");

    MockHttpServletResponse elsewhere = mvc.perform(MockMvcRequestBuilders.get("/console/language")
        .param("to", "en").param("back", "//evil.example/console/")).andReturn().getResponse();
    assertThat(elsewhere.getRedirectedUrl()).isEqualTo("/console/");
  }

  @Test
  void thePhonesPushSubscriptionGoesToTransportAsTransportTakesIt() throws Exception {
    SERVICES.stubFor(put(urlEqualTo("/api/transport/drivers/me/push-subscription"))
        .willReturn(aResponse().withStatus(204)));

    MockHttpServletResponse answer = page(MockMvcRequestBuilders.post("/console/driver/push/subscription")
        .contentType("application/json")
        .content("""
            {"endpoint":"https://fcm.googleapis.com/fcm/send/abc","keys":{"p256dh":"BNcR","auth":"tBHI"}}"""),
        DRIVER, "en");

    assertThat(answer.getStatus()).isEqualTo(204);
    SERVICES.verify(putRequestedFor(urlEqualTo("/api/transport/drivers/me/push-subscription"))
        .withHeader("Authorization", equalTo("Bearer " + DRIVER))
        .withRequestBody(equalToJson("""
            {"endpoint":"https://fcm.googleapis.com/fcm/send/abc","keys":{"p256dh":"BNcR","auth":"tBHI"}}""")));
  }

  @Test
  void anUnreadableBodyIsABadRequestNotAFailure() throws Exception {
    MockHttpServletResponse answer = page(MockMvcRequestBuilders.post("/console/driver/push/subscription")
        .contentType("application/json").content("{\"endpoint\":null}"), DRIVER, "en");

    assertThat(answer.getStatus()).isEqualTo(400);
    SERVICES.verify(0, putRequestedFor(urlEqualTo("/api/transport/drivers/me/push-subscription")));
  }

  @Test
  void withPushOffThePageIsToldSoAndOffersNoAlerts() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/transport/push/public-key")).willReturn(aResponse().withStatus(404)));

    assertThat(page(MockMvcRequestBuilders.get("/console/driver/push/key"), DRIVER, "en").getStatus()).isEqualTo(404);
  }

  @Test
  void theServiceWorkersAlertIsInHerLanguageAndSaysNothingAboutAnyone() throws Exception {
    MockHttpServletResponse script = page(MockMvcRequestBuilders.get("/console/sw.js"), DRIVER, "nl");

    assertThat(script.getContentType()).startsWith("text/javascript");
    assertThat(script.getContentAsString()).contains("\"SafeBed: er wacht iets op u\"")
        .contains("showNotification").contains("'/console/notifications'").doesNotContain("event.data");
  }

  @Test
  void theArrivingShelterSeesWhatToPrepareAndCanSaySheDidNotCome() throws Exception {
    String manager = TestTokens.shelterManager("manager-1", "shelter-central-1");
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).willReturn(okJson("""
        [{"id":"plc-7","status":"HELD","shelter":{"codeName":"Kestrel","region":"central"},
          "holdExpiresAt":"2026-12-07T04:00:00Z","createdAt":"2026-12-07T03:00:00Z","urgency":"HIGH",
          "transport":{"status":"ASSIGNED","etaMinutes":12,"policeEscortNeeded":false},
          "arrival":{"ageBand":"AGE_14_15","gender":"FEMALE","needs":["PREGNANCY_SUPPORT"]}}]""")));
    SERVICES.stubFor(get(urlEqualTo("/api/shelters")).willReturn(okJson("""
        [{"id":"shelter-central-1","codeName":"Kestrel","region":"central","status":"OPEN",
          "beds":{"available":3,"held":1,"occupied":0,"outOfService":0},"capacityStale":false}]""")));
    SERVICES.stubFor(post(urlEqualTo("/api/placements/plc-7/no-show")).willReturn(okJson(
        "{\"id\":\"plc-7\",\"status\":\"NO_SHOW\",\"transport\":{\"status\":\"NOT_ASSIGNED\",\"policeEscortNeeded\":false}}")));

    String arrivals = page(MockMvcRequestBuilders.get("/console/arrivals"), manager, "fr").getContentAsString();
    assertThat(arrivals).contains("14 à 15 ans").contains("Suivi de grossesse")
        .contains("Chauffeur désigné, environ 12 min").contains("Centre · ouvert")
        .doesNotContain("AGE_14_15").doesNotContain("central");
    assertUntranslatedNone(arrivals);

    MockHttpServletResponse noShow = page(multipart("/console/arrivals/plc-7/no-show"), manager, "fr");
    assertThat(noShow.getRedirectedUrl()).isEqualTo("/console/arrivals");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/placements/plc-7/no-show"))
        .withHeader("Authorization", equalTo("Bearer " + manager)));
  }

  @Test
  void theServiceWorkerIsForThePhonesThatAreWokenOnly() throws Exception {
    assertThat(page(MockMvcRequestBuilders.get("/console/sw.js"), POLICE, "en").getStatus()).isEqualTo(200);
    assertThat(page(MockMvcRequestBuilders.get("/console/sw.js"), TestTokens.coordinator("coordinator-1"), "en")
        .getStatus()).isEqualTo(403);
  }

  private static AbstractMockHttpServletRequestBuilder<?> validForm(String key) {
    return multipart("/console/police/placements")
        .param("idempotencyKey", key).param("caseRef", "PV-2026-0001")
        .param("lat", "50.85").param("lon", "4.35").param("ageYears", "15").param("gender", "FEMALE")
        .param("needs", "PREGNANCY_SUPPORT").param("urgency", "HIGH").param("escortGender", "FEMALE")
        .param("zoneLat", "50.8").param("zoneLon", "4.3").param("zoneRadiusKm", "5")
        .param("keepApart", "PV-2026-0002\nPV-2026-0003");
  }
}
