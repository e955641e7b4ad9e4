package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * One of her notifications as a service answers it: what happened (a code the page words), how
 * urgent, about which record, when, and whether she read it. Which service it came from is kept, so
 * that marking it read goes back there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notice(String id, String kind, String severity, RecordLink record, Instant raisedAt, boolean read,
    String source) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordLink(String type, String id) {}

  /** The same notice, known to come from this service. */
  public Notice from(String service) {
    return new Notice(id, kind, severity, record, raisedAt, read, service);
  }

  public boolean critical() {
    return "CRITICAL".equals(severity);
  }

  /** A service's answer: her newest and how many of all hers are unread. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Page(int unread, List<Notice> items) {}
}
