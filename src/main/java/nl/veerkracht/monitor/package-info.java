/**
 * Monitoring: targets with their status and before/after, the yearly leefbaarheidsmonitor, and what
 * changed after each analysis run (buurten, targets, complexes' own signals). May use plan and
 * measure below it.
 */
package nl.veerkracht.monitor;
