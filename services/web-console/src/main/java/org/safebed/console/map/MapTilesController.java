package org.safebed.console.map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The map's tiles for the police form, through the console (see {@link MapTiles} for why). */
@Controller
@PreAuthorize("hasRole('POLICE')")
class MapTilesController {

  private final MapTiles tiles;

  MapTilesController(MapTiles tiles) {
    this.tiles = tiles;
  }

  @GetMapping("/console/map/tiles/{z}/{x}/{y}.png")
  ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
    if (!MapTiles.exists(z, x, y)) {
      return ResponseEntity.notFound().build();
    }
    return tiles.tile(z, x, y)
        .map(image -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(image))
        .orElseGet(() -> ResponseEntity.status(503).build());
  }
}
