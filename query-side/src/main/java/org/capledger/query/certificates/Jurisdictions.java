package org.capledger.query.certificates;

import java.util.Locale;
import java.util.Map;

/**
 * The jurisdiction printed on a certificate ("Incorporated under the laws of ..."), from the issuer's ISO 3166-1
 * country and ISO 3166-2 subdivision codes: US states and the nations of the United Kingdom by name, other
 * subdivisions by code, countries by their English name.
 */
final class Jurisdictions {

    private static final Map<String, String> US = Map.ofEntries(
            Map.entry("AL", "Alabama"), Map.entry("AK", "Alaska"), Map.entry("AZ", "Arizona"),
            Map.entry("AR", "Arkansas"), Map.entry("CA", "California"), Map.entry("CO", "Colorado"),
            Map.entry("CT", "Connecticut"), Map.entry("DE", "Delaware"), Map.entry("DC", "the District of Columbia"),
            Map.entry("FL", "Florida"), Map.entry("GA", "Georgia"), Map.entry("HI", "Hawaii"),
            Map.entry("ID", "Idaho"), Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"),
            Map.entry("IA", "Iowa"), Map.entry("KS", "Kansas"), Map.entry("KY", "Kentucky"),
            Map.entry("LA", "Louisiana"), Map.entry("ME", "Maine"), Map.entry("MD", "Maryland"),
            Map.entry("MA", "Massachusetts"), Map.entry("MI", "Michigan"), Map.entry("MN", "Minnesota"),
            Map.entry("MS", "Mississippi"), Map.entry("MO", "Missouri"), Map.entry("MT", "Montana"),
            Map.entry("NE", "Nebraska"), Map.entry("NV", "Nevada"), Map.entry("NH", "New Hampshire"),
            Map.entry("NJ", "New Jersey"), Map.entry("NM", "New Mexico"), Map.entry("NY", "New York"),
            Map.entry("NC", "North Carolina"), Map.entry("ND", "North Dakota"), Map.entry("OH", "Ohio"),
            Map.entry("OK", "Oklahoma"), Map.entry("OR", "Oregon"), Map.entry("PA", "Pennsylvania"),
            Map.entry("RI", "Rhode Island"), Map.entry("SC", "South Carolina"), Map.entry("SD", "South Dakota"),
            Map.entry("TN", "Tennessee"), Map.entry("TX", "Texas"), Map.entry("UT", "Utah"),
            Map.entry("VT", "Vermont"), Map.entry("VA", "Virginia"), Map.entry("WA", "Washington"),
            Map.entry("WV", "West Virginia"), Map.entry("WI", "Wisconsin"), Map.entry("WY", "Wyoming"));

    private static final Map<String, String> GB = Map.of(
            "ENG", "England and Wales", "WLS", "England and Wales", "SCT", "Scotland", "NIR", "Northern Ireland");

    private Jurisdictions() {
    }

    /** @return e.g. "Delaware, United States", "England and Wales, United Kingdom", "France" */
    static String describe(String country, String subdivision) {
        String countryName = new Locale("", country).getDisplayCountry(Locale.ENGLISH);
        if (subdivision == null || subdivision.isBlank()) {
            return countryName;
        }
        String name = switch (country) {
            case "US" -> US.getOrDefault(subdivision, subdivision);
            case "GB" -> GB.getOrDefault(subdivision, subdivision);
            default -> subdivision;
        };
        return name + ", " + countryName;
    }
}
