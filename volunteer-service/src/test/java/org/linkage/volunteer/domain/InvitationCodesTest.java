package org.linkage.volunteer.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvitationCodesTest {

    private static final String PEPPER = "test-pepper";
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private static Invitation invitation(String code) {
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.codeHash = InvitationCodes.hash(PEPPER, invitation.id, code);
        invitation.status = Invitation.Status.PENDING;
        invitation.expiresAt = NOW.plus(Duration.ofHours(72));
        return invitation;
    }

    @Test
    void codesAreSixDigitsWithLeadingZerosKeptAndVary() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = InvitationCodes.newCode();
            assertTrue(code.matches("[0-9]{6}"), code);
            codes.add(code);
        }
        assertTrue(codes.size() > 190, "codes repeat too often: " + codes.size());
    }

    @Test
    void onlyAKeyedHashIsKeptAndItMatchesOnlyTheRightCodeUnderTheRightPepper() {
        Invitation invitation = invitation("042917");
        assertEquals(64, invitation.codeHash.length());
        assertFalse(invitation.codeHash.contains("042917"));
        assertTrue(InvitationCodes.matches(PEPPER, invitation, "042917"));
        assertFalse(InvitationCodes.matches(PEPPER, invitation, "042918"));
        assertFalse(InvitationCodes.matches("another-pepper", invitation, "042917"));
        assertNotEquals(invitation.codeHash, invitation("042917").codeHash, "the same code hashes apart per invitation");
    }

    @Test
    void aCodeIsOpenUntilItExpires() {
        Invitation invitation = invitation("123456");
        assertEquals(InvitationCodes.Standing.OPEN, InvitationCodes.standing(invitation, NOW));
        assertEquals(InvitationCodes.Standing.OPEN,
                InvitationCodes.standing(invitation, invitation.expiresAt.minusMillis(1)));
        assertEquals(InvitationCodes.Standing.EXPIRED, InvitationCodes.standing(invitation, invitation.expiresAt));
    }

    @Test
    void fiveWrongCodesLockTheInvitationAndTheLastOneSaysNoneAreLeft() {
        Invitation invitation = invitation("123456");
        for (int left = 4; left >= 1; left--) {
            assertEquals(left, InvitationCodes.wrongCode(invitation, 5, NOW));
            assertEquals(InvitationCodes.Standing.OPEN, InvitationCodes.standing(invitation, NOW));
        }
        assertEquals(0, InvitationCodes.wrongCode(invitation, 5, NOW));
        assertEquals(InvitationCodes.Standing.LOCKED, InvitationCodes.standing(invitation, NOW));
        assertEquals(NOW, invitation.closedAt);
    }

    @Test
    void aUsedRevokedOrReplacedInvitationIsClosed() {
        for (Invitation.Status closed : new Invitation.Status[]{Invitation.Status.REDEEMED,
                Invitation.Status.REVOKED, Invitation.Status.SUPERSEDED}) {
            Invitation invitation = invitation("123456");
            invitation.status = closed;
            assertEquals(InvitationCodes.Standing.CLOSED, InvitationCodes.standing(invitation, NOW));
        }
    }
}
