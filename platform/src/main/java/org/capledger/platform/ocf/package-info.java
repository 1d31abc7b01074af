/**
 * Reading and validating Open Cap Table Format (OCF) packages, offline: {@link org.capledger.platform.ocf.OcfPackage}
 * opens a folder or a {@code *.ocf.zip} and matches its manifest to its files,
 * {@link org.capledger.platform.ocf.OcfValidator} checks every file against the OCF JSON Schemas bundled on the
 * classpath ({@link org.capledger.platform.ocf.OcfSchemas}) and returns an
 * {@link org.capledger.platform.ocf.OcfReport} of every problem, exporters' harmless quirks as warnings. Plain Java
 * (Jackson 3 and networknt's json-schema-validator), no Spring, so that the importer, the exporter's tests and the
 * command-line validation share it. See docs/ocf.md.
 */
package org.capledger.platform.ocf;
