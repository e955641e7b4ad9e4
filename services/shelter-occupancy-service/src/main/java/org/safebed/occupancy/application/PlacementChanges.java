package org.safebed.occupancy.application;

import java.util.Optional;
import java.util.function.Function;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.Placement.Change;
import org.safebed.occupancy.domain.PlacementRepository;
import org.springframework.stereotype.Component;

/**
 * Applies a command to a placement with optimistic concurrency: load, decide, store if nobody
 * changed it meanwhile, otherwise decide again on the fresh state.
 */
@Component
public class PlacementChanges {

  private static final int ATTEMPTS = 20;

  private final PlacementRepository placements;

  public PlacementChanges(PlacementRepository placements) {
    this.placements = placements;
  }

  /** The state before and after the command; empty when there is no such placement. */
  public record Applied(Placement before, Placement after, boolean changed) {}

  public Optional<Applied> apply(String placementId, Function<Placement, Change> command) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Placement> loaded = placements.findById(placementId);
      if (loaded.isEmpty()) {
        return Optional.empty();
      }
      Placement before = loaded.get();
      Change change = command.apply(before);
      if (!change.changed()) {
        return Optional.of(new Applied(before, before, false));
      }
      Optional<Placement> saved = placements.save(change.placement(), change.events());
      if (saved.isPresent()) {
        return Optional.of(new Applied(before, saved.get(), true));
      }
    }
    throw new IllegalStateException("placement " + placementId + " kept changing; giving up");
  }

  /** Like {@link #apply} for a placement loaded already (saves one read on the common path). */
  public Applied apply(Placement loaded, Function<Placement, Change> command) {
    Change change = command.apply(loaded);
    if (!change.changed()) {
      return new Applied(loaded, loaded, false);
    }
    Optional<Placement> saved = placements.save(change.placement(), change.events());
    if (saved.isPresent()) {
      return new Applied(loaded, saved.get(), true);
    }
    return apply(loaded.id(), command).orElseThrow();
  }
}
