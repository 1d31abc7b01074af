/** HTTP edge support shared by all deployables: problem details (RFC 9457) for every error. */
package org.capledger.platform.web;
