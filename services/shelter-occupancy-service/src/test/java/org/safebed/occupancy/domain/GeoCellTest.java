package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoCellTest {

  @Test
  void cellsAreHalfDegreeSquaresKeyedByIndex() {
    assertThat(GeoCell.of(new GeoPoint(48.93, 2.36)).key()).isEqualTo("97:4");
    assertThat(GeoCell.of(new GeoPoint(-0.1, -0.1)).key()).isEqualTo("-1:-1");
  }

  @Test
  void theCellsWithinARadiusComeNearestFirstAndCoverEveryPointInReach() {
    GeoPoint centre = new GeoPoint(48.93, 2.36);

    List<GeoCell> cells = GeoCell.within(centre, 60);

    assertThat(cells.getFirst()).isEqualTo(GeoCell.of(centre));
    for (int i = 1; i < cells.size(); i++) {
      assertThat(cells.get(i).minDistanceKmFrom(centre)).isGreaterThanOrEqualTo(cells.get(i - 1).minDistanceKmFrom(centre));
    }
    for (GeoPoint inReach : List.of(new GeoPoint(49.45, 2.36), new GeoPoint(48.93, 3.15), new GeoPoint(48.6, 1.9))) {
      assertThat(inReach.distanceKmTo(centre)).isLessThanOrEqualTo(60);
      assertThat(cells).contains(GeoCell.of(inReach));
    }
    assertThat(cells).doesNotContain(GeoCell.of(new GeoPoint(50.5, 2.36)));
  }

  @Test
  void nearestFirstGivesEachCellsOwnDistanceInTheSameOrderAsWithin() {
    GeoPoint centre = new GeoPoint(48.93, 2.36);

    List<GeoCell.Nearby> nearby = GeoCell.nearestFirst(centre, 300);

    assertThat(nearby).extracting(GeoCell.Nearby::cell).containsExactlyElementsOf(GeoCell.within(centre, 300));
    for (GeoCell.Nearby cell : nearby) {
      assertThat(cell.km()).isEqualTo(cell.cell().minDistanceKmFrom(centre)).isLessThanOrEqualTo(300);
    }
  }

  @Test
  void aPointInsideACellIsAtDistanceZero() {
    GeoPoint p = new GeoPoint(48.93, 2.36);
    assertThat(GeoCell.of(p).minDistanceKmFrom(p)).isZero();
  }
}
