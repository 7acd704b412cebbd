package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.ClaimRequest;
import org.linkage.activity.api.ConfirmationRequest;
import org.linkage.activity.api.FulfilmentRequest;
import org.linkage.activity.api.PostMicroWishRequest;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.MicroWish;
import org.linkage.activity.domain.MicroWishStatus;
import org.linkage.activity.domain.NeedCategory;
import org.linkage.activity.repository.BeneficiaryRepository;
import org.linkage.activity.repository.MicroWishRepository;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.web.Page;

import java.util.UUID;

@ApplicationScoped
public class MicroWishService {

    private static final String POST_SCOPE = "micro-wish.post";

    private final MicroWishRepository wishes;
    private final BeneficiaryRepository beneficiaries;
    private final IdempotencyKeys idempotencyKeys;
    private final CurrentUser user;
    private final Limits limits;
    private final BeneficiaryService consents;

    MicroWishService(MicroWishRepository wishes, BeneficiaryRepository beneficiaries,
                     IdempotencyKeys idempotencyKeys, CurrentUser user, Limits limits, BeneficiaryService consents) {
        this.limits = limits;
        this.consents = consents;
        this.wishes = wishes;
        this.beneficiaries = beneficiaries;
        this.idempotencyKeys = idempotencyKeys;
        this.user = user;
    }

    @Transactional
    public MicroWish post(@Valid @NotNull PostMicroWishRequest request, String idempotencyKey) {
        String postedBy = user.actor("postedBy", request.postedBy());
        if (request.beneficiaryId() != null) {
            Beneficiary beneficiary = beneficiaries.findByIdOptional(request.beneficiaryId())
                    .orElseThrow(() -> ProblemException.unprocessable("beneficiaryId", "does not exist"));
            consents.requireConsentFor(beneficiary, NeedCategory.MICRO_WISH_PURPOSE);
        }
        UUID id = idempotencyKeys.once(POST_SCOPE, idempotencyKey, request, () -> {
            MicroWish wish = new MicroWish();
            wish.id = UUID.randomUUID();
            wish.title = request.title().strip();
            wish.description = request.description() == null ? null : request.description().strip();
            wish.community = request.community().strip();
            wish.postedBy = postedBy;
            wish.beneficiaryId = request.beneficiaryId();
            wish.status = MicroWishStatus.OPEN;
            wish.createdAt = DatabaseClock.now();
            wishes.persist(wish);
            return wish.id;
        });
        return wishes.findById(id);
    }

    /**
     * One claimer: of volunteers claiming at once exactly one succeeds, the others get 409. A volunteer holds only a
     * few claimed wishes not yet fulfilled (422 on volunteerId), so that nobody takes every wish of a community.
     */
    @Transactional
    public MicroWish claim(UUID id, @Valid @NotNull ClaimRequest request) {
        int outstanding = limits.lockWishClaims(request.volunteerId());
        if (wishes.claimedBy(request.volunteerId()) >= outstanding) {
            require(id);
            throw ProblemException.unprocessable("volunteerId", "already holds " + outstanding
                    + " claimed micro-wishes not yet fulfilled: fulfil one first");
        }
        boolean claimed = wishes.claim(id, request.volunteerId(), DatabaseClock.now());
        MicroWish wish = require(id);
        if (!claimed) {
            throw Problems.invalidTransition("Micro-wish " + id, wish.status, "claimed");
        }
        return wish;
    }

    @Transactional
    public MicroWish fulfil(UUID id, @Valid @NotNull FulfilmentRequest request) {
        MicroWish wish = require(id);
        if (wish.status != MicroWishStatus.CLAIMED) {
            throw Problems.invalidTransition("Micro-wish " + id, wish.status, "fulfilled");
        }
        if (!wish.claimedBy.equals(request.volunteerId())) {
            throw ProblemException.unprocessable("volunteerId", "did not claim this wish");
        }
        wish.fulfilmentNote = request.note().strip();
        wish.photoUrl = request.photoUrl();
        wish.fulfilledAt = DatabaseClock.now();
        wish.status = MicroWishStatus.FULFILLED;
        wishes.flush();
        return wish;
    }

    @Transactional
    public MicroWish confirm(UUID id, @Valid @NotNull ConfirmationRequest request) {
        String confirmedBy = user.actor("confirmedBy", request.confirmedBy());
        MicroWish wish = require(id);
        if (wish.status != MicroWishStatus.FULFILLED) {
            throw Problems.invalidTransition("Micro-wish " + id, wish.status, "confirmed");
        }
        wish.confirmedBy = confirmedBy;
        wish.confirmedAt = DatabaseClock.now();
        wish.status = MicroWishStatus.CONFIRMED;
        wishes.flush();
        return wish;
    }

    public MicroWish require(UUID id) {
        return wishes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Micro-wish", id));
    }

    public Page<MicroWish> list(MicroWishRepository.Filter filter, int page, int size) {
        return Page.of(wishes.search(filter, page, size), page, size, wishes.count(filter));
    }
}
