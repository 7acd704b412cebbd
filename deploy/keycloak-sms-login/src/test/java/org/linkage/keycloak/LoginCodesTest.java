package org.linkage.keycloak;

import org.junit.jupiter.api.Test;
import org.linkage.keycloak.LoginCodes.Attempt;
import org.linkage.keycloak.LoginCodes.Outcome;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginCodesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void onlyMainlandMobileNumbersAreTakenAndWrittenInE164() {
        assertEquals(Optional.of("+8613800138000"), LoginCodes.mobileNumber("13800138000"));
        assertEquals(Optional.of("+8619912345678"), LoginCodes.mobileNumber(" +8619912345678 "));
        assertEquals(Optional.empty(), LoginCodes.mobileNumber("01062345678"), "a Beijing landline");
        assertEquals(Optional.empty(), LoginCodes.mobileNumber("12800138000"));
        assertEquals(Optional.empty(), LoginCodes.mobileNumber("+85291234567"), "Hong Kong");
        assertEquals(Optional.empty(), LoginCodes.mobileNumber(null));
    }

    @Test
    void codesAreSixDigits() {
        for (int i = 0; i < 100; i++) {
            assertTrue(LoginCodes.newCode().matches("[0-9]{6}"));
        }
    }

    @Test
    void theStoreNeverHoldsTheCodeAndTheSameCodeHashesDifferentlyEachTime() {
        Map<String, String> first = LoginCodes.issued("418207", NOW.plusSeconds(300), 5);
        Map<String, String> second = LoginCodes.issued("418207", NOW.plusSeconds(300), 5);
        assertFalse(first.containsValue("418207"), first.toString());
        assertFalse(first.get("hash").equals(second.get("hash")), "a random salt per code");
    }

    @Test
    void theRightCodeWinsOnceAndIsDropped() {
        Attempt attempt = LoginCodes.attempt(LoginCodes.issued("418207", NOW.plusSeconds(300), 5), " 418207", NOW);
        assertEquals(Outcome.RIGHT, attempt.outcome());
        assertTrue(attempt.keep().isEmpty(), "single use");
    }

    @Test
    void wrongCodesCountDownThenTheCodeIsLockedEvenForTheRightOne() {
        Map<String, String> state = LoginCodes.issued("418207", NOW.plusSeconds(300), 3);
        Attempt first = LoginCodes.attempt(state, "000000", NOW);
        assertEquals(Outcome.WRONG, first.outcome());
        assertEquals(2, first.attemptsLeft());
        Attempt second = LoginCodes.attempt(first.keep().orElseThrow(), "111111", NOW);
        assertEquals(1, second.attemptsLeft());
        Attempt third = LoginCodes.attempt(second.keep().orElseThrow(), "222222", NOW);
        assertEquals(Outcome.LOCKED, third.outcome());
        assertTrue(third.keep().isEmpty(), "dropped: a new code must be asked for");
    }

    @Test
    void anExpiredCodeIsRefusedEvenWhenRight() {
        Map<String, String> state = LoginCodes.issued("418207", NOW.plusSeconds(300), 5);
        assertEquals(Outcome.RIGHT, LoginCodes.attempt(state, "418207", NOW.plusSeconds(299)).outcome());
        assertEquals(Outcome.EXPIRED, LoginCodes.attempt(state, "418207", NOW.plusSeconds(300)).outcome());
    }
}
