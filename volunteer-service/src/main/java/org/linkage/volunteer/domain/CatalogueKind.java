package org.linkage.volunteer.domain;

/** The catalogues admins manage here; each names its entries in audit rows and its list in messages. */
public enum CatalogueKind {
    SKILL("Skill", "skills catalogue"),
    CERTIFICATION_TYPE("CertificationType", "certification types catalogue"),
    TRAINING_COURSE("TrainingCourse", "training catalogue");

    /** The audit log's resource type, and the noun of "... does not exist". */
    public final String resourceType;
    public final String catalogue;

    CatalogueKind(String resourceType, String catalogue) {
        this.resourceType = resourceType;
        this.catalogue = catalogue;
    }
}
