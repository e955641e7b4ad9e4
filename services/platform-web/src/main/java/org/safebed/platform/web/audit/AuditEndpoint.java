package org.safebed.platform.web.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Operator check of the audit log: {@code GET /actuator/audit} walks the whole hash chain and says
 * whether it is intact and, if not, the first entry that was changed, removed or inserted. It also
 * gives the chain's head (sequence number and hash): an operator who records the head elsewhere
 * from time to time can tell a log that was cut back or rewritten from its end, which the chain
 * alone cannot show. Like every actuator endpoint but health and info, only coordinators reach it;
 * it never shows an entry's content.
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
}
