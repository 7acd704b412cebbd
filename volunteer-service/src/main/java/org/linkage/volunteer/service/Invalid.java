package org.linkage.volunteer.service;

import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;

import java.util.List;
import java.util.stream.Collectors;

/** Rejects a request that fails checks bean validation cannot express, with every violation found. */
final class Invalid {

    /** @throws ProblemException 400 listing the violations, if there are any */
    static void rejectIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")),
                    violations);
        }
    }

    private Invalid() {
    }
}
