package org.safebed.occupancy.domain;

public record BedCounts(int available, int held, int occupied, int outOfService) {

  public static final BedCounts NONE = new BedCounts(0, 0, 0, 0);

  public BedCounts plus(BedStatus status, int count) {
    return switch (status) {
      case AVAILABLE -> new BedCounts(available + count, held, occupied, outOfService);
      case HELD -> new BedCounts(available, held + count, occupied, outOfService);
      case OCCUPIED -> new BedCounts(available, held, occupied + count, outOfService);
      case OUT_OF_SERVICE -> new BedCounts(available, held, occupied, outOfService + count);
    };
  }
}
