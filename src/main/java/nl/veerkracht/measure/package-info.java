/**
 * Maatregelen: planned measures with their cost lines, the corporation's catalogue, MJOB links and
 * spending. May use stock, statistics, security and common; never atelier, plan or monitor.
 */
package nl.veerkracht.measure;
