package org.safebed.occupancy.application;

import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.sealing.FieldSealer;
import org.springframework.stereotype.Component;

/**
 * The one place where a shelter's sealed fields are sealed and opened. Every opening is audited
 * before the plaintext exists, so no read escapes the trail.
 */
@Component
public class ShelterSecrets {

  /** The service itself, when it opens a value for its own work (relocation). */
  public static final String SYSTEM_ACTOR = "shelter-occupancy-service";

  /** The labels each value is sealed with (bound to the shelter id). */
  public static final String ADDRESS = "address";
  public static final String LOCATION = "location";

  private final FieldSealer sealer;
  private final AuditTrail audit;

  public ShelterSecrets(FieldSealer sealer, AuditTrail audit) {
    this.sealer = sealer;
    this.audit = audit;
  }

  public String sealAddress(String shelterId, String address) {
    return sealer.seal(address, shelterId, ADDRESS);
  }

  public String sealLocation(String shelterId, GeoPoint location) {
    return sealer.seal(location.lat() + "," + location.lon(), shelterId, LOCATION);
  }

  /**
   * Opens the address for the driver a service asks for; the caller has checked the right to it.
   *
   * @param purpose what the driver needs it for, as audited
   */
  public String addressForDriver(Shelter shelter, String service, String driver, String purpose) {
    audit.record(new AuditEntry(service, "SERVICE", driver, "ADDRESS_DISCLOSED", "shelter", shelter.id(),
        purpose, "GRANTED"));
    return sealer.unseal(shelter.sealedAddress(), shelter.id(), ADDRESS);
  }
}
