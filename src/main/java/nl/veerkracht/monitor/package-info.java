/**
 * Monitoring: targets with their status and before/after, the yearly leefbaarheidsmonitor, and what
 * changed after each analysis run. May use: analysis, area, common, corporation, measure, security,
 * statistics, stock, web.
 */
package nl.veerkracht.monitor;
