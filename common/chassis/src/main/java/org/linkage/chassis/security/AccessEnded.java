package org.linkage.chassis.security;

/**
 * The token is valid but its volunteer may no longer act (suspended, deactivated, erased): 403 problem+json
 * ({@link SecurityProblems}), thrown while the request authenticates.
 */
public class AccessEnded extends RuntimeException {
    public AccessEnded() {
        super("The volunteer's access has ended", null, false, false);
    }
}
