package org.linkage.activity.service;

import org.linkage.chassis.problem.ProblemException;


/** The client error the chassis has no factory for. */
public final class Problems {

    /** 409: the thing is not in a state that allows the action. */
    public static ProblemException invalidTransition(String what, Object status, String action) {
        return ProblemException.conflict(what + " is " + status + " and cannot be " + action);
    }

    private Problems() {
    }
}
