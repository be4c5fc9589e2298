/** Geometry: GeoJSON in and out, RD New, points and outlines. May use: nothing. */
package nl.veerkracht.geo;
