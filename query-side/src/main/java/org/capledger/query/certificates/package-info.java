/**
 * Share certificates: the certificates read model (one per stock security, with its status and links), what they
 * print (officers, legends), their verification codes, PDFs, and mail to holders about new ones.
 */
package org.capledger.query.certificates;
