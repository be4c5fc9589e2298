/**
 * Areas (buurt, wijk, gemeente): names, codes, outlines and the year their boundaries belong to.
 * May use: geo.
 */
package nl.veerkracht.area;
