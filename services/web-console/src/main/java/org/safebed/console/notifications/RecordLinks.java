package org.safebed.console.notifications;

import org.safebed.console.services.model.Notice;
import org.safebed.console.web.Person;
import org.safebed.platform.web.security.Role;

/**
 * Where a notification's record is seen by her: the same placement opens on the police officer's
 * timeline, the shelter manager's arrivals or the coordinator's inbox. Null when no screen of hers
 * shows it.
 */
public record RecordLinks(Person person) {

  public String of(Notice notice) {
    Notice.RecordLink record = notice.record();
    if (record == null || record.id() == null) {
      return null;
    }
    return switch (record.type()) {
      case "PLACEMENT" -> placement(record.id());
      case "SHELTER" -> person.is(Role.SHELTER_MANAGER) || person.is(Role.COORDINATOR)
          ? "/console/shelters/" + record.id() : null;
      case "TRANSPORT_JOB" -> person.is(Role.DRIVER) ? "/console/driver"
          : person.is(Role.COORDINATOR) ? "/console/operations/escalations" : null;
      case "REFERRAL" -> person.is(Role.HOUSING_OFFICER) ? "/console/housing/referrals/" + record.id() : null;
      default -> null;
    };
  }

  private String placement(String id) {
    if (person.is(Role.POLICE)) {
      return "/console/police/placements/" + id;
    }
    if (person.is(Role.COORDINATOR)) {
      return "/console/operations/escalations";
    }
    return person.is(Role.SHELTER_MANAGER) ? "/console/arrivals" : null;
  }
}
