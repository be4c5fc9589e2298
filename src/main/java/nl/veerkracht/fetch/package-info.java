/**
 * Fetching public data (CBS, PDOK, Leefbaarometer) by hand or on a schedule, and its pages. May
 * use: area, cli, common, imports, security, web.
 */
package nl.veerkracht.fetch;
