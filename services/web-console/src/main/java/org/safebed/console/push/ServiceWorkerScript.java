package org.safebed.console.driver;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service worker that shows a driver's offer alert while the console is closed. The push
 * carries nothing; the notification's words are written into the script in her language when her
 * phone installs it, and say only that an offer is waiting.
 */
@RestController
@PreAuthorize("hasRole('DRIVER')")
class ServiceWorkerScript {

  private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageSource messages;

  ServiceWorkerScript(MessageSource messages) {
    this.messages = messages;
  }

  @GetMapping("/console/sw.js")
  ResponseEntity<String> script(Locale locale) {
    String title = JSON.writeValueAsString(messages.getMessage("push.title", null, locale));
    String body = JSON.writeValueAsString(messages.getMessage("push.body", null, locale));
    String script = """
        'use strict';
        // SafeBed's offer alert. The push has no content: nothing about anyone can be in it.
        const TITLE = %s;
        const BODY = %s;
        self.addEventListener('push', event => {
          event.waitUntil(self.registration.showNotification(TITLE, {
            body: BODY, tag: 'safebed-offer', renotify: true, requireInteraction: true,
            vibrate: [400, 150, 400, 150, 400] }));
        });
        self.addEventListener('notificationclick', event => {
          event.notification.close();
          event.waitUntil(clients.matchAll({ type: 'window' }).then(open => {
            const screen = open.find(client => new URL(client.url).pathname.startsWith('/console/driver'));
            return screen ? screen.focus() : clients.openWindow('/console/driver');
          }));
        });
        """.formatted(title, body);
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
  }
}
