/**
 * The home page: the map a visitor lands on, and for staff what changed in their corporation's
 * buurten. May use: agreement, area, atelier, common, fetch, imports, map, monitor, plan, security,
 * statistics, stock, web.
 */
package nl.veerkracht.home;
