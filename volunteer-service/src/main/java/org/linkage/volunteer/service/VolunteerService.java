package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.VolunteerDeactivated;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.volunteer.api.DutyRequest;
import org.linkage.volunteer.api.LivePositionConsentRequest;
import org.linkage.volunteer.api.LocationConsentRequest;
import org.linkage.volunteer.api.ProfileRequest;
import org.linkage.volunteer.api.RegisterVolunteerRequest;
import org.linkage.volunteer.api.SkillLevel;
import org.linkage.volunteer.api.SkillsRequest;
import org.linkage.volunteer.api.StatusRequest;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.domain.IdentityLink;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerGroupType;
import org.linkage.volunteer.domain.VolunteerStatus;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.repository.VolunteerGroupTypeRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class VolunteerService {

    private static final String REGISTER_SCOPE = "volunteer.register";
    static final String DEFAULT_LOCATION_PURPOSE = "Matching with needs near home";

    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final SkillCatalogue skillCatalogue;
    private final PersonalRecords erasure;
    private final AuditLog auditLog;
    private final IdentityLinks identityLinks;
    private final Invitations invitations;
    private final Catalogues catalogues;
    private final VolunteerGroupTypeRepository groupTypes;

    VolunteerService(VolunteerRepository volunteers, Outbox outbox, IdempotencyKeys idempotencyKeys,
                     SkillCatalogue skillCatalogue, PersonalRecords erasure, AuditLog auditLog,
                     IdentityLinks identityLinks, Invitations invitations, Catalogues catalogues,
                     VolunteerGroupTypeRepository groupTypes) {
        this.catalogues = catalogues;
        this.groupTypes = groupTypes;
        this.auditLog = auditLog;
        this.identityLinks = identityLinks;
        this.invitations = invitations;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.skillCatalogue = skillCatalogue;
        this.erasure = erasure;
    }

    /**
     * Registers a volunteer, or returns the one an earlier request with the same Idempotency-Key registered.
     * Staff vouch for the people they register, who are active at once and get an invitation code by SMS to link
     * their login; people registering themselves wait (PENDING) until staff approve them, and their login is linked
     * at once.
     */
    @Transactional
    public Volunteer register(@Valid @NotNull RegisterVolunteerRequest request, Registrant registrant,
                              String idempotencyKey) {
        UUID id = idempotencyKeys.once(REGISTER_SCOPE + registrant.scope(), idempotencyKey, request,
                () -> create(registrant, request, null).id);
        return volunteers.findById(id);
    }

    /** Registers a volunteer with profile details, as staff do from their spreadsheets. */
    Volunteer registerWithProfile(RegisterVolunteerRequest request, ProfileRequest profile, Registrant staff) {
        return create(staff, request, profile);
    }

    /**
     * Who registers a volunteer: staff (a new id, in their community unless the file says another), or the person
     * themselves with their login (issuer, subject): the id their provisioned account names, or a new one.
     *
     * @param by        staff's id, or null for the person themselves
     * @param community staff's community, the new volunteer's unless given; null for admins and people themselves
     */
    public record Registrant(UUID volunteerId, String by, String community, String issuer, String subject) {

        public static Registrant staff(String by, String community) {
            return new Registrant(UUID.randomUUID(), by, community, null, null);
        }

        /** @param provisioned the volunteer id the login already names (a claim), or null for a new one */
        public static Registrant self(UUID provisioned, String issuer, String subject) {
            return new Registrant(provisioned == null ? UUID.randomUUID() : provisioned, null, null, issuer,
                    subject);
        }

        boolean self() {
            return by == null;
        }

        VolunteerStatus initialStatus() {
            return self() ? VolunteerStatus.PENDING : VolunteerStatus.ACTIVE;
        }

        /** Keys of one person's own retries never meet those of staff; they follow the login, not a new id. */
        String scope() {
            return self() ? ".self." + issuer + "|" + subject : ".staff";
        }
    }

    private Volunteer create(Registrant registrant, RegisterVolunteerRequest request, ProfileRequest profile) {
        UUID id = registrant.volunteerId();
        VolunteerStatus status = registrant.initialStatus();
        skillCatalogue.requireKnown(request.skills(), Set.of(), i -> "skills[" + i + "]");
        if (registrant.self()) {
            identityLinks.requireNotLinkedElsewhere(id, registrant.issuer(), registrant.subject());
        }
        if (volunteers.findByIdOptional(id).isPresent()) {
            throw ProblemException.conflict("You are registered already");
        }
        if (request.homeLocation() != null && !request.locationConsent()) {
            throw ProblemException.invalid("locationConsent",
                    "must be true when a home location is given: it is stored only with consent");
        }
        String phone = normalisePhone(request.phone());
        if (volunteers.findByPhone(phone).isPresent()) {
            throw ProblemException.conflict("A volunteer with this phone is registered",
                    "phone", "is already registered");
        }
        Instant now = Instant.now();
        Volunteer volunteer = new Volunteer();
        volunteer.id = id;
        volunteer.name = request.name().strip();
        volunteer.phone = phone;
        request.skills().forEach(code -> volunteer.skills.put(code, 1));
        if (request.homeLocation() != null) {
            String purpose = request.locationConsentPurpose() == null || request.locationConsentPurpose().isBlank()
                    ? DEFAULT_LOCATION_PURPOSE : request.locationConsentPurpose().strip();
            GeoPoint home = request.homeLocation().toGeoPoint();
            volunteer.consentToLocation(home.latitude(), home.longitude(), purpose, now);
        }
        volunteer.onDuty = request.onDuty();
        if (profile != null) {
            applyProfile(volunteer, profile);
        }
        if (volunteer.homeCommunity == null) {
            volunteer.homeCommunity = registrant.community();
        }
        volunteer.status = status;
        volunteer.statusChangedAt = now;
        volunteer.createdAt = now;
        volunteer.updatedAt = now;
        volunteers.persist(volunteer);
        outbox.publish(VolunteerMapper.toRegistered(volunteer, groupTypeOf(volunteer)));
        volunteers.flush();
        if (registrant.self()) {
            identityLinks.link(id, registrant.issuer(), registrant.subject(), IdentityLink.Via.SELF_REGISTRATION,
                    id.toString());
        } else {
            invitations.issue(volunteer, registrant.by());
        }
        return volunteer;
    }

    public Optional<Volunteer> find(UUID id) {
        return volunteers.findByIdOptional(id);
    }

    public Page<Volunteer> list(VolunteerRepository.Filter filter, int page, int size) {
        return Page.of(volunteers.search(filter, page, size), page, size, volunteers.count(filter));
    }

    @Transactional
    public Optional<Volunteer> setOnDuty(UUID id, @Valid @NotNull DutyRequest request, String ifMatch) {
        return findChangeable(id, ifMatch).map(volunteer -> {
            if (volunteer.onDuty != request.onDuty()) {
                volunteer.onDuty = request.onDuty();
                touch(volunteer, true);
            }
            return volunteer;
        });
    }

    /** Replaces the volunteer's skills and levels; publishes VolunteerChanged when either changed. */
    @Transactional
    public Optional<Volunteer> setSkills(UUID id, @Valid @NotNull SkillsRequest request, String ifMatch) {
        List<String> codes = request.skills().stream().map(SkillLevel::code).toList();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.indexOf(codes.get(i)) < i) {
                throw ProblemException.invalid("skills[" + i + "].code", "is listed twice");
            }
        }
        Set<String> held = volunteers.findByIdOptional(id).map(volunteer -> Set.copyOf(volunteer.skills.keySet()))
                .orElse(Set.of());
        skillCatalogue.requireKnown(codes, held, i -> "skills[" + i + "].code");
        return findChangeable(id, ifMatch).map(volunteer -> {
            Map<String, Integer> levels = new TreeMap<>();
            request.skills().forEach(skill -> levels.put(skill.code(), skill.level()));
            if (!levels.equals(volunteer.skills)) {
                volunteer.skills.clear();
                volunteer.skills.putAll(levels);
                touch(volunteer, true);
            }
            return volunteer;
        });
    }

    /** Applies the fields the request carries; publishes VolunteerChanged when what matching sees changed. */
    @Transactional
    public Optional<Volunteer> updateProfile(UUID id, @Valid @NotNull ProfileRequest request, String ifMatch) {
        return findChangeable(id, ifMatch).map(volunteer -> {
            var before = VolunteerMapper.toChanged(volunteer, groupTypeOf(volunteer));
            applyProfile(volunteer, request);
            touch(volunteer, !VolunteerMapper.toChanged(volunteer, groupTypeOf(volunteer)).equals(before));
            return volunteer;
        });
    }

    private void applyProfile(Volunteer volunteer, ProfileRequest request) {
        if (request.birthYear() != null && request.birthYear() > Year.now().getValue()) {
            throw ProblemException.invalid("birthYear", "must not be in the future");
        }
        // A group type or organisation retired since stays with who holds it; nobody takes it up anew.
        String groupType = catalogues.requireUsableUnlessHeld(CatalogueKind.GROUP_TYPE, request.groupType(),
                volunteer.groupType, "groupType");
        String organisation = catalogues.requireUsableUnlessHeld(CatalogueKind.ORGANISATION, request.organisation(),
                volunteer.organisation, "organisation");
        if (request.name() != null) {
            volunteer.name = request.name().strip();
        }
        if (request.birthYear() != null) {
            volunteer.birthYear = request.birthYear();
        }
        if (request.gender() != null) {
            volunteer.gender = request.gender();
        }
        if (request.homeCommunity() != null) {
            volunteer.homeCommunity = request.homeCommunity().strip();
        }
        if (request.languages() != null) {
            volunteer.languages.clear();
            volunteer.languages.addAll(request.languages());
        }
        if (request.bio() != null) {
            volunteer.bio = request.bio().strip();
        }
        if (request.photoUrl() != null) {
            volunteer.photoUrl = request.photoUrl();
        }
        if (groupType != null) {
            volunteer.groupType = groupType;
        }
        if (organisation != null) {
            volunteer.organisation = organisation;
        }
    }

    /** The volunteer's group type, whose labels their events carry; null when none. */
    private VolunteerGroupType groupTypeOf(Volunteer volunteer) {
        return volunteer.groupType == null ? null : groupTypes.findById(volunteer.groupType);
    }

    /** Stores the home location with the volunteer's consent; matching learns it through VolunteerChanged. */
    @Transactional
    public Optional<Volunteer> consentToLocation(UUID id, @Valid @NotNull LocationConsentRequest request,
                                                 String ifMatch) {
        return findChangeable(id, ifMatch).map(volunteer -> {
            GeoPoint home = request.homeLocation().toGeoPoint();
            volunteer.consentToLocation(home.latitude(), home.longitude(), request.purpose().strip(), Instant.now());
            touch(volunteer, true);
            return volunteer;
        });
    }

    /** Removes the location with the consent; VolunteerChanged tells matching to forget it. */
    @Transactional
    public Optional<Volunteer> withdrawLocationConsent(UUID id, String ifMatch) {
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            boolean hadLocation = volunteer.homeLatitude != null;
            volunteer.withdrawLocationConsent(Instant.now());
            touch(volunteer, hadLocation);
            return volunteer;
        });
    }

    /**
     * Records the volunteer's own consent to share their live position while on duty; matching learns it through
     * VolunteerChanged and only then takes their pings.
     */
    @Transactional
    public Optional<Volunteer> consentToLivePosition(UUID id, @Valid @NotNull LivePositionConsentRequest request,
                                                     String ifMatch) {
        return findChangeable(id, ifMatch).map(volunteer -> {
            boolean had = volunteer.consentsToLivePosition();
            volunteer.consentToLivePosition(request.purpose().strip(), Instant.now());
            touch(volunteer, !had);
            return volunteer;
        });
    }

    /** Withdraws it; VolunteerChanged makes matching forget the position it holds at once. */
    @Transactional
    public Optional<Volunteer> withdrawLivePositionConsent(UUID id, String ifMatch) {
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            touch(volunteer, volunteer.withdrawLivePositionConsent(Instant.now()));
            return volunteer;
        });
    }

    /**
     * Moves the volunteer along the status machine; publishes VolunteerChanged (the active flag) and, when the
     * volunteer is deactivated, VolunteerDeactivated.
     */
    @Transactional
    public Optional<Volunteer> changeStatus(UUID id, @Valid @NotNull StatusRequest request, String ifMatch) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (request.status().requiresReason() && reason == null) {
            throw ProblemException.invalid("reason", "is required when the status becomes " + request.status());
        }
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            if (!volunteer.status.canBecome(request.status())) {
                throw ProblemException.conflict(
                        "A " + volunteer.status + " volunteer cannot become " + request.status(),
                        "status", "cannot change from " + volunteer.status);
            }
            String accessBefore = IdentityLinks.access(volunteer);
            volunteer.status = request.status();
            volunteer.statusReason = reason;
            volunteer.statusChangedAt = Instant.now();
            touch(volunteer, true);
            if (!IdentityLinks.access(volunteer).equals(accessBefore)) {
                identityLinks.accessChanged(volunteer);
            }
            if (volunteer.status == VolunteerStatus.DEACTIVATED) {
                outbox.publish(VolunteerDeactivated.of(volunteer.id, reason));
            }
            return volunteer;
        });
    }

    /**
     * Anonymises the volunteer at their request: name, phone, location, profile, skills, certifications,
     * availability and team memberships go; the hours ledger stays, now about no one. Publishes VolunteerChanged
     * (inactive, nothing personal), VolunteerDeactivated (unless they were already) and VolunteerErased. Erasing
     * again changes nothing.
     */
    @Transactional
    public Optional<Volunteer> erase(UUID id) {
        return volunteers.findByIdOptional(id).map(volunteer -> {
            if (volunteer.erasedAt != null) {
                return volunteer;
            }
            boolean wasDeactivated = volunteer.status == VolunteerStatus.DEACTIVATED;
            volunteer.erase(Instant.now());
            erasure.forgetRecordsOf(volunteer.id);
            auditLog.record(AuditAction.ERASE, "Volunteer", volunteer.id, "erasure at the volunteer's request");
            touch(volunteer, true);
            if (!wasDeactivated) {
                outbox.publish(VolunteerDeactivated.of(volunteer.id, volunteer.statusReason));
            }
            outbox.publish(VolunteerErased.of(volunteer.id));
            identityLinks.accessChanged(volunteer);
            identityLinks.unlinkAll(volunteer.id);
            return volunteer;
        });
    }

    /** The volunteer if it exists and If-Match allows the change; an erased volunteer changes no more. */
    private Optional<Volunteer> findChangeable(UUID id, String ifMatch) {
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            requireNotErased(volunteer);
            return volunteer;
        });
    }

    /** @throws ProblemException 409 when the volunteer's data was erased */
    static void requireNotErased(Volunteer volunteer) {
        if (volunteer.erasedAt != null) {
            throw ProblemException.conflict("Volunteer " + volunteer.id + " was erased at their request");
        }
    }

    /** Flushes so that the version (the ETag) is current, and tells other services when their view is stale. */
    private void touch(Volunteer volunteer, boolean othersMustKnow) {
        volunteer.updatedAt = Instant.now();
        volunteers.flush();
        if (othersMustKnow) {
            outbox.publish(VolunteerMapper.toChanged(volunteer, groupTypeOf(volunteer)));
        }
    }

    static String normalisePhone(String phone) {
        return ChinaMobile.national(phone).orElse(phone);
    }
}
