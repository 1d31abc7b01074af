package org.capledger.query.common;

/** Certificate labels ({@code CS-10}, {@code OPT-3}) in read models. */
public final class Labels {

    private Labels() {
    }

    /** @return the number after the prefix, so that CS-10 sorts after CS-9; 0 when the label ends in no digit */
    public static long number(String label) {
        int i = label.length();
        while (i > 0 && Character.isDigit(label.charAt(i - 1))) {
            i--;
        }
        return i == label.length() ? 0 : Long.parseLong(label.substring(i));
    }
}
