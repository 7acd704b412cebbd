package org.linkage.chassis.security;

/** What an integrator may do, granted per client in the identity provider and carried in the token's scope claim. */
public final class Scopes {
    /** Raise needs (e.g. a hospital asking for a discharge follow-up visit) and read the needs it raised. */
    public static final String NEEDS_WRITE = "needs:write";
    /** Manage its own webhook subscriptions and read their deliveries. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    private Scopes() {
    }
}
