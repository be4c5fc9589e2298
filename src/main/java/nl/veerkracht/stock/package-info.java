/**
 * The corporation's stock: complexes and VHE's, their clusters and where they lie. May use: area,
 * common, corporation, database, geo, imports, security, statistics, web.
 */
package nl.veerkracht.stock;
