package dev.actors.sample.events;

import java.time.Instant;

/**
 * An event to store.
 *
 * @param id its id, chosen by the application before the insert
 * @param type what kind of event (required)
 * @param payload free text, may be {@code null}
 * @param createdAt when the request came in
 */
public record Event(String id, String type, String payload, Instant createdAt) {
}
