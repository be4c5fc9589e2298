/**
 * OGC API Features and GeoPackage downloads: the same data for every GIS. May use: area, atelier,
 * common, corporation, geo, map, profile, security.
 */
package nl.veerkracht.ogc;
