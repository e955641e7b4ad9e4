package org.safebed.localstack.security;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A valid body for every operation that takes one, using every property of its schema: the matrix
 * sends them as they are, the negative tests derive their invalid variants from them. Placeholders
 * in braces are filled per call. Everything it would create stays out of the journeys' way: new
 * shelters and drivers sit in the Atlantic, and no request placed through them needs them.
 */
final class ValidRequests {

  private ValidRequests() {}

  static final Map<String, String> BODIES = Map.ofEntries(
      Map.entry("requestPlacement", """
          {"policeCaseRef": "PJ-SEC-{short}", "person": {"ageYears": 14, "gender": "FEMALE"},
           "needs": [], "location": {"lat": 50.60, "lon": 3.05},
           "exclusionZones": [{"lat": 45.0, "lon": 1.0, "radiusKm": 5}],
           "specialisms": [], "languages": ["fr"], "keepApartFrom": ["PJ-SEC-KEEP-1"],
           "maxTravelMinutes": 600, "urgency": "NORMAL"}"""),
      Map.entry("checkOutPlacement", """
          {"reason": "OTHER"}"""),
      Map.entry("createShelter", """
          {"codeName": "Sec-{short}", "region": "west", "location": {"lat": 47.0, "lon": -20.0},
           "address": "1 Rue du Test Synthetique, Nulle-Part",
           "eligibility": {"minAge": 20, "maxAge": 21, "genders": ["MALE"], "acceptsAccompanyingChild": false,
                           "accessible": false, "languages": ["fr"], "specialisms": ["TRAFFICKING"]},
           "bedCount": 1}"""),
      Map.entry("changeShelterStatus", """
          {"status": "OPEN"}"""),
      Map.entry("addBeds", """
          {"count": 1}"""),
      Map.entry("changeBedServiceStatus", """
          {"inService": true}"""),
      Map.entry("registerDriver", """
          {"accountSubject": "sec-driver-{short}", "vetted": true, "gender": "FEMALE", "languages": ["fr"],
           "canEscortMinors": false, "base": {"lat": 47.0, "lon": -20.0}, "onDuty": false,
           "dutyWindows": [{"from": "2030-01-01T08:00:00Z", "to": "2030-01-01T16:00:00Z"}],
           "linkedAccounts": ["sec-person-{short}"]}"""),
      Map.entry("updateDriver", """
          {"vetted": true, "gender": "FEMALE", "languages": ["fr"], "canEscortMinors": false,
           "base": {"lat": 47.0, "lon": -20.0},
           "dutyWindows": [{"from": "2030-01-01T08:00:00Z", "to": "2030-01-01T16:00:00Z"}],
           "linkedAccounts": ["sec-person-{short}"]}"""),
      Map.entry("setMyAvailability", """
          {"onDuty": true}"""),
      // A push service of the allow-list; removed again by the next row, before any offer to her.
      Map.entry("subscribeToPush", """
          {"endpoint": "https://fcm.googleapis.com/fcm/send/sec-matrix-device",
           "keys": {"p256dh": "BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    "auth": "AAAAAAAAAAAAAAAAAAAAAA"}}"""),
      Map.entry("unsubscribeFromPush", """
          {"endpoint": "https://fcm.googleapis.com/fcm/send/sec-matrix-device"}"""),
      Map.entry("createRentalUnit", """
          {"region": "west", "location": {"lat": 47.0, "lon": -20.0},
           "address": "2 Rue du Test Synthetique, Nulle-Part", "bedrooms": 1, "monthlyRent": 500,
           "accessible": false, "availableFrom": "2026-01-01", "suitableFor": ["YOUNG_ADULT"]}"""),
      // The fixture's unit as it was registered: the matrix changes it before it is offered.
      Map.entry("updateRentalUnit", """
          {"region": "west", "bedrooms": 1, "monthlyRent": 500, "accessible": false,
           "availableFrom": "2026-01-01", "suitableFor": ["YOUNG_ADULT"]}"""),
      Map.entry("createReferral", """
          {"placementId": "{placementId}", "unitId": "{unitId}", "needs": ["YOUNG_ADULT"],
           "preferredRegions": ["north"], "priority": "NORMAL",
           "exclusionZones": [{"lat": 45.0, "lon": 1.0, "radiusKm": 5}], "keepApartRefs": ["KA-1"]}"""),
      Map.entry("offerUnit", """
          {"unitId": "{unitId}"}"""),
      Map.entry("declineOffer", """
          {"reason": "OTHER"}"""),
      Map.entry("recordMoveIn", """
          {"moveInDate": "{today}"}"""));

  /** The operation's body with its placeholders filled, or null if it takes none. */
  static String body(String operationId, Map<String, String> values) {
    String template = BODIES.get(operationId);
    if (template == null) {
      return null;
    }
    String body = template
        .replace("{short}", UUID.randomUUID().toString().substring(0, 8))
        .replace("{today}", LocalDate.now(ZoneOffset.UTC).toString());
    for (Map.Entry<String, String> value : values.entrySet()) {
      body = body.replace("{" + value.getKey() + "}", value.getValue());
    }
    return body;
  }
}
