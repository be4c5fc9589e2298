/**
 * Performance agreements (prestatieafspraken) with gemeente and tenants: their commitments, linked
 * measures and status. May use: area, audit, common, corporation, measure, monitor, security,
 * stock, web.
 */
package nl.veerkracht.agreement;
