// SafeBed console: the police form's map. A tap sets where she is, or the centre of an area to
// avoid, into the form's own fields, which stay the way to type a point (and the only way without a
// pointer or without this script). Tiles come through the console; the map never shows a shelter.
'use strict';

(function () {
  if (!window.L || !window.htmx) { return; }

  const number = id => {
    const value = parseFloat((document.getElementById(id)?.value || '').replace(',', '.'));
    return Number.isFinite(value) ? value : null;
  };
  const set = (id, value) => {
    const field = document.getElementById(id);
    if (field) { field.value = value; field.dispatchEvent(new Event('change', { bubbles: true })); }
  };

  function attach(element) {
    if (element.dataset.ready) { return; }
    element.dataset.ready = 'yes';
    const start = number('lat') !== null && number('lon') !== null
      ? [number('lat'), number('lon')] : [Number(element.dataset.lat), Number(element.dataset.lon)];
    const map = L.map(element, { zoomControl: true, attributionControl: true })
      .setView(start, number('lat') !== null ? 13 : Number(element.dataset.zoom || 6));
    L.tileLayer(element.dataset.tiles + '{z}/{x}/{y}.png', {
      maxZoom: 19, attribution: element.dataset.attribution || '', crossOrigin: false
    }).addTo(map);

    const where = L.circleMarker([0, 0], { radius: 9, color: '#0b5cad', weight: 3, fillOpacity: 0.6 });
    const zone = L.circle([0, 0], { radius: 1000, color: '#a4161a', weight: 2, fillOpacity: 0.15 });

    function draw() {
      const lat = number('lat'); const lon = number('lon');
      if (lat !== null && lon !== null) { where.setLatLng([lat, lon]).addTo(map); } else { where.remove(); }
      const zLat = number('zoneLat'); const zLon = number('zoneLon'); const km = number('zoneRadiusKm');
      if (zLat !== null && zLon !== null && km !== null && km > 0) {
        zone.setLatLng([zLat, zLon]).setRadius(km * 1000).addTo(map);
      } else { zone.remove(); }
    }

    map.on('click', event => {
      const lat = event.latlng.lat.toFixed(5);
      const lon = L.Util.wrapNum(event.latlng.lng, [-180, 180], true).toFixed(5);
      const target = document.querySelector('input[name="mapSets"]:checked')?.value || 'where';
      if (target === 'zone') {
        element.closest('form')?.querySelector('details')?.setAttribute('open', '');
        set('zoneLat', lat); set('zoneLon', lon);
        if (number('zoneRadiusKm') === null) { set('zoneRadiusKm', '2'); }
      } else {
        set('lat', lat); set('lon', lon);
      }
      draw();
    });
    ['lat', 'lon', 'zoneLat', 'zoneLon', 'zoneRadiusKm'].forEach(id =>
      document.getElementById(id)?.addEventListener('change', draw));
    draw();
  }

  htmx.onLoad(content => {
    const element = content.querySelector ? (content.id === 'map' ? content : content.querySelector('#map')) : null;
    if (element) { attach(element); }
  });
})();
