package org.linkage.events;

/** A message that can never be processed however often it is retried. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
