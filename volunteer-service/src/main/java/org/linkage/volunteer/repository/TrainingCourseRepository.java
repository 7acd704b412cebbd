package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.TrainingCourse;

import java.util.List;

@ApplicationScoped
public class TrainingCourseRepository implements PanacheRepositoryBase<TrainingCourse, String> {

    public List<TrainingCourse> catalogue() {
        return listAll(Sort.by("code"));
    }
}
