package org.linkage.matching.service;

import org.linkage.events.GeoPoint;
import org.linkage.matching.domain.Candidate;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Decides who may be offered a need and in which order: the nearest eligible volunteers first. */
public final class CandidateRanker {

    public record Ranked(Candidate candidate, int distanceMetres) {
    }

    /**
     * @param alreadyOffered volunteers offered this need before, whatever they answered: nobody is asked twice
     * @param limit          how many to return at most
     * @return the eligible candidates, nearest first (ties by volunteer id, so the order is stable)
     */
    public static List<Ranked> best(GeoPoint needLocation, String requiredSkill, Collection<Candidate> candidates,
                                    Set<UUID> alreadyOffered, int maxDistanceMetres, int limit) {
        return candidates.stream()
                .filter(candidate -> candidate.active)
                .filter(candidate -> candidate.skills.contains(requiredSkill))
                .filter(candidate -> candidate.homeLocation() != null)
                .filter(candidate -> !alreadyOffered.contains(candidate.volunteerId))
                .map(candidate -> new Ranked(candidate,
                        (int) Math.round(needLocation.distanceMetresTo(candidate.homeLocation()))))
                .filter(ranked -> ranked.distanceMetres() <= maxDistanceMetres)
                .sorted(Comparator.comparingInt(Ranked::distanceMetres)
                        .thenComparing(ranked -> ranked.candidate().volunteerId))
                .limit(limit)
                .toList();
    }

    private CandidateRanker() {
    }
}
