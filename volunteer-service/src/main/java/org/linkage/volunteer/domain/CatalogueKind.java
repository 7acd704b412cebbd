package org.linkage.volunteer.domain;

/** The catalogues admins manage here; each names its entries in audit rows and its list in messages. */
public enum CatalogueKind {
    SKILL("Skill", "skills catalogue", "/api/v1/skills"),
    CERTIFICATION_TYPE("CertificationType", "certification types catalogue", "/api/v1/certification-types"),
    TRAINING_COURSE("TrainingCourse", "training catalogue", "/api/v1/training-courses");

    /** The audit log's resource type, and the noun of "... does not exist". */
    public final String resourceType;
    public final String catalogue;
    /** Where the catalogue is listed, and its entries under it. */
    public final String path;

    CatalogueKind(String resourceType, String catalogue, String path) {
        this.resourceType = resourceType;
        this.catalogue = catalogue;
        this.path = path;
    }
}
