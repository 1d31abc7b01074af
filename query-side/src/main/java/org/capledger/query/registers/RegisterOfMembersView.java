package org.capledger.query.registers;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.capledger.api.value.Address;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;

/**
 * The register of members of a company formed in Great Britain as of a date (Companies Act 2006 s.113): one entry per
 * period of membership, current members and former ones, ordered by name.
 *
 * @param issuerId        the issuer
 * @param issuerLegalName its legal name
 * @param asOf            the date the register is drawn up to (inclusive)
 * @param members         the entries
 */
public record RegisterOfMembersView(String issuerId, String issuerLegalName, LocalDate asOf, List<Member> members) {

    /** How {@link Holding#amountPaidUp()} is computed; repeated in docs/registers.md. */
    public static final String PAID_UP_BASIS = "Shares are taken as fully paid when issued: an issuance's price per "
            + "share times its shares; an option's or warrant's exercise price, an RSU's release price, or a "
            + "convertible's investment amount for the shares they turned into. The amount paid stays with the shares "
            + "through transfers, splits, consolidations, reissuances and conversions, in proportion to the shares "
            + "carried over.";

    public RegisterOfMembersView {
        members = List.copyOf(members);
    }

    /**
     * One period during which a stakeholder held shares (s.113(2)): entered when its holding became positive at the
     * end of a day, ceased when it fell to nothing at the end of a day. A stakeholder who ceased and came back has an
     * entry per period.
     *
     * @param stakeholderId the member
     * @param name          legal name in force on the as-of date (s.113(2)(a))
     * @param address       postal address in force on the as-of date, or null when none is recorded (s.113(2)(a))
     * @param enteredOn     the date entered as a member (s.113(2)(b))
     * @param ceasedOn      the date ceased to be a member (s.113(2)(c)), or null while a member
     * @param holdings      shares held on the as-of date, by class (s.113(3)); empty once ceased
     */
    @Schema(description = "One period of membership of one stakeholder")
    public record Member(String stakeholderId, String name, Address address, LocalDate enteredOn, LocalDate ceasedOn,
                         List<Holding> holdings) {

        public Member {
            holdings = List.copyOf(holdings);
        }
    }

    /**
     * A member's shares of one class (s.113(3)(a)).
     *
     * @param stockClassId            the class
     * @param stockClassName          its name
     * @param shares                  shares held
     * @param certificates            labels of the certificates holding them
     * @param amountPaidUp            amount paid up on them, one per currency (see {@link #PAID_UP_BASIS}); covers
     *                                all the shares unless {@code sharesWithUnknownPaidUp} is positive
     * @param sharesWithUnknownPaidUp shares whose amount paid Capledger does not know (stock from a stock-settled SAR,
     *                                an RSU released without a price, a warrant without an exercise price)
     */
    @Schema(description = "A member's shares of one class, with the amount paid up on them")
    public record Holding(String stockClassId, String stockClassName, Quantity shares, List<String> certificates,
                          List<Money> amountPaidUp, Quantity sharesWithUnknownPaidUp) {

        public Holding {
            certificates = List.copyOf(certificates);
            amountPaidUp = List.copyOf(amountPaidUp);
        }
    }
}
