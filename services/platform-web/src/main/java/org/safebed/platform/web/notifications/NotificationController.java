package org.safebed.platform.web.notifications;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import org.safebed.platform.web.notifications.api.NotificationsApi;
import org.safebed.platform.web.notifications.model.NotificationDto;
import org.safebed.platform.web.notifications.model.NotificationPageDto;
import org.safebed.platform.web.notifications.model.RecordLinkDto;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Every service's {@code /api/notifications}: a person's own, by the keys her token carries. */
@RestController
@PreAuthorize("hasAnyRole('POLICE', 'SHELTER_MANAGER', 'HOUSING_OFFICER', 'DRIVER', 'COORDINATOR')")
public class NotificationController implements NotificationsApi {

  private final NotificationInbox inbox;
  private final NotificationFeed feed;
  private final Duration streamFor;

  public NotificationController(NotificationInbox inbox, NotificationFeed feed, Duration streamFor) {
    this.inbox = inbox;
    this.feed = feed;
    this.streamFor = streamFor;
  }

  @Override
  public ResponseEntity<NotificationPageDto> listNotifications(Integer limit) {
    Notification.Page page = inbox.pageFor(Caller.current(), limit == null ? 50 : limit);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new NotificationPageDto()
            .unread(Math.toIntExact(page.unread()))
            .items(page.items().stream().map(NotificationController::dto).toList()));
  }

  @Override
  public ResponseEntity<Void> markAllNotificationsRead() {
    inbox.markAllRead(Caller.current());
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<Void> markNotificationRead(String notificationId) {
    if (!inbox.markRead(Caller.current(), notificationId)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "No such notification for you.");
    }
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<SseEmitter> followNotifications() {
    SseEmitter emitter = new SseEmitter(streamFor.toMillis());
    Runnable unfollow = feed.follow(Audience.keysOf(Caller.current()), new NotificationFeed.Sink() {
      @Override
      public void notification(Notification notification) throws IOException {
        emitter.send(SseEmitter.event().name("notification").id(notification.id())
            .data(new Arrival(notification.id(), notification.kind().name(), notification.severity().name()),
                MediaType.APPLICATION_JSON));
      }

      @Override
      public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
      }
    });
    emitter.onCompletion(unfollow);
    emitter.onTimeout(() -> {
      unfollow.run();
      emitter.complete();
    });
    emitter.onError(failure -> unfollow.run());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Accel-Buffering", "no")
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .body(emitter);
  }

  /** What a follower is told of a new notification: which, what and how urgent, nothing more. */
  record Arrival(String id, String kind, String severity) {}

  private static NotificationDto dto(Notification.Seen seen) {
    Notification n = seen.notification();
    return new NotificationDto()
        .id(n.id())
        .kind(NotificationDto.KindEnum.fromValue(n.kind().name()))
        .severity(NotificationDto.SeverityEnum.fromValue(n.severity().name()))
        .record(new RecordLinkDto().type(RecordLinkDto.TypeEnum.fromValue(n.recordType().name())).id(n.recordId()))
        .raisedAt(n.raisedAt().atOffset(ZoneOffset.UTC))
        .read(seen.read());
  }
}
