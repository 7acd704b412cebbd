package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.FileEntry;
import org.linkage.chassis.web.PageRequest;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FileEntryRepository implements PanacheRepositoryBase<FileEntry, UUID> {

    public List<FileEntry> of(UUID beneficiaryId, int page, int size) {
        return find("beneficiaryId", Sort.descending("occurredAt", "id"), beneficiaryId)
                .page(PageRequest.of(page, size)).list();
    }

    public long countOf(UUID beneficiaryId) {
        return count("beneficiaryId", beneficiaryId);
    }
}
