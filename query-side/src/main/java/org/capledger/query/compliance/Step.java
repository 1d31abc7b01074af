package org.capledger.query.compliance;

import java.util.List;

/**
 * One step of a report's working, in the order the calculation took it, so that a JSON or PDF report can show how
 * each number was reached.
 *
 * @param description what the step did and what it found, in one or two sentences with the figures written out
 * @param figures     the figures the step used and produced, in the order the description names them; never
 *                    {@code null}
 * @param source      the rule the step applies: a statute, a regulation or an agency's published instructions
 *                    (for example {@code "8 Del. C. §503(a)(1)"}), or the reading this implementation chose where
 *                    the sources leave a question open
 */
public record Step(String description, List<Figure> figures, String source) {

    public Step {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }
}
