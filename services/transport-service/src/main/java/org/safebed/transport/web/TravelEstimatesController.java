package org.safebed.transport.web;

import java.util.List;
import org.safebed.transport.application.TravelEstimates;
import org.safebed.transport.web.api.TravelEstimatesApi;
import org.safebed.transport.web.model.TravelEstimateDto;
import org.safebed.transport.web.model.TravelEstimateRequestDto;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Internal: the platform already limits {@code /internal/**} to SERVICE; said again here. */
@RestController
class TravelEstimatesController implements TravelEstimatesApi {

  private final TravelEstimates estimates;

  TravelEstimatesController(TravelEstimates estimates) {
    this.estimates = estimates;
  }

  @Override
  @PreAuthorize("hasRole('SERVICE')")
  public ResponseEntity<List<TravelEstimateDto>> estimateTravel(TravelEstimateRequestDto body) {
    return ResponseEntity.ok(
        estimates.from(ApiViews.point(body.getFrom()), body.getTo().stream().map(ApiViews::point).toList())
            .stream()
            .map(ApiViews::estimate)
            .toList());
  }
}
