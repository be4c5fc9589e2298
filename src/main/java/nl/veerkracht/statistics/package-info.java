/**
 * Indicators and their observations per area and year: the catalogue, CBS tables and the staging of
 * imports. May use: common, database.
 */
package nl.veerkracht.statistics;
