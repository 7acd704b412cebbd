package org.linkage.activity.mapping;

import org.linkage.activity.api.MicroWishResponse;
import org.linkage.activity.domain.MicroWish;

import java.time.Instant;

public final class MicroWishMapper {

    public static MicroWishResponse toResponse(MicroWish wish, Instant now) {
        return new MicroWishResponse(wish.id, wish.title, wish.description, wish.community, wish.postedBy,
                wish.beneficiaryId, wish.status, wish.daysOpen(now), wish.claimedBy, wish.claimedAt,
                wish.fulfilmentNote, wish.photoUrl, wish.fulfilledAt, wish.confirmedBy, wish.confirmedAt,
                wish.createdAt);
    }

    private MicroWishMapper() {
    }
}
