/**
 * The map: choropleths per figure and year, base-map tiles served and cached by Veerkracht,
 * national outlines. May use: analysis, area, common, geo, profile, security, statistics, web.
 */
package nl.veerkracht.map;
