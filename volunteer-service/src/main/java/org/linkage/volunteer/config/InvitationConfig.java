package org.linkage.volunteer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Invitation codes sent by SMS to volunteers staff registered (docs/volunteers.md, docs/security.md). */
@ConfigMapping(prefix = "linkage.invitations")
public interface InvitationConfig {

    /** How long a code may be redeemed. */
    @WithDefault("PT72H")
    Duration validity();

    /** Wrong codes before the invitation locks. */
    @WithDefault("5")
    int maxAttempts();

    /** The secret keying the codes' hashes (LINKAGE_INVITATIONS_PEPPER); production must set its own. */
    String pepper();
}
