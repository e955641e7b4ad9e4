package org.safebed.console.services;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safebed.console.services.model.Referral;
import org.safebed.console.services.model.RentalUnit;
import org.safebed.console.services.model.UnitMatch;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The rental referral API, as far as the housing officer's screens use it. */
public final class ReferralApi {

  private static final ParameterizedTypeReference<List<Referral>> REFERRALS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<RentalUnit>> UNITS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<UnitMatch>> MATCHES = new ParameterizedTypeReference<>() {};

  private final ServiceCalls calls;

  ReferralApi(ServiceCalls calls) {
    this.calls = calls;
  }

  /** Her agency's referrals at that step, high priority first, then newest first. */
  public List<Referral> referrals(String status, int limit) {
    return orEmpty(calls.call(client -> client.get()
        .uri(uri -> uri.path("/api/referrals").queryParam("status", status).queryParam("limit", limit).build())
        .retrieve().body(REFERRALS)));
  }

  public Referral referral(String id) {
    return calls.call(client -> client.get().uri("/api/referrals/{id}", id).retrieve().body(Referral.class));
  }

  /** The available units that fit, best first; 409 when the referral is not OPEN. */
  public List<UnitMatch> matches(String referralId, int limit) {
    return orEmpty(calls.call(client -> client.get()
        .uri(uri -> uri.path("/api/referrals/{id}/matches").queryParam("limit", limit).build(referralId))
        .retrieve().body(MATCHES)));
  }

  public Referral offer(String referralId, String unitId) {
    return post("/api/referrals/{id}/offers", referralId, Map.of("unitId", unitId));
  }

  public Referral accept(String referralId) {
    return calls.call(client -> client.post().uri("/api/referrals/{id}/accept", referralId)
        .retrieve().body(Referral.class));
  }

  /** One of the spec's reason codes: TOO_FAR, UNSAFE_AREA, TOO_EXPENSIVE, NOT_ACCESSIBLE, OTHER. */
  public Referral decline(String referralId, String reason) {
    return post("/api/referrals/{id}/decline", referralId, Map.of("reason", reason));
  }

  /** Lets the unit and books the move with transport. */
  public Referral moveIn(String referralId, LocalDate date) {
    return post("/api/referrals/{id}/move-in", referralId, Map.of("moveInDate", date.toString()));
  }

  public List<RentalUnit> units(int limit) {
    return orEmpty(calls.call(client -> client.get()
        .uri(uri -> uri.path("/api/rental-units").queryParam("limit", limit).build())
        .retrieve().body(UNITS)));
  }

  public RentalUnit unit(String id) {
    return calls.call(client -> client.get().uri("/api/rental-units/{id}", id).retrieve().body(RentalUnit.class));
  }

  /** The address goes to the service, sealed there, and never comes back. */
  public RentalUnit createUnit(Map<String, Object> unit) {
    return calls.call(client -> client.post().uri("/api/rental-units")
        .contentType(MediaType.APPLICATION_JSON).body(unit)
        .retrieve().body(RentalUnit.class));
  }

  /** Only an AVAILABLE unit changes (409 otherwise); its address and location stay as registered. */
  public RentalUnit updateUnit(String id, Map<String, Object> change) {
    return calls.call(client -> client.put().uri("/api/rental-units/{id}", id)
        .contentType(MediaType.APPLICATION_JSON).body(change)
        .retrieve().body(RentalUnit.class));
  }

  public RentalUnit withdrawUnit(String id) {
    return calls.call(client -> client.post().uri("/api/rental-units/{id}/withdraw", id)
        .retrieve().body(RentalUnit.class));
  }

  private Referral post(String path, String id, Map<String, ?> body) {
    return calls.call(client -> client.post().uri(path, id)
        .contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().body(Referral.class));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
