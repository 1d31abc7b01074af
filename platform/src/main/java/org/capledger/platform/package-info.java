/**
 * Spring infrastructure shared by every Capledger deployable (command side, query side, standalone): the
 * database schema, RFC 9457 problem responses, OpenAPI metadata. Registered as a Spring Boot auto-configuration
 * so each application gets it exactly once.
 */
package org.capledger.platform;
