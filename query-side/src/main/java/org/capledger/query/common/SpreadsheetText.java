package org.capledger.query.common;

/**
 * Formula injection ("CSV injection", OWASP): a spreadsheet reads a cell whose text begins with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return before one) as a formula. Names and labels come from users, so
 * every text cell of every CSV and workbook (registers, compliance reports, the cap table report) is checked here: the
 * CSV gets such a text with a leading apostrophe, which spreadsheets show as text; the workbook keeps the text as it
 * is in a cell styled "quote prefixed" (Excel's own leading apostrophe), so the value read back is the name itself.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** @return whether a spreadsheet could take {@code text} for a formula */
    public static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * @return {@code text}, with an apostrophe in front when a spreadsheet could take it for a formula; the empty
     *         string for null
     */
    public static String forCsv(String text) {
        if (text == null) {
            return "";
        }
        return formulaLike(text) ? "'" + text : text;
    }
}
