package org.linkage.chassis.outbound;

/** A URL the suite will not send to; the message says why without echoing anything the target answered. */
public class DestinationRefused extends Exception {

    private final boolean malformed;

    DestinationRefused(String message, boolean malformed) {
        super(message, null, false, false);
        this.malformed = malformed;
    }

    /** Not a usable URL at all (no host, not http(s)), as opposed to a well-formed URL pointing somewhere refused. */
    public boolean malformed() {
        return malformed;
    }
}
