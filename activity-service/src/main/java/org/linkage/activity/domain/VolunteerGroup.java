package org.linkage.activity.domain;

import java.util.List;

/**
 * The groups the district organises volunteers in, as volunteer-service names them in its events; a need may be
 * restricted to some, an activity open to some only.
 */
public enum VolunteerGroup {
    COLLEGE_STUDENT, COMMUNITY_MOTHER, PARTY_MEMBER, RIDER, RESIDENT, OTHER;

    /** The groups' names, each once, in the order given. */
    public static List<String> names(List<VolunteerGroup> groups) {
        return groups.stream().distinct().map(Enum::name).toList();
    }
}
