package org.capledger.query.common;

/** Certificate labels ({@code CS-10}, {@code OPT-3}) in read models. */
public final class Labels {

    private Labels() {
    }

    /**
     * @return the number after the prefix, so that CS-10 sorts after CS-9; 0 when the label ends in no ASCII digit,
     *         and {@link Long#MAX_VALUE} for a number too long for a long (an imported OCF {@code custom_id} such as
     *         a 20-digit certificate number), which then sorts last
     */
    public static long number(String label) {
        int i = label.length();
        while (i > 0 && label.charAt(i - 1) >= '0' && label.charAt(i - 1) <= '9') {
            i--;
        }
        if (i == label.length()) {
            return 0;
        }
        String digits = label.substring(i).replaceFirst("^0+(?=.)", "");
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
