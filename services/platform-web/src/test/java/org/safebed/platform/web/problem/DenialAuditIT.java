package org.safebed.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.TestTokens;
import org.safebed.platform.web.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every 403, whichever rule gave it, and every 404 that hides someone else's record, leaves one audit
 * entry without any value from the request.
 */
@SafeBedServiceTest
// As every service runs: problem details on, which brings Boot's own handler unless the platform's is there.
@TestPropertySource(properties = {"safebed.security.token.audience=safebed-transport",
    "spring.mvc.problemdetails.enabled=true"})
class DenialAuditIT {

  /** A value the request carries that must never reach the audit log. */
  private static final String PERSONAL = "Secret-Person-4711";

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  @Autowired AuditTrail trail;
  private final HttpClient http = HttpClient.newHttpClient();

  private int send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<Document> entriesOf(String actor) {
    return mongo.getCollection(AuditTrail.COLLECTION).find(Filters.eq("actor", actor)).into(new ArrayList<>());
  }

  private static String actor(String role) {
    return role + "-" + UUID.randomUUID();
  }

  @Test
  void aRoleRefusalIsAuditedWithThePathTemplateOnly() throws Exception {
    String driver = actor("driver");

    assertThat(send("GET", "/api/people/" + PERSONAL, TestTokens.driver(driver), null)).isEqualTo(403);

    List<Document> entries = entriesOf(driver);
    assertThat(entries).hasSize(1);
    Document entry = entries.getFirst();
    assertThat(entry.getString("action")).isEqualTo("ACCESS_DENIED");
    assertThat(entry.getString("actorRole")).isEqualTo("DRIVER");
    assertThat(entry.getString("recordType")).isEqualTo("operation");
    assertThat(entry.getString("recordId")).isEqualTo("GET /api/people/{id}");
    assertThat(entry.getString("purpose")).isEqualTo("ROLE");
    assertThat(entry.getString("outcome")).isEqualTo("DENIED");
    assertThat(entry.toJson()).doesNotContain(PERSONAL);
  }

  @Test
  void aRoleRefusalBeforeTheBodyIsReadIsAuditedWithoutTheBody() throws Exception {
    String driver = actor("driver");

    assertThat(send("POST", "/api/people", TestTokens.driver(driver),
        "{\"caseRef\":\"" + PERSONAL + "\",\"ageYears\":14}")).isEqualTo(403);

    List<Document> entries = entriesOf(driver);
    assertThat(entries).extracting(e -> e.getString("recordId")).containsExactly("POST /api/people");
    assertThat(entries.getFirst().toJson()).doesNotContain(PERSONAL);
  }

  @Test
  void aRecordRefusalIsAudited() throws Exception {
    String police = actor("police");

    assertThat(send("GET", "/api/people/" + PERSONAL + "/file", TestTokens.police(police), null)).isEqualTo(403);

    List<Document> entries = entriesOf(police);
    assertThat(entries).hasSize(1);
    assertThat(entries.getFirst().getString("recordId")).isEqualTo("GET /api/people/{id}/file");
    assertThat(entries.getFirst().getString("purpose")).isEqualTo("RECORD");
    assertThat(entries.getFirst().getString("actorRole")).isEqualTo("POLICE");
    assertThat(entries.getFirst().toJson()).doesNotContain(PERSONAL);
  }

  @Test
  void aForeignRecordAnswersLikeAnUnknownOneButIsAuditedAsADenial() throws Exception {
    String police = actor("police");

    HttpResponse<String> foreign = get("/api/people/p-1", TestTokens.police(police));
    HttpResponse<String> unknown = get("/api/people/p-2", TestTokens.police(police));

    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body().replace("p-1", "ID")).isEqualTo(unknown.body().replace("p-2", "ID"));
    List<Document> entries = entriesOf(police);
    assertThat(entries).as("only the foreign record is a denial").hasSize(1);
    assertThat(entries.getFirst().getString("recordId")).isEqualTo("GET /api/people/{id}");
    assertThat(entries.getFirst().getString("purpose")).isEqualTo("RECORD");
    assertThat(entries.getFirst().getString("outcome")).isEqualTo("DENIED");
    // The owner reads it, and is not denied.
    assertThat(get("/api/people/p-1", TestTokens.police("officer-owner")).statusCode()).isEqualTo(200);
    assertThat(entriesOf("officer-owner")).isEmpty();
  }

  @Test
  void aPathRuleRefusalIsAuditedByArea() throws Exception {
    String police = actor("police");

    assertThat(send("GET", "/internal/ping?who=" + PERSONAL, TestTokens.police(police), null)).isEqualTo(403);

    List<Document> entries = entriesOf(police);
    assertThat(entries).hasSize(1);
    assertThat(entries.getFirst().getString("recordId")).isEqualTo("GET /internal/**");
    assertThat(entries.getFirst().getString("purpose")).isEqualTo("PATH");
    assertThat(entries.getFirst().toJson()).doesNotContain(PERSONAL);
  }

  @Test
  void grantedCallsAndNotFoundAreNotDenials() throws Exception {
    String police = actor("police");

    assertThat(send("POST", "/api/people", TestTokens.police(police), "{\"caseRef\":\"PJ-1\",\"ageYears\":14}"))
        .isEqualTo(201);
    assertThat(send("GET", "/api/people/x", TestTokens.police(police), null)).isEqualTo(404);

    assertThat(entriesOf(police)).isEmpty();
  }

  @Test
  void theChainOfDenialsVerifies() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(send("GET", "/api/people/x", TestTokens.driver(actor("driver")), null)).isEqualTo(403);
    }

    AuditTrail.AuditVerification verification = trail.verify();
    assertThat(verification.intact()).isTrue();
    assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(3);
  }
}
