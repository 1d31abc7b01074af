package org.capledger.api.value;

import java.util.Locale;
import java.util.Set;

/**
 * A postal address (OCF 1.2 {@code types/Address}). Blank text reads as absent and text is stripped; the rules
 * ({@link #problem()}) are checked by the ledger when a command carries an address, so events recorded under
 * older rules still read.
 *
 * @param addressType        LEGAL, CONTACT or OTHER (OCF {@code address_type}); required
 * @param streetSuite        street address, may span lines (OCF {@code street_suite}); at most 500 characters
 * @param city               at most 200 characters
 * @param countrySubdivision state, province or equivalent, an ISO 3166-2 subdivision code without the country
 *                           ({@code CA}, {@code ENG}): 1 to 3 capital letters or digits (OCF
 *                           {@code CountrySubdivisionCode})
 * @param country            ISO 3166-1 alpha-2 country code ({@code GB}, {@code US}), one the standard assigns
 *                           (OCF {@code CountryCode}); required
 * @param postalCode         at most 32 characters
 */
public record Address(AddressType addressType,
                      String streetSuite,
                      String city,
                      String countrySubdivision,
                      String country,
                      String postalCode) {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public Address {
        streetSuite = blankToNull(streetSuite);
        city = blankToNull(city);
        countrySubdivision = blankToNull(countrySubdivision);
        country = blankToNull(country);
        postalCode = blankToNull(postalCode);
    }

    /** @return what breaks the rules above, or null when nothing does */
    public String problem() {
        if (addressType == null) {
            return "address.addressType is required: LEGAL, CONTACT or OTHER";
        }
        if (country == null || !country.matches("[A-Z]{2}") || !COUNTRIES.contains(country)) {
            return "address.country must be an ISO 3166-1 alpha-2 country code such as GB";
        }
        if (countrySubdivision != null && !countrySubdivision.matches("[A-Z0-9]{1,3}")) {
            return "address.countrySubdivision must be an ISO 3166-2 subdivision code without the country, such as CA";
        }
        if (streetSuite != null && streetSuite.length() > 500) {
            return "address.streetSuite must be at most 500 characters";
        }
        if (city != null && city.length() > 200) {
            return "address.city must be at most 200 characters";
        }
        if (postalCode != null && postalCode.length() > 32) {
            return "address.postalCode must be at most 32 characters";
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
