package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.ConsentRequest;
import org.linkage.activity.api.FileEntryRequest;
import org.linkage.activity.api.GuardianRequest;
import org.linkage.activity.api.RegisterBeneficiaryRequest;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.Consent;
import org.linkage.activity.domain.ConsentRelation;
import org.linkage.activity.domain.FileEntry;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.domain.Guardian;
import org.linkage.activity.repository.BeneficiaryRepository;
import org.linkage.activity.repository.ConsentRepository;
import org.linkage.activity.repository.FileEntryRepository;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryService {

    private static final String REGISTER_SCOPE = "beneficiary.register";

    private final BeneficiaryRepository beneficiaries;
    private final ConsentRepository consents;
    private final FileEntryRepository fileEntries;
    private final IdempotencyKeys idempotencyKeys;
    private final DistrictConfig district;
    private final CurrentUser user;

    BeneficiaryService(BeneficiaryRepository beneficiaries, ConsentRepository consents,
                       FileEntryRepository fileEntries, IdempotencyKeys idempotencyKeys, DistrictConfig district,
                       CurrentUser user) {
        this.beneficiaries = beneficiaries;
        this.consents = consents;
        this.fileEntries = fileEntries;
        this.idempotencyKeys = idempotencyKeys;
        this.district = district;
        this.user = user;
    }

    @Transactional
    public Beneficiary register(@Valid @NotNull RegisterBeneficiaryRequest request, String idempotencyKey) {
        ruleViolations(request).stream().findFirst().ifPresent(violation -> {
            throw ProblemException.invalid(violation.field(), violation.message());
        });
        UUID id = idempotencyKeys.once(REGISTER_SCOPE, idempotencyKey, request, () -> create(request).id);
        return beneficiaries.findById(id);
    }

    /** What bean validation cannot tell: a child needs a birth date, a child under 14 a guardian. */
    public List<Violation> ruleViolations(RegisterBeneficiaryRequest request) {
        if (request.focusGroup() == FocusGroup.CHILD && request.birthDate() == null) {
            return List.of(new Violation("birthDate", "is required for a child"));
        }
        if (Beneficiary.isMinor(request.birthDate(), district.today()) && request.guardian() == null) {
            return List.of(new Violation("guardian", "is required for a child under " + Beneficiary.AGE_OF_CONSENT));
        }
        return List.of();
    }

    private Beneficiary create(RegisterBeneficiaryRequest request) {
        Instant now = DatabaseClock.now();
        Beneficiary beneficiary = new Beneficiary();
        beneficiary.id = UUID.randomUUID();
        beneficiary.focusGroup = request.focusGroup();
        beneficiary.fullName = request.fullName().strip();
        beneficiary.phone = request.phone();
        beneficiary.address = request.address().strip();
        beneficiary.birthDate = request.birthDate();
        GeoPoint home = request.home().toGeoPoint();
        beneficiary.homeLatitude = home.latitude();
        beneficiary.homeLongitude = home.longitude();
        beneficiary.community = request.community().strip();
        beneficiary.socialWorkerId = request.socialWorkerId().strip();
        beneficiary.guardian = guardianOf(request.guardian());
        beneficiary.createdAt = now;
        beneficiary.updatedAt = now;
        beneficiaries.persist(beneficiary);
        return beneficiary;
    }

    @Transactional
    public Beneficiary setGuardian(UUID id, @Valid @NotNull GuardianRequest request, String ifMatch) {
        Beneficiary beneficiary = require(id);
        ETags.requireMatch(ifMatch, beneficiary.version);
        beneficiary.guardian = guardianOf(request);
        beneficiary.updatedAt = DatabaseClock.now();
        beneficiaries.flush();
        return beneficiary;
    }

    @Transactional
    public Consent recordConsent(UUID beneficiaryId, @Valid @NotNull ConsentRequest request) {
        String recordedBy = user.actor("recordedBy", request.recordedBy());
        Beneficiary beneficiary = require(beneficiaryId);
        if (beneficiary.isMinorOn(district.today()) && request.relation() != ConsentRelation.GUARDIAN) {
            throw ProblemException.unprocessable("relation", "must be GUARDIAN: a child under "
                    + Beneficiary.AGE_OF_CONSENT + " cannot consent");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.beneficiaryId = beneficiaryId;
        consent.givenBy = request.givenBy().strip();
        consent.relation = request.relation();
        consent.purpose = request.purpose();
        consent.givenAt = request.givenAt();
        consent.recordedBy = recordedBy;
        consent.recordedAt = DatabaseClock.now();
        consents.persist(consent);
        return consent;
    }

    @Transactional
    public FileEntry addFileEntry(UUID beneficiaryId, @Valid @NotNull FileEntryRequest request) {
        String author = user.actor("author", request.author());
        require(beneficiaryId);
        FileEntry entry = new FileEntry();
        entry.id = UUID.randomUUID();
        entry.beneficiaryId = beneficiaryId;
        entry.kind = request.kind();
        entry.text = request.text().strip();
        entry.occurredAt = request.occurredAt();
        entry.author = author;
        entry.createdAt = DatabaseClock.now();
        fileEntries.persist(entry);
        return entry;
    }

    /**
     * Refuses processing a minor's data unless their guardian consented to that purpose (a kind of help, a
     * micro-wish).
     *
     * @throws ProblemException 422 naming beneficiaryId
     */
    public void requireConsentFor(Beneficiary beneficiary, String category) {
        if (beneficiary.isMinorOn(district.today())
                && !consents.exists(beneficiary.id, ConsentRelation.GUARDIAN, category)) {
            throw ProblemException.unprocessable("beneficiaryId", "is a child under " + Beneficiary.AGE_OF_CONSENT
                    + " without a guardian's consent to " + category);
        }
    }

    public Optional<Beneficiary> find(UUID id) {
        return beneficiaries.findByIdOptional(id);
    }

    public Beneficiary require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Beneficiary", id));
    }

    public Page<Beneficiary> list(BeneficiaryRepository.Filter filter, int page, int size) {
        return Page.of(beneficiaries.search(filter, page, size), page, size, beneficiaries.count(filter));
    }

    public List<Consent> consentsOf(UUID beneficiaryId) {
        require(beneficiaryId);
        return consents.of(beneficiaryId);
    }

    public Page<FileEntry> fileOf(UUID beneficiaryId, int page, int size) {
        require(beneficiaryId);
        return Page.of(fileEntries.of(beneficiaryId, page, size), page, size, fileEntries.countOf(beneficiaryId));
    }

    private static Guardian guardianOf(GuardianRequest request) {
        return request == null ? null
                : new Guardian(request.name().strip(), request.phone().strip(), request.relation().strip());
    }
}
