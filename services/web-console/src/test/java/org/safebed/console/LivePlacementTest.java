package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A placement police follow, told live: the console reads the service's event stream with the
 * officer's own token and tells her page only when to look again, never what changed; when the
 * placement is over or not hers, the page is told to stop listening. WireMock plays the service.
 */
class LivePlacementTest extends ConsolePageTest {

  private static final String POLICE = TestTokens.police("officer-1");

  @Test
  void eachChangeTellsThePageToLookAgainAndTheEndTellsItToStop() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-1/events")).willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream")
        .withBody("""
            :heartbeat

            event:placement
            id:3
            data:{"id":"plc-1","status":"HELD","shelter":{"codeName":"Heron","region":"central"}}

            event:placement
            id:4
            data:{"id":"plc-1","status":"HELD","shelter":{"codeName":"Heron","region":"central"},
            data: "transport":{"status":"ASSIGNED","policeEscortNeeded":false}}

            event:placement
            id:5
            data:{"id":"plc-1","status":"CANCELLED"}

            event:placement
            data:{"id":"plc-1","status":"CANCELLED","after":"the end, never relayed"}

            """)));

    String stream = follow("/console/police/placements/plc-1/live", POLICE);

    assertThat(stream).startsWith("retry:5000\n");
    assertThat(events(stream)).containsExactly("changed:placement", "changed:placement", "changed:closed", "closed:closed");
    assertThat(stream).doesNotContain("Heron", "central", "ASSIGNED", "plc-1", "never relayed");
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/placements/plc-1/events"))
        .withHeader("Authorization", equalTo("Bearer " + POLICE))
        .withHeader("Accept", equalTo("text/event-stream")));
  }

  @Test
  void aPlacementThatIsNotHersClosesThePagesStream() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-2/events")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));

    assertThat(events(follow("/console/police/placements/plc-2/live", POLICE)))
        .containsExactly("changed:closed", "closed:closed");
  }

  @Test
  void aServiceThatIsDownEndsTheStreamWithoutClosingItSoTheBrowserComesBack() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-3/events")).willReturn(aResponse().withStatus(503)));

    String stream = follow("/console/police/placements/plc-3/live", POLICE);

    assertThat(stream).startsWith("retry:5000\n");
    assertThat(events(stream)).isEmpty();
  }

  @Test
  void onlyPoliceFollowFromThisPage() throws Exception {
    MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.get("/console/police/placements/plc-1/live")
        .header("Authorization", "Bearer " + TestTokens.driver("driver-1"))).andReturn().getResponse();

    assertThat(refused.getStatus()).isIn(302, 403);
    SERVICES.verify(0, getRequestedFor(urlPathEqualTo("/api/placements/plc-1/events")));
  }

  @Test
  void anOpenPlacementsPageListensAndAnEndedOneDoesNot() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-4")).willReturn(okJson(
        "{\"id\":\"plc-4\",\"status\":\"HELD\",\"transport\":{\"status\":\"NOT_ASSIGNED\",\"policeEscortNeeded\":false}}")));
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-5")).willReturn(okJson(
        "{\"id\":\"plc-5\",\"status\":\"CANCELLED\"}")));

    String open = page("/console/police/placements/plc-4");
    String ended = page("/console/police/placements/plc-5");

    assertThat(open).contains("hx-ext=\"sse\"").contains("sse-connect=\"/console/police/placements/plc-4/live\"")
        .contains("sse-close=\"closed\"").contains("hx-trigger=\"sse:changed, every 60s\"");
    // The page frame still follows her notifications; the ended placement's part follows nothing.
    assertThat(ended).doesNotContain("/console/police/placements/plc-5/live").doesNotContain("sse-close")
        .doesNotContain("hx-trigger=\"sse:changed");
  }

  /** The page's whole stream, once the console has ended it. */
  private String follow(String path, String token) throws Exception {
    MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream")).andReturn();
    assertThat(result.getRequest().isAsyncStarted()).isTrue();
    result.getAsyncResult(Duration.ofSeconds(10).toMillis());
    return result.getResponse().getContentAsString();
  }

  /** The stream's events as name:data, in order. */
  private static List<String> events(String stream) {
    List<String> events = new ArrayList<>();
    String name = null;
    for (String line : stream.split("\n")) {
      if (line.startsWith("event:")) {
        name = line.substring("event:".length());
      } else if (line.startsWith("data:") && name != null) {
        events.add(name + ":" + line.substring("data:".length()));
        name = null;
      }
    }
    return events;
  }

  private String page(String path) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + POLICE).header("X-SafeBed-Language", "en"))
        .andReturn().getResponse().getContentAsString();
  }
}
