package org.safebed.console.push;

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
 * The service worker that shows an alert while the console is closed, for the people whose phones
 * are woken (drivers, police). The push carries nothing; the notification's words are written into
 * the script in her language when her phone installs it, and say only that something in SafeBed
 * asks for her. A tap opens her notifications, each with its link to the record.
 */
@RestController
@PreAuthorize("hasAnyRole('DRIVER', 'POLICE')")
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
        // SafeBed's alert. The push has no content: nothing about anyone can be in it.
        const TITLE = %s;
        const BODY = %s;
        const OPEN = '/console/notifications';
        self.addEventListener('push', event => {
          event.waitUntil(self.registration.showNotification(TITLE, {
            body: BODY, tag: 'safebed-alert', renotify: true, requireInteraction: true,
            vibrate: [400, 150, 400, 150, 400] }));
        });
        self.addEventListener('notificationclick', event => {
          event.notification.close();
          event.waitUntil(clients.matchAll({ type: 'window' }).then(open => {
            const list = open.find(client => new URL(client.url).pathname === OPEN);
            return list ? list.focus() : clients.openWindow(OPEN);
          }));
        });
        """.formatted(title, body);
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
  }
}
