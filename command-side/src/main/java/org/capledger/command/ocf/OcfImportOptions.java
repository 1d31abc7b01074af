package org.capledger.command.ocf;

import org.capledger.platform.ocf.OcfReport.Severity;

/**
 * How to import a package.
 *
 * @param dryRun           check everything, the ledger's rules included, and record nothing (validation-only mode)
 * @param checksumMismatch what a file whose MD5 differs from the manifest's is: an error (the default) or a warning
 * @param existingIssuer   what to do when the manifest's issuer id is already an issuer
 */
public record OcfImportOptions(boolean dryRun, Severity checksumMismatch, ExistingIssuer existingIssuer) {

    public enum ExistingIssuer {
        /** Import as a new issuer under a new id (the default). */
        NEW_ISSUER,
        /** Refuse the import ({@code ISSUER_EXISTS}). */
        REFUSE
    }

    public OcfImportOptions {
        checksumMismatch = checksumMismatch == null ? Severity.ERROR : checksumMismatch;
        existingIssuer = existingIssuer == null ? ExistingIssuer.NEW_ISSUER : existingIssuer;
    }

    public static OcfImportOptions defaults() {
        return new OcfImportOptions(false, Severity.ERROR, ExistingIssuer.NEW_ISSUER);
    }

    public OcfImportOptions withDryRun(boolean dryRun) {
        return new OcfImportOptions(dryRun, checksumMismatch, existingIssuer);
    }

    public OcfImportOptions withChecksumMismatch(Severity severity) {
        return new OcfImportOptions(dryRun, severity, existingIssuer);
    }

    public OcfImportOptions withExistingIssuer(ExistingIssuer existing) {
        return new OcfImportOptions(dryRun, checksumMismatch, existing);
    }
}
