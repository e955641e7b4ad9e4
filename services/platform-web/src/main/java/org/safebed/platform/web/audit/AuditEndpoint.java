package org.safebed.platform.web.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Operator check of the audit log: {@code GET /actuator/audit} walks the whole hash chain and says
 * whether it is intact and, if not, the first entry that was changed, removed or inserted. It also
 * gives the chain's head (sequence number and hash): an operator who records the head elsewhere
 * from time to time can tell a log that was cut back or rewritten from its end, which the chain
 * alone cannot show. Like every actuator endpoint but health and info, only coordinators reach it.
 *
 * <p>{@code GET /actuator/audit/entries} reads the entries themselves, newest first and at most
 * {@value AuditTrail#MOST_READ} at a time, filtered by {@code recordType}, {@code recordId},
 * {@code actor}, {@code action} and {@code outcome}; {@code before} (a sequence number, the last
 * page's {@code nextBefore}) reads on. Its answer holds what the entries hold and nothing more:
 * ids, roles, actions, purposes and outcomes, never an address (the entries have none).
 */
@Endpoint(id = "audit")
public class AuditEndpoint {

  private final AuditTrail trail;

  public AuditEndpoint(AuditTrail trail) {
    this.trail = trail;
  }

  @ReadOperation
  public Map<String, Object> verify() {
    AuditTrail.AuditVerification verification = trail.verify();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("intact", verification.intact());
    answer.put("entriesChecked", verification.entriesChecked());
    answer.put("firstBrokenSeq", verification.firstBrokenSeq());
    AuditTrail.ChainHead head = trail.head();
    answer.put("headSeq", head.seq());
    answer.put("headHash", head.hash());
    return answer;
  }

  /** {@code GET /actuator/audit/entries?...}: the one part there is under this endpoint. */
  @ReadOperation
  public WebEndpointResponse<Map<String, Object>> entries(@Selector String part, @Nullable String recordType,
      @Nullable String recordId, @Nullable String actor, @Nullable String action, @Nullable String outcome,
      @Nullable Long before) {
    if (!"entries".equals(part)) {
      return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }
    List<AuditTrail.StoredEntry> entries = trail.entries(
        new AuditTrail.EntryFilter(recordType, recordId, actor, action, outcome, before), AuditTrail.MOST_READ);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("entries", entries);
    // A full page may have more behind it; a shorter one is the last.
    answer.put("nextBefore", entries.size() == AuditTrail.MOST_READ ? entries.getLast().seq() : null);
    return new WebEndpointResponse<>(answer);
  }
}
