package org.linkage.activity.domain;

import java.util.Set;

/**
 * The groups the district organises volunteers in, by the codes of volunteer-service's catalogue of group types
 * (admins add to it); a need may be restricted to some, an activity open to some only.
 */
public final class VolunteerGroup {

    /** A group type's code, as the catalogue writes it. */
    public static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    public static final String CODE_MESSAGE = "must be a volunteer group type such as RIDER";
    /** The types every district's catalogue starts with: accepted even before any volunteer of theirs is known. */
    public static final Set<String> BUILT_IN = Set.of("COLLEGE_STUDENT", "COMMUNITY_MOTHER", "PARTY_MEMBER", "RIDER",
            "RESIDENT", "OTHER");

    private VolunteerGroup() {
    }
}
