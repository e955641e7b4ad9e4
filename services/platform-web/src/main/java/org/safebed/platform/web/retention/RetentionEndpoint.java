package org.safebed.platform.web.retention;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Operator view of data retention: {@code GET /actuator/retention} shows the period and the last
 * sweep's counts, {@code POST /actuator/retention} sweeps now. Only coordinators reach it.
 */
@Endpoint(id = "retention")
public class RetentionEndpoint {

  private final RetentionSweep sweep;

  public RetentionEndpoint(RetentionSweep sweep) {
    this.sweep = sweep;
  }

  @ReadOperation
  public Map<String, Object> status() {
    return sweep.status();
  }

  @WriteOperation
  public RetentionSweep.Result sweepNow() {
    return sweep.sweep();
  }
}
