package org.capledger.query.pdf;

import java.math.BigDecimal;
import java.math.BigInteger;

import pl.allegro.finance.tradukisto.LongValueConverters;

/**
 * Exact decimals in English words and in grouped figures, as printed on share certificates:
 * {@code 120000} is "One Hundred Twenty Thousand" and "120,000"; {@code 1250.25} is
 * "One Thousand Two Hundred Fifty Point Two Five" and "1,250.25". The whole part is spelled by Tradukisto (US
 * style, no "and"), the fraction digit by digit, so every decimal place is kept, however many there are (shares
 * have up to ten, OCF {@code Numeric}).
 */
public final class NumberWords {

    private static final String[] DIGITS = {"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
            "Nine"};
    private static final BigInteger LARGEST = BigInteger.valueOf(Long.MAX_VALUE);

    private NumberWords() {
    }

    /**
     * @param value a non-negative decimal with a whole part of at most {@value Long#MAX_VALUE}
     * @return the value in title-case words, e.g. "Twenty-Five Thousand Point Five"
     * @throws IllegalArgumentException when the value is negative or its whole part is larger than that
     */
    public static String spell(BigDecimal value) {
        BigDecimal exact = normalize(value);
        BigInteger whole = exact.toBigInteger();
        if (whole.compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("too large to spell: " + exact.toPlainString());
        }
        StringBuilder words = new StringBuilder(titleCase(LongValueConverters.ENGLISH_LONG.asWords(whole.longValue())));
        String plain = exact.toPlainString();
        int point = plain.indexOf('.');
        if (point >= 0) {
            words.append(" Point");
            for (char digit : plain.substring(point + 1).toCharArray()) {
                words.append(' ').append(DIGITS[digit - '0']);
            }
        }
        return words.toString();
    }

    /**
     * @param value a non-negative decimal
     * @return the value with comma thousands separators and every significant decimal place, e.g. "1,250.25"
     * @throws IllegalArgumentException when the value is negative
     */
    public static String figures(BigDecimal value) {
        return group(normalize(value).toPlainString());
    }

    /** Inserts thousands separators into the whole part of a plain decimal string ("1250.25" to "1,250.25"). */
    static String group(String plain) {
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return point < 0 ? grouped.toString() : grouped + plain.substring(point);
    }

    private static BigDecimal normalize(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative: " + value.toPlainString());
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** "twenty-five thousand" to "Twenty-Five Thousand". */
    private static String titleCase(String words) {
        char[] chars = words.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '-') {
                chars[i] = Character.toUpperCase(chars[i]);
            }
        }
        return new String(chars);
    }
}
