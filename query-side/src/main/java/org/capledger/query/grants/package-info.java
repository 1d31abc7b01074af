/** Read models of stock plans ({@code stock_plan_view}) and equity compensation grants ({@code grant_view}). */
package org.capledger.query.grants;
