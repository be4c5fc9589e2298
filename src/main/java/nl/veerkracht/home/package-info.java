/**
 * The home page: the map a visitor lands on, and for staff what changed in their corporation's
 * buurten. The top floor: may use map, monitor and everything below; nothing uses it.
 */
package nl.veerkracht.home;
