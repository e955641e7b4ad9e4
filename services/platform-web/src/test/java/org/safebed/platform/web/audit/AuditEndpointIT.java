package org.safebed.platform.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator's tamper check of the audit log, as a service exposes it. */
@SafeBedServiceTest
@TestPropertySource(properties = {"safebed.security.token.audience=safebed-transport",
    "management.endpoints.web.exposure.include=health,audit"})
class AuditEndpointIT {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  @Autowired AuditTrail trail;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String token) throws Exception {
    return get(token, "/actuator/audit");
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode check() throws Exception {
    HttpResponse<String> answer = get(TestTokens.coordinator("operator-1"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(answer.body());
  }

  @Test
  void coordinatorsLearnWhetherTheChainHoldsAndWhereItWasChanged() throws Exception {
    for (int i = 0; i < 4; i++) {
      trail.record(new AuditEntry("driver-7", "DRIVER", null, "READ_ADDRESS", "placement", "placement-" + i,
          "TRANSPORT", "GRANTED"));
    }
    JsonNode intact = check();
    assertThat(intact.get("intact").asBoolean()).isTrue();
    long head = intact.get("headSeq").asLong();
    assertThat(head).isGreaterThanOrEqualTo(4);
    assertThat(intact.get("headHash").asString()).hasSize(64);

    mongo.getCollection(AuditTrail.COLLECTION).updateOne(Filters.eq("_id", head - 1), Updates.set("outcome", "DENIED"));

    JsonNode broken = check();
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(head - 1);
    assertThat(broken.toString()).doesNotContain("driver-7").doesNotContain("placement-");
    // Put the entry back: other tests may share this database and its chain.
    mongo.getCollection(AuditTrail.COLLECTION).updateOne(Filters.eq("_id", head - 1), Updates.set("outcome", "GRANTED"));
    assertThat(check().get("intact").asBoolean()).isTrue();
    assertThat(get(TestTokens.police("p-1")).statusCode()).isEqualTo(403);
    assertThat(get(null).statusCode()).isEqualTo(401);
  }

  @Test
  void coordinatorsReadFilteredEntriesNewestFirstWithOnlyWhatTheEntriesHold() throws Exception {
    trail.record(new AuditEntry("driver-8", "DRIVER", null, "READ_ADDRESS", "placement", "placement-x1",
        "TRANSPORT", "GRANTED"));
    trail.record(new AuditEntry("driver-8", "DRIVER", null, "READ_ADDRESS", "placement", "placement-x1",
        "TRANSPORT", "DENIED"));
    trail.record(new AuditEntry("driver-9", "DRIVER", null, "READ_ADDRESS", "placement", "placement-x2",
        "TRANSPORT", "GRANTED"));

    HttpResponse<String> answer = get(TestTokens.coordinator("operator-1"),
        "/actuator/audit/entries?recordType=placement&recordId=placement-x1&actor=driver-8");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode read = JsonMapper.builder().build().readTree(answer.body());
    JsonNode entries = read.get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("outcome").asString()).isEqualTo("DENIED");
    assertThat(entries.get(0).get("seq").asLong()).isGreaterThan(entries.get(1).get("seq").asLong());
    assertThat(entries.get(0).get("actorRole").asString()).isEqualTo("DRIVER");
    assertThat(entries.get(0).get("purpose").asString()).isEqualTo("TRANSPORT");
    assertThat(read.get("nextBefore").isNull()).isTrue();
    assertThat(answer.body()).doesNotContain("placement-x2").doesNotContain("hash");

    String older = get(TestTokens.coordinator("operator-1"), "/actuator/audit/entries?actor=driver-8&outcome=GRANTED&before="
        + entries.get(0).get("seq").asLong()).body();
    assertThat(JsonMapper.builder().build().readTree(older).get("entries")).hasSize(1);
    assertThat(get(TestTokens.coordinator("operator-1"), "/actuator/audit/elsewhere").statusCode()).isEqualTo(404);
    assertThat(get(TestTokens.police("p-1"), "/actuator/audit/entries").statusCode()).isEqualTo(403);
    assertThat(get(null, "/actuator/audit/entries").statusCode()).isEqualTo(401);
  }
}
