/**
 * Beheerplan and begroting: a plan per area or complex, its approved versions, its PDF and XLSX,
 * and the costs by year and lever next to the MJOB. May use: area, atelier, audit, common,
 * corporation, measure, security, stock, web.
 */
package nl.veerkracht.plan;
