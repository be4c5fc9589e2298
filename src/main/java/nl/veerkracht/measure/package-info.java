/**
 * Maatregelen: planned measures with their cost lines, the corporation's catalogue, MJOB links and
 * spending. May use: area, audit, common, corporation, security, statistics, stock, web.
 */
package nl.veerkracht.measure;
