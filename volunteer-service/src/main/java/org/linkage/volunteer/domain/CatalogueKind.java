package org.linkage.volunteer.domain;

import java.util.regex.Pattern;

/** The catalogues admins manage here; each names its entries in audit rows and its list in messages. */
public enum CatalogueKind {
    SKILL("Skill", "skills catalogue", "/api/v1/skills", Codes.KEBAB),
    CERTIFICATION_TYPE("CertificationType", "certification types catalogue", "/api/v1/certification-types",
            Codes.KEBAB),
    TRAINING_COURSE("TrainingCourse", "training catalogue", "/api/v1/training-courses", Codes.KEBAB),
    /** Upper case with underscores, as the group types needs and activities name (RIDER) always were. */
    GROUP_TYPE("VolunteerGroupType", "group types catalogue", "/api/v1/volunteer-group-types", Codes.UPPER),
    ORGANISATION("Organisation", "organisations catalogue", "/api/v1/organisations", Codes.KEBAB);

    /** The audit log's resource type, and the noun of "... does not exist". */
    public final String resourceType;
    public final String catalogue;
    /** Where the catalogue is listed, and its entries under it. */
    public final String path;
    /** What a new entry's code looks like. */
    public final Codes codes;

    CatalogueKind(String resourceType, String catalogue, String path, Codes codes) {
        this.resourceType = resourceType;
        this.catalogue = catalogue;
        this.path = path;
        this.codes = codes;
    }

    /** The two spellings of codes: either is accepted by the request, each catalogue insists on its own. */
    public enum Codes {
        KEBAB("[a-z0-9]+(-[a-z0-9]+)*", "must be lower-case letters and digits joined by hyphens, e.g. first-aid"),
        UPPER("[A-Z0-9]+(_[A-Z0-9]+)*",
                "must be upper-case letters and digits joined by underscores, e.g. RETIRED_TEACHER");

        public static final String EITHER = "[a-z0-9]+(-[a-z0-9]+)*|[A-Z0-9]+(_[A-Z0-9]+)*";

        public final Pattern pattern;
        public final String rule;

        Codes(String regex, String rule) {
            this.pattern = Pattern.compile(regex);
            this.rule = rule;
        }
    }
}
