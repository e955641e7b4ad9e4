// SafeBed console. The pages are drawn by the server and work by themselves; this script adds what
// only a browser can: the session's CSRF token on the page's own requests, countdowns, the offline
// banner, the warning before the session ends, the device's location (with her consent), and the
// driver's alerts. Nothing is kept in browser storage. Text comes from the page (data-msg-*), so it
// is in the person's language.
'use strict';

(function () {
  const body = document.body;
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || '';

  // Every change the page makes carries the session's CSRF token, which the gateway checks.
  document.addEventListener('htmx:configRequest', event => {
    if (event.detail.verb !== 'get' && csrf()) {
      event.detail.headers['X-CSRF-TOKEN'] = csrf();
    }
  });

  // -- Time zone: times are written by the server, in the zone this device runs in once it knows it
  // (a cookie the gateway relays; a zone, not a person: nothing else is kept). The next page uses it.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && zone !== body.dataset.timeZone && /^[A-Za-z][\w+\/-]{0,63}$/.test(zone)) {
    document.cookie = 'SAFEBED_TZ=' + zone + '; Path=/; Max-Age=31536000; SameSite=Lax'
      + (location.protocol === 'https:' ? '; Secure' : '');
  }

  // -- Offline banner: shown while the device has no network or a refresh could not reach SafeBed.
  const offline = document.getElementById('offline');
  const showOffline = on => { if (offline) { offline.hidden = !on; } };
  window.addEventListener('offline', () => showOffline(true));
  window.addEventListener('online', () => showOffline(false));
  document.addEventListener('htmx:sendError', () => showOffline(true));
  document.addEventListener('htmx:afterRequest', event => { if (event.detail.successful) { showOffline(!navigator.onLine); } });
  showOffline(!navigator.onLine);

  // An answer the page could not use (the console or a service failed): say so in plain words.
  document.addEventListener('htmx:responseError', () => {
    const messages = document.getElementById('messages');
    if (messages) {
      const p = document.createElement('p');
      p.className = 'banner error';
      p.setAttribute('role', 'alert');
      p.textContent = body.dataset.msgFailed || '';
      messages.replaceChildren(p);
    }
  });

  // -- Countdowns: "12:34 left" under every [data-countdown][data-until].
  function tick() {
    const now = Date.now();
    document.querySelectorAll('[data-countdown][data-until]').forEach(element => {
      const left = Math.max(0, Math.floor((Date.parse(element.dataset.until) - now) / 1000));
      const text = left === 0 ? (body.dataset.msgExpired || '0:00')
          : (body.dataset.msgMinutes || '{0}:{1}')
              .replace('{0}', String(Math.floor(left / 60)))
              .replace('{1}', String(left % 60).padStart(2, '0'));
      if (element.textContent !== text) { element.textContent = text; }
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('htmx:load', tick);

  // -- The session: the gateway ends it after this many idle seconds; warn five minutes before, and
  // sign out on this device when the time is up. Refreshes made by the page itself do not count as
  // her being there: only her own taps and keys do.
  const sessionSeconds = Number(body.dataset.sessionSeconds || 0);
  const warning = document.getElementById('session-warning');
  let lastActive = Date.now();
  ['pointerdown', 'keydown'].forEach(type => document.addEventListener(type, () => {
    lastActive = Date.now();
    if (warning) { warning.hidden = true; }
  }, { passive: true }));
  document.getElementById('stay')?.addEventListener('click', () => {
    fetch('/console/', { credentials: 'same-origin', redirect: 'manual' }).catch(() => {});
  });
  if (sessionSeconds > 0 && warning && document.getElementById('sign-out')) {
    setInterval(() => {
      const idle = (Date.now() - lastActive) / 1000;
      if (idle >= sessionSeconds) {
        document.getElementById('sign-out').submit();
      } else if (idle >= sessionSeconds - 300) {
        warning.hidden = false;
      }
    }, 15000);
  }

  // -- Police: fill in where she is from the device, only when the officer asks.
  document.addEventListener('click', event => {
    const button = event.target.closest('#locate');
    if (!button || !navigator.geolocation) { return; }
    const status = document.getElementById('locate-status');
    navigator.geolocation.getCurrentPosition(position => {
      ['lat', 'lon'].forEach(id => {
        const field = document.getElementById(id);
        field.value = (id === 'lat' ? position.coords.latitude : position.coords.longitude).toFixed(5);
        field.dispatchEvent(new Event('change', { bubbles: true })); // the map, when there is one, follows
      });
      if (status) { status.textContent = ''; }
    }, () => { if (status) { status.textContent = button.dataset.msgDenied || ''; } },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  // -- Driver: a new offer rings and vibrates while the page is open.
  let audio = null;
  document.addEventListener('pointerdown', () => {
    // Browsers let a page make sound only after a tap on it: the first tap (the duty switch) unlocks it.
    if (!audio && window.AudioContext) { audio = new AudioContext(); }
  }, { passive: true });
  let lastOffer = document.querySelector('[data-offer]') ? 'seen' : '';
  function ring() {
    if (navigator.vibrate) { navigator.vibrate([400, 150, 400, 150, 400]); }
    if (audio) {
      [0, 0.35, 0.7].forEach(start => {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.value = 0.25;
        tone.connect(gain).connect(audio.destination);
        tone.start(audio.currentTime + start);
        tone.stop(audio.currentTime + start + 0.25);
      });
    }
  }
  document.addEventListener('htmx:afterSwap', () => {
    const offer = document.querySelector('[data-offer]');
    const job = document.getElementById('job');
    const now = offer && job ? job.getAttribute('hx-get') : '';
    if (offer && now !== lastOffer) { ring(); }
    lastOffer = offer ? now : '';
  });

  // -- Drivers and police: Web Push when the page is closed. The subscription goes to SafeBed (through the
  // console); the notification itself carries nothing about anyone.
  const push = document.getElementById('push');
  if (push && 'serviceWorker' in navigator && 'PushManager' in window) {
    fetch(push.dataset.push + '/key', { credentials: 'same-origin' })
      .then(answer => answer.ok ? answer.json() : null)
      .then(key => {
        if (!key) { return; }
        push.hidden = false;
        push.addEventListener('click', () => subscribe(key.publicKey));
      }).catch(() => {});
  }
  async function subscribe(publicKey) {
    const status = document.getElementById('push-status');
    try {
      const registration = await navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' });
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
      const answer = await fetch(push.dataset.push + '/subscription', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf() },
        body: JSON.stringify(pushable(subscription)) });
      status.textContent = answer.ok ? push.dataset.msgOn : push.dataset.msgOff;
    } catch (refused) {
      status.textContent = push.dataset.msgOff;
    }
  }
  // Only the address and the phone's keys: the browser's expirationTime is usually null, which
  // SafeBed's strict input refuses.
  function pushable(subscription) {
    const json = subscription.toJSON();
    return { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } };
  }
  function fromBase64Url(text) {
    const base64 = (text + '='.repeat((4 - text.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  }
})();
