package org.linkage.volunteer.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.linkage.testing.As;
import org.linkage.testing.Tokens;

/**
 * Every request of the extending test sends a social worker's token unless it names another caller with
 * {@link As}; afterwards requests carry no token again, so other tests start anonymous.
 */
abstract class SignedInAsStaff {

    static final String STAFF_ID = "sw-liu";
    static final String STAFF = Tokens.socialWorker(STAFF_ID, "xinhua-road");
    static final String ADMIN = Tokens.admin("admin-1");

    @BeforeEach
    void signInAsStaff() {
        As.byDefault(STAFF);
    }

    @AfterEach
    void signOut() {
        As.nobodyByDefault();
    }
}
