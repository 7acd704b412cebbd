package org.linkage.activity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.linkage.testing.As;
import org.linkage.testing.Tokens;

/**
 * Tests of what the service does (not of who may do it) call as an admin unless a request names another caller
 * with {@link As}; who may do what is tested in the access tests and the security matrix.
 */
public interface AsAdmin {

    String ADMIN = "admin-tests";

    @BeforeEach
    default void callAsAdmin() {
        As.byDefault(Tokens.admin(ADMIN));
    }

    @AfterEach
    default void forgetTheAdmin() {
        As.nobodyByDefault();
    }
}
