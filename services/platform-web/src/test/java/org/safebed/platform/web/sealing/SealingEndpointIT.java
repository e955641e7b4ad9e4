package org.safebed.platform.web.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/** The operator's view of key rotation, as a service exposes it. */
@SafeBedServiceTest
@TestPropertySource(properties = {"safebed.security.token.audience=safebed-transport",
    "management.endpoints.web.exposure.include=health,sealing"})
class SealingEndpointIT {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  @Autowired FieldSealer sealer;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/sealing"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void coordinatorsSeeHowManyValuesEachKeySealsAndNothingElse() throws Exception {
    mongo.getCollection("people").insertOne(new Document("_id", "person-1")
        .append("sealedCaseRef", sealer.seal("PJ-2026-0001", "person-1", "caseRef")));

    HttpResponse<String> usage = get(TestTokens.coordinator("operator-1"));

    assertThat(usage.statusCode()).isEqualTo(200);
    assertThat(usage.body()).contains("people.sealedCaseRef").doesNotContain("PJ-2026");
    assertThat(get(TestTokens.police("p-1")).statusCode()).isEqualTo(403);
    assertThat(get(null).statusCode()).isEqualTo(401);
  }
}
