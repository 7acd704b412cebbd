package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The adult who answers for a minor and gives consent on their behalf. */
@Embeddable
public class Guardian {

    @Column(name = "guardian_name")
    public String name;

    @Column(name = "guardian_phone")
    public String phone;

    /** e.g. mother, grandfather. */
    @Column(name = "guardian_relation")
    public String relation;

    protected Guardian() {
    }

    public Guardian(String name, String phone, String relation) {
        this.name = name;
        this.phone = phone;
        this.relation = relation;
    }
}
