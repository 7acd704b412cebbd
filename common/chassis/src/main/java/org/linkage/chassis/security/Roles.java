package org.linkage.chassis.security;

/**
 * The roles a token may carry in its {@code groups} claim. A person holds one role; an integrator is a client
 * (client-credentials grant) whose rights are further narrowed by its scopes.
 */
public final class Roles {
    /** A volunteer: the volunteer their login is linked to (CurrentUser.volunteerId), never the token's subject. */
    public static final String VOLUNTEER = "volunteer";
    /** A social worker, bound to the community in the token's {@code community} claim. */
    public static final String SOCIAL_WORKER = "social-worker";
    /**
     * Held beside {@link #SOCIAL_WORKER} by the social worker who leads their community's station: besides their own
     * work, they see every child's full record of the community and act for the child as the responsible worker does.
     */
    public static final String STATION_LEAD = "station-lead";
    /** District staff who administer everything, including the audit log. */
    public static final String ADMIN = "admin";
    /** A third party's system (a hospital, a school), acting within its {@code scope} claim. */
    public static final String INTEGRATOR = "integrator";
    /**
     * The identity provider's own client (Keycloak's phone-number login), which only asks notification-service to
     * text a login code; no person holds it.
     */
    public static final String IDENTITY_PROVIDER = "identity-provider";

    public static final java.util.List<String> ALL =
            java.util.List.of(VOLUNTEER, STATION_LEAD, SOCIAL_WORKER, ADMIN, INTEGRATOR, IDENTITY_PROVIDER);

    private Roles() {
    }
}
