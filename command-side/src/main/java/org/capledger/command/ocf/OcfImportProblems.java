package org.capledger.command.ocf;

import org.capledger.command.ocf.OcfPackageIndex.Place;
import org.capledger.platform.ocf.OcfReport.Item;
import org.capledger.platform.ocf.OcfReport.Rule;

/** The report items the importer adds to the validator's. */
final class OcfImportProblems {

    private OcfImportProblems() {
    }

    /** Thrown while mapping one object or transaction; becomes one report item at its place. */
    static final class MappingException extends RuntimeException {
        final Rule rule;

        MappingException(Rule rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }
    }

    static MappingException unknown(String kind, String id) {
        return new MappingException(Rule.UNKNOWN_REFERENCE, "No " + kind + " '" + id + "' in the package"
                + (kind.equals("security") ? " (or it was extinguished by an earlier transaction)" : ""));
    }

    static MappingException unsupported(String what) {
        return new MappingException(Rule.UNSUPPORTED, what + " is not imported yet (docs/ocf.md, \"Not supported\")");
    }

    static Item at(Place place, Rule rule, String message) {
        return Item.error(rule, place.file(), place.id(), place.path(), message);
    }

    static Item duplicate(Place place, Place earlier) {
        return at(place, Rule.DUPLICATE_ID, "The id '" + place.id() + "' is also the id of " + earlier.path()
                + " in " + earlier.file());
    }

    static Item duplicateTransaction(Place place) {
        return at(place, Rule.DUPLICATE_ID, "Another transaction of the package has the id '" + place.id() + "'");
    }

    static Item securityIssuedTwice(Place place, String securityId) {
        return at(place, Rule.DUPLICATE_ID, "The security '" + securityId + "' is issued twice");
    }
}
