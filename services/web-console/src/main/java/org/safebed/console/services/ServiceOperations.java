package org.safebed.console.services;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;

/**
 * The operator's side of each service, called directly at the service's own address (not through
 * the gateway) with the coordinator's own token: its dead letters ({@code /actuator/deadletters})
 * and its audit trail ({@code /actuator/audit}). Only envelope facts and audit codes come back,
 * never an event's body.
 */
public final class ServiceOperations {

  /** The services a coordinator operates; {@code slug} is how the console's addresses name them. */
  public enum Service {
    SHELTER_OCCUPANCY("shelter-occupancy"), TRANSPORT("transport"), RENTAL_REFERRAL("rental-referral");

    private final String slug;

    Service(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }

    /** The service a page names, or null: nothing from the address bar is used as it came. */
    public static Service of(String slug) {
      for (Service service : values()) {
        if (service.slug.equals(slug)) {
          return service;
        }
      }
      return null;
    }
  }

  public record DeadLetters(String queue, long total, List<DeadLetter> deadLetters) {
    public DeadLetters {
      deadLetters = deadLetters == null ? List.of() : deadLetters;
    }
  }

  public record DeadLetter(String eventId, String type, String reason, Integer deliveries, long deadLetterings,
      Instant deadLetteredAt) {}

  /** What a replay did: the events put back, and how many the broker did not take. */
  public record Replay(List<String> replayed, int failed) {
    public Replay {
      replayed = replayed == null ? List.of() : replayed;
    }
  }

  public record AuditCheck(boolean intact, long entriesChecked, Long firstBrokenSeq, long headSeq, String headHash) {}

  public record AuditEntry(long seq, Instant at, String actor, String actorRole, String onBehalfOf, String action,
      String recordType, String recordId, String purpose, String outcome) {}

  public record AuditPage(List<AuditEntry> entries, Long nextBefore) {
    public AuditPage {
      entries = entries == null ? List.of() : entries;
    }
  }

  /** What the coordinator filters on; blank: any. */
  public record AuditFilter(String recordType, String recordId, String actor, String action, String outcome, Long before) {}

  private static final String DEAD_LETTERS = "/actuator/deadletters";
  private static final int SERVICE_UNAVAILABLE = 503;

  private final Map<Service, ServiceCalls> calls;

  ServiceOperations(Map<Service, ServiceCalls> calls) {
    this.calls = Map.copyOf(calls);
  }

  public DeadLetters deadLetters(Service service) {
    return calls.get(service).call(client -> client.get().uri(DEAD_LETTERS).retrieve().body(DeadLetters.class));
  }

  /** One event back into the service's inbox; a refusal (404) when it is no longer there. */
  public Replay replay(Service service, String eventId) {
    return replayAt(service, DEAD_LETTERS + "/{id}", eventId);
  }

  public Replay replayAll(Service service) {
    return replayAt(service, DEAD_LETTERS);
  }

  /** The service answers 503 with what it did when the broker did not confirm some: said, not failed. */
  private Replay replayAt(Service service, String path, Object... variables) {
    return calls.get(service).call(client -> client.post().uri(path, variables)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of())
        .retrieve()
        .onStatus(status -> status.value() == SERVICE_UNAVAILABLE, (request, response) -> { })
        .body(Replay.class));
  }

  /** Drops one for good; a refusal (404) when it is no longer there. */
  public void discard(Service service, String eventId) {
    calls.get(service).run(client -> client.delete().uri(DEAD_LETTERS + "/{id}", eventId)
        .retrieve().toBodilessEntity());
  }

  public AuditCheck auditCheck(Service service) {
    return calls.get(service).call(client -> client.get().uri("/actuator/audit").retrieve().body(AuditCheck.class));
  }

  public AuditPage auditEntries(Service service, AuditFilter filter) {
    return calls.get(service).call(client -> client.get()
        .uri(builder -> entriesUri(builder, filter)).retrieve().body(AuditPage.class));
  }

  private static URI entriesUri(UriBuilder builder, AuditFilter filter) {
    builder.path("/actuator/audit/entries");
    Map<String, Object> values = new HashMap<>();
    param(builder, values, "recordType", filter.recordType());
    param(builder, values, "recordId", filter.recordId());
    param(builder, values, "actor", filter.actor());
    param(builder, values, "action", filter.action());
    param(builder, values, "outcome", filter.outcome());
    if (filter.before() != null) {
      param(builder, values, "before", String.valueOf(filter.before()));
    }
    return builder.build(values);
  }

  /** As a template variable, so that what she typed is encoded, never read as part of the address. */
  private static void param(UriBuilder builder, Map<String, Object> values, String name, String value) {
    if (value != null && !value.isBlank()) {
      builder.queryParam(name, "{" + name + "}");
      values.put(name, value.strip());
    }
  }
}
