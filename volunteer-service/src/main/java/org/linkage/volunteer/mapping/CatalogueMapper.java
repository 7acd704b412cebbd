package org.linkage.volunteer.mapping;

import org.linkage.volunteer.api.CatalogueEntryResponse;
import org.linkage.volunteer.api.OrganisationResponse;
import org.linkage.volunteer.api.TrainingCourseResponse;
import org.linkage.volunteer.domain.CatalogueEntry;
import org.linkage.volunteer.domain.Organisation;
import org.linkage.volunteer.domain.TrainingCourse;

public final class CatalogueMapper {

    public static CatalogueEntryResponse toResponse(CatalogueEntry entry) {
        return new CatalogueEntryResponse(entry.code, entry.nameZh, entry.nameEn, entry.retiredAt);
    }

    public static TrainingCourseResponse toResponse(TrainingCourse course) {
        return new TrainingCourseResponse(course.code, course.nameZh, course.nameEn, course.validityMonths,
                course.retiredAt);
    }

    public static OrganisationResponse toResponse(Organisation organisation) {
        return new OrganisationResponse(organisation.code, organisation.nameZh, organisation.nameEn,
                organisation.groupType, organisation.retiredAt);
    }

    private CatalogueMapper() {
    }
}
