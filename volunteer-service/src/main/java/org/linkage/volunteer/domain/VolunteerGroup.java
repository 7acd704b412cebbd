package org.linkage.volunteer.domain;

import java.util.Map;

/** The groups the district organises volunteers in. */
public enum VolunteerGroup {
    COLLEGE_STUDENT, COMMUNITY_MOTHER, PARTY_MEMBER, RIDER, RESIDENT, OTHER;

    /** How staff write the groups in their spreadsheets. */
    public static final Map<String, VolunteerGroup> CHINESE = Map.of(
            "大学生", COLLEGE_STUDENT, "返乡大学生", COLLEGE_STUDENT, "社区妈妈", COMMUNITY_MOTHER,
            "党员", PARTY_MEMBER, "在职党员", PARTY_MEMBER, "骑手", RIDER, "外卖骑手", RIDER, "快递小哥", RIDER,
            "居民", RESIDENT, "其他", OTHER);
}
