package org.capledger.api.certificate;

/**
 * Standard legends for share certificates of a US (Delaware) corporation. The texts follow common practice; counsel
 * should confirm them for each issuer. A legend recorded from a template keeps the text it had then, so a later
 * change of wording here never alters a recorded certificate.
 */
public enum LegendTemplate {

    /** Restricted securities: sold in a private placement, not registered (Securities Act of 1933 §5, Rule 144). */
    SECURITIES_ACT_1933("Securities Act of 1933 restriction",
            "THE SHARES REPRESENTED BY THIS CERTIFICATE HAVE NOT BEEN REGISTERED UNDER THE SECURITIES ACT OF 1933, AS "
                    + "AMENDED (THE \"ACT\"), OR UNDER THE SECURITIES LAWS OF ANY STATE. THEY HAVE BEEN ACQUIRED FOR "
                    + "INVESTMENT AND MAY NOT BE SOLD, OFFERED FOR SALE, PLEDGED OR HYPOTHECATED IN THE ABSENCE OF AN "
                    + "EFFECTIVE REGISTRATION STATEMENT UNDER THE ACT AND ANY APPLICABLE STATE SECURITIES LAWS, OR AN "
                    + "OPINION OF COUNSEL SATISFACTORY TO THE CORPORATION THAT SUCH REGISTRATION IS NOT REQUIRED."),

    /** Shares issued under Rule 701 to employees and consultants (17 CFR 230.701(g)). */
    RULE_701("Rule 701 compensatory issuance",
            "THE SHARES REPRESENTED BY THIS CERTIFICATE WERE ISSUED UNDER A COMPENSATORY BENEFIT PLAN OR CONTRACT IN "
                    + "RELIANCE ON RULE 701 UNDER THE SECURITIES ACT OF 1933, AS AMENDED, AND ARE \"RESTRICTED "
                    + "SECURITIES\" WITHIN THE MEANING OF RULE 144. THEY MAY NOT BE RESOLD EXCEPT IN COMPLIANCE WITH "
                    + "THE REGISTRATION REQUIREMENTS OF THAT ACT OR AN EXEMPTION FROM THEM."),

    /** Restrictions on transfer, e.g. a right of first refusal in the bylaws; noted conspicuously (8 Del. C. §202(a)). */
    TRANSFER_RESTRICTIONS("Transfer restrictions and right of first refusal",
            "THE SHARES REPRESENTED BY THIS CERTIFICATE ARE SUBJECT TO RESTRICTIONS ON TRANSFER, INCLUDING A RIGHT OF "
                    + "FIRST REFUSAL IN FAVOR OF THE CORPORATION, SET FORTH IN THE BYLAWS OF THE CORPORATION (8 DEL. C. "
                    + "§202). A COPY OF THOSE RESTRICTIONS MAY BE OBTAINED FROM THE SECRETARY OF THE CORPORATION."),

    /** Lock-up after an initial public offering (market stand-off, typically 180 days). */
    MARKET_STANDOFF("Market stand-off (lock-up)",
            "THE SHARES REPRESENTED BY THIS CERTIFICATE ARE SUBJECT TO A MARKET STAND-OFF (LOCK-UP) RESTRICTION, "
                    + "FOR A PERIOD OF UP TO 180 DAYS AFTER THE EFFECTIVE DATE OF THE CORPORATION'S REGISTRATION "
                    + "STATEMENT UNDER THE SECURITIES ACT OF 1933, AS SET FORTH IN AN AGREEMENT WITH THE CORPORATION, "
                    + "AND SUCH RESTRICTION IS BINDING ON TRANSFEREES OF THESE SHARES."),

    /** Unvested restricted stock the corporation may buy back (e.g. founders' stock with vesting). */
    REPURCHASE_OPTION("Repurchase option on unvested shares",
            "THE SHARES REPRESENTED BY THIS CERTIFICATE ARE SUBJECT TO AN OPTION OF THE CORPORATION TO REPURCHASE "
                    + "UNVESTED SHARES, AS SET FORTH IN AN AGREEMENT BETWEEN THE CORPORATION AND THE REGISTERED HOLDER, "
                    + "A COPY OF WHICH IS ON FILE WITH THE SECRETARY OF THE CORPORATION."),

    /**
     * The statement a corporation with more than one class or series may print instead of the full rights
     * (8 Del. C. §151(f)).
     */
    CLASS_RIGHTS_STATEMENT("Statement of class rights (8 Del. C. §151(f))",
            "THE CORPORATION WILL FURNISH WITHOUT CHARGE TO EACH STOCKHOLDER WHO SO REQUESTS THE POWERS, "
                    + "DESIGNATIONS, PREFERENCES AND RELATIVE, PARTICIPATING, OPTIONAL OR OTHER SPECIAL RIGHTS OF EACH "
                    + "CLASS OF STOCK OR SERIES THEREOF AND THE QUALIFICATIONS, LIMITATIONS OR RESTRICTIONS OF SUCH "
                    + "PREFERENCES AND/OR RIGHTS.");

    private final String title;
    private final String text;

    LegendTemplate(String title, String text) {
        this.title = title;
        this.text = text;
    }

    /** @return a short human-readable name */
    public String title() {
        return title;
    }

    /** @return the full text printed on the certificate */
    public String text() {
        return text;
    }
}
