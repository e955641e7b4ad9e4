package org.safebed.occupancy.application;

import org.safebed.occupancy.domain.Placement;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;

/** Who may see or act on which record, beyond the role checks at the API. */
final class Access {

  private Access() {}

  static boolean mayView(Caller caller, Placement placement) {
    return isRequester(caller, placement)
        || caller.has(Role.COORDINATOR)
        || managesShelterOf(caller, placement);
  }

  static boolean mayCancel(Caller caller, Placement placement) {
    return isRequester(caller, placement) || caller.has(Role.COORDINATOR);
  }

  /** Her shelter's manager, who waits for her, or a coordinator. */
  static boolean mayReportNoShow(Caller caller, Placement placement) {
    return caller.has(Role.COORDINATOR) || managesShelterOf(caller, placement);
  }

  /**
   * What to prepare for her arrival is for the shelter that receives her and for coordinators;
   * police sent it and get their answers as before.
   */
  static boolean maySeeArrival(Caller caller, Placement placement) {
    return caller.has(Role.COORDINATOR) || managesShelterOf(caller, placement);
  }

  static boolean managesShelterOf(Caller caller, Placement placement) {
    return placement.shelterId() != null && caller.managesShelter(placement.shelterId());
  }

  static boolean mayManageShelter(Caller caller, String shelterId) {
    return caller.has(Role.COORDINATOR) || caller.managesShelter(shelterId);
  }

  private static boolean isRequester(Caller caller, Placement placement) {
    return caller.has(Role.POLICE) && placement.isRequestedBy(caller.subject());
  }
}
