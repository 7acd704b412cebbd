package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Page;
import org.linkage.events.volunteer.TrainingCompleted;
import org.linkage.volunteer.api.TrainingRequest;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.domain.TrainingCourse;
import org.linkage.volunteer.domain.TrainingRecord;
import org.linkage.volunteer.repository.TrainingRecordRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TrainingService {

    private final Catalogues catalogues;
    private final TrainingRecordRepository records;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final DistrictConfig district;

    TrainingService(Catalogues catalogues, TrainingRecordRepository records, VolunteerRepository volunteers,
                    Outbox outbox, IdempotencyKeys idempotencyKeys, DistrictConfig district) {
        this.catalogues = catalogues;
        this.records = records;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.district = district;
    }

    /** Records a completion and publishes TrainingCompleted; empty when the volunteer does not exist. */
    @Transactional
    public Optional<TrainingRecord> record(UUID volunteerId, @Valid @NotNull TrainingRequest request,
                                           String idempotencyKey) {
        TrainingCourse course = catalogues.requireUsable(CatalogueKind.TRAINING_COURSE, request.courseCode(),
                "courseCode");
        if (request.completedOn().isAfter(district.today())) {
            throw ProblemException.invalid("completedOn", "must not be in the future");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.completedOn())) {
            throw ProblemException.invalid("validUntil", "must not be before completedOn");
        }
        var volunteer = volunteers.findByIdOptional(volunteerId);
        if (volunteer.isEmpty()) {
            return Optional.empty();
        }
        VolunteerService.requireNotErased(volunteer.get());
        UUID id = idempotencyKeys.once("volunteer.training." + volunteerId, idempotencyKey, request,
                () -> create(volunteerId, course, request).id);
        return records.findByIdOptional(id);
    }

    private TrainingRecord create(UUID volunteerId, TrainingCourse course, TrainingRequest request) {
        if (records.exists(volunteerId, course.code, request.completedOn())) {
            throw ProblemException.conflict("This completion of " + course.code + " is already recorded",
                    "completedOn", "is already recorded for this course");
        }
        TrainingRecord record = new TrainingRecord();
        record.id = UUID.randomUUID();
        record.volunteerId = volunteerId;
        record.courseCode = course.code;
        record.completedOn = request.completedOn();
        record.validUntil = request.validUntil() != null ? request.validUntil()
                : course.defaultValidUntil(request.completedOn());
        record.createdAt = Instant.now();
        records.persist(record);
        outbox.publish(TrainingCompleted.of(volunteerId, record.courseCode, record.completedOn, record.validUntil));
        return record;
    }

    /** Empty when the volunteer does not exist. */
    public Optional<Page<TrainingRecord>> list(UUID volunteerId, int page, int size) {
        return volunteers.findByIdOptional(volunteerId).map(volunteer -> Page.of(
                records.of(volunteerId, page, size), page, size, records.countOf(volunteerId)));
    }

    public LocalDate today() {
        return district.today();
    }
}
