package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** What every managed catalogue's entry has: a code others refer to, its labels, and whether it was retired. */
@MappedSuperclass
public abstract class CatalogueEntry {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    /** When an admin retired it; a retired entry is refused for new use but kept for what refers to it. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }
}
