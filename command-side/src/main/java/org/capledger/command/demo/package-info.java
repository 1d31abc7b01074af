/** Demo data: a realistic company recorded through the ordinary commands, switched on by {@code capledger.demo-data}. */
package org.capledger.command.demo;
