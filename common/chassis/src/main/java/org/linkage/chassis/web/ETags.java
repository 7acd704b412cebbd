package org.linkage.chassis.web;

import jakarta.ws.rs.core.EntityTag;
import org.linkage.chassis.problem.ProblemException;

/** Optimistic concurrency over HTTP: the entity's version is its ETag; updates may send it back in If-Match. */
public final class ETags {

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** @throws ProblemException 412 when If-Match is given and names another version */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!tag.equals(Long.toString(currentVersion))) {
            throw ProblemException.preconditionFailed(
                    "The resource changed since it was read (If-Match " + ifMatch.trim() + ", current \""
                            + currentVersion + "\"); read it again and retry");
        }
    }

    private ETags() {
    }
}
