package org.safebed.platform.web.sealing;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Operator view of key rotation: {@code GET /actuator/sealing} counts values per key id (never a
 * value), {@code POST /actuator/sealing} re-seals everything still under a previous key. Like every
 * actuator endpoint but health and info, only coordinators reach it.
 */
@Endpoint(id = "sealing")
public class SealingEndpoint {

  private final SealedFieldRotation rotation;

  public SealingEndpoint(SealedFieldRotation rotation) {
    this.rotation = rotation;
  }

  @ReadOperation
  public Map<String, Map<String, Long>> keyUsage() {
    return rotation.keyUsage();
  }

  @WriteOperation
  public Map<String, Long> reseal() {
    return Map.of("resealed", rotation.resealAll());
  }
}
