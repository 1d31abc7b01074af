package org.capledger.query.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the steps of a calculation in order. Not thread-safe; one per calculation. */
final class Working {

    private final List<Step> steps = new ArrayList<>();

    void step(String source, String description, Figure... figures) {
        steps.add(new Step(description, Arrays.asList(figures), source));
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
